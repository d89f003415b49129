import { splitSentences } from '../../src/core/segment.js';
import type { Concept, Fact, KnowledgeBase } from '../../src/core/types.js';

/** A small knowledge base, independent of knowledge/, for the engine's unit tests. */
export const ARTICLE =
  'La boulangerie Dupont ouvrira trois magasins à Lyon cette année. Son directeur, Paul Martin, prévoit 40 embauches.\n' +
  'Le maire de Lyon, Anne Petit, a salué « une excellente nouvelle » pour le quartier.';

const sentences = splitSentences(ARTICLE);

function fact(
  id: string,
  quote: string,
  answer: Fact['answer'],
  questions: Fact['questions'],
  featured = false,
): Fact {
  const sentence = sentences.find((s) => s.text.includes(quote));
  if (!sentence) throw new Error(`fixture quote not in article: ${quote}`);
  return { id, source: 'bakery', quote, location: sentence, answer, questions, featured };
}

export const FACTS: Fact[] = [
  fact(
    'shops',
    'ouvrira trois magasins à Lyon',
    { fr: 'Dupont ouvrira trois magasins à Lyon.', en: 'Dupont will open three shops in Lyon.' },
    {
      fr: ['Combien de magasins Dupont va-t-il ouvrir ?', 'Où Dupont ouvre-t-il des boutiques ?'],
      en: ['How many shops will Dupont open?', 'Where is Dupont opening shops?'],
    },
  ),
  fact(
    'director',
    'Son directeur, Paul Martin',
    { fr: 'Paul Martin est le directeur de Dupont.', en: 'Paul Martin is the director of Dupont.' },
    {
      fr: ['Qui dirige la boulangerie ?', 'Qui est Paul Martin ?'],
      en: ['Who runs the bakery?', 'Who is Paul Martin?'],
    },
  ),
  fact(
    'hiring',
    'prévoit 40 embauches',
    { fr: 'Paul Martin prévoit 40 embauches.', en: 'Paul Martin plans 40 hires.' },
    {
      fr: ['Combien de personnes seront embauchées ?', 'Combien d’emplois ?'],
      en: ['How many people will be hired?', 'How many jobs?'],
    },
  ),
  fact(
    'mayor',
    'Le maire de Lyon, Anne Petit, a salué « une excellente nouvelle »',
    {
      fr: 'La maire de Lyon, Anne Petit, a salué une excellente nouvelle.',
      en: 'The mayor of Lyon, Anne Petit, welcomed excellent news.',
    },
    {
      fr: ['Qu’en pense la maire ?', 'Qui est la maire de Lyon ?'],
      en: ['What does the mayor think?', 'Who is the mayor of Lyon?'],
    },
    true,
  ),
];

export const GLOSSARY: Concept[] = [
  {
    id: 'dupont',
    kind: 'entity',
    type: 'organisation',
    variants: { fr: ['Dupont', 'boulangerie Dupont'], en: ['Dupont'] },
  },
  { id: 'lyon', kind: 'entity', type: 'place', variants: { fr: ['Lyon'], en: ['Lyon', 'Lyons'] } },
  {
    id: 'paul-martin',
    kind: 'entity',
    type: 'person',
    variants: { fr: ['Paul Martin', 'Martin'], en: ['Paul Martin', 'Martin'] },
  },
  { id: 'anne-petit', kind: 'entity', type: 'person', variants: { fr: ['Anne Petit'], en: ['Anne Petit'] } },
  {
    id: 'shop',
    kind: 'topic',
    variants: {
      fr: ['magasin', 'magasins', 'boutique', 'boutiques'],
      en: ['shop', 'shops', 'store', 'stores'],
    },
  },
  { id: 'bakery', kind: 'topic', variants: { fr: ['boulangerie'], en: ['bakery', 'bakeries'] } },
  {
    id: 'hire',
    kind: 'topic',
    variants: { fr: ['embauche', 'embauches', 'emplois', 'emploi'], en: ['hire', 'hires', 'jobs', 'job'] },
  },
];

export const KNOWLEDGE: KnowledgeBase = {
  sources: [
    {
      id: 'bakery',
      title: 'Dupont à Lyon (titre descriptif)',
      language: 'fr',
      url: null,
      date: null,
      attribution: { fr: 'Selon la mairie.', en: 'According to the town hall.' },
      topics: { fr: ['Les magasins Dupont'], en: ['Dupont’s shops'] },
      text: ARTICLE,
      sentences,
    },
  ],
  facts: FACTS,
  glossary: GLOSSARY,
};
