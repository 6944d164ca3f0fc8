// Types for the plain-JS remark plugin (plain .mjs so that @next/mdx can load it by path under Turbopack).
import type { Root } from 'mdast';
declare function plugin(): (tree: Root) => void;
export default plugin;
