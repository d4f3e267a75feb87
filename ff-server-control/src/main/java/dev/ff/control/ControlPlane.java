package dev.ff.control;

import dev.ff.control.auth.AuthService;
import dev.ff.control.auth.IdentityConfig;
import dev.ff.control.auth.PasswordHasher;
import dev.ff.control.auth.Secrets;
import dev.ff.control.publish.ConfigPublisher;
import dev.ff.control.publish.ConfigReader;
import dev.ff.control.publish.SigningKeys;
import dev.ff.control.service.AuditService;
import dev.ff.control.service.EnvironmentService;
import dev.ff.control.service.ExperimentService;
import dev.ff.control.service.FlagService;
import dev.ff.control.service.MemberService;
import dev.ff.control.service.MetricService;
import dev.ff.control.service.OrgService;
import dev.ff.control.service.ProjectService;
import dev.ff.control.service.SegmentService;
import dev.ff.control.store.Tx;
import dev.ff.control.tokens.TokenService;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Every service of the control plane, wired over one database and one clock. */
public final class ControlPlane {
  private final OrgService orgs;
  private final ProjectService projects;
  private final EnvironmentService environments;
  private final SegmentService segments;
  private final FlagService flags;
  private final ConfigPublisher publisher;
  private final ConfigReader reader;
  private final TokenService tokens;
  private final ExperimentService experiments;
  private final MetricService metrics;
  private final MemberService members;
  private final AuditService audit;
  private final AuthService auth;

  /**
   * Wires the services with the default sign-in settings ({@link IdentityConfig#defaults()}).
   *
   * @param jdbi the migrated database
   * @param clock the clock stamped on rows and documents
   * @param signingKeys the keys that sign published documents
   * @param tokenPepper the HMAC key of stored token and session secrets (at least 16 bytes)
   */
  public ControlPlane(Jdbi jdbi, Clock clock, SigningKeys signingKeys, byte[] tokenPepper) {
    this(jdbi, clock, signingKeys, tokenPepper, IdentityConfig.defaults());
  }

  /**
   * Wires the services.
   *
   * @param jdbi the migrated database
   * @param clock the clock stamped on rows and documents (and timing sessions and lockouts)
   * @param signingKeys the keys that sign published documents
   * @param tokenPepper the HMAC key of stored token and session secrets (at least 16 bytes)
   * @param identity password hashing, session and lockout settings
   */
  public ControlPlane(
      Jdbi jdbi,
      Clock clock,
      SigningKeys signingKeys,
      byte[] tokenPepper,
      IdentityConfig identity) {
    Tx tx = new Tx(jdbi, clock);
    PasswordHasher hasher = new PasswordHasher(identity.bcryptCost());
    this.orgs = new OrgService(tx);
    this.projects = new ProjectService(tx);
    this.environments = new EnvironmentService(tx);
    this.segments = new SegmentService(tx);
    this.flags = new FlagService(tx);
    this.publisher = new ConfigPublisher(tx, signingKeys);
    this.reader = new ConfigReader(tx);
    this.tokens = new TokenService(tx, tokenPepper);
    this.experiments = new ExperimentService(tx);
    this.metrics = new MetricService(tx);
    this.members = new MemberService(tx, hasher);
    this.audit = new AuditService(tx);
    this.auth = new AuthService(tx, new Secrets(tokenPepper), hasher, identity);
  }

  /**
   * Organisations.
   *
   * @return the service
   */
  public OrgService orgs() {
    return orgs;
  }

  /**
   * Projects.
   *
   * @return the service
   */
  public ProjectService projects() {
    return projects;
  }

  /**
   * Environments.
   *
   * @return the service
   */
  public EnvironmentService environments() {
    return environments;
  }

  /**
   * Segments.
   *
   * @return the service
   */
  public SegmentService segments() {
    return segments;
  }

  /**
   * Flags.
   *
   * @return the service
   */
  public FlagService flags() {
    return flags;
  }

  /**
   * Publishing and rollback.
   *
   * @return the publisher
   */
  public ConfigPublisher publisher() {
    return publisher;
  }

  /**
   * Reading published documents.
   *
   * @return the reader
   */
  public ConfigReader reader() {
    return reader;
  }

  /**
   * API tokens.
   *
   * @return the service
   */
  public TokenService tokens() {
    return tokens;
  }

  /**
   * Experiments and their life cycle.
   *
   * @return the service
   */
  public ExperimentService experiments() {
    return experiments;
  }

  /**
   * Metric definitions.
   *
   * @return the service
   */
  public MetricService metrics() {
    return metrics;
  }

  /**
   * Users and role bindings.
   *
   * @return the service
   */
  public MemberService members() {
    return members;
  }

  /**
   * Sign-in, sessions, passwords and the grants of users and tokens.
   *
   * @return the service
   */
  public AuthService auth() {
    return auth;
  }

  /**
   * The audit log.
   *
   * @return the service
   */
  public AuditService audit() {
    return audit;
  }
}
