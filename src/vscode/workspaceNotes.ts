import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { Occurrence } from '../core/scanner';
import { DEFAULT_LIMITS } from '../core/limits';
import { scanNoteText } from '../core/scanner';
import { summarize, WorkspaceIndex } from '../core/workspaceIndex';
import { ScanPool, ScanPoolClosedError } from '../node/scanPool';
import { isNote, type DocumentScans } from './documentScans';
import type { GlossaryStore } from './glossaryStore';

export const NOTES_GLOB = '**/*.{md,markdown}';
const EXCLUDE = '**/{node_modules,.git}/**';
const CACHE_FILE = 'notes-index-v1.json';

/** An occurrence as stored in the persisted index. */
type StoredOccurrence = [entryId: string, start: number, end: number, line: number, column: number, endLine: number, endColumn: number, text: string];
interface StoredIndex {
  glossaryKey: string;
  files: Record<string, { hash: string; occ: StoredOccurrence[] }>;
}

const pack = (o: Occurrence): StoredOccurrence => [o.entryId, o.start, o.end, o.line, o.column, o.endLine, o.endColumn, o.text];
const unpack = ([entryId, start, end, line, column, endLine, endColumn, text]: StoredOccurrence): Occurrence => ({ entryId, start, end, line, column, endLine, endColumn, text });

/**
 * Every Markdown note of the workspace and the concepts it uses, for Find All References and usage counts. Notes
 * on disk are read and scanned by a worker thread, never on the extension host's thread; the result is persisted
 * by content hash in the extension's storage, so re-opening a workspace re-parses only notes that changed. Open
 * documents are taken from the editor as they are.
 */
export class WorkspaceNotes implements vscode.Disposable {
  readonly index = new WorkspaceIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private building: Promise<void> | undefined;
  private cancel: vscode.CancellationTokenSource | undefined;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private pool: { generation: number; pool: ScanPool } | undefined;
  private stored: StoredIndex | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Figures of the last build, for the output channel and benchmarks. */
  lastBuild = { files: 0, parsed: 0, reused: 0, ms: 0 };

  /** Fires (debounced) when usage counts may have changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly store: GlossaryStore,
    private readonly scans: DocumentScans,
    private readonly maxFileSize: () => number,
    private readonly storage: vscode.Uri | undefined,
    private readonly extensionUri: vscode.Uri,
    private readonly log?: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(NOTES_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => void this.updateFiles([u])),
      watcher.onDidChange((u) => void this.updateFiles([u])),
      watcher.onDidDelete((u) => {
        if (this.index.delete(u.toString())) this.fireChanged();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (isNote(d)) void this.updateFiles([d.uri]);
      }),
      vscode.workspace.onDidRenameFiles(() => void this.rebuild()),
      store.onDidChange(() => void this.rebuild()),
    );
  }

  private glossaryKey(): string {
    return createHash('sha1').update(JSON.stringify(this.store.glossary.patterns)).digest('hex');
  }

  private async loadStored(): Promise<StoredIndex | undefined> {
    if (!this.storage) return undefined;
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.storage, CACHE_FILE));
      const data = JSON.parse(new TextDecoder().decode(bytes)) as StoredIndex;
      return data && typeof data.files === 'object' ? data : undefined;
    } catch {
      return undefined;
    }
  }

  private scheduleSave(): void {
    if (!this.storage) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), 1000);
  }

  private async save(): Promise<void> {
    if (!this.storage || !this.stored) return;
    try {
      await vscode.workspace.fs.createDirectory(this.storage);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.storage, CACHE_FILE), new TextEncoder().encode(JSON.stringify(this.stored)));
    } catch (e) {
      this.log?.warn(`could not save the notes index: ${(e as Error).message}`);
    }
  }

  private workerPool(): ScanPool | undefined {
    if (this.pool?.generation === this.store.generation) return this.pool.pool;
    void this.pool?.pool.close();
    try {
      const script = vscode.Uri.joinPath(this.extensionUri, 'dist', 'scanWorker.js').fsPath;
      this.pool = { generation: this.store.generation, pool: new ScanPool({ patterns: this.store.glossary.patterns, size: 1, script, batch: 2 }) };
      return this.pool.pool;
    } catch (e) {
      this.log?.warn(`no worker thread for the notes index, scanning in-process: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** Indexes every note in the background, with progress in the status bar; a new call cancels a running one. */
  rebuild(): Promise<void> {
    this.cancel?.cancel();
    const cts = (this.cancel = new vscode.CancellationTokenSource());
    this.building = Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing notes for LLM Glossary') }, async () => {
        const started = Date.now();
        const uris = await vscode.workspace.findFiles(NOTES_GLOB, EXCLUDE, undefined, cts.token);
        if (cts.token.isCancellationRequested) return;
        const fresh = new Set(uris.map((u) => u.toString()));
        for (const key of this.index.uris()) if (!fresh.has(key)) this.index.delete(key);
        const key = this.glossaryKey();
        if (!this.stored) this.stored = await this.loadStored();
        if (!this.stored || this.stored.glossaryKey !== key) this.stored = { glossaryKey: key, files: {} };
        for (const k of Object.keys(this.stored.files)) if (!fresh.has(k)) delete this.stored.files[k];
        const counts = await this.updateFiles(uris, cts.token, false);
        this.lastBuild = { files: uris.length, ...counts, ms: Date.now() - started };
        this.log?.info(`notes indexed: ${uris.length} files, ${counts.parsed} parsed, ${counts.reused} unchanged, ${this.lastBuild.ms} ms`);
        this.scheduleSave();
        this.fireChanged();
      }),
    );
    return this.building;
  }

  /** Resolves when the current build has finished. */
  async ready(): Promise<void> {
    if (!this.building) await this.rebuild();
    await this.building;
  }

  private async updateFiles(uris: readonly vscode.Uri[], token?: vscode.CancellationToken, notify = true): Promise<{ parsed: number; reused: number }> {
    const counts = { parsed: 0, reused: 0 };
    const stored = this.stored;
    const onDisk = uris.filter((u) => u.scheme === 'file');
    const pool = onDisk.length ? this.workerPool() : undefined;
    const rest = pool ? uris.filter((u) => u.scheme !== 'file') : [...uris];
    if (pool) {
      const generation = this.store.generation;
      await pool.scan(
        onDisk.map((u) => ({ key: u.toString(), path: u.fsPath, knownHash: stored?.files[u.toString()]?.hash })),
        this.maxFileSize(),
        (r) => {
          if (generation !== this.store.generation) return;
          if (r.unchanged && stored?.files[r.key]) {
            counts.reused++;
            if (this.index.get(r.key)?.key !== r.hash) this.index.set(r.key, summarize(r.hash!, stored.files[r.key].occ.map(unpack)));
          } else if (r.scan && r.hash) {
            counts.parsed++;
            this.index.set(r.key, summarize(r.hash, r.scan.occurrences));
            if (stored) stored.files[r.key] = { hash: r.hash, occ: r.scan.occurrences.map(pack) };
          } else {
            this.index.delete(r.key);
            if (stored) delete stored.files[r.key];
          }
        },
        () => token?.isCancellationRequested === true,
      ).catch((e) => {
        // A glossary change closes the pool; the rebuild it starts scans everything again.
        if (!(e instanceof ScanPoolClosedError)) throw e;
      });
    }
    // Other file systems (virtual workspaces): read through VS Code and scan here, yielding between files.
    let lastYield = Date.now();
    for (const uri of rest) {
      if (token?.isCancellationRequested) break;
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const r = scanNoteText(text, this.store.glossary, { ...DEFAULT_LIMITS, maxChars: this.maxFileSize() });
        if ('scan' in r) {
          this.index.set(uri.toString(), summarize(String(text.length), r.scan.occurrences));
          counts.parsed++;
        } else this.index.delete(uri.toString());
      } catch {
        this.index.delete(uri.toString());
      }
      if (Date.now() - lastYield > 20) {
        await new Promise((r) => setImmediate(r));
        lastYield = Date.now();
      }
    }
    if (notify) {
      this.scheduleSave();
      this.fireChanged();
    }
    return counts;
  }

  /** Every use of an entry: saved notes from the index, open Markdown documents as they are in the editor. */
  async usesOf(entryId: string): Promise<{ uri: vscode.Uri; occurrences: readonly Occurrence[] }[]> {
    await this.ready();
    const open = vscode.workspace.textDocuments.filter(isNote);
    const openKeys = new Set(open.map((d) => d.uri.toString()));
    const out: { uri: vscode.Uri; occurrences: readonly Occurrence[] }[] = [];
    for (const u of this.index.usesOf(entryId)) if (!openKeys.has(u.uri)) out.push({ uri: vscode.Uri.parse(u.uri), occurrences: u.occurrences });
    for (const d of open) {
      const occ = this.scans.get(d).scan.occurrences.filter((o) => o.entryId === entryId);
      if (occ.length) out.push({ uri: d.uri, occurrences: occ });
    }
    return out.sort((a, b) => (a.uri.toString() < b.uri.toString() ? -1 : 1));
  }

  private fireChanged(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => this.changed.fire(), 200);
  }

  dispose(): void {
    this.cancel?.cancel();
    if (this.changeTimer) clearTimeout(this.changeTimer);
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      void this.save();
    }
    void this.pool?.pool.close();
    for (const d of this.disposables) d.dispose();
  }
}
