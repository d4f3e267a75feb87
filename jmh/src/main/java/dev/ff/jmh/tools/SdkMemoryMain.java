package dev.ff.jmh.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.validate.ConfigValidator;
import dev.ff.core.validate.Diagnostic;
import dev.ff.jmh.harness.SdkVersions;
import dev.ff.sdk.Context;
import dev.ff.sdk.EvaluationDetail;
import dev.ff.sdk.FfClient;
import dev.ff.sdk.InitStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How much heap an offline {@link FfClient} keeps for a large config, and how long loading it
 * takes.
 *
 * <p>Builds one unsigned config document with {@code N} flags (default 10,000) in the mix of the
 * control plane's demo seed: even flags are booleans with one rollout rule (25 % on, {@code
 * new-checkout}), odd flags are multivariate strings with two targeting rules (segment {@code
 * beta-testers}, then {@code country in [NL, BE]}; {@code banner-color}). The document must pass
 * {@link ConfigValidator#validateDocument} without a diagnostic. It is kept as JSON text, which the
 * measurement treats as the caller's, not the client's.
 *
 * <p>Retained heap: used heap after repeated {@code System.gc()} (until two readings agree within
 * 64 KiB) with the document text alive, then again with a loaded client alive as well; the
 * difference is what the client holds (its copy of the document tree, the compiled flags, its
 * executor and state). Load time: {@code FfClient.builder(...).offline(true).bootstrapConfig(text)
 * .build()} until {@code READY} (JSON parse, validation, compilation), once cold and then the
 * median of further loads. For reading the figure it also prints what the same document takes as a
 * plain Jackson tree (the client keeps such a tree beside the compiled flags). Figures depend on
 * the JVM (compressed oops, GC); run with a fixed heap for comparable numbers:
 *
 * <pre>java -Xms1g -Xmx1g -cp benchmarks.jar dev.ff.jmh.tools.SdkMemoryMain [flags] [warm loads]
 * </pre>
 */
public final class SdkMemoryMain {
  private SdkMemoryMain() {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Entry point.
   *
   * @param args the number of flags (default 10000), then the number of warm loads (default 5)
   * @throws InterruptedException when interrupted between GCs
   */
  public static void main(String[] args) throws InterruptedException {
    int flags = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int warmLoads = args.length > 1 ? Integer.parseInt(args[1]) : 5;

    ObjectNode doc = document(flags);
    List<Diagnostic> problems = ConfigValidator.validateDocument(doc);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "generated document is invalid: " + problems.subList(0, Math.min(5, problems.size())));
    }
    String text = doc.toString();
    doc = null; // only the text stays: the caller's copy, in the baseline

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = settledHeap(memory);

    long t0 = System.nanoTime();
    FfClient client = load(text);
    long coldNanos = System.nanoTime() - t0;

    verify(client, flags);
    long after = settledHeap(memory);
    long retained = after - before;
    Reference.reachabilityFence(client);

    long[] warm = new long[warmLoads];
    for (int i = 0; i < warmLoads; i++) {
      long s = System.nanoTime();
      try (FfClient again = load(text)) {
        warm[i] = System.nanoTime() - s;
      }
    }
    Arrays.sort(warm);
    client.close();
    client = null;

    // For reading the figure: the same document as a plain Jackson tree (the SDK keeps one).
    long beforeTree = settledHeap(memory);
    Object tree = parse(text);
    long treeBytes = settledHeap(memory) - beforeTree;
    Reference.reachabilityFence(tree);
    Reference.reachabilityFence(text);

    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "ff-sdk version: %s%n", SdkVersions.get("ff-sdk"));
    System.out.printf(
        Locale.ROOT,
        "JVM: %s %s, max heap %d MiB%n",
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        rt.maxMemory() >> 20);
    System.out.printf(
        Locale.ROOT,
        "flags: %d (%d boolean with a 25%% rollout rule, %d multivariate with 2 targeting rules)%n",
        flags,
        (flags + 1) / 2,
        flags / 2);
    System.out.printf(
        Locale.ROOT,
        "document size: %.2f MiB of JSON text%n",
        text.getBytes(StandardCharsets.UTF_8).length / 1048576.0);
    System.out.printf(
        Locale.ROOT,
        "retained heap of the loaded client: %.2f MiB (%d bytes)%n",
        retained / 1048576.0,
        retained);
    System.out.printf(
        Locale.ROOT, "retained heap per flag: %.0f bytes%n", retained / (double) flags);
    System.out.printf(
        Locale.ROOT,
        "for comparison, the document as a plain Jackson tree: %.2f MiB%n",
        treeBytes / 1048576.0);
    System.out.printf(
        Locale.ROOT,
        "load time, first (cold JVM): %.1f ms%n",
        coldNanos / 1e6); // parse + validate + compile + ready
    if (warmLoads > 0) {
      System.out.printf(
          Locale.ROOT,
          "load time, median of %d further loads: %.1f ms (min %.1f, max %.1f)%n",
          warmLoads,
          warm[warmLoads / 2] / 1e6,
          warm[0] / 1e6,
          warm[warmLoads - 1] / 1e6);
    }
  }

  private static Object parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static FfClient load(String text) {
    FfClient client = FfClient.builder(null).offline(true).bootstrapConfig(text).build();
    InitStatus status = client.awaitInitialized(Duration.ofSeconds(60));
    if (!status.isReady()) {
      client.close();
      throw new IllegalStateException("client not ready: " + status);
    }
    return client;
  }

  /** Spot checks that both kinds of flag evaluate without error, first and last. */
  private static void verify(FfClient client, int flags) {
    Context nl = Context.builder("u-1").set("country", "NL").set("email", "a@b.test").build();
    for (int i : new int[] {0, 1, flags - 2, flags - 1}) {
      if (i < 0) {
        continue;
      }
      EvaluationDetail d =
          i % 2 == 0
              ? client.boolVariationDetail(flagKey(i), nl, false)
              : client.stringVariationDetail(flagKey(i), nl, "blue");
      if (d.isError() || (i % 2 == 1 && !"red".equals(d.value().textValue()))) {
        throw new IllegalStateException("unexpected evaluation of " + flagKey(i) + ": " + d);
      }
    }
  }

  /** Used heap after GC, once it no longer moves (at most 10 rounds). */
  private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
    long last = Long.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      System.gc();
      Thread.sleep(100);
      long used = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(used - last) < 64 * 1024) {
        return Math.min(used, last);
      }
      last = used;
    }
    return last;
  }

  private static String flagKey(int i) {
    return String.format(Locale.ROOT, "%s-%05d", i % 2 == 0 ? "checkout" : "banner", i);
  }

  /**
   * The document.
   *
   * @param flags how many flags
   * @return an unsigned config document
   */
  static ObjectNode document(int flags) {
    ObjectNode doc = MAPPER.createObjectNode();
    doc.put("env", "memory");
    doc.put("project", "jmh");
    doc.put("version", 1);
    doc.put("publishedAt", "2026-11-24T00:00:00Z");
    doc.put("salt", "5eed2024b3c4");
    ObjectNode all = doc.putObject("flags");
    for (int i = 0; i < flags; i++) {
      String key = flagKey(i);
      ObjectNode f = all.putObject(key);
      f.put("key", key);
      if (i % 2 == 0) {
        f.put("type", "boolean");
        f.put("enabled", true);
        f.put("description", "Rolled out to 25% of users (flag " + i + ")");
        ArrayNode v = f.putArray("variations");
        v.addObject().put("key", "off").put("value", false);
        v.addObject().put("key", "on").put("value", true);
        f.put("offVariation", "off");
        f.put("defaultVariation", "off");
        ObjectNode rule = f.putArray("rules").addObject();
        rule.put("id", "rollout");
        rule.putObject("if").putArray("all");
        ArrayNode split = rule.putObject("then").putObject("rollout").putArray("variations");
        split.addObject().put("variation", "on").put("weight", 2500);
        split.addObject().put("variation", "off").put("weight", 7500);
      } else {
        f.put("type", "multivariate");
        f.put("enabled", true);
        f.put("description", "Colour of a banner (flag " + i + ")");
        ArrayNode v = f.putArray("variations");
        for (String c : List.of("blue", "green", "red")) {
          v.addObject().put("key", c).put("value", c);
        }
        f.put("offVariation", "blue");
        f.put("defaultVariation", "blue");
        ArrayNode rules = f.putArray("rules");
        ObjectNode beta = rules.addObject();
        beta.put("id", "beta");
        beta.putObject("if").put("segment", "beta-testers");
        beta.putObject("then").put("variation", "green");
        ObjectNode dutch = rules.addObject();
        dutch.put("id", "dutch");
        ObjectNode cond = dutch.putObject("if");
        cond.put("attr", "country");
        cond.put("op", "in");
        cond.putArray("values").add("NL").add("BE");
        dutch.putObject("then").put("variation", "red");
      }
    }
    ObjectNode seg = doc.putObject("segments").putObject("beta-testers");
    seg.put("key", "beta-testers");
    ObjectNode segIf = seg.putObject("if");
    segIf.put("attr", "email");
    segIf.put("op", "ends_with");
    segIf.put("value", "@example.com");
    return doc;
  }
}
