package dev.ff.jmh.tools;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ff.jmh.harness.SdkVersions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a JMH result file ({@code -rf json}) into Markdown: one row per scenario and benchmark
 * method, one column per peer. Benchmark names must look like {@code
 * dev.ff.jmh.peers.<peer>.<Scenario>.<method>}; other benchmarks (the statistics benchmarks, say)
 * are counted but left out. Average-time rows are in ns/op (lower is better); throughput rows in
 * millions of operations per second summed over all threads (higher is better). When the run used
 * {@code -prof gc}, a second table gives the bytes allocated per operation.
 *
 * <pre>java -cp benchmarks.jar dev.ff.jmh.tools.Report results.json [results.md]</pre>
 */
public final class Report {
  private Report() {}

  /** Row order within one scenario. */
  private static final List<String> METHOD_ORDER =
      List.of("avgt_1t", "worstCase_avgt_1t", "thrpt_2t");

  /** JMH's name for normalised allocation (older JMH versions prefix it with a middle dot). */
  private static final String ALLOC_NORM = "gc.alloc.rate.norm";

  /** One metric: a score, its 99.9% half-width (NaN when unknown) and its unit. */
  private record Metric(double score, double error, String unit) {}

  /** One benchmark result of a peer. */
  private record Result(
      String peer,
      String scenario,
      String method,
      String mode,
      int threads,
      Metric primary,
      Metric alloc) {

    String rowKey() {
      return scenario + " | " + method + " | " + mode + " | " + threads;
    }
  }

  /**
   * Entry point: prints the Markdown and, with a second argument, also writes it to that file.
   *
   * @param args the JMH JSON file (default {@code results.json}), then optionally the output file
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Path in = Path.of(args.length > 0 ? args[0] : "results.json");
    JsonArray runs;
    try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
      runs = JsonParser.parseReader(reader).getAsJsonArray();
    }
    String versions =
        String.format(
            Locale.ROOT,
            "ff-core %s, ff-sdk %s, launchdarkly-java-server-sdk %s, unleash-client-java %s,"
                + " openfeature sdk %s + flagd provider %s",
            SdkVersions.get("ff"),
            SdkVersions.get("ff-sdk"),
            SdkVersions.get("launchdarkly"),
            SdkVersions.get("unleash"),
            SdkVersions.get("openfeature.sdk"),
            SdkVersions.get("flagd"));
    String markdown = render(runs, List.copyOf(Peers.all().keySet()), versions);
    System.out.print(markdown);
    if (args.length > 1) {
      Files.writeString(Path.of(args[1]), markdown, StandardCharsets.UTF_8);
    }
  }

  /**
   * Renders the tables.
   *
   * @param runs JMH's JSON result array
   * @param columnOrder peers in the order their columns should appear; peers found in {@code runs}
   *     but not listed here follow in order of appearance
   * @param versions a line naming the measured versions, printed under the run settings
   * @return the Markdown text
   */
  public static String render(JsonArray runs, List<String> columnOrder, String versions) {
    List<Result> results = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    int skipped = 0;
    String settings = "";
    for (JsonElement element : runs) {
      JsonObject run = element.getAsJsonObject();
      Result result = parse(run);
      if (result == null) {
        skipped++;
        continue;
      }
      results.add(result);
      seen.add(result.peer());
      if (settings.isEmpty()) {
        settings = settings(run);
      }
    }
    List<String> columns = new ArrayList<>();
    for (String peer : columnOrder) {
      if (seen.contains(peer)) {
        columns.add(peer);
      }
    }
    for (String peer : seen) {
      if (!columns.contains(peer)) {
        columns.add(peer);
      }
    }

    StringBuilder sb = new StringBuilder();
    sb.append(settings).append("  \n").append(versions).append("\n\n");
    table(sb, results, columns, Result::primary);
    sb.append(
        "\nns/op: lower is better; Mops/s (all threads together): higher is better;"
            + " ± is JMH's 99.9% confidence half-width.\n");
    if (results.stream().anyMatch(r -> r.alloc() != null)) {
      sb.append("\nAllocation per operation (`-prof gc`, `gc.alloc.rate.norm`):\n\n");
      table(sb, results, columns, Result::alloc);
    }
    if (skipped > 0) {
      sb.append('\n')
          .append(skipped)
          .append(" benchmark(s) outside dev.ff.jmh.peers are not in this table.\n");
    }
    return sb.toString();
  }

  private static void table(
      StringBuilder sb,
      List<Result> results,
      List<String> columns,
      Function<Result, Metric> metric) {
    Map<String, Map<String, String>> rows = new TreeMap<>(rowOrder());
    Map<String, String> units = new LinkedHashMap<>();
    for (Result r : results) {
      Metric m = metric.apply(r);
      if (m == null) {
        continue;
      }
      units.putIfAbsent(r.rowKey(), displayUnit(m.unit()));
      rows.computeIfAbsent(r.rowKey(), k -> new LinkedHashMap<>()).put(r.peer(), cell(m));
    }
    sb.append("| scenario | benchmark | mode | threads | unit |");
    for (String c : columns) {
      sb.append(' ').append(c).append(" |");
    }
    sb.append("\n|---|---|---|---|---|").append("---:|".repeat(columns.size())).append('\n');
    for (Map.Entry<String, Map<String, String>> row : rows.entrySet()) {
      String unit = units.get(row.getKey());
      sb.append("| ").append(row.getKey()).append(" | ").append(unit).append(" |");
      for (String c : columns) {
        sb.append(' ').append(row.getValue().getOrDefault(c, "-")).append(" |");
      }
      sb.append('\n');
    }
  }

  private static Result parse(JsonObject run) {
    String[] parts = run.get("benchmark").getAsString().split("\\.");
    int n = parts.length;
    if (n < 4 || !"peers".equals(parts[n - 4])) {
      return null;
    }
    Metric primary = metric(run.getAsJsonObject("primaryMetric"));
    Metric alloc = null;
    JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
    if (secondary != null) {
      for (Map.Entry<String, JsonElement> e : secondary.entrySet()) {
        if (e.getKey().replace("\u00b7", "").equals(ALLOC_NORM)) {
          alloc = metric(e.getValue().getAsJsonObject());
        }
      }
    }
    return new Result(
        parts[n - 3],
        parts[n - 2],
        parts[n - 1],
        run.get("mode").getAsString(),
        run.get("threads").getAsInt(),
        primary,
        alloc);
  }

  private static Metric metric(JsonObject m) {
    JsonElement error = m.get("scoreError");
    double err = error == null || error.isJsonNull() ? Double.NaN : error.getAsDouble();
    return new Metric(m.get("score").getAsDouble(), err, m.get("scoreUnit").getAsString());
  }

  private static String settings(JsonObject run) {
    return String.format(
        Locale.ROOT,
        "JMH %s, JDK %s (%s), forks %d, warmup %d x %s, measurement %d x %s",
        text(run, "jmhVersion"),
        text(run, "jdkVersion"),
        text(run, "vmName"),
        run.get("forks").getAsInt(),
        run.get("warmupIterations").getAsInt(),
        text(run, "warmupTime"),
        run.get("measurementIterations").getAsInt(),
        text(run, "measurementTime"));
  }

  private static Comparator<String> rowOrder() {
    Comparator<String> byScenario = Comparator.comparing(k -> k.split(" \\| ")[0]);
    return byScenario
        .thenComparing(
            k -> {
              int i = METHOD_ORDER.indexOf(k.split(" \\| ")[1]);
              return i < 0 ? METHOD_ORDER.size() : i;
            })
        .thenComparing(k -> k);
  }

  private static String text(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? "?" : e.getAsString();
  }

  private static String displayUnit(String unit) {
    return "ops/s".equals(unit) ? "Mops/s" : unit;
  }

  private static String cell(Metric m) {
    double score = m.score();
    double error = m.error();
    String format = "%.1f";
    if ("ops/s".equals(m.unit())) {
      score /= 1e6;
      error /= 1e6;
      format = "%.3f";
    }
    String cell = String.format(Locale.ROOT, format, score);
    return Double.isNaN(error) ? cell : cell + " ± " + String.format(Locale.ROOT, format, error);
  }
}
