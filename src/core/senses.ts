import type { SenseCandidate } from './matcher';
import { occurrencesBetween } from './occurrences';
import type { Heading, Occurrence } from './scanner';
import { isWordChar } from './text';

/** How the sense of an ambiguous surface was chosen, strongest evidence first. */
export type SenseChoice = 'compound' | 'sentence' | 'section' | 'default' | 'unresolved';

/** The sense of an occurrence of an ambiguous surface: every entry it could mean, best first, and why. */
export interface SenseInfo {
  /** Entry ids, the chosen one first. */
  readonly candidates: readonly string[];
  readonly by: SenseChoice;
}

/** Sentence ends: Chinese and Western full stops, question and exclamation marks, semicolons, line breaks. */
const SENTENCE_END = /[。！？!?；;\n\r]/;
/** Pieces of evidence a section must hold for one sense: a section is wide, one stray cue is not enough. */
const SECTION_EVIDENCE = 2;
/** How far a sentence is looked for on each side of a surface. */
const SENTENCE_REACH = 300;

/**
 * Resolves every occurrence of an ambiguous surface (`prose` gives the document's prose, see `senseText`): a compound has chosen already; otherwise the cue words and
 * related concepts in the same sentence decide, then those in the section, then the default sense. A surface that
 * stays undecided is kept with every candidate when it may mean several entries, and dropped when its only
 * concept sense has no evidence (it is most likely the everyday word).
 */
export function resolveSenses(prose: () => string, occurrences: readonly Occurrence[], headings: readonly Pick<Heading, 'start'>[]): Occurrence[] {
  if (!occurrences.some((o) => o.candidates)) return occurrences as Occurrence[];
  const text = prose();
  const sections = new SectionText(text, headings, occurrences);
  const out: Occurrence[] = [];
  for (const o of occurrences) {
    if (!o.candidates) {
      out.push(o);
      continue;
    }
    const resolved = resolveOne(text, o, o.candidates, occurrences, sections);
    if (resolved) out.push(resolved);
  }
  return out;
}

function resolveOne(text: string, o: Occurrence, candidates: readonly SenseCandidate[], all: readonly Occurrence[], sections: SectionText): Occurrence | undefined {
  const { candidates: _drop, ...base } = o;
  const pick = (c: SenseCandidate, by: SenseChoice): Occurrence => ({
    ...base,
    entryId: c.entryId,
    senses: { candidates: [c.entryId, ...candidates.filter((x) => x !== c).map((x) => x.entryId)], by },
  });
  const [s, e] = sentenceAround(text, o.start, o.end);
  const nearby = (from: number, to: number) => unambiguous(all, from, to);
  const bySentence = best(candidates, text.slice(s, e).toLowerCase(), nearby(s, e));
  if (bySentence) return pick(bySentence, 'sentence');
  const bySection = sections.best(o.start, candidates);
  if (bySection) return pick(bySection, 'section');
  const fallback = candidates.find((c) => c.default);
  if (fallback) return pick(fallback, 'default');
  return candidates.length > 1 ? pick(candidates[0], 'unresolved') : undefined;
}

/** The candidate with strictly the most evidence (cue words present, related concepts present), if any has some. */
function best(candidates: readonly SenseCandidate[], lower: string, concepts: readonly string[]): SenseCandidate | undefined {
  const present = new Set(concepts);
  for (const c of candidates) present.delete(c.entryId); // one sense is no evidence for another
  let top: SenseCandidate | undefined;
  let topScore = 0;
  let tie = false;
  for (const c of candidates) {
    const score = c.cues.filter((cue) => hasWord(lower, cue.toLowerCase())).length + c.related.filter((r) => present.has(r)).length;
    if (score > topScore) {
      top = c;
      topScore = score;
      tie = false;
    } else if (score === topScore && score > 0) tie = true;
  }
  return tie ? undefined : top;
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

function unambiguous(all: readonly Occurrence[], from: number, to: number): string[] {
  return occurrencesBetween(all, from, to).filter((x) => !x.candidates).map((x) => x.entryId);
}

/** `[start, end)` of the sentence around `[from, to)`. */
export function sentenceAround(text: string, from: number, to: number): [number, number] {
  let s = from;
  const minS = Math.max(0, from - SENTENCE_REACH);
  while (s > minS && !SENTENCE_END.test(text[s - 1])) s--;
  let e = to;
  const maxE = Math.min(text.length, to + SENTENCE_REACH);
  while (e < maxE && !SENTENCE_END.test(text[e])) e++;
  return [s, e];
}

/**
 * The evidence of each section (from one heading to the next) for each sense: the text and unambiguous concepts
 * of a section are gathered once, and a sense's score in a section is computed once, however many uses ask.
 */
class SectionText {
  private readonly starts: number[];
  private readonly cache = new Map<number, { lower: string; concepts: Set<string>; scores: Map<SenseCandidate, number> }>();

  constructor(
    private readonly text: string,
    headings: readonly Pick<Heading, 'start'>[],
    private readonly occurrences: readonly Occurrence[],
  ) {
    this.starts = [0, ...headings.map((h) => h.start).filter((x) => x > 0)].sort((a, b) => a - b);
  }

  /** The sense with strictly the most evidence in the section around `offset`, if it has enough. */
  best(offset: number, candidates: readonly SenseCandidate[]): SenseCandidate | undefined {
    const section = this.section(offset);
    let top: SenseCandidate | undefined;
    let topScore = 0;
    let tie = false;
    for (const c of candidates) {
      let score = section.scores.get(c);
      if (score === undefined) {
        score = c.cues.filter((cue) => hasWord(section.lower, cue.toLowerCase())).length + c.related.filter((r) => section.concepts.has(r) && !candidates.some((x) => x.entryId === r)).length;
        section.scores.set(c, score);
      }
      if (score > topScore) [top, topScore, tie] = [c, score, false];
      else if (score === topScore && score > 0) tie = true;
    }
    return tie || topScore < SECTION_EVIDENCE ? undefined : top;
  }

  private section(offset: number) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    let hit = this.cache.get(lo);
    if (!hit) {
      const from = this.starts[lo];
      const to = lo + 1 < this.starts.length ? this.starts[lo + 1] : this.text.length;
      hit = { lower: this.text.slice(from, to).toLowerCase(), concepts: new Set(unambiguous(this.occurrences, from, to)), scores: new Map() };
      this.cache.set(lo, hit);
    }
    return hit;
  }
}
