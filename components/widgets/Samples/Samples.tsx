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
import { useAnnouncer } from '@/components/viz/LiveRegion';
import { WidgetFrame, type ControlItem, type Readout } from '@/components/controls/WidgetFrame';
import { ReadoutList } from './ReadoutList';
import { Button } from '@/components/controls/Button';
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
import type { SamplesUrlState } from './urlState';
import { toUrlState } from './embedState';
import { SamplesPlane } from './SamplesPlane';
import { SamplesTimePlot } from './SamplesTimePlot';
import { useTraining } from './useTraining';
import { SUB } from './labels';
import styles from './Samples.module.css';

interface View {
  state: SamplesState;
  fig: SamplesFigure;
}

type Computed = { ok: true; view: View; ms: number } | { ok: false; error: unknown };

/** Every lib call is wrapped: a failure leaves the last good view on screen and reports the message. */
function compute(state: SamplesState): Computed {
  const t0 = typeof performance !== 'undefined' ? performance.now() : 0;
  try {
    const fig = computeFigure(state);
    const ms = typeof performance !== 'undefined' ? performance.now() - t0 : 0;
    // A user-timing entry per recompute (the first one is hydration's), for the e2e timing report.
    if (typeof window !== 'undefined') performance.measure('samples:figure', { start: t0 });
    return { ok: true, view: { state, fig }, ms };
  } catch (err) {
    return { ok: false, error: err };
  }
}

const fmt = (v: number) => formatNumber(v, { digits: 4 });

export function Samples({ initial, hidden = [], compact = false }: WidgetProps<SamplesUrlState>) {
  const [startState] = useState(() => initialState({ z0: initial?.z0, seed: initial?.seed }));
  const [view, setView] = useState<View | null>(() => {
    const c = compute(startState);
    return c.ok ? c.view : null;
  });
  const [error, setError] = useState<unknown>(() => (view ? null : new Error('The figure could not be computed.')));
  const viewRef = useRef(view);
  viewRef.current = view;
  // The widget root is WidgetFrame's; test/timing markers go on it through this inner element.
  const innerRef = useRef<HTMLDivElement>(null);
  const root = (): HTMLElement | null => innerRef.current?.closest<HTMLElement>('[data-widget]') ?? null;
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
    onError: setError,
    reducedMotion,
  });

  const onMoveZ0 = useCallback(
    (x: number, y: number) => {
      const v = viewRef.current;
      if (!v) return;
      const next = setZ0(v.state, [x, y]);
      if (next === v.state) return;
      const shown = show(next);
      const el = root();
      if (el) {
        el.dataset.recomputeMs = timing.current.last.toFixed(2);
        el.dataset.recomputeMaxMs = timing.current.max.toFixed(2);
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
      const el = root();
      if (el) el.dataset.stepMs = (performance.now() - t0).toFixed(2);
      if (shown) {
        announce(
          r.moved
            ? `Gradient step ${shown.state.steps}: loss ${fmt(r.lossAfter)} (was ${fmt(r.lossBefore)}).`
            : `No step lowers the loss further (loss ${fmt(r.lossBefore)}).`,
        );
      }
    } catch (err) {
      setError(err);
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
    root()?.setAttribute('data-ready', '');
  }, []);

  useReportEmbedState(view ? toUrlState(view.state.z0, view.state.seed) : {});

  const fig = view?.fig;
  const st = view?.state;

  const controls: ControlItem[] = [
    {
      name: 'step',
      node: (
        <Button variant="primary" data-control="step" onClick={onStep} disabled={!view || training.running}>
          Gradient step
        </Button>
      ),
    },
  ];
  if (!compact) {
    controls.push(
      {
        name: 'train',
        node: (
          <Button data-control="train" onClick={onTrain} disabled={!view} aria-pressed={training.running}>
            {training.running ? 'Stop training' : `Train ${TRAIN_STEPS} steps`}
          </Button>
        ),
      },
      {
        name: 'redraw',
        node: (
          <Button data-control="redraw" onClick={onRedraw} disabled={!view}>
            Redraw weights
          </Button>
        ),
      },
    );
  }
  controls.push({
    name: 'reset',
    node: (
      <Button data-control="reset" onClick={onReset} disabled={!view}>
        Reset
      </Button>
    ),
  });

  const readouts: Readout[] = st && fig ? [
    { name: 'loss', label: 'loss L', value: fig.loss, format: fmt, title: 'L = Σᵢ |ẑᵢ − zᵢ|², i = 1..3' },
    { name: 'step-count', label: 'gradient steps', value: st.steps },
  ] : [];
  if (st && !compact) {
    readouts.push(
      { name: 'seed', label: 'weights: seed', value: st.seed, title: 'seed 0 is the article’s network; Redraw weights draws the next seed' },
      { name: 'z0-x', label: 'z₀,₁', value: st.z0[0], format: fmt },
      { name: 'z0-y', label: 'z₀,₂', value: st.z0[1], format: fmt },
    );
  }

  return (
    <WidgetFrame
      id="samples"
      title="Samples from a neural ODE"
      hidden={hidden}
      controls={controls}
      controlsBelow
      error={error}
      onDismissError={() => setError(null)}
      live={message}
      compact={compact}
    >
      <div ref={innerRef} className={compact ? `${styles.root} ${styles.compact}` : styles.root}>
        {fig && (
          <div className={styles.panels}>
            <div className={styles.plane}>
              <SamplesPlane fig={fig} onMoveZ0={onMoveZ0} size={compact ? 300 : 360} />
            </div>
            {!compact && (
              <div className={styles.time}>
                <SamplesTimePlot fig={fig} component={0} width={420} height={220} />
                <SamplesTimePlot fig={fig} component={1} width={420} height={220} />
              </div>
            )}
          </div>
        )}
        <ReadoutList readouts={readouts} />
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
        {!compact && (
          <p className={styles.hint}>
            Drag z₀ or focus it and use the arrow keys (Shift: bigger steps). Each gradient step uses dL/dθ from the adjoint method.
          </p>
        )}
      </div>
    </WidgetFrame>
  );
}
