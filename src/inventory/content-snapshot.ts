/**
 * What an inventory load read through a content provider, recorded so the same load can be
 * replayed elsewhere (a worker thread) without touching the disk or git again: the replay sees
 * exactly the bytes the first load saw, even if the files change in between.
 */
import type { ContentProvider } from './content-provider.js';

type Listing = { name: string; type: 'file' | 'dir' }[];

/** Plain data (structured-clone safe): every answer the provider gave, by path. */
export interface ContentSnapshot {
  label: string;
  files: Record<string, string | null>;
  lists: Record<string, Listing | null>;
  sizes: Record<string, number | null>;
  displays: Record<string, string>;
}

/**
 * Passes each call to `inner` once and remembers the answer; asking again returns the remembered
 * answer, so a prefetch and the load after it (and a replay elsewhere) all see the same bytes.
 */
export class RecordingContentProvider implements ContentProvider {
  readonly label: string;
  private readonly recorded: ContentSnapshot;

  constructor(private readonly inner: ContentProvider) {
    this.label = inner.label;
    this.recorded = { label: inner.label, files: {}, lists: {}, sizes: {}, displays: {} };
  }

  async readFile(path: string): Promise<string | undefined> {
    if (has(this.recorded.files, path)) return this.recorded.files[path] ?? undefined;
    const text = await this.inner.readFile(path);
    this.recorded.files[path] = text ?? null;
    return text;
  }

  async list(dir: string): Promise<Listing | undefined> {
    if (has(this.recorded.lists, dir)) return this.recorded.lists[dir]?.map((e) => ({ ...e })) ?? undefined;
    const entries = await this.inner.list(dir);
    this.recorded.lists[dir] = entries === undefined ? null : entries.map((e) => ({ name: e.name, type: e.type }));
    return entries;
  }

  async fileSize(path: string): Promise<number | undefined> {
    if (has(this.recorded.sizes, path)) return this.recorded.sizes[path] ?? undefined;
    const size = this.inner.fileSize === undefined ? undefined : await this.inner.fileSize(path);
    this.recorded.sizes[path] = size ?? null;
    return size;
  }

  displayPath(path: string): string {
    const shown = this.inner.displayPath?.(path) ?? path;
    this.recorded.displays[path] = shown;
    return shown;
  }

  /** Everything recorded so far. */
  snapshot(): ContentSnapshot {
    return this.recorded;
  }
}

/** Raised when a replay asks for something the recorded load never asked: the replay is not faithful. */
export class SnapshotMissError extends Error {
  constructor(what: string) {
    super(`content snapshot has no answer for ${what}`);
    this.name = 'SnapshotMissError';
  }
}

/** Replays a snapshot; any question the recorded load did not ask throws `SnapshotMissError`. */
export class SnapshotContentProvider implements ContentProvider {
  readonly label: string;

  constructor(private readonly snapshot: ContentSnapshot) {
    this.label = snapshot.label;
  }

  async readFile(path: string): Promise<string | undefined> {
    const text = answer(this.snapshot.files, path, 'readFile');
    return text ?? undefined;
  }

  async list(dir: string): Promise<Listing | undefined> {
    const entries = answer(this.snapshot.lists, dir, 'list');
    return entries ?? undefined;
  }

  async fileSize(path: string): Promise<number | undefined> {
    const size = answer(this.snapshot.sizes, path, 'fileSize');
    return size ?? undefined;
  }

  displayPath(path: string): string {
    return answer(this.snapshot.displays, path, 'displayPath');
  }
}

function has(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function answer<T>(record: Record<string, T>, key: string, call: string): T {
  if (!has(record, key)) throw new SnapshotMissError(`${call}(${JSON.stringify(key)})`);
  return record[key] as T;
}
