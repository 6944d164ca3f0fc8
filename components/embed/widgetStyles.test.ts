import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

function cssFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...cssFiles(full));
    else if (name.endsWith('.css')) out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out;
}

describe('widgetStyles', () => {
  it('lists every stylesheet under components/widgets, components/controls and components/viz', () => {
    const listed = readFileSync(path.join(__dirname, 'widgetStyles.ts'), 'utf8');
    const all = ['components/widgets', 'components/controls', 'components/viz'].flatMap((d) => cssFiles(path.join(root, d)));
    const missing = all.filter((f) => !listed.includes(`'@/${f}'`));
    expect(missing, 'add these to components/embed/widgetStyles.ts').toEqual([]);
  });
});
