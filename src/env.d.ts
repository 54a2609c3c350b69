/// <reference types="astro/client" />

/** The site's options as pages read them (src/integrations/research-graph.ts). */
declare module 'virtual:research-graph/config' {
  const config: import('./integrations/research-graph').PageConfig;
  export default config;
}

/** What browser code says, in the site's language (src/lib/site/interface-text/, `browserText`). */
declare module 'virtual:research-graph/interface-text' {
  const text: import('./lib/site/interface-text').BrowserText;
  export default text;
}
