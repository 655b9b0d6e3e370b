import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MatchPattern } from '../core/matcher';
import type { FileScan, ScanRequest, ScanResponse } from './scanProtocol';

/** Options of a pool of scan workers. */
export interface ScanPoolOptions {
  /** The glossary names the workers match. */
  readonly patterns: readonly MatchPattern[];
  /** Number of worker threads (default: the machine's cores). */
  readonly size?: number;
  /** Path of the bundled worker script (default: scanWorker.js beside this bundle). */
  readonly script?: string;
  /** Files per message: small batches keep each message cheap for the receiving thread. */
  readonly batch?: number;
}

/**
 * Worker threads that read and scan notes in parallel. Results arrive in batches through `onResult` as soon as
 * each is ready; `scan` resolves when all are done. Cancel by passing a `cancelled` callback.
 */
export class ScanPool {
  private readonly workers: Worker[] = [];
  private nextId = 1;

  constructor(private readonly options: ScanPoolOptions) {
    const size = Math.max(1, options.size ?? os.availableParallelism());
    const script = options.script ?? path.join(__dirname, 'scanWorker.js');
    for (let i = 0; i < size; i++) {
      // A larger young generation means fewer scavenges: parsing Markdown allocates a great deal.
      const w = new Worker(script, { workerData: { patterns: options.patterns }, resourceLimits: { maxYoungGenerationSizeMb: 128 } });
      w.unref();
      this.workers.push(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  async scan(
    files: readonly { key: string; path: string; knownHash?: string }[],
    maxBytes: number,
    onResult: (r: FileScan) => void,
    cancelled: () => boolean = () => false,
  ): Promise<void> {
    const batch = this.options.batch ?? 4;
    let next = 0;
    const runWorker = (w: Worker) =>
      new Promise<void>((resolve, reject) => {
        const pump = () => {
          if (next >= files.length || cancelled()) {
            w.off('message', onMessage);
            w.off('error', onError);
            resolve();
            return;
          }
          const req: ScanRequest = { id: this.nextId++, maxBytes, files: files.slice(next, next + batch) };
          next += batch;
          w.postMessage(req);
        };
        const onMessage = (res: ScanResponse) => {
          for (const r of res.results) onResult(r);
          pump();
        };
        const onError = (e: Error) => reject(e);
        w.on('message', onMessage);
        w.on('error', onError);
        pump();
      });
    await Promise.all(this.workers.map(runWorker));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
