// Server-rendered markup of Figure 7: the table skeleton (every entry's row, "…" in every cell, no
// timing text), the controls, and no data-ready (the runs start after hydration).
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultObs } from '@/components/widgets/shared/presets';
import { gradcheckSchema } from './model';
import { GradCheck } from './GradCheck';

describe('GradCheck, server-rendered', () => {
  const html = renderToStaticMarkup(h(GradCheck, { initial: gradcheckSchema.parse({ preset: 'seed', param: 3 }) }));

  it('has the root, both precision tables with 82 θ rows, the selected parameter highlighted, the stats table', () => {
    expect(html).toContain('data-widget="gradcheck"');
    expect(html).toContain('data-precision-table="float64"');
    expect(html).toContain('data-precision-table="float32"');
    expect(html.match(/data-value="adjoint-float64\[θ\d+\]"/g)).toHaveLength(82);
    expect(html).toContain('data-value="reldiff-adjoint-backprop-float64"');
    expect(html).toContain('data-value="reldiff-float32-float64-adjoint"');
    expect(html).toMatch(/data-row="3" class="[^"]+" data-selected=""/);
    expect(html).toContain('data-value="nfe-adjoint-float32"');
    expect(html).toContain('W₁[0,3]');
    // The max-difference strip: an empty log axis until the runs arrive (same size then).
    expect(html).toContain('<svg');
    expect(html.match(/data-strip="reldiff-/g)).toHaveLength(9);
  });

  it('is a skeleton: no numbers, no timing, not ready', () => {
    expect(html).not.toContain('data-ready');
    expect(html).not.toMatch(/data-value="time-[^"]+" data-number/);
    expect(html).not.toMatch(/data-value="adjoint-float64\[θ0\]" data-number/);
    expect(html).toMatch(/data-value="time-adjoint-float64"[^>]*>…</);
  });

  it('the group and precision settings apply; hidden controls are not rendered', () => {
    const t = renderToStaticMarkup(h(GradCheck, { initial: gradcheckSchema.parse({ preset: 'linear', group: 't', precision: 'float64' }), hidden: ['preset', 'run'] }));
    expect(t).not.toContain('data-precision-table="float32"');
    expect(t.match(/data-value="fd-float64\[t\d\]"/g)).toHaveLength(defaultObs('linear').length);
    expect(t).not.toContain('>Problem<');
    expect(t).not.toContain('>Run<');
    expect(t).toContain('>Gradient<');
  });
});
