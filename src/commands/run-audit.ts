/** The `audit` command's action, loaded only when the command runs (keeps CLI start-up small). */
import { buildAudit, renderAuditText } from '../cmdb/audit-report.js';
import { openStore } from '../cmdb/store.js';
import { resolveEnvironment } from '../cmdb/resolve-environment.js';
import { loadConfig } from '../config/load-config.js';
import { logPath } from '../git/log.js';
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
    ...(options.since === undefined ? {} : { since: options.since }),
  });
  const store = await openStore({ url: config.cmdb.url, dataDir: config.cmdb.dataDir });
  try {
    const runs = commits.length === 0 ? [] : await store.listRuns({ environment: name, revisions: commits.map((c) => c.commit), limit: 1_000_000 });
    const current = await store.appliedState(name);
    const report = buildAudit({ environment: name, path: environment.inventoryPath, since: options.since, currentRevision: current?.revision, commits, runs });
    io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderAuditText(report));
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
