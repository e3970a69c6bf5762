#!/usr/bin/env bash
# Provides kube-apiserver + etcd for the integration tests, idempotently.
#
# 1. KUBEBUILDER_ASSETS (the envtest convention: a folder with kube-apiserver and etcd) wins.
# 2. Otherwise build both from the Go module proxy into a per-version cache outside the repo
#    (~/.cache/gatescope/kube/v<version>/bin), using the wrapper module in ./gomod. Its go.mod is
#    generated: require k8s.io/kubernetes vX.Y.Z and replace every k8s.io/<staging> module with
#    v0.Y.Z, the list read from k8s.io/kubernetes's own go.mod (which points them at ./staging,
#    a path that does not exist in the module proxy's copy).
#
# Prints the folder holding the binaries on its last line of stdout.
set -euo pipefail

K8S_VERSION="${GATESCOPE_K8S_VERSION:-1.36.3}"
ETCD_VERSION="${GATESCOPE_ETCD_VERSION:-3.6.8}"
HERE="$(cd "$(dirname "$0")" && pwd)"
CACHE_ROOT="${GATESCOPE_KUBE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gatescope/kube}"
OUT="$CACHE_ROOT/v$K8S_VERSION"

log() { echo "[kube-harness] $*" >&2; }

if [[ -n "${KUBEBUILDER_ASSETS:-}" ]]; then
  if [[ -x "$KUBEBUILDER_ASSETS/kube-apiserver" && -x "$KUBEBUILDER_ASSETS/etcd" ]]; then
    log "using KUBEBUILDER_ASSETS=$KUBEBUILDER_ASSETS"
    echo "$KUBEBUILDER_ASSETS"
    exit 0
  fi
  log "KUBEBUILDER_ASSETS=$KUBEBUILDER_ASSETS lacks kube-apiserver or etcd"
  exit 1
fi

if [[ -x "$OUT/bin/kube-apiserver" && -x "$OUT/bin/etcd" ]]; then
  log "cached: $OUT/bin"
  echo "$OUT/bin"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  log "neither KUBEBUILDER_ASSETS nor Go is available: cannot provide kube-apiserver/etcd"
  exit 1
fi

mkdir -p "$CACHE_ROOT"
# One builder at a time per version (tests and CI may call this concurrently).
exec 9>"$CACHE_ROOT/.v$K8S_VERSION.lock"
flock 9
if [[ -x "$OUT/bin/kube-apiserver" && -x "$OUT/bin/etcd" ]]; then
  echo "$OUT/bin"
  exit 0
fi

STARTED=$(date +%s)
WORK="$OUT/src"
rm -rf "$WORK"
mkdir -p "$WORK"
cp -R "$HERE/gomod/cmd" "$WORK/cmd"
cd "$WORK"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"

log "fetching k8s.io/kubernetes v$K8S_VERSION's go.mod"
KUBE_GOMOD="$(go mod download -json "k8s.io/kubernetes@v$K8S_VERSION" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p')"
[[ -f "$KUBE_GOMOD" ]] || { log "could not download k8s.io/kubernetes v$K8S_VERSION"; exit 1; }
STAGING=$(sed -n 's#^[[:space:]]*\(k8s\.io/[^[:space:]]*\) => \./staging/.*#\1#p' "$KUBE_GOMOD" | sort -u)
[[ -n "$STAGING" ]] || { log "no staging replaces found in $KUBE_GOMOD"; exit 1; }

{
  echo "module gatescope.local/kubebin"
  echo
  echo "go $(go env GOVERSION | sed 's/^go\([0-9]*\.[0-9]*\).*/\1/').0"
  echo
  echo "require ("
  echo "	go.etcd.io/etcd/server/v3 v$ETCD_VERSION"
  echo "	k8s.io/kubernetes v$K8S_VERSION"
  echo ")"
  echo
  echo "replace ("
  for module in $STAGING; do
    echo "	$module => $module v0.${K8S_VERSION#*.}"
  done
  echo ")"
} >go.mod

log "resolving modules (go mod tidy)"
go mod tidy >"$OUT/tidy.log" 2>&1 || { cat "$OUT/tidy.log" >&2; exit 1; }

log "building kube-apiserver v$K8S_VERSION and etcd v$ETCD_VERSION (first build takes minutes)"
MINOR="${K8S_VERSION#*.}"
MINOR="${MINOR%%.*}"
LDFLAGS="-s -w -X k8s.io/component-base/version.gitVersion=v$K8S_VERSION"
LDFLAGS+=" -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$MINOR"
rm -rf "$OUT/bin.tmp"
mkdir -p "$OUT/bin.tmp"
go build -ldflags "$LDFLAGS" -o "$OUT/bin.tmp/kube-apiserver" ./cmd/kube-apiserver
go build -ldflags "-s -w" -o "$OUT/bin.tmp/etcd" ./cmd/etcd
rm -rf "$OUT/bin"
mv "$OUT/bin.tmp" "$OUT/bin"
log "built in $(($(date +%s) - STARTED)) s: $OUT/bin"
echo "$OUT/bin"
