#!/usr/bin/env bash
# Times the project translation memory at the issue's scale: suggestions
# for NEW new units against a memory of MEM translated units (default
# 20,000 against 200,000), next to gettext's msgmerge with a compendium,
# what a gettext user would run for the same job.
#
#   scripts/bench-tm.sh                      # NEW=20000 MEM=200000
#   NEW=2000 MEM=20000 scripts/bench-tm.sh   # smaller
#   MSGMERGE_NEW=2000 MSGMERGE_MEM=20000     # msgmerge's sizes (default: these)
#   MSGMERGE=no scripts/bench-tm.sh          # bitext only
#
# scripts/benchgen makes a fully translated project of MEM units (its
# Spanish is the memory, exported with bitext tm export as TMX) and a new
# article of NEW units with no Spanish yet, in a project of its own, where
# the memory is added with bitext tm import. The new article is a revision
# of the memory's first NEW units (benchgen -seed: about 5 % of its
# paragraphs edited, 1 % inserted), so most units have a 100 % match and
# some a fuzzy one, as when an organisation publishes a revised report.
# Then:
#
#   bitext update, without memory   the same update with no memory: its
#                                   time is segmenting and writing
#   bitext update, with memory      every new unit looked up in the memory;
#                                   the difference is the suggestions
#
# msgmerge --compendium matches the same new article (as a PO template)
# against the memory (as a PO compendium). Its fuzzy matching grows with
# the product of the two, so it runs at MSGMERGE_NEW × MSGMERGE_MEM, with a
# 20-minute limit. Times are wall clock, best of RUNS (3); the machine's
# load is printed, as other work on it skews them.
set -euo pipefail
cd "$(dirname "$0")/.."

new=${NEW:-20000}
mem=${MEM:-200000}
mm_new=${MSGMERGE_NEW:-2000}
mm_mem=${MSGMERGE_MEM:-20000}
runs=${RUNS:-3}

mkdir -p bench/bin
go build -o bench/bin/bitext ./cmd/bitext
go build -o bench/bin/benchgen ./scripts/benchgen
bitext=$PWD/bench/bin/bitext

timed() {
	local t
	t=$(mktemp)
	/usr/bin/time -o "$t" -f "%e %U %M" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; rm -f "$t"; return 1; }
	awk '{ printf "%.2f %.2f %.0f\n", $1, $2, $3 / 1024 }' "$t"
	rm -f "$t"
}
best() { sort -n "$1" | head -1; }

# project N DIR [SEED]: a translated project of N units in DIR/base.
project() {
	[ -d "$2/base" ] || bench/bin/benchgen -n "$1" -seed "${3:-$1}" -out "$2" >/dev/null
}

# fresh N MEM: the revision of the first N units of the memory's article,
# with no Spanish, updated, in bench/tm/new-N.
fresh() {
	local d=bench/tm/new-$1
	if [ ! -d "$d" ]; then
		project "$1" "bench/tm/gen-$1" "$2"
		mkdir -p "$d/source"
		cp "bench/tm/gen-$1/base/bitext.yaml" "$d"/
		cp "bench/tm/gen-$1/article.edited.md" "$d/source/revised.md"
		"$bitext" -C "$d" update >/dev/null
	fi
}

# memory N: the TMX of a translated project of N units.
memory() {
	local d=bench/tm/mem-$1
	if [ ! -f "$d.tmx" ]; then
		project "$1" "$d"
		# Another article than the new one: another name, so another seed.
		"$bitext" -C "$d/base" tm export --out out >/dev/null
		mv "$d/base/out/memory.es.tmx" "$d.tmx"
	fi
}

echo "load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
fresh "$new" "$mem"
memory "$mem"
printf '\n%-34s %8s %8s %8s\n' "$new new units, $mem in memory" "wall s" "user s" "MB"

run() { # run NAME SETUP… -- CMD…: best of runs, each on a fresh copy
	local name=$1; shift
	local log; log=$(mktemp)
	for _ in $(seq "$runs"); do
		rm -rf bench/tm/run && cp -r "bench/tm/new-$new" bench/tm/run
		"$@"
	done >"$log"
	read -r wall user mb < <(best "$log")
	printf '%-34s %8s %8s %8s\n' "$name" "$wall" "$user" "$mb"
	rm -f "$log"
}

plain() { timed "$bitext" -C bench/tm/run update --locales es; }
# A new unit needs a suggestion: drop the update's output so that each run
# writes every entry again, as a first update of a new article does.
reset_locale() { rm -f bench/tm/run/locales/*.es.toml; }
without() { reset_locale; plain; }
importtm() { "$bitext" -C bench/tm/run tm import "$PWD/bench/tm/mem-$mem.tmx" >/dev/null; }
with() { importtm; reset_locale; plain; }
tmimport() { timed "$bitext" -C bench/tm/run tm import "$PWD/bench/tm/mem-$mem.tmx"; }

run "bitext update, without memory" without
run "bitext update, with memory" with
run "bitext tm import (once)" tmimport
n=$(grep -c '^#. suggestion' bench/tm/run/locales/*.es.toml || true)
echo "suggestions written in the last update: $n"

# msgmerge --compendium at its own sizes.
if [ "${MSGMERGE:-yes}" = no ]; then
	:
elif command -v msgmerge >/dev/null; then
	fresh "$mm_new" "$mm_mem"
	memory "$mm_mem"
	d=bench/tm/msgmerge
	mkdir -p "$d"
	"$bitext" -C "bench/tm/new-$mm_new" export --format po --out out --force >/dev/null
	# Without msgctxt, so that msgmerge matches texts, not IDs.
	grep -v '^msgctxt ' "bench/tm/new-$mm_new"/out/*.po >"$d/new.pot"
	rm -rf bench/tm/mm-mem && cp -r "bench/tm/mem-$mm_mem/base" bench/tm/mm-mem
	"$bitext" -C bench/tm/mm-mem export --format po --out out --force >/dev/null
	grep -v '^msgctxt ' bench/tm/mm-mem/out/*.po >"$d/compendium.po"
	printf '\n%-34s %8s %8s %8s\n' "$mm_new new units, $mm_mem in memory" "wall s" "user s" "MB"
	if r=$(timeout 1200 bash -c "$(declare -f timed); timed msgmerge -q --compendium '$d/compendium.po' -o '$d/out.po' /dev/null '$d/new.pot'"); then
		printf '%-34s %8s %8s %8s\n' "msgmerge --compendium" $r
		echo "fuzzy entries msgmerge wrote: $(grep -c '^#, fuzzy' "$d/out.po" || true)"
	else
		echo "msgmerge --compendium: over 20 minutes, stopped"
	fi
	rm -rf bench/tm/run && cp -r "bench/tm/new-$mm_new" bench/tm/run
	importsmall() { "$bitext" -C bench/tm/run tm import "$PWD/bench/tm/mem-$mm_mem.tmx" >/dev/null; reset_locale; timed "$bitext" -C bench/tm/run update --locales es; }
	printf '%-34s %8s %8s %8s\n' "bitext update, with memory" $(importsmall)
else
	echo "msgmerge is not installed (apt-get install gettext): not compared"
fi
