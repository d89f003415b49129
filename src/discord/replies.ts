import {
  type APIApplicationCommandOptionChoice,
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

/** Discord's JSON of a reply response, encoded once per frozen payload (`leaving`). */
const encodedReplies = new WeakMap<ReplyPayload, Buffer>();

/** A response's JSON, as the bytes sent. */
export function encodeJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/**
 * A reply's response (type 4), encoded. A remembered answer leaves as the same frozen payload
 * for every asker, so its JSON is written once, not for each reply.
 */
function encodedReply(payload: ReplyPayload): Buffer {
  const known = encodedReplies.get(payload);
  if (known) return known;
  const bytes = encodeJson({
    type: InteractionResponseType.ChannelMessageWithSource,
    data: apiMessage(payload),
  });
  if (Object.isFrozen(payload)) encodedReplies.set(payload, bytes);
  return bytes;
}

/** Who an interaction's replies go to: its id, token and application. */
export interface ReplyAddress {
  readonly applicationId: string;
  readonly token: string;
}

/** JSON already encoded, sent by discord.js's REST client as it is. */
function asJsonBody(bytes: Buffer) {
  return { body: bytes, passThroughBody: true, headers: { 'Content-Type': 'application/json' }, auth: false };
}

/**
 * Replies to an interaction in Discord's JSON, built once: the first response (a reply, a
 * deferral or choices) through `first`, later ones through the interaction's webhook, as
 * discord.js does. The HTTP door's `first` is its HTTP response; the gateway's, the callback
 * route (`callbackOf`). Both take the response's JSON encoded: the embeds and components are
 * already Discord's JSON, so nothing converts their keys a second time (discord.js's `reply`
 * does, for every reply), and a remembered answer's reply is encoded once. The webhook needs
 * no bot token: the interaction token is the credential.
 */
export class ApiReplies implements Responder {
  deferred = false;
  replied = false;

  constructor(
    private readonly first: (response: Buffer) => unknown,
    private readonly rest: REST,
    private readonly address: ReplyAddress,
  ) {}

  async reply(payload: ReplyPayload) {
    await this.first(encodedReply(payload));
    this.replied = true;
  }

  async deferReply({ flags }: { flags?: MessageFlags.Ephemeral }) {
    await this.first(
      encodeJson({
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        ...(flags ? { data: { flags } } : {}),
      }),
    );
    this.deferred = true;
  }

  async editReply(payload: Omit<ReplyPayload, 'flags'>) {
    const { applicationId, token } = this.address;
    const route = Routes.webhookMessage(applicationId, token, '@original');
    await this.rest.patch(route, asJsonBody(encodeJson(apiMessage(payload))));
    this.replied = true;
  }

  async followUp(payload: ReplyPayload) {
    const { applicationId, token } = this.address;
    await this.rest.post(Routes.webhook(applicationId, token), asJsonBody(encodeJson(apiMessage(payload))));
  }

  async choices(choices: APIApplicationCommandOptionChoice[]) {
    await this.first(
      encodeJson({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }),
    );
  }
}

/** The first response through Discord's callback route, as discord.js's `reply` sends it. */
export function callbackOf(rest: REST, interaction: { readonly id: string; readonly token: string }) {
  return (response: Buffer) =>
    rest.post(Routes.interactionCallback(interaction.id, interaction.token), asJsonBody(response));
}
