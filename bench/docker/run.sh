#!/usr/bin/env bash
# Docker backend vs embedded backend, one run each: cluster ready time (nbci cluster up --detach,
# CLI JVM included) and a small suite (bench/local-cluster/HiveWork: database, table, insert, grouped
# select over JDBC, then nbci cluster reset). Peer: the embedded backend; ratios are docker / embedded.
# Needs podman (scripts/podman-service.sh start runs first; images cached in ~/.cache/nbci/podman).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
echo "building cluster-runtime and the command line ..." >&2
mvn -B -q -pl shared-core -am package -DskipTests >&2
"$root/scripts/podman-service.sh" start
export DOCKER_HOST="$(cat "${NBCI_PODMAN_HOME:-$HOME/.cache/nbci/podman}/run/docker-host")"
cp_file="$root/cluster-runtime/target/runtime.classpath"
export NBCI_CLUSTER_CLASSPATH="$root/cluster-runtime/target/classes:@$cp_file"
work="$(mktemp -d "${TMPDIR:-/tmp}/nbci-bench-docker-XXXXXX")"
nbci() { java -jar "$root/shared-core/target/nbci.jar" "$@"; }
cleanup() {
  for b in embedded docker; do nbci cluster down --work "$work/$b" >/dev/null 2>&1 || true; done
  rm -rf "$work"
  "$root/scripts/podman-service.sh" stop
}
trap cleanup EXIT
ms() { date +%s%3N; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
declare -A ready suite
for backend in embedded docker; do
  t0=$(ms)
  nbci cluster up --backend "$backend" --detach --work "$work/$backend" --env-file "$work/$backend.env" >/dev/null
  t1=$(ms)
  . "$work/$backend.env"
  java -cp "$(cat "$cp_file")" "$root/bench/local-cluster/HiveWork.java" "$NBCI_HIVE_JDBC_URL" >/dev/null
  nbci cluster reset --work "$work/$backend" >/dev/null
  t2=$(ms)
  nbci cluster down --work "$work/$backend" >/dev/null
  ready[$backend]=$((t1 - t0)); suite[$backend]=$((t2 - t1))
  echo "$backend: ready in ${ready[$backend]} ms, small suite (4 HiveQL statements + reset) in ${suite[$backend]} ms"
done
ratio() { awk "BEGIN {printf \"%.2f\", $1/$2}"; }
echo
echo "cluster ready: docker ${ready[docker]} ms vs embedded ${ready[embedded]} ms   ratio $(ratio "${ready[docker]}" "${ready[embedded]}")"
echo "small suite:   docker ${suite[docker]} ms vs embedded ${suite[embedded]} ms   ratio $(ratio "${suite[docker]}" "${suite[embedded]}")"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
