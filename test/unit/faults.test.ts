import * as assert from 'node:assert/strict';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { createGlossaryService, inProcessReader, type GlossaryService, type IndexStorage, type Logger } from '../../src/core/service';
import { fixture, memoryStorage } from './helpers';
import { InMemoryWorkspace } from './inMemoryWorkspace';

const NOTES: Record<string, string> = {
  'mem:/ws/notes/a.md': '# 第一章\n\nLoRA 与思维链（CoT）。\n\n## 1.1\n\n指令微调 and LoRA again.\n',
  'mem:/ws/notes/b.md': '# Notes\n\nWe use chain of thought here.\n\n`LoRA` in code is not a use.\n',
  'mem:/ws/notes/c.md': '# RLHF\n\nRLHF 和 QLoRA。\n',
};

/** A logger that keeps its lines. */
function recorder(): Logger & { lines: { level: string; message: string }[]; warnings(): string[] } {
  const lines: { level: string; message: string }[] = [];
  const add = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, info: add('info'), warn: add('warn'), error: add('error'), warnings: () => lines.filter((l) => l.level !== 'info').map((l) => l.message) };
}

function start(ws: InMemoryWorkspace, storage?: IndexStorage, log = recorder()) {
  const builtin = async () => [parseGlossaryFile(fixture('glossaries', 'terms.glossary.yaml'), 'glossary/terms.yaml')];
  const service = createGlossaryService({ workspace: ws, reader: inProcessReader(ws), builtin, storage, logger: log });
  return { service, log };
}

async function settled(service: GlossaryService) {
  await service.ready();
  await service.indexed();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('faults survived', function () {
  this.timeout(30_000);
  let services: GlossaryService[] = [];
  afterEach(() => {
    for (const s of services) s.dispose();
    services = [];
  });
  function session(ws: InMemoryWorkspace, storage?: IndexStorage) {
    const s = start(ws, storage);
    services.push(s.service);
    return s;
  }

  describe('the persisted notes index', () => {
    /** A good stored index, written by a first session. */
    async function goodIndex(version?: string): Promise<string> {
      const storage = memoryStorage(undefined, version);
      const { service } = session(new InMemoryWorkspace(NOTES), storage);
      await settled(service);
      service.dispose(); // saves
      await sleep(10);
      assert.ok(storage.text);
      return storage.text;
    }

    /** The stored index with the line of one note (`[uri, hash, prose]`) changed. */
    function noteLine(good: string, uri: string, change: (note: unknown[]) => unknown[]): string {
      const lines = good.split('\n');
      const i = lines.findIndex((l) => l.startsWith(JSON.stringify([uri]).slice(0, -1)));
      assert.ok(i > 0, `${uri} is stored`);
      lines[i] = JSON.stringify(change(JSON.parse(lines[i]) as unknown[]));
      return lines.join('\n');
    }

    const corrupt: [string, (good: string) => string][] = [
      ['truncated', (good) => good.slice(0, Math.floor(good.length / 2))],
      ['not JSON at all', () => '\u0000\ufffd{{ binary garbage'],
      ['JSON but not an index', () => 'null'],
      ['from an older format', (good) => good.replace('"format":6', '"format":5')],
      ['from a newer format', (good) => good.replace('"format":6', '"format":7')],
      ['missing its last notes (cut at the end of a line)', (good) => good.slice(0, good.lastIndexOf('\n'))],
      [
        'corrupted prose of a note (same hash)',
        (good) => noteLine(good, 'mem:/ws/notes/a.md', (note) => [note[0], note[1], { ...(note[2] as object), pieces: [0, 5, 1, 1, 0] }]),
      ],
      [
        'a note with the wrong types',
        (good) => noteLine(good, 'mem:/ws/notes/b.md', () => ['mem:/ws/notes/b.md', 7, 'x']),
      ],
    ];
    for (const [name, damage] of corrupt) {
      it(`${name}: discarded with one log line, rebuilt, and saved again`, async () => {
        const storage = memoryStorage(damage(await goodIndex()));
        const ws = new InMemoryWorkspace(NOTES);
        const { service, log } = session(ws, storage);
        await settled(service);
        assert.equal(log.warnings().length, 1, `one log line: ${JSON.stringify(log.warnings())}`);
        assert.match(log.warnings()[0], /stored notes index.*discarded/);
        assert.equal(service.indexStats.parsed, 3, 'every note parsed again');
        const { current, fresh } = await service.indexSnapshots();
        assert.deepEqual(current, fresh);
        assert.equal(service.usageCount('chain-of-thought'), 2);
        service.dispose();
        await sleep(10);
        const again = session(new InMemoryWorkspace(NOTES), storage);
        await settled(again.service);
        assert.deepEqual(again.log.warnings(), [], 'the rewritten index is good');
        assert.equal(again.service.indexStats.reused, 3);
      });
    }

    it('from another version of the tool (same format): discarded with one log line and rebuilt', async () => {
      const good = await goodIndex('0.1.0');
      const storage = memoryStorage(good, '0.2.0');
      const { service, log } = session(new InMemoryWorkspace(NOTES), storage);
      await settled(service);
      assert.equal(log.warnings().length, 1, JSON.stringify(log.warnings()));
      assert.match(log.warnings()[0], /stored notes index.*discarded.*0\.1\.0/);
      assert.equal(service.indexStats.parsed, 3);
      const same = session(new InMemoryWorkspace(NOTES), memoryStorage(good, '0.1.0'));
      await settled(same.service);
      assert.equal(same.service.indexStats.reused, 3, 'the same version reuses it');
    });

    it('a storage folder that cannot be written: everything works without persistence, one log line', async () => {
      let attempts = 0;
      const storage: IndexStorage = {
        read: async () => undefined,
        write: async () => {
          attempts++;
          throw new Error('EACCES: permission denied, mkdir /read-only/storage');
        },
      };
      const ws = new InMemoryWorkspace(NOTES);
      const { service, log } = session(ws, storage);
      await settled(service);
      await sleep(1200); // the save after the build
      ws.files.set('mem:/ws/notes/d.md', '# 新\n\nLoRA。\n');
      await service.notesChanged(['mem:/ws/notes/d.md']);
      await sleep(1200); // a second save would come now
      await service.rebuildIndex();
      service.dispose(); // and one at the end
      assert.equal(service.usageCount('lora'), 2, 'a.md and the new d.md');
      assert.equal(log.warnings().length, 1, JSON.stringify(log.warnings()));
      assert.match(log.warnings()[0], /notes index.*not be kept.*permission denied/);
      assert.equal(attempts, 1, 'no write is tried again');
    });
  });

  describe('changes while the service works', () => {
    /** Asserts the service ends where a fresh start on the same workspace begins: glossary, index, open documents. */
    async function assertLikeFreshStart(service: GlossaryService, ws: InMemoryWorkspace) {
      await settled(service);
      const { current, fresh } = await service.indexSnapshots();
      assert.deepEqual(current, fresh, 'the index equals a fresh build');
      const restart = session(ws);
      await settled(restart.service);
      assert.equal(service.entryCount(), restart.service.entryCount(), 'the same glossary');
      assert.deepEqual(service.problems(), restart.service.problems());
      assert.deepEqual(current, (await restart.service.indexSnapshots()).current, 'the same index as a fresh start');
      for (const doc of ws.open.values()) if (doc.uri.endsWith('.md')) assert.deepEqual(service.occurrences(doc).live, restart.service.occurrences(doc).live, doc.uri);
      for (const id of ['lora', 'chain-of-thought', 'zebra-attention']) assert.equal(service.usageCount(id), restart.service.usageCount(id), id);
    }

    /** A PNG header and bytes that are not UTF-8; 50 MB of text, encoded once. */
    const BINARY = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x4c, 0x6f, 0x52, 0x41]);
    const HUGE = new Uint8Array(50 * 2 ** 20).fill(0x41);

    function manyNotes(n: number): Record<string, string> {
      const files: Record<string, string> = {};
      for (let i = 0; i < n; i++) files[`mem:/ws/notes/n${i}.md`] = `# N${i}\n\nLoRA ${i % 3 ? '思维链' : 'RLHF'} zebra attention\n`;
      return files;
    }

    const USER = (n: number) =>
      'entries:\n' +
      Array.from({ length: n }, (_, i) => `  - id: zebra-${i}\n    en: zebra attention ${i}\n    category: custom\n    definition: {en: Made-up term number ${i}.}\n`).join('') +
      '  - id: zebra-attention\n    en: zebra attention\n    category: custom\n    definition: {en: A striped attention pattern made up for tests.}\n';

    for (const delay of [0, 8, 40]) {
      it(`notes edited, deleted, replaced by a binary or a 50 MB file ${delay} ms into a build: ends like a fresh start`, async () => {
        const ws = new InMemoryWorkspace({ ...manyNotes(30), 'mem:/ws/my.glossary.yaml': USER(1) });
        const { service } = session(ws);
        await settled(service);
        ws.readDelay = 1;
        const build = service.rebuildIndex();
        await sleep(delay);
        ws.files.set('mem:/ws/notes/n3.md', '# changed\n\n指令微调 与 zebra attention\n');
        const edited = service.notesChanged(['mem:/ws/notes/n3.md']);
        ws.files.delete('mem:/ws/notes/n7.md');
        service.noteDeleted('mem:/ws/notes/n7.md');
        ws.files.set('mem:/ws/notes/n9.md', BINARY);
        ws.files.set('mem:/ws/notes/n11.md', HUGE);
        ws.files.set('mem:/ws/notes/new.md', 'RLHF and LoRA\n');
        const replaced = service.notesChanged(['mem:/ws/notes/n9.md', 'mem:/ws/notes/n11.md', 'mem:/ws/notes/new.md']);
        await Promise.all([build, edited, replaced]);
        await assertLikeFreshStart(service, ws);
        const { current } = await service.indexSnapshots();
        assert.equal(current['mem:/ws/notes/n7.md'], undefined, 'the deleted note is gone');
        assert.equal(current['mem:/ws/notes/n9.md'], undefined, 'the binary is not indexed');
        assert.equal(current['mem:/ws/notes/n11.md'], undefined, 'the 50 MB file is not indexed');
        assert.equal(current['mem:/ws/notes/n3.md']['zebra-attention'], 1);
      });
    }

    it('a glossary file replaced, and another deleted, while the glossary reloads: ends like a fresh start', async () => {
      const ws = new InMemoryWorkspace({ ...manyNotes(10), 'mem:/ws/a.glossary.yaml': USER(3), 'mem:/ws/b.glossary.yaml': USER(0).replace(/zebra/g, 'okapi') });
      const { service } = session(ws);
      await settled(service);
      ws.readDelay = 5;
      for (let round = 0; round < 5; round++) {
        const reload = service.reloadGlossaries();
        await sleep(round * 3);
        ws.files.set('mem:/ws/a.glossary.yaml', round % 2 ? USER(round) : 'entries:\n  - id: [unclosed\n');
        service.glossaryFileChanged('mem:/ws/a.glossary.yaml', 'changed');
        if (round === 2) {
          ws.files.delete('mem:/ws/b.glossary.yaml');
          service.glossaryFileChanged('mem:/ws/b.glossary.yaml', 'deleted');
        }
        await reload;
      }
      ws.files.set('mem:/ws/a.glossary.yaml', USER(4));
      service.glossaryFileChanged('mem:/ws/a.glossary.yaml', 'changed');
      await assertLikeFreshStart(service, ws);
      assert.ok(service.entry('zebra-3') && !service.entry('okapi-attention'));
    });

    it('100 edits of an open glossary in two seconds: few reloads, and the end is like a fresh start', async () => {
      const ws = new InMemoryWorkspace({ ...manyNotes(20), 'mem:/ws/my.glossary.yaml': 'entries: []\n' });
      const { service } = session(ws);
      await settled(service);
      const note = ws.openDoc('mem:/ws/notes/n1.md', ws.files.get('mem:/ws/notes/n1.md') as string);
      service.chapter(note, 0);
      let reloads = 0;
      service.onDidChangeGlossary(() => reloads++);
      for (let i = 1; i <= 100; i++) {
        // Every seventh version is broken YAML, as text is while being typed.
        ws.openDoc('mem:/ws/my.glossary.yaml', i % 7 ? USER(i % 13) : USER(2).slice(0, 40 + i), i + 1);
        service.glossaryFileChanged('mem:/ws/my.glossary.yaml', 'edited');
        if (i % 25 === 0) service.glossaryFileChanged('mem:/ws/my.glossary.yaml', 'saved');
        await sleep(20);
      }
      await assertLikeFreshStart(service, ws);
      assert.ok(reloads <= 12, `${reloads} reloads for 100 edits`);
      assert.ok(service.entry('zebra-attention'));
      assert.equal(service.usageCount('zebra-attention'), 20);
    });
  });
});
