/**
 * custom_ids of the components on an answer. They carry only knowledge ids and fixed words,
 * never user text, and stay within Discord's 100 characters.
 */

export const SURFACES = ['slash', 'mention', 'dm', 'context-menu', 'related'] as const;
/** Where a question came from: recorded with each vote. */
export type Surface = (typeof SURFACES)[number];

export type Vote = 'up' | 'down';

export const MAX_CUSTOM_ID = 100;

/** A reviewed fact's id, or an unreviewed sentence's (`<article id>:p2s1`, see core/sentenceFacts.ts). */
const FACT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?::p\d+s\d+)?$/;

export type ComponentAction =
  | { kind: 'related'; surface: Surface }
  | { kind: 'vote'; vote: Vote; surface: Surface; factIds: string[] };

export function relatedId(surface: Surface): string {
  return `related:${surface}`;
}

/** As many of the cited fact ids as fit; the first one is the main evidence. */
export function voteId(vote: Vote, surface: Surface, factIds: readonly string[]): string {
  let id = `vote:${vote}:${surface}:`;
  let first = true;
  for (const factId of factIds) {
    if (!FACT_ID.test(factId)) continue;
    const next = `${id}${first ? '' : ','}${factId}`;
    if (next.length > MAX_CUSTOM_ID) break;
    id = next;
    first = false;
  }
  return id;
}

/** The action behind a custom_id, or null for one this bot did not make (or an old one). */
export function parseCustomId(customId: string): ComponentAction | null {
  const [kind, ...rest] = customId.split(':');
  const isSurface = (value: string | undefined): value is Surface => SURFACES.some((s) => s === value);
  if (kind === 'related' && rest.length === 1 && isSurface(rest[0])) {
    return { kind: 'related', surface: rest[0] };
  }
  // A sentence's id holds a colon of its own: every part after the surface belongs to the ids.
  if (kind === 'vote' && rest.length >= 3) {
    const [vote, surface, ...parts] = rest;
    const ids = parts.join(':');
    if ((vote !== 'up' && vote !== 'down') || !isSurface(surface)) return null;
    const factIds = ids === '' ? [] : ids.split(',');
    if (!factIds.every((id) => FACT_ID.test(id))) return null;
    return { kind: 'vote', vote, surface, factIds };
  }
  return null;
}
