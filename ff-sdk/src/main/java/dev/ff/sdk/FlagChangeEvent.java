package dev.ff.sdk;

/**
 * A flag's definition changed.
 *
 * @param flagKey the flag
 * @param previousVersion the config version before (0 when there was none)
 * @param version the config version now in use
 */
public record FlagChangeEvent(String flagKey, long previousVersion, long version) {}
