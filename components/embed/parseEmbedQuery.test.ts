import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEmbedQuery } from './parseEmbedQuery';
import { qBoolean, qEnum, qInt, qNumber } from './queryParams';
import { embedPath, iframeSnippet, stateToQuery } from './embedUrl';

const schema = z.object({
  tau: qNumber(0.5, { min: 0, max: 1 }),
  steps: qInt(10, { min: 1, max: 1000 }),
  play: qBoolean(false),
  preset: qEnum(['spiral', 'linear'], 'spiral'),
});
const hidable = ['speed', 'step'] as const;
const defaults = { tau: 0.5, steps: 10, play: false, preset: 'spiral' };

describe('parseEmbedQuery', () => {
  it('gives the defaults for an empty query, with no problems', () => {
    expect(parseEmbedQuery('', schema, hidable)).toEqual({ state: defaults, hidden: [], problems: [] });
  });

  it('parses typed values from strings', () => {
    const r = parseEmbedQuery('?tau=0.25&steps=40&play=false&preset=linear&hide=speed,step', schema, hidable);
    expect(r.state).toEqual({ tau: 0.25, steps: 40, play: false, preset: 'linear' });
    expect(r.hidden).toEqual(['speed', 'step']);
    expect(r.problems).toEqual([]);
  });

  it('replaces only the invalid values by defaults and reports each', () => {
    const r = parseEmbedQuery('?tau=7&steps=abc&play=yes&preset=zzz&bogus=1&hide=speed,nope', schema, hidable);
    expect(r.state).toEqual({ ...defaults, play: true });
    expect(r.hidden).toEqual(['speed']);
    const text = r.problems.join(' | ');
    for (const word of ['tau=7', 'steps=abc', 'preset=zzz', 'bogus', 'hide=nope']) expect(text).toContain(word);
  });

  it('reads booleans as words, not as JavaScript truthiness', () => {
    expect(parseEmbedQuery('?play=0', schema, hidable).state.play).toBe(false);
    expect(parseEmbedQuery('?play=on', schema, hidable).state.play).toBe(true);
    expect(parseEmbedQuery('?play=maybe', schema, hidable).problems).toHaveLength(1);
  });

  it('rejects empty numbers instead of reading them as 0', () => {
    const r = parseEmbedQuery('?tau=', schema, hidable);
    expect(r.state.tau).toBe(0.5);
    expect(r.problems).toHaveLength(1);
  });
});

describe('embed URLs', () => {
  it('round-trips state through the query string', () => {
    const q = stateToQuery({ tau: 0.25, preset: 'linear', play: true, steps: 40, ignored: [1, 2] }, ['speed', 'step']);
    expect(q).toBe('?play=true&preset=linear&steps=40&tau=0.25&hide=speed,step');
    expect(parseEmbedQuery(q, schema, hidable)).toEqual({
      state: { tau: 0.25, steps: 40, play: true, preset: 'linear' },
      hidden: ['speed', 'step'],
      problems: [],
    });
  });

  it('builds paths with the trailing slash of the static export and escapes snippet attributes', () => {
    expect(embedPath('samples')).toBe('/embed/samples/');
    expect(iframeSnippet('https://x.org/embed/a/?p=1&q="2"', 'A <b> "title"', 300.4)).toBe(
      '<iframe src="https://x.org/embed/a/?p=1&amp;q=&quot;2&quot;" title="A &lt;b> &quot;title&quot;" width="100%" height="300" style="border:0;max-width:100%" loading="lazy" allow="fullscreen"></iframe>',
    );
  });
});
