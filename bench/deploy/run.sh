#!/usr/bin/env bash
# nbci deploy vs FileSystem.copyFromLocalFile (the named peer), same folder, same MiniDFSCluster, one run.
# 1,000 files / 100 MB by default; override with FILES=, FILE_SIZE=, ROUNDS=, PARALLEL=.
# Prints both timings, the throughput ratio and the one-file-redeploy ratio.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -B -q -pl shared-core -am test-compile
mvn -B -q -pl shared-core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$root/shared-core/target/bench-deploy-classpath.txt" >/dev/null
cp="$root/shared-core/target/classes:$root/shared-core/target/test-classes:$(cat "$root/shared-core/target/bench-deploy-classpath.txt")"
work="$root/shared-core/target/bench-deploy"
rm -rf "$work" && mkdir -p "$work/tmp"
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED"
java $opens -Xmx1g -Djava.io.tmpdir="$work/tmp" -Dlog4j.configuration=none -Dnbci.deploy.hashCacheDir="$work/hashes" \
  -Dfiles="${FILES:-1000}" -DfileSize="${FILE_SIZE:-100000}" -Drounds="${ROUNDS:-2}" -Dparallel="${PARALLEL:-8}" \
  -cp "$cp" "$root/bench/deploy/DeployBench.java" "$work" 2> "$work/stderr.log" || {
    echo "bench failed; see $work/stderr.log" >&2; tail -20 "$work/stderr.log" >&2; exit 1; }
rm -rf "$work/src" "$work/dfs" "$work/hashes"
