package dev.ff.control.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ff.control.ControlPlaneServer;
import dev.ff.control.TestDatabase;
import dev.ff.server.http.Route;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The router and {@code openapi/openapi.yaml} describe the same operations, and every operation has
 * an access rule. (Responses are checked against the document by {@link ApiClient} in every API
 * test.)
 */
class OpenApiContractTest {

  private static TestDatabase db;
  private static ControlPlaneServer server;

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    server = TestServers.start(db);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() {
    Set<String> routed = new TreeSet<>();
    for (Route route : server.routes()) {
      routed.add(route.method() + " " + route.template());
    }
    Set<String> documented = OpenApiContract.load().operations();
    assertThat(documented).as("documented but not routed").isSubsetOf(routed);
    assertThat(routed).as("routed but not documented").isSubsetOf(documented);
  }

  @Test
  void documentIsOpenApi31WithBearerSecurity() {
    var doc = OpenApiContract.load().document();
    assertThat(doc.get("openapi").asText()).startsWith("3.1");
    assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    for (String header :
        new String[] {
          "ETag", "X-Correlation-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"
        }) {
      assertThat(doc.at("/components/headers").has(header)).as(header).isTrue();
    }
    assertThat(doc.at("/components/parameters/If-Match/in").asText()).isEqualTo("header");
    assertThat(doc.at("/components/parameters/Idempotency-Key/in").asText()).isEqualTo("header");
    assertThat(doc.at("/components/schemas").has("Problem")).isTrue();
  }
}
