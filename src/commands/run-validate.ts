import { INDEX_REV } from '../git/index-rev.js';
import { UsageError } from '../util/errors.js';
import { createValidator } from '../validate/validate.js';
import { EXIT_OK, EXIT_REJECTED, type CommandIo } from './command.js';
import { changedInventories, expandInventoryTarget } from './expand-inventory-paths.js';
import { formatTextReport, toValidationJson, useColor, type ValidationReport } from './format-diagnostics.js';
import { GIT_PREFIX, resolveInventoryArg, type ResolvedInventory } from './resolve-inventory-arg.js';

export interface ValidateOptions {
  format: 'text' | 'json';
  staged?: boolean;
  rev?: string;
  since?: string;
}

/** An all-zero object id: git's "no commit" in pre-receive input (new branch, deletion). */
const ZERO_ID = /^0+$/;

/** The validate command's work (see validate.ts); resolves to the exit code, throws GitopsError for usage/I-O errors. */
export async function runValidate(paths: string[], options: ValidateOptions, io: CommandIo): Promise<number> {
  if (options.staged === true && options.rev !== undefined) throw new UsageError('--staged and --rev cannot be combined');
  if (options.since !== undefined && options.rev === undefined) throw new UsageError('--since needs --rev');
  const gitRev = options.staged === true ? INDEX_REV : options.rev;
  if (gitRev === undefined && paths.length === 0) throw new UsageError('validate needs at least one PATH');

  const targets: ResolvedInventory[] = [];
  if (gitRev !== undefined && paths.length === 0) {
    targets.push(...(await changedTargets(gitRev, options.since, io)));
  } else {
    for (const arg of paths) {
      if (gitRev !== undefined && arg.startsWith(GIT_PREFIX)) throw new UsageError(`${arg}: do not combine git: paths with --staged/--rev`);
      const spec = gitRev === undefined ? arg : `${GIT_PREFIX}${gitRev}:${arg}`;
      targets.push(...(await expandInventoryTarget(await resolveInventoryArg(spec, io.cwd, { env: io.env }))));
    }
  }

  const validator = createValidator();
  const reports: ValidationReport[] = [];
  for (const target of targets) {
    const result = await validator.validateSource(target.provider, target.path);
    reports.push({ path: target.display, valid: result.valid, diagnostics: result.diagnostics });
  }

  if (options.format === 'json') io.stdout(`${JSON.stringify(toValidationJson(reports), null, 2)}\n`);
  else io.stdout(formatTextReport(reports, useColor(io.isTty, io.env)));
  return reports.every((r) => r.valid) ? EXIT_OK : EXIT_REJECTED;
}

/** The inventories changed in the index (vs HEAD) or by a revision (vs `since` or its first parent). */
async function changedTargets(rev: string, since: string | undefined, io: CommandIo): Promise<ResolvedInventory[]> {
  const [{ GitRepo }, { GitRevisionProvider }] = await Promise.all([import('../git/repo.js'), import('../git/revision-provider.js')]);
  const repo = await GitRepo.open(io.cwd, io.env);
  const provider = await GitRevisionProvider.open(repo, rev);
  let base: string | undefined;
  if (rev === INDEX_REV) {
    base = (await repo.hasHead()) ? 'HEAD' : undefined;
  } else if (since !== undefined) {
    base = ZERO_ID.test(since) ? undefined : await repo.resolveCommit(since);
  } else {
    base = await repo.firstParent(provider.commit);
  }
  const changed = rev === INDEX_REV
    ? await repo.changedPaths(base, INDEX_REV)
    : await repo.changedPaths(base, provider.commit);
  const paths = await changedInventories(provider, changed);
  return paths.map((path) => ({ provider, path, display: provider.displayPath(path) }));
}
