import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { definitionAtShippedLine, hoverShowsShippedDefinition } from './compiledGlossaryCase';
import { api, closeAll } from './util';

describe('the built-in glossary read from glossary.bin and its shipped YAML', () => {
  before(api);
  afterEach(closeAll);

  it('hovers an entry with the definition its YAML file gives', hoverShowsShippedDefinition);

  it('goes to the entry at its line in the read-only shipped file', definitionAtShippedLine);

  it('lists every entry in the Glossary view, each with its definition in the tooltip', async () => {
    const a = await api();
    const t0 = Date.now();
    const ids = a.glossaryView().flatMap((c) => c.ids);
    console.log(`      Glossary view of ${ids.length} entries (every definition read): ${Date.now() - t0} ms`);
    assert.equal(new Set(ids).size, a.entryCount());
    assert.ok(ids.length > 3000);
    assert.ok(vscode.workspace.workspaceFolders?.length);
  });
});
