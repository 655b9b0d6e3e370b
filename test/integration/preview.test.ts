import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LlmGlossaryApi } from '../../src/extension';
import { editorMarks, previewMarks } from './previewMarks';
import { api, closeAll, eventually, eventuallyDefined, open, replaceAndSave, setConfig, workspaceUri } from './util';

/** Renders a document (or text) with the built-in Markdown extension, as its preview does. */
async function render(what: vscode.TextDocument | string): Promise<string> {
  return vscode.commands.executeCommand<string>('markdown.api.render', what);
}

describe('glossary tooltips in the Markdown preview (built-in Markdown extension)', function () {
  this.timeout(120_000);
  let a: LlmGlossaryApi;
  before(async () => (a = await api()));
  afterEach(async () => {
    for (const key of ['basicTerms.underline', 'decorations', 'language', 'preview.enabled']) await setConfig(key, undefined);
    await closeAll();
  });

  for (const file of ['llm-s1.md', 'traps.md']) {
    it(`marks exactly the editor's occurrences in ${file}, each inside the block of its line`, async () => {
      await setConfig('basicTerms.underline', true);
      const editor = await open('notes', file);
      const expected = editorMarks(a, editor.document);
      assert.ok(expected.length > 10, `${expected.length} occurrences`);
      const marks = await eventuallyDefined(async () => {
        const m = previewMarks(await render(editor.document));
        return m.length === expected.length ? m : undefined;
      }, `${expected.length} marks in the rendered ${file}`);
      assert.deepEqual(marks.map((m) => m.mark), expected.map((e) => e.mark));
      for (let i = 0; i < marks.length; i++) assert.ok(marks[i].line <= expected[i].line, `${marks[i].mark}: block line ${marks[i].line}, term line ${expected[i].line}`);
      // Text that is not an open document (markdown.api.render of a string) is scanned the same way.
      assert.deepEqual(previewMarks(await render(editor.document.getText())).map((m) => m.mark), expected.map((e) => e.mark));
      console.log(`      ${file}: ${marks.length} terms marked in the preview = ${expected.length} occurrences in the editor`);
    });
  }

  it('leaves basic terms out, like the underlines, and marks the first use per section with firstInSection', async () => {
    const editor = await open('notes', 'llm-s1.md');
    const all = await eventually(async () => previewMarks(await render(editor.document)), 'marks');
    assert.ok(all.length < editorMarks(a, editor.document).length, 'basic terms are not marked by default');
    const sections = (h: string) => h.split(/<h[1-6][ >]/).map((s) => previewMarks(s).map((m) => m.mark.split(' ')[0]));
    const allSections = sections(await render(editor.document));
    await setConfig('decorations', 'firstInSection');
    const html = await eventuallyDefined(async () => {
      const h = await render(editor.document);
      return previewMarks(h).length < all.length ? h : undefined;
    }, 'fewer marks with firstInSection');
    // Within each section (split at headings), every concept is marked once, and every concept of the section is.
    const firstSections = sections(html);
    assert.equal(firstSections.length, allSections.length);
    for (let i = 0; i < firstSections.length; i++) {
      assert.equal(new Set(firstSections[i]).size, firstSections[i].length, `section ${i} marks each concept once`);
      assert.deepEqual([...new Set(firstSections[i])].sort(), [...new Set(allSections[i])].sort(), `section ${i} marks every concept`);
    }
  });

  it('renders the glossary of the moment: a saved edit of a user glossary adds a term and changes a definition', async () => {
    const a = await api();
    const editor = await open('notes', 'llm-s1.md');
    const glossary = workspaceUri('my.glossary.yaml');
    const original = (await vscode.workspace.openTextDocument(glossary)).getText();
    const tipOf = (html: string, id: string) => new RegExp(`data-entry="${id}">[^<]*<span class="llmg-tip" role="tooltip">(.*?)</span></span>`).exec(html)?.[1];
    // Rendered once before the edit, so the Markdown extension holds this version's tokens.
    const before = await eventuallyDefined(async () => {
      const h = await render(editor.document);
      return tipOf(h, 'emergent-abilities') ? h : undefined;
    }, 'a tooltip on 涌现能力');
    assert.ok(!before.includes('data-entry="general-task-solver"'), '通用任务求解器 is not a term yet');
    assert.doesNotMatch(tipOf(before, 'emergent-abilities')!, /made up for the preview test/);
    await replaceAndSave(
      glossary,
      original +
        '  - id: general-task-solver\n    en: general-purpose task solver\n    zh: 通用任务求解器\n    category: custom\n    definition: {en: A model that solves many tasks (a definition made up for the preview test)., zh: 预览测试编写的释义。}\n' +
        '  - id: emergent-abilities\n    en: emergent abilities\n    category: training\n    definition: {en: Abilities that appear only at scale (made up for the preview test)., zh: 预览测试改写的释义。}\n',
    );
    try {
      const after = await eventuallyDefined(async () => {
        await a.ready();
        const h = await render(editor.document);
        return /made up for the preview test/.test(tipOf(h, 'emergent-abilities') ?? '') && tipOf(h, 'general-task-solver') ? h : undefined;
      }, 'the new term and the new definition in the rendered note');
      assert.match(after, /data-entry="general-task-solver">通用任务求解器<span class="llmg-tip"/);
      assert.match(tipOf(after, 'general-task-solver')!, /general-purpose task solver/);
      assert.match(tipOf(after, 'general-task-solver')!, /预览测试编写的释义/);
      // The editor underlines the new term too: the preview and the editor read the same glossary.
      assert.ok(editorMarks(a, editor.document).some((e) => e.mark === 'general-task-solver 通用任务求解器'), 'the editor has the new term');
    } finally {
      await replaceAndSave(glossary, original);
    }
    await eventually(async () => {
      await a.ready();
      return !(await render(editor.document)).includes('general-task-solver');
    }, 'the entry is gone from the rendered note again');
  });

  it('follows llmGlossary.language and llmGlossary.preview.enabled', async () => {
    const editor = await open('notes', 'llm-s1.md');
    await setConfig('language', 'en');
    // One definition per tooltip, the English one (a few English definitions quote Chinese words: 的、了).
    const en = await eventuallyDefined(async () => {
      const h = await render(editor.document);
      const defs = [...h.matchAll(/<span class="llmg-def">([^<]*)<\/span>/g)].map((m) => m[1]);
      const english = defs.filter((d) => !/[\u4e00-\u9fff]/.test(d)).length;
      return defs.length > 10 && defs.length === previewMarks(h).length && english > 0.9 * defs.length ? defs : undefined;
    }, 'English-only definitions');
    assert.ok(en.length > 10);
    await setConfig('preview.enabled', false);
    await eventually(async () => !(await render(editor.document)).includes('llmg-term'), 'no marks when disabled');
  });
});
