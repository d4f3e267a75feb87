package dev.ff.cli;

import dev.ff.server.tls.DevCertificates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ff certs}: certificates for TLS and mutual TLS. {@code ff certs dev} makes a local CA with
 * a server and a client certificate, without openssl ({@link DevCertificates}).
 */
@Command(
    name = "certs",
    mixinStandardHelpOptions = true,
    description = "Certificates for TLS and mutual TLS (see docs/security.md).",
    subcommands = {CertsCommand.Dev.class})
final class CertsCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code ff certs dev}: a development CA, server and client certificate as PEM files. */
  @Command(
      name = "dev",
      mixinStandardHelpOptions = true,
      description = {
        "Create a local CA (ca.pem, ca-key.pem), a server certificate for localhost, 127.0.0.1,",
        "::1 and the --host names (server.pem, server-key.pem) and a client certificate for",
        "mutual TLS (client.pem, client-key.pem), all signed by that CA. ECDSA P-256 keys,",
        "written owner-only (0600). For development and tests, not production.",
      })
  static final class Dev implements Callable<Integer> {
    static final int MAX_DAYS = 3650;

    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description =
            "Folder to write the files into, created if missing (default: ${DEFAULT-VALUE}).",
        defaultValue = "certs")
    Path out;

    @Option(
        names = "--host",
        paramLabel = "NAME",
        description =
            "A further host name or IP address of the server certificate; repeatable"
                + " (*.example.com wildcards allowed).")
    List<String> hosts = new ArrayList<>();

    @Option(
        names = "--days",
        paramLabel = "N",
        description = "Validity in days, 1.." + MAX_DAYS + " (default: ${DEFAULT-VALUE}).",
        defaultValue = "365")
    int days;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    @Override
    public Integer call() {
      if (days < 1 || days > MAX_DAYS) {
        return fail("--days must be between 1 and " + MAX_DAYS + ", got " + days);
      }
      DevCertificates.Bundle bundle;
      try {
        bundle = DevCertificates.create(hosts, Duration.ofDays(days));
      } catch (IllegalArgumentException e) {
        return fail("--host: " + e.getMessage());
      }
      List<Path> files;
      try {
        files = bundle.writeTo(out, force);
      } catch (FileAlreadyExistsException e) {
        return fail(
            e.getFile() + " exists already; pass --force to overwrite, or choose another --out");
      } catch (IOException e) {
        return fail("cannot write into " + out + ": " + e);
      }
      PrintWriter w = spec.commandLine().getOut();
      w.println(
          "wrote "
              + files.stream().map(Path::toString).collect(Collectors.joining(", "))
              + " (keys owner-only)");
      w.println(
          "server certificate for "
              + String.join(", ", serverNames(bundle))
              + "; valid for "
              + days
              + " days");
      String dir = out.toString();
      w.println();
      String server =
          "FF_TLS_CERT="
              + dir
              + "/server.pem FF_TLS_KEY="
              + dir
              + "/server-key.pem FF_TLS_CLIENT_CA="
              + dir
              + "/ca.pem";
      String client =
          "FF_CONTROL_CA="
              + dir
              + "/ca.pem FF_CONTROL_CLIENT_CERT="
              + dir
              + "/client.pem FF_CONTROL_CLIENT_KEY="
              + dir
              + "/client-key.pem";
      w.println("The platform with mutual TLS (its edge routes follow it over the same mTLS):");
      w.println("  " + server + " \\");
      w.println("  " + client + " bin/ff serve");
      w.println("A separate edge following it:");
      w.println("  " + client + " bin/ff edge --control https://127.0.0.1:8080 ...");
      w.println("A request:");
      w.println(
          "  curl --cacert "
              + dir
              + "/ca.pem --cert "
              + dir
              + "/client.pem --key "
              + dir
              + "/client-key.pem https://127.0.0.1:8080/live");
      w.flush();
      return 0;
    }

    /** One line on stderr and exit code 2, as for every problem with the command's input. */
    private int fail(String message) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("ff certs dev: " + message);
      err.flush();
      return ErrorHandler.EXIT_FAILURE;
    }

    private static List<String> serverNames(DevCertificates.Bundle bundle) {
      List<String> names = new ArrayList<>();
      try {
        var alternatives = bundle.server().certificate().getSubjectAlternativeNames();
        if (alternatives != null) {
          alternatives.forEach(name -> names.add(String.valueOf(name.get(1))));
        }
      } catch (java.security.cert.CertificateParsingException e) {
        names.add(bundle.server().certificate().getSubjectX500Principal().getName());
      }
      return names;
    }
  }
}
