/** One small JSON file per item for link previews (`/previews/notes/x.json`): see corpus-files.ts for how they are written and served. */
import { previewFileContents } from '../lib/site/previews';
import { corpusFiles } from './corpus-files';
import type { SessionOf } from '../lib/site/session';

export default (sessionOf: SessionOf) => corpusFiles(sessionOf, { name: 'link-previews', folder: '/previews/', contents: previewFileContents });
