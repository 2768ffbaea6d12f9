import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordingContentProvider, SnapshotContentProvider, SnapshotMissError } from '../../src/inventory/content-snapshot.js';
import { DiskContentProvider } from '../../src/inventory/disk-provider.js';
import { loadInventory, prefetchSingleFileInventory } from '../../src/inventory/load.js';

const INVENTORY = 'all:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    pg-test:\n      hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }\n      vars: { pg_cluster: pg-test }\n';

describe('content snapshots', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pigsty-gitops-snapshot-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replays a recorded load exactly, even after the files changed on disk', async () => {
    writeFileSync(join(dir, 'pigsty.yml'), INVENTORY);
    const recorder = new RecordingContentProvider(new DiskContentProvider(dir));
    const first = await loadInventory(recorder, 'pigsty.yml');
    writeFileSync(join(dir, 'pigsty.yml'), 'all: { changed: true }\n');
    const replayed = await loadInventory(new SnapshotContentProvider(structuredClone(recorder.snapshot())), 'pigsty.yml');
    expect(replayed.diagnostics).toEqual(first.diagnostics);
    expect(replayed.loaded?.document).toEqual(first.loaded?.document);
    expect(replayed.loaded?.files).toEqual([{ path: join(dir, 'pigsty.yml'), text: INVENTORY }]);
    // The recorder answers from memory too: a second load sees what the first saw.
    expect((await loadInventory(recorder, 'pigsty.yml')).loaded?.files[0]?.text).toBe(INVENTORY);
  });

  it('prefetches every read of a single-file inventory, so a replay needs nothing else', async () => {
    writeFileSync(join(dir, 'pigsty.yml'), INVENTORY);
    const recorder = new RecordingContentProvider(new DiskContentProvider(dir));
    expect(await prefetchSingleFileInventory(recorder, '.')).toBe(true);
    const replayed = await loadInventory(new SnapshotContentProvider(recorder.snapshot()), '.');
    expect(replayed.loaded?.document.all).toMatchObject({ vars: { admin_ip: '10.10.10.10' } });
  });

  it('declines to prefetch a split inventory, whose reads are known only while loading', async () => {
    writeFileSync(join(dir, 'hosts.yml'), INVENTORY);
    mkdirSync(join(dir, 'group_vars'));
    writeFileSync(join(dir, 'group_vars', 'all.yml'), 'pg_version: 17\n');
    const recorder = new RecordingContentProvider(new DiskContentProvider(dir));
    expect(await prefetchSingleFileInventory(recorder, '.')).toBe(false);
    await loadInventory(recorder, '.');
    const replayed = await loadInventory(new SnapshotContentProvider(recorder.snapshot()), '.');
    expect(replayed.loaded?.document.all).toMatchObject({ vars: { admin_ip: '10.10.10.10', pg_version: 17 } });
  });

  it('refuses to answer a question the recorded load never asked', async () => {
    const replay = new SnapshotContentProvider({ label: 'x', files: {}, lists: {}, sizes: {}, displays: {} });
    await expect(replay.readFile('pigsty.yml')).rejects.toBeInstanceOf(SnapshotMissError);
    await expect(replay.list('.')).rejects.toThrow('content snapshot has no answer for list(".")');
  });
});
