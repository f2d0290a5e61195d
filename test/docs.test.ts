// The README and the guides in docs/ stay true to the app: every picture they show is one a test
// takes (test/e2e/guide-pictures.ts), every page they name is in app.config.ts, every procedure they
// name is in the contract map, and the README stays short with its two commands first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AREA_OF, isProcedureName } from '@shared/contracts/areas';
import { GUIDE_PICTURES } from './e2e/guide-pictures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = path.join(ROOT, 'docs');
const GUIDES = ['党员与项目主持人.md', '基层党委书记.md', '党委组织部.md', '评审专家.md', '上线与运维.md', '开发者指南.md'];
const read = (file: string) => readFileSync(file, 'utf8');
const documents = (): Array<{ name: string; text: string }> => [
  { name: 'README.md', text: read(path.join(ROOT, 'README.md')) },
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ name: `docs/${f}`, text: read(path.join(DOCS, f)) })),
];

/** The app's pages, read from app.config.ts (main package, subpackages, and the browser-only ones). */
function appPages(): Set<string> {
  const config = read(path.join(ROOT, 'miniprogram', 'app.config.ts'));
  const pages = new Set<string>();
  for (const m of config.matchAll(/'(pages\/[\w-]+\/index)'/g)) pages.add(m[1]);
  for (const m of config.matchAll(/\{\s*root:\s*'([\w/-]+)',\s*pages:\s*\[([^\]]*)\]/g)) {
    for (const p of m[2].matchAll(/'([\w/-]+)'/g)) pages.add(`${m[1]}/${p[1]}`);
  }
  return pages;
}

/** Pages a text names: /pages/x/index and /packages/area/page/index, in links and in code. */
const pagesNamed = (text: string) => [...text.matchAll(/\b((?:pages|packages)\/[\w-]+(?:\/[\w-]+)?\/index)\b/g)].map((m) => m[1]);
/** Pictures a text shows: Markdown images under images/ or docs/images/. */
const picturesShown = (text: string) => [...text.matchAll(/!\[[^\]]*\]\((?:docs\/)?images\/([^)\s]+)\)/g)].map((m) => m[1]);
/** The first part of every procedure's name (project, review, brand, …). */
const PREFIXES = new Set(Object.keys(AREA_OF).map((name) => name.split('.')[0]));
/** Procedures a text names in code spans: `prefix.name`, where prefix is one that procedures use. */
const proceduresNamed = (text: string) =>
  [...text.matchAll(/`([a-z][a-zA-Z]*)\.([a-z][a-zA-Z]*)(?:\([^`]*\))?`/g)].filter((m) => PREFIXES.has(m[1])).map((m) => `${m[1]}.${m[2]}`);

describe('the README and the guides', () => {
  it('has the six guides, each with pictures', () => {
    for (const guide of GUIDES) expect(existsSync(path.join(DOCS, guide)), `docs/${guide}`).toBe(true);
    const all = documents().flatMap((d) => picturesShown(d.text));
    expect(new Set(all).size).toBeGreaterThanOrEqual(6);
  });

  it('keeps the README to about 100 lines, with the two commands first and the guides linked', () => {
    const readme = read(path.join(ROOT, 'README.md'));
    expect(readme.split('\n').length).toBeLessThanOrEqual(110);
    const firstLines = readme.split('\n').slice(0, 12).join('\n');
    expect(firstLines).toMatch(/^npm start\b/m);
    expect(firstLines).toMatch(/^npm test\b/m);
    for (const guide of GUIDES) expect(readme, `README links docs/${guide}`).toContain(`docs/${guide}`);
  });

  it('shows only pictures a test takes', () => {
    const taken = new Set(GUIDE_PICTURES.map((p) => p.file));
    for (const doc of documents()) {
      for (const picture of picturesShown(doc.text)) expect(taken.has(picture), `${doc.name} shows images/${picture}, which no test takes (test/e2e/guide-pictures.ts)`).toBe(true);
    }
  });

  it('names only pages the app has', () => {
    const pages = appPages();
    expect(pages.size).toBeGreaterThan(20);
    for (const doc of documents()) {
      for (const page of pagesNamed(doc.text)) expect(pages.has(page), `${doc.name} names ${page}, which app.config.ts does not have`).toBe(true);
    }
    for (const picture of GUIDE_PICTURES) {
      if (typeof picture.path !== 'string') continue;
      const page = picture.path.replace(/^\//, '').replace(/\?.*$/, '');
      expect(pages.has(page), `guide picture ${picture.file} opens ${page}`).toBe(true);
    }
  });

  it('names only procedures the contract map has', () => {
    for (const doc of documents()) {
      for (const name of proceduresNamed(doc.text)) expect(isProcedureName(name), `${doc.name} names \`${name}\`, which is not a procedure`).toBe(true);
    }
  });

  it('catches a guide that names a page or picture that does not exist', () => {
    expect(pagesNamed('打开 `packages/admin/nowhere/index`')).toEqual(['packages/admin/nowhere/index']);
    expect(appPages().has('packages/admin/nowhere/index')).toBe(false);
    expect(picturesShown('![x](images/never-taken.png)')).toEqual(['never-taken.png']);
    expect(proceduresNamed('调用 `project.nothing`')).toEqual(['project.nothing']);
    expect(isProcedureName('project.nothing')).toBe(false);
  });
});
