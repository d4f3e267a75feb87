package dev.ff.control.domain;

import java.time.Instant;

/**
 * The bookkeeping columns every stored resource carries.
 *
 * @param id the database id
 * @param version the optimistic-concurrency version, 1 on creation, +1 on every change
 * @param archived whether the resource is soft-archived
 * @param createdAt creation time
 * @param updatedAt time of the last change
 * @param createdBy the actor id that created the resource
 * @param updatedBy the actor id of the last change
 */
public record Meta(
    long id,
    long version,
    boolean archived,
    Instant createdAt,
    Instant updatedAt,
    String createdBy,
    String updatedBy) {}
