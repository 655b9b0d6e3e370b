import * as vscode from 'vscode';
import { installPreview, type GlossaryService, type MarkdownItLike, type ParsedSource, type PreviewTerms } from '../core/service';
import type { Config } from './config';
import { toDoc } from './convert';

/** The settings a rendered preview depends on; a change of any of them re-renders open previews. */
function previewKey(c: Config): string {
  return JSON.stringify([c.preview, c.language, c.underlines, c.underlineBasic]);
}

/** The open document a preview renders, if its text is the parsed source (markdown-it normalises line breaks). */
function openDocument(env: unknown, src: string): vscode.TextDocument | undefined {
  const uri = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
  if (!uri) return undefined;
  const key = String(uri);
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  if (!doc) return undefined;
  const text = doc.getText();
  return text === src || text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD') === src ? doc : undefined;
}

/**
 * Glossary tooltips in the built-in Markdown preview: the markdown-it plugin the preview gets from `activate`
 * (`extendMarkdownIt`), marking the terms the editor underlines in the same document (text that is not an open
 * document, such as `markdown.api.render` of a string, is scanned once). Open previews re-render when the
 * glossary or a setting they depend on changes.
 */
export class MarkdownPreview implements vscode.Disposable {
  private key: string;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly service: GlossaryService,
    private readonly config: () => Config,
  ) {
    this.key = previewKey(config());
    this.disposables = [service.onDidChangeGlossary(() => this.refresh())];
  }

  extendMarkdownIt<T extends MarkdownItLike>(md: T): T {
    return installPreview(md, (parsed, env) => this.terms(parsed, env), () => this.config().preview);
  }

  private terms(parsed: ParsedSource, env: unknown): PreviewTerms {
    const doc = openDocument(env, parsed.src);
    if (doc) return this.service.previewTerms(toDoc(doc));
    return this.service.previewTerms({ uri: 'llm-glossary-preview:text', version: 0, getText: () => parsed.src }, { transient: true });
  }

  /** Settings changed: re-render open previews if the preview depends on what changed. */
  configChanged(): void {
    const key = previewKey(this.config());
    if (key === this.key) return;
    this.key = key;
    this.refresh();
  }

  private refresh(): void {
    // Refreshing also drops the preview's cached tokens, which hold where each text piece is in the source.
    const markdown = vscode.extensions.getExtension('vscode.markdown-language-features');
    if (markdown && !markdown.isActive) return;
    void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, () => undefined);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
