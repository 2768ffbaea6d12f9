import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { PigstyGitopsConfigFile, Environment as FileEnvironment, SshEndpoint as FileSshEndpoint } from '../generated/config.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { discoverEnvironments } from './discover-environments.js';
import { parseDuration } from './duration.js';
import type { EnvironmentConfig, GitopsConfig, SshExecutorConfig } from './types.js';
import { locate } from './yaml-locate.js';

export const DEFAULT_CONFIG_FILE = 'pigsty-gitops.yml';

export interface LoadConfigOptions {
  /** `--config PATH`; when given the file must exist. Default `pigsty-gitops.yml` in `cwd`, optional. */
  file?: string | undefined;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Keys that would hold a secret inline: refused, the file must reference secrets instead. */
const INLINE_SECRET_KEYS: Readonly<Record<string, string>> = {
  password: 'passwords are not used: authenticate with key_file or agent',
  passphrase: 'write the name of an environment variable holding it in passphrase_env',
  private_key: 'write the path of the key file in key_file',
  privatekey: 'write the path of the key file in key_file',
  url: 'a URL may carry a password: put it in an environment variable named by url_env (default METADB_URL)',
};

const DEFAULTS = { branch: 'main', inventoryFile: 'pigsty.yml', connect: '10s', step: '30m', keepalive: '15s', port: 22 } as const;

/**
 * Loads the operator's configuration: the file (validated against `schemas/config.schema.json`,
 * every problem reported with file:line:column), or embedded defaults when no file exists.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<GitopsConfig> {
  const file = resolve(options.cwd, options.file ?? DEFAULT_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && options.file === undefined) return defaultConfig(options.cwd, options.env);
    throw new ConfigError(file, [{ message: `cannot read the configuration file (${code ?? String(err)})`, line: undefined, column: undefined }]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return { message: `invalid YAML: ${e.message.split('\n')[0] ?? e.message}`, line, column: col };
      }),
    );
  }
  const problems = [...inlineSecretProblems(doc, lineCounter), ...(await schemaProblems(doc, lineCounter))];
  if (problems.length > 0) throw new ConfigError(file, problems);
  const raw = (doc.toJS() ?? {}) as PigstyGitopsConfigFile;
  return buildConfig(raw, file, doc, lineCounter, options.env);
}

async function defaultConfig(cwd: string, env: NodeJS.ProcessEnv): Promise<GitopsConfig> {
  const repoPath = resolve(cwd);
  const environments: Record<string, EnvironmentConfig> = {};
  for (const name of await discoverEnvironments(repoPath)) environments[name] = localEnvironment(name, repoPath, {});
  return {
    file: undefined,
    repo: { path: repoPath, branch: DEFAULTS.branch },
    cmdb: { url: nonEmpty(env.METADB_URL), dataDir: join(repoPath, '.pigsty-gitops', 'cmdb') },
    environments,
  };
}

function localEnvironment(name: string, repoPath: string, raw: FileEnvironment, defaults: PigstyGitopsConfigFile['defaults'] = {}): EnvironmentConfig {
  return {
    name,
    inventoryPath: raw.inventory ?? `environments/${name}`,
    pigstyHome: raw.pigsty_home ?? defaults.pigsty_home ?? join(repoPath, '.pigsty-gitops', 'pigsty-home'),
    inventoryFile: raw.inventory_file ?? defaults.inventory_file ?? DEFAULTS.inventoryFile,
    executor: { type: 'local' },
    timeouts: timeoutsOf(raw, defaults),
    pigstyCmdbSync: raw.pigsty_cmdb_sync ?? defaults.pigsty_cmdb_sync ?? false,
  };
}

function timeoutsOf(raw: FileEnvironment, defaults: NonNullable<PigstyGitopsConfigFile['defaults']>): EnvironmentConfig['timeouts'] {
  return {
    connectMs: parseDuration(raw.timeouts?.connect ?? defaults.timeouts?.connect ?? DEFAULTS.connect) ?? 10_000,
    stepMs: parseDuration(raw.timeouts?.step ?? defaults.timeouts?.step ?? DEFAULTS.step) ?? 1_800_000,
  };
}

async function buildConfig(
  raw: PigstyGitopsConfigFile,
  file: string,
  doc: Document,
  lineCounter: LineCounter,
  env: NodeJS.ProcessEnv,
): Promise<GitopsConfig> {
  const base = dirname(file);
  const problems: ConfigProblem[] = [];
  const at = (path: (string | number)[], message: string, key?: string): void => {
    problems.push({ message, ...locate(doc, lineCounter, path, key) });
  };
  const repoPath = resolve(base, raw.repo?.path ?? '.');
  if (isInside(file, repoPath)) {
    at(['repo'], `the configuration file is inside the watched repository ${repoPath}: keep it outside, so that no commit can change where or how commands run (set repo.path to the clone)`);
  }
  const defaults = raw.defaults ?? {};
  const names = raw.environments !== undefined ? Object.keys(raw.environments) : await discoverEnvironments(repoPath);
  const environments: Record<string, EnvironmentConfig> = {};
  for (const name of names) {
    const rawEnv: FileEnvironment = raw.environments?.[name] ?? {};
    const path = ['environments', name];
    const environment = localEnvironment(name, repoPath, rawEnv, defaults);
    if (isAbsolute(environment.inventoryPath) || environment.inventoryPath.split(/[\\/]/).includes('..')) {
      at([...path, 'inventory'], `inventory must be a relative path inside the repository, got ${JSON.stringify(environment.inventoryPath)}`);
    }
    const kind = rawEnv.executor ?? (rawEnv.ssh !== undefined ? 'ssh' : raw.environments === undefined ? 'local' : undefined);
    if (kind === undefined) {
      at(path, `environment ${name} needs an ssh block (the admin node) or executor: local`);
    } else if (kind === 'ssh') {
      if (rawEnv.ssh === undefined) at(path, `environment ${name} has executor: ssh but no ssh block`);
      else if (rawEnv.pigsty_home === undefined && defaults.pigsty_home === undefined) at(path, `environment ${name} needs pigsty_home (the Pigsty directory on the admin node, e.g. /home/dba/pigsty)`);
      else environment.executor = sshExecutorOf({ ...defaults.ssh, ...rawEnv.ssh } as FileSsh, rawEnv.ssh.jump, [...path, 'ssh'], base, repoPath, at);
    } else if (rawEnv.ssh !== undefined) {
      at([...path, 'executor'], `environment ${name} has executor: local and an ssh block: remove one`);
    }
    environments[name] = environment;
  }
  if (problems.length > 0) throw new ConfigError(file, problems);
  const urlEnv = raw.cmdb?.url_env ?? 'METADB_URL';
  return {
    file,
    repo: { path: repoPath, branch: raw.repo?.branch ?? DEFAULTS.branch },
    cmdb: { url: nonEmpty(env[urlEnv]), dataDir: resolve(base, raw.cmdb?.data_dir ?? join(repoPath, '.pigsty-gitops', 'cmdb')) },
    environments,
  };
}

type FileSsh = FileSshEndpoint & { host?: string | undefined; keepalive?: string | undefined };

type At = (path: (string | number)[], message: string, key?: string) => void;

function sshExecutorOf(
  ssh: FileSsh,
  jump: FileSshEndpoint | undefined,
  path: (string | number)[],
  base: string,
  repoPath: string,
  at: At,
): SshExecutorConfig {
  const endpoint = endpointOf(ssh, path, base, repoPath, at);
  return {
    type: 'ssh',
    ...endpoint,
    keepaliveMs: parseDuration(ssh.keepalive ?? DEFAULTS.keepalive) ?? 15_000,
    jump: jump === undefined ? undefined : endpointOf(jump, [...path, 'jump'], base, repoPath, at),
  };
}

function endpointOf(
  raw: FileSshEndpoint,
  path: (string | number)[],
  base: string,
  repoPath: string,
  at: At,
): Omit<SshExecutorConfig, 'type' | 'jump' | 'keepaliveMs'> {
  const file = (value: string | undefined, key: string): string | undefined => {
    if (value === undefined) return undefined;
    const absolute = resolve(base, value);
    if (isInside(absolute, repoPath)) at(path, `${key} ${absolute} is inside the watched repository: a commit could replace it; keep it outside`, key);
    return absolute;
  };
  if (raw.user === undefined) at(path, 'user is required (in this ssh block or in defaults.ssh)');
  if (raw.key_file === undefined && (raw.agent === undefined || raw.agent === false)) at(path, 'set key_file or agent: the admin node is reached with a key');
  if (raw.known_hosts === undefined && raw.host_key_fingerprint === undefined) {
    at(path, 'set known_hosts or host_key_fingerprint: the host key must be pinned (an unknown key is refused)');
  }
  return {
    host: raw.host ?? '',
    port: raw.port ?? DEFAULTS.port,
    user: raw.user ?? '',
    privateKeyPath: file(raw.key_file, 'key_file'),
    passphraseEnv: raw.passphrase_env,
    agent: raw.agent === true ? 'env' : raw.agent === false ? undefined : raw.agent,
    knownHostsPath: file(raw.known_hosts, 'known_hosts'),
    hostKeyFingerprint: raw.host_key_fingerprint,
  };
}

function inlineSecretProblems(doc: Document, lineCounter: LineCounter): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      const hint = INLINE_SECRET_KEYS[key.toLowerCase()];
      const at = pair.key.range ? lineCounter.linePos(pair.key.range[0]) : undefined;
      if (hint !== undefined) {
        problems.push({ message: `inline secret "${key}" is not allowed: ${hint}`, line: at?.line, column: at?.col });
      } else if (key === 'key_file' && isScalar(pair.value) && /-----BEGIN|PRIVATE KEY/.test(String(pair.value.value))) {
        problems.push({ message: 'key_file must be the path of a key file, not the key itself', line: at?.line, column: at?.col });
      }
    },
  });
  return problems;
}

/** `schemas/config.schema.json`, found from this module both in `src/config/` and in `dist/config/`. */
const SCHEMA_PATH = fileURLToPath(new URL('../../schemas/config.schema.json', import.meta.url));

async function schemaProblems(doc: Document, lineCounter: LineCounter): Promise<ConfigProblem[]> {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(await readFile(SCHEMA_PATH, 'utf8')) as object);
  if (validate(doc.toJS() ?? {})) return [];
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const problem = problemOf(error, doc, lineCounter);
    if (problem === undefined) continue;
    const id = `${problem.line}:${problem.column}:${problem.message}`;
    if (!seen.has(id)) problems.push(problem);
    seen.add(id);
  }
  return problems;
}

function problemOf(error: ErrorObject, doc: Document, lineCounter: LineCounter): ConfigProblem | undefined {
  // allOf/if wrappers repeat what the inner errors already say.
  if (error.keyword === 'allOf' || error.keyword === 'if' || error.keyword === '$ref') return undefined;
  const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const name = path.length === 0 ? 'the file' : path.join('.');
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    return { message: `unknown key "${key}" in ${name}`, ...locate(doc, lineCounter, path, key) };
  }
  if (error.keyword === 'required') {
    return { message: `${name} needs "${String(params.missingProperty)}"`, ...locate(doc, lineCounter, path) };
  }
  if (error.keyword === 'propertyNames') {
    const key = String(params.propertyName);
    return { message: `invalid environment name "${key}" (letters, digits, _ . -)`, ...locate(doc, lineCounter, path, key) };
  }
  if (error.keyword === 'pattern' && error.schemaPath.endsWith('/Duration/pattern')) {
    return { message: `${name} must be a duration such as 10s, 30m or 2h`, ...locate(doc, lineCounter, path) };
  }
  if (error.keyword === 'enum') {
    return { message: `${name} must be one of ${(params.allowedValues as unknown[]).join(', ')}`, ...locate(doc, lineCounter, path) };
  }
  return { message: `${name} ${error.message ?? 'is invalid'}`, ...locate(doc, lineCounter, path) };
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
