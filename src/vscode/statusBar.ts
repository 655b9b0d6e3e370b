import * as vscode from 'vscode';
import type { ChapterTree } from './chapterTree';
import type { Config } from './config';
import { isNote, type DocumentScans } from './documentScans';

/** A status bar item with the number of concepts in the current chapter; clicking it lists them. */
export class ConceptStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('llmGlossary.concepts', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly tree: ChapterTree,
    private readonly scans: DocumentScans,
    private readonly config: () => Config,
  ) {
    this.item.name = vscode.l10n.t('LLM Glossary concepts');
    this.item.command = 'llmGlossary.listChapterConcepts';
    this.disposables.push(
      tree.onDidChangeTreeData(() => this.schedule()),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
    );
    this.update();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 50);
  }

  /** The text shown now (for tests). */
  get text(): string | undefined {
    return this.config().statusBar && this.visible ? this.item.text : undefined;
  }

  private visible = false;

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!this.config().statusBar || !editor || !isNote(editor.document)) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const skipped = this.scans.get(editor.document).skipped;
    if (skipped) {
      this.item.text = `$(book) ${vscode.l10n.t('not scanned')}`;
      this.item.tooltip = vscode.l10n.t('Terms in this note are not annotated: it is {0}. See the setting llmGlossary.maxFileSize.', skipped);
    } else {
      const cur = this.tree.current();
      this.item.text = `$(book) ${vscode.l10n.t('{0} concepts', cur.concepts.length)}`;
      this.item.tooltip = cur.title
        ? vscode.l10n.t('{0} glossary concepts in {1}. Click to list them.', cur.concepts.length, cur.title)
        : vscode.l10n.t('Click to list the concepts of this chapter.');
    }
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
