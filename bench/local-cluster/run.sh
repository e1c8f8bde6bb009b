#!/usr/bin/env bash
# Local cluster benchmark: time to ready, reset time, peak resident memory of the service JVM.
# Peer: the targets of issue 4 (ready <= 15 s, peak RSS <= 1.5 GB); ratios are measured / target.
# Usage: bench/local-cluster/run.sh [rounds]   (default 3 start/stop rounds)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-3}"
cd "$root"
echo "building cluster-runtime and the command line ..." >&2
mvn -B -q -pl shared-core -am package -DskipTests >&2
cp_file="$root/cluster-runtime/target/runtime.classpath"
export NBCI_CLUSTER_CLASSPATH="$root/cluster-runtime/target/classes:@$cp_file"
work="$(mktemp -d "${TMPDIR:-/tmp}/nbci-bench-XXXXXX")"
trap 'java -jar "$root/shared-core/target/nbci.jar" cluster down --work "$work/cluster" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
nbci() { java -jar "$root/shared-core/target/nbci.jar" "$@"; }
ms() { date +%s%3N; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
ready_all=(); reset_all=(); service_reset_all=(); rss_all=()
for round in $(seq 1 "$rounds"); do
  t0=$(ms)
  nbci cluster up --detach --work "$work/cluster" --env-file "$work/cluster.env" >/dev/null
  t1=$(ms)
  ready_all+=($((t1 - t0)))
  . "$work/cluster.env"
  pid=$(sed -n 's/.*"pid":\([0-9]*\).*/\1/p' "$work/cluster/ready.json")
  echo "round $round: ready in $((t1 - t0)) ms (nbci cluster up --detach, JVM start included; service pid $pid)"
  java -cp "$(cat "$cp_file")" "$root/bench/local-cluster/HiveWork.java" "$NBCI_HIVE_JDBC_URL"
  for i in 1 2 3; do
    r0=$(ms); nbci cluster reset --work "$work/cluster" >/dev/null; r1=$(ms)
    reset_all+=($((r1 - r0)))
  done
  # reset as the service sees it (without the CLI's JVM start)
  for r in $(grep -o 'reset in [0-9]* ms' "$work/cluster/logs/cluster.log" | tail -3 | grep -o '[0-9]*'); do
    service_reset_all+=("$r")
  done
  echo "  reset inside the service JVM: $(grep -o 'reset in [0-9]* ms' "$work/cluster/logs/cluster.log" | tail -3 | grep -o '[0-9]*' | tr '\n' ' ')ms"
  rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  rss_all+=($((rss / 1024)))
  echo "  peak RSS of the service JVM: $((rss / 1024)) MB"
  nbci cluster down --work "$work/cluster" >/dev/null
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ready=$(median "${ready_all[@]}"); reset=$(median "${reset_all[@]}"); rss=$(median "${rss_all[@]}")
service_reset=$(median "${service_reset_all[@]}")
echo
echo "time to ready (median of $rounds): ${ready} ms   target 15000 ms   ratio $(awk "BEGIN {printf \"%.2f\", $ready/15000}")"
echo "reset in the service (median of ${#service_reset_all[@]}): ${service_reset} ms   target ~1000 ms   ratio $(awk "BEGIN {printf \"%.2f\", $service_reset/1000}")"
echo "reset via 'nbci cluster reset' (CLI JVM start included, median): ${reset} ms"
echo "peak RSS of the service JVM (median): ${rss} MB   target 1536 MB   ratio $(awk "BEGIN {printf \"%.2f\", $rss/1536}")"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
