// The network as a chain, x → [f₁ | θ₁] → y₁ → [f₂ | θ₂] → y₂ → [f₃ | θ₃] → y₃ → ℒ, with the
// backward pass drawn on a lane underneath (right to left) and up into each θ_k when its gradient
// is produced. Pure SVG from props (no state): the same markup on the server and the client.
// States per element: 'done' (its gradient is known), 'current' (this step), 'pending'.
// One small viewBox (440 wide) so that the glyphs stay readable when the figure shrinks to a phone.
import { FACTORS, forward, type Network } from './model';
import { formatNumber } from '@/components/viz/format';
import styles from './Backprop.module.css';

type State = 'done' | 'current' | 'pending';

const W = 440;
const H = 142;
const ROW = 84; // forward row
const LANE = 128; // backward lane
const THETA = 26; // parameter row
const X0 = 22;
const DX = 55;
/** Centres along the row: x, f₁, y₁, f₂, y₂, f₃, y₃, ℒ. */
const cx = (i: number) => X0 + i * DX;
const R = 15;
const BOX = { w: 40, h: 30 };

const fmt = (v: number) => formatNumber(v, { digits: 4, trim: false });
const vec = (v: readonly number[]) => `(${v.map(fmt).join(', ')})`;

/**
 * A filled triangle whose tip is at (x, y), pointing `dir`, `size` long. Drawn as paths rather than
 * SVG markers: marker ids would have to be unique per figure, and useId differs between the server
 * HTML and the figure's client root, so new lines would point at a marker id that does not exist.
 */
function head(x: number, y: number, dir: 'left' | 'right' | 'up' | 'down', size: number): string {
  const w = size * 0.55;
  switch (dir) {
    case 'right': return `M${x},${y} L${x - size},${y - w} L${x - size},${y + w} Z`;
    case 'left': return `M${x},${y} L${x + size},${y - w} L${x + size},${y + w} Z`;
    case 'down': return `M${x},${y} L${x - w},${y - size} L${x + w},${y - size} Z`;
    default: return `M${x},${y} L${x - w},${y + size} L${x + w},${y + size} Z`;
  }
}

/** When is each gradient known? ∂ℒ/∂y₃ at step 0, ∂ℒ/∂y₂ and ∂ℒ/∂θ₃ at 1, ∂ℒ/∂y₁ and ∂ℒ/∂θ₂ at 2, ∂ℒ/∂θ₁ at 3. */
function stateAt(producedAt: number, step: number): State {
  return producedAt < step ? 'done' : producedAt === step ? 'current' : 'pending';
}

export interface ChainDiagramProps {
  net: Network;
  step: number;
}

export function ChainDiagram({ net, step }: ChainDiagramProps) {
  const fwd = forward(net);
  const yState = (k: number) => stateAt(3 - k, step); // y₃ → 0, y₂ → 1, y₁ → 2
  const thetaState = (k: number) => stateAt(4 - k, step); // θ₃ → 1, θ₂ → 2, θ₁ → 3
  const layerState = (k: number): State => stateAt(4 - k, step); // f_k works at the step that produces θ_k
  const nodes = [
    { key: 'x', i: 0, label: 'x', value: fwd.ys[0], state: 'pending' as State },
    { key: 'y1', i: 2, label: 'y₁', value: fwd.ys[1], state: yState(1) },
    { key: 'y2', i: 4, label: 'y₂', value: fwd.ys[2], state: yState(2) },
    { key: 'y3', i: 6, label: 'y₃', value: fwd.ys[3], state: yState(3) },
  ];
  const lossState: State = step === 0 ? 'current' : 'done';
  // Backward lane: ℒ → y₃ (step 0), y₃ → y₂ through f₃ (1), y₂ → y₁ through f₂ (2), y₁ → f₁ (3).
  const lane = [
    { from: cx(7), to: cx(6), at: 0 },
    { from: cx(6), to: cx(4), at: 1 },
    { from: cx(4), to: cx(2), at: 2 },
    { from: cx(2), to: cx(1), at: 3 },
  ];
  const label = `Chain diagram at step ${step}: ${FACTORS[step].text} is being applied.`;
  return (
    <svg className={`viz-svg ${styles.diagram}`} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-diagram-step={step}>
      <title>{label}</title>

      {/* forward edges, left to right */}
      {Array.from({ length: 7 }, (_, i) => {
        const startsAtBox = i % 2 === 1;
        const endsAtBox = i % 2 === 0 && i < 6;
        const x1 = cx(i) + (startsAtBox ? BOX.w / 2 : R);
        const x2 = cx(i + 1) - (endsAtBox ? BOX.w / 2 : R) - 2;
        return (
          <g key={i}>
            <line x1={x1} x2={x2 - 5} y1={ROW} y2={ROW} className={styles.edgeFwd} />
            <path d={head(x2, ROW, 'right', 6)} className={styles.headFwd} />
          </g>
        );
      })}

      {/* layers with their parameters */}
      {[1, 2, 3].map((k) => {
        const x = cx(2 * k - 1);
        const ls = layerState(k);
        const ts = thetaState(k);
        return (
          <g key={k} data-layer={k} data-state={ls}>
            <title>{`f${'₁₂₃'[k - 1]}: ${net.layers[k - 1].act === 'tanh' ? 'tanh' : 'linear'} layer, ${net.layers[k - 1].W[0].length} → ${net.layers[k - 1].W.length}`}</title>
            <line x1={x - 5} x2={x - 5} y1={THETA + 11} y2={ROW - BOX.h / 2 - 7} className={styles.edgeFwd} />
            <path d={head(x - 5, ROW - BOX.h / 2 - 1, 'down', 6)} className={styles.headFwd} />
            {ts !== 'pending' && (
              <g>
                <line x1={x + 5} x2={x + 5} y1={ROW - BOX.h / 2} y2={THETA + 19} className={styles.edgeBwd} data-state={ts} />
                <path d={head(x + 5, THETA + 12, 'up', 8)} className={styles.headBwd} />
              </g>
            )}
            <rect x={x - 17} y={THETA - 11} width={34} height={22} rx={4} className={styles.theta} data-state={ts} data-theta={k} />
            <text x={x} y={THETA} dy="0.35em" textAnchor="middle" className={styles.nodeText}>θ{'₁₂₃'[k - 1]}</text>
            <rect x={x - BOX.w / 2} y={ROW - BOX.h / 2} width={BOX.w} height={BOX.h} rx={3} className={styles.layer} data-state={ls} />
            <text x={x} y={ROW} dy="0.35em" textAnchor="middle" className={styles.nodeText}>f{'₁₂₃'[k - 1]}</text>
          </g>
        );
      })}

      {/* values */}
      {nodes.map((n) => (
        <g key={n.key} data-node={n.key} data-state={n.state}>
          <title>{`${n.label} = ${vec(n.value)}`}</title>
          <circle cx={cx(n.i)} cy={ROW} r={R} className={styles.node} data-state={n.state} />
          <text x={cx(n.i)} y={ROW} dy="0.35em" textAnchor="middle" className={styles.nodeText}>{n.label}</text>
        </g>
      ))}
      <g data-node="loss" data-state={lossState}>
        <title>{`ℒ = ½‖y₃ − y*‖² = ${fmt(fwd.loss)}`}</title>
        <circle cx={cx(7)} cy={ROW} r={R} className={styles.node} data-state={lossState} />
        <text x={cx(7)} y={ROW} dy="0.35em" textAnchor="middle" className={styles.nodeText}>ℒ</text>
      </g>

      {/* backward lane, right to left */}
      <text x={2} y={LANE} dy="0.35em" className={styles.laneLabel}>backward</text>
      {lane.map((s) => {
        const st = stateAt(s.at, step);
        return (
          <g key={s.at}>
            <line
              x1={s.from - 4}
              x2={st === 'pending' ? s.to + 4 : s.to + 11}
              y1={LANE}
              y2={LANE}
              className={st === 'pending' ? styles.edgePending : styles.edgeBwd}
              data-state={st}
              data-lane={s.at}
            />
            {st !== 'pending' && <path d={head(s.to + 4, LANE, 'left', 8)} className={styles.headBwd} />}
          </g>
        );
      })}
      {lane.map((s) => (
        <line key={`tick-${s.at}`} x1={s.from} x2={s.from} y1={ROW + R + 2} y2={LANE - 3} className={styles.edgeTick} />
      ))}
      <line x1={cx(1)} x2={cx(1)} y1={ROW + BOX.h / 2 + 2} y2={LANE - 3} className={styles.edgeTick} />
    </svg>
  );
}
