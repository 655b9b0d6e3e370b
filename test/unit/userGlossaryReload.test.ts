import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexLayers } from '../../src/core/builtinGlossary';
import { buildGlossary, type GlossaryIndex } from '../../src/core/glossaryIndex';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { GlossaryLayers } from '../../src/core/glossaryLayers';
import { GLOSSARY_RELOAD_DELAY_MS } from '../../src/core/limits';
import { OverlayMatcher } from '../../src/core/overlayMatcher';
import { scanDocument } from '../../src/core/scanner';
import { createGlossaryService, inProcessReader } from '../../src/core/service';
import { SILENT } from '../../src/core/workspace';
import { compiledBuiltin, fixture, FIXTURES, memoryStorage, ROOT } from './helpers';
import { InMemoryWorkspace } from './inMemoryWorkspace';

const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

/** The test notes, every 50th corpus note, and lines with the user entries' names. */
function texts(): string[] {
  const notes = fs.readdirSync(path.join(FIXTURES, 'notes')).map((f) => fixture('notes', f));
  const corpus = fs.existsSync(CORPUS) ? (fs.readdirSync(CORPUS, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort() : [];
  const sample = corpus.filter((_, i) => i % 50 === 0).map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'));
  const lines = '# 笔记\n\n网卡在 InfiniBand 里叫 HCA（Host Channel Adapter，主机通道适配器）。低秩自适应就是 LoRA，也叫低秩适配。\n\n每个词元都是 token，斑马条纹路由与 zebra stripe routing 是编的。\n';
  return [...notes, ...sample, lines];
}

const entry = (id: string, fields: string) => `  - id: ${id}\n${fields}    category: custom\n    definition: {en: Made up for this test.}\n`;
/** Versions of one user glossary file, in the order a user might save them. */
const VERSIONS: Record<string, string> = {
  'a new entry': `entries:\n${entry('zebra-stripe-routing', '    en: zebra stripe routing\n    zh: 斑马条纹路由\n')}`,
  'a second entry, and a built-in id overridden with new names': `entries:\n${entry('zebra-stripe-routing', '    en: zebra stripe routing\n    zh: 斑马条纹路由\n')}${entry('host-channel-adapter', '    en: Host Channel Adapter\n    zh: 主机通道适配器\n    abbr: HCA\n')}${entry('lora', '    en: low-rank adaptation\n    zh: 低秩自适应\n    abbr: LoRA\n')}`,
  'a user entry that takes over a built-in name (词元)': `entries:\n${entry('host-channel-adapter', '    en: Host Channel Adapter\n    zh: 主机通道适配器\n    abbr: HCA\n')}${entry('my-token', '    en: word piece\n    zh: 词元\n')}${entry('lora', '    en: low-rank adaptation\n    zh: 低秩自适应\n    abbr: LoRA\n')}`,
  'the first entry removed': `entries:\n${entry('my-token', '    en: word piece\n    zh: 词元\n')}`,
  'a broken entry next to a good one': `entries:\n${entry('zebra-stripe-routing', '    en: zebra stripe routing\n')}  - id: no-category\n    en: no category\n`,
  'every entry removed': 'entries: []\n',
};

/** Everything a host reads of an index, as plain data. */
function contents(g: GlossaryIndex, notes: readonly string[]) {
  return {
    entries: [...g.entries.values()].map((e) => ({ ...e })),
    problems: g.problems,
    patterns: g.patterns,
    size: g.matcher.size,
    scans: notes.map((t) => scanDocument(t, g).occurrences),
  };
}

describe('user glossary reload', () => {
  const notes = texts();
  // One built-in glossary kept across the reloads, as the extension keeps it.
  const builtin = compiledBuiltin();

  for (const [i, [what, text]] of Object.entries(VERSIONS).entries()) {
    it(`merging only the user layer over the kept built-in one gives what a fresh full load gives: ${what}`, function () {
      this.timeout(120_000);
      const layered = indexLayers(builtin, [{ builtin: false, files: [parseGlossaryFile(text, 'my.glossary.yaml')] }]);
      // A fresh load: the built-in glossary loaded and revived again (nothing shared), merged, its matcher built whole.
      const fresh = buildGlossary([
        { builtin: true, files: compiledBuiltin().files() },
        { builtin: false, files: [parseGlossaryFile(text, 'my.glossary.yaml')] },
      ]);
      assert.ok(layered.matcher instanceof OverlayMatcher, 'the built-in automaton is reused');
      assert.ok((layered.matcher as OverlayMatcher).added <= 12, `only the user layer's names are compiled again (${(layered.matcher as OverlayMatcher).added})`);
      const got = contents(layered, notes);
      const want = contents(fresh, notes);
      assert.deepEqual(got.problems, want.problems);
      assert.deepEqual(got.entries, want.entries);
      assert.deepEqual(got.patterns, want.patterns);
      assert.equal(got.size, want.size);
      assert.deepEqual(got.scans, want.scans);
      if (i === 1) assert.ok(want.scans.at(-1)!.some((o) => o.entryId === 'host-channel-adapter' && o.text === 'HCA'), 'the new entry is found');
      if (i === 2) assert.ok(want.scans.at(-1)!.some((o) => o.entryId === 'my-token' && o.text === '词元'), 'the user entry has the built-in name');
      if (i === 5) assert.ok(!want.scans.at(-1)!.some((o) => o.entryId === 'my-token'), 'the removed entry is gone');
    });
  }

  it('a saved user glossary is read again alone: no new search for glossary files, and an unchanged text reloads nothing', async function () {
    this.timeout(60_000);
    const ws = new InMemoryWorkspace({ 'mem:/ws/my.glossary.yaml': VERSIONS['a new entry'], 'mem:/ws/a.md': '# A\n\nHCA 与斑马条纹路由。\n' });
    let searches = 0;
    const find = ws.findGlossaries.bind(ws);
    ws.findGlossaries = (c) => (searches++, find(c));
    const service = createGlossaryService({ workspace: ws, reader: inProcessReader(ws), builtin: async () => compiledBuiltin() });
    try {
      await service.ready();
      let reloads = 0;
      service.onDidChangeGlossary(() => reloads++);
      const doc = { uri: 'mem:/ws/a.md', version: 1, getText: () => '# A\n\nHCA 与斑马条纹路由。\n' };
      const ids = () => service.occurrences(doc).live.map((o) => o.entryId);
      assert.deepEqual(ids(), ['zebra-stripe-routing']);
      assert.equal(searches, 1);
      ws.files.set('mem:/ws/my.glossary.yaml', VERSIONS['a second entry, and a built-in id overridden with new names']);
      service.glossaryFileChanged('mem:/ws/my.glossary.yaml', 'saved');
      await service.ready();
      assert.deepEqual(ids(), ['host-channel-adapter', 'zebra-stripe-routing']);
      assert.equal(searches, 1, 'the file was known: not searched for again');
      assert.equal(reloads, 1);
      service.glossaryFileChanged('mem:/ws/my.glossary.yaml', 'changed'); // the file watcher's echo of the save
      await service.ready();
      assert.equal(reloads, 1, 'the same text again reloads nothing');
      ws.files.set('mem:/ws/other.glossary.yaml', VERSIONS['the first entry removed']);
      service.glossaryFileChanged('mem:/ws/other.glossary.yaml', 'created');
      await service.ready();
      assert.equal(searches, 2, 'a created file is searched for');
      assert.equal(reloads, 2);
      assert.equal(service.entry('my-token')?.id, 'my-token');
    } finally {
      service.dispose();
    }
  });

  it('a reload asked for at once (a save, "Add to my glossary") is not put off by the edit event that follows it; a burst of edits still is', async () => {
    const uri = 'mem:/ws/my.glossary.yaml';
    const ws = new InMemoryWorkspace({ [uri]: VERSIONS['a new entry'] });
    const layers = new GlossaryLayers(ws, async () => [], { builtin: false, glossaryFiles: [] }, SILENT);
    const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
    try {
      await layers.reload();
      const reads = () => ws.reads.filter((r) => r === uri).length;
      assert.equal(reads(), 1);
      layers.fileChanged(uri, GLOSSARY_RELOAD_DELAY_MS.saved);
      layers.fileChanged(uri, GLOSSARY_RELOAD_DELAY_MS.edited); // the document change arrives after the command's call
      await tick(50);
      assert.equal(reads(), 2, 'read again at once, not after the pause for typing');
      layers.fileChanged(uri, GLOSSARY_RELOAD_DELAY_MS.edited);
      await tick(50);
      layers.fileChanged(uri, GLOSSARY_RELOAD_DELAY_MS.edited);
      await tick(50);
      assert.equal(reads(), 2, 'typing waits for the end of its burst');
      await layers.settled();
      assert.equal(reads(), 3);
    } finally {
      layers.dispose();
    }
  });
  it('a user glossary edited between two sessions: the re-opened index counts with the new glossary, not the stored matches', async function () {
    this.timeout(60_000);
    const storage = memoryStorage();
    const ws = new InMemoryWorkspace({ 'mem:/ws/my.glossary.yaml': VERSIONS['a new entry'], 'mem:/ws/a.md': '# A\n\nHCA 与斑马条纹路由。\n', 'mem:/ws/b.md': '# B\n\nLoRA 与 HCA。\n' });
    const session = async () => {
      const service = createGlossaryService({ workspace: ws, reader: inProcessReader(ws), builtin: async () => compiledBuiltin(), storage });
      await service.ready();
      await service.indexed();
      const counts = ['zebra-stripe-routing', 'host-channel-adapter', 'lora'].map((id) => service.usageCount(id));
      service.dispose(); // saves the index
      await new Promise((r) => setTimeout(r, 10));
      return counts;
    };
    assert.deepEqual(await session(), [1, 0, 1]);
    assert.match(storage.text ?? '', /"matched":"[^"]+"/, 'the stored index names the glossary its matches are for');
    assert.deepEqual(await session(), [1, 0, 1], 'the same glossary: the stored matches');
    ws.files.set('mem:/ws/my.glossary.yaml', VERSIONS['a second entry, and a built-in id overridden with new names']);
    assert.deepEqual(await session(), [1, 2, 1], 'HCA is a term now, in both notes');
    ws.files.set('mem:/ws/my.glossary.yaml', VERSIONS['the first entry removed']);
    assert.deepEqual(await session(), [0, 0, 1]);
  });
});
