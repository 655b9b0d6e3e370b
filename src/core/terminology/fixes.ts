import { allowEdit } from './directives';
import { casedLike } from './renderings';
import type { TermFinding, TermFix, TermRule, TextEdit, TermUse } from './types';

/** The use of a finding at an offset, else its first use. */
function useAt(f: TermFinding, offset: number): TermUse {
  return f.uses.find((u) => offset >= u.start && offset <= u.end) ?? f.uses[0];
}

const replace = (u: TermUse, preferred: string): TextEdit => ({ start: u.start, end: u.end, newText: casedLike(preferred, u.text) });

/**
 * The quick fixes of a finding for the use at an offset: write the introduction; replace this use with the
 * preferred form; replace every such use in the note (one edit set); allow the form in this note (a directive).
 */
export function fixesOf(f: TermFinding, offset: number, text: string): TermFix[] {
  const use = useAt(f, offset);
  const fixes: TermFix[] = [];
  const base = { rule: f.rule as TermRule };
  if (f.introduction) fixes.push({ ...base, kind: 'introduce', from: use.text, to: f.introduction, count: 1, edits: [{ start: use.start, end: use.end, newText: f.introduction }] });
  const p = f.args.preferred;
  const replaceable = f.replaceable.some((u) => u.start === use.start);
  if (p && !f.introduction) {
    if (replaceable) fixes.push({ ...base, kind: 'replace-use', from: use.text, to: p, count: 1, edits: [replace(use, p)] });
    if (f.replaceable.length > 1 || (f.replaceable.length === 1 && !replaceable))
      fixes.push({ ...base, kind: 'replace-all', from: use.text, to: p, count: f.replaceable.length, edits: f.replaceable.map((u) => replace(u, p)) });
  }
  const allow = replaceable || f.introduction || f.replaceable.length === 0 ? use.text : f.replaceable[0].text;
  fixes.push({ ...base, kind: 'allow', from: allow, to: allow, count: 1, edits: [allowEdit(text, allow)] });
  return fixes;
}

/**
 * The edits `lint --fix` applies for a set of findings: preferred replacements and introductions, each place once,
 * none overlapping, sorted by offset.
 */
export function autoFixEdits(findings: readonly TermFinding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    if (f.introduction) edits.push({ start: f.start, end: f.end, newText: f.introduction });
    else if (f.args.preferred) for (const u of f.replaceable) edits.push(replace(u, f.args.preferred));
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) continue;
    if (last && last.start === e.start && last.end === e.end) continue;
    out.push(e);
  }
  return out;
}

/** Applies non-overlapping edits sorted by offset. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}
