#!/usr/bin/env bash
# Benchmark: `nbci pair check` over 1,000 generated notebook/script pairs, run as a whole
# command-line process (java -jar shared-core/target/nbci.jar), against the 2 s wall target.
# Builds the jar when needed, generates the pairs (python3-nbformat writes the notebooks,
# `nbci pair sync --from ipynb` writes their scripts), checks they agree, then times the check
# with hyperfine (apt-get install hyperfine) or, without it, with repeated runs.
#
#   bench/pair-check/run.sh [PAIRS]        # default 1000; BENCH_RUNS=10 runs per variant
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pairs="${1:-1000}"
runs="${BENCH_RUNS:-10}"
target=2.0
jar="$root/shared-core/target/nbci.jar"

"$root/nbci" --version >/dev/null            # builds the jar when it is missing or stale
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "generating $pairs pairs in $work ..."
/usr/bin/python3 "$root/bench/pair-check/generate.py" "$work" "$pairs"
java -jar "$jar" pair sync --from ipynb "$work" | tail -1
java -jar "$jar" pair check "$work" | tail -1       # must exit 0: every pair agrees
echo "data: $(du -sh "$work" | cut -f1) in $(find "$work" -type f | wc -l) files; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# variant name | JVM options (the ./nbci launcher uses the tuned set unless NBCI_JAVA_OPTS is set)
variants=(
  "default JVM|"
  "tuned (C1 only, serial GC)|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
)
jsa="$root/shared-core/target/nbci.jsa"   # the AppCDS archive the ./nbci launcher makes, when it does
if [ -f "$jsa" ] && [ "$jsa" -nt "$jar" ]; then
  variants+=("tuned + AppCDS archive|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:disable -XX:SharedArchiveFile=$jsa")
fi
for variant in "${variants[@]}"; do
  name="${variant%%|*}"
  opts="${variant#*|}"
  command="java $opts -jar $jar pair check $work"
  cpu=$( { /usr/bin/time -f "%U %S" $command >/dev/null; } 2>&1 | tail -1 | awk '{printf "%.2f", $1 + $2}')
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs "$runs" --export-json "$work/h.json" --style none "$command" >/dev/null
    read -r mean stddev min < <(/usr/bin/python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print('%.3f %.3f %.3f' % (r['mean'], r['stddev'], r['min']))" "$work/h.json")
    tool="hyperfine, $runs runs"
  else
    times=()
    for _ in $(seq "$runs"); do
      start=$(date +%s%N); $command >/dev/null; end=$(date +%s%N)
      times+=("$(( (end - start) / 1000000 ))")
    done
    read -r mean stddev min < <(printf '%s\n' "${times[@]}" | awk '{s+=$1; q+=$1*$1; if (m==""||$1<m) m=$1} END {n=NR; mu=s/n; printf "%.3f %.3f %.3f", mu/1000, sqrt(q/n-mu*mu)/1000, m/1000}')
    tool="date, $runs runs"
  fi
  ratio=$(awk -v t="$mean" -v g="$target" 'BEGIN {printf "%.2f", t / g}')
  printf '%-28s wall mean %ss ± %ss, best %ss (%s); CPU %ss user+sys; %s x the %ss target\n' \
    "$name" "$mean" "$stddev" "$min" "$tool" "$cpu" "$ratio" "$target"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (wall figures grow with other load on the machine; CPU does not)"
