import type * as vscode from 'vscode';

/** Composition root of the VS Code extension (the editor features arrive with the extension issue). */
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
