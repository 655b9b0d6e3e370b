import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { IncrementalScan } from '../../src/core/incremental';
import { scanDocument, type ScanResult } from '../../src/core/scanner';
import { fixture, termsGlossary } from './helpers';

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
});
