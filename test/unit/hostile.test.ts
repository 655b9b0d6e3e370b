import * as assert from 'node:assert/strict';
import { formatProblem } from '../../src/core/glossary';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { renderHover, ENGLISH_HOVER_LABELS, HOVER_COMMANDS } from '../../src/core/hover';
import { DEFAULT_LIMITS, tooComplex } from '../../src/core/limits';
import { scanDocument } from '../../src/core/scanner';
import { glossaryFrom, termsGlossary } from './helpers';

describe('hostile input', function () {
  this.timeout(120_000);

  describe('pathological notes are refused before parsing, with a reason', () => {
    const cases: [string, () => string, RegExp][] = [
      ['a 10 MB single line', () => 'LoRA and CoT '.repeat(810_000), /larger than 2000000 characters/],
      ['50,000 headings', () => Array.from({ length: 50_000 }, (_, i) => `# 第${i}章 CoT\n`).join('\n'), /longer than 40000 lines/],
      ['lists nested 10,000 deep', () => '- '.repeat(10_000) + 'RLHF\n', /nested deeper than 64 levels/],
      ['block quotes nested 10,000 deep', () => '>'.repeat(10_000) + ' LoRA\n', /nested deeper than 64 levels/],
      ['lists nested by indentation', () => Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'), /nested deeper than 64 levels/],
      ['100,000 table rows', () => '| a | b |\n| --- | --- |\n' + '| LoRA | CoT |\n'.repeat(100_000), /longer than 40000 lines/],
      ['NUL characters', () => 'LoRA\u0000CoT\n'.repeat(10), /NUL/],
    ];
    for (const [name, make, reason] of cases) it(name, () => assert.match(tooComplex(make()) ?? 'accepted', reason));

    it('accepts real notes, including a 1 MB one and nesting up to the limit', () => {
      assert.equal(tooComplex(`# 标题\n\n${'正文 LoRA 与思维链，'.repeat(6)}\n`.repeat(15_000 / 3)), undefined);
      const deep = '- '.repeat(DEFAULT_LIMITS.maxNesting) + 'RLHF\n';
      assert.equal(tooComplex(deep), undefined);
      assert.deepEqual(scanDocument(deep, termsGlossary()).occurrences.map((o) => o.text), ['RLHF']);
    });

    it('scans invalid UTF-8 (decoded with replacement characters) and lone surrogates without trouble', () => {
      const text = Buffer.from([0x4c, 0x6f, 0x52, 0x41, 0x20, 0xff, 0xfe, 0x20, 0x43, 0x6f, 0x54]).toString('utf8') + ' \ud800 RLHF \udc00';
      assert.deepEqual(scanDocument(text, termsGlossary()).occurrences.map((o) => o.text), ['LoRA', 'CoT', 'RLHF']);
    });
  });

  describe('hostile glossary files', () => {
    it('refuses a file over 2 MB, and more than 20,000 entries in one file', () => {
      assert.match(formatProblem(parseGlossaryFile('#'.repeat(2_000_001), 'big.yaml').problems[0]), /^big\.yaml:1:1: file is too large/);
      const many = 'entries:\n' + Array.from({ length: 20_005 }, (_, i) => `- {id: t${i}, en: w${i}, category: c, definition: {en: x}}\n`).join('');
      const parsed = parseGlossaryFile(many, 'many.yaml');
      assert.equal(parsed.entries.length, 20_000);
      assert.match(formatProblem(parsed.problems[0]), /^many\.yaml:20002:3: too many entries \(20005\); expected at most 20000/);
    });

    it('rejects 10,000-character terms and keeps the other entries', () => {
      const g = glossaryFrom({ name: 'long.yaml', text: `entries:\n  - id: long\n    en: ${'x'.repeat(10_000)}\n    category: c\n    definition: {en: x}\n  - id: ok\n    en: fine term\n    category: c\n    definition: {en: x}\n` });
      assert.match(formatProblem(g.problems[0]), /long\.yaml:3:9: "en" in entry "long" is too long; expected at most 200 characters/);
      assert.deepEqual([...g.entries.keys()], ['ok']);
    });

    it('matches names full of regex characters literally', () => {
      const g = glossaryFrom({ name: 'r.yaml', text: 'entries:\n  - id: r\n    en: "C++"\n    aliases: ["(a+)+$", "[^]", ".*?"]\n    category: c\n    definition: {en: x}\n' });
      assert.deepEqual(g.matcher.findAll('C++ (a+)+$ [^] .*? aaaa').map((m) => m.entryId), ['r', 'r', 'r', 'r']);
    });

    it('never renders HTML, script, javascript: or foreign command: links from a definition', () => {
      const g = glossaryFrom({
        name: 'x.yaml',
        text: 'entries:\n  - id: evil\n    en: evil term\n    category: c\n    definition:\n      en: "<script>alert(1)</script> [click](javascript:alert(1)) [quit](command:workbench.action.quit) <img src=x onerror=alert(1)>"\n    references:\n      - {title: "[t](command:x)", year: 2020, url: "https://example.com/a)(command:x"}\n',
      });
      const md = renderHover(g.get('evil')!, g, { language: 'both', commandLinks: true, labels: ENGLISH_HOVER_LABELS });
      assert.ok(!/<script|<img/i.test(md), md);
      assert.ok(!/\]\((javascript|command:workbench|command:x)/.test(md), md);
      assert.ok(!md.includes('](https://example.com/a)(command:x)'), 'a URL with parentheses is not linked');
      const ours: string[] = Object.values(HOVER_COMMANDS);
      for (const m of md.matchAll(/\]\(command:([\w.]+)/g)) assert.ok(ours.includes(m[1]), m[1]);
    });

    it('lets a user entry with a built-in id override it instead of clashing', () => {
      const base = 'entries:\n  - id: lora\n    en: LoRA\n    category: c\n    definition: {en: Built in.}\n';
      const user = 'entries:\n  - id: lora\n    en: LoRA\n    category: c\n    definition: {en: "<b>Mine</b>"}\n';
      const g = glossaryFrom({ name: 'b.yaml', text: base }, { name: 'u.yaml', text: user });
      assert.deepEqual(g.problems, []);
      assert.equal(g.get('lora')?.definition.en, '<b>Mine</b>');
    });
  });
});

describe('hover text', () => {
  it('links related entries both ways', () => {
    const g = glossaryFrom({
      name: 'r.yaml',
      text: 'entries:\n  - id: a\n    en: alpha term\n    category: c\n    related: [b]\n    definition: {en: x}\n  - id: b\n    en: beta term\n    category: c\n    definition: {en: y}\n  - id: c\n    en: gamma term\n    category: c\n    definition: {en: z}\n',
    });
    const opts = { language: 'en' as const, commandLinks: true, labels: ENGLISH_HOVER_LABELS };
    assert.match(renderHover(g.get('a')!, g, opts), /Related: \[beta term\]\(command:llmGlossary\.openEntry\?/);
    assert.match(renderHover(g.get('b')!, g, opts), /Related: \[alpha term\]\(command:llmGlossary\.openEntry\?/, 'the link back');
    assert.doesNotMatch(renderHover(g.get('c')!, g, opts), /Related/);
  });
});
