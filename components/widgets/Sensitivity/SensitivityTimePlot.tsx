'use client';
// s(t) against time with the current τ, the jumps at the observations (labelled "+∂L/∂ẑ_k"), and the
// whole plot as the τ scrubber: a role="slider" the reader drags (mouse, touch) or keys (arrows,
// PageUp/PageDown, Home/End; the model decides where each key lands).
import { useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { LinePlot, type Series } from '@/components/viz/LinePlot';
import { DEFAULT_MARGIN, innerBox } from '@/components/viz/Chart';
import { categoricalVar } from '@/components/viz/theme';
import { formatNumber } from '@/components/viz/format';
import type { SensitivityTrace } from '@/components/widgets/shared/traceTypes';
import type { DiscreteTrace } from './discreteProduct';
import styles from './Sensitivity.module.css';

const SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
export const sub = (k: number): string => String(k).split('').map((c) => SUB[Number(c)]).join('');

export interface SensitivityTimePlotProps {
  trace: SensitivityTrace;
  discrete: DiscreteTrace | null;
  tau: number;
  width: number;
  height: number;
  valueText: string;
  /** The time axis, shared with the observation ticks below (the preset's draggable range). */
  domain: readonly [number, number];
  onTau: (tau: number) => void;
  onKey: (key: string, shift: boolean) => boolean;
}

function column(values: Float64Array, stride: number, offset: number, M: number): Float64Array {
  const out = new Float64Array(M);
  for (let i = 0; i < M; i++) out[i] = values[i * stride + offset];
  return out;
}

export function SensitivityTimePlot({ trace, discrete, tau, width, height, valueText, domain, onTau, onKey }: SensitivityTimePlotProps) {
  const t0 = trace.obsTimes[0];
  const tN = trace.obsTimes[trace.obsTimes.length - 1];
  const n = trace.batch * trace.D;
  const series = useMemo<Series[]>(() => {
    const M = trace.t.length;
    const out: Series[] = [];
    for (let d = 0; d < trace.D; d++) {
      out.push({ id: `s${d}`, label: `s${sub(d + 1)}(t)`, x: trace.t, y: column(trace.s, n, d, M), color: categoricalVar(d === 0 ? 0 : 1), dash: d === 0 ? undefined : '6 3' });
    }
    if (discrete) {
      const Md = discrete.t.length;
      for (let d = 0; d < trace.D; d++) {
        out.push({
          id: `sd${d}`,
          label: `Euler s${sub(d + 1)}`,
          x: discrete.t,
          y: column(discrete.s, discrete.n, d, Md),
          color: categoricalVar(d === 0 ? 2 : 3),
          dash: '2 3',
          markers: Md <= 120,
          strokeWidth: 1.5,
        });
      }
    }
    return out;
  }, [trace, discrete, n]);
  const events = useMemo(() => Array.from(trace.obsTimes, (x, k) => ({ x, label: `t${sub(k)}` })), [trace]);
  const [d0, d1] = domain;
  const xDomain = useMemo(() => [d0, d1] as const, [d0, d1]);
  const box = innerBox(width, height, DEFAULT_MARGIN);
  const dragging = useRef(false);

  const tauFromPointer = (e: PointerEvent<HTMLDivElement>): number => {
    const rect = e.currentTarget.getBoundingClientRect();
    const vx = ((e.clientX - rect.left) * width) / Math.max(1, rect.width);
    const v = d0 + ((vx - box.x0) / (box.x1 - box.x0)) * (d1 - d0);
    return Math.min(tN, Math.max(t0, v));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (onKey(e.key, e.shiftKey)) e.preventDefault();
  };

  return (
    <div
      className={styles.scrub}
      role="slider"
      tabIndex={0}
      aria-label="Time τ: drag or use the arrow keys to move the sensitivity backward (left) or forward (right)"
      aria-valuemin={t0}
      aria-valuemax={tN}
      aria-valuenow={Math.round(tau * 1e4) / 1e4}
      aria-valuetext={valueText}
      aria-orientation="horizontal"
      data-control="scrubber"
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        e.currentTarget.focus({ preventScroll: true });
        dragging.current = true;
        onTau(tauFromPointer(e));
      }}
      onPointerMove={(e) => {
        if (dragging.current) onTau(tauFromPointer(e));
      }}
      onPointerUp={(e) => {
        dragging.current = false;
        if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onPointerCancel={() => {
        dragging.current = false;
      }}
    >
      <LinePlot
        width={width}
        height={height}
        title="Sensitivity s(t) = ∂L/∂z(t) against time"
        description="Each component of s jumps by ∂L/∂ẑ_k at observation t_k and changes continuously in between, from t_N back to t_0."
        series={series}
        xLabel="t"
        yLabel="s(t)"
        xDomain={xDomain}
        currentX={tau}
        currentLabel="τ"
        events={events.slice(1)}
      >
        {({ x, y }) => (
          <g aria-label="jumps at the observations">
            {Array.from(trace.obsTimes).map((tk, k) => {
              if (k === 0) return null;
              const px = x(tk);
              const marks = [];
              for (let d = 0; d < trace.D; d++) {
                const jump = trace.jumps[k * n + d];
                // The left limit (jump in) sits at grid index of t_k's first copy; find it by time.
                const idx = leftIndexOf(trace, tk);
                const before = trace.s[(idx + 1) * n + d];
                const after = trace.s[idx * n + d];
                marks.push(
                  <g key={d}>
                    <line x1={px} x2={px} y1={y(before)} y2={y(after)} style={{ stroke: categoricalVar(d === 0 ? 0 : 1), strokeWidth: 3, opacity: 0.5 }} />
                    <title>{`jump of s${sub(d + 1)} at t${sub(k)}: ${formatNumber(jump, { signed: true })}`}</title>
                  </g>,
                );
              }
              return (
                <g key={k} data-jump={k}>
                  {marks}
                  <text className="viz-marker-label" x={px + 3} y={box.y0 + 20 + (k % 2) * 13} textAnchor={px > box.x1 - 60 ? 'end' : 'start'} dx={px > box.x1 - 60 ? -6 : 0}>
                    {`+∂L/∂ẑ${sub(k)}`}
                  </text>
                </g>
              );
            })}
          </g>
        )}
      </LinePlot>
    </div>
  );
}

/** Grid index of the left limit at observation time tk (the first of its two copies). */
function leftIndexOf(trace: SensitivityTrace, tk: number): number {
  const t = trace.t;
  let lo = 0;
  let hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid] >= tk) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
