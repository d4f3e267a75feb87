/**
 * The control plane's business API: one service per resource, one transaction per call, every rule
 * (validation, versions, state transitions, audit) enforced here so that REST handlers stay thin.
 *
 * <p>Create calls take the resource's JSON body; update calls take an RFC 7386 JSON Merge Patch of
 * the same shape plus the version the caller read. Validation problems carry JSON Pointers relative
 * to the submitted body.
 */
package dev.ff.control.service;
