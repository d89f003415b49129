import { ArticleCache } from './core/articleCache.js';
import { WordBridge } from './core/bridge.js';
import { createEngine, type Engine } from './core/engine.js';
import type { KnowledgeBase } from './core/types.js';
import { loadBridgePairs } from './knowledge/bridge.js';
import { KnowledgeHost, type Served } from './knowledge/host.js';
import { loadLexicon } from './knowledge/lexicon.js';
import { KNOWLEDGE_DIR, loadKnowledge } from './knowledge/load.js';
import { watchFolder } from './knowledge/watch.js';
import type { Logger } from './log.js';

let bridge: WordBridge | null = null;

/** The French–English word list, read once, and only by an engine with unreviewed sentences. */
export function loadBridge(): WordBridge {
  bridge ??= new WordBridge(loadBridgePairs());
  return bridge;
}

/**
 * Builds the engine from checked knowledge; the word lists are read once, whatever the reloads.
 * With the cache of the last build, only the articles that changed are analysed again.
 */
export function buildEngine(knowledge: KnowledgeBase, cache?: ArticleCache): Engine {
  return createEngine(knowledge, { lexicon: loadLexicon(), bridge: loadBridge, ...(cache ? { cache } : {}) });
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
    build: (knowledge) => options.serve(buildEngine(knowledge, cache)),
  });
  const watcher = watchFolder(dir, () => void host.reload('watch'), {
    logger: options.logger,
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
  });
  return { host, close: () => watcher.close() };
}
