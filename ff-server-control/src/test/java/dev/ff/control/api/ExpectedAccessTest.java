package dev.ff.control.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ff.control.api.ExpectedAccess.Kind;
import dev.ff.control.api.ExpectedAccess.Subject;
import dev.ff.control.api.ExpectedAccess.TestGrant;
import dev.ff.control.domain.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The matrix's oracle: it refuses to judge a route without a policy entry, and judges by scope. */
class ExpectedAccessTest {

  private static final String FLAGS = "/v1/orgs/{org}/projects/{project}/environments/{env}/flags";
  private static final Map<String, String> PATH =
      Map.of("org", "acme", "project", "shop", "env", "prod");

  @Test
  void aRouteWithoutPolicyEntry_failsTheMatrix() {
    Subject viewer = user(new TestGrant("acme", Role.VIEWER));
    assertThatThrownBy(() -> ExpectedAccess.allowed(Map.of(), "GET", FLAGS, PATH, viewer))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("has no entry in the AccessPolicy table");
    assertThat(ExpectedAccess.allowed(Map.of(), "GET", "/live", Map.of(), viewer)).isTrue();
    assertThat(ExpectedAccess.allowed(Map.of(), "GET", "/debug/threads", Map.of(), viewer))
        .isFalse();
  }

  @Test
  void aGrantCoversItsScopeAndTheScopesInside_only() {
    Map<String, Access> table = Map.of("POST " + FLAGS, Access.ORG_WRITE);
    assertThat(allowed(table, user(new TestGrant("acme", Role.EDITOR)))).isTrue();
    assertThat(allowed(table, user(new TestGrant("acme/shop", Role.EDITOR)))).isTrue();
    assertThat(allowed(table, user(new TestGrant("acme/shop/prod", Role.OWNER)))).isTrue();
    assertThat(allowed(table, user(new TestGrant("acme/shop/prod", Role.VIEWER)))).isFalse();
    assertThat(allowed(table, user(new TestGrant("acme/shop/dev", Role.OWNER)))).isFalse();
    assertThat(allowed(table, user(new TestGrant("acme/shopping", Role.OWNER)))).isFalse();
    assertThat(allowed(table, user(new TestGrant("acmex", Role.OWNER)))).isFalse();
    assertThat(
            allowed(
                table,
                user(new TestGrant("acme", Role.VIEWER), new TestGrant("acme/shop", Role.ADMIN))))
        .as("the highest covering role counts")
        .isTrue();
    Subject sdk = new Subject("sdk", Kind.SDK_TOKEN, List.of(), Optional.of("acme/shop/prod"), "");
    assertThat(allowed(table, sdk)).isFalse();
  }

  private static boolean allowed(Map<String, Access> table, Subject subject) {
    return ExpectedAccess.allowed(table, "POST", FLAGS, PATH, subject);
  }

  private static Subject user(TestGrant... grants) {
    return new Subject("user", Kind.USER_SESSION, List.of(grants), Optional.empty(), "");
  }
}
