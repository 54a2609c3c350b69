/** One small JSON file per item for link previews (`/previews/notes/x.json`): see corpus-files.ts for how they are written and served. */
import { previewFileContents } from '../lib/site/previews';
import { corpusFiles } from './corpus-files';

export default () => corpusFiles({ name: 'link-previews', folder: '/previews/', contents: previewFileContents });
