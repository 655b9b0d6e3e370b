import { categoryLabel } from './categories';
import type { GlossaryEntry } from './glossary';
import type { GlossaryIndex } from './glossaryIndex';
import type { SenseInfo } from './senses';
import { fullName, primaryName } from './labels';
import { escapeMarkdown } from './markdownText';

/** At most this many related entries are linked from a hover. */
const MAX_RELATED = 8;

/** Which definition(s) a hover shows. */
export type DisplayLanguage = 'both' | 'zh' | 'en';

/** Commands a hover may link to; nothing else is ever linked. */
export const HOVER_COMMANDS = {
  openEntry: 'llmGlossary.openEntry',
  findUses: 'llmGlossary.findUses',
  markKnown: 'llmGlossary.markKnown',
  forgetKnown: 'llmGlossary.forgetKnown',
} as const;

export interface HoverOptions {
  readonly language: DisplayLanguage;
  /** Link related entries and offer "Open entry" / "Find all uses" (command links to our own commands). */
  readonly commandLinks: boolean;
  /** Labels in the UI language. */
  readonly labels: HoverLabels;
  /** The user marked the entry as known: the hover offers "Forget" instead of "Mark as known". */
  readonly known?: boolean;
}

export interface HoverLabels {
  readonly aliases: string;
  readonly related: string;
  readonly paper: string;
  readonly openEntry: string;
  readonly findUses: string;
  readonly basic: string;
  readonly draft: string;
  /** For an ambiguous word: the line that names the other senses, and how the shown one was chosen. */
  readonly otherSenses: string;
  readonly senseBy: Readonly<Record<SenseInfo['by'], string>>;
  /** Links that put the entry in the known terms, or take it out. */
  readonly markKnown: string;
  readonly forgetKnown: string;
}

export const ENGLISH_HOVER_LABELS: HoverLabels = {
  aliases: 'Also',
  related: 'Related',
  paper: 'Source',
  openEntry: 'Open entry',
  findUses: 'Find all uses',
  basic: 'basic term',
  draft: 'draft',
  otherSenses: 'Could also mean',
  senseBy: {
    compound: 'this sense: from the compound word',
    sentence: 'this sense: from the sentence',
    section: 'this sense: from the section',
    default: 'this sense: the usual one',
    unresolved: 'sense not decided',
  },
  markKnown: 'Mark as known',
  forgetKnown: 'Forget (underline again)',
};

function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${escapeMarkdown(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/**
 * The hover text of an entry as Markdown. Every piece of glossary text is escaped, so a user's glossary can put
 * no link, HTML or command into it; the only links are to https references and to our own commands.
 */
export function renderHover(entry: GlossaryEntry, glossary: GlossaryIndex, options: HoverOptions, senses?: SenseInfo): string {
  const e = escapeMarkdown;
  const l = options.labels;
  const lang = options.language;
  const names: string[] = [];
  if (entry.zh && lang !== 'en') names.push(`**${e(entry.zh)}**`);
  names.push(entry.zh && lang !== 'en' ? e(entry.en) : `**${e(entry.en)}**`);
  if (entry.zh && lang === 'en') names.push(e(entry.zh));
  if (entry.abbr) names.push(`\`${entry.abbr.replace(/`/g, "'")}\``);
  const lines: string[] = [names.join(' · ')];
  const tags = [e(categoryLabel(entry.category, lang === 'en' ? 'en' : 'zh'))];
  if (entry.level === 'basic') tags.push(e(l.basic));
  if (entry.draft) tags.push(e(l.draft));
  if (senses) tags.push(e(l.senseBy[senses.by]));
  lines.push(`*${tags.join(' · ')}*`);
  const defs: string[] = [];
  if (lang !== 'en' && entry.definition.zh) defs.push(e(entry.definition.zh));
  if (lang !== 'zh' && entry.definition.en) defs.push(e(entry.definition.en));
  if (defs.length === 0) defs.push(e(entry.definition.zh ?? entry.definition.en ?? ''));
  lines.push(...defs.filter(Boolean));
  const others = (senses?.candidates ?? []).filter((id) => id !== entry.id).map((id) => glossary.get(id)).filter((o): o is GlossaryEntry => !!o);
  if (others.length) {
    const name = (o: GlossaryEntry) => primaryName(o, lang);
    const items = others.map((o) => (options.commandLinks ? commandLink(name(o), HOVER_COMMANDS.openEntry, [o.id]) : e(name(o))));
    lines.push(`${e(l.otherSenses)}: ${items.join(' · ')}`);
  }
  const aliases = entry.aliases.filter((a) => a !== entry.abbr);
  if (aliases.length) lines.push(`${e(l.aliases)}: ${aliases.map(e).join(', ')}`);
  // Links go both ways: entries that list this one as related are shown too (a few, after its own).
  const own = entry.related.map((id) => glossary.get(id)).filter((r): r is GlossaryEntry => r !== undefined);
  const back = glossary.referrers(entry.id).filter((r) => r.id !== entry.id && !entry.related.includes(r.id));
  const related = [...own, ...back.slice(0, Math.max(0, MAX_RELATED - own.length))];
  if (related.length) {
    const name = (r: GlossaryEntry) => primaryName(r, lang);
    const items = related.map((r) => (options.commandLinks ? commandLink(name(r), HOVER_COMMANDS.openEntry, [r.id]) : e(name(r))));
    lines.push(`${e(l.related)}: ${items.join(' · ')}`);
  }
  for (const ref of entry.references) {
    const title = e(ref.year ? `${ref.title} (${ref.year})` : ref.title);
    const url = ref.url && /^https:\/\/[^\s()<>]+$/.test(ref.url) ? ref.url : undefined;
    lines.push(`${e(l.paper)}: ${url ? `[${title}](${url})` : title}`);
  }
  if (options.commandLinks) {
    lines.push(
      [
        commandLink(l.openEntry, HOVER_COMMANDS.openEntry, [entry.id]),
        commandLink(l.findUses, HOVER_COMMANDS.findUses, [entry.id]),
        options.known ? commandLink(l.forgetKnown, HOVER_COMMANDS.forgetKnown, [entry.id]) : commandLink(l.markKnown, HOVER_COMMANDS.markKnown, [entry.id]),
      ].join(' · '),
    );
  }
  return lines.join('\n\n');
}

/** A tooltip for trees: names, category and definition, all escaped (nothing in it is a link). */
export function renderTooltip(entry: GlossaryEntry, language: DisplayLanguage): string {
  const e = escapeMarkdown;
  const parts = [`**${e(fullName(entry, language))}**`];
  parts.push(`*${e(categoryLabel(entry.category, language === 'en' ? 'en' : 'zh'))}*`);
  if (language !== 'en' && entry.definition.zh) parts.push(e(entry.definition.zh));
  if (language !== 'zh' && entry.definition.en) parts.push(e(entry.definition.en));
  return parts.join('\n\n');
}
