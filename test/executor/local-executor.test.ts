import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LocalExecutor } from '../../src/executor/local-executor.js';
import { createFakePigstyHome, type FakePigstyHome } from '../support/fake-pigsty-home.js';
import { processAlive } from '../support/processes.js';
import { waitUntil } from '../support/wait-until.js';

describe('LocalExecutor', () => {
  let home: FakePigstyHome;
  const executor = new LocalExecutor({ env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, killGraceMs: 500 });
  beforeEach(() => {
    home = createFakePigstyHome();
  });
  afterEach(() => home.remove());

  it('runs a command without a shell and records argv intact', async () => {
    const lines: string[] = [];
    const tricky = [`it's "quoted"`, '$(echo no)', 'a;b', 'with space'];
    const result = await executor.run(['bin/pgsql-user', ...tricky], { cwd: home.path, onLine: (line) => lines.push(line) });
    expect(result).toMatchObject({ exitCode: 0, signal: null, timedOut: false, cancelled: false });
    expect(home.calls().map((c) => [c.argv, c.cwd])).toEqual([[['bin/pgsql-user', ...tricky], home.path]]);
    expect(lines.at(-1)).toBe('pgsql-user: ok');
  });

  it('reports exit codes, stderr lines and environment variables', async () => {
    const lines: Array<[string, string]> = [];
    const result = await executor.run(['sh', '-c', 'echo "$PG_X" >&2; exit 4'], {
      cwd: home.path,
      env: { PG_X: 'value with space' },
      onLine: (line, stream) => lines.push([stream, line]),
    });
    expect(result.exitCode).toBe(4);
    expect(lines).toEqual([['stderr', 'value with space']]);
  });

  it('reports a missing command as exit code 127', async () => {
    const result = await executor.run(['bin/no-such-command'], { cwd: home.path });
    expect(result.exitCode).toBe(127);
    expect(result.outputTail).toContain('ENOENT');
  });

  it('kills the whole process group on timeout', async () => {
    home.control('pgsql.yml', 'hang');
    const result = await executor.run(['./pgsql.yml'], { cwd: home.path, timeoutMs: 500 });
    expect(result).toMatchObject({ timedOut: true, exitCode: null, signal: 'TERM' });
    expect(await waitUntil(() => !processAlive(home.calls()[0]?.pid ?? 0))).toBe(true);
    expect(await waitUntil(() => !processAlive(home.hangChildPid() ?? 0))).toBe(true);
  });

  it('cancels through the AbortSignal', async () => {
    home.control('node.yml', 'hang');
    const controller = new AbortController();
    const pending = executor.run(['./node.yml'], { cwd: home.path, signal: controller.signal });
    expect(await waitUntil(() => home.calls().length === 1)).toBe(true);
    controller.abort();
    expect(await pending).toMatchObject({ cancelled: true, signal: 'TERM' });
  });

  it('uploads a file with its mode', async () => {
    await executor.upload('all: {}\n', join(home.path, 'pigsty.yml'), { mode: 0o640 });
    expect(readFileSync(join(home.path, 'pigsty.yml'), 'utf8')).toBe('all: {}\n');
    expect(statSync(join(home.path, 'pigsty.yml')).mode & 0o777).toBe(0o640);
  });

  it('refuses a relative working directory', async () => {
    await expect(executor.run(['true'], { cwd: 'relative' })).rejects.toMatchObject({ code: 'COMMAND_INVALID' });
  });
});
