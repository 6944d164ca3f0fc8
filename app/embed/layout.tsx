// Embedded pages: no site chrome; they tell the host page their height (FrameResizer).
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { FrameResizer } from '@/components/embed/FrameResizer';

export const metadata: Metadata = { robots: { index: false } };

export default function EmbedLayout({ children }: { children: ReactNode }) {
  return (
    <main className="embed-root" id="embed-root">
      {children}
      <FrameResizer targetId="embed-root" />
    </main>
  );
}
