/**
 * Obsidian's math delimiters as a micromark syntax extension, so the parser
 * itself decides what is math, the way Obsidian pairs `$` and `$$`:
 *
 * - **`$$` block**: a line opening with `$$` runs to the first line ending in
 *   `$$` (`$$\begin{aligned}` … `\end{aligned}$$`, or `$$x = 1$$` on one
 *   line), inside the same list item or quote. A block never holds a blank
 *   line (TeX itself refuses a paragraph break in display math) and never
 *   runs past its container: without a closing `$$` before either, the line
 *   is ordinary text. An unclosed `$$` therefore changes nothing after it.
 * - **`$$…$$` in a paragraph**, on the same line as text or across its
 *   lines: display math.
 * - **`$…$`**: inline math when the opening `$` is followed by a non-space
 *   and the closing `$` follows a non-space and is not followed by a digit
 *   (`$5 and $10`, `$20,000 and $30,000` are prices, not math). `\$` is a
 *   dollar sign, outside math and inside it.
 *
 * The nodes are mdast-util-math's `math` and `inlineMath`; `data.display`
 * marks `$$` math written inside a paragraph.
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

/** `$$` at the start of a line, to the first line that ends in `$$`. */
const mathBlock: Construct = {
  name: 'mathBlock',
  concrete: true,
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let opening = 0;
    /** Unescaped `$` at the end of the line so far (spaces after them ignored); the opening pair does not count. */
    let trailing = 0;
    let escaped = false;
    let lineHasText = true;

    const start: State = (code) => {
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
        // A blank line ends the block before it closed: not math.
        if (!lineHasText) return nok(code);
        effects.exit('mathBlockChunk');
        if (trailing >= 2) {
          effects.exit('mathBlock');
          return ok(code);
        }
        return effects.attempt(nonLazyLineEnding, lineStart, nok)(code);
      }
      if (!isSpace(code)) {
        lineHasText = true;
        trailing = code === DOLLAR && !escaped ? trailing + 1 : 0;
        escaped = code === BACKSLASH && !escaped;
      }
      effects.consume(code);
      return inLine;
    };
    const lineStart: State = (code) => {
      lineHasText = false;
      trailing = 0;
      escaped = false;
      if (code === null || isLineEnding(code)) return nok(code);
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
