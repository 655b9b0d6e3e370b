import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Matcher } from '../../src/core/matcher';
import { scanDocument } from '../../src/core/scanner';
import { compiledBuiltin, FIXTURES, ROOT } from './helpers';

interface Trap {
  readonly term: string;
  readonly word: string;
  readonly sentence: string;
  readonly source: string;
}
interface Right {
  readonly term: string;
  readonly entry: string;
  readonly sentence: string;
  readonly source: string;
}

const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const cases = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'han-boundaries.json'), 'utf8')) as { traps: Trap[]; right: Right[] };

/** Each sentence is a real one: it is in its note, where the corpus is present. */
function assertFromCorpus(c: { sentence: string; source: string }): void {
  const file = path.join(CORPUS, c.source);
  if (fs.existsSync(CORPUS)) assert.ok(fs.readFileSync(file, 'utf8').includes(c.sentence), `not in ${c.source}: ${c.sentence}`);
}

/**
 * Chinese word boundaries on real sentences with the built-in glossary as the extension loads it: a term that a
 * plain substring matcher finds inside or across another word (列并行 in 序列并行, 行并行 in 进行|并行, 词格 in
 * 台词|格式) is not reported there, and the same terms are reported where they are meant, in headings, table cells
 * and next to Latin letters and digits too.
 */
describe('Han word boundaries on real sentences', function () {
  this.timeout(60_000);
  const glossary = compiledBuiltin().alone!;
  it(`has at least 50 trap sentences and 50 right ones`, () => {
    assert.ok(new Set(cases.traps.map((t) => t.sentence)).size >= 50);
    assert.ok(new Set(cases.right.map((t) => t.sentence)).size >= 50);
  });
  for (const t of cases.traps) {
    it(`no ${t.term} in ${t.word}: ${t.sentence.slice(0, 40)}`, () => {
      assertFromCorpus(t);
      const at = t.sentence.indexOf(t.word) + t.word.indexOf(t.term);
      const plain = new Matcher([{ term: t.term, entryId: t.term }], { hanWords: false }).findAll(t.sentence);
      assert.ok(plain.some((m) => m.start === at), 'a plain matcher finds the term there');
      const there = scanDocument(t.sentence, glossary).occurrences.filter((o) => o.start === at && o.end === at + t.term.length);
      assert.deepEqual(there.map((o) => `${o.text}=${o.entryId}`), []);
    });
  }
  for (const r of cases.right) {
    it(`${r.term} = ${r.entry}: ${r.sentence.slice(0, 40)}`, () => {
      assertFromCorpus(r);
      const found = scanDocument(r.sentence, glossary).occurrences.map((o) => `${o.text}=${o.entryId}`);
      assert.ok(found.includes(`${r.term}=${r.entry}`), found.join(' '));
    });
  }
});
