#!/usr/bin/env python3
"""Builds the shipped document templates from their readable sources.

    scripts/build-templates.py [--out DIR] [--check]

Each templates/src/<name>.xml describes one document (letterhead, body,
tables, signature blocks, footer) in a small XML vocabulary (see
docs/dev/documents.md). From it this script writes, into templates/ (or DIR):

    <name>.docx   hand-written minimal WordprocessingML (document, styles,
                  settings, header, footer, rels, content types, core/app props)
    <name>.odt    OpenDocument text (content, styles with the master page's
                  header and footer, meta, manifest; mimetype stored first)
    <name>.html   one self-contained page (inline styles only: CSS braces
                  would be read as tags)
    <name>.md     Markdown

The zips are built deterministically (fixed entry order, fixed timestamps,
fixed permissions, deflate level 9), so running the script again gives
byte-identical files; --check rebuilds into a temporary folder and fails when
anything differs from templates/ (tests/unit/documents runs it).
Only the Python standard library is used.
"""

import argparse
import filecmp
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "templates", "src")
ZIP_TIME = (2026, 1, 1, 0, 0, 0)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Text width of an A4 page with 2 cm margins, in twentieths of a point.
TEXT_WIDTH_TWIPS = 9638
TEXT_WIDTH_CM = 17.0


def esc(s):
    return escape(s, {'"': "&quot;"})


# ---------------------------------------------------------------------------
# The source model: blocks of inline runs.

class Run:
    def __init__(self, text="", bold=False, italic=False, kind="text"):
        self.text, self.bold, self.italic, self.kind = text, bold, italic, kind  # kind: text|br|page|pages


def inline(el, bold=False, italic=False):
    """The runs of an element's mixed content (<b>, <i>, <br/>, <page/>, <pages/>)."""
    runs = []
    if el.text:
        runs.append(Run(el.text, bold, italic))
    for child in el:
        if child.tag == "b":
            runs += inline(child, True, italic)
        elif child.tag == "i":
            runs += inline(child, bold, True)
        elif child.tag == "br":
            runs.append(Run(kind="br"))
        elif child.tag == "page":
            runs.append(Run(kind="page"))
        elif child.tag == "pages":
            runs.append(Run(kind="pages"))
        else:
            raise SystemExit(f"unknown inline element <{child.tag}>")
        if child.tail:
            runs.append(Run(child.tail, bold, italic))
    # Collapse the source's indentation white space.
    for r in runs:
        if r.kind == "text":
            r.text = " ".join(r.text.replace("\n", " ").split(" "))
            while "  " in r.text:
                r.text = r.text.replace("  ", " ")
    if runs and runs[0].kind == "text":
        runs[0].text = runs[0].text.lstrip()
    if runs and runs[-1].kind == "text":
        runs[-1].text = runs[-1].text.rstrip()
    return [r for r in runs if r.kind != "text" or r.text]


def without_page_numbers(runs):
    """Footer runs for HTML/Markdown, which have no pages: drops "· pagina <page/> van <pages/>"."""
    if not any(r.kind in ("page", "pages") for r in runs):
        return runs
    out = []
    for r in runs:
        if r.kind in ("page", "pages"):
            continue
        if r.kind == "text" and out and out[-1].kind == "text" and out[-1].bold == r.bold and out[-1].italic == r.italic:
            out[-1] = Run(out[-1].text + r.text, r.bold, r.italic)
        else:
            out.append(Run(r.text, r.bold, r.italic, r.kind))
    for r in out:
        if r.kind == "text":
            r.text = re.sub(r"\s*·?\s*pagina\s*van\s*$", "", r.text)
    return [r for r in out if r.kind != "text" or r.text]


def plain(runs):
    out = ""
    for r in runs:
        out += r.text if r.kind == "text" else ("\n" if r.kind == "br" else "")
    return out


# ---------------------------------------------------------------------------
# DOCX

PARA_STYLES = {  # source style → (styleId, name, pPr, rPr)
    "normal": ("Normal", "Normal", '<w:spacing w:after="120" w:line="264" w:lineRule="auto"/>',
               '<w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans"/>'
               '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="nl-BE"/>'),
    "titel": ("Titel", "Title", '<w:spacing w:before="240" w:after="240"/>',
              '<w:b/><w:sz w:val="32"/><w:szCs w:val="32"/>'),
    "kop": ("Kop1", "heading 1", '<w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/>',
            '<w:b/><w:sz w:val="24"/><w:szCs w:val="24"/>'),
    "klein": ("Klein", "Klein", '<w:spacing w:after="0"/>', '<w:sz w:val="17"/><w:szCs w:val="17"/>'),
    "rechts": ("Rechts", "Rechts", '<w:jc w:val="right"/>', ""),
    "adres": ("Adres", "Adres", '<w:spacing w:after="0"/>', ""),
    "opsomming": ("Opsomming", "Opsomming", '<w:spacing w:after="60"/><w:ind w:left="425" w:hanging="283"/>', ""),
    "briefhoofd": ("Briefhoofd", "Briefhoofd", '<w:spacing w:after="0"/>',
                   '<w:color w:val="1F4E79"/><w:sz w:val="18"/><w:szCs w:val="18"/>'),
    "voettekst": ("Voettekst", "Voettekst", '<w:spacing w:after="0"/><w:jc w:val="center"/>',
                  '<w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/>'),
    "cel": ("Cel", "Cel", '<w:spacing w:after="0"/>', '<w:sz w:val="18"/><w:szCs w:val="18"/>'),
    "handtekening": ("Handtekening", "Handtekening", '<w:keepNext/><w:spacing w:after="0"/>', ""),
}


def docx_runs(runs):
    out = []
    for r in runs:
        rpr = ("<w:b/>" if r.bold else "") + ("<w:i/>" if r.italic else "")
        rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
        if r.kind == "br":
            out.append(f"<w:r>{rpr}<w:br/></w:r>")
        elif r.kind in ("page", "pages"):
            instr = "PAGE" if r.kind == "page" else "NUMPAGES"
            out.append(f'<w:fldSimple w:instr=" {instr} "><w:r>{rpr}<w:t>1</w:t></w:r></w:fldSimple>')
        else:
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{esc(r.text)}</w:t></w:r>')
    return "".join(out)


def docx_para(runs, style="normal", extra_ppr=""):
    sid = PARA_STYLES[style][0]
    ppr = f'<w:pPr><w:pStyle w:val="{sid}"/>{extra_ppr}</w:pPr>' if sid != "Normal" or extra_ppr else ""
    return f"<w:p>{ppr}{docx_runs(runs)}</w:p>"


def tag_para_docx(tag):
    return docx_para([Run(tag)])


def docx_cell(runs, width, header=False, borders=True, style="cel"):
    shade = '<w:shd w:val="clear" w:color="auto" w:fill="DEEAF6"/>' if header else ""
    nob = "" if borders else ('<w:tcBorders><w:top w:val="nil"/><w:left w:val="nil"/>'
                              '<w:bottom w:val="nil"/><w:right w:val="nil"/></w:tcBorders>')
    body = docx_para(runs, style)
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{nob}{shade}</w:tcPr>{body}</w:tc>'


def docx_table(widths, rows, borders=True, split=False):
    """rows: list of (cells: list of runs-lists | list of block xml, header).
    split: body rows may break across pages (a row with a long text would
    otherwise leave the rest of a page empty)."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    style = '<w:tblStyle w:val="Tabelraster"/>' if borders else ""
    out = [f'<w:tbl><w:tblPr>{style}<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
           f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    for cells, header in rows:
        trpr = ("<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" if header
                else "" if split else "<w:trPr><w:cantSplit/></w:trPr>")
        tcs = []
        for w, c in zip(widths, cells):
            if isinstance(c, str):  # pre-rendered paragraphs
                nob = "" if borders else ('<w:tcBorders><w:top w:val="nil"/><w:left w:val="nil"/>'
                                          '<w:bottom w:val="nil"/><w:right w:val="nil"/></w:tcBorders>')
                tcs.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{nob}</w:tcPr>{c}</w:tc>')
            else:
                tcs.append(docx_cell(c, w, header, borders))
        out.append(f"<w:tr>{trpr}{''.join(tcs)}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def widths_twips(el):
    parts = [float(x) for x in el.get("widths").split(",")]
    total = sum(parts)
    ws = [int(TEXT_WIDTH_TWIPS * p / total) for p in parts]
    ws[-1] += TEXT_WIDTH_TWIPS - sum(ws)
    return ws


def table_rows(el):
    """[(cells as runs lists, header, loop name)]; loop tags go into the first and last cell."""
    rows = []
    for tr in el:
        if tr.tag != "tr":
            raise SystemExit(f"<table> holds <tr>, not <{tr.tag}>")
        cells = [inline(td) for td in tr]
        loop = tr.get("loop")
        if loop:
            cells[0] = [Run("{#" + loop + "}")] + cells[0]
            cells[-1] = cells[-1] + [Run("{/" + loop + "}")]
        rows.append((cells, tr.get("head") == "1"))
    return rows


def docx_blocks(parent):
    out = []
    for el in parent:
        t = el.tag
        if t == "p":
            # keep="1": stays on the page of what follows (a closing line before the signatures).
            out.append(docx_para(inline(el), el.get("style", "normal"), "<w:keepNext/>" if el.get("keep") == "1" else ""))
        elif t == "h":
            out.append(docx_para(inline(el), "kop"))
        elif t == "title":
            out.append(docx_para(inline(el), "titel"))
        elif t == "li":
            out.append(docx_para([Run("\u2013\t")] + inline(el), "opsomming",
                                 '<w:tabs><w:tab w:val="left" w:pos="425"/></w:tabs>'))
        elif t == "space":
            # keep="1": an empty line that stays with what follows (before the closing formula).
            out.append(docx_para([], "normal", "<w:keepNext/>" if el.get("keep") == "1" else ""))
        elif t in ("loop", "if", "ifnot"):
            sign = "^" if t == "ifnot" else "#"
            out.append(tag_para_docx("{" + sign + el.get("name") + "}"))
            out += docx_blocks(el)
            out.append(tag_para_docx("{/" + el.get("name") + "}"))
        elif t == "table":
            out.append(docx_table(widths_twips(el), table_rows(el), split=el.get("split") == "1"))
            out.append(docx_para([], "klein"))
        elif t == "signatures":
            sigs = list(el)
            w = TEXT_WIDTH_TWIPS // len(sigs)
            cells = []
            for s in sigs:
                paras = [docx_para(inline(line), "handtekening") for line in s]
                cells.append("".join(paras))
            out.append(docx_table([w] * len(sigs), [(cells, False)], borders=False))
        else:
            raise SystemExit(f"unknown block <{t}>")
    return out


def docx_header_footer(kind, paragraphs):
    root = "w:hdr" if kind == "header" else "w:ftr"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<{root} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{"".join(paragraphs)}</{root}>')


def build_docx(tpl):
    body = "".join(docx_blocks(tpl.find("body")))
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
            '<w:footerReference w:type="default" r:id="rIdFooter"/>'
            '<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="2268" w:right="1134" w:bottom="1418" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
            '</w:sectPr>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}{sect}</w:body></w:document>')
    header = docx_header_footer("header", [docx_para(inline(p), "briefhoofd") for p in tpl.find("letterhead")]
                                + [docx_para([], "klein", '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="1F4E79"/></w:pBdr>')])
    footer = docx_header_footer("footer", [docx_para(inline(p), "voettekst") for p in tpl.find("footer")])

    styles = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">',
              '<w:docDefaults><w:rPrDefault><w:rPr>', PARA_STYLES["normal"][3],
              '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>', PARA_STYLES["normal"][2],
              '</w:pPr></w:pPrDefault></w:docDefaults>']
    for key, (sid, name, ppr, rpr) in PARA_STYLES.items():
        default = ' w:default="1"' if key == "normal" else ""
        based = "" if key == "normal" else '<w:basedOn w:val="Normal"/>'
        styles.append(f'<w:style w:type="paragraph"{default} w:styleId="{sid}"><w:name w:val="{name}"/>{based}'
                      f'<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')
    styles.append('<w:style w:type="table" w:default="1" w:styleId="StandaardTabel"><w:name w:val="Normal Table"/>'
                  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
                  '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
                  '</w:tblCellMar></w:tblPr></w:style>')
    styles.append('<w:style w:type="table" w:styleId="Tabelraster"><w:name w:val="Table Grid"/>'
                  '<w:basedOn w:val="StandaardTabel"/><w:tblPr><w:tblBorders>'
                  + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/>'
                            for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
                  + '</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
                  '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>')
    styles.append("</w:styles>")

    settings = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W_NS}">'
                '<w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/>'
                '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
                '</w:settings>')
    rels_doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
                '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
                '<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
                '</Relationships>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '</Relationships>')
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     f'<Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/>'
                     f'<Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/>'
                     f'<Override PartName="/word/settings.xml" ContentType="{wml}.settings+xml"/>'
                     f'<Override PartName="/word/header1.xml" ContentType="{wml}.header+xml"/>'
                     f'<Override PartName="/word/footer1.xml" ContentType="{wml}.footer+xml"/>'
                     '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                     '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
                     '</Types>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(tpl.get("title"))}</dc:title><dc:subject>{esc(tpl.get("subject", ""))}</dc:subject>'
            '<dc:creator>igsgov</dc:creator><dc:language>nl-BE</dc:language></cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>igsgov sjablonen</Application></Properties>')
    return [("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("docProps/core.xml", core),
            ("docProps/app.xml", app), ("word/document.xml", document), ("word/styles.xml", "".join(styles)),
            ("word/settings.xml", settings), ("word/header1.xml", header), ("word/footer1.xml", footer),
            ("word/_rels/document.xml.rels", rels_doc)]


# ---------------------------------------------------------------------------
# ODT

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'office:version="1.3"')

ODT_STYLES = {  # source style → (name, paragraph props, text props)
    "normal": ("Standard", 'fo:margin-bottom="0.21cm"', 'style:font-name="Liberation Sans" fo:font-size="10.5pt" fo:language="nl" fo:country="BE"'),
    "titel": ("Titel", 'fo:margin-top="0.42cm" fo:margin-bottom="0.42cm"', 'fo:font-size="16pt" fo:font-weight="bold"'),
    "kop": ("Kop_20_1", 'fo:margin-top="0.42cm" fo:margin-bottom="0.14cm" fo:keep-with-next="always"', 'fo:font-size="12pt" fo:font-weight="bold"'),
    "klein": ("Klein", 'fo:margin-bottom="0cm"', 'fo:font-size="8.5pt"'),
    "rechts": ("Rechts", 'fo:text-align="end"', ""),
    "adres": ("Adres", 'fo:margin-bottom="0cm"', ""),
    "opsomming": ("Opsomming", 'fo:margin-left="0.75cm" fo:text-indent="-0.5cm" fo:margin-bottom="0.1cm"', ""),
    "briefhoofd": ("Briefhoofd", 'fo:margin-bottom="0cm"', 'fo:color="#1f4e79" fo:font-size="9pt"'),
    "voettekst": ("Voettekst", 'fo:margin-bottom="0cm" fo:text-align="center"', 'fo:color="#595959" fo:font-size="8pt"'),
    "cel": ("Cel", 'fo:margin-bottom="0cm"', 'fo:font-size="9pt"'),
    "handtekening": ("Handtekening", 'fo:margin-bottom="0cm" fo:keep-with-next="always"', ""),
}


# An automatic paragraph style: a normal paragraph kept with the next one.
ODT_KEEP = "PVast"
ODT_KEEP_STYLE = (f'<style:style style:name="{ODT_KEEP}" style:family="paragraph" style:parent-style-name="Standard">'
                  '<style:paragraph-properties fo:keep-with-next="always"/></style:style>')


def odt_runs(runs):
    out = []
    for r in runs:
        if r.kind == "br":
            out.append("<text:line-break/>")
            continue
        if r.kind == "page":
            content = '<text:page-number text:select-page="current">1</text:page-number>'
        elif r.kind == "pages":
            content = "<text:page-count>1</text:page-count>"
        else:
            content = esc(r.text).replace("  ", " <text:s/>")
        if r.bold or r.italic:
            name = "T" + ("B" if r.bold else "") + ("I" if r.italic else "")
            content = f'<text:span text:style-name="{name}">{content}</text:span>'
        out.append(content)
    return "".join(out)


def odt_para(runs, style="normal"):
    return f'<text:p text:style-name="{ODT_STYLES[style][0]}">{odt_runs(runs)}</text:p>'


class OdtTables:
    def __init__(self):
        self.n = 0
        self.styles = []

    def table(self, widths_cm, rows, borders=True, split=False):
        # Rows never break across pages (as in DOCX, w:cantSplit) unless split: a signature
        # row split over two pages left the dotted lines alone on the next page.
        self.n += 1
        name = f"Tabel{self.n}"
        self.styles.append(f'<style:style style:name="{name}" style:family="table"><style:table-properties '
                           f'style:width="{sum(widths_cm):.2f}cm" table:align="left"/></style:style>')
        for i, w in enumerate(widths_cm):
            self.styles.append(f'<style:style style:name="{name}.C{i}" style:family="table-column">'
                               f'<style:table-column-properties style:column-width="{w:.2f}cm"/></style:style>')
        border = 'fo:border="0.5pt solid #8eaadb"' if borders else 'fo:border="none"'
        self.styles.append(f'<style:style style:name="{name}.K" style:family="table-cell"><style:table-cell-properties '
                           f'fo:padding="0.07cm" {border}/></style:style>')
        self.styles.append(f'<style:style style:name="{name}.H" style:family="table-cell"><style:table-cell-properties '
                           f'fo:padding="0.07cm" fo:background-color="#deeaf6" {border}/></style:style>')
        row_style = ""
        if not split:
            self.styles.append(f'<style:style style:name="{name}.R" style:family="table-row"><style:table-row-properties '
                               f'fo:keep-together="always"/></style:style>')
            row_style = f' table:style-name="{name}.R"'
        out = [f'<table:table table:name="{name}" table:style-name="{name}">']
        out += [f'<table:table-column table:style-name="{name}.C{i}"/>' for i in range(len(widths_cm))]
        for cells, header in rows:
            cell_style = f"{name}.H" if header else f"{name}.K"
            row = []
            for c in cells:
                content = c if isinstance(c, str) else odt_para(c, "cel")
                row.append(f'<table:table-cell table:style-name="{cell_style}" office:value-type="string">{content}</table:table-cell>')
            out.append(f"<table:table-row{row_style}>{''.join(row)}</table:table-row>")
        out.append("</table:table>")
        return "".join(out)


def odt_blocks(parent, tables):
    out = []
    for el in parent:
        t = el.tag
        if t == "p":
            if el.get("keep") == "1":
                out.append(f'<text:p text:style-name="{ODT_KEEP}">{odt_runs(inline(el))}</text:p>')
            else:
                out.append(odt_para(inline(el), el.get("style", "normal")))
        elif t == "h":
            out.append(f'<text:h text:style-name="Kop_20_1" text:outline-level="1">{odt_runs(inline(el))}</text:h>')
        elif t == "title":
            out.append(odt_para(inline(el), "titel"))
        elif t == "li":
            out.append(odt_para([Run("\u2013 ")] + inline(el), "opsomming"))
        elif t == "space":
            out.append(f'<text:p text:style-name="{ODT_KEEP}"/>' if el.get("keep") == "1" else odt_para([]))
        elif t in ("loop", "if", "ifnot"):
            sign = "^" if t == "ifnot" else "#"
            out.append(odt_para([Run("{" + sign + el.get("name") + "}")]))
            out += odt_blocks(el, tables)
            out.append(odt_para([Run("{/" + el.get("name") + "}")]))
        elif t == "table":
            ws = [TEXT_WIDTH_CM * w / TEXT_WIDTH_TWIPS for w in widths_twips(el)]
            out.append(tables.table(ws, table_rows(el), split=el.get("split") == "1"))
            out.append(odt_para([], "klein"))
        elif t == "signatures":
            sigs = list(el)
            cells = ["".join(odt_para(inline(line), "handtekening") for line in s) for s in sigs]
            out.append(tables.table([TEXT_WIDTH_CM / len(sigs)] * len(sigs), [(cells, False)], borders=False))
        else:
            raise SystemExit(f"unknown block <{t}>")
    return out


def build_odt(tpl):
    tables = OdtTables()
    body = "".join(odt_blocks(tpl.find("body"), tables))
    text_styles = ('<style:style style:name="TB" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>'
                   '<style:style style:name="TI" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>'
                   '<style:style style:name="TBI" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODF_NS}>'
               '<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;" '
               'style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>'
               f'<office:automatic-styles>{text_styles}{ODT_KEEP_STYLE}{"".join(tables.styles)}</office:automatic-styles>'
               f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')
    named = []
    for key, (name, ppr, tpr) in ODT_STYLES.items():
        parent = "" if key == "normal" else ' style:parent-style-name="Standard"'
        display = name.replace("_20_", " ")
        named.append(f'<style:style style:name="{name}" style:display-name="{display}" style:family="paragraph"{parent}>'
                     f'<style:paragraph-properties {ppr}/><style:text-properties {tpr}/></style:style>')
    header = "".join(odt_para(inline(p), "briefhoofd") for p in tpl.find("letterhead"))
    footer = "".join(odt_para(inline(p), "voettekst") for p in tpl.find("footer"))
    styles = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ODF_NS}>'
              '<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;" '
              'style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>'
              f'<office:styles>{"".join(named)}</office:styles>'
              '<office:automatic-styles><style:page-layout style:name="A4">'
              '<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1cm" '
              'fo:margin-bottom="1cm" fo:margin-left="2cm" fo:margin-right="2cm"/>'
              '<style:header-style><style:header-footer-properties fo:min-height="2cm" fo:margin-bottom="0.5cm" '
              'fo:border-bottom="0.75pt solid #1f4e79" fo:padding-bottom="0.1cm"/></style:header-style>'
              '<style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style>'
              '</style:page-layout></office:automatic-styles>'
              '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">'
              f'<style:header>{header}</style:header><style:footer>{footer}</style:footer>'
              '</style:master-page></office:master-styles></office:document-styles>')
    meta = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {ODF_NS}><office:meta>'
            f'<dc:title>{esc(tpl.get("title"))}</dc:title><dc:subject>{esc(tpl.get("subject", ""))}</dc:subject>'
            '<dc:language>nl-BE</dc:language><meta:generator>igsgov sjablonen</meta:generator>'
            '</office:meta></office:document-meta>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    return [("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content),
            ("styles.xml", styles), ("meta.xml", meta), ("META-INF/manifest.xml", manifest)]


# ---------------------------------------------------------------------------
# HTML (inline styles only: a CSS brace would be read as a template tag)

HTML_P = {
    "normal": "margin:0 0 0.5em 0",
    "titel": "font-size:1.5em;font-weight:bold;margin:1em 0",
    "klein": "font-size:0.8em;margin:0",
    "rechts": "text-align:right;margin:0 0 0.5em 0",
    "adres": "margin:0",
    "opsomming": "margin:0 0 0.3em 1.5em;text-indent:-1em",
    "handtekening": "margin:0",
}


def html_runs(runs):
    out = []
    for r in runs:
        if r.kind == "br":
            out.append("<br>")
        elif r.kind in ("page", "pages"):
            out.append("1")
        else:
            s = esc(r.text)
            if r.bold:
                s = f"<strong>{s}</strong>"
            if r.italic:
                s = f"<em>{s}</em>"
            out.append(s)
    return "".join(out)


def html_blocks(parent, indent="    "):
    out = []
    for el in parent:
        t = el.tag
        if t == "p":
            style = HTML_P[el.get("style", "normal")] + (";page-break-after:avoid" if el.get("keep") == "1" else "")
            out.append(f'{indent}<p style="{style}">{html_runs(inline(el))}</p>')
        elif t == "h":
            out.append(f'{indent}<h2 style="font-size:1.15em;margin:1em 0 0.3em 0">{html_runs(inline(el))}</h2>')
        elif t == "title":
            out.append(f'{indent}<h1 style="{HTML_P["titel"]}">{html_runs(inline(el))}</h1>')
        elif t == "li":
            out.append(f'{indent}<p style="{HTML_P["opsomming"]}">\u2013 {html_runs(inline(el))}</p>')
        elif t == "space":
            keep = ";page-break-after:avoid" if el.get("keep") == "1" else ""
            out.append(f'{indent}<p style="margin:0{keep}">&#160;</p>')
        elif t in ("loop", "if", "ifnot"):
            sign = "^" if t == "ifnot" else "#"
            out.append(f'{indent}{{{sign}{el.get("name")}}}')
            out += html_blocks(el, indent)
            out.append(f'{indent}{{/{el.get("name")}}}')
        elif t == "table":
            ws = widths_twips(el)
            out.append(f'{indent}<table width="100%" style="border-collapse:collapse;width:100%;font-size:0.9em;margin-bottom:1em">')
            for tr in el:
                cells = [inline(td) for td in tr]
                tag = "th" if tr.get("head") == "1" else "td"
                bg = "background:#deeaf6;text-align:left;" if tag == "th" else ""
                # width as an attribute too: LibreOffice's HTML import ignores it in style.
                tds = "".join(f'<{tag} width="{100 * w // TEXT_WIDTH_TWIPS}%" style="{bg}border:1px solid #8eaadb;'
                              f'padding:2px 5px;width:{100 * w // TEXT_WIDTH_TWIPS}%">'
                              f'{html_runs(c)}</{tag}>' for w, c in zip(ws, cells))
                if tr.get("loop"):
                    out.append(f'{indent}  {{#{tr.get("loop")}}}')
                out.append(f"{indent}  <tr>{tds}</tr>")
                if tr.get("loop"):
                    out.append(f'{indent}  {{/{tr.get("loop")}}}')
            out.append(f"{indent}</table>")
        elif t == "signatures":
            out.append(f'{indent}<table width="100%" style="width:100%;margin-top:1.5em;page-break-inside:avoid"><tr>')
            for s in el:
                lines = "".join(f'<p style="margin:0">{html_runs(inline(line))}</p>' for line in s)
                out.append(f'{indent}  <td style="vertical-align:top;width:{100 // len(list(el))}%">{lines}</td>')
            out.append(f"{indent}</tr></table>")
        else:
            raise SystemExit(f"unknown block <{t}>")
    return out


def build_html(tpl):
    # The letterhead is a table: LibreOffice prints an HTML page that starts with a
    # paragraph on a blank first page (and loses that paragraph); a table first does not.
    head = "\n".join(f'      <tr><td style="padding:0">{html_runs(inline(p))}</td></tr>' for p in tpl.find("letterhead"))
    foot = "\n".join(f'      <p style="margin:0">{html_runs(without_page_numbers(inline(p)))}</p>' for p in tpl.find("footer"))
    body = "\n".join(html_blocks(tpl.find("body")))
    return (
        '<!DOCTYPE html>\n<html lang="nl-BE">\n<head>\n  <meta charset="utf-8">\n'
        f'  <title>{esc(tpl.get("title"))}</title>\n</head>\n'
        '<body style="font-family:\'Liberation Sans\',Arial,sans-serif;font-size:11pt;max-width:17cm;margin:2em auto;color:#000">\n'
        '  <header style="color:#1f4e79;font-size:0.85em;border-bottom:1px solid #1f4e79;padding-bottom:0.3em;margin-bottom:1.5em">\n'
        '    <table style="border-collapse:collapse;color:#1f4e79">\n'
        f"{head}\n    </table>\n  </header>\n  <main>\n{body}\n  </main>\n"
        '  <footer style="color:#595959;font-size:0.75em;text-align:center;border-top:1px solid #ccc;margin-top:2em;padding-top:0.3em">\n'
        f"{foot}\n  </footer>\n</body>\n</html>\n")


# ---------------------------------------------------------------------------
# Markdown

def md_runs(runs):
    out = ""
    for r in runs:
        if r.kind == "br":
            out += "  \n"
        elif r.kind in ("page", "pages"):
            continue
        else:
            s = r.text
            if r.bold:
                s = f"**{s}**"
            if r.italic:
                s = f"*{s}*"
            out += s
    return out


def md_cell(text):
    """Escapes '|' for the table syntax, except inside tags (formatters: {x | euro})."""
    out, depth = "", 0
    for ch in text:
        depth += ch == "{"
        depth -= ch == "}"
        out += "\\|" if ch == "|" and depth == 0 else ch
    return out


def ends_with_li(el):
    last = list(el)[-1] if len(el) else None
    return last is not None and (last.tag == "li" or (last.tag in ("loop", "if", "ifnot") and ends_with_li(last)))


def md_blocks(parent):
    out = []
    previous = None
    for el in parent:
        t = el.tag
        # A list item directly followed by anything but another item or a section: a blank
        # line between them, or Markdown glues a paragraph to the item (lazy continuation).
        if previous == "li" and t not in ("li", "space", "loop", "if", "ifnot"):
            out.append("")
        if t != "space":
            previous = t
        if t == "p":
            style = el.get("style", "normal")
            text = md_runs(inline(el))
            out.append(("<div align=\"right\">" + text + "</div>" if style == "rechts" else text) + "\n")
        elif t == "h":
            out.append("## " + md_runs(inline(el)) + "\n")
        elif t == "title":
            out.append("# " + md_runs(inline(el)) + "\n")
        elif t == "li":
            out.append("- " + md_runs(inline(el)))
        elif t == "space":
            continue
        elif t in ("loop", "if", "ifnot"):
            sign = "^" if t == "ifnot" else "#"
            out.append("{" + sign + el.get("name") + "}")
            out += md_blocks(el)
            out.append("{/" + el.get("name") + "}")
            # A section that ends in a list item: a blank line after it, or Markdown
            # glues the next paragraph to the last item (lazy continuation).
            if ends_with_li(el):
                out.append("")
        elif t == "table":
            for i, tr in enumerate(el):
                cells = [md_cell(md_runs(inline(td))) for td in tr]
                if tr.get("loop"):
                    out.append("{#" + tr.get("loop") + "}")
                out.append("| " + " | ".join(cells) + " |")
                if tr.get("loop"):
                    out.append("{/" + tr.get("loop") + "}")
                if i == 0:
                    out.append("|" + "---|" * len(cells))
            out.append("")
        elif t == "signatures":
            for s in el:
                out.append("  \n".join(md_runs(inline(line)) for line in s if md_runs(inline(line))) + "\n")
        else:
            raise SystemExit(f"unknown block <{t}>")
    return out


def build_md(tpl):
    head = "  \n".join(md_runs(inline(p)) for p in tpl.find("letterhead"))
    foot = "  \n".join(md_runs(without_page_numbers(inline(p))) for p in tpl.find("footer")
                        if md_runs(without_page_numbers(inline(p))))
    return head + "\n\n---\n\n" + "\n".join(md_blocks(tpl.find("body"))).rstrip("\n") + "\n\n---\n\n" + foot + "\n"


# ---------------------------------------------------------------------------

def write_zip(path, entries, stored_first=False):
    with open(path, "wb") as f:
        with zipfile.ZipFile(f, "w") as z:
            for i, (name, text) in enumerate(entries):
                info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
                info.create_system = 3
                info.external_attr = 0o100644 << 16
                if stored_first and i == 0:
                    info.compress_type = zipfile.ZIP_STORED
                    z.writestr(info, text.encode("utf-8"))
                else:
                    info.compress_type = zipfile.ZIP_DEFLATED
                    z.writestr(info, text.encode("utf-8"), compresslevel=9)


def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def build(out_dir):
    written = []
    for fname in sorted(os.listdir(SRC)):
        if not fname.endswith(".xml"):
            continue
        tpl = ET.parse(os.path.join(SRC, fname)).getroot()
        name = tpl.get("name")
        if name + ".xml" != fname:
            raise SystemExit(f"{fname}: name attribute '{name}' does not match the file name")
        formats = tpl.get("formats", "docx odt html md").split()
        base = os.path.join(out_dir, name)
        if "docx" in formats:
            write_zip(base + ".docx", build_docx(tpl))
            written.append(base + ".docx")
        if "odt" in formats:
            write_zip(base + ".odt", build_odt(tpl), stored_first=True)
            written.append(base + ".odt")
        if "html" in formats:
            write_text(base + ".html", build_html(tpl))
            written.append(base + ".html")
        if "md" in formats:
            write_text(base + ".md", build_md(tpl))
            written.append(base + ".md")
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(ROOT, "templates"))
    ap.add_argument("--check", action="store_true", help="rebuild into a temporary folder and compare with --out")
    args = ap.parse_args()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            built = build(tmp)
            bad = []
            for path in built:
                committed = os.path.join(args.out, os.path.basename(path))
                if not os.path.exists(committed) or not filecmp.cmp(path, committed, shallow=False):
                    bad.append(os.path.basename(path))
            if bad:
                print("differs from the sources (run scripts/build-templates.py): " + ", ".join(bad), file=sys.stderr)
                return 1
            print(f"{len(built)} templates identical to their sources")
            return 0
    for path in build(args.out):
        print(os.path.relpath(path, ROOT) if path.startswith(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
