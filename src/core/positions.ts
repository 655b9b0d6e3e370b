import type { SourceRange } from './glossary';
import type { Occurrence } from './scanner';

/** A 0-based line and UTF-16 character, as VS Code and LSP count them. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A range of 0-based positions, end exclusive. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A range in a document named by URI. */
export interface Location {
  readonly uri: string;
  readonly range: Range;
}

/** The range of anything with 1-based lines and columns (occurrences, glossary source ranges). */
export function toRange(r: Pick<Occurrence | SourceRange, 'line' | 'column' | 'endLine' | 'endColumn'>): Range {
  return { start: { line: r.line - 1, character: r.column - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } };
}

/** The range of a problem: never empty on its line, so an editor can show it. */
export function problemRange(p: SourceRange): Range {
  const endColumn = p.endLine === p.line ? Math.max(p.endColumn, p.column + 1) : p.endColumn;
  return toRange({ ...p, endColumn });
}
