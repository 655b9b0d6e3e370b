// Bilingual term completion: the typed start of a glossary name (Chinese, English or an abbreviation), the entries
// it may begin, ranked, and what accepting one inserts. Editors do not segment Chinese, so the typed range is found
// here, from the glossary's names. Everything is plain data; the host converts it.
import { categoryLabel } from './categories';
import type { ProseSpans } from './documents';
import type { GlossaryEntry } from './glossary';
import type { GlossaryIndex } from './glossaryIndex';
import { renderTooltip, type DisplayLanguage } from './hover';
import { formatIntroduction, fullName, type NoteLanguage } from './labels';
import { introduce } from './terminology';
import { COMPLETION_LIMITS } from './limits';
import { firstSentence } from './markdownText';
import { occurrencesBetween } from './occurrences';
import type { Position, Range } from './positions';
import type { Heading, Occurrence } from './scanner';
import type { CompletionInsert } from './settings';
import { isHan, isWordChar, lastAtMost, lowerCode, normalizeCode, pairAt } from './text';

/** How a name belongs to its entry: English or Chinese name, abbreviation, or another name (alias, sense word). */
export type NameKind = 'primary' | 'abbr' | 'alias';

/** One name of one entry in the prefix index. */
export interface IndexedName {
  /** The name folded by {@link foldName}. */
  readonly key: string;
  /** The name as the glossary writes it. */
  readonly name: string;
  readonly entryId: string;
  readonly kind: NameKind;
}

/** Printable ASCII but the hyphen, and Han: nothing to normalise, and lower-casing keeps one unit for one. */
const PLAIN = /^[\x20-\x2c\x2e-\x7e\u3400-\u4dbf\u4e00-\u9fff]*$/;

/**
 * Folds a name, or typed text, for prefix comparison: full-width to ASCII, hyphens and odd spaces to a space,
 * lower case. One code unit maps to one, so a typed prefix and the name it begins have equal lengths.
 */
export function foldName(s: string): string {
  if (PLAIN.test(s)) return s.toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(lowerCode(normalizeCode(s.charCodeAt(i))));
  return out;
}

const KIND_RANK: Record<NameKind, number> = { primary: 0, abbr: 1, alias: 2 };

/** The names of an entry, each once (its best kind where one name has two roles). */
function namesOf(e: GlossaryEntry): IndexedName[] {
  const byKey = new Map<string, IndexedName>();
  const add = (name: string | undefined, kind: NameKind) => {
    if (!name) return;
    const key = foldName(name);
    const had = byKey.get(key);
    if (!had || KIND_RANK[kind] < KIND_RANK[had.kind]) byKey.set(key, { key, name, entryId: e.id, kind });
  };
  add(e.en, 'primary');
  add(e.zh, 'primary');
  add(e.abbr, 'abbr');
  for (const a of e.aliases) add(a, 'alias');
  for (const s of e.senses) add(s.surface, 'alias');
  return [...byKey.values()];
}

const built = new WeakMap<GlossaryIndex, PrefixIndex>();

/**
 * Every name of a glossary, sorted by folded key, so that the names a prefix begins are one run found by binary
 * search. Built once per glossary version ({@link PrefixIndex.of}).
 */
export class PrefixIndex {
  /** The length of the longest key. */
  readonly maxLength: number;

  private constructor(private readonly names: readonly IndexedName[]) {
    this.maxLength = names.reduce((m, n) => Math.max(m, n.key.length), 0);
  }

  /** The index of a glossary, built on first use and kept while the glossary lives. */
  static of(glossary: GlossaryIndex): PrefixIndex {
    let index = built.get(glossary);
    if (!index) built.set(glossary, (index = PrefixIndex.build(glossary.entries.values())));
    return index;
  }

  /** Builds an index over the names of some entries. */
  static build(entries: Iterable<GlossaryEntry>): PrefixIndex {
    const names: IndexedName[] = [];
    for (const e of entries) names.push(...namesOf(e));
    names.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.entryId < b.entryId ? -1 : 1));
    return new PrefixIndex(names);
  }

  get size(): number {
    return this.names.length;
  }

  /** The position of the first key not below `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.names[mid].key < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether some name begins with a folded prefix. */
  hasPrefix(prefix: string): boolean {
    return this.names[this.lowerBound(prefix)]?.key.startsWith(prefix) ?? false;
  }

  /** The names that begin with a folded prefix, in key order. */
  withPrefix(prefix: string): IndexedName[] {
    const out: IndexedName[] = [];
    for (let i = this.lowerBound(prefix); i < this.names.length && this.names[i].key.startsWith(prefix); i++) out.push(this.names[i]);
    return out;
  }
}

/** Text typed before the cursor that begins a glossary name: it is replaced by what the completion inserts. */
export interface TypedSpan {
  readonly start: number;
  readonly typed: string;
}

const isBreak = (c: number) => c === 10 || c === 13;

/** Whether a name may start at `at`: any Han character, or a letter or digit that does not continue a Latin word. */
function mayStartName(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (isHan(c)) return true;
  return isWordChar(c) && (at === 0 || !isWordChar(text.charCodeAt(at - 1)));
}

/**
 * The longest text before `offset`, on its line, that is the start of some glossary name: `微` in `LoRA微`,
 * `chain of` in `We use chain of`, `思维` in `我们用思维`. Han text has no word boundaries, so a Han character can
 * start the span anywhere; Latin text starts it only at a word boundary. Nothing when fewer than
 * `minTyped` characters would be replaced, or when the cursor stands inside a Latin word.
 */
export function typedSpan(text: string, offset: number, index: PrefixIndex): TypedSpan | undefined {
  if (isWordChar(text.charCodeAt(offset)) && isWordChar(text.charCodeAt(offset - 1))) return undefined;
  const reach = Math.min(COMPLETION_LIMITS.maxTyped, index.maxLength);
  let from = offset;
  while (from > 0 && offset - from < reach && !isBreak(text.charCodeAt(from - 1))) from--;
  for (let s = from; s <= offset - COMPLETION_LIMITS.minTyped; s++) {
    if (!mayStartName(text, s)) continue;
    const typed = text.slice(s, offset);
    if (index.hasPrefix(foldName(typed))) return { start: s, typed };
  }
  return undefined;
}

/** Whether `[start, end]` lies in one prose range and in no link. */
export function inProse(prose: ProseSpans, start: number, end: number): boolean {
  const i = pairAt(prose.ranges, start);
  if (i < 0 || end > prose.ranges[i + 1]) return false;
  const l = prose.links;
  const j = 2 * lastAtMost(l, start, 2);
  return !(l[j] <= start && start < l[j + 1]);
}

/** The chapter around an offset as offsets `[start, end)`: from its top-level heading to the next one. */
export function chapterSpan(headings: readonly Heading[], offset: number): { start: number; end: number } {
  const depth = headings.reduce((m, h) => Math.min(m, h.depth), 7);
  let start = 0;
  let end = Number.POSITIVE_INFINITY;
  for (const h of headings) {
    if (h.depth !== depth) continue;
    if (h.start <= offset) start = h.start;
    else {
      end = h.start;
      break;
    }
  }
  return { start, end };
}

/** Chinese where Han characters stand near the offset, English otherwise. */
export function noteLanguage(text: string, offset: number): NoteLanguage {
  const w = COMPLETION_LIMITS.languageWindow;
  const to = Math.min(text.length, offset + w / 3);
  for (let i = Math.max(0, offset - w); i < to; i++) if (isHan(text.charCodeAt(i))) return 'zh';
  return 'en';
}

/** One entry offered for the typed text. */
export interface CompletionEntry {
  readonly entryId: string;
  /** The name the typed text begins, as the glossary writes it: the item's label and its short form. */
  readonly name: string;
  readonly kind: NameKind;
  /** Every display name in one line: `思维链 · chain of thought (CoT)`. */
  readonly names: string;
  /** The category in the display language. */
  readonly category: string;
  /** The first sentence of the definition in the display language. */
  readonly summary: string;
  /** Markdown: names, category and definitions, every piece of glossary text escaped. */
  readonly documentation: string;
  /** What accepting inserts in place of the typed text. */
  readonly insertText: string;
  /** Whether `insertText` is the introduction or the name. */
  readonly form: 'introduction' | 'name';
  /** The typed text followed by the rest of the name, so an editor's filter keeps the item as typing goes on. */
  readonly filterText: string;
  /** Sorts the items in rank order. */
  readonly sortText: string;
  /** Notes that use the entry. */
  readonly usage: number;
}

/** The entries offered at an offset and the range the typed text covers. */
export interface CompletionResult {
  readonly range: Range;
  readonly typed: string;
  readonly items: readonly CompletionEntry[];
}

/** What {@link completeTerm} looks at. */
export interface CompletionRequest {
  /** The document's text and the cursor's offset in it. */
  readonly text: string;
  readonly offset: number;
  readonly prose: ProseSpans;
  readonly headings: readonly Heading[];
  /** The document's occurrences, in order: an entry used earlier in the chapter is inserted by name. */
  readonly occurrences: readonly Occurrence[];
  readonly glossary: GlossaryIndex;
  /** Notes that use an entry, for ranking. */
  readonly usage: (id: string) => number;
  readonly insert: CompletionInsert;
  readonly language: DisplayLanguage;
  /** How an introduction of an abbreviated term is written in a Chinese note (the first-use format setting). */
  readonly introFormat?: string;
}

interface Candidate {
  readonly name: IndexedName;
  readonly tier: number;
  readonly usage: number;
}

/**
 * Ranks the names a prefix begins, one per entry: a name typed in full; where the typed text has capitals, names
 * that begin with it in the same case (`Co` puts CoT before contrastive learning); then a prefix of the English
 * or Chinese name, then of the abbreviation, then of another name. Within each, entries used by more notes
 * first, then shorter names.
 */
export function rankNames(names: readonly IndexedName[], typed: string, usage: (id: string) => number): Candidate[] {
  const folded = foldName(typed);
  const capitals = typed !== typed.toLowerCase();
  const best = new Map<string, Candidate>();
  for (const n of names) {
    const caseTier = capitals && !n.name.startsWith(typed) ? 4 : 0;
    const tier = n.key === folded ? 0 : 1 + caseTier + KIND_RANK[n.kind];
    const had = best.get(n.entryId);
    if (!had || tier < had.tier) best.set(n.entryId, { name: n, tier, usage: had?.usage ?? usage(n.entryId) });
  }
  return [...best.values()].sort(
    (a, b) => a.tier - b.tier || b.usage - a.usage || a.name.key.length - b.name.key.length || (a.name.key < b.name.key ? -1 : a.name.key > b.name.key ? 1 : 0),
  );
}

/** Entries the typed text before the cursor begins, ranked, with what accepting each inserts; none outside prose. */
export function completeTerm(req: CompletionRequest): CompletionResult | undefined {
  const index = PrefixIndex.of(req.glossary);
  const span = typedSpan(req.text, req.offset, index);
  if (!span || !inProse(req.prose, span.start, req.offset)) return undefined;
  const folded = foldName(span.typed);
  const chapter = chapterSpan(req.headings, req.offset);
  const usedBefore = new Set(
    occurrencesBetween(req.occurrences, chapter.start, span.start)
      .filter((o) => o.end <= span.start)
      .map((o) => o.entryId),
  );
  const lang = noteLanguage(req.text, req.offset);
  const ranked = rankNames(index.withPrefix(folded), span.typed, req.usage).slice(0, COMPLETION_LIMITS.maxItems);
  const items: CompletionEntry[] = [];
  ranked.forEach((c, i) => {
    const entry = req.glossary.get(c.name.entryId);
    if (!entry) return;
    const wantsIntro = req.insert === 'full' || (req.insert === 'introduction-first' && !usedBefore.has(entry.id));
    const intro = entry.abbr && req.introFormat && lang === 'zh' ? introduce(entry, entry.abbr, req.introFormat) : formatIntroduction(entry, lang);
    const form = wantsIntro && intro !== c.name.name ? 'introduction' : 'name';
    const def = req.language === 'en' ? (entry.definition.en ?? entry.definition.zh) : (entry.definition.zh ?? entry.definition.en);
    items.push({
      entryId: entry.id,
      name: c.name.name,
      kind: c.name.kind,
      names: fullName(entry, req.language),
      category: categoryLabel(entry.category, req.language === 'en' ? 'en' : 'zh'),
      summary: firstSentence(def ?? ''),
      documentation: renderTooltip(entry, req.language),
      insertText: form === 'introduction' ? intro : c.name.name,
      form,
      filterText: span.typed + c.name.name.slice(span.typed.length),
      sortText: String(i).padStart(4, '0'),
      usage: c.usage,
    });
  });
  const start = positionAt(req.text, span.start, req.occurrences);
  return { range: { start, end: { line: start.line, character: start.character + span.typed.length } }, typed: span.typed, items };
}

/** The 0-based position of an offset, counting lines from the last occurrence before it (its line is known). */
export function positionAt(text: string, offset: number, occurrences: readonly Occurrence[]): Position {
  let lo = 0;
  let hi = occurrences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (occurrences[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const known = occurrences[lo - 1];
  let line = 0;
  let lineStart = 0;
  if (known) {
    line = known.line - 1;
    lineStart = known.start - (known.column - 1);
  }
  for (let i = lineStart; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}
