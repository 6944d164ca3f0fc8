// An inline citation: a bracketed number linking to the bibliography, showing the reference on
// hover or focus. Numbers follow the order of content/bibliography.ts, so they are stable.
import { useId } from 'react';
import { bibliography } from '@/content/bibliography';

export const citationKeys = Object.keys(bibliography);

export function citationNumber(key: string): number {
  return citationKeys.indexOf(key) + 1;
}

export function Cite({ k }: { k: string }) {
  const keys = k.split(',').map((s) => s.trim());
  // The same work is cited many times: ids of the hover cards must still be unique on the page.
  const uid = useId();
  return (
    <span className="citation">
      [
      {keys.map((key, i) => {
        const entry = bibliography[key];
        // A wrong key must be loud at build time, not a silent "[0]".
        if (!entry) throw new Error(`<Cite k="${key}">: no such entry in content/bibliography.ts (have: ${citationKeys.join(', ')})`);
        return (
          <span key={key} className="citation-item">
            {i > 0 && ', '}
            <a href={`#bib-${key}`} aria-describedby={`cite-${uid}-${i}`}>
              {citationNumber(key)}
            </a>
            <span className="hover-card" role="tooltip" id={`cite-${uid}-${i}`}>
              {entry.authors}. <em>{entry.title}</em>. {entry.venue}, {entry.year}.
            </span>
          </span>
        );
      })}
      ]
    </span>
  );
}
