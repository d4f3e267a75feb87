package dev.ff.control.publish;

import static dev.ff.control.Fixtures.ALICE;
import static dev.ff.control.Fixtures.booleanFlag;
import static dev.ff.control.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.ControlPlane;
import dev.ff.control.Fixtures;
import dev.ff.control.TestDatabase;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.NotFound;
import dev.ff.control.domain.Problem;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.core.ConfigLoader;
import dev.ff.core.document.Canonicalizer;
import dev.ff.core.document.ConfigPatches;
import dev.ff.core.document.DocumentSigner;
import dev.ff.core.document.SigningKey;
import dev.ff.core.eval.CompiledConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PublishTest {
  private static TestDatabase db;
  private static ControlPlane cp;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create(12);
    cp = new ControlPlane(db.database().jdbi(), Clock.systemUTC(), Fixtures.KEYS, Fixtures.PEPPER);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private static CompiledConfig load(ObjectNode doc) {
    ConfigLoader.Result result = ConfigLoader.load(doc, Fixtures.KEYS.ring());
    assertThat(result).isInstanceOf(ConfigLoader.Loaded.class);
    return ((ConfigLoader.Loaded) result).config();
  }

  private static PublishResult publish(EnvRef env) {
    return cp.publisher().publish(ALICE, env.org(), env.project(), env.env(), Optional.empty());
  }

  @Test
  void publishedDocumentLoadsAndEvaluates() {
    EnvRef env = Fixtures.tenant(cp, "loading");
    cp.segments().create(ALICE, env, Fixtures.segment("beta", "u1"));
    cp.flags().create(ALICE, env, Fixtures.segmentFlag("checkout", "beta"));
    cp.flags().create(ALICE, env, booleanFlag("archived-one"));
    cp.flags().archive(ALICE, env, "archived-one", 1);

    ConfigVersion v1 = publish(env).config();
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.document().get("env").textValue()).isEqualTo("prod");
    assertThat(v1.document().get("project").textValue()).isEqualTo("shop");
    assertThat(v1.document().at("/signature/kid").textValue()).isEqualTo("k1");
    assertThat(v1.document().get("flags").has("archived-one")).isFalse();

    CompiledConfig config = load(v1.document());
    assertThat(config.version()).isEqualTo(1);
    assertThat(config.evaluateBoolean("checkout", json("{'key':'u1'}"), false).value().asBoolean())
        .isTrue();
    assertThat(config.evaluateBoolean("checkout", json("{'key':'u2'}"), true).value().asBoolean())
        .isFalse();

    EnvironmentInfo info = cp.reader().environment("loading", "shop", "prod").orElseThrow();
    assertThat(info.salt()).isEqualTo(v1.document().get("salt").textValue());
    assertThat(cp.reader().latest(info.envId())).contains(v1);
    assertThat(cp.reader().environment(info.envId())).contains(info);
    assertThat(cp.reader().environment("loading", "shop", "nope")).isEmpty();
  }

  @Test
  void invalidDocumentsAreRefusedWithPointers() {
    EnvRef env = Fixtures.tenant(cp, "refusing");
    ObjectNode flag = booleanFlag("child");
    flag.set("prerequisites", json("{'p':[{'flag':'parent','variation':'on'}]}").get("p"));
    cp.flags().create(ALICE, env, flag);
    assertThatThrownBy(() -> publish(env))
        .isInstanceOfSatisfying(
            ValidationFailed.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .anyMatch(p -> p.startsWith("/flags/child/prerequisites/0")));
    long envId = cp.reader().environment("refusing", "shop", "prod").orElseThrow().envId();
    assertThat(cp.reader().latest(envId)).isEmpty();
  }

  @Test
  void sameIdempotencyKeyGivesTheSameVersion() {
    EnvRef env = Fixtures.tenant(cp, "idempotent");
    PublishResult first =
        cp.publisher().publish(ALICE, "idempotent", "shop", "prod", Optional.of("req-1"));
    PublishResult again =
        cp.publisher().publish(ALICE, "idempotent", "shop", "prod", Optional.of("req-1"));
    PublishResult other =
        cp.publisher().publish(ALICE, "idempotent", "shop", "prod", Optional.of("req-2"));
    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(again.config()).isEqualTo(first.config());
    assertThat(other.config().version()).isEqualTo(2);
    // keys are per environment
    assertThat(
            cp.publisher()
                .publish(ALICE, "idempotent", "shop", "dev", Optional.of("req-1"))
                .config()
                .version())
        .isEqualTo(1);
    assertThat(env.env()).isEqualTo("prod");
  }

  @Test
  void concurrentPublishesNeverSkipOrRepeatAVersion() throws Exception {
    EnvRef env = Fixtures.tenant(cp, "racing");
    cp.flags().create(ALICE, env, booleanFlag("f"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Long>> calls = new ArrayList<>();
      for (int i = 0; i < 8 * 25; i++) {
        calls.add(() -> publish(env).config().version());
      }
      List<Long> versions = new ArrayList<>();
      for (Future<Long> f : pool.invokeAll(calls)) {
        versions.add(f.get());
      }
      Collections.sort(versions);
      List<Long> expected = new ArrayList<>();
      for (long v = 1; v <= 200; v++) {
        expected.add(v);
      }
      assertThat(versions).isEqualTo(expected);
      long envId = cp.reader().environment("racing", "shop", "prod").orElseThrow().envId();
      List<Long> stored =
          db.database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT version FROM config_version WHERE env_id = :e ORDER BY"
                                  + " version")
                          .bind("e", envId)
                          .mapTo(Long.class)
                          .list());
      assertThat(stored).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rollbackRepublishesOldContentAsANewVersion() {
    EnvRef env = Fixtures.tenant(cp, "rolling");
    cp.flags().create(ALICE, env, booleanFlag("f"));
    ConfigVersion v1 = publish(env).config();
    cp.flags().update(ALICE, env, "f", json("{'enabled':false}"), 1);
    cp.flags().create(ALICE, env, booleanFlag("g"));
    ConfigVersion v2 = publish(env).config();
    assertThat(v2.contentHash()).isNotEqualTo(v1.contentHash());

    ConfigVersion v3 = cp.publisher().rollback(ALICE, env, 1).config();
    assertThat(v3.version()).isEqualTo(3);
    assertThat(v3.rollbackOf()).contains(1L);
    assertThat(v3.contentHash()).isEqualTo(v1.contentHash());
    assertThat(v3.document().get("flags")).isEqualTo(v1.document().get("flags"));
    assertThat(v3.document().get("segments")).isEqualTo(v1.document().get("segments"));
    assertThat(load(v3.document()).version()).isEqualTo(3);
    assertThatThrownBy(() -> cp.publisher().rollback(ALICE, env, 99)).isInstanceOf(NotFound.class);
  }

  @Test
  void patchBetweenVersionsAppliesAndVerifies() throws Exception {
    EnvRef env = Fixtures.tenant(cp, "patching");
    cp.segments().create(ALICE, env, Fixtures.segment("beta", "u1"));
    cp.flags().create(ALICE, env, booleanFlag("kept"));
    cp.flags().create(ALICE, env, booleanFlag("changed"));
    cp.flags().create(ALICE, env, booleanFlag("removed"));
    ConfigVersion v1 = publish(env).config();
    cp.flags().update(ALICE, env, "changed", json("{'enabled':false}"), 1);
    cp.flags().archive(ALICE, env, "removed", 1);
    cp.flags().create(ALICE, env, Fixtures.segmentFlag("added", "beta"));
    cp.segments().update(ALICE, env, "beta", json("{'included':['u2']}"), 1);
    ConfigVersion v2 = publish(env).config();

    ObjectNode patch = cp.reader().patch(v1.envId(), 1, 2).orElseThrow();
    assertThat(patch.at("/upsert/flags").has("changed")).isTrue();
    assertThat(patch.at("/upsert/flags").has("added")).isTrue();
    assertThat(patch.at("/upsert/flags").has("kept")).isFalse();
    assertThat(patch.at("/delete/flags").get(0).textValue()).isEqualTo("removed");
    assertThat(patch.at("/upsert/segments").has("beta")).isTrue();

    ObjectNode patched = ConfigPatches.apply(v1.document(), patch);
    assertThat(DocumentSigner.verify(patched, Fixtures.KEYS.ring()).valid()).isTrue();
    assertThat(Canonicalizer.canonicalize(patched))
        .isEqualTo(Canonicalizer.canonicalize(v2.document()));
    assertThat(load(patched).version()).isEqualTo(2);
    assertThat(cp.reader().patch(v1.envId(), 2, 1)).isEmpty();
    assertThat(cp.reader().patch(v1.envId(), 1, 9)).isEmpty();
  }

  @Test
  void signingKeysRotateByKeyId() {
    EnvRef env = Fixtures.tenant(cp, "rotating");
    SigningKeys keys =
        new SigningKeys(new SigningKey("old", "old-secret".getBytes(StandardCharsets.UTF_8)));
    ControlPlane local =
        new ControlPlane(db.database().jdbi(), Clock.systemUTC(), keys, Fixtures.PEPPER);
    ConfigVersion v1 =
        local.publisher().publish(ALICE, "rotating", "shop", "prod", Optional.empty()).config();
    keys.add(new SigningKey("new", "new-secret".getBytes(StandardCharsets.UTF_8)));
    keys.activate("new");
    ConfigVersion v2 =
        local.publisher().publish(ALICE, "rotating", "shop", "prod", Optional.empty()).config();
    assertThat(v1.document().at("/signature/kid").textValue()).isEqualTo("old");
    assertThat(v2.document().at("/signature/kid").textValue()).isEqualTo("new");
    assertThat(DocumentSigner.verify(v1.document(), keys.ring()).valid()).isTrue();
    keys.retire("old");
    assertThat(DocumentSigner.verify(v1.document(), keys.ring()).valid()).isFalse();
    assertThat(DocumentSigner.verify(v2.document(), keys.ring()).valid()).isTrue();
    assertThatThrownBy(() -> keys.retire("new")).isInstanceOf(IllegalArgumentException.class);
    assertThat(env.org()).isEqualTo("rotating");
  }
}
