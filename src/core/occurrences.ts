import type { Occurrence } from './scanner';

/** The occurrence covering an offset (start inclusive, end inclusive so a cursor just after a term still counts). */
export function occurrenceAt(occurrences: readonly Occurrence[], offset: number): Occurrence | undefined {
  let lo = 0;
  let hi = occurrences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = occurrences[mid];
    if (offset < o.start) hi = mid - 1;
    else if (offset > o.end) lo = mid + 1;
    else return o;
  }
  return undefined;
}

/** Occurrences that overlap `[start, end)`, by binary search over the sorted list. */
export function occurrencesBetween(occurrences: readonly Occurrence[], start: number, end: number): Occurrence[] {
  let lo = 0;
  let hi = occurrences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (occurrences[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Occurrence[] = [];
  for (let i = lo; i < occurrences.length && occurrences[i].start < end; i++) out.push(occurrences[i]);
  return out;
}

/** The first occurrence of each concept in each section (sections start at the given heading lines). */
export function firstPerSection(occurrences: readonly Occurrence[], headingLines: readonly number[]): Occurrence[] {
  const out: Occurrence[] = [];
  let h = 0;
  let seen = new Set<string>();
  for (const o of occurrences) {
    let moved = false;
    while (h < headingLines.length && headingLines[h] <= o.line) {
      h++;
      moved = true;
    }
    if (moved) seen = new Set();
    if (!seen.has(o.entryId)) {
      seen.add(o.entryId);
      out.push(o);
    }
  }
  return out;
}
