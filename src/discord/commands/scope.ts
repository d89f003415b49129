import { ApplicationIntegrationType, InteractionContextType, type LocalizationMap } from 'discord.js';

/** Every command works in servers, in DMs with the bot, and in group DMs when user-installed. */
export const EVERYWHERE = {
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
};

/** The locales the commands are translated into: French, and both Englishes. */
export function localized(fr: string, en: string): LocalizationMap {
  return { fr, 'en-US': en, 'en-GB': en };
}
