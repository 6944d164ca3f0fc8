// /embed/adjoint/: the whole article without site chrome.
import type { Metadata } from 'next';
import { Article } from '@/components/article/Article';
import { articleMeta } from '@/components/article/articleSource';
import { oembedLink } from '@/components/embed/oembed';

export const metadata: Metadata = { title: articleMeta.title, alternates: oembedLink('adjoint') };

export default function EmbedArticlePage() {
  return <Article />;
}
