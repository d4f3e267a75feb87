package dev.ff.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ff.server.metrics.ServerMetrics.RejectReason;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LimitsTest extends ServerTestSupport {

  private static final int MAX_BODY = 1024;

  @BeforeEach
  void startServer() {
    Router router =
        Router.builder()
            .post("/echo", r -> Response.bytes(200, "application/octet-stream", r.body()), open())
            .get("/hello/{n}", r -> Response.ok(Map.of("n", r.pathParam("n"))), open())
            .build();
    start(
        HttpServer.builder(
                ServerConfig.defaults()
                    .withMaxBodyBytes(MAX_BODY)
                    .withMaxHeaderBytes(1024)
                    .withMaxInitialLineBytes(512)
                    .withIdleTimeout(Duration.ofMillis(300)))
            .router(router));
  }

  @Test
  void announcedOversizedBodyIs413WithoutSendingTheBody() throws Exception {
    try (RawClient raw = new RawClient(server.port())) {
      raw.send(
          "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Content-Length: 100000000\r\n\r\n");
      RawClient.Raw response = raw.read();
      assertThat(response.status()).isEqualTo(413);
      assertThat(response.header("content-type")).isEqualTo("application/problem+json");
      assertThat(response.header("connection")).isEqualTo("close");
      assertThat(json(response.body()).get("status").asInt()).isEqualTo(413);
      assertThat(raw.isClosedByServer()).isTrue();
    }
    assertThat(server.metrics().rejectedCount(RejectReason.TOO_LARGE)).isEqualTo(1.0);
  }

  @Test
  void chunkedOversizedBodyIs413() throws Exception {
    try (RawClient raw = new RawClient(server.port())) {
      raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
      String chunk = "x".repeat(600);
      for (int i = 0; i < 2; i++) {
        raw.send(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
      }
      RawClient.Raw response = raw.read();
      assertThat(response.status()).isEqualTo(413);
      assertThat(json(response.body()).get("instance").asText()).isEqualTo("/echo");
    }
  }

  @Test
  void bodyWithinLimitIsEchoedEvenWhenChunked() throws Exception {
    try (RawClient raw = new RawClient(server.port())) {
      raw.send(
          "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
      RawClient.Raw response = raw.read();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("hello world");
    }
  }

  @Test
  void oversizedHeaderIs431() throws Exception {
    try (RawClient raw = new RawClient(server.port())) {
      raw.send("GET /hello/1 HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(4000) + "\r\n\r\n");
      RawClient.Raw response = raw.read();
      assertThat(response.status()).isEqualTo(431);
      assertThat(response.header("x-correlation-id")).isNotBlank();
      assertThat(json(response.body()).get("status").asInt()).isEqualTo(431);
    }
  }

  @Test
  void overlongRequestLineIs414() throws Exception {
    try (RawClient raw = new RawClient(server.port())) {
      raw.send("GET /hello/" + "a".repeat(2000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(raw.read().status()).isEqualTo(414);
    }
  }

  @Test
  void garbageRequestLineIs400() throws Exception {
    try (RawClient raw = new RawClient(server.port())) {
      raw.send("THIS IS NOT HTTP\r\n\r\n");
      RawClient.Raw response = raw.read();
      assertThat(response.status()).isEqualTo(400);
      assertThat(json(response.body()).get("title").asText()).isEqualTo("Bad Request");
    }
  }

  @Test
  void keepAliveServesSeveralRequestsInOrderOnOneConnection() throws Exception {
    try (RawClient raw = new RawClient(server.port())) {
      for (int i = 0; i < 3; i++) {
        raw.send("GET /hello/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
        RawClient.Raw response = raw.read();
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response.body()).get("n").asText()).isEqualTo(Integer.toString(i));
      }
      // pipelined: three requests in one write, answers in order
      raw.send(
          "GET /hello/a HTTP/1.1\r\nHost: x\r\n\r\n"
              + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi"
              + "GET /hello/c HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(json(raw.read().body()).get("n").asText()).isEqualTo("a");
      assertThat(raw.read().body()).isEqualTo("hi");
      assertThat(json(raw.read().body()).get("n").asText()).isEqualTo("c");
    }
  }

  @Test
  void expectContinueIsAnswered() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/echo"))
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString("payload"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("payload");

    try (RawClient raw = new RawClient(server.port())) {
      raw.send(
          "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
      assertThat(raw.readHead(true).status()).isEqualTo(100);
      raw.send("abc".getBytes(StandardCharsets.US_ASCII));
      assertThat(raw.read().body()).isEqualTo("abc");
    }
  }

  @Test
  void idleConnectionIsClosed() throws Exception {
    try (RawClient raw = new RawClient(server.port())) {
      raw.send("GET /hello/1 HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(raw.read().status()).isEqualTo(200);
      // blocks until the server closes the idle connection (300 ms), within the 10 s socket timeout
      assertThat(raw.isClosedByServer()).isTrue();
    }
  }
}
