package dev.ff.core.eval;

import static dev.ff.core.eval.TestDocs.compile;
import static dev.ff.core.eval.TestDocs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The success path must not allocate: results are precomputed and bucketing reuses per-thread
 * buffers. Measured with the JVM's per-thread allocation counter; any per-call allocation (at least
 * 16 bytes) over 50,000 calls would far exceed the small allowance for one-off JVM work.
 */
class AllocationTest {
  private static final int CALLS = 50_000;
  private static final long ALLOWANCE_BYTES = 64 * 1024;

  private static final String SIX_RULES =
      "\"six\":{\"key\":\"six\",\"type\":\"multivariate\",\"enabled\":true,"
          + "\"variations\":[{\"key\":\"a\",\"value\":\"A\"},{\"key\":\"b\",\"value\":\"B\"},"
          + "{\"key\":\"c\",\"value\":\"C\"}],"
          + "\"offVariation\":\"a\",\"defaultVariation\":\"a\",\"rules\":["
          + "{\"id\":\"r1\",\"if\":{\"attr\":\"country\",\"op\":\"eq\",\"value\":\"US\"},"
          + "\"then\":{\"variation\":\"b\"}},"
          + "{\"id\":\"r2\",\"if\":{\"attr\":\"plan\",\"op\":\"in\",\"values\":[\"gold\",\"pro\",7]},"
          + "\"then\":{\"variation\":\"b\"}},"
          + "{\"id\":\"r3\",\"if\":{\"segment\":\"staff\"},\"then\":{\"variation\":\"c\"}},"
          + "{\"id\":\"r4\",\"if\":{\"attr\":\"device.os\",\"op\":\"starts_with\",\"value\":\"win\"},"
          + "\"then\":{\"variation\":\"b\"}},"
          + "{\"id\":\"r5\",\"if\":{\"all\":[{\"attr\":\"age\",\"op\":\"gte\",\"value\":65},"
          + "{\"attr\":\"tags\",\"op\":\"neq\",\"value\":\"x\"}]},\"then\":{\"variation\":\"c\"}},"
          + "{\"id\":\"r6\",\"if\":{\"attr\":\"seen\",\"op\":\"before\","
          + "\"value\":\"2030-01-01T00:00:00Z\"},"
          + "\"then\":{\"rollout\":{\"variations\":[{\"variation\":\"b\",\"weight\":5000},"
          + "{\"variation\":\"c\",\"weight\":5000}],\"experiment\":\"e1\","
          + "\"exclusionGroup\":{\"key\":\"g\",\"start\":0,\"end\":10000}}}}]}";

  private static final String SIMPLE =
      "\"simple\":{\"key\":\"simple\",\"type\":\"boolean\",\"enabled\":true,"
          + "\"variations\":[{\"key\":\"off\",\"value\":false},{\"key\":\"on\",\"value\":true}],"
          + "\"offVariation\":\"off\",\"defaultVariation\":\"off\",\"rules\":["
          + "{\"id\":\"r\",\"if\":{\"attr\":\"beta\",\"op\":\"eq\",\"value\":true},"
          + "\"then\":{\"variation\":\"on\"}}]}";

  /** Six targeting rules of common kinds, then a four-way rollout. */
  private static final String SEVEN_RULES =
      "\"seven\":{\"key\":\"seven\",\"type\":\"multivariate\",\"enabled\":true,"
          + "\"variations\":[{\"key\":\"a\",\"value\":\"A\"},{\"key\":\"b\",\"value\":\"B\"},"
          + "{\"key\":\"c\",\"value\":\"C\"},{\"key\":\"d\",\"value\":\"D\"}],"
          + "\"offVariation\":\"a\",\"defaultVariation\":\"a\",\"rules\":["
          + "{\"id\":\"r1\",\"if\":{\"attr\":\"email\",\"op\":\"ends_with\","
          + "\"value\":\"@example.com\"},\"then\":{\"variation\":\"b\"}},"
          + "{\"id\":\"r2\",\"if\":{\"attr\":\"plan\",\"op\":\"in\","
          + "\"values\":[\"gold\",\"platinum\"]},\"then\":{\"variation\":\"c\"}},"
          + "{\"id\":\"r3\",\"if\":{\"attr\":\"ua\",\"op\":\"regex\","
          + "\"value\":\"^Mozilla/5\\\\.0 \\\\((iPhone|iPad|Linux; Android)\"},"
          + "\"then\":{\"variation\":\"d\"}},"
          + "{\"id\":\"r4\",\"if\":{\"attr\":\"age\",\"op\":\"gt\",\"value\":30},"
          + "\"then\":{\"variation\":\"a\"}},"
          + "{\"id\":\"r5\",\"if\":{\"attr\":\"app\",\"op\":\"semver_gte\","
          + "\"value\":\"2.3.0\"},\"then\":{\"variation\":\"b\"}},"
          + "{\"id\":\"r6\",\"if\":{\"segment\":\"eu\"},\"then\":{\"variation\":\"c\"}},"
          + "{\"id\":\"r7\",\"if\":{\"all\":[]},\"then\":{\"rollout\":{\"variations\":["
          + "{\"variation\":\"a\",\"weight\":2500},{\"variation\":\"b\",\"weight\":2500},"
          + "{\"variation\":\"c\",\"weight\":2500},{\"variation\":\"d\",\"weight\":2500}]}}}]}";

  private static final String SEGMENTS =
      "\"staff\":{\"key\":\"staff\",\"included\":[\"admin\"],"
          + "\"if\":{\"attr\":\"email\",\"op\":\"ends_with\",\"value\":\"@corp.example\"}},"
          + "\"eu\":{\"key\":\"eu\",\"if\":{\"all\":["
          + "{\"attr\":\"country\",\"op\":\"in\",\"values\":[\"DE\",\"AT\",\"CH\"]},"
          + "{\"attr\":\"beta\",\"op\":\"eq\",\"value\":true},"
          + "{\"attr\":\"logins\",\"op\":\"gt\",\"value\":10}]}}";

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private static long measure(CompiledConfig c, String flag, JsonNode ctx, EvaluationResult want) {
    for (int i = 0; i < CALLS; i++) {
      assertThat(c.evaluate(flag, ctx, null)).isSameAs(want);
    }
    long before = allocatedBytes();
    int mismatches = 0;
    for (int i = 0; i < CALLS; i++) {
      if (c.evaluate(flag, ctx, null) != want) {
        mismatches++;
      }
    }
    long used = allocatedBytes() - before;
    assertThat(mismatches).isZero();
    return used;
  }

  @Test
  void measure_detectsPerCallAllocation() {
    // The error path builds a result per call, so the probe must see it.
    Assumptions.assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    CompiledConfig c = compile(SIMPLE);
    JsonNode ctx = json("{}");
    c.evaluate("missing", ctx, null);
    long before = allocatedBytes();
    for (int i = 0; i < CALLS; i++) {
      assertThat(c.evaluate("missing", ctx, null).errorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
    }
    assertThat(allocatedBytes() - before).isGreaterThan(ALLOWANCE_BYTES);
  }

  @Test
  void evaluate_simpleFlag_allocatesNothing() {
    Assumptions.assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    CompiledConfig c = compile(SIMPLE);
    JsonNode ctx = json("{\"key\":\"u1\",\"beta\":true}");
    EvaluationResult want = c.evaluate("simple", ctx, null);
    assertThat(want.variation()).isEqualTo("on");
    assertThat(measure(c, "simple", ctx, want)).isLessThan(ALLOWANCE_BYTES);
  }

  @Test
  void evaluate_sixRulesWithRollout_allocatesNothing() {
    Assumptions.assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    CompiledConfig c = compile(SIX_RULES + "," + SIMPLE, SEGMENTS);
    JsonNode ctx =
        json(
            "{\"key\":\"user-123456\",\"country\":\"NL\",\"plan\":\"free\",\"email\":\"a@b.c\","
                + "\"device\":{\"os\":\"ios\"},\"age\":30,\"tags\":[\"x\",\"y\"],"
                + "\"seen\":1767225600000}");
    EvaluationResult want = c.evaluate("six", ctx, null);
    assertThat(want.reason()).isEqualTo(Reason.SPLIT);
    assertThat(want.ruleId()).isEqualTo("r6");
    assertThat(measure(c, "six", ctx, want)).isLessThan(ALLOWANCE_BYTES);
  }

  @Test
  void evaluate_regexSemverSegmentAndRollout_allocatesNothing() {
    Assumptions.assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    CompiledConfig c = compile(SEVEN_RULES, SEGMENTS);
    // Misses every targeting rule, each as late as possible, and lands in the rollout.
    JsonNode ctx =
        json(
            "{\"key\":\"worst-case-user\",\"country\":\"DE\",\"email\":\"w@example.org\","
                + "\"plan\":\"silver\",\"ua\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\","
                + "\"age\":30,\"app\":\"2.2.10\",\"beta\":true,\"logins\":10}");
    EvaluationResult want = c.evaluate("seven", ctx, null);
    assertThat(want.reason()).isEqualTo(Reason.SPLIT);
    assertThat(want.ruleId()).isEqualTo("r7");
    assertThat(measure(c, "seven", ctx, want)).isLessThan(ALLOWANCE_BYTES);
  }

  @Test
  void evaluate_numericUnit_allocatesNothing() {
    Assumptions.assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    CompiledConfig c = compile(SIX_RULES, SEGMENTS);
    JsonNode ctx = json("{\"key\":\"42\",\"seen\":\"2026-01-01T00:00:00.123+02:00\"}");
    EvaluationResult want = c.evaluate("six", ctx, null);
    assertThat(want.reason()).isEqualTo(Reason.SPLIT);
    assertThat(measure(c, "six", ctx, want)).isLessThan(ALLOWANCE_BYTES);
  }
}
