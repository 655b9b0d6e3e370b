import * as vscode from 'vscode';
import { groupByConcept, type ConceptUse } from '../core/concepts';
import { occurrencesIn } from '../core/chapters';
import type { GlossaryEntry } from '../core/glossary';
import type { Occurrence } from '../core/scanner';
import type { Config } from './config';
import { toRange } from './convert';
import { isNote, type DocumentScans } from './documentScans';
import type { GlossaryStore } from './glossaryStore';
import { entryTooltip, entryTreeLabel } from './treeItems';

export type ChapterScope = 'chapter' | 'file';

type Node = { kind: 'concept'; use: ConceptUse; uri: vscode.Uri } | { kind: 'occurrence'; occurrence: Occurrence; uri: vscode.Uri; line: string };

/**
 * "This Chapter": the concepts used in the chapter at the cursor of the active Markdown editor (or in the whole
 * file), with counts; each concept's children are its occurrences.
 */
export class ChapterTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private scope: ChapterScope = 'chapter';
  private view?: vscode.TreeView<Node>;
  private lastKey = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** The editor the view follows: the active one, or the last active Markdown editor. */
  private editor: vscode.TextEditor | undefined;

  constructor(
    private readonly scans: DocumentScans,
    private readonly store: GlossaryStore,
    private readonly config: () => Config,
  ) {
    this.editor = vscode.window.activeTextEditor;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (!e || isNote(e.document)) this.editor = e;
        this.schedule(0);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === this.editor) this.schedule(100);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.editor?.document && e.contentChanges.length) this.schedule(300);
      }),
      store.onDidChange(() => this.schedule(0, true)),
    );
    void vscode.commands.executeCommand('setContext', 'llmGlossary.chapterScope', this.scope);
  }

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
    this.updateDescription();
  }

  setScope(scope: ChapterScope): void {
    this.scope = scope;
    void vscode.commands.executeCommand('setContext', 'llmGlossary.chapterScope', scope);
    this.schedule(0, true);
  }

  /** The concepts the view shows now, or those of another editor's chapter at its cursor. */
  current(editor = this.editor): { title: string; concepts: ConceptUse[]; uri?: vscode.Uri } {
    if (!editor || !isNote(editor.document) || editor.document.isClosed) return { title: '', concepts: [] };
    const ds = this.scans.get(editor.document);
    if (this.scope === 'file') return { title: vscode.workspace.asRelativePath(editor.document.uri), concepts: groupByConcept(ds.scan.occurrences, this.store.glossary), uri: editor.document.uri };
    const chapter = this.scans.chapterAt(editor.document, editor.selection.active.line);
    if (!chapter) return { title: '', concepts: [], uri: editor.document.uri };
    const title = chapter.preamble ? (ds.scan.headings.length ? vscode.l10n.t('Before the first heading') : vscode.workspace.asRelativePath(editor.document.uri)) : chapter.title;
    return { title, concepts: groupByConcept(occurrencesIn(chapter, ds.scan.occurrences), this.store.glossary), uri: editor.document.uri };
  }

  private schedule(delay: number, force = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const e = this.editor;
      const ds = e && isNote(e.document) && !e.document.isClosed ? this.scans.get(e.document) : undefined;
      const chapter = e && ds ? this.scans.chapterAt(e.document, e.selection.active.line) : undefined;
      const key = `${e?.document.uri.toString()}|${e?.document.version}|${chapter?.line}|${this.scope}|${this.store.generation}`;
      if (!force && key === this.lastKey) return;
      this.lastKey = key;
      this.updateDescription();
      this.changed.fire(undefined);
    }, delay);
  }

  private updateDescription(): void {
    if (this.view) this.view.description = this.current().title;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'concept') {
      const e = node.use.entry;
      const item = new vscode.TreeItem(entryTreeLabel(e), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${secondaryName(e)}${secondaryName(e) ? ' · ' : ''}${node.use.occurrences.length}`;
      item.tooltip = entryTooltip(e, this.config().language);
      item.iconPath = new vscode.ThemeIcon(e.level === 'basic' ? 'symbol-constant' : 'symbol-keyword');
      item.contextValue = 'entry';
      item.id = `${node.uri.toString()}#${e.id}`;
      return item;
    }
    const o = node.occurrence;
    const item = new vscode.TreeItem(`${o.line}: ${node.line}`, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('location');
    item.command = { title: vscode.l10n.t('Reveal'), command: 'llmGlossary.revealOccurrence', arguments: [node.uri, toRange(o)] };
    item.tooltip = vscode.l10n.t('Line {0}, column {1}', o.line, o.column);
    return item;
  }

  getChildren(node?: Node): Node[] {
    const cur = this.current();
    if (!node) return cur.uri ? cur.concepts.map((use) => ({ kind: 'concept', use, uri: cur.uri! })) : [];
    if (node.kind !== 'concept') return [];
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === node.uri.toString());
    return node.use.occurrences.map((occurrence) => ({
      kind: 'occurrence',
      occurrence,
      uri: node.uri,
      line: doc ? snippet(doc.lineAt(occurrence.line - 1).text, occurrence.column - 1) : occurrence.text,
    }));
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function secondaryName(e: GlossaryEntry): string {
  return e.zh ? (e.abbr ? `${e.en} (${e.abbr})` : e.en) : (e.abbr && e.abbr !== e.en ? e.abbr : '');
}

/** A short piece of a line around a column. */
function snippet(line: string, column: number): string {
  const start = Math.max(0, column - 20);
  const text = line.slice(start, start + 60).trim();
  return (start > 0 ? '…' : '') + text + (line.length > start + 60 ? '…' : '');
}
