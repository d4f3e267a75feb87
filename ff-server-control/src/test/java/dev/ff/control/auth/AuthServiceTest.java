package dev.ff.control.auth;

import static dev.ff.control.Fixtures.ALICE;
import static dev.ff.control.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ff.control.ControlPlane;
import dev.ff.control.Fixtures;
import dev.ff.control.MutableClock;
import dev.ff.control.TestDatabase;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.Forbidden;
import dev.ff.control.domain.Grant;
import dev.ff.control.domain.InvalidState;
import dev.ff.control.domain.ProjectRef;
import dev.ff.control.domain.Role;
import dev.ff.control.domain.Scope;
import dev.ff.control.domain.User;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.control.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in, sessions, lockout and passwords against a real database, with a clock the test moves:
 * the lockout and its expiry, session expiry, revocation, and that every failed sign-in costs one
 * bcrypt verification whatever its reason.
 */
class AuthServiceTest {

  private static final IdentityConfig CONFIG =
      IdentityConfig.defaults()
          .withBcryptCost(4)
          .withLockout(3, Duration.ofMinutes(15))
          .withSessionTtl(Duration.ofHours(12));
  private static final String PASSWORD = "correct horse battery";
  private static final AtomicInteger USERS = new AtomicInteger();

  private static TestDatabase db;
  private static MutableClock clock;
  private static ControlPlane cp;
  private static PasswordHasher hasher;
  private static AuthService auth;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    cp = new ControlPlane(db.database().jdbi(), clock, Fixtures.KEYS, Fixtures.PEPPER, CONFIG);
    hasher = new PasswordHasher(CONFIG.bcryptCost());
    auth =
        new AuthService(
            new Tx(db.database().jdbi(), clock), new Secrets(Fixtures.PEPPER), hasher, CONFIG);
    Fixtures.tenant(cp, "acme");
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private static String newUser(String password) {
    String email = "user" + USERS.incrementAndGet() + "@example.com";
    String body =
        password == null
            ? "{'email':'" + email + "','displayName':'U'}"
            : "{'email':'" + email + "','displayName':'U','password':'" + password + "'}";
    cp.members().createUser(ALICE, json(body));
    return email;
  }

  private static Optional<CreatedSession> login(String email, String password) {
    return auth.login(json("{'email':'" + email + "','password':'" + password + "'}"), "corr-test");
  }

  private static Actor actorOf(User user) {
    return new Actor("user:" + user.meta().id(), Actor.Kind.USER, user.email());
  }

  @Test
  void login_success_givesASessionThatAuthenticatesWithTheUsersGrants() {
    String email = newUser(PASSWORD);
    cp.members()
        .bind(ALICE, "acme", json("{'user':'" + email + "','role':'editor','project':'shop'}"));
    CreatedSession created = login(email, PASSWORD).orElseThrow();
    assertThat(created.secret()).startsWith("ffu_").hasSize(4 + 43);
    assertThat(created.toString()).doesNotContain(created.secret());
    assertThat(created.session().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));
    UserSession session = auth.authenticateSession(created.secret()).orElseThrow();
    assertThat(session.user().email()).isEqualTo(email);
    assertThat(session.grants())
        .containsExactly(new Grant(Scope.project(new ProjectRef("acme", "shop")), Role.EDITOR));
    String stored =
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT secret_hash FROM user_session WHERE id = :id")
                        .bind("id", session.id())
                        .mapTo(String.class)
                        .one());
    assertThat(stored).matches("[0-9a-f]{64}").doesNotContain(created.secret());
    assertThat(auth.authenticateSession(created.secret() + "x")).isEmpty();
    assertThat(auth.authenticateSession("ffu_" + "A".repeat(43))).isEmpty();
  }

  @Test
  void login_emailIsCaseInsensitive_andTheBodyIsChecked() {
    String email = newUser(PASSWORD);
    assertThat(login(email.toUpperCase(java.util.Locale.ROOT), PASSWORD)).isPresent();
    assertThatThrownBy(() -> auth.login(json("{'email':'a@b.c'}"), "c"))
        .isInstanceOf(ValidationFailed.class)
        .satisfies(
            e ->
                assertThat(((ValidationFailed) e).problems())
                    .anyMatch(p -> p.path().equals("/password")));
    assertThatThrownBy(() -> auth.login(json("{'email':'a@b.c','password':'x','otp':1}"), "c"))
        .isInstanceOf(ValidationFailed.class);
  }

  @Test
  void failedLogins_unknownWrongOrPasswordless_lookAlikeAndCostOneVerificationEach() {
    String email = newUser(PASSWORD);
    String passwordless = newUser(null);
    long before = hasher.verifications();
    assertThat(login(email, "wrong password")).isEmpty();
    assertThat(hasher.verifications() - before).as("wrong password").isEqualTo(1);
    before = hasher.verifications();
    assertThat(login("nobody-" + email, PASSWORD)).isEmpty();
    assertThat(hasher.verifications() - before).as("unknown email").isEqualTo(1);
    before = hasher.verifications();
    assertThat(login(passwordless, PASSWORD)).isEmpty();
    assertThat(hasher.verifications() - before).as("no password").isEqualTo(1);
    before = hasher.verifications();
    assertThat(login(email, "x".repeat(100))).isEmpty();
    assertThat(hasher.verifications() - before).as("too long for bcrypt").isEqualTo(1);
    before = hasher.verifications();
    assertThat(
            auth.login(
                json("{}").put("email", "nul\u0000@example.com").put("password", PASSWORD), "c"))
        .isEmpty();
    assertThat(hasher.verifications() - before).as("unqueryable email").isEqualTo(1);
  }

  @Test
  void lockout_afterConsecutiveFailures_refusesEvenTheRightPassword_untilTheCoolDownEnds() {
    String email = newUser(PASSWORD);
    assertThat(login(email, "wrong 1")).isEmpty();
    assertThat(login(email, PASSWORD)).as("a success clears the count").isPresent();
    for (int i = 0; i < 3; i++) {
      assertThat(login(email, "wrong " + i)).isEmpty();
    }
    long before = hasher.verifications();
    assertThat(login(email, PASSWORD)).as("locked").isEmpty();
    assertThat(hasher.verifications() - before).as("locked costs the same").isEqualTo(1);
    clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    assertThat(login(email, PASSWORD)).as("still locked").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(login(email, PASSWORD)).as("cool-down over").isPresent();
    // The count starts again from zero after the lock.
    assertThat(login(email, "wrong again")).isEmpty();
    assertThat(login(email, "wrong again")).isEmpty();
    assertThat(login(email, PASSWORD)).isPresent();
  }

  @Test
  void sessions_expire_andLogoutRevokes() {
    String email = newUser(PASSWORD);
    CreatedSession first = login(email, PASSWORD).orElseThrow();
    CreatedSession second = login(email, PASSWORD).orElseThrow();
    User user = first.session().user();
    auth.logout(actorOf(user), first.session().id());
    assertThat(auth.authenticateSession(first.secret())).isEmpty();
    assertThat(auth.authenticateSession(second.secret())).isPresent();
    assertThatThrownBy(() -> auth.logout(actorOf(user), first.session().id()))
        .isInstanceOf(InvalidState.class);
    clock.advance(Duration.ofHours(12).minusSeconds(1));
    assertThat(auth.authenticateSession(second.secret())).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(auth.authenticateSession(second.secret())).as("expired").isEmpty();
  }

  @Test
  void changePassword_needsTheCurrentOne_countsFailures_andRevokesOtherSessions() {
    String email = newUser(PASSWORD);
    CreatedSession current = login(email, PASSWORD).orElseThrow();
    CreatedSession other = login(email, PASSWORD).orElseThrow();
    User user = current.session().user();
    long userId = user.meta().id();
    Optional<Long> keep = Optional.of(current.session().id());
    assertThatThrownBy(
            () ->
                auth.changePassword(
                    actorOf(user), userId, keep, new PasswordChange("wrong", "new password 1")))
        .isInstanceOf(ValidationFailed.class)
        .satisfies(
            e ->
                assertThat(((ValidationFailed) e).problems().get(0).path())
                    .isEqualTo("/currentPassword"));
    assertThatThrownBy(
            () -> PasswordChange.parse(json("{'currentPassword':'a','newPassword':'b'}")))
        .isInstanceOf(ValidationFailed.class);
    auth.changePassword(
        actorOf(user), userId, keep, new PasswordChange(PASSWORD, "new password 1"));
    assertThat(auth.authenticateSession(current.secret())).as("kept").isPresent();
    assertThat(auth.authenticateSession(other.secret())).as("revoked").isEmpty();
    assertThat(login(email, PASSWORD)).isEmpty();
    assertThat(login(email, "new password 1")).isPresent();
    // Wrong current passwords count towards the lockout: three in a row lock the account.
    for (String wrong : new String[] {"bad 1", "bad 2", "bad 3"}) {
      assertThatThrownBy(
              () ->
                  auth.changePassword(
                      actorOf(user), userId, keep, new PasswordChange(wrong, "whatever 123")))
          .isInstanceOf(ValidationFailed.class);
    }
    assertThat(login(email, "new password 1")).as("locked by password-change failures").isEmpty();
    assertThatThrownBy(
            () ->
                auth.changePassword(
                    actorOf(user),
                    userId,
                    keep,
                    new PasswordChange("new password 1", "whatever 123")))
        .isInstanceOf(InvalidState.class);
    clock.advance(Duration.ofMinutes(15));
  }

  @Test
  void setPassword_byAnAdmin_needsAuthorityOverEveryOrganisationOfTheUser() {
    String owner = newUser(PASSWORD);
    cp.members().bind(ALICE, "acme", json("{'user':'" + owner + "','role':'owner'}"));
    String loose = newUser(null);
    Actor admin = new Actor("token:1", Actor.Kind.TOKEN, "admin");
    assertThatThrownBy(
            () ->
                auth.setPassword(
                    admin,
                    owner,
                    json("{'password':'taken over!'}"),
                    org -> Optional.of(Role.ADMIN)))
        .isInstanceOf(Forbidden.class)
        .hasMessageContaining("owner");
    assertThatThrownBy(
            () ->
                auth.setPassword(
                    admin, owner, json("{'password':'taken over!'}"), org -> Optional.empty()))
        .isInstanceOf(Forbidden.class);
    // Locked out, then reset by an owner: the lock is cleared and old sessions are revoked.
    CreatedSession session = login(owner, PASSWORD).orElseThrow();
    for (int i = 0; i < 3; i++) {
      login(owner, "wrong " + i);
    }
    assertThat(login(owner, PASSWORD)).isEmpty();
    User changed =
        auth.setPassword(
            admin, owner, json("{'password':'reset by owner'}"), org -> Optional.of(Role.OWNER));
    assertThat(changed.meta().version()).isGreaterThan(1);
    assertThat(auth.authenticateSession(session.secret())).isEmpty();
    assertThat(login(owner, "reset by owner")).isPresent();
    // A user without roles: any admin may give a first password.
    auth.setPassword(admin, loose, json("{'password':'first one!'}"), org -> Optional.empty());
    assertThat(login(loose, "first one!")).isPresent();
    assertThatThrownBy(
            () ->
                auth.setPassword(
                    admin, loose, json("{'password':'short'}"), org -> Optional.of(Role.OWNER)))
        .isInstanceOf(ValidationFailed.class);
    assertThatThrownBy(
            () ->
                auth.setPassword(
                    admin,
                    "nobody@example.com",
                    json("{'password':'long enough'}"),
                    org -> Optional.of(Role.OWNER)))
        .isInstanceOf(dev.ff.control.domain.NotFound.class);
  }

  @Test
  void passwordRules_andHashes() {
    assertThat(PasswordHasher.refusal("seven77")).isPresent();
    assertThat(PasswordHasher.refusal("eight888")).isEmpty();
    assertThat(PasswordHasher.refusal("é".repeat(36))).as("72 bytes").isEmpty();
    assertThat(PasswordHasher.refusal("é".repeat(37))).as("74 bytes").isPresent();
    String hash = hasher.hash("eight888");
    assertThat(hash).startsWith("$2b$04$");
    assertThat(hasher.hash("eight888")).as("salted").isNotEqualTo(hash);
    assertThat(hasher.verify("eight888", hash)).isTrue();
    assertThat(hasher.verify("eight889", hash)).isFalse();
    assertThat(hasher.verify("eight888", "not a hash")).isFalse();
    assertThatThrownBy(
            () ->
                cp.members()
                    .createUser(
                        ALICE, json("{'email':'p@x.y','displayName':'P','password':'short'}")))
        .isInstanceOf(ValidationFailed.class);
    String stored =
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT password_hash FROM users WHERE email = :e")
                        .bind("e", newUser(PASSWORD))
                        .mapTo(String.class)
                        .one());
    assertThat(stored).startsWith("$2b$04$").doesNotContain(PASSWORD);
  }
}
