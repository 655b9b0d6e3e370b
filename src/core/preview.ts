// Glossary tooltips in the rendered Markdown preview: where each text piece of the rendered prose is in the source,
// and the HTML that marks the scanner's occurrences inside it. Works on markdown-it-shaped tokens without importing
// markdown-it, so the host's own engine (whatever its version) does the parsing.
import { categoryLabel } from './categories';
import type { GlossaryEntry } from './glossary';
import type { GlossaryIndex } from './glossaryIndex';
import type { DisplayLanguage } from './hover';
import { fullName } from './labels';
import type { Occurrence } from './scanner';

/** The fields of a markdown-it token this module reads. */
export interface PreviewToken {
  readonly type: string;
  readonly content: string;
  /** `[startLine, endLine)`, 0-based, on block-level tokens. */
  readonly map?: readonly number[] | null;
  readonly children?: readonly PreviewToken[] | null;
}

/**
 * Where a text token's content is in the source: `[start, end)`; `offsets` (one per content character, plus the
 * end) only when the content is not a verbatim copy of the source (a backslash escape or an entity was decoded).
 */
export interface TextSource {
  readonly start: number;
  readonly end: number;
  readonly offsets?: readonly number[];
}

/** What a tooltip says about an entry: its names, category and definition(s). All plain text. */
export interface PreviewTip {
  readonly names: string;
  readonly category: string;
  readonly definitions: readonly string[];
}

/** An occurrence to mark, by offsets into the text the preview parsed. */
export interface PreviewMark {
  readonly start: number;
  readonly end: number;
  readonly entryId: string;
}

/** Decodes an HTML entity (`&amp;`) as the Markdown engine does; returns the entity unchanged if it is unknown. */
export type EntityDecoder = (entity: string) => string;

const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * Aligns `content` with the source from `at`: equal characters, `\X` for X (an escaped punctuation character),
 * and an entity for its decoded text. Returns the source offset of each content character and of its end, or
 * undefined if the content is not the source's text there.
 */
function align(src: string, at: number, content: string, limit: number, decode: EntityDecoder): number[] | undefined {
  const offsets: number[] = [];
  let j = at;
  for (let i = 0; i < content.length; ) {
    if (j >= limit) return undefined;
    const c = src[j];
    const entity = c === '&' ? decodedEntity(src, j, decode) : undefined;
    if (entity && content.startsWith(entity.text, i)) {
      // The entity's first character starts where it does; the others have no source offset of their own.
      offsets.push(j);
      for (let k = 1; k < entity.text.length; k++) offsets.push(-1);
      j += entity.length;
      i += entity.text.length;
    } else if (c === '\\' && src[j + 1] === content[i] && ASCII_PUNCTUATION.test(content[i])) {
      offsets.push(j);
      j += 2;
      i++;
    } else if (c === content[i]) {
      offsets.push(j++);
      i++;
    } else return undefined;
  }
  offsets.push(j);
  return offsets;
}

/** The entity at `at` and its decoded text, if there is a known one. */
function decodedEntity(src: string, at: number, decode: EntityDecoder): { text: string; length: number } | undefined {
  ENTITY.lastIndex = at;
  const m = ENTITY.exec(src);
  if (!m) return undefined;
  const text = decode(m[0]);
  return text && text !== m[0] ? { text, length: m[0].length } : undefined;
}

/** The source of a text token: the first place at or after `from` (before `limit`) where its content is. */
function locate(src: string, from: number, limit: number, content: string, decode: EntityDecoder): TextSource | undefined {
  const verbatim = src.indexOf(content, from);
  if (verbatim >= 0 && verbatim + content.length <= limit) return { start: verbatim, end: verbatim + content.length };
  for (let at = from; at < limit; at++) {
    const c = src[at];
    if (c !== content[0] && c !== '\\' && c !== '&') continue;
    const offsets = align(src, at, content, limit, decode);
    if (offsets) return { start: at, end: offsets[offsets.length - 1], offsets };
  }
  return undefined;
}

/** Offsets of the starts of lines (LF line breaks, as the Markdown engine normalises them). */
export function lineStarts(src: string): number[] {
  const out = [0];
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/**
 * Finds the source of every `text` token in the inline content of `tokens` (a parse of `src`). Each inline token
 * is searched for within the lines of its block (the nearest block token with a line map), moving forward; a text
 * piece that cannot be placed is left out (never guessed). Tokens other than `text` (code, math, HTML, images,
 * links' targets) are never placed, so nothing inside them can be marked.
 */
export function locateText(src: string, tokens: readonly PreviewToken[], decode: EntityDecoder): Map<PreviewToken, TextSource> {
  const starts = lineStarts(src);
  const lineOffset = (line: number) => (line < starts.length ? starts[line] : src.length);
  const out = new Map<PreviewToken, TextSource>();
  let region: readonly number[] | undefined;
  let cursor = 0;
  let limit = 0;
  for (const t of tokens) {
    if (t.map && !(region && t.map[0] === region[0] && t.map[1] === region[1])) {
      region = t.map;
      cursor = lineOffset(region[0]);
      limit = lineOffset(region[1]);
    }
    if (t.type !== 'inline' || !t.children) continue;
    for (const c of t.children) {
      if (c.type === 'text' && c.content) {
        const s = locate(src, cursor, limit, c.content, decode);
        if (!s) continue;
        out.set(c, s);
        cursor = s.end;
      } else if ((c.type === 'html_inline' || c.type === 'code_inline') && c.content) {
        const at = src.indexOf(c.content, cursor);
        if (at >= 0 && at < limit) cursor = at + c.content.length;
      }
    }
  }
  return out;
}

/** Converts 1-based line/column positions (UTF-16 columns, any line breaks) into offsets of the parsed source. */
export function marksFromPositions(
  occurrences: readonly { entryId: string; line: number; column: number; endLine: number; endColumn: number }[],
  starts: readonly number[],
): PreviewMark[] {
  const at = (line: number, column: number) => (starts[line - 1] ?? Infinity) + column - 1;
  return occurrences.map((o) => ({ entryId: o.entryId, start: at(o.line, o.column), end: at(o.endLine, o.endColumn) })).filter((m) => Number.isFinite(m.start) && Number.isFinite(m.end));
}

/** The marks that fall wholly inside a text token, as `[from, to)` indices into its content. */
export function marksInText(source: TextSource, contentLength: number, marks: readonly PreviewMark[]): { from: number; to: number; entryId: string }[] {
  const out: { from: number; to: number; entryId: string }[] = [];
  const index = (offset: number): number => {
    if (!source.offsets) return offset - source.start;
    return source.offsets.indexOf(offset);
  };
  for (const m of firstAtOrAfter(marks, source.start)) {
    if (m.start >= source.end) break;
    if (m.end > source.end) continue;
    const from = index(m.start);
    const to = index(m.end);
    if (from < 0 || to < 0 || to > contentLength || from >= to) continue;
    out.push({ from, to, entryId: m.entryId });
  }
  return out;
}

/** Marks (sorted by start) from the first that starts at or after an offset. */
function* firstAtOrAfter(marks: readonly PreviewMark[], offset: number): Generator<PreviewMark> {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < marks.length; i++) yield marks[i];
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** CSS class names of the preview's markup (styled by media/preview.css). */
export const PREVIEW_CLASSES = { term: 'llmg-term', tip: 'llmg-tip', names: 'llmg-names', category: 'llmg-category', definition: 'llmg-def' } as const;

/** One marked term: focusable, with its tooltip inside (shown on hover and on focus by the preview's CSS). */
export function termHtml(text: string, entryId: string, tip: PreviewTip): string {
  const c = PREVIEW_CLASSES;
  const defs = tip.definitions.map((d) => `<span class="${c.definition}">${escapeHtml(d)}</span>`).join('');
  return (
    `<span class="${c.term}" tabindex="0" data-entry="${escapeHtml(entryId)}">${escapeHtml(text)}` +
    `<span class="${c.tip}" role="tooltip"><span class="${c.names}">${escapeHtml(tip.names)}</span>` +
    `<span class="${c.category}">${escapeHtml(tip.category)}</span>${defs}</span></span>`
  );
}

/** The HTML of a text token's content with the given marks; undefined when none of them has a tooltip. */
export function annotatedHtml(content: string, marks: readonly { from: number; to: number; entryId: string }[], tips: ReadonlyMap<string, PreviewTip>): string | undefined {
  let html = '';
  let at = 0;
  let marked = 0;
  for (const m of marks) {
    const tip = tips.get(m.entryId);
    if (!tip || m.from < at) continue;
    html += escapeHtml(content.slice(at, m.from)) + termHtml(content.slice(m.from, m.to), m.entryId, tip);
    at = m.to;
    marked++;
  }
  return marked ? html + escapeHtml(content.slice(at)) : undefined;
}

/** The tooltip of an entry in the display language: names, category, and the definition(s). */
export function previewTip(entry: GlossaryEntry, language: DisplayLanguage): PreviewTip {
  const definitions: string[] = [];
  if (language !== 'en' && entry.definition.zh) definitions.push(entry.definition.zh);
  if (language !== 'zh' && entry.definition.en) definitions.push(entry.definition.en);
  if (!definitions.length) definitions.push(entry.definition.zh ?? entry.definition.en ?? '');
  return { names: fullName(entry, language), category: categoryLabel(entry.category, language === 'en' ? 'en' : 'zh'), definitions: definitions.filter(Boolean) };
}

/** The terms the preview marks in one document, and the tooltip of each of their entries. */
export interface PreviewTerms {
  readonly occurrences: readonly Occurrence[];
  readonly tips: ReadonlyMap<string, PreviewTip>;
}

/** The tooltips of the entries of some occurrences. */
export function previewTips(occurrences: readonly Occurrence[], glossary: Pick<GlossaryIndex, 'get'>, language: DisplayLanguage): Map<string, PreviewTip> {
  const tips = new Map<string, PreviewTip>();
  for (const o of occurrences) {
    if (tips.has(o.entryId)) continue;
    const e = glossary.get(o.entryId);
    if (e) tips.set(o.entryId, previewTip(e, language));
  }
  return tips;
}

/** A markdown-it instance (any version from 12 on); the plugin reads only the parts in {@link MarkdownItParts}. */
export type MarkdownItLike = object;

/** The parts of a markdown-it instance the preview plugin uses. */
interface MarkdownItParts {
  readonly core: { readonly ruler: { push(name: string, rule: (state: { readonly src: string; readonly tokens: readonly PreviewToken[] }) => void): void } };
  readonly renderer: { readonly rules: Record<string, RenderRule | undefined> };
  readonly utils?: { unescapeAll?(text: string): string };
}

/** A markdown-it render rule. */
export type RenderRule = (tokens: readonly PreviewToken[], idx: number, options: unknown, env: unknown, self: unknown) => string;

/** The source text a parse saw (normalised line breaks), with its line starts. */
export interface ParsedSource {
  readonly src: string;
  readonly starts: readonly number[];
}

/** What the host answers for a render: the terms to mark in the parsed source (undefined: mark nothing). */
export type PreviewTermsFor = (source: ParsedSource, env: unknown) => PreviewTerms | undefined;

const installed = new WeakSet<object>();

/**
 * Adds glossary tooltips to a markdown-it instance. While parsing (tokens may be cached by the host) it records
 * where each text token's content is in the source; while rendering it asks `termsFor` for the terms of that source
 * (so tooltips follow the glossary and settings of the moment) and writes each marked term as {@link termHtml}.
 * Only `text` tokens are ever changed. `enabled()` false leaves both steps out.
 */
export function installPreview<T extends MarkdownItLike>(instance: T, termsFor: PreviewTermsFor, enabled: () => boolean = () => true): T {
  if (installed.has(instance)) return instance;
  installed.add(instance);
  const md = instance as unknown as MarkdownItParts;
  const sources = new WeakMap<PreviewToken, { parsed: ParsedSource; source: TextSource }>();
  const decode: EntityDecoder = (e) => md.utils?.unescapeAll?.(e) ?? e;
  md.core.ruler.push('llm_glossary_preview', (state) => {
    if (!enabled()) return;
    const parsed = { src: state.src, starts: lineStarts(state.src) };
    for (const [token, source] of locateText(state.src, state.tokens, decode)) sources.set(token, { parsed, source });
  });
  // Marks are computed once per render (per env object) and source.
  const perRender = new WeakMap<object, Map<ParsedSource, PreviewMark[] & { tips?: ReadonlyMap<string, PreviewTip> }>>();
  const marksFor = (parsed: ParsedSource, env: unknown) => {
    const key = env && typeof env === 'object' ? env : parsed;
    let m = perRender.get(key);
    if (!m) perRender.set(key, (m = new Map()));
    let marks = m.get(parsed);
    if (!marks) {
      const terms = termsFor(parsed, env);
      marks = Object.assign(terms ? marksFromPositions(terms.occurrences, parsed.starts) : [], { tips: terms?.tips });
      m.set(parsed, marks);
    }
    return marks;
  };
  const previous = md.renderer.rules.text;
  md.renderer.rules.text = (tokens, idx, options, env, self) => {
    const t = tokens[idx];
    const s = enabled() ? sources.get(t) : undefined;
    if (s) {
      const marks = marksFor(s.parsed, env);
      const html = marks.tips && annotatedHtml(t.content, marksInText(s.source, t.content.length, marks), marks.tips);
      if (html) return html;
    }
    return previous ? previous(tokens, idx, options, env, self) : escapeHtml(t.content);
  };
  return instance;
}
