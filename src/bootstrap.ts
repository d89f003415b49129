import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ArticleCache } from './core/articleCache.js';
import { WordBridge } from './core/bridge.js';
import { candidateQuestions } from './core/candidates.js';
import { createEngine, type Engine, factsBySource } from './core/engine.js';
import { type QuestionMaker, uncoveredSentences } from './core/sentenceFacts.js';
import type { StemThesaurus } from './core/thesaurus.js';
import type { Bilingual, KnowledgeBase, Language } from './core/types.js';
import { loadBridgePairs, loadCheckedPairs } from './knowledge/bridge.js';
import { KnowledgeHost, type Served } from './knowledge/host.js';
import { loadLexicon } from './knowledge/lexicon.js';
import { KNOWLEDGE_DIR, loadKnowledge } from './knowledge/load.js';
import { readThesaurus } from './knowledge/thesaurus.js';
import { watchFolder } from './knowledge/watch.js';
import { describeError, type Logger } from './log.js';
import type { QuestionWork } from './questionWorker.js';

let bridge: WordBridge | null = null;

/** The French–English word list, read once, and only by an engine with unreviewed sentences. */
export function loadBridge(): WordBridge {
  bridge ??= new WordBridge(loadBridgePairs(), loadCheckedPairs());
  return bridge;
}

let thesaurus: StemThesaurus | null = null;

/** Same-language synonyms, read once, and only by an engine with unreviewed sentences. */
export function loadThesaurus(): StemThesaurus {
  thesaurus ??= readThesaurus();
  return thesaurus;
}

/**
 * Builds the engine from checked knowledge; the word lists are read once, whatever the reloads.
 * With the cache of the last build, only the articles that changed are analysed again.
 */
export function buildEngine(knowledge: KnowledgeBase, cache?: ArticleCache): Engine {
  return createEngine(knowledge, {
    lexicon: loadLexicon(),
    bridge: loadBridge,
    thesaurus: loadThesaurus,
    ...(cache ? { cache } : {}),
  });
}

/**
 * Sentences no reviewed fact covers, from which their candidate questions are written by a worker
 * thread while the engine is built: below this, starting one costs more than it saves.
 */
export const PARALLEL_QUESTIONS_FROM = 2_000;

/** The worker's entry, beside this file and with its extension: `.ts` under tsx, `.js` once compiled. */
const QUESTION_WORKER = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  `questionWorker${path.extname(fileURLToPath(import.meta.url))}`,
);

/**
 * What the worker runs: its entry, imported; under tsx, tsx's loader is registered first, since a
 * worker thread does not inherit the loader hooks of the process (once compiled, none is needed).
 */
function workerScript(): string {
  const entry = JSON.stringify(pathToFileURL(QUESTION_WORKER).href);
  if (!QUESTION_WORKER.endsWith('.ts')) return `import(${entry})`;
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx}).then((api) => { api.register(); return import(${entry}); })`;
}

export interface StartOptions {
  /** Uncovered sentences from which a worker thread writes their questions (`PARALLEL_QUESTIONS_FROM`). */
  readonly parallelFrom?: number;
  /** Told when the worker fails: the questions are then written on this thread, when first read. */
  readonly logger?: Logger;
}

/**
 * `buildEngine` for a start or a reload, using a second core: the candidate questions of the
 * sentences nobody reviewed are written by a worker thread meanwhile (nothing that answers reads
 * them; suggestions and autocomplete do, once the engine is built). Same engine, same answers.
 */
export async function startEngine(
  knowledge: KnowledgeBase,
  cache?: ArticleCache,
  options: StartOptions = {},
): Promise<Engine> {
  const beside = questionsBeside(knowledge, cache, options);
  const engine = createEngine(knowledge, {
    lexicon: loadLexicon(),
    bridge: loadBridge,
    thesaurus: loadThesaurus,
    ...(cache ? { cache } : {}),
    ...(beside ? { questionsOf: beside.questionsOf } : {}),
  });
  await beside?.done;
  return engine;
}

/**
 * The sentences this build will make facts of and whose questions must be written, each once:
 * every uncovered sentence, but those of an article the cache keeps (their facts are kept whole).
 */
export function sentencesToWrite(knowledge: KnowledgeBase, cache?: ArticleCache): QuestionWork {
  const reviewed = factsBySource(knowledge.facts);
  const work: { texts: string[]; languages: Language[] } = { texts: [], languages: [] };
  const seen: Record<Language, Set<string>> = { fr: new Set(), en: new Set() };
  for (const source of knowledge.sources) {
    const own = reviewed.get(source.id) ?? [];
    if (cache?.holds(source, own)) continue;
    for (const sentence of uncoveredSentences(source, own)) {
      if (seen[source.language].has(sentence.text)) continue;
      seen[source.language].add(sentence.text);
      work.texts.push(sentence.text);
      work.languages.push(source.language);
    }
  }
  return work;
}

/**
 * A worker thread writing the questions of `sentencesToWrite`, and a QuestionMaker that reads
 * them once written; null when there are too few to be worth a thread.
 */
function questionsBeside(
  knowledge: KnowledgeBase,
  cache: ArticleCache | undefined,
  options: StartOptions,
): { questionsOf: QuestionMaker; done: Promise<void> } | null {
  const work = sentencesToWrite(knowledge, cache);
  if (work.texts.length < (options.parallelFrom ?? PARALLEL_QUESTIONS_FROM)) return null;
  // By language, then by the sentence itself: no key string is built. Sentences may repeat.
  const written: Record<Language, Map<string, Bilingual<string[]>>> = { fr: new Map(), en: new Map() };
  const worker = new Worker(workerScript(), { eval: true, workerData: work });
  const done = new Promise<void>((resolve) => {
    worker.once('message', (questions: ReadonlyArray<Bilingual<string[]>>) => {
      questions.forEach((item, i) => {
        written[work.languages[i] ?? 'en'].set(work.texts[i] ?? '', item);
      });
      resolve();
    });
    worker.once('error', (error) => {
      options.logger?.warn(
        { err: describeError(error) },
        "writing the sentences' candidate questions in a worker thread failed: they are written when first read",
      );
      resolve();
    });
    worker.once('exit', () => resolve());
  }).finally(() => void worker.terminate());
  return {
    questionsOf: (text, language) => written[language].get(text) ?? candidateQuestions(text, language),
    done,
  };
}

/** Loads the checked knowledge and the word lists, and builds the engine every door shares. */
export function loadEngine(knowledgeDir: string = KNOWLEDGE_DIR): Engine {
  return buildEngine(loadKnowledge(knowledgeDir));
}

export interface LiveKnowledge<T extends Served> {
  readonly host: KnowledgeHost<T>;
  /** Stops watching the folder. */
  close(): void;
}

/**
 * The knowledge of a long-running door: loaded now (a KnowledgeError names every problem),
 * then reloaded whenever a file in the folder changes.
 */
export async function openLiveKnowledge<T extends Served>(options: {
  readonly dir?: string | undefined;
  readonly serve: (engine: Engine) => T;
  readonly logger: Logger;
  readonly debounceMs?: number;
}): Promise<LiveKnowledge<T>> {
  const dir = options.dir ?? KNOWLEDGE_DIR;
  // Every build of this folder shares one cache: a reload re-analyses only what changed.
  const cache = new ArticleCache();
  const host = await KnowledgeHost.open({
    dir,
    logger: options.logger,
    build: async (knowledge) =>
      options.serve(await startEngine(knowledge, cache, { logger: options.logger })),
  });
  const watcher = watchFolder(dir, () => void host.reload('watch'), {
    logger: options.logger,
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
  });
  return { host, close: () => watcher.close() };
}
