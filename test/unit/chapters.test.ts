import * as assert from 'node:assert/strict';
import { chapterAt, chaptersOf, sectionTree } from '../../src/core/chapters';
import { documentConcepts } from '../../src/core/concepts';
import { scanDocument } from '../../src/core/scanner';
import { fixture, termsGlossary } from './helpers';

const glossary = termsGlossary();

describe('chapters', () => {
  it('uses the smallest heading depth present as the chapter level', () => {
    const text = '前言 LoRA\n\n## 第一章\nCoT\n### 1.1\nRLHF\n## 第二章\nPPO\n';
    const scan = scanDocument(text, glossary);
    const chapters = chaptersOf(scan.headings, scan.lastLine);
    assert.deepEqual(
      chapters.map((c) => [c.title, c.line, c.endLine, c.preamble]),
      [
        ['', 1, 2, true],
        ['第一章', 3, 6, false],
        ['第二章', 7, 8, false],
      ],
    );
    assert.equal(chapterAt(chapters, 5)?.title, '第一章');
    assert.equal(chapterAt(chapters, 1)?.preamble, true);
  });

  it('treats a file without headings as one chapter', () => {
    const scan = scanDocument('LoRA\n\nCoT\n', glossary);
    const dc = documentConcepts(scan, glossary);
    assert.equal(dc.chapters.length, 1);
    assert.deepEqual(dc.chapters[0].concepts.map((c) => c.entry.id), ['lora', 'chain-of-thought']);
  });

  it('counts setext headings', () => {
    const scan = scanDocument('Intro\n=====\nLoRA\n\nNext\n====\nCoT\n', glossary);
    assert.deepEqual(chaptersOf(scan.headings, scan.lastLine).map((c) => [c.title, c.line, c.endLine]), [
      ['Intro', 1, 4],
      ['Next', 5, 7],
    ]);
  });

  it('builds the section tree', () => {
    const scan = scanDocument('# A\n## A.1\n### A.1.1\n## A.2\n# B\n', glossary);
    const tree = sectionTree(scan.headings, scan.lastLine);
    assert.deepEqual(
      tree.map((s) => [s.heading.title, s.endLine, s.children.map((c) => [c.heading.title, c.endLine, c.children.length])]),
      [
        ['A', 4, [['A.1', 3, 1], ['A.2', 4, 0]]],
        ['B', 5, []],
      ],
    );
  });

  it('documentConcepts keeps only the chapter containing a line', () => {
    const text = fixture('notes', 'traps.md');
    const scan = scanDocument(text, glossary);
    const all = documentConcepts(scan, glossary);
    assert.equal(all.chapters.length, 1, 'front matter alone makes no preamble chapter');
    assert.equal(all.chapters[0].chapter.title, '第三章 微调与对齐');
    const one = documentConcepts(scan, glossary, { line: 12 });
    assert.equal(one.chapters.length, 1);
    const dpo = one.concepts.find((c) => c.entry.id === 'dpo');
    assert.equal(dpo?.occurrences.length, 2);
    const none = documentConcepts(scan, glossary, { line: 2 });
    assert.deepEqual(none.chapters.map((c) => c.chapter.preamble), [true]);
    assert.deepEqual(none.concepts, []);
  });
});
