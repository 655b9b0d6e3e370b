import type { Occurrence } from '../scanner';

/** How far a parenthesis may be from the name it introduces, and how long its group may be (UTF-16 units). */
const GAP = 3;
const GROUP = 160;

const OPEN: Record<string, string> = { '（': '）', '(': ')' };

/** What may stand between a name and its parentheses: spaces, and the emphasis around the name (**HyDE** (…)). */
const BETWEEN = new Set([' ', '\u00a0', '*', '_']);

/**
 * The group `(…)` or `（…）` that opens right after `end` (spaces and emphasis marks allowed), as `[open, close]`, on
 * the same line.
 */
export function groupAfter(text: string, end: number): [number, number] | undefined {
  let p = end;
  while (p < text.length && p - end < GAP && BETWEEN.has(text[p])) p++;
  const close = OPEN[text[p]];
  if (!close) return undefined;
  let depth = 0;
  for (let i = p; i < text.length && i - p < GROUP; i++) {
    const c = text[i];
    if (c === '\n') return undefined;
    if (c === text[p]) depth++;
    else if (c === close && --depth === 0) return [p, i];
  }
  return undefined;
}

/**
 * The introductions among one concept's uses (sorted by offset): the uses written inside parentheses right after
 * another use (思维链（chain of thought, CoT）: the English name and CoT), and the uses so followed (思维链 there).
 */
export function introductions(text: string, uses: readonly Occurrence[]): { inside: Set<Occurrence>; heads: Set<Occurrence> } {
  const inside = new Set<Occurrence>();
  const heads = new Set<Occurrence>();
  for (let i = 0; i < uses.length; i++) {
    const g = groupAfter(text, uses[i].end);
    if (!g) continue;
    for (let j = i + 1; j < uses.length && uses[j].start < g[1]; j++) {
      if (uses[j].start > g[0] && uses[j].end <= g[1]) {
        inside.add(uses[j]);
        heads.add(uses[i]);
      }
    }
  }
  return { inside, heads };
}
