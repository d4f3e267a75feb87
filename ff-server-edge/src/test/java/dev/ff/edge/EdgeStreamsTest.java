package dev.ff.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.document.DocumentSigner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edge's SDK streams under load: ten thousand clients each receive a patch, and a client that
 * stops reading is disconnected instead of buffered for.
 */
class EdgeStreamsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int SWARM = 10_000;

  FakeControlPlane fake;
  EdgeServer edge;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeControlPlane();
    edge =
        new EdgeServer(
                EdgeConfig.defaults()
                    .withPort(0)
                    .withControlUrl(fake.url())
                    .withEnvironments(Map.of("prod", "sdk-token"))
                    .withSigningKeys("k1:test-secret-1")
                    .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                    .withPollInterval(Duration.ofHours(1)))
            .start();
    await().atMost(WAIT).until(fake::streamOpen);
    fake.send("config", 1, FakeControlPlane.doc("prod", 1, true, FakeControlPlane.K1).toString());
    await().atMost(WAIT).until(edge::allReady);
  }

  @AfterEach
  void stop() {
    edge.close();
    fake.close();
  }

  @Test
  void tenThousandStreamClientsEachReceiveThePatch() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process swarm =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                SseSwarm.class.getName(),
                "127.0.0.1",
                Integer.toString(edge.port()),
                "/stream/prod",
                "sdk-token",
                Integer.toString(SWARM))
            .redirectErrorStream(true)
            .start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(swarm.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  lines.add(line);
                }
              } catch (java.io.IOException e) {
                lines.add("reader: " + e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    try {
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> lines.contains("ready " + SWARM) || !swarm.isAlive());
      assertThat(lines).as("swarm output").contains("ready " + SWARM);
      assertThat(edge.streams().clients("prod")).isEqualTo(SWARM);

      long published = System.nanoTime();
      fake.send(
          "config", 2, FakeControlPlane.doc("prod", 2, false, FakeControlPlane.K1).toString());
      await().atMost(Duration.ofMinutes(1)).until(() -> !swarm.isAlive());
      long millis = (System.nanoTime() - published) / 1_000_000;
      assertThat(swarm.exitValue()).as("swarm output %s", lines).isZero();
      assertThat(lines).contains("done " + SWARM);
      System.out.printf("%d SSE clients received the patch %d ms after it left\n", SWARM, millis);
    } finally {
      swarm.destroyForcibly();
    }
    await().atMost(WAIT).until(() -> edge.streams().clients("prod") == 0);
  }

  @Test
  void aClientThatStopsReadingIsDisconnectedInsteadOfBufferedFor() throws Exception {
    try (Socket stalled = new Socket()) {
      stalled.setReceiveBufferSize(4096);
      stalled.setSoTimeout(30_000);
      stalled.connect(new InetSocketAddress("127.0.0.1", edge.port()));
      OutputStream out = stalled.getOutputStream();
      out.write(
          ("GET /stream/prod HTTP/1.1\r\nHost: edge\r\nAuthorization: Bearer sdk-token\r\n"
                  + "Accept: text/event-stream\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      await().atMost(WAIT).until(() -> edge.streams().clients("prod") == 1);

      // Large versions (every flag changes each time) until the stalled socket's buffers are full.
      long version = 2;
      while (edge.streams().clients("prod") == 1 && version < 400) {
        fake.send("config", version, large(version).toString());
        long expected = version;
        await().atMost(WAIT).until(() -> edge.replica("prod").orElseThrow().version() == expected);
        version++;
      }
      assertThat(edge.streams().clients("prod")).as("after %d versions", version - 2).isZero();
      assertThat(stalled.getInputStream().readAllBytes()).as("then closed").isNotEmpty();

      long last = version - 1;
      try (Http.Sse fresh = new Http.Sse(edge.url() + "/stream/prod", "sdk-token", "1")) {
        await().atMost(WAIT).until(() -> !fresh.events.isEmpty());
        assertThat(fresh.events.get(0).id()).isEqualTo(Long.toString(last));
        assertThat(fresh.events.get(0).event()).isEqualTo("config");
      }
    }
  }

  /** A document whose 300 flags all change with the version (about 100 KB per patch). */
  private static ObjectNode large(long version) {
    ObjectNode doc = FakeControlPlane.doc("prod", version, true, null);
    ObjectNode flags = (ObjectNode) doc.get("flags");
    ObjectNode template = (ObjectNode) flags.get("f");
    for (int i = 0; i < 300; i++) {
      ObjectNode flag = template.deepCopy();
      flag.put("key", "flag-" + i);
      ArrayNode values = (ArrayNode) flag.get("rules").get(0).get("if").get("values");
      values.removeAll();
      for (int j = 0; j < 10; j++) {
        values.add("country-" + version + "-" + i + "-" + j);
      }
      flags.set("flag-" + i, flag);
    }
    return DocumentSigner.sign(doc, FakeControlPlane.K1);
  }
}
