import { READER_IDLE_MS } from '../core/limits';
import { inProcessReader, type ProseReader, type ProseResult, type ServiceWorkspace } from '../core/service';
import { ScanPool, ScanPoolClosedError } from './scanPool';
import type { FileScan } from './scanProtocol';

function toResult(uri: string, r: FileScan): ProseResult {
  if (r.unchanged && r.hash) return { uri, hash: r.hash, unchanged: true };
  if (r.prose && r.hash) return { uri, hash: r.hash, prose: r.prose };
  return r.error ? { uri, error: r.error } : { uri, skip: r.skip ?? 'skipped' };
}

/**
 * Reads notes on disk (`file:` URIs) in a worker thread, never on the extension host's thread; other URIs go
 * through the workspace, parsed here in slices. Without worker threads, everything is read in-process. The worker
 * is stopped after `idleMs` with nothing to read, and started again by the next read.
 */
export function poolReader(workspace: Pick<ServiceWorkspace, 'readFile'>, script: string, idleMs = READER_IDLE_MS): ProseReader {
  const fallback = inProcessReader(workspace);
  let pool: ScanPool | undefined;
  let failed = false;
  let reading = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const getPool = () => {
    if (!pool && !failed) {
      try {
        pool = new ScanPool({ mode: 'prose', size: 1, batch: 2, checkBatch: 32, script });
      } catch {
        failed = true;
      }
    }
    return pool;
  };
  const stopWhenIdle = () => {
    clearTimeout(idle);
    if (reading > 0 || !pool) return;
    idle = setTimeout(() => {
      void pool?.close();
      pool = undefined;
    }, idleMs);
    idle.unref();
  };
  return {
    async read(requests, maxChars, onResult, cancelled) {
      reading++;
      clearTimeout(idle);
      try {
        const onDisk = requests.filter((r) => r.uri.startsWith('file:'));
        const p = onDisk.length ? getPool() : undefined;
        const rest = p ? requests.filter((r) => !r.uri.startsWith('file:')) : requests;
        // The worker turns each URI into a path: for ten thousand notes that alone is tens of milliseconds here.
        const files = onDisk.map((r) => ({ key: r.uri, path: r.uri, knownHash: r.knownHash }));
        const viaPool = p?.scan(files, maxChars, (r) => onResult(toResult(r.key, r)), cancelled).catch((e) => {
          if (!(e instanceof ScanPoolClosedError)) throw e;
        });
        await Promise.all([viaPool, fallback.read(rest, maxChars, onResult, cancelled)]);
      } finally {
        reading--;
        stopWhenIdle();
      }
    },
    dispose() {
      clearTimeout(idle);
      void pool?.close();
    },
  };
}
