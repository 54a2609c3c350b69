// A bare Astro 5 site over the benchmark corpus: one page per Markdown file,
// no graph, no search. `npm run bench` builds it with BENCH_CONTENT_DIR set.
import { defineConfig } from 'astro/config';

export default defineConfig({ output: 'static', trailingSlash: 'always' });
