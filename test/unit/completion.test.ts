import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { completeTerm, foldName, inProse, PrefixIndex, typedSpan, type CompletionRequest } from '../../src/core/completion';
import { DocumentCache } from '../../src/core/documents';
import type { GlossaryIndex } from '../../src/core/glossaryIndex';
import { ENGLISH_HOVER_LABELS } from '../../src/core/hover';
import { formatIntroduction } from '../../src/core/labels';
import { createGlossaryService, inProcessReader, type GlossaryService, type ServiceSettings } from '../../src/core/service';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { compiledBuiltin, glossaryFrom, ROOT } from './helpers';
import { InMemoryWorkspace } from './inMemoryWorkspace';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';

const YAML = `entries:
  - id: chain-of-thought
    en: chain of thought
    zh: 思维链
    abbr: CoT
    aliases: [思维链推理]
    category: prompting
    definition: {en: Reasoning written out step by step., zh: 逐步写出的推理过程。}
  - id: consistency-model
    en: consistency model
    zh: 一致性模型
    category: architecture
    definition: {en: A generative model., zh: 一种生成模型。}
  - id: contrastive-learning
    en: contrastive learning
    zh: 对比学习
    category: ml-basics
    definition: {en: Learning by contrast., zh: 通过对比来学习。}
  - id: cosine-schedule
    en: learning-rate schedule with cosine decay
    aliases: [cosine schedule]
    category: training
    definition: {en: A schedule., zh: 一种学习率调度。}
  - id: lora
    en: LoRA
    zh: 低秩适配
    aliases: [low-rank adaptation, LoRA微调]
    category: alignment
    definition: {en: Low-rank adapters., zh: 低秩适配器。}
  - id: fine-tuning
    en: fine-tuning
    zh: 微调
    category: alignment
    definition: {en: Further training., zh: 继续训练。}
  - id: large-language-model
    en: large language model
    zh: 大语言模型
    abbr: LLM
    aliases: [大模型]
    category: nlp-basics
    definition: {en: A very large language model., zh: 规模很大的语言模型。}
`;

const glossary = glossaryFrom({ name: 'c.glossary.yaml', text: YAML });
const builtinGlossary = () => compiledBuiltin().alone!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const index = PrefixIndex.of(glossary);
const span = (text: string) => typedSpan(text, text.length, index)?.typed;

/** A completion request over a whole document as the service makes it, with the cursor at `¦`. */
function request(marked: string, g: GlossaryIndex = glossary, extra: Partial<CompletionRequest> = {}): CompletionRequest {
  const offset = marked.indexOf('¦');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const cache = new DocumentCache(() => ({ index: g, generation: 1 }), () => 1e7);
  const doc = { uri: 'mem:/n.md', version: 1, getText: () => text };
  const ds = cache.get(doc);
  return { text, offset, prose: cache.prose(doc), headings: ds.scan.headings, occurrences: ds.scan.occurrences, glossary: g, usage: () => 0, insert: 'introduction-first', language: 'both', ...extra };
}
const complete = (marked: string, extra: Partial<CompletionRequest> = {}) => completeTerm(request(marked, glossary, extra));
const names = (marked: string, extra: Partial<CompletionRequest> = {}) => complete(marked, extra)?.items.map((i) => i.name);

describe('term completion', () => {
  describe('the prefix index', () => {
    it('holds every name of every entry once, folded, and finds the names a prefix begins', () => {
      assert.equal(index.size, 4 + 2 + 2 + 2 + 4 + 2 + 4, 'English, Chinese, abbreviation and every alias of the seven entries');
      assert.ok(index.hasPrefix(foldName('Chain-Of')));
      assert.ok(index.hasPrefix('思维链推'));
      assert.ok(!index.hasPrefix('思维链推导'));
      assert.deepEqual(
        index.withPrefix('co').map((n) => [n.name, n.kind]),
        [
          ['consistency model', 'primary'],
          ['contrastive learning', 'primary'],
          ['cosine schedule', 'alias'],
          ['CoT', 'abbr'],
        ],
      );
    });

    it('is built once per glossary version, quickly for the built-in glossary', function () {
      this.timeout(30_000);
      const builtin = builtinGlossary();
      const t0 = performance.now();
      const big = PrefixIndex.build(builtin.entries.values());
      const ms = performance.now() - t0;
      console.log(`      prefix index of the built-in glossary: ${builtin.entries.size} entries, ${big.size} names, built in ${ms.toFixed(1)} ms`);
      assert.ok(big.size > builtin.entries.size * 2);
      assert.equal(PrefixIndex.of(builtin), PrefixIndex.of(builtin), 'cached per glossary');
      assert.notEqual(PrefixIndex.of(builtin), PrefixIndex.of(glossary));
      assert.ok(big.hasPrefix(foldName('思维')) && big.hasPrefix(foldName('RMSN')) && big.hasPrefix(foldName('rotary pos')));
    });

    it('folds full-width letters, hyphens and case, one code unit for one', () => {
      assert.equal(foldName('ＣｏＴ-Ｘ'), 'cot x');
      assert.equal(foldName('Chain-of-Thought'), 'chain of thought');
      assert.equal(foldName('思维链 CoT'), '思维链 cot');
      for (const s of ['ＧＰＴ－４', 'Straße', 'İstanbul', 'ΣΑΣ']) assert.equal(foldName(s).length, s.length, s);
    });
  });

  describe('the typed range', () => {
    it('is the longest text before the cursor that begins a name, in Chinese, English and abbreviations', () => {
      assert.equal(span('我们用思维'), '思维', 'Han text has no boundaries: the start is wherever a name begins');
      assert.equal(span('我们用思维链推'), '思维链推', 'the longest wins over 链推 or 推');
      assert.equal(span('We use chain of'), 'chain of', 'Latin names with spaces');
      assert.equal(span('We use Chain-of-Th'), 'Chain-of-Th', 'hyphens and case fold');
      assert.equal(span('用 Co'), 'Co');
      assert.equal(span('先做大模'), '大模');
    });

    it('works in mixed Han and Latin runs', () => {
      assert.equal(span('我们用LoRA微调'), 'LoRA微调', 'a mixed name is found whole');
      assert.equal(span('我们用LoRA微'), 'LoRA微', 'and its start');
      const g = glossaryFrom({ name: 'x.yaml', text: YAML.replace(', LoRA微调]', ']') });
      const plain = PrefixIndex.of(g);
      assert.equal(typedSpan('我们用LoRA微调', 9, plain)?.typed, '微调', 'without the mixed name, only the Han run');
      assert.equal(typedSpan('我们用LoRA微', 8, plain), undefined, 'one Han character is too little');
      assert.equal(span('思维链和lo'), 'lo', 'a Latin run after Han');
    });

    it('never starts inside a Latin word, nor completes with the cursor inside one', () => {
      assert.equal(span('Flo'), undefined, '"lo" inside Flo is not the start of LoRA');
      assert.equal(span('mycot'), undefined);
      assert.equal(typedSpan('use LoRA now', 6, index), undefined, 'cursor between o and R');
      assert.equal(span('a'), undefined, 'fewer than two characters');
      assert.equal(span('line one\nco'), 'co', 'only the current line counts');
      assert.equal(span('chain\nof'), undefined);
    });
  });

  describe('the items', () => {
    it('rank a name typed in full, then English/Chinese names, then abbreviations, then other names; frequent entries first', () => {
      assert.deepEqual(names('用 co¦'), ['consistency model', 'contrastive learning', 'CoT', 'cosine schedule']);
      const usage = (id: string) => (id === 'contrastive-learning' ? 9 : id === 'consistency-model' ? 2 : 0);
      assert.deepEqual(names('用 co¦', { usage }), ['contrastive learning', 'consistency model', 'CoT', 'cosine schedule'], 'usage orders within a tier');
      assert.deepEqual(names('用 cot¦', { usage }), ['CoT'], 'the complete abbreviation');
      assert.deepEqual(names('用大模¦'), ['大模型'], 'an alias');
      assert.deepEqual(names('用 Co¦', { usage }), ['CoT', 'contrastive learning', 'consistency model', 'cosine schedule'], 'capitals typed: same-case names first');
      const items = complete('用 co¦')!.items;
      assert.deepEqual(
        items.map((i) => i.sortText),
        [...items.map((i) => i.sortText)].sort(),
        'sortText keeps the order',
      );
    });

    it('carry both names, the category, a short definition, a filter text that starts with the typed text and the range', () => {
      const r = complete('# 第一章\n\n我们用思维¦')!;
      assert.deepEqual(r.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 5 } });
      const [cot, chainReasoning] = r.items;
      assert.equal(r.items.length, 1, 'one item per entry (思维链 and 思维链推理 are one entry)');
      assert.equal(chainReasoning, undefined);
      assert.equal(cot.name, '思维链');
      assert.equal(cot.names, '思维链 · chain of thought (CoT)');
      assert.equal(cot.category, '提示与推理');
      assert.equal(cot.summary, '逐步写出的推理过程。');
      assert.match(cot.documentation, /^\*\*思维链 · chain of thought \\\(CoT\\\)\*\*/);
      assert.equal(cot.filterText, '思维链');
      const latin = complete('Use coN¦')!.items.find((i) => i.entryId === 'consistency-model')!;
      assert.equal(latin.filterText, 'coNsistency model', "the typed text as typed (VS Code's filter then scores every item alike)");
    });

    it('insert the introduction on the first use in the chapter and the name afterwards', () => {
      const doc = '# 第一章\n\n思维链很常用。再说思维¦\n\n# 第二章\n\n这里用思维';
      const second = complete(doc)!.items[0];
      assert.equal(second.form, 'name');
      assert.equal(second.insertText, '思维链');
      const nextChapter = completeTerm({ ...request(doc.replace('¦', '') + '¦') })!.items[0];
      assert.equal(nextChapter.form, 'introduction');
      assert.equal(nextChapter.insertText, '思维链（chain of thought, CoT）');
      const later = complete('# 一\n\n先说思维¦，后面才是思维链。')!.items[0];
      assert.equal(later.form, 'introduction', 'a use after the cursor does not count');
    });

    it('follow llmGlossary.completion.insert and the language of the note', () => {
      const doc = '# Ch\n\nThe chain of thought idea. Again chain o¦';
      assert.equal(complete(doc)!.items[0].insertText, 'chain of thought', 'used before in this English chapter');
      assert.equal(complete(doc, { insert: 'full' })!.items[0].insertText, 'chain of thought (CoT)', 'English introduction');
      assert.equal(complete('# 一\n\n我们用 co¦', { insert: 'short' })!.items.find((i) => i.name === 'CoT')!.insertText, 'CoT');
      assert.equal(complete('# 一\n\n我们用 co¦')!.items.find((i) => i.name === 'CoT')!.insertText, '思维链（chain of thought, CoT）', 'Chinese introduction for an abbreviation');
      assert.equal(complete('# 一\n\n我们用 lo¦')!.items[0].insertText, '低秩适配（LoRA）', 'no abbreviation: Chinese name and English name');
    });

    it('write the introduction of an abbreviation in the first-use format setting', () => {
      const cot = (introFormat: string) => complete('# 一\n\n我们用 co¦', { introFormat })!.items.find((i) => i.name === 'CoT')!.insertText;
      assert.equal(cot('{en} ({abbr}, {zh})'), 'chain of thought (CoT, 思维链)');
      assert.equal(cot('{zh}（{abbr}）'), '思维链（CoT）');
    });

    it('offer nothing in code, inline code, math, links, HTML or front matter', () => {
      assert.ok(complete('# 一\n\n思维¦'));
      assert.equal(complete('---\ntitle: 思维¦\n---\n\n# 一\n'), undefined, 'front matter');
      assert.equal(complete('```\n思维¦\n```\n'), undefined, 'fenced code');
      assert.equal(complete('    chain o¦\n'), undefined, 'indented code');
      assert.equal(complete('文本 `思维¦` 文本'), undefined, 'inline code');
      assert.equal(complete('$$\n思维¦\n$$\n'), undefined, 'math block');
      assert.equal(complete('公式 $x 思维¦ y$ 完'), undefined, 'inline math');
      assert.equal(complete('见 [思维¦](https://x.org) 链接'), undefined, 'link text');
      assert.equal(complete('见 [链接](https://x.org/co¦) 完'), undefined, 'link destination');
      assert.equal(complete('见 <https://cot.org/co¦> 完'), undefined, 'autolink');
      assert.equal(complete('见 https://x.org/co¦ 完'), undefined, 'a bare URL');
      assert.equal(complete('<div>\n思维¦\n</div>\n'), undefined, 'HTML block');
      assert.ok(complete('见 [链接](https://x.org) 思维¦'), 'after a link is prose again');
      assert.ok(complete('**思维¦**'), 'emphasis is prose');
      assert.ok(complete('| a | b |\n| - | - |\n| 思维¦ | x |\n'), 'a table cell is prose');
    });

    it('inProse needs the typed text inside one prose range and outside every link', () => {
      const prose = { ranges: [0, 10, 20, 30], links: [20, 30] };
      assert.ok(inProse(prose, 2, 10));
      assert.ok(!inProse(prose, 8, 12), 'across two ranges');
      assert.ok(!inProse(prose, 22, 25), 'in a link');
      assert.ok(!inProse({ ranges: [], links: [] }, 0, 0));
    });
  });

  it('has one home for the introduction format', () => {
    const cot = glossary.get('chain-of-thought')!;
    assert.equal(formatIntroduction(cot, 'zh'), '思维链（chain of thought, CoT）');
    assert.equal(formatIntroduction(cot, 'en'), 'chain of thought (CoT)');
    assert.equal(formatIntroduction(glossary.get('fine-tuning')!, 'en'), 'fine-tuning');
  });
});

describe('completion and known terms through the service', () => {
  let service: GlossaryService;
  afterEach(() => service?.dispose());

  function setup(files: Record<string, string>, settings: Partial<ServiceSettings> = {}) {
    const ws = new InMemoryWorkspace(files);
    const builtin = async () => [parseGlossaryFile(YAML, 'glossary/c.yaml')];
    service = createGlossaryService({ workspace: ws, reader: inProcessReader(ws), builtin, settings });
    return ws;
  }

  it('ranks by the notes index usage counts and follows the insert setting', async () => {
    const ws = setup({ 'mem:/ws/a.md': '对比学习。\n', 'mem:/ws/b.md': '对比学习和 consistency model。\n', 'mem:/ws/c.md': 'contrastive learning\n' });
    await service.ready();
    await service.indexed();
    assert.equal(service.usageCount('contrastive-learning'), 3);
    const doc = ws.openDoc('mem:/ws/new.md', '# 一\n\n我们用 co');
    const r = service.completions(doc, doc.getText().length)!;
    assert.deepEqual(r.items.map((i) => i.entryId), ['contrastive-learning', 'consistency-model', 'chain-of-thought', 'cosine-schedule']);
    assert.equal(r.items[0].form, 'introduction');
    service.configure({ completionInsert: 'short' });
    assert.equal(service.completions(doc, doc.getText().length)!.items[0].insertText, 'contrastive learning');
  });

  it('answers for the current version of an edited document', async () => {
    const ws = setup({});
    await service.ready();
    const doc1 = ws.openDoc('mem:/ws/n.md', '# 一\n\n`code` 思');
    assert.equal(service.completions(doc1, doc1.getText().length), undefined);
    const doc2 = ws.openDoc('mem:/ws/n.md', '# 一\n\n`code` 思维', 2);
    service.didChangeDocument(doc2, [{ rangeOffset: doc1.getText().length, rangeLength: 0, text: '维' }]);
    assert.equal(service.completions(doc2, doc2.getText().length)?.items[0].name, '思维链');
    const doc3 = ws.openDoc('mem:/ws/n.md', '# 一\n\n`code 思维', 3);
    service.didChangeDocument(doc3, [{ rangeOffset: 10, rangeLength: 1, text: '' }]);
    assert.equal(service.completions(doc3, doc3.getText().length)?.items[0].name, '思维链', 'an unclosed backtick is text');
  });

  it('known terms lose their underline, keep their hover with a Forget link, and come back when shown', async () => {
    const text = '# 一\n\n思维链和 LoRA，还有思维链。\n';
    const ws = setup({});
    await service.ready();
    const doc = ws.openDoc('mem:/ws/n.md', text);
    const underlined = () => service.underlines(doc, [{ start: 0, end: text.length }]).map((r) => text.split('\n')[r.start.line].slice(r.start.character, r.end.character));
    assert.deepEqual(underlined(), ['思维链', 'LoRA', '思维链']);
    const labels = { ...ENGLISH_HOVER_LABELS };
    assert.match(service.hover(doc, 6, { commandLinks: true, labels })!.markdown, /\[Mark as known\]\(command:llmGlossary\.markKnown\?/);
    assert.equal(service.knownStateAt(doc, 6)?.known, false);

    service.configure({ knownTerms: service.withKnown('chain-of-thought', true) });
    assert.deepEqual(service.settings.knownTerms, ['chain-of-thought']);
    assert.deepEqual(underlined(), ['LoRA']);
    const hover = service.hover(doc, 6, { commandLinks: true, labels })!.markdown;
    assert.match(hover, /\*\*思维链\*\*/, 'the hover stays');
    assert.match(hover, /\[Forget \\\(underline again\\\)\]\(command:llmGlossary\.forgetKnown\?/);
    assert.deepEqual(service.knownStateAt(doc, 6), { id: 'chain-of-thought', name: '思维链', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, known: true });
    assert.ok(service.isKnown('chain-of-thought'));

    service.configure({ showKnownTerms: true });
    assert.deepEqual(underlined(), ['思维链', 'LoRA', '思维链'], 'the toggle shows them again');
    service.configure({ showKnownTerms: false, knownTerms: service.withKnown('chain-of-thought', false) });
    assert.deepEqual(underlined(), ['思维链', 'LoRA', '思维链'], 'forgotten');
    assert.equal(service.completions(doc, 1), undefined);
  });

  it('answers within milliseconds on the sample chapter with the built-in glossary (figures printed, not asserted)', async function () {
    this.timeout(120_000);
    const ws = new InMemoryWorkspace({});
    service = createGlossaryService({ workspace: ws, reader: inProcessReader(ws), builtin: async () => compiledBuiltin() });
    await service.ready();
    const note = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'notes', 'llm-s1.md'), 'utf8');
    // Cursor positions: two characters into every Han run and every Latin word of three letters or more.
    const spots = [...note.matchAll(/[\u4e00-\u9fff]{2,}|[A-Za-z]{3,}/g)].map((m) => m.index + 2);
    let doc = ws.openDoc('mem:/ws/s1.md', note);
    const first = performance.now();
    service.completions(doc, spots[0]);
    const cold = performance.now() - first;
    const warm: number[] = [];
    let offered = 0;
    for (const at of spots) {
      const t = performance.now();
      if (service.completions(doc, at)?.items.length) offered++;
      warm.push(performance.now() - t);
    }
    // A keystroke: one character typed, the re-scan every feature needs (timed through the underlines), then
    // completion on the new version.
    const rescan: number[] = [];
    const typed: number[] = [];
    let text = note;
    for (const at of spots.slice(0, 100)) {
      text = text.slice(0, at) + '维' + text.slice(at);
      const next = ws.openDoc('mem:/ws/s1.md', text, doc.version + 1);
      let t = performance.now();
      service.didChangeDocument(next, [{ rangeOffset: at, rangeLength: 0, text: '维' }]);
      service.underlines(next, [{ start: 0, end: text.length }]);
      rescan.push(performance.now() - t);
      t = performance.now();
      service.completions(next, at + 1);
      typed.push(performance.now() - t);
      doc = next;
    }
    console.log(
      `      llm-s1.md (${note.length} chars): first completion ${cold.toFixed(1)} ms (first scan and the prefix index); ` +
        `${spots.length} positions, ${offered} with items, median ${median(warm).toFixed(3)} ms; ` +
        `after a typed character: re-scan ${median(rescan).toFixed(2)} ms, then completion ${median(typed).toFixed(3)} ms (medians)`,
    );
    assert.ok(offered > 0);
  });

  it('keeps the known list in marking order, each id once, ids of unloaded glossaries included', async () => {
    setup({}, { knownTerms: ['not-loaded', 'lora'] });
    await service.ready();
    assert.deepEqual(service.withKnown('lora', true), ['not-loaded', 'lora']);
    assert.deepEqual(service.withKnown('chain-of-thought', true), ['not-loaded', 'lora', 'chain-of-thought']);
    assert.deepEqual(service.withKnown('lora', false), ['not-loaded']);
    assert.equal(DEFAULT_SETTINGS.knownTerms.length, 0);
  });
});
