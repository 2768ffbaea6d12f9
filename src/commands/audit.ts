import { Option, type Command } from 'commander';
import { buildAudit, renderAuditText } from '../cmdb/audit-report.js';
import { openStore } from '../cmdb/store.js';
import { resolveEnvironment } from '../cmdb/resolve-environment.js';
import { loadConfig } from '../config/load-config.js';
import { logPath } from '../git/log.js';
import { EXIT_OK, type CliCommand, type CommandIo } from './command.js';

interface AuditOptions {
  since?: string;
  rev?: string;
  config?: string;
  format: 'text' | 'json';
}

/**
 * `pigsty-gitops audit <env> [--since DATE] [--rev REV] [--format text|json]` — the git log of the
 * environment's inventory path joined with the CMDB's runs: per commit, applied or not, when, by which
 * run, its status, pull request and actor. `*` marks the revision applied now.
 */
export const auditCommand: CliCommand = {
  register(program: Command, io: CommandIo, done: (code: number) => void): void {
    program
      .command('audit')
      .description("an environment's git history joined with its runs: what was applied, when, by whom")
      .argument('<env>', 'environment name')
      .option('--since <date>', 'only commits after this date (e.g. 2026-01-01, "2 weeks ago")')
      .option('--rev <rev>', 'history from this revision (default: the configured branch)')
      .option('--config <file>', 'configuration file (default ./pigsty-gitops.yml)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .action(async (env: string, options: AuditOptions) => {
        done(await runAudit(env, options, io));
      });
  },
};

async function runAudit(name: string, options: AuditOptions, io: CommandIo): Promise<number> {
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
