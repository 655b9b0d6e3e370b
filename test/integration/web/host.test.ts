import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addAndHover, openNote, ORIGINAL, removeGlossary, writeGlossary } from '../addTermCase';
import { api, closeAll } from '../util';

describe('the web extension host', () => {
  it('runs the browser entry in a web worker, without Node', async () => {
    const a = await api();
    assert.equal(a.host, 'web');
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined');
    assert.ok(vscode.workspace.workspaceFolders?.[0], 'a workspace folder is open');
  });

  it('adds a term to a user glossary with workspace.fs and a WorkspaceEdit, and hovers it within 1 s', async () => {
    const glossary = await writeGlossary('addterm-web.glossary.yaml', ORIGINAL, 'zebra-stripe-routing');
    try {
      const ms = await addAndHover(await openNote(), glossary);
      console.log(`      add to my glossary (web): ${ms} ms from the saved edit to the first hover that shows the entry`);
    } finally {
      await closeAll();
      await removeGlossary(glossary, 'zebra-stripe-routing');
    }
  });
});
