import type { Suggestion } from './suggest';
import { normalizeTerm } from './text';

/** A kebab-case id for a suggested term: from its English name, else its abbreviation. */
export function draftId(s: Suggestion): string | undefined {
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
    const en = s.en ?? s.abbr ?? s.term;
    const names = [en, s.zh, s.abbr].filter((x): x is string => Boolean(x));
    if (names.some((n) => existing.names.has(normalizeTerm(n, false)))) continue;
    existing.ids.add(id);
    for (const n of names) existing.names.add(normalizeTerm(n, false));
    ids.push(id);
    lines.push(`  - id: ${id}`, `    en: ${yamlString(en)}`);
    if (s.zh) lines.push(`    zh: ${yamlString(s.zh)}`);
    if (s.abbr && s.abbr !== en) lines.push(`    abbr: ${yamlString(s.abbr)}`);
    lines.push('    category: custom', '    draft: true', '    definition:', '      en: ""', '      zh: ""');
    lines.push(`    # seen in ${s.files} file${s.files === 1 ? '' : 's'}, e.g. ${s.examples[0] ? `${s.examples[0].file}:${s.examples[0].line}` : ''}`);
  }
  return { yaml: lines.length ? lines.join('\n') + '\n' : '', ids };
}
