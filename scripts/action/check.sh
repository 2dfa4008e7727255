#!/usr/bin/env bash
# The check step of action.yml: runs bitext check with the action's
# inputs (INPUT_* variables), writes the JUnit report, and sets the step's
# outputs. Its exit code is bitext's: 0 passed, 1 a gate failed, 2 a usage,
# configuration or input error (also reported in the annotations and the
# JUnit report). Runs locally too: without GitHub's variables, outputs go
# nowhere.
set -uo pipefail

dir=${INPUT_DIRECTORY:-.}
format=${INPUT_FORMAT:-github}
junit=${INPUT_JUNIT:-}
out=${GITHUB_OUTPUT:-/dev/null}

args=(-C "$dir" check)
if [ -n "${INPUT_MIN_COMPLETE:-}" ]; then args+=(--min-complete "$INPUT_MIN_COMPLETE"); fi
if [ -n "${INPUT_FAIL_ON:-}" ]; then args+=(--fail-on "$INPUT_FAIL_ON"); fi
if [ -n "${INPUT_PATH_PREFIX:-}" ]; then args+=(--path-prefix "$INPUT_PATH_PREFIX"); fi
case "$format" in
github | text) ;;
*)
	echo "::error title=bitext action::format: \"$format\" is not github or text"
	exit 2
	;;
esac

if [ -n "$junit" ]; then
	mkdir -p "$(dirname "$junit")"
	# The report is written whatever the result; the gate is the next run's.
	bitext "${args[@]}" --format junit >"$junit"
	echo "junit=$junit" >>"$out"
fi

if [ "${INPUT_SUMMARY:-true}" != "true" ]; then
	unset GITHUB_STEP_SUMMARY
fi
bitext "${args[@]}" --format "$format"
code=$?
if [ "$code" = 0 ]; then
	echo "passed=true" >>"$out"
else
	echo "passed=false" >>"$out"
fi
exit "$code"
