import type { REST } from 'discord.js';
import { z } from 'zod';
import type { Exchange } from '../http/interactions.js';
import { type IncomingInteraction, type RawOption, readOptions } from './handlers/interaction.js';
import { ApiReplies } from './replies.js';

/** Discord's interaction types, and the kinds of command and component the bot serves. */
const APPLICATION_COMMAND = 2;
const MESSAGE_COMPONENT = 3;
const AUTOCOMPLETE = 4;
const CHAT_INPUT = 1;
const MESSAGE_MENU = 3;
const BUTTON = 2;
const STRING_SELECT = 3;

const snowflake = z.string().regex(/^\d{1,20}$/, 'must be a Discord id');

const RawOptionSchema: z.ZodType<RawOption> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: z.number().int(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(RawOptionSchema).optional(),
  }),
);

/**
 * The fields of Discord's interaction JSON the bot reads; the rest is ignored. The token goes in
 * a webhook URL's path, so it may hold no `/` or `?`.
 */
const PayloadSchema = z.object({
  id: snowflake,
  application_id: snowflake,
  token: z.string().regex(/^[\w.-]{1,500}$/, 'is not an interaction token'),
  type: z.number().int(),
  locale: z.string().optional(),
  member: z.object({ user: z.object({ id: snowflake }), permissions: z.string().regex(/^\d+$/) }).optional(),
  user: z.object({ id: snowflake }).optional(),
  data: z
    .object({
      name: z.string().optional(),
      type: z.number().int().optional(),
      options: z.array(RawOptionSchema).optional(),
      target_id: snowflake.optional(),
      resolved: z
        .object({ messages: z.record(z.string(), z.object({ content: z.string() })).optional() })
        .optional(),
      custom_id: z.string().optional(),
      component_type: z.number().int().optional(),
      values: z.array(z.string()).optional(),
    })
    .optional(),
  message: z
    .object({ id: snowflake, embeds: z.array(z.object({ title: z.string().optional() })).optional() })
    .optional(),
});
type Payload = z.infer<typeof PayloadSchema>;

type Kind = IncomingInteraction['kind'];

/** The kind of interaction the bot serves, or null (a user menu, a modal, another component). */
function kindOf({ type, data }: Payload): Kind | null {
  if (type === APPLICATION_COMMAND && data?.type === CHAT_INPUT) return 'command';
  if (type === APPLICATION_COMMAND && data?.type === MESSAGE_MENU) return 'message-menu';
  if (type === AUTOCOMPLETE) return 'autocomplete';
  const component = data?.component_type;
  if (type === MESSAGE_COMPONENT && (component === BUTTON || component === STRING_SELECT)) return 'component';
  return null;
}

export type HttpReading =
  | { readonly ok: true; readonly interaction: IncomingInteraction }
  | { readonly ok: false; readonly problem: string };

/**
 * The HTTP door's adapter: the narrow interaction the handlers take, from the JSON Discord
 * posted (already verified), replying through `exchange` and `rest`.
 */
export function fromHttp(json: unknown, exchange: Exchange, rest: REST): HttpReading {
  const parsed = PayloadSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `malformed interaction: ${issue?.path.join('.')}: ${issue?.message}` };
  }
  const payload = parsed.data;
  const kind = kindOf(payload);
  const userId = payload.member?.user.id ?? payload.user?.id;
  if (kind === null) return { ok: false, problem: `unsupported interaction type ${payload.type}` };
  if (userId === undefined) return { ok: false, problem: 'malformed interaction: no member or user' };
  const { data, message } = payload;
  const isCommand = kind === 'command' || kind === 'autocomplete';
  const target = data?.target_id === undefined ? undefined : data.resolved?.messages?.[data.target_id];
  return {
    ok: true,
    interaction: {
      id: payload.id,
      kind,
      name: (kind === 'component' ? data?.custom_id : data?.name) ?? '',
      userId,
      locale: payload.locale ?? 'en-US',
      memberPermissions: payload.member ? BigInt(payload.member.permissions) : null,
      ...readOptions(isCommand ? data?.options : undefined),
      targetText: kind === 'message-menu' ? (target?.content ?? '') : null,
      values: data?.values ?? [],
      message: message ? { id: message.id, title: message.embeds?.[0]?.title ?? '' } : null,
      // The first reply goes in the HTTP response; later ones through the webhook.
      respond: new ApiReplies((response) => exchange.send(response), rest, {
        applicationId: payload.application_id,
        token: payload.token,
      }),
    },
  };
}
