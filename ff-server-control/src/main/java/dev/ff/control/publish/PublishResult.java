package dev.ff.control.publish;

/**
 * The outcome of a publish or a rollback.
 *
 * @param config the published version
 * @param replayed true when an earlier call with the same idempotency key already published it
 */
public record PublishResult(ConfigVersion config, boolean replayed) {}
