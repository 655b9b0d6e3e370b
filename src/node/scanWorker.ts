// A worker thread that reads and scans notes off the main thread, for the CLI and the extension's workspace index.
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { renderReport, type ReportEntry } from '../core/conceptsReport';
import { Matcher, type CompiledTrie, type MatchPattern, type StoredTrie } from '../core/matcher';
import { entryIdsOf, parseOutline, scanOutline } from '../core/scanCache';
import { cachedScanOfFile, proseOfFile, scanNote } from './notes';
import type { FileScan, ScanRequest, ScanResponse } from './scanProtocol';

const data = workerData as { patterns: MatchPattern[]; trie?: CompiledTrie | StoredTrie; entries?: ReportEntry[] };
const glossary = { matcher: new Matcher(data.patterns, {}, data.trie) };
const entries = new Map((data.entries ?? []).map((e) => [e.id, e]));
const encoder = new TextEncoder();

parentPort!.on('message', (req: ScanRequest) => {
  const read =
    req.mode === 'prose'
      ? proseOfFile
      : req.mode === 'cache'
        ? (file: string, max: number) => cachedScanOfFile(file, max, glossary)
        : (file: string, max: number, known?: string) => scanNote(file, max, glossary, known);
  const transfer: ArrayBuffer[] = [];
  const results: FileScan[] = req.files.map((f) => {
    const r: FileScan = f.outline ? rematch(f.key, f.outline) : { key: f.key, ...read(fsPath(f.path), req.maxBytes, f.knownHash) };
    // A note's prose is moved too: its typed arrays arrive outside the main thread's heap, with nothing to copy.
    if (r.prose) transfer.push(r.prose.units.buffer as ArrayBuffer, r.prose.pieces.buffer as ArrayBuffer);
    if (!req.render || !r.scan) return r;
    // The report as bytes of its own, moved (not copied) to the main thread.
    const { scan, ...rest } = r;
    const rendered = encoder.encode(renderReport(scan, entries, req.render));
    transfer.push(rendered.buffer as ArrayBuffer);
    return { ...rest, rendered, entryIds: entryIdsOf(scan) };
  });
  const res: ScanResponse = { id: req.id, results };
  parentPort!.postMessage(res, transfer);
});

/** A file path, or a `file:` URI (the extension's notes index sends those) as a path. */
function fsPath(p: string): string {
  return p.startsWith('file:') ? fileURLToPath(p) : p;
}

/** A note's cached outline matched again (the glossary changed), or word that it is not an outline. */
function rematch(key: string, bytes: Uint8Array): FileScan {
  const outline = parseOutline(bytes);
  return outline ? { key, scan: scanOutline(outline, glossary.matcher) } : { key, badOutline: true };
}
