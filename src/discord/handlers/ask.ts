import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { ASK_OPTIONS } from '../commands/ask.js';
import { askAbout } from '../question.js';
import { LIMITS, renderAnswer, truncateAtWord } from '../render.js';
import { languageOfLocale } from '../strings.js';
import type { BotContext } from './context.js';
import type { Handler } from './handler.js';

export const askHandler: Handler<ChatInputCommandInteraction> = {
  isQuestion: true,
  ephemeral: (interaction) => interaction.options.getBoolean(ASK_OPTIONS.private) ?? false,
  reply(interaction, context, ephemeral) {
    const question = interaction.options.getString(ASK_OPTIONS.question, true);
    const answer = askAbout(question, languageOfLocale(interaction.locale), 'slash', context);
    return renderAnswer(answer, { surface: 'slash', ephemeral }, context);
  },
};

/** Known questions matching what has been typed; autocomplete cannot be deferred, so no I/O. */
export async function autocompleteAsk(interaction: AutocompleteInteraction, context: BotContext) {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== ASK_OPTIONS.question) {
    await interaction.respond([]);
    return;
  }
  const choices = context.questions
    .suggest(String(focused.value), languageOfLocale(interaction.locale), LIMITS.autocompleteChoices)
    .map((known) => truncateAtWord(known.text, LIMITS.choiceName))
    .filter((text, index, all) => text.length > 0 && all.indexOf(text) === index)
    .map((text) => ({ name: text, value: text }));
  await interaction.respond(choices);
}
