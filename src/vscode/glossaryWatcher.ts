import * as vscode from 'vscode';
import type { GlossaryService } from '../core/service';
import { GLOSSARY_GLOB } from './workspace';

/** Reloads the glossary when a user glossary file is edited (before saving), saved, closed, created or deleted. */
export function registerGlossaryWatcher(service: GlossaryService): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(GLOSSARY_GLOB);
  const isMine = (d: vscode.TextDocument) => service.isGlossaryFile(d.uri.toString());
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate((u) => service.glossaryFileChanged(u.toString(), 'created')),
    watcher.onDidDelete((u) => service.glossaryFileChanged(u.toString(), 'deleted')),
    watcher.onDidChange((u) => {
      // Edits of an open document are picked up from the document itself.
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === u.toString() && d.isDirty)) service.glossaryFileChanged(u.toString(), 'changed');
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (isMine(e.document) && e.contentChanges.length > 0) service.glossaryFileChanged(e.document.uri.toString(), 'edited');
    }),
    vscode.workspace.onDidSaveTextDocument((d) => isMine(d) && service.glossaryFileChanged(d.uri.toString(), 'saved')),
    // A closed, unsaved glossary falls back to the file on disk.
    vscode.workspace.onDidCloseTextDocument((d) => isMine(d) && service.glossaryFileChanged(d.uri.toString(), 'closed')),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void service.reloadGlossaries()),
  );
}
