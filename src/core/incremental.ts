import type { Nodes, Root, RootContent } from 'mdast';
import { parseMarkdown } from './markdown';
import type { TermMatcher } from './matcher';
import { lastContentLine, matchProse, proseWalker, type Heading, type Occurrence, type ScanResult } from './scanner';
import { resolveSenses, type SenseCache } from './senses';
import { LineIndex } from './text';

/** One top-level block of the document and what the scan found in it. */
interface Block {
  start: number;
  end: number;
  type: string;
  headings: Heading[];
  /** Prose ranges, `[start, end)` pairs. */
  ranges: number[];
  /** Spans of links, `[start, end)` pairs. */
  links: number[];
  occurrences: Occurrence[];
  /** Labels of link and footnote definitions anywhere inside the block (they affect the whole document). */
  definitions: string[];
}

/** How the last edits were handled, for benchmarks and tests. */
export interface IncrementalStats {
  full: number;
  partial: number;
  /** Characters re-parsed by partial scans. */
  reparsed: number;
}

function definitionLabels(node: Nodes, out: string[]): void {
  if (node.type === 'definition') out.push(`[${node.label ?? node.identifier}]`);
  else if (node.type === 'footnoteDefinition') out.push(`[^${node.label ?? node.identifier}]`);
  if ('children' in node) for (const c of node.children as Nodes[]) definitionLabels(c, out);
}

const FRONT_MATTER = new Set(['yaml', 'toml']);

const sameLabels = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A scan kept current under edits by re-parsing only the top-level blocks an edit touches. The parse window takes
 * one block before and after the edit plus a sync block, and widens until the sync block parses exactly as before
 * (an opened fence or math block swallows what follows, so the window grows to cover it). Definitions are global
 * in Markdown, so the window parse sees every definition label of the document; an edit that changes the set of
 * labels falls back to a full scan. The result always equals a full scan of the new text.
 */
export class IncrementalScan {
  private text = '';
  private lines = new LineIndex('');
  private blocks: Block[] = [];
  readonly stats: IncrementalStats = { full: 0, partial: 0, reparsed: 0 };
  private readonly senseCache: SenseCache = new Map();

  constructor(
    text: string,
    private readonly matcher: TermMatcher,
  ) {
    this.fullScan(text);
  }

  get source(): string {
    return this.text;
  }

  /** The scan of the current text. */
  result(): ScanResult {
    const occurrences: Occurrence[] = [];
    const headings: Heading[] = [];
    for (const b of this.blocks) {
      for (const o of b.occurrences) occurrences.push(o);
      for (const h of b.headings) headings.push(h);
    }
    const text = this.text;
    const prose = { ranges: this.blocks.flatMap((b) => b.ranges), slice: (a: number, z: number) => text.slice(a, z) };
    return { occurrences: resolveSenses(prose, occurrences, headings, this.senseCache), headings, lineCount: this.lines.lineCount, lastLine: lastContentLine(this.text, this.lines) };
  }

  /** The prose ranges and link spans of the current text, as `[start, end)` pairs in document order. */
  prose(): { ranges: number[]; links: number[] } {
    return { ranges: this.blocks.flatMap((b) => b.ranges), links: this.blocks.flatMap((b) => b.links) };
  }

  /** Replaces `[start, end)` of the current text with `insert` and brings the scan up to date. */
  edit(start: number, end: number, insert: string): void {
    const old = this.text;
    if (start < 0 || end > old.length || start > end) throw new RangeError(`edit [${start}, ${end}) outside the text (length ${old.length})`);
    const text = old.slice(0, start) + insert + old.slice(end);
    const delta = insert.length - (end - start);
    const n = this.blocks.length;
    // A byte-order mark, or a document without blocks: nothing to gain from a partial parse.
    if (n === 0 || text.charCodeAt(0) === 0xfeff || old.charCodeAt(0) === 0xfeff) return this.fullScan(text);

    // Blocks the edit touches, including the blocks on both sides of an edit in the gap between them.
    let first = 0;
    while (first < n - 1 && this.blocks[first].end < start) first++;
    let last = first;
    while (last < n - 1 && this.blocks[last + 1].start <= end) last++;
    first = Math.max(0, first - 1);
    last = Math.min(n - 1, last + 1);
    // Front matter runs from the first line to its closing fence, wherever that is: re-scan it whole.
    // A document that opens with a fence but has no closed front matter block parses oddly throughout.
    const fence = /^(---|\+\+\+)/;
    if ((first === 0 && (fence.test(text) || fence.test(old))) || (fence.test(text) && !FRONT_MATTER.has(this.blocks[0].type))) {
      return this.fullScan(text);
    }
    // The window is blocks [first, sync]; the blocks at both ends must parse exactly as before (same type and
    // range), which shows the parser was in the same state there. Otherwise the window grows.
    let sync = last + 1;
    let lead = first > 0 ? first - 1 : 0;
    const lines = new LineIndex(text);
    const same = (node: RootContent | undefined, b: Block, shift: number, d: number) =>
      node !== undefined &&
      node.type === b.type &&
      (node.position?.start.offset ?? -1) + shift === b.start + d &&
      (node.position?.end.offset ?? -1) + shift === b.end + d;

    for (;;) {
      const windowStart = lead === 0 ? 0 : this.blocks[lead].start;
      const windowEnd = sync < n ? this.blocks[sync].end + delta : text.length;
      const hi = Math.min(sync, n - 1);
      // Definitions are global: the window parse sees every label defined outside it, ahead of the window, each
      // followed by a blank line, and an HTML comment that closes any footnote before the window begins.
      const outside = [...new Set(this.blocks.filter((_, i) => i < lead || i > hi).flatMap((b) => b.definitions))];
      const defs = outside.length ? `${outside.map((l) => `${l}: x`).join('\n\n')}\n\n<!-- -->\n\n` : '';
      const prefix = defs || (windowStart > 0 ? '\n' : ''); // a "---" line at the window start is not front matter
      const body = text.slice(windowStart, windowEnd);
      const root = parseMarkdown(prefix + body);
      const children = root.children.filter((c) => (c.position?.start.offset ?? 0) >= prefix.length);
      const shift = windowStart - prefix.length;
      if (lead > 0 && !same(children[0], this.blocks[lead], shift, 0)) {
        lead = Math.max(0, lead - Math.max(2, (last - lead) * 2));
        continue;
      }
      if (sync < n && !same(children[children.length - 1], this.blocks[sync], shift, delta)) {
        sync = Math.min(n, sync + Math.max(2, (sync - lead) * 2));
        continue;
      }
      const fresh = this.blocksOf({ ...root, children } as Root, text, lines, shift);
      const oldWindowLabels = this.blocks.slice(lead, hi + 1).flatMap((b) => b.definitions).sort();
      const newWindowLabels = fresh.flatMap((b) => b.definitions).sort();
      if (!sameLabels(oldWindowLabels, newWindowLabels)) return this.fullScan(text);
      const lineDelta = lines.lineCount - this.lines.lineCount;
      const after = this.blocks.slice(hi + 1).map((b) => shiftBlock(b, delta, lineDelta));
      this.blocks = [...this.blocks.slice(0, lead), ...fresh, ...after];
      this.text = text;
      this.lines = lines;
      this.stats.partial++;
      this.stats.reparsed += body.length;
      return;
    }
  }

  private fullScan(text: string): void {
    this.text = text;
    this.lines = new LineIndex(text);
    this.blocks = this.blocksOf(parseMarkdown(text), text, this.lines, text.charCodeAt(0) === 0xfeff ? 1 : 0);
    this.stats.full++;
  }

  private blocksOf(root: Root, text: string, lines: LineIndex, shift: number): Block[] {
    return root.children.map((node: RootContent) => {
      const out = { ranges: [] as number[], headings: [] as Heading[], links: [] as number[] };
      proseWalker(text, lines, shift, out)(node as Nodes);
      const definitions: string[] = [];
      definitionLabels(node as Nodes, definitions);
      return {
        start: (node.position?.start.offset ?? 0) + shift,
        end: (node.position?.end.offset ?? 0) + shift,
        type: node.type,
        headings: out.headings,
        ranges: out.ranges,
        links: out.links,
        occurrences: matchProse(text, out.ranges, this.matcher, lines),
        definitions,
      };
    });
  }
}

function shiftBlock(b: Block, delta: number, lineDelta: number): Block {
  if (delta === 0 && lineDelta === 0) return b;
  return {
    ...b,
    start: b.start + delta,
    end: b.end + delta,
    headings: b.headings.map((h) => ({ ...h, start: h.start + delta, end: h.end + delta, line: h.line + lineDelta })),
    ranges: b.ranges.map((r) => r + delta),
    links: b.links.map((r) => r + delta),
    occurrences: b.occurrences.map((o) => ({ ...o, start: o.start + delta, end: o.end + delta, line: o.line + lineDelta, endLine: o.endLine + lineDelta })),
  };
}
