// Conversions between the service's plain data and VS Code's types; every adapter converts through these.
import * as vscode from 'vscode';
import type { ChapterView, Location, Range, TextDocument } from '../core/service';

/** A Markdown note: the documents every feature works in. */
export function isNote(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown';
}

/** A VS Code document as the service sees it. */
export function toDoc(doc: vscode.TextDocument): TextDocument {
  return { uri: doc.uri.toString(), version: doc.version, getText: () => doc.getText() };
}

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toUri(uri: string): vscode.Uri {
  return vscode.Uri.parse(uri, true);
}

export function toLocation(l: Location): vscode.Location {
  return new vscode.Location(toUri(l.uri), toRange(l.range));
}

/** Markdown from the service: glossary text is escaped there; nothing here is trusted or HTML. */
export function untrustedMarkdown(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/** The title of a chapter view: the chapter's heading, "Before the first heading", or the file's name. */
export function chapterTitle(view: Pick<ChapterView, 'uri' | 'heading'>): string {
  const h = view.heading;
  if (h.kind === 'chapter') return h.title;
  if (h.kind === 'preamble' && h.hasHeadings) return vscode.l10n.t('Before the first heading');
  return vscode.workspace.asRelativePath(toUri(view.uri));
}

/** An entry id from a command argument: an id string, or a node of one of our trees. */
export function entryIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const a = arg as { entryId?: string } | undefined;
  return typeof a?.entryId === 'string' ? a.entryId : undefined;
}
