// What the CLI's --cache keeps of a note: enough to answer again without the note when only the glossary changed.
import type { GlossaryIndex } from './glossaryIndex';
import { DEFAULT_LIMITS, tooComplex, type DocumentLimits } from './limits';
import { parseMarkdown } from './markdown';
import { matchNoteProse, proseOfRanges, revivedProse, type NoteProse, type ProseJson } from './noteProse';
import { collectProse, lastContentLine, matchProse, type Heading, type ScanResult } from './scanner';
import { resolveSenses } from './senses';
import { LineIndex } from './text';
import { decodeText } from './workspace';

/** A note's prose pieces and its outline (headings, lines): a scan of it is these plus a match of the prose. */
export interface NoteOutline {
  readonly prose: NoteProse;
  readonly headings: readonly Heading[];
  readonly lineCount: number;
  readonly lastLine: number;
}

/** Scans a note (as `scanNoteText` does) and keeps its outline from the same parse, or says why it is skipped. */
export function scanWithOutline(text: string, glossary: Pick<GlossaryIndex, 'matcher'>, limits: DocumentLimits = DEFAULT_LIMITS): { scan: ScanResult; outline: NoteOutline } | { skip: string } {
  const why = tooComplex(text, limits);
  if (why) return { skip: `skipped: ${why}` };
  let lines: LineIndex;
  let prose: ReturnType<typeof collectProse>;
  try {
    lines = new LineIndex(text);
    prose = collectProse(parseMarkdown(text), text, lines);
  } catch (e) {
    return { skip: `skipped: could not be parsed (${(e as Error).message})` };
  }
  const outline = { prose: proseOfRanges(text, prose.ranges, prose.headings, lines), headings: prose.headings, lineCount: lines.lineCount, lastLine: lastContentLine(text, lines) };
  const occurrences = resolveSenses({ ranges: prose.ranges, slice: (a, b) => text.slice(a, b) }, matchProse(text, prose.ranges, glossary.matcher, lines), prose.headings);
  return { scan: { occurrences, headings: outline.headings, lineCount: outline.lineCount, lastLine: outline.lastLine }, outline };
}

/** The scan of a note from its outline, with another glossary: equal to scanning the note again. */
export function scanOutline(outline: NoteOutline, matcher: GlossaryIndex['matcher']): ScanResult {
  return { occurrences: matchNoteProse(outline.prose, matcher), headings: outline.headings, lineCount: outline.lineCount, lastLine: outline.lastLine };
}

/** The ids of the entries a scan's matches name, each once: all of the glossary a note's report can show. */
export function entryIdsOf(scan: ScanResult): string[] {
  return [...new Set(scan.occurrences.map((o) => o.entryId))];
}

/** A note's outline from its stored JSON (UTF-8); undefined when the bytes are not an outline (the note is scanned again). */
export function parseOutline(bytes: Uint8Array): NoteOutline | undefined {
  try {
    const o = JSON.parse(decodeText(bytes)) as (Omit<NoteOutline, 'prose'> & { prose?: ProseJson }) | undefined;
    return typeof o?.prose?.text === 'string' && Array.isArray(o.prose.pieces) ? { ...o, prose: revivedProse(o.prose) } : undefined;
  } catch {
    return undefined;
  }
}
