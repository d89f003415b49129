import { describe, expect, it } from 'vitest';
import { Analyser, editDistance, stemKeys } from '../../src/core/analyse.js';
import { WordBridge } from '../../src/core/bridge.js';
import { tokenise } from '../../src/core/text.js';
import { GLOSSARY } from './fixture.js';

function analyser(lexicon: Set<string> = new Set()) {
  const built = new Analyser(
    [
      ...GLOSSARY,
      { id: 'usa', kind: 'entity', variants: { fr: ['États-Unis'], en: ['United States', 'US'] } },
    ],
    lexicon,
  );
  for (const text of ['Le centre de recherche de Lyon', 'Paul Martin prévoit des embauches', 'opening hours'])
    built.learn(text, 'fr');
  built.freeze();
  return built;
}

const keysOf = (terms: ReturnType<Analyser['analyseQuestion']>) => terms.map((term) => term.keys.join('|'));

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('kishda', 'kishida', 2)).toBe(1);
    expect(editDistance('investmnet', 'investment', 2)).toBe(1);
    expect(editDistance('monney', 'money', 2)).toBe(1);
    expect(editDistance('openai', 'opening', 2)).toBeGreaterThan(2);
  });

  it('stops early past the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
    expect(editDistance('a', 'abcd', 1)).toBe(2);
  });
});

describe('stemKeys', () => {
  it('uses the stemmer of the language, or both when it is unknown', () => {
    expect(stemKeys('parti', 'parti', 'fr')).toEqual(['s:part']);
    expect(stemKeys('parti', 'parti', 'en')).toEqual(['s:parti']);
    expect(stemKeys('parti', 'parti', null)).toEqual(['s:part', 's:parti']);
  });

  it('stems French from the accented spelling too', () => {
    expect(stemKeys('renforcees', 'renforcées', 'fr')).toContain('s:renforc');
  });

  it('gives the same keys once many other words have been stemmed', () => {
    const before = stemKeys('renforcées', 'renforcées', 'fr');
    for (let i = 0; i < 110_000; i++) stemKeys(`mot${i.toString(36)}`, undefined, 'fr');
    expect(stemKeys('renforcées', 'renforcées', 'fr')).toEqual(before);
    expect(before).toEqual(['s:renforc']);
  });

  it('keeps numbers whole', () => {
    expect(stemKeys('2.9')).toEqual(['n:2.9']);
  });

  it('gives an irregular form the stem of its word too, in its own language only', () => {
    expect(stemKeys('began', undefined, 'en')).toEqual(['s:began', ...stemKeys('begin', undefined, 'en')]);
    expect(stemKeys('ouvert', 'ouvert', 'fr')).toContain(stemKeys('ouvrir', 'ouvrir', 'fr')[0]);
    expect(stemKeys('travaux', 'travaux', 'fr')).toContain(stemKeys('travail', 'travail', 'fr')[0]);
    expect(stemKeys('began', undefined, 'fr')).toEqual(['s:began']);
  });

  it('reads no word as an irregular form by accident of the object it is looked up in', () => {
    expect(stemKeys('constructor', undefined, 'en')).toEqual(['s:constructor']);
    expect(stemKeys('__proto__', undefined, 'fr')).toHaveLength(1);
  });
});

describe('Analyser', () => {
  it('turns glossary phrases into one concept, longest first', () => {
    expect(keysOf(analyser().analyseQuestion('boulangerie Dupont à Lyon'))).toEqual(['c:dupont', 'c:lyon']);
  });

  it('keeps the words of a phrase in knowledge text, not in questions', () => {
    const built = new Analyser([
      { id: 'lab', kind: 'topic', variants: { fr: ['centre de recherche'], en: [] } },
    ]);
    built.freeze();
    expect(built.analyseKnowledge('un centre de recherche', 'fr')[0]?.keys).toEqual([
      'c:lab',
      's:centr',
      's:recherch',
    ]);
    expect(built.analyseQuestion('un centre de recherche', 'fr')[0]?.keys).toEqual(['c:lab']);
  });

  it('stops a phrase at the first word no phrase continues with, and still takes the longest', () => {
    const built = new Analyser([
      { id: 'pm', kind: 'entity', variants: { fr: ['premier ministre'], en: ['prime minister'] } },
      { id: 'pmj', kind: 'entity', variants: { fr: ['premier ministre du Japon'], en: [] } },
      { id: 'japon', kind: 'entity', variants: { fr: ['Japon'], en: [] } },
    ]);
    built.freeze();
    const concepts = (text: string) =>
      built.analyseKnowledge(text, 'fr').map((term) => term.concept?.id ?? '-');
    expect(concepts('le premier ministre du Japon parle')).toEqual(['pmj', '-']);
    expect(concepts('le premier ministre du pays parle')).toEqual(['pm', '-', '-']);
    expect(concepts('le premier ministre parle du Japon')).toEqual(['pm', '-', 'japon']);
    expect(concepts('le premier du Japon')).toEqual(['-', 'japon']);
  });

  it('reads the concepts of knowledge text alone as the full analysis finds them', () => {
    const built = analyser();
    for (const text of [
      'La boulangerie Dupont ouvre à Lyon avec Paul Martin',
      'Les États-Unis et le centre de recherche de Lyon, selon Dupont',
      'opening hours of the US centre',
    ]) {
      const full = built.analyseKnowledge(text, 'fr').filter((term) => term.concept);
      expect(built.knowledgeConcepts(tokenise(text), 'fr')).toEqual(full);
    }
  });

  it('reads a one-word variant that is also a function word only in capitals', () => {
    expect(keysOf(analyser().analyseQuestion('Does the US invest'))).toContain('c:usa');
    expect(keysOf(analyser().analyseQuestion('tell us more'))).not.toContain('c:usa');
  });

  it('classes question words by the kind of answer, across languages', () => {
    const question = (text: string) =>
      analyser()
        .analyseQuestion(text)
        .filter((term) => term.question);
    expect(keysOf(question('Qui ? who? quand when pk why quel what'))).toEqual([
      'q:person',
      'q:person',
      'q:time',
      'q:time',
      'q:reason',
      'q:reason',
      'q:generic',
      'q:generic',
    ]);
    expect(keysOf(question('What is it called? Quel est son nom ?'))).toEqual([
      'q:generic',
      'q:name',
      'q:generic',
      'q:name',
    ]);
  });

  it('reads an elision typed without its apostrophe as the word it elides', () => {
    expect(keysOf(analyser().analyseQuestion('lembauche dembauches'))).toEqual(['c:hire', 'c:hire']);
    expect(analyser().analyseQuestion('larticle')).toEqual([]);
  });

  it('reads a missing apostrophe as a French elision only before a French or known word', () => {
    // "sember": s' + "ember" only if "ember" is French; an English word does not count.
    const keysWith = (language: 'fr' | 'en') =>
      new Analyser(GLOSSARY, {
        has: (word, asked) => word === 'ember' && asked !== (language === 'fr' ? 'en' : 'fr'),
      })
        .analyseQuestion('sember')
        .flatMap((term) => term.keys);
    expect(keysWith('fr')).toContain('s:ember');
    expect(keysWith('en')).not.toContain('s:ember');
  });

  it('reads chat spellings of question words', () => {
    expect(keysOf(analyser().analyseQuestion('whos pk cb'))).toEqual(['q:person', 'q:reason', 'q:amount']);
    expect(keysOf(analyser().analyseQuestion('wen wher keske'))).toEqual(['q:time', 'q:place', 'q:generic']);
  });

  it('corrects a typo against the vocabulary, and says so', () => {
    const [term] = analyser().analyseQuestion('embauchs');
    expect(term?.corrected).toBe(true);
    expect(term?.keys).toEqual(['c:hire']);
  });

  it('reads a clipped word as the knowledge word it starts, before any typo', () => {
    const clipped = (text: string, words: readonly string[]) => {
      const built = new Analyser(GLOSSARY);
      built.learn(words.join(' '), 'en');
      built.freeze();
      return built.analyseQuestion(text, 'en')[0];
    };
    // "desal" is one slip from "deal" too: the clipping wins.
    expect(clipped('desal', ['desalination', 'deal'])).toMatchObject({
      corrected: true,
      keys: stemKeys('desalination', undefined, 'en'),
    });
    // Every word it starts is a form of one word: the shortest is taken.
    expect(clipped('desal', ['desalination', 'desalinated'])?.corrected).toBe(true);
    // Words of two stems: the clipping says too little, and none is chosen.
    expect(clipped('assoc', ['association', 'associate', 'assoc'])?.keys).toEqual(
      stemKeys('assoc', undefined, 'en'),
    );
    expect(clipped('asso', ['associated', 'assortment'])?.corrected).toBe(false);
    // A word two letters longer is a typo's business, not a clipping's.
    expect(clipped('clima', ['climatologist'])?.corrected).toBe(true);
    expect(clipped('climat', ['climates'])?.corrected).toBe(false);
  });

  it('reads a word a hyphen cuts after a piece that is no word whole: "co-op" is the cooperative', () => {
    const built = new Analyser(GLOSSARY);
    built.learn('The Electric Cooperative buried its lines, and the email went out', 'en');
    built.freeze();
    const keys = (text: string) => built.analyseQuestion(text, 'en').flatMap((term) => term.keys);
    expect(keys('the power co-op')).toEqual(
      expect.arrayContaining([...stemKeys('cooperative', undefined, 'en')]),
    );
    expect(keys('the power co-op')).not.toContain('s:op');
    // The knowledge's word as it is.
    expect(keys('an e-mail')).toEqual(stemKeys('email', undefined, 'en'));
    // A piece that is a word keeps its hyphen: "well-buried" is well and buried.
    expect(keys('well-buried lines')).toEqual(
      expect.arrayContaining([...stemKeys('buried', undefined, 'en')]),
    );
    // Nothing the knowledge says: the pieces stay as typed.
    expect(keys('the ex-mayor')).toEqual(expect.arrayContaining([...stemKeys('mayor', undefined, 'en')]));
  });

  it('reads a variant that is a function word of the other language only: "chose" in English, not French', () => {
    const choice: (typeof GLOSSARY)[number] = {
      id: 'choice',
      kind: 'topic',
      variants: { fr: ['choix', 'choisi'], en: ['choice', 'chose'] },
    };
    const built = new Analyser([...GLOSSARY, choice]);
    built.freeze();
    const concepts = (text: string, language: 'fr' | 'en') =>
      built.analyseKnowledge(text, language).map((term) => term.concept?.id ?? '-');
    expect(concepts('officials chose desalination', 'en')).toContain('choice');
    // French filler: "quelque chose" is no choice.
    expect(concepts('quelque chose de simple', 'fr')).not.toContain('choice');
    expect(built.analyseQuestion('why they chose it', 'en', 'en').map((term) => term.concept?.id)).toContain(
      'choice',
    );
  });

  it('reads "anti-" as a function word: the topic of "plan anti-inondations" is the flood', () => {
    const surfaces = (text: string) =>
      analyser()
        .analyseQuestion(text)
        .map((term) => term.surface);
    expect(surfaces('un plan anti-inondations')).toEqual(['plan', 'inondations']);
    expect(surfaces('anti-flood barriers')).toEqual(['flood', 'barriers']);
  });

  it('leaves real words and long-distance look-alikes alone', () => {
    expect(analyser(new Set(['embauche'])).analyseQuestion('embauche')[0]?.corrected).toBe(false);
    expect(analyser().analyseQuestion('emxaxchs')[0]?.corrected).toBe(false);
  });

  it('matches a glossary phrase with one slip in a later word, even when that word is a real one', () => {
    // "dupond" is a real word here: alone it is never corrected, but the phrase vouches for it.
    const [term] = analyser(new Set(['dupond'])).analyseQuestion('boulangerie dupond');
    expect(term?.keys).toEqual(['c:dupont']);
    expect(keysOf(analyser(new Set(['dupond'])).analyseQuestion('dupond'))).not.toContain('c:dupont');
  });

  it('counts only the words of the question’s language as real when that language is known', () => {
    // With accents folded, a French word can be an English typo ("facilités" / "facilites").
    const frenchOnly = { has: (word: string, language?: string) => word === 'embauchs' && language !== 'en' };
    expect(analyser().analyseQuestion('embauchs', 'en')[0]?.corrected).toBe(true);
    expect(new Analyser(GLOSSARY, frenchOnly).analyseQuestion('embauchs', 'fr')[0]?.corrected).toBe(false);
    expect(new Analyser(GLOSSARY, frenchOnly).analyseQuestion('embauchs', null)[0]?.corrected).toBe(false);
  });

  it('corrects a capitalised word only into a name of the knowledge', () => {
    const [misspeltName] = analyser().analyseQuestion('Who is Paul Matrin').slice(-1);
    expect(misspeltName?.corrected).toBe(true);
    const [unknownName] = analyser().analyseQuestion('Is it Openin').slice(-1);
    expect(unknownName).toMatchObject({ corrected: false, name: true, known: false });
  });

  it('corrects a capitalised word into a word the knowledge writes with a capital, as a name’s words are', () => {
    // Every word of "Forest Resilience Project" is a dictionary word, so it is no name of the
    // glossary; the article still writes them as one.
    const built = new Analyser(GLOSSARY, new Set(['forest', 'resilience', 'project', 'resistance']));
    built.learn('a fire ecologist with the Forest Resilience Project said', 'en');
    built.learn('Resistance is low', 'en');
    built.learn('it buys GPUs', 'en');
    built.freeze();
    const last = (question: string) => built.analyseQuestion(question, 'en').at(-1);
    expect(last('what is the Forest Resiliance')).toMatchObject({ corrected: true, name: false });
    expect(last('what is the Forest Resiliance')?.keys).toEqual(stemKeys('resilience', undefined, 'en'));
    // A sentence's first word is capitalised by rule, not as a name.
    expect(last('is it the Resistanse')).toMatchObject({ corrected: false, name: true, known: false });
    // An acronym differs by a letter from another thing, not by a slip; typed as a word, it is one.
    expect(last('does it buy CPUs')).toMatchObject({ corrected: false, name: true });
    expect(last('does it buy Cpus')).toMatchObject({ corrected: true });
  });

  it('corrects a typo into a function or question word, which weighs as that word does', () => {
    expect(keysOf(analyser().analyseQuestion('who hires in Lyon befor'))).toEqual([
      'q:person',
      'c:hire',
      'c:lyon',
    ]);
    expect(keysOf(analyser().analyseQuestion('pourqoi Lyon'))).toEqual(['q:reason', 'c:lyon']);
    // A clipped word is read only as a word of the knowledge, never as a longer function word.
    expect(analyser().analyseQuestion('befo')[0]).toMatchObject({ corrected: false, keys: ['s:befo'] });
  });

  it('marks capitalised words the knowledge does not know as names, but not a sentence start in the dictionary', () => {
    const names = (text: string) =>
      analyser(new Set(['where', 'apple']))
        .analyseQuestion(text)
        .filter((t) => t.name);
    expect(names('does Apple hire in Lyon').map((t) => t.surface)).toEqual(['Apple', 'Lyon']);
    expect(names('Apple hires')).toEqual([]);
  });
});

describe('false friends', () => {
  const withMeeting = () => {
    const built = new Analyser(
      [
        ...GLOSSARY,
        { id: 'meeting', kind: 'topic', variants: { fr: ['rencontre'], en: ['meeting', 'met'] } },
      ],
      // "met" is a word of both languages.
      { has: (word) => word === 'met' },
    );
    built.freeze();
    return built;
  };

  it('does not read a word of a plainly French question as an English variant', () => {
    const terms = withMeeting().analyseQuestion('Paul met 3 euros', 'fr', 'fr');
    expect(terms.find((term) => term.surface === 'met')?.concept).toBeNull();
  });

  it('still reads it when the question is English or its language unclear', () => {
    expect(withMeeting().analyseQuestion('Paul met Anna', 'en', 'en')[1]?.concept?.id).toBe('meeting');
    expect(withMeeting().analyseQuestion('Paul met Anna', null, null)[1]?.concept?.id).toBe('meeting');
  });
});

describe('words of the other language', () => {
  const bilingual = () => {
    const built = new Analyser(GLOSSARY, new Set(), new WordBridge([['ouvrir', 'open']]));
    built.learn('A desalination plant opened in the development zone', 'en');
    built.freeze();
    return built;
  };
  const bridgedOf = (question: string, word: string) =>
    bilingual()
      .analyseQuestion(question, 'fr', 'fr')
      .find((term) => term.surface === word)?.bridged;

  it('pairs cognates whose spelling doubles a letter the other does not', () => {
    expect(bridgedOf('quand a ouvert l’usine de dessalement', 'dessalement')).toEqual(
      expect.arrayContaining([...stemKeys('desalination', undefined, 'en')]),
    );
    expect(bridgedOf('la zone de développement', 'développement')).toEqual(
      expect.arrayContaining([...stemKeys('development', undefined, 'en')]),
    );
  });

  it('translates a word stemmed as written, accents and all', () => {
    // Folded, "enregistree" stems to enregistre, which no French word of the bridge gives.
    const built = new Analyser(GLOSSARY, new Set(), new WordBridge([['enregistrer', 'record']]));
    built.learn('the most expensive season in its records', 'en');
    built.freeze();
    const terms = built.analyseQuestion('la saison la plus chère jamais enregistrée', 'fr', 'fr');
    expect(terms.find((term) => term.surface === 'enregistrée')?.bridged).toContain('s:record');
  });

  it('reads a short word the other language’s articles write the same as their word ("vice", "zone")', () => {
    // Each language stems it its own way: French "zone" is "zon", English "zone".
    expect(bridgedOf('la zone de développement', 'zone')).toEqual(
      expect.arrayContaining([...stemKeys('zone', undefined, 'en')]),
    );
    // A word the question's own language also writes is that language's word.
    const both = new Analyser(GLOSSARY, new Set(), new WordBridge([]));
    both.learn('the development zone', 'en');
    both.learn('une zone humide', 'fr');
    both.freeze();
    const zone = both.analyseQuestion('la zone', 'fr', 'fr').find((term) => term.surface === 'zone');
    expect(zone?.bridged).not.toEqual(expect.arrayContaining([...stemKeys('zone', undefined, 'en')]));
  });

  it('translates a one-word glossary concept as it would the plain word, never a name', () => {
    // "jobs" is the reviewed article's concept; an unreviewed sentence may say "travail".
    const built = new Analyser(
      GLOSSARY,
      new Set(),
      new WordBridge([
        ['travail', 'jobs'],
        ['lion', 'lyon'],
      ]),
    );
    built.learn('Le travail reprend', 'fr');
    built.freeze();
    const terms = built.analyseQuestion('how many jobs in Lyon', 'en', 'en');
    const jobs = terms.find((term) => term.surface === 'jobs');
    expect(jobs?.concept?.id).toBe('hire');
    expect(jobs?.bridged).toEqual(expect.arrayContaining([...stemKeys('travail', undefined, 'fr')]));
    const lyon = terms.find((term) => term.surface === 'Lyon');
    expect(lyon?.concept?.kind).toBe('entity');
    expect(lyon?.bridged).toEqual([]);
    // Knowledge text is not bridged: only questions are.
    expect(built.analyseKnowledge('the jobs', 'en').find((term) => term.surface === 'jobs')?.bridged).toEqual(
      [],
    );
  });

  it('works a word asked again out once: its translations and synonyms are kept', () => {
    const asked: string[] = [];
    const counting = <T extends { keysOf(norm: string, language: 'fr' | 'en'): readonly string[] }>(
      inner: T,
    ) => ({
      keysOf: (norm: string, language: 'fr' | 'en', accented?: string) => {
        asked.push(norm);
        return (inner.keysOf as (n: string, l: 'fr' | 'en', a?: string) => readonly string[])(
          norm,
          language,
          accented,
        );
      },
    });
    const built = new Analyser(
      GLOSSARY,
      new Set(),
      counting(new WordBridge([['ouvrir', 'open']])),
      counting({ keysOf: () => ['s:inaugur'] }),
    );
    built.learn('A desalination plant opened', 'en');
    built.freeze();
    const first = built.analyseQuestion('quand a ouvert l’usine', 'fr', 'fr');
    const once = asked.filter((word) => word === 'ouvert').length;
    const again = built.analyseQuestion('l’usine a ouvert quand', 'fr', 'fr');
    // Bridge and thesaurus are each asked once for "ouvert", however often it is asked.
    expect(once).toBeGreaterThan(0);
    expect(asked.filter((word) => word === 'ouvert')).toHaveLength(once);
    const ouvert = (terms: typeof first) => terms.find((term) => term.surface === 'ouvert');
    expect(ouvert(again)?.bridged).toEqual(ouvert(first)?.bridged);
    expect(ouvert(again)?.related).toEqual(['s:inaugur']);
  });

  it('translates anew once more words are learnt: the other language may write the word too', () => {
    const built = new Analyser(GLOSSARY, new Set(), new WordBridge([]));
    built.learn('une prairie humide', 'fr');
    built.freeze();
    const zone = () => built.analyseQuestion('la zone', 'fr', 'fr').find((term) => term.surface === 'zone');
    expect(zone()?.bridged).toEqual([]);
    built.learn('the development zone', 'en');
    expect(zone()?.bridged).toEqual(stemKeys('zone', undefined, 'en'));
  });

  it('translates an irregular form through its word', () => {
    expect(bridgedOf('quand a ouvert l’usine de dessalement', 'ouvert')).toEqual(
      expect.arrayContaining([...stemKeys('open', undefined, 'en')]),
    );
  });
});

describe('a capitalised word of the other language’s name', () => {
  const built = new Analyser(
    [
      {
        id: '~midwest-water-authority',
        kind: 'entity',
        variants: { fr: [], en: ['Midwest Water Authority'] },
      },
    ],
    new Set(['eau', 'paris', 'bet', 'water']),
    new WordBridge([
      ['eau', 'water'],
      ['paris', 'bet'],
    ]),
  );
  built.learn('the Water Minister and a bet', 'en');
  built.freeze();
  const term = (word: string) =>
    built.analyseQuestion(`Qui est la ministre de l'${word} ?`, 'fr', 'fr').find((t) => t.surface === word);

  it('reads a real word that translates a word of a known name as that word ("ministre de l’Eau")', () => {
    expect(term('Eau')?.name).toBe(false);
    expect(term('Eau')?.bridged).toEqual(expect.arrayContaining([...stemKeys('water', undefined, 'en')]));
  });

  it('keeps a name a name when its translation names nothing the knowledge holds ("Paris", bets)', () => {
    expect(term('Paris')?.name).toBe(true);
    expect(term('EAU')?.name).toBe(true);
  });
});

describe('an entity’s common nouns', () => {
  const built = new Analyser(
    [
      {
        id: 'asia',
        kind: 'entity',
        type: 'place',
        variants: { fr: ['Asie', 'région'], en: ['Asia', 'region'] },
      },
    ],
    new Set(),
  );
  built.freeze();
  const termOf = (question: string, surface: string) =>
    built.analyseQuestion(question).find((term) => term.surface === surface);

  it('reads a variant the glossary writes in lower case as describing the entity, not naming it', () => {
    expect(termOf('who leads the region', 'region')).toMatchObject({ name: true, adjective: true });
    expect(termOf('qui dirige la région', 'région')).toMatchObject({ name: true, adjective: true });
    expect(termOf('who leads Asia', 'Asia')).toMatchObject({ name: true, adjective: false });
  });
});

describe('a French verb plural the stemmer leaves whole ("commencent")', () => {
  const built = new Analyser(
    GLOSSARY,
    new Set(['commencer', 'commencent', 'commence', 'argent', 'chantent']),
  );
  built.learn('Les travaux doivent commencer en juin', 'fr');
  built.freeze();
  const termOf = (question: string, surface: string) =>
    built.analyseQuestion(question, 'fr').find((term) => term.surface === surface);
  const verb = [...stemKeys('commencer', undefined, 'fr')];

  it('also matches as its singular, of a verb the word list has: "commencent" finds "commencer"', () => {
    expect(stemKeys('commencent', undefined, 'fr')).not.toEqual(verb);
    expect(termOf('quand les travaux commencent ?', 'commencent')?.keys).toEqual(
      expect.arrayContaining(verb),
    );
  });

  it('also matches as its singular in a French article: "commencent" there finds "commencer"', () => {
    const keys = built
      .analyseKnowledge('Les travaux commencent en juin', 'fr')
      .find((term) => term.surface === 'commencent')?.keys;
    expect(keys).toEqual(expect.arrayContaining(verb));
  });

  it('leaves a word in -ent of no verb as the stemmer reads it: "argent" (no "arger")', () => {
    expect(termOf('combien d’argent ?', 'argent')?.keys).toEqual(stemKeys('argent', 'argent', 'fr'));
  });

  it('reads a typo one slip from a form of a knowledge word as that form: "comencent"', () => {
    const term = termOf('quand les travaux comencent ?', 'comencent');
    expect(term?.corrected).toBe(true);
    expect(term?.keys).toEqual(expect.arrayContaining(verb));
  });

  it('leaves a typo one slip from a real word of no stem the knowledge holds: "chantemt"', () => {
    expect(termOf('ils chantemt ?', 'chantemt')?.corrected).toBe(false);
  });
});
