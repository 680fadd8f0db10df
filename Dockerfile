FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
# The api runs as one built file (scripts/build-api.ts) and serves the built console (scripts/build-console.ts); the
# worker and the tools run their TypeScript through tsx.
RUN npm run build
USER node
