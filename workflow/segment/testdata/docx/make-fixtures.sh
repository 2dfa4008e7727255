#!/usr/bin/env bash
# Rebuilds the .docx fixtures (the tests use the committed files; no tool is
# needed to run them). Needs pandoc and LibreOffice:
#   apt-get install -y pandoc libreoffice-writer
set -euo pipefail
cd "$(dirname "$0")"
export SOURCE_DATE_EPOCH=1572825600
# pandoc writes fixture.md as Word does through its own styles (Title,
# Heading 1, Block Text, Source Code, lists by numbering), with a tracked
# insertion and deletion and a comment.
pandoc fixture.md -o pandoc.docx
# LibreOffice writes the same article from an ODT in which the third note
# is made an endnote.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pandoc fixture.md -o "$tmp/fixture.odt"
mkdir "$tmp/odt" && (cd "$tmp/odt" && unzip -q ../fixture.odt &&
	sed -i 's/text:id="ftn2" text:note-class="footnote"/text:id="ftn2" text:note-class="endnote"/' content.xml &&
	zip -q -X -0 ../libreoffice.odt mimetype && zip -q -X -r ../libreoffice.odt . -x mimetype)
HOME="$tmp" soffice --headless --convert-to docx --outdir "$tmp" "$tmp/libreoffice.odt" >/dev/null
cp "$tmp/libreoffice.docx" libreoffice.docx
# Word's own markup, typed from what Word writes.
python3 make-word-like.py
