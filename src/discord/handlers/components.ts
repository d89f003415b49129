import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import { describeError } from '../../log.js';
import { parseCustomId } from '../customIds.js';
import { askAbout, stripDiscordMarkup } from '../question.js';
import { renderAnswer, renderNotice, unescapeMarkdown } from '../render.js';
import { languageOfLocale, stringsFor } from '../strings.js';
import type { Handler } from './handler.js';

/**
 * A pick in the "related questions" menu: that question is answered from the article it was
 * offered for, for the picker only.
 */
export const relatedHandler: Handler<StringSelectMenuInteraction> = {
  isQuestion: true,
  ephemeral: () => true,
  reply(interaction, context, ephemeral) {
    const known = context.questions.byKey(interaction.values[0] ?? '');
    if (!known || parseCustomId(interaction.customId)?.kind !== 'related') {
      return renderNotice(stringsFor(languageOfLocale(interaction.locale)).expired, ephemeral);
    }
    const source = context.engine.facts.find((fact) => fact.id === known.factId)?.source;
    const answer = askAbout(known.text, known.language, 'related', context, source);
    return renderAnswer(answer, { surface: 'related', ephemeral }, context);
  },
};

/** 👍 / 👎: one line in the feedback file, acknowledged to the voter only. */
export const voteHandler: Handler<ButtonInteraction> = {
  isQuestion: false,
  ephemeral: () => true,
  async reply(interaction, context, ephemeral) {
    const strings = stringsFor(languageOfLocale(interaction.locale));
    const action = parseCustomId(interaction.customId);
    if (action?.kind !== 'vote') return renderNotice(strings.expired, ephemeral);
    const answerId = interaction.message.id;
    if (!context.votes.note(answerId, interaction.user.id, action.vote)) {
      return renderNotice(strings.voteAlready, ephemeral);
    }
    // The question is not in the custom_id (user text never is): it is the answer's title.
    const title = interaction.message.embeds[0]?.title ?? '';
    try {
      await context.feedback.record({
        time: new Date().toISOString(),
        vote: action.vote,
        surface: action.surface,
        // Titles are built from questions stripped of mentions; stripping again guards old messages.
        question: stripDiscordMarkup(unescapeMarkdown(title)),
        factIds: action.factIds,
      });
    } catch (error) {
      context.votes.forget(answerId, interaction.user.id);
      context.logger.error(
        { err: describeError(error), file: context.feedback.file },
        'could not record a vote',
      );
      return renderNotice(strings.voteFailed, ephemeral);
    }
    return renderNotice(strings.voteThanks, ephemeral);
  },
};
