// The article page.
import type { Metadata } from 'next';
import { Article } from '@/components/article/Article';
import { articleMeta } from '@/components/article/articleSource';
import { oembedLink } from '@/components/embed/oembed';

export const metadata: Metadata = {
  title: articleMeta.title,
  description: articleMeta.description ?? articleMeta.subtitle,
  alternates: oembedLink('adjoint'),
};

export default function AdjointPage() {
  return <Article />;
}
