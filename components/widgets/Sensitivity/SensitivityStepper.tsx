'use client';
// Figure: the sensitivity s(t) = ∂L/∂z(t) travelling backward from t_N to t_0.
//
// data-value names (stable, read by e2e/sensitivity.spec.ts; each also carries data-number with the
// full-precision value):
//   tau            current time τ
//   s-0, s-1       components of s(τ) (continuous adjoint)
//   z-fwd-0/1      forward z(τ);  z-back-0/1  z(τ) reconstructed by the backward solve;  z-gap  ‖difference‖
//   nfe            backward function evaluations spent from t_N down to τ
//   jump-0/1       ∂L/∂ẑ_k, only while τ sits at or just below an observation t_k
//   obs-index      that k (with the jump)
//   s-disc-0/1     s(τ) from backprop through Euler steps (discrete view only)
//   loss           the loss of the current problem
// Performance entries: 'sensitivity-recompute' (new trace), 'sensitivity-redraw' (τ input → DOM).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { PhasePlane, type PlanePoint, type Trajectory } from '@/components/viz/PhasePlane';
import { Arrow } from '@/components/viz/Arrow';
import { LiveRegion, useAnnouncer } from '@/components/viz/LiveRegion';
import { useChartSize } from '@/components/viz/useChartSize';
import { useReducedMotion } from '@/components/viz/useReducedMotion';
import { categoricalVar, vizVar } from '@/components/viz/theme';
import { formatNumber } from '@/components/viz/format';
import { useReportEmbedState } from '@/components/embed/EmbedStateContext';
import { ErrorBanner } from '@/components/controls/ErrorBanner';
import type { WidgetProps } from '@/components/embed/widgetTypes';
import { SENSITIVITY_PRESETS, SENSITIVITY_PRESET_IDS, MAX_OBS, MIN_OBS, type SensitivityPresetId } from '@/components/widgets/shared/presets';
import { useSensitivityState } from '@/components/widgets/shared/useSensitivityState';
import { hasTrace } from '@/components/widgets/shared/sensitivityTrace';
import { clampTau } from '@/components/widgets/shared/traceLookup';
import { formatObs } from '@/components/widgets/shared/urlState';
import type { SensitivityTrace } from '@/components/widgets/shared/traceTypes';
import {
  STEP_BUDGETS,
  announcement,
  commandTau,
  discreteFor,
  keyTau,
  playStart,
  playTau,
  readoutAt,
  traceFor,
  traceKey,
  withExtraObservation,
  withoutLastObservation,
  type PlayDirection,
  type SensitivityUrlState,
  type StepCommand,
} from './model';
import type { DiscreteTrace } from './discreteProduct';
import { SensitivityTimePlot, sub } from './SensitivityTimePlot';
import { ObservationTicks } from './ObservationTicks';
import { measureSince, perfNow } from './perf';
import styles from './Sensitivity.module.css';
import { useLastGood } from '@/components/widgets/shared/useLastGood';

const fmt = (v: number) => formatNumber(v, { digits: 4 });
const SPEEDS = [0.25, 0.5, 1, 2, 4];
const STEP_CHOICES = [1, 2, 4, 8, 16, 32, 64, 128, 256];

function Value({ name, value }: { name: string; value: number }) {
  return (
    // The last bits of a float64 solve may differ between the server's engine and the browser's, and
    // a readout near 1e-12 (the backward drift) shows them: the client's value simply wins.
    <dd data-value={name} data-number={String(value)} suppressHydrationWarning>
      {fmt(value)}
    </dd>
  );
}

function column(values: Float64Array, stride: number, offset: number): Float64Array {
  const M = values.length / stride;
  const out = new Float64Array(M);
  for (let i = 0; i < M; i++) out[i] = values[i * stride + offset];
  return out;
}

interface TraceResult {
  trace: SensitivityTrace | null;
  /** What lib/ threw (typed lib/ode errors: MaxStepsExceededError, StepSizeUnderflowError, ...). */
  error: unknown;
}

export function SensitivityStepper({ initial, hidden = [], compact = false }: WidgetProps<SensitivityUrlState>) {
  const st = useSensitivityState(initial);
  const [discreteOn, setDiscreteOn] = useState(initial?.discrete ?? false);
  const [steps, setSteps] = useState(initial?.steps ?? 8);
  const [speed, setSpeed] = useState(initial?.speed ?? 1);
  const [budget, setBudget] = useState(initial?.budget ?? 10_000);
  const [playing, setPlaying] = useState<PlayDirection | null>(null);
  const reduced = useReducedMotion();
  // data-ready tells tests (and scripts) that the widget is hydrated and interactive.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const show = (name: string) => !compact && !hidden.includes(name);

  // ---- the trace: recomputed only when the problem changes ----
  const obsKey = st.obs.join(',');
  const result = useMemo<TraceResult>(() => {
    const key = traceKey(st.presetId, st.obs, budget);
    const miss = !hasTrace(key);
    const start = perfNow();
    try {
      const trace = traceFor(st.presetId, st.obs, budget);
      if (miss) measureSince('sensitivity-recompute', start);
      return { trace, error: null };
    } catch (err) {
      return { trace: null, error: err };
    }
    // obsKey stands for st.obs (a new array with the same times must not recompute)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [st.presetId, obsKey, budget]);
  const trace = useLastGood(result.trace);

  const discrete = useMemo<DiscreteTrace | null>(() => {
    if (!discreteOn || !result.trace) return null;
    try {
      return discreteFor(st.presetId, st.obs, steps);
    } catch {
      return null;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [discreteOn, result.trace, st.presetId, obsKey, steps]);

  const tau = trace ? clampTau(trace, st.tau) : st.tau;
  const readout = useMemo(() => (trace ? readoutAt(trace, tau, discrete) : null), [trace, tau, discrete]);

  // ---- τ updates, timed from input to committed DOM ----
  const redrawStart = useRef<number | null>(null);
  const { setTau } = st;
  const setTauTimed = useCallback(
    (v: number) => {
      redrawStart.current = perfNow();
      setTau(v);
    },
    [setTau],
  );
  useLayoutEffect(() => {
    if (redrawStart.current !== null) {
      measureSince('sensitivity-redraw', redrawStart.current);
      redrawStart.current = null;
    }
  }, [tau]);

  // ---- announcements (throttled, polite) ----
  const { message, announce } = useAnnouncer(700);
  const announceText = readout ? announcement(readout, fmt) : '';
  const interacted = useRef(false);
  useEffect(() => {
    if (interacted.current && announceText) announce(announceText);
  }, [announceText, announce]);

  // ---- playback ----
  const tauRef = useRef(tau);
  tauRef.current = tau;
  // Where the next playback starts, when it is set in the same event as `playing` (τ arrives later).
  const playFromRef = useRef<number | null>(null);
  const traceRef = useRef(trace);
  traceRef.current = trace;
  const speedRef = useRef(speed);
  speedRef.current = speed;
  // In the article setTau changes identity with every τ (ArticleState's value): keep the loop on a ref
  // so a frame's own update does not restart it.
  const setTauRef = useRef(setTauTimed);
  setTauRef.current = setTauTimed;
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last: number | null = null;
    // The loop keeps its own position: in the article τ reaches this root through ArticleState a
    // render or two later, so reading it back each frame would lose (or repeat) frames' progress.
    let pos = playFromRef.current ?? tauRef.current;
    playFromRef.current = null;
    const frame = (now: number) => {
      const tr = traceRef.current;
      if (!tr) return;
      const dt = last === null ? 0 : Math.min(0.1, (now - last) / 1000);
      last = now;
      const next = playTau(tr, pos, playing, speedRef.current, dt);
      if (next.tau !== pos) {
        pos = next.tau;
        setTauRef.current(pos);
      }
      if (next.done) setPlaying(null);
      else raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [playing]);

  const startPlay = (dir: PlayDirection) => {
    interacted.current = true;
    if (!trace) return;
    const from = playStart(trace, tau, dir);
    playFromRef.current = from;
    if (from !== tau) setTauTimed(from);
    setPlaying(dir);
  };

  // Autoplay once, backward from t_N, when the figure first scrolls into view — never with reduced motion.
  // "Seen" and "trace ready" are separate: the figure may come into view before its trace exists
  // (cold compute, lazy wake-up), and autoplay must then start as soon as the trace arrives.
  const rootRef = useRef<HTMLDivElement | null>(null);
  const autoplayed = useRef(false);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (reduced) {
      setPlaying((p) => (interacted.current ? p : null));
      return;
    }
    const el = rootRef.current;
    if (!el || autoplayed.current || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        setSeen(true);
        io.disconnect();
      },
      { threshold: 0.5 },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [reduced]);
  useEffect(() => {
    if (!seen || reduced || !trace || autoplayed.current || interacted.current) return;
    autoplayed.current = true;
    playFromRef.current = trace.obsTimes[trace.obsTimes.length - 1];
    setTauRef.current(playFromRef.current);
    setPlaying('backward');
  }, [seen, reduced, trace]);

  // ---- inputs ----
  const onScrub = (v: number) => {
    interacted.current = true;
    setPlaying(null);
    setTauTimed(v);
  };
  const onKey = (key: string, shift: boolean): boolean => {
    if (!trace) return false;
    const next = keyTau(trace, tau, key, shift);
    if (next === null) return false;
    interacted.current = true;
    setPlaying(null);
    setTauTimed(next);
    return true;
  };
  const onCommand = (cmd: StepCommand) => {
    if (!trace) return;
    interacted.current = true;
    setPlaying(null);
    setTauTimed(commandTau(trace, tau, cmd));
  };
  const edit = (fn: () => void) => {
    interacted.current = true;
    setPlaying(null);
    fn();
  };

  useReportEmbedState({
    preset: st.presetId,
    tau: Math.round(tau * 1000) / 1000,
    obs: formatObs(st.obs),
    param: st.paramIndex,
    discrete: discreteOn,
    steps,
    speed,
    budget,
  });

  // ---- charts ----
  const plane = useChartSize({ defaultWidth: 320, aspect: 1.05, minWidth: 260 });
  const time = useChartSize({ defaultWidth: 420, aspect: 1.55, minWidth: 260 });
  const preset = SENSITIVITY_PRESETS[st.presetId];

  const planeStatic = useMemo(() => {
    if (!trace || trace.D < 2) return null;
    const n = trace.batch * trace.D;
    const trajectories: Trajectory[] = [
      { id: 'fwd', label: 'forward z(t)', x: column(trace.zFwd, n, 0), y: column(trace.zFwd, n, 1), color: categoricalVar(0) },
      { id: 'back', label: 'z(t) reconstructed backward', x: column(trace.zBack, n, 0), y: column(trace.zBack, n, 1), color: categoricalVar(2), dash: '5 4', strokeWidth: 1.5 },
    ];
    if (trace.zExact) {
      trajectories.push({ id: 'exact', label: 'exact solution', x: column(trace.zExact, n, 0), y: column(trace.zExact, n, 1), color: vizVar.muted, dash: '1 4', strokeWidth: 2.5 });
    }
    const points: PlanePoint[] = [];
    let sMax = 0;
    for (let i = 0; i < trace.s.length; i += n) sMax = Math.max(sMax, Math.hypot(trace.s[i], trace.s[i + 1]));
    const N = trace.obsTimes.length - 1;
    for (let k = 1; k <= N; k++) {
      points.push({ id: `y${k}`, x: trace.targets[k * n], y: trace.targets[k * n + 1], label: `y${sub(k)}`, hollow: true, color: categoricalVar(4), r: 4 });
      points.push({ id: `zh${k}`, x: trace.zhat[k * n], y: trace.zhat[k * n + 1], color: categoricalVar(0), r: 3 });
    }
    const xs = [...Array.from(trajectories[0].x), ...points.map((p) => p.x)];
    const ys = [...Array.from(trajectories[0].y), ...points.map((p) => p.y)];
    const pad = (lo: number, hi: number) => [lo - 0.12 * (hi - lo || 1), hi + 0.12 * (hi - lo || 1)] as const;
    return {
      trajectories,
      points,
      sMax,
      xDomain: pad(Math.min(...xs), Math.max(...xs)),
      yDomain: pad(Math.min(...ys), Math.max(...ys)),
    };
  }, [trace]);

  // The moving marks (z(τ), the s(τ) arrows) are drawn through PhasePlane's children, so its props stay
  // identical while τ moves and it never rebuilds its scales or trajectory paths during a scrub.
  const planeDynamic = useMemo(() => {
    if (!planeStatic || !readout) return null;
    const len = (v: Float64Array) => 14 + (56 * Math.hypot(v[0], v[1])) / Math.max(1e-12, planeStatic.sMax);
    const arrows: { id: string; v: Float64Array; label: string; color: string }[] = [];
    if (Math.hypot(readout.s[0], readout.s[1]) > 0) arrows.push({ id: 's', v: readout.s, label: 's(τ)', color: categoricalVar(1) });
    if (readout.sDiscrete && Math.hypot(readout.sDiscrete[0], readout.sDiscrete[1]) > 0) {
      arrows.push({ id: 'sd', v: readout.sDiscrete, label: 'Euler s(τ)', color: categoricalVar(2) });
    }
    const z = readout.zFwd;
    return ({ x, y }: { x: (v: number) => number; y: (v: number) => number }) => {
      const px = x(z[0]);
      const py = y(z[1]);
      return (
        <g data-point="ztau" aria-label={`z(τ) at (${fmt(z[0])}, ${fmt(z[1])})`}>
          {arrows.map((a) => {
            // Direction in data units, drawn with a length that grows with |s| (pixels).
            const dx = x(z[0] + a.v[0]) - px;
            const dy = y(z[1] + a.v[1]) - py;
            const d = Math.hypot(dx, dy) || 1;
            const L = len(a.v);
            return <Arrow key={a.id} x1={px} y1={py} x2={px + (dx / d) * L} y2={py + (dy / d) * L} label={a.label} color={a.color} />;
          })}
          <circle className="viz-point" cx={px} cy={py} r={5} style={{ fill: vizVar.accent }} />
          <text className="viz-point-label" x={px + 7} y={py - 7}>
            z(τ)
          </text>
        </g>
      );
    };
  }, [planeStatic, readout]);

  const rootClass = compact ? `${styles.root} ${styles.compact}` : styles.root;
  const valueText = readout ? announcement(readout, fmt) : `τ = ${fmt(tau)}`;
  const span = trace ? [trace.obsTimes[0], trace.obsTimes[trace.obsTimes.length - 1]] : [0, 1];

  return (
    <div ref={rootRef} className={rootClass} data-widget="sensitivity" data-preset={st.presetId} data-playing={playing ?? ''} data-ready={ready ? '' : undefined}>
      {!compact && (
        <div className={styles.controls}>
          {show('preset') && (
            <label className={styles.label}>
              Problem
              <select
                className={styles.select}
                value={st.presetId}
                data-control="preset"
                onChange={(e) => edit(() => st.setPresetId(e.target.value as SensitivityPresetId))}
              >
                {SENSITIVITY_PRESET_IDS.map((id) => (
                  <option key={id} value={id}>
                    {SENSITIVITY_PRESETS[id].label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {show('play') && (
            <span className={styles.group} role="group" aria-label="Playback">
              <button type="button" className={styles.button} aria-pressed={playing === 'backward'} data-control="play-backward" onClick={() => (playing === 'backward' ? setPlaying(null) : startPlay('backward'))}>
                {playing === 'backward' ? '❚❚ Pause' : '◀ Play backward'}
              </button>
              <button type="button" className={styles.button} aria-pressed={playing === 'forward'} data-control="play-forward" onClick={() => (playing === 'forward' ? setPlaying(null) : startPlay('forward'))}>
                {playing === 'forward' ? '❚❚ Pause' : 'Play forward ▶'}
              </button>
            </span>
          )}
          {show('step') && (
            <span className={styles.group} role="group" aria-label="Step">
              <button type="button" className={styles.button} data-control="obs-back" onClick={() => onCommand('obs-back')} disabled={!trace || tau <= span[0]} aria-label="Previous observation (backward)">
                ⇤ obs
              </button>
              <button type="button" className={styles.button} data-control="step-back" onClick={() => onCommand('step-back')} disabled={!trace || tau <= span[0]} aria-label="One backward solver step">
                ◀ step
              </button>
              <button type="button" className={styles.button} data-control="step-forward" onClick={() => onCommand('step-forward')} disabled={!trace || tau >= span[1]} aria-label="One solver step forward">
                step ▶
              </button>
              <button type="button" className={styles.button} data-control="obs-forward" onClick={() => onCommand('obs-forward')} disabled={!trace || tau >= span[1]} aria-label="Next observation (forward)">
                obs ⇥
              </button>
            </span>
          )}
          {show('speed') && (
            <label className={styles.label}>
              Speed
              <select className={styles.select} value={speed} data-control="speed" onChange={(e) => setSpeed(Number(e.target.value))}>
                {SPEEDS.map((v) => (
                  <option key={v} value={v}>{`${v}×`}</option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}

      <ErrorBanner
        error={result.error}
        note={trace ? 'The figure shows the last problem that solved; a larger step budget or other times will solve it.' : 'Try a larger solver step budget.'}
      />

      <div className={styles.panels}>
        <div className={styles.plane} ref={plane.ref}>
          {planeStatic && planeDynamic ? (
            <PhasePlane
              width={plane.width}
              height={plane.height}
              title="Phase plane: the trajectory, and the sensitivity s(τ) as an arrow at z(τ)"
              trajectories={planeStatic.trajectories}
              points={planeStatic.points}
              xDomain={planeStatic.xDomain}
              yDomain={planeStatic.yDomain}
            >
              {planeDynamic}
            </PhasePlane>
          ) : (
            <svg viewBox={`0 0 ${plane.width} ${plane.height}`} role="img" aria-label="No solution to show" style={{ width: '100%', aspectRatio: `${plane.width} / ${plane.height}` }} />
          )}
        </div>
        <div className={styles.time} ref={time.ref}>
          {trace ? (
            <SensitivityTimePlot
              trace={trace}
              discrete={discrete}
              tau={tau}
              width={time.width}
              height={time.height}
              valueText={valueText}
              domain={show('obs') ? [Math.min(preset.tMin, span[0]), Math.max(preset.tMax, span[1])] : [span[0], span[1]]}
              onTau={onScrub}
              onKey={onKey}
            />
          ) : (
            <svg viewBox={`0 0 ${time.width} ${time.height}`} role="img" aria-label="No solution to show" style={{ width: '100%', aspectRatio: `${time.width} / ${time.height}` }} />
          )}
          {show('obs') && (
            <>
              <ObservationTicks
                obs={st.obs}
                width={time.width}
                constraint={{ min: preset.tMin, max: preset.tMax, minGap: preset.minGap }}
                onChange={(o) => edit(() => st.setObs(o))}
              />
              <span className={styles.group}>
                <button type="button" className={styles.button} data-control="obs-add" disabled={st.obs.length >= MAX_OBS} onClick={() => edit(() => st.setObs(withExtraObservation(st.obs)))} aria-label="Add an observation time">
                  + obs
                </button>
                <button type="button" className={styles.button} data-control="obs-remove" disabled={st.obs.length <= MIN_OBS} onClick={() => edit(() => st.setObs(withoutLastObservation(st.obs)))} aria-label="Remove the last observation time">
                  − obs
                </button>
              </span>
            </>
          )}
        </div>
      </div>

      {readout && (
        <dl className={styles.readout} aria-label="Values at τ">
          <div>
            <dt>τ</dt>
            <Value name="tau" value={readout.tau} />
          </div>
          {Array.from(readout.s, (v, d) => (
            <div key={`s${d}`}>
              <dt>{`s${sub(d + 1)}(τ)`}</dt>
              <Value name={`s-${d}`} value={v} />
            </div>
          ))}
          {!compact &&
            Array.from(readout.zFwd, (v, d) => (
              <div key={`zf${d}`}>
                <dt>{`z${sub(d + 1)} fwd`}</dt>
                <Value name={`z-fwd-${d}`} value={v} />
              </div>
            ))}
          {!compact &&
            Array.from(readout.zBack, (v, d) => (
              <div key={`zb${d}`}>
                <dt>{`z${sub(d + 1)} back`}</dt>
                <Value name={`z-back-${d}`} value={v} />
              </div>
            ))}
          {!compact && (
            <div>
              <dt>|gap|</dt>
              <Value name="z-gap" value={readout.gap} />
            </div>
          )}
          <div>
            <dt>nfe</dt>
            <Value name="nfe" value={readout.nfe} />
          </div>
          {!compact && trace && (
            <div>
              <dt>loss</dt>
              <Value name="loss" value={trace.loss} />
            </div>
          )}
          {readout.jump && (
            <>
              <div className={styles.jump}>
                <dt>{`at t${sub(readout.obsIndex)}`}</dt>
                <dd data-value="obs-index" data-number={String(readout.obsIndex)}>{`k = ${readout.obsIndex}`}</dd>
              </div>
              {Array.from(readout.jump, (v, d) => (
                <div key={`j${d}`} className={styles.jump}>
                  <dt>{`+∂L/∂ẑ${sub(readout.obsIndex)},${sub(d + 1)}`}</dt>
                  <Value name={`jump-${d}`} value={v} />
                </div>
              ))}
            </>
          )}
          {readout.sDiscrete &&
            Array.from(readout.sDiscrete, (v, d) => (
              <div key={`sd${d}`}>
                <dt>{`Euler s${sub(d + 1)}`}</dt>
                <Value name={`s-disc-${d}`} value={v} />
              </div>
            ))}
        </dl>
      )}

      {!compact && (show('discrete') || show('budget')) && (
        <div className={styles.controls}>
          {show('discrete') && (
            <>
              <label className={styles.label}>
                <input type="checkbox" checked={discreteOn} data-control="discrete" onChange={(e) => edit(() => setDiscreteOn(e.target.checked))} />
                Discrete view: backprop through Euler steps
              </label>
              {discreteOn && (
                <label className={styles.label}>
                  Euler steps per interval
                  <input
                    type="range"
                    className={styles.range}
                    min={0}
                    max={STEP_CHOICES.length - 1}
                    step={1}
                    value={Math.max(0, STEP_CHOICES.findIndex((v) => v >= steps))}
                    aria-valuetext={`${steps} steps per interval`}
                    data-control="steps"
                    onChange={(e) => setSteps(STEP_CHOICES[Number(e.target.value)])}
                  />
                  <span data-value="steps" data-number={String(steps)}>{steps}</span>
                </label>
              )}
            </>
          )}
          {show('budget') && (
            <label className={styles.label}>
              Solver step budget
              <select className={styles.select} value={budget} data-control="budget" onChange={(e) => edit(() => setBudget(Number(e.target.value)))}>
                {[...new Set([...STEP_BUDGETS, budget])].map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
      {!compact && (
        <p className={styles.hint}>
          Drag across the s(t) plot or focus it and use ← → (PageUp/PageDown, Home/End) to move τ; drag the observation ticks to move t{sub(1)}…t
          {sub(st.obs.length - 1)}.
        </p>
      )}
      <LiveRegion message={message} />
    </div>
  );
}
