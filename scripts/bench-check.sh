#!/usr/bin/env bash
# Times bitext check on a corpus that scripts/benchgen made, next to the
# tools that check PO files today on the same translations, and prints the
# times and ratios.
#
#   go run ./scripts/benchgen -n 20000 -out bench/20000
#   scripts/bench-check.sh bench/20000
#
# On DIR/base (a fully translated project) it times, best of RUNS (3) runs:
#
#   bitext check          every check on: completeness, numbers, links,
#                         markup, punctuation, quotes, spacing, length…
#   msgfmt --statistics   gettext: completeness only
#   pofilter              Translate Toolkit, its default checks for Spanish
#                         (run once: it is slow)
#
# The PO file is DIR/po/article.es.po when scripts/bench.sh made one with
# po4a, and otherwise scripts/toml2po writes DIR/po/check.es.po from the
# locale files, so that every tool reads the same translations. gettext and
# translate-toolkit are installed with apt-get when missing and this script
# runs as root; otherwise their lines say why they are empty.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 1 ] || [ ! -d "$1/base/locales" ]; then
	echo "usage: scripts/bench-check.sh DIR, where DIR/base is a project made by scripts/benchgen" >&2
	exit 2
fi
dir=${1%/}
runs=${RUNS:-3}

mkdir -p bench/bin
go build -o bench/bin/bitext ./cmd/bitext
go build -o bench/bin/toml2po ./scripts/toml2po
bitext=$PWD/bench/bin/bitext

# install PROGRAM PACKAGE: make PROGRAM available, or say why not.
install() {
	command -v "$1" >/dev/null && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "installing $2 with apt-get…" >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 && return 0
		echo "no (apt-get install $2 failed)"
		return 1
	fi
	echo "no (install $2 to compare)"
	return 1
}

# timed CMD…: runs a command and prints "seconds peak-MB"; the exit code of
# the command is ignored (a check that finds problems exits 1).
timed() {
	local t
	t=$(mktemp)
	/usr/bin/time -o "$t" -f "%e %M" "$@" >/dev/null 2>&1 || true
	awk '{ printf "%.2f %.0f\n", $1, $2 / 1024 }' "$t"
	rm -f "$t"
}

# best N CMD…: the best of N runs.
best() {
	local n=$1 times
	shift
	times=$(mktemp)
	for _ in $(seq "$n"); do
		timed "$@" >>"$times"
	done
	sort -n "$times" | head -1
	rm -f "$times"
}

locales=$dir/base/locales
en=$(ls "$locales"/*.en.toml | head -1)
es=$(ls "$locales"/*.es.toml | head -1)
po=$dir/po/article.es.po
if [ ! -s "$po" ]; then
	mkdir -p "$dir/po"
	po=$dir/po/check.es.po
	bench/bin/toml2po "$en" "$es" >"$po"
fi

units=$("$bitext" status -C "$dir/base" --format json | awk -F': ' '/"units"/ { gsub(",", "", $2); print $2 }')
report=$("$bitext" check -C "$dir/base" --format json || true)
findings=$(awk -F': ' '/^  "(errors|warnings)"/ { gsub(",", "", $2); s += $2 } END { print s + 0 }' <<<"$report")

read -r bt bm < <(best "$runs" "$bitext" check -C "$dir/base")
read -r st sm < <(best "$runs" "$bitext" status -C "$dir/base")

mt="" pt=""
if why=$(install msgfmt gettext); then
	read -r mt mm < <(best "$runs" msgfmt --statistics -o /dev/null "$po")
else
	mfail=$why
fi
if why=$(install pofilter translate-toolkit); then
	read -r pt pm < <(timed pofilter --language=es -i "$po" -o "$dir/po/pofilter.out.po")
	pfound=$(grep -c '^# (pofilter)' "$dir/po/pofilter.out.po" || true)
else
	pfail=$why
fi

ratio() { awk -v a="$1" -v b="$bt" 'BEGIN { if (b > 0) printf "%.1f× the time of bitext check", a / b; else print "-" }'; }

printf '\ncheck, %s units (%s):\n' "$units" "$dir"
printf '  %-34s %7s s %6s MB   findings: %s\n' "bitext check (every check)" "$bt" "$bm" "$findings"
printf '  %-34s %7s s %6s MB   %s\n' "bitext status (loading alone)" "$st" "$sm" "for reference"
if [ -n "$mt" ]; then
	printf '  %-34s %7s s %6s MB   %s\n' "msgfmt --statistics (completeness)" "$mt" "$mm" "$(ratio "$mt")"
else
	printf '  %-34s %s\n' "msgfmt --statistics" "$mfail"
fi
if [ -n "$pt" ]; then
	printf '  %-34s %7s s %6s MB   %s; findings: %s\n' "pofilter --language=es" "$pt" "$pm" "$(ratio "$pt")" "$pfound"
else
	printf '  %-34s %s\n' "pofilter" "$pfail"
fi
