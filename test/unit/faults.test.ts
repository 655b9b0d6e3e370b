import * as assert from 'node:assert/strict';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { createGlossaryService, inProcessReader, type GlossaryService, type IndexStorage, type Logger } from '../../src/core/service';
import { fixture } from './helpers';
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

/** Storage in a variable; `version` is the host's tool version. */
function memoryStorage(initial?: string, version?: string): IndexStorage & { text: string | undefined; writes: number } {
  const s = {
    text: initial,
    writes: 0,
    version,
    read: async () => s.text,
    write: async (t: string) => {
      s.writes++;
      s.text = t;
    },
  };
  return s;
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

    const corrupt: [string, (good: string) => string][] = [
      ['truncated', (good) => good.slice(0, Math.floor(good.length / 2))],
      ['not JSON at all', () => '\u0000\ufffd{{ binary garbage'],
      ['JSON but not an index', () => 'null'],
      ['from an older format', (good) => good.replace('"format":4', '"format":3')],
      ['from a newer format', (good) => good.replace('"format":4', '"format":5')],
      [
        'corrupted prose of a note (same hash)',
        (good) => {
          const data = JSON.parse(good);
          data.files['mem:/ws/notes/a.md'].prose.pieces = [0, 5, 1, 1, 0];
          return JSON.stringify(data);
        },
      ],
      [
        'a note with the wrong types',
        (good) => {
          const data = JSON.parse(good);
          data.files['mem:/ws/notes/b.md'] = { hash: 7, prose: 'x' };
          return JSON.stringify(data);
        },
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
});
