// Keyboard movement between heatmap cells (the roving-tabindex grid pattern of the ARIA APG):
// arrows move one cell, Home/End go to the row's ends, Ctrl+Home/Ctrl+End to the first/last cell,
// PageUp/PageDown move `page` rows. Returns null for keys the grid does not handle.
//
//   moveCell('ArrowRight', [0, 0], 2, 3)   // [0, 1]

export function moveCell(
  key: string, [i, j]: readonly [number, number], rows: number, cols: number,
  { ctrl = false, page = 5 }: { ctrl?: boolean; page?: number } = {},
): [number, number] | null {
  const clamp = (v: number, n: number) => Math.min(n - 1, Math.max(0, v));
  switch (key) {
    case 'ArrowRight': return [i, clamp(j + 1, cols)];
    case 'ArrowLeft': return [i, clamp(j - 1, cols)];
    case 'ArrowDown': return [clamp(i + 1, rows), j];
    case 'ArrowUp': return [clamp(i - 1, rows), j];
    case 'Home': return ctrl ? [0, 0] : [i, 0];
    case 'End': return ctrl ? [rows - 1, cols - 1] : [i, cols - 1];
    case 'PageDown': return [clamp(i + page, rows), j];
    case 'PageUp': return [clamp(i - page, rows), j];
    default: return null;
  }
}
