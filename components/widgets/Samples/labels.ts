// Shared look of Figure 1's marks, so the phase plane, the time plots and the table agree.
import { categoricalVar } from '@/components/viz/theme';

export const SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'] as const;
/** Truth in the first categorical colour, solid; the network in the second, dashed (two channels). */
export const TRUE_COLOR = categoricalVar(0);
export const PRED_COLOR = categoricalVar(1);
export const PRED_DASH = '6 4';
/** Fixed axes (z0 stays within ±2.5): dragging never rescales the plot under the pointer. */
export const PLOT_DOMAIN: readonly [number, number] = [-3, 3];
