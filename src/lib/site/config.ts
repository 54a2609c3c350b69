/** The settings of the site being built, read from the environment once. */

/** The content folder: `CONTENT_DIR`, or `content/` by default. */
export const contentDir = (): string => process.env.CONTENT_DIR || 'content';

export const SITE_TITLE = process.env.SITE_TITLE || 'Research graph';
