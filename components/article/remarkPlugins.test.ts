import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import remarkHeadings from './remarkHeadings.mjs';
import remarkFootnotes from './remarkFootnotes.mjs';

async function toJs(mdx: string): Promise<string> {
  const file = await compile(mdx, { remarkPlugins: [remarkMath, remarkHeadings, remarkFootnotes], jsx: true });
  return String(file);
}

describe('remarkHeadings', () => {
  it('gives h2/h3 unique slug ids, leaves math out, and hands the h2s to <Toc />', async () => {
    const js = await toJs('<Toc />\n\n## One $x$ two\n\n### Sub part\n\n## One two\n');
    expect(js).toContain('id="one-two"');
    expect(js).toContain('id="sub-part"');
    expect(js).toContain('id="one-two-2"');
    const items = js.match(/<Toc items="([^"]*)"/)?.[1]?.replace(/&quot;/g, '"') ?? '';
    expect(JSON.parse(items)).toEqual([
      { id: 'one-two', text: 'One two', depth: 2 },
      { id: 'one-two-2', text: 'One two', depth: 2 },
    ]);
  });
});

describe('remarkFootnotes', () => {
  it('numbers footnotes in order and lists them before the bibliography', async () => {
    const js = await toJs('A<Footnote>first</Footnote> b<Footnote>second **bold**</Footnote>.\n\n<Bibliography />\n');
    expect(js).toContain('<Footnote n="1">{"first"}</Footnote>');
    expect(js).toContain('<Footnote n="2">');
    expect(js).toContain('<FootnoteItem n="2">{"second "}<_components.strong>{"bold"}</_components.strong></FootnoteItem>');
    expect(js.indexOf('<FootnoteList>')).toBeLessThan(js.indexOf('<Bibliography />'));
  });
});
