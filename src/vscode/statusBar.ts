import * as vscode from 'vscode';
import type { GlossaryService } from '../core/service';
import { chapterTitle, isNote, toDoc } from './convert';

/** A status bar item with the number of concepts in the current chapter; clicking it lists them. */
export class ConceptStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('llmGlossary.concepts', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private visible = false;

  constructor(
    private readonly service: GlossaryService,
    private readonly enabled: () => boolean,
  ) {
    this.item.name = vscode.l10n.t('LLM Glossary concepts');
    this.item.command = 'llmGlossary.listChapterConcepts';
    const later = () => this.schedule();
    this.disposables = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(later),
      vscode.window.onDidChangeTextEditorSelection(later),
      vscode.workspace.onDidChangeTextDocument(later),
      service.onDidChangeGlossary(later),
      service.onDidChangeViewState(later),
    ];
    this.update();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 150);
  }

  /** The text shown now (for tests). */
  get text(): string | undefined {
    return this.enabled() && this.visible ? this.item.text : undefined;
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    this.visible = this.enabled() && !!editor && isNote(editor.document);
    if (!this.visible || !editor) return this.item.hide();
    const view = this.service.chapter(toDoc(editor.document), editor.selection.active.line);
    if (view.skipped) {
      this.item.text = `$(book) ${vscode.l10n.t('not scanned')}`;
      this.item.tooltip = vscode.l10n.t('Terms in this note are not annotated: it is {0}. See the setting llmGlossary.maxFileSize.', view.skipped);
    } else {
      const n = view.concepts.length;
      this.item.text = `$(book) ${vscode.l10n.t('{0} concepts', n)}`;
      this.item.tooltip = vscode.l10n.t('{0} glossary concepts in {1}. Click to list them.', n, chapterTitle(view));
    }
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
