// How θ is laid out for a reader: lib/adjoint's parameter blocks (W1, b1, W2, b2; A; ω, ζ) as column
// groups of the ∂f/∂θ heatmap, and short per-column labels (the group label already names the block).
import type { ParamBlock, ParamLabel } from '@/lib/adjoint/params';

const SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
export const subscript = (k: number): string => String(k).split('').map((c) => SUB[Number(c)] ?? c).join('');

export interface ParamGroup {
  label: string;
  start: number;
  end: number;
}

const SCALAR_NAMES: Record<string, string> = { sigma: 'σ', rho: 'ρ', beta: 'β', omega: 'ω', zeta: 'ζ' };

/** "W₁ (layer 1 weights)" and the like; scalars are named by their symbol. */
export function blockTitle(b: ParamBlock): string {
  switch (b.kind) {
    case 'W':
      return `W${subscript(b.layer + 1)} (layer ${b.layer + 1} weights)`;
    case 'b':
      return `b${subscript(b.layer + 1)} (layer ${b.layer + 1} biases)`;
    case 'A':
      return 'A';
    case 'scalar':
      return SCALAR_NAMES[b.name] ?? b.name;
  }
}

/** Short group label for the heatmap's column-group strip (space is tight). */
function blockShort(b: ParamBlock): string {
  switch (b.kind) {
    case 'W':
      return `W${subscript(b.layer + 1)}`;
    case 'b':
      return `b${subscript(b.layer + 1)}`;
    default:
      return b.kind === 'A' ? 'A' : (SCALAR_NAMES[b.name] ?? b.name);
  }
}

/** Column groups of ∂f/∂θ: one per block, labelled by layer and W/b. Scalar blocks share one group. */
export function paramColumnGroups(blocks: readonly ParamBlock[]): ParamGroup[] {
  if (blocks.every((b) => b.kind === 'scalar')) {
    const last = blocks[blocks.length - 1];
    return [{ label: 'physical parameters', start: 0, end: last.offset + last.size }];
  }
  return blocks.map((b) => ({ label: blockShort(b), start: b.offset, end: b.offset + b.size }));
}

/** Column label inside its group: "[0,3]" for a matrix entry, "[5]" for a bias, "ω" for a scalar. */
export function paramColumnLabel(l: ParamLabel): string {
  if (l.kind === 'W' || l.kind === 'A') return `[${l.row},${l.col}]`;
  if (l.kind === 'b') return `[${l.col}]`;
  return l.label;
}

/** The reader-facing name of one parameter: "W₁[0,3]", "b₂[1]", "A[1,0]", "ω". */
export function paramName(l: ParamLabel): string {
  if (l.kind === 'scalar') return l.label;
  const m = /^([A-Za-z]+)(\d*)/.exec(l.block);
  const base = m ? `${m[1]}${m[2] ? subscript(Number(m[2])) : ''}` : l.block;
  return `${base}${paramColumnLabel(l)}`;
}
