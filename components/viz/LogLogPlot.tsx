'use client';
// Error against step size (or N) on log–log axes: points per series and, per series, the least-squares
// line with its slope printed beside it (the empirical order of convergence).
//
//   <LogLogPlot width={w} height={h} title="Error vs step size" xLabel="h" yLabel="|error|"
//     series={[{ id: 'euler', label: 'Euler', x: hs, y: errs }]} />   // draws "slope 1.00"
import { useMemo, type ReactNode } from 'react';
import type { ScaleLogarithmic } from 'd3-scale';
import { Axis } from './Axis';
import { ChartSvg, DEFAULT_MARGIN, innerBox, type Margin } from './Chart';
import { extentPositive, logScale } from './scales';
import { evalLogLog, fitLogLog, type LogLogFit } from './loglog';
import { categoricalVar } from './theme';
import { formatNumber } from './format';
import { r2 } from './geometry';

export interface LogLogSeries {
  id: string;
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color?: string;
  /** Fit and draw the power-law line (default true). */
  fit?: boolean;
}

export interface LogLogPlotProps {
  width: number;
  height: number;
  title: string;
  series: readonly LogLogSeries[];
  xLabel?: string;
  yLabel?: string;
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
  margin?: Margin;
  /** Slope label text; default "slope 1.00" (two decimals). */
  slopeLabel?: (fit: LogLogFit, s: LogLogSeries) => string;
  description?: string;
  children?: (scales: { x: ScaleLogarithmic<number, number>; y: ScaleLogarithmic<number, number> }) => ReactNode;
}

export function LogLogPlot(props: LogLogPlotProps) {
  const { width, height, title, series, xLabel, yLabel, margin = DEFAULT_MARGIN, description, children } = props;
  const slopeLabel = props.slopeLabel ?? ((f: LogLogFit) => `slope ${formatNumber(f.slope, { digits: 3, trim: false })}`);
  const box = innerBox(width, height, margin);
  const { x, y } = useMemo(() => ({
    x: logScale(props.xDomain ?? extentPositive(series.flatMap((s) => Array.from(s.x))), [box.x0, box.x1]),
    y: logScale(props.yDomain ?? extentPositive(series.flatMap((s) => Array.from(s.y))), [box.y1, box.y0]),
  }), [series, props.xDomain, props.yDomain, box.x0, box.x1, box.y0, box.y1]);
  const fits = useMemo(() => series.map((s) => (s.fit === false ? null : fitLogLog(s.x, s.y))), [series]);

  return (
    <ChartSvg width={width} height={height} title={title} description={description}>
      <Axis orient="bottom" scale={x} y={box.y1} label={xLabel} log grid={box.y1 - box.y0} />
      <Axis orient="left" scale={y} x={box.x0} label={yLabel} log grid={box.x1 - box.x0} />
      {series.map((s, k) => {
        const color = s.color ?? categoricalVar(k);
        const fit = fits[k];
        const n = Math.min(s.x.length, s.y.length);
        const pts: ReactNode[] = [];
        let lo = Infinity;
        let hi = -Infinity;
        for (let i = 0; i < n; i++) {
          const px = s.x[i];
          const py = s.y[i];
          if (!(px > 0 && py > 0 && Number.isFinite(px) && Number.isFinite(py))) continue;
          lo = Math.min(lo, px);
          hi = Math.max(hi, px);
          const name = `${s.label}: ${xLabel ?? 'x'} = ${formatNumber(px)}, ${yLabel ?? 'y'} = ${formatNumber(py)}`;
          pts.push(
            <circle key={i} className="viz-point" cx={r2(x(px))} cy={r2(y(py))} r={4} style={{ fill: color }}>
              <title>{name}</title>
            </circle>,
          );
        }
        const hasFit = fit && Number.isFinite(fit.slope) && lo < hi;
        const mid = hasFit ? Math.sqrt(lo * hi) : 0;
        return (
          <g key={s.id} aria-label={hasFit ? `${s.label}, ${slopeLabel(fit, s)}` : s.label} data-series={s.id} data-slope={hasFit ? String(fit.slope) : undefined}>
            {hasFit && (
              <g aria-label={`fitted line, ${slopeLabel(fit, s)}`}>
                <line className="viz-fit" x1={r2(x(lo))} y1={r2(y(evalLogLog(fit, lo)))} x2={r2(x(hi))} y2={r2(y(evalLogLog(fit, hi)))} style={{ stroke: color }} />
                {/* Above the line on the side it rises away from, so the label never sits on the points. */}
                <text
                  x={r2(x(mid) + (fit.slope > 0 ? -6 : 6))}
                  y={r2(y(evalLogLog(fit, mid)) - 8)}
                  textAnchor={fit.slope > 0 ? 'end' : 'start'}
                  style={{ fill: color }}
                  className="viz-slope-label"
                  data-value={`slope-${s.id}`}
                  data-number={String(fit.slope)}
                >
                  {slopeLabel(fit, s)}
                </text>
              </g>
            )}
            {pts}
          </g>
        );
      })}
      {series.length > 1 && (
        // bottom-right: convergence data run from bottom-left to top-right, so this corner is usually empty
        <g className="viz-legend" transform={`translate(${box.x1 - 24 - 7 * Math.max(...series.map((s) => s.label.length))},${box.y1 - 10 - 18 * (series.length - 1)})`} aria-label="legend">
          {series.map((s, k) => (
            <g key={s.id} transform={`translate(0,${k * 18})`}>
              <circle r={4} cx={6} style={{ fill: s.color ?? categoricalVar(k) }} />
              <text x={16} dy="0.32em">{s.label}</text>
            </g>
          ))}
        </g>
      )}
      {children?.({ x, y })}
    </ChartSvg>
  );
}
