package dev.ff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected buckets were computed independently with python3 hashlib from the bucketing formula. */
class BucketCommandTest {
  @Test
  void bucket_fromOptions() {
    CliRunner.Run run =
        CliRunner.run(
            "", "bucket", "--salt", "9f2c4e1ab37d", "--seed", "new-checkout", "--unit", "u-42");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().trim()).isEqualTo("307");
  }

  @Test
  void bucket_fromStdinLinesKeepsLineOrderAndReportsBadLines() {
    String input =
        "9f2c4e1ab37d\tnew-checkout\tu-1001\n"
            + "only-two\tfields\n"
            + "ab\ts\t日本\n"
            + "9f2c4e1ab37d\txg/checkout-layer\tu-1001\n";
    CliRunner.Run run = CliRunner.run(input, "bucket");
    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines())
        .containsExactly(
            "5282",
            "error: line 2: expected salt<TAB>seed<TAB>unit, got 2 field(s)",
            "3965",
            "2922");
  }

  @Test
  void bucket_partialOptionsAreRefused() {
    CliRunner.Run run = CliRunner.run("", "bucket", "--salt", "ab");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--salt, --seed and --unit");
  }
}
