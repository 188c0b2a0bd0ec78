# The adpipe worker image (also runs any other adpipe command). TypeScript runs through tsx: no build step.
FROM node:20-bookworm-slim
WORKDIR /app
# Manifests first, so the install layer is rebuilt only when dependencies change.
# .ci/run replays the COPY and RUN lines up to `COPY . .` outside Docker: keep them plain.
COPY package.json package-lock.json ./
COPY packages/chdb-http/package.json packages/chdb-http/
# Production dependencies only: devDependencies (embedded-postgres, test and lint tools) are
# omitted, and --workspaces=false skips packages/chdb-http with its chdb (the embedded
# ClickHouse). The image talks to real servers through DATABASE_URL, CLICKHOUSE_URL, TEMPORAL_ADDRESS.
RUN npm ci --omit=dev --workspaces=false --no-audit --no-fund
COPY . .
CMD ["node", "--import", "tsx", "cli/index.ts", "worker"]
