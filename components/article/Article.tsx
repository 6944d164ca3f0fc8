// The article: title block and MDX body, its widgets sharing one ArticleState.
import { ArticleStateProvider } from '@/components/widgets/ArticleState';
import { ArticleContent, articleMeta } from './articleSource';
import { TitleBlock } from './TitleBlock';

export function Article() {
  return (
    <article className="article">
      <TitleBlock meta={articleMeta} />
      <div className="article-body">
        <ArticleStateProvider>
          <ArticleContent />
        </ArticleStateProvider>
      </div>
    </article>
  );
}
