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

/**
 * The occurrences of a scan that are underlined, by the underline settings (`off` underlines nothing). The editor's
 * underlines and the Markdown preview's tooltips both come from here.
 */
export function underlinedOccurrences(scan: Pick<ScanResult, 'occurrences' | 'headings'>, glossary: GlossaryIndex, settings: Pick<ServiceSettings, 'underlines' | 'underlineBasic'>): readonly Occurrence[] {
  if (settings.underlines === 'off') return [];
  let occ: readonly Occurrence[] = scan.occurrences;
  if (!settings.underlineBasic) occ = occ.filter((o) => glossary.get(o.entryId)?.level !== 'basic');
  if (settings.underlines === 'firstInSection') occ = firstPerSection(occ, scan.headings.map((h) => h.line));
  return occ;
}

/** The ranges to underline in the given spans, by the underline settings; each range once. */
export function underlineRanges(ds: DocumentScan, glossary: GlossaryIndex, spans: readonly Span[], settings: Pick<ServiceSettings, 'underlines' | 'underlineBasic'>): Range[] {
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
