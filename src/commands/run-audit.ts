/** The `audit` command's action, loaded only when the command runs (keeps CLI start-up small). */
import { buildAudit, renderAuditText } from '../cmdb/audit-report.js';
import { openStore } from '../cmdb/store.js';
import { resolveEnvironment } from '../cmdb/resolve-environment.js';
import { loadConfig } from '../config/load-config.js';
import { logPath, pathCommitsOf } from '../git/log.js';
import { EXIT_OK, type CommandIo } from './command.js';


export interface AuditOptions {
  since?: string;
  rev?: string;
  config?: string;
  format: 'text' | 'json';
}

export async function runAudit(name: string, options: AuditOptions, io: CommandIo): Promise<number> {
  const config = await loadConfig({ file: options.config, cwd: io.cwd, env: io.env });
  const environment = resolveEnvironment(config, name);
  const commits = await logPath(config.repo.path, environment.inventoryPath, {
    rev: options.rev ?? config.repo.branch,
    env: io.env,
    firstParent: true,
    ...(options.since === undefined ? {} : { since: options.since }),
  });
  const store = await openStore({ url: config.cmdb.url, dataDir: config.cmdb.dataDir });
  try {
    const runs = commits.length === 0 ? [] : await store.listRuns({ environment: name, limit: 1_000_000 });
    const current = await store.appliedState(name);
    // Runs at revisions that did not change the path themselves (an adopted HEAD, a commit elsewhere)
    // deploy the inventory of the newest commit before them that did. Only runs younger than the
    // oldest listed commit can deploy a listed one, so `--since` keeps the git look-ups few.
    const listed = new Set(commits.map((c) => c.commit));
    const oldest = Math.min(...commits.map((c) => c.date.getTime()));
    const unlisted = [
      ...runs.filter((r) => r.createdAt.getTime() >= oldest).map((r) => r.revision),
      ...(current === undefined ? [] : [current.revision]),
    ].filter((r) => !listed.has(r));
    const deployedCommitOf = await pathCommitsOf(config.repo.path, environment.inventoryPath, unlisted, { env: io.env });
    const report = buildAudit({
      environment: name,
      path: environment.inventoryPath,
      since: options.since,
      currentRevision: current?.revision,
      commits,
      runs,
      deployedCommitOf,
    });
    io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderAuditText(report));
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
