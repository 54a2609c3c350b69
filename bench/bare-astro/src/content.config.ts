import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const base = process.env.BENCH_CONTENT_DIR;
if (!base) throw new Error('Set BENCH_CONTENT_DIR to the absolute path of a corpus folder.');

export const collections = {
  docs: defineCollection({ loader: glob({ pattern: '{notes,papers,lines}/**/*.md', base }) }),
};
