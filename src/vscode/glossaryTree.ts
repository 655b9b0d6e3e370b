import * as vscode from 'vscode';
import type { CategoryItem, EntryItem, GlossaryService } from '../core/service';
import { untrustedMarkdown } from './convert';

type Node = { kind: 'category'; category: CategoryItem } | { kind: 'entry'; entryId: string; entry: EntryItem & { uses: number } };

/** "Glossary": every entry by category, with how many notes use it, narrowed by the service's glossary filter. */
export class GlossaryTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: GlossaryService) {
    this.view = vscode.window.createTreeView('llmGlossary.glossary', { treeDataProvider: this, showCollapseAll: true });
    const refresh = () => this.changed.fire(undefined);
    this.disposables = [
      this.view,
      this.changed,
      service.onDidChangeGlossary(refresh),
      service.onDidChangeIndex(refresh),
      service.onDidChangeViewState(() => {
        const filter = service.glossaryFilter;
        void vscode.commands.executeCommand('setContext', 'llmGlossary.glossaryFiltered', filter !== '');
        this.view.description = filter ? vscode.l10n.t('Filter: {0}', filter) : undefined;
        refresh();
      }),
    ];
    void vscode.commands.executeCommand('setContext', 'llmGlossary.glossaryFiltered', false);
  }

  /** Re-renders (after a settings change). */
  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'category') {
      const filtered = this.service.glossaryFilter !== '';
      const item = new vscode.TreeItem(node.category.label, filtered ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.category.entries.length);
      item.iconPath = new vscode.ThemeIcon('folder-library');
      item.id = `category:${node.category.id}:${this.service.glossaryFilter}`;
      return item;
    }
    const e = node.entry;
    const item = new vscode.TreeItem(e.label, vscode.TreeItemCollapsibleState.None);
    const known = this.service.isKnown(e.id);
    item.description = [known ? '✓' : '', e.secondary, e.uses ? vscode.l10n.t('{0} notes', e.uses) : ''].filter(Boolean).join(' · ');
    item.tooltip = untrustedMarkdown(e.tooltip);
    item.iconPath = new vscode.ThemeIcon(e.builtin ? 'book' : 'account');
    item.contextValue = known ? 'entry.known' : 'entry';
    item.id = `entry:${e.id}`;
    item.command = { title: vscode.l10n.t('Open Glossary Entry'), command: 'llmGlossary.openEntry', arguments: [e.id] };
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.service.glossaryTree().map((category) => ({ kind: 'category', category }));
    return node.kind === 'category' ? node.category.entries.map((entry) => ({ kind: 'entry', entryId: entry.id, entry })) : [];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
