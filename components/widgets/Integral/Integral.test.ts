// Server-rendered markup of Figure 6: the integrand plot with its shaded area, the running value and
// the adjoint's final gradient are in the HTML; backprop and fd arrive after hydration ("…" before).
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { problemTrace } from '@/components/widgets/Jacobian/problemTrace';
import { finalGrad, runningAt } from './model';
import { Integral } from './Integral';

const num = (html: string, name: string): number => {
  const m = new RegExp(`data-value="${name}"[^>]*data-number="([^"]*)"`).exec(html);
  return m ? Number(m[1]) : Number.NaN;
};

describe('Integral, server-rendered', () => {
  const html = renderToStaticMarkup(h(Integral, { initial: { preset: 'seed', tau: 1.25, obs: '', param: 5 } }));
  const pt = problemTrace('seed', [0, 1, 2, 3]);

  it('has the root, the plot with a shaded area, the τ rule and observation markers', () => {
    expect(html).toContain('data-widget="integral"');
    expect(html).toContain('<svg');
    expect(html).toContain('class="viz-area-pos"');
    expect(html).toContain('class="viz-rule"');
    expect(html.match(/class="viz-marker-line"/g)?.length).toBe(4);
    expect(html).toContain('data-control="scrubber"');
    expect(html).toContain('W₁[0,5]');
  });

  it('shows the running value at τ and the adjoint’s dL/dθ_j; backprop and fd wait for the client', () => {
    expect(num(html, 'running')).toBe(runningAt(pt, 1.25, 5));
    expect(num(html, 'final')).toBe(finalGrad(pt, 5));
    expect(html).toMatch(/data-value="backprop"[^>]*>…</);
    expect(html).toMatch(/data-value="fd"[^>]*>…</);
  });

  it('an out-of-range shared parameter falls back to θ₀; hidden controls are not rendered', () => {
    const other = renderToStaticMarkup(h(Integral, { initial: { preset: 'oscillator', tau: 0, obs: '', param: 50 }, hidden: ['param', 'preset'] }));
    expect(other).toContain('data-param="0"');
    expect(other).not.toContain('Parameter θ');
    expect(other).toContain('data-control="scrubber"');
  });
});
