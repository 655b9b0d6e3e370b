import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, eventually, hoverText, open, positionOf, workspaceUri } from './util';

describe('user glossaries', () => {
  afterEach(closeAll);

  it('loads *.glossary.yaml over the built-in glossary: new ids added, same id overridden field by field', async () => {
    await api();
    const editor = await open('notes', 'sub', 'other.md');
    const mine = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, '笔记术语示例')));
    assert.match(mine, /用户自己术语表中定义的术语/);
    const cot = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'CoT')));
    assert.match(cot, /Overridden in the user's glossary/, 'the English definition comes from the user file');
    assert.match(cot, /思维链/, 'fields the user file leaves out come from the built-in entry');
  });

  it('shows problems in the Problems panel at the exact range, with the CLI message', async () => {
    await api();
    const uri = workspaceUri('my.glossary.yaml');
    const diags = await eventually(() => vscode.languages.getDiagnostics(uri).length > 0, 'diagnostics').then(() => vscode.languages.getDiagnostics(uri));
    assert.equal(diags.length, 1);
    const d = diags[0];
    assert.equal(d.message, 'unknown field "colour" in entry "broken-entry"; expected one of id, en, zh, abbr, aliases, category, level, definition, related, references, caseSensitive, draft, verb, senses, notIn, preferred, avoid');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [19, 4, 19, 10]);
    assert.equal(d.source, 'llm-glossary');
  });

  it('picks up edits of a glossary file live, before it is saved, and updates hovers', async () => {
    const a = await api();
    const gdoc = await vscode.workspace.openTextDocument(workspaceUri('my.glossary.yaml'));
    const note = await vscode.workspace.openTextDocument({ language: 'markdown', content: '我们讨论 zebra attention 的设计。\n' });
    const before = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', note.uri, positionOf(note, 'zebra', 0, 2)));
    assert.equal(before, '');
    const original = gdoc.getText();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(gdoc.uri, gdoc.positionAt(original.length), '  - id: zebra-attention\n    en: zebra attention\n    category: custom\n    definition: {en: A striped attention pattern made up for this test.}\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await eventually(async () => {
        await a.ready();
        return /striped attention/.test(hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', note.uri, positionOf(note, 'zebra', 0, 2))));
      }, 'the new entry is live');
    } finally {
      // Undo the change as an edit (the document is then equal to the file again) and save it.
      const undo = new vscode.WorkspaceEdit();
      undo.delete(gdoc.uri, new vscode.Range(gdoc.positionAt(original.length), gdoc.positionAt(gdoc.getText().length)));
      await vscode.workspace.applyEdit(undo);
      await gdoc.save();
    }
    assert.equal(gdoc.getText(), original);
    await eventually(async () => {
      await a.ready();
      return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', note.uri, positionOf(note, 'zebra', 0, 2))) === '';
    }, 'the entry is gone again');
  });

  it('picks up a new glossary file created in the workspace', async () => {
    const a = await api();
    const uri = workspaceUri('extra.glossary.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('entries:\n  - id: quokka-decoding\n    en: quokka decoding\n    category: custom\n    definition: {en: A cheerful decoding strategy made up for this test.}\n'));
    try {
      await eventually(async () => {
        await a.ready();
        return a.glossaryView().some((c) => c.ids.includes('quokka-decoding'));
      }, 'new file loaded');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await eventually(async () => {
      await a.ready();
      return !a.glossaryView().some((c) => c.ids.includes('quokka-decoding'));
    }, 'deleted file unloaded');
  });
});
