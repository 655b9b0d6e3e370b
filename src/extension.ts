// The extension in the Node extension host (desktop VS Code, remote, code-server): notes are read and parsed by a
// worker thread; everything else is shared with the web extension (src/web/extension.ts).
import type * as vscode from 'vscode';
import { activateWith, type LlmGlossaryApi } from './activate';
import { poolReader } from './node/poolReader';

export type { LlmGlossaryApi } from './activate';

export function activate(context: vscode.ExtensionContext): LlmGlossaryApi {
  return activateWith(context, {
    host: 'node',
    reader: (workspace, ctx) => poolReader(workspace, `${ctx.extensionUri.fsPath}/dist/scanWorker.js`),
  });
}

export function deactivate(): void {}
