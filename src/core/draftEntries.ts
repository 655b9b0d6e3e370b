import type { Suggestion } from './suggest';
import { normalizeTerm } from './text';

/** The category of draft entries until their author picks one. */
export const DRAFT_CATEGORY = 'custom';

/** A kebab-case id for a suggested term: from its English name, else its abbreviation. */
export function draftId(s: Pick<Suggestion, 'term' | 'en' | 'abbr'>): string | undefined {
  const base = s.en ?? s.abbr ?? (/[A-Za-z]/.test(s.term) ? s.term : undefined);
  if (!base) return undefined;
  const id = base
    .normalize('NFKD')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || undefined;
}

/** The names of a draft entry: English (else the abbreviation, else the term), Chinese, and a distinct abbreviation. */
export function draftNames(s: Pick<Suggestion, 'term' | 'zh' | 'en' | 'abbr'>): { en: string; zh?: string; abbr?: string } {
  const en = s.en ?? s.abbr ?? s.term;
  return { en, zh: s.zh, abbr: s.abbr && s.abbr !== en ? s.abbr : undefined };
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

/**
 * YAML text of draft entries for suggestions (names and abbreviation filled in, definitions empty, `draft: true`),
 * as items of an `entries:` list. Suggestions whose id or names the existing file already has are skipped.
 */
export function draftEntriesYaml(suggestions: readonly Suggestion[], existing: { ids: Set<string>; names: Set<string> }): { yaml: string; ids: string[] } {
  const ids: string[] = [];
  const lines: string[] = [];
  for (const s of suggestions) {
    const id = draftId(s);
    if (!id || existing.ids.has(id)) continue;
    const { en, zh, abbr } = draftNames(s);
    const names = [en, zh, abbr].filter((x): x is string => Boolean(x));
    if (names.some((n) => existing.names.has(normalizeTerm(n, false)))) continue;
    existing.ids.add(id);
    for (const n of names) existing.names.add(normalizeTerm(n, false));
    ids.push(id);
    lines.push(`  - id: ${id}`, `    en: ${yamlString(en)}`);
    if (zh) lines.push(`    zh: ${yamlString(zh)}`);
    if (abbr) lines.push(`    abbr: ${yamlString(abbr)}`);
    lines.push(`    category: ${DRAFT_CATEGORY}`, '    draft: true', '    definition:', '      en: ""', '      zh: ""');
    lines.push(`    # seen in ${s.files} file${s.files === 1 ? '' : 's'}, e.g. ${s.examples[0] ? `${s.examples[0].file}:${s.examples[0].line}` : ''}`);
  }
  return { yaml: lines.length ? lines.join('\n') + '\n' : '', ids };
}
