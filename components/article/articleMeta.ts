// Shape of `export const meta` at the top of the article's MDX (read by the title block).
export interface ArticleCredit {
  /** A full sentence of credit; when present it replaces the generated one. */
  text?: string;
  /** Bibliography key of the credited work. */
  cite?: string;
  title?: string;
  date?: string;
  url?: string;
  author?: string;
  note?: string;
}

export interface ArticleMeta {
  title: string;
  subtitle?: string;
  date?: string;
  authors?: string[];
  description?: string;
  credit?: ArticleCredit;
}
