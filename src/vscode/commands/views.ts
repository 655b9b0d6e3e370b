import * as vscode from 'vscode';
import type { GlossaryService } from '../../core/service';

async function filterGlossary(service: GlossaryService, text?: unknown): Promise<number> {
  const value =
    typeof text === 'string' ? text : await vscode.window.showInputBox({ prompt: vscode.l10n.t('Show glossary entries whose names contain…'), value: service.glossaryFilter });
  return value === undefined ? service.glossaryTree().reduce((n, c) => n + c.entries.length, 0) : service.setGlossaryFilter(value);
}

async function reveal(uri: vscode.Uri, range: vscode.Range): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** The sidebar's commands: chapter or whole-file scope, the glossary filter, revealing a use. */
export function registerViewCommands(service: GlossaryService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('llmGlossary.chapterView.showFile', () => service.setChapterScope('file')),
    vscode.commands.registerCommand('llmGlossary.chapterView.showChapter', () => service.setChapterScope('chapter')),
    vscode.commands.registerCommand('llmGlossary.filterGlossary', (text?: unknown) => filterGlossary(service, text)),
    vscode.commands.registerCommand('llmGlossary.clearGlossaryFilter', () => service.setGlossaryFilter('')),
    vscode.commands.registerCommand('llmGlossary.revealOccurrence', reveal),
  );
}
