// Legend for the diverging scale: a gradient bar from −m to +m with ticks (−m, 0, +m by default).
//
//   <ColorLegend maxAbs={s.maxAbs} label="∂f/∂z entry" />
import { useId } from 'react';
import { divergingScale } from './colors';
import { formatNumber } from './format';
import './viz.css';

export interface ColorLegendProps {
  maxAbs: number;
  label?: string;
  /** Layout width in px (viewBox). Default 240. */
  width?: number;
  ticks?: readonly number[];
  format?: (value: number) => string;
}

export function ColorLegend({ maxAbs, label, width = 240, ticks, format = formatNumber }: ColorLegendProps) {
  const id = `viz-legend-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const s = divergingScale(maxAbs);
  const m = s.maxAbs;
  const values = ticks ?? [-m, 0, m];
  const pad = 16;
  const barW = width - 2 * pad;
  const top = label ? 18 : 4;
  const height = top + 12 + 22;
  const xOf = (v: number) => pad + ((v + m) / (2 * m)) * barW;
  const stops = Array.from({ length: 11 }, (_, i) => i / 10);
  const name = `Colour scale${label ? ` for ${label}` : ''}: purple negative, near-white zero, orange positive, from ${format(-m)} to ${format(m)}`;
  return (
    <svg className="viz-svg viz-color-legend" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={name} style={{ aspectRatio: `${width} / ${height}` }}>
      <title>{name}</title>
      <defs>
        <linearGradient id={id} x1="0" x2="1" y1="0" y2="0">
          {stops.map((t) => <stop key={t} offset={t} stopColor={s(-m + 2 * m * t)} />)}
        </linearGradient>
      </defs>
      {label && <text x={pad} y={12}>{label}</text>}
      <rect x={pad} y={top} width={barW} height={12} fill={`url(#${id})`} className="viz-legend-bar" />
      {values.map((v) => (
        <g key={v} transform={`translate(${xOf(Math.max(-m, Math.min(m, v)))},${top + 12})`} className="viz-axis">
          <g className="viz-tick">
            <line y2={4} />
            <text y={8} dy="0.71em" textAnchor="middle">{format(v)}</text>
          </g>
        </g>
      ))}
    </svg>
  );
}
