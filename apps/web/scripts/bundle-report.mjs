// Prints the initial JavaScript and CSS of each entry (gzip) from Vite's manifest and fails
// when the parent portal's initial JavaScript is over budget. "Initial" is the entry chunk and
// everything it imports statically; lazily loaded chunks (admin pages, English, Arabic) are not.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const budgetsKb = { portal: 150 };

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);

function initialFiles(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) initialFiles(dep, seen);
  return seen;
}

const warnOnly = process.argv.includes('--warn-only');
let over = false;
const rows = [];
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isEntry) continue;
  const entry = chunk.name ?? key;
  const keys = [...initialFiles(key)];
  const js = keys.reduce((sum, k) => sum + gz(manifest[k].file), 0);
  const css = [...new Set(keys.flatMap((k) => manifest[k].css ?? []))].reduce((sum, f) => sum + gz(f), 0);
  const lazy = Object.values(manifest).filter((c) => c.isDynamicEntry).length;
  const budget = budgetsKb[entry];
  const verdict =
    budget === undefined
      ? ''
      : js / 1024 <= budget
        ? `ok (budget ${budget} KB)`
        : `OVER BUDGET (${budget} KB)`;
  if (budget !== undefined && js / 1024 > budget) over = true;
  rows.push({ entry, js, css, files: keys.length, lazy, verdict });
}
console.log('\nInitial load per entry (gzip):');
for (const r of rows) {
  console.log(
    `  ${r.entry.padEnd(8)} JS ${kb(r.js).padStart(6)} KB in ${r.files} chunk(s)   CSS ${kb(r.css).padStart(5)} KB   ${r.verdict}`,
  );
}
console.log(`  (${rows[0]?.lazy ?? 0} chunks are loaded later, when a page or language needs them)\n`);
if (over) {
  console.error(
    'The parent portal loads too much JavaScript up front; parents on a phone pay for every kilobyte.',
  );
  if (!warnOnly) process.exit(1);
}
