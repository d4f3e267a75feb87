-- ff control plane: initial schema.
--
-- Conventions (see db/postgres/README.md):
--   * every entity table has id, created_at, updated_at, version (optimistic concurrency, starts at 1),
--     created_by / updated_by (actor ids) and a soft-archive flag;
--   * keys match ^[a-z0-9][a-z0-9_.-]{0,127}$ (checked here as well as in the services) and sort in
--     byte order (COLLATE "C"), which is the stable order of every list;
--   * append-only tables (audit_log, config_version, idempotency) carry the same columns so that
--     generic tooling can treat them alike, but are never updated.

CREATE DOMAIN ff_key AS text COLLATE "C"
  CHECK (VALUE ~ '^[a-z0-9][a-z0-9_.-]{0,127}$');

CREATE TABLE org (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key         ff_key      NOT NULL UNIQUE,
  name        text        NOT NULL,
  archived    boolean     NOT NULL DEFAULT false,
  version     bigint      NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  created_by  text        NOT NULL,
  updated_by  text        NOT NULL
);

CREATE TABLE project (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id      bigint      NOT NULL REFERENCES org (id),
  key         ff_key      NOT NULL,
  name        text        NOT NULL,
  archived    boolean     NOT NULL DEFAULT false,
  version     bigint      NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  created_by  text        NOT NULL,
  updated_by  text        NOT NULL,
  UNIQUE (org_id, key)
);

CREATE TABLE environment (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id  bigint      NOT NULL REFERENCES project (id),
  key         ff_key      NOT NULL,
  name        text        NOT NULL,
  salt        text        NOT NULL CHECK (salt ~ '^[0-9a-f]{32}$'),
  is_prod     boolean     NOT NULL DEFAULT false,
  archived    boolean     NOT NULL DEFAULT false,
  version     bigint      NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  created_by  text        NOT NULL,
  updated_by  text        NOT NULL,
  UNIQUE (project_id, key)
);

CREATE TABLE segment (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  env_id      bigint      NOT NULL REFERENCES environment (id),
  key         ff_key      NOT NULL,
  body        jsonb       NOT NULL,
  archived    boolean     NOT NULL DEFAULT false,
  version     bigint      NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  created_by  text        NOT NULL,
  updated_by  text        NOT NULL,
  UNIQUE (env_id, key)
);

CREATE TABLE flag (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  env_id      bigint      NOT NULL REFERENCES environment (id),
  key         ff_key      NOT NULL,
  body        jsonb       NOT NULL,
  tags        text[]      NOT NULL DEFAULT '{}',
  archived    boolean     NOT NULL DEFAULT false,
  version     bigint      NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  created_by  text        NOT NULL,
  updated_by  text        NOT NULL,
  UNIQUE (env_id, key)
);
CREATE INDEX flag_tags ON flag USING gin (tags);

CREATE TABLE experiment (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  env_id             bigint      NOT NULL REFERENCES environment (id),
  key                ff_key      NOT NULL,
  flag_key           ff_key      NOT NULL,
  -- [{"variation": "control", "weight": 5000}, ...]: the rollout of the experiment
  variations         jsonb       NOT NULL,
  hypothesis         text,
  primary_metric     ff_key,
  secondary_metrics  text[]      NOT NULL DEFAULT '{}',
  traffic_allocation integer     NOT NULL DEFAULT 10000 CHECK (traffic_allocation BETWEEN 0 AND 10000),
  exclusion_group    ff_key,
  -- requested width of the range when no explicit range was given; the range is assigned on start
  exclusion_size     integer     CHECK (exclusion_size BETWEEN 1 AND 10000),
  exclusion_start    integer     CHECK (exclusion_start BETWEEN 0 AND 10000),
  exclusion_end      integer     CHECK (exclusion_end BETWEEN 0 AND 10000),
  status             text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'running', 'stopped')),
  started_at         timestamptz,
  stopped_at         timestamptz,
  winner_variation   ff_key,
  archived           boolean     NOT NULL DEFAULT false,
  version            bigint      NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  created_by         text        NOT NULL,
  updated_by         text        NOT NULL,
  UNIQUE (env_id, key),
  CHECK (exclusion_start IS NULL OR exclusion_start < exclusion_end)
);
-- At most one running experiment per flag and environment.
CREATE UNIQUE INDEX experiment_one_running_per_flag ON experiment (env_id, flag_key)
  WHERE status = 'running';

CREATE TABLE metric (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id  bigint      NOT NULL REFERENCES project (id),
  key         ff_key      NOT NULL,
  name        text        NOT NULL,
  description text,
  kind        text        NOT NULL CHECK (kind IN ('proportion', 'mean', 'ratio')),
  -- one event name, or numerator and denominator for a ratio
  event_names text[]      NOT NULL,
  direction   text        NOT NULL CHECK (direction IN ('increase', 'decrease')),
  guardrail   boolean     NOT NULL DEFAULT false,
  archived    boolean     NOT NULL DEFAULT false,
  version     bigint      NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  created_by  text        NOT NULL,
  updated_by  text        NOT NULL,
  UNIQUE (project_id, key)
);

CREATE TABLE users (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email         text        NOT NULL,
  display_name  text        NOT NULL,
  password_hash text,
  archived      boolean     NOT NULL DEFAULT false,
  version       bigint      NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  created_by    text        NOT NULL,
  updated_by    text        NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE api_token (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id        bigint      NOT NULL REFERENCES org (id),
  -- null: an org-scoped token; otherwise the environment the token is bound to
  env_id        bigint      REFERENCES environment (id),
  kind          text        NOT NULL CHECK (kind IN ('admin', 'sdk')),
  name          text        NOT NULL,
  display_prefix text       NOT NULL,
  -- lowercase hex HMAC-SHA256(pepper, secret); the secret itself is never stored
  secret_hash   text        NOT NULL UNIQUE CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  rotated_from  bigint      REFERENCES api_token (id),
  archived      boolean     NOT NULL DEFAULT false,
  version       bigint      NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  created_by    text        NOT NULL,
  updated_by    text        NOT NULL,
  CHECK (kind = 'admin' OR env_id IS NOT NULL)
);
CREATE INDEX api_token_org ON api_token (org_id, id);

CREATE TABLE role_binding (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id        bigint      NOT NULL REFERENCES org (id),
  subject_kind  text        NOT NULL CHECK (subject_kind IN ('user', 'token')),
  user_id       bigint      REFERENCES users (id),
  token_id      bigint      REFERENCES api_token (id),
  role          text        NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'viewer')),
  scope_kind    text        NOT NULL CHECK (scope_kind IN ('org', 'project', 'env')),
  project_id    bigint      REFERENCES project (id),
  env_id        bigint      REFERENCES environment (id),
  archived      boolean     NOT NULL DEFAULT false,
  version       bigint      NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  created_by    text        NOT NULL,
  updated_by    text        NOT NULL,
  CHECK ((subject_kind = 'user') = (user_id IS NOT NULL)),
  CHECK ((subject_kind = 'token') = (token_id IS NOT NULL)),
  CHECK ((scope_kind = 'org' AND project_id IS NULL AND env_id IS NULL)
      OR (scope_kind = 'project' AND project_id IS NOT NULL AND env_id IS NULL)
      OR (scope_kind = 'env' AND env_id IS NOT NULL))
);
CREATE UNIQUE INDEX role_binding_unique ON role_binding
  (org_id, subject_kind, coalesce(user_id, 0), coalesce(token_id, 0), scope_kind,
   coalesce(project_id, 0), coalesce(env_id, 0)) WHERE NOT archived;

CREATE TABLE audit_log (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id         bigint      REFERENCES org (id),
  actor_id       text        NOT NULL,
  actor_kind     text        NOT NULL,
  actor_display  text        NOT NULL,
  action         text        NOT NULL,
  resource_type  text        NOT NULL,
  resource_key   text        NOT NULL,
  -- {"before": <json or null>, "after": <json or null>}
  diff_json      jsonb       NOT NULL,
  correlation_id text,
  at             timestamptz NOT NULL
);
CREATE INDEX audit_log_org ON audit_log (org_id, id DESC);

CREATE TABLE config_version (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  env_id        bigint      NOT NULL REFERENCES environment (id),
  version       bigint      NOT NULL CHECK (version >= 1),
  document      jsonb       NOT NULL,
  -- lowercase hex SHA-256 of the canonical {env, project, salt, flags, segments}
  content_hash  text        NOT NULL,
  published_at  timestamptz NOT NULL,
  published_by  text        NOT NULL,
  rollback_of   bigint,
  UNIQUE (env_id, version)
);

CREATE TABLE idempotency (
  env_id          bigint      NOT NULL REFERENCES environment (id),
  idempotency_key text        NOT NULL,
  version         bigint      NOT NULL,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (env_id, idempotency_key)
);
