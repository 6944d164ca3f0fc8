import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { VFile } from 'vfile';
import rehypeMathjax from './rehype-mathjax.mjs';

/** Markdown → hast through the same remark/rehype steps MDX uses, then our plugin. */
async function render(markdown: string, options = {}, file = new VFile(markdown)): Promise<Root> {
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeMathjax, options);
  return processor.run(processor.parse(file), file);
}

function isElement(node: RootContent | ElementContent | Root): node is Element {
  return node.type === 'element';
}

function all(node: Root | Element, test: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (test(child)) out.push(child);
    all(child, test, out);
  }
  return out;
}

function hasClass(el: Element, cls: string): boolean {
  const c = el.properties.className;
  return Array.isArray(c) && c.includes(cls);
}

/** The glyph ids a <use> points at, in order: `(3)` is ["mjN-28", "mjN-33", "mjN-29"]. */
function glyphs(el: Element): string[] {
  return all(el, (e) => e.tagName === 'use').map((u) => String(u.properties.href).replace(/^#/, ''));
}

/** Digits drawn by an element: MathJax's TeX fonts name glyphs by code point, mjN-33 is "3". */
function digits(el: Element): string {
  return glyphs(el)
    .map((id) => /^mjN-3([0-9])$/.exec(id)?.[1] ?? '')
    .join('');
}

function html(tree: Root): string {
  return renderToStaticMarkup(toJsxRuntime(tree, { Fragment, jsx, jsxs }));
}

const ARTICLE = [
  'Forward reference: see $\\eqref{eq:five}$ and $\\ref{eq:ode}$.',
  '',
  '$$',
  '\\begin{equation}\\label{eq:ode} \\frac{dz}{dt} = f(z(t), t, \\theta) \\end{equation}',
  '$$',
  '',
  'Unnumbered: $$\\int_0^1 x\\,dx$$ in a line, and alone:',
  '',
  '$$a^2 + b^2 = c^2$$',
  '',
  '$$',
  '\\begin{align}',
  'a(t) &= \\frac{\\partial L}{\\partial z(t)} \\label{eq:adjoint} \\\\',
  '\\frac{da}{dt} &= -a^\\top \\frac{\\partial f}{\\partial z} \\\\',
  'x &= 1 \\label{eq:four}',
  '\\end{align}',
  '$$',
  '',
  '$$',
  '\\begin{equation}\\label{eq:five} \\frac{dL}{d\\theta} = -\\int_{t_1}^{t_0} a^\\top \\frac{\\partial f}{\\partial \\theta}\\,dt \\end{equation}',
  '$$',
  '',
  'Back: $\\eqref{eq:adjoint}$, inline $x^2$.',
].join('\n');

describe('rehype-mathjax', () => {
  it('numbers equations 1..n in page order, across equation and align', async () => {
    const tree = await render(ARTICLE);
    const byId = new Map(all(tree, (e) => typeof e.properties.id === 'string').map((e) => [String(e.properties.id), e]));
    // Labelled equation blocks anchor on the wrapper; align rows anchor inside the SVG.
    expect(byId.get('mjx-eqn:eq:ode')?.tagName).toBe('div');
    expect(byId.get('mjx-eqn:eq:five')?.tagName).toBe('div');
    expect(byId.has('mjx-eqn:eq:adjoint')).toBe(true);
    expect(byId.has('mjx-eqn:2')).toBe(false);
    // The unlabelled middle align row still gets a number, and an id from it.
    expect(byId.has('mjx-eqn:3')).toBe(true);
    const rowDigits = (id: string): string => {
      const el = byId.get(id);
      if (!el) throw new Error(`no element ${id}`);
      // For a block, the tag is drawn last (after the body), so take the last digit drawn.
      const d = digits(el);
      return d.slice(-1);
    };
    expect(rowDigits('mjx-eqn:eq:ode')).toBe('1');
    expect(rowDigits('mjx-eqn:eq:adjoint')).toBe('2');
    expect(rowDigits('mjx-eqn:3')).toBe('3');
    expect(rowDigits('mjx-eqn:eq:four')).toBe('4');
    expect(rowDigits('mjx-eqn:eq:five')).toBe('5');
  });

  it('resolves a forward \\eqref to the right number and links to an existing anchor', async () => {
    const tree = await render(ARTICLE);
    const links = all(tree, (e) => e.tagName === 'a');
    expect(links.map((a) => a.properties.href)).toEqual(['#mjx-eqn:eq:five', '#mjx-eqn:eq:ode', '#mjx-eqn:eq:adjoint']);
    // \eqref draws "(5)", \ref draws "1": parentheses are mjN-28 / -29.
    expect(glyphs(links[0])).toEqual(['mjN-28', 'mjN-35', 'mjN-29']);
    expect(glyphs(links[1])).toEqual(['mjN-31']);
    expect(digits(links[2])).toBe('2');
    expect(links.map((a) => a.properties.ariaLabel)).toEqual(['(5)', '1', '(2)']);
    const ids = new Set(all(tree, (e) => typeof e.properties.id === 'string').map((e) => e.properties.id));
    for (const a of links) {
      const href = String(a.properties.href);
      // Fragment-only: no path, so it works under any basePath.
      expect(href.startsWith('#')).toBe(true);
      expect(ids.has(href.slice(1))).toBe(true);
    }
  });

  it('throws on a TeX error, naming the formula and the problem', async () => {
    await expect(render('Fine $x$, broken $\\frac{a}{b} + \\foo$.')).rejects.toThrow(
      /Undefined control sequence \\foo.*|\\foo/,
    );
    await expect(render('Fine $x$, broken $\\frac{a}{b} + \\foo$.')).rejects.toThrow(/formula .*1:\d+: \$\\frac\{a\}\{b\} \+ \\foo\$/);
    await expect(render('$$\n\\frac{a}{b\n$$')).rejects.toThrow(/Missing close brace.*:1:1: \$\$\\frac\{a\}\{b\$\$/);
  });

  it('throws on a reference to an unknown label, naming it', async () => {
    await expect(render('See $\\eqref{eq:nowhere}$.\n\n$$\n\\begin{equation}\\label{eq:a} a \\end{equation}\n$$')).rejects.toThrow(
      /undefined label "eq:nowhere".*\$\\eqref\{eq:nowhere\}\$/,
    );
    await expect(render('$\\ref{missing}$')).rejects.toThrow(/undefined label "missing"/);
  });

  it('throws on a label defined twice', async () => {
    const twice = '$$\n\\begin{equation}\\label{a} x \\end{equation}\n$$\n\n$$\n\\begin{equation}\\label{a} y \\end{equation}\n$$';
    await expect(render(twice)).rejects.toThrow(/multiply defined/);
  });

  it('emits the glyph defs once, before the content, and every <use> resolves', async () => {
    const tree = await render(ARTICLE);
    const defs = all(tree, (e) => e.tagName === 'defs');
    expect(defs).toHaveLength(1);
    const hidden = tree.children.find((c): c is Element => isElement(c) && c.tagName === 'svg');
    expect(hidden?.properties.style).toBe('display:none');
    expect(hidden?.children[0]).toBe(defs[0]);
    const defined = new Set(all(defs[0], (e) => typeof e.properties.id === 'string').map((e) => String(e.properties.id)));
    const used = all(tree, (e) => e.tagName === 'use').map((u) => String(u.properties.href));
    expect(used.length).toBeGreaterThan(50);
    for (const href of used) expect(defined.has(href.slice(1)), href).toBe(true);
    // Each glyph is defined once, and only glyphs the page uses are defined.
    expect(defined.size).toBe(new Set(used).size);
  });

  it('wraps inline math in span.math-inline and display math in a focusable scrolling div', async () => {
    const tree = await render(ARTICLE);
    const inline = all(tree, (e) => hasClass(e, 'math-inline'));
    const display = all(tree, (e) => hasClass(e, 'math-display'));
    // Inline: \eqref, \ref, the in-line $$…$$, \eqref, x^2. Display: ode, alone-$$, align, five.
    expect(inline.map((e) => e.tagName)).toEqual(['span', 'span', 'span', 'span', 'span']);
    expect(display).toHaveLength(4);
    for (const d of display) {
      expect(d.tagName).toBe('div');
      expect(d.properties.tabIndex).toBe(0);
      expect(d.properties.role).toBe('group');
    }
    // No <pre>/<code> left, and display blocks are not nested inside paragraphs.
    expect(all(tree, (e) => e.tagName === 'pre' || e.tagName === 'code')).toHaveLength(0);
    for (const p of all(tree, (e) => e.tagName === 'p')) expect(all(p, (e) => hasClass(e, 'math-display'))).toHaveLength(0);
    const css = all(tree, (e) => e.tagName === 'style');
    expect(css).toHaveLength(1);
    expect(JSON.stringify(css[0].children)).toContain('overflow-x:auto');
    // A site-wide `svg { max-width: 100% }` must not shrink wide equations instead of scrolling.
    expect(JSON.stringify(css[0].children)).toContain('max-width:none');
  });

  it('labels each formula for assistive technology', async () => {
    const tree = await render(ARTICLE);
    const svgs = all(tree, (e) => hasClass(e, 'math-inline') || hasClass(e, 'math-display')).map((w) => w.children[0] as Element);
    const plain = svgs.filter((s) => s.properties.role === 'img');
    expect(plain.length).toBe(6);
    expect(plain.map((s) => s.properties.ariaLabel)).toContain('a^2 + b^2 = c^2');
    expect(plain.map((s) => s.properties.ariaLabel)).toContain('x^2');
    // Numbering commands are not read out.
    expect(plain.map((s) => s.properties.ariaLabel)).toContain('\\frac{dz}{dt} = f(z(t), t, \\theta)');
    // Reference-only formulas are groups whose links carry the label.
    const refs = svgs.filter((s) => s.properties.role === 'group');
    expect(refs).toHaveLength(3);
  });

  it('accepts macros, renders to React markup, and strips MathJax bookkeeping', async () => {
    const tree = await render('$\\R^n$ and $\\norm{x}$', { macros: { R: '\\mathbb{R}', norm: ['\\lVert #1 \\rVert', 1] } });
    const out = html(tree);
    expect(out).toContain('<span class="math-inline"><svg');
    expect(out).toContain('aria-label="\\R^n"');
    expect(out).not.toMatch(/data-c=|data-mml-node|xlink:href|xmlns|focusable="false" role/);
    expect(out).toContain('href="#mjD-211D"'); // double-struck R, from the macro
  });

  it('reports the page\'s equation table in file.data', async () => {
    const file = new VFile(ARTICLE);
    await render(ARTICLE, {}, file);
    expect(file.data.equations).toEqual({
      'eq:ode': { number: '1', id: 'mjx-eqn:eq:ode' },
      'eq:adjoint': { number: '2', id: 'mjx-eqn:eq:adjoint' },
      'eq:four': { number: '4', id: 'mjx-eqn:eq:four' },
      'eq:five': { number: '5', id: 'mjx-eqn:eq:five' },
    });
  });

  it('keeps a page of 60 inline and 8 display formulas light', async () => {
    const inline = ['z(t)', '\\theta', 'f(z(t), t, \\theta)', 'a(t) = \\partial L / \\partial z(t)', '\\frac{dL}{d\\theta}', '\\nabla_\\theta L'];
    const display = (k: number): string =>
      `\\begin{equation}\\label{eq:${k}} \\frac{dL}{d\\theta} = -\\int_{t_1}^{t_0} a(t)^\\top \\frac{\\partial f(z(t), t, \\theta)}{\\partial \\theta}\\, dt \\end{equation}`;
    let md = '';
    for (let k = 0; k < 8; k++) {
      const words = Array.from({ length: 8 }, (_, j) => k * 8 + j)
        .filter((i) => i < 60)
        .map((i) => `word $${inline[i % inline.length]}$ word`);
      md += `${words.join(' ')}\n\n$$\n${display(k)}\n$$\n\n`;
    }
    const before = html(await render(md.replace(/\$[^$\n]+\$/g, 'x').replace(/\$\$\n[^$]+\n\$\$/g, 'x')));
    const after = html(await render(md));
    const added = after.length - before.length;
    // Measured 66 KB (of which 11 KB glyph defs, sent once per page): budget with some headroom.
    expect(added).toBeGreaterThan(30_000);
    expect(added).toBeLessThan(80_000);
  });

  it('leaves a page without math untouched', async () => {
    // remark-math would read `$5 and $` as math: prose dollars must be escaped.
    const tree = await render('# Title\n\nNo math, \\$5 and \\$6 dollars.');
    expect(all(tree, (e) => e.tagName === 'svg' || e.tagName === 'style')).toHaveLength(0);
  });
});

describe('rehype-mathjax in MDX', () => {
  it('compiles through @mdx-js/mdx (no raw nodes), including math inside JSX elements', async () => {
    const { evaluate } = await import('@mdx-js/mdx');
    const runtime = await import('react/jsx-runtime');
    const { createElement } = await import('react');
    const source = [
      'export const meta = { title: "t" }',
      '',
      '<Note>Before the equation: $\\eqref{eq:ode}$.</Note>',
      '',
      '$$',
      '\\begin{equation}\\label{eq:ode} \\dot z = f(z) \\end{equation}',
      '$$',
    ].join('\n');
    const mod = await evaluate(source, { ...runtime, remarkPlugins: [remarkMath], rehypePlugins: [rehypeMathjax] });
    const Note = ({ children }: { children: unknown }) => createElement('aside', null, children as never);
    const out = renderToStaticMarkup(createElement(mod.default, { components: { Note } }));
    expect(out.indexOf('<style>')).toBe(0);
    expect(out).toMatch(/<aside>Before the equation: <span class="math-inline"><svg[^>]*><g[^>]*><a href="#mjx-eqn:eq:ode" aria-label="\(1\)">/);
    expect(out).toContain('<div class="math-display" tabindex="0" role="group" id="mjx-eqn:eq:ode">');
  });

  it('innerHtml: the same static HTML, with every SVG as one string React does not walk', async () => {
    const { compile, evaluate } = await import('@mdx-js/mdx');
    const runtime = await import('react/jsx-runtime');
    const { createElement } = await import('react');
    const source = ['export const meta = { title: "t" }', '', '<Note>See $\\eqref{eq:five}$.</Note>', '', ARTICLE].join('\n');
    const Note = ({ children }: { children: unknown }) => createElement('aside', null, children as never);
    const markup = async (innerHtml: boolean) => {
      const mod = await evaluate(source, { ...runtime, remarkPlugins: [remarkMath], rehypePlugins: [[rehypeMathjax, { innerHtml }]] });
      return renderToStaticMarkup(createElement(mod.default, { components: { Note } }));
    };
    const asJsx = await markup(false);
    const asString = await markup(true);
    expect(asString).toBe(asJsx);
    expect(asString).toContain('<svg style="display:none" aria-hidden="true"><defs>');
    expect(asString).toContain('<div class="math-display" tabindex="0" role="group" id="mjx-eqn:eq:ode">');
    // The compiled module holds the formulas as strings: no per-node jsx() calls for SVG.
    const code = String(await compile(source, { remarkPlugins: [remarkMath], rehypePlugins: [[rehypeMathjax, { innerHtml: true }]] }));
    expect(code).toContain('dangerouslySetInnerHTML');
    expect(code).not.toMatch(/_jsxs?\("(svg|g|use)"/);
  });
});
