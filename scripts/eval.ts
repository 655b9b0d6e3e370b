// npm run eval: scores the scanner with the built-in glossary against the hand labels in eval/labels/.
// Usage: node out/eval/eval.js [--json] [--split dev|heldout|all] [--details SLUG|all] [--mapping]
// Splits: `dev` (tuned on), `dev2`, `dev3`, `dev4`, `dev5`, `dev6`, `dev7`, `dev8`, `dev9`, `dev10` … `dev14` (earlier held-out halves, tuned on once each was scored), `heldout`
// (scored only at the end). `--split dev` takes every dev half.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GlossaryIndex } from '../src/core/glossaryIndex';
import { Matcher } from '../src/core/matcher';
import type { Occurrence } from '../src/core/scanner';
import { scanDocument } from '../src/core/scanner';
import { normalizeTerm } from '../src/core/text';
import { loadBuiltin, nameIndex, ROOT } from './evalNames';

interface LabelConcept {
  en: string;
  zh?: string;
  sense?: string;
  tier: 'core' | 'extended';
  firstLine: number;
  surfaces: string[];
  lines?: Record<string, number[]>;
}
interface Labels {
  file: string;
  concepts: LabelConcept[];
  traps: { line: number; text: string; why: string }[];
}
interface Note {
  slug: string;
  file: string;
  split: Split;
}
/** The halves in table order, with their printed names; a new half is one row here. */
const SPLITS = [
  ['dev', 'dev'],
  ['dev2', 'dev-2'],
  ['dev3', 'dev-3'],
  ['dev4', 'dev-4'],
  ['dev5', 'dev-5'],
  ['dev6', 'dev-6'],
  ['dev7', 'dev-7'],
  ['dev8', 'dev-8'],
  ['dev9', 'dev-9'],
  ['dev10', 'dev-10'],
  ['dev11', 'dev-11'],
  ['dev12', 'dev-12'],
  ['dev13', 'dev-13'],
  ['dev14', 'dev-14'],
  ['heldout', 'held-out'],
] as const;
type Split = (typeof SPLITS)[number][0];
/** Verdicts on reported concepts that no label names: the labeller missed it, the tool is wrong, or not a concept. */
type Verdict = 'label-missed' | 'wrong' | 'not-a-concept';

const EVAL = path.join(ROOT, 'eval');
const labelFile = (n: Note) => path.join(EVAL, 'labels', `${n.slug}.json`);
const readJson = <T>(f: string, fallback?: T): T => (fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, 'utf8')) as T) : (fallback as T));

/** Label concept key: its English name and sense. */
const keyOf = (c: LabelConcept) => (c.sense ? `${c.en} [${c.sense}]` : c.en);

/** Entry ids a labelled concept stands for: the curated map first, else entries with one of its names. */
function entriesFor(c: LabelConcept, glossary: GlossaryIndex, byName: Map<string, Set<string>>, map: Record<string, string[] | null>): string[] {
  const key = keyOf(c) in map ? keyOf(c) : c.en in map ? c.en : undefined;
  if (key !== undefined) return (map[key] ?? []).filter((id) => glossary.get(id));
  const ids = new Set<string>();
  const bare = c.en.replace(/\s*\(.*\)\s*$/, '');
  if (c.sense && glossary.get(c.sense)) return [c.sense];
  for (const n of [bare, c.en, c.zh, ...c.surfaces]) {
    if (!n) continue;
    for (const id of byName.get(normalizeTerm(n, false)) ?? []) ids.add(id);
  }
  if (ids.size > 1) {
    // Prefer the entry named by the English label itself, when there is one.
    const own = byName.get(normalizeTerm(bare, false));
    if (own && own.size) return [...own];
  }
  return [...ids].filter((id) => glossary.get(id));
}

interface FileScore {
  slug: string;
  split: string;
  labelled: number;
  core: number;
  foundAll: number;
  foundCore: number;
  reported: number;
  correct: number;
  wrong: number;
  unjudged: number;
  trapHits: number;
  senseErrors: number;
  missedCore: string[];
  missedExtended: string[];
  unmapped: string[];
  wrongIds: string[];
  unjudgedIds: string[];
  trapHitTexts: string[];
  senseErrorTexts: string[];
}

function scoreNote(note: Note, glossary: GlossaryIndex, scanner: Pick<GlossaryIndex, 'matcher'>, byName: Map<string, Set<string>>, map: Record<string, string[] | null>, verdicts: Record<string, Verdict>): FileScore {
  const labels = readJson<Labels>(labelFile(note));
  const text = fs.readFileSync(path.join(ROOT, '..', 'shared', 'corpus', note.file), 'utf8');
  const occ = scanDocument(text, scanner).occurrences;
  const scored = occ.filter((o) => glossary.get(o.entryId)?.category !== 'organizations');
  const reported = new Set(scored.map((o) => o.entryId));
  const mapped = new Map<string, string[]>();
  for (const c of labels.concepts) mapped.set(keyOf(c), entriesFor(c, glossary, byName, map));
  const labelledIds = new Set([...mapped.values()].flat());
  const found = (c: LabelConcept) => mapped.get(keyOf(c))!.some((id) => reported.has(id));
  const core = labels.concepts.filter((c) => c.tier === 'core');
  const missedText = (c: LabelConcept) => `${keyOf(c)} → ${mapped.get(keyOf(c))!.join(',') || 'no entry'} (${c.surfaces.join(' | ')})`;
  const s: FileScore = {
    slug: note.slug,
    split: note.split,
    labelled: labels.concepts.length,
    core: core.length,
    foundAll: labels.concepts.filter(found).length,
    foundCore: core.filter(found).length,
    reported: reported.size,
    correct: 0,
    wrong: 0,
    unjudged: 0,
    trapHits: 0,
    senseErrors: 0,
    missedCore: core.filter((c) => !found(c)).map(missedText),
    missedExtended: labels.concepts.filter((c) => c.tier !== 'core' && !found(c)).map(missedText),
    unmapped: labels.concepts.filter((c) => mapped.get(keyOf(c))!.length === 0).map(keyOf),
    wrongIds: [],
    unjudgedIds: [],
    trapHitTexts: [],
    senseErrorTexts: [],
  };
  const trapped = trapHits(labels, scored, text);
  s.trapHits = trapped.length;
  s.trapHitTexts = trapped.map((o) => `${o.line}: ${o.text} → ${o.entryId}`);
  for (const id of reported) {
    if (labelledIds.has(id)) s.correct++;
    else {
      const v = verdicts[`${note.slug}#${id}`];
      const onlyTraps = scored.filter((o) => o.entryId === id).every((o) => trapped.includes(o));
      if (v === 'label-missed') s.correct++;
      else if (v === 'wrong' || (v === undefined && onlyTraps)) {
        s.wrong++;
        s.wrongIds.push(id);
      } else if (v === undefined) {
        s.unjudged++;
        s.unjudgedIds.push(id);
      }
    }
  }
  const errs = senseErrors(labels, scored, mapped);
  s.senseErrors = errs.length;
  s.senseErrorTexts = errs;
  return s;
}

/** Occurrences that fall inside a labelled trap (same line, inside the trap's text). */
function trapHits(labels: Labels, occ: readonly Occurrence[], text: string): Occurrence[] {
  const lines = text.split(/\r\n|\r|\n/);
  const hits: Occurrence[] = [];
  for (const t of labels.traps) {
    const line = lines[t.line - 1] ?? '';
    const at = line.indexOf(t.text);
    if (at < 0 || !t.text) continue;
    for (const o of occ) {
      if (o.line !== t.line || o.endLine !== t.line) continue;
      const col = o.column - 1;
      if (col >= at && o.endColumn - 1 <= at + t.text.length) hits.push(o);
    }
  }
  return hits;
}

/** Uses of an ambiguous surface on a labelled line that the tool gave to another entry. */
function senseErrors(labels: Labels, occ: readonly Occurrence[], mapped: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const c of labels.concepts) {
    const ids = mapped.get(keyOf(c))!;
    if (!ids.length) continue;
    for (const [surface, lines] of Object.entries(c.lines ?? {})) {
      for (const line of lines) {
        const here = occ.filter((o) => o.line === line && o.text === surface);
        if (here.length && !here.some((o) => ids.includes(o.entryId))) out.push(`${line}: ${surface} → ${here.map((o) => o.entryId).join(',')} (label: ${keyOf(c)})`);
      }
    }
  }
  return out;
}

/** A file's figures without its lists. */
function summary(f: FileScore) {
  const { slug, split, labelled, core, foundAll, foundCore, reported, correct, wrong, unjudged, trapHits, senseErrors } = f;
  return { slug, split, labelled, core, foundAll, foundCore, reported, correct, wrong, unjudged, trapHits, senseErrors };
}

function total(files: FileScore[]) {
  const sum = (k: keyof FileScore) => files.reduce((a, f) => a + (f[k] as number), 0);
  const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : 0);
  const reported = sum('reported');
  return {
    files: files.length,
    labelled: sum('labelled'),
    core: sum('core'),
    coreRecall: ratio(sum('foundCore'), sum('core')),
    allRecall: ratio(sum('foundAll'), sum('labelled')),
    reported,
    precision: ratio(sum('correct'), reported),
    wrong: sum('wrong'),
    wrongRate: ratio(sum('wrong'), reported),
    unjudged: sum('unjudged'),
    trapHits: sum('trapHits'),
    senseErrors: sum('senseErrors'),
  };
}

const USAGE = `usage: node out/eval/eval.js [--json] [--split dev|heldout|all] [--details SLUG|all] [--mapping] [--no-han-words]
  --split dev scores every dev half and never the held-out half; without --split every half is scored.
  --no-han-words scores with the Chinese word-boundary rule off, to measure what the rule costs and gains.`;

function main(): void {
  const args = process.argv.slice(2);
  // Nothing is scored on a question or a typo: the held-out half is scored only when asked for.
  if (args.includes('--help') || args.includes('-h')) return void console.log(USAGE);
  const known = new Set(['--json', '--split', '--details', '--mapping', '--no-han-words']);
  const unknown = args.find((a, i) => a.startsWith('-') && !known.has(a) && !['--split', '--details'].includes(args[i - 1]));
  if (unknown) {
    console.error(`unknown option ${unknown}\n${USAGE}`);
    process.exit(2);
  }
  const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'all';
  const details = args.includes('--details') ? args[args.indexOf('--details') + 1] : undefined;
  const drawn = readJson<{ notes: Note[] }>(path.join(EVAL, 'notes.json')).notes.filter((n) => split === 'all' || n.split.startsWith(split));
  // A half is listed when it is drawn and scored once its labels are in.
  const notes = drawn.filter((n) => fs.existsSync(labelFile(n)));
  if (notes.length < drawn.length) console.error(`${drawn.length - notes.length} drawn notes have no labels yet and are not scored`);
  const glossary = loadBuiltin();
  const byName = nameIndex(glossary);
  const map = readJson<Record<string, string[] | null>>(path.join(EVAL, 'concept-map.json'), {});
  const verdicts = readJson<Record<string, Verdict>>(path.join(EVAL, 'verdicts.json'), {});
  if (args.includes('--mapping')) return void printMapping(notes, glossary, byName, map);
  const scanner = args.includes('--no-han-words') ? { matcher: new Matcher(glossary.patterns, { hanWords: false }) } : glossary;
  const files = notes.map((n) => scoreNote(n, glossary, scanner, byName, map, verdicts));
  const result = {
    glossaryEntries: glossary.entries.size,
    ...Object.fromEntries(SPLITS.map(([k]) => [k, total(files.filter((f) => f.split === k))])),
    files: details ? files.filter((f) => f.slug === details || details === 'all') : files.map(summary),
  };
  if (args.includes('--json')) return void console.log(JSON.stringify(result, null, 2));
  printTable(SPLITS.map(([k, name]) => [name, total(files.filter((f) => f.split === k))]), files);
  if (details) console.log(JSON.stringify(result.files, null, 2));
}

/** Which entries each label stands for, without scoring: to check the map before a half is scored. */
function printMapping(notes: Note[], glossary: GlossaryIndex, byName: Map<string, Set<string>>, map: Record<string, string[] | null>): void {
  for (const n of notes) {
    console.log(`## ${n.slug}`);
    for (const c of readJson<Labels>(labelFile(n)).concepts) {
      console.log(`  ${keyOf(c)} → ${entriesFor(c, glossary, byName, map).join(', ') || 'no entry'}`);
    }
  }
}

function printTable(splits: [string, ReturnType<typeof total>][], files: FileScore[]): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log('split     files  labelled  core  core recall  all recall  reported  precision  wrong  wrong rate  unjudged  trap hits  sense errors');
  for (const [name, t] of splits) {
    if (!t.files) continue;
    console.log(
      `${name.padEnd(9)} ${String(t.files).padStart(5)} ${String(t.labelled).padStart(9)} ${String(t.core).padStart(5)} ${pct(t.coreRecall).padStart(12)} ${pct(t.allRecall).padStart(11)} ${String(t.reported).padStart(9)} ${pct(t.precision).padStart(10)} ${String(t.wrong).padStart(6)} ${pct(t.wrongRate).padStart(11)} ${String(t.unjudged).padStart(9)} ${String(t.trapHits).padStart(10)} ${String(t.senseErrors).padStart(13)}`,
    );
  }
  console.log('\nper file (core found/core, all found/all, reported, wrong, unjudged)');
  for (const f of files) console.log(`  ${f.split.padEnd(8)} ${f.slug.slice(0, 60).padEnd(60)} ${f.foundCore}/${f.core}  ${f.foundAll}/${f.labelled}  ${f.reported}  ${f.wrong}  ${f.unjudged}`);
}

main();
