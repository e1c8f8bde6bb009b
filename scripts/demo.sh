#!/usr/bin/env bash
# The main job: checks that every example notebook agrees with its paired .py twin.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
./nbci pair check examples
