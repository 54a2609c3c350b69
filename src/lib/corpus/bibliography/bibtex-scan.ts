/**
 * BibTeX as written: a file cut at its entries, each entry cut into fields
 * with their places in the text, and `@string` macros expanded. Nothing here
 * decodes LaTeX; that is `bibtex.ts`'s work. The scanner follows BibTeX's own
 * rules (braces are counted, `#` joins parts, a bare word is a macro or a
 * number), so what it accepts BibTeX accepts, and a mistake is found with its
 * line.
 */

/** An entry or directive starts with `@type{` (or `@type(`) at the start of a line. */
const ENTRY_START = /^[ \t]*@([A-Za-z]+)[ \t]*[{(]/gm;
/** Not entries: `@string` defines a macro, `@preamble` and `@comment` are ignored. */
const DIRECTIVES = new Set(['string', 'preamble', 'comment']);

/** BibTeX's standard macros: the months. They are written back as they were (`month = jan`). */
export const MONTH_MACROS: ReadonlyMap<string, string> = new Map(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].map((m) => [m.slice(0, 3), m[0].toUpperCase() + m.slice(1)]),
);

export interface Chunk {
  /** The entry type, lower-case (`article`, `string`). */
  type: string;
  /** The line of the `@`, 1-based. */
  line: number;
  /** From the `@` to the next entry's start. */
  text: string;
}

/** A field as written: its name (lower-case), its value (LaTeX with macros expanded, without the outer braces or quotes) and where it stands. */
export interface WrittenField {
  name: string;
  value: string;
  /** Offsets in the entry's text: from the field's name to the end of its value. */
  start: number;
  end: number;
  /** The macros its value uses, with their places, for writing the entry back with them expanded. */
  macros: { start: number; end: number; name: string }[];
}

export interface WrittenEntry {
  type: string;
  key: string;
  fields: WrittenField[];
  /** Offset just past the entry's closing brace. */
  end: number;
}

/** A mistake in an entry's text, at an offset of it. */
export class BibtexSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** A file cut at its entries and directives, in order. */
export function chunks(text: string): Chunk[] {
  const starts = [...text.matchAll(ENTRY_START)];
  return starts.map((m, i) => ({ type: m[1].toLowerCase(), line: lineOf(text, m.index!), text: text.slice(m.index!, starts[i + 1]?.index ?? text.length) }));
}

export const isDirective = (chunk: Chunk) => DIRECTIVES.has(chunk.type);

/**
 * The `@string` macros of files, in order, each one's value read with the
 * macros before it. The macros of every file apply to every file, as when
 * BibTeX reads several (a JabRef library keeps its author macros in a file of
 * their own).
 */
export function readMacros(files: Chunk[][], onError: (chunk: Chunk, error: BibtexSyntaxError) => void): Map<string, string> {
  const macros = new Map<string, string>();
  for (const file of files) {
    for (const chunk of file) {
      if (chunk.type !== 'string') continue;
      try {
        const { fields } = scanEntry(chunk.text, macros, () => {}, false);
        for (const f of fields) macros.set(f.name, f.value);
      } catch (e) {
        if (e instanceof BibtexSyntaxError) onError(chunk, e);
        else throw e;
      }
    }
  }
  return macros;
}

/**
 * The key and fields of one entry's text. `undefinedMacro` is told of each
 * bare word no macro answers to (its name then stands for the value, where
 * BibTeX would leave it empty). Throws a `BibtexSyntaxError` on text BibTeX
 * would not read.
 */
export function scanEntry(text: string, macros: ReadonlyMap<string, string>, undefinedMacro: (name: string) => void, hasKey = true): WrittenEntry {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new BibtexSyntaxError(message, at);
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const head = /^\s*@([A-Za-z]+)\s*([{(])/.exec(text) ?? fail('expected @type{ at the start of the entry', 0);
  i = head[0].length;
  const close = head[2] === '{' ? '}' : ')';
  let key = '';
  if (hasKey) {
    skipSpace();
    const start = i;
    while (i < text.length && !/[,\s}{)(]/.test(text[i])) i++;
    key = text.slice(start, i);
    skipSpace();
    if (text[i] !== ',' && text[i] !== close) fail(key ? `expected a comma after the key "${key}"` : 'expected the entry’s key');
  }

  /** `{…}` with its braces balanced; returns the offset of the closing brace. */
  const closingBrace = (from: number): number => {
    let depth = 0;
    for (let j = from; j < text.length; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}' && --depth === 0) return j;
    }
    return fail('a brace is not closed (the entry ends first)', from);
  };
  const readValue = (): { value: string; macros: WrittenField['macros'] } => {
    const parts: string[] = [];
    const used: WrittenField['macros'] = [];
    for (;;) {
      skipSpace();
      const c = text[i];
      if (c === '{') {
        const j = closingBrace(i);
        parts.push(text.slice(i + 1, j));
        i = j + 1;
      } else if (c === '"') {
        let depth = 0;
        let j = i + 1;
        for (; j < text.length; j++) {
          if (text[j] === '{') depth++;
          else if (text[j] === '}') depth--;
          else if (text[j] === '"' && depth === 0) break;
        }
        if (j >= text.length) fail('a quote is not closed (the entry ends first)');
        parts.push(text.slice(i + 1, j));
        i = j + 1;
      } else {
        const word = /[^\s,#{}()"=]+/y;
        word.lastIndex = i;
        const m = word.exec(text) ?? fail(c === undefined ? 'the entry ends where a value was expected' : `expected a value, found "${c}"`);
        const name = m[0];
        if (/^\d+$/.test(name)) parts.push(name);
        else {
          const lower = name.toLowerCase();
          const value = macros.get(lower) ?? MONTH_MACROS.get(lower);
          if (value === undefined) undefinedMacro(name);
          // A month macro no file redefines is written back as it was: every BibTeX style knows it.
          if (macros.has(lower) || !MONTH_MACROS.has(lower)) used.push({ start: i, end: i + name.length, name });
          parts.push(value ?? name);
        }
        i += name.length;
      }
      skipSpace();
      if (text[i] !== '#') break;
      i++;
    }
    return { value: parts.join(''), macros: used };
  };

  const fields: WrittenField[] = [];
  for (;;) {
    skipSpace();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === close) {
      i++;
      break;
    }
    if (i >= text.length) fail('the entry is not closed');
    const start = i;
    const name = /[^\s=,{}()"#]+/y;
    name.lastIndex = i;
    const m = name.exec(text) ?? fail(`expected a field name, found "${text[i]}"`);
    i += m[0].length;
    skipSpace();
    if (text[i] !== '=') fail(`expected "=" after the field name "${m[0]}"`);
    i++;
    const { value, macros: used } = readValue();
    fields.push({ name: m[0].toLowerCase(), value, start, end: i, macros: used });
  }
  return { type: head[1].toLowerCase(), key, fields, end: i };
}

/**
 * Fields a reference manager keeps for its reader, never published: the
 * attached files and notes, and the bookkeeping of Zotero, JabRef, Mendeley,
 * BibDesk, Papers and BibSonomy (groups, owner, time stamps, read status,
 * ratings, tags).
 */
const PRIVATE_FIELD =
  /^(file|files|pdf|localfile|local-url|annotation|annote|comment|comments|review|keywords|mendeley-.*|bdsk-.*|groups|owner|timestamp|readstatus|read|rating|ranking|priority|printed|qualityassured|relevance|date-added|date-modified|added-at|interhash|intrahash|citeulike-.*|__markedentry|jabref-.*|zotero-.*|papers2_.*|sente-.*)$/;

export const isPrivateField = (name: string) => PRIVATE_FIELD.test(name);

/**
 * The entry as it is shown and copied: as written, but without the private
 * fields, and with its macros expanded (`booktitle = sigmod` becomes the text
 * it stands for), so it reads the same pasted into any other file.
 */
export function shownBibtex(text: string, entry: WrittenEntry): string {
  const edits: { start: number; end: number; by: string }[] = [];
  for (const field of entry.fields) {
    if (isPrivateField(field.name)) {
      // The field, the comma after it and the rest of its line.
      let end = field.end;
      const after = /^[ \t]*,?[ \t]*(\r?\n)?/.exec(text.slice(end));
      end += after?.[0].length ?? 0;
      let start = field.start;
      while (start > 0 && /[ \t]/.test(text[start - 1])) start--;
      edits.push({ start, end, by: '' });
      continue;
    }
    // Each macro (and the `#` joins around the value) gives way to the value in braces.
    if (field.macros.length) {
      const from = text.indexOf('=', field.start) + 1;
      const lead = /^\s*/.exec(text.slice(from))![0];
      edits.push({ start: from + lead.length, end: field.end, by: `{${field.value}}` });
    }
  }
  let out = text.slice(0, entry.end);
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.by + out.slice(e.end);
  return out.trim();
}
