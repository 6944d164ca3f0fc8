// Server-rendered markup of Figure 5: the layer stack, both plots (with the three fitted lines) and
// every readout are in the HTML, with the numbers the model computes.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultObs } from '@/components/widgets/shared/presets';
import { analysisFor, currentFor } from './model';
import { EulerLimit } from './EulerLimit';

const num = (html: string, name: string): number => {
  const m = new RegExp(`data-value="${name}"[^>]*data-number="([^"]*)"`).exec(html);
  return m ? Number(m[1]) : Number.NaN;
};

describe('EulerLimit, server-rendered', () => {
  it('N = 10 Euler on the spiral: 10 blocks, s dots, three fitted lines, readouts = model', () => {
    const html = renderToStaticMarkup(h(EulerLimit, { initial: { preset: 'spiral', obs: '', n: 10, method: 'euler' } }));
    const a = analysisFor('spiral', defaultObs('spiral'));
    const c = currentFor(a, 'euler', 10);
    expect(html).toContain('data-widget="euler-limit"');
    expect(html).toContain('data-blocks="10"');
    expect(html.match(/data-layer="/g)?.length).toBe(10);
    expect(html).toContain('data-dots="11"');
    for (const m of ['euler', 'midpoint', 'rk4']) expect(html).toMatch(new RegExp(`data-series="${m}" data-slope="[0-9.]+"`));
    expect(html).toContain('data-value="slope-euler"');
    expect(num(html, 'n')).toBe(10);
    expect(num(html, 'error')).toBe(c.error);
    expect(num(html, 'memory-backprop')).toBe(160);
    expect(num(html, 'memory-adjoint')).toBe(a.ref.adjointBytes);
    expect(html).toContain('data-control="slider"');
  });

  it('N = 500 rk4: a compressed band; hidden controls are not rendered', () => {
    const html = renderToStaticMarkup(h(EulerLimit, { initial: { preset: 'oscillator', obs: '', n: 500, method: 'rk4' }, hidden: ['preset', 'method'] }));
    expect(html).toContain('data-blocks="0"');
    expect(html).toContain('500 layers');
    expect(num(html, 'memory-backprop')).toBe(500 * 4 * 2 * 8);
    expect(html).not.toContain('>Problem<');
    expect(html).not.toContain('>Block<');
  });
});
