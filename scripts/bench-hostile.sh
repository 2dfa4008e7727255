#!/usr/bin/env bash
# Times whole bitext commands on hostile input: 1 MB of one pattern in one
# unit, the kind of text that makes a parser, a check or a diff quadratic.
# It prints seconds and peak memory per pattern and command, and PASS or FAIL
# against the budget (2 s, 300 MB by default).
#
#   scripts/bench-hostile.sh                  # every pattern, every case
#   PATTERNS='dash quote' scripts/bench-hostile.sh
#   CASES=es COMMANDS='check' scripts/bench-hostile.sh
#   SIZE=200000 scripts/bench-hostile.sh      # bytes of pattern per unit
#   BITEXT=/tmp/old/bitext scripts/bench-hostile.sh  # a binary built elsewhere
#
# For each pattern, on a fresh copy of the repository's bitext.yaml,
# source/ and locales/ (in bench/hostile/), the unit is one line of SIZE
# bytes of the pattern, then " end." (so that "- - - …" is a list, not a
# thematic break):
#
#   md    source/hostile.md: a title, then the unit
#   txt   source/hostile.txt: the same as plain text
#   es    the Spanish of the first paragraph of the shipped article set to
#         the unit (the English is the shipped one)
#
# then bitext update, bitext check and bitext render are run in that order
# on the copy, each timed once (hostile cases are about the worst case, not
# the best of several runs). A last row times bitext update after one
# 6,000-word paragraph was rewritten under a translation (the word diff).
#
# The result column says how the command ended: ok, findings (exit 1: a
# check that finds problems or fails its gates), error (exit 2, a usage or
# input error such as a source bitext refuses, with its message), PANIC,
# killed, or timeout (TIMEOUT seconds, 30 by default). A row passes when it
# ends within the budget and did not panic, time out or get killed; the
# script exits 1 when a row fails. A refused source passes: refusing it at
# its line, quickly, is the right answer to a pathological one.
set -euo pipefail
cd "$(dirname "$0")/.."

size=${SIZE:-1048576}
budget_s=${BUDGET_S:-2}
budget_mb=${BUDGET_MB:-300}
limit=${TIMEOUT:-30}
cases=${CASES:-md txt es}
commands=${COMMANDS:-update check render}

# name:pattern, one a line. The names are what PATTERNS selects. The last
# three are neighbours of www., ~~ and the rest that once made the
# checker's own scanner quadratic.
all_patterns=$(
	cat <<'EOF'
noteref:[^ 
www:www.
emph:*a 
strong:**
bracket:[
linktail:](
angle:<
tick:`
under:_
tilde:~~
dash:- 
ordered:1. 
quote:> 
word:a
digits:1,
paren:(
gluedwww:awww.
gluedmail:amailto:
tildes:~~a a~ 
EOF
)

mkdir -p bench/bin bench/hostile
if [ -n "${BITEXT:-}" ]; then
	bitext=$(cd "$(dirname "$BITEXT")" && pwd)/$(basename "$BITEXT")
else
	go build -o bench/bin/bitext ./cmd/bitext
	bitext=$PWD/bench/bin/bitext
fi
work=$PWD/bench/hostile

# unit PATTERN: SIZE bytes of PATTERN repeated, then " end.", on one line.
unit() {
	yes -- "$1" | tr -d '\n' | head -c "$size" || true
	printf ' end.'
}

# fresh DIR: a copy of the project the repository ships.
fresh() {
	rm -rf "$1"
	mkdir -p "$1"
	cp -r bitext.yaml source locales glossary "$1/"
	rm -rf "$1/locales/.bitext" "$1/output"
}

# set_spanish FILE TEXTFILE: sets the Spanish of the first paragraph entry
# of the locale FILE to the contents of TEXTFILE, keeping its hash, so that
# the text counts as the translation of the current English.
set_spanish() {
	local line
	line=$(awk '/^description = "paragraph"$/ { p = 1 } p && /^other = / { print NR; exit }' "$1")
	{
		head -n $((line - 1)) "$1"
		printf 'other = "'
		cat "$2"
		printf '"\n'
		tail -n +$((line + 1)) "$1"
	} >"$1.new"
	mv "$1.new" "$1"
}

# words SEED: a 6,000-word paragraph of made-up words, one line.
words() {
	awk -v seed="$1" 'BEGIN { srand(seed); for (i = 0; i < 6000; i++) printf "%sw%d", (i ? " " : ""), int(rand() * 5000); print "." }'
}

# run NAME CASE COMMAND DIR: times one bitext command on DIR and prints one
# row of the table.
run() {
	local name=$1 case=$2 cmd=$3 dir=$4 t err rc secs kb mb result pass
	t=$(mktemp)
	err=$(mktemp)
	rc=0
	/usr/bin/time -o "$t" -f "%e %M" timeout -s KILL "$limit" "$bitext" "$cmd" -C "$dir" >/dev/null 2>"$err" || rc=$?
	read -r secs kb < <(tail -1 "$t")
	mb=$(awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }')
	case $rc in
	0) result=ok ;;
	1) result=findings ;;
	2) result="error: $(grep -m1 '^bitext:' "$err" | cut -c 9-70 || true)" ;;
	137)
		# timeout kills with KILL; so does the kernel when memory runs out.
		if awk -v s="$secs" -v l="$limit" 'BEGIN { exit !(s >= l - 1) }'; then
			result=timeout
		else
			result="killed (out of memory?)"
		fi
		;;
	*) result="exit $rc" ;;
	esac
	if grep -q '^panic:\|^fatal error:\|^goroutine ' "$err"; then
		result="PANIC: $(grep -m1 '^panic:\|^fatal error:' "$err" | cut -c 1-60)"
	elif [ "$rc" -gt 128 ] && [ "$rc" != 137 ]; then
		result="killed (signal $((rc - 128)))"
	fi
	pass=PASS
	case $result in PANIC* | timeout | killed* | "exit "*) pass=FAIL ;; esac
	awk -v s="$secs" -v m="$mb" -v bs="$budget_s" -v bm="$budget_mb" 'BEGIN { exit !(s > bs || m > bm) }' && pass=FAIL
	printf '%-9s %-4s %-7s %8s %8s  %-4s  %s\n' "$name" "$case" "$cmd" "$secs" "$mb" "$pass" "$result"
	[ "$pass" = PASS ] || failed=$((failed + 1))
	rm -f "$t" "$err"
}

failed=0
printf 'bitext on %d bytes of each pattern in one unit; budget %s s, %s MB\n\n' "$size" "$budget_s" "$budget_mb"
printf '%-9s %-4s %-7s %8s %8s  %-4s  %s\n' pattern case command seconds "max MB" "" result
while IFS= read -r entry; do
	name=${entry%%:*}
	pattern=${entry#*:}
	if [ -n "${PATTERNS:-}" ] && [[ " $PATTERNS " != *" $name "* ]]; then
		continue
	fi
	text=$work/$name.txt
	unit "$pattern" >"$text"
	for case in $cases; do
		dir=$work/$name-$case
		fresh "$dir"
		case $case in
		md) { printf '# Hostile %s\n\n' "$name"; cat "$text"; echo; } >"$dir/source/hostile.md" ;;
		txt) { printf 'Hostile %s\n\n' "$name"; cat "$text"; echo; } >"$dir/source/hostile.txt" ;;
		es) set_spanish "$dir/locales/us-mexico-persecution-of-migrants-2018-05-23.es.toml" "$text" ;;
		esac
		for cmd in $commands; do
			run "$name" "$case" "$cmd" "$dir"
		done
	done
done <<<"$all_patterns"

if [ -z "${PATTERNS:-}" ] || [[ " $PATTERNS " == *" rewrite "* ]]; then
	# One 6,000-word paragraph, translated, then rewritten: update writes
	# the word diff of the whole paragraph above the translation.
	dir=$work/rewrite
	fresh "$dir"
	{ printf '# Rewrite\n\nThe first paragraph stays.\n\n'; words 1; printf '\nThe last paragraph stays.\n'; } >"$dir/source/rewrite.md"
	"$bitext" update -C "$dir" >/dev/null
	sed -i 's/^other = ""$/other = "Traducido."/' "$dir/locales/rewrite.es.toml"
	{ printf '# Rewrite\n\nThe first paragraph stays.\n\n'; words 2; printf '\nThe last paragraph stays.\n'; } >"$dir/source/rewrite.md"
	run rewrite md update "$dir"
fi

echo
if [ "$failed" -gt 0 ]; then
	echo "$failed over budget or failed"
	exit 1
fi
echo "all within budget"
