#!/usr/bin/env bash
# The install step of action.yml: builds bitext from the action's own
# files (the version the workflow names in `uses: hopeborder/bitext@REF`)
# into $RUNNER_TEMP/bitext-bin, and puts that folder on the job's PATH.
# Runs locally too: without GitHub's variables, it builds from this
# checkout into a temporary folder and prints the folder.
set -euo pipefail

src=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/bitext-bin
version=${GITHUB_ACTION_REF:-}
[ -n "$version" ] || version="(action)"

mkdir -p "$bin"
(cd "$src" && go build -ldflags "-X main.version=$version" -o "$bin/bitext" ./cmd/bitext)
if [ -n "${GITHUB_PATH:-}" ]; then
	echo "$bin" >>"$GITHUB_PATH"
fi
"$bin/bitext" --version
echo "$bin"
