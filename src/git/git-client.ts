import { simpleGit, type SimpleGit } from 'simple-git';

/**
 * Environment variables that only matter to interactive or networked git use. They are dropped:
 * pigsty-gitops runs git non-interactively, and simple-git refuses to run while some of them are
 * set (npm itself exports EDITOR to every script it runs).
 */
const INTERACTIVE_ENV = new Set([
  'EDITOR', 'VISUAL', 'PAGER', 'GIT_PAGER', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'GIT_ASKPASS', 'SSH_ASKPASS',
  'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_EXTERNAL_DIFF', 'GIT_PROXY_COMMAND', 'GIT_TEMPLATE_DIR', 'PREFIX',
]);

/** `env` without undefined values and without the interactive variables above. */
export function nonInteractiveGitEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && !INTERACTIVE_ENV.has(key)) clean[key] = value;
  return clean;
}

/**
 * A simple-git client in `dir` with the given environment (hooks rely on GIT_DIR, GIT_INDEX_FILE and
 * quarantine variables, so the environment is passed in, minus interactive variables).
 */
export function gitClient(dir: string, env: NodeJS.ProcessEnv): SimpleGit {
  return simpleGit({ baseDir: dir, trimmed: false, unsafe: { allowUnsafeConfigPaths: true, allowUnsafeConfigEnvCount: true } }).env(
    nonInteractiveGitEnv(env),
  );
}
