# The adpipe worker image (also runs any other adpipe command). TypeScript runs through tsx: no build step.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
CMD ["node", "--import", "tsx", "cli/index.ts", "worker"]
