'use client';
// Figure 4: backpropagation through three layers, y = f₃(f₂(f₁(x, θ₁), θ₂), θ₃), one factor of
// eq:chain-rule at a time. The chain diagram marks the layer at work, the equation highlights the
// factor being applied, and the step panel shows the product itself: upstream row vector × the
// factor (a heatmap, rows = outputs) = the next row vector; ∂ℒ/∂θ_k appear as they are produced.
//
// Where the numbers come from: the explicit float64 chain (model.ts) in the server HTML and the
// first client render; once tfjs has loaded (dynamic import, after paint) every gradient, Jacobian
// and the loss shown is tfjs reverse-mode autodiff (float32, tfChain.ts) and the float64 chain
// becomes the check printed as "max |Δ|" (the forward values y_k stay float64). Both agree to ~1e-6,
// below the 4 digits printed: for the default network the text does not change when tfjs takes over,
// for others a last digit may move by one (~0.1 % of numbers; tfChain.test.ts). data-source on the
// root says which one is shown.
//
// data-value names (numbers carry data-number = full precision; read by e2e/backprop.spec.ts):
//   step              0…3 = the factor of eq:chain-rule being applied
//   loss, seed        ℒ = ½‖y₃ − y*‖², the weights' seed
//   upstream[i]       the row vector entering the step (∂ℒ/∂y₃, ∂ℒ/∂y₃, ∂ℒ/∂y₂, ∂ℒ/∂y₁)
//   jac[i,j]          the factor applied (∂y₃/∂y₂, ∂y₂/∂y₁, ∂y₁/∂θ₁), row i = output i
//   result[j]         upstream · factor (∂ℒ/∂y₂, ∂ℒ/∂y₁, ∂ℒ/∂θ₁)
//   dtheta-k-W[i,j], dtheta-k-b[i]   ∂ℒ/∂θ_k once produced (k = 3 at step 1, 2 at 2, 1 at 3)
//   tfjs-maxdiff      max |tfjs − float64| over every number of the figure
// Root of the figure: data-ready (interactive), data-step, data-seed, data-source ('float64' | 'tfjs').
// Performance entry: 'backprop-redraw' (a new step or seed → committed DOM).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Heatmap } from '@/components/viz/Heatmap';
import { useAnnouncer } from '@/components/viz/LiveRegion';
import { formatNumber } from '@/components/viz/format';
import { Button } from '@/components/controls/Button';
import { Scrubber } from '@/components/controls/Scrubber';
import { StepButtons } from '@/components/controls/StepButtons';
import { WidgetFrame, type ControlItem, type Readout } from '@/components/controls/WidgetFrame';
import { useReportEmbedState } from '@/components/embed/EmbedStateContext';
import type { WidgetProps } from '@/components/embed/widgetTypes';
import { ChainDiagram } from './ChainDiagram';
import { ChainEquation } from './ChainEquation';
import { VectorBars } from './VectorBars';
import { useTfjsChain } from './useTfjsChain';
import {
  CHAIN_RULE_EQ_NUMBER,
  FACTORS,
  STEP_COUNT,
  backpropSchema,
  backwardSteps,
  clampStep,
  explicitChain,
  forward,
  makeNetwork,
  maxAbsDiff,
  nextSeed,
  splitParamGrad,
  type BackpropUrlState,
  type ChainValues,
  type Network,
} from './model';
import styles from './Backprop.module.css';

const fmt = (v: number) => formatNumber(v, { digits: 4, trim: false });
const vecText = (v: readonly number[]) => `(${v.map(fmt).join(', ')})`;
/** The network's own numbers have two decimals: print them as they are (0.41, not 0.4100). */
const exact = (v: readonly number[]) => `(${v.map((x) => formatNumber(x, { digits: 4 })).join(', ')})`;
const SUB = ['₀', '₁', '₂', '₃'];
const LAST = STEP_COUNT - 1;

function measureRedraw(start: number): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  try {
    performance.measure('backprop-redraw', { start, end: performance.now() });
  } catch {
    // diagnostic only
  }
}

export function Backprop({ initial, hidden = [], compact = false }: WidgetProps<BackpropUrlState>) {
  const start = initial ?? backpropSchema.parse({});
  const [step, setStepState] = useState(() => clampStep(start.step));
  const [seed, setSeed] = useState(start.seed);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const net = useMemo(() => makeNetwork(seed), [seed]);
  const chain64 = useMemo(() => explicitChain(net), [net]);
  const tf = useTfjsChain(net);
  const values: ChainValues = tf?.values ?? chain64;
  const source = tf?.values ? 'tfjs' : 'float64';
  const maxDiff = tf?.values ? maxAbsDiff(chain64, tf.values) : Number.NaN;
  const steps = useMemo(() => backwardSteps(values), [values]);
  const cur = steps[step];

  // ---- redraw timing: first render at a new (step, seed) → committed DOM ----
  const key = `${step}/${seed}`;
  const lastKey = useRef<string | null>(null);
  const renderStart = useRef<number | null>(null);
  if (lastKey.current !== key) {
    if (lastKey.current !== null && typeof performance !== 'undefined') renderStart.current = performance.now();
    lastKey.current = key;
  }
  useLayoutEffect(() => {
    if (renderStart.current !== null) {
      measureRedraw(renderStart.current);
      renderStart.current = null;
    }
  }, [key]);

  // ---- interaction and announcements ----
  const { message, announce } = useAnnouncer(400);
  const interacted = useRef(false);
  const setStep = useCallback((s: number) => {
    interacted.current = true;
    setStepState(clampStep(s));
  }, []);
  const announceText = `Step ${step} of ${LAST}: ${cur.sentence} ${cur.resultLabel} = ${vecText(cur.result)}.`;
  useEffect(() => {
    if (interacted.current) announce(announceText);
  }, [announceText, announce]);

  useReportEmbedState({ step, seed });

  const controls: ControlItem[] = [
    {
      name: 'steps',
      node: (
        <StepButtons
          onPrev={() => setStep(step - 1)}
          onNext={() => setStep(step + 1)}
          prevShort="Back"
          nextShort="Next"
          prevLabel="previous factor (toward the loss)"
          nextLabel="apply the next factor of the chain rule"
          prevDisabled={step === 0}
          nextDisabled={step === LAST}
        />
      ),
    },
    {
      name: 'reset',
      node: (
        <span data-control="reset">
          <Button onClick={() => setStep(0)} aria-label="Reset: back to step 0, the loss">Reset</Button>
        </span>
      ),
    },
  ];
  if (!compact) {
    controls.push({
      name: 'weights',
      node: (
        <span data-control="weights" className={styles.weights}>
          <Button
            onClick={() => {
              interacted.current = true;
              setSeed(nextSeed(seed));
            }}
            aria-label={`New weights: draw another network (seed ${nextSeed(seed)})`}
          >
            New weights
          </Button>
        </span>
      ),
    });
    controls.push({
      name: 'stepper',
      node: (
        <Scrubber
          label="Backward pass: factor being applied"
          value={step}
          min={0}
          max={LAST}
          step={1}
          pageStep={LAST}
          onChange={setStep}
          format={(v) => `${v}: ${FACTORS[clampStep(v)].text}`}
          ticks={FACTORS.map((_, i) => ({ value: i }))}
        />
      ),
    });
  }

  const readouts: Readout[] = compact
    ? []
    : [
        { name: 'step', label: 'step', value: step, format: (v) => `${v} of ${LAST}` },
        { name: 'loss', label: 'loss ℒ', value: values.loss, format: fmt, title: 'ℒ = ½‖y₃ − y*‖²' },
        { name: 'seed', label: 'weights', value: seed, format: (v) => `seed ${v}` },
      ];

  return (
    <WidgetFrame
      id="backprop"
      title="Backpropagation through three layers"
      showTitle={!!initial && !compact}
      controls={controls}
      hidden={hidden}
      readouts={readouts}
      error={tf?.error ?? null}
      live={message}
      compact={compact}
    >
      <div className={styles.root} data-ready={ready ? '' : undefined} data-step={step} data-seed={seed} data-source={source}>
        <div className={styles.diagramWrap}>
          <ChainDiagram net={net} step={step} />
        </div>
        <ChainEquation step={step} onFactor={setStep} />
        <p className={styles.sentence} data-sentence="">
          <strong>Step {step}.</strong> {cur.sentence}
        </p>
        {!compact && (
          <>
            <StepPanel step={step} values={values} net={net} source={source} />
            <ParamCards step={step} values={values} source={source} />
            <ForwardValues net={net} />
            <p className={styles.source} data-source={source}>
              {source === 'tfjs' ? (
                <>Numbers by tfjs reverse-mode autodiff (float32). The explicit float64 chain of Jacobians agrees: max |Δ| = </>
              ) : (
                <>Numbers from the explicit float64 chain of Jacobians; tfjs autodiff {tf?.error ? 'is unavailable' : 'is loading…'} max |Δ| = </>
              )}
              <span data-value="tfjs-maxdiff" data-number={Number.isFinite(maxDiff) ? String(maxDiff) : undefined} aria-busy={Number.isFinite(maxDiff) ? undefined : true}>
                {Number.isFinite(maxDiff) ? formatNumber(maxDiff, { digits: 2 }) : '…'}
              </span>
              {Number.isFinite(maxDiff) && <> over all 68 numbers.</>}
            </p>
          </>
        )}
      </div>
    </WidgetFrame>
  );
}

// ---- the product of the current step: upstream · factor = result ----
const CELL = { w: 60, h: 30, label: 56 };
/** Parameter-gradient cards: wider cells, since ∂ℒ/∂W entries can print as 2.643×10⁻⁴. */
const CARD = { w: 80, label: 50 };

function matrixBox(rows: number, cols: number, groups: boolean) {
  const top = (groups ? 20 : 0) + 18 + 2;
  return { width: CELL.label + cols * CELL.w + 2, height: top + rows * CELL.h + 2 };
}

function StepPanel({ step, values, net, source }: { step: number; values: ChainValues; net: Network; source: string }) {
  const s = backwardSteps(values)[step];
  if (!s.matrix) {
    const y3 = forward(net).ys[3];
    return (
      <section className={styles.panel} aria-label="Step 0: the loss gradient" data-panel="0">
        <VectorBars name="upstream" label="∂ℒ/∂y₃" values={s.upstream} entryLabels={['y₃[1]', 'y₃[2]']} emphasis source={source} />
        <p className={styles.note}>
          = y₃ − y* = {vecText(y3)} − {exact(net.target)}. This row vector starts the backward pass; every later step multiplies it by one more factor.
        </p>
      </section>
    );
  }
  const k = s.layer ?? 1;
  const isParam = step === LAST;
  const box = matrixBox(s.matrix.length, s.matrix[0].length, isParam);
  const nIn = net.layers[0].W[0].length;
  const nOut = net.layers[0].W.length;
  return (
    <section className={styles.panel} aria-label={`Step ${step}: ${s.sentence}`} data-panel={step}>
      <div className={styles.product} data-param={isParam || undefined}>
        <VectorBars name="upstream" label={s.upstreamLabel} values={s.upstream} entryLabels={s.rowLabels} source={source} />
        <span className={styles.bigOp} aria-hidden="true">×</span>
        <div className={styles.matrix}>
          <div className={styles.matrixLabel}>
            {s.matrixLabel} <span className={styles.dim}>({s.matrix.length}×{s.matrix[0].length}, row = output)</span>
          </div>
          {/* ∂y₁/∂θ₁ has 9 columns: on a phone it scrolls sideways rather than shrink its digits to 6 px. */}
          <div className={isParam ? styles.scrollX : undefined}>
            <div style={{ maxWidth: box.width }}>
              <Heatmap
                width={box.width}
                height={box.height}
                title={`${s.matrixLabel}: row i is output ${s.rowLabels[0].slice(0, 2)}[i], column j is ${isParam ? 'parameter' : 'input'} j`}
                name="jac"
                values={s.matrix}
                rowLabels={s.rowLabels}
                colLabels={s.colLabels}
                colGroups={isParam ? [{ label: 'W₁', start: 0, end: nIn * nOut }, { label: 'b₁', start: nIn * nOut, end: nIn * nOut + nOut }] : undefined}
                rowLabelWidth={CELL.label}
                format={fmt}
                legend={false}
              />
            </div>
          </div>
        </div>
        <span className={styles.bigOp} aria-hidden="true">=</span>
        <VectorBars name="result" label={s.resultLabel} values={s.result} entryLabels={s.colLabels} emphasis source={source} />
      </div>
      <p className={styles.note}>
        {isParam
          ? `The last factor turns the row vector toward the parameters: ∂y₁/∂θ₁ has one column per entry of W₁ and b₁, and ∂ℒ/∂θ₁ is the whole left-hand side of equation ${CHAIN_RULE_EQ_NUMBER}.`
          : `∂y${SUB[k]}/∂y${SUB[k - 1]} = diag(${net.layers[k - 1].act === 'tanh' ? `1 − y${SUB[k]}²` : '1'}) W${SUB[k]}: row i is output y${SUB[k]}[i]. The row vector on the left picks a weighted sum of its rows.`}
      </p>
    </section>
  );
}

// ---- ∂ℒ/∂θ_k as they are produced (θ₃ at step 1, θ₂ at 2, θ₁ at 3) ----
function ParamCards({ step, values, source }: { step: number; values: ChainValues; source: string }) {
  return (
    <section className={styles.cards} aria-label="Parameter gradients">
      {[3, 2, 1].map((k) => {
        const at = 4 - k;
        const state = at < step ? 'done' : at === step ? 'current' : 'pending';
        const g = splitParamGrad(k, values.dtheta[k - 1]);
        const rows = g.W.length;
        const cols = g.W[0].length;
        const box = { width: CARD.label + cols * CARD.w + 2, height: 18 + 2 + rows * CELL.h + 2 };
        return (
          <div key={k} className={styles.card} data-card={k} data-state={state}>
            <div className={styles.cardTitle}>
              ∂ℒ/∂θ{SUB[k]} <span className={styles.dim}>{state === 'pending' ? `— produced at step ${at}` : state === 'current' ? '— just produced' : ''}</span>
            </div>
            {state === 'pending' ? (
              <p className={styles.pending}>not yet computed</p>
            ) : (
              <>
                <div className={styles.matrixLabel}>
                  ∂ℒ/∂W{SUB[k]} <span className={styles.dim}>({rows}×{cols}, row = output)</span>
                </div>
                <div style={{ maxWidth: box.width }}>
                  <Heatmap
                    width={box.width}
                    height={box.height}
                    title={`∂ℒ/∂W${SUB[k]}: row i is output y${SUB[k]}[i], column j is input y${SUB[k - 1]}[j]`}
                    name={`dtheta-${k}-W`}
                    values={g.W}
                    rowLabels={Array.from({ length: rows }, (_, i) => `y${SUB[k]}[${i + 1}]`)}
                    colLabels={Array.from({ length: cols }, (_, j) => (k === 1 ? `x[${j + 1}]` : `y${SUB[k - 1]}[${j + 1}]`))}
                    rowLabelWidth={CARD.label}
                    format={fmt}
                    legend={false}
                  />
                </div>
                <VectorBars name={`dtheta-${k}-b`} label={`∂ℒ/∂b${SUB[k]}`} values={g.b} entryLabels={Array.from({ length: g.b.length }, (_, i) => `b${SUB[k]}[${i + 1}]`)} source={source} />
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}


// ---- the concrete network ----
function ForwardValues({ net }: { net: Network }) {
  const fwd = forward(net);
  return (
    <details className={styles.details}>
      <summary>The network’s numbers (forward pass and weights)</summary>
      <dl className={styles.forward}>
        <div><dt>x</dt><dd data-value="x">{exact(fwd.ys[0])}</dd></div>
        {[1, 2, 3].map((k) => (
          <div key={k}>
            <dt>y{SUB[k]} = {net.layers[k - 1].act === 'tanh' ? 'tanh' : ''}(W{SUB[k]}y{SUB[k - 1]} + b{SUB[k]})</dt>
            <dd data-value={`y${k}`}>{vecText(fwd.ys[k])}</dd>
          </div>
        ))}
        <div><dt>target y*</dt><dd data-value="target">{exact(net.target)}</dd></div>
        {net.layers.map((l, i) => (
          <div key={`w${i}`}>
            <dt>W{SUB[i + 1]}, b{SUB[i + 1]}</dt>
            <dd>[{l.W.map(exact).join(', ')}], {exact(l.b)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
