/** The `adopt` command's action, loaded only when the command runs (keeps CLI start-up small). */
import { openStore } from '../cmdb/store.js';
import { resolveEnvironment } from '../cmdb/resolve-environment.js';
import { loadConfig } from '../config/load-config.js';
import { GitRevisionProvider } from '../git/revision-provider.js';
import { GitNotesWriter } from '../git/notes.js';
import { loadInventory } from '../inventory/load.js';
import { EXIT_OK, EXIT_REJECTED, type CommandIo } from './command.js';


export interface AdoptOptions {
  rev?: string;
  config?: string;
  force?: boolean;
  format: 'text' | 'json';
}

export async function runAdopt(name: string, options: AdoptOptions, io: CommandIo): Promise<number> {
  const config = await loadConfig({ file: options.config, cwd: io.cwd, env: io.env });
  const environment = resolveEnvironment(config, name);
  const provider = await GitRevisionProvider.open(config.repo.path, options.rev ?? config.repo.branch, io.env);
  const { loaded, diagnostics } = await loadInventory(provider, environment.inventoryPath);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (loaded === undefined || errors.length > 0) {
    for (const d of errors) io.stderr(`${d.file ?? environment.inventoryPath}:${d.line ?? 0}:${d.column ?? 0}: error: ${d.message}\n`);
    io.stderr(`pigsty-gitops: the inventory of ${name} at ${provider.label} does not load; nothing recorded\n`);
    return EXIT_REJECTED;
  }
  const store = await openStore({ url: config.cmdb.url, dataDir: config.cmdb.dataDir });
  try {
    const runId = await store.withEnvironmentLock(name, async () => {
      const current = await store.appliedState(name);
      if (current !== undefined && options.force !== true) return undefined;
      return store.adopt({
        environment: name,
        inventoryPath: environment.inventoryPath,
        revision: provider.commit,
        document: loaded.document,
        files: loaded.files,
        actor: io.env.USER,
        pigstyCmdbSync: environment.pigstyCmdbSync,
      });
    });
    if (runId === undefined) {
      const current = await store.appliedState(name);
      io.stderr(`pigsty-gitops: ${name} already has an applied revision ${current?.revision.slice(0, 7) ?? '?'}; use --force to replace it\n`);
      return EXIT_REJECTED;
    }
    const time = new Date();
    await new GitNotesWriter(config.repo.path, { env: io.env }).addDeploymentNote(provider.commit, { environment: name, status: 'succeeded', runId, time });
    if (options.format === 'json') {
      io.stdout(`${JSON.stringify({ environment: name, revision: provider.commit, runId, adopted: true })}\n`);
    } else {
      io.stdout(`adopted ${name} at ${provider.commit.slice(0, 7)} (run ${runId}); nothing was run\n`);
    }
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
