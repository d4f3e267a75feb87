package dev.ff.control.tokens;

import static dev.ff.control.Fixtures.ALICE;
import static dev.ff.control.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ff.control.ControlPlane;
import dev.ff.control.Fixtures;
import dev.ff.control.MutableClock;
import dev.ff.control.TestDatabase;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.InvalidState;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;
import dev.ff.control.domain.Problem;
import dev.ff.control.domain.ValidationFailed;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
  private static TestDatabase db;
  private static MutableClock clock;
  private static ControlPlane cp;
  private static EnvRef env;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    cp = new ControlPlane(db.database().jdbi(), clock, Fixtures.KEYS, Fixtures.PEPPER);
    env = Fixtures.tenant(cp, "acme");
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private static String storedHash(long id) {
    return db.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT secret_hash FROM api_token WHERE id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void createdSecretAuthenticatesAndIsNotStored() {
    CreatedToken created = cp.tokens().create(ALICE, "acme", json("{'name':'ci','kind':'admin'}"));
    assertThat(created.secret()).startsWith("ffa_").hasSize(4 + 43);
    assertThat(created.token().displayPrefix()).isEqualTo(created.secret().substring(0, 12));
    assertThat(created.token().env()).isEmpty();
    assertThat(storedHash(created.token().id()))
        .matches("[0-9a-f]{64}")
        .doesNotContain(created.secret().substring(4));
    assertThat(created.toString()).doesNotContain(created.secret());

    TokenPrincipal principal = cp.tokens().authenticate(created.secret()).orElseThrow();
    assertThat(principal.kind()).isEqualTo(TokenKind.ADMIN);
    assertThat(principal.org()).isEqualTo("acme");
    assertThat(principal.env()).isEmpty();
    assertThat(principal.actor().id()).isEqualTo("token:" + created.token().id());

    assertThat(cp.tokens().authenticate(created.secret() + "x")).isEmpty();
    assertThat(cp.tokens().authenticate("ffs_" + created.secret().substring(4))).isEmpty();
    assertThat(cp.tokens().authenticate("nonsense")).isEmpty();
    assertThat(cp.tokens().authenticate(null)).isEmpty();
  }

  @Test
  void sdkTokensKnowTheirEnvironment() {
    CreatedToken sdk =
        cp.tokens()
            .create(
                ALICE, "acme", json("{'name':'web','kind':'sdk','project':'shop','env':'prod'}"));
    assertThat(sdk.secret()).startsWith("ffs_");
    TokenPrincipal principal = cp.tokens().authenticate(sdk.secret()).orElseThrow();
    assertThat(principal.env()).contains(env);
    assertThat(principal.envId()).isPresent();

    assertThatThrownBy(() -> cp.tokens().create(ALICE, "acme", json("{'name':'x','kind':'sdk'}")))
        .isInstanceOfSatisfying(
            ValidationFailed.class,
            e -> assertThat(e.problems()).extracting(Problem::path).containsExactly("/env"));
    assertThatThrownBy(
            () -> cp.tokens().create(ALICE, "acme", json("{'kind':'root','project':'shop','x':1}")))
        .isInstanceOfSatisfying(
            ValidationFailed.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .containsExactlyInAnyOrder("/x", "/name", "/kind", "/env"));
  }

  @Test
  void expiredAndRevokedTokensAreRefused() {
    CreatedToken expiring =
        cp.tokens()
            .create(
                ALICE,
                "acme",
                json(
                    "{'name':'short','kind':'admin','expiresAt':'"
                        + clock.instant().plusSeconds(3600)
                        + "'}"));
    assertThat(cp.tokens().authenticate(expiring.secret())).isPresent();
    clock.advance(Duration.ofHours(2));
    assertThat(cp.tokens().authenticate(expiring.secret())).isEmpty();

    CreatedToken revoked = cp.tokens().create(ALICE, "acme", json("{'name':'r','kind':'admin'}"));
    assertThat(cp.tokens().authenticate(revoked.secret())).isPresent();
    ApiToken after = cp.tokens().revoke(ALICE, "acme", revoked.token().id());
    assertThat(after.revokedAt()).isPresent();
    assertThat(cp.tokens().authenticate(revoked.secret())).isEmpty();
    assertThatThrownBy(() -> cp.tokens().revoke(ALICE, "acme", revoked.token().id()))
        .isInstanceOf(InvalidState.class);
    Page<ApiToken> live = cp.tokens().list(ALICE, "acme", PageRequest.first(), false);
    assertThat(live.items()).extracting(ApiToken::id).doesNotContain(revoked.token().id());
    Page<ApiToken> all = cp.tokens().list(ALICE, "acme", PageRequest.first(), true);
    assertThat(all.items()).extracting(ApiToken::id).contains(revoked.token().id());
  }

  @Test
  void lastUsedIsUpdatedAtMostOnceAMinute() {
    CreatedToken token = cp.tokens().create(ALICE, "acme", json("{'name':'lu','kind':'admin'}"));
    cp.tokens().authenticate(token.secret());
    Instant first = cp.tokens().get(ALICE, "acme", token.token().id()).lastUsedAt().orElseThrow();
    clock.advance(Duration.ofSeconds(30));
    cp.tokens().authenticate(token.secret());
    assertThat(cp.tokens().get(ALICE, "acme", token.token().id()).lastUsedAt()).contains(first);
    clock.advance(Duration.ofSeconds(31));
    cp.tokens().authenticate(token.secret());
    assertThat(cp.tokens().get(ALICE, "acme", token.token().id()).lastUsedAt())
        .contains(clock.instant());
  }

  @Test
  void rotationKeepsTheOldSecretForTheOverlap() {
    CreatedToken old = cp.tokens().create(ALICE, "acme", json("{'name':'rot','kind':'admin'}"));
    CreatedToken rotated =
        cp.tokens().rotate(ALICE, "acme", old.token().id(), Duration.ofMinutes(10));
    assertThat(rotated.secret()).isNotEqualTo(old.secret());
    assertThat(rotated.token().rotatedFrom()).contains(old.token().id());
    assertThat(rotated.token().name()).isEqualTo("rot");
    assertThat(cp.tokens().authenticate(old.secret())).isPresent();
    assertThat(cp.tokens().authenticate(rotated.secret())).isPresent();
    clock.advance(Duration.ofMinutes(11));
    assertThat(cp.tokens().authenticate(old.secret())).isEmpty();
    assertThat(cp.tokens().authenticate(rotated.secret())).isPresent();
    assertThatThrownBy(() -> cp.tokens().rotate(ALICE, "acme", old.token().id(), Duration.ZERO))
        .isInstanceOf(InvalidState.class);
    assertThat(Optional.of(rotated.token().kind())).contains(TokenKind.ADMIN);
  }
}
