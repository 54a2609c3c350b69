/**
 * The Dataview query language (DQL), read into a `Query` (query-tree.ts): a
 * tokenizer and a recursive-descent parser over the tokens. What the site
 * cannot evaluate (`CALENDAR`, a function it does not know, a clause it does
 * not read) is an error here, with the offset in the query where it starts,
 * so the block can say why and the build can say where.
 */
import type { BinaryOp, Column, Command, Expr, Query, Source, View } from './query-tree';
import { fieldKey } from './values';

/** Something the site does not read in a query, and where (an offset in the query's text). */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

type TokenType = 'word' | 'string' | 'number' | 'date' | 'tag' | 'link' | 'op' | 'end';

interface Token {
  type: TokenType;
  value: string;
  start: number;
  end: number;
}

/** Functions the evaluator knows (evaluate.ts); any other is reported as not supported. */
export const FUNCTIONS = new Set([
  'contains', 'icontains', 'econtains', 'length', 'lower', 'upper', 'date', 'dur', 'default', 'choice', 'join', 'list', 'number',
  'string', 'round', 'min', 'max', 'sum', 'startswith', 'endswith', 'replace', 'link', 'typeof', 'nonnull', 'flat', 'reverse', 'sort',
]);

const CLAUSES = new Set(['from', 'where', 'sort', 'group', 'flatten', 'limit']);
/** Words that end an expression rather than name a field. */
const RESERVED = new Set([...CLAUSES, 'and', 'or', 'as', 'asc', 'desc', 'ascending', 'descending']);

const TOKEN = /\s+|(?<string>"(?:[^"\\]|\\.)*")|(?<date>\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?)|(?<number>\d+(?:\.\d+)?)|(?<link>\[\[[^\]]*\]\])|(?<tag>#[\p{L}\p{N}_/-]+)|(?<word>[\p{L}_][\p{L}\p{N}_]*(?:-[\p{L}\p{N}_]+)*)|(?<op>!=|<=|>=|[=<>+\-*/%!()[\],.&|])/uy;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new QueryError(`the character "${text[at]}" is not part of the query language`, at);
    const groups = m.groups ?? {};
    const type = (Object.keys(groups) as TokenType[]).find((k) => groups[k] !== undefined);
    if (type) tokens.push({ type, value: m[0], start: at, end: at + m[0].length });
    at += m[0].length;
  }
  tokens.push({ type: 'end', value: '', start: text.length, end: text.length });
  return tokens;
}

/** Reads one query; throws a `QueryError` for anything the site does not evaluate. */
export function parseQuery(text: string): Query {
  return new Parser(text).query();
}

/** Reads one inline expression (`= this.field`). */
export function parseExpression(text: string): Expr {
  const parser = new Parser(text);
  const expr = parser.expression();
  parser.expectEnd();
  return expr;
}

class Parser {
  private readonly tokens: Token[];
  private at = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  query(): Query {
    const head = this.next();
    const view = head.type === 'word' ? head.value.toLowerCase() : '';
    if (view === 'calendar') throw new QueryError('CALENDAR views are not supported; use LIST or TABLE', head.start);
    if (view !== 'list' && view !== 'table' && view !== 'task') throw new QueryError(`a query starts with LIST, TABLE or TASK, not "${head.value}"`, head.start);
    let withoutId = false;
    if (this.isWord('without')) {
      this.next();
      if (!this.isWord('id')) throw new QueryError('expected ID after WITHOUT', this.peek().start);
      this.next();
      withoutId = true;
    }
    const columns = this.columns(view);
    let source: Source = { type: 'all' };
    if (this.isWord('from')) {
      this.next();
      source = this.source();
    }
    const commands: Command[] = [];
    while (this.peek().type !== 'end') commands.push(this.command());
    return { view, withoutId, columns, source, commands };
  }

  private columns(view: View): Column[] {
    const columns: Column[] = [];
    if (this.atClauseOrEnd()) return columns;
    if (view === 'task') throw new QueryError('a TASK query takes no fields', this.peek().start);
    do {
      if (columns.length) this.next();
      const start = this.peek().start;
      const expr = this.expression();
      let header = this.text.slice(start, this.tokens[this.at - 1].end).trim();
      if (this.isWord('as')) {
        this.next();
        const name = this.next();
        if (name.type !== 'string' && name.type !== 'word') throw new QueryError('expected a name after AS', name.start);
        header = name.type === 'string' ? unquote(name.value) : name.value;
      }
      columns.push({ expr, header });
    } while (this.isOp(','));
    if (view === 'list' && columns.length > 1) throw new QueryError('a LIST shows one value per note; use TABLE for several', this.peek().start);
    return columns;
  }

  private command(): Command {
    const word = this.next();
    const keyword = word.type === 'word' ? word.value.toLowerCase() : '';
    if (keyword === 'where') return { type: 'where', expr: this.expression() };
    if (keyword === 'sort') {
      const keys = [];
      do {
        if (keys.length) this.next();
        const expr = this.expression();
        let descending = false;
        if (this.isWord('asc') || this.isWord('ascending')) this.next();
        else if (this.isWord('desc') || this.isWord('descending')) {
          this.next();
          descending = true;
        }
        keys.push({ expr, descending });
      } while (this.isOp(','));
      return { type: 'sort', keys };
    }
    if (keyword === 'limit') {
      const count = this.next();
      if (count.type !== 'number') throw new QueryError('LIMIT takes a number', count.start);
      return { type: 'limit', count: Number(count.value) };
    }
    if (keyword === 'group' || keyword === 'flatten') {
      if (keyword === 'group') {
        if (!this.isWord('by')) throw new QueryError('expected BY after GROUP', this.peek().start);
        this.next();
      }
      const start = this.peek().start;
      const expr = this.expression();
      let name = keyword === 'group' ? 'key' : this.text.slice(start, this.tokens[this.at - 1].end).trim();
      if (this.isWord('as')) {
        this.next();
        const alias = this.next();
        if (alias.type !== 'word' && alias.type !== 'string') throw new QueryError('expected a name after AS', alias.start);
        name = alias.type === 'string' ? unquote(alias.value) : alias.value;
      }
      return { type: keyword, expr, name };
    }
    if (keyword === 'from') throw new QueryError('FROM comes once, right after the fields', word.start);
    throw new QueryError(`"${word.value}" is not a clause the site reads (WHERE, SORT, GROUP BY, FLATTEN, LIMIT)`, word.start);
  }

  // Sources: or of ands of (negated) atoms.
  private source(): Source {
    let left = this.sourceAnd();
    while (this.isWord('or')) {
      this.next();
      left = { type: 'or', left, right: this.sourceAnd() };
    }
    return left;
  }

  private sourceAnd(): Source {
    let left = this.sourceAtom();
    while (this.isWord('and')) {
      this.next();
      left = { type: 'and', left, right: this.sourceAtom() };
    }
    return left;
  }

  private sourceAtom(): Source {
    const token = this.next();
    if (token.type === 'op' && (token.value === '-' || token.value === '!')) return { type: 'not', source: this.sourceAtom() };
    if (token.type === 'string') {
      const path = unquote(token.value).replace(/^\/+|\/+$/g, '');
      return path ? { type: 'folder', path } : { type: 'all' };
    }
    if (token.type === 'tag') return { type: 'tag', tag: token.value.slice(1) };
    if (token.type === 'link') return { type: 'incoming', target: linkTarget(token.value) };
    if (token.type === 'word' && token.value.toLowerCase() === 'outgoing' && this.isOp('(')) {
      this.next();
      const link = this.next();
      if (link.type !== 'link') throw new QueryError('outgoing() takes a [[link]]', link.start);
      this.expectOp(')');
      return { type: 'outgoing', target: linkTarget(link.value) };
    }
    if (token.type === 'op' && token.value === '(') {
      const inner = this.source();
      this.expectOp(')');
      return inner;
    }
    throw new QueryError(`FROM takes "folder", #tag, [[note]] or outgoing([[note]]), not "${token.value}"`, token.start);
  }

  // Expressions, loosest first.
  expression(): Expr {
    let left = this.and();
    while (this.isWord('or') || this.isOp('|')) {
      this.next();
      left = { type: 'binary', op: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.comparison();
    while (this.isWord('and') || this.isOp('&')) {
      this.next();
      left = { type: 'binary', op: 'and', left, right: this.comparison() };
    }
    return left;
  }

  private comparison(): Expr {
    const left = this.additive();
    const op = this.peek();
    if (op.type === 'op' && ['=', '!=', '<', '<=', '>', '>='].includes(op.value)) {
      this.next();
      return { type: 'binary', op: op.value as BinaryOp, left, right: this.additive() };
    }
    return left;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().value as BinaryOp;
      left = { type: 'binary', op, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.next().value as BinaryOp;
      left = { type: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('!') || this.isOp('-')) {
      const op = this.next().value as '!' | '-';
      return { type: 'unary', op, arg: this.unary() };
    }
    return this.postfix();
  }

  private postfix(): Expr {
    let expr = this.primary();
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const name = this.next();
        if (name.type !== 'word') throw new QueryError('expected a field name after "."', name.start);
        expr = { type: 'member', object: expr, name: name.value, key: fieldKey(name.value) };
      } else if (this.isOp('[')) {
        this.next();
        const index = this.expression();
        this.expectOp(']');
        expr = { type: 'index', object: expr, index };
      } else return expr;
    }
  }

  private primary(): Expr {
    const token = this.next();
    switch (token.type) {
      case 'number':
        return { type: 'literal', value: Number(token.value) };
      case 'string':
        return { type: 'literal', value: unquote(token.value) };
      case 'date':
        return { type: 'date', text: token.value };
      case 'link':
        return { type: 'link', target: linkTarget(token.value) };
      case 'tag':
        // A tag in an expression is its text, as Dataview reads it (`contains(file.tags, #warmth)`).
        return { type: 'literal', value: token.value };
      case 'word':
        return this.word(token);
      case 'op':
        if (token.value === '(') {
          const inner = this.expression();
          this.expectOp(')');
          return inner;
        }
        if (token.value === '[') {
          const items: Expr[] = [];
          while (!this.isOp(']')) {
            if (items.length) this.expectOp(',');
            items.push(this.expression());
          }
          this.next();
          return { type: 'list', items };
        }
    }
    throw new QueryError(token.type === 'end' ? 'the query ends where a value was expected' : `expected a value, found "${token.value}"`, token.start);
  }

  private word(token: Token): Expr {
    const lower = token.value.toLowerCase();
    if (!this.isOp('(')) {
      if (lower === 'true' || lower === 'false') return { type: 'literal', value: lower === 'true' };
      if (lower === 'null') return { type: 'literal', value: null };
      if (RESERVED.has(lower)) throw new QueryError(`expected a value, found "${token.value}"`, token.start);
      return { type: 'field', name: token.value, key: fieldKey(token.value) };
    }
    const open = this.next();
    if (lower === 'dur' || lower === 'date') {
      // `dur(3 days)` and `date(today)` take words, not expressions.
      const close = this.matching(open);
      const raw = this.text.slice(open.end, close.start).trim();
      if (lower === 'dur') {
        this.at = this.tokens.indexOf(close) + 1;
        return { type: 'dur', text: raw };
      }
      if (/^(today|now|tomorrow|yesterday|sow|eow|som|eom|soy|eoy)$/i.test(raw) || /^\d{4}-\d{2}(-\d{2})?/.test(raw)) {
        this.at = this.tokens.indexOf(close) + 1;
        return { type: 'date', text: raw };
      }
    }
    if (!FUNCTIONS.has(lower)) throw new QueryError(`the function ${token.value}() is not supported`, token.start);
    const args: Expr[] = [];
    while (!this.isOp(')')) {
      if (args.length) this.expectOp(',');
      args.push(this.expression());
    }
    this.next();
    return { type: 'call', name: lower, args };
  }

  /** The `)` that closes `open`. */
  private matching(open: Token): Token {
    let depth = 0;
    for (let i = this.tokens.indexOf(open); i < this.tokens.length; i++) {
      const t = this.tokens[i];
      if (t.type === 'op' && t.value === '(') depth++;
      if (t.type === 'op' && t.value === ')' && --depth === 0) return t;
    }
    throw new QueryError('a "(" is never closed', open.start);
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.type !== 'end') throw new QueryError(`unexpected "${token.value}"`, token.start);
  }

  private atClauseOrEnd(): boolean {
    const token = this.peek();
    return token.type === 'end' || (token.type === 'word' && CLAUSES.has(token.value.toLowerCase()));
  }

  private peek(): Token {
    return this.tokens[this.at];
  }

  private next(): Token {
    const token = this.tokens[this.at];
    if (token.type !== 'end') this.at++;
    return token;
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token.type === 'word' && token.value.toLowerCase() === word;
  }

  private isOp(op: string): boolean {
    const token = this.peek();
    return token.type === 'op' && token.value === op;
  }

  private expectOp(op: string): void {
    const token = this.next();
    if (token.type !== 'op' || token.value !== op) throw new QueryError(token.type === 'end' ? `the query ends where "${op}" was expected` : `expected "${op}", found "${token.value}"`, token.start);
  }
}

const unquote = (s: string) => s.slice(1, -1).replace(/\\(.)/g, '$1');

/** `[[Note#Heading|label]]` → `Note`. */
const linkTarget = (s: string) => s.slice(2, -2).split('|')[0].split('#')[0].trim();
