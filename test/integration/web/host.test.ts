import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import MarkdownIt from 'markdown-it';
import { addAndHover, openNote, ORIGINAL, removeGlossary, writeGlossary } from '../addTermCase';
import { definitionAtShippedLine, hoverShowsShippedDefinition } from '../compiledGlossaryCase';
import { exportNoteToAnki, printFolderGlossary, removeExports } from '../exportCase';
import { editorMarks, previewMarks } from '../previewMarks';
import { api, closeAll, discardAndCloseAll, eventually, eventuallyDefined, setConfig, workspaceUri } from '../util';

describe('the web extension host', () => {
  it('runs the browser entry in a web worker, without Node', async () => {
    const a = await api();
    assert.equal(a.host, 'web');
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined');
    assert.ok(vscode.workspace.workspaceFolders?.[0], 'a workspace folder is open');
  });

  it('completes a Chinese term over the typed range and inserts its introduction', async function () {
    this.timeout(120_000); // the first completion scans the note and builds the prefix index
    await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# 第一章\n\n`思维` 之后我们用思维' });
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.positionAt(doc.getText().length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end);
    const cot = list.items.find((i) => typeof i.label !== 'string' && i.label.label === '思维链');
    assert.ok(cot, 'offered');
    const range = cot.range as vscode.Range;
    assert.deepEqual([range.start.line, range.start.character, range.end.character], [2, 10, 12]);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, range, cot.insertText as string);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(editor.document.getText(), '# 第一章\n\n`思维` 之后我们用思维链（chain of thought, CoT）');
    const inCode = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 3));
    assert.ok(!inCode.items.some((i) => typeof i.label !== 'string' && i.label.label === '思维链'), 'nothing in inline code');
    await discardAndCloseAll();
  });

  it('marks a term as known (no underline, user setting) and forgets it', async function () {
    this.timeout(120_000);
    const a = await api();
    // A note on disk, not an untitled document: in the web worker host a new untitled document can come back as
    // the one the case before closed (same name, Untitled-1) with that one's text, so no term of this case is in it.
    const uri = workspaceUri('known-terms-web.md');
    await a.indexed();
    const counts = () => [a.usageCount('rmsnorm'), a.usageCount('grouped-query-attention')].join();
    const before = counts();
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('We use RMSNorm and GQA.\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.getText(), 'We use RMSNorm and GQA.\n');
    const editor = await vscode.window.showTextDocument(doc);
    const texts = () => a.decorations(editor).map((r) => doc.getText(r));
    await eventually(() => texts().includes('RMSNorm'), 'underlined', 30_000);
    try {
      assert.deepEqual(await vscode.commands.executeCommand('llmGlossary.markKnown', 'rmsnorm'), ['rmsnorm']);
      await eventually(() => !texts().includes('RMSNorm') && texts().includes('GQA'), 'RMSNorm no longer underlined');
      assert.deepEqual(vscode.workspace.getConfiguration('llmGlossary').inspect('knownTerms')?.globalValue, ['rmsnorm']);
      await vscode.commands.executeCommand('llmGlossary.forgetKnown', 'rmsnorm');
      await eventually(() => texts().includes('RMSNorm'), 'underlined again');
    } finally {
      await setConfig('knownTerms', undefined);
      await closeAll();
      await vscode.workspace.fs.delete(uri);
      // Later suites count uses in the workspace (SwiGLU's, so this note has none): wait until the index lets it go.
      await eventually(async () => (await a.indexed(), counts() === before), 'the note is out of the index', 30_000);
    }
  });

  it('adds a term to a user glossary with workspace.fs and a WorkspaceEdit, and hovers it after the command', async () => {
    const glossary = await writeGlossary('addterm-web.glossary.yaml', ORIGINAL, 'zebra-stripe-routing');
    try {
      // The web worker shares the tab's thread budget with the workbench: the reload and the hover are held to 3 s there.
      const ms = await addAndHover(await openNote(), glossary, 3000, 3000);
      console.log(`      add to my glossary (web): reloaded ${ms.loaded} ms after the edit; command ${ms.command} ms; hovered ${ms.hovered} ms after it (${ms.total} ms from the call)`);
    } finally {
      await closeAll();
      await removeGlossary(glossary, 'zebra-stripe-routing');
    }
  });
});

describe('Export Concepts… in the web host (workspace.fs, no Node)', function () {
  this.timeout(120_000);
  before(api);
  afterEach(closeAll);
  after(removeExports);
  it('writes the Anki file of a note', exportNoteToAnki);
  it('prints a folder as a Markdown glossary in pinyin order', printFolderGlossary);
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
  it('renders a glossary file created after the note was first rendered (the tooltip of the new entry)', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument(workspaceUri('notes', 'llm-s1.md'));
    await vscode.window.showTextDocument(doc);
    const md = a.extendMarkdownIt(new MarkdownIt({ html: true, linkify: true }));
    const render = () => md.render(doc.getText(), { currentDocument: doc.uri });
    assert.ok(!render().includes('data-entry="general-task-solver"'), 'not a term yet');
    const uri = workspaceUri('preview-web.glossary.yaml');
    const yaml = 'entries:\n  - id: general-task-solver\n    en: general-purpose task solver\n    zh: 通用任务求解器\n    category: custom\n    definition: {zh: 网页宿主测试编写的释义。}\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(yaml));
    try {
      const html = await eventuallyDefined(async () => {
        await a.ready();
        const h = render();
        return h.includes('data-entry="general-task-solver">通用任务求解器') ? h : undefined;
      }, 'the new entry in the rendered note', 20_000);
      assert.match(html, /general-purpose task solver/);
      assert.match(html, /网页宿主测试编写的释义/);
    } finally {
      await vscode.workspace.fs.delete(uri);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    await eventuallyDefined(async () => {
      await a.ready();
      return render().includes('general-task-solver') ? undefined : true;
    }, 'the entry gone again', 20_000);
  });

  it('hovers a built-in entry with the definition its shipped YAML gives (read with workspace.fs)', async () => {
    await hoverShowsShippedDefinition();
    await closeAll();
  });

  it('goes to a built-in entry at its line in the read-only shipped file', async () => {
    await definitionAtShippedLine();
    await closeAll();
  });
});
