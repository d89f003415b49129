import type { APIEmbed, APIEmbedField } from 'discord.js';
import { fewNames } from '../articleLines.js';
import type { Engine } from '../core/engine.js';
import type { Language, Source } from '../core/types.js';
import {
  COLOURS,
  escapeUserText,
  fitEmbeds,
  fitUserText,
  LIMITS,
  type ReplyBody,
  truncateAtWord,
} from './render.js';
import { type Strings, stringsFor } from './strings.js';

/** What `/help` and `/about` tell of: the articles, their reviewed facts, and every fact's questions. */
export type Known = Pick<Engine, 'knowledge' | 'facts'>;

/** Articles `/about` describes one by one; the rest are counted, and `/ask`'s autocomplete offers them. */
export const ABOUT_ARTICLES = 10;
/** Units the articles of `/about` share, leaving the rest of Discord's 6,000 to the other parts. */
const ABOUT_ARTICLES_BUDGET = 4500;
/** Where a title and the example question are cut, escaped: a title in `/help`'s list, one of `/about`. */
const TITLE_IN_LIST = 100;
const TITLE_IN_ABOUT = 200;
const EXAMPLE = 300;

/**
 * The question to offer as an example, in `language`: the first featured fact's, else the first
 * question of any fact the engine answers from; null when there is none.
 */
export function exampleQuestion(known: Known, language: Language): string | null {
  const asked = (fact: Known['facts'][number]) => fact.questions[language].length > 0;
  const fact =
    known.knowledge.facts.find((candidate) => candidate.featured && asked(candidate)) ??
    known.facts.find(asked);
  return fact?.questions[language][0] ?? null;
}

function infoPayload(embed: APIEmbed): ReplyBody {
  return { embeds: fitEmbeds([{ color: COLOURS.answer, ...embed }]), components: [] };
}

/** How to ask, naming the articles known (a few titles, then how many more) and an example. */
export function renderHelp(language: Language, known: Known): ReplyBody {
  const strings = stringsFor(language);
  const { sources } = known.knowledge;
  const titles = sources.map((source) => strings.quoted(fitUserText(source.title, TITLE_IN_LIST)));
  const example = exampleQuestion(known, language);
  const text = strings.help(
    sources.length,
    fewNames(titles, language),
    example === null ? null : fitUserText(example, EXAMPLE),
  );
  return infoPayload({ title: strings.helpTitle, description: truncateAtWord(text, LIMITS.description) });
}

/** A URL Discord links as it stands: http(s), nothing a bracket or a space would cut. */
const LINKABLE = /^https?:\/\/[^\s<>()[\]]+$/;

/** One article of `/about`: title, language, date, reviewed facts, URL, attribution, topics. */
function articleField(
  source: Source,
  position: number,
  facts: number,
  strings: Strings,
  language: Language,
  budget: number,
): APIEmbedField {
  const lines = [
    `**${fitUserText(source.title, TITLE_IN_ABOUT)}**`,
    strings.aboutFacts(strings.languageName[source.language], source.date, facts),
    ...(source.url && LINKABLE.test(source.url) ? [source.url] : []),
    ...(source.attribution[language] ? [escapeUserText(source.attribution[language])] : []),
    ...source.topics[language].map((topic) => `• ${escapeUserText(topic)}`),
  ];
  return { name: strings.aboutArticle(position), value: truncateAtWord(lines.join('\n'), budget) };
}

/**
 * What the bot knows: each article (the first `ABOUT_ARTICLES`, then how many more) with its
 * language, date, reviewed facts, URL, attribution and topics; how to ask; an example.
 */
export function renderAbout(language: Language, known: Known): ReplyBody {
  const strings = stringsFor(language);
  const { sources, facts } = known.knowledge;
  const shown = sources.slice(0, ABOUT_ARTICLES);
  const budget = Math.min(LIMITS.fieldValue, Math.floor(ABOUT_ARTICLES_BUDGET / Math.max(1, shown.length)));
  const fields = shown.map((source, index) => {
    const reviewed = facts.filter((fact) => fact.source === source.id).length;
    return articleField(source, index + 1, reviewed, strings, language, budget);
  });
  fields.push({ name: strings.aboutHowTo, value: strings.aboutHow });
  const example = exampleQuestion(known, language);
  if (example) fields.push({ name: strings.aboutExample, value: fitUserText(example, EXAMPLE) });
  const more = sources.length - shown.length;
  const description = [
    strings.aboutDescription(sources.length),
    ...(more > 0 ? [strings.moreArticles(more)] : []),
  ];
  return infoPayload({
    title: strings.aboutTitle,
    description: description.join('\n'),
    fields: fields.slice(0, LIMITS.fields),
  });
}
