import * as assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import {
  ANKI_FIELDS,
  ANKI_HEADERS,
  ankiHtml,
  CSV_BOM,
  csvField,
  headingSlugs,
  indexLetter,
  relativeHref,
  relativeName,
  renderExport,
  type ExportNote,
  type ExportOptions,
} from '../../src/core/export';
import { escapeMarkdownText } from '../../src/core/markdownText';
import { scanDocument } from '../../src/core/scanner';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { createGlossaryService, inProcessReader } from '../../src/core/service';
import { fixture, glossaryFrom, termsGlossary } from './helpers';
import { InMemoryWorkspace } from './inMemoryWorkspace';

// Definitions with every character the formats must handle: tab, newline, HTML, quotes, commas, ampersands.
const TRICKY = `entries:
  - id: tricky-term
    en: tricky term
    zh: 棘手术语
    abbr: TT
    category: custom
    definition:
      en: "Has a <b>tag</b>, a \\"quote\\", a comma,\\ta tab & an ampersand.\\nSecond line."
      zh: "含有 <script>alert(1)</script> 与 [链接](command:evil)。"
  - id: zhu-yi-li
    en: attention
    zh: 注意力
    category: custom
    definition: {en: Weighs tokens., zh: 给词元加权。}
  - id: bo-shu
    en: beam search
    zh: 波束搜索
    category: custom
    definition: {en: Keeps the best k sequences., zh: 保留最好的 k 个序列。}
  - id: da-mo-xing
    en: large model
    zh: 大模型
    category: custom
    definition: {en: A big model., zh: 很大的模型。}
  - id: relu
    en: ReLU
    category: custom
    definition: {en: "max(0, x)."}
  - id: adam
    en: Adam
    category: custom
    definition: {en: An optimizer.}
  - id: three-d
    en: 3D parallelism
    zh: 三维并行
    category: custom
    definition: {en: "Data, tensor and pipeline parallelism together."}
`;

const NOTE = [
  '# 第一章 大模型简介', // 1
  '',
  '大模型用注意力，tricky term 也在。', // 3
  '',
  '## Details',
  '',
  'Adam and ReLU; 大模型 again.', // 7
  '',
  '# Chapter 2', // 9
  '',
  '波束搜索 and 3D parallelism and 棘手术语.', // 11
  '',
  '## Details', // 13
  '',
  '注意力 once more.', // 15
  '',
].join('\n');

const glossary = () => {
  const g = glossaryFrom({ name: 'tricky.glossary.yaml', text: TRICKY });
  assert.deepEqual(g.problems, []);
  return g;
};

function note(text = NOTE, name = 'notes/ch1.md', href = 'notes/ch1.md'): ExportNote {
  return { name, href, scan: scanDocument(text, glossary()) };
}

const render = (options: Partial<ExportOptions>, notes = [note()]) => renderExport(notes, glossary(), { format: 'md', language: 'both', ...options });

describe('export for study', function () {
  this.timeout(20_000);
  describe('anki', () => {
    const text = () => render({ format: 'anki' }).text;

    it('starts with the documented Anki file headers and gives every note line the same fields', () => {
      const lines = text().split('\n');
      assert.deepEqual(lines.slice(0, ANKI_HEADERS.length), ['#separator:tab', '#html:true', '#notetype:Basic', '#tags column:3', '#guid column:4']);
      assert.equal(lines.pop(), '', 'ends with a newline');
      const notes = lines.slice(ANKI_HEADERS.length);
      assert.equal(notes.length, 7);
      for (const l of notes) {
        assert.equal(l.split('\t').length, ANKI_FIELDS, l);
        assert.ok(!l.startsWith('#'), 'no note line reads as a comment');
        assert.ok(!l.includes('"'), 'no quote that would start a quoted field');
      }
    });

    it('escapes HTML and quotes, so glossary text stays text (the loader has already folded its line breaks and tabs)', () => {
      const line = text().split('\n').find((l) => l.includes('llm-glossary:tricky-term'))!;
      const [front, back, tags, guid] = line.split('\t');
      assert.equal(front, '棘手术语 · tricky term (TT)');
      assert.ok(back.includes('含有 &lt;script&gt;alert(1)&lt;/script&gt; 与 [链接](command:evil)。<br><br>Has a &lt;b&gt;tag&lt;/b&gt;, a &quot;quote&quot;, a comma, a tab &amp; an ampersand. Second line.'), back);
      assert.ok(!/<(?!br>|hr>|small>|\/small>)/.test(back), 'the only tags are ours');
      assert.match(back, /<small>Used in: notes\/ch1\.md › 第一章 大模型简介 › 3<br>notes\/ch1\.md › Chapter 2 › 11<\/small>$/);
      assert.equal(tags, 'notes::ch1::第一章_大模型简介 notes::ch1::Chapter_2');
      assert.equal(guid, 'llm-glossary:tricky-term');
    });

    it('tags a note outside the working folder by its folders, not by the way up to them', () => {
      const line = render({ format: 'anki' }, [note(NOTE, '../shared/samples/ch1.md', '../shared/samples/ch1.md')]).text.split('\n').find((l) => l.includes('llm-glossary:tricky-term'))!;
      assert.equal(line.split('\t')[2], 'shared::samples::ch1::第一章_大模型简介 shared::samples::ch1::Chapter_2');
    });

    it('shows only the definitions of the chosen language on the back, both names on the front', () => {
      const line = render({ format: 'anki', language: 'en' }).text.split('\n').find((l) => l.includes(':zhu-yi-li'))!;
      const [front, back] = line.split('\t');
      assert.equal(front, '注意力 · attention');
      assert.ok(back.startsWith('Weighs tokens.<hr>'), back);
      assert.equal(ankiHtml('a\r\nb\tc<&>'), 'a<br>b c&lt;&amp;&gt;');
    });
  });

  describe('csv', () => {
    it('starts with a BOM, separates records with CRLF and round-trips through a CSV parser', () => {
      const text = render({ format: 'csv' }).text;
      assert.ok(text.startsWith(CSV_BOM));
      assert.ok(text.endsWith('\r\n'));
      const rows = parse(text, { bom: true, relax_column_count: false }) as string[][];
      assert.deepEqual(rows[0], ['id', 'English', 'Chinese', 'Abbreviation', 'Definition', 'Used in', 'Chapters']);
      assert.equal(rows.length, 8);
      const tricky = rows.find((r) => r[0] === 'tricky-term')!;
      assert.deepEqual(tricky, [
        'tricky-term',
        'tricky term',
        '棘手术语',
        'TT',
        '含有 <script>alert(1)</script> 与 [链接](command:evil)。\n\nHas a <b>tag</b>, a "quote", a comma, a tab & an ampersand. Second line.',
        'notes/ch1.md › 第一章 大模型简介 › 3\nnotes/ch1.md › Chapter 2 › 11',
        'notes::ch1::第一章_大模型简介 notes::ch1::Chapter_2',
      ]);
      assert.equal(csvField('a"b'), '"a""b"');
      assert.equal(csvField('plain'), 'plain');
    });
  });

  describe('md', () => {
    it('groups by chapter in note order, each term with its definitions and where-used links', () => {
      const md = render({ format: 'md', language: 'zh' }).text;
      const headings = md.split('\n').filter((l) => l.startsWith('#'));
      assert.deepEqual(headings, [
        '# Glossary',
        '## [notes/ch1.md](notes/ch1.md) › [第一章 大模型简介](notes/ch1.md#第一章-大模型简介)',
        '### 大模型 · large model',
        '### 注意力 · attention',
        '### 棘手术语 · tricky term (TT)',
        '### Adam',
        '### ReLU',
        '## [notes/ch1.md](notes/ch1.md) › [Chapter 2](notes/ch1.md#chapter-2)',
        '### 波束搜索 · beam search',
        '### 三维并行 · 3D parallelism',
        '### 棘手术语 · tricky term (TT)',
        '### 注意力 · attention',
      ]);
      const attention = '### 注意力 · attention\n\n给词元加权。\n\nUsed in:\n\n- [notes/ch1.md](notes/ch1.md) › [第一章 大模型简介](notes/ch1.md#第一章-大模型简介) › [3](notes/ch1.md#L3)\n- [notes/ch1.md](notes/ch1.md) › [Chapter 2](notes/ch1.md#chapter-2) › [15](notes/ch1.md#L15)\n';
      assert.ok(md.includes(attention), md);
      assert.ok(md.includes('Used in: [notes/ch1.md](notes/ch1.md) › [第一章 大模型简介](notes/ch1.md#第一章-大模型简介) › [1](notes/ch1.md#L1), [3](notes/ch1.md#L3), [7](notes/ch1.md#L7)\n'), md);
      assert.ok(md.includes('含有 &lt;script&gt;alert(1)&lt;/script&gt; 与 \\[链接\\](command:evil)。'), 'glossary text cannot make HTML or links');
    });

    it('orders alphabetically: digits first, English by letter, Chinese by pinyin', () => {
      const md = render({ format: 'md', group: 'alpha', language: 'both' }).text;
      const headings = md.split('\n').filter((l) => /^##+ /.test(l));
      assert.deepEqual(headings, [
        '## A',
        '### Adam',
        '## B',
        '### 波束搜索 · beam search',
        '## D',
        '### 大模型 · large model',
        '## J',
        '### 棘手术语 · tricky term (TT)',
        '## R',
        '### ReLU',
        '## S',
        '### 三维并行 · 3D parallelism',
        '## Z',
        '### 注意力 · attention',
      ]);
      const en = render({ format: 'md', group: 'alpha', language: 'en' }).text;
      const names = en.split('\n').filter((l) => l.startsWith('### ')).map((l) => l.slice(4).split(' · ')[0]);
      assert.deepEqual(names, ['3D parallelism', 'Adam', 'attention', 'beam search', 'large model', 'ReLU', 'tricky term']);
      assert.ok(en.includes('## \\#\n\n### 3D parallelism'));
    });

    it('knows pinyin initials and keeps the Chinese and English order of the collator', () => {
      assert.deepEqual(['阿', '波', '词', '大', '法', '光', '奖', '律', '模', '偏', '强', '熵', '梯', '温', '稀', '样', '张'].map(indexLetter).join(''), 'ABCDFGJLMPQSTWXYZ');
      assert.equal(indexLetter('LoRA'), 'L');
      assert.equal(indexLetter('4-bit'), '#');
      assert.equal(indexLetter('α'), '#');
    });

    it('links chapters by heading anchor, repeated headings as GitHub numbers them', () => {
      const slugs = headingSlugs(scanDocument(NOTE, glossary()).headings);
      assert.deepEqual([...slugs.entries()], [
        [1, '第一章-大模型简介'],
        [5, 'details'],
        [9, 'chapter-2'],
        [13, 'details-1'],
      ]);
      assert.deepEqual([...headingSlugs(scanDocument('# A (b): c!\n\n# A (b): c!\n\n# a-b-c\n', glossary()).headings).values()], ['a-b-c', 'a-b-c-1', 'a-b-c-2']);
    });

    it('makes relative links from the exported file and names notes relative to the folder', () => {
      assert.equal(relativeHref('file:///w/out/g.md', 'file:///w/notes/a%20b.md'), '../notes/a%20b.md');
      assert.equal(relativeHref('file:///w/g.md', 'file:///w/第一章/笔记.md'), '第一章/笔记.md');
      assert.equal(relativeHref('file:///w/g.md', 'file:///w/(x)/a.md'), '%28x%29/a.md');
      assert.equal(relativeHref('untitled:/g.md', 'file:///w/a.md'), 'file:///w/a.md');
      assert.equal(relativeName('file:///w', 'file:///w/notes/%E7%AC%94%E8%AE%B0.md'), 'notes/笔记.md');
      assert.equal(relativeName('file:///w', 'file:///elsewhere/a.md'), 'elsewhere/a.md');
    });
  });

  describe('scope and determinism', () => {
    it('selects the chapter holding a line, or the N-th chapter', () => {
      const byLine = render({ format: 'csv', line: 12 }).text;
      const ids = (t: string) => (parse(t, { bom: true }) as string[][]).slice(1).map((r) => r[0]);
      assert.deepEqual(ids(byLine), ['bo-shu', 'three-d', 'tricky-term', 'zhu-yi-li']);
      assert.deepEqual(ids(render({ format: 'csv', chapter: 2 }).text), ids(byLine));
      assert.deepEqual(ids(render({ format: 'csv', chapter: 1 }).text), ['da-mo-xing', 'zhu-yi-li', 'tricky-term', 'adam', 'relu']);
      assert.deepEqual(ids(render({ format: 'csv', chapter: 3 }).text), []);
    });

    it('gives the same bytes for the same input, and a card once across several notes', () => {
      const notes = [note(), note('# Other\n\nReLU only.\n', 'b.md', 'b.md')];
      for (const format of ['anki', 'csv', 'md'] as const) {
        const a = render({ format, group: 'alpha' }, notes);
        const b = render({ format, group: 'alpha' }, [note(), note('# Other\n\nReLU only.\n', 'b.md', 'b.md')]);
        assert.equal(a.text, b.text, format);
        assert.equal(a.concepts, 7);
        assert.equal(a.chapters, 3);
      }
      const md = render({ format: 'md', group: 'alpha' }, notes).text;
      assert.ok(md.includes('### ReLU\n\nmax(0, x).\n\nUsed in:\n\n- [notes/ch1.md](notes/ch1.md) › [第一章 大模型简介](notes/ch1.md#第一章-大模型简介) › [7](notes/ch1.md#L7)\n- [b.md](b.md) › [Other](b.md#other) › [3](b.md#L3)\n'), md);
    });

    it('exports a note without headings as one chapter without a title', () => {
      const r = renderExport([{ name: 'a.md', href: 'a.md', scan: scanDocument('CoT and LoRA.\n', termsGlossary()) }], termsGlossary(), { format: 'anki', language: 'zh' });
      const lines = r.text.trimEnd().split('\n').slice(ANKI_HEADERS.length);
      assert.deepEqual(lines.map((l) => l.split('\t')[2]), ['a', 'a']);
      assert.ok(lines[0].includes('<small>Used in: a.md › 1</small>'), lines[0]);
    });
  });

  it('escapes printed Markdown without burying it in backslashes', () => {
    assert.equal(escapeMarkdownText('GPT-3.5 (2022), a *b* [c](d) <e> & `f`'), 'GPT-3.5 (2022), a \\*b\\* \\[c\\](d) &lt;e&gt; &amp; \\`f\\`');
    assert.equal(escapeMarkdownText('- item\n# head\n1. one'), '\\- item\n\\# head\n1\\. one');
  });

  it('the service exports notes by URI: open notes as the editor has them, others from the file', async () => {
    const ws = new InMemoryWorkspace({ 'mem:/ws/notes/a.md': '# 第一章\n\nLoRA 与思维链。\n', 'mem:/ws/notes/b.md': '# B\n\nRLHF here.\n', 'mem:/ws/big.md': 'x' });
    const builtin = async () => [parseGlossaryFile(fixture('glossaries', 'terms.glossary.yaml'), 'glossary/terms.yaml')];
    const service = createGlossaryService({ workspace: ws, reader: inProcessReader(ws), builtin, settings: { language: 'en' } });
    try {
      ws.openDoc('mem:/ws/notes/a.md', '# 第一章\n\nLoRA 与思维链，还有 DPO。\n', 2);
      const uris = ['mem:/ws/notes/a.md', 'mem:/ws/notes/b.md', 'mem:/ws/missing.md'];
      const r = await service.exportConcepts(uris, { format: 'csv', target: 'mem:/ws/out/concepts.csv', base: 'mem:/ws' });
      const rows = parse(r.text, { bom: true }) as string[][];
      assert.deepEqual(rows.slice(1).map((x) => [x[0], x[4], x[5]]), [
        ['lora', 'Low-rank adapters.', 'notes/a.md › 第一章 › 3'],
        ['chain-of-thought', 'Reasoning written out step by step.', 'notes/a.md › 第一章 › 3'],
        ['dpo', 'Preference optimization without a reward model.', 'notes/a.md › 第一章 › 3'],
        ['rlhf', 'RL on human preferences.', 'notes/b.md › B › 3'],
      ]);
      assert.deepEqual([r.notes, r.concepts, r.chapters], [2, 4, 2]);
      assert.deepEqual(r.skipped.map((s) => s.uri), ['mem:/ws/missing.md']);
      const md = await service.exportConcepts(uris.slice(0, 1), { format: 'md', target: 'mem:/ws/out/g.md', base: 'mem:/ws', language: 'zh' });
      assert.ok(md.text.includes('[notes/a.md](../notes/a.md) › [第一章](../notes/a.md#第一章) › [3](../notes/a.md#L3)'), md.text);
    } finally {
      service.dispose();
    }
  });
});
