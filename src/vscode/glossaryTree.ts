import * as vscode from 'vscode';
import { CATEGORIES, categoryLabel } from '../core/categories';
import type { GlossaryEntry } from '../core/glossary';
import { entryMatches } from '../core/glossarySearch';
import type { Config } from './config';
import type { GlossaryStore } from './glossaryStore';
import { entryTooltip, entryTreeLabel } from './treeItems';
import type { WorkspaceNotes } from './workspaceNotes';

type Node = { kind: 'category'; id: string; entries: GlossaryEntry[] } | { kind: 'entry'; entry: GlossaryEntry };

/**
 * "Glossary": every entry by category, with how many notes of the workspace use it. A filter narrows the tree to
 * entries whose names contain the filter text.
 */
export class GlossaryTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterText = '';
  private view?: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly store: GlossaryStore,
    private readonly notes: WorkspaceNotes,
    private readonly config: () => Config,
  ) {
    this.disposables.push(
      store.onDidChange(() => this.changed.fire(undefined)),
      notes.onDidChange(() => this.changed.fire(undefined)),
    );
    void vscode.commands.executeCommand('setContext', 'llmGlossary.glossaryFiltered', false);
  }

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    void vscode.commands.executeCommand('setContext', 'llmGlossary.glossaryFiltered', this.filterText !== '');
    if (this.view) this.view.description = this.filterText ? vscode.l10n.t('Filter: {0}', this.filterText) : undefined;
    this.changed.fire(undefined);
  }

  /** The categories and entries the tree shows now (for tests). */
  categories(): { id: string; entries: GlossaryEntry[] }[] {
    const byCat = new Map<string, GlossaryEntry[]>();
    for (const e of this.store.glossary.entries.values()) {
      if (!entryMatches(e, this.filterText)) continue;
      let list = byCat.get(e.category);
      if (!list) byCat.set(e.category, (list = []));
      list.push(e);
    }
    const order = CATEGORIES.map((c) => c.id);
    const ids = [...byCat.keys()].sort((a, b) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
    });
    return ids.map((id) => ({ id, entries: byCat.get(id)!.sort((a, b) => a.en.localeCompare(b.en)) }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const lang = this.config().language === 'en' ? 'en' : 'zh';
    if (node.kind === 'category') {
      const item = new vscode.TreeItem(categoryLabel(node.id, lang), this.filterText ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.entries.length);
      item.iconPath = new vscode.ThemeIcon('folder-library');
      item.id = `category:${node.id}:${this.filterText}`;
      return item;
    }
    const e = node.entry;
    const uses = this.notes.index.fileCounts().get(e.id) ?? 0;
    const item = new vscode.TreeItem(entryTreeLabel(e), vscode.TreeItemCollapsibleState.None);
    const names = e.zh ? e.en + (e.abbr ? ` (${e.abbr})` : '') : (e.abbr ?? '');
    item.description = [names, uses ? vscode.l10n.t('{0} notes', uses) : ''].filter(Boolean).join(' · ');
    item.tooltip = entryTooltip(e, this.config().language);
    item.iconPath = new vscode.ThemeIcon(e.builtin ? 'book' : 'account');
    item.contextValue = 'entry';
    item.id = `entry:${e.id}`;
    item.command = { title: vscode.l10n.t('Open Glossary Entry'), command: 'llmGlossary.openEntry', arguments: [e.id] };
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.categories().map((c) => ({ kind: 'category', id: c.id, entries: c.entries }));
    if (node.kind === 'category') return node.entries.map((entry) => ({ kind: 'entry', entry }));
    return [];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
