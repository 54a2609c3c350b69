/** The site's data files as the build this page sees published them: one manifest, read once per page (src/lib/site/data-manifest.ts). */
import { DataFiles } from '../lib/site/data-manifest';

export const dataFiles = new DataFiles();
