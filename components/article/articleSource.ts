// The one place that says which MDX file is the article (used by /adjoint/ and /embed/adjoint/).
export { default as ArticleContent, meta as articleMeta } from '@/content/adjoint.mdx';
