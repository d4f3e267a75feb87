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
import dev.ff.control.domain.AlreadyExists;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.Environment;
import dev.ff.control.domain.Flag;
import dev.ff.control.domain.ListFilter;
import dev.ff.control.domain.NotFound;
import dev.ff.control.domain.Org;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;
import dev.ff.control.domain.Problem;
import dev.ff.control.domain.Segment;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.control.domain.VersionConflict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrudTest {
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

  private static long auditRows() {
    return db.database()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log").mapTo(Long.class).one());
  }

  @Test
  void orgLifeCycleWithVersionsAndAudit() {
    long audits = auditRows();
    Org org = cp.orgs().create(ALICE, json("{'key':'lifecycle','name':'Life'}"));
    assertThat(org.meta().version()).isEqualTo(1);
    assertThat(org.meta().createdBy()).isEqualTo("user:alice");
    assertThat(cp.orgs().get(ALICE, "lifecycle")).isEqualTo(org);

    Org renamed = cp.orgs().update(ALICE, "lifecycle", json("{'name':'Renamed'}"), 1);
    assertThat(renamed.name()).isEqualTo("Renamed");
    assertThat(renamed.meta().version()).isEqualTo(2);

    assertThatThrownBy(() -> cp.orgs().update(ALICE, "lifecycle", json("{'name':'X'}"), 1))
        .isInstanceOfSatisfying(
            VersionConflict.class, e -> assertThat(e.currentVersion()).isEqualTo(2));

    Org archived = cp.orgs().archive(ALICE, "lifecycle", 2);
    assertThat(archived.meta().archived()).isTrue();
    assertThat(cp.orgs().restore(ALICE, "lifecycle", 3).meta().archived()).isFalse();
    assertThat(auditRows()).isEqualTo(audits + 4);

    assertThatThrownBy(() -> cp.orgs().create(ALICE, json("{'key':'lifecycle','name':'Again'}")))
        .isInstanceOf(AlreadyExists.class);
    assertThatThrownBy(() -> cp.orgs().get(ALICE, "nope")).isInstanceOf(NotFound.class);
    assertThat(auditRows()).isEqualTo(audits + 4);
  }

  @Test
  void everyProblemIsReportedWithItsPointer() {
    assertThatThrownBy(() -> cp.orgs().create(ALICE, json("{'key':'Bad Key','colour':'red'}")))
        .isInstanceOfSatisfying(
            ValidationFailed.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .containsExactlyInAnyOrder("/colour", "/key", "/name"));
  }

  @Test
  void keyCannotChangeOnUpdate() {
    cp.orgs().create(ALICE, json("{'key':'fixed','name':'Fixed'}"));
    assertThatThrownBy(() -> cp.orgs().update(ALICE, "fixed", json("{'key':'moved'}"), 1))
        .isInstanceOfSatisfying(
            ValidationFailed.class,
            e -> assertThat(e.problems()).extracting(Problem::path).containsExactly("/key"));
  }

  @Test
  void environmentsGetARandomSalt() {
    EnvRef prod = Fixtures.tenant(cp, "salty");
    Environment a = cp.environments().get(ALICE, prod.projectRef(), "prod");
    Environment b = cp.environments().get(ALICE, prod.projectRef(), "dev");
    assertThat(a.salt()).matches("[0-9a-f]{32}").isNotEqualTo(b.salt());
    assertThat(a.prod()).isTrue();
    assertThatThrownBy(
            () ->
                cp.environments()
                    .update(ALICE, prod.projectRef(), "prod", json("{'salt':'00'}"), 1))
        .isInstanceOf(ValidationFailed.class);
    assertThatThrownBy(
            () -> cp.environments().get(ALICE, new EnvRef("salty", "nope", "x").projectRef(), "x"))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void flagValidationUsesCorePointers() {
    EnvRef env = Fixtures.tenant(cp, "validating");
    ObjectNode flag = booleanFlag("broken");
    flag.put("bogus", 1);
    flag.put("defaultVariation", "missing");
    flag.set(
        "rules",
        json("{'r':[{'id':'r1','if':{'attr':'country','op':'like','value':'NL'},"
                + "'then':{'variation':'on'}}]}")
            .get("r"));
    assertThatThrownBy(() -> cp.flags().create(ALICE, env, flag))
        .isInstanceOfSatisfying(
            ValidationFailed.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .contains("/bogus", "/defaultVariation", "/rules/0/if/op"));
    assertThatThrownBy(() -> cp.flags().get(ALICE, env, "broken")).isInstanceOf(NotFound.class);
  }

  @Test
  void flagUpdateByMergePatchAndTags() {
    EnvRef env = Fixtures.tenant(cp, "patching");
    ObjectNode body = booleanFlag("checkout");
    body.set("tags", json("{'t':['web','beta','web']}").get("t"));
    Flag created = cp.flags().create(ALICE, env, body);
    assertThat(created.tags()).containsExactly("beta", "web");
    assertThat(created.body().has("tags")).isFalse();

    Flag updated =
        cp.flags().update(ALICE, env, "checkout", json("{'enabled':false,'tags':null}"), 1);
    assertThat(updated.body().get("enabled").booleanValue()).isFalse();
    assertThat(updated.tags()).isEmpty();
    assertThat(updated.meta().version()).isEqualTo(2);

    assertThatThrownBy(
            () -> cp.flags().update(ALICE, env, "checkout", json("{'rules':[{'id':'x'}]}"), 2))
        .isInstanceOfSatisfying(
            ValidationFailed.class,
            e -> assertThat(e.problems()).allMatch(p -> p.path().startsWith("/rules/0")));
  }

  @Test
  void listsPageByKeyWithFilters() {
    EnvRef env = Fixtures.tenant(cp, "paging");
    for (String key : List.of("e-flag", "a-flag", "c-flag", "b-flag", "d-flag", "other")) {
      ObjectNode body = booleanFlag(key);
      if (key.startsWith("a") || key.startsWith("d")) {
        body.set("tags", json("{'t':['mobile']}").get("t"));
      }
      cp.flags().create(ALICE, env, body);
    }
    cp.flags().archive(ALICE, env, "c-flag", 1);

    List<String> keys = new ArrayList<>();
    PageRequest request = PageRequest.first(2);
    int pages = 0;
    while (true) {
      Page<Flag> page = cp.flags().list(ALICE, env, request, ListFilter.none());
      pages++;
      page.items().forEach(f -> keys.add(f.key()));
      if (page.nextCursor().isEmpty()) {
        break;
      }
      request = PageRequest.after(page.nextCursor().get(), 2);
    }
    assertThat(keys).containsExactly("a-flag", "b-flag", "c-flag", "d-flag", "e-flag", "other");
    assertThat(pages).isEqualTo(3);

    assertThat(
            cp.flags()
                .list(ALICE, env, PageRequest.first(), ListFilter.live().withKeyPrefix("b"))
                .items())
        .extracting(Flag::key)
        .containsExactly("b-flag");
    assertThat(cp.flags().list(ALICE, env, PageRequest.first(), ListFilter.live()).items())
        .extracting(Flag::key)
        .doesNotContain("c-flag");
    assertThat(
            cp.flags()
                .list(ALICE, env, PageRequest.first(), ListFilter.none().withArchived(true))
                .items())
        .extracting(Flag::key)
        .containsExactly("c-flag");
    assertThat(
            cp.flags()
                .list(ALICE, env, PageRequest.first(), ListFilter.none().withTag("mobile"))
                .items())
        .extracting(Flag::key)
        .containsExactly("a-flag", "d-flag");
    assertThatThrownBy(
            () -> cp.flags().list(ALICE, env, PageRequest.after("!!!", 2), ListFilter.none()))
        .isInstanceOf(ValidationFailed.class);
    assertThat(PageRequest.first(1000).limit()).isEqualTo(200);
  }

  @Test
  void segmentsAreValidatedAgainstTheirEnvironment() {
    EnvRef env = Fixtures.tenant(cp, "segmenting");
    Segment beta = cp.segments().create(ALICE, env, Fixtures.segment("beta", "u1"));
    assertThat(beta.body().get("included").get(0).textValue()).isEqualTo("u1");
    assertThatThrownBy(
            () -> cp.segments().create(ALICE, env, json("{'key':'x','if':{'segment':'ghost'}}")))
        .isInstanceOfSatisfying(
            ValidationFailed.class,
            e -> assertThat(e.problems()).extracting(Problem::path).containsExactly("/if/segment"));
    assertThatThrownBy(() -> cp.segments().create(ALICE, env, json("{'key':'y','extra':1}")))
        .isInstanceOfSatisfying(
            ValidationFailed.class,
            e -> assertThat(e.problems()).extracting(Problem::path).containsExactly("/extra"));
  }

  @Test
  void aFailedMutationLeavesNoAuditRow() {
    EnvRef env = Fixtures.tenant(cp, "atomic");
    cp.flags().create(ALICE, env, booleanFlag("one"));
    long before = auditRows();
    assertThatThrownBy(() -> cp.flags().create(ALICE, env, booleanFlag("one")))
        .isInstanceOf(AlreadyExists.class);
    assertThatThrownBy(() -> cp.flags().update(ALICE, env, "one", json("{'type':'json'}"), 7))
        .isInstanceOf(VersionConflict.class);
    assertThatThrownBy(() -> cp.flags().update(ALICE, env, "one", json("{'type':'nope'}"), 1))
        .isInstanceOf(ValidationFailed.class);
    assertThat(auditRows()).isEqualTo(before);

    cp.flags().update(ALICE, env, "one", json("{'enabled':false}"), 1);
    var row =
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT action, resource_key, diff_json::text AS diff FROM audit_log"
                                + " ORDER BY id DESC LIMIT 1")
                        .mapToMap()
                        .one());
    assertThat(row.get("action")).isEqualTo("flag.update");
    assertThat(row.get("resource_key")).isEqualTo("atomic/shop/prod/one");
    var diff = json(row.get("diff").toString().replace('"', '\''));
    assertThat(diff.at("/before/body/enabled").booleanValue()).isTrue();
    assertThat(diff.at("/after/body/enabled").booleanValue()).isFalse();
  }
}
