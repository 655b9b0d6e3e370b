import { HAN_SEGMENTATIONS_KEPT } from './limits';
import { isHan } from './text';

/** Han characters looked at on each side of a position: enough for the words around it, cheap to segment. */
const WINDOW = 8;

/**
 * Single characters that the segmenter's dictionary glues to a neighbouring word (数据集|中 read as 数据|集中,
 * 不|对齐 as 不对|齐): a word that reaches across the boundary by only one of these is no evidence of a cut.
 * Before a term: negation, degree and preposition-like characters; after it: particles and localisers.
 */
const GLUE_BEFORE = new Set([...'不没超原被把将从用对在让由与和或及是的各每该其此这那非无大小较更越最本']);
const GLUE_AFTER = new Set([...'的了着过中上下里内外和与或及是在为对等时后前间会大小多少重成']);

/** The word segmenter every JavaScript host ships (Node, browsers, web workers); absent only in very old runtimes. */
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;

/**
 * True when `pos`, a position between two Han characters of `text[from, to)`, falls inside a word of two or more
 * characters according to a word segmentation of the Han text around it (然后|训练: inside 然后 at 后). A term
 * that starts (`before`: the word reaches in from before the term) or ends there would cut a word in two, unless
 * the cut leaves clean words on both sides (see `glued`). Without a segmenter nothing is ever cut.
 */
export function hanWordCut(text: string, pos: number, from: number, to: number, before: boolean, term: [number, number]): boolean {
  const around = hanWindow(text, pos, from, to);
  if (!around) return false;
  const [a, b] = around;
  for (const s of segments(text.slice(a, b))) {
    const start = a + s.index;
    const end = start + s.length;
    if (start >= pos) return false;
    if (end <= pos) continue;
    if (s.length < 2 || !s.wordLike || glued(text, start, end, pos, before)) return false;
    // What is left of the term once the crossing word takes its part must read as a word of its own (然后|训练),
    // or be nothing (嵌入 inside 嵌入式); a leftover fragment (所|有权|重) means the segmenter is lost, not the term.
    const rest = before ? text.slice(Math.min(end, term[1]), term[1]) : text.slice(term[0], Math.max(start, term[0]));
    return rest.length === 0 || isOneWord(rest);
  }
  return false;
}

/**
 * True when `pos`, a position between two Han characters, falls strictly inside a segmented word of two or more
 * characters (超越|大模型: 越 is inside 超越). A `notIn` word that starts there is not in the text as a word (越大模型
 * in 超越大模型), while one that starts a word is (秩|越|大|模型, 进行|向|量化).
 */
export function insideHanWord(text: string, pos: number, from: number, to: number): boolean {
  return crossingWord(text, pos, from, to) !== undefined;
}

/**
 * True when both edges of the term `[start, end)` fall inside segmented words (台词|格式 for 词格, 判断|句子 for 断句):
 * the term straddles two words, whatever its leftover pieces read like, unless a piece left outside is glued to
 * its other neighbour (所|有权|重组 for 权重 in 所有权重组装: 所有 is a word, so the segmenter is lost, not the term).
 */
export function hanWordStraddle(text: string, start: number, end: number, from: number, to: number): boolean {
  const a = crossingWord(text, start, from, to);
  const b = a && crossingWord(text, end, from, to);
  return b !== undefined && !glued(text, a![0], a![1], start, true) && !glued(text, b[0], b[1], end, false);
}

/** The segmented word of two or more characters that `pos` falls strictly inside, if any. */
function crossingWord(text: string, pos: number, from: number, to: number): [number, number] | undefined {
  const around = hanWindow(text, pos, from, to);
  if (!around) return undefined;
  for (const s of segments(text.slice(around[0], around[1]))) {
    const start = around[0] + s.index;
    if (start >= pos) return undefined;
    if (start + s.length > pos) return s.length >= 2 && s.wordLike ? [start, start + s.length] : undefined;
  }
  return undefined;
}

/** The run of Han text around `pos` (at most {@link WINDOW} characters each side), when there is some on both sides. */
function hanWindow(text: string, pos: number, from: number, to: number): [number, number] | undefined {
  if (!segmenter) return undefined;
  let a = pos;
  while (a > from && pos - a < WINDOW && isHan(text.charCodeAt(a - 1))) a--;
  let b = pos;
  while (b < to && b - pos < WINDOW && isHan(text.charCodeAt(b))) b++;
  return a === pos || b === pos ? undefined : [a, b];
}

function isOneWord(s: string): boolean {
  if (s.length < 2) return false;
  const parts = segments(s);
  return parts.length === 1 && parts[0].wordLike;
}

/** A word of a segmentation: where it starts in the segmented text, its length, whether it is a word (not punctuation). */
interface Segment {
  readonly index: number;
  readonly length: number;
  readonly wordLike: boolean;
}

/** Segmentations of recent pieces of text: notes repeat their phrases, and a segmentation costs far more than a lookup. */
const segmentations = new Map<string, readonly Segment[]>();

/** The word segmentation of `s` (a few Han characters), remembered. */
function segments(s: string): readonly Segment[] {
  let out = segmentations.get(s);
  if (out === undefined) {
    if (segmentations.size >= HAN_SEGMENTATIONS_KEPT) segmentations.clear();
    out = Array.from(segmenter!.segment(s), (x) => ({ index: x.index, length: x.segment.length, wordLike: x.isWordLike !== false }));
    segmentations.set(s, out);
  }
  return out;
}

/**
 * The segmenter's word `[start, end)` crosses `pos`, but cutting it there still leaves a clean word outside the
 * term: a single glue character, or a piece the segmenter reads as one word on its own (所有|权重 from 所有权|重).
 * Only a cut that leaves a fragment (然|后训练, 嵌入|式) counts.
 */
function glued(text: string, start: number, end: number, pos: number, before: boolean): boolean {
  const outside = before ? text.slice(start, pos) : text.slice(pos, end);
  if (outside.length === 1) {
    if ((before ? GLUE_BEFORE : GLUE_AFTER).has(outside)) return true;
    // The fragment also makes a word with its other neighbour (原生|长上下文 read as 原|生长|上下文): ambiguous.
    const other = before ? text.slice(Math.max(0, start - 1), pos) : text.slice(pos, end + 1);
    return other.length === 2 && isHan(other.charCodeAt(before ? 0 : 1)) && isOneWord(other);
  }
  return isOneWord(outside);
}
