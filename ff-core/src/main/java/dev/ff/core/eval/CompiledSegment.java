package dev.ff.core.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** A segment resolved for evaluation: key sets and the compiled {@code if}. */
final class CompiledSegment {
  private final Set<String> included;
  private final Set<String> excluded;
  private final Cond condition;

  CompiledSegment(Set<String> included, Set<String> excluded, Cond condition) {
    this.included = included;
    this.excluded = excluded;
    this.condition = condition;
  }

  /** Membership: excluded wins, then included, then the condition if present. */
  boolean contains(ObjectNode ctx, String key) {
    if (key != null) {
      if (!excluded.isEmpty() && excluded.contains(key)) {
        return false;
      }
      if (!included.isEmpty() && included.contains(key)) {
        return true;
      }
    }
    return condition != null && Cond.test(condition, ctx, key);
  }
}
