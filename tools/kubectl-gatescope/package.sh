#!/usr/bin/env bash
# Builds the krew release archive of the plugin reproducibly (same bytes on every machine with GNU
# tar and gzip) and prints its sha256. With --update, also writes that sha256 into plugin.yaml, so
# the manifest always describes exactly the archive this script builds (a unit test checks it).
#
#   tools/kubectl-gatescope/package.sh [--update] [OUT_DIR]   (default OUT_DIR: ./dist)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
update="false"
if [[ "${1:-}" == "--update" ]]; then
  update="true"
  shift
fi
out_dir="${1:-${here}/dist}"
version="$(sed -n 's/^VERSION="\(.*\)"$/\1/p' "${here}/kubectl-gatescope")"
[[ -n "${version}" ]] || { echo "package.sh: no VERSION in kubectl-gatescope" >&2; exit 1; }
archive="${out_dir}/kubectl-gatescope-v${version}.tar.gz"
mkdir -p "${out_dir}"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --mode=0755 --format=gnu \
  -C "${here}" -cf - kubectl-gatescope | gzip -n -9 >"${archive}"
sha="$(sha256sum "${archive}" | cut -d' ' -f1)"
if [[ "${update}" == "true" ]]; then
  sed -i "s/^\(\s*sha256:\s*\).*/\1${sha}/" "${here}/plugin.yaml"
fi
echo "${archive} ${sha}"
