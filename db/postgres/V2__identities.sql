-- ff control plane: identities and access control.
--
-- Local users sign in with a password (bcrypt hash in users.password_hash, from V1) and get a
-- short-lived session; failed sign-ins lock the account for a cool-down. Role bindings (V1) are now
-- enforced: a binding at a wider scope covers the narrower ones (org ⊃ project ⊃ env).

-- Lockout bookkeeping: consecutive failed sign-ins since the last success or lock, and the end of
-- the current lock. password_changed_at is null until a password is set.
ALTER TABLE users
  ADD COLUMN failed_logins       integer     NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  ADD COLUMN locked_until        timestamptz,
  ADD COLUMN password_changed_at timestamptz;

CREATE TABLE user_session (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      bigint      NOT NULL REFERENCES users (id),
  -- lowercase hex HMAC-SHA256(pepper, secret), like api_token; the secret itself is never stored
  secret_hash  text        NOT NULL UNIQUE CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at   timestamptz,
  CHECK (expires_at > created_at)
);
CREATE INDEX user_session_user ON user_session (user_id) WHERE revoked_at IS NULL;

-- Every request loads the role bindings of its subject.
CREATE INDEX role_binding_user ON role_binding (user_id) WHERE NOT archived AND user_id IS NOT NULL;
CREATE INDEX role_binding_token ON role_binding (token_id) WHERE NOT archived AND token_id IS NOT NULL;

-- Ownership is for people: tokens may hold admin, editor or viewer. NOT VALID keeps rows written
-- before this migration (the service refused nothing then) and checks every new or changed row.
ALTER TABLE role_binding
  ADD CONSTRAINT role_binding_owner_is_user CHECK (role <> 'owner' OR subject_kind = 'user') NOT VALID;
