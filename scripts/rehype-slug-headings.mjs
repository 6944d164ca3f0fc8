// Rehype plugin: gives every h2/h3 a stable slug id, so the table of contents and shared links can
// point at sections. No extra package: the slug rule is a few lines and must stay predictable.
//
// Wiring (with Turbopack, plugins are named by absolute path, see STACK.md):
//   rehypePlugins: [path.join(process.cwd(), 'scripts/rehype-slug-headings.mjs'), …]
//
// Math in a heading is left out of its slug ("The adjoint $a(t)$" → "the-adjoint"), so the slug is
// the same whether this runs before or after rehype-mathjax. An id already set is kept. Repeated
// slugs get "-1", "-2"… in document order. The headings found are left in `file.data.headings`
// ({ depth, id, text }) for anyone who wants an outline of the page, and every MDX `<Toc />` element
// of the page receives the same list as a JSON string prop, `headings`, so the table of contents
// needs no second parse of the article: `JSON.parse(headings)`.

/** Lower-case; letters, digits and hyphens only; words joined by single hyphens. */
export function slugify(text) {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents: "Pontryagin’s" and "Pontrjágin" read alike
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/[\s-]+/g, '-');
}

const HEADINGS = new Set(['h2', 'h3']);

export default function rehypeSlugHeadings() {
  return (tree, file) => {
    const taken = new Set();
    const headings = [];
    // Ids already on the page win: collect them first so generated slugs never collide.
    walk(tree, (el) => {
      if (typeof el.properties?.id === 'string') taken.add(el.properties.id);
    });
    walk(tree, (el) => {
      if (!HEADINGS.has(el.tagName)) return;
      const text = plainText(el).replace(/\s+/g, ' ').trim();
      let id = el.properties.id;
      if (typeof id !== 'string') {
        const base = slugify(text) || 'section';
        id = base;
        for (let n = 1; taken.has(id); n++) id = `${base}-${n}`;
        taken.add(id);
        el.properties.id = id;
      }
      headings.push({ depth: Number(el.tagName.slice(1)), id, text });
    });
    if (file) file.data.headings = headings;
    // MDX JSX props must be strings or estree expressions; a JSON string is the simple one.
    const json = JSON.stringify(headings);
    walkAll(tree, (node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Toc') {
        node.attributes = node.attributes.filter((a) => a.name !== 'headings');
        node.attributes.push({ type: 'mdxJsxAttribute', name: 'headings', value: json });
      }
    });
  };
}

/** Visits every hast element, including those inside MDX JSX elements. */
function walk(node, fn) {
  if (node.type === 'element') fn(node);
  for (const child of node.children ?? []) walk(child, fn);
}

function walkAll(node, fn) {
  fn(node);
  for (const child of node.children ?? []) walkAll(child, fn);
}

function isMath(el) {
  const cls = el.properties?.className;
  return el.tagName === 'svg' || (Array.isArray(cls) && (cls.includes('math-inline') || cls.includes('math-display')));
}

function plainText(node) {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && isMath(node)) return '';
  return (node.children ?? []).map(plainText).join('');
}
