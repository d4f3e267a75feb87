package dev.ff.control.domain;

/**
 * A project of an organisation; holds environments and metric definitions.
 *
 * @param org the organisation key
 * @param key the project key
 * @param name the display name
 * @param meta bookkeeping
 */
public record Project(String org, String key, String name, Meta meta) {}
