package dev.ff.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ff.server.http.HttpServer;
import dev.ff.server.http.Response;
import dev.ff.server.http.RouteOptions;
import dev.ff.server.http.Router;
import dev.ff.server.http.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** HTTPS and mutual TLS on a real {@link HttpServer}, with real clients over real sockets. */
class TlsServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir static Path dir;
  static Path ours;
  static Path theirs;

  private final List<HttpServer> servers = new ArrayList<>();

  @BeforeAll
  static void certificates() throws IOException {
    ours = dir.resolve("ours");
    theirs = dir.resolve("theirs");
    DevCertificates.create(List.of(), Duration.ofDays(1)).writeTo(ours, false);
    DevCertificates.create(List.of(), Duration.ofDays(1)).writeTo(theirs, false);
  }

  @AfterEach
  void close() {
    servers.forEach(HttpServer::close);
  }

  private HttpServer start(TlsSettings tls) {
    HttpServer server =
        HttpServer.builder(ServerConfig.defaults())
            .router(
                Router.builder()
                    .get(
                        "/hello",
                        request -> Response.ok(Map.of("hello", "world")),
                        RouteOptions.defaults().publicRoute())
                    .build())
            .tls(tls)
            .build()
            .start();
    servers.add(server);
    return server;
  }

  private static TlsSettings serverTls(Path certs) {
    return TlsSettings.pem(certs.resolve("server.pem"), certs.resolve("server-key.pem"));
  }

  private static TlsSettings mutualTls(Path certs) {
    return serverTls(certs).withClientCa(certs.resolve("ca.pem"));
  }

  private static HttpClient client(ClientTlsSettings settings) {
    return client(ClientTls.create(settings).sslContext());
  }

  private static HttpClient client(SSLContext context) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .sslContext(context)
        .build();
  }

  private static ClientTlsSettings trusting(Path certs) {
    return ClientTlsSettings.defaults().trusting(certs.resolve("ca.pem"));
  }

  private static ClientTlsSettings presenting(Path trust, Path identity) {
    return trusting(trust)
        .withClientCertificate(identity.resolve("client.pem"), identity.resolve("client-key.pem"));
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static double failures(HttpServer server, HandshakeFailure reason) {
    String metrics = new String(server.metrics().scrape(), StandardCharsets.UTF_8);
    String prefix = "tls_handshake_failures_total{reason=\"" + reason.label() + "\"} ";
    return metrics
        .lines()
        .filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
        .findFirst()
        .orElse(-1);
  }

  @Test
  void https_acceptsAClientThatTrustsTheCa() throws Exception {
    HttpServer server = start(serverTls(ours));
    assertThat(server.isTls()).isTrue();
    assertThat(server.url()).isEqualTo("https://127.0.0.1:" + server.port());

    HttpResponse<String> response = get(client(trusting(ours)), server.url() + "/hello");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("hello").asText()).isEqualTo("world");
    // the same certificate also names localhost
    HttpResponse<String> byName =
        get(client(trusting(ours)), "https://localhost:" + server.port() + "/live");
    assertThat(byName.statusCode()).isEqualTo(200);
  }

  @Test
  void https_isRefusedByClientsThatDoNotTrustTheCa() throws Exception {
    HttpServer server = start(serverTls(ours));

    assertThatThrownBy(() -> get(client(trusting(theirs)), server.url() + "/hello"))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> get(client(ClientTlsSettings.defaults()), server.url() + "/hello"))
        .isInstanceOf(IOException.class);

    // the JDK client hangs up without an alert the server could read: counted as "closed"
    await()
        .atMost(WAIT)
        .until(
            () ->
                failures(server, HandshakeFailure.CLOSED)
                        + failures(server, HandshakeFailure.CLIENT_REFUSED)
                    >= 2);
    assertThat(get(client(trusting(ours)), server.url() + "/hello").statusCode()).isEqualTo(200);
  }

  @Test
  void plainHttp_isTheDefault() throws Exception {
    HttpServer server = start(TlsSettings.none());
    assertThat(server.isTls()).isFalse();
    assertThat(server.url()).startsWith("http://");
    HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    assertThat(get(plain, server.url() + "/hello").statusCode()).isEqualTo(200);
  }

  @Test
  void mutualTls_acceptsAClientCertificateIssuedByTheClientCa() throws Exception {
    HttpServer server = start(mutualTls(ours));

    HttpResponse<String> response = get(client(presenting(ours, ours)), server.url() + "/hello");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(failures(server, HandshakeFailure.NO_CLIENT_CERTIFICATE)).isZero();
  }

  @Test
  void mutualTls_refusesAClientWithoutCertificate() throws Exception {
    HttpServer server = start(mutualTls(ours));

    assertThatThrownBy(() -> get(client(trusting(ours)), server.url() + "/hello"))
        .isInstanceOf(IOException.class);

    // (java.net.http retries an idempotent request once on a closed connection: >= 1)
    await().atMost(WAIT).until(() -> failures(server, HandshakeFailure.NO_CLIENT_CERTIFICATE) >= 1);
    assertThat(get(client(presenting(ours, ours)), server.url() + "/hello").statusCode())
        .isEqualTo(200);
  }

  @Test
  void mutualTls_refusesACertificateFromAnotherCa() throws Exception {
    HttpServer server = start(mutualTls(ours));

    assertThatThrownBy(() -> get(client(presenting(ours, theirs)), server.url() + "/hello"))
        .isInstanceOf(IOException.class);

    await()
        .atMost(WAIT)
        .until(() -> failures(server, HandshakeFailure.BAD_CLIENT_CERTIFICATE) >= 1);
    assertThat(failures(server, HandshakeFailure.NO_CLIENT_CERTIFICATE)).isZero();
  }

  @Test
  void plainHttpOnTheTlsPort_gets400AndTheServerServesTheNextRequest() throws Exception {
    HttpServer server = start(mutualTls(ours));

    String raw = exchange(server.port(), "GET /hello?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

    assertThat(raw).startsWith("HTTP/1.1 400 Bad Request\r\n");
    String head = raw.substring(0, raw.indexOf("\r\n\r\n"));
    assertThat(head).contains("Content-Type: application/problem+json", "Connection: close");
    JsonNode problem = JSON.readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asText()).contains("HTTPS");
    assertThat(problem.get("instance").asText()).isEqualTo("/hello?x=1");
    assertThat(head).contains("X-Correlation-Id: " + problem.get("correlationId").asText());

    // a plain-HTTP client sees that answer too, not a hang or garbage
    HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> refused = get(plain, "http://127.0.0.1:" + server.port() + "/hello");
    assertThat(refused.statusCode()).isEqualTo(400);

    // bytes that are neither TLS nor HTTP: the connection is closed without an answer
    assertThat(exchange(server.port(), "\u0000\u0001\u0002\u0003\u0004\u0005garbage")).isEmpty();

    assertThat(failures(server, HandshakeFailure.PLAIN_HTTP)).isEqualTo(2);
    assertThat(failures(server, HandshakeFailure.NOT_TLS)).isEqualTo(1);
    assertThat(get(client(presenting(ours, ours)), server.url() + "/hello").statusCode())
        .isEqualTo(200);
  }

  @Test
  void failedHandshakes_logOneLineWithoutStackTraceAtMostOncePerMinute() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(ServerTls.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    Level previous = logger.getLevel();
    events.start();
    logger.addAppender(events);
    logger.setLevel(Level.DEBUG);
    try {
      HttpServer server = start(mutualTls(ours));
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> get(client(trusting(ours)), server.url() + "/hello"))
            .isInstanceOf(IOException.class);
      }
      // every failure counted is logged once (java.net.http may retry, so there are >= 3)
      await()
          .atMost(WAIT)
          .until(
              () -> {
                double counted = failures(server, HandshakeFailure.NO_CLIENT_CERTIFICATE);
                return counted >= 3 && snapshot(events).size() == (int) counted;
              });
      List<ILoggingEvent> logged = snapshot(events);
      assertThat(logged).allMatch(e -> e.getThrowableProxy() == null);
      assertThat(logged.stream().filter(e -> e.getLevel() == Level.WARN)).hasSize(1);
      assertThat(logged.get(0).getFormattedMessage())
          .contains("no_client_certificate")
          .doesNotContain("\n");
    } finally {
      logger.setLevel(previous);
      logger.detachAppender(events);
    }
  }

  @Test
  void pkcs12Keystore_servesHttps() throws Exception {
    Path keyStore = dir.resolve("server.p12");
    TestKeyStores.write(
        keyStore, "s3cret", ours.resolve("server.pem"), ours.resolve("server-key.pem"));
    HttpServer server = start(TlsSettings.pkcs12(keyStore, "s3cret"));

    assertThat(get(client(trusting(ours)), server.url() + "/hello").statusCode()).isEqualTo(200);
  }

  private static List<ILoggingEvent> snapshot(ListAppender<ILoggingEvent> events) {
    synchronized (events) {
      return List.copyOf(events.list);
    }
  }

  /** Writes raw bytes on a fresh connection and reads until the server closes it. */
  private static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        received.write(buffer, 0, n);
      }
      return received.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
