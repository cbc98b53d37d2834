import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';

/** Attributes a person reads or hears; their text must come from t(). */
const userFacingAttributes = new Set([
  'aria-label',
  'aria-description',
  'placeholder',
  'title',
  'alt',
  'label',
]);
const hasLetters = (text: string) => /\p{L}/u.test(text);

type Node = { type: string; [key: string]: unknown };
const isNode = (v: unknown): v is Node =>
  typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
    return;
  }
  if (!isNode(node)) return;
  visit(node);
  for (const value of Object.values(node)) if (typeof value === 'object') walk(value, visit);
}

function stringIn(node: unknown): string | null {
  if (!isNode(node)) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') {
    const quasis = node.quasis as { value: { cooked: string } }[];
    return quasis.map((q) => q.value.cooked).join('');
  }
  if (node.type === 'JSXExpressionContainer') return stringIn(node.expression);
  if (node.type === 'ConditionalExpression') return stringIn(node.consequent) ?? stringIn(node.alternate);
  if (node.type === 'LogicalExpression') return stringIn(node.right);
  return null;
}

/** Every text a component shows that is written in the source instead of the resource files. */
export function literalStrings(source: string, file = 'component.tsx'): string[] {
  const ast = parseAst(source, { lang: 'tsx' }, file);
  const found: string[] = [];
  walk(ast, (n) => {
    if (n.type === 'JSXElement' || n.type === 'JSXFragment') {
      for (const child of (n.children as Node[]) ?? []) {
        if (child.type === 'JSXText' && hasLetters(String(child.value)))
          found.push(String(child.value).trim());
        if (child.type === 'JSXExpressionContainer') {
          const s = stringIn(child);
          if (s && hasLetters(s)) found.push(s);
        }
      }
    }
    if (n.type === 'JSXAttribute' && isNode(n.name) && userFacingAttributes.has(String(n.name.name))) {
      const s = stringIn(n.value);
      if (s && hasLetters(s)) found.push(`${String(n.name.name)}="${s}"`);
    }
  });
  return found;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

describe('untranslated text in components', () => {
  it('is caught by the scanner', () => {
    const found = literalStrings(
      `const a = <p title="Hjælp" aria-label={'Luk'}>Hej {'med dig'} {t('ok')}<b>{x ? 'Ja' : t('no')}</b></p>;`,
    );
    expect(found.sort()).toEqual(['Hej', 'Ja', 'aria-label="Luk"', 'med dig', 'title="Hjælp"']);
    expect(
      literalStrings(`const a = <p className="fs-muted" aria-label={t('x')}>{t('y')} – {n}</p>;`),
    ).toEqual([]);
  });

  it('is nowhere in the web app: every text comes from the resource files', () => {
    const root = join(import.meta.dirname, '..');
    const offenders = tsxFiles(root).flatMap((file) =>
      literalStrings(readFileSync(file, 'utf8'), file).map((s) => `${relative(root, file)}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });
});
