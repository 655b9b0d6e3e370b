import * as fs from 'node:fs';
import * as path from 'node:path';

/** Markdown file endings the CLI reads. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];

/**
 * Expands the PATH arguments: a file is taken as given; a folder yields every Markdown file inside it,
 * recursively, in sorted order, skipping `node_modules` and dot folders. Paths that do not exist are returned in
 * `missing`.
 */
export function expandPaths(args: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      missing.push(dir);
      return;
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of names) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (d.name.startsWith('.') || d.name === 'node_modules') continue;
        walk(p);
      } else if ((d.isFile() || d.isSymbolicLink()) && MARKDOWN_EXTENSIONS.includes(path.extname(d.name).toLowerCase())) {
        files.push(p);
      }
    }
  };
  for (const a of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(a);
    } catch {
      missing.push(a);
      continue;
    }
    if (st.isDirectory()) walk(a);
    else files.push(a);
  }
  return { files, missing };
}
