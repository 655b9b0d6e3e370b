import * as vscode from 'vscode';
import { firstPerSection, occurrencesBetween } from '../core/occurrences';
import type { Occurrence } from '../core/scanner';
import type { Config } from './config';
import { toRange } from './convert';
import { isNote, type DocumentScans } from './documentScans';
import type { GlossaryStore } from './glossaryStore';

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
  private readonly type = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted',
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly disposables: vscode.Disposable[] = [this.type];
  private readonly timers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  /** What each editor shows now, for tests and for skipping identical updates. */
  private readonly shown = new WeakMap<vscode.TextEditor, vscode.Range[]>();

  constructor(
    private readonly scans: DocumentScans,
    store: GlossaryStore,
    private config: () => Config,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.update(e))),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.schedule(e.textEditor, 50)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        for (const ed of vscode.window.visibleTextEditors) if (ed.document === e.document) this.schedule(ed, EDIT_DELAY_MS);
      }),
      store.onDidChange(() => this.refreshAll()),
    );
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
    const t = this.timers.get(editor);
    if (t) clearTimeout(t);
    this.timers.set(
      editor,
      setTimeout(() => {
        this.timers.delete(editor);
        this.update(editor);
      }, delay),
    );
  }

  update(editor: vscode.TextEditor): void {
    if (!isNote(editor.document)) return;
    const cfg = this.config();
    let ranges: vscode.Range[] = [];
    if (cfg.decorations !== 'off') {
      const { scan } = this.scans.get(editor.document);
      const store = this.scans.glossaryOf();
      let occ: readonly Occurrence[] = scan.occurrences;
      if (!cfg.decorateBasic) occ = occ.filter((o) => store.get(o.entryId)?.level !== 'basic');
      if (cfg.decorations === 'firstInSection') occ = firstPerSection(occ, scan.headings.map((h) => h.line));
      const doc = editor.document;
      for (const v of editor.visibleRanges) {
        const start = doc.offsetAt(new vscode.Position(Math.max(0, v.start.line - MARGIN_LINES), 0));
        const end = doc.offsetAt(new vscode.Position(v.end.line + MARGIN_LINES + 1, 0));
        for (const o of occurrencesBetween(occ, start, end)) ranges.push(toRange(o));
      }
      if (editor.visibleRanges.length > 1) ranges = dedupe(ranges);
    }
    this.shown.set(editor, ranges);
    editor.setDecorations(this.type, ranges);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

function dedupe(ranges: vscode.Range[]): vscode.Range[] {
  const seen = new Set<string>();
  return ranges.filter((r) => {
    const k = `${r.start.line}:${r.start.character}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
