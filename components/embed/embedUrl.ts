// Embed URLs and copy-ready snippets. Pure string work, shared by the Embed dialog, the oEmbed
// files and the tests, so all three agree on one format.

/** The site's sub-path ('' at the root), baked in at build time from BASE_PATH. */
export const BASE_PATH: string = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/** Widget state as query parameters: primitives only, in key order, `hide` last. */
export function stateToQuery(state: Readonly<Record<string, unknown>>, hidden: readonly string[] = []): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(state).sort()) {
    const v = state[key];
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') params.set(key, String(v));
  }
  if (hidden.length > 0) params.set('hide', hidden.join(','));
  const s = params.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}

/** Path of an embeddable page, with the sub-path and the trailing slash of the static export. */
export function embedPath(id: string): string {
  return `${BASE_PATH}/embed/${id}/`;
}

export function embedUrl(origin: string, id: string, state: Readonly<Record<string, unknown>> = {}, hidden: readonly string[] = []): string {
  return `${origin}${embedPath(id)}${stateToQuery(state, hidden)}`;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function iframeSnippet(src: string, title: string, height: number): string {
  return (
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${Math.round(height)}" ` +
    `style="border:0;max-width:100%" loading="lazy" allow="fullscreen"></iframe>`
  );
}
