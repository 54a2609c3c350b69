/** The search files (manifest, term shards, result records): see corpus-files.ts for how they are written and served. */
import { searchFileContents } from '../lib/site/search-files';
import { corpusFiles } from './corpus-files';

export default () => corpusFiles({ name: 'search-files', folder: '/search/', contents: searchFileContents });
