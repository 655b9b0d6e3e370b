import { hanWordCut } from './hanWords';
import { isHan, isWordChar, lowerCode, normalizeCode, normalizeTerm, defaultCaseSensitive } from './text';

/** One entry an ambiguous surface may mean, and what points to it. */
export interface SenseCandidate {
  readonly entryId: string;
  /** Words that, in the same sentence or section, point to this sense. */
  readonly cues: readonly string[];
  /** Entries whose presence nearby points to this sense (never another sense of the same surface). */
  readonly related: readonly string[];
  /** Chosen when nothing else decides. */
  readonly default: boolean;
}

/**
 * One name to look for: an entry's English or Chinese name, abbreviation, alias or generated form (`name`); an
 * ambiguous surface with the entries it may mean (`sense`); a longer word that selects one sense of a surface inside
 * it (`compound`, the match is the surface); or a longer word inside which an entry never matches (`block`).
 */
export interface MatchPattern {
  /** The name as written in the glossary. */
  readonly term: string;
  /** The entry the name belongs to (for a sense, the first candidate). */
  readonly entryId: string;
  /** Match case exactly; defaults to the policy of {@link defaultCaseSensitive}. */
  readonly caseSensitive?: boolean;
  readonly kind?: 'name' | 'sense' | 'compound' | 'block';
  /** For `sense`: every entry the surface may mean, the default first. */
  readonly senses?: readonly SenseCandidate[];
  /** For `compound`: where the surface lies inside the (normalised) compound. */
  readonly surface?: { readonly start: number; readonly length: number };
  /** A plural `s` may follow (false for proper names); defaults to true. */
  readonly plural?: boolean;
}

/** A match: `[start, end)` offsets in UTF-16 code units, and which pattern matched. */
export interface Match {
  readonly start: number;
  readonly end: number;
  readonly entryId: string;
  readonly pattern: number;
  /** For an ambiguous surface: every entry it may mean (not yet resolved), or the one its compound chose. */
  readonly senses?: readonly SenseCandidate[];
  readonly by?: 'compound';
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
  readonly source: MatchPattern;
}

const ROOT = 0;

/**
 * Finds every glossary name in a text in one linear pass (Aho–Corasick over case-folded, normalised names),
 * then keeps the matches that respect word boundaries and together cover the most text.
 *
 * Boundaries: a name that starts (ends) with a Latin letter or digit matches only where the character before
 * (after) it is not a letter or digit of a Latin-script word; CJK characters, punctuation, hyphens, apostrophes
 * and spaces are boundaries. A plural `s` directly after a name ending in a letter is part of the match
 * (`LLMs`). Han names match anywhere inside Han text.
 */
export class Matcher {
  /** The trie: the root's children in a table by code unit, every other node's as a list of siblings. */
  private readonly rootNext = new Int32Array(0x10000);
  private nodes = 1;
  private readonly firstChild: Int32Array;
  private readonly sibling: Int32Array;
  private readonly label: Int32Array;
  private readonly fail: Int32Array;
  /** Patterns that end at a node. */
  private readonly outputs: (number[] | undefined)[] = [];
  /** Next node on the fail chain that has outputs, or -1. */
  private readonly dictLink: Int32Array;
  private readonly patterns: CompiledPattern[] = [];

  /**
   * @param options.hanWords judge Han matches against a word segmentation of the text around them (default true;
   *   off only to measure what the rule changes)
   */
  constructor(
    patterns: Iterable<MatchPattern>,
    private readonly options: { readonly hanWords?: boolean } = {},
  ) {
    const list = [...patterns];
    // At most one node per code unit of every name, plus the root: allocate the trie once.
    const capacity = list.reduce((n, p) => n + p.term.length, 1);
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.sibling = new Int32Array(capacity).fill(-1);
    this.label = new Int32Array(capacity).fill(-1);
    this.fail = new Int32Array(capacity);
    this.dictLink = new Int32Array(capacity).fill(-1);
    for (const p of list) this.add(p);
    this.link();
  }

  /** Number of names compiled into the automaton. */
  get size(): number {
    return this.patterns.length;
  }

  /** The child of `node` along code unit `c`, or -1. */
  private child(node: number, c: number): number {
    if (node === ROOT) return this.rootNext[c] || -1;
    for (let k = this.firstChild[node]; k !== -1; k = this.sibling[k]) if (this.label[k] === c) return k;
    return -1;
  }

  private addChild(node: number, c: number): number {
    const next = this.nodes++;
    this.label[next] = c;
    if (node === ROOT) this.rootNext[c] = next;
    else {
      this.sibling[next] = this.firstChild[node];
      this.firstChild[node] = next;
    }
    return next;
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
      plural: p.plural !== false && /\p{L}/u.test(key[key.length - 1]) && isWordChar(last),
      source: p,
    });
    let node = ROOT;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      const next = this.child(node, c);
      node = next === -1 ? this.addChild(node, c) : next;
    }
    (this.outputs[node] ??= []).push(index);
  }

  private children(node: number): number[] {
    const out: number[] = [];
    if (node === ROOT) {
      for (let c = 0; c < 0x10000; c++) if (this.rootNext[c]) out.push(this.rootNext[c]);
    } else for (let k = this.firstChild[node]; k !== -1; k = this.sibling[k]) out.push(k);
    return out;
  }

  private link(): void {
    const queue = this.children(ROOT);
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi];
      for (const child of this.children(node)) {
        const c = this.label[child];
        let f = this.fail[node];
        while (f !== ROOT && this.child(f, c) === -1) f = this.fail[f];
        const target = this.child(f, c);
        this.fail[child] = target !== -1 && target !== child ? target : ROOT;
        const fc = this.fail[child];
        this.dictLink[child] = this.outputs[fc] ? fc : this.dictLink[fc];
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
      let next = this.child(node, c);
      while (next === -1 && node !== ROOT) {
        node = this.fail[node];
        next = this.child(node, c);
      }
      node = next === -1 ? ROOT : next;
      let out = this.outputs[node] ? node : this.dictLink[node];
      while (out !== -1) {
        for (const pi of this.outputs[out]!) {
          const m = this.accept(text, pi, i + 1, from, to);
          if (m) candidates.push(m);
        }
        out = this.dictLink[out];
      }
    }
    const bounded = this.options.hanWords === false ? candidates : this.hanBounded(candidates, text, from, to);
    return select(bounded, this.patterns);
  }

  /**
   * Drops Han candidates that start or end inside a word of the surrounding Chinese text (后训练 in 然后|训练,
   * 嵌入 in 嵌入式|系统), judged by word segmentation. `block` patterns are never dropped.
   */
  private hanBounded(candidates: Match[], text: string, from: number, to: number): Match[] {
    // Where another glossary term ends (starts) at a position, the glossary itself says a word boundary is there.
    // Built only when some candidate sits inside a run of Han text.
    let edges: { starts: Set<number>; ends: Set<number> } | undefined;
    const edge = () => (edges ??= { starts: new Set(candidates.map((m) => m.start)), ends: new Set(candidates.map((m) => m.end)) });
    const cut = (m: Match, before: boolean) => hanWordCut(text, before ? m.start : m.end, from, to, before, [m.start, m.end]);
    return candidates.filter((m) => {
      if (this.patterns[m.pattern].source.kind === 'block') return true;
      const hanStart = isHan(text.charCodeAt(m.start)) && m.start > from && isHan(text.charCodeAt(m.start - 1));
      const hanEnd = isHan(text.charCodeAt(m.end - 1)) && m.end < to && isHan(text.charCodeAt(m.end));
      return !(hanStart && !edge().ends.has(m.start) && cut(m, true)) && !(hanEnd && !edge().starts.has(m.end) && cut(m, false));
    });
  }

  private accept(text: string, pi: number, end: number, from: number, to: number): Match | undefined {
    const p = this.patterns[pi];
    const start = end - p.length;
    if (p.leftBoundary && start > 0 && isWordChar(normalizeCode(text.charCodeAt(start - 1)))) return undefined;
    if (p.leftBoundary && insideName(text, start)) return undefined;
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

/**
 * True where a Latin-script name would start inside a longer hyphenated or dotted name: right after `-`, `_` or
 * `.` that follows a letter or digit (Qwen2.5-7B-Instruct, Qwen-GPTQ, LLaMA-Adapter, torch.nn). A slash is not a
 * joiner: LoRA/QLoRA and GPT-3.5/GPT-4 name two things.
 * The longer name is its own thing; the glossary names it if it matters.
 */
function insideName(text: string, start: number): boolean {
  if (start < 2) return false;
  const joiner = text.charCodeAt(start - 1);
  if (joiner !== 0x2d && joiner !== 0x5f && joiner !== 0x2e) return false;
  const c = text.charCodeAt(start - 2);
  return c < 128 && isWordChar(c);
}

/**
 * Settles the candidates: `block` words remove their entry from the matches inside them; of overlapping
 * candidates, the set that covers the most text wins (then the fewest matches, then the earliest patterns); a
 * compound becomes a match of its surface with its sense chosen.
 */
function select(candidates: Match[], patterns: readonly CompiledPattern[]): Match[] {
  if (candidates.length === 0) return candidates;
  const blocks = candidates.filter((m) => patterns[m.pattern].source.kind === 'block');
  const live = blocks.length ? unblocked(candidates, blocks, patterns) : candidates;
  return maxCoverage(live).map((m) => finish(m, patterns[m.pattern].source));
}

function unblocked(candidates: Match[], blocks: Match[], patterns: readonly CompiledPattern[]): Match[] {
  const inside = (m: Match, id: string) => blocks.some((b) => b.entryId === id && b.start <= m.start && m.end <= b.end);
  const out: Match[] = [];
  for (const m of candidates) {
    const p = patterns[m.pattern].source;
    if (p.kind === 'block') continue;
    if (p.kind !== 'sense') {
      if (!inside(m, m.entryId)) out.push(m);
      continue;
    }
    const senses = (p.senses ?? []).filter((s) => !inside(m, s.entryId));
    if (senses.length) out.push({ ...m, entryId: senses[0].entryId, senses });
  }
  return out;
}

/** Weighted interval scheduling: non-overlapping matches of greatest total length. */
function maxCoverage(candidates: Match[]): Match[] {
  const sorted = candidates.slice().sort((a, b) => a.end - b.end || a.start - b.start || a.pattern - b.pattern);
  const n = sorted.length;
  const cover = new Float64Array(n + 1);
  const count = new Float64Array(n + 1);
  const take = new Uint8Array(n + 1);
  const prev = new Int32Array(n + 1);
  const better = (c1: number, k1: number, c2: number, k2: number) => c1 > c2 || (c1 === c2 && k1 < k2);
  for (let i = 1; i <= n; i++) {
    const m = sorted[i - 1];
    let lo = 0;
    let hi = i - 1; // last j < i with sorted[j - 1].end <= m.start
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sorted[mid - 1].end <= m.start) lo = mid;
      else hi = mid - 1;
    }
    prev[i] = lo;
    const withC = cover[lo] + (m.end - m.start);
    const withK = count[lo] + 1;
    if (better(withC, withK, cover[i - 1], count[i - 1])) {
      cover[i] = withC;
      count[i] = withK;
      take[i] = 1;
    } else {
      cover[i] = cover[i - 1];
      count[i] = count[i - 1];
    }
  }
  const kept: Match[] = [];
  for (let i = n; i > 0; ) {
    if (take[i]) {
      kept.push(sorted[i - 1]);
      i = prev[i];
    } else i--;
  }
  return kept.reverse();
}

function finish(m: Match, p: MatchPattern): Match {
  if (p.kind === 'compound' && p.surface) {
    const start = m.start + p.surface.start;
    return { start, end: start + p.surface.length, entryId: m.entryId, pattern: m.pattern, by: 'compound' };
  }
  if (p.kind === 'sense' && !m.senses) return { ...m, senses: p.senses };
  return m;
}
