import * as vscode from 'vscode';
import type { GlossaryService } from '../core/service';
import { isNote, toDoc, toRange } from './convert';

/** Lines above and below the visible ranges that are decorated too, so scrolling shows no gaps. */
const MARGIN_LINES = 50;
/** Quiet time after the last edit before underlines are recomputed (typing, input-method composition). */
const EDIT_DELAY_MS = 300;

/**
 * A quiet dotted underline under recognised terms in the visible part of Markdown editors. After an edit the
 * existing underlines stay (VS Code moves them with the text) until typing pauses, so nothing flickers and a
 * composing input method is left alone.
 */
export class TermDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({ textDecoration: 'underline dotted', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
  private readonly timers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  /** What each editor shows now, for tests. */
  private readonly shown = new WeakMap<vscode.TextEditor, vscode.Range[]>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: GlossaryService) {
    this.disposables = [
      this.type,
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.update(e))),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.schedule(e.textEditor, 50)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) for (const ed of vscode.window.visibleTextEditors) if (ed.document === e.document) this.schedule(ed, EDIT_DELAY_MS);
      }),
      service.onDidChangeGlossary(() => this.refreshAll()),
    ];
    this.refreshAll();
  }

  refreshAll(): void {
    for (const e of vscode.window.visibleTextEditors) this.update(e);
  }

  /** The ranges currently underlined in an editor. */
  rangesIn(editor: vscode.TextEditor): readonly vscode.Range[] {
    return this.shown.get(editor) ?? [];
  }

  private schedule(editor: vscode.TextEditor, delay: number): void {
    clearTimeout(this.timers.get(editor));
    this.timers.set(editor, setTimeout(() => this.timers.delete(editor) && this.update(editor), delay));
  }

  private update(editor: vscode.TextEditor): void {
    const doc = editor.document;
    if (!isNote(doc)) return;
    const spans = editor.visibleRanges.map((v) => ({
      start: doc.offsetAt(new vscode.Position(Math.max(0, v.start.line - MARGIN_LINES), 0)),
      end: doc.offsetAt(new vscode.Position(v.end.line + MARGIN_LINES + 1, 0)),
    }));
    const ranges = this.service.underlines(toDoc(doc), spans).map(toRange);
    this.shown.set(editor, ranges);
    editor.setDecorations(this.type, ranges);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
