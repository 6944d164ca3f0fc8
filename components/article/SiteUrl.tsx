'use client';
// An absolute URL of this site. The static build does not know where it will be hosted unless
// SITE_URL was set, so the origin is filled in by the browser after hydration.
import { useEffect, useState } from 'react';

const SITE_URL = process.env.NEXT_PUBLIC_SITE_URL ?? '';

export function SiteUrl({ path }: { path: string }) {
  const [origin, setOrigin] = useState(SITE_URL);
  useEffect(() => {
    if (!SITE_URL) setOrigin(window.location.origin);
  }, []);
  return <>{origin + path}</>;
}
