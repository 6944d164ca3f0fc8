// Appendix: how to cite the article (BibTeX) and how to embed the whole article.
import { BASE_PATH } from '@/components/embed/embedUrl';
import { CopyButton } from './CopyButton';
import { SiteUrl } from './SiteUrl';

const SITE_URL = process.env.NEXT_PUBLIC_SITE_URL ?? '';

export function HowToCite({ title = 'The Adjoint Method in Neural ODEs: An Explorable Explanation', year = 2026 }: { title?: string; year?: number }) {
  const articlePath = `${BASE_PATH}/adjoint/`;
  const embedPath = `${BASE_PATH}/embed/adjoint/`;
  const bibtex = [
    `@misc{adjoint-explorable-${year},`,
    `  title  = {${title}},`,
    `  year   = {${year}},`,
    `  url    = {${SITE_URL}${articlePath}},`,
    `  note   = {Based on the blog post "The Adjoint Method in Neural Ordinary Differential Equations" (2020-05-20) and Chen et al., Neural Ordinary Differential Equations, NeurIPS 2018}`,
    `}`,
  ].join('\n');
  return (
    <section className="how-to-cite" aria-labelledby="how-to-cite">
      <h3 id="how-to-cite">How to cite</h3>
      <p>BibTeX:</p>
      <pre className="snippet">
        <code>{bibtex}</code>
      </pre>
      <CopyButton text={bibtex} label="Copy BibTeX" />
      <p>To embed the whole article in another page (it resizes itself to its content):</p>
      <pre className="snippet">
        <code>
          {'<iframe src="'}
          <SiteUrl path={embedPath} />
          {'" title="' + title + '" width="100%" height="800" style="border:0" loading="lazy"></iframe>'}
        </code>
      </pre>
    </section>
  );
}
