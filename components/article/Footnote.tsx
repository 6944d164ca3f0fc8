// Footnotes: a superscript number that shows its text on hover or keyboard focus (CSS only, no
// JS), and the numbered list at the end. Numbers come from remarkFootnotes at build time.
import type { ReactNode } from 'react';

export function Footnote({ n, children }: { n?: string; children: ReactNode }) {
  const num = n ?? '?';
  return (
    <span className="footnote">
      <sup>
        <a href={`#fn-${num}`} id={`fnref-${num}`} aria-describedby={`fn-card-${num}`} className="footnote-ref">
          {num}
        </a>
      </sup>
      <span className="hover-card" role="tooltip" id={`fn-card-${num}`}>
        {children}
      </span>
    </span>
  );
}

export function FootnoteList({ children }: { children: ReactNode }) {
  return (
    <section className="footnotes" aria-labelledby="footnotes-heading">
      <h3 id="footnotes-heading">Footnotes</h3>
      <ol>{children}</ol>
    </section>
  );
}

export function FootnoteItem({ n, children }: { n: string; children: ReactNode }) {
  return (
    <li id={`fn-${n}`} value={Number(n)}>
      {children}{' '}
      <a href={`#fnref-${n}`} aria-label={`Back to footnote ${n} in the text`} className="footnote-back">
        ↩
      </a>
    </li>
  );
}

/** Where the footnote list should go; replaced at build time, renders nothing if there are none. */
export function Footnotes() {
  return null;
}
