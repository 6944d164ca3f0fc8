// Shape of `export const meta` at the top of the article's MDX (read by the title block).
export interface ArticleCredit {
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
