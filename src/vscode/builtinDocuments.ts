import * as vscode from 'vscode';
import { BUILTIN_SCHEME } from '../core/service';

/** Serves the shipped glossary files as read-only documents (`llm-glossary:/glossary/<file>.yaml`). */
export function registerBuiltinDocuments(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(BUILTIN_SCHEME, {
    async provideTextDocumentContent(uri) {
      const rel = uri.path.replace(/^\/+/, '');
      if (!/^glossary\/[\w.-]+\.ya?ml$/.test(rel)) throw new Error(`not a built-in glossary file: ${uri.path}`);
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, rel)));
    },
  });
}
