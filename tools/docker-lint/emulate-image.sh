#!/usr/bin/env bash
# Smoke-tests the runtime image without Docker (no engine runs on the project's machines): builds
# the filesystem the Dockerfile's runtime stage describes — each COPY of the runtime stage, from
# the build context or from the build stage's results (the server bundle and the SPA, built here
# the way that stage builds them) — makes it read-only, and runs the image's ENTRYPOINT as its
# non-root USER with nothing but that filesystem: `serve --no-cluster` must answer /api/healthz, the
# SPA and /metrics (analysed by its worker), and `analyze` must work from another working directory. Needs root (to switch user) and
# Node >= 22 (the repo's node_modules/.bin/node).
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

user="$(sed -n 's/^USER \([0-9]*\):\([0-9]*\)$/\1:\2/p' "${repo}/Dockerfile")"
[[ -n "${user}" ]] || { echo "no numeric USER in the Dockerfile" >&2; exit 1; }

# build stage: the results the runtime stage takes from it.
(cd "${repo}" && npm run --silent build:web >/dev/null && npm run --silent build -w @gatescope/server >/dev/null)

# runtime stage: its COPY instructions, from the build context or (--from=build /app/X) the build.
mkdir -p "${app}"
sed -n '/^FROM .* AS runtime/,$p' "${repo}/Dockerfile" | grep '^COPY ' |
  while read -r _ first second third; do
    if [[ "${first}" == --from=build ]]; then
      src="${second#/app/}" dest="${third}"
    else
      src="${first}" dest="${second}"
    fi
    target="${app}/${dest%/}"
    [[ "${dest}" == */ || "${dest}" == "./" ]] && target="${app}/${dest%/}/$(basename "${src}")"
    mkdir -p "$(dirname "${target}")"
    cp -a "${repo}/${src}" "${target}"
  done
[[ ! -e "${app}/node_modules" ]] || { echo "the runtime image must not carry node_modules" >&2; exit 1; }
du -sh "${app}"
chmod -R a-w "${app}"
mkdir -p "${work}/tmp" && chmod 1777 "${work}/tmp"

# ENTRYPOINT ["node", <flags>..., "/app/..."]: the flags as they are, the launcher under ${work}.
entrypoint="$(sed -n 's/^ENTRYPOINT \[\(.*\)\]$/\1/p' "${repo}/Dockerfile" | tr -d '"' | tr ',' ' ')"
read -r -a entry_words <<<"${entrypoint}"
[[ "${entry_words[0]:-}" == node ]] || { echo "ENTRYPOINT must start with node" >&2; exit 1; }
node_flags=("${entry_words[@]:1:${#entry_words[@]}-2}")
entry="${work}${entry_words[-1]}"
as_user() {
  setpriv --reuid="${user%%:*}" --regid="${user##*:}" --clear-groups \
    env -i PATH=/usr/bin:/bin TMPDIR="${work}/tmp" HOME="${work}/tmp" NODE_ENV=production "$@"
}

port=$((20000 + RANDOM % 20000))
as_user "${node_bin}" "${node_flags[@]}" "${entry}" serve --host 127.0.0.1 --port "${port}" --no-cluster >"${work}/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:${port}/api/healthz" >/dev/null 2>&1 && break
  kill -0 "${pid}" 2>/dev/null || { cat "${work}/serve.log"; exit 1; }
  sleep 0.2
done
curl -fsS "http://127.0.0.1:${port}/api/healthz"
echo
curl -fsS "http://127.0.0.1:${port}/" | grep -q '<div id="root"' && echo "SPA served"
# /metrics' analysis runs in the bundled worker beside the server bundle: it must be in the image.
metrics="$(curl -fsS "http://127.0.0.1:${port}/metrics")"
if ! grep -q '^gatescope_routes{accepted="true"} [1-9]' <<<"${metrics}" ||
  grep -q '^gatescope_analysis_failed 1' <<<"${metrics}"; then
  echo "/metrics has no analysis health:" >&2
  grep '^gatescope_\(routes\|analysis\)' <<<"${metrics}" >&2 || true
  exit 1
fi
echo "/metrics analysed by the bundled worker"
(cd "${repo}/public/scenarios" && as_user "${node_bin}" "${node_flags[@]}" "${entry}" analyze -f demo.yaml --format json >"${work}/analyze.json") ||
  status=$?
echo "analyze exit ${status:-0} (the demo has errors: 1 expected), $(wc -c <"${work}/analyze.json") bytes of JSON"
[[ "${status:-0}" == "1" ]]
echo "emulated image OK"
