import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('smoke', () => {
  it('runs inside a real VS Code extension host', async () => {
    assert.ok(vscode.version.startsWith('1.100'));
    const ext = vscode.extensions.getExtension('llm-glossary.llm-glossary');
    assert.ok(ext, 'the extension under development is loaded');
  });
});
