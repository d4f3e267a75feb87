package dev.ff.control.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * One published version of an environment's config document.
 *
 * @param envId the environment id
 * @param version the version, 1, 2, 3… without gaps
 * @param document the signed document
 * @param contentHash lowercase hex SHA-256 of the canonical {@code {env, project, salt, flags,
 *     segments}}: equal for equal content whatever the version
 * @param publishedAt when it was published
 * @param publishedBy the actor id
 * @param rollbackOf the version whose content a rollback republished
 */
public record ConfigVersion(
    long envId,
    long version,
    ObjectNode document,
    String contentHash,
    Instant publishedAt,
    String publishedBy,
    Optional<Long> rollbackOf) {}
