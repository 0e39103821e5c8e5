#!/usr/bin/env bash
# archforge benchmark: median wall time, CPU time and peak RSS of whole processes, per case, each
# a new JVM started by the launcher (what every user and CI get).
# Usage: src/bench/bench.sh [RUNS]   (default 5 runs after one warm-up; needs /usr/bin/time, bc, mvn)
# Prints one table and the ratios the performance targets ask for. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
WORK=$(mktemp -d /tmp/archforge-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

echo "building the jar and the test classes ..." >&2
mvn -q -DskipTests package >&2
mvn -q test-compile >&2
RUN=(./archforge)   # what users run: the launcher, with its JVM options (and its staleness check)
JAVA=$(ARCHFORGE_SHOW_COMMAND=1 ./archforge | sed -n 1p)   # the JVM the launcher picked; builds its start-up cache
export ARCHFORGE_CACHE_DIR="$WORK/cache"   # the run cache, kept apart from the user's

# The tools to compare with: a bare JVM and OpenAPI Generator's CLI, from Maven Central.
mkdir -p "$WORK/hello" "$WORK/oag" "$WORK/batch"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' > "$WORK/hello/Hello.java"
javac --release 17 -d "$WORK/hello" "$WORK/hello/Hello.java"
mvn -q dependency:copy -Dartifact=org.openapitools:openapi-generator-cli:7.25.0 -DoutputDirectory="$WORK/oag" >&2
OAG=$(ls "$WORK"/oag/openapi-generator-cli-*.jar)

for n in 25 50 100 200; do
  java -cp target/test-classes dev.archforge.bench.LargeInput "$n" "$WORK/large-$n.yaml"
done
# Size: 1,000 and 5,000 entities of 10 fields, and 20,000 of one field (one line each, so that the
# file stays under the loader's 3 MiB of text); generated with --dry-run (render and validate all).
for n in 1000 5000; do
  java -cp target/test-classes dev.archforge.bench.LargeInput "$n" "$WORK/size-$n.yaml"
done
java -cp target/test-classes dev.archforge.bench.LargeInput 20000 "$WORK/size-20000.yaml" large 1
# The batch: the samples and 45 generated inputs of 5 to 14 entities, each its own project.
cp samples/*.yaml "$WORK/batch/"
for i in $(seq 1 45); do
  java -cp target/test-classes dev.archforge.bench.LargeInput $((5 + i % 10)) "$WORK/batch/gen-$i.yaml" "gen-$i"
done
BATCH=("$WORK"/batch/*.yaml)

# measure NAME SETUP CMD...: SETUP runs before every run (not timed); prints "NAME wall cpu rss"
measure() {
  local name=$1 setup=$2; shift 2
  local walls=() cpus=() rsss=()
  for i in $(seq 0 "${SIZE_RUNS:-$RUNS}"); do
    eval "$setup"
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; return 1; }
    [ "$i" -eq 0 ] && continue   # warm-up: the file cache
    read -r wall user sys rss < "$WORK/time"
    walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)"); rsss+=("$rss")
  done
  printf '%-44s %8s %8s %8s\n' "$name" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" \
    "$(( $(median "${rsss[@]}" | cut -d. -f1) / 1024 ))"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

{
printf '%-44s %8s %8s %8s\n' "case" "wall s" "cpu s" "rss MiB"
measure "java Hello (bare JVM)" ":" "$JAVA" -cp "$WORK/hello" Hello
measure "generate ecommerce, fresh" "rm -rf $WORK/out" "${RUN[@]}" generate samples/ecommerce.yaml -o "$WORK/out"
measure "generate ecommerce, unchanged" ":" "${RUN[@]}" generate samples/ecommerce.yaml -o "$WORK/out"
measure "  the same, --no-cache" ":" "${RUN[@]}" generate samples/ecommerce.yaml -o "$WORK/out" --no-cache
for n in 25 50 100 200; do
  measure "generate large $n entities" "rm -rf $WORK/out-$n" "${RUN[@]}" generate "$WORK/large-$n.yaml" -o "$WORK/out-$n"
done
for n in 1000 5000 20000; do
  SIZE_RUNS=1 measure "generate $n entities (dry run)" ":" "${RUN[@]}" generate "$WORK/size-$n.yaml" -o "$WORK/out-size" \
    --dry-run --no-cache
done
measure "generate batch of ${#BATCH[@]} inputs, fresh" "rm -rf $WORK/out-batch" \
  "${RUN[@]}" generate "${BATCH[@]}" -o "$WORK/out-batch"
measure "decide ecommerce" ":" "${RUN[@]}" decide samples/ecommerce.yaml
SPEC=$(ls "$WORK"/out/backend-architect/api/*/openapi.yaml | sed -n 1p)
measure "openapi-generator markdown (1 spec)" "rm -rf $WORK/oag-out" "$JAVA" -jar "$OAG" generate -g markdown -i "$SPEC" -o "$WORK/oag-out"
} | tee "$WORK/table"

awk -v inputs="${#BATCH[@]}" '
  function wall() { return $(NF-2) }
  /^java Hello/ {hello=wall()}
  /^generate ecommerce, fresh/ {fresh=wall(); fresh_rss=$NF}
  /^generate large 25 / {l25=wall()}
  /^generate large 50 / {l50=wall()}
  /^generate large 100 / {l100=wall(); l100_rss=$NF}
  /^generate large 200 / {l200=wall()}
  /^generate batch/ {batch=wall()}
  /^generate 1000 entities/ {k1=wall()}
  /^generate 5000 entities/ {k5=wall()}
  /^generate 20000 entities/ {k20=wall()}
  /^openapi-generator/ {oag=wall()}
  END {
    printf "\n%-52s %10s\n", "target", "measured"
    printf "%-52s %9.1fx\n", "ecommerce fresh / bare JVM (<= 15x)", fresh/hello
    printf "%-52s %6s MiB\n", "ecommerce fresh peak RSS (<= 150 MiB)", fresh_rss
    printf "%-52s %9.2fs\n", "100 entities (<= 2 s)", l100
    printf "%-52s %6s MiB\n", "100 entities peak RSS (<= 300 MiB)", l100_rss
    printf "%-52s %s\n", "25/50/100/200 entities (linear)", l25 " / " l50 " / " l100 " / " l200 " s"
    printf "%-52s %s\n", "1k/5k/20k entities, dry run (linear)", k1 " / " k5 " / " k20 " s"
    printf "%-52s %9.3fs\n", "batch, per input (<= 0.2 s)", batch/inputs
    printf "%-52s %9.1fx\n", "openapi-generator / ecommerce fresh (>= 2x)", oag/fresh
  }' "$WORK/table"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; the launcher's JVM (also the bare one): $JAVA, $("$JAVA" -version 2>&1 | sed -n 1p)"

# Any valid system, 2,000 random cases (the suite runs 200): every validator and the checks across
# files accept every artifact.
echo "property test: 2,000 random valid systems ..." >&2
/usr/bin/time -f "property test, 2000 cases: %e s" mvn -q -o test -Dtest=AnyValidInputPropertyTest \
  -Djqwik.tries.default=2000 -Dsurefire.failIfNoSpecifiedTests=false
