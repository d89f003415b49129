import { z } from 'zod';

/** The shapes of the knowledge files, as people write them. */

const text = z.string().trim().min(1, 'must not be empty');
/** A fact or concept id, and the folder name of a source. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and hyphens');

export const SourceFile = z.strictObject({
  title: text,
  /** The article has no title of its own: say so next to the one we wrote. */
  title_is_descriptive: z.boolean().optional(),
  language: z.enum(['fr', 'en'], { error: 'must be fr or en' }),
  /** Where it was published, when known. */
  url: z.url({ protocol: /^https?$/, message: 'must be a web address (https://…)' }).optional(),
  /** The day it was published, when known. */
  date: z.iso.date({ message: 'must be a date written YYYY-MM-DD' }).optional(),
  /** Who the article credits (its outlet, author or agency): one text, or one per language. */
  attribution: z.union([text, z.strictObject({ fr: text, en: text })]).optional(),
  /** What the article covers, as short topics in both languages (shown by /about). */
  topics: z.strictObject({ fr: z.array(text), en: z.array(text) }).default({ fr: [], en: [] }),
  article: text,
  notes: z.string().optional(),
});
export type SourceFile = z.infer<typeof SourceFile>;

export const MIN_ALTERNATES = 4;

const alternates = z.array(z.string().trim().min(1, 'an alternate question must not be empty'));

export const FactRecord = z.strictObject({
  id: Slug,
  /** Defaults to the source whose folder holds the facts file. */
  source: Slug.optional(),
  quote: text,
  answer: z.strictObject({ fr: text, en: text }),
  questions: z.strictObject({ fr: alternates, en: alternates }),
  /** One of the article's main points: suggested first when nothing closer fits. */
  featured: z.boolean().default(false),
  /** A reviewed fact says nothing, or `draft: false`; `true` is for DraftFactRecord. */
  draft: z
    .literal(false, {
      error: 'is true only for a draft awaiting review: remove it once the fact is reviewed',
    })
    .optional(),
});
export type FactRecord = z.infer<typeof FactRecord>;

/**
 * A fact written by `npm run kb -- draft`, awaiting review: its answer is needed in the article's
 * language only and it may have fewer alternate questions, but its quote is checked as any
 * other's. It is not served: its sentence stays answered from the article's own words until a
 * person completes it and removes `draft: true`.
 */
export const DraftFactRecord = FactRecord.extend({
  draft: z.literal(true),
  answer: z.strictObject({ fr: text.optional(), en: text.optional() }),
  questions: z
    .strictObject({ fr: alternates.default([]), en: alternates.default([]) })
    .default({ fr: [], en: [] }),
});
export type DraftFactRecord = z.infer<typeof DraftFactRecord>;

export const ConceptRecord = z.strictObject({
  id: Slug,
  kind: z.enum(['entity', 'topic']),
  /** For an entity: what it names, so that "who" finds people and "where" places. */
  type: z.enum(['person', 'place', 'organisation']).optional(),
  /** For a place: the place it lies in (Osaka is in Japan), so "au Japon" finds "à Osaka". */
  within: Slug.optional(),
  fr: z.array(text).default([]),
  en: z.array(text).default([]),
  /** Variants (of either language) that are adjectives: "japonais" describes, "au Japon" places. */
  adjectives: z.array(text).default([]),
  /** Its one-word variants match as written only, where their stem is another word's too. */
  asWritten: z.boolean().optional(),
});
export type ConceptRecord = z.infer<typeof ConceptRecord>;
