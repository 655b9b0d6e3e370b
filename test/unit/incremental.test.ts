import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { IncrementalScan } from '../../src/core/incremental';
import { scanDocument, type ScanResult } from '../../src/core/scanner';
import { fixture, glossaryFrom, termsGlossary } from './helpers';

const glossary = termsGlossary();

/** Pieces of Markdown that change block structure: fences, math, HTML, headings, lists, quotes, tables, definitions. */
const PIECES = [
  '```', '```\n', '~~~\n', '$$\n', '$', '\n', '\n\n', '\r\n', '# ', '## ', '===\n', '---\n', '- ', '1. ', '> ', '    ',
  '<div>\n', '</div>\n', '<!-- ', ' -->', '<span>', '</span>', '|a|b|\n|-|-|\n', '[x]: /url\n', '[x]', '[^1]', '[^1]: note\n',
  '`', '**', '_', '[link](http://a.b/CoT)', '<https://x.y/LoRA>', 'CoT', 'LoRA', 'QLoRA', 'RLHF', '思维链', '指令微调', '微调',
  'chain of thought', 'chain-of-thought prompting', '推理', '数学推理', '部署', '。', 'LLMs', 'ChatGPT', 'GPT-4', '大模型', '😀', '\u00a0', 'Ｇ', 'x', ' ', '+++\n',
];

const lineArb = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 8 }).map((p) => p.join(''));
const docArb = fc.array(lineArb, { minLength: 1, maxLength: 30 }).map((lines) => lines.join('\n'));
const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat(12), insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join('')) });

function comparable(r: ScanResult) {
  return {
    occurrences: r.occurrences.map((o) => [o.entryId, o.start, o.end, o.line, o.column, o.endLine, o.endColumn, o.text, o.senses?.by, o.senses?.candidates.join()].join('|')),
    headings: r.headings.map((h) => [h.depth, h.title, h.line, h.start, h.end].join('|')),
    lastLine: r.lastLine,
    lineCount: r.lineCount,
  };
}

describe('incremental scan', function () {
  this.timeout(120_000);

  it('equals a full scan after each of thousands of random edits (fences, headings, lists, CJK, CRLF)', () => {
    let edits = 0;
    let partial = 0;
    fc.assert(
      fc.property(docArb, fc.array(editArb, { minLength: 1, maxLength: 15 }), (doc, list) => {
        const inc = new IncrementalScan(doc, glossary.matcher);
        let text = doc;
        for (const e of list) {
          const start = Math.floor(e.at * text.length);
          const end = Math.min(text.length, start + e.len);
          inc.edit(start, end, e.insert);
          text = text.slice(0, start) + e.insert + text.slice(end);
          edits++;
          assert.equal(inc.source, text);
          assert.deepEqual(comparable(inc.result()), comparable(scanDocument(text, glossary)), `after edit ${JSON.stringify(e)} of ${JSON.stringify(doc)}`);
        }
        partial += inc.stats.partial;
      }),
      { seed: 20261128, numRuns: 200 },
    );
    assert.ok(edits >= 1000, `${edits} edits`);
    assert.ok(partial > edits / 2, `most edits were partial (${partial} of ${edits})`);
  });

  it('re-parses only a few blocks for a one-character edit in a long note', () => {
    const base = fixture('notes', 'llm-s1.md');
    const text = Array.from({ length: 40 }, () => base.replace(/^---[\s\S]*?---\n/, '')).join('\n');
    const inc = new IncrementalScan(text, glossary.matcher);
    const at = text.indexOf('涌现能力', text.length / 2);
    inc.edit(at, at, 'x');
    assert.equal(inc.stats.partial, 1);
    assert.ok(inc.stats.reparsed < 2000, `${inc.stats.reparsed} characters re-parsed of ${text.length}`);
    assert.deepEqual(comparable(inc.result()), comparable(scanDocument(inc.source, glossary)));
  });

  it('falls back to a full scan when a definition changes what references mean', () => {
    const inc = new IncrementalScan('See [CoT][r] here.\n\nPara.\n', glossary.matcher);
    const t = inc.source;
    inc.edit(t.length, t.length, '\n[r]: /u\n');
    assert.deepEqual(comparable(inc.result()), comparable(scanDocument(inc.source, glossary)));
    assert.equal(inc.stats.full, 2);
  });

  describe('senses, resolved again only in the sections an edit touches', () => {
    // 推理 means inference (default; cues 部署, 显存) or reasoning (cues 思维链, 步骤, related chain-of-thought);
    // a section decides with two pieces of evidence, a sentence with one.
    const senses = glossaryFrom({
      name: 's.yaml',
      text: `entries:
  - id: inference
    en: inference
    zh: 模型推理
    category: inference
    senses:
      - surface: 推理
        compounds: [推理速度]
        cues: [部署, 显存]
        default: true
    definition: { en: Running a model., zh: 运行模型。 }
  - id: reasoning
    en: reasoning
    zh: 推理能力
    category: prompting
    senses:
      - surface: 推理
        compounds: [数学推理]
        cues: [思维链, 步骤]
    related: [chain-of-thought]
    definition: { en: Steps to an answer., zh: 一步步得出答案。 }
  - id: chain-of-thought
    en: chain of thought
    zh: 思维链
    category: prompting
    definition: { en: Writing out steps., zh: 写出中间步骤。 }
  - id: rl-policy
    en: policy
    zh: 策略
    category: ml-basics
    senses:
      - surface: 策略
        cues: [奖励, PPO]
    definition: { en: How an agent acts., zh: 智能体的动作规则。 }
`,
    });
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `第${i}段没有线索。`).join('\n\n');
    const senseOf = (r: ScanResult, from: number) => {
      const o = r.occurrences.find((x) => x.start >= from && x.text === '推理');
      return o ? `${o.entryId}/${o.senses?.by}` : 'none';
    };
    /** Applies an edit to both scans' texts and checks the incremental result against a full scan. */
    const edit = (inc: IncrementalScan, at: number, remove: number, insert: string) => {
      inc.edit(at, at + remove, insert);
      const full = scanDocument(inc.source, senses);
      assert.deepEqual(comparable(inc.result()), comparable(full));
      return full;
    };

    it('a cue word typed several blocks away from a surface changes its sense through the section', () => {
      const doc = `# 一\n\n模型在这里推理。\n\n${filler(8)}\n\n这里很长。\n\n# 二\n\n别处推理。\n`;
      const inc = new IncrementalScan(doc, senses.matcher);
      assert.equal(senseOf(inc.result(), 0), 'inference/default');
      const at = inc.source.indexOf('这里很长') + 2;
      const r = edit(inc, at, 0, '思维链');
      assert.equal(inc.stats.full, 1, 'the edit was partial');
      assert.equal(senseOf(r, 0), 'reasoning/section');
      assert.equal(senseOf(r, inc.source.indexOf('# 二')), 'inference/default', 'the next section is not affected');
      // Deleting the cue word again brings the default back.
      edit(inc, inc.source.indexOf('思维链'), 3, '');
      assert.equal(senseOf(inc.result(), 0), 'inference/default');
    });

    it('removing a heading merges two sections; adding it back splits them again', () => {
      const doc = `# 一\n\n思维链写出步骤。\n\n${filler(6)}\n\n## 二\n\n${filler(6)}\n\n模型在这里推理。\n`;
      const inc = new IncrementalScan(doc, senses.matcher);
      const two = inc.source.indexOf('## 二');
      assert.equal(senseOf(inc.result(), two), 'inference/default');
      let r = edit(inc, two, 3, '');
      assert.equal(senseOf(r, two), 'reasoning/section');
      r = edit(inc, two, 0, '## ');
      assert.equal(senseOf(r, two), 'inference/default');
      // Turning the heading into a paragraph and back, one character at a time.
      r = edit(inc, two, 1, '');
      r = edit(inc, two, 1, '');
      assert.equal(senseOf(r, two), 'reasoning/section');
      r = edit(inc, two, 0, '#');
      assert.equal(senseOf(r, two), 'inference/default');
      assert.ok(inc.stats.partial >= 5);
    });

    it('an edit that spans blocks across a section boundary', () => {
      const doc = `# 一\n\n${filler(3)}\n\n# 二\n\n奖励和 PPO 都在这里。\n\n${filler(3)}\n\n按新的策略做，推理。\n`;
      const inc = new IncrementalScan(doc, senses.matcher);
      const policy = (r: ScanResult) => r.occurrences.filter((o) => o.text === '策略').map((o) => o.senses?.by);
      assert.deepEqual(policy(inc.result()), ['section']);
      // Remove from inside section one to inside section two: the second heading and its evidence go.
      const a = inc.source.indexOf('第1段');
      const z = inc.source.indexOf('都在这里');
      const r = edit(inc, a, z - a, '');
      assert.deepEqual(policy(r), []);
    });

    const pieces = ['# ', '## ', '\n', '\n\n', '推理', '策略', '思维链', '步骤', '部署', '显存', '奖励', 'PPO', '数学推理', '推理速度', '。', '，', '- ', '> ', '```\n', '文字', 'x'];
    const senseDoc = fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join('')), { minLength: 3, maxLength: 40 }).map((l) => l.join('\n\n'));
    const senseEdit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat(20), insert: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }).map((p) => p.join('')) });

    it('equals a full scan, senses included, after random edits of cue words, surfaces and headings', () => {
      let decided = 0;
      let partial = 0;
      let edits = 0;
      fc.assert(
        fc.property(senseDoc, fc.array(senseEdit, { minLength: 1, maxLength: 12 }), (doc, list) => {
          const inc = new IncrementalScan(doc, senses.matcher);
          for (const e of list) {
            const start = Math.floor(e.at * inc.source.length);
            const r = edit(inc, start, Math.min(e.len, inc.source.length - start), e.insert);
            decided += r.occurrences.filter((o) => o.senses?.by === 'section' || o.senses?.by === 'sentence').length;
            edits++;
          }
          partial += inc.stats.partial;
        }),
        { seed: 20261202, numRuns: 150 },
      );
      assert.ok(decided > 100, `senses decided by evidence: ${decided}`);
      assert.ok(partial > edits / 2, `most edits were partial (${partial} of ${edits})`);
    });
  });
});
