package dev.ff.control.domain;

import java.util.List;

/**
 * A metric definition of a project.
 *
 * @param key the metric key
 * @param name the display name
 * @param description free text, may be null
 * @param kind {@code proportion}, {@code mean} or {@code ratio}
 * @param events the event name; numerator and denominator event names for a ratio
 * @param direction {@code increase} or {@code decrease}: which way is better
 * @param guardrail whether the metric guards against harm rather than measuring success
 * @param meta bookkeeping
 */
public record Metric(
    String key,
    String name,
    String description,
    String kind,
    List<String> events,
    String direction,
    boolean guardrail,
    Meta meta) {
  /** Defensive copy. */
  public Metric {
    events = List.copyOf(events);
  }
}
