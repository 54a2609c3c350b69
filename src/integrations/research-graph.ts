/**
 * The explorer as an Astro integration:
 *
 *     import researchGraph from './src/integrations/research-graph.ts';
 *     export default defineConfig({ integrations: [researchGraph({ content: 'notes', prefix: '/research/' })] });
 *
 * It checks its options (./options.ts), opens the build session that owns the corpus (src/lib/site/session.ts),
 * gives pages the options through `virtual:research-graph/config`, adds the explorer's routes (src/routes/)
 * under `prefix`, and brings the parts that work beside the pages: each is an integration of its own, in this
 * folder, handed the session.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sitemap from '@astrojs/sitemap';
import { openSession, type BuildSession, type SessionOf } from '../lib/site/session';
import type { SiteOptions } from '../lib/site/options';
import { normaliseBase, withBase } from '../lib/site/urls';
import attachments from './attachments';
import explorerFiles from './explorer-files';
import graphShape from './graph-shape';
import heapBound from './heap-bound';
import liveContent from './live-content';
import { OptionsError, resolveOptions, type ResearchGraphOptions } from './options-schema';
import outDir from './out-dir';
import previews from './preview-files';
import renderHelper from './render-helper';
import searchFiles from './search-files';
import siteUrlNotice from './site-url-notice';

export type { ResearchGraphOptions } from './options-schema';

/** What pages read from `virtual:research-graph/config`. */
export interface PageConfig {
  title: string;
  lang: string;
  /** The folder the explorer lives under in the site, `/` for the whole site. */
  prefix: string;
  /** The path every link is written under: Astro's base, then the prefix (`/kg/research/`). */
  linkBase: string;
}

const VIRTUAL_CONFIG = 'virtual:research-graph/config';
const ROUTES = fileURLToPath(new URL('../routes/', import.meta.url));
/** Routes a site mounted under a prefix leaves to its host, which has its own. */
const HOST_ROUTES = new Set(['404.astro', 'robots.txt.ts']);

/** Each file under src/routes/ as the route Astro would give it in src/pages/, under `prefix`. */
export function explorerRoutes(prefix: string): { pattern: string; entrypoint: string }[] {
  const files = readdirSync(ROUTES, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(astro|ts)$/.test(e.name));
  return files
    .map((e) => path.relative(ROUTES, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((file) => prefix === '/' || !HOST_ROUTES.has(file))
    .sort()
    .map((file) => {
      const route = file.replace(/\.(astro|ts)$/, '').replace(/(^|\/)index$/, '');
      return { pattern: withBase(`/${route}`, prefix), entrypoint: path.join(ROUTES, file) };
    });
}

function virtualConfig(config: PageConfig) {
  const resolved = `\0${VIRTUAL_CONFIG}`;
  return {
    name: 'research-graph-config',
    resolveId: (id: string) => (id === VIRTUAL_CONFIG ? resolved : undefined),
    load: (id: string) => (id === resolved ? `export default ${JSON.stringify(config)};` : undefined),
  };
}

/** The options, checked; a wrong one stops the build with lines that name it and what to write, no stack trace. */
function checkedOptions(options: ResearchGraphOptions): SiteOptions {
  try {
    return resolveOptions(options);
  } catch (e) {
    if (!(e instanceof OptionsError)) throw e;
    const failure = new Error(e.message);
    failure.stack = failure.message;
    throw failure;
  }
}

export default function researchGraph(userOptions: ResearchGraphOptions = {}): AstroIntegration[] {
  const options = checkedOptions(userOptions);
  let session: BuildSession | undefined;
  // Redirect pages are addresses an item had, not pages of their own: the sitemap leaves them out.
  let redirects = new Set<string>();
  let linkBase = '/';
  const isRedirect = (page: string) => {
    const path = new URL(page).pathname;
    return redirects.has(path.startsWith(linkBase) ? `/${path.slice(linkBase.length)}` : path);
  };
  const sessionOf: SessionOf = () => session ?? (session = openSession(options));
  const main: AstroIntegration = {
    name: 'research-graph',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, injectRoute, logger }) => {
        session = openSession(options, fileURLToPath(config.root));
        session.whenCorpusLoaded((corpus) => (redirects = new Set(corpus.redirects.map((r) => r.from))));
        if (config.build.format !== 'directory') {
          logger.warn(`build.format is "${config.build.format}": the explorer's links end in a slash (/notes/x/) and need build.format "directory", Astro's default`);
        }
        linkBase = withBase(options.prefix, normaliseBase(config.base));
        const pageConfig: PageConfig = { title: options.title, lang: options.lang, prefix: options.prefix, linkBase };
        updateConfig({
          // Stylesheets and scripts are always files, never inlined into pages: a page's Content-Security-Policy
          // allows one inline script, the theme's, by hash (src/lib/site/csp.ts), and a stylesheet fetched once is
          // cached instead of repeated in every page.
          build: { inlineStylesheets: 'never' },
          vite: {
            // The base every link is built with (src/lib/site/urls.ts), in pages and in browser code alike.
            define: { __SITE_BASE__: JSON.stringify(linkBase) },
            plugins: [virtualConfig(pageConfig)],
            build: { assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined) },
          },
        });
        for (const route of explorerRoutes(options.prefix)) injectRoute({ ...route, prerender: true });
      },
    },
  };
  // outDir first: the previous output is set aside before anything is written. heapBound last: its
  // build:done hook, which stops it, then comes after the others' file writing.
  return [
    outDir(),
    main,
    siteUrlNotice(),
    renderHelper(sessionOf),
    attachments(sessionOf),
    graphShape(sessionOf),
    searchFiles(sessionOf),
    previews(sessionOf),
    explorerFiles(sessionOf),
    liveContent(sessionOf),
    // The sitemap needs Astro's `site`: without it the sitemap is skipped, and the build says so.
    sitemap({ filter: (page) => !isRedirect(page) }),
    heapBound(sessionOf),
  ];
}
