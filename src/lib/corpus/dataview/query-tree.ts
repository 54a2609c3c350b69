/**
 * A Dataview query as its parser hands it to the evaluator: the view
 * (`LIST`, `TABLE`, `TASK`), the source (`FROM`), and the data commands in
 * the order written, which is the order they run in. Expressions are a small
 * tree; `this` and field names are looked up when a row is evaluated.
 */

export type View = 'list' | 'table' | 'task';

export type BinaryOp = 'and' | 'or' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export type Expr =
  | { type: 'literal'; value: string | number | boolean | null }
  /** A field of the row (`rating`, `file`, `this`); `key` is the name as fields are kept (values.ts `fieldKey`). */
  | { type: 'field'; name: string; key: string }
  /** `object.name`; over a list, the field of each element. */
  | { type: 'member'; object: Expr; name: string; key: string }
  | { type: 'index'; object: Expr; index: Expr }
  | { type: 'call'; name: string; args: Expr[] }
  | { type: 'unary'; op: '!' | '-'; arg: Expr }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { type: 'list'; items: Expr[] }
  /** `[[Note]]`: resolved from the querying note. */
  | { type: 'link'; target: string }
  /** `date(today)`, `date(2024-05-01)`: a date the query names. */
  | { type: 'date'; text: string }
  /** `dur(3 days)`. */
  | { type: 'dur'; text: string };

/** `FROM`: which notes a query starts from. */
export type Source =
  | { type: 'all' }
  /** `"folder"` (and its subfolders), or one file's path. */
  | { type: 'folder'; path: string }
  /** `#tag` and its subtags. */
  | { type: 'tag'; tag: string }
  /** `[[note]]`: the notes that link to it. */
  | { type: 'incoming'; target: string }
  /** `outgoing([[note]])`: the notes it links to. */
  | { type: 'outgoing'; target: string }
  | { type: 'not'; source: Source }
  | { type: 'and' | 'or'; left: Source; right: Source };

export interface SortKey {
  expr: Expr;
  descending: boolean;
}

export type Command =
  | { type: 'where'; expr: Expr }
  | { type: 'sort'; keys: SortKey[] }
  | { type: 'limit'; count: number }
  /** `GROUP BY expr AS name`: rows become groups with `key` (or `name`) and `rows`. */
  | { type: 'group'; expr: Expr; name: string }
  /** `FLATTEN expr AS name`: a row per element of a list. */
  | { type: 'flatten'; expr: Expr; name: string };

/** A column of a table (or the one value of a list): the expression and its header (`AS "header"`, else as written). */
export interface Column {
  expr: Expr;
  header: string;
}

export interface Query {
  view: View;
  /** `WITHOUT ID`: no first column (or link) naming each row's note. */
  withoutId: boolean;
  columns: Column[];
  source: Source;
  commands: Command[];
}
