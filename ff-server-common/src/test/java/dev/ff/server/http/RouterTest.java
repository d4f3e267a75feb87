package dev.ff.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

  private static final Handler OK = r -> Response.noContent();

  private final Router router =
      Router.builder()
          .get("/", OK)
          .get("/v1/orgs/{org}", OK)
          .get("/v1/orgs/new", OK)
          .post("/v1/orgs/{org}/flags", OK)
          .get("/v1/orgs/{org}/flags/{flag}", OK, RouteOptions.defaults().rateLimitClass("read"))
          .delete("/v1/orgs/{org}/flags/{flag}", OK)
          .patch("/v1/orgs/{org}/flags/{flag}", OK)
          .put("/v1/orgs/{org}/flags/{flag}", OK)
          .build();

  private Router.Found found(String method, String path) {
    Router.Match match = router.match(method, path);
    assertThat(match).isInstanceOf(Router.Found.class);
    return (Router.Found) match;
  }

  @Test
  void matchesTemplatesAndExtractsParams() {
    Router.Found match = found("GET", "/v1/orgs/acme/flags/new%2Fcheckout+x");
    assertThat(match.route().template()).isEqualTo("/v1/orgs/{org}/flags/{flag}");
    assertThat(match.params()).isEqualTo(Map.of("org", "acme", "flag", "new/checkout+x"));
    assertThat(match.route().options().rateLimit()).hasValue("read");
    assertThat(found("GET", "/").route().template()).isEqualTo("/");
  }

  @Test
  void literalSegmentWinsOverParameter() {
    assertThat(found("GET", "/v1/orgs/new").route().template()).isEqualTo("/v1/orgs/new");
    assertThat(found("GET", "/v1/orgs/old").route().template()).isEqualTo("/v1/orgs/{org}");
    // the literal node has no POST .../flags, the parameter node does
    assertThat(found("POST", "/v1/orgs/new/flags").route().template())
        .isEqualTo("/v1/orgs/{org}/flags");
  }

  @Test
  void trailingSlashIsTolerated() {
    assertThat(found("GET", "/v1/orgs/acme/").params()).containsEntry("org", "acme");
  }

  @Test
  void unknownPathAndWrongMethod() {
    assertThat(router.match("GET", "/v1/nothing")).isInstanceOf(Router.NotFound.class);
    assertThat(router.match("GET", "/v1/orgs//flags")).isInstanceOf(Router.NotFound.class);
    assertThat(router.match("POST", "/v1/orgs/acme"))
        .isEqualTo(new Router.MethodNotAllowed(java.util.List.of("GET")));
    assertThat(router.match("POST", "/v1/orgs/a/flags/b"))
        .isEqualTo(new Router.MethodNotAllowed(java.util.List.of("DELETE", "GET", "PATCH", "PUT")));
  }

  @Test
  void malformedPercentEncodingIs400() {
    assertThatThrownBy(() -> router.match("GET", "/v1/orgs/%zz"))
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
  }

  @Test
  void buildRejectsConflicts() {
    assertThatThrownBy(() -> Router.builder().get("/a", OK).get("/a/", OK).build())
        .hasMessageContaining("duplicate");
    assertThatThrownBy(() -> Router.builder().get("/a/{x}", OK).get("/a/{y}/b", OK).build())
        .hasMessageContaining("conflicting parameter names");
    assertThatThrownBy(() -> Router.builder().get("/a/x{y}", OK).build())
        .hasMessageContaining("whole segment");
    assertThatThrownBy(() -> Router.builder().get("no-slash", OK).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exposesRoutesInOrder() {
    assertThat(router.routes()).hasSize(8);
    assertThat(router.routes().get(1).method()).isEqualTo("GET");
    assertThat(router.routes().get(1).template()).isEqualTo("/v1/orgs/{org}");
    assertThat(router.routes().get(1).options()).isEqualTo(RouteOptions.defaults());
  }
}
