// Home: the title, a one-line pitch, a live miniature of Figure 1, and the way into the article.
import Link from 'next/link';
import { LazyWidget } from '@/components/embed/LazyWidget';

export default function HomePage() {
  return (
    <div className="home">
      <h1>The adjoint method in neural ODEs</h1>
      <p className="pitch">
        How does a neural ODE learn? Follow the sensitivity backward through time, one live figure at a time.
      </p>
      <div className="home-miniature" aria-label="Live miniature of Figure 1">
        <LazyWidget id="samples" compact eager />
      </div>
      <p>
        <Link href="/adjoint/" className="cta">
          Read the article →
        </Link>
      </p>
    </div>
  );
}
