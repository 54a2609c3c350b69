/// <reference types="astro/client" />

/** The site's options as pages read them (src/integrations/research-graph.ts). */
declare module 'virtual:research-graph/config' {
  const config: import('./integrations/research-graph').PageConfig;
  export default config;
}
