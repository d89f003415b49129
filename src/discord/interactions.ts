import { describeError } from '../log.js';
import { parseCustomId, type Surface } from './customIds.js';
import { expiredHandler, relatedHandler, voteHandler } from './handlers/components.js';
import type { BotContext } from './handlers/context.js';
import type { Handler } from './handlers/handler.js';
import { MESSAGE_MENU_HANDLERS, SLASH_HANDLERS } from './handlers/index.js';
import type { IncomingInteraction } from './handlers/interaction.js';
import { type ReplyBody, renderCooldown, renderNotice } from './render.js';
import { replyNow, respond, respondFailure } from './respond.js';
import { languageOfLocale, stringsFor } from './strings.js';

/** A handler bound to its interaction. */
interface Route {
  /** Where a question came from; null when the handler asks none. */
  readonly surface: Surface | null;
  readonly ephemeral: boolean;
  refusal(context: BotContext): ReplyBody | null;
  reply(context: BotContext): ReturnType<Handler['reply']>;
}

function bind<I extends IncomingInteraction>(
  handler: Handler<I>,
  interaction: I,
  surface: Surface | null,
): Route {
  return {
    surface: handler.isQuestion ? surface : null,
    ephemeral: handler.ephemeral(interaction),
    refusal: (context) => handler.refuse?.(interaction, context) ?? null,
    reply: (context) => handler.reply(interaction, context),
  };
}

/**
 * A command Discord still lists but this version does not have (deployed by an older or newer
 * version): say so rather than leave Discord's "did not respond".
 */
const unknownCommand: Handler = {
  isQuestion: false,
  ephemeral: () => true,
  reply(interaction, context) {
    context.logger.warn(
      { command: interaction.name },
      'a command with no handler: run npm run deploy-commands',
    );
    return renderNotice(stringsFor(languageOfLocale(interaction.locale)).unknownCommand);
  },
};

/** A component goes to the handler of the kind its custom id names, parsed here and only here. */
function componentRoute(interaction: IncomingInteraction): Route {
  const action = parseCustomId(interaction.name);
  if (action?.kind === 'related') return bind(relatedHandler, { ...interaction, action }, 'related');
  if (action?.kind === 'vote') return bind(voteHandler, { ...interaction, action }, null);
  return bind(expiredHandler, interaction, null);
}

function routeOf(interaction: IncomingInteraction): Route | null {
  switch (interaction.kind) {
    case 'command':
      return bind(SLASH_HANDLERS.get(interaction.name) ?? unknownCommand, interaction, 'slash');
    case 'message-menu':
      return bind(MESSAGE_MENU_HANDLERS.get(interaction.name) ?? unknownCommand, interaction, 'context-menu');
    case 'component':
      return componentRoute(interaction);
    default:
      return null;
  }
}

/**
 * Whether the member may ask now. The first refusal in a window says how long to wait, to the
 * member alone; later ones get no answer at all, so a flood costs the bot nothing.
 */
async function admitted(interaction: IncomingInteraction, context: BotContext): Promise<boolean> {
  const verdict = context.cooldown.take(interaction.userId);
  if (verdict.allowed) return true;
  if (verdict.notify) {
    context.logger.info(
      { interaction: describeInteraction(interaction), retryAfterMs: verdict.retryAfterMs },
      'cooldown: a member asks too fast; later questions in this window are ignored',
    );
    const language = languageOfLocale(interaction.locale);
    await replyNow(
      interaction.respond,
      renderCooldown(language, verdict.retryAfterMs, context.cooldown.config),
      true,
    );
  }
  return false;
}

/** Suggestions as the member types; a command without them gets none. */
async function suggest(interaction: IncomingInteraction, context: BotContext): Promise<void> {
  const handler = SLASH_HANDLERS.get(interaction.name);
  await interaction.respond.choices(handler?.autocomplete?.(interaction, context) ?? []);
}

/**
 * Routes an interaction, from either door, to its handler: the cooldown first, a deferral if
 * the reply is slow, and one private notice if the handler throws. A question's reply is timed
 * once it is sent.
 */
export async function handleInteraction(
  interaction: IncomingInteraction,
  context: BotContext,
): Promise<void> {
  const start = performance.now();
  const { respond: replies } = interaction;
  try {
    if (interaction.kind === 'autocomplete') await suggest(interaction, context);
    else {
      const route = routeOf(interaction);
      if (!route) return;
      const refusal = route.refusal(context);
      if (refusal) await replyNow(replies, refusal, true);
      else {
        if (route.surface && !(await admitted(interaction, context))) return;
        await respond(replies, route.ephemeral, () => route.reply(context), context.deferAfterMs);
        if (route.surface) context.metrics.observeReply(route.surface, (performance.now() - start) / 1000);
      }
    }
    // No user id and no question text: what was served, and how fast. Its fields are built only
    // when the line is written: at the default level, it is not.
    if (context.logger.isLevelEnabled('debug')) {
      context.logger.debug(
        { interaction: describeInteraction(interaction), ms: Math.round(performance.now() - start) },
        'interaction answered',
      );
    }
  } catch (error) {
    context.logger.error(
      { err: describeError(error), interaction: describeInteraction(interaction) },
      'an interaction handler failed',
    );
    if (interaction.kind === 'autocomplete') return;
    const notice = renderNotice(stringsFor(languageOfLocale(interaction.locale)).failed);
    try {
      await respondFailure(replies, notice);
    } catch (noticeError) {
      context.logger.warn({ err: describeError(noticeError) }, 'could not tell the user about the failure');
    }
  }
}

/** Enough to find an interaction in the logs, without its token, the user, the server or the channel. */
function describeInteraction(interaction: IncomingInteraction) {
  return {
    id: interaction.id,
    kind: interaction.kind,
    command: interaction.kind === 'component' ? undefined : interaction.name,
    customId: interaction.kind === 'component' ? interaction.name : undefined,
  };
}
