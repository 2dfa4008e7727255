#!/usr/bin/env bash
# Times whole bitext commands on generated Markdown articles of N units, next
# to the tools people use today on the same input, and prints the ratios.
#
#   scripts/bench.sh                 # N = 2000 20000 100000
#   scripts/bench.sh 20000           # one size
#   PO4A_MAX=100000 scripts/bench.sh # also run po4a at 100,000 (it takes long)
#   PARTS=update scripts/bench.sh    # only some parts: update, check, render
#   MIXED=1 scripts/bench.sh 20000   # documentation-shaped: code blocks and
#                                    # tables among the paragraphs (bench/N-mixed)
#
# For each N, scripts/benchgen writes bench/N/: a fully translated project
# (base/), and an edited article with about 5 % of paragraphs changed and 1 %
# inserted. Then:
#
#   update   bitext update on the edited article, against po4a-updatepo
#            (-f text -o markdown, which runs msgmerge) on the same article
#            with a fully translated PO made from the original.
#   check    scripts/bench-check.sh, when present (issue 4).
#   render   scripts/bench-render.sh, when present (issue 5).
#
# Each bitext time is the best of three runs, each on a fresh copy; memory is
# the peak resident size. po4a is installed with apt-get when missing and
# this script runs as root; otherwise its column says why it is empty.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2000 20000 100000)
po4a_max=${PO4A_MAX:-20000}
runs=${RUNS:-3}

mkdir -p bench/bin
go build -o bench/bin/bitext ./cmd/bitext
go build -o bench/bin/benchgen ./scripts/benchgen
bitext=$PWD/bench/bin/bitext

have_po4a=yes
if ! command -v po4a-updatepo >/dev/null; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "installing po4a with apt-get…" >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq po4a >/dev/null || have_po4a="no (apt-get install po4a failed)"
	else
		have_po4a="no (install po4a to compare)"
	fi
fi

# timed CMD… runs a command and prints "seconds peak-MB".
timed() {
	local t
	t=$(mktemp)
	/usr/bin/time -o "$t" -f "%e %M" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; rm -f "$t"; return 1; }
	awk '{ printf "%.2f %.0f\n", $1, $2 / 1024 }' "$t"
	rm -f "$t"
}

# best FILE: the line of FILE with the smallest first field.
best() { sort -n "$1" | head -1; }

parts=" ${PARTS:-update check render} "

[[ $parts == *" update "* ]] && printf '\n%-8s %-8s %-22s %-22s %s\n' "N" "units" "bitext update" "po4a-updatepo" "ratio"
for n in "${sizes[@]}"; do
	dir=bench/$n
	mixed=()
	if [ -n "${MIXED:-}" ]; then
		dir=bench/$n-mixed
		mixed=(-mixed)
	fi
	bench/bin/benchgen -n "$n" "${mixed[@]}" -out "$dir" >/dev/null
	units=$("$bitext" status -C "$dir/base" --format json | awk -F': ' '/"units"/ { gsub(",", "", $2); print $2 }')
	[[ $parts == *" update "* ]] || continue

	: >"$dir/update.times"
	for _ in $(seq "$runs"); do
		rm -rf "$dir/update"
		cp -r "$dir/base" "$dir/update"
		cp "$dir/article.edited.md" "$dir/update/source/article.md"
		timed "$bitext" update -C "$dir/update" >>"$dir/update.times"
	done
	read -r bt bm < <(best "$dir/update.times")

	po="-"
	ratio="-"
	if [ "$have_po4a" != yes ]; then
		po=$have_po4a
	elif [ "$n" -gt "$po4a_max" ]; then
		po="skipped (PO4A_MAX=$po4a_max)"
	else
		rm -rf "$dir/po" && mkdir -p "$dir/po"
		po4a-updatepo -f text -o markdown -M UTF-8 -m "$dir/base/source/article.md" -p "$dir/po/article.es.po" >/dev/null 2>&1
		bench/bin/benchgen -fill-po "$dir/po/article.es.po"
		cp "$dir/po/article.es.po" "$dir/po/run.es.po"
		read -r pt pm < <(timed po4a-updatepo -f text -o markdown -M UTF-8 -m "$dir/article.edited.md" -p "$dir/po/run.es.po")
		po="${pt} s, ${pm} MB"
		ratio=$(awk -v a="$pt" -v b="$bt" 'BEGIN { if (b > 0) printf "%.0f× faster", a / b; else print "-" }')
	fi
	printf '%-8s %-8s %-22s %-22s %s\n' "$n" "$units" "${bt} s, ${bm} MB" "$po" "$ratio"
done

for part in check render; do
	if [[ $parts == *" $part "* ]] && [ -x "scripts/bench-$part.sh" ]; then
		for n in "${sizes[@]}"; do
			"scripts/bench-$part.sh" "bench/$n"
		done
	fi
done
