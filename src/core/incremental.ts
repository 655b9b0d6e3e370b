import type { Nodes, Root, RootContent } from 'mdast';
import { parseMarkdown } from './markdown';
import type { TermMatcher } from './matcher';
import { lastContentLine, matchProse, proseWalker, type Heading, type Occurrence, type ScanResult } from './scanner';
import { resolveEach, sectionStarts } from './senses';
import { lastAtMost, LineIndex, Pieces } from './text';

/** One top-level block of the document and what the scan found in it. */
interface Block {
  start: number;
  end: number;
  type: string;
  headings: Heading[];
  /** Prose ranges, `[start, end)` pairs, counted from the block's start (so a block moves without copying them). */
  ranges: number[];
  /** Spans of links, `[start, end)` pairs, counted from the block's start. */
  links: number[];
  /** Occurrences as matched (ambiguous ones with their candidates). */
  occurrences: Occurrence[];
  /**
   * The final form of each of `occurrences` (sense resolved, `undefined` where dropped); absent while the block
   * lies in a section an edit touched and the senses of that section are not resolved again yet.
   */
  resolved?: (Occurrence | undefined)[];
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
 * labels falls back to a full scan. Senses are resolved again only in the sections that hold or touch the
 * re-parsed blocks (a sense's evidence never leaves its section), and the line index is updated, not rebuilt.
 * The result always equals a full scan of the new text.
 */
export class IncrementalScan {
  private text = Pieces.of('');
  private lines = new LineIndex('');
  private blocks: Block[] = [];
  private lastLine = 1;
  readonly stats: IncrementalStats = { full: 0, partial: 0, reparsed: 0 };

  constructor(
    text: string,
    private readonly matcher: TermMatcher,
  ) {
    this.fullScan(text);
  }

  get source(): string {
    return this.text.toString();
  }

  /** The scan of the current text. */
  result(): ScanResult {
    this.resolveStale();
    const occurrences: Occurrence[] = [];
    const headings: Heading[] = [];
    for (const b of this.blocks) {
      for (const o of b.resolved!) if (o) occurrences.push(o);
      for (const h of b.headings) headings.push(h);
    }
    return { occurrences, headings, lineCount: this.lines.lineCount, lastLine: this.lastLine };
  }

  /**
   * Resolves the senses in the blocks that lack them, section by section: each run of such blocks is widened to
   * the sections that hold or touch it (and to whole blocks), so the evidence is what a full scan sees.
   */
  private resolveStale(): void {
    const blocks = this.blocks;
    let starts: number[] | undefined;
    for (let i = 0; i < blocks.length; i++) {
      if (blocks[i].resolved) continue;
      starts ??= sectionStarts(blocks.flatMap((b) => b.headings));
      let j = i;
      while (j + 1 < blocks.length && !blocks[j + 1].resolved) j++;
      const [lo, hi] = wholeSections(blocks, starts, i, j);
      const region = blocks.slice(lo, hi + 1);
      const text = this.text;
      const prose = { ranges: absolute(region, (b) => b.ranges), slice: (a: number, z: number) => text.slice(a, z) };
      const all = resolveEach(prose, region.flatMap((b) => b.occurrences), region.flatMap((b) => b.headings));
      let k = 0;
      for (const b of region) {
        const mine = all.slice(k, (k += b.occurrences.length));
        // Without an ambiguous surface the final occurrences are the matched ones: one array to move, not two.
        b.resolved = mine.every((o, x) => o === b.occurrences[x]) ? b.occurrences : mine;
      }
      i = hi;
    }
  }

  /** The prose ranges and link spans of the current text, as `[start, end)` pairs in document order. */
  prose(): { ranges: number[]; links: number[] } {
    return { ranges: absolute(this.blocks, (b) => b.ranges), links: absolute(this.blocks, (b) => b.links) };
  }

  /** Replaces `[start, end)` of the current text with `insert` and brings the scan up to date. */
  edit(start: number, end: number, insert: string): void {
    const old = this.text;
    if (start < 0 || end > old.length || start > end) throw new RangeError(`edit [${start}, ${end}) outside the text (length ${old.length})`);
    // The text is kept in pieces: this edit reads and copies only the blocks around it.
    const text = old.replace(start, end, insert);
    const delta = insert.length - (end - start);
    const n = this.blocks.length;
    // A byte-order mark, or a document without blocks: nothing to gain from a partial parse.
    if (n === 0 || text.charCodeAt(0) === 0xfeff || old.charCodeAt(0) === 0xfeff) return this.fullScan(text.toString());

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
    const head = text.slice(0, 3);
    if ((first === 0 && (fence.test(head) || fence.test(old.slice(0, 3)))) || (fence.test(head) && !FRONT_MATTER.has(this.blocks[0].type))) {
      return this.fullScan(text.toString());
    }
    // The window is blocks [first, sync]; the blocks at both ends must parse exactly as before (same type and
    // range), which shows the parser was in the same state there. Otherwise the window grows.
    let sync = last + 1;
    let lead = first > 0 ? first - 1 : 0;
    const lines = this.lines.edited(start, end, insert.length, text);
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
      const source = prefix + body;
      const root = parseMarkdown(source);
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
      const fresh = this.windowBlocks({ ...root, children } as Root, source, prefix.length, windowStart, lines);
      const oldWindowLabels = this.blocks.slice(lead, hi + 1).flatMap((b) => b.definitions).sort();
      const newWindowLabels = fresh.flatMap((b) => b.definitions).sort();
      if (!sameLabels(oldWindowLabels, newWindowLabels)) return this.fullScan(text.toString());
      const lineDelta = lines.lineCount - this.lines.lineCount;
      const after = this.blocks.slice(hi + 1).map((b) => moveBlock(b, delta, lineDelta));
      this.blocks = [...this.blocks.slice(0, lead), ...fresh, ...after];
      this.text = text;
      this.lines = lines;
      this.lastLine = lastContentLine(text, lines);
      this.stats.partial++;
      this.stats.reparsed += body.length;
      return;
    }
  }

  private fullScan(text: string): void {
    this.text = Pieces.of(text);
    this.lines = new LineIndex(text);
    this.lastLine = lastContentLine(text, this.lines);
    this.blocks = this.blocksOf(parseMarkdown(text), text, this.lines, text.charCodeAt(0) === 0xfeff ? 1 : 0);
    this.stats.full++;
  }

  /**
   * The blocks of a window parse, found in the parsed `source` (the window's text after `bodyAt` characters of
   * prefix) and moved to where the window starts in the document: offsets, lines, and the columns of the first
   * line (the window may start inside a line, after indentation).
   */
  private windowBlocks(root: Root, source: string, bodyAt: number, windowStart: number, lines: LineIndex): Block[] {
    const local = new LineIndex(source);
    const firstLine = local.position(bodyAt).line;
    const at = lines.position(windowStart);
    return this.blocksOf(root, source, local, 0).map((b) => moveBlock(b, windowStart - bodyAt, at.line - firstLine, { line: firstLine, by: at.column - 1 }));
  }

  private blocksOf(root: Root, text: string, lines: LineIndex, shift: number): Block[] {
    return root.children.map((node: RootContent) => {
      const out = { ranges: [] as number[], headings: [] as Heading[], links: [] as number[] };
      proseWalker(text, lines, shift, out)(node as Nodes);
      const definitions: string[] = [];
      definitionLabels(node as Nodes, definitions);
      const start = (node.position?.start.offset ?? 0) + shift;
      return {
        start,
        end: (node.position?.end.offset ?? 0) + shift,
        type: node.type,
        headings: out.headings,
        ranges: out.ranges.map((r) => r - start),
        links: out.links.map((r) => r - start),
        occurrences: matchProse(text, out.ranges, this.matcher, lines),
        definitions,
      };
    });
  }
}

/**
 * Blocks `[lo, hi]` widened to whole sections: from the section holding the character before block `lo` (so the
 * section that ends where the run starts is included) to the end of the section holding block `hi`'s end, then to
 * the blocks overlapping that span, until both hold.
 */
function wholeSections(blocks: readonly Block[], starts: readonly number[], lo: number, hi: number): [number, number] {
  const sectionEnd = (x: number) => {
    const k = lastAtMost(starts, x) + 1;
    return k < starts.length ? starts[k] : Number.MAX_SAFE_INTEGER;
  };
  let from = starts[lastAtMost(starts, Math.max(0, blocks[lo].start - 1))];
  let to = sectionEnd(blocks[hi].end);
  for (;;) {
    while (lo > 0 && blocks[lo - 1].end > from) lo--;
    while (hi < blocks.length - 1 && blocks[hi + 1].start < to) hi++;
    const f = Math.min(from, starts[lastAtMost(starts, blocks[lo].start)]);
    const t = Math.max(to, sectionEnd(blocks[hi].end));
    if (f === from && t === to) return [lo, hi];
    [from, to] = [f, t];
  }
}

/**
 * A block moved by `delta` characters and `lineDelta` lines; with `column`, what lies on that (unmoved) line also
 * moves `by` columns.
 */
function moveBlock(b: Block, delta: number, lineDelta: number, column?: { line: number; by: number }): Block {
  if (delta === 0 && lineDelta === 0 && !column?.by) return b;
  const by = (line: number) => (column && line === column.line ? column.by : 0);
  const move = (o: Occurrence): Occurrence => ({
    ...o,
    start: o.start + delta,
    end: o.end + delta,
    line: o.line + lineDelta,
    column: o.column + by(o.line),
    endLine: o.endLine + lineDelta,
    endColumn: o.endColumn + by(o.endLine),
  });
  const occurrences = b.occurrences.length ? b.occurrences.map(move) : b.occurrences;
  const resolved = b.resolved === b.occurrences ? occurrences : b.resolved?.map((o, i) => (o === b.occurrences[i] ? occurrences[i] : o && move(o)));
  return {
    start: b.start + delta,
    end: b.end + delta,
    type: b.type,
    headings: b.headings.length ? b.headings.map((h) => ({ ...h, start: h.start + delta, end: h.end + delta, line: h.line + lineDelta })) : b.headings,
    ranges: b.ranges,
    links: b.links,
    occurrences,
    resolved,
    definitions: b.definitions,
  };
}

/** The pairs of `blocks` (counted from each block's start) as offsets in the document, in order. */
function absolute(blocks: readonly Block[], pairs: (b: Block) => readonly number[]): number[] {
  const out: number[] = [];
  for (const b of blocks) for (const r of pairs(b)) out.push(r + b.start);
  return out;
}
