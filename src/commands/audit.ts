import { Option, type Command } from 'commander';
import type { CliCommand, CommandIo } from './command.js';
import type { AuditOptions } from './run-audit.js';

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
        // Loaded on use: other commands (and --help) do not pay for this command's modules.
        const { runAudit } = await import('./run-audit.js');
        done(await runAudit(env, options, io));
      });
  },
};

