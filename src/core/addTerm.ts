// "Add to my glossary": a draft entry from a selection or a suggested term, and the edit that appends it to a
// user glossary file with the file's comments and layout kept byte for byte.
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node as YamlNode, type Pair, type YAMLSeq } from 'yaml';
import { DRAFT_CATEGORY, draftId, draftNames } from './draftEntries';
import { parseGlossaryFile } from './glossaryLoader';
import { hashText } from './noteProse';
import { chunkCandidates, isAbbreviation, type KnownLookup, type TermCandidate } from './suggest';
import { LineIndex, normalizeTerm, pairAt } from './text';

/** The names of a term as a note writes them. */
export interface TermNames {
  readonly zh?: string;
  readonly en?: string;
  readonly abbr?: string;
}

/** A draft entry as it is written: names from the text, a placeholder category, empty definitions. */
export interface DraftEntry {
  readonly id: string;
  readonly en: string;
  readonly zh?: string;
  readonly abbr?: string;
  readonly category: string;
  readonly draft: true;
  readonly definition: { readonly en: string; readonly zh: string };
}

/** The entry that already has a draft's id or one of its names. */
export interface DuplicateEntry {
  readonly id: string;
  /** The draft's name (or id) the glossary already has. */
  readonly name: string;
}

/** The edit that appends an entry: replace `length` characters at `offset` with `text` (mostly an insertion). */
export interface GlossaryEdit {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
  /** `[start, end)` of the new entry's head (`id: ...`) in the edited text, where Go to Definition puts it. */
  readonly entryStart: number;
  readonly entryEnd: number;
}

/** Longest selection read as a term. */
export const MAX_TERM_TEXT = 120;

const HAN = /\p{Script=Han}/u;
const EDGE = /^[\s，。、；：！？,.;:!?“”"'‘’「」『』《》*_`~]+|[\s，。、；：！？,.;:!?“”"'‘’「」『』《》*_`~]+$/gu;
const PARENTHESISED = /^(.+?)\s*[（(]\s*(.+?)\s*[)）]$/su;
const SEPARATOR = /\s*[,，、;；/]\s*/u;

/** Sorts the pieces of a term into Chinese name, abbreviation and English name (the first of each kind wins). */
function classify(pieces: readonly string[]): TermNames | undefined {
  let zh: string | undefined;
  let en: string | undefined;
  let abbr: string | undefined;
  for (const raw of pieces) {
    const p = raw.replace(EDGE, '').replace(/\s+/g, ' ');
    if (!p || p.length > 100) continue;
    if (HAN.test(p)) zh ??= p;
    else if (isAbbreviation(p)) abbr ??= p;
    else if (/\p{L}/u.test(p)) en ??= p;
  }
  if (zh && [...zh].length < 2) return undefined; // a single character would match inside every word
  return zh || en || abbr ? { zh, en, abbr } : undefined;
}

/**
 * Reads a selected term: `中文（English, ABBR）`, `中文（ABBR, English）`, `中文（ABBR）`, `English (ABBR, 中文)`,
 * `ABBR (English)`, … (full- or half-width parentheses, separated by `,`, `，`, `、`, `;` or `/`), or a bare name.
 * Undefined for text that holds no name, spans lines or is longer than {@link MAX_TERM_TEXT}.
 */
export function namesFromText(text: string): TermNames | undefined {
  const t = text.replace(EDGE, '');
  if (!t || t.length > MAX_TERM_TEXT || /[\r\n]/.test(t)) return undefined;
  const m = PARENTHESISED.exec(t);
  const pieces = m ? [m[1], ...m[2].split(SEPARATOR)] : [t];
  if (pieces.length > 4 || pieces.some((p) => /[()（）]/.test(p))) return undefined;
  return classify(pieces);
}

/** The names of a term `suggest` proposes. */
export function namesFromCandidate(c: TermCandidate): TermNames {
  if (c.kind === 'pair') return { zh: c.zh, en: c.en, abbr: c.abbr };
  return c.kind === 'acronym' ? { abbr: c.term } : { en: c.term };
}

/**
 * The draft entry for a term, as `llm-glossary suggest --write` drafts it: the id is the kebab-case of the English
 * name (else the abbreviation); a term with a Chinese name only is its own English name until the user writes one,
 * with an id made from a hash.
 */
export function draftEntry(names: TermNames): DraftEntry | undefined {
  const term = names.en ?? names.abbr ?? names.zh;
  if (!term) return undefined;
  const n = draftNames({ term, ...names });
  const id = draftId({ term, en: names.en, abbr: names.abbr }) ?? `term-${hashText(term).split(':')[0]}`;
  const zh = n.zh === n.en ? undefined : n.zh;
  return { id, en: n.en, ...(zh ? { zh } : {}), ...(n.abbr ? { abbr: n.abbr } : {}), category: DRAFT_CATEGORY, draft: true, definition: { en: '', zh: '' } };
}

/** The entry that already has the draft's id or one of its names, if any. */
export function findDuplicate(draft: DraftEntry, known: KnownLookup, hasId: (id: string) => boolean): DuplicateEntry | undefined {
  if (hasId(draft.id)) return { id: draft.id, name: draft.id };
  for (const name of [draft.en, draft.zh, draft.abbr]) {
    const id = name && known(name);
    if (name && id) return { id, name };
  }
  return undefined;
}

/** The YAML of an entry's fields as a block mapping, one line each, indented by `indent` per level. */
function entryLines(draft: DraftEntry, indent: number, comment?: string): string[] {
  const lines = stringify(draft, { indent, lineWidth: 0 }).replace(/\n$/, '').split('\n');
  if (comment) lines.push(`# ${comment.replace(/[\r\n]+/g, ' ')}`);
  return lines;
}

/** The line end a file uses. */
function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** Offset just past the line that holds `offset - 1` (the end of the text if it has no line break after). */
function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** `file:line:column: message` for an offset of a file's text. */
function located(text: string, file: string, offset: number, message: string): { error: string } {
  const p = new LineIndex(text).position(offset);
  return { error: `${file}:${p.line}:${p.column}: ${message}` };
}

/** A block-sequence item `<indent>- ` starts the item: its dash indentation and the gap after the dash. */
function itemPrefix(text: string, item: YamlNode): { dash: string; gap: string } | undefined {
  const start = item.range![0];
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  const m = /^( *)-( +)$/.exec(text.slice(ls, start));
  return m ? { dash: m[1], gap: m[2] } : undefined;
}

/** How far the first nested block mapping of these items is indented beyond their keys (2 when there is none). */
function nestedIndent(text: string, items: readonly YamlNode[], keyColumn: number): number {
  for (const item of [...items].reverse()) {
    if (!isMap(item)) continue;
    for (const pair of item.items as Pair<YamlNode, YamlNode>[]) {
      const key = isMap(pair.value) && !pair.value.flow ? (pair.value.items[0] as Pair<YamlNode> | undefined)?.key : undefined;
      const at = key?.range?.[0];
      if (at === undefined) continue;
      const col = at - (text.lastIndexOf('\n', at - 1) + 1);
      if (col > keyColumn) return col - keyColumn;
    }
  }
  return 2;
}

/** Where the content of a node ends: its last scalar or flow collection, before trailing blank lines and comments. */
function contentEnd(node: YamlNode): number {
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length) {
    const last = node.items[node.items.length - 1] as YamlNode | Pair<YamlNode, YamlNode>;
    if (isMap(node)) {
      const pair = last as Pair<YamlNode, YamlNode>;
      return pair.value ? contentEnd(pair.value) : (pair.key as YamlNode).range![1];
    }
    return contentEnd(last as YamlNode);
  }
  return node.range![1];
}

/** Whether the line before the one holding `offset` is blank. */
function blankLineBefore(text: string, offset: number): boolean {
  const ls = text.lastIndexOf('\n', offset - 1);
  if (ls < 0) return false;
  const prev = text.lastIndexOf('\n', ls - 1);
  return /^[ \t]*\r?$/.test(text.slice(prev + 1, ls));
}

/** An insertion after the last item of a block sequence, laid out like that item. */
function appendToBlock(text: string, seq: YAMLSeq, draft: DraftEntry, comment: string | undefined): GlossaryEdit | undefined {
  const items = seq.items as YamlNode[];
  const last = items[items.length - 1];
  if (!isMap(last) || !last.range) return undefined;
  const prefix = itemPrefix(text, last);
  if (!prefix) return undefined;
  const keyColumn = prefix.dash.length + 1 + prefix.gap.length;
  // After the last item's last value, and after the comment lines indented under it (`    # seen in 2 files`).
  let at = lineEndAfter(text, contentEnd(last));
  for (let m; (m = /^( *)#[^\n]*(?:\n|$)/.exec(text.slice(at))) && m[1].length > prefix.dash.length; ) at += m[0].length;
  const eol = eolOf(text);
  const spaced = items.length > 1 && blankLineBefore(text, last.range[0]);
  const lines = entryLines(draft, nestedIndent(text, items, keyColumn), comment);
  const body = lines.map((l, i) => (i === 0 ? `${prefix.dash}-${prefix.gap}${l}` : ' '.repeat(keyColumn) + l)).join(eol) + eol;
  const lead = (at > 0 && text[at - 1] !== '\n' ? eol : '') + (spaced ? eol : '');
  return { offset: at, length: 0, text: lead + body, entryStart: 0, entryEnd: 0 };
}

/** A block sequence of the entry, for an `entries:` key whose value is empty, `[]` or missing (two-space indent). */
function blockList(draft: DraftEntry, eol: string, comment: string | undefined): string {
  return entryLines(draft, 2, comment).map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)).join(eol) + eol;
}

/** An insertion before the `]` of a non-empty flow sequence. */
function appendToFlow(text: string, seq: YAMLSeq, draft: DraftEntry): GlossaryEdit | undefined {
  const close = text.lastIndexOf(']', seq.range![1]);
  if (close < seq.range![0]) return undefined;
  const flow = stringify(draft, { lineWidth: 0, collectionStyle: 'flow' }).trim();
  const comma = /,\s*$/.test(text.slice(seq.range![0], close)) ? ' ' : ', ';
  const tail = text.slice(0, close).match(/\s*$/)![0].length;
  return { offset: close - tail, length: 0, text: `${comma}${flow}`, entryStart: 0, entryEnd: 0 };
}

/** The edit for a file whose `entries:` is missing, empty or a flow list, or undefined if it has a value it cannot take. */
function simpleEdit(text: string, doc: Document.Parsed, draft: DraftEntry, comment: string | undefined): GlossaryEdit | undefined {
  const eol = eolOf(text);
  const root = doc.contents as YamlNode | null;
  const pair = isMap(root) ? (root.items as Pair<YamlNode, YamlNode>[]).find((p) => isScalar(p.key) && p.key.value === 'entries') : undefined;
  const entries = pair?.value;
  const edit = (offset: number, length: number, insert: string): GlossaryEdit => ({ offset, length, text: insert, entryStart: 0, entryEnd: 0 });
  if (!pair) {
    const lead = text.length && !text.endsWith('\n') ? eol : '';
    return edit(text.length, 0, `${lead}entries:${eol}${blockList(draft, eol, comment)}`);
  }
  if (!entries || (isScalar(entries) && entries.value === null)) {
    const at = lineEndAfter(text, (pair.key as YamlNode).range![1]);
    return edit(at, 0, (text[at - 1] === '\n' ? '' : eol) + blockList(draft, eol, comment));
  }
  if (isSeq(entries) && entries.flow && entries.items.length === 0) {
    // `entries: []  # note` becomes `entries:  # note` and the list below it.
    const close = entries.range![1];
    const lineEnd = lineEndAfter(text, close);
    const rest = text.slice(close, lineEnd);
    if (text[close - 1] !== ']' || !/^[ \t]*(#[^\r\n]*)?(\r?\n)?$/.test(rest)) return undefined;
    let from = entries.range![0];
    while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    const note = rest.trim();
    return edit(from, lineEnd - from, `${note ? ` ${note}` : ''}${eol}${blockList(draft, eol, comment)}`);
  }
  if (isSeq(entries) && entries.flow) return appendToFlow(text, entries, draft);
  return undefined;
}

/** The head of the entry with this id in a parsed file: `[item start, end of its first value)`, as the loader gives it. */
function entryHead(doc: Document.Parsed, id: string): [number, number] | undefined {
  const seq = doc.get('entries', true) as YamlNode | undefined;
  if (!isSeq(seq)) return undefined;
  for (const item of seq.items as YamlNode[]) {
    if (isMap(item) && item.get('id') === id && item.range) {
      const first = item.items[0] as Pair<YamlNode, YamlNode>;
      return [item.range[0], first.value?.range?.[1] ?? item.range[1]];
    }
  }
  return undefined;
}

/** The edit by the document API: add the node, print the document, keep only the part that differs. */
function printedEdit(text: string, doc: Document.Parsed, draft: DraftEntry): GlossaryEdit {
  const entries = doc.get('entries', true);
  if (isSeq(entries)) entries.add(doc.createNode(draft));
  else doc.set('entries', doc.createNode([draft]));
  let out = doc.toString({ lineWidth: 0 });
  if (eolOf(text) === '\r\n') out = out.replace(/\r?\n/g, '\r\n');
  let a = 0;
  while (a < text.length && a < out.length && text[a] === out[a]) a++;
  let z = 0;
  while (z < text.length - a && z < out.length - a && text[text.length - 1 - z] === out[out.length - 1 - z]) z++;
  return { offset: a, length: text.length - a - z, text: out.slice(a, out.length - z), entryStart: 0, entryEnd: 0 };
}

/** Applies an edit to a text. */
export function applyGlossaryEdit(text: string, e: Pick<GlossaryEdit, 'offset' | 'length' | 'text'>): string {
  return text.slice(0, e.offset) + e.text + text.slice(e.offset + e.length);
}

/** The edit if the edited file parses, holds one entry more and ends with exactly the draft; with the entry's head. */
function verified(text: string, edit: GlossaryEdit | undefined, draft: DraftEntry, before: number): GlossaryEdit | undefined {
  if (!edit) return undefined;
  const doc = parseDocument(applyGlossaryEdit(text, edit), { uniqueKeys: true, prettyErrors: false });
  const seq = doc.get('entries', true);
  if (doc.errors.length || !isSeq(seq) || seq.items.length !== before + 1) return undefined;
  if (JSON.stringify((seq.items[seq.items.length - 1] as YamlNode).toJSON()) !== JSON.stringify(draft)) return undefined;
  const head = entryHead(doc, draft.id);
  return head && { ...edit, entryStart: head[0], entryEnd: head[1] };
}

/**
 * The edit that appends a draft entry to a glossary file's `entries:` list: an insertion after the last entry,
 * laid out like it (indentation, blank lines between entries, line ends), so every other byte of the file is kept;
 * into an empty or flow-style list, or a file without one, the smallest edit that adds it. `comment` becomes a
 * comment line in the entry. A file that is not valid YAML, or whose `entries` is not a list, gets a
 * `file:line:column: message` error and no edit.
 */
export function addEntryEdit(text: string, file: string, draft: DraftEntry, comment?: string): GlossaryEdit | { error: string } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    return located(text, file, e.pos[0], `invalid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}; fix the file, then add the entry again`);
  }
  const root = doc.contents as YamlNode | null;
  if (root !== null && !isMap(root) && !(isScalar(root) && root.value === null)) {
    return located(text, file, root.range?.[0] ?? 0, 'expected a mapping with an "entries:" list at the top of the file');
  }
  const entries = doc.get('entries', true) as YamlNode | undefined;
  if (entries && !isSeq(entries) && !(isScalar(entries) && entries.value === null)) {
    return located(text, file, entries.range?.[0] ?? 0, '"entries" must be a list of entries; expected "entries:" followed by "- id: ..." items');
  }
  const count = isSeq(entries) ? entries.items.length : 0;
  const direct = isSeq(entries) && !entries.flow ? appendToBlock(text, entries, draft, comment) : simpleEdit(text, doc, draft, comment);
  const edit = verified(text, direct, draft, count) ?? verified(text, printedEdit(text, doc.clone() as Document.Parsed, draft), draft, count);
  return edit ?? located(text, file, 0, 'cannot add an entry to this file; expected a top-level "entries:" list');
}

/** What "Add to my glossary" adds at a place of a note. */
export interface TermToAdd {
  /** `[start, end)` of the term in the note. */
  readonly start: number;
  readonly end: number;
  readonly names: TermNames;
  readonly draft: DraftEntry;
  /** Set when the glossary already has the draft's id or one of its names. */
  readonly duplicate?: DuplicateEntry;
}

/**
 * The term to add at `[start, end)` of a note: the selected text read by {@link namesFromText}, or, for an empty
 * range, the term `suggest` proposes at that offset (a bilingual pair, an acronym, a CamelCase name). Only in
 * prose; undefined where there is nothing to add.
 */
export function termToAdd(text: string, prose: readonly number[], start: number, end: number, known: KnownLookup, hasId: (id: string) => boolean): TermToAdd | undefined {
  const found = (s: number, e: number, names: TermNames | undefined): TermToAdd | undefined => {
    const draft = names && draftEntry(names);
    return draft && { start: s, end: e, names, draft, duplicate: findDuplicate(draft, known, hasId) };
  };
  if (start < end) {
    if (end - start > MAX_TERM_TEXT * 2 || pairAt(prose, start) < 0 || pairAt(prose, end) < 0) return undefined;
    return found(start, end, namesFromText(text.slice(start, end)));
  }
  const i = pairAt(prose, start);
  if (i < 0) return undefined;
  for (const c of chunkCandidates(text, prose[i], prose[i + 1], known)) {
    if (c.start <= start && start <= c.end) return found(c.start, c.end, namesFromCandidate(c));
  }
  return undefined;
}

/** The ids of the entries of one glossary file's text, and their names (normalised) to their ids. */
export function fileNames(text: string, file: string): { ids: Set<string>; names: Map<string, string> } {
  const parsed = parseGlossaryFile(text, file);
  const names = new Map<string, string>();
  for (const e of parsed.entries) for (const n of [e.en, e.zh, e.abbr, ...e.aliases]) if (n) names.set(normalizeTerm(n.value, false), e.id.value);
  return { ids: new Set(parsed.entries.map((e) => e.id.value)), names };
}
