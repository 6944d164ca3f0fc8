// Rehype plugin: renders every formula of a page to SVG at build time with mathjax-full.
//
// Why not rehype-mathjax: it typesets each formula in isolation, so forward \eqref shows "(??)",
// TeX errors only warn, and fontCache 'global' emits <use> without the glyph <defs>. Here ONE
// MathJax document serves the whole page (one hast tree): equation numbers, labels and the glyph
// cache are shared, and any TeX error or unknown label throws, which fails `next build`.
//
// Wiring (Turbopack needs serialisable options, hence an absolute path string, see STACK.md;
// @next/mdx resolves relative paths from the MDX file's folder, so make it absolute):
//   rehypePlugins: [[path.join(__dirname, 'scripts/rehype-mathjax.mjs'), {}]]
// Options: { macros?: { name: 'TeX' | ['TeX with #1', 1] }, css?: boolean, innerHtml?: boolean }. The module's
// default export is the plugin because @next/mdx's loader takes a plugin module's default.
// Turbopack caches compiled MDX across builds without tracking this file: after changing it,
// delete `.next` before building.
//
// Input: what remark-math 6 + remark-rehype emit, `code.math-inline` and `pre > code.math-display`
// (older `span.math-inline` / `div.math-display` also accepted). remark-math 6 parses `$$x$$`
// written inside a line as INLINE math; a paragraph holding nothing but one such formula is
// rendered as display math, since that is what the author meant.
//
// Output (no `raw` nodes: MDX cannot carry them):
//   <style>MATH_CSS</style><svg style="display:none" aria-hidden="true"><defs>glyphs</defs></svg>
//     once per page, before the content: every <use href="#mj…"> points into it;
//   <span class="math-inline"><svg role="img" aria-label="TeX source" …></span>
//   <div class="math-display" tabindex="0" role="group" [id="mjx-eqn:LABEL"]><svg …></div>
//     (tabindex: a keyboard user can scroll a wide equation; the div scrolls sideways).
// Equation anchors keep MathJax's ids, `mjx-eqn:` + label (or + number when unlabelled); \eqref
// and \ref become `<a href="#mjx-eqn:LABEL">`: fragment-only, so it works under any basePath.
//
// innerHtml (what the site uses): each wrapper, and the glyph-defs <svg>, becomes an MDX JSX
// element whose SVG is ONE string, `dangerouslySetInnerHTML={{ __html }}`, rendered here by React
// itself, so the page's HTML is the same markup. Why: as JSX, a page's ~3,000 SVG nodes were
// parsed from the RSC payload and hydrated node by node in one task (measured ~70-90 ms of the
// article's first-load long task); as strings, React neither builds nor walks them.
//
// Accessibility: each formula's <svg> carries role="img" and aria-label = its TeX source (without
// \label/\tag). Chosen over assistive MathML (mjx-assistive-mml), which adds a second tree per
// formula, counted twice (HTML and RSC payload): measured ~16 KB of MathML against ~3 KB of
// labels for a page of 68 formulas.
// A formula holding links (\eqref) is role="group" instead, so its links stay reachable, and
// each link is labelled with the number it shows, e.g. "(3)".
import { createRequire } from 'node:module';
import { fromHtml } from 'hast-util-from-html';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';

// mathjax-full is CommonJS without export maps for named ESM imports: load it with require.
const require = createRequire(import.meta.url);
const { mathjax } = require('mathjax-full/js/mathjax.js');
const { TeX } = require('mathjax-full/js/input/tex.js');
const { SVG } = require('mathjax-full/js/output/svg.js');
const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js');
const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js');
const { STATE } = require('mathjax-full/js/core/MathItem.js');
const { Configuration } = require('mathjax-full/js/input/tex/Configuration.js');
const { CommandMap } = require('mathjax-full/js/input/tex/SymbolMap.js');
const TexError = require('mathjax-full/js/input/tex/TexError.js').default;
const ParseUtil = require('mathjax-full/js/input/tex/ParseUtil.js').default;
require('mathjax-full/js/input/tex/base/BaseConfiguration.js');
require('mathjax-full/js/input/tex/ams/AmsConfiguration.js');
require('mathjax-full/js/input/tex/newcommand/NewcommandConfiguration.js');
require('mathjax-full/js/input/tex/configmacros/ConfigMacrosConfiguration.js');

const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);

/** Per TeX input jax: the label table of the first pass, and whether unknown labels are fatal yet. */
const refState = new WeakMap();

/** Thrown from inside MathJax; caught around each formula and re-thrown with its context. */
class FormulaProblem extends Error {}

// \ref and \eqref, as in MathJax's base/ams packages, but resolved against the labels of the whole
// page (collected by the first pass) and fatal on an unknown label instead of printing "(??)".
function handleRef(parser, name, eqref) {
  const label = parser.GetArgument(name);
  const tags = parser.tags;
  const state = refState.get(tags);
  const ref = tags.allLabels[label] ?? tags.labels[label] ?? state?.labels[label];
  if (!ref) {
    if (state?.final) {
      throw new TexError('UnknownLabel', 'Reference to an undefined label "%1"', label);
    }
    // First pass: the label may be defined further down the page. Render a placeholder.
    parser.Push(parser.create('node', 'mrow', ParseUtil.internalMath(parser, '??'), {}));
    return;
  }
  const text = eqref ? tags.formatTag(ref.tag) : ref.tag;
  parser.Push(
    parser.create('node', 'mrow', ParseUtil.internalMath(parser, text), {
      href: '#' + ref.id,
      'aria-label': text,
    }),
  );
}

new CommandMap('strictref-macros', { ref: ['HandleRef', false], eqref: ['HandleRef', true] }, { HandleRef: handleRef });
// Priority 1 (default 5): looked up before base's \ref and ams's \eqref.
Configuration.create('strictref', { handler: { macro: ['strictref-macros'] }, priority: 1 });

/**
 * @typedef {object} RehypeMathjaxOptions
 * @property {Record<string, string | [string, number]>} [macros] TeX macros for every formula, e.g. { R: '\\mathbb{R}' }.
 * @property {boolean} [css] Emit the small <style> for the wrappers once per page (default true).
 */

/**
 * CSS the output needs; the site may move it to its stylesheet and pass `css: false`.
 * Nested <svg> of tables and equation labels draw outside their 1-unit viewBox and glyphs may
 * overhang the box: overflow visible, as in MathJax's own stylesheet. Glyphs take the text colour.
 * max-width none: a site-wide `svg { max-width: 100% }` would shrink a wide equation instead of
 * letting its container scroll.
 */
export const MATH_CSS =
  '.math-inline svg,.math-display svg{overflow:visible;max-width:none}' +
  '.math-inline>svg,.math-display>svg{fill:currentColor;stroke:currentColor;stroke-width:0}' +
  '.math-display{display:block;overflow-x:auto;overflow-y:hidden;text-align:center;margin:1em 0;padding:.25em 0}' +
  '.math-display:focus-visible{outline:2px solid currentColor;outline-offset:2px}' +
  '.math-inline svg a,.math-display svg a{fill:var(--link-color,#1a5fb4);stroke:var(--link-color,#1a5fb4)}' +
  '.math-display:target{background:var(--target-bg,#fff6bf)}';

/**
 * @param {RehypeMathjaxOptions} [options]
 */
export default function rehypeMathjax(options = {}) {
  const { macros = {}, css = true, innerHtml = false } = options;
  return (tree, file) => {
    const formulas = collectFormulas(tree);
    if (formulas.length === 0) return;
    const rendered = typesetPage(formulas, macros, file);
    // For tests and tools: label → { number, id } of every numbered, labelled equation.
    if (file?.data) file.data.equations = rendered.equations;
    for (const f of formulas) {
      const node = rendered.nodes.get(f);
      replaceNode(f.parent, f.target, innerHtml ? asInnerHtml(node, f.display ? 'mdxJsxFlowElement' : 'mdxJsxTextElement') : node);
    }
    const head = [innerHtml ? asInnerHtml(rendered.defs, 'mdxJsxFlowElement') : rendered.defs];
    if (css) head.unshift({ type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: MATH_CSS }] });
    // After leading ESM (`export const meta`), before any content.
    let at = 0;
    while (at < tree.children.length && tree.children[at].type === 'mdxjsEsm') at++;
    tree.children.splice(at, 0, ...head);
  };
}

/**
 * The hast element `el` as an MDX JSX element of the same tag and attributes whose children are
 * one HTML string (React's own serialisation of them, so the static HTML does not change).
 * @param {'mdxJsxFlowElement' | 'mdxJsxTextElement'} type
 */
function asInnerHtml(el, type) {
  const html = renderToStaticMarkup(toJsxRuntime({ type: 'root', children: el.children }, { Fragment, jsx, jsxs }));
  /** @type {object[]} */
  const attributes = [];
  for (const [key, value] of Object.entries(el.properties)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') attributes.push(jsxAttribute('className', Array.isArray(value) ? value.join(' ') : String(value)));
    else if (key === 'style') attributes.push(jsxExpressionAttribute('style', styleObject(String(value))));
    else if (key.startsWith('aria') && key.length > 4) attributes.push(jsxAttribute('aria-' + key.slice(4).toLowerCase(), String(value)));
    else attributes.push(jsxAttribute(key, String(value)));
  }
  attributes.push(jsxExpressionAttribute('dangerouslySetInnerHTML', { __html: html }));
  return { type, name: el.tagName, attributes, children: [] };
}

function jsxAttribute(name, value) {
  return { type: 'mdxJsxAttribute', name, value };
}

/** An attribute whose value is a plain object (of strings) as a JSX expression. */
function jsxExpressionAttribute(name, object) {
  const expression = {
    type: 'ObjectExpression',
    properties: Object.entries(object).map(([k, v]) => ({
      type: 'Property',
      key: { type: 'Identifier', name: k },
      value: { type: 'Literal', value: v },
      kind: 'init',
      computed: false,
      method: false,
      shorthand: false,
    })),
  };
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: '',
      data: { estree: { type: 'Program', sourceType: 'module', comments: [], body: [{ type: 'ExpressionStatement', expression }] } },
    },
  };
}

/** `display:none` → { display: 'none' } (React wants style as an object). */
function styleObject(css) {
  const out = {};
  for (const decl of css.split(';')) {
    const at = decl.indexOf(':');
    if (at < 0) continue;
    const prop = decl.slice(0, at).trim().replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    out[prop] = decl.slice(at + 1).trim();
  }
  return out;
}

/**
 * @typedef {object} Formula
 * @property {string} tex
 * @property {boolean} display
 * @property {object} parent element whose child `target` is replaced by the rendering
 * @property {object} target
 * @property {object} node the element holding the TeX (for positions in error messages)
 */

/** Finds all formulas in document order, with the node each one's rendering replaces. */
function collectFormulas(tree) {
  /** @type {Formula[]} */
  const found = [];
  const walk = (parent) => {
    if (!parent.children) return;
    for (const child of parent.children) {
      if (child.type !== 'element') {
        walk(child); // MDX JSX elements (<Note>…) hold hast children too
        continue;
      }
      const kind = mathKind(child);
      if (kind === 'display') {
        found.push({ tex: textOf(child), display: true, parent, target: child, node: child });
        continue;
      }
      if (kind === 'inline') {
        found.push({ tex: textOf(child), display: false, parent, target: child, node: child });
        continue;
      }
      // remark-rehype: display math is <pre><code class="language-math math-display">.
      if (child.tagName === 'pre') {
        const code = onlyElementChild(child);
        if (code && mathKind(code) === 'display') {
          found.push({ tex: textOf(code), display: true, parent, target: child, node: code });
          continue;
        }
      }
      // `$$x$$` within a line is inline math to remark-math 6; alone in a paragraph it means display.
      if (child.tagName === 'p') {
        const only = onlyElementChild(child);
        if (only && mathKind(only) === 'inline' && isDoubleDollar(only)) {
          found.push({ tex: textOf(only), display: true, parent, target: child, node: only });
          continue;
        }
      }
      walk(child);
    }
  };
  walk(tree);
  return found;
}

/** @returns {'inline' | 'display' | null} */
function mathKind(el) {
  const cls = el.properties?.className;
  if (!Array.isArray(cls)) return null;
  if (cls.includes('math-display')) return 'display';
  if (cls.includes('math-inline')) return 'inline';
  return null;
}

/** The single element child of `el`, if `el` holds only it (and whitespace). */
function onlyElementChild(el) {
  const kids = el.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return kids.length === 1 && kids[0].type === 'element' ? kids[0] : null;
}

// mdast-util-math does not record the number of dollars, but positions span the source text:
// `$$x$$` is 4 characters longer than its TeX, `$x$` only 2. Without positions, assume display.
function isDoubleDollar(code) {
  const start = code.position?.start?.offset;
  const end = code.position?.end?.offset;
  if (start === undefined || end === undefined) return true;
  return end - start - textOf(code).length >= 4;
}

function textOf(node) {
  if (node.type === 'text') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

function replaceNode(parent, target, replacement) {
  const i = parent.children.indexOf(target);
  parent.children[i] = replacement;
}

/** Where a formula sits, for error messages: `file:line:column` and its TeX. */
function describe(formula, file) {
  const pos = (formula.node.position ?? formula.target.position)?.start;
  const where = [file?.path ?? 'page', pos ? `${pos.line}:${pos.column}` : ''].filter(Boolean).join(':');
  const delim = formula.display ? '$$' : '$';
  const tex = formula.tex.length > 120 ? formula.tex.slice(0, 117) + '...' : formula.tex;
  return `${where}: ${delim}${tex}${delim}`;
}

function fail(formula, file, problem) {
  return new Error(`rehype-mathjax: ${problem} in formula ${describe(formula, file)}`);
}

/**
 * Typesets all formulas of one page in one MathJax document, in two passes: the first compiles
 * every formula to register all labels (so forward references resolve), the second, after
 * resetting equation numbers, renders SVG with the full label table.
 * @param {Formula[]} formulas
 */
function typesetPage(formulas, macros, file) {
  const tex = new TeX({
    packages: ['base', 'ams', 'newcommand', 'configmacros', 'strictref'],
    tags: 'ams',
    macros,
    // MathJax would render the error in red and carry on; we want the build to fail.
    formatError: (_jax, err) => {
      throw new FormulaProblem(err.message);
    },
  });
  const svg = new SVG({ fontCache: 'global' });
  const doc = mathjax.document('', { InputJax: tex, OutputJax: svg });
  const tags = tex.parseOptions.tags;
  const state = { final: false, labels: {} };
  refState.set(tags, state);

  const run = (f, end) => {
    try {
      return doc.convert(f.tex, { display: f.display, end });
    } catch (err) {
      if (err instanceof FormulaProblem) throw fail(f, file, `TeX error "${err.message}"`);
      throw fail(f, file, `MathJax failure "${err instanceof Error ? err.message : String(err)}"`);
    }
  };

  for (const f of formulas) run(f, STATE.COMPILED);
  state.labels = { ...tags.allLabels };
  const equations = Object.fromEntries(Object.entries(state.labels).map(([k, v]) => [k, { number: v.tag, id: v.id }]));
  tags.reset();
  state.final = true;

  /** @type {Map<Formula, object>} */
  const nodes = new Map();
  const ids = new Set();
  const links = [];
  for (const f of formulas) {
    const container = run(f, STATE.LAST);
    const svgNode = adaptor.firstChild(container);
    const hast = fromHtml(adaptor.outerHTML(svgNode), { fragment: true }).children[0];
    const info = cleanSvg(hast);
    for (const id of info.ids) {
      if (ids.has(id)) throw fail(f, file, `duplicate equation id "${id}"`);
      ids.add(id);
    }
    for (const href of info.hrefs) links.push({ f, href });
    nodes.set(f, wrap(f, hast, info));
  }
  // Every in-page link must land on an equation of this page (a \tag'd or numbered one).
  for (const { f, href } of links) {
    if (href.startsWith('#') && !ids.has(href.slice(1))) throw fail(f, file, `link "${href}" to an equation that is not on this page`);
  }

  const defs = fromHtml(adaptor.outerHTML(svg.fontCache.getCache()), { fragment: true, space: 'svg' }).children[0];
  stripAttributes(defs);
  const defsSvg = {
    type: 'element',
    tagName: 'svg',
    properties: { style: 'display:none', ariaHidden: 'true' },
    children: [defs],
  };
  return { nodes, defs: defsSvg, equations };
}

// The TeX read to assistive tech: numbering commands say nothing about the formula itself.
function spokenTex(tex) {
  return tex
    .replace(/\\(?:label|tag\*?)\s*\{[^}]*\}|\\(?:nonumber|notag)\b|\\(?:begin|end)\{equation\*?\}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Wraps one formula's <svg> in its inline or display container, and labels it. */
function wrap(f, svgEl, info) {
  const label = spokenTex(f.tex);
  if (info.hrefs.length > 0) {
    svgEl.properties.role = 'group';
    // A formula that is nothing but references is read through its labelled links alone.
    if (label.replace(/\\(?:eq)?ref\s*\{[^}]*\}/g, '').trim() !== '') svgEl.properties.ariaLabel = label;
  } else {
    svgEl.properties.role = 'img';
    svgEl.properties.ariaLabel = label;
  }
  if (!f.display) {
    return { type: 'element', tagName: 'span', properties: { className: ['math-inline'] }, children: [svgEl] };
  }
  const props = { className: ['math-display'], tabIndex: 0, role: 'group' };
  // One numbered equation: anchor the whole block (a reliable scroll target, styled by :target).
  // Several (align): each row keeps its own anchor inside the SVG.
  if (info.idNodes.length === 1) {
    props.id = info.ids[0];
    delete info.idNodes[0].properties.id;
  }
  return { type: 'element', tagName: 'div', properties: props, children: [svgEl] };
}

// Attributes MathJax writes for its own scripts and stylesheet, or for XML serialisation; inline
// SVG in HTML needs none of them, and each costs bytes twice (HTML and RSC payload).
const DROP = new Set(['dataC', 'dataMmlNode', 'dataMjxTexclass', 'dataSemanticType', 'dataTable', 'dataLabels', 'dataIdbox', 'dataIdAlign', 'dataHitbox', 'dataFrame', 'dataLine', 'dataBackground', 'focusable', 'xmlns', 'xmlnsXLink', 'className']);

/**
 * Cleans MathJax's SVG in place: `xlink:href` becomes `href`, MathJax's stylesheet rules become
 * presentation attributes (so no MathJax CSS is needed), bookkeeping attributes go.
 * @returns {{ ids: string[], idNodes: object[], hrefs: string[] }}
 */
function cleanSvg(root) {
  const info = { ids: [], idNodes: [], hrefs: [] };
  const visit = (el, isRoot) => {
    const p = el.properties;
    if (p.xLinkHref !== undefined) {
      p.href = p.xLinkHref;
      delete p.xLinkHref;
    }
    if (el.tagName === 'use') shortenUse(p);
    // The same paint on every formula's outer <g>: said once in MATH_CSS instead (~60 bytes each).
    if (el.tagName === 'g' && p.fill === 'currentColor' && p.stroke === 'currentColor' && String(p.strokeWidth) === '0') {
      delete p.fill;
      delete p.stroke;
      delete p.strokeWidth;
    }
    // MathJax CSS: table rules and frames.
    if ((el.tagName === 'line' && p.dataLine !== undefined) || (el.tagName === 'rect' && p.dataFrame !== undefined)) {
      p.strokeWidth = 70;
      p.fill = 'none';
    }
    const cls = Array.isArray(p.className) ? p.className : [];
    if (cls.includes('mjx-dashed')) p.strokeDasharray = '140';
    if (cls.includes('mjx-dotted')) {
      p.strokeLinecap = 'round';
      p.strokeDasharray = '0,140';
    }
    if (el.tagName === 'a' && typeof p.href === 'string') info.hrefs.push(p.href);
    if (typeof p.id === 'string' && !isRoot) {
      info.ids.push(p.id);
      info.idNodes.push(el);
    }
    for (const key of Object.keys(p)) if (DROP.has(key)) delete p[key];
    for (const child of el.children) if (child.type === 'element') visit(child, false);
  };
  visit(root, true);
  flattenBareGroups(root);
  // The link's label sits on MathJax's inner <g>; move it to the <a>, where assistive tech looks.
  for (const a of findAll(root, 'a')) {
    const g = a.children.find((c) => c.type === 'element' && c.properties.ariaLabel !== undefined);
    if (g) {
      a.properties.ariaLabel = g.properties.ariaLabel;
      delete g.properties.ariaLabel;
    }
  }
  return info;
}

// Without MathJax's data attributes many <g> carry nothing: they group for MathJax's own layout
// bookkeeping only. Splice their children into the parent; drop the empty ones.
function flattenBareGroups(el) {
  const out = [];
  for (const child of el.children) {
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    flattenBareGroups(child);
    const keys = Object.keys(child.properties);
    if (child.tagName === 'g' && keys.length === 0) {
      out.push(...child.children);
      continue;
    }
    // <g transform><use/></g>, the shape of most glyphs: the transform can sit on the <use>.
    const only = child.children.length === 1 ? child.children[0] : null;
    if (
      child.tagName === 'g' &&
      keys.length === 1 &&
      keys[0] === 'transform' &&
      only?.type === 'element' &&
      only.tagName === 'use' &&
      only.properties.transform === undefined
    ) {
      only.properties = { transform: child.properties.transform, ...only.properties };
      shortenUse(only.properties);
      out.push(only);
      continue;
    }
    out.push(child);
  }
  el.children = out;
}

// Glyph ids are content-addressed (font variant + code point), so the shorter form stays unique
// and identical glyphs from two MathJax documents on one HTML page still agree.
function glyphId(id) {
  return id.replace(/^MJX-TEX-/, 'mj');
}

// Most glyphs sit at a plain translate: `x`/`y` say the same in a third of the bytes.
function shortenUse(p) {
  if (typeof p.href === 'string') p.href = '#' + glyphId(p.href.slice(1));
  const m = typeof p.transform === 'string' ? /^translate\((-?[\d.]+),\s*(-?[\d.]+)\)$/.exec(p.transform) : null;
  if (!m) return;
  delete p.transform;
  if (Number(m[1]) !== 0) p.x = m[1];
  if (Number(m[2]) !== 0) p.y = m[2];
}

function stripAttributes(el) {
  if (typeof el.properties.id === 'string') el.properties.id = glyphId(el.properties.id);
  for (const key of Object.keys(el.properties)) if (DROP.has(key)) delete el.properties[key];
  for (const child of el.children) if (child.type === 'element') stripAttributes(child);
}

function findAll(el, tagName, out = []) {
  if (el.type !== 'element') return out;
  if (el.tagName === tagName) out.push(el);
  for (const child of el.children) findAll(child, tagName, out);
  return out;
}
