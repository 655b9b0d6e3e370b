import * as vscode from 'vscode';
import { TERMINOLOGY_DEBOUNCE_MS, type GlossaryService, type TermFinding, type TermFix, type TextEdit } from '../core/service';
import { isNote, toDoc } from './convert';

/** Terminology findings in the Problems panel (source `llm-glossary`, code = rule), and their quick fixes. */
export interface TerminologyFeature extends vscode.Disposable {
  /** Recomputes the diagnostics of every open note (after a settings change). */
  refreshAll(): void;
}

const SEVERITY = { information: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint };

function message(f: TermFinding, chapterScope: boolean): string {
  const a = f.args;
  switch (f.rule) {
    case 'mixed-renderings': {
      const head = chapterScope
        ? vscode.l10n.t('"{0}" is written {1} ways in this chapter: {2}', a.concept, a.forms.length, a.forms.join(', '))
        : vscode.l10n.t('"{0}" is written {1} ways in this note: {2}', a.concept, a.forms.length, a.forms.join(', '));
      return a.preferred ? `${head}${vscode.l10n.t('; the glossary prefers {0}', a.preferred)}` : head;
    }
    case 'avoided-variant':
      return vscode.l10n.t('"{0}" is a form of "{1}" to avoid', a.form, a.concept) + (a.preferred ? vscode.l10n.t('; use {0}', a.preferred) : '');
    case 'first-use-expansion':
      return vscode.l10n.t('First use of {0} in this chapter without saying what it stands for; write {1}', a.form, a.preferred ?? '');
  }
}

function range(doc: vscode.TextDocument, r: { start: number; end: number }): vscode.Range {
  return new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end));
}

function diagnostic(doc: vscode.TextDocument, f: TermFinding, chapterScope: boolean): vscode.Diagnostic {
  const d = new vscode.Diagnostic(range(doc, f), message(f, chapterScope), SEVERITY[f.severity]);
  d.source = 'llm-glossary';
  d.code = f.rule;
  if (f.uses.length > 1) d.relatedInformation = f.uses.map((u) => new vscode.DiagnosticRelatedInformation(new vscode.Location(doc.uri, range(doc, u)), vscode.l10n.t('use: {0}', u.text)));
  return d;
}

function title(fix: TermFix): string {
  switch (fix.kind) {
    case 'replace-use':
      return vscode.l10n.t('Replace "{0}" with "{1}"', fix.from, fix.to);
    case 'replace-all':
      return vscode.l10n.t('Replace all {0} uses in this note with "{1}"', fix.count, fix.to);
    case 'allow':
      return vscode.l10n.t('Allow "{0}" in this note', fix.from);
    case 'introduce':
      return vscode.l10n.t('Write the introduction: {0}', fix.to);
  }
}

function workspaceEdit(doc: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  we.set(doc.uri, edits.map((e) => vscode.TextEdit.replace(range(doc, e), e.newText)));
  return we;
}

/** Registers the terminology diagnostics and quick fixes for Markdown notes. */
export function registerTerminology(selector: vscode.DocumentSelector, service: GlossaryService): TerminologyFeature {
  const collection = vscode.languages.createDiagnosticCollection('llm-glossary-terminology');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const publish = (doc: vscode.TextDocument) => {
    if (!isNote(doc)) return;
    const chapter = service.settings.terminology.scope === 'chapter';
    collection.set(doc.uri, service.terminology(toDoc(doc)).map((f) => diagnostic(doc, f, chapter)));
  };
  const later = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => timers.delete(key) && publish(doc), TERMINOLOGY_DEBOUNCE_MS));
  };
  // Visible notes first, at once; the other open documents one at a time after, so a reload never blocks a hover.
  const refreshAll = () => {
    const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document));
    visible.forEach(publish);
    for (const doc of vscode.workspace.textDocuments) if (!visible.has(doc)) later(doc);
  };
  const actions = vscode.languages.registerCodeActionsProvider(
    selector,
    {
      provideCodeActions(doc, r, context) {
        const out: vscode.CodeAction[] = [];
        const seen = new Set<string>();
        for (const { finding, fixes } of service.terminologyFixes(toDoc(doc), doc.offsetAt(r.start), doc.offsetAt(r.end))) {
          const diags = context.diagnostics.filter((d) => d.code === finding.rule && d.range.start.isEqual(doc.positionAt(finding.start)));
          for (const fix of fixes) {
            const key = `${title(fix)}|${JSON.stringify(fix.edits)}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const a = new vscode.CodeAction(title(fix), vscode.CodeActionKind.QuickFix);
            a.edit = workspaceEdit(doc, fix.edits);
            a.diagnostics = diags;
            a.isPreferred = fix.kind === 'replace-use' || fix.kind === 'introduce';
            out.push(a);
          }
        }
        return out;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
  const disposable = vscode.Disposable.from(
    collection,
    actions,
    vscode.workspace.onDidOpenTextDocument(publish),
    vscode.workspace.onDidChangeTextDocument((e) => later(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    service.onDidChangeGlossary(refreshAll),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  refreshAll();
  return { refreshAll, dispose: () => disposable.dispose() };
}
