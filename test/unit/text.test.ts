import * as assert from 'node:assert/strict';
import { defaultCaseSensitive, lastAtMost, LineIndex, normalizeTerm, pairAt } from '../../src/core/text';

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
