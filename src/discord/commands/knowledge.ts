import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { localized } from './scope.js';

/** Subcommand names, shared by the definition below and the handler that reads them. */
export const KNOWLEDGE_SUBCOMMANDS = { reload: 'reload' } as const;

/** The permission a member needs to run it: checked by Discord, and again by the handler. */
export const KNOWLEDGE_PERMISSION = PermissionFlagsBits.ManageGuild;

/**
 * For the people who run the bot: hidden from members without Manage Server, and offered in
 * servers where the bot is installed only (a server permission means nothing in a DM).
 */
export const knowledgeCommand = {
  type: ApplicationCommandType.ChatInput,
  name: 'knowledge',
  description: 'Manage what I know (Manage Server)',
  description_localizations: localized(
    'Gérer ce que je sais (Gérer le serveur)',
    'Manage what I know (Manage Server)',
  ),
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: KNOWLEDGE_SUBCOMMANDS.reload,
      name_localizations: localized('recharger', 'reload'),
      description: 'Read the knowledge files again, and use them if they are valid',
      description_localizations: localized(
        'Relire les fichiers de connaissances, et les utiliser s’ils sont valides',
        'Read the knowledge files again, and use them if they are valid',
      ),
    },
  ],
  default_member_permissions: String(KNOWLEDGE_PERMISSION),
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
