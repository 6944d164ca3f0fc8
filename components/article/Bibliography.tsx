// The numbered list of references, in the order of content/bibliography.ts (the numbers Cite uses).
import { bibliography } from '@/content/bibliography';

export function Bibliography() {
  return (
    <section className="bibliography" aria-labelledby="references">
      <h3 id="references">References</h3>
      <ol>
        {Object.entries(bibliography).map(([key, e]) => (
          <li key={key} id={`bib-${key}`}>
            {e.authors}. {e.url ? <a href={e.url}>{e.title}</a> : <em>{e.title}</em>}. {e.venue}, {e.year}.
            {e.note ? ` ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
