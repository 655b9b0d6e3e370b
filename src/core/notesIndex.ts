import { Debouncer, Emitter, sliceClock, yieldToHost, type Disposable } from './events';
import { INDEX_SAVE_DELAY_MS, INDEX_SLICE_MS } from './limits';
import type { GlossaryState } from './documents';
import { matchNoteProse, type NoteProse } from './noteProse';
import type { ProseReader, ProseResult } from './proseReader';
import type { Occurrence } from './scanner';
import { decodeIndex, encodeIndex, type StoredIndex, type StoredNote } from './storedIndex';
import type { Logger, ServiceWorkspace } from './workspace';
import { summarize, type FileSummary } from './workspaceIndex';

/**
 * Where the index is persisted between sessions (the extension's storage folder, a test's variable). A stored
 * index that is damaged or from another version is discarded (one log line) and rebuilt; when writing fails, the
 * index is kept in memory only for the rest of the session (one log line).
 */
export interface IndexStorage {
  /** The version of the tool: an index stored by another version is not used. */
  readonly version?: string;
  /** The stored bytes (UTF-8), or undefined when there are none. */
  read(): Promise<Uint8Array | undefined>;
  write(bytes: Uint8Array): Promise<void>;
}

/** Figures of the last full build. */
export interface BuildStats {
  readonly files: number;
  /** Notes read and parsed. */
  readonly parsed: number;
  /** Notes whose hash was unchanged, so their stored prose was reused. */
  readonly reused: number;
  readonly ms: number;
}

/** What the index needs from its host. */
export interface NotesIndexOptions {
  readonly workspace: Pick<ServiceWorkspace, 'findNotes'>;
  readonly reader: ProseReader;
  readonly glossary: () => GlossaryState;
  readonly maxChars: () => number;
  readonly storage?: IndexStorage;
  readonly log: Logger;
}

interface Matched {
  readonly generation: number;
  readonly ids: readonly string[];
  readonly summary?: FileSummary;
}

interface Note {
  readonly hash: string;
  readonly prose: NoteProse;
  /** The entries the note uses, as stored by an earlier session, and the fingerprint of the glossary it used. */
  readonly stored?: { readonly fingerprint: string; readonly ids: readonly string[] };
}

/**
 * Every Markdown note of the workspace and the concepts it uses, for references and usage counts. It keeps each
 * note's prose, so a glossary change re-matches the notes (in slices) instead of reading and parsing them again;
 * the prose is persisted by content hash, so re-opening a workspace parses only notes that changed; and the entries
 * each note uses are persisted with the glossary's fingerprint, so re-opening with the same glossary matches a
 * note only when its occurrences are asked for (usage counts need none).
 *
 * Reads may overlap (a save during a build, a build during a build): each read of a note is numbered, and only
 * the result of the latest read of a note is kept, so the index always ends equal to a fresh build.
 */
export class NotesIndex implements Disposable {
  private readonly notes = new Map<string, Note>();
  /**
   * What matching each note with the glossary of `generation` gave: the entries it uses, and its occurrences only
   * where someone asked for them (references). The re-match of every note keeps just the ids, so ten thousand notes'
   * occurrences never pile up in memory (nor in the young generation the host's collector copies).
   */
  private readonly matched = new Map<string, Matched>();
  /** The number of the latest read (or deletion) of each note. */
  private readonly latest = new Map<string, number>();
  private seq = 0;
  private counts: { generation: number; seq: number; edits: number; map: Map<string, number> } | undefined;
  private building: { promise: Promise<BuildStats>; cancelled: boolean } | undefined;
  private loaded: Promise<void> | undefined;
  private readonly changed = new Emitter<void>();
  private readonly notify = new Debouncer(() => this.changed.fire());
  private readonly saver = new Debouncer(() => void this.save());
  private readonly started = new Emitter<Promise<BuildStats>>();
  /** Changes to the notes' prose (a note read or dropped): counts made before the last one are stale. */
  private edits = 0;
  /** Writing the stored index failed: it is not tried again this session. */
  private unsaved = false;
  /** Numbers of the last save started and of the last one that ended. */
  private readonly saves = { started: 0, finished: 0 };
  /** The re-match after a build or a glossary change, while it runs, and how many were started. */
  private rematching: Promise<void> | undefined;
  private rematches = 0;
  /** Figures of the last full build. */
  lastBuild: BuildStats = { files: 0, parsed: 0, reused: 0, ms: 0 };

  /** Fires (debounced) when uses or usage counts may have changed. */
  readonly onDidChange = this.changed.event;
  /** Fires when a full build starts, with its promise (for progress indicators). */
  readonly onDidStartBuild = this.started.event;

  constructor(private readonly options: NotesIndexOptions) {}

  /** Number of notes indexed. */
  get size(): number {
    return this.notes.size;
  }

  /** Re-indexes every note (reading only notes that changed); a new call cancels a running one. */
  rebuild(): Promise<BuildStats> {
    if (this.building) this.building.cancelled = true;
    const run: { promise: Promise<BuildStats>; cancelled: boolean } = { promise: Promise.resolve(this.lastBuild), cancelled: false };
    run.promise = this.build(run);
    this.building = run;
    this.started.fire(run.promise);
    return run.promise;
  }

  /** Resolves when the latest build and re-match have finished (starting a build if none ran yet). */
  async ready(): Promise<void> {
    if (!this.building) this.rebuild();
    while (this.building) {
      const b = this.building;
      await b.promise;
      await this.rematching;
      if (this.building === b) return;
    }
  }

  private async build(run: { cancelled: boolean }): Promise<BuildStats> {
    const t0 = Date.now();
    const before = this.seq;
    await (this.loaded ??= this.load());
    const uris = await this.options.workspace.findNotes();
    if (run.cancelled) return this.lastBuild;
    const present = new Set(uris);
    // Notes gone since; a note read after the build began (a save, a creation) is newer than this list.
    for (const uri of [...this.notes.keys()]) if (!present.has(uri) && (this.latest.get(uri) ?? 0) <= before) this.drop(uri);
    const counts = await this.read(uris, () => run.cancelled);
    if (run.cancelled) return this.lastBuild;
    // Match the notes read in slices now, rather than all at once when someone first asks for counts.
    void this.rematch();
    this.lastBuild = { files: uris.length, ...counts, ms: Date.now() - t0 };
    this.options.log.info(`notes indexed: ${uris.length} files, ${counts.parsed} parsed, ${counts.reused} unchanged, ${this.lastBuild.ms} ms`);
    this.changedNow();
    return this.lastBuild;
  }

  /** Reads notes that were created or changed on disk. */
  async update(uris: readonly string[]): Promise<void> {
    await (this.loaded ??= this.load());
    await this.read(uris, () => false);
    this.changedNow();
  }

  /** Forgets a note that was deleted; a read of it still running is ignored. */
  delete(uri: string): void {
    this.latest.set(uri, ++this.seq);
    if (this.drop(uri)) this.changedNow();
  }

  private drop(uri: string): boolean {
    this.matched.delete(uri);
    this.edits++;
    return this.notes.delete(uri);
  }

  private async read(uris: readonly string[], cancelled: () => boolean): Promise<{ parsed: number; reused: number }> {
    const counts = { parsed: 0, reused: 0 };
    const mine = new Map<string, number>();
    for (const uri of uris) {
      mine.set(uri, ++this.seq);
      this.latest.set(uri, this.seq);
    }
    const requests = uris.map((uri) => ({ uri, knownHash: this.notes.get(uri)?.hash }));
    await this.options.reader.read(requests, this.options.maxChars(), (r) => {
      if (this.latest.get(r.uri) !== mine.get(r.uri)) return; // a later read of this note wins
      const kind = this.apply(r);
      if (kind) counts[kind]++;
    }, cancelled);
    return counts;
  }

  private apply(r: ProseResult): 'parsed' | 'reused' | undefined {
    if ('unchanged' in r) return this.notes.get(r.uri)?.hash === r.hash ? 'reused' : undefined;
    this.matched.delete(r.uri);
    this.edits++;
    if ('prose' in r) {
      this.notes.set(r.uri, { hash: r.hash, prose: r.prose });
      return 'parsed';
    }
    this.notes.delete(r.uri);
    if ('error' in r) this.options.log.warn(`could not read ${r.uri}: ${r.error}`);
    return undefined;
  }

  /** A note's occurrences grouped by entry, matched with the current glossary (and kept). */
  private summary(uri: string): FileSummary | undefined {
    const cached = this.current(uri)?.summary;
    return cached ?? this.match(uri, true)?.summary;
  }

  /** The entries a note uses with the current glossary, matching it if need be (and keeping only the ids). */
  private matchedIds(uri: string): readonly string[] | undefined {
    return this.idsOf(uri) ?? this.match(uri, false)?.ids;
  }

  private match(uri: string, keepOccurrences: boolean): Matched | undefined {
    const note = this.notes.get(uri);
    if (!note) return undefined;
    const g = this.options.glossary();
    const summary = summarize(note.hash, matchNoteProse(note.prose, g.index.matcher));
    const m: Matched = { generation: g.generation, ids: [...summary.byEntry.keys()], ...(keepOccurrences ? { summary } : {}) };
    this.matched.set(uri, m);
    return m;
  }

  /** Every use of an entry, note by note in URI order (matching only notes that may use it). */
  usesOf(entryId: string): { uri: string; occurrences: readonly Occurrence[] }[] {
    const out: { uri: string; occurrences: readonly Occurrence[] }[] = [];
    for (const uri of [...this.notes.keys()].sort()) {
      if (this.idsOf(uri)?.includes(entryId) === false) continue;
      const occ = this.summary(uri)?.byEntry.get(entryId);
      if (occ?.length) out.push({ uri, occurrences: occ });
    }
    return out;
  }

  /**
   * How many notes use each entry. While a re-match runs (after a build or a glossary change), notes not yet
   * re-matched count as they did before it, or not at all when new (so asking never matches the whole workspace at
   * once); it tells listeners when done.
   */
  fileCounts(): ReadonlyMap<string, number> {
    const generation = this.options.glossary().generation;
    if (this.countsHold(this.counts, generation)) return this.counts!.map;
    const map = new Map<string, number>();
    const until = Date.now() + INDEX_SLICE_MS;
    let partial = this.rematching !== undefined;
    for (const uri of this.notes.keys()) {
      const ids = partial || Date.now() > until ? this.idsOf(uri) : this.matchedIds(uri);
      if (!ids && !partial) {
        // Not matched yet and no time left: it counts as it did before (or not at all) until the re-match is done.
        partial = true;
        void this.rematch();
      }
      tally(map, ids ?? this.matched.get(uri)?.ids ?? []);
    }
    if (partial) return map;
    this.counts = { generation, seq: this.seq, edits: this.edits, map };
    return map;
  }

  /** Whether `counts` were made from the notes as they are, with the glossary of `generation`. */
  private countsHold(counts: NotesIndex['counts'], generation: number): boolean {
    return counts?.generation === generation && counts.seq === this.seq && counts.edits === this.edits;
  }

  /**
   * Counts every note's entries in slices after a re-match, so that the first {@link fileCounts} after a build
   * (the sidebar asks at once) answers from what is at hand instead of counting ten thousand notes in one task.
   */
  private async countAll(mine: number): Promise<void> {
    const made = { generation: this.options.glossary().generation, seq: this.seq, edits: this.edits, map: new Map<string, number>() };
    const due = sliceClock(INDEX_SLICE_MS);
    for (const uri of [...this.notes.keys()]) {
      if (this.rematches !== mine) return;
      tally(made.map, this.idsOf(uri) ?? []);
      if (due()) await yieldToHost();
    }
    if (this.rematches === mine && this.countsHold(made, this.options.glossary().generation)) this.counts = made;
  }

  /** The entries a note uses with the current glossary, if known without matching it. */
  private idsOf(uri: string): readonly string[] | undefined {
    return this.current(uri)?.ids ?? this.storedIds(uri);
  }

  /** The entries a note uses as stored by an earlier session, if it used the current glossary. */
  private storedIds(uri: string): readonly string[] | undefined {
    const stored = this.notes.get(uri)?.stored;
    return stored && stored.fingerprint === this.options.glossary().fingerprint?.() ? stored.ids : undefined;
  }

  /** What matching a note gave, if it was matched with the current glossary. */
  private current(uri: string): Matched | undefined {
    const m = this.matched.get(uri);
    return m?.generation === this.options.glossary().generation ? m : undefined;
  }

  /** How many notes' occurrences are held in memory (only those asked for since they were matched). */
  get notesWithOccurrences(): number {
    let n = 0;
    for (const uri of this.notes.keys()) if (this.current(uri)?.summary) n++;
    return n;
  }

  /** Every note's occurrences (by entry id, counted), for comparing two indexes in tests. */
  snapshot(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const uri of [...this.notes.keys()].sort()) {
      const byEntry = this.summary(uri)!.byEntry;
      out[uri] = Object.fromEntries([...byEntry].map(([id, occ]) => [id, occ.length]).sort());
    }
    return out;
  }

  /** After a build or a glossary change: matches every note not matched yet, in slices, then tells listeners. */
  rematch(): Promise<void> {
    const run: Promise<void> = this.rematchAll().then(() => {
      if (this.rematching !== run) return; // a later glossary change started another
      this.rematching = undefined;
      this.changed.fire();
      this.scheduleSave(); // with every note's entries, under this glossary
    });
    this.rematching = run;
    return run;
  }

  private async rematchAll(): Promise<void> {
    const mine = ++this.rematches;
    const due = sliceClock(INDEX_SLICE_MS);
    for (const uri of [...this.notes.keys()]) {
      if (this.rematches !== mine) return; // a later build or glossary change started another
      this.matchedIds(uri);
      if (due()) await yieldToHost();
    }
    await this.countAll(mine);
  }

  private changedNow(): void {
    this.notify.schedule(200);
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.options.storage && !this.unsaved) this.saver.schedule(INDEX_SAVE_DELAY_MS);
  }

  private async load(): Promise<void> {
    const storage = this.options.storage;
    if (!storage) return;
    let stored: StoredIndex | string | undefined;
    try {
      const bytes = await storage.read();
      stored = bytes?.length ? await decodeIndex(bytes, storage.version, true) : undefined;
    } catch (e) {
      stored = `it could not be read (${(e as Error).message})`;
    }
    if (typeof stored === 'string') return this.options.log.warn(`the stored notes index was discarded and is rebuilt: ${stored}`);
    if (!stored) return;
    const fingerprint = stored.matched;
    // In slices: ten thousand notes are more than one task. A note read, changed or deleted meanwhile is newer than
    // what was stored, and keeps its state.
    const due = sliceClock(INDEX_SLICE_MS);
    for (const [uri, f] of Object.entries(stored.notes)) {
      if (!this.notes.has(uri) && !this.latest.has(uri)) {
        this.notes.set(uri, { hash: f.hash, prose: f.prose, ...(fingerprint !== undefined && f.ids ? { stored: { fingerprint, ids: f.ids } } : {}) });
      }
      if (due()) await yieldToHost();
    }
  }

  /**
   * Writes the index to its storage, in slices unless the index is being disposed of. A save started later (the one
   * at dispose) supersedes one still encoding, which then writes nothing.
   */
  private async save(sliced = true): Promise<void> {
    if (!this.options.storage || this.unsaved) return;
    const mine = ++this.saves.started;
    const matched = this.options.glossary().fingerprint?.();
    const notes: Record<string, StoredNote> = {};
    const due = sliced ? sliceClock(INDEX_SLICE_MS) : () => false;
    for (const [uri, n] of [...this.notes]) {
      const ids = matched === undefined ? undefined : this.idsOf(uri);
      notes[uri] = { hash: n.hash, prose: n.prose, ...(ids ? { ids: [...ids].sort() } : {}) };
      if (due()) await yieldToHost();
    }
    if (mine !== this.saves.started) return;
    try {
      const bytes = await encodeIndex({ matched, notes }, this.options.storage.version, sliced);
      if (mine !== this.saves.started) return;
      await this.options.storage.write(bytes);
    } catch (e) {
      this.unsaved = true;
      this.saver.cancel();
      this.options.log.warn(`the notes index will not be kept between sessions: it could not be saved (${(e as Error).message})`);
    } finally {
      if (mine === this.saves.started) this.saves.finished = mine;
    }
  }

  dispose(): void {
    if (this.building) this.building.cancelled = true;
    this.notify.dispose();
    // A save that is due, or one still encoding in slices, is done now, at once: the session may end next.
    if (this.saver.pending || this.saves.finished !== this.saves.started) {
      this.saver.cancel();
      void this.save(false);
    }
    this.changed.dispose();
    this.started.dispose();
    this.options.reader.dispose?.();
  }
}

/** Counts each of a note's entries once more in `counts`. */
function tally(counts: Map<string, number>, ids: Iterable<string>): void {
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
}
