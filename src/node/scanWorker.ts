// A worker thread that reads and scans notes off the main thread, for the CLI and the extension's workspace index.
import { parentPort, workerData } from 'node:worker_threads';
import { Matcher, type MatchPattern } from '../core/matcher';
import { scanNote } from './notes';
import type { FileScan, ScanRequest, ScanResponse } from './scanProtocol';

const glossary = { matcher: new Matcher((workerData as { patterns: MatchPattern[] }).patterns) };

parentPort!.on('message', (req: ScanRequest) => {
  const results: FileScan[] = req.files.map((f) => ({ key: f.key, ...scanNote(f.path, req.maxBytes, glossary, f.knownHash) }));
  const res: ScanResponse = { id: req.id, results };
  parentPort!.postMessage(res);
});
