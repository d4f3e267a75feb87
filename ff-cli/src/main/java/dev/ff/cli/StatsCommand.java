package dev.ff.cli;

import dev.ff.core.stats.StatsRequests;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ff stats}: experiment statistics for JSON-lines requests {@code {"kind", "inputs"}}, one
 * result object per line in the same order. The work is done by {@link StatsRequests}; a request
 * that is not JSON, names an unknown kind, or has missing, ill-typed or invalid inputs yields
 * {@code {"error": "..."}} on its line and the run goes on.
 */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Experiment statistics for JSON-lines requests on standard input:",
      "  {\"kind\": K, \"inputs\": {...}}",
      "Kinds: welch, proportions, chi2_2xk, ratio, cuped, srm, pocock_spending,",
      "  sequential_decision, sample_size, power, mde, multiple_comparisons.",
      "Writes one JSON result per line. A faulty line yields {\"error\": ...} and the run goes on.",
      "See docs/statistics.md for the inputs and outputs of each kind."
    })
final class StatsCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "read the requests from FILE instead of standard input ('-' = stdin)")
  String file;

  @Override
  public Integer call() throws Exception {
    BufferedReader in =
        file == null
            ? Inputs.stdinLines()
            : new BufferedReader(new StringReader(Inputs.readText(file)));
    JsonLines.run(in, spec.commandLine().getOut(), StatsRequests::handle);
    return 0;
  }
}
