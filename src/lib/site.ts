/** The corpus this site is built from: `CONTENT_DIR`, or `content/` by default. */
import { corpusOnce, type Corpus } from './corpus';

export const contentDir = (): string => process.env.CONTENT_DIR || 'content';

export const siteCorpus = (): Promise<Corpus> => corpusOnce(contentDir());

export const SITE_TITLE = process.env.SITE_TITLE || 'Research graph';
