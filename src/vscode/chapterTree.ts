import * as vscode from 'vscode';
import type { ConceptItem, GlossaryService, UseItem } from '../core/service';
import { chapterTitle, isNote, toDoc, toRange, toUri, untrustedMarkdown } from './convert';

type Node = { kind: 'concept'; entryId: string; concept: ConceptItem; uri: string } | { kind: 'use'; use: UseItem; uri: string };

/**
 * "This Chapter": the concepts of the chapter at the cursor of the active Markdown editor (or of the whole file,
 * by the service's chapter scope), with counts; each concept's children are its uses.
 */
export class ChapterTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastKey = '';
  /** The editor the view follows: the active one, or the last active Markdown editor. */
  private editor = vscode.window.activeTextEditor;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: GlossaryService) {
    this.view = vscode.window.createTreeView('llmGlossary.chapter', { treeDataProvider: this, showCollapseAll: true });
    this.disposables = [
      this.view,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (!e || isNote(e.document)) this.editor = e;
        this.schedule(0);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === this.editor && this.schedule(100)),
      vscode.workspace.onDidChangeTextDocument((e) => e.document === this.editor?.document && e.contentChanges.length && this.schedule(300)),
      service.onDidChangeGlossary(() => this.schedule(0, true)),
      service.onDidChangeViewState(() => {
        void vscode.commands.executeCommand('setContext', 'llmGlossary.chapterScope', service.chapterScope);
        this.schedule(0, true);
      }),
    ];
    void vscode.commands.executeCommand('setContext', 'llmGlossary.chapterScope', service.chapterScope);
    this.view.description = this.current().title;
  }

  /** The title and concepts the view shows now. */
  current(): { title: string; concepts: readonly ConceptItem[]; uri?: string; line?: number } {
    const e = this.editor;
    if (!e || !isNote(e.document) || e.document.isClosed) return { title: '', concepts: [] };
    const view = this.service.chapter(toDoc(e.document), e.selection.active.line);
    return { title: chapterTitle(view), concepts: view.concepts, uri: view.uri, line: view.line };
  }

  /** Re-renders (after a settings change). */
  refresh(): void {
    this.schedule(0, true);
  }

  private schedule(delay: number, force = false): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const cur = this.current();
      const key = `${cur.uri}|${this.editor?.document.version}|${cur.line}|${this.service.chapterScope}`;
      if (!force && key === this.lastKey) return;
      this.lastKey = key;
      this.view.description = cur.title;
      this.changed.fire(undefined);
    }, delay);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'use') {
      const item = new vscode.TreeItem(`${node.use.line}: ${node.use.snippet}`, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('location');
      item.command = { title: vscode.l10n.t('Reveal'), command: 'llmGlossary.revealOccurrence', arguments: [toUri(node.uri), toRange(node.use.range)] };
      item.tooltip = vscode.l10n.t('Line {0}, column {1}', node.use.line, node.use.column);
      return item;
    }
    const c = node.concept;
    const item = new vscode.TreeItem(c.label, vscode.TreeItemCollapsibleState.Collapsed);
    const known = this.service.isKnown(c.id);
    item.description = [known ? '✓' : '', c.secondary, String(c.uses.length)].filter(Boolean).join(' · ');
    item.tooltip = untrustedMarkdown(c.tooltip);
    item.iconPath = new vscode.ThemeIcon(c.basic ? 'symbol-constant' : 'symbol-keyword');
    item.contextValue = known ? 'entry.known' : 'entry';
    item.id = `${node.uri}#${c.id}`;
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (node) return node.kind === 'concept' ? node.concept.uses.map((use) => ({ kind: 'use', use, uri: node.uri })) : [];
    const cur = this.current();
    return cur.uri ? cur.concepts.map((concept) => ({ kind: 'concept', entryId: concept.id, concept, uri: cur.uri! })) : [];
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
