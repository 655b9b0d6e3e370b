import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { draftEntriesYaml, draftId } from '../../src/core/draftEntries';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { SuggestCollector } from '../../src/core/suggest';
import { ROOT, termsGlossary } from './helpers';

const notes = {
  'a.md': '# 第一章\n\n思维链（CoT, Chain of Thought）与旋转位置编码（RoPE，Rotary Position Embedding）。\n我们采用混合专家（MoE, Mixture of Experts）和 FlashAttention，以及 RLHF。\n\n```\nSpeculativeDecoding in code\n```\n',
  'b.md': '使用混合专家（MoE）。FlashAttention 和 PagedAttention 都很快；API 与 JSON 不是术语。LoraConfig(r=8)\n',
  'c.md': 'FlashAttention-2 and LLM-based agents; the GPT-4o-mini model. <span>HiddenTerm</span> `CodeTerm`\n',
};

describe('suggest', () => {
  const collector = new SuggestCollector(termsGlossary());
  for (const [f, t] of Object.entries(notes)) collector.add(f, t);
  const results = collector.results();
  const byTerm = new Map(results.map((s) => [s.term, s]));

  it('ranks by the number of files that use a term', () => {
    assert.equal(results[0].term, 'FlashAttention');
    assert.equal(results[0].files, 3, 'FlashAttention-2 counts as FlashAttention');
    assert.equal(byTerm.get('混合专家')?.files, 2);
  });
  it('reads bilingual pairs the way Chinese notes introduce terms', () => {
    const moe = byTerm.get('混合专家')!;
    assert.deepEqual([moe.kind, moe.zh, moe.en, moe.abbr], ['pair', '混合专家', 'Mixture of Experts', 'MoE']);
    assert.equal(byTerm.has('采用混合专家'), false, 'the verb before the name is cut off');
  });
  it('finds acronyms and CamelCase names', () => {
    assert.equal(byTerm.get('PagedAttention')?.kind, 'camel-case');
    assert.equal(byTerm.get('MoE')?.kind, 'acronym');
  });
  it('skips what the glossary knows, its variants and everyday computing words', () => {
    for (const t of ['思维链', '旋转位置编码', 'CoT', 'RoPE', 'RLHF', 'API', 'JSON', 'LLM-based', 'GPT-4o-mini', 'GPT-4o', 'LoraConfig']) assert.equal(byTerm.has(t), false, t);
  });
  it('reads prose only: not code, inline code or HTML', () => {
    for (const t of ['SpeculativeDecoding', 'HiddenTerm', 'CodeTerm']) assert.equal(byTerm.has(t), false, t);
  });
  it('keeps examples with file and line', () => {
    assert.deepEqual(byTerm.get('混合专家')!.examples.map((e) => [e.file, e.line]), [['a.md', 4], ['b.md', 1]]);
  });
  it('drafts entries with names filled in and empty definitions, skipping known ids and names', () => {
    assert.equal(draftId(byTerm.get('混合专家')!), 'mixture-of-experts');
    assert.equal(draftId(byTerm.get('PagedAttention')!), 'paged-attention');
    const { yaml, ids } = draftEntriesYaml(results, { ids: new Set(['paged-attention']), names: new Set(['moe']) });
    assert.ok(!ids.includes('paged-attention') && !ids.includes('mixture-of-experts'), ids.join(','));
    assert.ok(ids.includes('flash-attention'));
    const parsed = parseGlossaryFile(`entries:\n${yaml}`, 'd.yaml');
    assert.deepEqual(parsed.problems, []);
    for (const e of parsed.entries) {
      assert.equal(e.draft, true);
      assert.deepEqual(e.definition, {});
    }
  });
});

describe('llm-glossary suggest (spawned)', function () {
  this.timeout(20000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-glossary-suggest-'));
    for (const [f, t] of Object.entries(notes)) fs.writeFileSync(path.join(tmp, f), t);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'llm-glossary.js'), 'suggest', '--no-builtin', '--glossary', path.join(ROOT, 'test/fixtures/glossaries/terms.glossary.yaml'), ...args], { cwd: tmp, encoding: 'utf8' });

  it('--json lists the suggestions', () => {
    const r = cli('--json', '.');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { files: number; suggestions: { term: string; files: number }[] };
    assert.equal(out.files, 3);
    assert.equal(out.suggestions[0].term, 'FlashAttention');
  });

  it('--write appends drafts without touching existing entries, and a second run adds nothing', () => {
    const file = path.join(tmp, 'mine.glossary.yaml');
    const original = '# my terms\nentries:\n  - id: my-term\n    en: my term\n    category: custom\n    definition: {en: Mine., zh: 我的。}\n';
    fs.writeFileSync(file, original);
    const r = cli('--write', 'mine.glossary.yaml', '.');
    assert.equal(r.status, 0, r.stderr);
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(after.startsWith(original), 'existing text kept byte for byte');
    assert.match(after, /- id: flash-attention\n {4}en: "FlashAttention"\n {4}category: custom\n {4}draft: true/);
    const check = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'llm-glossary.js'), 'check', file], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    const again = cli('--write', 'mine.glossary.yaml', '.');
    assert.equal(again.status, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), after, 'nothing new to add');
    assert.match(again.stderr, /appended 0 draft entries/);
  });

  it('--write creates a new file and refuses a file it cannot safely append to', () => {
    const r = cli('--write', 'new.glossary.yaml', '.');
    assert.equal(r.status, 0, r.stderr);
    assert.match(fs.readFileSync(path.join(tmp, 'new.glossary.yaml'), 'utf8'), /^# Draft entries[^\n]*\nentries:\n {2}- id: /);
    const odd = path.join(tmp, 'odd.glossary.yaml');
    fs.writeFileSync(odd, 'entries: []\n');
    const bad = cli('--write', 'odd.glossary.yaml', '.');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /cannot append/);
    assert.equal(fs.readFileSync(odd, 'utf8'), 'entries: []\n');
  });
});
