'use client';
// Figure 1, left: the phase plane. True trajectory (solid) with the samples z1..z3 (hollow), the
// network's trajectory (dashed) with its predictions ẑ1..ẑ3 (filled), the error segments between
// each pair, and z0 as the draggable point (pointer or arrow keys; Shift for ten steps).
import { useMemo } from 'react';
import { useChartSize } from '@/components/viz/useChartSize';
import { PhasePlane, type PlanePoint, type PlaneSegment, type Trajectory } from '@/components/viz/PhasePlane';
import { categoricalVar } from '@/components/viz/theme';
import { formatNumber } from '@/components/viz/format';
import { KEY_STEP, type SamplesFigure } from './model';
import { SUB, TRUE_COLOR, PRED_COLOR, PRED_DASH, PLOT_DOMAIN } from './labels';

export interface SamplesPlaneProps {
  fig: SamplesFigure;
  onMoveZ0: (x: number, y: number) => void;
  /** Layout width on the server and before measuring (the drawing is square). */
  size: number;
}

export function SamplesPlane({ fig, onMoveZ0, size }: SamplesPlaneProps) {
  // Re-laid out at the measured width (same aspect, so nothing moves): true-size text at 360 px.
  const { ref, width } = useChartSize({ defaultWidth: size, aspect: 1, minWidth: 240, maxWidth: 560 });
  const trajectories = useMemo<Trajectory[]>(
    () => [
      { id: 'truth', label: 'true trajectory z(t)', x: fig.truth.x, y: fig.truth.y, color: TRUE_COLOR },
      { id: 'pred', label: 'neural ODE ẑ(t)', x: fig.pred.x, y: fig.pred.y, color: PRED_COLOR, dash: PRED_DASH },
    ],
    [fig],
  );
  const points = useMemo<PlanePoint[]>(() => {
    const out: PlanePoint[] = [];
    for (let i = 1; i < fig.samples.length; i++) {
      out.push({ id: `z${i}`, x: fig.samples[i][0], y: fig.samples[i][1], label: `z${SUB[i]}`, color: TRUE_COLOR, hollow: true, dx: -22, dy: 16 });
      out.push({ id: `zhat${i}`, x: fig.zhat[i][0], y: fig.zhat[i][1], label: `ẑ${SUB[i]}`, color: PRED_COLOR, dx: 8, dy: -8 });
    }
    return out;
  }, [fig]);
  const segments = useMemo<PlaneSegment[]>(
    () =>
      fig.samples.slice(1).map((s, k) => {
        const i = k + 1;
        return {
          id: `err${i}`,
          x1: s[0],
          y1: s[1],
          x2: fig.zhat[i][0],
          y2: fig.zhat[i][1],
          label: `error at t${SUB[i]}: |ẑ${SUB[i]} − z${SUB[i]}|² = ${formatNumber(fig.sqErr[i])}`,
        };
      }),
    [fig],
  );
  const z0 = fig.samples[0];
  return (
    <div ref={ref}>
      <PhasePlane
        width={width}
        height={width}
        title="Phase plane: true trajectory and samples, neural ODE and predictions"
        description="Drag z₀ (or focus it and use the arrow keys) to start both systems elsewhere."
        trajectories={trajectories}
        points={points}
        segments={segments}
        xDomain={PLOT_DOMAIN}
        yDomain={PLOT_DOMAIN}
        margin={{ top: 12, right: 12, bottom: 44, left: 56 }}
        drag={{ x: z0[0], y: z0[1], label: 'z₀', onChange: onMoveZ0, step: KEY_STEP, color: categoricalVar(2) }}
      />
    </div>
  );
}
