import * as vscode from 'vscode';
import type { GlossaryService } from '../core/service';
import { toDoc } from './convert';

/** Tells the service about edits (so it re-scans incrementally) and closed documents (so it forgets them). */
export function registerDocumentSync(service: GlossaryService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeTextDocument((e) => service.didChangeDocument(toDoc(e.document), e.contentChanges)),
    vscode.workspace.onDidCloseTextDocument((d) => service.didCloseDocument(d.uri.toString())),
  );
}
