# Bandstand api + worker with the three consoles built in. Used by `docker compose --profile app`.
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NX_NO_CLOUD=true NX_DAEMON=false NG_CLI_ANALYTICS=false NX_TUI=false
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api worker fan creator staff --outputStyle=static

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/apps ./dist/apps
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
