// A worker thread that reads and scans notes off the main thread, for the CLI and the extension's workspace index.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Matcher, type MatchPattern } from '../core/matcher';
import { collectProse, matchProse, lastContentLine } from '../core/scanner';
import { parseMarkdown } from '../core/markdown';
import { LineIndex } from '../core/text';
import { DEFAULT_LIMITS, tooComplex } from '../core/limits';
import { looksBinary } from './binary';
import type { ScanRequest, ScanResponse, FileScan } from './scanProtocol';

const matcher = new Matcher((workerData as { patterns: MatchPattern[] }).patterns);

function scanFile(f: ScanRequest['files'][number], maxBytes: number): FileScan {
  let buf: Buffer;
  try {
    const st = fs.statSync(f.path);
    if (st.size > maxBytes) return { key: f.key, skip: `skipped: ${st.size} bytes is over the limit of ${maxBytes}` };
    buf = fs.readFileSync(f.path);
  } catch (e) {
    return { key: f.key, error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  if (looksBinary(buf)) return { key: f.key, skip: 'skipped: not a text file (binary content)' };
  const hash = createHash('sha1').update(buf).digest('hex');
  if (f.knownHash === hash) return { key: f.key, hash, unchanged: true };
  const text = buf.toString('utf8');
  const why = tooComplex(text, { ...DEFAULT_LIMITS, maxChars: Number.MAX_SAFE_INTEGER });
  if (why) return { key: f.key, hash, skip: `skipped: ${why}` };
  const lines = new LineIndex(text);
  const prose = collectProse(parseMarkdown(text), text, lines);
  return {
    key: f.key,
    hash,
    scan: { occurrences: matchProse(text, prose.ranges, matcher, lines), headings: prose.headings, lineCount: lines.lineCount, lastLine: lastContentLine(text, lines) },
  };
}

parentPort!.on('message', (req: ScanRequest) => {
  const results: FileScan[] = [];
  for (const f of req.files) {
    try {
      results.push(scanFile(f, req.maxBytes));
    } catch (e) {
      results.push({ key: f.key, skip: `skipped: could not be parsed (${String((e as Error).message ?? e)})` });
    }
  }
  const res: ScanResponse = { id: req.id, results };
  parentPort!.postMessage(res);
});
