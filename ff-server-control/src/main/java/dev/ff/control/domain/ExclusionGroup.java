package dev.ff.control.domain;

/**
 * The exclusion group of an experiment (docs/evaluation.md §5). Either an explicit {@code [start,
 * end)} range is requested, or a {@code size} and the range is assigned when the experiment starts
 * (the lowest free range of the group in the environment).
 *
 * @param key the group key
 * @param size the requested width in buckets (1..10000), or null with an explicit range
 * @param start the range start (inclusive), null until assigned when only a size was requested
 * @param end the range end (exclusive), null until assigned
 */
public record ExclusionGroup(String key, Integer size, Integer start, Integer end) {}
