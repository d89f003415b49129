import { PermissionsBitField } from 'discord.js';
import { KNOWLEDGE_PERMISSION, KNOWLEDGE_SUBCOMMANDS } from '../commands/knowledge.js';
import { renderNotice, renderReload } from '../render.js';
import { languageOfLocale, stringsFor } from '../strings.js';
import type { Handler } from './handler.js';

/** `/knowledge reload`: reloads as a file change or SIGHUP does, and tells the admin the outcome privately. */
export const knowledgeHandler: Handler = {
  isQuestion: false,
  ephemeral: () => true,
  async reply(interaction, context) {
    const language = languageOfLocale(interaction.locale);
    const strings = stringsFor(language);
    // Discord hides the command from members without the permission, but a server's admins can
    // open it to anyone in the integration settings: the member's own permission decides.
    const permissions = interaction.memberPermissions;
    if (permissions === null || !new PermissionsBitField(permissions).has(KNOWLEDGE_PERMISSION)) {
      context.logger.info('knowledge reload refused: the member lacks Manage Server');
      return renderNotice(strings.reloadForbidden);
    }
    if (interaction.subcommand !== KNOWLEDGE_SUBCOMMANDS.reload) {
      return renderNotice(strings.unknownCommand);
    }
    return renderReload(await context.reloadKnowledge('command'), language);
  },
};
