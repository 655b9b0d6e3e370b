// The extension in the web-worker extension host (vscode.dev, github.dev): no Node, no worker threads, no file
// paths. Notes are read through workspace.fs and parsed here in small slices, yielding between them.
import type * as vscode from 'vscode';
import { activateWith, type LlmGlossaryApi } from '../activate';
import { inProcessReader } from '../core/service';

export function activate(context: vscode.ExtensionContext): LlmGlossaryApi {
  return activateWith(context, { host: 'web', reader: (workspace) => inProcessReader(workspace) });
}

export function deactivate(): void {}
