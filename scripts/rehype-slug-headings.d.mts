// Types for the plugin module (plain .mjs so that @next/mdx can load it by path under Turbopack).
import type { Root } from 'hast';
import type { VFile } from 'vfile';

export interface HeadingEntry {
  depth: 2 | 3;
  id: string;
  text: string;
}

/** The slug rule used for heading ids: lower-case, letters/digits/hyphens, math left out by the plugin. */
export declare function slugify(text: string): string;

declare function rehypeSlugHeadings(): (tree: Root, file?: VFile) => void;
export default rehypeSlugHeadings;
