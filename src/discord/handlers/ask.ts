import { articleChoices, findArticle, renderUnknownArticle } from '../articles.js';
import { ASK_OPTIONS } from '../commands/ask.js';
import { askAbout } from '../question.js';
import { LIMITS, renderAnswer, truncateAtWord } from '../render.js';
import { languageOfLocale } from '../strings.js';
import type { ServedKnowledge } from './context.js';
import type { SlashHandler } from './handler.js';
import { booleanOption, type IncomingInteraction, requiredString, stringOption } from './interaction.js';

/** The `article` option's value, when the member gave one. */
const articleOption = (interaction: IncomingInteraction) => stringOption(interaction, ASK_OPTIONS.article);

/** Known questions matching what has been typed, from every article. */
function questionChoices(typed: string, interaction: IncomingInteraction, context: ServedKnowledge) {
  return context.questions
    .suggest(typed, languageOfLocale(interaction.locale), LIMITS.autocompleteChoices)
    .map((known) => truncateAtWord(known.text, LIMITS.choiceName))
    .filter((text, index, all) => text.length > 0 && all.indexOf(text) === index)
    .map((text) => ({ name: text, value: text }));
}

export const askHandler: SlashHandler = {
  isQuestion: true,
  ephemeral: (interaction) => booleanOption(interaction, ASK_OPTIONS.private) ?? false,
  refuse(interaction, context) {
    const value = articleOption(interaction);
    if (value === null || findArticle(context.knowledge.sources, value)) return null;
    return renderUnknownArticle(value, context.knowledge.sources, languageOfLocale(interaction.locale));
  },
  reply(interaction, context) {
    const question = requiredString(interaction, ASK_OPTIONS.question);
    const value = articleOption(interaction);
    // `refuse` has turned away a value naming no article, against this same knowledge.
    const source = value === null ? undefined : findArticle(context.knowledge.sources, value)?.id;
    const answer = askAbout(question, languageOfLocale(interaction.locale), 'slash', context, source);
    return renderAnswer(answer, { surface: 'slash' }, context);
  },
  /** Suggestions for the option being typed; autocomplete cannot be deferred, so no I/O. */
  autocomplete(interaction, context) {
    const focused = interaction.focused;
    if (focused?.name === ASK_OPTIONS.question) return questionChoices(focused.value, interaction, context);
    if (focused?.name === ASK_OPTIONS.article)
      return articleChoices(context.knowledge.sources, focused.value);
    return [];
  },
};
