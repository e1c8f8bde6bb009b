#!/usr/bin/env bash
# nbci run vs `jupyter nbconvert --to notebook --execute` (Debian's jupyter-nbconvert) on the same
# notebooks, whole processes, side by side in one run. Prints the figures and the ratios:
#   wall(nbci) / wall(nbconvert)          target <= 0.5   (3-cell and 50-cell notebooks, medians)
#   median per-cell overhead of nbci      target <= 5 ms  (nbci's wall per cell minus the kernel's
#                                                          own busy->idle time, from the saved notebook)
#   run-all 20 notebooks: --jobs 1 / --jobs 2            target >= 1.7
# RUNS=n sets the repetitions (default 5). Needs python3-nbformat and jupyter-nbconvert.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${RUNS:-5}"
py=/usr/bin/python3

echo "building nbci ..." >&2
(cd "$root" && mvn -B -q -pl shared-core -am package -DskipTests -Dmaven.test.skip=true >&2)
nbci="$root/nbci"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$py" "$here/make_notebooks.py" "$work"

now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

run_nbci() { "$nbci" run "$work/$1.ipynb" "$work/$1.nbci${2:-}.ipynb" >/dev/null 2>&1; }
run_nbconvert() { jupyter nbconvert --to notebook --execute "$work/$1.ipynb" --output "$work/$1.nbconvert.ipynb" >/dev/null 2>&1; }

# warm-up: builds nbci's class-data archive, fills the page cache for both
run_nbci cells3; run_nbconvert cells3

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-10s %10s %14s %8s\n" notebook "nbci (s)" "nbconvert (s)" ratio
for nb in cells3 cells50; do
  : > "$work/$nb.nbci.times"; : > "$work/$nb.nbconvert.times"
  for i in $(seq "$runs"); do
    s=$(now); run_nbci "$nb" ".$i"; e=$(now); secs "$s" "$e" >> "$work/$nb.nbci.times"; echo >> "$work/$nb.nbci.times"
    s=$(now); run_nbconvert "$nb"; e=$(now); secs "$s" "$e" >> "$work/$nb.nbconvert.times"; echo >> "$work/$nb.nbconvert.times"
  done
  a=$(grep . "$work/$nb.nbci.times" | median); b=$(grep . "$work/$nb.nbconvert.times" | median)
  printf "%-10s %10s %14s %8s\n" "$nb" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
done

overhead=$("$py" "$here/overhead.py" "$work"/cells50.nbci.*.ipynb)
echo "median per-cell overhead, 50-cell notebook, all $runs runs: nbci $overhead ms over the kernel's own busy->idle time"

mkdir -p "$work/many"
for i in $(seq -w 1 20); do cp "$work/cells3.ipynb" "$work/many/nb$i.ipynb"; done
s=$(now); "$nbci" run-all "$work/many" --jobs 1 --output-dir "$work/out1" >/dev/null 2>&1; e=$(now); j1=$(secs "$s" "$e")
s=$(now); "$nbci" run-all "$work/many" --jobs 2 --output-dir "$work/out2" >/dev/null 2>&1; e=$(now); j2=$(secs "$s" "$e")
echo "run-all 20 notebooks: --jobs 1 ${j1} s, --jobs 2 ${j2} s, speed-up $(awk -v a="$j1" -v b="$j2" 'BEGIN { printf "%.2f", a / b }')x"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
