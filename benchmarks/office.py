"""Chinese PDF and Word files made from plain text, as offices make them, for the reader benchmark and tests.

`pdf_from_text` typesets paragraphs on A4 pages the way a word processor does: lines wrap at the
column's width between any two Chinese characters (a Latin word or a number is not split), each page
has a running header and a page number at its foot, and a paragraph may run over a page break. The
font is embedded (WenQuanYi Micro Hei when installed, as `.ci/run` installs it; otherwise
reportlab's built-in STSong-Light CID font), so the PDF has a real text layer. `scanned_pdf` is a
page that is only an image; `encrypted_pdf` needs a password. `docx_from_text` writes each line as a
paragraph, and a table after them if asked. Needs reportlab (with Pillow) and python-docx.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import docx
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
HEADER = "示例党建网 · 基层动态"
MARGIN = 72
BODY_SIZE = 11
LEADING = 1.6
_TOKENS = re.compile(r"[A-Za-z0-9\u00c0-\u024f.%]+|\s|.")
"""What a line may not be broken inside: a Latin word or a number; anything else is one token."""


@cache
def cjk_font() -> str:
    """The name of a registered font that can set Chinese."""
    if WQY.exists():
        pdfmetrics.registerFont(TTFont("WenQuanYi", str(WQY), subfontIndex=0))
        return "WenQuanYi"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def wrap(paragraph: str, width: float, font: str, size: float) -> list[str]:
    """The lines a paragraph is set in, each as wide as fits."""
    lines: list[str] = []
    line = ""
    for token in _TOKENS.findall(paragraph):
        if line and pdfmetrics.stringWidth(line + token, font, size) > width:
            lines.append(line.rstrip())
            line = "" if token.isspace() else token
        else:
            line += token
    lines.append(line.rstrip())
    return lines


class _Pages:
    """A canvas that starts a new page, with its header and number, when the column is full."""

    def __init__(self, out: io.BytesIO, header: str, numbered: bool, size: float) -> None:
        self.canvas = canvas.Canvas(out, pagesize=A4)
        self.font = cjk_font()
        self.header = header
        self.numbered = numbered
        self.size = size
        self.page = 0
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        width, height = A4
        self.canvas.setFont(self.font, 9)
        if self.header:
            self.canvas.drawString(MARGIN, height - 40, self.header)
        if self.numbered:
            self.canvas.drawCentredString(width / 2, 30, f"- {self.page} -")
        self.canvas.setFont(self.font, self.size)
        self.y = height - MARGIN

    def line(self, text: str) -> None:
        if self.y < MARGIN:
            self.new_page()
        self.canvas.drawString(MARGIN, self.y, text)
        self.y -= self.size * LEADING


def pdf_from_text(text: str, header: str = HEADER, numbered: bool = True, size: float = BODY_SIZE) -> bytes:
    """A PDF of the text's non-empty lines, each set as a paragraph in `size` points (a large size
    makes a short article run over several pages)."""
    out = io.BytesIO()
    pages = _Pages(out, header, numbered, size)
    width = A4[0] - 2 * MARGIN
    for paragraph in filter(None, (line.strip() for line in text.splitlines())):
        for line in wrap(paragraph, width, pages.font, size):
            pages.line(line)
        pages.y -= size * 0.6
    pages.canvas.save()
    return out.getvalue()


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def encrypted_pdf(data: bytes, password: str = "secret") -> bytes:
    """The PDF locked with a password that opening it needs (AES-256)."""
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned_pdf(pages: int = 2) -> bytes:
    """A PDF whose pages are only pictures, as a scanner makes them: no text layer."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    scan = ImageReader(Image.new("L", (120, 170), color=235))
    for _ in range(pages):
        page.drawImage(scan, 0, 0, width=A4[0], height=A4[1])
        page.showPage()
    page.save()
    return out.getvalue()


def docx_from_text(text: str, table: Sequence[Sequence[str]] = ()) -> bytes:
    """A Word document with a paragraph per non-empty line, and `table`'s rows as a table at the end."""
    document = docx.Document()
    for paragraph in filter(None, (line.strip() for line in text.splitlines())):
        document.add_paragraph(paragraph)
    if table:
        docx_table(document, table)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_table(document: docx.document.Document, rows: Sequence[Sequence[str]]) -> None:
    grid = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    for cells, row in zip(grid.rows, rows, strict=True):
        for cell, value in zip(cells.cells, row, strict=False):
            cell.text = value


SITE = "示例党建网"
MENU = ("首页", "党建要闻", "基层动态", "园区党建", "理论学习", "廉政建设", "专题专栏", "党务公开", "联系")
HEADLINES = (
    "浦东新区召开“两新”组织党建工作推进会",
    "市委组织部调研开发区党建工作",
    "高新区举办非公企业党组织书记培训班",
    "经开区党工委开展“党建+招商”主题活动",
    "滨海新区楼宇党建联盟成立",
    "工业园区党群服务中心正式启用",
    "市委两新工委召开季度工作例会",
    "临港新片区推进产业链党建全覆盖",
)
"""Invented headlines of the kind sidebars and related-article lists carry: they name places and
organizations, so chrome that leaks into the text shows as names the article does not give."""
LAYOUTS = ("html5", "divs", "breaks")
"""`html5` marks its chrome with header/nav/aside/footer; `divs` uses class-named divs, as most
Chinese government and party sites do; `breaks` also sets the article as one block of `<br>` lines."""


def _links(items: Sequence[str], href: str = "/list/") -> str:
    return "".join(f'<li><a href="{href}{i}.html">{item}</a></li>' for i, item in enumerate(items))


def _chrome(layout: str) -> tuple[str, str, str]:
    """(top of the page, sidebar with related articles, footer), in the layout's markup."""
    semantic = layout == "html5"
    box, bar, foot = ("header", "aside", "footer") if semantic else ("div", "div", "div")
    menu = "nav" if semantic else "div"
    top = (
        f'<{box} class="top"><div class="topbar"><a href="/">网站首页</a> | <a href="#">设为首页</a> | '
        f'<a href="#">加入收藏</a> | <a href="#">无障碍浏览</a></div><div class="logo">{SITE}</div></{box}>'
        f'<{menu} class="menu"><ul>{_links(MENU)}</ul></{menu}>'
        '<div class="crumb">当前位置：<a href="/">首页</a> &gt; '
        '<a href="/list/2.html">基层动态</a> &gt; 正文</div>'
    )
    side = (
        f'<{bar} class="right"><div class="box"><h3>热点排行</h3><ul>{_links(HEADLINES[:5], "/a/")}</ul>'
        f'</div><div class="box"><h3>专题专栏</h3><ul>{_links(MENU[2:6], "/zt/")}</ul></div></{bar}>'
    )
    footer = (
        f'<{foot} class="footer"><p><a href="#">关于我们</a> | <a href="#">网站地图</a> | '
        f'<a href="#">联系我们</a></p><p>主办：中共示例市委组织部　承办：示例市党员教育中心</p>'
        f"<p>版权所有 &copy; 2024 {SITE}　京ICP备12345678号-1　京公网安备11010502030000号</p></{foot}>"
    )
    return top, side, footer


def html_page(text: str, layout: str = "divs", charset: str = "utf-8") -> bytes:
    """A saved news page with the text as its article, amid the chrome party-building sites have.

    Around the article: a top bar, the site's menu and a breadcrumb; a byline with date and source;
    print/close links and the editor after it; a sidebar of popular headlines; a related-articles
    list; a footer with the sponsor, copyright and ICP licence line. A short first line (no
    full stop) is the headline, as `<h1>` and in `<title>`. Encoded in `charset`, declared by
    `<meta charset>`.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    headline = lines[0] if lines and len(lines[0]) <= 60 and "。" not in lines[0] else ""
    body = lines[1:] if headline else lines
    if layout == "breaks":
        article = '<div class="TRS_Editor">' + "<br><br>".join(f"　　{line}" for line in body) + "</div>"
    else:
        article = "".join(f'<p style="text-indent:2em">{line}</p>' for line in body)
    top, side, footer = _chrome(layout)
    wrapper = "article" if layout == "html5" else "div"
    page = (
        f'<!DOCTYPE html><html><head><meta charset="{charset}">'
        f"<title>{headline or '正文'}_基层动态_{SITE}</title>"
        '<link rel="stylesheet" href="/css/main.css"><script src="/js/jquery.min.js"></script>'
        "<script>var _hmt = _hmt || []; (function() { _hmt.push(['_trackPageview']); })();</script>"
        f'</head><body>{top}<div class="main"><div class="left"><{wrapper} class="article">'
        + (f"<h1>{headline}</h1>" if headline else "")
        + f'<div class="info">发布时间：2024-05-12 09:30　来源：{SITE}　'
        '浏览次数：<span id="hits">1024</span></div>'
        f'<div class="content">{article}</div>'
        '<div class="tools">【<a href="javascript:window.print()">打印本页</a>】'
        '【<a href="javascript:window.close()">关闭窗口</a>】</div><div class="editor">责任编辑：李明</div>'
        f'</{wrapper}><div class="related"><h3>相关文章</h3><ul>{_links(HEADLINES[3:], "/r/")}</ul></div>'
        f"</div>{side}</div>{footer}</body></html>"
    )
    return page.encode(charset)
