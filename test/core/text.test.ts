import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  foldPasses,
  foldText,
  QUESTION_CLASSES,
  STOPWORDS,
  tokenise,
  tokeniseOnce,
} from '../../src/core/text.js';

describe('foldText', () => {
  it('removes accents, lower-cases and unifies apostrophes', () => {
    expect(foldText('Données d’État ŒUVRE')).toBe("donnees d'etat oeuvre");
  });

  it('folds Latin text letter by letter exactly as the Unicode passes fold the whole text', () => {
    const passes = foldPasses;
    // Every character up to Latin Extended-B and of general punctuation and currency signs,
    // beside a capital, a letter, a backtick and itself.
    const codes = [...Array(0x250).keys(), ...Array.from({ length: 0xd0 }, (_, i) => 0x2000 + i)];
    for (const code of codes) {
      const letter = String.fromCharCode(code);
      for (const text of [letter, `É${letter}`, `${letter}e`, `\`${letter}´`, `${letter}${letter}ŒUVRE`])
        expect(foldText(text), `U+${code.toString(16)} in ${JSON.stringify(text)}`).toBe(passes(text));
    }
    // Past the range, the passes themselves: a combining accent, Greek, a ligature, full-width digits.
    for (const text of ['e\u0301te', 'ΣΟΦΟΣ', 'ﬁnance', '２０２４', 'Ǆemal ′', 'l’été « 2,9 € » – 14\u202fh'])
      expect(foldText(text)).toBe(passes(text));
  });
});

describe('tokenise', () => {
  const norms = (text: string) => tokenise(text).map((token) => token.norm);

  it('drops French elisions and the English possessive', () => {
    expect(norms("l’investissement d'IA qu'il jusqu'à Microsoft's")).toEqual([
      'investissement',
      'ia',
      'il',
      'a',
      'microsoft',
    ]);
  });

  it('keeps a decimal number whole and writes it with a point', () => {
    expect(norms('2,9 milliards or 2.9 billion')).toEqual(['2.9', 'milliards', 'or', '2.9', 'billion']);
  });

  it('splits hyphenated words and inversions', () => {
    expect(norms('semi-conducteurs va-t-il')).toEqual(['semi', 'conducteurs', 'va', 't', 'il']);
  });

  it('marks capitalised words', () => {
    expect(tokenise('how much does Apple invest').map((token) => token.capitalised)).toEqual([
      false,
      false,
      false,
      true,
      false,
    ]);
  });

  it('reads "quest ce que" as qu’est-ce que and "d’après" as selon', () => {
    expect(norms('quest ce que kishida a dit')).toEqual(['est', 'ce', 'que', 'kishida', 'a', 'dit']);
    expect(norms('la quest for AI')).toEqual(['la', 'quest', 'for', 'ai']);
    expect(norms("d'après l'article, dapres NHK, après le sommet")).toEqual([
      'selon',
      'article',
      'selon',
      'nhk',
      'apres',
      'le',
      'sommet',
    ]);
  });

  it('reads "que dit l’article", "what does the article say" as about the article, not speech', () => {
    expect(norms("que dit l'article sur Osaka ?")).toEqual(['que', 'article', 'sur', 'osaka']);
    expect(norms('What does the article say about NHK?')).toEqual(['what', 'article', 'about', 'nhk']);
    expect(norms('ça dit quoi sur le sommet')).toEqual(['article', 'quoi', 'sur', 'le', 'sommet']);
    expect(norms("qu'a dit Kishida")).toEqual(['a', 'dit', 'kishida']);
    expect(QUESTION_CLASSES.get('dit')).toBe('speech');
  });

  it('gives the same tokens when a text comes again, and after many other words', () => {
    const text = "L'État investira 2,9 milliards à Osaka";
    const first = tokenise(text).map((token) => ({ ...token }));
    expect(tokenise(text)).toEqual(first);
    for (let i = 0; i < 120_000; i++) tokenise(`Mot${i.toString(36)}`);
    expect(tokenise(text)).toEqual(first);
    expect(first.map((token) => token.norm)).toEqual(['etat', 'investira', '2.9', 'milliards', 'a', 'osaka']);
  });

  it('rewrites in any case, and only the texts that hold the words', () => {
    expect(norms('WHAT IS THE MONEY FOR?')).toEqual(['why', 'the', 'money']);
    expect(norms('DOES IT SAY anything')).toEqual(['article', 'anything']);
    expect(norms('the text mentions Osaka')).toEqual(['article', 'osaka']);
    expect(norms('a textbook for Osaka')).toEqual(['a', 'textbook', 'for', 'osaka']);
  });

  it('reads "what … for" and "à quoi sert" as asking why', () => {
    expect(norms("what's the money for?")).toEqual(['why', 'the', 'money']);
    expect(norms('les fermes de serveurs servent a quoi')).toEqual([
      'les',
      'fermes',
      'de',
      'serveurs',
      'pourquoi',
    ]);
    expect(norms("À quoi va servir l'investissement ?")).toEqual(['pourquoi', 'investissement']);
    expect(norms('what is it made for Japan')).toEqual(['what', 'is', 'it', 'made', 'for', 'japan']);
  });

  it("turns j'ai into one function word so that lower-case ai still means AI", () => {
    expect(norms("J'ai hâte, ai")).toEqual(['jai', 'hate', 'ai']);
    expect(STOPWORDS.has('jai')).toBe(true);
    expect(STOPWORDS.has('ai')).toBe(false);
  });

  it('splits a question read once into the tokens tokenise gives, whether or not the text was split before', () => {
    const fresh = "Qu'est-ce que l'usine de Santa Ynez va produire d'ici 2031 ?";
    expect(tokeniseOnce(fresh)).toEqual(tokenise(fresh));
    const kept = tokenise('What did the 2,9 milliards pay for?');
    expect(tokeniseOnce('What did the 2,9 milliards pay for?')).toBe(kept);
  });
});

describe('stopwords', () => {
  it('keep question words out, since they carry intent', () => {
    for (const word of ['combien', 'quand', 'qui', 'who', 'how', 'much', 'where'])
      expect(STOPWORDS.has(word)).toBe(false);
  });

  it('hold the modal verbs of both languages: "pu", "pourra", "doit" say no capacity or duty', () => {
    for (const word of ['can', 'could', 'must', 'peut', 'pu', 'pourra', 'pourrait', 'doit', 'devrait'])
      expect(STOPWORDS.has(word)).toBe(true);
    expect(STOPWORDS.has('pouvoir')).toBe(false);
  });

  it('hold the conjunctions "si" and "whether", which the lists lack: "si le pont tient pas" is about the bridge', () => {
    expect(STOPWORDS.has('si')).toBe(true);
    expect(STOPWORDS.has('whether')).toBe(true);
  });
});

describe('detectLanguage', () => {
  it('returns fr for French questions, typos and all', () => {
    expect(detectLanguage('Combien Microsoft va-t-il investir au Japon ?')).toBe('fr');
    expect(detectLanguage("c'est quand l'annonce")).toBe('fr');
  });

  it('returns en for English questions', () => {
    expect(detectLanguage('How much will Microsoft invest in Japan?')).toBe('en');
    expect(detectLanguage("what's Microsoft's plan")).toBe('en');
  });

  it('returns null when nothing tells the languages apart', () => {
    expect(detectLanguage('Microsoft Tokyo Osaka')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });

  it('lets the vocabulary break a tie', () => {
    expect(detectLanguage('tokyo datacenters', (word) => (word === 'datacenters' ? 'en' : null))).toBe('en');
  });
});
