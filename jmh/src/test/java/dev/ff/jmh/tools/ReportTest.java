package dev.ff.jmh.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static String run(String benchmark, String mode, int threads, String primary) {
    return run(benchmark, mode, threads, primary, "{}");
  }

  private static String run(
      String benchmark, String mode, int threads, String primary, String secondary) {
    return """
           {"benchmark": "%s", "mode": "%s", "threads": %d, "forks": 1,
            "jdkVersion": "17.0.15", "vmName": "OpenJDK 64-Bit Server VM", "jmhVersion": "1.37",
            "warmupIterations": 3, "warmupTime": "2 s",
            "measurementIterations": 5, "measurementTime": "2 s",
            "primaryMetric": %s, "secondaryMetrics": %s}
           """
        .formatted(benchmark, mode, threads, primary, secondary);
  }

  private static JsonArray results(String... runs) {
    return JsonParser.parseString("[" + String.join(",", runs) + "]").getAsJsonArray();
  }

  private static final String NS = "\"scoreUnit\": \"ns/op\"";

  @Test
  void render_putsOnePeerPerColumnInTheGivenOrder() {
    JsonArray runs =
        results(
            run("dev.ff.jmh.stats.WelchBench.welch", "avgt", 1, "{\"score\": 1.0, " + NS + "}"),
            run(
                "dev.ff.jmh.peers.launchdarkly.S1Simple.avgt_1t",
                "avgt",
                1,
                "{\"score\": 229.44, \"scoreError\": 14.83, " + NS + "}"),
            run(
                "dev.ff.jmh.peers.ff.S1Simple.avgt_1t",
                "avgt",
                1,
                "{\"score\": 41.26, \"scoreError\": \"NaN\", " + NS + "}"),
            run(
                "dev.ff.jmh.peers.ff.S1Simple.thrpt_2t",
                "thrpt",
                2,
                "{\"score\": 8650123.0, \"scoreError\": 732000.0, \"scoreUnit\": \"ops/s\"}"),
            run(
                "dev.ff.jmh.peers.ff.S2Complex.worstCase_avgt_1t",
                "avgt",
                1,
                "{\"score\": 95.04, \"scoreError\": 1.26, " + NS + "}"),
            run(
                "dev.ff.jmh.peers.ff.S2Complex.avgt_1t",
                "avgt",
                1,
                "{\"score\": 60.0, \"scoreError\": 2.0, " + NS + "}"));

    String md = Report.render(runs, List.of("ff", "launchdarkly", "unleash"), "versions here");

    assertThat(md)
        .startsWith(
            "JMH 1.37, JDK 17.0.15 (OpenJDK 64-Bit Server VM), forks 1, warmup 3 x 2 s,"
                + " measurement 5 x 2 s  \nversions here\n\n")
        .contains(
            "| scenario | benchmark | mode | threads | unit | ff | launchdarkly |\n"
                + "|---|---|---|---|---|---:|---:|\n"
                + "| S1Simple | avgt_1t | avgt | 1 | ns/op | 41.3 | 229.4 ± 14.8 |\n"
                + "| S1Simple | thrpt_2t | thrpt | 2 | Mops/s | 8.650 ± 0.732 | - |\n"
                + "| S2Complex | avgt_1t | avgt | 1 | ns/op | 60.0 ± 2.0 | - |\n"
                + "| S2Complex | worstCase_avgt_1t | avgt | 1 | ns/op | 95.0 ± 1.3 | - |\n")
        .contains("1 benchmark(s) outside dev.ff.jmh.peers are not in this table.")
        .doesNotContain("unleash")
        .doesNotContain("Allocation per operation");
  }

  @Test
  void render_addsAnAllocationTableWhenTheGcProfilerRan() {
    String alloc =
        "{\"gc.alloc.rate.norm\": {\"score\": 48.0004, \"scoreError\": 0.001,"
            + " \"scoreUnit\": \"B/op\"}}";
    String oldStyle =
        "{\"\u00b7gc.alloc.rate.norm\": {\"score\": 312.0, \"scoreError\": 0.01,"
            + " \"scoreUnit\": \"B/op\"}}";
    JsonArray runs =
        results(
            run(
                "dev.ff.jmh.peers.ff.S1Simple.avgt_1t",
                "avgt",
                1,
                "{\"score\": 41.0, \"scoreError\": 1.0, " + NS + "}",
                alloc),
            run(
                "dev.ff.jmh.peers.flagd.S1Simple.avgt_1t",
                "avgt",
                1,
                "{\"score\": 5978.9, \"scoreError\": 328.3, " + NS + "}",
                oldStyle));

    String md = Report.render(runs, List.of("ff"), "v");

    assertThat(md)
        .contains("| S1Simple | avgt_1t | avgt | 1 | ns/op | 41.0 ± 1.0 | 5978.9 ± 328.3 |\n")
        .contains(
            "Allocation per operation (`-prof gc`, `gc.alloc.rate.norm`):\n\n"
                + "| scenario | benchmark | mode | threads | unit | ff | flagd |\n"
                + "|---|---|---|---|---|---:|---:|\n"
                + "| S1Simple | avgt_1t | avgt | 1 | B/op | 48.0 ± 0.0 | 312.0 ± 0.0 |\n")
        .doesNotContain("outside dev.ff.jmh.peers");
  }
}
