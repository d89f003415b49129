# The Discord bot on Node 20: production dependencies only, run as the unprivileged `node` user.
# Build and run with compose.yaml (see the README, "Docker").
# The build stage compiles src/ to dist/ (`npm run build`: plain JavaScript and the packed word
# lists), which needs TypeScript, a dev dependency; the image keeps only dist/.
FROM node:20-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/build.mjs ./scripts/
COPY src ./src
RUN node scripts/build.mjs

FROM node:20-alpine

WORKDIR /app
ENV NODE_ENV=production

# Dependencies first, so this layer is rebuilt only when the lock file changes. No package needs
# an install script.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge

# feedback.jsonl and questions.jsonl go to DATA_DIR, a volume that outlives the container. The
# knowledge ships in the image; compose.yaml mounts the host's knowledge/ over it. It is not
# declared a VOLUME here: an anonymous volume would keep the first image's knowledge through
# every upgrade.
ENV DATA_DIR=/app/data \
    KNOWLEDGE_DIR=/app/knowledge
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]

# /healthz and /metrics. The health check below runs inside the container and would reach
# 127.0.0.1, but a published port arrives on the container's own interface, not its loopback:
# to be scraped from the host the server must listen on every interface of the container.
# compose.yaml publishes the port on the host's loopback only.
ENV METRICS_PORT=9464 \
    METRICS_HOST=0.0.0.0
EXPOSE 9464

USER node

# Healthy when connected to Discord with the knowledge loaded. Node's own fetch: the image has
# no curl or wget worth relying on.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.METRICS_PORT}/healthz`, { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Node itself, not npm: npm would not pass `docker stop`'s SIGTERM on to the bot. The flags are
# npm start's: a small young generation, one V8 helper thread, and one compacting full
# collection once started (--expose-gc: the pages the engine's build left half empty are given back), keep the idle bot about 45 MB lighter (README, "Memory at rest").
CMD ["node", "--max-semi-space-size=4", "--v8-pool-size=1", "--expose-gc", "dist/main.js"]
