package dev.ff.core.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * JSON requests to the statistics library: {@code {"kind": K, "inputs": {...}}} in, the result
 * object out, with the member names of the result records. This is the whole of {@code ff stats}
 * apart from reading and writing lines.
 *
 * <table>
 *   <caption>Request kinds</caption>
 *   <tr><th>kind</th><th>inputs (defaults in brackets)</th></tr>
 *   <tr><td>welch</td><td>control[], treatment[], alpha [0.05]</td></tr>
 *   <tr><td>proportions</td><td>nControl, convControl, nTreatment, convTreatment, alpha</td></tr>
 *   <tr><td>chi2_2xk</td><td>n[], conversions[]</td></tr>
 *   <tr><td>ratio</td><td>numeratorControl[], denominatorControl[], numeratorTreatment[],
 *       denominatorTreatment[], alpha</td></tr>
 *   <tr><td>cuped</td><td>arms[{pre[], post[]}], alpha</td></tr>
 *   <tr><td>srm</td><td>counts[], weights[], threshold [0.001]</td></tr>
 *   <tr><td>pocock_spending</td><td>alpha, informationFractions[]</td></tr>
 *   <tr><td>sequential_decision</td><td>alpha, plannedN, lookSampleSizes[], zStats[], finalLook
 *       (1-based index of the final look, true/false, or null while it has not happened)</td></tr>
 *   <tr><td>sample_size</td><td>metric, alpha, power [0.8], ratio [1], baseline, mde, mdeType,
 *       sdControl, sdTreatment [= sdControl]</td></tr>
 *   <tr><td>power</td><td>metric, alpha, nControl, nTreatment, baseline, delta, sdControl,
 *       sdTreatment</td></tr>
 *   <tr><td>mde</td><td>metric, alpha, power [0.8], nControl, nTreatment, baseline, sdControl,
 *       sdTreatment</td></tr>
 *   <tr><td>multiple_comparisons</td><td>pValues[], alpha</td></tr>
 * </table>
 *
 * <p>{@code metric} is {@code "binary"} (baseline = control rate, no SDs) or {@code "continuous"}
 * (sdControl required; baseline needed for relative effects); {@code mdeType} is {@code "absolute"}
 * or {@code "relative"}. Unknown members, missing or ill-typed inputs and invalid values all throw
 * {@link IllegalArgumentException} with a message that names the field.
 */
public final class StatsRequests {
  /** The request kinds, in the order of the statistics contract. */
  public static final List<String> KINDS =
      List.of(
          "welch",
          "proportions",
          "chi2_2xk",
          "ratio",
          "cuped",
          "srm",
          "pocock_spending",
          "sequential_decision",
          "sample_size",
          "power",
          "mde",
          "multiple_comparisons");

  private static final double DEFAULT_ALPHA = 0.05;
  private static final double DEFAULT_POWER = 0.8;

  private StatsRequests() {}

  /**
   * Answers one request.
   *
   * @param request {@code {"kind": K, "inputs": {...}}}
   * @return the result as a JSON object
   * @throws IllegalArgumentException if the request is malformed or its input invalid; the message
   *     names the field
   */
  public static ObjectNode handle(JsonNode request) {
    return run(request).toJson();
  }

  /**
   * Answers one request with the result record.
   *
   * @param request {@code {"kind": K, "inputs": {...}}}
   * @return the result
   * @throws IllegalArgumentException if the request is malformed or its input invalid
   */
  public static StatsResult run(JsonNode request) {
    if (request == null || !request.isObject()) {
      throw new IllegalArgumentException("a request must be a JSON object {\"kind\", \"inputs\"}");
    }
    Iterator<String> names = request.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.equals("kind") && !name.equals("inputs")) {
        throw new IllegalArgumentException(
            "unknown request member '" + name + "' (a request has only kind and inputs)");
      }
    }
    JsonNode kindNode = request.get("kind");
    if (kindNode == null || !kindNode.isTextual()) {
      throw new IllegalArgumentException(
          "kind must be a string, one of " + String.join(", ", KINDS));
    }
    String kind = kindNode.textValue();
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException(
          "kind '" + kind + "' is unknown; expected one of " + String.join(", ", KINDS));
    }
    JsonNode inputs = request.get("inputs");
    if (inputs == null || !inputs.isObject()) {
      throw new IllegalArgumentException(kind + ": inputs must be a JSON object");
    }
    try {
      return dispatch(kind, inputs);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(kind + ": " + e.getMessage(), e);
    }
  }

  private static StatsResult dispatch(String kind, JsonNode node) {
    switch (kind) {
      case "welch" -> {
        Inputs in = new Inputs(node, "control", "treatment", "alpha");
        return Welch.test(in.numbers("control"), in.numbers("treatment"), in.alpha());
      }
      case "proportions" -> {
        Inputs in =
            new Inputs(node, "nControl", "convControl", "nTreatment", "convTreatment", "alpha");
        return Proportions.test(
            in.count("nControl"),
            in.count("convControl"),
            in.count("nTreatment"),
            in.count("convTreatment"),
            in.alpha());
      }
      case "chi2_2xk" -> {
        Inputs in = new Inputs(node, "n", "conversions");
        return ChiSquareOmnibus.test(in.counts("n"), in.counts("conversions"));
      }
      case "ratio" -> {
        Inputs in =
            new Inputs(
                node,
                "numeratorControl",
                "denominatorControl",
                "numeratorTreatment",
                "denominatorTreatment",
                "alpha");
        return RatioMetric.test(
            in.numbers("numeratorControl"),
            in.numbers("denominatorControl"),
            in.numbers("numeratorTreatment"),
            in.numbers("denominatorTreatment"),
            in.alpha());
      }
      case "cuped" -> {
        Inputs in = new Inputs(node, "arms", "alpha");
        JsonNode arms = in.array("arms");
        List<CupedSample> samples = new ArrayList<>();
        for (int j = 0; j < arms.size(); j++) {
          String path = "arms[" + j + "]";
          JsonNode arm = arms.get(j);
          if (!arm.isObject()) {
            throw new IllegalArgumentException("inputs." + path + " must be an object {pre, post}");
          }
          Inputs a = Inputs.nested(arm, path + ".", "pre", "post");
          double[] pre = a.numbers("pre");
          double[] post = a.numbers("post");
          if (pre.length != post.length) {
            throw new IllegalArgumentException(
                "inputs."
                    + path
                    + ".post has "
                    + post.length
                    + " values but inputs."
                    + path
                    + ".pre has "
                    + pre.length
                    + "; they must have one value per unit");
          }
          samples.add(new CupedSample(pre, post));
        }
        return Cuped.analyze(samples, in.alpha());
      }
      case "srm" -> {
        Inputs in = new Inputs(node, "counts", "weights", "threshold");
        return SampleRatioMismatch.test(
            in.counts("counts"),
            in.numbers("weights"),
            in.number("threshold", SampleRatioMismatch.DEFAULT_THRESHOLD));
      }
      case "pocock_spending" -> {
        Inputs in = new Inputs(node, "alpha", "informationFractions");
        return Sequential.pocockSpending(in.alpha(), in.numbers("informationFractions"));
      }
      case "sequential_decision" -> {
        Inputs in = new Inputs(node, "alpha", "plannedN", "lookSampleSizes", "zStats", "finalLook");
        double[] looks = in.numbers("lookSampleSizes");
        return Sequential.decide(
            in.alpha(),
            in.number("plannedN"),
            looks,
            in.numbers("zStats"),
            in.finalLook(looks.length));
      }
      case "sample_size" -> {
        Inputs in =
            new Inputs(
                node,
                "metric",
                "alpha",
                "power",
                "ratio",
                "baseline",
                "mde",
                "mdeType",
                "sdControl",
                "sdTreatment");
        String type = in.text("mdeType");
        MdeType mdeType =
            switch (type) {
              case "absolute" -> MdeType.ABSOLUTE;
              case "relative" -> MdeType.RELATIVE;
              default ->
                  throw new IllegalArgumentException(
                      "inputs.mdeType must be \"absolute\" or \"relative\", got \"" + type + "\"");
            };
        Design design =
            new Design(in.alpha(), in.number("power", DEFAULT_POWER), in.number("ratio", 1.0));
        return PowerAnalysis.sampleSize(in.metric(), in.number("mde"), mdeType, design);
      }
      case "power" -> {
        Inputs in =
            new Inputs(
                node,
                "metric",
                "alpha",
                "nControl",
                "nTreatment",
                "baseline",
                "delta",
                "sdControl",
                "sdTreatment");
        return PowerAnalysis.power(
            in.metric(),
            in.number("delta"),
            in.number("nControl"),
            in.number("nTreatment"),
            in.alpha());
      }
      case "mde" -> {
        Inputs in =
            new Inputs(
                node,
                "metric",
                "alpha",
                "power",
                "nControl",
                "nTreatment",
                "baseline",
                "sdControl",
                "sdTreatment");
        return PowerAnalysis.mde(
            in.metric(),
            in.number("nControl"),
            in.number("nTreatment"),
            in.alpha(),
            in.number("power", DEFAULT_POWER));
      }
      case "multiple_comparisons" -> {
        Inputs in = new Inputs(node, "pValues", "alpha");
        in.alpha();
        return MultipleComparisons.adjust(in.numbers("pValues"));
      }
      default -> throw new IllegalArgumentException("kind '" + kind + "' is unknown");
    }
  }

  /** Typed access to the members of an {@code inputs} object, with field-naming errors. */
  private static final class Inputs {
    private final JsonNode node;
    private final String prefix;

    Inputs(JsonNode node, String... allowed) {
      this(node, "", List.of(allowed));
    }

    /** The members of a nested object, reported as {@code inputs.<prefix><name>}. */
    static Inputs nested(JsonNode node, String prefix, String... allowed) {
      return new Inputs(node, prefix, List.of(allowed));
    }

    private Inputs(JsonNode node, String prefix, List<String> allowed) {
      this.node = node;
      this.prefix = "inputs." + prefix;
      Set<String> known = Set.copyOf(allowed);
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!known.contains(name)) {
          throw new IllegalArgumentException(
              this.prefix
                  + name
                  + " is not an input of this kind (expected "
                  + String.join(", ", allowed)
                  + ")");
        }
      }
    }

    private JsonNode present(String name) {
      JsonNode value = node.get(name);
      return value == null || value.isNull() ? null : value;
    }

    private JsonNode required(String name) {
      JsonNode value = present(name);
      if (value == null) {
        throw new IllegalArgumentException(prefix + name + " is missing");
      }
      return value;
    }

    double alpha() {
      return number("alpha", DEFAULT_ALPHA);
    }

    double number(String name) {
      return toNumber(required(name), prefix + name);
    }

    double number(String name, double fallback) {
      JsonNode value = present(name);
      return value == null ? fallback : toNumber(value, prefix + name);
    }

    Double optionalNumber(String name) {
      JsonNode value = present(name);
      return value == null ? null : toNumber(value, prefix + name);
    }

    String text(String name) {
      JsonNode value = required(name);
      if (!value.isTextual()) {
        throw new IllegalArgumentException(prefix + name + " must be a string, got " + value);
      }
      return value.textValue();
    }

    long count(String name) {
      return toCount(required(name), prefix + name);
    }

    JsonNode array(String name) {
      JsonNode value = required(name);
      if (!value.isArray()) {
        throw new IllegalArgumentException(prefix + name + " must be an array, got " + value);
      }
      return value;
    }

    double[] numbers(String name) {
      JsonNode array = array(name);
      double[] values = new double[array.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = toNumber(array.get(i), prefix + name + "[" + i + "]");
      }
      return values;
    }

    long[] counts(String name) {
      JsonNode array = array(name);
      long[] values = new long[array.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = toCount(array.get(i), prefix + name + "[" + i + "]");
      }
      return values;
    }

    /** Whether the last look is final: absent/null/false, true, or its 1-based index. */
    boolean finalLook(int looks) {
      JsonNode value = present("finalLook");
      if (value == null) {
        return false;
      }
      if (value.isBoolean()) {
        return value.booleanValue();
      }
      long k = toCount(value, prefix + "finalLook");
      if (k < 1) {
        throw new IllegalArgumentException(
            prefix + "finalLook must be a 1-based look number, true, false or null, got " + value);
      }
      if (k < looks) {
        throw new IllegalArgumentException(
            prefix
                + "finalLook is look "
                + k
                + " but "
                + looks
                + " looks were given; no look may follow the final one");
      }
      return k == looks;
    }

    Metric metric() {
      String metric = text("metric");
      switch (metric) {
        case "binary" -> {
          for (String sd : new String[] {"sdControl", "sdTreatment"}) {
            if (present(sd) != null) {
              throw new IllegalArgumentException(
                  prefix + sd + " does not apply to a binary metric (its variance is p(1 - p))");
            }
          }
          return new Metric.Binary(number("baseline"));
        }
        case "continuous" -> {
          if (present("sdControl") == null) {
            throw new IllegalArgumentException(
                prefix + "sdControl is missing (required for a continuous metric)");
          }
          double sdControl = number("sdControl");
          return new Metric.Continuous(
              optionalNumber("baseline"), sdControl, number("sdTreatment", sdControl));
        }
        default ->
            throw new IllegalArgumentException(
                prefix + "metric must be \"binary\" or \"continuous\", got \"" + metric + "\"");
      }
    }

    private static double toNumber(JsonNode value, String path) {
      if (value == null || !value.isNumber()) {
        throw new IllegalArgumentException(path + " must be a number, got " + value);
      }
      return value.doubleValue();
    }

    private static long toCount(JsonNode value, String path) {
      if (value == null
          || !value.isNumber()
          || !value.canConvertToExactIntegral()
          || !value.canConvertToLong()) {
        throw new IllegalArgumentException(path + " must be a whole number, got " + value);
      }
      long count = value.longValue();
      if (count < 0) {
        throw new IllegalArgumentException(path + " must be >= 0, got " + count);
      }
      return count;
    }
  }
}
