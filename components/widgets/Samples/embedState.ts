// The state Figure 1 reports to its Embed button, in URL form (primitives only, as stateToQuery
// wants): z0 as "x,y". Kept apart from urlState.ts so the client bundle does not need zod for it.
import type { Vec2 } from './model';

export function toUrlState(z0: Vec2, seed: number): { z0: string; seed: number } {
  return { z0: `${z0[0]},${z0[1]}`, seed };
}
