import { Matcher, settle, type Match, type MatchPattern, type TermMatcher } from './matcher';
import { defaultCaseSensitive, normalizeTerm } from './text';

/** What decides how a pattern matches and what its match says: equal keys, equal matches. */
const keyOf = new WeakMap<MatchPattern, string>();

/** The key of a pattern, kept with it: the built-in glossary's patterns are the same objects at every reload. Equal keys, equal matches. */
export function patternKey(p: MatchPattern): string {
  let k = keyOf.get(p);
  if (k === undefined) keyOf.set(p, (k = makeKey(p)));
  return k;
}

function makeKey(p: MatchPattern): string {
  const flags = `${Number(p.caseSensitive ?? defaultCaseSensitive(p.term))}${Number(p.plural !== false)}`;
  const plain = (p.kind ?? 'name') === 'name' && !p.surface && !p.senses;
  return plain ? `${p.term}\u0000${p.entryId}\u0000${flags}` : JSON.stringify([p.term, p.entryId, flags, p.kind, p.surface ?? null, p.senses ?? null]);
}

/** The places of a base matcher's patterns by key (several patterns may share one), made once per matcher. */
const baseKeys = new WeakMap<Matcher, Map<string, number[]>>();

function keysOf(base: Matcher): Map<string, number[]> {
  let keys = baseKeys.get(base);
  if (keys) return keys;
  keys = new Map();
  base.sources.forEach((p, i) => {
    const k = patternKey(p);
    const list = keys!.get(k);
    if (list) list.push(i);
    else keys!.set(k, [i]);
  });
  baseKeys.set(base, keys);
  return keys;
}

/**
 * A matcher over a list of patterns that mostly repeats those of a base matcher (the built-in glossary under a
 * user's few entries): the base's automaton finds the patterns the two share, a small automaton the others, and
 * base patterns the list lacks are ignored. Each match is numbered by the pattern's place in the list, so
 * overlaps settle exactly as a {@link Matcher} built from the whole list settles them: same matches, same order.
 */
export class OverlayMatcher implements TermMatcher {
  /** For each base pattern, its number in the list, or -1 where the list lacks it. */
  private readonly fromBase: Int32Array;
  /** For each pattern of the small automaton, its number in the list. */
  private readonly fromTop: Int32Array;
  private readonly top: Matcher;
  /** The list's patterns with a non-empty name, by number (as a Matcher built from the list numbers them). */
  private readonly sources: MatchPattern[] = [];

  constructor(
    private readonly base: Matcher,
    patterns: readonly MatchPattern[],
    private readonly options: { readonly hanWords?: boolean } = {},
  ) {
    const keys = keysOf(base);
    this.fromBase = new Int32Array(base.size).fill(-1);
    const top: MatchPattern[] = [];
    const fromTop: number[] = [];
    for (const p of patterns) {
      const place = keys.get(patternKey(p))?.find((i) => this.fromBase[i] < 0);
      if (place !== undefined) this.fromBase[place] = this.sources.length;
      else if (normalizeTerm(p.term, false).length > 0) {
        top.push(p);
        fromTop.push(this.sources.length);
      } else continue; // an empty name is not compiled, nor numbered
      this.sources.push(p);
    }
    this.top = new Matcher(top, options);
    this.fromTop = Int32Array.from(fromTop);
  }

  get size(): number {
    return this.sources.length;
  }

  /** Number of patterns compiled into the small automaton (the ones the base lacks). */
  get added(): number {
    return this.top.size;
  }

  findAll(text: string, from = 0, to = text.length): Match[] {
    const candidates: Match[] = [];
    for (const m of this.base.candidates(text, from, to)) {
      const n = this.fromBase[m.pattern];
      if (n >= 0) candidates.push({ ...m, pattern: n });
    }
    for (const m of this.top.candidates(text, from, to)) candidates.push({ ...m, pattern: this.fromTop[m.pattern] });
    return settle(candidates, text, from, to, (n) => this.sources[n], this.options);
  }
}
