/**
 * Obsidian's math delimiters as a micromark syntax extension, so the parser
 * itself decides what is math, the way Obsidian pairs `$` and `$$`:
 *
 * - **`$$` block**: a line opening with `$$` runs to the first line ending in
 *   `$$` (`$$\begin{aligned}` … `\end{aligned}$$`, or `$$x = 1$$` on one
 *   line), inside the same list item or quote, blank lines included (Obsidian
 *   keeps them in the formula). A block never runs past its container, nor
 *   over a heading or a callout's opening line, which no formula holds:
 *   without a closing `$$` before those, the `$$` line is ordinary text. An
 *   unclosed `$$` therefore leaves the sections after it as they are. A `$$`
 *   line inside a paragraph that left a `$$` open closes that formula instead.
 *   The block is not "concrete" (unlike a code fence): Markdown's containers
 *   are read on each of its lines, so a line that opens a list item or quote
 *   ends it (without a closing, that `$$` is text) and nothing read while
 *   looking for the closing is misread once it is not found.
 * - **`$$…$$` in a paragraph**, on the same line as text or across its
 *   lines: display math.
 * - **`$…$`**: inline math when the opening `$` is followed by a non-space
 *   and the closing `$` follows a non-space and is not followed by a digit
 *   (`$5 and $10`, `$20,000 and $30,000` are prices, not math). `\$` is a
 *   dollar sign, outside math and inside it.
 *
 * The nodes are mdast-util-math's `math` and `inlineMath`; an `inlineMath`
 * written with `$$` turns into `code.math-display`, typeset as display math.
 */
import type { InlineMath, Math } from 'mdast-util-math';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import type { Element } from 'hast';

const DOLLAR = 36;
const BACKSLASH = 92;
const isLineEnding = (code: Code) => code !== null && code < -2;
const isSpace = (code: Code) => code === -2 || code === -1 || code === 32;
const isDigit = (code: Code) => code !== null && code >= 48 && code <= 57;

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    mathBlock: 'mathBlock';
    mathBlockChunk: 'mathBlockChunk';
    mathInline: 'mathInline';
    mathInlineChunk: 'mathInlineChunk';
  }
}

/** A line ending inside a multi-line construct, unless the next line is lazy (outside the container) or the document ends. */
const nonLazyLineEnding: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    const self = this;
    return (code) => {
      if (!isLineEnding(code)) return nok(code);
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return (next: Code) => (self.parser.lazy[self.now().line] ? nok(next) : ok(next));
    };
  },
};

/**
 * A line no formula holds: an ATX heading (`## Next`) or a callout's opening
 * (`> [!NOTE]`). A `$$` whose block would run over one had no closing of its own.
 */
const markdownLine: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    let hashes = 0;
    const start: State = (code) => {
      if (code !== 35 && code !== 62) return nok(code);
      effects.enter('mathBlockChunk');
      if (code === 35) return heading(code);
      effects.consume(code);
      return quote;
    };
    const done: State = (code) => {
      effects.exit('mathBlockChunk');
      return ok(code);
    };
    const heading: State = (code) => {
      if (code === 35 && hashes < 6) {
        effects.consume(code);
        hashes++;
        return heading;
      }
      return code === null || isSpace(code) || isLineEnding(code) ? done(code) : nok(code);
    };
    const quote: State = (code) => {
      if (isSpace(code)) {
        effects.consume(code);
        return quote;
      }
      if (code !== 91) return nok(code);
      effects.consume(code);
      return (next: Code) => (next === 33 ? done(next) : nok(next));
    };
    return start;
  },
};

/** Whether the paragraph being read so far holds an odd number of unescaped `$$`. */
function openDisplay(context: TokenizeContext): boolean {
  const enter = context.events.findLast(([kind, token]) => kind === 'enter' && token.type === 'content');
  if (!enter) return false;
  const text = context.sliceSerialize({ start: enter[1].start, end: context.now() });
  let open = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '$' && text[i + 1] === '$') {
      open = !open;
      i++;
    }
  }
  return open;
}

/** `$$` at the start of a line, to the first line that ends in `$$`. */
const mathBlock: Construct = {
  name: 'mathBlock',
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const self = this;
    let opening = 0;
    /** Unescaped `$` at the end of the line so far (spaces after them ignored); the opening pair does not count. */
    let trailing = 0;
    let escaped = false;

    const start: State = (code) => {
      // Inside a paragraph whose text left a `$$` open, this `$$` closes that formula: it opens no block.
      if (self.interrupt && openDisplay(self)) return nok(code);
      effects.enter('mathBlock');
      effects.enter('mathBlockChunk');
      return open(code);
    };
    const open: State = (code) => {
      if (code === DOLLAR && opening < 2) {
        effects.consume(code);
        opening++;
        return open;
      }
      if (opening < 2 || code === DOLLAR) return nok(code);
      return inLine(code);
    };
    const inLine: State = (code) => {
      if (code === null) return nok(code);
      if (isLineEnding(code)) {
        effects.exit('mathBlockChunk');
        if (trailing >= 2) {
          effects.exit('mathBlock');
          return ok(code);
        }
        return effects.attempt(nonLazyLineEnding, lineStart, nok)(code);
      }
      if (!isSpace(code)) {
        trailing = code === DOLLAR && !escaped ? trailing + 1 : 0;
        escaped = code === BACKSLASH && !escaped;
      }
      effects.consume(code);
      return inLine;
    };
    const lineStart: State = (code) => {
      trailing = 0;
      escaped = false;
      if (code === null) return nok(code);
      // A blank line is part of the formula, as in Obsidian (TeX reads it as space).
      if (isLineEnding(code)) return effects.attempt(nonLazyLineEnding, lineStart, nok)(code);
      return effects.check(markdownLine, nok, chunkStart)(code);
    };
    const chunkStart: State = (code) => {
      effects.enter('mathBlockChunk');
      return inLine(code);
    };
    return start;
  },
};

/** `$…$` or `$$…$$` inside a paragraph. */
const mathInline: Construct = {
  name: 'mathInline',
  previous(code) {
    // Not the second `$` of a pair, unless that `$` was escaped.
    return code !== DOLLAR || this.events[this.events.length - 1]?.[1].type === 'characterEscape';
  },
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let size = 0;
    let closing = 0;
    let escaped = false;
    let hasText = false;
    let previousSpace = false;

    const start: State = (code) => {
      effects.enter('mathInline');
      effects.enter('mathInlineChunk');
      return open(code);
    };
    const open: State = (code) => {
      if (code === DOLLAR) {
        if (size === 2) return nok(code);
        effects.consume(code);
        size++;
        return open;
      }
      // `$ x$` is not math: the opening `$` of inline math touches its formula.
      if (size === 1 && (code === null || isSpace(code) || isLineEnding(code))) return nok(code);
      return inside(code);
    };
    const inside: State = (code) => {
      if (code === null) return nok(code);
      if (isLineEnding(code)) {
        effects.exit('mathInlineChunk');
        effects.enter('lineEnding');
        effects.consume(code);
        effects.exit('lineEnding');
        previousSpace = true;
        escaped = false;
        return (next: Code) => {
          effects.enter('mathInlineChunk');
          return inside(next);
        };
      }
      if (code === DOLLAR && !escaped) {
        if (size === 1) return previousSpace || !hasText ? nok(code) : closeSingle(code);
        closing = 0;
        return closeDouble(code);
      }
      escaped = code === BACKSLASH && !escaped;
      previousSpace = isSpace(code);
      if (!previousSpace) hasText = true;
      effects.consume(code);
      return inside;
    };
    const closeSingle: State = (code) => {
      effects.consume(code);
      // `$20,000 and $30,000`: a `$` before a digit opens a price, it does not close math.
      return (next: Code) => (isDigit(next) ? nok(next) : done(next));
    };
    const closeDouble: State = (code) => {
      if (code === DOLLAR && closing < 2) {
        effects.consume(code);
        closing++;
        return closeDouble;
      }
      if (closing === 2 && code !== DOLLAR && hasText) return done(code);
      // A lone `$` inside `$$…$$` is part of the formula.
      if (closing === 1) {
        hasText = true;
        previousSpace = false;
        return inside(code);
      }
      return nok(code);
    };
    const done: State = (code) => {
      effects.exit('mathInlineChunk');
      effects.exit('mathInline');
      return ok(code);
    };
    return start;
  },
};

/** The syntax: `$$` blocks in flow, `$` and `$$` in text. */
export function obsidianMath(): Extension {
  return { flow: { [DOLLAR]: mathBlock }, text: { [DOLLAR]: mathInline } };
}

/** The TeX of a construct: its source without the delimiters. */
function tex(source: string): string {
  const trimmed = source.trim();
  const size = trimmed.startsWith('$$') ? 2 : 1;
  return trimmed.slice(size, trimmed.endsWith('$'.repeat(size)) ? -size : undefined).trim();
}

function positionOf(token: Token) {
  return { start: { ...token.start }, end: { ...token.end } };
}

/** The element KaTeX is later asked to typeset: `code.language-math`, marked display or inline. */
function mathCode(value: string, display: boolean, token: Token): Element {
  return {
    type: 'element',
    tagName: 'code',
    properties: { className: ['language-math', display ? 'math-display' : 'math-inline'] },
    children: [{ type: 'text', value }],
    position: positionOf(token),
  };
}

/** Turns the syntax's tokens into mdast `math` and `inlineMath` nodes. */
export function obsidianMathFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      mathBlock(this: CompileContext, token: Token) {
        const node: Math = { type: 'math', meta: null, value: '' };
        this.enter(node, token);
      },
      mathInline(this: CompileContext, token: Token) {
        const node: InlineMath = { type: 'inlineMath', value: '' };
        this.enter(node, token);
      },
    },
    exit: {
      mathBlock(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1] as Math;
        node.value = tex(this.sliceSerialize(token));
        node.data = { hName: 'pre', hChildren: [mathCode(node.value, true, token)] };
        this.exit(token);
      },
      mathInline(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1] as InlineMath;
        const source = this.sliceSerialize(token);
        const display = source.startsWith('$$');
        node.value = tex(source);
        node.data = { hName: 'code', hProperties: { className: ['language-math', display ? 'math-display' : 'math-inline'] }, hChildren: [{ type: 'text', value: node.value }] };
        this.exit(token);
      },
    },
  };
}
