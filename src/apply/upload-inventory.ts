/**
 * Atomic inventory upload to the Pigsty home: write a temp file (mode 0600: the inventory holds
 * passwords), verify its sha256 on the node with `sha256sum`, keep the previous file as
 * `<file>.<revision>.bak`, then rename the temp file over the inventory.
 */
import type { Executor, RunResult } from '../executor/executor.js';
import { UploadError } from './apply-errors.js';
import type { UploadContent } from './inventory-upload-content.js';

export interface UploadInventoryInput {
  executor: Executor;
  pigstyHome: string;
  /** File name (or relative path) inside the Pigsty home, e.g. `pigsty.yml`. */
  inventoryFile: string;
  content: UploadContent;
  /** Unique per run, used in the temp file name. */
  runId: string;
  /** The revision the file on the node is believed to hold (the last applied one). */
  previousRevision: string | undefined;
  /** sha256 of the previous revision's upload content, when known: a different file on the node is backed up under a `drift` name. */
  previousSha256: string | undefined;
  timeoutMs: number;
}

export interface UploadInventoryResult {
  path: string;
  sha256: string;
  /** Absolute path of the backup of the previous file, or undefined when there was none. */
  backupPath: string | undefined;
}

export function shortRevision(revision: string): string {
  return /^[0-9a-f]{40,64}$/i.test(revision) ? revision.slice(0, 12) : revision.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40);
}

/** Absolute path of the inventory file in the Pigsty home; the name must stay inside it. */
export function inventoryPath(pigstyHome: string, inventoryFile: string): string {
  if (inventoryFile === '' || inventoryFile.startsWith('/') || inventoryFile.split('/').includes('..')) {
    throw new UploadError(`inventory file ${JSON.stringify(inventoryFile)} must be a relative path inside the Pigsty home`);
  }
  return `${pigstyHome.replace(/\/+$/, '')}/${inventoryFile}`;
}

/** Where the base revision's inventory goes for actions that must run against it (`<stem>.base-<rev>.yml`). */
export function baseInventoryPath(pigstyHome: string, inventoryFile: string, baseRevision: string): string {
  const target = inventoryPath(pigstyHome, inventoryFile);
  return `${target.replace(/\.ya?ml$/, '')}.base-${shortRevision(baseRevision)}.yml`;
}

export async function uploadInventory(input: UploadInventoryInput): Promise<UploadInventoryResult> {
  const { executor } = input;
  const target = inventoryPath(input.pigstyHome, input.inventoryFile);
  const run = runner(executor, input.pigstyHome, input.timeoutMs);
  const temp = await uploadVerified(executor, run, input.content, target, input.runId);

  let backupPath: string | undefined;
  const existing = await run(['sha256sum', '--', target]);
  if (existing.exitCode === 0) {
    const current = firstField(existing.outputTail) ?? '';
    const rev = input.previousRevision === undefined ? 'unknown' : shortRevision(input.previousRevision);
    const drifted = input.previousSha256 !== undefined && current !== input.previousSha256;
    backupPath = drifted ? `${target}.${rev}.drift-${current.slice(0, 8)}.bak` : `${target}.${rev}.bak`;
    const copied = await run(['cp', '-p', '--', target, backupPath]);
    if (copied.exitCode !== 0) {
      await run(['rm', '-f', '--', temp]);
      throw new UploadError(`could not back up ${target} to ${backupPath} on ${executor.target}: ${copied.outputTail.trim()}`);
    }
  }
  await renameInto(run, temp, target, executor.target);
  return { path: target, sha256: input.content.sha256, backupPath };
}

/** Uploads a side file (e.g. the base inventory) with the same temp + checksum + rename procedure, no backup. */
export async function uploadSideFile(input: {
  executor: Executor;
  pigstyHome: string;
  path: string;
  content: UploadContent;
  runId: string;
  timeoutMs: number;
}): Promise<void> {
  const run = runner(input.executor, input.pigstyHome, input.timeoutMs);
  const temp = await uploadVerified(input.executor, run, input.content, input.path, input.runId);
  await renameInto(run, temp, input.path, input.executor.target);
}

type Run = (argv: string[]) => Promise<RunResult>;

function runner(executor: Executor, pigstyHome: string, timeoutMs: number): Run {
  return (argv) => executor.run(argv, { cwd: pigstyHome, timeoutMs });
}

async function uploadVerified(executor: Executor, run: Run, content: UploadContent, target: string, runId: string): Promise<string> {
  const temp = `${target}.${runId.replace(/[^A-Za-z0-9_-]/g, '')}.tmp`;
  await executor.upload(content.text, temp, { mode: 0o600 });
  const sum = await run(['sha256sum', '--', temp]);
  const seen = sum.exitCode === 0 ? firstField(sum.outputTail) : undefined;
  if (seen !== content.sha256) {
    await run(['rm', '-f', '--', temp]);
    throw new UploadError(`uploaded inventory ${temp} has sha256 ${seen ?? '(unreadable)'} on ${executor.target}, expected ${content.sha256}`, { path: temp });
  }
  return temp;
}

async function renameInto(run: Run, temp: string, target: string, where: string): Promise<void> {
  const moved = await run(['mv', '-f', '--', temp, target]);
  if (moved.exitCode !== 0) {
    await run(['rm', '-f', '--', temp]);
    throw new UploadError(`could not rename ${temp} to ${target} on ${where}: ${moved.outputTail.trim()}`);
  }
}

/** The checksum field of a `sha256sum` line (which prefixes `\` when the file name needed escaping). */
function firstField(output: string): string | undefined {
  return output.trim().split(/\s+/)[0]?.replace(/^\\/, '');
}
