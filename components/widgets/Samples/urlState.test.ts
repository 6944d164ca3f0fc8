import { describe, expect, it } from 'vitest';
import { parseEmbedQuery } from '@/components/embed/parseEmbedQuery';
import { stateToQuery } from '@/components/embed/embedUrl';
import { SAMPLES_HIDABLE, samplesSchema } from './urlState';
import { toUrlState } from './embedState';

const parse = (search: string) => parseEmbedQuery(search, samplesSchema, SAMPLES_HIDABLE);

describe('Samples URL state', () => {
  it('defaults: z0 = (2, 0), seed 0', () => {
    expect(samplesSchema.parse({})).toEqual({ z0: [2, 0], seed: 0 });
    expect(parse('')).toEqual({ state: { z0: [2, 0], seed: 0 }, hidden: [], problems: [] });
  });

  it('reads the documented example', () => {
    expect(parse('?z0=1.2,0.4&seed=3&hide=train')).toEqual({ state: { z0: [1.2, 0.4], seed: 3 }, hidden: ['train'], problems: [] });
    // %2C (an encoded comma) too, and typed props.
    expect(parse('?z0=-1%2C%200.5').state.z0).toEqual([-1, 0.5]);
    expect(samplesSchema.parse({ z0: [1, 1], seed: 2 })).toEqual({ z0: [1, 1], seed: 2 });
  });

  it('invalid values fall back to their defaults, keep the valid ones, and are reported', () => {
    for (const bad of ['abc', '1', '1,2,3', '1,', '9,0', 'NaN,0', '']) {
      const r = parse(`?z0=${bad}&seed=4`);
      expect(r.state, bad).toEqual({ z0: [2, 0], seed: 4 });
      expect(r.problems.length, bad).toBe(1);
      expect(r.problems[0]).toContain('"z0=');
    }
    const r = parse('?z0=1,1&seed=-3&hide=train,nope&zoom=2');
    expect(r.state).toEqual({ z0: [1, 1], seed: 0 });
    expect(r.hidden).toEqual(['train']);
    expect(r.problems).toHaveLength(3);
    expect(parse('?seed=1.5').state.seed).toBe(0);
  });

  it('round-trips through the Embed snippet’s query format', () => {
    const q = stateToQuery(toUrlState([1.25, -0.5], 7), ['train']);
    expect(q).toBe('?seed=7&z0=1.25,-0.5&hide=train');
    expect(parse(q)).toEqual({ state: { z0: [1.25, -0.5], seed: 7 }, hidden: ['train'], problems: [] });
  });
});
