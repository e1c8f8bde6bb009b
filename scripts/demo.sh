#!/usr/bin/env bash
# The main job: the image-score verifier of examples/imagescore, proven end to end on nbci's
# embedded local cluster (real HDFS, HiveServer2 and Graphite sink in a child JVM):
#   1. every example notebook agrees with its paired .py twin (code review works on the .py);
#   2. the integration scenarios seed Hive and HDFS, run the notebook with injected parameters,
#      and check the tables, files, metrics and log lines it produced.
# Reports land in target/demo/ (JUnit XML, results JSON, a self-contained HTML report).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "demo: building the command line and installing the cluster runtime into the local Maven repository" >&2
mvn -B -q install -DskipTests -pl shared-core,cluster-runtime -am
./nbci pair check examples
status=0
./nbci test examples/imagescore/scenarios --output-dir target/demo --junit target/demo/junit.xml \
  --report target/demo/report.html || status=$?
echo
echo "demo: reports in $(pwd)/target/demo: report.html (open in a browser), junit.xml, results.json,"
echo "      and per scenario the executed notebook and a listing of what the job wrote to HDFS"
exit "$status"
