/**
 * A query's result as HTML, in the shapes written content takes: a list, a
 * table with a header row, a task list with its checkboxes shown but not
 * editable (as GFM renders a task list). Links are written by the caller's
 * `link` (the address, the classes and title of a body's links), so link
 * previews find them; values are escaped. The blocks that are not results
 * (no rows, a view never run, a query not evaluated) are written here too.
 */
import { DATAVIEW_WORDS } from '../../content/dataview-words';
import type { QueryResult } from './evaluate';
import { asText, dateText, Duration, durationText, DvObject, Link, Task, type Value } from './values';

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Writes a link as a body writes one, labelled with `label` where the text gives one (else the note's title). */
export type LinkWriter = (link: Link, label?: string) => string;

export function valueHtml(value: Value, link: LinkWriter): string {
  if (value === null) return '';
  if (value instanceof Link) return link(value);
  if (value instanceof Date) return `<time datetime="${value.toISOString()}">${dateText(value)}</time>`;
  if (value instanceof Duration) return escapeHtml(durationText(value));
  if (Array.isArray(value)) return value.length ? `<ul>${value.map((v) => `<li>${valueHtml(v, link)}</li>`).join('')}</ul>` : '';
  if (value instanceof DvObject) return '';
  return escapeHtml(asText(value));
}

/** A value inline (a list item, an inline expression): a list reads as its items, comma-separated. */
export function inlineHtml(value: Value, link: LinkWriter): string {
  if (Array.isArray(value)) return value.map((v) => inlineHtml(v, link)).join(', ');
  return valueHtml(value, link);
}

export function resultHtml(result: QueryResult, link: LinkWriter): string {
  if (result.view === 'task') {
    if (!result.groups.length) return noResults();
    const groups = result.groups.map((g) => {
      const items = g.tasks.map((t) => `<li class="task-list-item"><input type="checkbox" disabled${t.get('completed') ? ' checked' : ''}> ${taskHtml(t, link)}</li>`);
      return `<p class="dataview-group">${inlineHtml(g.id, link)}</p><ul class="contains-task-list">${items.join('')}</ul>`;
    });
    return `<div class="dataview dataview-tasks">${groups.join('')}</div>`;
  }
  if (!result.rows.length) return noResults();
  if (result.view === 'list') {
    const items = result.rows.map((row) => {
      const parts = [...(result.withoutId ? [] : [inlineHtml(row.id, link)]), ...row.values.map((v) => inlineHtml(v, link))].filter(Boolean);
      const members = row.members?.length ? `<ul>${row.members.map((m) => `<li>${inlineHtml(m, link)}</li>`).join('')}</ul>` : '';
      return `<li>${parts.join(': ')}${members}</li>`;
    });
    return `<ul class="dataview dataview-list">${items.join('')}</ul>`;
  }
  const headers = [...(result.withoutId ? [] : [result.grouped ? DATAVIEW_WORDS.groupColumn : DATAVIEW_WORDS.fileColumn]), ...result.headers];
  const head = `<thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = result.rows.map((row) => `<tr>${[...(result.withoutId ? [] : [row.id]), ...row.values].map((v) => `<td>${valueHtml(v, link)}</td>`).join('')}</tr>`);
  return `<div class="dataview dataview-table"><table>${head}<tbody>${body.join('')}</tbody></table></div>`;
}

/** A task's text, its links written as links. */
const taskHtml = (task: DvObject, link: LinkWriter) =>
  task instanceof Task ? task.pieces.map((p) => (typeof p === 'string' ? escapeHtml(p) : link(p.link, p.label))).join('') : escapeHtml(asText(task.get('text')));

const noResults = () => `<p class="dataview dataview-empty">${DATAVIEW_WORDS.noResults}</p>`;

const sourceBlock = (source: string) => `<pre><code>${escapeHtml(source)}</code></pre>`;

/** A DataviewJS block: folded, labelled, its source inside. */
export const dynamicHtml = (source: string) => `<details class="dataview dataview-dynamic"><summary>${DATAVIEW_WORDS.dynamic}</summary>${sourceBlock(source)}</details>`;

/** Inline `$= …`: its source as code, labelled. */
export const dynamicInlineHtml = (source: string) => `<code class="dataview-dynamic" title="${DATAVIEW_WORDS.dynamic}">$= ${escapeHtml(source)}</code>`;

/** A query the site does not evaluate: its source, labelled with the reason. */
export const unsupportedHtml = (source: string, reason: string) =>
  `<figure class="dataview dataview-unsupported"><figcaption>${DATAVIEW_WORDS.unsupported}: ${escapeHtml(reason)}</figcaption>${sourceBlock(source)}</figure>`;

/** An inline expression the site does not evaluate: its source as code, the reason in its title. */
export const unsupportedInlineHtml = (source: string, reason: string) => `<code class="dataview-unsupported" title="${DATAVIEW_WORDS.unsupported}: ${escapeHtml(reason)}">= ${escapeHtml(source)}</code>`;
