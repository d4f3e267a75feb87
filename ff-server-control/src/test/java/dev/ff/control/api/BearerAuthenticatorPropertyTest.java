package dev.ff.control.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ff.control.ControlPlane;
import dev.ff.control.Fixtures;
import dev.ff.control.TestDatabase;
import dev.ff.control.TestIdp;
import dev.ff.control.auth.IdentityConfig;
import dev.ff.control.auth.OidcVerifier;
import dev.ff.control.domain.Actor;
import dev.ff.server.http.Principal;
import dev.ff.server.http.ProblemException;
import dev.ff.server.http.Request;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The {@code Authorization} header under fuzzing: whatever the header, authentication answers a
 * principal for a valid credential (the right one) or a 401 problem, never another error. Runs the
 * real authenticator on a real database (API tokens, sessions) and a real JWKS endpoint (OIDC).
 */
class BearerAuthenticatorPropertyTest {

  private static final String ROOT = "root-token-for-property-tests";

  /** An independent statement of the header syntax: the scheme, blanks, visible ASCII. */
  private static final Pattern ORACLE =
      Pattern.compile("[ \\t]*[Bb][Ee][Aa][Rr][Ee][Rr][ \\t]+([\\x21-\\x7e]{1,8192})[ \\t]*");

  private static TestDatabase db;
  private static TestIdp idp;
  private static BearerAuthenticator authenticator;

  /** Valid credentials and the principal id each must give. */
  private static final Map<String, String> VALID = new LinkedHashMap<>();

  @BeforeContainer
  static void start() {
    db = TestDatabase.create();
    idp = new TestIdp();
    ControlPlane cp =
        new ControlPlane(
            db.database().jdbi(),
            Clock.systemUTC(),
            Fixtures.KEYS,
            Fixtures.PEPPER,
            IdentityConfig.defaults().withBcryptCost(4));
    Fixtures.tenant(cp, "acme");
    Actor actor = Fixtures.ALICE;
    var admin = cp.tokens().create(actor, "acme", Fixtures.json("{'name':'a','kind':'admin'}"));
    var sdk =
        cp.tokens()
            .create(
                actor,
                "acme",
                Fixtures.json("{'name':'s','kind':'sdk','project':'shop','env':'prod'}"));
    var user =
        cp.members()
            .createUser(
                actor,
                Fixtures.json(
                    "{'email':'fuzz@example.com','displayName':'F','password':'fuzz password'}"));
    var session =
        cp.auth()
            .login(Fixtures.json("{'email':'fuzz@example.com','password':'fuzz password'}"), "c")
            .orElseThrow();
    authenticator =
        new BearerAuthenticator(
            cp.tokens(),
            cp.auth(),
            Optional.of(
                new OidcVerifier(
                    idp.config().withJwksMinRefreshInterval(Duration.ofSeconds(30)),
                    Clock.systemUTC())),
            ROOT);
    VALID.put(ROOT, "root");
    VALID.put(admin.secret(), "token:" + admin.token().id());
    VALID.put(sdk.secret(), "token:" + sdk.token().id());
    VALID.put(session.secret(), "user:" + user.meta().id());
    VALID.put(idp.token("fuzz@example.com"), "user:" + user.meta().id());
    VALID.put(idp.token("nobody@example.com"), "oidc:nobody@example.com");
  }

  @AfterContainer
  static void stop() {
    if (idp != null) {
      idp.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Property(tries = 1500)
  void anyHeader_givesTheRightPrincipalOrA401_neverAnotherError(@ForAll("headers") String header) {
    Request request =
        Request.builder("GET", "/v1/auth/me")
            .route("/v1/auth/me", Map.of())
            .header("Authorization", header)
            .build();
    Matcher syntax = ORACLE.matcher(header);
    Optional<String> expected =
        syntax.matches() ? Optional.ofNullable(VALID.get(syntax.group(1))) : Optional.empty();
    Statistics.label("credential")
        .collect(expected.isPresent() ? "valid" : syntax.matches() ? "well-formed" : "malformed");
    Optional<Principal> principal;
    try {
      principal = authenticator.authenticate(request);
    } catch (ProblemException e) {
      assertThat(e.status()).as("status for " + header).isEqualTo(401);
      assertThat(expected).as("refused a valid credential: " + header).isEmpty();
      return;
    } catch (RuntimeException e) {
      fail("not a 401 problem for " + header, e);
      return;
    }
    assertThat(principal).as(header).isPresent();
    assertThat(expected).as("accepted an invalid credential: " + header).isPresent();
    assertThat(principal.get().id()).isEqualTo(expected.get());
  }

  /** Every kind of header shows up often enough for the property to mean something. */
  @Property(tries = 1500)
  void theGeneratorCoversValidWellFormedAndMalformedHeaders(@ForAll("headers") String header) {
    Matcher syntax = ORACLE.matcher(header);
    String kind =
        !syntax.matches()
            ? "malformed"
            : VALID.containsKey(syntax.group(1)) ? "valid" : "well-formed";
    Statistics.label("credential")
        .collect(kind)
        .coverage(
            coverage -> {
              coverage.check("valid").percentage(p -> p > 8);
              coverage.check("well-formed").percentage(p -> p > 8);
              coverage.check("malformed").percentage(p -> p > 20);
            });
  }

  @Property(tries = 500)
  void theHeaderSyntax_matchesItsStatement(@ForAll("headers") String header) {
    Matcher syntax = ORACLE.matcher(header);
    try {
      String credential = BearerCredentials.parse(header);
      assertThat(syntax.matches()).as("parsed although malformed: " + header).isTrue();
      assertThat(credential).isEqualTo(syntax.group(1));
    } catch (ProblemException e) {
      assertThat(e.status()).isEqualTo(401);
      assertThat(syntax.matches()).as("refused although well formed: " + header).isFalse();
    }
  }

  @Provide
  Arbitrary<String> headers() {
    Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(120);
    Arbitrary<String> printable =
        Arbitraries.strings().withCharRange('\u0020', '\u007e').ofMaxLength(120);
    Arbitrary<String> scheme =
        Arbitraries.of("Bearer", "bearer", "BEARER", "bEaReR", "Basic", "Bearer:", "Token", "");
    Arbitrary<String> blanks = Arbitraries.of("", " ", "  ", "\t", " \t ");
    Arbitrary<String> credential =
        Arbitraries.oneOf(
            Arbitraries.of(List.copyOf(VALID.keySet())),
            Arbitraries.of(List.copyOf(VALID.keySet()))
                .flatMap(BearerAuthenticatorPropertyTest::mutated),
            Arbitraries.of("ffa_", "ffs_", "ffu_", "eyJ").flatMap(p -> printable.map(s -> p + s)),
            printable,
            anything);
    Arbitrary<String> composed =
        Combinators.combine(blanks, scheme, blanks, credential, blanks)
            .as((a, s, b, c, d) -> a + s + b + c + d);
    Arbitrary<String> wellFormedValid =
        Combinators.combine(
                blanks,
                Arbitraries.of("Bearer", "bearer", "BEARER", "bEaReR"),
                Arbitraries.of(" ", "\t", "   "),
                Arbitraries.of(List.copyOf(VALID.keySet())),
                blanks)
            .as((a, s, b, c, d) -> a + s + b + c + d);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, wellFormedValid),
        net.jqwik.api.Tuple.of(4, composed),
        net.jqwik.api.Tuple.of(2, anything),
        net.jqwik.api.Tuple.of(2, printable));
  }

  /** A valid credential with one character dropped, replaced or added, or cut short. */
  private static Arbitrary<String> mutated(String valid) {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, valid.length() - 1);
    Arbitrary<Character> c = Arbitraries.chars().range('\u0021', '\u007e');
    return Arbitraries.oneOf(
        at.map(i -> valid.substring(0, i) + valid.substring(i + 1)),
        Combinators.combine(at, c)
            .as((i, ch) -> valid.substring(0, i) + ch + valid.substring(i + 1)),
        c.map(ch -> valid + ch),
        at.map(i -> valid.substring(0, i)));
  }
}
