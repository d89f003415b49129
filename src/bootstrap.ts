import { createEngine, type Engine } from './core/engine.js';
import { loadLexicon } from './knowledge/lexicon.js';
import { KNOWLEDGE_DIR, loadKnowledge } from './knowledge/load.js';

/** Loads the checked knowledge and the word lists, and builds the engine every door shares. */
export function loadEngine(knowledgeDir: string = KNOWLEDGE_DIR): Engine {
  return createEngine(loadKnowledge(knowledgeDir), { lexicon: loadLexicon() });
}
