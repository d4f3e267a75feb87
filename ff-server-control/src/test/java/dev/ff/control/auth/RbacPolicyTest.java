package dev.ff.control.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.Grant;
import dev.ff.control.domain.ProjectRef;
import dev.ff.control.domain.Role;
import dev.ff.control.domain.Scope;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The jCasbin model against the plain statement of the rules: the effective role on a scope is the
 * highest role of any grant whose scope covers it (same organisation; same project unless the grant
 * is organisation-wide; same environment unless the grant is wider).
 */
class RbacPolicyTest {

  private static final RbacPolicy POLICY = new RbacPolicy(64);

  @Property(tries = 2000)
  void casbinAgreesWithTheStatementOfTheRules(
      @ForAll("grants") List<Grant> grants, @ForAll("scopes") Scope scope) {
    Optional<Role> expected =
        grants.stream()
            .filter(g -> covers(g.scope(), scope))
            .map(Grant::role)
            .reduce((a, b) -> a.covers(b) ? a : b);
    assertThat(POLICY.roleOn(grants, scope)).isEqualTo(expected);
    for (Role role : Role.values()) {
      assertThat(POLICY.allows(grants, scope, role))
          .as(role + " on " + scope + " with " + grants)
          .isEqualTo(expected.filter(r -> r.covers(role)).isPresent());
    }
  }

  /** Written out here rather than calling {@link Scope#covers}, which the property also tests. */
  private static boolean covers(Scope grant, Scope target) {
    if (!grant.org().equals(target.org())) {
      return false;
    }
    if (grant.project().isPresent() && !grant.project().equals(target.project())) {
      return false;
    }
    return grant.env().isEmpty() || grant.env().equals(target.env());
  }

  @Example
  void examples() {
    Scope prod = Scope.env(new EnvRef("acme", "shop", "prod"));
    Scope shop = Scope.project(new ProjectRef("acme", "shop"));
    List<Grant> grants =
        List.of(new Grant(Scope.org("acme"), Role.VIEWER), new Grant(shop, Role.EDITOR));
    assertThat(POLICY.roleOn(grants, prod)).contains(Role.EDITOR);
    assertThat(POLICY.roleOn(grants, shop)).contains(Role.EDITOR);
    assertThat(POLICY.roleOn(grants, Scope.org("acme"))).contains(Role.VIEWER);
    assertThat(POLICY.roleOn(grants, Scope.project(new ProjectRef("acme", "shopping"))))
        .as("a key that starts like another is another")
        .contains(Role.VIEWER);
    assertThat(POLICY.roleOn(grants, Scope.org("acme2"))).isEmpty();
    assertThat(POLICY.roleOn(List.of(), prod)).isEmpty();
    assertThat(shop.covers(prod)).isTrue();
    assertThat(prod.covers(shop)).isFalse();
    assertThat(prod.path()).isEqualTo("acme/shop/prod");
    assertThat(RbacPolicy.MODEL).contains("keyMatch");
  }

  @Provide
  Arbitrary<List<Grant>> grants() {
    return Combinators.combine(scopes(), Arbitraries.of(Role.class))
        .as(Grant::new)
        .list()
        .ofMaxSize(5);
  }

  @Provide
  Arbitrary<Scope> scopes() {
    Arbitrary<String> orgs = Arbitraries.of("acme", "acme2", "a");
    Arbitrary<String> projects = Arbitraries.of("shop", "shopping", "blog", "s");
    Arbitrary<String> envs = Arbitraries.of("prod", "dev", "p");
    return Arbitraries.oneOf(
        orgs.map(Scope::org),
        Combinators.combine(orgs, projects).as((o, p) -> Scope.project(new ProjectRef(o, p))),
        Combinators.combine(orgs, projects, envs).as((o, p, e) -> Scope.env(new EnvRef(o, p, e))));
  }
}
