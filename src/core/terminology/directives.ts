import { normalizeTerm } from '../text';

/**
 * `<!-- llm-glossary: allow 标记, 令牌 -->`: an HTML comment, anywhere in a note outside code, that allows the forms
 * it lists (separated by commas) in that note. Allowed forms are neither hinted as avoided nor counted as mixing.
 */
const DIRECTIVE = /<!--\s*llm-glossary:\s*allow\s+([^]*?)\s*-->/g;

/** A directive found in a note: where its list of forms ends (for appending) and the forms it allows. */
export interface AllowDirective {
  readonly start: number;
  readonly end: number;
  /** Offset just after the last form, where another form is appended. */
  readonly listEnd: number;
  readonly forms: readonly string[];
}

/** The allow directives of a note, leaving out those inside fenced code or inline code. */
export function allowDirectives(text: string): AllowDirective[] {
  if (!text.includes('llm-glossary:')) return [];
  const fences = fencedRanges(text);
  const out: AllowDirective[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const start = m.index;
    if (fences.some(([a, b]) => start >= a && start < b) || insideInlineCode(text, start)) continue;
    const forms = m[1].split(/[,，、]/).map((f) => f.trim()).filter(Boolean);
    const listEnd = start + m[0].indexOf(m[1]) + m[1].length;
    out.push({ start, end: start + m[0].length, listEnd, forms });
  }
  return out;
}

/** The normalized forms the directives allow. */
export function allowedForms(directives: readonly AllowDirective[]): Set<string> {
  return new Set(directives.flatMap((d) => d.forms.map((f) => normalizeTerm(f, false))));
}

/** `[start, end)` of each fenced code block (``` or ~~~, indented at most three spaces). */
function fencedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const fence = /^ {0,3}(`{3,}|~{3,})/gm;
  let open: { at: number; marker: string } | undefined;
  for (const m of text.matchAll(fence)) {
    if (!open) open = { at: m.index, marker: m[1] };
    else if (m[1][0] === open.marker[0] && m[1].length >= open.marker.length) {
      out.push([open.at, m.index + m[0].length]);
      open = undefined;
    }
  }
  if (open) out.push([open.at, text.length]);
  return out;
}

/** True when an odd number of backticks precede the offset on its line. */
function insideInlineCode(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return (text.slice(lineStart, at).match(/`/g)?.length ?? 0) % 2 === 1;
}

/**
 * Where a new directive for `form` goes: appended to the first directive of the note, or a new comment on a line
 * of its own at the top of the note (after the front matter).
 */
export function allowEdit(text: string, form: string): { start: number; end: number; newText: string } {
  const first = allowDirectives(text)[0];
  if (first) return { start: first.listEnd, end: first.listEnd, newText: `, ${form}` };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const at = frontMatterEnd(text);
  return { start: at, end: at, newText: `<!-- llm-glossary: allow ${form} -->${eol}` };
}

/** The offset after the YAML front matter (`---` … `---` at the top), or 0 (after a byte-order mark). */
function frontMatterEnd(text: string): number {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const m = /^---\r?\n[^]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(bom));
  return bom + (m ? m[0].length : 0);
}
