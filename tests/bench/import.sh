#!/usr/bin/env bash
# The importer at scale (issue 24, item 4): 2,000 made-up pages (200 series of 10,
# class_spec_import::made_up) imported in one run into an empty folder, then one more page (an
# 11th level of the first series) imported into that 2,000-class folder RUNS times, alternated
# with a reference in the same run (`cat` of every class file: reading the folder once) and,
# when given, another importer binary (the one before, say). Each single import really writes
# its files; the folder is put back after each run. Prints the median wall and processor times.
#
# Usage: tests/bench/import.sh [RUNS] [OTHER-IMPORTER]   (release build; about a minute)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-11}
other=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build -q --release -p class-spec-import --bin class-spec-import --example synthetic_pages
importer=target/release/class-spec-import
target/release/examples/synthetic_pages "$work/gen" 200 10 >/dev/null
target/release/examples/synthetic_pages "$work/one" 1 11 >/dev/null
mkdir -p "$work/data/series" "$work/data/classes"
/usr/bin/time -f '%e %U %S' -o "$work/many.time" \
  "$importer" --data "$work/data" --listing "$work/gen/listing.toml" >/dev/null
read -r wall user sys <"$work/many.time"
echo "2,000 pages in one run: ${wall} s wall, $(echo "$user + $sys" | bc) s processor"
echo "folder: $(ls "$work/data/classes" | wc -l) class files, $(ls "$work/data/series" | wc -l) series"
cp "$work/data/series/g000.toml" "$work/g000.toml"
page="$work/one/pages/G000K.txt"
one() { # label command...
  local label=$1
  shift
  /usr/bin/time -f '%e %U %S' -a -o "$work/$label.times" "$@" >/dev/null 2>&1
  rm -f "$work"/data/classes/G000K-*.toml
  cp "$work/g000.toml" "$work/data/series/g000.toml"
}
args=(--data "$work/data" --url https://example.org/made-up-class/G000K --series g000 "$page")
for _ in $(seq "$runs"); do
  one reference sh -c "cat '$work'/data/classes/*.toml"
  one after "$importer" "${args[@]}"
  if [ -n "$other" ]; then one other "$other" "${args[@]}"; fi
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for label in reference after other; do
  [ -f "$work/$label.times" ] || continue
  wall=$(awk '{print $1}' "$work/$label.times" | median)
  cpu=$(awk '{print $2 + $3}' "$work/$label.times" | median)
  echo "one page into 2,000 classes, $label: median of $runs: ${wall} s wall, ${cpu} s processor"
done
