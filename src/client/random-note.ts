/**
 * The header's "Random note": a written note picked at random, with no
 * server. It reads the files search already ships: the manifest, whose
 * `kinds` has one letter per page (`n` a written note), and the picked page's
 * record, which holds its address. Loaded on the first click.
 */
import { manifestPath, resultPath } from '../lib/search/wire/index-rules';
import type { SearchManifest, SearchRecord } from '../lib/search/wire/types';
import { href } from '../lib/site/urls';

const fetchJson = async <T>(path: string): Promise<T> => {
  const response = await fetch(href(path));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
};

/** Page numbers of written notes, or of any written item when there is no note. */
function candidates(kinds: string, pages: number): number[] {
  const all = [...kinds.slice(0, pages)].map((code, n) => ({ code, n }));
  const notes = all.filter((p) => p.code === 'n');
  return (notes.length ? notes : all.filter((p) => p.code === p.code.toLowerCase())).map((p) => p.n);
}

/** Goes to a random written note other than this page. */
export async function goToRandomNote(): Promise<void> {
  const manifest = await fetchJson<SearchManifest>(manifestPath());
  const pool = candidates(manifest.kinds, manifest.pages);
  for (let tries = 0; tries < 3 && pool.length; tries++) {
    const record = await fetchJson<SearchRecord>(resultPath(pool[Math.floor(Math.random() * pool.length)]));
    const address = href(record.url);
    if (address !== location.pathname || pool.length === 1) return location.assign(address);
  }
}
