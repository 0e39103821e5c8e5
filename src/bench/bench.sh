#!/usr/bin/env bash
# archforge benchmark: median wall time, CPU time and peak RSS of whole processes, per case.
# Usage: src/bench/bench.sh [RUNS]   (default 5 runs after one warm-up; needs /usr/bin/time, mvn)
# Prints one table and the ratios the performance issue asks for. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
WORK=$(mktemp -d /tmp/archforge-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT   # also stops the bench's daemon: its socket goes with $WORK

echo "building the jar and the test classes ..." >&2
mvn -q -DskipTests package >&2
mvn -q test-compile >&2
LAUNCH=(./archforge)   # what users run: the launcher, with its JVM options (and its staleness check)
JAVA=$(ARCHFORGE_SHOW_COMMAND=1 ./archforge | sed -n 1p)   # the JVM the launcher picked; builds its start-up cache
export ARCHFORGE_CACHE_DIR="$WORK/cache"   # the run cache, kept apart from the user's

# The tools to compare with: a bare JVM and OpenAPI Generator's CLI, from Maven Central.
mkdir -p "$WORK/hello" "$WORK/oag"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' > "$WORK/hello/Hello.java"
javac --release 17 -d "$WORK/hello" "$WORK/hello/Hello.java"
mvn -q dependency:copy -Dartifact=org.openapitools:openapi-generator-cli:7.25.0 -DoutputDirectory="$WORK/oag" >&2
OAG=$(ls "$WORK"/oag/openapi-generator-cli-*.jar)

for n in 25 50 100 200; do
  java -cp target/test-classes dev.archforge.bench.LargeInput "$n" "$WORK/large-$n.yaml"
done

# measure NAME SETUP CMD...: SETUP runs before every run (not timed); prints "NAME wall cpu rss daemon-peak",
# the last the bench daemon's own peak RSS over this case's runs when $mode is WARM (Linux resets it on "5")
measure() {
  local name=$1 setup=$2; shift 2
  local walls=() cpus=() rsss=() pid
  local peak=-
  for pid in $(daemon_pids); do echo 5 > "/proc/$pid/clear_refs" || true; done
  for i in $(seq 0 "$RUNS"); do
    eval "$setup"
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; return 1; }
    [ "$i" -eq 0 ] && continue   # warm-up: file cache, JIT-less first run
    read -r wall user sys rss < "$WORK/time"
    walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)"); rsss+=("$rss")
  done
  [ "${mode:-}" = WARM ] && peak=$(daemon_rss VmHWM)
  printf '%-44s %8s %8s %8s %8s\n' "$name" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" \
    "$(( $(median "${rsss[@]}" | cut -d. -f1) / 1024 ))" "$peak"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Two ways to run each case: a fresh JVM per run (ARCHFORGE_DAEMON=off), and through the daemon
# (=on; the warm-up run starts it). The daemon lives in $WORK/run and stops when that folder goes.
export XDG_RUNTIME_DIR="$WORK/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
daemon_pids() { pgrep -f "dev.archforge.daemon.Daemon $WORK/run" || true; }
daemon_rss() {   # daemon_rss VmHWM|VmRSS: the bench daemon's peak or present resident set, MiB; "-" without one
  { for pid in $(daemon_pids); do awk -v f="$1:" '$1 == f {print int($2/1024)}' "/proc/$pid/status"; done; echo -; } \
    | sort -n | tail -1
}
stop_daemons() {   # stops the bench's daemons and waits until they are gone
  pkill -f "dev.archforge.daemon.Daemon $WORK/run" || true
  while [ -n "$(daemon_pids)" ]; do sleep 0.05; done
}
COLD=(env ARCHFORGE_DAEMON=off "${LAUNCH[@]}")
WARM=(env ARCHFORGE_DAEMON=on "${LAUNCH[@]}")
{
printf '%-44s %8s %8s %8s %8s\n' "case" "wall s" "cpu s" "rss MiB" "daemon"
measure "java Hello (bare JVM)" ":" "$JAVA" -cp "$WORK/hello" Hello
for mode in COLD WARM; do
  declare -n run="$mode"
  label=$([ "$mode" = COLD ] && echo "new JVM" || echo "daemon")
  if [ "$mode" = WARM ]; then   # a daemon that has served a few requests, and the client's start-up cache
    for i in 1 2 3 4 5; do "${run[@]}" generate samples/ecommerce.yaml -o "$WORK/warm-up" >/dev/null 2>&1; rm -rf "$WORK/warm-up"; done
    sleep 5   # the daemon collects its garbage a second after a request (and the Java client's cache is recorded)
  fi
  measure "generate ecommerce, fresh ($label)" "rm -rf $WORK/out" "${run[@]}" generate samples/ecommerce.yaml -o "$WORK/out"
  measure "generate ecommerce, unchanged ($label)" ":" "${run[@]}" generate samples/ecommerce.yaml -o "$WORK/out"
  measure "  the same, --no-cache ($label)" ":" "${run[@]}" generate samples/ecommerce.yaml -o "$WORK/out" --no-cache
  for n in 25 50 100 200; do
    measure "generate large $n entities ($label)" "rm -rf $WORK/out-$n" "${run[@]}" generate "$WORK/large-$n.yaml" -o "$WORK/out-$n"
  done
  measure "decide ecommerce ($label)" ":" "${run[@]}" decide samples/ecommerce.yaml
  if [ "$mode" = WARM ]; then   # the first run in a while: the client starts a new daemon, which runs it cold
    sleep 7   # first, what the daemon holds while it waits: it collects a second after a request, trims its C heap every 5 s
    daemon_rss VmRSS > "$WORK/waiting"   # (this block runs in a subshell)
    measure "generate ecommerce, first (new daemon)" "stop_daemons; rm -rf $WORK/out" \
      "${run[@]}" generate samples/ecommerce.yaml -o "$WORK/out"
  fi
done
mode=
measure "sha256sum of the inputs+outputs" ":" sh -c "sha256sum samples/ecommerce.yaml \$(find $WORK/out -type f) >/dev/null"
SPEC=$(ls "$WORK"/out/backend-architect/api/*/openapi.yaml | sed -n 1p)
measure "openapi-generator markdown (1 spec)" "rm -rf $WORK/oag-out" "$JAVA" -jar "$OAG" generate -g markdown -i "$SPEC" -o "$WORK/oag-out"
} | tee "$WORK/table"
echo "rss: the measured process's peak (through the daemon, the client's); daemon: the daemon's own peak over the case's runs"
echo "the daemon waiting after the cases above: $(cat "$WORK/waiting") MiB"

awk '
  function wall() { return $(NF-3) }
  /^java Hello/ {hello=wall()}
  /^generate ecommerce, fresh \(new JVM\)/ {cold=wall(); cold_rss=$(NF-1)}
  /^generate ecommerce, fresh \(daemon\)/ {warm=wall(); warm_rss=$NF}
  /^generate ecommerce, unchanged \(new JVM\)/ {cold_noop=wall()}
  /^generate ecommerce, unchanged \(daemon\)/ {warm_noop=wall()}
  /^generate large 100 entities \(new JVM\)/ {cold_large=wall(); cold_large_rss=$(NF-1)}
  /^generate large 100 entities \(daemon\)/ {warm_large=wall(); warm_large_rss=$NF}
  /^sha256sum/ {hash=wall()}
  /^openapi-generator/ {oag=wall()}
  END {
    printf "\n%-52s %14s %14s\n", "target (issue 8)", "new JVM", "daemon"
    printf "%-52s %13.1fx %13.1fx\n", "fresh / bare JVM (<= 10x)", cold/hello, warm/hello
    printf "%-52s %10s MiB %10s MiB\n", "fresh peak RSS (<= 150 MiB; daemon: its own)", cold_rss, warm_rss
    printf "%-52s %13.1fx %13.1fx\n", "(unchanged - hashing) / bare JVM (<= 1.5x)", (cold_noop-hash)/hello, (warm_noop-hash)/hello
    printf "%-52s %12.2fs %12.2fs\n", "large, 100 entities (<= 2 s)", cold_large, warm_large
    printf "%-52s %10s MiB %10s MiB\n", "large, 100 entities peak RSS (<= 300 MiB)", cold_large_rss, warm_large_rss
    printf "%-52s %13.1fx %13.1fx\n", "openapi-generator / archforge fresh (>= 4x)", oag/cold, oag/warm
  }' "$WORK/table"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; the launcher's JVM (also the bare one): $JAVA, $("$JAVA" -version 2>&1 | sed -n 1p)"
