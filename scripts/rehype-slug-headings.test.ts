import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import type { Element, Root } from 'hast';
import { VFile } from 'vfile';
import rehypeSlugHeadings, { slugify } from './rehype-slug-headings.mjs';
import rehypeMathjax from './rehype-mathjax.mjs';

function headings(tree: Root): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  const walk = (node: Root | Element): void => {
    for (const c of node.children) {
      if (c.type !== 'element') continue;
      if (/^h[1-6]$/.test(c.tagName)) out.push([c.tagName, c.properties.id]);
      walk(c);
    }
  };
  walk(tree);
  return out;
}

const DOC = [
  '# Title',
  '## The adjoint $a(t) = \\partial L / \\partial z$',
  '### Pontrjágin’s maximum principle',
  '## Why not backprop?',
  '## Why not backprop?',
  '## 2. Results & costs',
  '#### Deep',
].join('\n\n');

describe('rehype-slug-headings', () => {
  it('slugifies text predictably', () => {
    expect(slugify('Why not backprop?')).toBe('why-not-backprop');
    expect(slugify('  2. Results & costs ')).toBe('2-results-costs');
    expect(slugify('Pontrjágin’s principle')).toBe('pontrjagins-principle');
  });

  it('ids h2/h3 only, leaves math out, de-duplicates, and the same before or after rehype-mathjax', async () => {
    for (const order of ['slug-first', 'math-first'] as const) {
      const p =
        order === 'slug-first'
          ? unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeSlugHeadings).use(rehypeMathjax)
          : unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeMathjax).use(rehypeSlugHeadings);
      const file = new VFile(DOC);
      const tree = await p.run(p.parse(file), file);
      expect(headings(tree)).toEqual([
        ['h1', undefined],
        ['h2', 'the-adjoint'],
        ['h3', 'pontrjagins-maximum-principle'],
        ['h2', 'why-not-backprop'],
        ['h2', 'why-not-backprop-1'],
        ['h2', '2-results-costs'],
        ['h4', undefined],
      ]);
      expect(file.data.headings).toEqual([
        { depth: 2, id: 'the-adjoint', text: 'The adjoint' },
        { depth: 3, id: 'pontrjagins-maximum-principle', text: 'Pontrjágin’s maximum principle' },
        { depth: 2, id: 'why-not-backprop', text: 'Why not backprop?' },
        { depth: 2, id: 'why-not-backprop-1', text: 'Why not backprop?' },
        { depth: 2, id: '2-results-costs', text: '2. Results & costs' },
      ]);
    }
  });
});

describe('rehype-slug-headings in MDX', () => {
  it('hands the outline to <Toc /> as a JSON string prop', async () => {
    const { evaluate } = await import('@mdx-js/mdx');
    const runtime = await import('react/jsx-runtime');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { createElement } = await import('react');
    const source = '<Toc />\n\n## First part\n\n### A detail\n\n## Second $x$ part';
    const mod = await evaluate(source, { ...runtime, remarkPlugins: [remarkMath], rehypePlugins: [rehypeSlugHeadings, rehypeMathjax] });
    const Toc = ({ headings }: { headings: string }) => {
      const list = JSON.parse(headings) as Array<{ depth: number; id: string; text: string }>;
      return createElement('ol', null, ...list.filter((h) => h.depth === 2).map((h) => createElement('li', { key: h.id }, `${h.id}|${h.text}`)));
    };
    const out = renderToStaticMarkup(createElement(mod.default, { components: { Toc } }));
    expect(out).toContain('<ol><li>first-part|First part</li><li>second-part|Second part</li></ol>');
    expect(out).toContain('<h2 id="second-part">Second <span class="math-inline"><svg');
  });
});
