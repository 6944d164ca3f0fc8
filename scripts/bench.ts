/**
 * npm run bench [-- --case seed-four-samples|spiral-iteration|memory-horizon]
 * One JSON line per measurement on stdout (medians after warm-up; see scripts/bench/harness.ts).
 */
import { CASES } from './bench/cases';

function main(argv: readonly string[]): number {
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--case') names.push(argv[++i] ?? '');
    else if (a.startsWith('--case=')) names.push(a.slice(7));
    else {
      process.stderr.write(`bench: unknown argument ${a}; usage: npm run bench [-- --case ${Object.keys(CASES).join('|')}]\n`);
      return 2;
    }
  }
  for (const n of names) {
    if (!CASES[n]) {
      process.stderr.write(`bench: unknown case ${JSON.stringify(n)}; cases: ${Object.keys(CASES).join(', ')}\n`);
      return 2;
    }
  }
  // tfjs's cpu backend greets Node users on stderr once; the bench's output is stdout, so let it be.
  for (const n of names.length > 0 ? names : Object.keys(CASES)) CASES[n]();
  return 0;
}

process.exitCode = main(process.argv.slice(2));
