import type { Heading, Occurrence } from './scanner';

/** A chapter: the section of the file's top heading level, or the text before the first such heading. */
export interface Chapter {
  /** Heading text; empty for the preamble. */
  readonly title: string;
  readonly depth: number;
  /** First and last line, 1-based, inclusive. */
  readonly line: number;
  readonly endLine: number;
  /** True for the text before the first top-level heading (front matter, an intro). */
  readonly preamble: boolean;
}

/** A heading with the sections below it. */
export interface Section {
  readonly heading: Heading;
  readonly endLine: number;
  readonly children: readonly Section[];
}

/**
 * Splits a document into chapters. The chapter level is the smallest heading depth present; each heading of that
 * depth starts a chapter that runs to the next one. Text before the first chapter heading forms a preamble
 * chapter (kept by callers only when it holds something). A file without headings is one chapter.
 */
export function chaptersOf(headings: readonly Heading[], lastLine: number): Chapter[] {
  if (headings.length === 0) return [{ title: '', depth: 0, line: 1, endLine: Math.max(lastLine, 1), preamble: true }];
  const depth = headings.reduce((m, h) => Math.min(m, h.depth), 6);
  const tops = headings.filter((h) => h.depth === depth);
  const chapters: Chapter[] = [];
  if (tops[0].line > 1) chapters.push({ title: '', depth: 0, line: 1, endLine: tops[0].line - 1, preamble: true });
  tops.forEach((h, i) => {
    const next = tops[i + 1];
    chapters.push({ title: h.title, depth, line: h.line, endLine: next ? next.line - 1 : Math.max(lastLine, h.line), preamble: false });
  });
  return chapters;
}

/** The chapter that contains a 1-based line; blank lines after the last chapter belong to it. */
export function chapterAt(chapters: readonly Chapter[], line: number): Chapter | undefined {
  const last = chapters[chapters.length - 1];
  if (last && line > last.endLine) return last;
  return chapters.find((c) => line >= c.line && line <= c.endLine);
}

/** The section tree of a document: each heading holds the deeper headings that follow it. */
export function sectionTree(headings: readonly Heading[], lastLine: number): Section[] {
  const build = (from: number, to: number, endLine: number): Section[] => {
    const out: Section[] = [];
    let i = from;
    while (i < to) {
      const h = headings[i];
      let j = i + 1;
      while (j < to && headings[j].depth > h.depth) j++;
      const end = j < to ? headings[j].line - 1 : endLine;
      out.push({ heading: h, endLine: end, children: build(i + 1, j, end) });
      i = j;
    }
    return out;
  };
  return build(0, headings.length, lastLine);
}

/** Occurrences whose start line lies in the chapter. */
export function occurrencesIn(chapter: Chapter, occurrences: readonly Occurrence[]): Occurrence[] {
  return occurrences.filter((o) => o.line >= chapter.line && o.line <= chapter.endLine);
}
