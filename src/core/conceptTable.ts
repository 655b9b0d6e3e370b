import type { ConceptUse } from './concepts';
import { escapeTableCell, firstSentence } from './markdownText';

/** Column headers of the concept table. */
export interface ConceptTableLabels {
  readonly zh: string;
  readonly en: string;
  readonly abbr: string;
  readonly definition: string;
}

export const DEFAULT_TABLE_LABELS: ConceptTableLabels = { zh: '中文', en: 'English', abbr: '缩写', definition: '释义' };

/**
 * A Markdown table of a chapter's concepts (中文, English, abbreviation, one-line definition), in order of first
 * use. The definition is the first sentence, in Chinese where there is one unless `language` is `en`.
 */
export function renderConceptTable(
  concepts: readonly ConceptUse[],
  options: { language: 'both' | 'zh' | 'en'; labels?: ConceptTableLabels; eol?: string },
): string {
  const l = options.labels ?? DEFAULT_TABLE_LABELS;
  const eol = options.eol ?? '\n';
  const rows = [`| ${l.zh} | ${l.en} | ${l.abbr} | ${l.definition} |`, '| --- | --- | --- | --- |'];
  for (const { entry } of concepts) {
    const def = options.language === 'en' ? (entry.definition.en ?? entry.definition.zh) : (entry.definition.zh ?? entry.definition.en);
    rows.push(
      `| ${escapeTableCell(entry.zh ?? '')} | ${escapeTableCell(entry.en)} | ${escapeTableCell(entry.abbr ?? '')} | ${escapeTableCell(firstSentence(def ?? ''))} |`,
    );
  }
  return rows.join(eol) + eol;
}
