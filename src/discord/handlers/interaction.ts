import type { Responder } from '../respond.js';

/**
 * What an interaction handler needs to know, whichever door it came through. Two small
 * adapters fill it: `discord/fromGateway.ts` from a discord.js Interaction, and
 * `discord/fromHttp.ts` from the JSON Discord POSTs to the interactions endpoint. Handlers are
 * written against it alone, as `handleMessage` is against `IncomingMessage`.
 */
export interface IncomingInteraction {
  readonly id: string;
  readonly kind: 'command' | 'message-menu' | 'autocomplete' | 'component';
  /** The command's name; for a component, its custom id (parsed once, by the router). */
  readonly name: string;
  readonly userId: string;
  /** The member's Discord language (`fr`, `en-US`…). */
  readonly locale: string;
  /** The sub-command used (`/knowledge reload`), if any. */
  readonly subcommand: string | null;
  /** The command's options by name, those of a sub-command included. */
  readonly options: ReadonlyMap<string, OptionValue>;
  /** Autocomplete: the option being typed and what has been typed so far. */
  readonly focused: { readonly name: string; readonly value: string } | null;
  /** The message menu: the text of the message it was used on. */
  readonly targetText: string | null;
  /** A select menu: the values picked. */
  readonly values: readonly string[];
  /** A component: the message it sits on (its id, and its first embed's title). */
  readonly message: { readonly id: string; readonly title: string } | null;
  /** The member's permissions in this channel; null in a DM. */
  readonly memberPermissions: bigint | null;
  /** How the reply leaves: the router alone uses it. */
  readonly respond: Responder;
}

export type OptionValue = string | number | boolean;

/** An option as both doors see it: discord.js's `options.data` and Discord's JSON share this shape. */
export interface RawOption {
  readonly name: string;
  readonly type: number;
  readonly value?: OptionValue | undefined;
  readonly focused?: boolean | undefined;
  readonly options?: readonly RawOption[] | undefined;
}

/** Discord's option types for a sub-command and a group of them. */
const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;

/** A command's options flattened by name, with its sub-command and the option being typed. */
export function readOptions(
  raw: readonly RawOption[] | undefined,
): Pick<IncomingInteraction, 'subcommand' | 'options' | 'focused'> {
  const options = new Map<string, OptionValue>();
  let subcommand: string | null = null;
  let focused: IncomingInteraction['focused'] = null;
  const visit = (list: readonly RawOption[]) => {
    for (const option of list) {
      if (option.type === SUB_COMMAND) subcommand = option.name;
      if (option.type === SUB_COMMAND || option.type === SUB_COMMAND_GROUP) visit(option.options ?? []);
      else if (option.value !== undefined) {
        options.set(option.name, option.value);
        if (option.focused) focused = { name: option.name, value: String(option.value) };
      }
    }
  };
  visit(raw ?? []);
  return { subcommand, options, focused };
}

/** A string option's value, or null when absent or of another type. */
export function stringOption(interaction: IncomingInteraction, name: string): string | null {
  const value = interaction.options.get(name);
  return typeof value === 'string' ? value : null;
}

/** A required string option's value; Discord never sends a command without it, so its absence is a fault. */
export function requiredString(interaction: IncomingInteraction, name: string): string {
  const value = stringOption(interaction, name);
  if (value === null) throw new Error(`the required option "${name}" of /${interaction.name} is missing`);
  return value;
}

/** A boolean option's value, or null when absent or of another type. */
export function booleanOption(interaction: IncomingInteraction, name: string): boolean | null {
  const value = interaction.options.get(name);
  return typeof value === 'boolean' ? value : null;
}
