import type { ServiceWorkspace, TextDocument } from '../../src/core/service';

/** A workspace of in-memory files and open documents, for the service's unit tests. */
export class InMemoryWorkspace implements ServiceWorkspace {
  /** Text files, or raw bytes (binary files, huge files made once). */
  readonly files = new Map<string, string | Uint8Array>();
  readonly open = new Map<string, TextDocument>();
  /** Every file read, in order. */
  readonly reads: string[] = [];
  /** Milliseconds each read takes (to let reads overlap). */
  readDelay = 0;

  constructor(files: Record<string, string> = {}) {
    for (const [uri, text] of Object.entries(files)) this.files.set(uri, text);
  }

  async findNotes(): Promise<string[]> {
    return [...this.files.keys()].filter((u) => /\.(md|markdown)$/.test(u)).sort();
  }

  async findGlossaries(configured: readonly string[]) {
    const found = [...configured.map((c) => `mem:/ws/${c}`), ...[...this.files.keys()].filter((u) => /\.glossary\.ya?ml$/.test(u)).sort()];
    return [...new Set(found)].map((uri) => ({ uri, display: uri.replace('mem:/ws/', '') }));
  }

  async readFile(uri: string): Promise<Uint8Array> {
    this.reads.push(uri);
    if (this.readDelay) await new Promise((r) => setTimeout(r, this.readDelay));
    const content = this.files.get(uri);
    if (content === undefined) throw new Error(`no such file: ${uri}`);
    return typeof content === 'string' ? new TextEncoder().encode(content) : content;
  }

  openDocument(uri: string): TextDocument | undefined {
    return this.open.get(uri);
  }

  openNotes(): TextDocument[] {
    return [...this.open.values()].filter((d) => d.uri.endsWith('.md'));
  }

  /** Opens (or re-opens with new text) a document; returns it. */
  openDoc(uri: string, text: string, version = 1): TextDocument {
    const doc = { uri, version, getText: () => text };
    this.open.set(uri, doc);
    return doc;
  }
}
