/** The real CMDB store on PGlite in a temp dir, with the helpers the apply tests read back through. */
import { join } from 'node:path';
import { openStore, type CmdbStore, type RunRecord, type StepRecord } from '../../src/cmdb/index.js';
import type { LoadedInventory } from '../../src/inventory/model.js';
import { makeTempDir } from '../support/git-repo.js';

export interface TestStore {
  store: CmdbStore;
  adopt(environment: string, revision: string, loaded: LoadedInventory): Promise<string>;
  run(runId: string): Promise<RunRecord | undefined>;
  steps(runId: string): Promise<StepRecord[]>;
  close(): Promise<void>;
}

export async function openTestStore(created: string[]): Promise<TestStore> {
  const dataDir = join(makeTempDir('cmdb', created), 'cmdb');
  const store = await openStore({ url: undefined, dataDir });
  return {
    store,
    adopt: (environment, revision, loaded) =>
      store.adopt({
        environment,
        inventoryPath: `environments/${environment}`,
        revision,
        document: loaded.document,
        files: loaded.files,
        actor: 'tester',
        pigstyCmdbSync: false,
      }),
    run: (runId) => store.getRun(runId),
    steps: (runId) => store.listSteps(runId),
    close: () => store.close(),
  };
}
