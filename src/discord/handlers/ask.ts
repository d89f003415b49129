import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { articleChoices, findArticle, renderUnknownArticle } from '../articles.js';
import { ASK_OPTIONS } from '../commands/ask.js';
import { askAbout } from '../question.js';
import { LIMITS, renderAnswer, truncateAtWord } from '../render.js';
import { languageOfLocale } from '../strings.js';
import type { BotContext, ServedKnowledge } from './context.js';
import type { Handler } from './handler.js';

/** The `article` option's value, when the member gave one. */
const articleOption = (interaction: ChatInputCommandInteraction) =>
  interaction.options.getString(ASK_OPTIONS.article);

export const askHandler: Handler<ChatInputCommandInteraction> = {
  isQuestion: true,
  ephemeral: (interaction) => interaction.options.getBoolean(ASK_OPTIONS.private) ?? false,
  refuse(interaction, context) {
    const value = articleOption(interaction);
    if (value === null || findArticle(context.knowledge.sources, value)) return null;
    return renderUnknownArticle(value, context.knowledge.sources, languageOfLocale(interaction.locale));
  },
  reply(interaction, context, ephemeral) {
    const question = interaction.options.getString(ASK_OPTIONS.question, true);
    const value = articleOption(interaction);
    // `refuse` has turned away a value naming no article, against this same knowledge.
    const source = value === null ? undefined : findArticle(context.knowledge.sources, value)?.id;
    const answer = askAbout(question, languageOfLocale(interaction.locale), 'slash', context, source);
    return renderAnswer(answer, { surface: 'slash', ephemeral }, context);
  },
};

/** Known questions matching what has been typed, from every article. */
function questionChoices(typed: string, interaction: AutocompleteInteraction, context: ServedKnowledge) {
  return context.questions
    .suggest(typed, languageOfLocale(interaction.locale), LIMITS.autocompleteChoices)
    .map((known) => truncateAtWord(known.text, LIMITS.choiceName))
    .filter((text, index, all) => text.length > 0 && all.indexOf(text) === index)
    .map((text) => ({ name: text, value: text }));
}

/** Suggestions for the option being typed; autocomplete cannot be deferred, so no I/O. */
export async function autocompleteAsk(interaction: AutocompleteInteraction, context: BotContext) {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  if (focused.name === ASK_OPTIONS.question)
    await interaction.respond(questionChoices(typed, interaction, context));
  else if (focused.name === ASK_OPTIONS.article)
    await interaction.respond(articleChoices(context.knowledge.sources, typed));
  else await interaction.respond([]);
}
