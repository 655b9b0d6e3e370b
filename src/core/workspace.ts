import type { TextDocument } from './documents';

/** A user glossary file: its URI and the name problems give it (a workspace-relative path). */
export interface GlossarySource {
  readonly uri: string;
  readonly display: string;
}

/**
 * What the service needs from its host's workspace. Every path is a URI string; nothing here assumes a local
 * file system, so the same service runs over `file:`, `vscode-remote:`, `vscode-vfs:` or an in-memory map.
 */
export interface ServiceWorkspace {
  /** The Markdown notes of the workspace. */
  findNotes(): Promise<readonly string[]>;
  /**
   * The user glossary files, in load order: the `configured` paths and globs (relative to the workspace folder),
   * then every `*.glossary.yaml` / `*.glossary.yml` of the workspace.
   */
  findGlossaries(configured: readonly string[]): Promise<readonly GlossarySource[]>;
  /** The bytes of a file; rejects when it cannot be read. */
  readFile(uri: string): Promise<Uint8Array>;
  /** The open document of a URI, whose text wins over the file's. */
  openDocument(uri: string): TextDocument | undefined;
  /** Every open Markdown note, for references across the workspace. */
  openNotes(): readonly TextDocument[];
}

/** Where the service writes what it logs. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger that drops everything. */
export const SILENT: Logger = { info: () => {}, warn: () => {}, error: () => {} };

const decoder = new TextDecoder();

/** Decodes UTF-8 bytes. */
export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** The text of a document: the open document's, else the file's. */
export async function readText(workspace: ServiceWorkspace, uri: string): Promise<string> {
  return workspace.openDocument(uri)?.getText() ?? decodeText(await workspace.readFile(uri));
}
