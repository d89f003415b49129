import type { z } from 'zod';
import { countOccurrences, locateQuote, splitSentences } from '../core/segment.js';
import { foldText } from '../core/text.js';
import type { Concept, Fact, KnowledgeBase, Language, Location, Sentence, Source } from '../core/types.js';
import { LANGUAGES } from '../core/types.js';
import { ConceptRecord, DraftFactRecord, FactRecord, MIN_ALTERNATES, SourceFile } from './schema.js';

/** One problem in the knowledge files: which file, which record, which field, and what is wrong. */
export interface KnowledgeIssue {
  readonly file: string;
  readonly id?: string;
  readonly field?: string;
  readonly message: string;
}

/** How much of one article its reviewed facts quote; the engine answers the rest from the sentences. */
export interface SourceCoverage {
  readonly source: string;
  /** The article file, named as in issues. */
  readonly file: string;
  readonly sentences: number;
  /** The sentences no reviewed fact quotes, in article order. */
  readonly uncovered: readonly Sentence[];
  /** Draft facts awaiting review: checked, but not served. */
  readonly drafts: number;
}

export interface ValidationReport {
  readonly errors: KnowledgeIssue[];
  readonly warnings: KnowledgeIssue[];
  /** Null when there are errors. */
  readonly knowledge: KnowledgeBase | null;
  /** One entry a source that could be read, in folder order. */
  readonly coverage: readonly SourceCoverage[];
}

/** The knowledge files once read and parsed, before any check. */
export interface ParsedKnowledge {
  /** The knowledge folder, as the user named it. */
  readonly root: string;
  readonly sources: ReadonlyArray<{
    readonly id: string;
    readonly file: string;
    readonly data: unknown;
    readonly articleFile: string;
    /** Null when the article file could not be read (already reported). */
    readonly article: string | null;
  }>;
  /** `data` is undefined for a file that could not be read or parsed (already reported). */
  readonly factFiles: ReadonlyArray<{
    readonly file: string;
    readonly source: string;
    readonly data: unknown;
  }>;
  readonly glossary: { readonly file: string; readonly data: unknown } | null;
}

/** One text for both languages, or the text of each. */
function bilingual(text: string | { fr: string; en: string }): { fr: string; en: string } {
  return typeof text === 'string' ? { fr: text, en: text } : text;
}

export function formatIssue(issue: KnowledgeIssue): string {
  const where = [issue.id ? `id "${issue.id}"` : null, issue.field ? `field "${issue.field}"` : null]
    .filter(Boolean)
    .join(', ');
  return `${issue.file}${where ? ` (${where})` : ''}: ${issue.message}`;
}

/** Checks parsed knowledge and builds the knowledge base the engine takes. Pure: no I/O. */
export function validateKnowledge(parsed: ParsedKnowledge): ValidationReport {
  const errors: KnowledgeIssue[] = [];
  const warnings: KnowledgeIssue[] = [];

  const sources = new Map<string, Source>();
  const sourceFiles = new Map<string, string>();
  for (const raw of parsed.sources) {
    const meta = parseWith(SourceFile, raw.data, raw.file, undefined, errors);
    if (!meta || raw.article === null) continue;
    if (raw.article.trim() === '') {
      errors.push({ file: raw.articleFile, message: 'the article is empty' });
      continue;
    }
    sources.set(raw.id, {
      id: raw.id,
      title: meta.title,
      language: meta.language,
      url: meta.url ?? null,
      date: meta.date ?? null,
      attribution: bilingual(meta.attribution ?? ''),
      topics: meta.topics,
      text: raw.article,
      sentences: splitSentences(raw.article),
    });
    sourceFiles.set(raw.id, raw.articleFile);
  }

  const facts: Fact[] = [];
  const drafts = new Map<string, number>();
  const context: FactContext = {
    sources,
    sourceFiles,
    known: new Set(parsed.sources.map((source) => source.id)),
    firstFile: new Map(),
    errors,
    warnings,
  };
  for (const file of parsed.factFiles) {
    if (file.data === undefined) continue;
    if (!Array.isArray(file.data)) {
      errors.push({ file: file.file, message: 'must be a YAML list of facts' });
      continue;
    }
    file.data.forEach((item, position) => {
      const checked = checkFact(item, position, file, context);
      if (checked.fact) facts.push(checked.fact);
      if (checked.draftOf) drafts.set(checked.draftOf, (drafts.get(checked.draftOf) ?? 0) + 1);
    });
  }
  const coverage = [...sources.values()].map((source) => ({
    source: source.id,
    file: sourceFiles.get(source.id) ?? source.id,
    sentences: source.sentences.length,
    uncovered: source.sentences.filter(
      (sentence) => !facts.some((fact) => quotes(fact, source.id, sentence)),
    ),
    drafts: drafts.get(source.id) ?? 0,
  }));

  const glossary = parsed.glossary ? checkGlossary(parsed.glossary.file, parsed.glossary.data, errors) : [];
  if (sources.size === 0 && errors.length === 0) {
    errors.push({
      file: parsed.root,
      message:
        'the knowledge folder holds no source (a sub-folder with source.yaml and article.txt; facts.yaml is optional)',
    });
  }

  const knowledge = errors.length === 0 ? { sources: [...sources.values()], facts, glossary } : null;
  return { errors, warnings, knowledge, coverage };
}

/** Whether a fact of `source` quotes `sentence`. */
function quotes(fact: Fact, source: string, sentence: Location): boolean {
  return (
    fact.source === source &&
    fact.location.paragraph === sentence.paragraph &&
    fact.location.sentence === sentence.sentence
  );
}

interface FactContext {
  readonly sources: ReadonlyMap<string, Source>;
  readonly sourceFiles: ReadonlyMap<string, string>;
  /** Every source folder, read or not: a fact naming one of them is not naming a missing source. */
  readonly known: ReadonlySet<string>;
  /** The file where each fact id was first seen. */
  readonly firstFile: Map<string, string>;
  readonly errors: KnowledgeIssue[];
  readonly warnings: KnowledgeIssue[];
}

/** A record marked `draft: true`, checked by the draft rules. */
function isDraft(item: unknown): boolean {
  return item !== null && typeof item === 'object' && (item as { draft?: unknown }).draft === true;
}

/**
 * Checks one fact and reports every problem it has at once: a field the schema rejects does not
 * hide a duplicate id, too few alternates or a quote missing from the article. Returns the fact
 * when it is reviewed and has no error, or the source of a draft that has none.
 */
function checkFact(
  item: unknown,
  position: number,
  file: { readonly file: string; readonly source: string },
  context: FactContext,
): { fact: Fact | null; draftOf: string | null } {
  const { errors } = context;
  const label = recordLabel(item, position);
  const draft = isDraft(item);
  const record = draft
    ? parseWith(DraftFactRecord, item, file.file, label, errors)
    : parseWith(FactRecord, item, file.file, label, errors);
  const fields = record ?? validFields(item);
  const issue = (field: string, message: string) => ({ file: file.file, id: label, field, message });
  const none = { fact: null, draftOf: null };

  if (fields.id !== undefined) {
    const seenIn = context.firstFile.get(fields.id);
    if (seenIn !== undefined) errors.push(issue('id', `duplicate id, first defined in ${seenIn}`));
    else context.firstFile.set(fields.id, file.file);
  }
  for (const language of draft ? [] : LANGUAGES) {
    const count = fields.questions?.[language]?.length;
    if (count !== undefined && count < MIN_ALTERNATES) {
      errors.push(
        issue(`questions.${language}`, `has ${count} alternate questions, needs at least ${MIN_ALTERNATES}`),
      );
    }
  }
  const sourceId = fields.source ?? file.source;
  const source = context.sources.get(sourceId);
  if (!source) {
    if (!context.known.has(sourceId))
      errors.push(issue('source', `names the source "${sourceId}", which does not exist`));
    return none;
  }
  if (fields.quote === undefined) return none;
  const quote = fields.quote;
  const location = locateQuote(source.sentences, quote);
  if (!location) {
    errors.push(
      issue('quote', quoteProblem(quote, source.text, context.sourceFiles.get(sourceId) ?? sourceId)),
    );
    return none;
  }
  const occurrences = countOccurrences(source.text, quote);
  if (occurrences > 1) {
    context.warnings.push(
      issue('quote', `occurs ${occurrences} times in the article; cited at its first place`),
    );
  }
  if (!record) return none;
  if (record.draft) {
    if (record.answer[source.language] !== undefined) return { fact: null, draftOf: sourceId };
    errors.push(
      issue(
        `answer.${source.language}`,
        `a draft needs its answer in the article's language (${source.language})`,
      ),
    );
    return none;
  }
  const fact = {
    id: record.id,
    source: sourceId,
    quote,
    location,
    answer: record.answer,
    questions: record.questions,
    featured: record.featured,
  };
  return { fact, draftOf: null };
}

/** A character people type in place of the article's own: why a quote copied by hand is "not verbatim". */
const LOOKALIKES = [{ typed: "'", own: '’', name: 'typographic apostrophe' }] as const;

/** Why a quote is not in one sentence of the article, with the look-alike characters to fix. */
function quoteProblem(quote: string, article: string, articleFile: string): string {
  if (article.includes(quote)) return `runs across two sentences of ${articleFile}: "${quote}"`;
  const hints = LOOKALIKES.filter(({ typed, own }) => quote.includes(typed) && article.includes(own)).map(
    ({ typed, own, name }) => `the article uses ${own} (${name}) where the quote has ${typed}`,
  );
  return `is not verbatim in ${articleFile}${hints.length > 0 ? ` (${hints.join('; ')})` : ''}: "${quote}"`;
}

/** The fields of a record the schema rejected that are valid on their own, to check them still. */
function validFields(item: unknown): {
  id?: string | undefined;
  source?: string | undefined;
  quote?: string | undefined;
  questions?: Partial<Record<Language, readonly string[] | undefined>>;
} {
  const raw = (item !== null && typeof item === 'object' ? item : {}) as Record<string, unknown>;
  const questions = (
    raw.questions !== null && typeof raw.questions === 'object' ? raw.questions : {}
  ) as Record<string, unknown>;
  const valid = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
    const result = schema.safeParse(value);
    return result.success ? result.data : undefined;
  };
  const { shape } = FactRecord;
  return {
    id: valid(shape.id, raw.id),
    source: valid(shape.source, raw.source),
    quote: valid(shape.quote, raw.quote),
    questions: {
      fr: valid(shape.questions.shape.fr, questions.fr),
      en: valid(shape.questions.shape.en, questions.en),
    },
  };
}

function checkGlossary(file: string, data: unknown, errors: KnowledgeIssue[]): Concept[] {
  if (!Array.isArray(data)) {
    errors.push({ file, message: 'must be a YAML list of concepts' });
    return [];
  }
  const concepts: Concept[] = [];
  const ids = new Set<string>();
  const owners = new Map<string, string>();
  data.forEach((item, position) => {
    const record = parseWith(ConceptRecord, item, file, recordLabel(item, position), errors);
    if (!record) return;
    if (ids.has(record.id)) errors.push({ file, id: record.id, field: 'id', message: 'duplicate id' });
    ids.add(record.id);
    if (record.fr.length + record.en.length === 0) {
      errors.push({ file, id: record.id, field: 'fr', message: 'a concept needs at least one variant' });
    }
    for (const language of LANGUAGES) {
      for (const variant of record[language]) {
        const key = foldText(variant).replace(/[’']/g, "'");
        const owner = owners.get(key);
        if (owner !== undefined && owner !== record.id) {
          errors.push({
            file,
            id: record.id,
            field: language,
            message: `"${variant}" is also a variant of "${owner}"`,
          });
        }
        owners.set(key, record.id);
      }
    }
    const variants = new Set([...record.fr, ...record.en].map((variant) => foldText(variant)));
    for (const adjective of record.adjectives) {
      if (!variants.has(foldText(adjective))) {
        errors.push({
          file,
          id: record.id,
          field: 'adjectives',
          message: `"${adjective}" is not one of the concept's fr or en variants: list it there too`,
        });
      }
    }
    if (record.type !== undefined && record.kind !== 'entity') {
      errors.push({ file, id: record.id, field: 'type', message: 'only an entity has a type' });
    }
    concepts.push({
      id: record.id,
      kind: record.kind,
      type: record.type ?? null,
      within: record.within ?? null,
      variants: { fr: record.fr, en: record.en },
      adjectives: record.adjectives,
      ...(record.asWritten ? { asWritten: true } : {}),
    });
  });
  const known = new Set(concepts.map((concept) => concept.id));
  for (const concept of concepts) {
    if (concept.within && !known.has(concept.within))
      errors.push({
        file,
        id: concept.id,
        field: 'within',
        message: `names "${concept.within}", which is not a concept`,
      });
  }
  return concepts;
}

function parseWith<T>(
  schema: z.ZodType<T>,
  data: unknown,
  file: string,
  id: string | undefined,
  errors: KnowledgeIssue[],
): T | null {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const problem of result.error.issues) {
    const field = problem.path.map(String).join('.');
    errors.push({ file, ...(id ? { id } : {}), ...(field ? { field } : {}), message: problem.message });
  }
  return null;
}

function recordLabel(item: unknown, position: number): string {
  if (item && typeof item === 'object' && 'id' in item && typeof item.id === 'string' && item.id)
    return item.id;
  return `#${position + 1}`;
}
