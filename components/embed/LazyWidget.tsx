'use client';
// Renders a registry widget whose code loads only when the figure nears the viewport (or at once
// with `eager`). The trick: the widget sits in a React.lazy inside <Suspense>. On the server the
// lazy resolves at once, so the static HTML holds the full widget. In the browser, hydration finds
// the lazy pending and keeps the server HTML untouched (a dehydrated Suspense boundary) until the
// code has loaded, then hydrates it in place: no blank frame, no layout shift, no JS up front.
import { Suspense, lazy, useEffect, useRef, useState, type ComponentType } from 'react';
import { getWidget } from '@/components/widgets/registry';
import type { LoadedWidget } from './loadedWidget';

/** How far below the viewport a figure starts loading, so it is live by the time it is seen. */
const WAKE_MARGIN = '400px 0px';

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export interface LazyWidgetProps {
  id: string;
  /** Which face of the widget: its defaults, or configured from the page's query string. */
  mode?: 'widget' | 'embed';
  compact?: boolean;
  /** Load at once instead of on approach (embed pages, the home page miniature). */
  eager?: boolean;
}

export function LazyWidget({ id, mode = 'widget', compact, eager = false }: LazyWidgetProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [gate] = useState(deferred);
  const [Lazy] = useState(() =>
    lazy(async (): Promise<{ default: ComponentType<{ compact?: boolean }> }> => {
      const entry = getWidget(id);
      if (!entry) throw new Error(`LazyWidget: unknown widget "${id}"`);
      if (typeof window !== 'undefined' && !eager) await gate.promise;
      const loaded: LoadedWidget = await entry.load();
      return { default: mode === 'embed' ? loaded.Embed : loaded.Widget };
    }),
  );

  useEffect(() => {
    if (eager) return;
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      gate.resolve();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          gate.resolve();
          observer.disconnect();
        }
      },
      { rootMargin: WAKE_MARGIN },
    );
    observer.observe(el);
    // Printing shows every figure as it stands; wake them all first when possible.
    const wakeAll = () => gate.resolve();
    window.addEventListener('beforeprint', wakeAll);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', wakeAll);
    };
  }, [eager, gate]);

  return (
    <div ref={ref} className="lazy-widget">
      {/* The fallback shows only on client-side navigation (no server HTML to keep). */}
      <Suspense fallback={<div data-widget={id} className="widget-loading" aria-busy="true">Loading the figure…</div>}>
        <Lazy compact={compact} />
      </Suspense>
    </div>
  );
}
