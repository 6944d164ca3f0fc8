// Remark plugin: numbers each `<Footnote>` in document order (attribute `n`) and gathers the
// footnote texts into one `<FootnoteList>` — where `<Footnotes />` stands, else before
// `<Bibliography />`, else at the end of the document. Build-time numbering keeps server rendering order out of the question.

function visit(node, fn, parent) {
  fn(node, parent);
  for (const child of node.children ?? []) visit(child, fn, node);
}

const isJsx = (node, name) =>
  (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === name;

export default function remarkFootnotes() {
  return (tree) => {
    const notes = [];
    let slot = null;
    visit(tree, (node, parent) => {
      if (isJsx(node, 'Footnote')) {
        const n = notes.length + 1;
        node.attributes = node.attributes.filter((a) => a.name !== 'n');
        node.attributes.push({ type: 'mdxJsxAttribute', name: 'n', value: String(n) });
        notes.push(structuredClone(node.children));
        // The hover card sits inside a paragraph: block children (<p>) there would be invalid
        // HTML, and the browser's repair would break hydration. Keep their inline content.
        node.children = node.children.flatMap((c, i) =>
          c.type === 'paragraph' ? [...(i > 0 ? [{ type: 'text', value: ' ' }] : []), ...c.children] : [c],
        );
      } else if (isJsx(node, 'Footnotes') && parent) {
        slot = node;
      }
    });
    if (notes.length === 0) return;
    const list = {
      type: 'mdxJsxFlowElement',
      name: 'FootnoteList',
      attributes: [],
      children: notes.map((children, i) => ({
        type: 'mdxJsxFlowElement',
        name: 'FootnoteItem',
        attributes: [{ type: 'mdxJsxAttribute', name: 'n', value: String(i + 1) }],
        // A copy taken before flattening: the same content appears in the hover card and in the list.
        children,
      })),
    };
    if (slot) {
      Object.assign(slot, list);
      return;
    }
    // No explicit slot: just before the bibliography (appendix order), else at the very end.
    const bib = tree.children.findIndex((c) => isJsx(c, 'Bibliography'));
    if (bib >= 0) tree.children.splice(bib, 0, list);
    else tree.children.push(list);
  };
}
