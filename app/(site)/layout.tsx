// Site chrome (header with the site name, footer) for the home page and the article.
import Link from 'next/link';
import type { ReactNode } from 'react';

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <nav aria-label="Site">
          <Link href="/" className="site-name">
            Adjoint method, explorable
          </Link>
          <Link href="/adjoint/">Article</Link>
        </nav>
      </header>
      <main id="main">{children}</main>
      <footer className="site-footer">
        <p>
          Every figure is a live computation in your browser. Based on the 2020 post “The Adjoint Method in Neural Ordinary
          Differential Equations” and <a href="https://arxiv.org/abs/1806.07366">Chen et al. (2018)</a>.
        </p>
      </footer>
    </>
  );
}
