import type { Occurrence } from './scanner';

/** What the index keeps of one note: its occurrences grouped by entry, and a key telling whether it is current. */
export interface FileSummary {
  /** Changes whenever the content changes (a content hash, or a document version). */
  readonly key: string;
  readonly byEntry: ReadonlyMap<string, readonly Occurrence[]>;
}

/** Groups occurrences by entry id. */
export function summarize(key: string, occurrences: readonly Occurrence[]): FileSummary {
  const byEntry = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    let list = byEntry.get(o.entryId);
    if (!list) byEntry.set(o.entryId, (list = []));
    list.push(o);
  }
  return { key, byEntry };
}

/**
 * The concepts used across a workspace of notes: which files use an entry and where. Files are keyed by a URI
 * string; the caller decides what a URI is and when a file changed.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, FileSummary>();
  private counts?: Map<string, number>;

  get size(): number {
    return this.files.size;
  }

  get(uri: string): FileSummary | undefined {
    return this.files.get(uri);
  }

  set(uri: string, summary: FileSummary): void {
    this.files.set(uri, summary);
    this.counts = undefined;
  }

  delete(uri: string): boolean {
    this.counts = undefined;
    return this.files.delete(uri);
  }

  clear(): void {
    this.files.clear();
    this.counts = undefined;
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  /** Every use of an entry, file by file in URI order. */
  usesOf(entryId: string): { uri: string; occurrences: readonly Occurrence[] }[] {
    const out: { uri: string; occurrences: readonly Occurrence[] }[] = [];
    for (const uri of [...this.files.keys()].sort()) {
      const occ = this.files.get(uri)!.byEntry.get(entryId);
      if (occ?.length) out.push({ uri, occurrences: occ });
    }
    return out;
  }

  /** How many files use each entry. */
  fileCounts(): ReadonlyMap<string, number> {
    if (!this.counts) {
      this.counts = new Map();
      for (const f of this.files.values()) for (const id of f.byEntry.keys()) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    }
    return this.counts;
  }
}
