/**
 * Code blocks highlighted at build time with Shiki, in a light and a dark
 * theme at once: each token carries the light colour and the dark one as the
 * `--shiki-dark` variable, and the site's stylesheet picks the dark one when
 * the page is dark. No script reaches the browser.
 *
 * Runs after sanitising (its inline colours would not survive it). The
 * grammars are loaded synchronously, so the pipeline stays synchronous: a
 * language outside `LANGUAGES` is shown as plain code.
 */
import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import type { Root as HastRoot } from 'hast';
import { createHighlighterCoreSync, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import bash from 'shiki/langs/bash.mjs';
import c from 'shiki/langs/c.mjs';
import cpp from 'shiki/langs/cpp.mjs';
import css from 'shiki/langs/css.mjs';
import diff from 'shiki/langs/diff.mjs';
import go from 'shiki/langs/go.mjs';
import html from 'shiki/langs/html.mjs';
import java from 'shiki/langs/java.mjs';
import javascript from 'shiki/langs/javascript.mjs';
import json from 'shiki/langs/json.mjs';
import julia from 'shiki/langs/julia.mjs';
import latex from 'shiki/langs/latex.mjs';
import matlab from 'shiki/langs/matlab.mjs';
import python from 'shiki/langs/python.mjs';
import r from 'shiki/langs/r.mjs';
import rust from 'shiki/langs/rust.mjs';
import sql from 'shiki/langs/sql.mjs';
import toml from 'shiki/langs/toml.mjs';
import tsx from 'shiki/langs/tsx.mjs';
import typescript from 'shiki/langs/typescript.mjs';
import yaml from 'shiki/langs/yaml.mjs';
import githubDark from 'shiki/themes/github-dark.mjs';
import githubLight from 'shiki/themes/github-light.mjs';
import type { Plugin } from 'unified';
import { EXIT, visit } from 'unist-util-visit';

/** The grammars a code block may name (with their usual aliases: `py`, `sh`, `js`, `ts`, `tex`…). */
const LANGUAGES = [bash, c, cpp, css, diff, go, html, java, javascript, json, julia, latex, matlab, python, r, rust, sql, toml, tsx, typescript, yaml];

/** The themes, by the site theme they follow. */
export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

let highlighter: HighlighterCore | undefined;

/** Made on first use: compiling the grammars costs time a corpus without code need not spend. */
function shiki(): HighlighterCore {
  highlighter ??= createHighlighterCoreSync({
    themes: [githubLight, githubDark],
    langs: LANGUAGES.flat(),
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/** Replaces each `<pre><code class="language-x">` of a known language with Shiki's highlighted block. */
export const rehypeHighlightCode: Plugin<[], HastRoot> = () => {
  let transform: ((tree: HastRoot) => void) | undefined;
  return (tree) => {
    if (!hasCodeBlock(tree)) return;
    // The core highlighter's generic types are narrower than the plugin's; it is the same object.
    transform ??= rehypeShikiFromHighlighter(shiki() as unknown as Parameters<typeof rehypeShikiFromHighlighter>[0], {
      themes: CODE_THEMES,
      defaultColor: 'light',
      addLanguageClass: true,
      // No time limit: on a busy machine a line cut short would colour differently from one build to the next.
      tokenizeTimeLimit: 0,
      // A grammar that fails on odd input leaves its block as plain code.
      onError: () => undefined,
    }) as (tree: HastRoot) => void;
    transform(tree);
  };
};

/** Whether the tree holds a code block naming a language: most bodies hold none, and skip the highlighter. */
function hasCodeBlock(tree: HastRoot): boolean {
  let found = false;
  visit(tree, 'element', (node, _index, parent) => {
    if (node.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return;
    if (Array.isArray(node.properties.className) && node.properties.className.some((c) => String(c).startsWith('language-'))) {
      found = true;
      return EXIT;
    }
  });
  return found;
}
