// What the Markdown preview marks, read from its HTML, and what the editor holds, for the preview suites of both hosts.
import type * as vscode from 'vscode';
import type { LlmGlossaryApi } from '../../src/extension';

/** The (entry id, term) pairs a rendered preview marks, in document order, each with the source line of its block. */
export function previewMarks(html: string): { mark: string; line: number }[] {
  const out: { mark: string; line: number }[] = [];
  for (const m of html.matchAll(/<span class="llmg-term" tabindex="0" data-entry="([^"]+)">([^<]*)<span class="llmg-tip"/g)) {
    const lines = [...html.slice(0, m.index).matchAll(/data-line="(\d+)"/g)];
    out.push({ mark: `${m[1]} ${m[2]}`, line: lines.length ? Number(lines[lines.length - 1][1]) : -1 });
  }
  return out;
}

/** The editor's occurrences of a document as (entry id, term) pairs, in document order. */
export function editorMarks(a: LlmGlossaryApi, doc: vscode.TextDocument): { mark: string; line: number }[] {
  return a.occurrences(doc).live.map((o) => ({ mark: `${o.entryId} ${o.text}`, line: o.line - 1 }));
}

