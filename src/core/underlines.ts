import type { DocumentScan } from './documents';
import type { GlossaryIndex } from './glossaryIndex';
import { firstPerSection, occurrencesBetween } from './occurrences';
import { toRange, type Range } from './positions';
import type { Occurrence, ScanResult } from './scanner';
import type { ServiceSettings } from './settings';

/** A span of a document by offsets `[start, end)`: the visible part of an editor, with a margin. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

type UnderlineSettings = Pick<ServiceSettings, 'underlines' | 'underlineBasic' | 'knownTerms' | 'showKnownTerms'>;

/**
 * The occurrences of a scan that are underlined, by the underline settings (`off` underlines nothing; known terms
 * only when shown). The editor's underlines and the Markdown preview's tooltips both come from here.
 */
export function underlinedOccurrences(scan: Pick<ScanResult, 'occurrences' | 'headings'>, glossary: GlossaryIndex, settings: UnderlineSettings): readonly Occurrence[] {
  if (settings.underlines === 'off') return [];
  let occ: readonly Occurrence[] = scan.occurrences;
  if (!settings.underlineBasic) occ = occ.filter((o) => glossary.get(o.entryId)?.level !== 'basic');
  if (!settings.showKnownTerms && settings.knownTerms.length) {
    const known = new Set(settings.knownTerms);
    occ = occ.filter((o) => !known.has(o.entryId));
  }
  if (settings.underlines === 'firstInSection') occ = firstPerSection(occ, scan.headings.map((h) => h.line));
  return occ;
}

/** The ranges to underline in the given spans, by the underline settings; each range once. */
export function underlineRanges(ds: DocumentScan, glossary: GlossaryIndex, spans: readonly Span[], settings: UnderlineSettings): Range[] {
  const occ = underlinedOccurrences(ds.scan, glossary, settings);
  const seen = new Set<Occurrence>();
  const out: Range[] = [];
  for (const s of spans) {
    for (const o of occurrencesBetween(occ, s.start, s.end)) {
      if (seen.has(o)) continue;
      seen.add(o);
      out.push(toRange(o));
    }
  }
  return out;
}
