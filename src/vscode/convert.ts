import * as vscode from 'vscode';
import type { SourceRange } from '../core/glossary';
import type { Occurrence } from '../core/scanner';

/** Occurrence (1-based, end exclusive) to a VS Code range (0-based). */
export function toRange(o: Pick<Occurrence, 'line' | 'column' | 'endLine' | 'endColumn'>): vscode.Range {
  return new vscode.Range(o.line - 1, o.column - 1, o.endLine - 1, o.endColumn - 1);
}

/** The range of an entry's head (`- id: x`) in its glossary file. */
export function sourceRange(r: SourceRange): vscode.Range {
  return new vscode.Range(r.line - 1, r.column - 1, r.endLine - 1, r.endColumn - 1);
}
