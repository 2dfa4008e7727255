#!/usr/bin/env python3
"""Writes word-like.docx: a document with the markup Word itself writes and
pandoc and LibreOffice do not, typed from what Word 2016 (German UI) saves:
localized style IDs, runs split by spell-check marks and bookmarks, smart
tags, complex and simple fields, tracked insertions, deletions and moves,
comments, footnotes and endnotes with their separators, a character style
for code, a table with merged cells, and core properties with a title and
a creation date. Run it from this folder: python3 make-word-like.py"""
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

def run(text, props=""):
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'

def para(content, style=None, num=None):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{content}</w:p>"

body = "".join([
    # No Title paragraph: the title comes from the core properties.
    para(run("Mauern und Brücken", ""), "berschrift1"),
    para(
        run("The fence was ") +
        '<w:proofErr w:type="spellStart"/>' + run("buil") + run("t", "<w:lang w:val=\"en-US\"/>") + '<w:proofErr w:type="spellEnd"/>' +
        run(" in ") + '<w:bookmarkStart w:id="0" w:name="_Hlk1"/>' + run("20") + run("06") + '<w:bookmarkEnd w:id="0"/>' +
        run(" by the ") +
        '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">' + run("Department") + "</w:smartTag>" +
        run(" of ") + run("Homeland", "<w:b/>") + run(" Security", "<w:b/><w:i/>") + run(".") +
        '<w:r><w:rPr><w:rStyle w:val="Funotenzeichen"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'),
    para(
        run("Read ") +
        '<w:hyperlink r:id="rId8" w:history="1">' + run("the", '<w:rStyle w:val="Hyperlink"/>') + run(" report", '<w:rStyle w:val="Hyperlink"/>') + "</w:hyperlink>" +
        run(" or ") +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/field" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("the field link") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        run(", page ") +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE \\* MERGEFORMAT </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        run(", and run ") + run("go vet", '<w:rStyle w:val="HTMLCode"/>') + run(" or ") + run("go test", '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/>') + run(".") +
        '<w:r><w:endnoteReference w:id="2"/></w:r>'),
    para(
        run("The count was ") +
        '<w:del w:id="10" w:author="Ana" w:date="2020-01-01T00:00:00Z"><w:r><w:delText>twelve</w:delText></w:r></w:del>' +
        '<w:ins w:id="11" w:author="Ana" w:date="2020-01-01T00:00:00Z">' + run("thirteen") + "</w:ins>" +
        run(" in all") +
        '<w:commentRangeStart w:id="0"/>' + run(", said the ") + '<w:commentRangeEnd w:id="0"/>' +
        '<w:r><w:rPr><w:rStyle w:val="Kommentarzeichen"/></w:rPr><w:commentReference w:id="0"/></w:r>' +
        run("officer") + '<w:moveFrom w:id="12" w:author="Ana" w:date="2020-01-01T00:00:00Z">' + run(" yesterday") + "</w:moveFrom>" +
        run(".") + run("A line break follows:", "") + "<w:r><w:br/></w:r>" + run("and a page break") + '<w:r><w:br w:type="page"/></w:r>'),
    para(run("Ein Zitat, als Zitat gesetzt."), "Zitat"),
    para(run("Erster Punkt"), "Aufzhlungszeichen"),
    para(run("Zweiter Punkt"), "Aufzhlungszeichen"),
    para(run("Nummer eins"), "Listenabsatz", ("2", "0")),
    para(run("Unterpunkt"), "Listenabsatz", ("2", "1")),
    '<w:tbl><w:tblPr><w:tblStyle w:val="Tabellenraster"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
    '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + para(run("Merged header")) + '</w:tc><w:tc>' + para(run("Third")) + '</w:tc></w:tr>'
    '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + para(run("Tall")) + '</w:tc><w:tc>' + para(run("a")) + para(run("b")) + '</w:tc><w:tc>' + para("") + '</w:tc></w:tr>'
    '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>' + para("") + '</w:tc><w:tc>' + para(run("c")) + '</w:tc><w:tc>' + para(run("d")) + '</w:tc></w:tr>'
    '</w:tbl>',
    para(run("Zwischenüberschrift"), "berschrift2"),
    para(run("fmt.Println(\"x\")"), "HTMLVorformatiert"),
    para(run("os.Exit(0)"), "HTMLVorformatiert"),
    para(""),
    para('<w:sdt><w:sdtContent>' + run("Text in a content control.") + '</w:sdtContent></w:sdt>'),
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
])

document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}</w:body></w:document>'

styles = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Standard"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Standard"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Zitat"><w:name w:val="Quote"/><w:basedOn w:val="Standard"/></w:style>
<w:style w:type="paragraph" w:styleId="Listenabsatz"><w:name w:val="List Paragraph"/><w:basedOn w:val="Standard"/></w:style>
<w:style w:type="paragraph" w:styleId="Aufzhlungszeichen"><w:name w:val="List Bullet"/><w:basedOn w:val="Standard"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="HTMLVorformatiert"><w:name w:val="HTML Preformatted"/><w:basedOn w:val="Standard"/></w:style>
<w:style w:type="character" w:styleId="HTMLCode"><w:name w:val="HTML Code"/><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Funotenzeichen"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Kommentarzeichen"><w:name w:val="annotation reference"/></w:style>
</w:styles>'''

numbering = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>'''

notes = lambda kind, items: f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:{kind}s {W}>
<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>
<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>
{items}
</w:{kind}s>'''

footnotes = notes("footnote", '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>' + run(" Cited in the ") + run("Annual Report", "<w:i/>") + run(", 2007.") + '</w:p></w:footnote>')
endnotes = notes("endnote", '<w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r>' + run(" An endnote.") + '</w:p><w:p>' + run("Its second paragraph.") + '</w:p></w:endnote>')

comments = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments {W}><w:comment w:id="0" w:author="Ana" w:date="2020-01-01T00:00:00Z"><w:p>{run("Check this quote.")}</w:p></w:comment></w:comments>'''

core = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Walls &amp; Bridges</dc:title><dc:creator>Ana</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2020-03-02T09:15:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2020-03-05T10:00:00Z</dcterms:modified></cp:coreProperties>'''

content_types = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'''

rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'''

doc_rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.ibwc.gov/reports/" TargetMode="External"/></Relationships>'''

parts = [
    ("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("docProps/core.xml", core),
    ("word/document.xml", document), ("word/_rels/document.xml.rels", doc_rels), ("word/styles.xml", styles),
    ("word/numbering.xml", numbering), ("word/footnotes.xml", footnotes), ("word/endnotes.xml", endnotes),
    ("word/comments.xml", comments),
]
with zipfile.ZipFile("word-like.docx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts:
        info = zipfile.ZipInfo(name, date_time=(2020, 3, 2, 9, 15, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data.encode("utf-8"))
