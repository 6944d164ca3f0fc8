'use client';
// Figure 1, right: one component of the state against time — the true z(t) with its samples and the
// network's ẑ(t) with its predictions, each error a vertical segment at its observation time.
import { useMemo } from 'react';
import { useChartSize } from '@/components/viz/useChartSize';
import { LinePlot, type Series } from '@/components/viz/LinePlot';
import { vizVar } from '@/components/viz/theme';
import type { SamplesFigure } from './model';
import { SUB, TRUE_COLOR, PRED_COLOR, PRED_DASH, PLOT_DOMAIN } from './labels';

export interface SamplesTimePlotProps {
  fig: SamplesFigure;
  /** 0: first component z₁, 1: second z₂. */
  component: 0 | 1;
  /** Layout size on the server and before measuring; the aspect stays fixed. */
  width: number;
  height: number;
}

export function SamplesTimePlot({ fig, component, width: defaultWidth, height: defaultHeight }: SamplesTimePlotProps) {
  const { ref, width, height } = useChartSize({ defaultWidth, aspect: defaultWidth / defaultHeight, minWidth: 260, maxWidth: 720 });
  const name = `z${SUB[component + 1]}`;
  const series = useMemo<Series[]>(
    () => [
      { id: 'truth', label: `true ${name}(t)`, x: fig.truth.t, y: component === 0 ? fig.truth.x : fig.truth.y, color: TRUE_COLOR },
      { id: 'pred', label: `neural ODE`, x: fig.pred.t, y: component === 0 ? fig.pred.x : fig.pred.y, color: PRED_COLOR, dash: PRED_DASH },
    ],
    [fig, component, name],
  );
  const times = fig.times;
  return (
    <div ref={ref}>
      <LinePlot
        width={width}
        height={height}
        title={`${name} against time: true trajectory and samples, neural ODE and predictions`}
        series={series}
        xLabel="t"
        yLabel={name}
        xDomain={[times[0], times[times.length - 1]]}
        yDomain={PLOT_DOMAIN}
        margin={{ top: 18, right: 12, bottom: 44, left: 56 }}
        events={times.slice(1).map((t, k) => ({ x: t, label: `t${SUB[k + 1]}` }))}
        legend={component === 0}
      >
        {({ x, y }) => (
          <g aria-label={`samples and predictions of ${name}`}>
            {times.map((t, i) => {
              const zs = fig.samples[i][component];
              const zh = fig.zhat[i][component];
              return (
                <g key={t}>
                  {i > 0 && <line className="viz-segment" x1={x(t)} x2={x(t)} y1={y(zs)} y2={y(zh)} />}
                  <circle className="viz-point" cx={x(t)} cy={y(zs)} r={4.5} style={{ fill: vizVar.bg, stroke: TRUE_COLOR, strokeWidth: 2 }} />
                  {i > 0 && <circle className="viz-point" cx={x(t)} cy={y(zh)} r={4.5} style={{ fill: PRED_COLOR }} />}
                </g>
              );
            })}
          </g>
        )}
      </LinePlot>
    </div>
  );
}
