package dev.ff.edge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ff.core.document.DocumentSigner;
import dev.ff.core.document.SigningKey;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tiny stand-in for the control plane's config delivery: {@code GET /v1/configs/{env}} answers
 * whatever document the test sets (tampered or not), and {@code GET /v1/configs/{env}/stream} stays
 * open so the test can write events to it.
 */
final class FakeControlPlane implements AutoCloseable {
  static final SigningKey K1 =
      new SigningKey("k1", "test-secret-1".getBytes(StandardCharsets.UTF_8));
  static final SigningKey K2 =
      new SigningKey("k2", "test-secret-2".getBytes(StandardCharsets.UTF_8));

  final AtomicReference<String> document = new AtomicReference<>();
  final AtomicInteger fetches = new AtomicInteger();
  final List<String> lastEventIds = new CopyOnWriteArrayList<>();
  private final AtomicReference<HttpExchange> stream = new AtomicReference<>();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  FakeControlPlane() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/v1/configs/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  boolean streamOpen() {
    return stream.get() != null;
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (exchange.getRequestURI().getPath().endsWith("/stream")) {
      String last = exchange.getRequestHeaders().getFirst("Last-Event-ID");
      lastEventIds.add(last == null ? "" : last);
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().flush();
      HttpExchange old = stream.getAndSet(exchange);
      if (old != null) {
        old.close();
      }
      return;
    }
    fetches.incrementAndGet();
    String doc = document.get();
    if (doc == null) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Writes one event to the open stream. */
  void send(String event, long id, String data) {
    HttpExchange exchange = stream.get();
    if (exchange == null) {
      throw new IllegalStateException("no stream open");
    }
    String frame = "id: " + id + "\nevent: " + event + "\ndata: " + data + "\n\n";
    try {
      OutputStream out = exchange.getResponseBody();
      out.write(frame.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the open stream (the client sees end of stream). */
  void dropStream() {
    HttpExchange exchange = stream.getAndSet(null);
    if (exchange != null) {
      exchange.close();
    }
  }

  @Override
  public void close() {
    dropStream();
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * A valid document: flag {@code f} (boolean, on for country NL) and flag {@code g} when asked.
   */
  static ObjectNode doc(String env, long version, boolean enabled, SigningKey key) {
    ObjectNode doc =
        (ObjectNode)
            EdgeIntegrationTest.parse(
                "{'env':'"
                    + env
                    + "','project':'shop','version':"
                    + version
                    + ",'salt':'9f2c4e1ab37d','segments':{},'flags':{'f':"
                    + "{'key':'f','type':'boolean','enabled':"
                    + enabled
                    + ",'variations':[{'key':'off','value':false},{'key':'on','value':true}],"
                    + "'offVariation':'off','defaultVariation':'off','rules':[{'id':'nl','if':"
                    + "{'attr':'country','op':'in','values':['NL']},'then':{'variation':'on'}}]}}}");
    return key == null ? doc : DocumentSigner.sign(doc, key);
  }
}
