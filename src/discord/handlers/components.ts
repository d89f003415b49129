import { describeError } from '../../log.js';
import { askAbout, stripDiscordMarkup } from '../question.js';
import { renderAnswer, renderNotice, unescapeMarkdown } from '../render.js';
import { languageOfLocale, stringsFor } from '../strings.js';
import type { ComponentInteraction, Handler } from './handler.js';

/**
 * A pick in the "related questions" menu: that question is answered from the article it was
 * offered for, for the picker only.
 */
export const relatedHandler: Handler<ComponentInteraction<'related'>> = {
  isQuestion: true,
  ephemeral: () => true,
  reply(interaction, context) {
    const known = context.questions.byKey(interaction.values[0] ?? '');
    if (!known) return renderNotice(stringsFor(languageOfLocale(interaction.locale)).expired);
    const source = context.engine.facts.find((fact) => fact.id === known.factId)?.source;
    const answer = askAbout(known.text, known.language, 'related', context, source);
    return renderAnswer(answer, { surface: 'related' }, context);
  },
};

/** 👍 / 👎: one line in the feedback file, acknowledged to the voter only. */
export const voteHandler: Handler<ComponentInteraction<'vote'>> = {
  isQuestion: false,
  ephemeral: () => true,
  async reply(interaction, context) {
    const strings = stringsFor(languageOfLocale(interaction.locale));
    const { action, message } = interaction;
    if (!message) return renderNotice(strings.expired);
    if (!context.votes.note(message.id, interaction.userId, action.vote)) {
      return renderNotice(strings.voteAlready);
    }
    try {
      await context.feedback.record({
        time: new Date().toISOString(),
        vote: action.vote,
        surface: action.surface,
        // The question is not in the custom_id (user text never is): it is the answer's title.
        // Titles are built from questions stripped of mentions; stripping again guards old messages.
        question: stripDiscordMarkup(unescapeMarkdown(message.title)),
        factIds: action.factIds,
      });
    } catch (error) {
      context.votes.forget(message.id, interaction.userId);
      context.logger.error(
        { err: describeError(error), file: context.feedback.file },
        'could not record a vote',
      );
      return renderNotice(strings.voteFailed);
    }
    return renderNotice(strings.voteThanks);
  },
};

/** A component whose custom id this version did not make (an old answer's): it has expired. */
export const expiredHandler: Handler = {
  isQuestion: false,
  ephemeral: () => true,
  reply: (interaction) => renderNotice(stringsFor(languageOfLocale(interaction.locale)).expired),
};
