/**
 * Persistence plumbing shared by every service: transactions, the generic keyed-table helper
 * (lookup, locking with version checks, cursor pages, inserts and updates), scope resolution, the
 * audit writer and JSON conversion.
 */
package dev.ff.control.store;
