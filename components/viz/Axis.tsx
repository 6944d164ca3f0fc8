// Bottom or left axis drawn by React from a d3 scale: domain line, ticks, tick labels through the
// site's formatNumber, an axis label, and optional grid lines across the plot.
//
//   <Axis orient="bottom" scale={x} y={y1} label="t" grid={y1 - y0} />
//   <Axis orient="left" scale={y} x={x0} label="error" log />
import type { ContinuousScale } from './scales';
import { linearTicks, logTicks } from './scales';
import { formatNumber, formatPower } from './format';

export interface AxisProps {
  orient: 'bottom' | 'left';
  scale: ContinuousScale;
  /** Position of the axis line: y for a bottom axis, x for a left axis (viewBox units). */
  x?: number;
  y?: number;
  label?: string;
  /** Explicit tick values; default: nice linear ticks, or powers of ten with `log`. */
  ticks?: readonly number[];
  tickCount?: number;
  /** Tick label formatter; default formatNumber (formatPower on log axes). */
  format?: (value: number) => string;
  log?: boolean;
  /** Length of grid lines drawn from each tick into the plot (0 = none). */
  grid?: number;
  tickSize?: number;
}

export function Axis({ orient, scale, x = 0, y = 0, label, ticks, tickCount, format, log = false, grid = 0, tickSize = 5 }: AxisProps) {
  const fmt = format ?? (log ? formatPower : formatNumber);
  const domain = scale.domain();
  const range = scale.range();
  const values = ticks ?? (log ? logTicks(domain) : linearTicks(domain, tickCount ?? (orient === 'bottom' ? 6 : 5)));
  const r0 = Math.min(range[0], range[range.length - 1]);
  const r1 = Math.max(range[0], range[range.length - 1]);
  const name = `${orient === 'bottom' ? 'x' : 'y'} axis${label ? `: ${label}` : ''}`;
  if (orient === 'bottom') {
    return (
      <g className="viz-axis" transform={`translate(0,${y})`} aria-label={name}>
        {grid > 0 && (
          <g className="viz-grid" aria-hidden="true">
            {values.map((v) => <line key={v} x1={round(scale(v))} x2={round(scale(v))} y1={0} y2={-grid} />)}
          </g>
        )}
        <path className="viz-domain" d={`M${r0},0H${r1}`} />
        {values.map((v) => (
          <g key={v} className="viz-tick" transform={`translate(${round(scale(v))},0)`}>
            <line y2={tickSize} />
            <text y={tickSize + 3} dy="0.71em" textAnchor="middle">{fmt(v)}</text>
          </g>
        ))}
        {label && <text className="viz-axis-label" x={(r0 + r1) / 2} y={tickSize + 32} textAnchor="middle">{label}</text>}
      </g>
    );
  }
  return (
    <g className="viz-axis" transform={`translate(${x},0)`} aria-label={name}>
      {grid > 0 && (
        <g className="viz-grid" aria-hidden="true">
          {values.map((v) => <line key={v} y1={round(scale(v))} y2={round(scale(v))} x1={0} x2={grid} />)}
        </g>
      )}
      <path className="viz-domain" d={`M0,${r0}V${r1}`} />
      {values.map((v) => (
        <g key={v} className="viz-tick" transform={`translate(0,${round(scale(v))})`}>
          <line x2={-tickSize} />
          <text x={-tickSize - 3} dy="0.32em" textAnchor="end">{fmt(v)}</text>
        </g>
      ))}
      {label && (
        <text className="viz-axis-label" transform={`translate(${-tickSize - 40},${(r0 + r1) / 2}) rotate(-90)`} textAnchor="middle">
          {label}
        </text>
      )}
    </g>
  );
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
