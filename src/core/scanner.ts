import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { GlossaryIndex } from './glossaryIndex';
import { DEFAULT_LIMITS, tooComplex, type DocumentLimits } from './limits';
import { parseMarkdown } from './markdown';
import type { SenseCandidate, TermMatcher } from './matcher';
import { resolveSenses, type SenseInfo } from './senses';
import { LineIndex, type CharCodes } from './text';

/** Where a glossary term occurs: offsets `[start, end)` and 1-based line/column (UTF-16), end exclusive. */
export interface Occurrence {
  readonly entryId: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The exact source text at the range. */
  readonly text: string;
  /** For an ambiguous surface: the entries it could mean, the chosen one (`entryId`) first, and how it was chosen. */
  readonly senses?: SenseInfo;
  /** Before senses are resolved: the entries an ambiguous surface may mean. Never in a final scan. */
  readonly candidates?: readonly SenseCandidate[];
}

/** A heading of the document. */
export interface Heading {
  readonly depth: number;
  /** Plain text of the heading. */
  readonly title: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** What a scan of one document yields. */
export interface ScanResult {
  /** Occurrences in document order. */
  readonly occurrences: readonly Occurrence[];
  readonly headings: readonly Heading[];
  readonly lineCount: number;
  /** The last line that holds anything but white space (1 for an empty document). */
  readonly lastLine: number;
}

/** Node types whose content is never prose. */
const NON_PROSE = new Set([
  'code',
  'inlineCode',
  'math',
  'inlineMath',
  'html',
  'yaml',
  'toml',
  'definition',
  'image',
  'imageReference',
  'footnoteReference',
]);

/** The prose of a document: `[start, end)` pairs of text-node offsets, and its headings. */
export interface ProseMap {
  readonly ranges: readonly number[];
  readonly headings: readonly Heading[];
}

/** Nodes whose children are inline (phrasing) content. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** Inline HTML elements that have no closing tag. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const OPEN_TAG = /^<([A-Za-z][A-Za-z0-9-]*)(?:\s[^>]*)?>$/s;
const CLOSE_TAG = /^<\/([A-Za-z][A-Za-z0-9-]*)\s*>$/;

/**
 * Collects the prose text of a parsed document: text in headings, paragraphs, lists, tables, quotes, footnotes,
 * link text and emphasis; never code, math, HTML (including text between inline HTML tags), front matter, link
 * destinations, autolinks or image alt text.
 */
export function collectProse(root: Root, text: string, lines: LineIndex): ProseMap {
  const out = { ranges: [] as number[], headings: [] as Heading[] };
  // micromark drops a leading byte-order mark and counts offsets without it.
  proseWalker(text, lines, text.charCodeAt(0) === 0xfeff ? 1 : 0, out)(root as Nodes);
  return out;
}

/**
 * A walker that appends the prose ranges and headings of an mdast node (and its descendants) to `out`, and the
 * spans of links (`[text](url)`, `[text][ref]`) where `out.links` is given. Node
 * offsets plus `shift` are offsets in `text` (a parse of part of a document uses the part's start as shift).
 */
export function proseWalker(text: string, lines: LineIndex, shift: number, out: { ranges: number[]; headings: Heading[]; links?: number[] }): (node: Nodes) => void {
  const walk = (node: Nodes): void => {
    if (NON_PROSE.has(node.type)) return;
    const start = (node.position?.start.offset ?? 0) + shift;
    const end = (node.position?.end.offset ?? start - shift) + shift;
    if (node.type === 'text') {
      if (end > start) pushWithoutUrls(text, start, end, out.ranges);
      return;
    }
    if (node.type === 'link' && text.charCodeAt(start) !== 0x5b /* [ */) return; // <autolink> or a bare URL
    if (node.type === 'link' || node.type === 'linkReference') out.links?.push(start, end);
    if (node.type === 'heading') {
      out.headings.push({ depth: node.depth, title: toString(node).trim(), line: lines.position(start).line, start, end });
    }
    if (!('children' in node)) return;
    // Inside a paragraph (or other inline content), text between an opening tag and its closing tag belongs to
    // the HTML element, not to the prose. A block of HTML ends at a blank line; what follows it is Markdown again.
    const inline = PHRASING_PARENTS.has(node.type);
    const open: string[] = [];
    for (const child of node.children as Nodes[]) {
      if (child.type === 'html') {
        if (!inline) continue;
        const value = child.value.trim();
        const o = OPEN_TAG.exec(value);
        const c = CLOSE_TAG.exec(value);
        if (o && !value.endsWith('/>') && !VOID_ELEMENTS.has(o[1].toLowerCase())) open.push(o[1].toLowerCase());
        else if (c) {
          const at = open.lastIndexOf(c[1].toLowerCase());
          if (at >= 0) open.length = at;
        }
        continue;
      }
      if (open.length === 0) walk(child);
    }
  };
  return walk;
}

/**
 * URLs and paths written as plain text, which Markdown does not always turn into links: a scheme or `www.`, or a
 * domain name followed by a path (deeplearning.ai/short-courses/…). Their words are not prose.
 */
const URL_LIKE = /(?:https?:\/\/|www\.)[^\s<>()（）\u3000-\u303f\uff00-\uffef]+|\b(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}\/[^\s<>()（）\u3000-\u303f\uff00-\uffef]*/g;

/** Appends `[start, end)` to `ranges`, leaving out the URLs inside it. */
function pushWithoutUrls(text: string, start: number, end: number, ranges: number[]): void {
  const piece = text.slice(start, end);
  let at = start;
  for (const m of piece.matchAll(URL_LIKE)) {
    const s = start + m.index;
    if (s > at) ranges.push(at, s);
    at = s + m[0].length;
  }
  if (end > at) ranges.push(at, end);
}

/** Finds the glossary's terms in the given prose ranges of a text. */
export function matchProse(text: string, ranges: readonly number[], matcher: TermMatcher, lines: LineIndex): Occurrence[] {
  const out: Occurrence[] = [];
  for (let i = 0; i < ranges.length; i += 2) {
    for (const m of matcher.findAll(text, ranges[i], ranges[i + 1])) {
      const s = lines.position(m.start);
      const e = lines.position(m.end);
      out.push({
        entryId: m.entryId,
        start: m.start,
        end: m.end,
        line: s.line,
        column: s.column,
        endLine: e.line,
        endColumn: e.column,
        text: text.slice(m.start, m.end),
        ...(m.by === 'compound' ? { senses: { candidates: [m.entryId], by: 'compound' as const } } : {}),
        ...(m.senses ? { candidates: m.senses } : {}),
      });
    }
  }
  return out;
}

/** Parses a Markdown document and finds every glossary term in its prose. */
export function scanDocument(text: string, glossary: Pick<GlossaryIndex, 'matcher'>): ScanResult {
  const lines = new LineIndex(text);
  const prose = collectProse(parseMarkdown(text), text, lines);
  return {
    occurrences: resolveSenses({ ranges: prose.ranges, slice: (a, b) => text.slice(a, b) }, matchProse(text, prose.ranges, glossary.matcher, lines), prose.headings),
    headings: prose.headings,
    lineCount: lines.lineCount,
    lastLine: lastContentLine(text, lines),
  };
}

/** The last line with non-white-space content. */
export function lastContentLine(text: CharCodes, lines: LineIndex): number {
  let i = text.length - 1;
  while (i >= 0 && /\s/.test(String.fromCharCode(text.charCodeAt(i)))) i--;
  return i < 0 ? 1 : lines.position(i).line;
}

/**
 * Scans a note unless it is pathological ({@link tooComplex}) or the parser fails on it; then says why it was
 * skipped instead of throwing.
 */
export function scanNoteText(text: string, glossary: Pick<GlossaryIndex, 'matcher'>, limits: DocumentLimits = DEFAULT_LIMITS): { scan: ScanResult } | { skip: string } {
  const why = tooComplex(text, limits);
  if (why) return { skip: `skipped: ${why}` };
  try {
    return { scan: scanDocument(text, glossary) };
  } catch (e) {
    return { skip: `skipped: could not be parsed (${(e as Error).message})` };
  }
}
