import type { KnowledgeBase } from '../core/types.js';

/** Ids of one kind of record, by what a reload did to them. */
export interface IdChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

/** What a reload changed, by id: what an operator reads to check that an edit took. */
export interface KnowledgeDiff {
  /** A source changed when its article text, title, language, attribution or topics did. */
  readonly articles: IdChanges;
  /** A fact changed when its quote, answers, alternate questions, featured flag or source did. */
  readonly facts: IdChanges;
  /** A concept changed when its kind or variants did. */
  readonly glossary: IdChanges;
}

/** Compares records of two versions by id; `content` picks what counts as a change. */
function compareById<T extends { readonly id: string }>(
  before: readonly T[],
  after: readonly T[],
  content: (record: T) => unknown,
): IdChanges {
  const old = new Map(before.map((record) => [record.id, JSON.stringify(content(record))]));
  const fresh = new Set(after.map((record) => record.id));
  return {
    added: after.filter((record) => !old.has(record.id)).map((record) => record.id),
    removed: before.filter((record) => !fresh.has(record.id)).map((record) => record.id),
    changed: after
      .filter((record) => old.has(record.id) && old.get(record.id) !== JSON.stringify(content(record)))
      .map((record) => record.id),
  };
}

/** What differs between the knowledge served and the knowledge that replaces it. Pure. */
export function diffKnowledge(before: KnowledgeBase, after: KnowledgeBase): KnowledgeDiff {
  return {
    articles: compareById(before.sources, after.sources, (source) => [
      source.text,
      source.title,
      source.language,
      source.attribution,
      source.topics,
    ]),
    facts: compareById(before.facts, after.facts, (fact) => [
      fact.quote,
      fact.answer,
      fact.questions,
      fact.featured,
      fact.source,
    ]),
    glossary: compareById(before.glossary, after.glossary, (concept) => [concept.kind, concept.variants]),
  };
}

/** Whether a reload changed anything at all. */
export function isUnchanged(diff: KnowledgeDiff): boolean {
  return Object.values(diff).every(
    (changes: IdChanges) =>
      changes.added.length === 0 && changes.removed.length === 0 && changes.changed.length === 0,
  );
}
