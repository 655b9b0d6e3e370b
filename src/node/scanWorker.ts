// A worker thread that reads and scans notes off the main thread, for the CLI and the extension's workspace index.
import { parentPort, workerData } from 'node:worker_threads';
import { Matcher, type CompiledTrie, type MatchPattern, type StoredTrie } from '../core/matcher';
import { cachedScanOfFile, proseOfFile, scanNote } from './notes';
import type { FileScan, ScanRequest, ScanResponse } from './scanProtocol';

const data = workerData as { patterns: MatchPattern[]; trie?: CompiledTrie | StoredTrie };
const glossary = { matcher: new Matcher(data.patterns, {}, data.trie) };

parentPort!.on('message', (req: ScanRequest) => {
  const read =
    req.mode === 'prose'
      ? proseOfFile
      : req.mode === 'cache'
        ? (file: string, max: number) => cachedScanOfFile(file, max, glossary)
        : (file: string, max: number, known?: string) => scanNote(file, max, glossary, known);
  const results: FileScan[] = req.files.map((f) => ({ key: f.key, ...read(f.path, req.maxBytes, f.knownHash) }));
  const res: ScanResponse = { id: req.id, results };
  parentPort!.postMessage(res);
});
