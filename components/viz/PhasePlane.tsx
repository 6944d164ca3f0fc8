'use client';
// The (z₁, z₂) plane: trajectories, labelled points (z₀, ẑ₁, targets), segments between pairs (the
// errors ẑᵢ − zᵢ), arrows at points (sensitivities, vector-field samples), and optionally one point the
// reader drags — by pointer or by keyboard (arrows move it, Shift ×10) — reporting through onChange.
// Scales are equal-aspect by default so arrow directions are true.
//
//   <PhasePlane width={w} height={h} title="Trajectories"
//     trajectories={[{ id: 'fwd', label: 'z(t)', x: z1, y: z2 }]}
//     points={[{ id: 'z0', x: 1, y: 0, label: 'z₀' }, { id: 'zh1', x: 0.3, y: 0.8, label: 'ẑ₁' }]}
//     segments={[{ id: 'e1', x1: 0.3, y1: 0.8, x2: 0.5, y2: 0.9, label: 'error at t₁' }]}
//     arrows={[{ id: 'a', x: 0.3, y: 0.8, dx: 0.2, dy: -0.1, label: 'a(t₁)' }]}
//     drag={{ x: z0[0], y: z0[1], label: 'z₀', onChange: (x, y) => setZ0([x, y]) }} />
import { useMemo, useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { line as d3line } from 'd3-shape';
import type { ScaleLinear } from 'd3-scale';
import { Axis } from './Axis';
import { Arrow } from './Arrow';
import { ChartSvg, DEFAULT_MARGIN, innerBox, type Margin } from './Chart';
import { finiteExtent, linearScale } from './scales';
import { categoricalVar, vizVar } from './theme';
import { formatNumber } from './format';
import { r2 } from './geometry';
import { pointKeyDelta } from '../controls/keyboard';

export interface Trajectory {
  id: string;
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color?: string;
  dash?: string;
  strokeWidth?: number;
}

export interface PlanePoint {
  id: string;
  x: number;
  y: number;
  /** Shown next to the point and used as its name, e.g. "ẑ₁". */
  label?: string;
  color?: string;
  /** Hollow points (targets) versus filled (predictions): a second channel besides colour. */
  hollow?: boolean;
  /** Label offset in px (default 7, −7: up-right). */
  dx?: number;
  dy?: number;
  r?: number;
}

export interface PlaneSegment {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label?: string;
  color?: string;
}

export interface PlaneArrow {
  id: string;
  x: number;
  y: number;
  /** Direction in data units. */
  dx: number;
  dy: number;
  label?: string;
  color?: string;
  /** Draw with this pixel length (direction only) instead of the data-unit length. */
  pixelLength?: number;
}

export interface DragPoint {
  x: number;
  y: number;
  label: string;
  onChange: (x: number, y: number) => void;
  /** Data units per arrow-key press (Shift: ×10). Default 1 % of the x-domain span. */
  step?: number;
  color?: string;
}

export interface PhasePlaneProps {
  width: number;
  height: number;
  title: string;
  trajectories?: readonly Trajectory[];
  points?: readonly PlanePoint[];
  segments?: readonly PlaneSegment[];
  arrows?: readonly PlaneArrow[];
  drag?: DragPoint;
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
  xLabel?: string;
  yLabel?: string;
  /** Same data-units-per-pixel on both axes (default true). */
  equalAspect?: boolean;
  margin?: Margin;
  description?: string;
  children?: (scales: { x: ScaleLinear<number, number>; y: ScaleLinear<number, number> }) => ReactNode;
}

export function PhasePlane(props: PhasePlaneProps) {
  const { width, height, title, trajectories = [], points = [], segments = [], arrows = [], drag, xLabel = 'z₁', yLabel = 'z₂', equalAspect = true, margin = DEFAULT_MARGIN, description, children } = props;
  const box = innerBox(width, height, margin);
  const { x, y } = useMemo(() => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const t of trajectories) { xs.push(...Array.from(t.x)); ys.push(...Array.from(t.y)); }
    for (const p of points) { xs.push(p.x); ys.push(p.y); }
    for (const s of segments) { xs.push(s.x1, s.x2); ys.push(s.y1, s.y2); }
    for (const a of arrows) if (a.pixelLength === undefined) { xs.push(a.x, a.x + a.dx); ys.push(a.y, a.y + a.dy); }
    if (drag) { xs.push(drag.x); ys.push(drag.y); }
    let xd = props.xDomain ? [props.xDomain[0], props.xDomain[1]] : pad(finiteExtent(xs, [-1, 1]));
    let yd = props.yDomain ? [props.yDomain[0], props.yDomain[1]] : pad(finiteExtent(ys, [-1, 1]));
    if (equalAspect) [xd, yd] = equalize(xd, yd, box.x1 - box.x0, box.y1 - box.y0);
    return {
      x: linearScale([xd[0], xd[1]], [box.x0, box.x1], { nice: false }),
      y: linearScale([yd[0], yd[1]], [box.y1, box.y0], { nice: false }),
    };
  }, [trajectories, points, segments, arrows, drag, props.xDomain, props.yDomain, equalAspect, box.x0, box.x1, box.y0, box.y1]);

  const paths = useMemo(
    () => trajectories.map((t) => {
      const idx = Array.from({ length: Math.min(t.x.length, t.y.length) }, (_, i) => i);
      return d3line<number>().digits(1).defined((i) => Number.isFinite(t.x[i]) && Number.isFinite(t.y[i])).x((i) => x(t.x[i])).y((i) => y(t.y[i]))(idx) ?? '';
    }),
    [trajectories, x, y],
  );
  const at = (px: number, py: number) => `(${formatNumber(px)}, ${formatNumber(py)})`;

  return (
    <ChartSvg width={width} height={height} title={title} description={description} role={drag ? 'group' : 'img'}>
      <Axis orient="bottom" scale={x} y={box.y1} label={xLabel} grid={box.y1 - box.y0} />
      <Axis orient="left" scale={y} x={box.x0} label={yLabel} grid={box.x1 - box.x0} />
      {trajectories.map((t, k) => (
        <g key={t.id} aria-label={t.label} data-trajectory={t.id}>
          <title>{t.label}</title>
          <path className="viz-line" d={paths[k]} style={{ stroke: t.color ?? categoricalVar(k), strokeDasharray: t.dash, strokeWidth: t.strokeWidth }} />
        </g>
      ))}
      {segments.map((s) => {
        const name = s.label ?? `segment from ${at(s.x1, s.y1)} to ${at(s.x2, s.y2)}`;
        return (
          <g key={s.id} aria-label={name}>
            <title>{name}</title>
            <line className="viz-segment" x1={r2(x(s.x1))} y1={r2(y(s.y1))} x2={r2(x(s.x2))} y2={r2(y(s.y2))} style={s.color ? { stroke: s.color } : undefined} />
          </g>
        );
      })}
      {arrows.map((a) => {
        const x1 = x(a.x);
        const y1 = y(a.y);
        let x2 = x(a.x + a.dx);
        let y2 = y(a.y + a.dy);
        if (a.pixelLength !== undefined) {
          const len = Math.hypot(x2 - x1, y2 - y1);
          if (len > 0) { x2 = x1 + ((x2 - x1) / len) * a.pixelLength; y2 = y1 + ((y2 - y1) / len) * a.pixelLength; }
        }
        return <Arrow key={a.id} x1={x1} y1={y1} x2={x2} y2={y2} label={a.label ?? `arrow at ${at(a.x, a.y)}`} color={a.color ?? vizVar.fg} />;
      })}
      {points.map((p, k) => {
        const color = p.color ?? categoricalVar(k);
        const name = `${p.label ?? p.id} at ${at(p.x, p.y)}`;
        return (
          <g key={p.id} aria-label={name} data-point={p.id}>
            <title>{name}</title>
            <circle className="viz-point" cx={r2(x(p.x))} cy={r2(y(p.y))} r={p.r ?? 4.5} style={p.hollow ? { fill: vizVar.bg, stroke: color, strokeWidth: 2 } : { fill: color }} />
            {p.label && <text className="viz-point-label" x={r2(x(p.x) + (p.dx ?? 7))} y={r2(y(p.y) + (p.dy ?? -7))}>{p.label}</text>}
          </g>
        );
      })}
      {children?.({ x, y })}
      {drag && <Draggable drag={drag} x={x} y={y} />}
    </ChartSvg>
  );
}

function Draggable({ drag, x, y }: { drag: DragPoint; x: ScaleLinear<number, number>; y: ScaleLinear<number, number> }) {
  const dragging = useRef(false);
  const [xd0, xd1] = x.domain();
  const [yd0, yd1] = y.domain();
  const step = drag.step ?? Math.abs(xd1 - xd0) / 100;
  const toData = (e: PointerEvent<SVGGElement>): [number, number] | null => {
    const svg = e.currentTarget.ownerSVGElement;
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    return [clampTo(x.invert(p.x), xd0, xd1), clampTo(y.invert(p.y), yd0, yd1)];
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const m = pointKeyDelta(e.key, e.shiftKey);
    if (!m) return;
    e.preventDefault();
    drag.onChange(clampTo(drag.x + m[0] * step, xd0, xd1), clampTo(drag.y + m[1] * step, yd0, yd1));
  };
  const cx = r2(x(drag.x));
  const cy = r2(y(drag.y));
  const color = drag.color ?? vizVar.accent;
  return (
    <g
      className="viz-draggable"
      tabIndex={0}
      role="button"
      aria-roledescription="draggable point"
      aria-label={`${drag.label} at (${formatNumber(drag.x)}, ${formatNumber(drag.y)}). Drag, or use the arrow keys to move (Shift for bigger steps).`}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        dragging.current = true;
        e.preventDefault();
      }}
      onPointerMove={(e) => {
        if (!dragging.current) return;
        const p = toData(e);
        if (p) drag.onChange(p[0], p[1]);
      }}
      onPointerUp={(e) => {
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onPointerCancel={() => { dragging.current = false; }}
    >
      <title>{drag.label}</title>
      {/* 44 px hit area (touch), invisible */}
      <circle className="viz-drag-hit" cx={cx} cy={cy} r={22} />
      <circle className="viz-focus-ring" cx={cx} cy={cy} r={11} />
      <circle className="viz-point" cx={cx} cy={cy} r={7} style={{ fill: color }} />
      <text className="viz-point-label" x={cx + 10} y={cy - 10}>{drag.label}</text>
    </g>
  );
}

function clampTo(v: number, a: number, b: number): number {
  return Math.min(Math.max(v, Math.min(a, b)), Math.max(a, b));
}

function pad([a, b]: [number, number], f = 0.08): number[] {
  const s = b - a || 1;
  return [a - f * s, b + f * s];
}

/** Widens one domain so both axes have the same units per pixel (centred). */
export function equalize(xd: number[], yd: number[], wPx: number, hPx: number): [number[], number[]] {
  const ux = (xd[1] - xd[0]) / wPx;
  const uy = (yd[1] - yd[0]) / hPx;
  if (ux > uy) {
    const c = (yd[0] + yd[1]) / 2;
    const half = (ux * hPx) / 2;
    return [xd, [c - half, c + half]];
  }
  const c = (xd[0] + xd[1]) / 2;
  const half = (uy * wPx) / 2;
  return [[c - half, c + half], yd];
}
