package dev.ff.control.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ff.control.domain.Grant;
import dev.ff.control.domain.Role;
import dev.ff.control.domain.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.main.SyncedEnforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.util.Util;

/**
 * Decides with jCasbin which role a subject holds on a scope, given the subject's {@link Grant}s.
 * The model ({@code rbac_model.conf} beside this class) has the role ladder (owner &gt; admin &gt;
 * editor &gt; viewer) and scope coverage (an organisation covers its projects, a project its
 * environments); the effective role is the highest one any covering grant gives.
 *
 * <p>Grants are read from the database with every request (so a revoked binding stops working at
 * once, on every replica); the enforcer built for a set of grants is cached and shared by subjects
 * with the same grants. Thread-safe.
 */
public final class RbacPolicy {

  /** The model, loaded once from the classpath. */
  public static final String MODEL = loadModel();

  private static final List<Role> HIGHEST_FIRST = List.of(Role.values());

  static {
    // jCasbin logs every model it parses at INFO; the model is fixed, so say nothing.
    Util.enableLog = false;
  }

  private final Cache<List<String>, Enforcer> enforcers;

  /** A policy with a cache of 4096 grant sets. */
  public RbacPolicy() {
    this(4096);
  }

  /**
   * A policy.
   *
   * @param cacheSize how many distinct grant sets keep their enforcer
   */
  public RbacPolicy(int cacheSize) {
    this.enforcers = Caffeine.newBuilder().maximumSize(cacheSize).build();
  }

  /**
   * The highest role that grants give on a scope.
   *
   * @param grants the subject's grants
   * @param scope the addressed scope
   * @return the role; empty when no grant covers the scope
   */
  public Optional<Role> roleOn(Collection<Grant> grants, Scope scope) {
    if (grants.isEmpty()) {
      return Optional.empty();
    }
    Enforcer enforcer = enforcer(grants);
    String request = scope.path() + "/";
    for (Role role : HIGHEST_FIRST) {
      if (enforcer.enforce(request, role.wire())) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether grants give at least a role on a scope.
   *
   * @param grants the subject's grants
   * @param scope the addressed scope
   * @param role the least role needed
   * @return true when allowed
   */
  public boolean allows(Collection<Grant> grants, Scope scope, Role role) {
    return !grants.isEmpty() && enforcer(grants).enforce(scope.path() + "/", role.wire());
  }

  private Enforcer enforcer(Collection<Grant> grants) {
    List<String> key =
        grants.stream().map(g -> g.scope().path() + "/*" + " " + g.role().wire()).sorted().toList();
    return enforcers.get(key, k -> build(grants));
  }

  private static Enforcer build(Collection<Grant> grants) {
    SyncedEnforcer enforcer = new SyncedEnforcer(Model.newModelFromString(MODEL));
    enforcer.enableLog(false);
    for (int i = 0; i + 1 < HIGHEST_FIRST.size(); i++) {
      enforcer.addGroupingPolicy(HIGHEST_FIRST.get(i).wire(), HIGHEST_FIRST.get(i + 1).wire());
    }
    List<List<String>> policies = new ArrayList<>();
    for (Grant grant : grants) {
      List<String> line = List.of(grant.scope().path() + "/*", grant.role().wire());
      if (!policies.contains(line)) {
        policies.add(line);
      }
    }
    enforcer.addPolicies(policies);
    return enforcer;
  }

  private static String loadModel() {
    try (InputStream in = RbacPolicy.class.getResourceAsStream("rbac_model.conf")) {
      if (in == null) {
        throw new IllegalStateException("rbac_model.conf is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
