#!/usr/bin/env bash
# Scenario suite on one reused cluster vs a fresh cluster per scenario (the HiveRunner way).
#
#   bench/scenarios/run.sh            # 20 scenarios (SCENARIOS=N to change)
#
# Generates N small scenarios (a Hive table with rows, an HDFS file, a Python job that reads
# the file over WebHDFS and sends a Graphite metric, a Hive, HDFS and metric check each), then
#   reuse: one `nbci test DIR` (one cluster, state removed between scenarios)
#   fresh: N `nbci test FILE` processes (a cluster started and stopped per scenario)
# and prints both wall times, the ratio (target: reuse >= 5x faster), the cluster start time
# and the peak RSS (VmHWM) of the service JVM during the reuse run, with the load average.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${SCENARIOS:-20}"
work="$(mktemp -d "${TMPDIR:-/tmp}/nbci-bench-scenarios.XXXXXX")"
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -d "$root/cluster-runtime/target/classes" ] || [ -n "${BUILD:-}" ]; then
  (cd "$root" && mvn -B -q -o install -DskipTests >&2)   # the cluster runtime; ./nbci builds its own jar
fi
"$root/nbci" --help >/dev/null 2>&1 || true   # builds the jar / CDS archive outside the timings

mkdir -p "$work/scenarios"
cat > "$work/scenarios/job.py" <<'PY'
import os, socket, sys, time, urllib.request
n = sys.argv[1]
url = "%s/bench/in/%s.txt?op=OPEN&user.name=nbci" % (os.environ["NBCI_WEBHDFS_URL"], n)
lines = urllib.request.urlopen(url, timeout=30).read().decode().splitlines()
with socket.create_connection((os.environ["NBCI_GRAPHITE_HOST"], int(os.environ["NBCI_GRAPHITE_PORT"])), 10) as s:
    s.sendall(("bench.job.lines %d %d\n" % (len(lines), time.time())).encode())
print("read %d lines" % len(lines))
PY
for i in $(seq -w 1 "$n"); do
  cat > "$work/scenarios/s$i.yaml" <<YAML
name: bench scenario $i
fixtures:
  - hive_table: bench.orders
    columns: {id: INT, amount: DOUBLE}
    rows: [[1, 9.5], [2, 20.25], [$((10#$i + 2)), 1.0]]
  - hdfs: /bench/in/$i.txt
    content: "a\nb\nc\n"
run:
  script: job.py
  args: ["$i"]
expect:
  - hive: SELECT count(*) FROM bench.orders
    rows: [[3]]
  - hdfs: /bench/in/$i.txt
    lines: 3
  - metric: bench.job.lines
    value: 3
  - log: read 3 lines
YAML
done

# Peak RSS of the service JVM: its VmHWM, sampled until it exits (the last sample is the peak).
sample_rss() {
  local marker="$1" out="$2" pid=""
  while true; do
    if [ -z "$pid" ]; then
      pid="$(pgrep -f "ClusterLauncher.*$marker" | head -1 || true)"
    fi
    if [ -n "$pid" ]; then
      hwm="$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)"
      [ -n "$hwm" ] && echo "$hwm" > "$out"
    fi
    sleep 1
  done
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
reuse_out="$work/reuse"
sample_rss "$reuse_out" "$work/rss" &
sampler=$!
t0=$(date +%s.%N)
"$root/nbci" test "$work/scenarios" --output-dir "$reuse_out" > "$work/reuse.log" 2>&1 || {
  echo "reuse run failed:"; tail -40 "$work/reuse.log"; exit 1; }
t1=$(date +%s.%N)
kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""
reuse=$(echo "$t1 - $t0" | bc)
start_ms=$(grep -o 'local cluster ready in [0-9]* ms' "$work/reuse.log" | head -1 | grep -o '[0-9]*' || echo "?")
rss_kb=$(cat "$work/rss" 2>/dev/null || echo 0)
echo "reuse: $n scenarios on one cluster in ${reuse} s (cluster start ${start_ms} ms)"

fresh_failed=0
t0=$(date +%s.%N)
for f in "$work"/scenarios/s*.yaml; do
  name="$(basename "$f" .yaml)"
  "$root/nbci" test "$f" --output-dir "$work/fresh/$name" > "$work/fresh-$name.log" 2>&1 || {
    fresh_failed=$((fresh_failed + 1)); echo "fresh run $name failed:"; tail -5 "$work/fresh-$name.log"; }
done
t1=$(date +%s.%N)
fresh=$(echo "$t1 - $t0" | bc)
echo "fresh: $n scenarios, one cluster each, in ${fresh} s ($fresh_failed failed)"

echo "---"
printf 'scenarios:                  %d\n' "$n"
printf 'reuse (one cluster):        %.1f s (%.1f s per scenario after start)\n' "$reuse" \
  "$(echo "($reuse - ${start_ms/\?/0} / 1000) / $n" | bc -l)"
printf 'fresh (cluster each):       %.1f s (%.1f s per scenario)\n' "$fresh" "$(echo "$fresh / $n" | bc -l)"
printf 'ratio fresh / reuse:        %.1fx (target >= 5x)\n' "$(echo "$fresh / $reuse" | bc -l)"
printf 'cluster start:              %s ms\n' "$start_ms"
printf 'service JVM peak RSS:       %d MB\n' "$((rss_kb / 1024))"
echo "load average after:         $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
