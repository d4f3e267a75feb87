package dev.ff.control.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A segment of an environment, stored as its contract JSON (docs/evaluation.md §4).
 *
 * @param key the segment key
 * @param body the segment JSON, {@code key} included
 * @param meta bookkeeping
 */
public record Segment(String key, ObjectNode body, Meta meta) {}
