import nlp from 'compromise/two';
import * as OpenCC from 'opencc-js/cn2t';
import { plainNames, type RawEntry } from '../core/glossaryLoader';
import { defaultCaseSensitive } from '../core/text';

/**
 * Word forms and script variants of an entry's names, generated when a glossary is compiled: English inflections
 * (compromise), closed spellings of hyphenated names, British -ise spellings, and Traditional-script forms of
 * Chinese names (OpenCC, Taiwan and Hong Kong standards). Loading both libraries takes seconds, so this runs only
 * when the built-in glossary is compiled, never while the editor or the CLI starts.
 */
export function entryForms(e: RawEntry): string[] {
  const names = plainNames(e).map((n) => n.value);
  const out = new Set<string>();
  for (const name of names) {
    if (/\p{Script=Han}/u.test(name)) {
      for (const v of [name, ...spacings(name)]) {
        out.add(v);
        for (const t of traditional(v)) out.add(t);
      }
    }
    else if (!defaultCaseSensitive(name) && !/^\p{Lu}/u.test(name)) for (const f of englishForms(name)) out.add(f);
  }
  if (e.verb) for (const f of verbForms(e.verb)) out.add(f);
  for (const n of names) out.delete(n);
  return [...out];
}

/** Notes write mixed-script names with and without a space between the scripts (LoRA 微调 / LoRA微调). */
export function spacings(name: string): string[] {
  const joined = name.replace(/(\p{Script=Han}) +([A-Za-z0-9])|([A-Za-z0-9]) +(\p{Script=Han})/gu, (_, a, b, c, d) => (a ? a + b : c + d));
  const spaced = name.replace(/(\p{Script=Han})([A-Za-z0-9])|([A-Za-z0-9])(\p{Script=Han})/gu, (_, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`));
  return [...new Set([joined, spaced])].filter((v) => v !== name);
}

let converters: ((s: string) => string)[] | undefined;

/** Traditional-script spellings of a Chinese name that differ from it. */
export function traditional(name: string): string[] {
  converters ??= [OpenCC.Converter({ from: 'cn', to: 'tw' }), OpenCC.Converter({ from: 'cn', to: 'hk' })];
  return [...new Set(converters.map((c) => c(name)))].filter((t) => t !== name);
}

interface World {
  methods: { two: { transform: Transform } };
  model: unknown;
}
let world: World | undefined;
const transform = () => {
  world ??= nlp.world() as unknown as World;
  return { t: world.methods.two.transform, model: world.model };
};

interface Transform {
  noun: { toPlural(s: string, model: unknown): string };
  verb: { conjugate(s: string, model: unknown): Record<string, string> };
}

/** Plural of the head noun (the word before "of", else the last word), closed and -ise spellings. */
export function englishForms(name: string): string[] {
  const { t, model } = transform();
  const words = name.split(' ');
  const head = words.indexOf('of') > 0 ? words.indexOf('of') - 1 : words.length - 1;
  const variants = new Set<string>([name]);
  const w = words[head];
  const last = w.split('-').pop() ?? w;
  if (/^[a-z]+$/.test(last) && !last.endsWith('ing')) {
    const plural = t.noun.toPlural(last, model);
    if (plural && plural !== last && /^[a-z]+$/.test(plural)) {
      variants.add([...words.slice(0, head), w.slice(0, w.length - last.length) + plural, ...words.slice(head + 1)].join(' '));
    }
  }
  for (const v of [...variants]) {
    if (/\b[a-z]{2,6}-[a-z]+/.test(v)) variants.add(v.replace(/\b([a-z]{2,6})-([a-z]+)/, '$1$2'));
  }
  for (const v of [...variants]) if (/i[zs]ation|i[zs]e[ds]?\b|i[zs]ing/.test(v)) variants.add(v.replace(/iz(ation|e|ing)/g, 'is$1'));
  variants.delete(name);
  return [...variants];
}

/** The inflections of a verb (fine-tune: fine-tuned, fine-tunes, fine-tuning), with closed and -ise spellings. */
export function verbForms(verb: string): string[] {
  const { t, model } = transform();
  const words = verb.split(' ');
  const last = words.pop() ?? '';
  const parts = last.split('-');
  const stem = parts.pop() ?? '';
  const c = t.verb.conjugate(stem, model);
  const forms = [stem, c.PastTense, c.PresentTense, c.Gerund].filter((f): f is string => !!f && /^[a-z]+$/.test(f));
  const out = new Set<string>();
  for (const f of forms) {
    const full = [...words, [...parts, f].join('-')].join(' ');
    out.add(full);
    if (parts.length) out.add([...words, [...parts, f].join('')].join(' '));
    if (/iz(e|ed|es|ing)$/.test(full)) out.add(full.replace(/iz(e|ed|es|ing)$/, 'is$1'));
  }
  return [...out];
}
