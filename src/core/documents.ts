import { chapterAt, chaptersOf, type Chapter } from './chapters';
import type { GlossaryIndex } from './glossaryIndex';
import { IncrementalScan } from './incremental';
import { DEFAULT_LIMITS, tooComplex } from './limits';
import type { ScanResult } from './scanner';

/** A text document as the host holds it (VS Code's `TextDocument`, an LSP document, a test's string). */
export interface TextDocument {
  /** The document's URI as a string; it keys every cache. */
  readonly uri: string;
  /** Increases with every change of the text. */
  readonly version: number;
  getText(): string;
}

/** One change of a document: `rangeLength` UTF-16 units at `rangeOffset` replaced by `text` (as VS Code reports it). */
export interface ContentChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

/** A scan of one document version, with its chapters. */
export interface DocumentScan {
  readonly uri: string;
  readonly version: number;
  readonly scan: ScanResult;
  readonly chapters: readonly Chapter[];
  /** The text of this version. */
  readonly text: string;
  /** Why the document was not scanned (larger than the limit, nested too deeply, unparsable). */
  readonly skipped?: string;
}

/** The glossary a cache scans with, and its generation (it increases with every reload). */
export interface GlossaryState {
  readonly index: GlossaryIndex;
  readonly generation: number;
  /**
   * Names what the glossary was built from (the built-in glossary's bytes, each user file's name and text), worked
   * out on the first call: the notes index keeps the entries each note uses between sessions under it. Absent
   * where the sources are not known; nothing matched is then kept.
   */
  readonly fingerprint?: () => string;
}

const EMPTY: ScanResult = { occurrences: [], headings: [], lineCount: 1, lastLine: 1 };

interface Live {
  /** Kept current by each change, so a keystroke re-parses only the blocks it touches. */
  incremental?: IncrementalScan;
  skipped?: string;
  /** The document version the incremental scan reflects. */
  version: number;
  generation: number;
  result?: DocumentScan;
  prose?: ProseSpans;
}

/** Where a document's prose is: text-node ranges and link spans, `[start, end)` offset pairs in order. */
export interface ProseSpans {
  readonly ranges: readonly number[];
  readonly links: readonly number[];
}

/**
 * Scans of open documents, keyed by URI and version. A version is scanned once per glossary generation
 * (incrementally after a change); everything about a document is dropped when it closes.
 */
export class DocumentCache {
  private readonly live = new Map<string, Live>();

  constructor(
    private readonly glossary: () => GlossaryState,
    private readonly maxChars: () => number,
  ) {}

  /** Number of documents with a live scan (for leak checks). */
  get size(): number {
    return this.live.size;
  }

  /** The scan of a document's current version. */
  get(doc: TextDocument): DocumentScan {
    const g = this.glossary();
    let l = this.live.get(doc.uri);
    if (l && (l.version !== doc.version || l.generation !== g.generation)) l = undefined;
    if (l?.result) return l.result;
    if (!l) l = this.start(doc, g);
    const text = l.incremental?.source ?? doc.getText();
    const scan = l.incremental?.result() ?? EMPTY;
    l.result = { uri: doc.uri, version: doc.version, scan, chapters: chaptersOf(scan.headings, scan.lastLine), text, skipped: l.skipped };
    return l.result;
  }

  private start(doc: TextDocument, g: GlossaryState): Live {
    const text = doc.getText();
    let skipped = tooComplex(text, { ...DEFAULT_LIMITS, maxChars: this.maxChars() });
    let incremental: IncrementalScan | undefined;
    if (!skipped) {
      try {
        incremental = new IncrementalScan(text, g.index.matcher);
      } catch (e) {
        skipped = `could not be parsed (${(e as Error).message})`;
      }
    }
    const l: Live = { incremental, skipped, version: doc.version, generation: g.generation };
    this.live.set(doc.uri, l);
    return l;
  }

  /** Applies the changes that took a document to `version`; a gap in versions drops the scan instead. */
  applyChanges(uri: string, version: number, changes: readonly ContentChange[]): void {
    const l = this.live.get(uri);
    if (!l || changes.length === 0) return;
    if (!l.incremental || l.version !== version - 1) {
      this.live.delete(uri);
      return;
    }
    try {
      // Changes of one event do not overlap; applied from the end, each offset is still valid.
      for (const c of [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) l.incremental.edit(c.rangeOffset, c.rangeOffset + c.rangeLength, c.text);
      l.version = version;
      l.result = undefined;
      l.prose = undefined;
    } catch {
      this.live.delete(uri);
    }
  }

  /** The prose of a document's current version (none when it is not scanned). */
  prose(doc: TextDocument): ProseSpans {
    this.get(doc);
    const l = this.live.get(doc.uri)!;
    return (l.prose ??= l.incremental?.prose() ?? { ranges: [], links: [] });
  }

  /** The chapter at a 0-based line of a document. */
  chapterAt(doc: TextDocument, line: number): Chapter | undefined {
    return chapterAt(this.get(doc).chapters, line + 1);
  }

  close(uri: string): void {
    this.live.delete(uri);
  }

  clear(): void {
    this.live.clear();
  }
}
