import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReportEntry, ReportOptions } from '../core/conceptsReport';
import type { CompiledTrie, MatchPattern, StoredTrie } from '../core/matcher';
import type { FileScan, ScanMode, ScanRequest, ScanResponse } from './scanProtocol';

/** Options of a pool of scan workers. */
export interface ScanPoolOptions {
  /** The glossary names the workers match (none for `mode: 'prose'`). */
  readonly patterns?: readonly MatchPattern[];
  /** The trie compiled for exactly these patterns, if there is one: workers then skip building it. */
  readonly trie?: CompiledTrie | StoredTrie;
  /** What workers send back: scans (the default), prose pieces, or scans with outlines. */
  readonly mode?: ScanMode;
  /** Number of worker threads (default: the machine's cores). */
  readonly size?: number;
  /** Path of the bundled worker script (default: scanWorker.js beside this bundle). */
  readonly script?: string;
  /** Files per message: small batches keep each message cheap for the receiving thread. */
  readonly batch?: number;
  /**
   * Files per message where they have a known hash (default: `batch`): a note that did not change costs the worker
   * a read and a hash and answers in a few bytes, so re-opening a workspace is not a round trip per two notes.
   */
  readonly checkBatch?: number;
  /** Workers render each note's report (the CLI's `concepts`) with these entries and options, instead of sending scans. */
  readonly report?: { readonly entries: readonly ReportEntry[]; readonly options: ReportOptions };
}

/** A file for the pool to read and scan. */
export interface PoolFile {
  readonly key: string;
  readonly path: string;
  readonly knownHash?: string;
  /** Mode `cache`: the note's cached outline (JSON, UTF-8), matched again instead of reading the note. */
  readonly outline?: Uint8Array;
}

/** One `scan` call: its files, how far it got, and how to settle it. */
interface Job {
  readonly files: readonly PoolFile[];
  readonly maxBytes: number;
  readonly onResult: (r: FileScan) => void;
  readonly cancelled: () => boolean;
  next: number;
  inFlight: number;
  /** Files whose worker was lost before it answered: sent again, one per request. */
  readonly retry: PoolFile[];
  /** How many workers were lost while serving each file. */
  readonly losses: Map<string, number>;
  done?: boolean;
  resolve(): void;
  reject(e: Error): void;
}

/** Raised by `scan` when the pool is closed (or its workers died) before the scan finished. */
export class ScanPoolClosedError extends Error {
  constructor(reason = 'the scan pool was closed') {
    super(reason);
    this.name = 'ScanPoolClosedError';
  }
}

/** A file on which this many workers were lost is reported as an error instead of being sent again. */
const LOSSES_PER_FILE = 2;
/** Workers lost in a row, with no answer in between, before the pool gives up (a broken worker script). */
const LOSSES_IN_A_ROW = 8;

/**
 * Worker threads that read and scan notes in parallel. Results arrive in batches through `onResult` as soon as
 * each is ready; `scan` resolves when all are done. Several scans may run at once: every request carries an id
 * and its results go to the scan that sent it, and idle workers take batches from the running scans in turn.
 * Cancel a scan by passing a `cancelled` callback (it resolves once its batches in flight are back). `close`
 * rejects every scan still running with {@link ScanPoolClosedError}.
 *
 * A worker that crashes or is killed is replaced, and the files it was serving are sent again, one per request;
 * a file on which workers are lost twice comes back as an error, so every file is answered exactly once.
 */
export class ScanPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  /** The request each busy worker is serving. */
  private readonly busy = new Map<Worker, { id: number; job: Job; files: readonly PoolFile[] }>();
  private jobs: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly script: string;
  /** Workers lost since the last answer. */
  private lostInARow = 0;

  constructor(private readonly options: ScanPoolOptions) {
    const size = Math.max(1, options.size ?? os.availableParallelism());
    this.script = options.script ?? path.join(__dirname, 'scanWorker.js');
    for (let i = 0; i < size; i++) this.addWorker();
  }

  private addWorker(): void {
    // A larger young generation means fewer scavenges: parsing Markdown allocates a great deal.
    const w = new Worker(this.script, { workerData: { patterns: this.options.patterns ?? [], trie: this.options.trie, entries: this.options.report?.entries }, resourceLimits: { maxYoungGenerationSizeMb: 128 } });
    w.unref();
    w.on('message', (res: ScanResponse) => this.received(w, res));
    w.on('error', (e) => this.lost(w, e));
    w.on('exit', (code) => this.lost(w, new ScanPoolClosedError(`a scan worker exited (code ${code})`)));
    this.all.push(w);
    this.idle.push(w);
  }

  get size(): number {
    return this.all.length;
  }

  /** Reads and scans `files`; resolves when every result has been passed to `onResult`. */
  scan(files: readonly PoolFile[], maxBytes: number, onResult: (r: FileScan) => void, cancelled: () => boolean = () => false): Promise<void> {
    if (this.closed) return Promise.reject(new ScanPoolClosedError());
    return new Promise<void>((resolve, reject) => {
      this.jobs.push({ files, maxBytes, onResult, cancelled, next: 0, inFlight: 0, retry: [], losses: new Map(), resolve, reject });
      this.dispatch();
    });
  }

  /** Hands batches to idle workers, from the running scans in turn; settles scans that have nothing left. */
  private dispatch(): void {
    for (const job of [...this.jobs]) if (this.drained(job) && job.inFlight === 0) this.settle(job);
    for (let job = this.takeTurn(); job && this.idle.length; job = this.takeTurn()) this.send(this.idle.pop()!, job);
  }

  /** The next scan with files left to send, moved to the back of the queue so later scans get their turn. */
  private takeTurn(): Job | undefined {
    const i = this.jobs.findIndex((j) => !this.drained(j));
    if (i < 0) return undefined;
    const [job] = this.jobs.splice(i, 1);
    this.jobs.push(job);
    return job;
  }

  private send(w: Worker, job: Job): void {
    const again = job.retry.length > 0;
    const files = again ? job.retry.splice(0, 1) : job.files.slice(job.next, this.batchEnd(job));
    if (!again) job.next += files.length;
    const req: ScanRequest = { id: this.nextId++, mode: this.options.mode ?? 'scan', maxBytes: job.maxBytes, files, render: this.options.report?.options };
    job.inFlight++;
    this.busy.set(w, { id: req.id, job, files });
    w.postMessage(req);
  }

  /** Where the next batch of a scan ends: `batch` files, and on while files have a known hash, up to `checkBatch`. */
  private batchEnd(job: Job): number {
    const size = this.options.batch ?? 4;
    const most = Math.max(size, this.options.checkBatch ?? size);
    let end = job.next;
    while (end < job.files.length && end - job.next < most && (end - job.next < size || job.files[end].knownHash !== undefined)) end++;
    return end;
  }

  private drained(job: Job): boolean {
    return (job.next >= job.files.length && job.retry.length === 0) || job.cancelled();
  }

  private settle(job: Job, error?: Error): void {
    this.jobs = this.jobs.filter((j) => j !== job);
    job.next = job.files.length;
    job.retry.length = 0;
    if (job.done) return;
    job.done = true;
    if (error) job.reject(error);
    else job.resolve();
  }

  private received(w: Worker, res: ScanResponse): void {
    const req = this.busy.get(w);
    if (!req || req.id !== res.id) return;
    this.busy.delete(w);
    this.idle.push(w);
    this.lostInARow = 0;
    req.job.inFlight--;
    try {
      if (!req.job.done) for (const r of res.results) req.job.onResult(r);
    } catch (e) {
      this.settle(req.job, e as Error);
    }
    this.dispatch();
  }

  /** A worker crashed or was killed: a new one takes its place and its files are sent again. */
  private lost(w: Worker, e: Error): void {
    if (!this.all.includes(w)) return;
    this.all.splice(this.all.indexOf(w), 1);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    const req = this.busy.get(w);
    this.busy.delete(w);
    if (req && !req.job.done) this.resend(req.job, req.files, e);
    if (!this.closed && ++this.lostInARow <= LOSSES_IN_A_ROW) this.addWorker();
    if (this.all.length === 0) this.rejectAll(e);
    else this.dispatch();
  }

  /** Queues the files of a lost request again; a file that lost workers before is answered with an error. */
  private resend(job: Job, files: readonly PoolFile[], e: Error): void {
    job.inFlight--;
    for (const f of files) {
      const losses = (job.losses.get(f.key) ?? 0) + 1;
      job.losses.set(f.key, losses);
      if (losses < LOSSES_PER_FILE) job.retry.push(f);
      else this.deliver(job, { key: f.key, error: `the scan worker stopped while reading it (${e.message})` });
    }
  }

  private deliver(job: Job, r: FileScan): void {
    try {
      job.onResult(r);
    } catch (err) {
      this.settle(job, err as Error);
    }
  }

  private rejectAll(e: Error): void {
    for (const job of [...this.jobs]) this.settle(job, e);
    this.busy.clear();
  }

  /** Stops the workers; scans still running reject with {@link ScanPoolClosedError}. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.rejectAll(new ScanPoolClosedError());
    const workers = this.all.splice(0);
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
