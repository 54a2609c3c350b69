/**
 * The options of `researchGraph()`, checked by one schema, and the environment variables that override them
 * on the command line (`CONTENT_DIR=~/vault npm run build`). A wrong value stops the build with one line that
 * names the option (or the variable) and what to write.
 */
import { availableParallelism } from 'node:os';
import { z } from 'astro/zod';
import { DIALECTS, type Dialect } from '../lib/content/dialect';
import { HELPER_FROM } from '../lib/corpus';
import type { SiteOptions } from '../lib/site/options';
import { normaliseBase } from '../lib/site/urls';
import { DEFAULT_GROWTH } from './heap-collector';

const HELPER_FROM_TEXT = 'write a whole number of bodies (such as 1000) or "off"';
const HEAP_GROWTH_TEXT = 'write a number above 1 (such as 1.5) or "off"';

/** What people write in `astro.config.mjs`; every option may be left out. */
export const optionsSchema = z
  .object({
    content: z.string().min(1, 'write the folder of your notes, like content: "content"').default('content'),
    title: z.string().min(1, 'write the name shown in the header, like title: "Lab notes"').default('Research graph'),
    lang: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'write a language tag, like lang: "en" or lang: "zh-Hans"')
      .default('en'),
    bibliography: z.union([z.string(), z.array(z.string())]).default([]),
    citationStyle: z.string().min(1, 'write a style name (apa, vancouver, harvard1) or the path of a .csl file').default('apa'),
    publishUncited: z.boolean().default(false),
    dialect: z.enum(['auto', ...DIALECTS] as [string, ...string[]], { errorMap: () => ({ message: `write "auto", ${DIALECTS.map((d) => `"${d}"`).join(', ')}` }) }).default('auto'),
    prefix: z
      .string()
      .refine((p) => !/[?#\\\s]|\.\./.test(p), 'write a folder path, like prefix: "/research/" (or leave it out for the whole site)')
      .default('/'),
    renderCache: z.boolean().default(true),
    renderHelperFrom: z
      .union([z.number().int(HELPER_FROM_TEXT).nonnegative(HELPER_FROM_TEXT), z.literal('off')], { errorMap: () => ({ message: HELPER_FROM_TEXT }) })
      .default(HELPER_FROM),
    heapGrowth: z.union([z.number().gt(1, HEAP_GROWTH_TEXT), z.literal('off')], { errorMap: () => ({ message: HEAP_GROWTH_TEXT }) }).default(DEFAULT_GROWTH),
    parallelism: z.number().int().positive('write a whole number of threads, 1 or more').optional(),
  })
  .strict();

export type ResearchGraphOptions = z.input<typeof optionsSchema>;

/**
 * The environment variables that override options, each with how its text becomes the option's value. The
 * site's address and base path are Astro's own `site` and `base`; this project's `astro.config.mjs` reads
 * them from `SITE_URL` and `BASE_PATH`.
 */
export const ENVIRONMENT: Record<string, { option: keyof ResearchGraphOptions; read: (text: string) => unknown }> = {
  CONTENT_DIR: { option: 'content', read: (t) => t },
  SITE_TITLE: { option: 'title', read: (t) => t },
  SITE_LANG: { option: 'lang', read: (t) => t },
  BIBLIOGRAPHY: { option: 'bibliography', read: (t) => t.split(',').map((p) => p.trim()).filter(Boolean) },
  CITATION_STYLE: { option: 'citationStyle', read: (t) => t },
  BIBLIOGRAPHY_PUBLISH: { option: 'publishUncited', read: (t) => (t === 'all' ? true : t === 'cited' ? false : t) },
  CONTENT_DIALECT: { option: 'dialect', read: (t) => t.trim().toLowerCase() || 'auto' },
  RENDER_CACHE: { option: 'renderCache', read: (t) => (t === '0' || t === 'off' ? false : t === '1' || t === 'on' ? true : t) },
  RENDER_HELPER_FROM: { option: 'renderHelperFrom', read: (t) => (t.trim() === 'off' ? 'off' : /^\d+$/.test(t.trim()) ? Number(t) : t) },
  BUILD_HEAP_GROWTH: { option: 'heapGrowth', read: (t) => (t.trim() === 'off' ? 'off' : Number.isFinite(Number(t)) && t.trim() ? Number(t) : t) },
  BUILD_PARALLELISM: { option: 'parallelism', read: (t) => (/^\d+$/.test(t.trim()) ? Number(t) : t) },
};

export class OptionsError extends Error {}

/** `options` with the environment's overrides, checked; throws an OptionsError whose message names each wrong setting. */
export function resolveOptions(options: ResearchGraphOptions = {}, env: NodeJS.ProcessEnv = process.env): SiteOptions {
  const merged: Record<string, unknown> = { ...options };
  const from = new Map<string, string>();
  for (const [name, { option, read }] of Object.entries(ENVIRONMENT)) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    merged[option] = read(text);
    from.set(option, name);
  }
  const parsed = optionsSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const option = String(issue.path[0] ?? '');
      const where = from.has(option) ? `${from.get(option)} (option ${option})` : option ? `researchGraph option ${option}` : 'researchGraph options';
      const given = option in merged ? ` is ${JSON.stringify(merged[option])}` : '';
      const message = issue.code === 'unrecognized_keys' ? `has no option ${issue.keys.join(', ')}: the options are ${Object.keys(optionsSchema.shape).join(', ')}` : issue.message;
      return `${where}${given}: ${message}`;
    });
    throw new OptionsError(lines.join('\n'));
  }
  const o = parsed.data;
  return {
    content: o.content,
    title: o.title,
    lang: o.lang,
    bibliography: typeof o.bibliography === 'string' ? [o.bibliography] : o.bibliography,
    citationStyle: o.citationStyle,
    publishUncited: o.publishUncited,
    dialect: o.dialect === 'auto' ? undefined : (o.dialect as Dialect),
    prefix: normaliseBase(o.prefix),
    renderCache: o.renderCache,
    renderHelperFrom: o.renderHelperFrom === 'off' ? Infinity : o.renderHelperFrom,
    heapGrowth: o.heapGrowth === 'off' ? undefined : o.heapGrowth,
    parallelism: o.parallelism ?? availableParallelism(),
  };
}
