// Types for the plugin module (plain .mjs so that @next/mdx can load it by path under Turbopack).
import type { Root } from 'hast';
import type { VFile } from 'vfile';

export interface RehypeMathjaxOptions {
  /** TeX macros available in every formula, e.g. `{ R: '\\mathbb{R}' }` or `{ d: ['\\mathrm{d}#1', 1] }`. */
  macros?: Record<string, string | [string, number]>;
  /** Emit the wrappers' small <style> once per page (default true). */
  css?: boolean;
  /** Emit each formula as an MDX JSX element holding its SVG as one HTML string
   * (dangerouslySetInnerHTML), so React neither parses nor hydrates the SVG nodes (default false). */
  innerHtml?: boolean;
}

/** Left in `file.data.equations` by the plugin: every labelled, numbered equation of the page. */
export type EquationTable = Record<string, { number: string; id: string }>;

/** CSS the rendered math needs (emitted once per page unless `css: false`). */
export declare const MATH_CSS: string;

declare function rehypeMathjax(options?: RehypeMathjaxOptions): (tree: Root, file?: VFile) => void;
export default rehypeMathjax;
