import { adoptCommand } from './adopt.js';
import { applyCommand } from './apply.js';
import { auditCommand } from './audit.js';
import type { CliCommand } from './command.js';
import { hooksCommand } from './hooks.js';
import { planCommand } from './plan.js';
import { validateCommand } from './validate.js';

/** Every sub-command, in the order `--help` lists them. One line per command file. */
export const commands: CliCommand[] = [
  validateCommand,
  hooksCommand,
  applyCommand,
  planCommand,
  adoptCommand,
  auditCommand,
];
