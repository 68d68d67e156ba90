# Tandem in a container, started as the README starts it (`npm start`) on the server and client built
# here. One instance on SQLite:
#   docker build -t tandem . && docker run --init -p 8080:8080 -v tandem-data:/data tandem
# Several instances on PostgreSQL and Redis: docs/DEPLOY.md.

FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
# This image has python3, make and g++, so better-sqlite3 compiles where no prebuilt binary is found.
RUN npm ci
COPY tsconfig.json tsconfig.server.json ./
COPY bin bin
COPY scripts/build-server.js scripts/
COPY shared shared
COPY server server
COPY client client
# The build is the newest thing in the image, so `npm start` never finds it older than its sources.
RUN npm run build && npm prune --omit=dev && touch dist/server/cli.js dist/client/index.html

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 DATA_DIR=/data NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/bin bin
COPY --from=build /app/dist dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["npm", "start"]
