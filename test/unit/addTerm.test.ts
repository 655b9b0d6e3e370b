import * as assert from 'node:assert/strict';
import { addEntryEdit, applyGlossaryEdit, draftEntry, namesFromText, type DraftEntry, type GlossaryEdit } from '../../src/core/addTerm';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { ENGLISH_HOVER_LABELS } from '../../src/core/hover';
import { createGlossaryService, inProcessReader, type GlossaryService } from '../../src/core/service';
import { fixture } from './helpers';
import { InMemoryWorkspace } from './inMemoryWorkspace';

/** Lines of notes in ../shared/corpus that introduce a term in one of the usual ways. */
const CORPUS = {
  kimi: '3. **联合冷却阶段：** 为进一步提升模型在高难度任务中的综合能力，Kimi-VL 在预训练完成后进入了“联合冷却阶段”（Joint Cooldown Stage）。',
  grpo: '**GRPO (Group Relative Policy Optimization, 组相对策略优化)**',
  hca: '- HCA（Host Channel Adapter，主机通道适配器）',
  xverse: '**XVERSE-MoE-A4.2B** 是由深圳元象科技自主研发的支持多语言的大语言模型（Large Language Model），使用混合专家模型（MoE，Mixture-of-experts）架构，模型的总参数规模为 258 亿',
  scsi: 'SCSI（Small Computer System Interface）协议是一种通用的存储协议，最初是一种并行接口，后来也演变为串行接口（SAS，Serial Attached SCSI）。',
  rl: '简单来说，强化学习致力于解决“**序贯决策（Sequential Decision Making）**”问题，也就是如何在一系列连续的步骤中做出最优决策。',
  gdn: '### 强烈建议：为线性注意力（Gated Delta Network）安装加速算子',
};

/** The text of a line from `from` to the end of `to` (both included). */
const between = (line: string, from: string, to: string) => line.slice(line.indexOf(from), line.indexOf(to, line.indexOf(from)) + to.length);

describe('add to my glossary: names from the text', () => {
  const names = (line: string, from: string, to: string) => {
    const n = namesFromText(between(line, from, to));
    return n && [n.zh, n.en, n.abbr];
  };

  it('reads 中文（English）, 中文（ABBR，English）, ABBR（English，中文） and English (ABBR, 中文) selections', () => {
    assert.deepEqual(names(CORPUS.kimi, '“联合', 'Stage）'), ['联合冷却阶段', 'Joint Cooldown Stage', undefined]);
    assert.deepEqual(names(CORPUS.xverse, '混合专家模型', 'experts）'), ['混合专家模型', 'Mixture-of-experts', 'MoE']);
    assert.deepEqual(names(CORPUS.scsi, '串行接口', 'SCSI）'), ['串行接口', 'Serial Attached SCSI', 'SAS']);
    assert.deepEqual(names(CORPUS.hca, 'HCA', '适配器）'), ['主机通道适配器', 'Host Channel Adapter', 'HCA']);
    assert.deepEqual(names(CORPUS.grpo, 'GRPO', '优化)'), ['组相对策略优化', 'Group Relative Policy Optimization', 'GRPO']);
    assert.deepEqual(names(CORPUS.scsi, 'SCSI', 'Interface）'), [undefined, 'Small Computer System Interface', 'SCSI']);
  });

  it('strips emphasis, quotes and punctuation around a selection, and reads bare names', () => {
    assert.deepEqual(names(CORPUS.rl, '“**序贯', '**”'), ['序贯决策', 'Sequential Decision Making', undefined]);
    assert.deepEqual(names(CORPUS.gdn, '线性注意力', '注意力'), ['线性注意力', undefined, undefined]);
    assert.deepEqual(names(CORPUS.gdn, 'Gated', 'Network'), [undefined, 'Gated Delta Network', undefined]);
    assert.deepEqual(names(CORPUS.hca, 'HCA', 'HCA'), [undefined, undefined, 'HCA']);
  });

  it('reads nothing from empty, multi-line, single-character or overlong selections', () => {
    for (const t of ['', '  ，。 ', '第一行\n第二行', '注', 'x'.repeat(200), '（）', 'LLM.int8()']) assert.equal(namesFromText(t), undefined, JSON.stringify(t));
  });

  it('drafts ids as `suggest --write` does, with placeholders the glossary loader accepts', () => {
    const d = draftEntry(namesFromText(between(CORPUS.xverse, '混合专家模型', 'experts）'))!);
    assert.deepEqual(d, { id: 'mixture-of-experts', en: 'Mixture-of-experts', zh: '混合专家模型', abbr: 'MoE', category: 'custom', draft: true, definition: { en: '', zh: '' } });
    assert.equal(draftEntry({ abbr: 'HCA' })!.id, 'hca');
    assert.equal(draftEntry({ abbr: 'HCA' })!.abbr, undefined, 'an abbreviation alone is the English name');
    const zhOnly = draftEntry({ zh: '线性注意力' })!;
    assert.equal(zhOnly.en, '线性注意力');
    assert.equal(zhOnly.zh, undefined, 'not the same name twice');
    assert.match(zhOnly.id, /^term-[0-9a-f]+$/);
    assert.equal(draftEntry({ zh: '线性注意力' })!.id, zhOnly.id, 'the same term gets the same id');
    const parsed = parseGlossaryFile(addedText('entries: []\n', d), 'x.glossary.yaml');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.entries[0].draft, true);
  });
});

const DRAFT: DraftEntry = draftEntry({ zh: '主机通道适配器', en: 'Host Channel Adapter', abbr: 'HCA' })!;

function edited(text: string, draft = DRAFT, comment?: string): { edit: GlossaryEdit; after: string } {
  const edit = addEntryEdit(text, 'x.glossary.yaml', draft, comment);
  assert.ok(!('error' in edit), 'error' in edit ? edit.error : '');
  return { edit, after: applyGlossaryEdit(text, edit) };
}

function addedText(text: string, draft = DRAFT): string {
  return edited(text, draft).after;
}

/** The loaded entries of a file: ids, and the new entry's range as the loader gives it. */
function loaded(text: string) {
  const parsed = parseGlossaryFile(text, 'x.glossary.yaml');
  assert.deepEqual(parsed.problems, []);
  return parsed;
}

describe('add to my glossary: the YAML edit', () => {
  it('inserts after the last entry of a commented file, laid out like it, keeping every other byte', () => {
    const text = fixture('glossaries', 'layout.glossary.yaml');
    const { edit, after } = edited(text, DRAFT, 'added from notes/ib.md:233');
    assert.equal(edit.length, 0, 'a pure insertion');
    assert.equal(after.slice(0, edit.offset) + after.slice(edit.offset + edit.text.length), text, 'the rest of the file is unchanged');
    assert.equal(
      edit.text,
      '\n  - id: host-channel-adapter\n    en: Host Channel Adapter\n    zh: 主机通道适配器\n    abbr: HCA\n    category: custom\n    draft: true\n    definition:\n        en: ""\n        zh: ""\n    # added from notes/ib.md:233\n',
      'a blank line between entries as in the file, its 4-space nesting, after the comment under the last entry',
    );
    assert.ok(after.endsWith('    # seen in 2 files\n' + edit.text + '\n# end of my terms\n'));
    const parsed = loaded(after);
    assert.deepEqual(parsed.entries.map((e) => e.id.value), ['zebra-attention', 'quokka-decoding', 'host-channel-adapter']);
    const head = parsed.entries[2].range;
    const lines = after.split('\n');
    assert.equal(after.slice(edit.entryStart, edit.entryEnd), 'id: host-channel-adapter');
    assert.equal(lines[head.line - 1].slice(head.column - 1, head.endColumn - 1), 'id: host-channel-adapter', 'where Go to Definition goes');
  });

  it('keeps CRLF line ends and a file without a final line break', () => {
    const crlf = 'entries:\r\n- id: a\r\n  en: a\r\n  category: custom\r\n  definition: {}\r\n';
    const { edit, after } = edited(crlf);
    assert.ok(after.startsWith(crlf));
    assert.ok(!/[^\r]\n/.test(after), 'only CRLF');
    assert.match(edit.text, /^- id: host-channel-adapter\r\n {2}en: /, 'the dash where the file puts it');
    const bare = 'entries:\n  - id: a\n    en: a\n    category: custom\n    definition: {}';
    const b = edited(bare);
    assert.ok(b.after.startsWith(bare + '\n  - id: host-channel-adapter\n'));
    loaded(b.after);
  });

  it('fills an empty list, a flow list, a bare `entries:`, a comment-only file and an empty file', () => {
    const cases: [string, string][] = [
      ['entries: []\n', 'entries:\n  - id: host-channel-adapter\n'],
      ['# mine\nentries: []  # none yet\n# end\n', '# mine\nentries: # none yet\n  - id: host-channel-adapter\n'],
      ['# header\nentries:\n', '# header\nentries:\n  - id: host-channel-adapter\n'],
      ['# only a comment\n', '# only a comment\nentries:\n  - id: host-channel-adapter\n'],
      ['', 'entries:\n  - id: host-channel-adapter\n'],
    ];
    for (const [text, start] of cases) {
      const after = addedText(text);
      assert.ok(after.startsWith(start), JSON.stringify(after));
      assert.deepEqual(loaded(after).entries.map((e) => e.id.value), ['host-channel-adapter']);
    }
    assert.ok(addedText('# mine\nentries: []  # none yet\n# end\n').endsWith('\n# end\n'));
    const flow = 'entries: [{id: a, en: a, category: custom, definition: {}}]  # flow\n';
    const { edit, after } = edited(flow);
    assert.equal(edit.length, 0);
    assert.equal(after, 'entries: [{id: a, en: a, category: custom, definition: {}}, { id: host-channel-adapter, en: Host Channel Adapter, zh: 主机通道适配器, abbr: HCA, category: custom, draft: true, definition: { en: "", zh: "" } }]  # flow\n');
    assert.deepEqual(loaded(after).entries.map((e) => e.id.value), ['a', 'host-channel-adapter']);
    const multi = 'entries: [\n  {id: a, en: a, category: custom, definition: {}},\n]\n';
    assert.deepEqual(loaded(addedText(multi)).entries.map((e) => e.id.value), ['a', 'host-channel-adapter']);
  });

  it('falls back to printing the document, keeping the common start and end, where an entry is laid out unusually', () => {
    const odd = '# odd\nentries:\n  -\n    id: a\n    en: a\n    category: custom\n    definition: {}\n# end\n';
    const { edit, after } = edited(odd);
    assert.ok(odd.slice(0, edit.offset).startsWith('# odd\nentries:\n'));
    assert.ok(after.endsWith('# end\n'));
    assert.deepEqual(loaded(after).entries.map((e) => e.id.value), ['a', 'host-channel-adapter']);
    assert.equal(after.slice(edit.entryStart, edit.entryEnd), 'id: host-channel-adapter');
  });

  it('quotes what YAML would misread', () => {
    const d = draftEntry({ en: 'Yes: No #1', abbr: 'YN' })!;
    const after = addedText('entries: []\n', d);
    assert.equal(loaded(after).entries[0].en.value, 'Yes: No #1');
  });

  it('refuses a file that is not valid YAML, or whose entries is not a list, with file:line:column and no edit', () => {
    const bad = addEntryEdit(fixture('glossaries', 'unparsable.glossary.yaml'), 'u.glossary.yaml', DRAFT);
    assert.ok('error' in bad);
    assert.match(bad.error, /^u\.glossary\.yaml:\d+:\d+: invalid YAML: .+; fix the file, then add the entry again$/);
    const dup = addEntryEdit('entries: []\nentries: []\n', 'd.glossary.yaml', DRAFT);
    assert.ok('error' in dup && /^d\.glossary\.yaml:2:1: invalid YAML/.test(dup.error), JSON.stringify(dup));
    const scalar = addEntryEdit('# x\nentries: lots\n', 's.glossary.yaml', DRAFT);
    assert.deepEqual(scalar, { error: 's.glossary.yaml:2:10: "entries" must be a list of entries; expected "entries:" followed by "- id: ..." items' });
    const list = addEntryEdit('- id: a\n', 'l.glossary.yaml', DRAFT);
    assert.deepEqual(list, { error: 'l.glossary.yaml:1:1: expected a mapping with an "entries:" list at the top of the file' });
  });
});

describe('add to my glossary: through the service', () => {
  let service: GlossaryService;
  afterEach(() => service?.dispose());
  const NOTE = `# InfiniBand\n\n${CORPUS.hca}\n\n${CORPUS.scsi}\n\n\`\`\`\nRDMA（Remote Direct Memory Access）\n\`\`\`\n\n使用思维链（CoT）。\n`;
  const USER = 'mem:/ws/my.glossary.yaml';

  async function setup() {
    const ws = new InMemoryWorkspace({ [USER]: fixture('glossaries', 'layout.glossary.yaml') });
    const builtin = async () => [parseGlossaryFile(fixture('glossaries', 'terms.glossary.yaml'), 'glossary/terms.yaml')];
    service = createGlossaryService({ workspace: ws, reader: inProcessReader(ws), builtin, settings: { glossaryFiles: ['extra.yaml'] } });
    await service.ready();
    return { ws, doc: ws.openDoc('mem:/ws/notes/ib.md', NOTE) };
  }

  it('offers the term suggest proposes at the cursor, and the selected text, in prose only', async () => {
    const { doc } = await setup();
    const at = (needle: string, delta = 1) => NOTE.indexOf(needle) + delta;
    const pair = service.termToAdd(doc, at('串行接口'), at('串行接口'))!;
    assert.equal(NOTE.slice(pair.start, pair.end), '串行接口（SAS，Serial Attached SCSI）');
    assert.deepEqual([pair.draft.id, pair.draft.zh, pair.draft.abbr, pair.duplicate], ['serial-attached-scsi', '串行接口', 'SAS', undefined]);
    const acronym = service.termToAdd(doc, at('HCA'), at('HCA'))!;
    assert.deepEqual([NOTE.slice(acronym.start, acronym.end), acronym.draft.en], ['HCA', 'HCA']);
    assert.equal(service.termToAdd(doc, at('协议'), at('协议')), undefined, 'no term at an ordinary word');
    const s = NOTE.indexOf('HCA');
    const sel = service.termToAdd(doc, s, NOTE.indexOf('）', s) + 1)!;
    assert.deepEqual([sel.draft.id, sel.draft.en, sel.draft.zh, sel.draft.abbr], ['host-channel-adapter', 'Host Channel Adapter', '主机通道适配器', 'HCA']);
    const code = NOTE.indexOf('RDMA');
    assert.equal(service.termToAdd(doc, code, code + 4), undefined, 'not in a code block');
    assert.equal(service.termToAdd(doc, code + 1, code + 1), undefined);
  });

  it('marks a term the glossary has as a duplicate, by name or id, and refuses to add it', async () => {
    const { doc } = await setup();
    const cot = NOTE.indexOf('思维链');
    const known = service.termToAdd(doc, cot, cot + 3)!;
    assert.deepEqual(known.duplicate, { id: 'chain-of-thought', name: '思维链' });
    const text = fixture('glossaries', 'layout.glossary.yaml');
    assert.deepEqual(service.addEntryEdit(text, 'my.glossary.yaml', known.draft), { duplicate: { id: 'chain-of-thought', name: '思维链' } });
    const sameId = draftEntry({ en: 'Quokka Decoding!' })!;
    assert.deepEqual(service.addEntryEdit(text, 'my.glossary.yaml', sameId), { duplicate: { id: 'quokka-decoding', name: 'quokka-decoding' } });
    assert.deepEqual(service.addEntryEdit(text, 'my.glossary.yaml', draftEntry({ en: 'quokka sampling', abbr: 'QS' })!), { duplicate: { id: 'quokka-decoding', name: 'quokka sampling' } }, 'an alias counts');
    const walrus = draftEntry({ en: 'walrus sampling', abbr: 'WS' })!;
    assert.deepEqual(service.addEntryEdit('entries:\n  - id: w\n    en: w\n    aliases: [walrus sampling]\n    category: custom\n    definition: {}\n', 'new.glossary.yaml', walrus), { duplicate: { id: 'w', name: 'walrus sampling' } }, 'names of the target file count even before it is loaded');
  });

  it('lists the user glossary files, configured first; a term added to one is hovered after the reload', async () => {
    const { ws, doc } = await setup();
    assert.deepEqual((await service.glossaryFiles()).map((f) => f.uri), ['mem:/ws/extra.yaml', USER]);
    const s = NOTE.indexOf('HCA');
    const term = service.termToAdd(doc, s, NOTE.indexOf('）', s) + 1)!;
    const text = ws.files.get(USER) as string;
    const edit = service.addEntryEdit(text, 'my.glossary.yaml', term.draft);
    assert.ok('offset' in edit);
    const labels = { commandLinks: false, labels: ENGLISH_HOVER_LABELS };
    assert.equal(service.hover(doc, s + 1, labels), undefined);
    ws.files.set(USER, applyGlossaryEdit(text, edit));
    service.glossaryFileChanged(USER, 'saved');
    await service.ready();
    assert.match(service.hover(doc, s + 1, labels)!.markdown, /主机通道适配器/);
    const loc = service.entryLocation('host-channel-adapter')!;
    const p = (o: number) => {
      const before = (ws.files.get(USER) as string).slice(0, o).split('\n');
      return { line: before.length - 1, character: before[before.length - 1].length };
    };
    assert.deepEqual(loc.range, { start: p(edit.entryStart), end: p(edit.entryEnd) }, 'the edit reveals what Go to Definition opens');
    assert.ok(service.termToAdd(doc, s, NOTE.indexOf('）', s) + 1)!.duplicate, 'now a duplicate');
  });
});
