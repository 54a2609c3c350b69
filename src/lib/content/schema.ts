/**
 * Frontmatter schemas, one per kind. Bad frontmatter is caught here, at the
 * boundary, before any page renders (see document.ts for how a failure is
 * turned into an error that names the file, line and field).
 */
import { z } from 'zod';
import type { Kind } from './ids';
import { STANCE_FIELDS, type StanceField } from './stance';

const text = z.string().trim().min(1, 'expected non-empty text');
/** Text that YAML may have read as a number or a date (`title: 1984`, `title: 2024-05-01`): read back as the text written. */
const looseText = z.preprocess((v) => (typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v), text);
const textList = z.array(text).default([]);
/** YAML turns `2025-07-29` into a Date; people also write plain strings. */
const isoDate = z
  .union([z.date(), z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date like 2025-07-29')])
  .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d));
const count = z.number().int('expected a whole number').nonnegative('expected a count of 0 or more');

/**
 * `supports:`, `challenges:`, `qualifies:` and their synonyms: titles or
 * `"[[wiki links]]"`, as a list or one string, each a link with that stance.
 */
const stanceList = z.preprocess((v) => (typeof v === 'string' ? [v] : v), textList);
const stanceLists = Object.fromEntries(Object.keys(STANCE_FIELDS).map((key) => [key, stanceList])) as Record<StanceField, typeof stanceList>;

/** Fields every kind shares. */
const common = {
  ...stanceLists,
  title: looseText,
  summary: looseText.optional(),
  /** `publish: false` (Obsidian Publish's key) or `draft: true`: the file is private and never published. */
  publish: z.boolean().optional(),
  draft: z.boolean().optional(),
  aliases: textList,
  /** The item's fixed address in its kind's folder (`permalink: warmth-trap` → `/notes/warmth-trap/`); `slug` is its synonym. */
  permalink: looseText.optional(),
  slug: looseText.optional(),
  /** Earlier addresses of the item (`/notes/old-name/`): each gets a page that sends the reader on. */
  /** The language the item is written in (a BCP 47 tag, `ar`, `zh-Hans`), where it differs from the site's. */
  lang: looseText.optional(),
  redirect_from: z.preprocess((v) => (typeof v === 'string' ? [v] : v), textList),
  tags: z.array(z.union([text, z.number().transform(String)])).default([]),
  /** True for an item that is referenced but not written yet. */
  stub: z.boolean().default(false),
  /** The raw export(s) a file was generated from; absent on hand-written files. */
  imported_from: textList,
  /** When the item was last revised; without it the content folder's git history says, if it is a repository. */
  updated: isoDate.optional(),
};

export const noteSchema = z
  .object({
    ...common,
    /** The note's thesis in one sentence. */
    claim: looseText.optional(),
    /** The claim's parts, when the author sets them rather than letting the claim be cut at "while", "but", ";" or a dash. */
    parts: textList,
    /** When the note was written (a paper's `date` is its publication date). */
    date: isoDate.optional(),
    /** Related papers, best first. */
    papers: textList,
    /** Inquiry lines that use this note as a source. */
    lines: textList,
  })
  .strict();

export const paperSchema = z
  .object({
    ...common,
    authors: textList,
    date: isoDate.optional(),
    venue: text.optional(),
    doi: text.optional(),
    url: z
      .string()
      .regex(/^https?:\/\/[^\s]+$/i, 'expected a web address starting with http:// or https://')
      .optional(),
    has_pdf: z.boolean().optional(),
    citations: count.optional(),
    influential: count.optional(),
    abstract: text.optional(),
    problem: textList,
    innovation: textList,
    technology_category: textList,
    application_category: textList,
    /** Similar papers, as titles. */
    similar: textList,
  })
  .strict();

export const lineSchema = z
  .object({
    ...common,
    /** The notes the line draws on, in order, each with the summary the line gives it. */
    sources: z
      .array(
        // A bare title is shorthand for `{ title }`.
        z.preprocess((v) => (typeof v === 'string' ? { title: v } : v), z.object({ title: text, summary: text.optional() }).strict()),
      )
      .default([]),
    /** Next inquiry lines, as titles. */
    next: textList,
    /** When the line was opened. */
    date: isoDate.optional(),
  })
  .strict();

export const SCHEMAS = { note: noteSchema, paper: paperSchema, line: lineSchema } satisfies Record<Kind, z.ZodTypeAny>;

export type NoteData = z.output<typeof noteSchema>;
export type PaperData = z.output<typeof paperSchema>;
export type LineData = z.output<typeof lineSchema>;
export type DataOf<K extends Kind> = z.output<(typeof SCHEMAS)[K]>;

/** Obsidian writes a list as a YAML list, as one string, or leaves the key empty. */
const looseList = (split: RegExp | undefined) =>
  z.preprocess(
    (v) => (v == null ? [] : typeof v === 'string' ? (split ? v.split(split) : [v]).map((s) => s.trim()).filter(Boolean) : v),
    z.array(z.union([text, z.number().transform(String)])).default([]),
  );
/** An empty key (`summary:`) is an absent field, not an error. */
const emptyIsAbsent = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === null || v === '' ? undefined : v), schema);

/**
 * A note from an Obsidian-style vault, outside the kind folders. Lenient where
 * the kind folders are strict: no field is required (the title may come from
 * the first heading or the file name), and keys of other tools (`created`,
 * `cssclasses`, `publish`…) are ignored rather than refused.
 */
export const vaultNoteSchema = z
  .object(
    Object.fromEntries(
      Object.entries({
        ...noteSchema.shape,
        title: looseText.optional(),
        aliases: looseList(/,/),
        tags: looseList(/[,\s]+/).transform((tags) => tags.map((t) => t.replace(/^#/, '')).filter(Boolean)),
      }).map(([key, schema]) => [key, emptyIsAbsent(schema)]),
    ) as unknown as { [K in keyof typeof noteSchema.shape]: z.ZodTypeAny },
  )
  .strip();
