# syntax=docker/dockerfile:1
# Gatescope: the server (TypeScript run by tsx, no compile step) plus the built SPA.
#
#   docker build -t gatescope:0.1.0 .
#   docker run --rm -p 127.0.0.1:7080:7080 -e KUBECONFIG=/kube/config \
#     -v ~/.kube/config:/kube/config:ro gatescope:0.1.0
#
# Stages: `build` installs everything and builds the SPA; `prod-deps` installs only what the
# server and the core need at run time (no Vite, React, TypeScript, test tools or the npm `node`
# package); the final stage copies those two results and the sources, and runs as a non-root user.

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY packages/core packages/core
COPY apps/web apps/web
COPY public public
RUN npm run build:web

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
# Only the server's and the core's production dependencies; tsx (and its esbuild) is one of them.
RUN npm ci --omit=dev --no-audit --no-fund -w @gatescope/server -w @gatescope/core \
  && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="gatescope" \
  org.opencontainers.image.description="Visual topology and route debugger for the Kubernetes Gateway API" \
  org.opencontainers.image.licenses="Apache-2.0"
WORKDIR /app
# No KUBECONFIG here: in a pod the server must find no kubeconfig so that it uses the in-cluster
# ServiceAccount. Outside a cluster, mount one and say where: -e KUBECONFIG=/kube/config.
ENV NODE_ENV=production \
  TMPDIR=/tmp
COPY --from=prod-deps /app ./
COPY tsconfig.base.json ./
COPY packages/core/src packages/core/src
COPY apps/server/bin apps/server/bin
COPY apps/server/src apps/server/src
COPY apps/server/tsconfig.json apps/server/
COPY public public
COPY --from=build /app/apps/web/dist apps/web/dist
# The image's own unprivileged "node" user, by number so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000
EXPOSE 7080
# Inside a container the listener must bind all interfaces of the container's own network
# namespace for a published port to reach it; publish it on the host's loopback only
# (-p 127.0.0.1:7080:7080). The Kubernetes Deployment overrides this with --host 127.0.0.1.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:7080/api/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "/app/apps/server/bin/gatescope.mjs"]
CMD ["serve", "--host", "0.0.0.0", "--port", "7080"]
