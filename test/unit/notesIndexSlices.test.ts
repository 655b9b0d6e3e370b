import * as assert from 'node:assert/strict';
import type { GlossaryState } from '../../src/core/documents';
import { buildGlossary, type GlossaryIndex } from '../../src/core/glossaryIndex';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import type { TermMatcher } from '../../src/core/matcher';
import { NotesIndex } from '../../src/core/notesIndex';
import { inProcessReader } from '../../src/core/proseReader';
import { SILENT } from '../../src/core/workspace';
import { fixture } from './helpers';
import { InMemoryWorkspace } from './inMemoryWorkspace';

const NOTES = 40;

/**
 * The fixture glossary with a matcher that takes 3 ms per call and counts its calls: a workspace where matching
 * every note at once would hold the host's thread for over 100 ms.
 */
function slowGlossary(): { index: GlossaryIndex; calls: () => number } {
  const index = buildGlossary([{ builtin: true, files: [parseGlossaryFile(fixture('glossaries', 'terms.glossary.yaml'), 'glossary/terms.yaml')] }]);
  let calls = 0;
  const real = index.matcher;
  const matcher: TermMatcher = {
    size: real.size,
    findAll(text, from, to) {
      calls++;
      const until = Date.now() + 3;
      while (Date.now() < until);
      return real.findAll(text, from, to);
    },
  };
  return { index: Object.create(index, { matcher: { value: matcher } }) as GlossaryIndex, calls: () => calls };
}

function notesIndex(state: { current: GlossaryState }) {
  const files: Record<string, string> = {};
  for (let i = 0; i < NOTES; i++) files[`mem:/ws/n${String(i).padStart(2, '0')}.md`] = `# 第 ${i} 章\n\nLoRA 与思维链（CoT）。\n`;
  const ws = new InMemoryWorkspace(files);
  return new NotesIndex({ workspace: ws, reader: inProcessReader(ws), glossary: () => state.current, maxChars: () => 1e6, log: SILENT });
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
});
