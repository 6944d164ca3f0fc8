// 404 page (exported as 404.html; scripts/serve.mjs and most static hosts serve it for misses).
import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="not-found">
      <h1>Page not found</h1>
      <p>
        <Link href="/">Home</Link> · <Link href="/adjoint/">The article</Link>
      </p>
    </main>
  );
}
