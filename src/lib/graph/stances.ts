/**
 * How a link argues and where a claim stands: optional fields a graph may
 * carry on its edges (`stance`) and nodes (`status`). The graph views colour
 * and filter by them when present and do without them otherwise.
 */
export const STANCES = ['supports', 'challenges', 'qualifies'] as const;
export type Stance = (typeof STANCES)[number];

export const STATUSES = ['supported', 'contested', 'challenged', 'open'] as const;
export type Status = (typeof STATUSES)[number];

export const STANCE_LABELS: Record<Stance, string> = { supports: 'Supports', challenges: 'Challenges', qualifies: 'Qualifies' };
export const STATUS_LABELS: Record<Status, string> = { supported: 'Supported', contested: 'Contested', challenged: 'Challenged', open: 'Open' };

/** The stance an edge carries, if it carries a known one. */
export function stanceOf(edge: object): Stance | undefined {
  const s = (edge as { stance?: unknown }).stance;
  return typeof s === 'string' && (STANCES as readonly string[]).includes(s) ? (s as Stance) : undefined;
}

/** The status a node carries, if it carries a known one. */
export function statusOf(node: object): Status | undefined {
  const s = (node as { status?: unknown }).status;
  return typeof s === 'string' && (STATUSES as readonly string[]).includes(s) ? (s as Status) : undefined;
}
