// Terminology rules over a scanned note: consistent renderings, avoided variants, first-use introductions.
import { chaptersOf, occurrencesIn, type Chapter } from '../chapters';
import type { GlossaryEntry } from '../glossary';
import type { ScanResult } from '../scanner';
import { avoidedVariants, mixedRenderings, type RuleContext } from './consistency';
import { allowDirectives, allowedForms } from './directives';
import { firstUses } from './firstUse';
import { Renderings } from './renderings';
import type { TermFinding, TermSettings } from './types';

export { allowDirectives, allowEdit } from './directives';
export { applyEdits, autoFixEdits, fixesOf } from './fixes';
export { introduce } from './firstUse';
export * from './types';

/** A scanned note: its text, the scan, and its chapters (computed from the headings when not given). */
export interface ScannedNote {
  readonly text: string;
  readonly scan: ScanResult;
  readonly chapters?: readonly Chapter[];
}

/**
 * True inside the text of an inline link, `[…](…)` or `[…][…]`, on one line: usually a title (of a paper, a course,
 * a page), which a note quotes rather than words itself.
 */
export function insideLinkText(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const open = text.lastIndexOf('[', start - 1);
  if (open < lineStart || text.lastIndexOf(']', start - 1) > open) return false;
  const close = text.indexOf(']', end);
  const nl = text.indexOf('\n', end);
  if (close < 0 || (nl >= 0 && close > nl)) return false;
  const after = text.charAt(close + 1);
  return after === '(' || after === '[';
}

/**
 * Runs the terminology rules on one note and returns the findings sorted by offset. Only prose is read (the scan's
 * occurrences are never in code, math or HTML), and uses inside link text are left alone.
 */
export function lintTerminology(note: ScannedNote, entry: (id: string) => GlossaryEntry | undefined, settings: TermSettings): TermFinding[] {
  const ctx: RuleContext = { text: note.text, entry, renderings: new Renderings(), allowed: allowedForms(allowDirectives(note.text)), settings };
  const occs = note.scan.occurrences.filter((o) => !insideLinkText(note.text, o.start, o.end));
  const chapters = note.chapters ?? chaptersOf(note.scan.headings, note.scan.lastLine);
  const out: TermFinding[] = [];
  const on = new Set(settings.rules);
  if (on.has('mixed-renderings')) {
    if (settings.scope === 'note') out.push(...mixedRenderings(occs, ctx));
    else for (const c of chapters) out.push(...mixedRenderings(occurrencesIn(c, occs), ctx));
  }
  if (on.has('avoided-variant')) out.push(...avoidedVariants(occs, ctx));
  if (on.has('first-use-expansion')) out.push(...firstUses(occs, chapters, note.scan.headings, ctx));
  return out.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}
