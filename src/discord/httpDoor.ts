import { REST } from 'discord.js';
import { INTERACTIONS_PATH, startInteractionsServer } from '../http/interactions.js';
import { ed25519PublicKey } from '../http/signature.js';
import type { Logger } from '../log.js';
import { fromHttp } from './fromHttp.js';
import { countRestErrors } from './instrument.js';
import { handleInteraction } from './interactions.js';
import type { DoorServices } from './services.js';

/**
 * An HTTP reply leaves in the response to Discord's own request, with no callback round trip
 * to make: more of Discord's 3 s is the bot's than over the gateway (2 s there).
 */
export const HTTP_DEFER_AFTER_MS = 2500;

export interface HttpDoorOptions {
  readonly host: string;
  readonly port: number;
  /** The application's public key, 64 hex characters. */
  readonly publicKey: string;
  /** REST base for the webhook edits of deferred replies; Discord's own when absent. */
  readonly apiUrl?: string | undefined;
  /** Shared with the gateway door when both run. */
  readonly services: DoorServices;
  readonly logger: Logger;
  readonly deferAfterMs?: number;
}

export interface HttpDoor {
  /** Where it listens, path included: `http://127.0.0.1:8443/interactions`. */
  readonly url: string;
  close(): Promise<void>;
}

/** The HTTP interactions door: Discord's signed POSTs, served by the same handlers as the gateway's. */
export async function startHttpDoor(options: HttpDoorOptions): Promise<HttpDoor> {
  const { services, logger } = options;
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {});
  countRestErrors(rest, services.metrics);
  const deferAfterMs = options.deferAfterMs ?? HTTP_DEFER_AFTER_MS;
  const server = await startInteractionsServer({
    host: options.host,
    port: options.port,
    publicKey: ed25519PublicKey(options.publicKey),
    logger,
    counted: (status) => services.metrics.countInteractionRequest(status),
    async handle(json, exchange) {
      const reading = fromHttp(json, exchange, rest);
      if (!reading.ok) {
        logger.warn({ status: 400, reason: reading.problem }, 'interaction request refused');
        return exchange.refuse(400, reading.problem);
      }
      await handleInteraction(reading.interaction, services.context(deferAfterMs));
    },
  });
  return {
    url: `${server.url}${INTERACTIONS_PATH}`,
    async close() {
      await server.close();
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}
