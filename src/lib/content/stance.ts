/**
 * What a link means for the claim of the item that makes it: it supports the
 * claim, challenges it, or qualifies it; and where that reading came from.
 * The tables here are the whole of the vocabulary: the field names authors
 * may write (with their synonyms) and the section headings that carry a
 * stance. The Markdown layer reads fields with them, the corpus layer reads
 * headings, and every view names stances from `STANCE_VOCABULARY`.
 */
export const STANCES = ['supports', 'challenges', 'qualifies'] as const;
export type Stance = (typeof STANCES)[number];

/**
 * Where a stance came from, strongest first:
 * - `declared`: the author said so (`supports:: [[X]]`, a `challenges:` frontmatter list);
 * - `heading`: the link sits under a section such as "The Counter-Evidence";
 * - `inferred`: any other link in the body of an item with a claim (the author cites it while arguing);
 * - `verified`: a figure or quotation of the item was found in the paper's text.
 * A verified stance never overrides another: it is given to papers the text checks against.
 */
export const STANCE_SOURCES = ['declared', 'heading', 'inferred', 'verified'] as const;
export type StanceSource = (typeof STANCE_SOURCES)[number];

/** Lower is stronger; a link keeps the strongest stance any of its places gives it. */
export const stanceStrength = (from: StanceSource) => STANCE_SOURCES.indexOf(from);

/** A stance and where it came from, as edges and links carry it. */
export interface StanceOf {
  stance: Stance;
  from: StanceSource;
}

/**
 * Field names (Dataview inline fields and frontmatter keys) and the stance
 * each declares. Keys match without regard to case.
 */
export const STANCE_FIELDS = {
  supports: 'supports',
  confirms: 'supports',
  corroborates: 'supports',
  challenges: 'challenges',
  opposes: 'challenges',
  contradicts: 'challenges',
  refutes: 'challenges',
  disputes: 'challenges',
  qualifies: 'qualifies',
  limits: 'qualifies',
  nuances: 'qualifies',
} as const satisfies Record<string, Stance>;

export type StanceField = keyof typeof STANCE_FIELDS;

/** The stance a field name declares, or undefined for any other field (left as text). */
export const stanceOfField = (key: string): Stance | undefined => (STANCE_FIELDS as Record<string, Stance>)[key.trim().toLowerCase()];

/**
 * Section headings that give the links under them a stance. A heading
 * matches when, with case, dashes and a leading "The" set aside, it is one
 * of these phrases or starts with one ("Counter-evidence from RL" counts).
 */
export const STANCE_HEADINGS: Record<Stance, readonly string[]> = {
  challenges: [
    'counter evidence',
    'counterevidence',
    'counterpoints',
    'counterpoint',
    'counter arguments',
    'counterarguments',
    'counter argument',
    'objections',
    'objection',
    'critiques',
    'critique',
    'criticism',
    'criticisms',
    'rebuttals',
    'rebuttal',
    'contrary evidence',
    'evidence against',
    'opposing evidence',
    'disconfirming evidence',
  ],
  qualifies: ['limitations', 'limitation', 'caveats', 'caveat', 'nuances', 'nuance', 'qualifications', 'boundary conditions'],
  supports: ['evidence', 'supporting evidence', 'evidence for', 'support', 'supporting work', 'corroboration'],
};

/** A heading folded for matching: lower case, dashes as spaces, no leading "The", no trailing punctuation. */
export function headingKey(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212-]+/g, ' ')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const HEADING_TABLE: [string, Stance][] = (Object.entries(STANCE_HEADINGS) as [Stance, readonly string[]][])
  .flatMap(([stance, phrases]) => phrases.map((p): [string, Stance] => [headingKey(p), stance]))
  // Longest phrase first, so "evidence against" wins over "evidence".
  .sort((a, b) => b[0].length - a[0].length);

/**
 * The stance a section heading gives the links under it, or undefined.
 *
 * @example
 * headingStance('The Counter-Evidence') // 'challenges'
 * headingStance('Limitations and caveats') // 'qualifies'
 * headingStance('The Three-Layer Argument') // undefined
 */
export function headingStance(heading: string): Stance | undefined {
  const key = headingKey(heading);
  for (const [phrase, stance] of HEADING_TABLE) {
    if (key === phrase || key.startsWith(`${phrase} `)) return stance;
  }
  return undefined;
}

/**
 * Where a claim stands on its evidence:
 * - `supported`: something supports it and nothing challenges it;
 * - `contested`: both;
 * - `challenged`: challenged and not supported;
 * - `open`: neither (qualifications alone leave it open).
 */
export const CLAIM_STATUSES = ['supported', 'contested', 'challenged', 'open'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export type StanceCounts = Record<Stance, number>;

export function claimStatus(counts: StanceCounts): ClaimStatus {
  if (counts.supports && counts.challenges) return 'contested';
  if (counts.supports) return 'supported';
  if (counts.challenges) return 'challenged';
  return 'open';
}

/** How the site names stances and statuses. */
export const STANCE_VOCABULARY = {
  supports: { label: 'Supports', verb: 'supports', inverse: 'is supported by', colourVar: '--stance-supports' },
  challenges: { label: 'Challenges', verb: 'challenges', inverse: 'is challenged by', colourVar: '--stance-challenges' },
  qualifies: { label: 'Qualifies', verb: 'qualifies', inverse: 'is qualified by', colourVar: '--stance-qualifies' },
} as const satisfies Record<Stance, { label: string; verb: string; inverse: string; colourVar: string }>;

/** Where a stance came from: a short label shown beside each item, and what it means (its title and the legend). */
export const STANCE_SOURCE_VOCABULARY = {
  declared: { label: 'declared', explain: 'the author declared it (a stance field or frontmatter list)' },
  heading: { label: 'by section', explain: 'the section it sits in names it (for example “Counter-evidence”)' },
  inferred: { label: 'inferred', explain: 'cited in the text while arguing the claim' },
  verified: { label: 'verified', explain: 'a figure or quotation of this item is stated in its text' },
} as const satisfies Record<StanceSource, { label: string; explain: string }>;

export const STATUS_VOCABULARY = {
  supported: { label: 'Supported', explain: 'supported, and nothing here challenges it' },
  contested: { label: 'Contested', explain: 'both supported and challenged' },
  challenged: { label: 'Challenged', explain: 'challenged, and nothing here supports it' },
  open: { label: 'Open', explain: 'nothing here supports or challenges it yet' },
} as const satisfies Record<ClaimStatus, { label: string; explain: string }>;

/**
 * How far a claim's evidence reaches, strongest first:
 * - `verified`: a passage of a paper in the collection states it;
 * - `cited`: a source paper is named, but its text is not in the collection (or states nothing of it);
 * - `inferred`: only links to notes, written or not, none of which reaches a source;
 * - `none`: no evidence at all.
 * Status says which way the evidence points; grounding says how far down it goes.
 */
export const GROUNDINGS = ['verified', 'cited', 'inferred', 'none'] as const;
export type Grounding = (typeof GROUNDINGS)[number];

/** Lower is stronger. */
export const groundingStrength = (g: Grounding) => GROUNDINGS.indexOf(g);

/** The strongest of some groundings; `none` for none. */
export const strongestGrounding = (gs: Iterable<Grounding>): Grounding => {
  let best: Grounding = 'none';
  for (const g of gs) if (groundingStrength(g) < groundingStrength(best)) best = g;
  return best;
};

export const GROUNDING_VOCABULARY = {
  verified: { label: 'verified', explain: 'a passage of a paper in the collection states it' },
  cited: { label: 'cited', explain: 'a source paper is named, but no passage of its text here states it' },
  inferred: { label: 'inferred only', explain: 'only links to notes, none of which reaches a source' },
  none: { label: 'no evidence', explain: 'nothing here bears on it yet' },
} as const satisfies Record<Grounding, { label: string; explain: string }>;

/**
 * How a link was given to one part of a compound claim:
 * - `declared`: a `part::` field in its paragraph names the part;
 * - `paragraph`: the lead sentence of its paragraph restates the part;
 * - `section`: the heading of its section restates the part;
 * - `whole`: nothing tells; it bears on the claim as a whole.
 */
export const PART_SOURCES = ['declared', 'paragraph', 'section', 'whole'] as const;
export type PartSource = (typeof PART_SOURCES)[number];

export const PART_SOURCE_VOCABULARY = {
  declared: { label: 'declared', explain: 'a part:: field in its paragraph names the part' },
  paragraph: { label: 'by its paragraph', explain: 'the lead sentence of its paragraph restates the part' },
  section: { label: 'by its section', explain: 'the heading of its section restates the part' },
  whole: { label: 'the whole claim', explain: 'nothing tells which part it argues' },
} as const satisfies Record<PartSource, { label: string; explain: string }>;

/**
 * A grounding as it reads beside a status: "verified in 1 paper", "cited only", "inferred only", "no evidence".
 *
 * @example
 * groundingText('verified', 2) // 'verified in 2 papers'
 */
export function groundingText(grounding: Grounding, papers = 0): string {
  if (grounding === 'verified' && papers > 0) return `verified in ${papers} ${papers === 1 ? 'paper' : 'papers'}`;
  if (grounding === 'cited') return 'cited only';
  return GROUNDING_VOCABULARY[grounding].label;
}
