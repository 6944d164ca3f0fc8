// The article's title block: title, subtitle, date, and the credit to the post it is based on.
import type { ArticleMeta } from './articleMeta';

const ORIGINAL = {
  title: 'The Adjoint Method in Neural Ordinary Differential Equations',
  date: '2020-05-20',
  paper: 'https://arxiv.org/abs/1806.07366',
  talk: 'https://www.youtube.com/watch?v=YZ-_E7A3V2w',
};

export function TitleBlock({ meta }: { meta: ArticleMeta }) {
  const credit = meta.credit ?? {};
  return (
    <header className="title-block">
      <h1>{meta.title}</h1>
      {meta.subtitle && <p className="subtitle">{meta.subtitle}</p>}
      <dl className="byline">
        {meta.authors && meta.authors.length > 0 && (
          <div>
            <dt>Authors</dt>
            <dd>{meta.authors.join(', ')}</dd>
          </div>
        )}
        {meta.date && (
          <div>
            <dt>Published</dt>
            <dd>
              <time dateTime={meta.date}>{meta.date}</time>
            </dd>
          </div>
        )}
        <div className="credit">
          <dt>Based on</dt>
          <dd>
            {credit.text ?? (
              <>
                the post “{credit.title ?? ORIGINAL.title}”{credit.author ? ` by ${credit.author}` : ''} (
                <time dateTime={credit.date ?? ORIGINAL.date}>{credit.date ?? ORIGINAL.date}</time>).
              </>
            )}{' '}
            {credit.url && (
              <>
                <a href={credit.url}>The original post</a>.{' '}
              </>
            )}
            The paper: <a href={ORIGINAL.paper}>Neural Ordinary Differential Equations</a> (Chen et al., 2018); the talk:{' '}
            <a href={ORIGINAL.talk}>David Duvenaud on neural ODEs</a>.
          </dd>
        </div>
      </dl>
    </header>
  );
}
