// Server-rendered markup of Figure 3 (renderToStaticMarkup, no DOM): the page's HTML already holds
// both heatmaps, their labelled rows/columns, the legend and ds/dt, with the model's numbers.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { jacobianAt } from './model';
import { problemTrace } from './problemTrace';
import { Jacobian } from './Jacobian';

const num = (html: string, name: string): number => {
  const m = new RegExp(`data-value="${name.replace(/[[\]]/g, '\\$&')}"[^>]*data-number="([^"]*)"`).exec(html);
  return m ? Number(m[1]) : Number.NaN;
};

describe('Jacobian, server-rendered', () => {
  const initial = { preset: 'seed' as const, tau: 1.5, obs: '', param: 3 };
  const html = renderToStaticMarkup(h(Jacobian, { initial }));
  const at = jacobianAt(problemTrace('seed', [0, 1, 2, 3]), 1.5);

  it('has the root, two heatmap grids with legends, row and column headers', () => {
    expect(html).toContain('data-widget="jacobian"');
    expect(html).toContain('data-heatmap="jz"');
    expect(html).toContain('data-heatmap="jtheta"');
    expect(html.match(/role="grid"/g)?.length).toBe(2);
    expect(html.match(/viz-color-legend/g)?.length).toBe(2);
    expect(html).toContain('role="rowheader"');
    expect(html).toContain('role="columnheader"');
    expect(html).toContain('W₁');
    expect(html).toContain('b₂');
  });

  it('shows the model’s numbers: every ∂f/∂z cell, ∂f/∂θ cells, ds/dt, the cell readout', () => {
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(num(html, `jz[${i},${j}]`)).toBe(at.jz[i * 2 + j]);
    expect(num(html, 'jtheta[1,40]')).toBe(at.jtheta[82 + 40]);
    expect(num(html, 'dsdt-0')).toBe(at.dsdt[0]);
    expect(num(html, 'dsdt-1')).toBe(at.dsdt[1]);
    expect(num(html, 'cell')).toBe(at.jz[0]);
    expect(num(html, 'tau')).toBe(1.5);
    expect(html).toContain('data-value="param"');
    expect(html).toContain('W₁[0,3]');
  });

  it('hides controls an embed asks to hide; compact drops ∂f/∂θ', () => {
    const hiddenHtml = renderToStaticMarkup(h(Jacobian, { initial, hidden: ['preset', 'time'] }));
    expect(hiddenHtml).not.toContain('data-control="scrubber"');
    expect(html).toContain('data-control="scrubber"');
    const small = renderToStaticMarkup(h(Jacobian, { compact: true }));
    expect(small).toContain('data-heatmap="jz"');
    expect(small).not.toContain('data-heatmap="jtheta"');
  });
});
