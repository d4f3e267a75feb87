package dev.ff.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ff} command. Each subcommand is a thin shell over {@code ff-core}. */
@Command(
    name = "ff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Feature flags and experiments: run the platform, validate and evaluate configs, bucket"
            + " units, run statistics.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ValidateCommand.class,
      EvalCommand.class,
      BucketCommand.class,
      StatsCommand.class,
      ServeCommand.class,
      EdgeCommand.class,
      SeedCommand.class,
      CertsCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line without exiting the JVM (used by tests).
   *
   * @param args command-line arguments
   * @return the exit code
   */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  /** Builds the command line with every subcommand registered. */
  static CommandLine newCommandLine() {
    CommandLine cmd = new CommandLine(new Main());
    cmd.setExecutionExceptionHandler(new ErrorHandler());
    return cmd;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
