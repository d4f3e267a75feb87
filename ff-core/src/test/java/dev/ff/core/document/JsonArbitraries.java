package dev.ff.core.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators for arbitrary JSON trees (well-formed Unicode strings, finite numbers). */
public final class JsonArbitraries {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonArbitraries() {}

  /** Strings of any Unicode scalar values, control characters and astral planes included. */
  public static Arbitrary<String> strings() {
    Arbitrary<Integer> codePoint =
        Arbitraries.frequencyOf(
            // bias towards the interesting ranges
            Tuple.of(4, Arbitraries.integers().between(0x20, 0x7e)),
            Tuple.of(2, Arbitraries.integers().between(0, 0x1f)),
            Tuple.of(2, Arbitraries.integers().between(0x7f, 0xd7ff)),
            Tuple.of(1, Arbitraries.integers().between(0xe000, 0xffff)),
            Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
    return codePoint
        .list()
        .ofMaxSize(8)
        .map(
            cps -> {
              StringBuilder sb = new StringBuilder();
              cps.forEach(sb::appendCodePoint);
              return sb.toString();
            });
  }

  /** Finite doubles of every magnitude, including the edges (subnormals, max, −0). */
  public static Arbitrary<Double> doubles() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
        Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e21, 1e-7, 0.1, 4.5),
        Arbitraries.doubles().between(-1e6, 1e6).ofScale(4));
  }

  /** Scalar JSON values, numbers in all of Jackson's node kinds. */
  public static Arbitrary<JsonNode> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.just(F.nullNode()),
        Arbitraries.of(F.booleanNode(true), F.booleanNode(false)),
        strings().map(F::textNode),
        Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
        Arbitraries.longs().map(l -> (JsonNode) F.numberNode(l)),
        Arbitraries.bigIntegers()
            .between(BigInteger.TEN.pow(25).negate(), BigInteger.TEN.pow(25))
            .map(b -> (JsonNode) F.numberNode(b)),
        doubles().map(d -> (JsonNode) F.numberNode(d)),
        Arbitraries.bigDecimals()
            .between(BigDecimal.valueOf(-1e9), BigDecimal.valueOf(1e9))
            .ofScale(6)
            .map(b -> (JsonNode) F.numberNode(b)));
  }

  /** Any JSON value, nested up to {@code depth} containers deep. */
  public static Arbitrary<JsonNode> values(int depth) {
    return Arbitraries.recursive(JsonArbitraries::scalars, JsonArbitraries::containers, 0, depth);
  }

  /** JSON objects whose members are any values, nested up to {@code depth}. */
  public static Arbitrary<ObjectNode> objects(int depth) {
    return objectsOf(values(depth));
  }

  private static Arbitrary<JsonNode> containers(Arbitrary<JsonNode> inner) {
    Arbitrary<JsonNode> arrays =
        inner
            .list()
            .ofMaxSize(4)
            .map(
                items -> {
                  ArrayNode a = F.arrayNode();
                  items.forEach(a::add);
                  return a;
                });
    return Arbitraries.oneOf(arrays, objectsOf(inner).map(o -> (JsonNode) o));
  }

  private static Arbitrary<ObjectNode> objectsOf(Arbitrary<JsonNode> inner) {
    Arbitrary<String> names = Arbitraries.oneOf(strings(), Arbitraries.of("a", "b", "key", "€"));
    return Combinators.combine(names.list().ofMaxSize(4), inner.list().ofSize(4))
        .as(
            (keys, vals) -> {
              ObjectNode o = F.objectNode();
              for (int i = 0; i < keys.size(); i++) {
                o.set(keys.get(i), vals.get(i));
              }
              return o;
            });
  }

  /** A deep copy of {@code node} with the members of every object in a random order. */
  public static JsonNode shuffled(JsonNode node, Random random) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        members.add(it.next());
      }
      Collections.shuffle(members, random);
      ObjectNode copy = F.objectNode();
      for (Map.Entry<String, JsonNode> m : members) {
        copy.set(m.getKey(), shuffled(m.getValue(), random));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = F.arrayNode();
      node.forEach(item -> copy.add(shuffled(item, random)));
      return copy;
    }
    return node.deepCopy();
  }
}
