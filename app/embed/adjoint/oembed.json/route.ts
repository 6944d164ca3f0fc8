// Static oembed.json for the embeddable whole article.
import { articleMeta } from '@/components/article/articleSource';
import { oembedFor } from '@/components/embed/oembed';

export const dynamic = 'force-static';

export function GET() {
  return Response.json(oembedFor('adjoint', articleMeta.title, 800));
}
