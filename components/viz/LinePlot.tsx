'use client';
// Several series against a shared x (time, usually): lines with optional sample markers, a vertical
// rule at the current x (τ), labelled vertical markers (observation times), and the area between one
// series and 0 over an x-range, shaded by sign (the integral ∫ a·∂f/∂θ dt).
//
//   <LinePlot width={w} height={h} title="Sensitivity a(t)" xLabel="t" yLabel="a"
//     series={[{ id: 'a0', label: 'a₁(t)', x: t, y: a0 }, { id: 'a1', label: 'a₂(t)', x: t, y: a1 }]}
//     currentX={tau} events={[{ x: 1, label: 't₁' }]} area={{ series: 'a0', from: tau, to: 2 }} />
//
// Extra marks go in `children`, a function of the plot's scales: {({ x, y }) => <circle cx={x(1)} … />}.
import { useId, useMemo, type ReactNode } from 'react';
import { line as d3line, area as d3area } from 'd3-shape';
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import { Axis } from './Axis';
import { ChartSvg, DEFAULT_MARGIN, innerBox, type Margin } from './Chart';
import { finiteExtent, linearScale, logScale, extentPositive } from './scales';
import { clipToRange, r2 } from './geometry';
import { categoricalVar } from './theme';
import { formatNumber } from './format';

export interface Series {
  id: string;
  /** Legend text and accessible name, e.g. "z₁(t)". */
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** CSS colour; default the series' categorical colour by position. */
  color?: string;
  /** SVG dash array, e.g. "4 3" (a second channel besides colour). */
  dash?: string;
  /** Dots at the samples (skipped above 300 samples). */
  markers?: boolean;
  strokeWidth?: number;
}

export interface XEvent {
  x: number;
  /** e.g. "t₁" */
  label?: string;
}

export interface ShadedArea {
  /** id of the series whose area to 0 is shaded. */
  series: string;
  from: number;
  to: number;
  /** Accessible name, e.g. "∫ a·∂f/∂θ dt from τ to t₁". */
  label?: string;
}

export interface PlotScales {
  x: ScaleLinear<number, number> | ScaleLogarithmic<number, number>;
  y: ScaleLinear<number, number> | ScaleLogarithmic<number, number>;
  box: { x0: number; x1: number; y0: number; y1: number };
}

export interface LinePlotProps {
  width: number;
  height: number;
  title: string;
  series: readonly Series[];
  xLabel?: string;
  yLabel?: string;
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
  yLog?: boolean;
  margin?: Margin;
  currentX?: number;
  currentLabel?: string;
  events?: readonly XEvent[];
  area?: ShadedArea;
  /** Show the legend (default: when there is more than one series). */
  legend?: boolean;
  grid?: boolean;
  description?: string;
  children?: (scales: PlotScales) => ReactNode;
}

export function LinePlot(props: LinePlotProps) {
  const { width, height, title, series, xLabel, yLabel, yLog = false, margin = DEFAULT_MARGIN, currentX, currentLabel, events = [], area, grid = true, description, children } = props;
  const clipId = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const legendOn = props.legend ?? series.length > 1;
  // The legend gets its own strip above the plot so it never covers data.
  const box = innerBox(width, height, legendOn ? { ...margin, top: margin.top + 22 } : margin);
  const { x, y } = useMemo(() => {
    const xd = props.xDomain ?? finiteExtent(series.flatMap((s) => Array.from(s.x)));
    const ys = series.flatMap((s) => Array.from(s.y));
    if (yLog) return { x: linearScale(xd, [box.x0, box.x1], { nice: false }), y: logScale(props.yDomain ?? extentPositive(ys), [box.y1, box.y0]) };
    const yd = props.yDomain ?? finiteExtent(area ? [...ys, 0] : ys);
    return { x: linearScale(xd, [box.x0, box.x1], { nice: false }), y: linearScale(yd, [box.y1, box.y0]) };
  }, [series, props.xDomain, props.yDomain, yLog, area, box.x0, box.x1, box.y0, box.y1]);

  const paths = useMemo(
    () =>
      series.map((s) => {
        const idx = Array.from({ length: Math.min(s.x.length, s.y.length) }, (_, i) => i);
        const gen = d3line<number>()
          .defined((i) => Number.isFinite(s.x[i]) && Number.isFinite(s.y[i]) && (!yLog || s.y[i] > 0))
          .x((i) => x(s.x[i]))
          .y((i) => y(s.y[i]));
        return gen.digits(1)(idx) ?? '';
      }),
    [series, x, y, yLog],
  );

  const areaPaths = useMemo(() => {
    if (!area) return null;
    const s = series.find((c) => c.id === area.series);
    if (!s) return null;
    const c = clipToRange(s.x, s.y, area.from, area.to);
    const idx = c.x.map((_, i) => i);
    const y0 = y(0);
    return d3area<number>().x((i) => x(c.x[i])).y0(y0).y1((i) => y(c.y[i]))(idx) ?? '';
  }, [area, series, x, y]);

  const y0px = Math.min(box.y1, Math.max(box.y0, y(0)));
  const fmtX = (v: number) => formatNumber(v);

  return (
    <ChartSvg width={width} height={height} title={title} description={description}>
      <defs>
        <clipPath id={`${clipId}-plot`}><rect x={box.x0} y={box.y0} width={box.x1 - box.x0} height={box.y1 - box.y0} /></clipPath>
        <clipPath id={`${clipId}-pos`}><rect x={box.x0} y={box.y0} width={box.x1 - box.x0} height={Math.max(0, y0px - box.y0)} /></clipPath>
        <clipPath id={`${clipId}-neg`}><rect x={box.x0} y={y0px} width={box.x1 - box.x0} height={Math.max(0, box.y1 - y0px)} /></clipPath>
      </defs>
      <Axis orient="bottom" scale={x} y={box.y1} label={xLabel} grid={grid ? box.y1 - box.y0 : 0} />
      <Axis orient="left" scale={y} x={box.x0} label={yLabel} log={yLog} grid={grid ? box.x1 - box.x0 : 0} />
      {areaPaths && area && (
        <g aria-label={area.label ?? `area between ${area.series} and 0 from ${fmtX(Math.min(area.from, area.to))} to ${fmtX(Math.max(area.from, area.to))}`}>
          <title>{area.label ?? 'shaded area'}</title>
          <path className="viz-area-pos" d={areaPaths} clipPath={`url(#${clipId}-pos)`} />
          <path className="viz-area-neg" d={areaPaths} clipPath={`url(#${clipId}-neg)`} />
        </g>
      )}
      {events.length > 0 && (
        <g aria-label="markers">
          {events.map((e, i) => (
            <g key={`${e.x}-${i}`} transform={`translate(${r2(x(e.x))},0)`} aria-label={e.label ? `${e.label} at ${fmtX(e.x)}` : `marker at ${fmtX(e.x)}`}>
              <line className="viz-marker-line" y1={box.y0} y2={box.y1} />
              {e.label && <text className="viz-marker-label" y={box.y0 - 4} textAnchor="middle">{e.label}</text>}
            </g>
          ))}
        </g>
      )}
      <g clipPath={`url(#${clipId}-plot)`}>
        {series.map((s, k) => {
          const color = s.color ?? categoricalVar(k);
          const n = Math.min(s.x.length, s.y.length);
          return (
            <g key={s.id} aria-label={s.label} data-series={s.id}>
              <title>{s.label}</title>
              <path className="viz-line" d={paths[k]} style={{ stroke: color, strokeDasharray: s.dash, strokeWidth: s.strokeWidth }} />
              {s.markers && n <= 300 &&
                Array.from({ length: n }, (_, i) =>
                  Number.isFinite(s.y[i]) ? <circle key={i} className="viz-point" cx={r2(x(s.x[i]))} cy={r2(y(s.y[i]))} r={3} style={{ fill: color }} /> : null,
                )}
            </g>
          );
        })}
      </g>
      {currentX !== undefined && Number.isFinite(currentX) && (
        <g aria-label={`${currentLabel ?? 'current'}: ${fmtX(currentX)}`} transform={`translate(${r2(x(currentX))},0)`}>
          <line className="viz-rule" y1={box.y0} y2={box.y1} />
          {currentLabel && <text className="viz-rule-label" y={box.y1 - 4} dx={4}>{currentLabel}</text>}
        </g>
      )}
      {legendOn && <Legend x={box.x0} y={margin.top} items={series.map((s, k) => ({ label: s.label, color: s.color ?? categoricalVar(k), dash: s.dash }))} />}
      {children?.({ x, y, box })}
    </ChartSvg>
  );
}

export interface LegendItem {
  label: string;
  color: string;
  dash?: string;
}

/** One-row SVG legend (line swatch + label); items flow left to right. */
export function Legend({ x, y, items }: { x: number; y: number; items: readonly LegendItem[] }) {
  let cx = 0;
  return (
    <g className="viz-legend" transform={`translate(${x},${y})`} aria-label="legend">
      {items.map((it) => {
        const at = cx;
        cx += 30 + it.label.length * 7 + 12; // estimated text width: the server cannot measure text
        return (
          <g key={it.label} transform={`translate(${at},0)`}>
            <line x1={0} x2={22} className="viz-line" style={{ stroke: it.color, strokeDasharray: it.dash }} />
            <text x={28} dy="0.32em">{it.label}</text>
          </g>
        );
      })}
    </g>
  );
}
