import { z } from 'zod';

/** The shapes of the knowledge files, as people write them. */

const text = z.string().trim().min(1, 'must not be empty');
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and hyphens');

export const SourceFile = z.strictObject({
  title: text,
  /** The article has no title of its own: say so next to the one we wrote. */
  title_is_descriptive: z.boolean().optional(),
  language: z.enum(['fr', 'en']),
  /** Where it was published, when known. */
  url: z.url({ message: 'must be a URL (https://…)' }).optional(),
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
  id,
  /** Defaults to the source whose folder holds the facts file. */
  source: id.optional(),
  quote: text,
  answer: z.strictObject({ fr: text, en: text }),
  questions: z.strictObject({ fr: alternates, en: alternates }),
  /** One of the article's main points: suggested first when nothing closer fits. */
  featured: z.boolean().default(false),
});
export type FactRecord = z.infer<typeof FactRecord>;

export const ConceptRecord = z.strictObject({
  id,
  kind: z.enum(['entity', 'topic']),
  /** For an entity: what it names, so that "who" finds people and "where" places. */
  type: z.enum(['person', 'place', 'organisation']).optional(),
  /** For a place: the place it lies in (Osaka is in Japan), so "au Japon" finds "à Osaka". */
  within: id.optional(),
  fr: z.array(text).default([]),
  en: z.array(text).default([]),
  /** Variants (of either language) that are adjectives: "japonais" describes, "au Japon" places. */
  adjectives: z.array(text).default([]),
});
export type ConceptRecord = z.infer<typeof ConceptRecord>;
