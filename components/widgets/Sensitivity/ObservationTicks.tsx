'use client';
// The observation times as draggable ticks on a time axis aligned with the s(t) plot above: drag by
// mouse or touch, or focus one and use the arrow keys (PageUp/PageDown: bigger steps). Order and the
// minimum gap are kept by components/controls/tickConstraints.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { DEFAULT_MARGIN, innerBox } from '@/components/viz/Chart';
import { vizVar } from '@/components/viz/theme';
import { formatNumber } from '@/components/viz/format';
import { moveTick, type TickConstraint } from '@/components/controls/tickConstraints';
import styles from './Sensitivity.module.css';
import { sub } from './SensitivityTimePlot';

export interface ObservationTicksProps {
  obs: readonly number[];
  width: number;
  constraint: TickConstraint;
  onChange: (obs: number[]) => void;
}

const HEIGHT = 46;

export function ObservationTicks({ obs, width, constraint, onChange }: ObservationTicksProps) {
  const box = innerBox(width, 200, DEFAULT_MARGIN);
  const { min, max } = constraint;
  const x = (v: number) => box.x0 + ((v - min) / (max - min)) * (box.x1 - box.x0);
  const dragging = useRef<number | null>(null);
  const svgRef = useRef<SVGSVGElement | null>(null);

  const valueFromPointer = (clientX: number): number => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect) return min;
    const vx = ((clientX - rect.left) * width) / Math.max(1, rect.width);
    return min + ((vx - box.x0) / (box.x1 - box.x0)) * (max - min);
  };
  const move = (k: number, target: number) => {
    const next = moveTick(obs, k, Math.round(target * 1000) / 1000, constraint);
    if (next[k] !== obs[k]) onChange(next);
  };
  const onKey = (k: number) => (e: KeyboardEvent<SVGGElement>) => {
    const small = (max - min) / 100;
    const big = (max - min) / 10;
    let target: number | null = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') target = obs[k] + (e.shiftKey ? big : small);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') target = obs[k] - (e.shiftKey ? big : small);
    else if (e.key === 'PageUp') target = obs[k] + big;
    else if (e.key === 'PageDown') target = obs[k] - big;
    else if (e.key === 'Home') target = min;
    else if (e.key === 'End') target = max;
    if (target === null) return;
    e.preventDefault();
    move(k, target);
  };

  return (
    <svg ref={svgRef} className={styles.ticks} viewBox={`0 0 ${width} ${HEIGHT}`} role="group" aria-label="Observation times (drag or use arrow keys)" style={{ aspectRatio: `${width} / ${HEIGHT}` }}>
      <line x1={box.x0} x2={box.x1} y1={20} y2={20} style={{ stroke: vizVar.axis }} />
      <text x={box.x0 - 8} y={24} textAnchor="end" className="viz-marker-label" style={{ fill: vizVar.muted, fontSize: 11 }}>
        obs.
      </text>
      {obs.map((v, k) => {
        const cx = x(v);
        return (
          <g
            key={k}
            className={styles.tick}
            role="slider"
            tabIndex={0}
            aria-label={`Observation time t${sub(k)}`}
            aria-valuemin={min}
            aria-valuemax={max}
            aria-valuenow={v}
            aria-valuetext={`t${sub(k)} = ${formatNumber(v)}`}
            data-obs={k}
            onKeyDown={onKey(k)}
            onPointerDown={(e: PointerEvent<SVGGElement>) => {
              e.currentTarget.setPointerCapture(e.pointerId);
              dragging.current = k;
              e.preventDefault();
            }}
            onPointerMove={(e: PointerEvent<SVGGElement>) => {
              if (dragging.current === k) move(k, valueFromPointer(e.clientX));
            }}
            onPointerUp={(e: PointerEvent<SVGGElement>) => {
              dragging.current = null;
              if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
            }}
            onPointerCancel={() => {
              dragging.current = null;
            }}
          >
            <title>{`t${sub(k)} = ${formatNumber(v)}`}</title>
            <rect x={cx - 14} y={0} width={28} height={HEIGHT} fill="transparent" />
            <circle className={styles.ring} cx={cx} cy={20} r={11} />
            <path d={`M${cx},${12}L${cx - 7},${4}L${cx + 7},${4}Z`} style={{ fill: vizVar.marker }} />
            <circle cx={cx} cy={20} r={6} style={{ fill: vizVar.bg, stroke: vizVar.marker, strokeWidth: 2 }} />
            <text x={cx} y={42} textAnchor="middle" style={{ fill: vizVar.muted, fontSize: 11 }}>
              {`t${sub(k)}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
