package dev.ff.control.domain;

/**
 * A person who can be given roles. The password hash is never exposed.
 *
 * @param email the email, unique regardless of case
 * @param displayName the display name
 * @param meta bookkeeping ({@code meta.id} is the user id role bindings refer to)
 */
public record User(String email, String displayName, Meta meta) {}
