// Server-rendered markup of the viz components with fixed inputs (renderToStaticMarkup, no DOM):
// what a reader's browser receives before hydration.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { Heatmap } from './Heatmap';
import { ColorLegend } from './ColorLegend';
import { LinePlot } from './LinePlot';
import { PhasePlane } from './PhasePlane';
import { LogLogPlot } from './LogLogPlot';
import { Arrow } from './Arrow';
import { Axis } from './Axis';
import { Tooltip } from './Tooltip';
import { LiveRegion } from './LiveRegion';
import { linearScale } from './scales';
import { NEUTRAL } from './colors';

const cellFills = (html: string) => [...html.matchAll(/<rect class="viz-cell"[^>]*?fill="([^"]*)"/g)].map((m) => m[1]);
const attrs = (html: string, tag: string, attr: string) =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*?\\s${attr}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('Heatmap of a fixed 2×2 matrix', () => {
  const html = renderToStaticMarkup(
    h(Heatmap, { width: 200, height: 120, title: 'J', name: 'J', values: [[1, -2], [0, 2]], rowLabels: ['f₁', 'f₂'], colLabels: ['z₁', 'z₂'], legend: 'entry' }),
  );
  const cells = [...html.matchAll(/<g[^>]*role="gridcell"[^>]*>/g)].map((m) => m[0]);
  test('four cells with names, raw numbers, labels and colours', () => {
    expect(cells).toHaveLength(4);
    expect(attrs(html, 'g', 'data-value')).toEqual(['J[0,0]', 'J[0,1]', 'J[1,0]', 'J[1,1]']);
    expect(attrs(html, 'g', 'data-number')).toEqual(['1', '-2', '0', '2']);
    expect(attrs(html, 'g', 'aria-label').filter((a) => a.includes(':') && a.startsWith('f'))).toEqual([
      'f₁, z₁: 1', 'f₁, z₂: −2', 'f₂, z₁: 0', 'f₂, z₂: 2',
    ]);
    // symmetric domain [−2, 2]: 0 is neutral, ±2 the ends of PuOr, 1 half-way to orange
    expect(cellFills(html)).toEqual(['#ee9d3d', '#2d004b', NEUTRAL, '#7f3b08']);
  });
  test('roving tabindex: exactly one cell in the tab order', () => {
    expect(attrs(html, 'g', 'tabindex')).toEqual(['0', '-1', '-1', '-1']);
  });
  test('grid semantics, headers, values printed with contrasting text, legend', () => {
    expect(html).toContain('role="grid"');
    expect(html).toContain('aria-rowcount="2"');
    expect(html).toMatch(/role="rowheader"[^>]*>f₁</);
    expect(html).toMatch(/role="columnheader"[^>]*>z₂</);
    expect(html).toContain('style="fill:#ffffff" aria-hidden="true">−2</text>');
    expect(html).toContain('style="fill:#000000" aria-hidden="true">0</text>');
    expect(html).toContain('Colour scale for entry');
    expect(html).toContain('viewBox="0 0 200 120"');
  });
  test('column groups and a fixed colour domain', () => {
    const g = renderToStaticMarkup(
      h(Heatmap, { width: 300, height: 80, title: 'dθ', values: [[1, 1, 1]], maxAbs: 4, colGroups: [{ label: 'layer 1 W', start: 0, end: 2 }, { label: 'layer 1 b', start: 2, end: 3 }], legend: false }),
    );
    expect(g).toContain('layer 1 W: columns 1 to 2');
    expect(g).toContain('row 1, layer 1 b column 3: 1');
    expect(g).not.toContain('Colour scale');
    expect(cellFills(g)[0]).toBe(cellFills(g)[2]);
    expect(cellFills(g)[0]).toBe('#fdd5a0'); // 1 on a fixed [−4, 4] domain: t = 0.625, a pale orange
  });
});

describe('ColorLegend', () => {
  test('gradient from purple through neutral to orange, ticks −m, 0, m', () => {
    const html = renderToStaticMarkup(h(ColorLegend, { maxAbs: 0.5 }));
    const stops = attrs(html, 'stop', 'stop-color');
    expect(stops).toHaveLength(11);
    expect(stops[0]).toBe('#2d004b');
    expect(stops[5]).toBe(NEUTRAL);
    expect(stops[10]).toBe('#7f3b08');
    expect(html).toContain('>−0.5</text>');
    expect(html).toContain('>0.5</text>');
  });
});

describe('LinePlot', () => {
  const t = [0, 1, 2, 3];
  const html = renderToStaticMarkup(
    h(LinePlot, {
      width: 400, height: 250, title: 'a(t)', xLabel: 't', yLabel: 'a',
      series: [{ id: 'a', label: 'a₁', x: t, y: [1, -1, 2, 0], markers: true }, { id: 'b', label: 'a₂', x: t, y: [0, 0, 1, 1], dash: '4 3' }],
      currentX: 1.5, currentLabel: 'τ', events: [{ x: 1, label: 't₁' }, { x: 3, label: 't₂' }],
      area: { series: 'a', from: 0.5, to: 2, label: 'integral from 0.5 to 2' },
    }),
  );
  test('series, legend, rule, markers, area, axes', () => {
    expect(html).toContain('role="img" aria-label="a(t)"');
    expect(html).toContain('<title>a(t)</title>');
    expect(html.match(/class="viz-line"/g)?.length).toBe(4); // 2 series + 2 legend swatches
    expect(html).toContain('data-series="a"');
    expect(html.match(/<circle class="viz-point"/g)?.length).toBe(4);
    expect(html).toContain('aria-label="τ: 1.5"');
    expect(html).toContain('aria-label="t₁ at 1"');
    expect(html).toContain('>t₂</text>');
    expect(html).toContain('aria-label="integral from 0.5 to 2"');
    expect(html).toContain('class="viz-area-pos"');
    expect(html).toContain('aria-label="x axis: t"');
    expect(html).toContain('>−1</text>');
    expect(html).toContain('stroke-dasharray:4 3');
  });
  test('the server markup is deterministic', () => {
    const again = renderToStaticMarkup(
      h(LinePlot, { width: 400, height: 250, title: 'x', series: [{ id: 'a', label: 'a', x: t, y: [1, 2, 3, 4] }] }),
    );
    expect(again).toBe(renderToStaticMarkup(h(LinePlot, { width: 400, height: 250, title: 'x', series: [{ id: 'a', label: 'a', x: t, y: [1, 2, 3, 4] }] })));
    expect(again).toMatch(/d="M56,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+L384,[\d.]+"/);
  });
});

describe('PhasePlane', () => {
  const html = renderToStaticMarkup(
    h(PhasePlane, {
      width: 400, height: 400, title: 'phase plane',
      trajectories: [{ id: 'z', label: 'z(t)', x: [0, 1], y: [0, 1] }],
      points: [{ id: 'z0', x: 0, y: 0, label: 'z₀' }, { id: 'zh', x: 1, y: 1, label: 'ẑ₁', hollow: true }],
      segments: [{ id: 'e', x1: 1, y1: 1, x2: 1, y2: 0.5, label: 'error at t₁' }],
      arrows: [{ id: 'a', x: 1, y: 1, dx: -0.5, dy: 0, label: 'a(t₁)' }],
      drag: { x: 0, y: 0, label: 'z₀', onChange: () => {} },
    }),
  );
  test('marks carry names; the draggable point is keyboard-focusable', () => {
    expect(html).toContain('role="group" aria-label="phase plane"');
    expect(html).toContain('aria-label="z₀ at (0, 0)"');
    expect(html).toContain('aria-label="ẑ₁ at (1, 1)"');
    expect(html).toContain('aria-label="error at t₁"');
    expect(html).toContain('<title>a(t₁)</title>');
    expect(html).toMatch(/tabindex="0" role="button" aria-roledescription="draggable point" aria-label="z₀ at \(0, 0\)\. Drag/);
    expect(html).toContain('r="22"'); // 44 px touch target
  });
});

describe('LogLogPlot', () => {
  test('fits and labels the slope', () => {
    const hs = [0.1, 0.05, 0.025];
    const html = renderToStaticMarkup(
      h(LogLogPlot, { width: 400, height: 300, title: 'convergence', xLabel: 'h', yLabel: 'error', series: [{ id: 'rk4', label: 'RK4', x: hs, y: hs.map((v) => 2 * v ** 4) }] }),
    );
    expect(html).toContain('slope 4.00');
    expect(Number(attrs(html, 'g', 'data-slope')[0])).toBeCloseTo(4, 10);
    expect(html).toContain('<title>RK4: h = 0.1, error = 2×10⁻⁴</title>');
    expect(html).toContain('>10⁻²</text>');
  });
});

describe('small pieces', () => {
  test('Arrow: head and title; nothing for zero length', () => {
    const a = renderToStaticMarkup(h(Arrow, { x1: 0, y1: 0, x2: 40, y2: 0, label: 's' }));
    expect(a).toContain('<title>s</title>');
    expect(a).toContain('d="M40,0L32,4L32,-4Z"');
    expect(renderToStaticMarkup(h(Arrow, { x1: 1, y1: 1, x2: 1, y2: 1 }))).toBe('');
  });
  test('Axis: ticks formatted by formatNumber', () => {
    const html = renderToStaticMarkup(h('svg', null, h(Axis, { orient: 'left', scale: linearScale([-1, 1], [100, 0]), label: 'a' })));
    expect(html).toContain('>−1</text>');
    expect(html).toContain('aria-label="y axis: a"');
  });
  test('Tooltip placement in percentages; LiveRegion is polite', () => {
    expect(renderToStaticMarkup(h(Tooltip, { x: 50, y: 50, viewWidth: 100, viewHeight: 100, children: 'v' }))).toContain('left:50.00%;top:50.00%');
    expect(renderToStaticMarkup(h(LiveRegion, { message: 'τ = 1' }))).toBe('<div role="status" aria-live="polite" aria-atomic="true" class="viz-sr-only">τ = 1</div>');
  });
});
