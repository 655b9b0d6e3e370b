/** Escapes text so that Markdown renders it literally: no links, emphasis, HTML or command URIs survive. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&$:]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** Escapes a table cell: pipes and line breaks would break the row. */
export function escapeTableCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

/** The first sentence of a definition (Chinese or English), for one-line summaries. */
export function firstSentence(text: string): string {
  const zh = text.indexOf('。');
  const en = text.search(/\.(\s|$)/);
  const cut = [zh, en].filter((i) => i >= 0).sort((a, b) => a - b)[0];
  return cut === undefined ? text : text.slice(0, cut + 1);
}

/**
 * Escapes text for a printed Markdown document with fewer backslashes than {@link escapeMarkdown}: the inline
 * syntax characters anywhere, and `-`, `+`, `#`, `>`, `=`, `|` or a list number only where a line starts with them.
 * No link, emphasis, HTML or math survives.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>&~$|]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(/^(\s*)([-+#=]|\d+(?=[.)]))/gm, (_, space: string, m: string) => (/\d/.test(m) ? `${space}${m}\\` : `${space}\\${m}`));
}
