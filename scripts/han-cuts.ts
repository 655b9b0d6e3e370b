// Counts the Han matches the word-boundary rule rejects on ../shared/corpus, and prints a random sample of them.
// With --eval it looks at the evaluation notes only, and also lists every Han match the rule keeps although the
// built-in segmenter puts one of its edges inside a word: the places to read for a cross-word match left over.
// Usage: node out/eval/han-cuts.js [--eval] [SAMPLE=30]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { insideHanWord } from '../src/core/hanWords';
import { Matcher } from '../src/core/matcher';
import { scanDocument, type Occurrence } from '../src/core/scanner';
import { isHan } from '../src/core/text';
import { loadBuiltin, ROOT } from './evalNames';

const corpus = path.join(ROOT, '..', 'shared', 'corpus');
const g = loadBuiltin();
const plain = { matcher: new Matcher(g.patterns, { hanWords: false }) };
const args = process.argv.slice(2);
const onEval = args.includes('--eval');
const sampleSize = Number(args.find((a) => /^\d+$/.test(a)) ?? 30);

function corpusFiles(): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.md')) files.push(p);
    }
  };
  walk(corpus);
  return files.sort();
}

function evalFiles(): string[] {
  const notes = JSON.parse(fs.readFileSync(path.join(ROOT, 'eval', 'notes.json'), 'utf8')) as { notes: { file: string }[] };
  return notes.notes.map((n) => path.join(corpus, n.file));
}

/** A Han match with an edge strictly inside a segmented word of the text around it. */
function edgeInsideWord(text: string, o: Occurrence): boolean {
  const han = (i: number) => i >= 0 && i < text.length && isHan(text.charCodeAt(i));
  const from = Math.max(0, o.start - 8);
  const to = Math.min(text.length, o.end + 8);
  const cutsStart = han(o.start - 1) && han(o.start) && insideHanWord(text, o.start, from, to);
  const cutsEnd = han(o.end - 1) && han(o.end) && insideHanWord(text, o.end, from, to);
  return cutsStart || cutsEnd;
}

const files = onEval ? evalFiles() : corpusFiles();
const rejected: string[] = [];
const keptInside: string[] = [];
let matchesBefore = 0;
const where = (f: string, text: string, o: Occurrence) =>
  `${path.relative(corpus, f).slice(0, 60)}:${o.line}\t${o.text} → ${o.entryId}\t…${text.slice(Math.max(0, o.start - 8), o.end + 8).replace(/\s+/g, ' ')}…`;
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  const key = (o: Occurrence) => `${o.start}:${o.end}:${o.entryId}`;
  const now = scanDocument(text, g).occurrences;
  const kept = new Set(now.map(key));
  const before = scanDocument(text, plain).occurrences;
  matchesBefore += before.length;
  for (const o of before) if (!kept.has(key(o))) rejected.push(where(f, text, o));
  if (onEval) for (const o of now) if (edgeInsideWord(text, o)) keptInside.push(where(f, text, o));
}
console.log(JSON.stringify({ files: files.length, matchesBefore, rejected: rejected.length, ...(onEval ? { keptWithAnEdgeInsideASegmentedWord: keptInside.length } : {}) }));
let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const sample = [...rejected].sort(() => rand() - 0.5).slice(0, sampleSize);
for (const s of sample) console.log(`rejected\t${s}`);
for (const s of keptInside) console.log(`kept\t${s}`);
