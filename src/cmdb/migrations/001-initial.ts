/** Schema `gitops`: environments, runs, steps, applied state, webhook deliveries, latest plan per pull request. */
export const initialSchema = `
CREATE TABLE gitops.environment (
  name           TEXT PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
  inventory_path TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE gitops.run (
  id            BIGSERIAL PRIMARY KEY,
  environment   TEXT NOT NULL REFERENCES gitops.environment (name) ON UPDATE CASCADE,
  revision      TEXT NOT NULL,
  base_revision TEXT,
  trigger       TEXT NOT NULL,
  pull_request  INTEGER,
  actor         TEXT,
  dry_run       BOOLEAN NOT NULL DEFAULT false,
  plan          JSONB,
  plan_hash     TEXT,
  status        TEXT NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'interrupted', 'cancelled')),
  runner        TEXT,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  started_at    TIMESTAMPTZ,
  finished_at   TIMESTAMPTZ,
  error         TEXT
);
CREATE INDEX run_environment_revision ON gitops.run (environment, revision);
CREATE INDEX run_environment_id ON gitops.run (environment, id DESC);
CREATE INDEX run_unfinished ON gitops.run (environment) WHERE status IN ('queued', 'running');

CREATE TABLE gitops.step (
  run_id           BIGINT NOT NULL REFERENCES gitops.run (id) ON DELETE CASCADE,
  ordinal          INTEGER NOT NULL,
  action_id        TEXT NOT NULL,
  argv             JSONB NOT NULL,
  status           TEXT NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'skipped', 'cancelled')),
  exit_code        INTEGER,
  started_at       TIMESTAMPTZ,
  finished_at      TIMESTAMPTZ,
  output           TEXT NOT NULL DEFAULT '',
  output_truncated BOOLEAN NOT NULL DEFAULT false,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE gitops.applied_state (
  environment TEXT PRIMARY KEY REFERENCES gitops.environment (name) ON UPDATE CASCADE,
  revision    TEXT NOT NULL,
  inventory   JSONB NOT NULL,
  sources     JSONB NOT NULL DEFAULT '[]',
  plan_hash   TEXT,
  run_id      BIGINT REFERENCES gitops.run (id),
  applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE gitops.delivery (
  id          TEXT PRIMARY KEY,
  event       TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE gitops.pr_plan (
  pull_request INTEGER NOT NULL,
  environment  TEXT NOT NULL,
  revision     TEXT NOT NULL,
  plan_hash    TEXT NOT NULL,
  comment_id   BIGINT,
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (pull_request, environment)
);
`;
