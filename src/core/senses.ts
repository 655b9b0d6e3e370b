import type { SenseCandidate } from './matcher';
import { occurrencesBetween } from './occurrences';
import type { Heading, Occurrence } from './scanner';
import { isWordChar, lastAtMost } from './text';

/** How the sense of an ambiguous surface was chosen, strongest evidence first. */
export type SenseChoice = 'compound' | 'sentence' | 'section' | 'default' | 'unresolved';

/** The sense of an occurrence of an ambiguous surface: every entry it could mean, best first, and why. */
export interface SenseInfo {
  /** Entry ids, the chosen one first. */
  readonly candidates: readonly string[];
  readonly by: SenseChoice;
}

/**
 * A document's prose, as the scanner found it: `[start, end)` pairs in document order, and the text of any span
 * inside one of them. Senses are resolved in the prose alone, so a full scan, an incremental scan and a re-match
 * of stored prose agree.
 */
export interface ProseText {
  readonly ranges: readonly number[];
  slice(start: number, end: number): string;
}

/** Sentence ends: Chinese and Western full stops, question and exclamation marks, semicolons, line breaks. */
const SENTENCE_END = new Set([...'。！？!?；;\n\r'].map((c) => c.charCodeAt(0)));
/** Pieces of evidence a section must hold for one sense: a section is wide, one stray cue is not enough. */
const SECTION_EVIDENCE = 2;
/** How far a sentence is looked for on each side of a surface. */
const SENTENCE_REACH = 300;

/**
 * Resolves every occurrence of an ambiguous surface: a compound has chosen already; otherwise the cue words and
 * related concepts in the same sentence decide (a sentence ends at a sentence mark or where a piece of prose
 * ends), then those in the section (from one heading to the next), then the default sense. A surface that stays
 * undecided is kept with every candidate when it may mean several entries, and dropped when its only concept
 * sense has no evidence (it is most likely the everyday word).
 */
export function resolveSenses(prose: ProseText, occurrences: readonly Occurrence[], headings: readonly Pick<Heading, 'start'>[]): Occurrence[] {
  if (!occurrences.some((o) => o.candidates)) return occurrences as Occurrence[];
  return resolveEach(prose, occurrences, headings).filter((o): o is Occurrence => o !== undefined);
}

/**
 * {@link resolveSenses}, one answer per occurrence in the same order: the occurrence itself when it is not
 * ambiguous, its resolved form, or `undefined` where it is dropped. Every piece of evidence lies in the section
 * of the occurrence (see {@link sectionStarts}), so a run of whole sections resolves as it does in the whole
 * document: an incremental scan re-resolves only the sections an edit touches.
 */
export function resolveEach(prose: ProseText, occurrences: readonly Occurrence[], headings: readonly Pick<Heading, 'start'>[]): (Occurrence | undefined)[] {
  const sections = new Sections(prose, headings, occurrences);
  return occurrences.map((o) => (o.candidates ? resolveOne(prose, o, o.candidates, occurrences, sections) : o));
}

/** Where the sections of a document start, ascending: 0, then each heading after the first character. */
export function sectionStarts(headings: readonly Pick<Heading, 'start'>[]): number[] {
  return [0, ...headings.map((h) => h.start).filter((x) => x > 0)].sort((a, b) => a - b);
}

function resolveOne(prose: ProseText, o: Occurrence, candidates: readonly SenseCandidate[], all: readonly Occurrence[], sections: Sections): Occurrence | undefined {
  const { candidates: _drop, ...base } = o;
  const pick = (c: SenseCandidate, by: SenseChoice): Occurrence => ({
    ...base,
    entryId: c.entryId,
    senses: { candidates: [c.entryId, ...candidates.filter((x) => x !== c).map((x) => x.entryId)], by },
  });
  const [s, e, sentence] = sentenceAround(prose, o.start, o.end);
  const bySentence = best(candidates, sentence.toLowerCase(), unambiguous(all, s, e));
  if (bySentence) return pick(bySentence, 'sentence');
  const bySection = sections.best(o.start, candidates);
  if (bySection) return pick(bySection, 'section');
  const fallback = candidates.find((c) => c.default);
  if (fallback) return pick(fallback, 'default');
  return candidates.length > 1 ? pick(candidates[0], 'unresolved') : undefined;
}

/** The candidate with strictly the most evidence in the sentence, if any has some. */
function best(candidates: readonly SenseCandidate[], lower: string, concepts: readonly string[]): SenseCandidate | undefined {
  const present = new Set(concepts);
  return strictBest(candidates, (c) => evidence(c, lower, present, candidates.length === 1), 1);
}

/** The candidate with strictly the highest score, if that score is at least `needed`; a tie decides nothing. */
function strictBest(candidates: readonly SenseCandidate[], score: (c: SenseCandidate) => number, needed: number): SenseCandidate | undefined {
  let top: SenseCandidate | undefined;
  let topScore = 0;
  let tie = false;
  for (const c of candidates) {
    const s = score(c);
    if (s > topScore) [top, topScore, tie] = [c, s, false];
    else if (s === topScore && s > 0) tie = true;
  }
  return tie || topScore < needed ? undefined : top;
}

/**
 * Cue words of a sense present in a text, plus its related concepts present. The entry itself named in full
 * there counts once, and where it is the surface's only concept sense (agent skills before a bare "skills") it is
 * enough on its own: a short form follows its full form.
 */
function evidence(c: SenseCandidate, lower: string, present: ReadonlySet<string>, only: boolean): number {
  let score = present.has(c.entryId) ? (only ? SECTION_EVIDENCE : 1) : 0;
  for (const cue of c.cues) if (hasWord(lower, cue.toLowerCase())) score++;
  for (const r of c.related) if (present.has(r)) score++;
  return score;
}

/** True where `word` occurs in `lower`; a word that starts or ends with a Latin letter must stand alone there. */
export function hasWord(lower: string, word: string): boolean {
  if (!word) return false;
  const left = isWordChar(word.charCodeAt(0));
  const right = isWordChar(word.charCodeAt(word.length - 1));
  for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) {
    if (left && i > 0 && isWordChar(lower.charCodeAt(i - 1))) continue;
    const end = i + word.length;
    if (right && end < lower.length && isWordChar(lower.charCodeAt(end))) continue;
    return true;
  }
  return false;
}

/** The piece of prose `[start, end)` that holds an offset, by binary search. */
function rangeAt(ranges: readonly number[], offset: number): [number, number] {
  const i = 2 * lastAtMost(ranges, offset, 2);
  return [ranges[i] ?? offset, ranges[i + 1] ?? offset];
}

/** Index (even) of the first piece of prose that starts at or after `offset`. */
function firstRangeFrom(ranges: readonly number[], offset: number): number {
  let lo = 0;
  let hi = ranges.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[2 * mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

/** `[start, end)` and the text of the sentence around `[from, to)`, inside the piece of prose that holds it. */
export function sentenceAround(prose: ProseText, from: number, to: number): [number, number, string] {
  const [rs, re] = rangeAt(prose.ranges, from);
  const a = Math.max(rs, from - SENTENCE_REACH);
  const b = Math.min(re, to + SENTENCE_REACH);
  const window = prose.slice(a, b);
  let s = from - a;
  while (s > 0 && !SENTENCE_END.has(window.charCodeAt(s - 1))) s--;
  let e = to - a;
  while (e < window.length && !SENTENCE_END.has(window.charCodeAt(e))) e++;
  return [a + s, a + e, window.slice(s, e)];
}

function unambiguous(all: readonly Occurrence[], from: number, to: number): string[] {
  return occurrencesBetween(all, from, to).filter((x) => !x.candidates).map((x) => x.entryId);
}

interface Section {
  lower: string;
  concepts: Set<string>;
  scores: Map<SenseCandidate, number>;
}

/**
 * The evidence of each section for each sense: the prose and unambiguous concepts of a section are gathered once,
 * and a sense's score in a section is computed once, however many uses ask.
 */
class Sections {
  private readonly starts: number[];
  private readonly seen = new Map<number, Section>();

  constructor(
    private readonly prose: ProseText,
    headings: readonly Pick<Heading, 'start'>[],
    private readonly occurrences: readonly Occurrence[],
  ) {
    this.starts = sectionStarts(headings);
  }

  /** The sense with strictly the most evidence in the section around `offset`, if it has enough. */
  best(offset: number, candidates: readonly SenseCandidate[]): SenseCandidate | undefined {
    const section = this.section(offset);
    const score = (c: SenseCandidate) => {
      let s = section.scores.get(c);
      if (s === undefined) section.scores.set(c, (s = evidence(c, section.lower, section.concepts, candidates.length === 1)));
      return s;
    };
    return strictBest(candidates, score, SECTION_EVIDENCE);
  }

  private section(offset: number): Section {
    const lo = lastAtMost(this.starts, offset);
    let hit = this.seen.get(lo);
    if (!hit) {
      const from = this.starts[lo];
      const to = lo + 1 < this.starts.length ? this.starts[lo + 1] : Number.MAX_SAFE_INTEGER;
      const parts: string[] = [];
      const r = this.prose.ranges;
      for (let i = firstRangeFrom(r, from); i < r.length && r[i] < to; i += 2) parts.push(this.prose.slice(r[i], r[i + 1]));
      hit = { lower: parts.join('\n').toLowerCase(), concepts: new Set(unambiguous(this.occurrences, from, to)), scores: new Map() };
      this.seen.set(lo, hit);
    }
    return hit;
  }
}
