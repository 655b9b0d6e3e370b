import * as vscode from 'vscode';
import { scanDocument } from '../core/scanner';
import { summarize, WorkspaceIndex } from '../core/workspaceIndex';
import type { Occurrence } from '../core/scanner';
import { isNote, type DocumentScans } from './documentScans';
import type { GlossaryStore } from './glossaryStore';

export const NOTES_GLOB = '**/*.{md,markdown}';
const EXCLUDE = '**/{node_modules,.git}/**';

/**
 * Every Markdown note of the workspace and the concepts it uses, for Find All References and usage counts. Saved
 * files are read from disk and rescanned when they change; open documents are taken from the editor as they are.
 */
export class WorkspaceNotes implements vscode.Disposable {
  readonly index = new WorkspaceIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private building: Promise<void> | undefined;
  private cancel: vscode.CancellationTokenSource | undefined;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  /** Fires (debounced) when usage counts may have changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly store: GlossaryStore,
    private readonly scans: DocumentScans,
    private readonly maxFileSize: () => number,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(NOTES_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => void this.updateFile(u)),
      watcher.onDidChange((u) => void this.updateFile(u)),
      watcher.onDidDelete((u) => {
        if (this.index.delete(u.toString())) this.fireChanged();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (isNote(d)) void this.updateFile(d.uri);
      }),
      vscode.workspace.onDidRenameFiles(() => void this.rebuild()),
      store.onDidChange(() => void this.rebuild()),
    );
  }

  /** Scans every note in the background, with progress in the status bar; a new call cancels a running one. */
  rebuild(): Promise<void> {
    this.cancel?.cancel();
    const cts = (this.cancel = new vscode.CancellationTokenSource());
    this.building = Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing notes for LLM Glossary') }, async () => {
        const uris = await vscode.workspace.findFiles(NOTES_GLOB, EXCLUDE, undefined, cts.token);
        const fresh = new Set(uris.map((u) => u.toString()));
        for (const key of this.index.uris()) if (!fresh.has(key)) this.index.delete(key);
        let lastYield = Date.now();
        for (const uri of uris) {
          if (cts.token.isCancellationRequested) return;
          await this.updateFile(uri, false);
          if (Date.now() - lastYield > 20) {
            await new Promise((r) => setImmediate(r));
            lastYield = Date.now();
          }
        }
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

  private async updateFile(uri: vscode.Uri, notify = true): Promise<void> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > this.maxFileSize()) {
        this.index.delete(uri.toString());
        return;
      }
      const key = `${stat.mtime}:${stat.size}:${this.store.generation}`;
      if (this.index.get(uri.toString())?.key === key) return;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      if (text.includes('\u0000')) return;
      this.index.set(uri.toString(), summarize(key, scanDocument(text, this.store.glossary).occurrences));
      if (notify) this.fireChanged();
    } catch {
      if (this.index.delete(uri.toString()) && notify) this.fireChanged();
    }
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
    for (const d of this.disposables) d.dispose();
  }
}
