package dev.ff.control.domain;

/**
 * An organisation: the top of the tenancy tree and the unit of membership.
 *
 * @param key the organisation key
 * @param name the display name
 * @param meta bookkeeping
 */
public record Org(String key, String name, Meta meta) {}
