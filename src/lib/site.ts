/** The corpus this site is built from: `CONTENT_DIR`, or `content/` by default. */
import { corpusOnce, type Corpus } from './corpus';
import { gitHistory, type FileHistory } from './corpus/dates';
import { href } from './site/urls';

export const contentDir = (): string => process.env.CONTENT_DIR || 'content';

export const siteCorpus = (): Promise<Corpus> => corpusOnce(contentDir(), { siteAddress: href });

export const SITE_TITLE = process.env.SITE_TITLE || 'Research graph';

let history: Promise<FileHistory> | undefined;

/** The content folder's git history (first and last commit of each file), read once per build. */
export const siteHistory = (): Promise<FileHistory> => (history ??= gitHistory(contentDir()));
