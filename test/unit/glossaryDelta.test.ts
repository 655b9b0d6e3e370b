import * as assert from 'node:assert/strict';
import { reportEntries } from '../../src/core/conceptsReport';
import { GlossaryDelta, glossaryDigest } from '../../src/core/glossaryDelta';
import type { GlossaryIndex } from '../../src/core/glossaryIndex';
import { Matcher } from '../../src/core/matcher';
import { proseText } from '../../src/core/noteProse';
import { entryIdsOf, scanOutline, scanWithOutline } from '../../src/core/scanCache';
import { fixture, glossaryFrom } from './helpers';

const terms = fixture('glossaries', 'terms.glossary.yaml');
const digestOf = (g: GlossaryIndex) => glossaryDigest(g.patterns, reportEntries(g.entries.values()));
/** The built-in-like layer (the test glossary) under a user layer. */
const layered = (user: string) => glossaryFrom({ name: 'terms.glossary.yaml', text: terms }, { name: 'user.yaml', text: `entries:\n${user}` });
const entry = (id: string, en: string, zh?: string) => `  - id: ${id}\n    en: ${en}\n${zh ? `    zh: ${zh}\n` : ''}    category: bench\n    definition: {en: A test concept., zh: 测试用的概念。}\n`;

const NOTES = {
  lora: '# 一\nLoRA 与 CoT\n\n# 二\n思维链与指令微调\n',
  plain: '# 标题\n\n这里只有普通的文字，没有术语。\n',
  bench: '# 基准\n\n基准概念出现在这里，副本概念不在。\n',
};

/** For each note: whether the delta says it is affected, and whether its scan really differs between the glossaries. */
function verdicts(before: GlossaryIndex, after: GlossaryIndex) {
  const delta = GlossaryDelta.between(digestOf(before), digestOf(after));
  assert.ok(delta);
  const out: Record<string, { affected: boolean; differs: boolean }> = {};
  for (const [name, text] of Object.entries(NOTES)) {
    const first = scanWithOutline(text, before);
    assert.ok('outline' in first);
    const again = scanOutline(first.outline, after.matcher);
    const report = (g: GlossaryIndex, scan: typeof again) => JSON.stringify(scan.occurrences.map((o) => [o, g.entries.get(o.entryId)?.zh ?? null]));
    out[name] = { affected: delta.affects(proseText(first.outline.prose), entryIdsOf(first.scan)), differs: report(before, first.scan) !== report(after, again) };
  }
  return out;
}

describe('glossary delta (which cached answers a glossary edit leaves unchanged)', function () {
  this.timeout(20000); // glossaries of 1,200 entries built on a shared machine
  it('a new user entry affects exactly the notes that use its name (the overlay misses no user entry)', () => {
    const v = verdicts(layered(entry('bench-a', 'unused concept')), layered(entry('bench-a', 'unused concept') + entry('bench-b', 'bench concept', '基准概念')));
    assert.deepEqual(v.bench, { affected: true, differs: true });
    assert.deepEqual(v.plain, { affected: false, differs: false });
    assert.deepEqual(v.lora, { affected: false, differs: false });
  });

  it('an edited or removed user entry affects the notes that used it, and only those', () => {
    const before = layered(entry('bench-b', 'bench concept', '基准概念') + entry('qlora', 'QLoRA', '量化低秩'));
    const renamed = verdicts(before, layered(entry('bench-b', 'bench concept', '副本概念') + entry('qlora', 'QLoRA', '量化低秩')));
    assert.deepEqual(renamed.bench, { affected: true, differs: true }, 'its old name is gone');
    assert.deepEqual(renamed.plain, { affected: false, differs: false });
    const removed = verdicts(before, layered(entry('qlora', 'QLoRA', '量化低秩')));
    assert.deepEqual(removed.bench, { affected: true, differs: true });
    assert.deepEqual(removed.lora, { affected: false, differs: false });
  });

  it('an entry whose report fields change affects a note that shows it even where no name changed', () => {
    // The user layer gives LoRA a Chinese name that no note uses: LoRA's patterns keep matching, its report changes.
    const v = verdicts(layered(entry('bench-b', 'bench concept')), layered(entry('bench-b', 'bench concept') + entry('lora', 'LoRA', '低秩适配器')));
    assert.equal(v.lora.affected, true);
    assert.equal(v.lora.differs, true);
    assert.deepEqual(v.plain, { affected: false, differs: false });
  });

  it('an entry whose report fields alone change (no name differs) affects exactly the notes that show it', () => {
    const before = digestOf(layered(entry('bench-b', 'bench concept')));
    const delta = GlossaryDelta.between(before, { ...before, entries: { ...before.entries, lora: '["LoRA","低秩适配器",null,[],"alignment",null]' } });
    assert.ok(delta);
    assert.equal(delta.changedEntries, 1);
    assert.equal(delta.affects('LoRA 与 CoT', ['lora', 'chain-of-thought']), true);
    assert.equal(delta.affects('LoRA 与 CoT', ['chain-of-thought']), false, 'no changed name, no changed entry shown');
  });

  it('gives up (every note matched again) when too many names differ', () => {
    const none = glossaryFrom({ name: 'empty.yaml', text: 'entries: []\n' });
    const many = glossaryFrom({ name: 'many.yaml', text: `entries:\n${Array.from({ length: 1200 }, (_, i) => entry(`e${i}`, `concept number ${i}`, `概念${i}号`)).join('')}` });
    assert.equal(GlossaryDelta.between(digestOf(none), digestOf(many)), undefined);
  });

  it('Matcher.mentions is true wherever candidates finds a name in any span', () => {
    const names = ['LoRA', 'CoT', 'chain of thought', '思维链', 'GPT-4', 'x'].map((term) => ({ term, entryId: term }));
    const m = new Matcher(names);
    const texts = ['LoRAs', 'a chain-of-thought', 'CHAIN OF THOUGHT', 'aLoRA', '思维链条', 'GPT－4', 'xyz', 'nothing here', 'Lo RA', '思 维链'];
    for (const text of texts) {
      for (let from = 0; from <= text.length; from++) {
        for (let to = from; to <= text.length; to++) if (m.candidates(text, from, to).length) assert.ok(m.mentions(text), `${text} [${from}, ${to})`);
      }
    }
    assert.equal(m.mentions('nothing here'), false);
    assert.equal(m.mentions('Lo RA 思 维链'), false);
  });
});
