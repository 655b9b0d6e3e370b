import { isWordChar, lowerCode, normalizeCode, normalizeTerm, defaultCaseSensitive } from './text';

/** One name to look for: an entry's English or Chinese name, abbreviation or alias. */
export interface MatchPattern {
  /** The name as written in the glossary. */
  readonly term: string;
  /** The entry the name belongs to. */
  readonly entryId: string;
  /** Match case exactly; defaults to the policy of {@link defaultCaseSensitive}. */
  readonly caseSensitive?: boolean;
}

/** A match: `[start, end)` offsets in UTF-16 code units, and which pattern matched. */
export interface Match {
  readonly start: number;
  readonly end: number;
  readonly entryId: string;
  readonly pattern: number;
}

interface CompiledPattern {
  readonly entryId: string;
  readonly length: number;
  readonly caseSensitive: boolean;
  /** Normalised, case kept: compared against the text when `caseSensitive`. */
  readonly exact: string;
  readonly leftBoundary: boolean;
  readonly rightBoundary: boolean;
  readonly plural: boolean;
}

const ROOT = 0;

/**
 * Finds every glossary name in a text in one linear pass (Aho–Corasick over case-folded, normalised names),
 * then keeps the leftmost-longest matches that respect word boundaries.
 *
 * Boundaries: a name that starts (ends) with a Latin letter or digit matches only where the character before
 * (after) it is not a letter or digit of a Latin-script word; CJK characters, punctuation, hyphens, apostrophes
 * and spaces are boundaries. A plural `s` directly after a name ending in a letter is part of the match
 * (`LLMs`). Han names match anywhere inside Han text.
 */
export class Matcher {
  private readonly children: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [ROOT];
  /** Patterns that end at a node. */
  private readonly outputs: number[][] = [[]];
  /** Next node on the fail chain that has outputs, or -1. */
  private readonly dictLink: number[] = [-1];
  private readonly patterns: CompiledPattern[] = [];

  constructor(patterns: Iterable<MatchPattern>) {
    for (const p of patterns) this.add(p);
    this.link();
  }

  /** Number of names compiled into the automaton. */
  get size(): number {
    return this.patterns.length;
  }

  private add(p: MatchPattern): void {
    const caseSensitive = p.caseSensitive ?? defaultCaseSensitive(p.term);
    const key = normalizeTerm(p.term, false);
    if (key.length === 0) return;
    const exact = normalizeTerm(p.term, true);
    const first = key.charCodeAt(0);
    const last = key.charCodeAt(key.length - 1);
    const index = this.patterns.length;
    this.patterns.push({
      entryId: p.entryId,
      length: key.length,
      caseSensitive,
      exact,
      leftBoundary: isWordChar(first),
      rightBoundary: isWordChar(last),
      plural: /\p{L}/u.test(key[key.length - 1]) && isWordChar(last),
    });
    let node = ROOT;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = this.children[node].get(c);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(new Map());
        this.fail.push(ROOT);
        this.outputs.push([]);
        this.dictLink.push(-1);
        this.children[node].set(c, next);
      }
      node = next;
    }
    this.outputs[node].push(index);
  }

  private link(): void {
    const queue: number[] = [];
    for (const child of this.children[ROOT].values()) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi];
      for (const [c, child] of this.children[node]) {
        let f = this.fail[node];
        while (f !== ROOT && !this.children[f].has(c)) f = this.fail[f];
        const target = this.children[f].get(c);
        this.fail[child] = target !== undefined && target !== child ? target : ROOT;
        const fc = this.fail[child];
        this.dictLink[child] = this.outputs[fc].length > 0 ? fc : this.dictLink[fc];
        queue.push(child);
      }
    }
  }

  /**
   * Matches in `text[from, to)`. Characters outside that span are looked at only to decide word boundaries.
   * Results are in text order and do not overlap.
   */
  findAll(text: string, from = 0, to = text.length): Match[] {
    const candidates: Match[] = [];
    let node = ROOT;
    for (let i = from; i < to; i++) {
      const c = lowerCode(normalizeCode(text.charCodeAt(i)));
      let next = this.children[node].get(c);
      while (next === undefined && node !== ROOT) {
        node = this.fail[node];
        next = this.children[node].get(c);
      }
      node = next ?? ROOT;
      let out = this.outputs[node].length > 0 ? node : this.dictLink[node];
      while (out !== -1) {
        for (const pi of this.outputs[out]) {
          const m = this.accept(text, pi, i + 1, from, to);
          if (m) candidates.push(m);
        }
        out = this.dictLink[out];
      }
    }
    return leftmostLongest(candidates);
  }

  private accept(text: string, pi: number, end: number, from: number, to: number): Match | undefined {
    const p = this.patterns[pi];
    const start = end - p.length;
    if (p.leftBoundary && start > 0 && isWordChar(normalizeCode(text.charCodeAt(start - 1)))) return undefined;
    if (p.caseSensitive) {
      for (let k = 0; k < p.length; k++) {
        if (normalizeCode(text.charCodeAt(start + k)) !== p.exact.charCodeAt(k)) return undefined;
      }
    }
    let stop = end;
    if (p.rightBoundary && end < text.length && isWordChar(normalizeCode(text.charCodeAt(end)))) {
      const plural =
        p.plural &&
        text.charCodeAt(end) === 0x73 && // s
        end + 1 <= to &&
        (end + 1 >= text.length || !isWordChar(normalizeCode(text.charCodeAt(end + 1))));
      if (!plural) return undefined;
      stop = end + 1;
    }
    if (start < from || stop > to) return undefined;
    return { start, end: stop, entryId: p.entryId, pattern: pi };
  }
}

/** Keeps the leftmost, then longest, of overlapping candidates; earlier patterns win exact ties. */
function leftmostLongest(candidates: Match[]): Match[] {
  if (candidates.length <= 1) return candidates;
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.pattern - b.pattern);
  const kept: Match[] = [];
  let reach = -1;
  for (const m of candidates) {
    if (m.start >= reach) {
      kept.push(m);
      reach = m.end;
    }
  }
  return kept;
}
