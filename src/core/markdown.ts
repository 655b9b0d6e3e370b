import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The one Markdown parser: CommonMark + GFM (tables, footnotes, autolinks) + YAML/TOML front matter + math. */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkMath);

/** Parses Markdown to mdast with positions. A leading byte-order mark is not part of the document. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}
