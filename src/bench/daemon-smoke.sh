#!/usr/bin/env bash
# The launcher end to end, with and without the daemon: the same command prints the same, exits the
# same and writes the same files either way (and a second, unchanged run too). Run by .ci/run after
# the tests; needs the jar (./archforge builds it). Stops its daemon by removing its socket folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mktemp -d /tmp/archforge-smoke.XXXXXX)
export XDG_RUNTIME_DIR="$WORK/run" ARCHFORGE_CACHE_DIR="$WORK/cache" SOURCE_DATE_EPOCH=1767225600
mkdir -m 700 "$XDG_RUNTIME_DIR"
trap 'rm -rf "$WORK"' EXIT
./archforge --version >/dev/null 2>&1   # builds the jar and records the start-up cache first
run() {   # run MODE NAME ARGS...: stdout, stderr and exit code of one launcher run, paths made alike
  local mode=$1 name=$2; shift 2
  local code=0
  ARCHFORGE_DAEMON=$mode ./archforge "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || code=$?
  echo "$code" >"$WORK/$name.code"
  sed -i "s|$WORK/[a-z]*/|OUT/|g" "$WORK/$name.out" "$WORK/$name.err"
}
for mode in off on; do
  run "$mode" "$mode-fresh" generate samples/saas-projects.yaml -o "$WORK/$mode/"
  run "$mode" "$mode-again" generate samples/saas-projects.yaml -o "$WORK/$mode/" --json
  run "$mode" "$mode-decide" decide samples/minimal.yaml
  run "$mode" "$mode-bad" generate samples/no-such-file.yaml -o "$WORK/$mode/"
done
for name in fresh again decide bad; do
  for part in out err code; do
    cmp "$WORK/off-$name.$part" "$WORK/on-$name.$part" || { echo "daemon smoke: $name.$part differs" >&2; diff "$WORK/off-$name.$part" "$WORK/on-$name.$part" >&2; exit 1; }
  done
done
diff -r "$WORK/off" "$WORK/on" >/dev/null || { echo "daemon smoke: the workspaces differ" >&2; exit 1; }
[ -S "$(ls "$XDG_RUNTIME_DIR"/archforge/*.sock)" ] || { echo "daemon smoke: no daemon answered" >&2; exit 1; }
[ "$(cat "$WORK/on-bad.code")" = 2 ] || { echo "daemon smoke: bad input did not exit 2" >&2; exit 1; }
# A folder removed and made again (a fresh clone, say): the daemon of the old one must not write
# into the removed folder; the run lands in the new one.
here=$PWD
for round in 1 2; do
  rm -rf "$WORK/proj" && mkdir "$WORK/proj" && cp samples/minimal.yaml "$WORK/proj/in.yaml"
  (cd "$WORK/proj" && ARCHFORGE_DAEMON=on "$here/archforge" generate in.yaml -o ws >/dev/null)
  [ -f "$WORK/proj/ws/backend-architect/README.md" ] || { echo "daemon smoke: round $round wrote nowhere to be seen" >&2; exit 1; }
done
echo "daemon smoke: launcher with and without the daemon agree ($(cat "$WORK/on-fresh.out" | wc -l) lines, exit codes $(cat "$WORK"/on-*.code | tr '\n' ' '))"
