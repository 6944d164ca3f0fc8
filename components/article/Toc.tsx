// Table of contents of the article's h2 sections. The list arrives at build time from
// remarkHeadings (as a JSON string prop), so it is in the static HTML.
export interface TocItem {
  id: string;
  text: string;
}

function parseItems(items: string | undefined): TocItem[] {
  if (!items) return [];
  const parsed: unknown = JSON.parse(items);
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (i): i is TocItem => typeof i === 'object' && i !== null && typeof i.id === 'string' && typeof i.text === 'string',
  );
}

export function Toc({ items }: { items?: string }) {
  const list = parseItems(items);
  if (list.length === 0) return null;
  return (
    <nav className="toc" aria-labelledby="toc-heading">
      <h2 id="toc-heading" className="toc-heading">
        Contents
      </h2>
      <ol>
        {list.map((item) => (
          <li key={item.id}>
            <a href={`#${item.id}`}>{item.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
