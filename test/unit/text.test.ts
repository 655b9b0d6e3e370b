import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultCaseSensitive, lastAtMost, LineIndex, normalizeTerm, pairAt, Pieces } from '../../src/core/text';

describe('text utilities', () => {
  it('LineIndex counts LF, CRLF and lone CR line endings', () => {
    const t = 'a\r\nbc\nd\re';
    const li = new LineIndex(t);
    assert.equal(li.lineCount, 4);
    assert.deepEqual(li.position(t.indexOf('b')), { line: 2, column: 1 });
    assert.deepEqual(li.position(t.indexOf('c')), { line: 2, column: 2 });
    assert.deepEqual(li.position(t.indexOf('e')), { line: 4, column: 1 });
    assert.equal(li.offset(2, 2), t.indexOf('c'));
  });
  it('columns count UTF-16 code units', () => {
    const li = new LineIndex('思维链😀CoT');
    assert.deepEqual(li.position(5), { line: 1, column: 6 });
  });
  it('normalizeTerm folds spaces, hyphens, full-width letters and case', () => {
    assert.equal(normalizeTerm('  Chain-of  Thought ', false), 'chain of thought');
    assert.equal(normalizeTerm('ＧＰＴ', true), 'GPT');
  });
  it('the default case policy: two or more capitals', () => {
    assert.equal(defaultCaseSensitive('CoT'), true);
    assert.equal(defaultCaseSensitive('RMSNorm'), true);
    assert.equal(defaultCaseSensitive('Transformer'), false);
    assert.equal(defaultCaseSensitive('foundation model'), false);
    assert.equal(defaultCaseSensitive('思维链'), false);
  });
});

describe('lastAtMost', () => {
  it('finds the last value at most x, by stride, or 0', () => {
    assert.equal(lastAtMost([0, 5, 9], 7), 1);
    assert.equal(lastAtMost([0, 5, 9], 9), 2);
    assert.equal(lastAtMost([3, 5], 1), 0);
    assert.equal(lastAtMost([0, 4, 10, 12, 20, 25], 21, 2), 2);
    assert.equal(lastAtMost([], 3), 0);
  });
});

describe('pairAt', () => {
  it('finds the [start, end] pair holding x, ends included, or -1', () => {
    const pairs = [2, 4, 10, 12];
    assert.equal(pairAt(pairs, 2), 0);
    assert.equal(pairAt(pairs, 4), 0);
    assert.equal(pairAt(pairs, 11), 2);
    assert.equal(pairAt(pairs, 7), -1);
    assert.equal(pairAt(pairs, 1), -1);
    assert.equal(pairAt(pairs, 13), -1);
    assert.equal(pairAt([], 0), -1);
  });
});

describe('edits of long texts', () => {
  const chunk = fc.array(fc.constantFrom('a', '字', '\n', '\r', '\r\n', ' ', '😀'), { maxLength: 40 }).map((p) => p.join(''));
  const edits = fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat(30), insert: chunk }), { minLength: 1, maxLength: 20 });
  const lines = (li: LineIndex, n: number) => Array.from({ length: n + 1 }, (_, i) => li.position(i));

  it('an edited LineIndex equals one built from the new text (LF, CRLF, lone CR, a CR and LF split or joined)', () => {
    fc.assert(
      fc.property(chunk, edits, (start, list) => {
        let text = start;
        let li = new LineIndex(text);
        for (const e of list) {
          const a = Math.floor(e.at * text.length);
          const z = Math.min(text.length, a + e.len);
          text = text.slice(0, a) + e.insert + text.slice(z);
          li = li.edited(a, z, e.insert.length, text);
          const fresh = new LineIndex(text);
          assert.equal(li.lineCount, fresh.lineCount);
          assert.deepEqual(lines(li, text.length), lines(fresh, text.length), JSON.stringify(text));
        }
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });

  it('Pieces: replace, slice, charCodeAt and toString agree with a plain string, across piece borders', () => {
    const base = 'ab字\n'.repeat(9000); // several pieces
    fc.assert(
      fc.property(edits, fc.nat(), (list, seed) => {
        let text = base;
        let p = Pieces.of(text);
        for (const e of list) {
          const a = Math.floor(e.at * text.length);
          const z = Math.min(text.length, a + e.len * (seed % 2 ? 1 : 900)); // some edits span pieces
          text = text.slice(0, a) + e.insert + text.slice(z);
          p = p.replace(a, z, e.insert);
          assert.equal(p.length, text.length);
          const x = (seed + a) % (text.length + 1);
          assert.equal(p.slice(x - 9000, x + 20), text.slice(Math.max(0, x - 9000), x + 20));
          assert.equal(p.charCodeAt(x), text.charCodeAt(x));
        }
        assert.equal(p.toString(), text);
      }),
      { seed: 20261203, numRuns: 60 },
    );
  });
});
