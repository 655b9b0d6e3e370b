import * as assert from 'node:assert/strict';
import { ENGLISH_HOVER_LABELS } from '../../src/core/hover';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { createGlossaryService, inProcessReader, type GlossaryService, type IndexStorage, type ServiceSettings } from '../../src/core/service';
import { fixture, memoryStorage } from './helpers';
import { InMemoryWorkspace } from './inMemoryWorkspace';

const NOTE_A = '# 第一章\n\nLoRA 与思维链（CoT）。\n\n## 1.1\n\n指令微调 and LoRA again.\n';
const NOTE_B = '# Notes\n\nWe use chain of thought here.\n\n`LoRA` in code is not a use.\n';
const USER = 'entries:\n  - id: zebra-attention\n    en: zebra attention\n    category: custom\n    definition: {en: A striped attention pattern made up for tests.}\n';

function setup(files: Record<string, string> = {}, settings: Partial<ServiceSettings> = {}, storage?: IndexStorage) {
  const ws = new InMemoryWorkspace({ 'mem:/ws/notes/a.md': NOTE_A, 'mem:/ws/notes/b.md': NOTE_B, ...files });
  const builtin = async () => [parseGlossaryFile(fixture('glossaries', 'terms.glossary.yaml'), 'glossary/terms.yaml')];
  const service = createGlossaryService({ workspace: ws, reader: inProcessReader(ws), builtin, settings, storage });
  return { ws, service };
}

const offsetOf = (text: string, needle: string, delta = 1) => text.indexOf(needle) + delta;
const texts = (text: string, s: GlossaryService, doc: ReturnType<InMemoryWorkspace['openDoc']>) =>
  s.highlights(doc, offsetOf(text, 'LoRA'))!.map((r) => text.split('\n')[r.start.line].slice(r.start.character, r.end.character));

describe('glossary service (plain Node, in-memory workspace)', () => {
  let service: GlossaryService;
  afterEach(() => service?.dispose());

  it('answers hover, definition and highlights for an open document as plain data', async () => {
    const s = setup();
    service = s.service;
    await service.ready();
    const doc = s.ws.openDoc('mem:/ws/notes/a.md', NOTE_A);
    const hover = service.hover(doc, offsetOf(NOTE_A, '思维链'), { commandLinks: true, labels: { ...ENGLISH_HOVER_LABELS, openEntry: 'Open', findUses: 'Find' } });
    assert.ok(hover);
    assert.match(hover.markdown, /\*\*思维链\*\*/);
    assert.match(hover.markdown, /command:llmGlossary\.openEntry\?/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 9 } });
    const def = service.definition(doc, offsetOf(NOTE_A, 'LoRA'))!;
    assert.equal(def.target.uri, 'llm-glossary:/glossary/terms.yaml');
    assert.deepEqual(texts(NOTE_A, service, doc), ['LoRA', 'LoRA']);
  });

  it('layers user glossaries over the built-in one and reports their problems by file URI', async () => {
    const s = setup({ 'mem:/ws/my.glossary.yaml': USER + '    colour: red\n' });
    service = s.service;
    await service.ready();
    assert.ok(service.entry('zebra-attention'), 'the user entry is loaded');
    assert.equal(service.entryLocation('zebra-attention')?.uri, 'mem:/ws/my.glossary.yaml');
    const problems = service.problems();
    assert.equal(problems.length, 1);
    assert.equal(problems[0].uri, 'mem:/ws/my.glossary.yaml');
    assert.match(problems[0].problems[0].message, /unknown field "colour"/);
    assert.ok(service.isGlossaryFile('mem:/ws/my.glossary.yaml'));
  });

  it('reloads a glossary edited in an open document before it is saved, and re-scans documents', async () => {
    const s = setup({ 'mem:/ws/my.glossary.yaml': 'entries: []\n' });
    service = s.service;
    await service.ready();
    const note = s.ws.openDoc('mem:/ws/notes/z.md', '我们讨论 zebra attention。\n');
    assert.equal(service.hover(note, 6, { commandLinks: false, labels: {} as never }), undefined);
    let changes = 0;
    service.onDidChangeGlossary(() => changes++);
    s.ws.openDoc('mem:/ws/my.glossary.yaml', USER, 2);
    service.glossaryFileChanged('mem:/ws/my.glossary.yaml', 'edited');
    await service.ready();
    assert.equal(changes, 1);
    assert.ok(service.hover(note, 6, { commandLinks: false, labels: {} as never }), 'the new entry is live');
  });

  it('finds references in every note, taking open documents as they are', async () => {
    const s = setup();
    service = s.service;
    await service.ready();
    await service.indexed();
    const a = s.ws.openDoc('mem:/ws/notes/a.md', NOTE_A + '\nCoT once more.\n', 2);
    const refs = (await service.references(a, offsetOf(NOTE_A, 'CoT'), true))!;
    assert.equal(refs[0].uri, 'llm-glossary:/glossary/terms.yaml', 'the declaration first');
    const byFile = refs.slice(1).reduce<Record<string, number>>((m, r) => ({ ...m, [r.uri]: (m[r.uri] ?? 0) + 1 }), {});
    assert.deepEqual(byFile, { 'mem:/ws/notes/a.md': 3, 'mem:/ws/notes/b.md': 1 });
    assert.equal(service.usageCount('lora'), 1, 'the index counts saved notes: LoRA in b.md is code');
  });

  it('re-matches stored prose after a glossary change instead of reading notes again', async () => {
    const s = setup({ 'mem:/ws/my.glossary.yaml': 'entries: []\n' });
    service = s.service;
    await service.ready();
    await service.indexed();
    const reads = s.ws.reads.filter((u) => u.endsWith('.md')).length;
    s.ws.files.set('mem:/ws/my.glossary.yaml', 'entries:\n  - id: again\n    en: again\n    category: custom\n    definition: {en: Once more as a test term.}\n');
    await service.reloadGlossaries();
    await service.indexed();
    assert.equal(service.usageCount('again'), 1);
    assert.equal(s.ws.reads.filter((u) => u.endsWith('.md')).length, reads, 'no note was read again');
  });

  it('ends equal to a fresh build when notes change and the glossary changes while the index builds', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`mem:/ws/notes/n${i}.md`] = `# N${i}\n\nLoRA ${i % 3 ? '思维链' : ''}\n`;
    const s = setup({ ...files, 'mem:/ws/my.glossary.yaml': 'entries: []\n' });
    service = s.service;
    s.ws.readDelay = 2;
    await service.ready();
    const build = service.rebuildIndex();
    await new Promise((r) => setTimeout(r, 15));
    s.ws.files.set('mem:/ws/notes/n3.md', '# changed\n\n指令微调\n');
    const saved = service.notesChanged(['mem:/ws/notes/n3.md']);
    s.ws.files.set('mem:/ws/my.glossary.yaml', USER);
    s.ws.files.set('mem:/ws/notes/n5.md', 'zebra attention and chain of thought\n');
    const reloaded = service.reloadGlossaries();
    const second = service.rebuildIndex();
    s.ws.files.delete('mem:/ws/notes/n7.md');
    service.noteDeleted('mem:/ws/notes/n7.md');
    await Promise.all([build, saved, reloaded, second]);
    const { current, fresh } = await service.indexSnapshots();
    assert.deepEqual(current, fresh);
    assert.equal(current['mem:/ws/notes/n3.md']['instruction-tuning'], 1);
    assert.equal(current['mem:/ws/notes/n5.md']['zebra-attention'], 1);
    assert.equal(current['mem:/ws/notes/n7.md'], undefined);
  });

  it('persists the index: a second session parses nothing that did not change', async () => {
    const storage = memoryStorage();
    const first = setup({}, {}, storage);
    service = first.service;
    await service.ready();
    await service.indexed();
    assert.equal(service.usageCount('chain-of-thought'), 2);
    service.dispose(); // saves
    await new Promise((r) => setTimeout(r, 10));
    assert.ok(storage.text);
    const again = setup({}, {}, storage);
    service = again.service;
    await service.ready();
    await service.indexed();
    assert.deepEqual({ ...service.indexStats, ms: 0 }, { files: 2, parsed: 0, reused: 2, ms: 0 });
    assert.equal(service.usageCount('chain-of-thought'), 2);
  });

  it('gives the chapter view, the concept table and the glossary tree as data', async () => {
    const s = setup();
    service = s.service;
    await service.ready();
    const doc = s.ws.openDoc('mem:/ws/notes/a.md', NOTE_A);
    const chapter = service.chapter(doc, 6);
    assert.deepEqual(chapter.heading, { kind: 'chapter', title: '第一章' });
    assert.deepEqual(chapter.concepts.map((c) => [c.id, c.uses.length]), [['lora', 2], ['chain-of-thought', 2], ['instruction-tuning', 1]]);
    assert.equal(chapter.concepts[1].label, '思维链');
    assert.equal(chapter.concepts[1].secondary, 'chain of thought (CoT)');
    assert.match(chapter.concepts[0].uses[0].snippet, /LoRA 与思维链/);
    assert.deepEqual(service.chapter(doc, 0, 'file').heading, { kind: 'file' });
    assert.match(service.conceptTable(doc, 2, '\n')!, /^\| 中文 \| English \| 缩写 \| 释义 \|\n/);
    assert.equal(service.setGlossaryFilter('lora'), 2);
    assert.deepEqual(service.glossaryTree().flatMap((c) => c.entries.map((e) => e.id)), ['lora', 'qlora']);
    assert.equal(service.label('chain-of-thought'), '思维链（chain of thought, CoT）');
  });

  it('underlines by mode, leaving basic terms alone unless asked', async () => {
    const s = setup({}, { underlines: 'firstInSection' });
    service = s.service;
    await service.ready();
    const doc = s.ws.openDoc('mem:/ws/notes/a.md', NOTE_A);
    const all = { start: 0, end: NOTE_A.length };
    assert.equal(service.underlines(doc, [all, all]).length, 4, 'LoRA, 思维链, CoT in 第一章; 指令微调 and LoRA in 1.1; each range once');
    service.configure({ underlines: 'off' });
    assert.deepEqual(service.underlines(doc, [all]), []);
  });

  it('keeps an edited document equal to a full scan and forgets closed ones', async () => {
    const s = setup();
    service = s.service;
    await service.ready();
    let text = NOTE_A;
    const doc = { uri: 'untitled:1', version: 1, getText: () => text };
    service.chapter(doc, 0);
    text = text.slice(0, 12) + 'QLoRA 与 LoRA ' + text.slice(12);
    service.didChangeDocument({ ...doc, version: 2 }, [{ rangeOffset: 12, rangeLength: 0, text: 'QLoRA 与 LoRA ' }]);
    const { live, full } = service.occurrences({ ...doc, version: 2 });
    assert.deepEqual(live, full);
    assert.equal(service.liveDocuments(), 1);
    service.didCloseDocument('untitled:1');
    assert.equal(service.liveDocuments(), 0);
  });

  it('says why a document is not scanned', async () => {
    const s = setup({}, { maxFileSize: 1000 });
    service = s.service;
    await service.ready();
    const doc = s.ws.openDoc('mem:/ws/notes/big.md', 'LoRA '.repeat(400));
    assert.match(service.skipped(doc)!, /larger than 1000 characters/);
    assert.deepEqual(service.chapter(doc, 0).concepts, []);
  });
});
