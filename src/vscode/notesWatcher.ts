import * as vscode from 'vscode';
import type { GlossaryService } from '../core/service';
import { isNote } from './convert';
import { NOTES_GLOB } from './workspace';

/** Keeps the notes index current (created, changed, saved, deleted and renamed notes) and shows its builds. */
export function registerNotesWatcher(service: GlossaryService): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(NOTES_GLOB);
  const changed = (u: vscode.Uri) => void service.notesChanged([u.toString()]);
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(changed),
    watcher.onDidChange(changed),
    watcher.onDidDelete((u) => service.noteDeleted(u.toString())),
    vscode.workspace.onDidSaveTextDocument((d) => isNote(d) && changed(d.uri)),
    vscode.workspace.onDidRenameFiles(() => void service.rebuildIndex()),
    service.onDidStartIndexing((build) => {
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing notes for LLM Glossary') }, () => build);
    }),
  );
}
