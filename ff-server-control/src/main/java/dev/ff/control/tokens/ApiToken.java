package dev.ff.control.tokens;

import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.Meta;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored API token, without its secret.
 *
 * @param id the token id
 * @param org the organisation key
 * @param kind admin or SDK
 * @param name the display name
 * @param displayPrefix the first characters of the secret, to recognise it in lists
 * @param env the environment an env-scoped token is bound to; empty for org-scoped tokens
 * @param expiresAt when it stops working, if ever
 * @param lastUsedAt when it last authenticated (updated at most once a minute)
 * @param revokedAt when it was revoked
 * @param rotatedFrom the token this one replaced
 * @param meta bookkeeping
 */
public record ApiToken(
    long id,
    String org,
    TokenKind kind,
    String name,
    String displayPrefix,
    Optional<EnvRef> env,
    Optional<Instant> expiresAt,
    Optional<Instant> lastUsedAt,
    Optional<Instant> revokedAt,
    Optional<Long> rotatedFrom,
    Meta meta) {}
