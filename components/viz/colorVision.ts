// Colour-vision-deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1.0, applied in
// linear RGB). Used by tests to check that the diverging scheme survives deuteranopia/protanopia;
// not shipped to readers.
import { rgb } from 'd3-color';

type Matrix3 = readonly [number, number, number, number, number, number, number, number, number];

export const DEUTERANOPIA: Matrix3 = [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881];
export const PROTANOPIA: Matrix3 = [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998];

const toLinear = (v: number) => {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const toSrgb = (v: number) => {
  const c = Math.min(1, Math.max(0, v));
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
};

/** The colour as seen with the given deficiency, as "#rrggbb". */
export function simulate(color: string, m: Matrix3): string {
  const c = rgb(color);
  const [r, g, b] = [toLinear(c.r), toLinear(c.g), toLinear(c.b)];
  return rgb(
    toSrgb(m[0] * r + m[1] * g + m[2] * b),
    toSrgb(m[3] * r + m[4] * g + m[5] * b),
    toSrgb(m[6] * r + m[7] * g + m[8] * b),
  ).formatHex();
}
