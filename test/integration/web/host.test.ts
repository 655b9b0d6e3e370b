import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import MarkdownIt from 'markdown-it';
import { editorMarks, previewMarks } from '../previewMarks';
import { api, eventuallyDefined, workspaceUri } from '../util';

describe('the web extension host', () => {
  it('runs the browser entry in a web worker, without Node', async () => {
    const a = await api();
    assert.equal(a.host, 'web');
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined');
    assert.ok(vscode.workspace.workspaceFolders?.[0], 'a workspace folder is open');
  });
});

describe('glossary tooltips in the Markdown preview, in the web host', function () {
  this.timeout(120_000);
  it("marks exactly the editor's occurrences when the preview's markdown-it (12, as in VS Code 1.100) uses the web extension's plugin", async () => {
    const a = await api();
    await vscode.workspace.getConfiguration('llmGlossary').update('basicTerms.underline', true, vscode.ConfigurationTarget.Global);
    try {
      for (const file of ['llm-s1.md', 'traps.md']) {
        const doc = await vscode.workspace.openTextDocument(workspaceUri('notes', file));
        await vscode.window.showTextDocument(doc);
        const expected = editorMarks(a, doc).map((m) => m.mark);
        // The plugin the built-in Markdown extension receives from activate() (on vscode.dev it runs in this host too).
        const md = a.extendMarkdownIt(new MarkdownIt({ html: true, linkify: true }));
        const marks = await eventuallyDefined(() => {
          const m = previewMarks(md.render(doc.getText(), { currentDocument: doc.uri })).map((x) => x.mark);
          return m.length === expected.length ? m : undefined;
        }, `${expected.length} marks in ${file}`);
        assert.deepEqual(marks, expected);
        console.log(`      ${file} (web host): ${marks.length} terms marked = ${expected.length} occurrences`);
      }
    } finally {
      await vscode.workspace.getConfiguration('llmGlossary').update('basicTerms.underline', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
