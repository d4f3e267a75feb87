package dev.ff.control.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One audit row: who changed what, with the resource before and after.
 *
 * @param id the row id (rows of an organisation are listed newest first)
 * @param org the organisation key, null for global resources (users)
 * @param actorId the actor id
 * @param actorKind {@code USER} or {@code TOKEN}
 * @param actorDisplay the actor's display name
 * @param action e.g. {@code flag.update}
 * @param resourceType e.g. {@code flag}
 * @param resourceKey the resource key, qualified by its parents ({@code shop/production/checkout})
 * @param diff {@code {"before": …, "after": …}}; null sides for creation and deletion
 * @param correlationId the request's correlation id, may be null
 * @param at when
 */
public record AuditEntry(
    long id,
    String org,
    String actorId,
    String actorKind,
    String actorDisplay,
    String action,
    String resourceType,
    String resourceKey,
    JsonNode diff,
    String correlationId,
    Instant at) {}
