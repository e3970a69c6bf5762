#!/usr/bin/env bash
# Smoke-tests the runtime image without Docker (no engine runs on the project's machines): builds
# the filesystem the Dockerfile's runtime stage describes — production dependencies from
# `npm ci --omit=dev` (the prod-deps stage), then each COPY of the runtime stage, the SPA from
# apps/web/dist (build it first: npm run build:web) — makes it read-only, and runs the image's
# ENTRYPOINT as its non-root USER: `serve --no-cluster` must answer /api/healthz and the SPA, and
# `analyze` must work from another working directory. Needs root (to switch user), the npm
# registry and Node >= 22 (the repo's node_modules/.bin/node).
#
#   bash tools/docker-lint/emulate-image.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
node_bin="$(readlink -f "${repo}/node_modules/.bin/node")"
work="$(mktemp -d)"
chmod 755 "${work}" # mktemp makes it 0700: the image user must traverse it
app="${work}/app"
pid=""
cleanup() {
  if [[ -n "${pid}" ]]; then kill "${pid}" 2>/dev/null || true; fi
  chmod -R u+w "${work}" 2>/dev/null || true
  rm -rf "${work}"
}
trap cleanup EXIT

[[ -f "${repo}/apps/web/dist/index.html" ]] || { echo "build the SPA first: npm run build:web" >&2; exit 1; }
user="$(sed -n 's/^USER \([0-9]*\):\([0-9]*\)$/\1:\2/p' "${repo}/Dockerfile")"
[[ -n "${user}" ]] || { echo "no numeric USER in the Dockerfile" >&2; exit 1; }

# prod-deps stage: every workspace manifest and the lock file, then the production install.
mkdir -p "${app}"
cp "${repo}/package.json" "${repo}/package-lock.json" "${app}/"
for manifest in "${repo}"/packages/*/package.json "${repo}"/apps/*/package.json; do
  rel="${manifest#"${repo}/"}"
  mkdir -p "${app}/$(dirname "${rel}")"
  cp "${manifest}" "${app}/${rel}"
done
eval "$(sed -n 's/^RUN \(npm ci --omit=dev.*\) \\$/prod_install="\1"/p' "${repo}/Dockerfile")"
[[ -n "${prod_install:-}" ]] || { echo "no npm ci --omit=dev in the Dockerfile" >&2; exit 1; }
(cd "${app}" && ${prod_install} >/dev/null)

# runtime stage: its COPY instructions from the build context (--from= stages handled above/below).
sed -n '/^FROM .* AS runtime/,$p' "${repo}/Dockerfile" | grep '^COPY ' | grep -v -- '--from=' |
  while read -r _ src dest; do
    target="${app}/${dest%/}"
    [[ "${dest}" == */ || "${dest}" == "./" ]] && target="${app}/${dest%/}/$(basename "${src}")"
    mkdir -p "$(dirname "${target}")"
    cp -a "${repo}/${src}" "${target}"
  done
mkdir -p "${app}/apps/web"
cp -a "${repo}/apps/web/dist" "${app}/apps/web/dist"
du -sh "${app}" "${app}/node_modules"
chmod -R a-w "${app}"
mkdir -p "${work}/tmp" && chmod 1777 "${work}/tmp"

entry="$(sed -n 's/^ENTRYPOINT \["node", "\(.*\)"\]$/\1/p' "${repo}/Dockerfile")"
entry="${work}${entry}"
as_user() {
  setpriv --reuid="${user%%:*}" --regid="${user##*:}" --clear-groups \
    env -i PATH=/usr/bin:/bin TMPDIR="${work}/tmp" HOME="${work}/tmp" NODE_ENV=production "$@"
}

port=$((20000 + RANDOM % 20000))
as_user "${node_bin}" "${entry}" serve --host 127.0.0.1 --port "${port}" --no-cluster >"${work}/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:${port}/api/healthz" >/dev/null 2>&1 && break
  kill -0 "${pid}" 2>/dev/null || { cat "${work}/serve.log"; exit 1; }
  sleep 0.2
done
curl -fsS "http://127.0.0.1:${port}/api/healthz"
echo
curl -fsS "http://127.0.0.1:${port}/" | grep -q '<div id="root"' && echo "SPA served"
(cd "${repo}/public/scenarios" && as_user "${node_bin}" "${entry}" analyze -f demo.yaml --format json >"${work}/analyze.json") ||
  status=$?
echo "analyze exit ${status:-0} (the demo has errors: 1 expected), $(wc -c <"${work}/analyze.json") bytes of JSON"
[[ "${status:-0}" == "1" ]]
echo "emulated image OK"
