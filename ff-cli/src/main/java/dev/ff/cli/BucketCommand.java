package dev.ff.cli;

import dev.ff.core.bucket.Bucketing;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ff bucket}: the bucket (0..9999) of a unit, as every SDK computes it (SPEC §5).
 *
 * <p>With {@code --salt/--seed/--unit} it prints one bucket; otherwise it reads {@code
 * salt<TAB>seed<TAB>unit} lines on stdin and prints one bucket per line (a malformed line prints
 * {@code error: ...} on its line and the run goes on).
 */
@Command(
    name = "bucket",
    mixinStandardHelpOptions = true,
    description = {
      "Print the bucket (0..9999) of SHA-256(salt:seed:unit).",
      "Without options, reads salt<TAB>seed<TAB>unit lines on standard input."
    })
final class BucketCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--salt", paramLabel = "SALT", description = "environment salt")
  String salt;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      description = "rollout seed (usually the flag key)")
  String seed;

  @Option(names = "--unit", paramLabel = "UNIT", description = "unit key (usually the user key)")
  String unit;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    int given = (salt != null ? 1 : 0) + (seed != null ? 1 : 0) + (unit != null ? 1 : 0);
    if (given == 3) {
      out.println(Bucketing.bucket(salt, seed, unit));
      out.flush();
      return 0;
    }
    if (given != 0) {
      throw new Inputs.UserInputException(
          "give all of --salt, --seed and --unit, or none of them to read lines from stdin");
    }
    BufferedReader in = Inputs.stdinLines();
    String line;
    long number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      String[] fields = line.split("\t", 3);
      if (fields.length != 3) {
        out.println(
            "error: line "
                + number
                + ": expected salt<TAB>seed<TAB>unit, got "
                + fields.length
                + " field(s)");
      } else {
        out.println(Bucketing.bucket(fields[0], fields[1], fields[2]));
      }
    }
    out.flush();
    return 0;
  }
}
