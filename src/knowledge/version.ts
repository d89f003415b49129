import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../core/types.js';

/** JSON with every object's keys in order, so that equal content always gives equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

function byId<T extends { readonly id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A short name for what the bot knows: the first 12 hex digits of a SHA-256 over the sources,
 * facts and glossary, each sorted by id. Two deployments answer alike when their versions match;
 * reordering a file does not change it, editing a quote, an answer or a variant does.
 */
export function knowledgeVersion(knowledge: KnowledgeBase): string {
  const content = {
    sources: byId(knowledge.sources),
    facts: byId(knowledge.facts),
    glossary: byId(knowledge.glossary),
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 12);
}
