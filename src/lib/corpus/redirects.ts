/**
 * Redirects: the addresses an item had, or is known by, each a page that sends the reader on (a static meta
 * refresh with a canonical link, which every static host serves). They come from `redirect_from` (earlier
 * addresses, written in full: `/notes/old-name/`) and from `aliases` (each an address in the item's kind
 * folder: alias "Warm AI" of a note is `/notes/warm-ai/`). Renaming a file then keeps the links people shared.
 *
 * A redirect never takes an address a page has (an item, a stub, a kind's or a folder's index, the site's own
 * pages) or one another redirect took first: `redirect_from` that collides is an error naming both, an alias
 * a warning (an alias is a name first, an address second), and the redirect is not written.
 */
import type { Document } from '../content/document';
import { KIND_FOLDER, pathOf, slugify, type NodeId, type SitePath } from '../content/ids';
import { contentError, contentWarning, type Problem } from '../content/problems';
import type { Graph } from '../graph/graph';

export interface Redirect {
  /** The address that sends the reader on. */
  from: SitePath;
  /** The item it sends them to. */
  to: NodeId;
}

/** Addresses of the site's own pages and files: no redirect may take them or anything under the folders. */
const SITE_FOLDERS = ['search', 'previews', 'attachments', 'links', 'tags', 'claims', 'graph', 'path', 'scripts', '_astro'];
const SITE_PAGES = new Set(['/', '/notes/', '/papers/', '/lines/', '/404/', '/feed.xml/', '/graph.json/', '/graph.graphml/', '/robots.txt/']);

/** A path as written (`notes/old`, `/notes/old/`, `/notes/old.html`) in the site's form, `/notes/old/`; undefined for a URL or `..`. */
export function redirectPath(written: string): SitePath | undefined {
  const raw = written.trim();
  if (!raw || /^[a-z][a-z0-9+.-]*:|^\/\/|[?#\\]/i.test(raw)) return undefined;
  const segments = raw.replace(/\/index\.html?$|\.html?$/i, '').split('/').filter((s) => s && s !== '.');
  if (segments.length === 0 || segments.includes('..')) return undefined;
  return `/${segments.join('/')}/` as SitePath;
}

/** Every address a page has: items, stubs, and the folder pages above vault notes. */
function pageAddresses(graph: Graph): Map<string, string> {
  const taken = new Map<string, string>();
  for (const [id, node] of graph.nodes) {
    taken.set(pathOf(id), node.stub ? `the stub page of "${node.title}"` : (node.file ?? id));
    const segments = id.split('/');
    for (let n = 2; n < segments.length; n++) taken.set(`/${segments.slice(0, n).join('/')}/`, `the folder page /${segments.slice(0, n).join('/')}/`);
  }
  return taken;
}

function siteOwns(path: string): boolean {
  return SITE_PAGES.has(path) || SITE_FOLDERS.some((f) => path.startsWith(`/${f}/`));
}

/** The redirects of the published documents, and a problem for each that cannot be written. */
export function collectRedirects(documents: Iterable<Document>, graph: Graph, problems: Problem[]): Redirect[] {
  const taken = pageAddresses(graph);
  const redirects: Redirect[] = [];
  const add = (doc: Document, from: SitePath, how: 'redirect_from' | 'alias', written: string) => {
    if (from === pathOf(doc.id) || redirects.some((r) => r.from === from && r.to === doc.id)) return;
    const holder = siteOwns(from) ? 'a page of the site itself' : taken.get(from);
    if (holder) {
      const message = `${how} "${written}" would take ${from}, which is ${holder === doc.file ? 'this item\'s own address' : holder === 'a page of the site itself' ? holder : `the address of ${holder}`}; the redirect is not written`;
      problems.push(how === 'redirect_from' ? contentError('address/redirect-collision', doc.file, message, { field: 'redirect_from' }) : contentWarning('address/redirect-collision', doc.file, message, { field: 'aliases' }));
      return;
    }
    taken.set(from, `a redirect of ${doc.file}`);
    redirects.push({ from, to: doc.id });
  };
  for (const doc of documents) {
    const data = doc.data as { redirect_from?: string[]; aliases?: string[] };
    for (const written of data.redirect_from ?? []) {
      const from = redirectPath(written);
      if (from) add(doc, from, 'redirect_from', written);
      else problems.push(contentError('address/redirect-collision', doc.file, `redirect_from "${written}" is not a path of this site; write one like /${KIND_FOLDER[doc.kind]}/old-name/`, { field: 'redirect_from' }));
    }
    for (const alias of data.aliases ?? []) {
      const slug = slugify(alias);
      if (slug) add(doc, `/${KIND_FOLDER[doc.kind]}/${slug}/` as SitePath, 'alias', alias);
    }
  }
  return redirects.sort((a, b) => a.from.localeCompare(b.from));
}
