// The `concepts` report of one note as the CLI prints it (its JSON object or its table), less its file name. Pure,
// so the CLI's scan workers write it next to the parse and the CLI's thread only puts the pieces in order.
import stringWidth from 'string-width';
import { documentConcepts, type ConceptUse, type DocumentConcepts, type EntryLookup } from './concepts';
import type { GlossaryEntry } from './glossary';
import type { ScanResult } from './scanner';

/** What a report shows of an entry: all a scan worker needs of the glossary besides its matcher. */
export type ReportEntry = Pick<GlossaryEntry, 'id' | 'en' | 'zh' | 'abbr' | 'aliases' | 'category' | 'level'>;

/** The options that change a note's report. */
export interface ReportOptions {
  readonly json: boolean;
  readonly line?: number;
}

/** The report fields of each entry, for a scan worker to look entries up in. */
export function reportEntries(entries: Iterable<GlossaryEntry>): ReportEntry[] {
  const out: ReportEntry[] = [];
  for (const e of entries) out.push({ id: e.id, en: e.en, zh: e.zh, abbr: e.abbr, aliases: e.aliases, category: e.category, level: e.level });
  return out;
}

/**
 * What the CLI prints for one note, less its file name: with `json`, its object after the "file" member, indented
 * as in the output's "files" array; else its table after the file name.
 */
export function renderReport(scan: ScanResult, glossary: EntryLookup<ReportEntry>, options: ReportOptions): string {
  const dc = documentConcepts(scan, glossary, { line: options.line });
  return options.json ? nestedJson(fileJson(dc)) : fileTable(dc);
}

/** Where a note's object sits in the --json output: its text there, less its opening brace. */
const NEST_HEAD = '[\n  [\n    {';
const NEST_TAIL = '\n  ]\n]';

/**
 * `JSON.stringify(o, null, 2)` with every line after the first indented four more spaces, less the opening brace:
 * written two arrays deep, so JSON.stringify indents it in one pass (o is an object with members).
 */
function nestedJson(o: object): string {
  const s = JSON.stringify([[o]], null, 2);
  return s.slice(NEST_HEAD.length, s.length - NEST_TAIL.length);
}

function conceptJson(u: ConceptUse<ReportEntry>) {
  const e = u.entry;
  return {
    id: e.id,
    en: e.en,
    zh: e.zh ?? null,
    abbr: e.abbr ?? null,
    aliases: e.abbr ? [e.abbr, ...e.aliases] : [...e.aliases],
    category: e.category,
    level: e.level,
    count: u.occurrences.length,
    occurrences: u.occurrences.map((o) => ({
      line: o.line,
      column: o.column,
      endLine: o.endLine,
      endColumn: o.endColumn,
      offset: o.start,
      endOffset: o.end,
      text: o.text,
      ...(o.senses ? { senses: { chosen: o.entryId, candidates: o.senses.candidates, by: o.senses.by } } : {}),
    })),
  };
}

function fileJson(dc: DocumentConcepts<ReportEntry>) {
  return {
    concepts: dc.concepts.map(conceptJson),
    chapters: dc.chapters.map((c) => ({
      title: c.chapter.title,
      line: c.chapter.line,
      endLine: c.chapter.endLine,
      preamble: c.chapter.preamble,
      concepts: c.concepts.map((u) => ({ id: u.entry.id, count: u.occurrences.length })),
    })),
  };
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

function conceptName(u: ConceptUse<ReportEntry>): string {
  const e = u.entry;
  const abbr = e.abbr && e.abbr !== e.en ? ` (${e.abbr})` : '';
  return e.zh ? `${e.en}${abbr} / ${e.zh}` : `${e.en}${abbr}`;
}

/** A note's table, less the file name that starts it. */
function fileTable(dc: DocumentConcepts<ReportEntry>): string {
  const uses = dc.concepts.reduce((n, u) => n + u.occurrences.length, 0);
  const lines = [`: ${dc.concepts.length} concept${dc.concepts.length === 1 ? '' : 's'}, ${uses} use${uses === 1 ? '' : 's'}`];
  for (const c of dc.chapters) {
    const title = c.chapter.preamble ? (c.chapter.depth === 0 && c.chapter.line === 1 && dc.chapters.length === 1 ? '(whole file)' : '(before the first heading)') : c.chapter.title;
    lines.push('', `  ${title}  [lines ${c.chapter.line}-${c.chapter.endLine}]`);
    if (c.concepts.length === 0) {
      lines.push('    (no concepts)');
      continue;
    }
    const names = c.concepts.map(conceptName);
    const width = Math.max(stringWidth('Concept'), ...names.map((n) => stringWidth(n)));
    lines.push(`    ${pad('Concept', width)}  Count  First line`);
    c.concepts.forEach((u, i) => {
      lines.push(`    ${pad(names[i], width)}  ${String(u.occurrences.length).padStart(5)}  ${String(u.occurrences[0].line).padStart(10)}`);
    });
  }
  return lines.join('\n') + '\n';
}
