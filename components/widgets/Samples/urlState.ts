// Figure 1's state in a URL (embeds, the Embed button's snippet): `?z0=1.2,0.4&seed=3&hide=train`.
// One zod schema serves typed props and query strings. Invalid values are rejected (not clamped), so
// parseEmbedQuery falls back to the default for that key and the embed page says what it ignored.
import { z } from 'zod';
import { qInt } from '@/components/embed/queryParams';
import { SEED_MAX, Z0_DEFAULT, Z0_LIMIT } from './model';

/** Controls an embed may hide: the gradient step, training, redrawing weights, reset. */
export const SAMPLES_HIDABLE = ['step', 'train', 'redraw', 'reset'] as const;
export type SamplesControl = (typeof SAMPLES_HIDABLE)[number];

const coordinate = z
  .number({ error: 'expected two numbers "x,y"' })
  .finite()
  .min(-Z0_LIMIT, { message: `each coordinate must be in [−${Z0_LIMIT}, ${Z0_LIMIT}]` })
  .max(Z0_LIMIT, { message: `each coordinate must be in [−${Z0_LIMIT}, ${Z0_LIMIT}]` });

/** "1.2,0.4" → [1.2, 0.4]; anything that is not exactly two numbers fails the tuple check. */
function parsePair(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const parts = v.split(',').map((s) => s.trim());
  return parts.map((s) => (s === '' ? Number.NaN : Number(s)));
}

export const samplesSchema = z.object({
  z0: z.preprocess(parsePair, z.tuple([coordinate, coordinate], { error: 'expected two numbers "x,y"' }).default([Z0_DEFAULT[0], Z0_DEFAULT[1]])),
  seed: qInt(0, { min: 0, max: SEED_MAX }),
});

export type SamplesUrlState = z.infer<typeof samplesSchema>;
