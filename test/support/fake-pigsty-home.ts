/**
 * A temporary directory laid out like a Pigsty home (the admin node's `~/pigsty`) whose
 * `bin/*` and `*.yml` playbooks are tiny shell scripts recording how they were called.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePid } from './processes.js';

export const FAKE_BIN_COMMANDS = [
  'node-add', 'node-rm', 'pgsql-add', 'pgsql-rm', 'pgsql-user', 'pgsql-db', 'pgsql-hba', 'pgsql-svc', 'pgsql-ext',
  'redis-add', 'redis-rm', 'etcd-add', 'etcd-rm', 'infra-add', 'minio-add', 'minio-rm',
] as const;

export const FAKE_PLAYBOOKS = [
  'pgsql.yml', 'pgsql-rm.yml', 'pgsql-user.yml', 'pgsql-db.yml', 'pgsql-monitor.yml', 'node.yml', 'node-rm.yml',
  'etcd.yml', 'etcd-rm.yml', 'minio.yml', 'minio-rm.yml', 'infra.yml', 'infra-rm.yml', 'redis.yml', 'redis-rm.yml',
  'install.yml', 'deploy.yml', 'cmdb.yml',
] as const;

/** One recorded call of a fake command. */
export interface RecordedCall {
  /** `pgsql-add`, `pgsql.yml`, … */
  name: string;
  /**
   * The full argv as invoked, e.g. `['bin/pgsql-add', 'pg-test']` or `['pgsql.yml', '-l', 'pg-test']`:
   * `argv[0]` is relative to the working directory without a leading `./` (see `commandPath`).
   */
  argv: string[];
  cwd: string;
  pid: number;
  /** sha256 (hex) of `./pigsty.yml` as the command saw it, or null when absent. */
  pigstyYmlSha256: string | null;
}

export type FakeBehaviour = { fail: number } | 'hang' | { outputMiB: number } | { echo: string };

export interface FakePigstyHome {
  path: string;
  /** Calls so far, in order. */
  calls(): RecordedCall[];
  /** Makes `name` (or `*` for every command) behave differently from now on. */
  control(name: string, behaviour: FakeBehaviour): void;
  /** Back to normal (every command succeeds). */
  resetControl(): void;
  /** Pid of the `sleep` started by the last command told to hang, if any. */
  hangChildPid(): number | undefined;
  remove(): void;
}

const SCRIPT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pigsty-home', 'fake-command.sh');

export function createFakePigstyHome(parent: string = tmpdir()): FakePigstyHome {
  const path = mkdtempSync(join(parent, 'pigsty-home-'));
  mkdirSync(join(path, 'bin'));
  mkdirSync(join(path, '.fake'));
  const script = join(path, '.fake', 'fake-command.sh');
  copyFileSync(SCRIPT, script);
  chmodSync(script, 0o755);
  const wrapper = (name: string): string => `#!/bin/sh\nexec /bin/sh ${shellWord(script)} ${shellWord(path)} ${shellWord(name)} "$0" "$@"\n`;
  for (const name of FAKE_BIN_COMMANDS) writeFileSync(join(path, 'bin', name), wrapper(name), { mode: 0o755 });
  for (const name of FAKE_PLAYBOOKS) writeFileSync(join(path, name), wrapper(name), { mode: 0o755 });
  const controlPath = join(path, '.fake-control');
  const recordPath = join(path, '.fake-record.jsonl');
  const rules: string[] = [];

  return {
    path,
    calls: () => (existsSync(recordPath) ? readFileSync(recordPath, 'utf8').split('\n').filter(Boolean).map(parseCall) : []),
    control(name, behaviour) {
      const rule =
        behaviour === 'hang'
          ? 'hang'
          : 'fail' in behaviour
            ? `fail ${behaviour.fail}`
            : 'outputMiB' in behaviour
              ? `output ${behaviour.outputMiB}`
              : `echo ${behaviour.echo}`;
      rules.unshift(`${name} ${rule}`);
      writeFileSync(controlPath, `${rules.join('\n')}\n`);
    },
    resetControl() {
      rules.length = 0;
      rmSync(controlPath, { force: true });
    },
    hangChildPid() {
      // Written atomically by the script (temp file, then rename); parsePid refuses anything but a real pid.
      const file = join(path, '.fake-hang-child');
      return existsSync(file) ? parsePid(readFileSync(file, 'utf8')) : undefined;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** How a fake command records its own path: relative to the working directory, no leading `./`. */
export function commandPath(argv0: string): string {
  return argv0.replace(/^\.\//, '');
}

interface RawCall {
  name: string;
  argvHex: string[];
  cwdHex: string;
  pid: number;
  pigstyYmlSha256: string | null;
}

function parseCall(line: string): RecordedCall {
  const raw = JSON.parse(line) as RawCall;
  const text = (hex: string): string => Buffer.from(hex, 'hex').toString('utf8');
  return { name: raw.name, argv: raw.argvHex.map(text), cwd: text(raw.cwdHex), pid: raw.pid, pigstyYmlSha256: raw.pigstyYmlSha256 };
}

function shellWord(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
