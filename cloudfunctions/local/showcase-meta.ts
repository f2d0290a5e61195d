import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Router } from '../core/router/router';
import { renderShowcase as renderPage, type ShowcaseOptions, type ShowcasePage } from '../core/showcase/prerender';

/**
 * The public showcase address (/brand?id=…) on the local host: the H5 build's index.html with the
 * brand in the head and the body (cloudfunctions/core/showcase/prerender). Null without a build.
 */
export async function renderShowcase(router: Router, staticDir: string, id: string | null, options: ShowcaseOptions = {}): Promise<ShowcasePage | null> {
  const index = path.join(staticDir, 'index.html');
  if (!existsSync(index)) return null;
  return renderPage(router, readFileSync(index, 'utf8'), id, options);
}
