import {
  type APIApplicationCommandOptionChoice,
  type APIInteractionResponse,
  InteractionResponseType,
  type MessageFlags,
  type REST,
  Routes,
} from 'discord.js';
import type { ReplyPayload } from './render.js';
import type { Responder } from './respond.js';

/** What a reply says, in Discord's JSON: allowed mentions and flags as set where it left. */
export function apiMessage({
  allowedMentions,
  ...payload
}: Omit<ReplyPayload, 'flags'> & { flags?: MessageFlags }) {
  return {
    ...payload,
    allowed_mentions: { parse: allowedMentions.parse, replied_user: allowedMentions.repliedUser },
  };
}

/** Who an interaction's replies go to: its id, token and application. */
export interface ReplyAddress {
  readonly applicationId: string;
  readonly token: string;
}

/**
 * Replies to an interaction in Discord's JSON, built once: the first response (a reply, a
 * deferral or choices) through `first`, later ones through the interaction's webhook, as
 * discord.js does. The HTTP door's `first` is its HTTP response; the gateway's, the callback
 * route (`callbackOf`). The embeds and components are already Discord's JSON, so nothing
 * converts their keys a second time (discord.js's `reply` does, for every reply). The webhook
 * needs no bot token: the interaction token is the credential.
 */
export class ApiReplies implements Responder {
  deferred = false;
  replied = false;

  constructor(
    private readonly first: (response: APIInteractionResponse) => unknown,
    private readonly rest: REST,
    private readonly address: ReplyAddress,
  ) {}

  async reply(payload: ReplyPayload) {
    await this.first({ type: InteractionResponseType.ChannelMessageWithSource, data: apiMessage(payload) });
    this.replied = true;
  }

  async deferReply({ flags }: { flags?: MessageFlags.Ephemeral }) {
    await this.first({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      ...(flags ? { data: { flags } } : {}),
    });
    this.deferred = true;
  }

  async editReply(payload: Omit<ReplyPayload, 'flags'>) {
    const { applicationId, token } = this.address;
    await this.rest.patch(Routes.webhookMessage(applicationId, token, '@original'), {
      body: apiMessage(payload),
      auth: false,
    });
    this.replied = true;
  }

  async followUp(payload: ReplyPayload) {
    const { applicationId, token } = this.address;
    await this.rest.post(Routes.webhook(applicationId, token), { body: apiMessage(payload), auth: false });
  }

  async choices(choices: APIApplicationCommandOptionChoice[]) {
    await this.first({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices },
    });
  }
}

/** The first response through Discord's callback route, as discord.js's `reply` sends it. */
export function callbackOf(rest: REST, interaction: { readonly id: string; readonly token: string }) {
  return (response: APIInteractionResponse) =>
    rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: response, auth: false });
}
