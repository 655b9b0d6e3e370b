// Heading anchors as GitHub renders them (VS Code's Markdown preview makes the same ones for ordinary headings).
import type { Heading } from '../scanner';

/** A heading's anchor: lower case, anything but letters, marks, digits, `_`, `-` and spaces dropped, spaces → `-`. */
export function slugOf(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** The anchor of every heading of a note, by 1-based line; repeated slugs get `-1`, `-2`, … as GitHub does. */
export function headingSlugs(headings: readonly Heading[]): Map<number, string> {
  const seen = new Map<string, number>();
  const out = new Map<number, string>();
  for (const h of headings) {
    const base = slugOf(h.title);
    let slug = base;
    let n = seen.get(base) ?? 0;
    while (seen.has(slug)) slug = `${base}-${++n}`;
    seen.set(base, n);
    seen.set(slug, seen.get(slug) ?? 0);
    out.set(h.line, slug);
  }
  return out;
}

/** Encodes the characters that would break a Markdown link destination or a URL path (keeps other text readable). */
export function encodeHref(path: string): string {
  return path.replace(/[\s()<>#?%[\]\\^`{|}"]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Splits a URI string into its scheme and authority, and its decoded path segments. */
function splitUri(uri: string): { root: string; segments: string[] } {
  const m = /^([a-z][a-z0-9+.-]*:(?:\/\/[^/]*)?)(.*)$/i.exec(uri);
  const root = m ? m[1] : '';
  const path = (m ? m[2] : uri).replace(/[?#].*$/, '');
  return { root, segments: path.split('/').map((s) => safeDecode(s)) };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A relative link from a file (URI) to another file (URI); the target itself when they share no root. */
export function relativeHref(fromFile: string, to: string): string {
  const a = splitUri(fromFile);
  const b = splitUri(to);
  if (a.root.toLowerCase() !== b.root.toLowerCase()) return to;
  const dir = a.segments.slice(0, -1);
  let i = 0;
  while (i < dir.length && i < b.segments.length - 1 && dir[i] === b.segments[i]) i++;
  const up = dir.slice(i).map(() => '..');
  return encodeHref([...up, ...b.segments.slice(i)].join('/'));
}

/** A note's name relative to a folder (URI), or its path when it is outside the folder. */
export function relativeName(folder: string | undefined, uri: string): string {
  const b = splitUri(uri);
  if (folder) {
    const f = splitUri(folder.replace(/\/+$/, ''));
    const inside = f.root.toLowerCase() === b.root.toLowerCase() && f.segments.every((s, i) => b.segments[i] === s) && b.segments.length > f.segments.length;
    if (inside) return b.segments.slice(f.segments.length).join('/');
  }
  return b.segments.join('/').replace(/^\/+/, '') || uri;
}
