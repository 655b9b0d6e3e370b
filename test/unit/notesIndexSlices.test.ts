import * as assert from 'node:assert/strict';
import type { GlossaryState } from '../../src/core/documents';
import { buildGlossary, type GlossaryIndex } from '../../src/core/glossaryIndex';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import type { TermMatcher } from '../../src/core/matcher';
import { NotesIndex, type IndexStorage } from '../../src/core/notesIndex';
import { inProcessReader } from '../../src/core/proseReader';
import { SILENT } from '../../src/core/workspace';
import { fixture, memoryStorage } from './helpers';
import { InMemoryWorkspace } from './inMemoryWorkspace';

const NOTES = 40;

/**
 * The fixture glossary with a matcher that takes 3 ms per call and counts its calls: a workspace where matching
 * every note at once would hold the host's thread for over 100 ms.
 */
function slowGlossary(ms = 3): { index: GlossaryIndex; calls: () => number } {
  const index = buildGlossary([{ builtin: true, files: [parseGlossaryFile(fixture('glossaries', 'terms.glossary.yaml'), 'glossary/terms.yaml')] }]);
  let calls = 0;
  const real = index.matcher;
  const matcher: TermMatcher = {
    size: real.size,
    findAll(text, from, to) {
      calls++;
      const until = Date.now() + ms;
      while (Date.now() < until);
      return real.findAll(text, from, to);
    },
  };
  return { index: Object.create(index, { matcher: { value: matcher } }) as GlossaryIndex, calls: () => calls };
}

function notes(): InMemoryWorkspace {
  const files: Record<string, string> = {};
  for (let i = 0; i < NOTES; i++) files[`mem:/ws/n${String(i).padStart(2, '0')}.md`] = `# 第 ${i} 章\n\nLoRA 与思维链（CoT）。\n`;
  return new InMemoryWorkspace(files);
}

function notesIndex(state: { current: GlossaryState }, ws = notes(), storage?: IndexStorage) {
  return new NotesIndex({ workspace: ws, reader: inProcessReader(ws), glossary: () => state.current, maxChars: () => 1e6, storage, log: SILENT });
}

describe('notes index: matching in slices', function () {
  this.timeout(20_000);
  it('counts asked for right after a build do not match every note at once; once ready, every note counts', async () => {
    const slow = slowGlossary();
    const index = notesIndex({ current: { index: slow.index, generation: 1 } });
    await index.rebuild();
    const before = slow.calls();
    index.fileCounts();
    assert.ok(slow.calls() - before < NOTES / 2, `fileCounts matched ${slow.calls() - before} pieces at once`);
    await index.ready();
    assert.equal(index.fileCounts().get('lora'), NOTES);
    assert.equal(index.fileCounts().get('chain-of-thought'), NOTES);
    index.dispose();
  });

  it('once ready, the counts are at hand: the first fileCounts after a build counts nothing in one task', async () => {
    const index = notesIndex({ current: { index: slowGlossary(0).index, generation: 1 } });
    await index.ready();
    // Counting is adding to a Map, note by note: the first call after the build must not do it.
    const set = Map.prototype.set;
    let sets = 0;
    Map.prototype.set = function (this: Map<unknown, unknown>, k: unknown, v: unknown) {
      sets++;
      return set.call(this, k, v);
    };
    let counts: ReadonlyMap<string, number>;
    try {
      counts = index.fileCounts();
    } finally {
      Map.prototype.set = set;
    }
    assert.equal(sets, 0, `fileCounts counted ${sets} times after ready()`);
    assert.equal(counts.get('lora'), NOTES);
    index.dispose();
  });

  it('after a glossary change nobody re-matched, counts keep the old matches until the background re-match ends', async () => {
    const slow = slowGlossary();
    const state = { current: { index: slow.index, generation: 1 } as GlossaryState };
    const index = notesIndex(state);
    await index.ready();
    assert.equal(index.fileCounts().get('lora'), NOTES);
    state.current = { index: slow.index, generation: 2 };
    const before = slow.calls();
    const counts = index.fileCounts();
    assert.ok(slow.calls() - before < NOTES / 2, `fileCounts matched ${slow.calls() - before} pieces at once`);
    assert.equal(counts.get('lora'), NOTES, 'notes not re-matched yet count as before');
    await index.ready();
    assert.equal(slow.calls() - before, 2 * NOTES, 'the background re-match matched each note (heading and paragraph) once');
    assert.equal(index.fileCounts().get('lora'), NOTES);
    index.dispose();
  });

  it('a build keeps only the entries each note uses; references keep the occurrences of the notes they match', async () => {
    const ws = notes();
    ws.files.set('mem:/ws/other.md', '# 其他\n\n只有思维链。\n');
    const slow = slowGlossary(0);
    const index = notesIndex({ current: { index: slow.index, generation: 1 } }, ws);
    await index.ready();
    assert.equal(index.notesWithOccurrences, 0, 'the re-match after the build held occurrences');
    assert.equal(index.fileCounts().get('chain-of-thought'), NOTES + 1);
    const before = slow.calls();
    const uses = index.usesOf('lora');
    assert.equal(uses.length, NOTES);
    assert.deepEqual(uses[0].occurrences.map((o) => o.text), ['LoRA']);
    assert.equal(slow.calls() - before, 2 * NOTES, 'only the notes that use LoRA were matched again (heading and paragraph)');
    assert.equal(index.notesWithOccurrences, NOTES);
    assert.equal(index.usesOf('lora').length, NOTES);
    assert.equal(slow.calls() - before, 2 * NOTES, 'a second search matches nothing');
    index.dispose();
  });
});

describe('notes index: the entries each note uses, kept between sessions', function () {
  this.timeout(20_000);
  /** A first session over `ws` with the slow glossary under fingerprint `g1`, saved at its end. */
  async function firstSession(ws: InMemoryWorkspace, store: IndexStorage) {
    const slow = slowGlossary();
    const index = notesIndex({ current: { index: slow.index, generation: 1, fingerprint: () => 'g1' } }, ws, store);
    await index.ready();
    const counts = new Map(index.fileCounts());
    index.dispose(); // saves at once
    await new Promise((r) => setImmediate(r));
    return counts;
  }

  it('re-opened with the same glossary: counts without matching a note; references match only notes that use the entry', async () => {
    const ws = notes();
    ws.files.set('mem:/ws/other.md', '# 其他\n\n只有思维链。\n');
    const store = memoryStorage();
    const first = await firstSession(ws, store);
    const slow = slowGlossary();
    const index = notesIndex({ current: { index: slow.index, generation: 1, fingerprint: () => 'g1' } }, ws, store);
    await index.ready();
    assert.deepEqual(new Map(index.fileCounts()), first);
    assert.equal(slow.calls(), 0, 'nothing was matched to count');
    assert.equal(index.fileCounts().get('chain-of-thought'), NOTES + 1);
    assert.equal(index.usesOf('lora').length, NOTES);
    assert.equal(slow.calls(), 2 * NOTES, 'only the notes that use LoRA were matched (heading and paragraph)');
    assert.deepEqual(index.usesOf('lora')[0].occurrences.map((o) => o.text), ['LoRA']);
    index.dispose();
  });

  it('a note deleted while the stored index is being read stays deleted: the stored copy is older', async () => {
    const ws = notes();
    const store = memoryStorage();
    await firstSession(ws, store);
    const index = notesIndex({ current: { index: slowGlossary(0).index, generation: 1, fingerprint: () => 'g1' } }, ws, store);
    const built = index.rebuild();
    ws.files.delete('mem:/ws/n00.md');
    index.delete('mem:/ws/n00.md');
    await built;
    await index.ready();
    assert.equal(index.fileCounts().get('lora'), NOTES - 1);
    assert.ok(!Object.keys(index.snapshot()).includes('mem:/ws/n00.md'));
    index.dispose();
  });

  it('re-opened with another glossary, or with a note changed on disk: the stored entries of those are not used', async () => {
    const ws = notes();
    const store = memoryStorage();
    await firstSession(ws, store);
    ws.files.set('mem:/ws/n00.md', '# 改过\n\n只有思维链。\n');
    const slow = slowGlossary();
    const index = notesIndex({ current: { index: slow.index, generation: 1, fingerprint: () => 'g1' } }, ws, store);
    await index.ready();
    assert.equal(index.fileCounts().get('lora'), NOTES - 1, 'the changed note no longer counts for LoRA');
    index.dispose();
    const cotOnly = buildGlossary([{ builtin: false, files: [parseGlossaryFile('entries:\n  - id: chain-of-thought\n    en: chain of thought\n    zh: 思维链\n    abbr: CoT\n    category: prompting\n    definition: {en: Reasoning written out step by step.}\n', 'g2.yaml')] }]);
    const other = notesIndex({ current: { index: cotOnly, generation: 1, fingerprint: () => 'g2' } }, ws, store);
    await other.ready();
    assert.equal(other.fileCounts().get('lora'), undefined, 'a glossary without LoRA counts no LoRA');
    assert.equal(other.fileCounts().get('chain-of-thought'), NOTES);
    other.dispose();
  });

  it('a session whose background re-match outlasts the first save still stores every note\'s entries', async () => {
    const ws = notes();
    const store = memoryStorage();
    const slow = slowGlossary(20); // 40 notes, 2 pieces each: 1.6 s of matching after the build, past the 1 s save
    const first = notesIndex({ current: { index: slow.index, generation: 1, fingerprint: () => 'g1' } }, ws, store);
    await first.ready();
    await new Promise((r) => setTimeout(r, 1300)); // the save after the re-match
    first.dispose();
    const again = slowGlossary();
    const index = notesIndex({ current: { index: again.index, generation: 1, fingerprint: () => 'g1' } }, ws, store);
    await index.ready();
    assert.equal(index.fileCounts().get('lora'), NOTES);
    assert.equal(again.calls(), 0, 'every note was stored with its entries');
    index.dispose();
  });

  it('a glossary without a fingerprint keeps no entries: every note is matched again', async () => {
    const ws = notes();
    const store = memoryStorage();
    await firstSession(ws, store);
    const slow = slowGlossary();
    const index = notesIndex({ current: { index: slow.index, generation: 1 } }, ws, store);
    await index.ready();
    assert.equal(slow.calls(), 2 * NOTES);
    assert.equal(index.fileCounts().get('lora'), NOTES);
    index.dispose();
  });
});
