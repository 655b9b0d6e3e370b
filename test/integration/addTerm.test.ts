import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addAndHover, addTerm, openNote, ORIGINAL, pairRange, removeGlossary, writeGlossary } from './addTermCase';
import { api, closeAll, eventually, positionOf, workspaceUri } from './util';

const ours = (actions: (vscode.CodeAction | vscode.Command)[]) =>
  actions.filter((a): a is vscode.CodeAction => 'command' in a && (a.command as vscode.Command | undefined)?.command === 'llmGlossary.addToGlossary');

describe('add to my glossary', () => {
  let glossary: vscode.Uri;
  before(async () => {
    await api();
    glossary = await writeGlossary('addterm.glossary.yaml', ORIGINAL, 'zebra-stripe-routing');
  });
  after(() => removeGlossary(glossary, 'zebra-stripe-routing'));
  afterEach(closeAll);

  it('offers "Add to my glossary…" on a term suggest proposes and on a selection, in prose only, never for a known term', async () => {
    const note = await openNote();
    const actions = (range: vscode.Range) => vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', note.uri, range).then(ours);
    const cursor = positionOf(note, '串行接口', 0, 1);
    // Offered once the service has the glossary and the note's scan (the suite before may still be rebuilding).
    let atPair: vscode.CodeAction[] = [];
    await eventually(async () => {
      await (await api()).ready();
      atPair = await actions(new vscode.Range(cursor, cursor));
      return atPair.length > 0;
    }, 'the action at the cursor');
    assert.deepEqual(atPair.map((a) => a.title), ['Add "串行接口" to my glossary…']);
    assert.equal(atPair[0].kind?.value, 'refactor.rewrite');
    const [uri, range] = atPair[0].command!.arguments as [vscode.Uri, vscode.Range];
    assert.equal(uri.toString(), note.uri.toString());
    assert.equal(note.getText(range), '串行接口（SAS，Serial Attached SCSI）', 'the whole pair');
    let sel: vscode.CodeAction[] = [];
    await eventually(async () => (sel = await actions(pairRange(note))).length > 0, 'the action on a selection');
    assert.deepEqual(sel.map((a) => a.title), ['Add "主机通道适配器" to my glossary…']);
    const inCode = positionOf(note, 'TCA', 0, 1);
    assert.deepEqual(await actions(new vscode.Range(inCode, inCode)), [], 'not in a code block');
    const rope = positionOf(note, 'RoPE', 0, 0);
    assert.deepEqual(await actions(new vscode.Range(rope, rope.translate(0, 4))), [], 'not for a term the glossary has');
  });

  it('appends the entry with one edit, opens it at its definition, hovers it within 1 s of the command, and one undo restores the bytes', async () => {
    const note = await openNote();
    const ms = await addAndHover(note, glossary);
    console.log(`      add to my glossary: reloaded ${ms.loaded} ms after the edit; command ${ms.command} ms; hovered ${ms.hovered} ms after it (${ms.total} ms from the call)`);
  });

  it('refuses a term the glossary has, offering its entry, and a broken glossary file with file:line:column', async () => {
    const a = await api();
    const note = await openNote();
    const rope = positionOf(note, 'RoPE', 0, 0);
    assert.deepEqual(await addTerm(note, new vscode.Range(rope, rope.translate(0, 4)), glossary), { duplicate: 'rope' });
    const brokenText = 'entries:\n  - id: [unclosed\n';
    const broken = await writeGlossary('addterm-broken.glossary.yaml', brokenText);
    try {
      await eventually(async () => {
        await a.ready();
        return vscode.languages.getDiagnostics(broken).length > 0;
      }, 'the broken file is loaded');
      const result = await addTerm(note, pairRange(note), broken);
      assert.ok(result && 'error' in result, JSON.stringify(result));
      assert.match(result.error, /^(?:workspace\/)?addterm-broken\.glossary\.yaml:\d+:\d+: invalid YAML: /);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(broken)), brokenText, 'no edit');
    } finally {
      await removeGlossary(broken);
    }
  });

  it('creates a new glossary file with a header when asked for one that does not exist', async () => {
    const note = await openNote();
    const fresh = workspaceUri('notes-addterm.glossary.yaml');
    try {
      const cursor = positionOf(note, '串行接口', 0, 1);
      const result = await addTerm(note, new vscode.Range(cursor, cursor), fresh);
      assert.ok(result && 'added' in result, JSON.stringify(result));
      assert.equal(result.added, 'serial-attached-scsi');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fresh));
      assert.match(text, /^# [^\n]+\n# [^\n]+\nentries:\n {2}- id: serial-attached-scsi\n {4}en: Serial Attached SCSI\n {4}zh: 串行接口\n {4}abbr: SAS\n/);
    } finally {
      await removeGlossary(fresh, 'serial-attached-scsi');
    }
  });
});
