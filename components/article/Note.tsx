// An aside: a boxed note in the text column on narrow screens, a margin note on wide ones.
import type { ReactNode } from 'react';

export function Note({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <aside className="note" aria-label={title ?? 'Note'}>
      {title && <p className="note-title">{title}</p>}
      <div className="note-body">{children}</div>
    </aside>
  );
}
