/**
 * The control plane's vocabulary: the actor behind a call, the resources (records), list requests
 * and pages, and the domain errors the HTTP layer maps to status codes in one place.
 */
package dev.ff.control.domain;
