'use client';
// Figure 1 live: samples z0..z3 of a true 2-D system, the neural ODE's predictions ẑ1..ẑ3 solved
// from z0, the squared errors between them and the loss L; drag z0, take adjoint gradient steps,
// redraw the network's weights. The initial state is computed during render (float64, a few ms),
// so the server HTML already holds the full SVG and hydration changes nothing.
//
// data-value names (stable, read by e2e tests):
//   loss, step-count, seed, z0-x, z0-y,
//   z{i}-x, z{i}-y (samples, i = 1..3), zhat-{i}-x, zhat-{i}-y (predictions), sqerr-{i} (|ẑᵢ − zᵢ|²)
// data-control names: step, train, redraw, reset (the hidable ones, see urlState.ts).
// After hydration the root carries data-ready (tests wait for it before pressing keys).
// After an interaction the root carries data-recompute-ms (last) and data-recompute-max-ms (worst)
// of the float64 recompute per drag/key event, and data-step-ms (adjoint gradient step + recompute
// of the last "Gradient step" click), for the e2e timing report.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WidgetProps } from '@/components/embed/widgetTypes';
import { useReportEmbedState } from '@/components/embed/EmbedStateContext';
import { formatNumber } from '@/components/viz/format';
import { LiveRegion, useAnnouncer } from '@/components/viz/LiveRegion';
import { useReducedMotion } from '@/components/viz/useReducedMotion';
import {
  TRAIN_STEPS,
  computeFigure,
  gradientStep,
  initialState,
  redraw,
  setZ0,
  type SamplesFigure,
  type SamplesState,
} from './model';
import { toUrlState, type SamplesUrlState } from './urlState';
import { SamplesPlane } from './SamplesPlane';
import { SamplesTimePlot } from './SamplesTimePlot';
import { useTraining } from './useTraining';
import { SUB } from './labels';
import styles from './Samples.module.css';

interface View {
  state: SamplesState;
  fig: SamplesFigure;
}

type Computed = { ok: true; view: View; ms: number } | { ok: false; error: string };

function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Every lib call is wrapped: a failure leaves the last good view on screen and reports the message. */
function compute(state: SamplesState): Computed {
  const t0 = typeof performance !== 'undefined' ? performance.now() : 0;
  try {
    const fig = computeFigure(state);
    const ms = typeof performance !== 'undefined' ? performance.now() - t0 : 0;
    return { ok: true, view: { state, fig }, ms };
  } catch (err) {
    return { ok: false, error: describeError(err) };
  }
}

const fmt = (v: number) => formatNumber(v, { digits: 4 });

export function Samples({ initial, hidden = [], compact = false }: WidgetProps<SamplesUrlState>) {
  const [startState] = useState(() => initialState({ z0: initial?.z0, seed: initial?.seed }));
  const [view, setView] = useState<View | null>(() => {
    const c = compute(startState);
    return c.ok ? c.view : null;
  });
  const [error, setError] = useState<string | null>(() => (view ? null : 'The figure could not be computed.'));
  const viewRef = useRef(view);
  viewRef.current = view;
  const rootRef = useRef<HTMLDivElement>(null);
  const timing = useRef({ last: 0, max: 0 });
  const reducedMotion = useReducedMotion();
  const { message, announce } = useAnnouncer();

  /** Shows `state` if it computes; otherwise keeps the current view and shows the error. */
  const show = useCallback((state: SamplesState): View | null => {
    const c = compute(state);
    if (!c.ok) {
      setError(c.error);
      return null;
    }
    timing.current.last = c.ms;
    timing.current.max = Math.max(timing.current.max, c.ms);
    viewRef.current = c.view;
    setView(c.view);
    setError(null);
    return c.view;
  }, []);

  const current = useCallback((): SamplesState => viewRef.current?.state ?? startState, [startState]);

  const training = useTraining({
    current,
    commit: (state, done) => {
      const v = show(state);
      if (v && done) announce(`Trained: ${v.state.steps} steps, loss ${fmt(v.fig.loss)}.`);
      return v !== null;
    },
    onError: (err) => setError(describeError(err)),
    reducedMotion,
  });

  const onMoveZ0 = useCallback(
    (x: number, y: number) => {
      const v = viewRef.current;
      if (!v) return;
      const next = setZ0(v.state, [x, y]);
      if (next === v.state) return;
      const shown = show(next);
      if (rootRef.current) {
        rootRef.current.dataset.recomputeMs = timing.current.last.toFixed(2);
        rootRef.current.dataset.recomputeMaxMs = timing.current.max.toFixed(2);
      }
      if (shown) announce(`z₀ = (${fmt(shown.state.z0[0])}, ${fmt(shown.state.z0[1])}), loss ${fmt(shown.fig.loss)}.`);
    },
    [show, announce],
  );

  const onStep = () => {
    const v = viewRef.current;
    if (!v || training.running) return;
    try {
      const t0 = performance.now();
      const r = gradientStep(v.state, v.fig.samples);
      const shown = show(r.state);
      if (rootRef.current) rootRef.current.dataset.stepMs = (performance.now() - t0).toFixed(2);
      if (shown) {
        announce(
          r.moved
            ? `Gradient step ${shown.state.steps}: loss ${fmt(r.lossAfter)} (was ${fmt(r.lossBefore)}).`
            : `No step lowers the loss further (loss ${fmt(r.lossBefore)}).`,
        );
      }
    } catch (err) {
      setError(describeError(err));
    }
  };

  const onTrain = () => {
    if (training.running) training.stop();
    else training.start(TRAIN_STEPS);
  };

  const onRedraw = () => {
    const v = viewRef.current;
    if (!v) return;
    training.stop();
    const shown = show(redraw(v.state, v.state.seed + 1));
    if (shown) announce(`New weights, seed ${shown.state.seed}: loss ${fmt(shown.fig.loss)}.`);
  };

  const onReset = () => {
    training.stop();
    const shown = show(startState);
    if (shown) announce(`Reset: loss ${fmt(shown.fig.loss)}.`);
  };

  // Set outside React's attributes so server and first client render stay identical.
  useEffect(() => {
    rootRef.current?.setAttribute('data-ready', '');
  }, []);

  useReportEmbedState(view ? toUrlState(view.state.z0, view.state.seed) : {});

  const isHidden = (c: string) => hidden.includes(c);
  const fig = view?.fig;
  const st = view?.state;

  return (
    <div ref={rootRef} data-widget="samples" className={compact ? `${styles.root} ${styles.compact}` : styles.root}>
      {fig && st && (
        <div className={styles.panels}>
          <div className={styles.plane}>
            <SamplesPlane fig={fig} onMoveZ0={onMoveZ0} size={compact ? 300 : 360} />
          </div>
          {!compact && (
            <div className={styles.time}>
              <SamplesTimePlot fig={fig} component={0} width={420} height={180} />
              <SamplesTimePlot fig={fig} component={1} width={420} height={180} />
            </div>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      {fig && st && (
        <div className={styles.readout}>
          <span className={styles.loss}>
            L = <span data-value="loss">{fmt(fig.loss)}</span>
          </span>
          <span>
            gradient steps: <span data-value="step-count">{st.steps}</span>
          </span>
          {!compact && (
            <>
              <span>
                weights: seed <span data-value="seed">{st.seed}</span>
              </span>
              <span>
                z₀ = (<span data-value="z0-x">{fmt(st.z0[0])}</span>, <span data-value="z0-y">{fmt(st.z0[1])}</span>)
              </span>
            </>
          )}
        </div>
      )}
      {fig && !compact && (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="viz-sr-only">Samples, predictions and squared errors at each observation time</caption>
            <thead>
              <tr>
                <th scope="col">i</th>
                <th scope="col">tᵢ</th>
                <th scope="col">sample zᵢ</th>
                <th scope="col">prediction ẑᵢ</th>
                <th scope="col">|ẑᵢ − zᵢ|²</th>
              </tr>
            </thead>
            <tbody>
              {fig.times.slice(1).map((t, k) => {
                const i = k + 1;
                return (
                  <tr key={i}>
                    <th scope="row">{i}</th>
                    <td>{fmt(t)}</td>
                    <td>
                      (<span data-value={`z${i}-x`}>{fmt(fig.samples[i][0])}</span>, <span data-value={`z${i}-y`}>{fmt(fig.samples[i][1])}</span>)
                    </td>
                    <td>
                      (<span data-value={`zhat-${i}-x`}>{fmt(fig.zhat[i][0])}</span>, <span data-value={`zhat-${i}-y`}>{fmt(fig.zhat[i][1])}</span>)
                    </td>
                    <td>
                      <span data-value={`sqerr-${i}`} aria-label={`squared error at t${SUB[i]}`}>
                        {fmt(fig.sqErr[i])}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className={styles.controls} role="group" aria-label="Training controls">
        {!isHidden('step') && (
          <button type="button" className={styles.button} data-control="step" onClick={onStep} disabled={!view || training.running}>
            Gradient step
          </button>
        )}
        {!compact && !isHidden('train') && (
          <button type="button" className={styles.button} data-control="train" onClick={onTrain} disabled={!view} aria-pressed={training.running}>
            {training.running ? 'Stop training' : `Train ${TRAIN_STEPS} steps`}
          </button>
        )}
        {!compact && !isHidden('redraw') && (
          <button type="button" className={styles.button} data-control="redraw" onClick={onRedraw} disabled={!view}>
            Redraw weights
          </button>
        )}
        {!isHidden('reset') && (
          <button type="button" className={styles.button} data-control="reset" onClick={onReset} disabled={!view}>
            Reset
          </button>
        )}
      </div>
      {!compact && (
        <p className={styles.hint}>
          Drag z₀ or focus it and use the arrow keys (Shift: bigger steps). Each gradient step uses dL/dθ from the adjoint method.
        </p>
      )}
      <LiveRegion message={message} />
    </div>
  );
}
