#!/usr/bin/env bash
# Checks that `go install github.com/hopeborder/bitext/cmd/bitext@latest`
# works as it does for someone outside this repository: a module proxy on
# the disk serves this commit as the module's latest version, go installs
# it from a folder with no Go code, and the command then runs there, on a
# project of its own and on the article built into it.
set -euo pipefail
cd "$(dirname "$0")/.."

mod=github.com/hopeborder/bitext
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT

commit=$(git rev-parse HEAD)
when=$(TZ=UTC git log -1 --date=format-local:%Y%m%d%H%M%S --format=%cd)
ver="v0.0.0-$when-${commit:0:12}"
at="$tmp/proxy/$mod/@v"
mkdir -p "$at"
git archive --format=zip --prefix="$mod@$ver/" -o "$at/$ver.zip" HEAD
git show HEAD:go.mod >"$at/$ver.mod"
printf '{"Version":"%s","Time":"%s"}\n' "$ver" "$(TZ=UTC git log -1 --date=format-local:%Y-%m-%dT%H:%M:%SZ --format=%cd)" >"$at/$ver.info"
cp "$at/$ver.info" "$tmp/proxy/$mod/@latest"
echo "$ver" >"$at/list"

# Dependencies come from this machine's module cache, else the proxy;
# this module, which no checksum database knows, is checked against nothing.
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere"
# -trimpath and no cgo, as the release builds: the packages compiled for
# them are reused, where the module's new path would compile them again.
GOBIN="$tmp/bin" GOPROXY="file://$tmp/proxy,file://$(go env GOMODCACHE)/cache/download,https://proxy.golang.org" \
	GONOSUMDB="$mod" GOFLAGS="-modcacherw -trimpath" GOMODCACHE="$tmp/modcache" CGO_ENABLED=0 \
	go install "$mod/cmd/bitext@latest"
bitext="$tmp/bin/bitext"

got=$("$bitext" --version)
case "$got" in
"bitext $ver"*) ;;
*)
	echo "go install: --version says \"$got\", want bitext $ver" >&2
	exit 1
	;;
esac

# A project of its own, in Markdown, with no Go code around it.
mkdir -p project/source
printf 'message_format: toml\nlocales: [es]\n' >project/bitext.yaml
printf '# A title\n\nA first paragraph.\n\nA second paragraph.\n' >project/source/article.md
"$bitext" -C project update --quiet >/dev/null
test -f project/locales/article.es.toml
"$bitext" -C project check --format json >check.json
grep -q '"schema": "bitext-check/1"' check.json
# And the article built into it, in an empty folder.
mkdir empty
"$bitext" -C empty status --format json | grep -q '"units": 45'
echo "go install $mod/cmd/bitext@latest: $got"
