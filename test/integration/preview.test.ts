import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LlmGlossaryApi } from '../../src/extension';
import { editorMarks, previewMarks } from './previewMarks';
import { api, closeAll, eventually, eventuallyDefined, open, setConfig } from './util';

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
