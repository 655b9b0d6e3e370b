import { hanWordCut, hanWordStraddle, insideHanWord } from './hanWords';
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

/** What a scan needs of a matcher: the glossary's names in a span of text. */
export interface TermMatcher {
  /** Number of names compiled. */
  readonly size: number;
  /** Matches in `text[from, to)`, in text order, not overlapping (see {@link Matcher.findAll}). */
  findAll(text: string, from?: number, to?: number): Match[];
}

/**
 * Patterns by number, each made when it is first asked for (an array is one): with a complete stored trie, a
 * matcher needs no pattern until one matches, and then only that one.
 */
export interface PatternTable {
  readonly length: number;
  at(i: number): MatchPattern | undefined;
  /** The entry of pattern `i`, read without making the pattern. */
  entryId?(i: number): string;
}

const isTable = (p: Iterable<MatchPattern> | PatternTable): p is PatternTable => typeof (p as PatternTable).at === 'function' && typeof (p as PatternTable).length === 'number';

/**
 * The trie of a {@link Matcher} in a form that can be stored and loaded without building it again: nodes in
 * breadth-first order with their children in ascending code-unit order, so each node's children follow one
 * another. Fail links are derived when it is loaded.
 */
export interface CompiledTrie {
  /** The code unit that leads to each node (the root's is 0). */
  readonly label: Uint16Array;
  /** How many children each node has. */
  readonly count: Uint32Array;
  /** For each pattern given, the node where its name ends, or -1 when its name is empty (then it is left out). */
  readonly terminal: Int32Array;
  /** For each pattern: bit 0 case-sensitive, bit 1 word boundary on the left, bit 2 a plural `s` may follow. */
  readonly flags: Uint8Array;
}

/** A trie as stored: its shape alone; where each pattern ends and its flags are found again from the patterns. */
export type StoredTrie = Pick<CompiledTrie, 'label' | 'count'>;

const isComplete = (t: CompiledTrie | StoredTrie): t is CompiledTrie => 'terminal' in t;

const ROOT = 0;
const CASE = 1;
const LEFT = 2;
const PLURAL = 4;
/** Not a trie flag: set on a compiled pattern whose name ends with a Latin letter or digit. */
const RIGHT = 8;

/**
 * Finds every glossary name in a text in one linear pass (Aho–Corasick over case-folded, normalised names),
 * then keeps the matches that respect word boundaries and together cover the most text.
 *
 * Boundaries: a name that starts (ends) with a Latin letter or digit matches only where the character before
 * (after) it is not a letter or digit of a Latin-script word; CJK characters, punctuation, hyphens, apostrophes
 * and spaces are boundaries. A plural `s` directly after a name ending in a letter is part of the match
 * (`LLMs`). Han names match anywhere inside Han text.
 */
export class Matcher implements TermMatcher {
  /** The root's children in a table by code unit. */
  private readonly rootNext = new Int32Array(0x10000);
  /** Nodes in breadth-first order: the children of node `v` are nodes `start[v]` to `start[v + 1] - 1`. */
  private readonly start: Int32Array;
  private readonly label: Uint16Array;
  private readonly fail: Int32Array;
  /** Patterns that end at node `v`: `outList[outStart[v]]` to `outList[outStart[v + 1] - 1]`. */
  private readonly outStart: Int32Array;
  private readonly outList: Int32Array;
  /** Next node on the fail chain that has outputs, or -1. */
  private readonly dictLink: Int32Array;
  /** For each compiled pattern (those with a non-empty name): its number in the table given, length and flags. */
  private readonly place: Int32Array;
  private readonly length: Int32Array;
  private readonly bits: Uint8Array;
  /** Made on first use: a case-sensitive pattern's normalised name, each pattern's entry. */
  private readonly exact: (string | undefined)[];
  private readonly entryIds: (string | undefined)[];
  private readonly table: PatternTable;
  private readonly trie: CompiledTrie;
  private sourceList?: readonly MatchPattern[];

  /**
   * @param options.hanWords judge Han matches against a word segmentation of the text around them (default true;
   *   off only to measure what the rule changes)
   * @param trie the trie of exactly these patterns, as {@link Matcher.compiled} gave it, to skip building it
   */
  constructor(
    patterns: Iterable<MatchPattern> | PatternTable,
    private readonly options: { readonly hanWords?: boolean } = {},
    trie?: CompiledTrie | StoredTrie,
  ) {
    this.table = isTable(patterns) ? patterns : [...patterns];
    // Without a complete trie every pattern is needed now: to build the trie, or to find where each one ends.
    const list = trie && isComplete(trie) ? undefined : Array.from({ length: this.table.length }, (_, i) => this.table.at(i)!);
    const shape = trie ?? buildTrie(list!);
    const { label, count } = shape;
    if (count.length !== label.length) throw new Error('the compiled trie does not fit these patterns');
    const n = label.length;
    this.label = label;
    this.start = new Int32Array(n + 1);
    this.start[0] = 1;
    for (let v = 0; v < n; v++) this.start[v + 1] = this.start[v] + count[v];
    if (this.start[n] !== n) throw new Error('the compiled trie is not a tree');
    for (let k = this.start[ROOT]; k < this.start[ROOT + 1]; k++) this.rootNext[label[k]] = k;
    // A stored trie leaves out where each pattern ends: each name is walked down the trie again.
    this.trie = isComplete(shape) ? shape : { label, count, ...this.ends(list!) };
    const { terminal, flags } = this.trie;
    if (terminal.length !== this.table.length || flags.length !== this.table.length) throw new Error('the compiled trie does not fit these patterns');
    const depth = new Int32Array(n);
    for (let v = 0; v < n; v++) for (let k = this.start[v]; k < this.start[v + 1]; k++) depth[k] = depth[v] + 1;
    let compiled = 0;
    for (let i = 0; i < terminal.length; i++) if (terminal[i] >= 0) compiled++;
    this.place = new Int32Array(compiled);
    this.length = new Int32Array(compiled);
    this.bits = new Uint8Array(compiled);
    this.exact = new Array<string | undefined>(compiled);
    this.entryIds = new Array<string | undefined>(compiled);
    const outCount = new Int32Array(n + 1);
    for (let i = 0, pi = 0; i < terminal.length; i++) {
      const node = terminal[i];
      if (node < 0) continue;
      this.place[pi] = i;
      this.length[pi] = depth[node];
      this.bits[pi++] = (flags[i] & (CASE | LEFT | PLURAL)) | (isWordChar(label[node]) ? RIGHT : 0);
      outCount[node + 1]++;
    }
    this.outStart = outCount;
    for (let v = 0; v < n; v++) this.outStart[v + 1] += this.outStart[v];
    this.outList = new Int32Array(compiled);
    const fill = this.outStart.slice(0, n);
    for (let pi = 0; pi < compiled; pi++) this.outList[fill[terminal[this.place[pi]]]++] = pi;
    this.fail = new Int32Array(n);
    this.dictLink = new Int32Array(n).fill(-1);
    this.link();
  }

  /** The pattern compiled as number `pi`. */
  private source(pi: number): MatchPattern {
    return this.table.at(this.place[pi])!;
  }

  private entryOf(pi: number): string {
    return (this.entryIds[pi] ??= this.table.entryId?.(this.place[pi]) ?? this.source(pi).entryId);
  }

  private exactOf(pi: number): string {
    return (this.exact[pi] ??= normalizeTerm(this.source(pi).term, true));
  }

  /** Number of names compiled into the automaton. */
  get size(): number {
    return this.place.length;
  }

  /** The trie, to store and give back to the constructor with the same patterns. */
  compiled(): CompiledTrie {
    return this.trie;
  }

  /** Where each pattern's name ends in the trie, and its flags: what a stored trie leaves out. */
  private ends(list: readonly MatchPattern[]): Pick<CompiledTrie, 'terminal' | 'flags'> {
    const terminal = new Int32Array(list.length).fill(-1);
    const flags = new Uint8Array(list.length);
    list.forEach((p, i) => {
      const key = normalizeTerm(p.term, false);
      if (key.length === 0) return;
      flags[i] = patternFlags(p, key);
      let node = ROOT;
      for (let k = 0; k < key.length && node !== -1; k++) node = this.child(node, key.charCodeAt(k));
      if (node === -1) throw new Error('the compiled trie does not fit these patterns');
      terminal[i] = node;
    });
    return { terminal, flags };
  }

  /** The child of `node` along code unit `c`, or -1. */
  private child(node: number, c: number): number {
    if (node === ROOT) return this.rootNext[c] || -1;
    const end = this.start[node + 1];
    for (let k = this.start[node]; k < end; k++) {
      const l = this.label[k];
      if (l === c) return k;
      if (l > c) return -1;
    }
    return -1;
  }

  private hasOutputs(node: number): boolean {
    return this.outStart[node + 1] > this.outStart[node];
  }

  /** Fail links, breadth first: every node's fail target is shallower, so it is linked already. */
  private link(): void {
    const n = this.label.length;
    for (let v = 0; v < n; v++) {
      for (let child = this.start[v]; child < this.start[v + 1]; child++) {
        let target = -1;
        if (v !== ROOT) {
          const c = this.label[child];
          let f = this.fail[v];
          while (f !== ROOT && this.child(f, c) === -1) f = this.fail[f];
          target = this.child(f, c);
        }
        const fc = target !== -1 && target !== child ? target : ROOT;
        this.fail[child] = fc;
        this.dictLink[child] = this.hasOutputs(fc) ? fc : this.dictLink[fc];
      }
    }
  }

  /**
   * Matches in `text[from, to)`. Characters outside that span are looked at only to decide word boundaries.
   * Results are in text order and do not overlap.
   */
  findAll(text: string, from = 0, to = text.length): Match[] {
    return settle(this.candidates(text, from, to), text, from, to, (pi) => this.source(pi), this.options);
  }

  /** The names found in `text[from, to)` before overlaps are settled, each numbered by its place in {@link sources}. */
  candidates(text: string, from = 0, to = text.length): Match[] {
    const candidates: Match[] = [];
    let node = ROOT;
    for (let i = from; i < to; i++) {
      node = this.step(node, text.charCodeAt(i));
      let out = this.hasOutputs(node) ? node : this.dictLink[node];
      while (out !== -1) {
        for (let k = this.outStart[out]; k < this.outStart[out + 1]; k++) {
          const m = this.accept(text, this.outList[k], i + 1, from, to);
          if (m) candidates.push(m);
        }
        out = this.dictLink[out];
      }
    }
    return candidates;
  }

  /**
   * Whether some pattern's name occurs anywhere in `text`, case and word boundaries aside: true wherever
   * {@link candidates} would find a name in any span of `text` (it may be true where none is accepted).
   */
  mentions(text: string): boolean {
    let node = ROOT;
    for (let i = 0; i < text.length; i++) {
      node = this.step(node, text.charCodeAt(i));
      if (this.hasOutputs(node) || this.dictLink[node] !== -1) return true;
    }
    return false;
  }

  /** The automaton's state after reading character `code` in state `node` (case and width folded, fail links followed). */
  private step(node: number, code: number): number {
    const c = lowerCode(normalizeCode(code));
    let next = this.child(node, c);
    while (next === -1 && node !== ROOT) {
      node = this.fail[node];
      next = this.child(node, c);
    }
    return next === -1 ? ROOT : next;
  }

  /** The patterns compiled (those with a non-empty name), in the order `Match.pattern` numbers them. */
  get sources(): readonly MatchPattern[] {
    return (this.sourceList ??= Array.from(this.place, (_, pi) => this.source(pi)));
  }

  private accept(text: string, pi: number, end: number, from: number, to: number): Match | undefined {
    const length = this.length[pi];
    const bits = this.bits[pi];
    const start = end - length;
    if (bits & LEFT && start > 0 && isWordChar(normalizeCode(text.charCodeAt(start - 1)))) return undefined;
    if (bits & LEFT && insideName(text, start)) return undefined;
    if (bits & CASE) {
      const exact = this.exactOf(pi);
      for (let k = 0; k < length; k++) {
        if (normalizeCode(text.charCodeAt(start + k)) !== exact.charCodeAt(k)) return undefined;
      }
    }
    let stop = end;
    if (bits & RIGHT && end < text.length && isWordChar(normalizeCode(text.charCodeAt(end)))) {
      const plural =
        (bits & PLURAL) !== 0 &&
        text.charCodeAt(end) === 0x73 && // s
        end + 1 <= to &&
        (end + 1 >= text.length || !isWordChar(normalizeCode(text.charCodeAt(end + 1))));
      if (!plural) return undefined;
      stop = end + 1;
    }
    if (start < from || stop > to || versionGoesOn(text, stop)) return undefined;
    if (bits & LEFT && insidePath(text, start, stop)) return undefined;
    return { start, end: stop, entryId: this.entryOf(pi), pattern: pi };
  }
}

/**
 * True where a name that ends in a version number stops before the rest of it: Claude 3 in Claude 3.7, GPT-4 in
 * GPT-4.1. The shorter name is another model; a shorter candidate (Claude) may still match.
 */
function versionGoesOn(text: string, end: number): boolean {
  return isDigit(text.charCodeAt(end - 1)) && text.charCodeAt(end) === 0x2e && isDigit(text.charCodeAt(end + 1));
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

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

/** File extensions that end a file name written in prose (`download.py`, `alpaca_data.json`, `ops.cu`). */
const FILE_EXTENSION = /\.(?:py|ipynb|json|jsonl|md|sh|ya?ml|toml|txt|csv|tsv|log|cu|cpp|cc|h|bin|pt|pth|ckpt|safetensors|gguf|onnx|zip|tar|gz)$/i;
/** How far a path is followed on each side of a name: a longer run is not read as one path. */
const PATH_REACH = 200;

/**
 * True where a Latin-script name sits inside a file path or file name written in prose: a run of non-space,
 * non-Han characters that starts with `/`, `~/` or `./`, or whose rest after the name ends in a file extension
 * (`/root/autodl-tmp/model`, `bitsandbytes/csrc/ops.cu`, `alpaca_data.json`). A path names a place on disk,
 * not the concept; a name that is the whole run (`llama.cpp`) is not inside one.
 */
function insidePath(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && start - a < PATH_REACH && pathChar(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && b - end < PATH_REACH && pathChar(text.charCodeAt(b))) b++;
  if (a === start && b === end) return false;
  const run = text.slice(a, b).replace(/[.,:;!?]+$/, '');
  if (run.length === end - start) return false;
  return /^(?:\/|~\/|\.\.?\/)/.test(run) || FILE_EXTENSION.test(run.slice(end - a));
}

/** Characters of a path or file name in prose: ASCII word characters (letters, digits, `_`) and `/ . - ~`. */
function pathChar(c: number): boolean {
  return (c < 128 && isWordChar(c)) || c === 0x2f || c === 0x2e || c === 0x2d || c === 0x7e;
}

/**
 * Drops Han candidates that start or end inside a word of the surrounding Chinese text (后训练 in 然后|训练,
 * 嵌入 in 嵌入式|系统), judged by word segmentation. A `block` word is dropped only where it starts inside a word
 * (越大模型 in 超越|大模型): there it blocks nothing.
 */
function hanBounded(candidates: Match[], text: string, from: number, to: number, source: (pi: number) => MatchPattern): Match[] {
  // Where another glossary term ends (starts) at a position, the glossary itself says a word boundary is there.
  // Built only when some candidate sits inside a run of Han text.
  let edges: { starts: Set<number>; ends: Set<number> } | undefined;
  const edge = () => (edges ??= { starts: new Set(candidates.map((m) => m.start)), ends: new Set(candidates.map((m) => m.end)) });
  const cut = (m: Match, before: boolean) => hanWordCut(text, before ? m.start : m.end, from, to, before, [m.start, m.end]);
  return candidates.filter((m) => {
    const hanStart = isHan(text.charCodeAt(m.start)) && m.start > from && isHan(text.charCodeAt(m.start - 1));
    if (source(m.pattern).kind === 'block') return !(hanStart && insideHanWord(text, m.start, from, to));
    const hanEnd = isHan(text.charCodeAt(m.end - 1)) && m.end < to && isHan(text.charCodeAt(m.end));
    const openStart = hanStart && !edge().ends.has(m.start);
    const openEnd = hanEnd && !edge().starts.has(m.end);
    if (openStart && openEnd && hanWordStraddle(text, m.start, m.end, from, to)) return false;
    return !(openStart && cut(m, true)) && !(openEnd && cut(m, false));
  });
}

/**
 * The matches among the candidates of `text[from, to)`: Han candidates inside words dropped (unless
 * `options.hanWords` is false), then overlaps settled. `source` gives the pattern a candidate's number stands for.
 */
export function settle(candidates: Match[], text: string, from: number, to: number, source: (pi: number) => MatchPattern, options: { readonly hanWords?: boolean } = {}): Match[] {
  const bounded = options.hanWords === false ? candidates : hanBounded(candidates, text, from, to, source);
  return select(bounded, source, (m) => headedEnd(text, m.end, to));
}

/**
 * Chinese notes name a method, a mechanism or a component with a head noun after it (量化方法, 自注意力模块): for
 * settling overlaps a Han match reaches over such a head, so it wins over a shorter name that only overlaps the head
 * (注意力模块 inside 自注意力模块). Only two-character heads: a one-character head such as 层 reads into the next
 * word (训练|层面).
 */
const HAN_HEADS = new Set(['模块', '机制', '算法', '方法', '技术']);

function headedEnd(text: string, end: number, to: number): number {
  return end + 2 <= to && isHan(text.charCodeAt(end - 1)) && HAN_HEADS.has(text.slice(end, end + 2)) ? end + 2 : end;
}

/**
 * Settles the candidates: `block` words remove their entry from the matches inside them; of overlapping
 * candidates, the set that covers the most text wins (then the fewest matches, then the earliest patterns); a
 * compound becomes a match of its surface with its sense chosen.
 */
function select(candidates: Match[], source: (pi: number) => MatchPattern, reach: (m: Match) => number): Match[] {
  if (candidates.length === 0) return candidates;
  const blocks = candidates.filter((m) => source(m.pattern).kind === 'block');
  const live = blocks.length ? unblocked(candidates, blocks, source) : candidates;
  return maxCoverage(live, reach).map((m) => finish(m, source(m.pattern)));
}

function unblocked(candidates: Match[], blocks: Match[], source: (pi: number) => MatchPattern): Match[] {
  const inside = (m: Match, id: string) => blocks.some((b) => b.entryId === id && b.start <= m.start && m.end <= b.end);
  const out: Match[] = [];
  for (const m of candidates) {
    const p = source(m.pattern);
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

/** Weighted interval scheduling: non-overlapping matches of greatest total length, each reaching to `reach(m)`. */
function maxCoverage(candidates: Match[], reach: (m: Match) => number): Match[] {
  const byEnd = candidates.map((m) => ({ m, end: reach(m) })).sort((a, b) => a.end - b.end || a.m.start - b.m.start || a.m.pattern - b.m.pattern);
  const sorted = byEnd.map((x) => x.m);
  const end = Int32Array.from(byEnd, (x) => x.end);
  const n = sorted.length;
  const cover = new Float64Array(n + 1);
  const count = new Float64Array(n + 1);
  const take = new Uint8Array(n + 1);
  const prev = new Int32Array(n + 1);
  const better = (c1: number, k1: number, c2: number, k2: number) => c1 > c2 || (c1 === c2 && k1 < k2);
  for (let i = 1; i <= n; i++) {
    const m = sorted[i - 1];
    let lo = 0;
    let hi = i - 1; // last j < i whose match reaches no further than m.start
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (end[mid - 1] <= m.start) lo = mid;
      else hi = mid - 1;
    }
    prev[i] = lo;
    // A head reached over weighs a little less than a name that spells it out (自注意力机制 as one name wins).
    const withC = cover[lo] + (end[i - 1] - m.start) - (end[i - 1] > m.end ? 0.5 : 0);
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

/**
 * Builds the trie of the patterns' case-folded, normalised names: inserted into a trie of sibling lists, then laid
 * out breadth first with each node's children in ascending order.
 */
/** Bit 0 case-sensitive, bit 1 word boundary on the left, bit 2 a plural `s` may follow (`key`: the normalised name). */
function patternFlags(p: MatchPattern, key: string): number {
  const last = key.charCodeAt(key.length - 1);
  const caseSensitive = p.caseSensitive ?? defaultCaseSensitive(p.term);
  const plural = p.plural !== false && /\p{L}/u.test(key[key.length - 1]) && isWordChar(last);
  return (caseSensitive ? CASE : 0) | (isWordChar(key.charCodeAt(0)) ? LEFT : 0) | (plural ? PLURAL : 0);
}

function buildTrie(list: readonly MatchPattern[]): CompiledTrie {
  // At most one node per code unit of every name, plus the root.
  const capacity = list.reduce((n, p) => n + p.term.length, 1);
  const firstChild = new Int32Array(capacity).fill(-1);
  const sibling = new Int32Array(capacity).fill(-1);
  const label = new Uint16Array(capacity);
  const rootNext = new Int32Array(0x10000);
  const terminal = new Int32Array(list.length).fill(-1);
  const flags = new Uint8Array(list.length);
  let nodes = 1;
  const child = (node: number, c: number) => {
    if (node === ROOT) return rootNext[c] || -1;
    for (let k = firstChild[node]; k !== -1; k = sibling[k]) if (label[k] === c) return k;
    return -1;
  };
  list.forEach((p, i) => {
    const key = normalizeTerm(p.term, false);
    if (key.length === 0) return;
    flags[i] = patternFlags(p, key);
    let node = ROOT;
    for (let k = 0; k < key.length; k++) {
      const c = key.charCodeAt(k);
      let next = child(node, c);
      if (next === -1) {
        next = nodes++;
        label[next] = c;
        if (node === ROOT) rootNext[c] = next;
        else {
          sibling[next] = firstChild[node];
          firstChild[node] = next;
        }
      }
      node = next;
    }
    terminal[i] = node;
  });
  // Breadth first, children in ascending code-unit order.
  const order = new Int32Array(nodes);
  const renumber = new Int32Array(nodes);
  const count = new Uint32Array(nodes);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const v = order[head];
    const kids: number[] = [];
    if (v === ROOT) {
      for (let c = 0; c < 0x10000; c++) if (rootNext[c]) kids.push(rootNext[c]);
    } else {
      for (let k = firstChild[v]; k !== -1; k = sibling[k]) kids.push(k);
      kids.sort((a, b) => label[a] - label[b]);
    }
    count[head] = kids.length;
    for (const k of kids) {
      renumber[k] = tail;
      order[tail++] = k;
    }
  }
  const outLabel = new Uint16Array(nodes);
  for (let v = 1; v < nodes; v++) outLabel[v] = label[order[v]];
  for (let i = 0; i < terminal.length; i++) if (terminal[i] >= 0) terminal[i] = renumber[terminal[i]];
  return { label: outLabel, count, terminal, flags };
}
