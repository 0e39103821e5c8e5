#!/usr/bin/env bash
# The launcher end to end, with and without the daemon, through the native client and the Java one:
# the same command prints the same, exits the same and writes the same files every way (and a second,
# unchanged run too), and Ctrl-C stops a run before it writes. Run by .ci/run after the tests; needs
# the jar and a C compiler (./archforge builds both clients). Stops its daemons by removing their
# socket folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mktemp -d /tmp/archforge-smoke.XXXXXX)
export XDG_RUNTIME_DIR="$WORK/run" ARCHFORGE_CACHE_DIR="$WORK/cache" SOURCE_DATE_EPOCH=1767225600
mkdir -m 700 "$XDG_RUNTIME_DIR"
trap 'rm -rf "$WORK"' EXIT
./archforge --version >/dev/null 2>&1   # builds the jar and records the start-up cache first
run() {   # run MODE NAME ARGS...: stdout, stderr and exit code of one launcher run, paths made alike
  local mode=$1 name=$2; shift 2
  local code=0 daemon=on client=native
  case $mode in off) daemon=off ;; java) client=java ;; esac
  ARCHFORGE_DAEMON=$daemon ARCHFORGE_CLIENT=$client ./archforge "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || code=$?
  echo "$code" >"$WORK/$name.code"
  sed -i "s|$WORK/[a-z]*/|OUT/|g" "$WORK/$name.out" "$WORK/$name.err"
}
for mode in off on java; do
  run "$mode" "$mode-fresh" generate samples/saas-projects.yaml -o "$WORK/$mode/"
  run "$mode" "$mode-again" generate samples/saas-projects.yaml -o "$WORK/$mode/" --json
  run "$mode" "$mode-decide" decide samples/minimal.yaml
  run "$mode" "$mode-bad" generate samples/no-such-file.yaml -o "$WORK/$mode/"
done
for mode in on java; do
  for name in fresh again decide bad; do
    for part in out err code; do
      cmp "$WORK/off-$name.$part" "$WORK/$mode-$name.$part" || { echo "daemon smoke ($mode): $name.$part differs" >&2; diff "$WORK/off-$name.$part" "$WORK/$mode-$name.$part" >&2; exit 1; }
    done
  done
  diff -r "$WORK/off" "$WORK/$mode" >/dev/null || { echo "daemon smoke ($mode): the workspaces differ" >&2; exit 1; }
done
[ -x target/archforge-client ] || { echo "daemon smoke: the launcher built no native client" >&2; exit 1; }
[ "$(ls "$XDG_RUNTIME_DIR"/archforge/*.sock | wc -l)" = 2 ] || { echo "daemon smoke: a client did not reach its daemon (one each expected)" >&2; exit 1; }
[ "$(cat "$WORK/on-bad.code")" = 2 ] || { echo "daemon smoke: bad input did not exit 2" >&2; exit 1; }
# On a terminal (script(1) gives the run one) in the C locale: Java 17 then prints in ASCII, Java 25
# in UTF-8; the native client, which has no JVM to ask, must get the same bytes from the daemon.
if command -v script >/dev/null; then
  for mode in off on; do
    script -qc "env LANG=C LC_ALL=C ARCHFORGE_DAEMON=$mode ./archforge decide samples/ecommerce.yaml" /dev/null >"$WORK/tty-$mode.out"
  done
  cmp "$WORK/tty-off.out" "$WORK/tty-on.out" || { echo "daemon smoke: a terminal in the C locale gets other bytes" >&2; exit 1; }
fi
# A folder removed and made again (a fresh clone, say): the daemon of the old one must not write
# into the removed folder; the run lands in the new one.
here=$PWD
for round in 1 2; do
  rm -rf "$WORK/proj" && mkdir "$WORK/proj" && cp samples/minimal.yaml "$WORK/proj/in.yaml"
  (cd "$WORK/proj" && ARCHFORGE_DAEMON=on "$here/archforge" generate in.yaml -o ws >/dev/null)
  [ -f "$WORK/proj/ws/backend-architect/README.md" ] || { echo "daemon smoke: round $round wrote nowhere to be seen" >&2; exit 1; }
done
# Ctrl-C in a terminal: SIGINT to the launcher's whole process group (job control gives the
# background job one, with SIGINT not ignored) while the daemon runs. The input is a named pipe:
# opening it waits until the daemon reads it, so the signal comes mid-run (no run cache: it would
# read the input once more). The launcher ends by the signal (130), says why, and neither the
# daemon nor the launcher writes anything after it.
for client in native java; do
  rm -rf "$WORK/stopped" "$WORK/in.yaml"
  mkfifo "$WORK/in.yaml"
  set -m
  ARCHFORGE_CACHE_DIR=off ARCHFORGE_DAEMON=on ARCHFORGE_CLIENT=$client ./archforge generate "$WORK/in.yaml" -o "$WORK/stopped" \
    >/dev/null 2>"$WORK/stopped.err" &
  job=$!
  set +m
  # Opening the pipe waits for the daemon to read it; then Ctrl-C, then the input. At most a minute.
  timeout 60 bash -c 'exec 3>"$1"; kill -INT -- "-$2"; sleep 0.2; cat samples/minimal.yaml >&3' _ "$WORK/in.yaml" "$job" \
    || { echo "daemon smoke ($client): the daemon never read its input" >&2; kill -- "-$job"; exit 1; }
  code=0; wait "$job" || code=$?
  ARCHFORGE_DAEMON=on ARCHFORGE_CLIENT=$client ./archforge decide samples/minimal.yaml >/dev/null   # the daemon is done with it
  [ "$code" = 130 ] && [ "$(cat "$WORK/stopped.err")" = "interrupted; nothing was written" ] && [ ! -e "$WORK/stopped" ] \
    || { echo "daemon smoke ($client): Ctrl-C gave exit $code, '$(cat "$WORK/stopped.err")', files: $(ls "$WORK/stopped" 2>&1)" >&2; exit 1; }
done
echo "daemon smoke: launcher with and without the daemon, native and Java client agree ($(cat "$WORK/on-fresh.out" | wc -l) lines, exit codes $(cat "$WORK"/on-*.code | tr '\n' ' '))"
