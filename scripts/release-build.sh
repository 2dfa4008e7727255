#!/usr/bin/env bash
# Builds bitext for the six release targets of .goreleaser.yaml (Linux,
# macOS and Windows; amd64 and arm64) with plain go build and the same
# flags: no cgo, -trimpath, and the version, commit and commit date
# stamped in. Then checks the stamps: every binary holds them, and the
# host's prints them with --version.
#
#   scripts/release-build.sh [OUT]     # default OUT: dist
#
# GoReleaser builds the published releases; this is what CI runs, since
# GoReleaser itself takes longer to build than CI has.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}

version=$(git describe --tags --always --dirty 2>/dev/null || true)
[ -n "$version" ] || version=v0.0.0-dev
case "$version" in v*) ;; *) version="v0.0.0-$version" ;; esac
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
# The commit's date, not the build's: the same commit builds the same bytes.
date=$(TZ=UTC git log -1 --date=format-local:%Y-%m-%dT%H:%M:%SZ --format=%cd 2>/dev/null || echo unknown)
ldflags="-s -w -X main.version=$version -X main.commit=$commit -X main.date=$date"

for goos in linux darwin windows; do
	for goarch in amd64 arm64; do
		ext=""
		[ "$goos" = windows ] && ext=.exe
		bin="$out/bitext_${goos}_${goarch}/bitext$ext"
		echo "build $bin"
		CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -ldflags "$ldflags" -o "$bin" ./cmd/bitext
		# -trimpath keeps -ldflags out of the build information: look for
		# the stamps in the binary itself.
		for stamp in "$version" "$commit" "$date"; do
			grep -qaF -- "$stamp" "$bin" || {
				echo "$bin: $stamp is not stamped in" >&2
				exit 1
			}
		done
	done
done

host="$out/bitext_$(go env GOOS)_$(go env GOARCH)/bitext"
want="bitext $version (commit ${commit:0:12}, $date)"
got=$("$host" --version)
if [ "$got" != "$want" ]; then
	echo "$host --version: got \"$got\", want \"$want\"" >&2
	exit 1
fi
echo "$got"
