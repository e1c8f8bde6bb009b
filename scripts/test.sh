#!/usr/bin/env bash
# The test command: installs what the tests need, then runs unit tests (Surefire) and
# integration tests (Failsafe) of every module.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mvn -B verify "$@"
