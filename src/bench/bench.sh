#!/usr/bin/env bash
# archforge benchmark: median wall time, CPU time and peak RSS of whole processes, per case.
# Usage: src/bench/bench.sh [RUNS]   (default 5 runs after one warm-up; needs /usr/bin/time, mvn)
# Prints one table and the ratios the performance issue asks for. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
WORK=$(mktemp -d /tmp/archforge-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

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

# measure NAME SETUP CMD...: SETUP runs before every run (not timed); prints "NAME wall cpu rss"
measure() {
  local name=$1 setup=$2; shift 2
  local walls=() cpus=() rsss=()
  for i in $(seq 0 "$RUNS"); do
    eval "$setup"
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; return 1; }
    [ "$i" -eq 0 ] && continue   # warm-up: file cache, JIT-less first run
    read -r wall user sys rss < "$WORK/time"
    walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)"); rsss+=("$rss")
  done
  printf '%-34s %8s %8s %8s\n' "$name" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" \
    "$(( $(median "${rsss[@]}" | cut -d. -f1) / 1024 ))"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

{
printf '%-34s %8s %8s %8s\n' "case" "wall s" "cpu s" "rss MiB"
measure "java Hello (bare JVM)" ":" "$JAVA" -cp "$WORK/hello" Hello
measure "generate ecommerce (fresh)" "rm -rf $WORK/out" "${LAUNCH[@]}" generate samples/ecommerce.yaml -o "$WORK/out"
measure "generate ecommerce (unchanged)" ":" "${LAUNCH[@]}" generate samples/ecommerce.yaml -o "$WORK/out"
measure "  the same, --no-cache" ":" "${LAUNCH[@]}" generate samples/ecommerce.yaml -o "$WORK/out" --no-cache
measure "sha256sum of the inputs+outputs" ":" sh -c "sha256sum samples/ecommerce.yaml \$(find $WORK/out -type f) >/dev/null"
for n in 25 50 100 200; do
  measure "generate large $n entities" "rm -rf $WORK/out-$n" "${LAUNCH[@]}" generate "$WORK/large-$n.yaml" -o "$WORK/out-$n"
done
SPEC=$(ls "$WORK"/out/backend-architect/api/*/openapi.yaml | sed -n 1p)
measure "openapi-generator markdown (1 spec)" "rm -rf $WORK/oag-out" "$JAVA" -jar "$OAG" generate -g markdown -i "$SPEC" -o "$WORK/oag-out"
measure "archforge decide ecommerce" ":" "${LAUNCH[@]}" decide samples/ecommerce.yaml
} | tee "$WORK/table"

awk '
  /^java Hello/ {hello=$(NF-2)}
  /^generate ecommerce \(fresh\)/ {fresh=$(NF-2); fresh_rss=$NF}
  /^generate ecommerce \(unchanged\)/ {noop=$(NF-2)}
  /^sha256sum/ {hash=$(NF-2)}
  /^openapi-generator/ {oag=$(NF-2)}
  END {
    printf "\nfresh / bare JVM: %.1fx (target <= 10x), peak RSS %s MiB (target <= 150)\n", fresh/hello, fresh_rss
    printf "unchanged: %.2f s = %.1fx bare JVM + hashing %.2f s (target <= 1.5x + hashing)\n", noop, (noop-hash)/hello, hash
    printf "openapi-generator / archforge fresh: %.1fx (target >= 4x)\n", oag/fresh
  }' "$WORK/table"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; the launcher's JVM (also the bare one): $JAVA, $("$JAVA" -version 2>&1 | sed -n 1p)"
