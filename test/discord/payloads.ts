// Builders for gateway dispatch payloads (raw Discord API shapes) fed to the fake Discord.
// Field choices follow docs/discord-test-double.md ("Payload fields that matter").

export type Json = Record<string, unknown>;
export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
  global_name?: string | null;
}
export type RawOption = { name: string; type: number; value?: string | number | boolean; focused?: boolean };
export type Options = RawOption[] | Record<string, string | number | boolean>;

export const FAKE_APP_ID = '1100000000000000001';
export const FAKE_BOT: FakeUser = { id: FAKE_APP_ID, username: 'article-bot', bot: true };
export const BOT_PERMISSIONS = '274877991936'; // View Channel, Send Messages (+threads), Embed Links, History
const EPOCH = 1420070400000n;
const JOINED = '2024-01-01T00:00:00.000Z';

let last = 0n;
/** A unique, increasing, snowflake-shaped id (timestamp << 22 | counter). */
export function nextId(): string {
  const now = (BigInt(Date.now()) - EPOCH) << 22n;
  last = now > last ? now : last + 1n;
  return last.toString();
}

export const rawUser = (u: FakeUser): Json => ({
  id: u.id,
  username: u.username,
  discriminator: '0',
  global_name: u.global_name ?? null,
  avatar: null,
  ...(u.bot ? { bot: true } : {}),
});

export const rawMember = (user: FakeUser | undefined, permissions?: string): Json => ({
  ...(user ? { user: rawUser(user) } : {}),
  roles: [],
  joined_at: JOINED,
  nick: null,
  avatar: null,
  deaf: false,
  mute: false,
  flags: 0,
  pending: false,
  ...(permissions === undefined ? {} : { permissions }),
});

/** A message object as Discord sends it (MESSAGE_CREATE body, `message` of a component, resolved target). */
export function message(o: {
  channelId: string;
  guildId?: string;
  author: FakeUser;
  content?: string;
  id?: string;
  embeds?: unknown[];
  components?: unknown[];
  mentions?: FakeUser[];
  mentionRoles?: string[];
  mentionEveryone?: boolean;
  messageReference?: { message_id: string; channel_id?: string; guild_id?: string };
}): Json {
  return {
    id: o.id ?? nextId(),
    channel_id: o.channelId,
    ...(o.guildId ? { guild_id: o.guildId } : {}),
    author: rawUser(o.author),
    content: o.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: o.mentionEveryone ?? false,
    mentions: (o.mentions ?? []).map(rawUser),
    mention_roles: o.mentionRoles ?? [],
    attachments: [],
    embeds: o.embeds ?? [],
    components: o.components ?? [],
    pinned: false,
    type: o.messageReference ? 19 : 0,
    flags: 0,
    ...(o.messageReference ? { message_reference: { type: 0, ...o.messageReference } } : {}),
  };
}

/** MESSAGE_CREATE. A DM (no guildId) carries `channel_type: 1`, required for a first DM. */
export function messageCreate(o: Parameters<typeof message>[0] & { channelType?: number }): Json {
  const channelType = o.channelType ?? (o.guildId ? undefined : 1);
  return {
    ...message(o),
    ...(channelType === undefined ? {} : { channel_type: channelType }),
    ...(o.guildId ? { member: rawMember(undefined) } : {}),
  };
}

export interface InteractionBase {
  channelId: string;
  guildId?: string;
  user: FakeUser;
  locale?: string;
  guildLocale?: string;
  token?: string;
  applicationId?: string;
  appPermissions?: string;
  memberPermissions?: string;
  channelType?: number;
}
export interface BuiltInteraction {
  payload: Json;
  id: string;
  token: string;
  /** REST path (as recorded by the fake) of this interaction's initial response. */
  callbackPath: string;
}

let tokenCounter = 0;
function interaction(type: number, o: InteractionBase, data: Json, extra: Json = {}): BuiltInteraction {
  const id = nextId();
  const token = o.token ?? `tok-${++tokenCounter}-${id}`;
  const guild = o.guildId;
  const channel = guild
    ? { id: o.channelId, type: o.channelType ?? 0, guild_id: guild, name: `channel-${o.channelId}` }
    : { id: o.channelId, type: o.channelType ?? 1, recipients: [rawUser(o.user)], flags: 0 };
  const payload: Json = {
    id,
    application_id: o.applicationId ?? FAKE_APP_ID,
    token,
    type,
    version: 1,
    ...(guild
      ? {
          guild_id: guild,
          guild_locale: o.guildLocale ?? 'en-US',
          member: rawMember(o.user, o.memberPermissions ?? '0'),
        }
      : { user: rawUser(o.user) }),
    channel,
    channel_id: o.channelId,
    data,
    locale: o.locale ?? 'en-US',
    app_permissions: o.appPermissions ?? BOT_PERMISSIONS,
    entitlements: [],
    authorizing_integration_owners: guild ? { '0': guild } : { '1': o.user.id },
    context: guild ? 0 : 1,
    attachment_size_limit: 10_485_760,
    ...extra,
  };
  return { payload, id, token, callbackPath: `/interactions/${id}/${token}/callback` };
}

const commandIds = new Map<string, string>();
const commandId = (name: string) => commandIds.get(name) ?? commandIds.set(name, nextId()).get(name) ?? '';

function toRawOptions(options: Options | undefined, focused?: string): RawOption[] {
  const raw = Array.isArray(options)
    ? options
    : Object.entries(options ?? {}).map(([name, value]) => ({
        name,
        value,
        type:
          typeof value === 'boolean' ? 5 : typeof value === 'number' ? (Number.isInteger(value) ? 4 : 10) : 3,
      }));
  return raw.map((opt) => (opt.name === focused ? { ...opt, focused: true } : opt));
}

type CommandInput = InteractionBase & { name: string; options?: Options };

/** A chat-input (slash) command, type 2. Options: raw API options or `{ name: value }`. */
export function slashCommand(o: CommandInput): BuiltInteraction {
  return interaction(2, o, {
    id: commandId(o.name),
    name: o.name,
    type: 1,
    options: toRawOptions(o.options),
    ...(o.guildId ? { guild_id: o.guildId } : {}),
  });
}

/** Autocomplete, type 4: the option named `focused` carries `focused: true`. */
export function autocomplete(o: CommandInput & { focused: string }): BuiltInteraction {
  if (!toRawOptions(o.options).some((opt) => opt.name === o.focused)) {
    throw new Error(`autocomplete: focused option "${o.focused}" is not among the options`);
  }
  return interaction(4, o, {
    id: commandId(o.name),
    name: o.name,
    type: 1,
    options: toRawOptions(o.options, o.focused),
  });
}

/** A component interaction, type 3 (button 2, string select 3), with the message it sits on. */
export function messageComponent(
  o: Omit<InteractionBase, 'channelId'> & {
    customId: string;
    componentType?: number;
    values?: string[];
    message: Json;
    channelId?: string;
  },
): BuiltInteraction {
  const channelId = o.channelId ?? String(o.message.channel_id);
  const guildId = o.guildId ?? (o.message.guild_id as string | undefined);
  const data: Json = { custom_id: o.customId, component_type: o.componentType ?? 2 };
  if (o.values) data.values = o.values;
  return interaction(3, { ...o, channelId, ...(guildId ? { guildId } : {}) }, data, { message: o.message });
}

/** A message context-menu command: type 2, `data.type` 3, target in `resolved.messages`. */
export function messageContextMenu(
  o: InteractionBase & { name: string; targetMessage: Json },
): BuiltInteraction {
  const targetId = String(o.targetMessage.id);
  return interaction(2, o, {
    id: commandId(o.name),
    name: o.name,
    type: 3,
    target_id: targetId,
    resolved: { messages: { [targetId]: o.targetMessage } },
    ...(o.guildId ? { guild_id: o.guildId } : {}),
  });
}
