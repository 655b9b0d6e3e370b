// Counts the Han matches the word-boundary rule rejects on ../shared/corpus, and prints a random sample of them.
// Usage: node out/eval/han-cuts.js [SAMPLE=30]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Matcher } from '../src/core/matcher';
import { scanDocument } from '../src/core/scanner';
import { loadBuiltin, ROOT } from './evalNames';

const corpus = path.join(ROOT, '..', 'shared', 'corpus');
const g = loadBuiltin();
const plain = { matcher: new Matcher(g.patterns, { hanWords: false }) };
const files: string[] = [];
const walk = (d: string) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith('.md')) files.push(p);
  }
};
walk(corpus);
const rejected: string[] = [];
let kept = 0;
let added = 0;
for (const f of files.sort()) {
  const text = fs.readFileSync(f, 'utf8');
  const key = (o: { start: number; end: number; entryId: string }) => `${o.start}:${o.end}:${o.entryId}`;
  const now = new Set(scanDocument(text, g).occurrences.map(key));
  const before = scanDocument(text, plain).occurrences;
  for (const o of before) {
    if (now.has(key(o))) kept++;
    else rejected.push(`${path.relative(corpus, f).slice(0, 60)}:${o.line}\t${o.text} → ${o.entryId}\t…${text.slice(Math.max(0, o.start - 8), o.end + 8).replace(/\s+/g, ' ')}…`);
  }
  added += now.size - (before.length - rejected.length);
}
console.log(JSON.stringify({ files: files.length, matchesBefore: kept + rejected.length, rejected: rejected.length }));
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const sample = [...rejected].sort(() => rand() - 0.5).slice(0, Number(process.argv[2] ?? 30));
for (const s of sample) console.log(s);
void added;
