'use client';
// A time slider over [min, max] = [t₀, t_N] (the ARIA slider pattern on a custom track, because a
// native range input cannot carry tick marks with labels or draggable ticks). Keys: arrows step,
// Shift+arrow and PageUp/PageDown take big steps, Home/End jump to t₀/t_N; pointer and touch drag
// anywhere on the track. `direction="backward"` fills the swept part from the right end, for the
// backward (adjoint) pass that runs t_N → t₀; keys still follow the APG (Right/Up increase t).
//
// Optional `ticks` (fixed marks, e.g. observation times) and `draggableTicks` (marks the reader moves
// along the axis, each its own role="slider" kept between its neighbours ± minGap).
//
//   <Scrubber label="τ" value={tau} min={0} max={T} step={T / 200} onChange={setTau}
//     direction="backward" ticks={obs.map((t, i) => ({ value: t, label: `t${sub(i + 1)}` }))} />
//   <Scrubber label="t" value={t} min={0} max={3} step={0.01} onChange={setT}
//     draggableTicks={{ values: obs, onChange: setObs, minGap: 0.1, name: 'observation time' }} />
import { useId, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { formatNumber } from '../viz/format';
import { fractionOf, sliderKeyValue, valueAtFraction } from './keyboard';
import { moveTick, tickBounds } from './tickConstraints';
import './controls.css';

export interface ScrubberTick {
  value: number;
  label?: string;
}

export interface DraggableTicks {
  values: readonly number[];
  onChange: (values: number[]) => void;
  minGap: number;
  /** Per-tick visible labels, e.g. ["t₁", "t₂"]. */
  labels?: readonly string[];
  /** Accessible name stem: "observation time" → "observation time 1". */
  name?: string;
  /** Keyboard step (default: the scrubber's step). */
  step?: number;
  /** Keep minGap from t₀ and t_N too. */
  gapAtEnds?: boolean;
}

export interface ScrubberProps {
  /** Accessible name and visible label, e.g. "time τ". */
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  /** Big step (PageUp/PageDown, Shift+arrow). Default 10 × step. */
  pageStep?: number;
  onChange: (value: number) => void;
  direction?: 'forward' | 'backward';
  /** aria-valuetext and shown value. Default formatNumber. */
  format?: (value: number) => string;
  ticks?: readonly ScrubberTick[];
  draggableTicks?: DraggableTicks;
  /** data-value name of the shown value. */
  name?: string;
  disabled?: boolean;
  /**
   * Line the track up with a chart's plot area: pass the chart's layout width and margin (the
   * Scrubber must be as wide as the chart). Without it the track has 12 px insets.
   */
  align?: { width: number; margin: { left: number; right: number } };
}

export function Scrubber(props: ScrubberProps) {
  const { label, value, min, max, step, pageStep, onChange, direction = 'forward', format = formatNumber, ticks = [], draggableTicks, name, disabled = false, align } = props;
  const inset = align && align.width > 0
    ? { marginLeft: `${((align.margin.left / align.width) * 100).toFixed(3)}%`, marginRight: `${((align.margin.right / align.width) * 100).toFixed(3)}%` }
    : undefined;
  const labelId = `ctl-scrub-${useId()}`;
  const areaRef = useRef<HTMLDivElement>(null);
  const thumbRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const pct = (v: number) => `${(fractionOf(v, min, max) * 100).toFixed(3)}%`;
  const f = fractionOf(value, min, max);
  const fill = direction === 'forward' ? { left: '0%', width: `${(f * 100).toFixed(3)}%` } : { left: `${(f * 100).toFixed(3)}%`, width: `${((1 - f) * 100).toFixed(3)}%` };
  const text = format(value);

  const valueAt = (clientX: number, el: HTMLElement | null) => {
    const r = el?.getBoundingClientRect();
    if (!r || r.width <= 0) return null;
    return valueAtFraction((clientX - r.left) / r.width, min, max, step);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (disabled) return;
    const v = sliderKeyValue(e.key, value, { min, max, step, pageStep }, e.shiftKey);
    if (v === null) return;
    e.preventDefault();
    if (v !== value) onChange(v);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (disabled || e.button > 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    thumbRef.current?.focus({ preventScroll: true });
    const v = valueAt(e.clientX, areaRef.current);
    if (v !== null && v !== value) onChange(v);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const v = valueAt(e.clientX, areaRef.current);
    if (v !== null && v !== value) onChange(v);
  };
  const endDrag = () => { dragging.current = false; };

  return (
    <div className="ctl-scrubber" data-control="scrubber" data-direction={direction}>
      <div className="ctl-scrubber-head">
        <span id={labelId}>{label}</span>
        <output data-value={name} aria-hidden="true">{text}</output>
      </div>
      <div
        ref={areaRef}
        className="ctl-scrubber-area"
        style={inset}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <div className="ctl-track" />
        <div className="ctl-fill" style={fill} />
        {ticks.map((t, i) => (
          <span key={`${t.value}-${i}`} aria-hidden="true">
            <span className="ctl-tick" style={{ left: pct(t.value) }} />
            {t.label && <span className="ctl-tick-label" style={{ left: pct(t.value) }}>{t.label}</span>}
          </span>
        ))}
        <div
          ref={thumbRef}
          className="ctl-thumb"
          role="slider"
          tabIndex={disabled ? -1 : 0}
          aria-labelledby={labelId}
          aria-valuemin={min}
          aria-valuemax={max}
          aria-valuenow={tidy(value)}
          aria-valuetext={text}
          aria-orientation="horizontal"
          aria-disabled={disabled || undefined}
          style={{ left: pct(value) }}
          onKeyDown={onKeyDown}
        />
      </div>
      {draggableTicks && <TickLane lane={draggableTicks} min={min} max={max} step={draggableTicks.step ?? step} pageStep={pageStep} format={format} disabled={disabled} inset={inset} />}
      <div className="ctl-scrubber-ends" aria-hidden="true" style={inset}>
        <span>{format(min)}</span>
        <span>{format(max)}</span>
      </div>
    </div>
  );
}

function TickLane({ lane, min, max, step, pageStep, format, disabled, inset }: {
  lane: DraggableTicks; min: number; max: number; step: number; pageStep?: number; format: (v: number) => string; disabled: boolean;
  inset?: { marginLeft: string; marginRight: string };
}) {
  const laneRef = useRef<HTMLDivElement>(null);
  const dragIndex = useRef<number | null>(null);
  const c = { min, max, minGap: lane.minGap, gapAtEnds: lane.gapAtEnds };
  const stem = lane.name ?? 'tick';
  const fromPointer = (clientX: number) => {
    const r = laneRef.current?.getBoundingClientRect();
    if (!r || r.width <= 0) return null;
    return valueAtFraction((clientX - r.left) / r.width, min, max, step);
  };
  return (
    <div ref={laneRef} className="ctl-ticklane" data-control="draggable-ticks" style={inset}>
      {lane.values.map((v, i) => {
        const [lo, hi] = tickBounds(lane.values, i, c);
        const name = lane.labels?.[i] ?? `${stem} ${i + 1}`;
        return (
          <div
            key={i}
            className="ctl-dtick"
            role="slider"
            tabIndex={disabled ? -1 : 0}
            aria-label={lane.labels?.[i] ? `${stem} ${name}` : name}
            aria-valuemin={tidy(lo)}
            aria-valuemax={tidy(hi)}
            aria-valuenow={tidy(v)}
            aria-valuetext={format(v)}
            aria-disabled={disabled || undefined}
            data-tick={i}
            style={{ left: `${(fractionOf(v, min, max) * 100).toFixed(3)}%` }}
            onKeyDown={(e) => {
              if (disabled) return;
              const next = sliderKeyValue(e.key, v, { min: lo, max: hi, step, pageStep }, e.shiftKey);
              if (next === null) return;
              e.preventDefault();
              if (next !== v) lane.onChange(moveTick(lane.values, i, next, c));
            }}
            onPointerDown={(e) => {
              if (disabled || e.button > 0) return;
              dragIndex.current = i;
              e.currentTarget.setPointerCapture(e.pointerId);
              e.currentTarget.focus({ preventScroll: true });
              e.preventDefault();
            }}
            onPointerMove={(e) => {
              if (dragIndex.current !== i) return;
              const target = fromPointer(e.clientX);
              if (target !== null) lane.onChange(moveTick(lane.values, i, target, c));
            }}
            onPointerUp={() => { dragIndex.current = null; }}
            onPointerCancel={() => { dragIndex.current = null; }}
          >
            <span aria-hidden="true">{lane.labels?.[i] ?? ''}</span>
          </div>
        );
      })}
    </div>
  );
}

/** aria-valuenow without float noise (1.1166299999999 → 1.11663): assistive tech may read it raw. */
function tidy(v: number): number {
  return Number.isFinite(v) ? Number(v.toPrecision(6)) : v;
}
