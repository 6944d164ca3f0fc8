// Remark plugin: gives every h2/h3 a stable id (slug of its text) and hands the list of h2s to
// each `<Toc />` in the same document as a JSON string attribute `items`.
// Done at build time so the table of contents is in the static HTML (no layout shift, no JS).
// Formulas in a heading are left out of its slug and its TOC label (their TeX is not prose).
import { slugify } from './slug.mjs';

/** Text of an mdast node without inline math. */
function plainText(node) {
  if (node.type === 'inlineMath' || node.type === 'math') return '';
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(plainText).join('');
}

function visit(node, fn) {
  fn(node);
  for (const child of node.children ?? []) visit(child, fn);
}

export default function remarkHeadings() {
  return (tree) => {
    const used = new Map();
    /** @type {{ id: string, text: string, depth: number }[]} */
    const items = [];
    visit(tree, (node) => {
      if (node.type !== 'heading' || (node.depth !== 2 && node.depth !== 3)) return;
      const text = plainText(node).replace(/\s+/g, ' ').trim();
      const base = slugify(text) || 'section';
      const seen = used.get(base) ?? 0;
      used.set(base, seen + 1);
      const id = seen === 0 ? base : `${base}-${seen + 1}`;
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
      items.push({ id, text, depth: node.depth });
    });
    const json = JSON.stringify(items.filter((i) => i.depth === 2));
    visit(tree, (node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Toc') {
        node.attributes = node.attributes.filter((a) => a.name !== 'items');
        node.attributes.push({ type: 'mdxJsxAttribute', name: 'items', value: json });
      }
    });
  };
}
