# syntax=docker/dockerfile:1
# Gatescope: the bundled server (one ESM file with its dependencies) plus the built SPA.
#
#   docker build -t gatescope:0.1.0 .
#   docker run --rm -p 127.0.0.1:7080:7080 -e KUBECONFIG=/kube/config \
#     -v ~/.kube/config:/kube/config:ro gatescope:0.1.0
#
# Stages: `build` installs everything, builds the SPA and bundles the server with esbuild (the
# same bundle `npm start` runs); the final stage copies only those two results, the demo scenarios
# and package.json (for --version) onto the base image, with no node_modules and no sources, and
# runs as a non-root user. Without sources beside it the launcher always runs the bundle.

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
COPY apps/server apps/server
COPY apps/web apps/web
COPY public public
RUN npm run build:web && npm run build -w @gatescope/server

FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="gatescope" \
  org.opencontainers.image.description="Visual topology and route debugger for the Kubernetes Gateway API" \
  org.opencontainers.image.licenses="Apache-2.0"
WORKDIR /app
# No KUBECONFIG here: in a pod the server must find no kubeconfig so that it uses the in-cluster
# ServiceAccount. Outside a cluster, mount one and say where: -e KUBECONFIG=/kube/config.
ENV NODE_ENV=production \
  TMPDIR=/tmp
COPY package.json ./
COPY apps/server/bin apps/server/bin
COPY public public
COPY --from=build /app/apps/server/dist apps/server/dist
COPY --from=build /app/apps/web/dist apps/web/dist
# The image's own unprivileged "node" user, by number so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000
EXPOSE 7080
# Inside a container the listener must bind all interfaces of the container's own network
# namespace for a published port to reach it; publish it on the host's loopback only
# (-p 127.0.0.1:7080:7080). The Kubernetes Deployment overrides this with --host 127.0.0.1.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:7080/api/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The V8 flag `npm start` uses: a small young generation keeps RSS down (BENCHMARKS.md, server).
ENTRYPOINT ["node", "--max-semi-space-size=4", "/app/apps/server/bin/gatescope.mjs"]
CMD ["serve", "--host", "0.0.0.0", "--port", "7080"]
