/**
 * Checks made before anything is uploaded or run: destructive actions need an explicit opt-in,
 * and every argv must be a Pigsty command inside the Pigsty home (never an absolute path,
 * never `..`, never a control character), so a plan can only ever run Pigsty's own scripts.
 */
import type { ApplyAction } from './ports.js';

const COMMAND = /^(?:\.\/)?(?:bin\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/;
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** Returns why the action's argv is unsafe, or undefined when it is fine. */
export function unsafeArgvReason(action: ApplyAction): string | undefined {
  const [command, ...args] = action.argv;
  if (command === undefined || command === '') return 'empty argv';
  if (!COMMAND.test(command) || command.includes('..')) return `command ${JSON.stringify(command)} is not bin/<script> or <playbook>.yml in the Pigsty home`;
  for (const arg of args) if (CONTROL.test(arg)) return 'an argument contains a control character';
  return undefined;
}

/** argv as run from the Pigsty home: a bare playbook name gets `./` so the shell does not search PATH. */
export function runnableArgv(action: ApplyAction): string[] {
  const [command, ...args] = action.argv;
  if (command === undefined) return [];
  return [command.includes('/') ? command : `./${command}`, ...args];
}

/** The destructive actions of a plan that would be refused without `allowDestroy`. */
export function destructiveActions(actions: readonly ApplyAction[]): ApplyAction[] {
  return actions.filter((a) => a.risk === 'destructive');
}

/** One-line refusal reason, or undefined when the plan may run. */
export function destructiveRefusal(actions: readonly ApplyAction[], allowDestroy: boolean): string | undefined {
  if (allowDestroy) return undefined;
  const destructive = destructiveActions(actions);
  if (destructive.length === 0) return undefined;
  const listed = destructive.map((a) => a.argv.join(' ')).join('; ');
  return `refused: the plan has ${destructive.length} destructive action(s) (${listed}); re-run with --allow-destroy to run them`;
}
