import { readFileSync } from 'node:fs';
import { indicatorCatalogue, indicatorIds } from '@familiespor/domain';
import { describe, expect, it } from 'vitest';
import './indicator-fact-sources';
import { indicatorFactSource } from './indicator-facts.registry';

const docs = readFileSync(new URL('../../../../../docs/indicators.md', import.meta.url), 'utf8');

describe('docs/indicators.md', () => {
  it.each(indicatorIds)('documents %s with its definition in words', (id) => {
    const section = docs.split(`### \`${id}\``)[1]?.split('\n### ')[0];
    expect(section, `no section for ${id}`).toBeDefined();
    const d = indicatorCatalogue[id];
    expect(section).toContain(`Unit: ${d.unit}; timing: ${d.timing}`);
    expect(section).toContain(d.words.numerator);
    if (d.words.denominator) expect(section).toContain(d.words.denominator);
    expect(section).toContain(`Records:`);
  });

  it('documents every operationId of the API', () => {
    for (const op of ['listIndicators', 'getIndicator', 'exportIndicators', 'refreshIndicators'])
      expect(docs).toContain(`\`${op}\``);
  });
});

describe('fact sources', () => {
  it('feed every indicator whose records exist before step 8', () => {
    const others = new Set(['satisfaction', 'readmissions']);
    for (const id of indicatorIds.filter((i) => !others.has(i)))
      expect(indicatorFactSource(id), id).toBeDefined();
  });
});
