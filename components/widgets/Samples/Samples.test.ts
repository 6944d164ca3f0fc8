// Server-rendered markup of Figure 1 (renderToStaticMarkup, no DOM): what the page's HTML holds
// before any script runs. The numbers must be the model's, formatted by the site's formatter.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseFormatted } from '@/components/viz/format';
import seed from '@/tests/reference/seed-four-samples.json';
import { Samples } from './Samples';

const value = (html: string, name: string): string | undefined =>
  new RegExp(`data-value="${name}"[^>]*>([^<]*)<`).exec(html)?.[1];

describe('Samples, server-rendered', () => {
  const html = renderToStaticMarkup(h(Samples, {}));

  it('has the widget root, the phase plane and both time plots as SVG', () => {
    expect(html).toContain('data-widget="samples"');
    expect(html.match(/<svg/g)?.length).toBe(3);
    expect(html).toContain('data-trajectory="truth"');
    expect(html).toContain('data-trajectory="pred"');
    expect(html).toContain('aria-roledescription="draggable point"');
    // Three error segments in the plane and three in each time plot.
    expect(html.match(/class="viz-segment"/g)?.length).toBe(9);
  });

  it('shows the reference loss and predictions, z0 and the counters', () => {
    expect(parseFormatted(value(html, 'loss') ?? '')).toBeCloseTo(seed.expected.loss, 2);
    expect(value(html, 'step-count')).toBe('0');
    expect(value(html, 'seed')).toBe('0');
    expect(value(html, 'z0-x')).toBe('2');
    expect(value(html, 'z0-y')).toBe('0');
    for (let i = 1; i <= 3; i++) {
      expect(parseFormatted(value(html, `zhat-${i}-x`) ?? '')).toBeCloseTo(seed.expected.zhat[i][0][0], 3);
      expect(parseFormatted(value(html, `z${i}-y`) ?? '')).toBeCloseTo(seed.targets[i][0][1], 3);
    }
  });

  it('takes its state from props and hides controls', () => {
    const embed = renderToStaticMarkup(h(Samples, { initial: { z0: [1, -1], seed: 3 }, hidden: ['train'] }));
    expect(value(embed, 'z0-x')).toBe('1');
    expect(value(embed, 'seed')).toBe('3');
    expect(embed).not.toContain('data-control="train"');
    expect(embed).toContain('data-control="step"');
  });

  it('compact: the phase plane, the loss and the step button only', () => {
    const mini = renderToStaticMarkup(h(Samples, { compact: true }));
    expect(mini.match(/<svg/g)?.length).toBe(1);
    expect(mini).toContain('data-value="loss"');
    expect(mini).toContain('data-control="step"');
    expect(mini).not.toContain('data-control="train"');
    expect(mini.length).toBeLessThan(html.length);
  });
});
