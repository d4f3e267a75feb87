package dev.ff.core.validate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the references that lie on a cycle of a reference graph (prerequisites, segments).
 *
 * <p>A reference {@code a → b} lies on a cycle exactly when {@code a} and {@code b} are in the same
 * strongly connected component (a self-reference included). Components come from Tarjan's
 * algorithm, run with an explicit stack so that long reference chains cannot overflow the call
 * stack.
 */
final class Cycles {
  /** One reference, from the node holding it to the node it names, at a JSON Pointer. */
  record Edge(String from, String to, String pointer) {}

  private Cycles() {}

  /** The pointers of every edge that lies on a cycle. */
  static Set<String> pointersOnCycles(List<Edge> edges) {
    Map<String, List<Edge>> out = new LinkedHashMap<>();
    for (Edge e : edges) {
      out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
      out.computeIfAbsent(e.to(), k -> new ArrayList<>());
    }
    Map<String, Integer> component = components(out);
    Set<String> onCycle = new HashSet<>();
    for (Edge e : edges) {
      if (component.get(e.from()).equals(component.get(e.to()))) {
        onCycle.add(e.pointer());
      }
    }
    return onCycle;
  }

  private static final class Frame {
    final String node;
    int next;

    Frame(String node) {
      this.node = node;
    }
  }

  private static Map<String, Integer> components(Map<String, List<Edge>> out) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Map<String, Integer> component = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    int counter = 0;
    int components = 0;
    for (String start : out.keySet()) {
      if (index.containsKey(start)) {
        continue;
      }
      Deque<Frame> calls = new ArrayDeque<>();
      index.put(start, counter);
      low.put(start, counter++);
      stack.push(start);
      onStack.add(start);
      calls.push(new Frame(start));
      while (!calls.isEmpty()) {
        Frame f = calls.peek();
        List<Edge> edges = out.get(f.node);
        if (f.next < edges.size()) {
          String w = edges.get(f.next++).to();
          if (!index.containsKey(w)) {
            index.put(w, counter);
            low.put(w, counter++);
            stack.push(w);
            onStack.add(w);
            calls.push(new Frame(w));
          } else if (onStack.contains(w)) {
            low.put(f.node, Math.min(low.get(f.node), index.get(w)));
          }
          continue;
        }
        calls.pop();
        if (low.get(f.node).equals(index.get(f.node))) {
          String w;
          do {
            w = stack.pop();
            onStack.remove(w);
            component.put(w, components);
          } while (!w.equals(f.node));
          components++;
        }
        if (!calls.isEmpty()) {
          String parent = calls.peek().node;
          low.put(parent, Math.min(low.get(parent), low.get(f.node)));
        }
      }
    }
    return component;
  }
}
