// oEmbed without a server: each embeddable page has a static oembed.json beside it, announced by
// <link rel="alternate" type="application/json+oembed">. URLs are absolute when the build knows
// the site's origin (SITE_URL), otherwise root-relative (with the sub-path).
import type { Metadata } from 'next';
import { BASE_PATH, embedPath, iframeSnippet } from './embedUrl';

const SITE_URL = (process.env.NEXT_PUBLIC_SITE_URL ?? '').replace(/\/+$/, '');
export const PROVIDER_NAME = 'The adjoint method in neural ODEs';

export function oembedPath(id: string): string {
  return `${embedPath(id)}oembed.json`;
}

export function oembedLink(id: string): Metadata['alternates'] {
  return { types: { 'application/json+oembed': SITE_URL + oembedPath(id) } };
}

export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
}

export function oembedFor(id: string, title: string, height: number): OEmbedRich {
  const src = SITE_URL + embedPath(id);
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: PROVIDER_NAME,
    provider_url: `${SITE_URL}${BASE_PATH}/`,
    html: iframeSnippet(src, title, height),
    width: 720,
    height,
  };
}
