package dev.ff.control.service;

import static dev.ff.control.Fixtures.ALICE;
import static dev.ff.control.Fixtures.booleanFlag;
import static dev.ff.control.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.ControlPlane;
import dev.ff.control.Fixtures;
import dev.ff.control.TestDatabase;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.AuditEntry;
import dev.ff.control.domain.AuditQuery;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.Experiment;
import dev.ff.control.domain.ExperimentStatus;
import dev.ff.control.domain.InvalidState;
import dev.ff.control.domain.ListFilter;
import dev.ff.control.domain.Metric;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;
import dev.ff.control.domain.Problem;
import dev.ff.control.domain.Role;
import dev.ff.control.domain.RoleBinding;
import dev.ff.control.domain.User;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.core.ConfigLoader;
import dev.ff.core.eval.CompiledConfig;
import dev.ff.core.eval.EvaluationResult;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExperimentMetricMemberTest {
  private static TestDatabase db;
  private static ControlPlane cp;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    cp = new ControlPlane(db.database().jdbi(), Clock.systemUTC(), Fixtures.KEYS, Fixtures.PEPPER);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private static ObjectNode experiment(String key, String flag, String exclusion) {
    return json(
        "{'key':'"
            + key
            + "','flag':'"
            + flag
            + "','variations':[{'variation':'off','weight':5000},{'variation':'on','weight':5000}],"
            + "'hypothesis':'on is better','primaryMetric':'conversion','trafficAllocation':10000"
            + (exclusion == null ? "" : ",'exclusionGroup':" + exclusion)
            + "}");
  }

  private static CompiledConfig publish(EnvRef env) {
    ObjectNode doc =
        cp.publisher()
            .publish(ALICE, env.org(), env.project(), env.env(), Optional.empty())
            .config()
            .document();
    return ((ConfigLoader.Loaded) ConfigLoader.load(doc, Fixtures.KEYS.ring())).config();
  }

  @Test
  void experimentLifeCycleDrivesThePublishedRollout() {
    EnvRef env = Fixtures.tenant(cp, "experimenting");
    cp.flags().create(ALICE, env, booleanFlag("checkout"));
    Experiment draft =
        cp.experiments().create(ALICE, env, experiment("checkout-test", "checkout", null));
    assertThat(draft.status()).isEqualTo(ExperimentStatus.DRAFT);
    assertThat(publish(env).evaluate("checkout", json("{'key':'u1'}"), null).inExperiment())
        .isFalse();

    Experiment running = cp.experiments().start(ALICE, env, "checkout-test", 1);
    assertThat(running.status()).isEqualTo(ExperimentStatus.RUNNING);
    assertThat(running.startedAt()).isPresent();
    assertThatThrownBy(() -> cp.experiments().start(ALICE, env, "checkout-test", 2))
        .isInstanceOf(InvalidState.class);
    assertThatThrownBy(
            () ->
                cp.experiments().update(ALICE, env, "checkout-test", json("{'hypothesis':'x'}"), 2))
        .isInstanceOf(InvalidState.class);
    assertThatThrownBy(() -> cp.experiments().archive(ALICE, env, "checkout-test", 2))
        .isInstanceOf(InvalidState.class);

    CompiledConfig config = publish(env);
    int on = 0;
    for (int i = 0; i < 200; i++) {
      EvaluationResult r = config.evaluate("checkout", json("{'key':'user-" + i + "'}"), null);
      assertThat(r.inExperiment()).isTrue();
      assertThat(r.experiment()).isEqualTo("checkout-test");
      on += r.value().asBoolean() ? 1 : 0;
    }
    assertThat(on).isBetween(60, 140);

    Experiment stopped = cp.experiments().stop(ALICE, env, "checkout-test", Optional.of("on"), 2);
    assertThat(stopped.status()).isEqualTo(ExperimentStatus.STOPPED);
    assertThat(stopped.winner()).contains("on");
    EvaluationResult after = publish(env).evaluate("checkout", json("{'key':'user-1'}"), null);
    assertThat(after.inExperiment()).isFalse();
    assertThat(after.value().asBoolean()).isTrue();
    assertThat(cp.flags().get(ALICE, env, "checkout").body().get("defaultVariation").textValue())
        .isEqualTo("on");
    assertThatThrownBy(
            () -> cp.experiments().stop(ALICE, env, "checkout-test", Optional.empty(), 3))
        .isInstanceOf(InvalidState.class);

    assertThat(
            cp.experiments()
                .list(ALICE, env, PageRequest.first(), ListFilter.none().withStatus("stopped"))
                .items())
        .extracting(Experiment::key)
        .containsExactly("checkout-test");
    assertThat(
            cp.experiments()
                .list(ALICE, env, PageRequest.first(), ListFilter.none().withStatus("running"))
                .items())
        .isEmpty();
  }

  @Test
  void exclusionRangesNeverOverlap() {
    EnvRef env = Fixtures.tenant(cp, "excluding");
    for (String flag : new String[] {"a", "b", "c", "d"}) {
      cp.flags().create(ALICE, env, booleanFlag(flag));
    }
    cp.experiments().create(ALICE, env, experiment("xa", "a", "{'key':'layer','size':4000}"));
    cp.experiments().create(ALICE, env, experiment("xb", "b", "{'key':'layer','size':4000}"));
    cp.experiments()
        .create(ALICE, env, experiment("xc", "c", "{'key':'layer','start':7000,'end':9000}"));
    cp.experiments().create(ALICE, env, experiment("xd", "d", "{'key':'layer','size':3000}"));

    Experiment a = cp.experiments().start(ALICE, env, "xa", 1);
    Experiment b = cp.experiments().start(ALICE, env, "xb", 1);
    assertThat(a.exclusionGroup().orElseThrow().start()).isEqualTo(0);
    assertThat(a.exclusionGroup().orElseThrow().end()).isEqualTo(4000);
    assertThat(b.exclusionGroup().orElseThrow().start()).isEqualTo(4000);
    assertThat(b.exclusionGroup().orElseThrow().end()).isEqualTo(8000);
    assertThatThrownBy(() -> cp.experiments().start(ALICE, env, "xc", 1))
        .isInstanceOf(InvalidState.class)
        .hasMessageContaining("overlaps");
    assertThatThrownBy(() -> cp.experiments().start(ALICE, env, "xd", 1))
        .isInstanceOf(InvalidState.class);

    cp.experiments().stop(ALICE, env, "xa", Optional.empty(), 2);
    Experiment d = cp.experiments().start(ALICE, env, "xd", 1);
    assertThat(d.exclusionGroup().orElseThrow().start()).isEqualTo(0);
    assertThat(d.exclusionGroup().orElseThrow().end()).isEqualTo(3000);
    CompiledConfig config = publish(env);
    assertThat(config.flagKeys()).contains("b", "d");
  }

  @Test
  void experimentBodiesAreValidated() {
    EnvRef env = Fixtures.tenant(cp, "checking");
    cp.flags().create(ALICE, env, booleanFlag("f"));
    ObjectNode bad =
        json(
            "{'key':'e','flag':'f','variations':[{'variation':'off','weight':5000},"
                + "{'variation':'maybe','weight':4000}],'trafficAllocation':20000,"
                + "'exclusionGroup':{'key':'g'},'colour':'red'}");
    assertThatThrownBy(() -> cp.experiments().create(ALICE, env, bad))
        .isInstanceOfSatisfying(
            ValidationFailed.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .contains(
                        "/colour",
                        "/variations",
                        "/variations/1/variation",
                        "/trafficAllocation",
                        "/exclusionGroup"));
    assertThatThrownBy(() -> cp.experiments().create(ALICE, env, experiment("e", "ghost", null)))
        .isInstanceOfSatisfying(
            ValidationFailed.class,
            e -> assertThat(e.problems()).extracting(Problem::path).containsExactly("/flag"));
  }

  @Test
  void metricsCrud() {
    Fixtures.tenant(cp, "measuring");
    var project = new dev.ff.control.domain.ProjectRef("measuring", "shop");
    Metric m =
        cp.metrics()
            .create(
                ALICE,
                project,
                json(
                    "{'key':'conversion','name':'Conversion','kind':'proportion','events':['purchase']}"));
    assertThat(m.direction()).isEqualTo("increase");
    assertThat(m.guardrail()).isFalse();
    Metric updated =
        cp.metrics().update(ALICE, project, "conversion", json("{'guardrail':true}"), 1);
    assertThat(updated.guardrail()).isTrue();
    assertThatThrownBy(
            () ->
                cp.metrics()
                    .create(
                        ALICE,
                        project,
                        json(
                            "{'key':'aov','name':'AOV','kind':'ratio','events':['revenue'],'direction':'up'}")))
        .isInstanceOfSatisfying(
            ValidationFailed.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .containsExactlyInAnyOrder("/events", "/direction"));
    Page<Metric> page = cp.metrics().list(ALICE, project, PageRequest.first(), ListFilter.live());
    assertThat(page.items()).extracting(Metric::key).containsExactly("conversion");
  }

  @Test
  void theLastOwnerCannotBeRemoved() {
    User bob =
        cp.members().createUser(ALICE, json("{'email':'bob@example.com','displayName':'Bob'}"));
    Actor bobActor = new Actor("user:" + bob.meta().id(), Actor.Kind.USER, "bob@example.com");
    cp.orgs().create(bobActor, json("{'key':'owned','name':'Owned'}"));
    RoleBinding owner =
        cp.members().listBindings(ALICE, "owned", PageRequest.first()).items().get(0);
    assertThat(owner.role()).isEqualTo(Role.OWNER);
    assertThat(owner.subjectDisplay()).isEqualTo("bob@example.com");

    assertThatThrownBy(() -> cp.members().unbind(ALICE, "owned", owner.id(), 1))
        .isInstanceOf(InvalidState.class);
    assertThatThrownBy(() -> cp.members().changeRole(ALICE, "owned", owner.id(), Role.ADMIN, 1))
        .isInstanceOf(InvalidState.class);

    cp.members().createUser(ALICE, json("{'email':'carol@example.com','displayName':'Carol'}"));
    RoleBinding carol =
        cp.members().bind(ALICE, "owned", json("{'user':'CAROL@example.com','role':'owner'}"));
    cp.members().unbind(ALICE, "owned", owner.id(), 1);
    assertThat(cp.members().listBindings(ALICE, "owned", PageRequest.first()).items())
        .extracting(RoleBinding::id)
        .containsExactly(carol.id());

    Fixtures.tenant(cp, "scoped");
    RoleBinding envViewer =
        cp.members()
            .bind(
                ALICE,
                "scoped",
                json("{'user':'carol@example.com','role':'viewer','project':'shop','env':'prod'}"));
    assertThat(envViewer.scopeKind()).isEqualTo("env");
    assertThat(envViewer.project()).isEqualTo("shop");
    assertThat(envViewer.env()).isEqualTo("prod");
    assertThatThrownBy(
            () ->
                cp.members()
                    .bind(ALICE, "scoped", json("{'user':'nobody@example.com','role':'viewer'}")))
        .isInstanceOf(ValidationFailed.class);
  }

  @Test
  void auditListFiltersAndPages() {
    EnvRef env = Fixtures.tenant(cp, "auditing");
    cp.flags().create(ALICE, env, booleanFlag("f"));
    cp.flags().update(ALICE, env, "f", json("{'enabled':false}"), 1);
    cp.flags().update(ALICE.withCorrelationId("req-42"), env, "f", json("{'enabled':true}"), 2);

    Page<AuditEntry> flagRows =
        cp.audit()
            .list(
                ALICE, "auditing", AuditQuery.all().withResourceType("flag"), PageRequest.first(2));
    assertThat(flagRows.items())
        .extracting(AuditEntry::action)
        .containsExactly("flag.update", "flag.update");
    assertThat(flagRows.items().get(0).correlationId()).isEqualTo("req-42");
    assertThat(flagRows.nextCursor()).isPresent();
    Page<AuditEntry> rest =
        cp.audit()
            .list(
                ALICE,
                "auditing",
                AuditQuery.all().withResourceType("flag"),
                PageRequest.after(flagRows.nextCursor().get(), 2));
    assertThat(rest.items()).extracting(AuditEntry::action).containsExactly("flag.create");
    assertThat(rest.items().get(0).diff().get("before").isNull()).isTrue();
    assertThat(rest.nextCursor()).isEmpty();

    Page<AuditEntry> all =
        cp.audit().list(ALICE, "auditing", AuditQuery.all(), PageRequest.first());
    assertThat(all.items())
        .extracting(AuditEntry::action)
        .contains("org.create", "project.create", "environment.create");
    assertThat(
            cp.audit()
                .list(
                    ALICE,
                    "auditing",
                    AuditQuery.all().withAction("org.create"),
                    PageRequest.first())
                .items())
        .hasSize(1);
  }
}
