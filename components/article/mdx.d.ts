// The article's MDX files export `meta` next to the default component (see TEAM.md).
declare module '*.mdx' {
  import type { ArticleMeta } from '@/components/article/articleMeta';
  export const meta: ArticleMeta;
}
