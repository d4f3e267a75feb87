package dev.ff.examples.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ff.sdk.Context;
import dev.ff.sdk.EvaluationDetail;
import dev.ff.sdk.FfClient;
import dev.ff.sdk.InitStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /checkout?user=u-42[&email=...]} answers which checkout a user sees, from the {@code
 * new-checkout} flag (staff, beta testers, then a sticky 20% rollout).
 *
 * <p>Settings (environment): {@code FF_BOOTSTRAP} = a config file for offline mode (no server);
 * otherwise {@code FF_SDK_KEY}, {@code FF_ENV}, {@code FF_ENDPOINT} (default {@code
 * http://127.0.0.1:8080}) and {@code FF_SIGNING_KEYS} ({@code kid:secret,...}); {@code PORT}
 * (default 8081).
 */
public final class CheckoutApp {
  private CheckoutApp() {}

  /**
   * Runs the app until the process is stopped.
   *
   * @param args unused
   * @throws IOException if the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> env = System.getenv();
    FfClient ff = client(env);
    InitStatus status = ff.awaitInitialized(Duration.ofSeconds(5));
    System.out.println("ff: " + status.state() + " (" + status.message() + ")");

    int port = Integer.parseInt(env.getOrDefault("PORT", "8081"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/checkout", exchange -> checkout(ff, exchange));
    server.start();
    System.out.println("listening on http://127.0.0.1:" + port + "/checkout?user=u-42");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop(1);
                  ff.close();
                }));
  }

  static FfClient client(Map<String, String> env) {
    String bootstrap = env.get("FF_BOOTSTRAP");
    FfClient.Builder b;
    if (bootstrap != null) {
      b = FfClient.builder(null).offline(true).bootstrapConfig(Path.of(bootstrap));
    } else {
      b =
          FfClient.builder(env.get("FF_SDK_KEY"))
              .envKey(env.getOrDefault("FF_ENV", "production"))
              .endpoint(env.getOrDefault("FF_ENDPOINT", "http://127.0.0.1:8080"));
    }
    String keys = env.get("FF_SIGNING_KEYS");
    if (keys != null && !keys.isBlank()) {
      for (String pair : keys.split(",")) {
        int colon = pair.indexOf(':');
        b.signingKey(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
      }
    }
    return b.build();
  }

  private static void checkout(FfClient ff, HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String user = query.getOrDefault("user", "anonymous");
    Context.Builder ctx = Context.builder(user);
    if (query.containsKey("email")) {
      ctx.set("email", query.get("email"));
    }
    EvaluationDetail d = ff.boolVariationDetail("new-checkout", ctx.build(), false);
    String body =
        "{\"user\":\""
            + user.replace("\"", "")
            + "\",\"checkout\":\""
            + (d.value().booleanValue() ? "new" : "classic")
            + "\",\"detail\":"
            + d.toJson()
            + "}\n";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw == null) {
      return q;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        q.put(
            URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }
}
