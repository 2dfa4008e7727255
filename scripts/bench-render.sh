#!/usr/bin/env bash
# Times bitext render on a corpus that scripts/benchgen made, next to
# po4a-translate writing the Spanish Markdown from a PO file of the same
# article, and prints the times and ratios.
#
#   go run ./scripts/benchgen -n 20000 -out bench/20000
#   scripts/bench-render.sh bench/20000
#
# It times, on DIR/base (a fully translated project), best of RUNS (3) runs,
# each writing its files anew:
#
#   bitext render --only bilingual   the bilingual HTML
#   bitext render --only html        the bilingual and one-language HTML
#   bitext render --only pdf         the bilingual PDF, set by bitext
#   bitext render                    every edition: HTML, Markdown, PDF
#   po4a-translate -f text -o markdown, writing article.es.md from
#       DIR/po/article.es.po (made as scripts/bench.sh makes it, when
#       missing): one one-language Markdown file.
#
# Each bitext time is the whole command: loading the project, rendering and
# writing the files. po4a is installed with apt-get when missing and this
# script runs as root; otherwise its line says why it is empty.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 1 ] || [ ! -d "$1/base" ]; then
	echo "usage: scripts/bench-render.sh DIR, where DIR/base is a project made by scripts/benchgen" >&2
	exit 2
fi
dir=${1%/}
runs=${RUNS:-3}

mkdir -p bench/bin
go build -o bench/bin/bitext ./cmd/bitext
go build -o bench/bin/benchgen ./scripts/benchgen
bitext=$PWD/bench/bin/bitext

# timed CMD… runs a command and prints "seconds peak-MB".
timed() {
	local t
	t=$(mktemp)
	/usr/bin/time -o "$t" -f "%e %M" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; rm -f "$t"; return 1; }
	awk '{ printf "%.2f %.0f\n", $1, $2 / 1024 }' "$t"
	rm -f "$t"
}

# best CMD…: the best of $runs runs of a bitext render, each into an empty
# output folder.
best() {
	local times
	times=$(mktemp)
	for _ in $(seq "$runs"); do
		rm -rf "$dir/base/output"
		timed "$@" >>"$times"
	done
	sort -n "$times" | head -1
	rm -f "$times"
}

units=$("$bitext" status -C "$dir/base" --format json | awk -F': ' '/"units"/ { gsub(",", "", $2); print $2 }')

have_po4a=yes
if ! command -v po4a-translate >/dev/null; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "installing po4a with apt-get…" >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq po4a >/dev/null || have_po4a="no (apt-get install po4a failed)"
	else
		have_po4a="no (install po4a to compare)"
	fi
fi
pt=""
if [ "$have_po4a" = yes ]; then
	po=$dir/po/article.es.po
	if [ ! -s "$po" ]; then
		mkdir -p "$dir/po"
		po4a-updatepo -f text -o markdown -M UTF-8 -m "$dir/base/source/article.md" -p "$po" >/dev/null 2>&1
		bench/bin/benchgen -fill-po "$po"
	fi
	read -r pt pm < <(timed po4a-translate -f text -o markdown -M UTF-8 -L UTF-8 -k 0 \
		-m "$dir/base/source/article.md" -p "$po" -l "$dir/po/article.es.md")
fi

read -r bt bm < <(best "$bitext" render --only bilingual -C "$dir/base")
read -r ht hm < <(best "$bitext" render --only html -C "$dir/base")
read -r ft fm < <(best "$bitext" render --only pdf -C "$dir/base")
read -r at am < <(best "$bitext" render -C "$dir/base")
pages=$(pdfinfo "$dir/base/output/article.en-es.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }' || true)

ratio() {
	if [ -z "$pt" ]; then
		echo "-"
	else
		awk -v a="$pt" -v b="$1" 'BEGIN { if (a / b >= 1) printf "%.1f× faster", a / b; else printf "%.1f× slower", b / a }'
	fi
}

printf '\nrender, %s units (%s, %s PDF pages)\n' "$units" "$dir" "${pages:-?}"
printf '%-44s %-18s %s\n' "command" "time, peak memory" "vs po4a-translate"
printf '%-44s %-18s %s\n' "bitext render --only bilingual (1 HTML file)" "$bt s, $bm MB" "$(ratio "$bt")"
printf '%-44s %-18s %s\n' "bitext render --only html (3 HTML files)" "$ht s, $hm MB" "$(ratio "$ht")"
printf '%-44s %-18s %s\n' "bitext render --only pdf" "$ft s, $fm MB" "$(ratio "$ft")"
printf '%-44s %-18s %s\n' "bitext render (HTML, Markdown, PDF)" "$at s, $am MB" "$(ratio "$at")"
if [ -n "$pt" ]; then
	printf '%-44s %-18s %s\n' "po4a-translate (one Markdown file)" "$pt s, $pm MB" "1×"
else
	printf '%-44s %s\n' "po4a-translate (one Markdown file)" "$have_po4a"
fi
