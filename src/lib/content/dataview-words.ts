/**
 * Every word a reader sees of a Dataview query, in one table: the labels of
 * results that are not a query's rows (no rows, a view that is never run, a
 * query that could not be read).
 */
export const DATAVIEW_WORDS = {
  /** An evaluated query that matched nothing. */
  noResults: 'No results',
  /** The label of a folded DataviewJS block (or inline `$=`), which the published site never runs. */
  dynamic: 'Dynamic view: not available in the published site',
  /** The label of a query the site cannot evaluate, before the reason. */
  unsupported: 'Query not evaluated',
  /** Where a note embeds another note that holds a query. */
  elsewhere: 'A query, shown on the page of the note that holds it',
  /** The first column of a table, which names each row's note. */
  fileColumn: 'File',
  /** The first column of a grouped table. */
  groupColumn: 'Group',
} as const;
