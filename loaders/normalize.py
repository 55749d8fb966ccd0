"""Cleaning decoded text into the normalized text that extraction offsets index.

`normalize` runs small steps in a fixed order, and the order matters:

1. line endings first, so every later step can work line by line;
2. pinyin glosses (`產(chǎn)`) go before anything else touches the text: they are Latin letters with
   tone marks, which the mojibake check would otherwise take for mis-decoded Latin-1 (`è`, `à`), and
   which would split words that boilerplate patterns and extraction must see whole;
3. traditional → simplified comes before the mojibake check and the boilerplate rules, because both
   are written for simplified text (the check asks whether a character is a common GB2312 one; the
   markers say `关键词`, not `關鍵詞`);
4. mojibake is removed before punctuation is unified, which would delete the soft hyphen and turn
   the no-break space into a space, both being bytes of UTF-8 read as Latin-1 (`ä¸­` is 中); and
   before boilerplate, so a line that held only garbage is then dropped as an empty line;
5. punctuation is unified before boilerplate, so rules see one form of quotes, digits and spaces;
6. boilerplate is dropped last, on clean lines, sentence by sentence within a line (a page may arrive
   as one line), and a final tidy collapses the blank lines the removals leave behind; a text that
   would lose everything keeps it, with a warning, rather than silently becoming empty;
7. a page that arrived without line breaks gets back the ones general cues show (before `一、` or a
   caption's `▲`, after a heading or the headline, between roster lines), once its chrome is gone, so
   no chrome item is taken for a heading.

Text that is already clean simplified UTF-8 passes through unchanged apart from whitespace and the
boilerplate lines: ASCII `,` and `:` after Chinese text are kept as written, because offsets and
evidence strings should read like the source.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache

import opencc

from parkgraph.loaders.gazetteer import load_gazetteer
from parkgraph.loaders.lexicon import load_lexicon

__all__ = [
    "Normalized",
    "drop_boilerplate",
    "find_title",
    "normalize",
    "normalize_text",
    "remove_mojibake",
    "remove_pinyin_glosses",
    "to_simplified",
    "unify_line_endings",
    "unify_punctuation",
]


@dataclass
class Normalized:
    """The normalized text, the headline found in it, and what was removed as garbled."""

    text: str
    title: str
    warnings: list[str] = field(default_factory=list)


# --- line endings ---------------------------------------------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def unify_line_endings(text: str) -> str:
    """Every line break becomes `\\n`."""
    return _LINE_BREAKS.sub("\n", text)


# --- pinyin glosses -------------------------------------------------------------------------------

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_SYLLABLE = rf"[a-z{_TONED}]{{1,6}}"
_GLOSS = re.compile(rf"(?<=[^\s(（])[(（](?=[^)）]*[{_TONED}]){_SYLLABLE}(?: {_SYLLABLE}){{0,3}}[)）]")
"""A parenthesis glued to the previous character holding lowercase pinyin with a tone mark or ü:
`產(chǎn)`, `區（qū）`. `(试行)`, `(2017)`, `(一)` or `(a)` have no tone mark and stay."""


_DAMAGED_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（](?=[a-z]*\?[a-z?]*[)）])(?=[^)）]*[a-z])[a-z?]{2,6}[)）]"
)
"""The same gloss after a legacy encoding (GBK, Big5) turned its tone mark into `?`: `產(ch?n)`."""


def remove_pinyin_glosses(text: str) -> str:
    """`產(chǎn)業(yè)` → `產業`: pronunciation glosses some sites glue after every character."""
    return _DAMAGED_GLOSS.sub("", _GLOSS.sub("", text))


# --- traditional → simplified ---------------------------------------------------------------------


@cache
def _t2s() -> opencc.OpenCC:
    """One converter per process: building it reads OpenCC's dictionaries."""
    return opencc.OpenCC("t2s")


_VARIANTS = (("陜", "陕"),)
"""Characters pages write for another that OpenCC leaves alone: 陜 (a rare old character) for 陝/陕
in `陜西省`, which then matches no place of the gazetteer."""


def to_simplified(text: str) -> str:
    """Traditional characters to simplified (OpenCC t2s); simplified text comes back unchanged."""
    text = _t2s().convert(text)
    for variant, standard in _VARIANTS:
        text = text.replace(variant, standard)
    return text


# --- mojibake -------------------------------------------------------------------------------------

_REPLACEMENT = re.compile("\ufffd+")
_FILLER = re.compile(r"(?:锟斤拷)+锟?|烫{3,}|屯{3,}")
"""What GBK tools print for U+FFFD bytes (锟斤拷) and for uninitialised memory (烫烫, 屯屯)."""
_LATIN1_LEAD = "[\u00c2-\u00ef]"
_LATIN1_NEXT = (
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_LATIN1 = re.compile(rf"(?:{_LATIN1_LEAD}{_LATIN1_NEXT}{{2}})+|(?:{_LATIN1_LEAD}{_LATIN1_NEXT}{{1,2}}){{2,}}")
"""UTF-8 read as Latin-1/cp1252: `ä¸­æ–‡` for 中文 (a lead letter, then continuation-byte characters)."""
_LOST = re.compile(r"(?<=[^\x00-\x7f])\?{2,}(?=[^\x00-\x7f])")
"""`??` inside Chinese text: characters a converter could not map and replaced with `?`."""
_STRAY = "?!^`"
"""ASCII characters that stand in for lost bytes in and around a garbled stretch."""
_STRAY_RUN = re.compile(r"[?!^`]+")
_ODD = "^`"
"""Strays that no Chinese sentence uses: one Chinese neighbour is enough to count them (`?` needs two)."""
_FOREIGN_BLOCKS = ((0xE000, 0xF8FF), (0x3040, 0x30FF), (0xAC00, 0xD7AF), (0xFF66, 0xFF9F))
"""Private use, kana, hangul, half-width katakana: what wrong decodings of Chinese bytes produce."""
_CLUSTER_GAP = 3
_CLUSTER_MIN_WEIGHT = 3.0
_CLUSTER_MIN_DENSITY = 0.4


def _gb2312_level(char: str) -> int:
    """1 for the 3,755 common hanzi, 2 for the 3,008 rarer ones, 3 for anything outside GB2312."""
    try:
        code = char.encode("gb2312")
    except UnicodeEncodeError:
        return 3
    if len(code) < 2:
        return 0
    return 1 if code[0] <= 0xD7 else 2


@cache
def _weirdness(char: str) -> float:
    """How out of place a character is in simplified Chinese prose (0 = ordinary)."""
    code = ord(char)
    if any(low <= code <= high for low, high in _FOREIGN_BLOCKS):
        return 2.0
    if 0x2500 <= code <= 0x259F:
        return 1.0
    is_hanzi = 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or code >= 0x20000
    if not is_hanzi:
        return 0.0
    level = _gb2312_level(char)
    return {1: 0.0, 2: 0.5}.get(level, 1.0)


def _weights(line: str) -> list[float]:
    """`_weirdness` per character; a run of stray ASCII marks glued to Chinese text counts too."""
    weights = [_weirdness(char) for char in line]
    for run in _STRAY_RUN.finditer(line):
        before = line[run.start() - 1 : run.start()]
        after = line[run.end() : run.end() + 1]
        chinese_sides = sum(1 for side in (before, after) if side and not side.isascii())
        for index in range(run.start(), run.end()):
            if chinese_sides >= (1 if line[index] in _ODD else 2):
                weights[index] = 1.0
    return weights


def _soup_spans(line: str) -> list[tuple[int, int]]:
    """Stretches of rare characters, kana and private-use code points packed together.

    One rare character is a name (姚, 瑜); three or more rare ones with hardly a common character
    between them are a wrong decoding (`皫づ窬瘛睒`).
    """
    weights = _weights(line)
    spans: list[tuple[int, int]] = []
    group: list[int] = []
    for index in [*(i for i, weight in enumerate(weights) if weight > 0), None]:
        if group and (index is None or index - group[-1] > _CLUSTER_GAP + 1):
            start, end = group[0], group[-1] + 1
            total = sum(weights[start:end])
            strong = sum(1 for i in group if weights[i] >= 1)
            rare = any(line[i] not in _STRAY for i in group)
            dense = total / (end - start) >= _CLUSTER_MIN_DENSITY
            if rare and strong >= 2 and total >= _CLUSTER_MIN_WEIGHT and dense:
                spans.append(_widen(line, start, end))
            group = []
        if index is not None:
            group.append(index)
    return spans


def _widen(line: str, start: int, end: int) -> tuple[int, int]:
    """Take in the stray ASCII that lost bytes became after a garbled stretch (`皫…睒O`).

    Strays before it are left: they stand where a sentence ended (`。“` became `?!`), and keeping
    them keeps the sentence boundary.
    """
    while start < end and line[start] in _STRAY:
        start += 1
    while end < len(line) and line[end] in _STRAY:
        end += 1
    if end + 1 < len(line) and line[end].isascii() and line[end].isalpha() and not line[end + 1].isascii():
        end += 1
    return start, end


def _remove_mojibake_once(text: str, found: list[str]) -> str:
    def drop(match: re.Match[str], what: str) -> str:
        found.append(f"removed {what} {match.group()!r}")
        return ""

    text = _REPLACEMENT.sub(lambda m: drop(m, f"{len(m.group())} undecodable character(s)"), text)
    text = _FILLER.sub(lambda m: drop(m, "filler left by a broken conversion"), text)
    text = _LATIN1.sub(lambda m: drop(m, "UTF-8 text read as Latin-1"), text)
    lines = []
    for line in text.split("\n"):
        for start, end in reversed(_soup_spans(line)):
            found.append(f"removed garbled text {line[start:end]!r} (a wrong decoding)")
            line = line[:start] + line[end:]
        lines.append(line)
    return _LOST.sub(lambda m: drop(m, f"{len(m.group())} characters lost in a conversion"), "\n".join(lines))


def remove_mojibake(text: str, warnings: list[str] | None = None) -> str:
    """Remove stretches that are mis-decoded text, saying what went in `warnings`.

    Garbled text cannot be repaired (the bytes are lost), and leaving it would give extraction
    nonsense names; removing it silently would hide that the source is damaged. Runs until nothing
    more is found, since a removal can bring two garbled pieces together.
    """
    found: list[str] = []
    while (cleaned := _remove_mojibake_once(text, found)) != text:
        text = cleaned
    if warnings is not None:
        warnings.extend(found)
    return text


# --- punctuation and spaces -----------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = dict.fromkeys([*map(ord, "\t\u00a0\u1680\u202f\u205f\u3000"), *range(0x2000, 0x200B)], " ")
_QUOTES = str.maketrans(
    {"「": "“", "」": "”", "『": "‘", "』": "’", "〝": "“", "〞": "”", "〟": "”", "„": "“", "‟": "“"}
)
_SMALL_FORMS = str.maketrans(
    {"﹐": "，", "﹑": "、", "﹒": ".", "﹔": "；", "﹕": "：", "﹖": "？", "﹗": "！"}
)
_FULLWIDTH_KEPT = "！＂，：；？［］｛｝～"
"""Full-width forms that are Chinese punctuation in their own right and so stay as they are."""
_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if chr(code) not in _FULLWIDTH_KEPT}
_HALFWIDTH[ord("丨")] = ord("|")  # `专访丨甲乙公司…`: the stroke headlines use as a bar, never in a name
_STRAIGHT_QUOTE = re.compile('["＂]')
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_RUN_OF_SPACES = re.compile(" {2,}")


_STRAIGHT_SINGLE_QUOTED = re.compile(
    r"(?<![A-Za-z])'([\u3400-\u9fff0-9+＋](?:[^'\n]{0,38}[\u3400-\u9fff0-9A-Z+＋])?)'(?![A-Za-z])"
)
"""Chinese words between straight single quotes (`打造'四联四帮'品牌`), not an apostrophe (`Xi'an`)."""


def _curl_quotes(line: str) -> str:
    """Straight double quotes in a Chinese line become “ and ” in turn; straight single quotes around
    Chinese words become ‘ and ’."""
    if not _CJK.search(line):
        return line
    line = _STRAIGHT_SINGLE_QUOTED.sub(r"‘\1’", line) if "'" in line else line
    if not _STRAIGHT_QUOTE.search(line):
        return line
    marks = iter("“”" * len(line))
    return _STRAIGHT_QUOTE.sub(lambda _: next(marks), line)


def unify_punctuation(text: str) -> str:
    """One form for each mark, keeping Chinese punctuation Chinese.

    Full-width digits, letters and brackets become ASCII (`２０１７` → `2017`; `甲（成都）有限公司` is one
    name however a page brackets it); ，。；：“”、！？ stay; 「」『』 and
    straight quotes become “”‘’; every kind of space becomes one ASCII space, runs collapse, lines are
    stripped; a post title spaced out before a colon (`书  记:`) is written whole.
    """
    text = _tabbed_as_rows(text) if "\t" in text else text
    text = text.translate(_INVISIBLE).translate(_SPACES).translate(_QUOTES).translate(_SMALL_FORMS)
    text = text.translate(_HALFWIDTH)
    text = _SPACED_LABEL_WORD.sub(_join_spaced_title, text)
    text = _spaced_as_rows(text)
    lines = (_RUN_OF_SPACES.sub(" ", _curl_quotes(line)).strip() for line in text.split("\n"))
    return "\n".join(lines)


def _tabbed_as_rows(text: str) -> str:
    """Two or more lines in a row whose cells are tab-separated (a table copied from a spreadsheet or
    a page) are written `| a | b |`, as a table in a text is read (`tables.py`): spaces alone would
    run the cells together."""
    lines = text.split("\n")
    tabbed = ["\t" in line.strip() for line in lines]
    out = []
    for i, line in enumerate(lines):
        block = tabbed[i] and ((i > 0 and tabbed[i - 1]) or (i + 1 < len(lines) and tabbed[i + 1]))
        cells = " | ".join(cell.strip() for cell in line.strip().split("\t"))
        out.append(f"| {cells} |" if block else line)
    return "\n".join(out)


_SPACED_ROW_CELLS = 3
"""Cells a space-separated line needs to be a table's row (two are a roster's `书记 甲乙`)."""
_SPACED_ROW_LINES = 3
"""Lines of one count of cells a block needs to be a table: its header and two rows."""
_PROSE_MARKS = re.compile(r"[，,。；;：:！!？?|]")


def _spaced_as_rows(text: str) -> str:
    """Three or more lines in a row of as many space-separated cells, three or more each, and no
    punctuation of prose (a table a page lines up with spaces: `序号 党组织名称 书记`) are written
    `| a | b |`, as tab-separated ones are."""
    lines = text.split("\n")
    counts = [0 if _PROSE_MARKS.search(line) else len(line.split()) for line in lines]
    out = list(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and counts[j] >= _SPACED_ROW_CELLS and counts[j] == counts[i]:
            j += 1
        if j - i >= _SPACED_ROW_LINES:
            for k in range(i, j):
                out[k] = "| " + " | ".join(lines[k].split()) + " |"
        i = max(j, i + 1)
    return "\n".join(out)


_SPACED_LABEL_WORD = re.compile(r"([\u4e00-\u9fff]) +([\u4e00-\u9fff])(?=[:：])")
"""A two-character label spaced out to line up with longer ones (`书  记:`, `委  员:`)."""


def _join_spaced_title(m: re.Match[str]) -> str:
    """`书  记:` → `书记:` where the two characters are a post title; other spaced words stay."""
    word = m.group(1) + m.group(2)
    return word if word in load_lexicon().post_titles else m.group()


# --- boilerplate ----------------------------------------------------------------------------------
# All page-chrome knowledge is here: markers, spam vocabulary and the shapes of navigation lines.

_STRONG_MARKER = re.compile(
    r"版权所有|免责声明|版权声明|ICP备|ICP证|公网安备|转载请注明|未经授权|"
    r"本网转载|责任编辑|【详细】|\[详细\]|【全文】"
)
"""Drop the line wherever they occur, even in a full sentence: nothing in an article says them."""
_LINE_START_MARKER = re.compile(
    r"关键词|关键字|标签[:：]|Tags|责编|编辑[:：]|当前位置|您的位置|您现在的位置|所在位置|"
    r"上一篇|下一篇|上一条|下一条|原文链接|本文链接|分享到|分享至|Copyright|©"
)
_WIDGET_MARKER = re.compile(
    r"关闭窗口|关闭本页|扫一扫|返回顶部|回到顶部|我要评论|发表评论|网友评论|查看全部留言|"
    r"查看评论|【打印】|\[打印\]|打印本页|打印此文|字号[:：]|收藏本文|加入收藏|设为首页|网站地图|"
    r"联系我们|扫描二维码|微信公众号|点击排行|最新评论|热门评论|【关闭】|\[关闭\]"
)
"""Drop a short line that is not a sentence and carries one of these share/comment/print widgets."""
_BLOCK_HEADER = re.compile(
    r"相关新闻|相关阅读|推荐阅读|猜你喜欢|延伸阅读|相关文章|相关链接|相关专题|相关报道|"
    r"热点推荐|精彩推荐|热门推荐|更多阅读|热门文章|往期回顾|编辑推荐"
)
"""Headers of related-article lists; near the end of a page everything after them is the list."""
_OPENING_HEADER = re.compile(rf"\s*[【\[]?(?:{_BLOCK_HEADER.pattern})[】\]]?")
_TRAILING_BLOCK_FROM = 0.6
_SPAM_TOKENS = re.compile(
    r"(?i)(?<![a-z])av(?![a-z])|αⅴ|无码|有码|中文字幕|人妻|熟女|少妇|一区二区|二区三区|波多野|三级片|香港三级|"
    r"日本三级|国产精品|精品国产|日韩|偷拍|乱伦|色片|色情|成人影|百家乐|葡京|时时彩|六合彩|老虎机|娱乐城|"
    r"真人视讯|在线观看|亚洲欧美|欧美日韩|久久久|久久精品|久久国产|久久亚洲"
)
"""Porn and gambling SEO vocabulary that hijacked pages put in their first line."""
_NAV_WORD = re.compile(r"首页|主页|正文|当前位置|位置")
_NAV_SEPARATORS = re.compile(r"\s*[|｜]\s*")
_TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$")
_CRUMB_SEPARATORS = re.compile(r"[>＞»›→]")
_SITE_SUFFIX = re.compile(r"(?:网|网站|频道|新闻|在线|门户|官网|数据库|客户端)$")
_REGION_NAME = re.compile(r"^[\u4e00-\u9fff]{1,5}[市县区旗镇乡州盟]$")
_COUNTER = re.compile(r"(?:(?:访问|浏览|阅读|点击)(?:人数|次数|量|数)|访客|人气)\s*[:：]?\s*\d+")
_METADATA = re.compile(
    r"(?:来源|稿源|出处|发布时间|发布日期|发表时间|更新时间|时间|日期)\s*[:：]\s*[^\s|。，,；;！？]{0,30}"
    r"|https?://\S+|www\.[\w.-]+(?:/\S*)?|[\w-]+(?:\.[\w-]+)*\.(?:cn|com|net|org)(?:/\S*)?"
    r"|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?"
)
"""Publication metadata: source and date fields, dates, times, addresses; a line of only these goes."""
_WORD = re.compile(r"\w")
_SENTENCE = re.compile(r"[。！？!?]|[，,；;](?=.*[\u4e00-\u9fff])")
_BRACKETS = "【】[]()（）<>《》〈〉「」“”\"'·•-—_ :：*#"
_SHORT_LINE = 40
_NAV_SEGMENT = 15


def _is_sentence(line: str) -> bool:
    return bool(_SENTENCE.search(line))


def _core(line: str) -> str:
    return line.strip(_BRACKETS)


def _is_spam(line: str) -> bool:
    tokens = {match.group().lower() for match in _SPAM_TOKENS.finditer(line)}
    return len(tokens) >= 2 or (len(tokens) == 1 and line.count("_") >= 2)


def _is_keyword_title(line: str) -> bool:
    """An SEO title: keyword runs joined by `_` (`标题_频道_网站`), no sentence in it."""
    parts = [part for part in line.split("_") if part.strip()]
    return len(parts) >= 3 and not re.search("[。！？]", line)


_HEADLINE_MIN = 6
"""Chinese characters a keyword title's first part needs to be the article's headline."""


def _headline(line: str) -> str | None:
    """The headline an SEO title opens with (`某书记甲乙:以党建引领发展_频道_网站`): the page's own title,
    often the only place it names a person with the post, is kept when the rest is only site names."""
    if not _is_keyword_title(line) or _STRONG_MARKER.search(line) or _is_spam(line):
        return None
    head = line.split("_", 1)[0].strip()
    return head if len(_CJK.findall(head)) >= _HEADLINE_MIN else None


_POST = "(?:书记|主任|部长|委员|主席|区长|县长|市长|局长|董事长|总经理)"
_POST_HOLDER = re.compile(rf"{_POST}[:：]\s*[\u4e00-\u9fff]{{2}}")
"""A post and its holder written as a label (`副书记:甲乙`): a roster line, never a link's title."""
_FACT_CUE = re.compile(
    r"[\u4e00-\u9fff]{2}(?:党委|党工委|党支部|党总支|党组|工委|管委会|委员会|有限公司|集团)"
    rf"|{_POST_HOLDER.pattern}|{_POST}\s*$"
)
"""What names a body or a post (`某区党工委`, `某公司有限公司`, `书记:甲乙`, `…党委书记`): no menu item
does (`书记信箱` is a link, `书记` ending a part is a post)."""
_PARK_TAIL = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:开发区|高新区|经开区|园区|新区|产业园)")


_FOOTER_LABEL = re.compile(r"(?:主办|承办|协办|技术支持|维护|地址|电话|传真|邮编|邮箱)(?:单位)?\s*[:：]")
"""A footer's fields (`主办单位:某区管委会 | 地址:…`): chrome that names a body."""


def _holds_fact(part: str) -> bool:
    """A body, a post with its holder, or a place's park (`某市高新区`) in a link-like part: a fact
    line written between bars (a roster, a table row), not a menu (`首页|园区动态|关于我们`)."""
    if _FACT_CUE.search(part):
        return True
    gazetteer = load_gazetteer()
    return any(
        (place := gazetteer.match(part, pos) or _county_form(part, pos))
        and _PARK_TAIL.match(part, pos + len(place))
        for pos in range(len(part))
    )


def _county_form(text: str, pos: int) -> str | None:
    """The short form of a county-level name written at `pos` (`新都`), which a park's name may open with."""
    return next((f for n in (4, 3, 2) if (f := text[pos : pos + n]) in load_gazetteer().county_forms), None)


def _crumb_headline(line: str) -> str | None:
    """The article's headline a breadcrumb ends with (`首页 > 要闻 > 某区党工委书记甲乙调研企业`): kept
    when it names a body, a post or a park, as a link's label (`正文`, `党建动态`) never does."""
    if not _CRUMB_SEPARATORS.search(line):
        return None
    tail = _CRUMB_SEPARATORS.split(line)[-1].strip()
    return tail if len(_CJK.findall(tail)) >= _HEADLINE_MIN and _holds_fact(tail) else None


def _is_navigation(line: str, in_body: bool = False) -> bool:
    """`A网|B频道|C库`, `首页 > 正文`, or a list of county names used as site links.

    Short parts between bars are a menu above or below the text; between two of its paragraphs
    (`in_body`), or naming a body or a post, they are the article's own (a table row, a heading in
    parts). A footer's fields go wherever they stand."""
    parts = [part for part in _NAV_SEPARATORS.split(line) if part]
    if len(parts) >= 3 and all(len(part) <= _NAV_SEGMENT for part in parts):
        footer = any(_FOOTER_LABEL.search(part) for part in parts)
        # a row written between bars at both ends (`| 姓名 | 职务 |`) is a table's, not a menu
        table_row = bool(_TABLE_LINE.match(line))
        if footer or not (in_body or table_row or any(_holds_fact(part) for part in parts)):
            return True
    if _CRUMB_SEPARATORS.search(line) and _NAV_WORD.search(line):
        return True
    names = [part for part in re.split(r"[\s|｜/]+", line) if part]
    return len(names) >= 5 and sum(bool(_REGION_NAME.match(name)) for name in names) >= 0.7 * len(names)


def _is_metadata(line: str) -> bool:
    if re.search("[。！？]", line):
        return False
    rest, count = _METADATA.subn("", line)
    return count > 0 and not _WORD.search(rest)


_RUNS_ON = ("：", ":", "；", ";", "，", ",", "、")
"""How a line of running text may end that a link's title never does."""
_WRITTEN_END = re.compile(r"[。！？!?]")
"""A sentence the article wrote (`园区党委开通了微信公众号。`), which a widget's short label never is."""


def _is_widget(line: str) -> bool:
    """A label line (`关键词:…`, `上一篇:…`) or a short widget; a long written sentence that opens with a
    label word is prose (`关键词:融合 某园区党委坚持…。`), and a widget word in a sentence is its own."""
    written = bool(_WRITTEN_END.search(line))
    if len(line) > _SHORT_LINE and written:
        return False
    if _LINE_START_MARKER.match(_core(line)):
        return True
    if len(line) > _SHORT_LINE or written:
        return False
    return bool(_WIDGET_MARKER.search(line) or _COUNTER.search(line))


def _is_block_header(line: str) -> bool:
    core = _core(line)
    return len(core) <= 12 and bool(_BLOCK_HEADER.match(core))


def _is_site_banner(line: str) -> bool:
    """`中国共产党新闻网` on a line of its own at the top of the page."""
    return len(line) <= _NAV_SEGMENT and not re.search(r"[^\w]", line) and bool(_SITE_SUFFIX.search(line))


def _boilerplate_check(line: str, in_header: bool, in_body: bool = False) -> str | None:
    """The check that takes one stripped line for page chrome, or None; a full sentence needs an
    explicit marker to go. Named, so what a check drops can be measured (scripts/boilerplate_loss.py)."""
    if not _WORD.search(line):
        return "no-word"
    if _STRONG_MARKER.search(line):
        return "strong-marker"
    if _is_spam(line):
        return "spam"
    if _is_widget(line):
        return "widget"
    if _is_metadata(line):
        return "metadata"
    if _is_sentence(line):
        return None
    if _is_keyword_title(line):
        return "keyword-title"
    if _is_navigation(line, in_body):
        return "navigation"
    return "site-banner" if in_header and _is_site_banner(line) else None


def _is_paragraph(line: str) -> bool:
    """A line of running text, where the page header ends; a headline may ask a question, not end in 。."""
    return "。" in line or (bool(re.search("[！？!?]", line)) and len(line) >= _SHORT_LINE)


_PIECE_END = re.compile(r"[。！？!?]+[”’」』》）)】\]]*")
"""Where a sentence ends: a line holding several sentences (a page that arrives as one line) is judged
sentence by sentence, so one marker drops its own sentence, not the page."""
_MEDIA = "(?:网|报|台|社|频道|在线|客户端|公众号)"
"""How the name of a source medium ends (`四川组工网`, `广西日报`): where a source field glued to the
headline or text after it stops."""
_SECTION = "(?:动态|新闻|频道|资讯|要闻|党建|材料|大全|总结|专题|区县|公告|快讯|聚焦|报道)"
"""How a site's section is named, so a breadcrumb glued to the headline after it ends there
(`首页 > 党建材料 > 工作总结|某局:…`)."""
_CHROME_ITEM = re.compile(
    r"(?P<closed>【[^【】]{0,6}(?:打印|关闭|字号|字体|收藏|评论|分享|纠错|顶部)[^【】]{0,6}】"
    r"|\d{4}-\d{1,2}-\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|https?://[\w./?=&%#-]+|www\.[\w.-]+"
    r"|(?:(?:发布|更新|发表)(?:日期|时间)\s*[:：]?\s*)?\d{4}年\d{1,2}月\d{1,2}日\s*[|｜]\s*"
    r"|(?:发布|更新|发表)(?:日期|时间)\s*[:：]?\s*\d{4}年\d{1,2}月\d{1,2}日"
    rf"|{_COUNTER.pattern}|(?:来源|稿源|出处)[:：]\s*(?:[\u4e00-\u9fffA-Za-z]{{1,10}}?{_MEDIA}[—-]?)+"
    r"|(?:[您你]?(?:当前|现在|所在)?的?位置\s*[:：]\s*)?[^\s>＞»|:：“”【】]{1,12}+"
    r"(?:\s*[>＞»]+\s*[^\s>＞»|:：“”【】]{1,12}+)*\s*[>＞»]+\s*"
    rf"(?:正文|[^\s>＞»|:：“”【】]{{1,12}}+(?=[\s【“]|$)|[^\s>＞»|:：“”【】]{{0,6}}?{_SECTION})"
    r"|字号[:：]\s*(?:[大中小]\s*){1,3}|(?:浏览|阅读|点击)次数\s*[:：](?!\s*\d)"
    r"|分享[到至][:：]|[>＞»›→]\s*正文|关闭窗口|关闭本页|(?:返回|回到)顶部|打印本页|打印此文|收藏本文|加入收藏|设为首页)"
    r"|(?:关键词|关键字|责任编辑|责编|(?<!责任)编辑|来源|稿源|发布时间|发布日期|发表时间|更新时间|浏览次数|阅读次数)"
    r"\s*[:：]|版权所有|免责声明|Copyright|©|当前位置|您的位置|您现在的位置|您所在的位置|上一篇|下一篇"
    rf"|(?<=[\u4e00-\u9fff])时间[:：]|[【\[](?:{_BLOCK_HEADER.pattern})[】\]]"
)
"""Page chrome inside a line: a piece starts at each item, and a `closed` one (a widget, a time stamp,
a labelled date or one before a `|`, an address, a counter or its bare label, a source medium) also
ends one, so chrome glued to the text around it (a page without line breaks) is judged on its own."""


_BYLINE_OPENING = re.compile(r"(?:本刊|本报)(?:特约)?记者|通讯员")
"""Where a byline opens (`本刊记者 甲乙`): a label glued before it (`关键词:…`) ends there."""


def _pieces(line: str) -> list[str]:
    """`line` cut after each sentence and around page chrome, when it holds several sentences (a line of
    one is judged whole, as page chrome usually comes); what has no word stays with the piece before it."""
    cuts = {m.end() for m in _PIECE_END.finditer(line)}
    if not any(cut < len(line.rstrip()) for cut in cuts):
        return [line]
    cuts |= {m.start() for m in _BYLINE_OPENING.finditer(line)}
    cuts |= {
        m.start() for m in _BLOCK_HEADER.finditer(line) if m.start() and not _CJK.match(line, m.start() - 1)
    }
    for m in _CHROME_ITEM.finditer(line):
        cuts.add(m.start())
        if m.group("closed"):
            cuts.add(m.end())
    # a related-articles header that opens a piece is a piece of its own, as it would be a line
    cuts |= {header.end() for cut in cuts if (header := _OPENING_HEADER.match(line, cut))}
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(line)), len(line)]
    pieces: list[str] = []
    for start, end in itertools.pairwise(bounds):
        if pieces and not _WORD.search(line[start:end]):
            pieces[-1] += line[start:end]
        else:
            pieces.append(line[start:end])
    return pieces or [line]


def drop_boilerplate(text: str, dropped: list[tuple[str, str]] | None = None) -> str:
    """Drop page chrome, piece by piece (see `_pieces`); blank lines stay (the final tidy collapses them).

    A related-articles header in the last part of the page drops everything after it; earlier, it
    drops itself and the link titles that follow it, up to the next blank line or line of running text
    (`_ends_list`). A menu's bar between two paragraphs is the article's own (`_is_navigation`). Where
    chrome is dropped from inside a line, a line break keeps apart the text it stood between.
    `dropped`, when given, receives each dropped piece with the name of the check that dropped it.
    """

    def drop(check: str, piece: str) -> None:
        if dropped is not None:
            dropped.append((check, piece))

    kept: list[str] = []
    offset = 0
    in_header = True
    in_list = False
    lines = text.split("\n")
    paragraphs = [index for index, line in enumerate(lines) if _is_paragraph(line.strip())] or [0]
    for index, line in enumerate(lines):
        in_body = paragraphs[0] < index < paragraphs[-1]
        run: list[str] = []
        for piece in _pieces(line):
            stripped = piece.strip()
            position = offset / max(1, len(text))
            offset += len(piece)
            if in_list:
                if not stripped or _ends_list(stripped):
                    in_list = False
                else:
                    _flush(run, kept)
                    drop("related-list", piece)
                    continue
            if not stripped:
                _flush(run, kept)
                kept.append("")
                continue
            if _is_block_header(stripped):
                _flush(run, kept)
                if position >= _TRAILING_BLOCK_FROM:
                    drop("trailing-block", piece + text[offset:])
                    return "\n".join(kept)
                drop("block-header", piece)
                in_list = True
                continue
            check = _boilerplate_check(stripped, in_header, in_body) or (
                "chrome-item" if _is_chrome_item(stripped) else None
            )
            if check:
                head = _headline(stripped) or _crumb_headline(stripped)
                _flush(run, kept)
                drop(check, piece)
                if head:
                    kept.append(head)
                continue
            in_header = in_header and not _is_paragraph(stripped)
            run.append(piece)
        _flush(run, kept)
        offset += 1
    return "\n".join(kept)


def _ends_list(line: str) -> bool:
    """Where a list of link titles gives way to the article again: a paragraph, a line that runs on
    (`…班子成员如下:`, `…;`), or a roster line (`书记:甲乙`); a link's title is none of these."""
    return _is_paragraph(line) or line.endswith(_RUNS_ON) or bool(_POST_HOLDER.search(line))


def _is_chrome_item(piece: str) -> bool:
    """A widget, time stamp, address, counter or source standing alone is chrome, whatever it says."""
    item = _CHROME_ITEM.fullmatch(piece)
    return bool(item and item.group("closed"))


def _flush(run: list[str], kept: list[str]) -> None:
    """The pieces kept next to one another become one line (joined once: a page may hold thousands)."""
    if run:
        kept.append("".join(run).strip())
        run.clear()


# --- line breaks a flat page lost -----------------------------------------------------------------
# A page that arrives without line breaks glues its headings, bylines and roster lines onto the text
# after them, and names then read the heading's last words as their own (`组织架构高新区党工委`).
# Where a general cue says a line ended, a line break goes back in.

_FLAT_SENTENCES_PER_BREAK = 8
"""A page with fewer line breaks than one per this many sentence ends arrived flat: written pages
break at least every few sentences (paragraphs, headings)."""
_NUMERALS = "一二三四五六七八九十"
_MARKERS = (
    (re.compile(rf"(?<![统唯第同单万专逐])(?P<n>[{_NUMERALS}]{{1,2}})、"), True),
    (re.compile(rf"[（(](?P<n>[{_NUMERALS}]{{1,2}})[）)]"), True),
    (re.compile(rf"(?<![统唯第同单万专逐])(?P<n>[{_NUMERALS}])是"), False),
    (re.compile(r"(?<![\d.第])(?P<n>\d{1,2})[.、](?=[\u4e00-\u9fff])"), True),
)
"""Enumeration markers (`一、`, `（一）`, `一是`, `1.`), and whether one opens a heading whose end is
looked for (`一、组织架构|高新区党工委…`; `一是` opens a sentence). A marker counts when its neighbour
in the count (`二、` after `一、`) is written too, so `统一、` or a lone `(三)` do not."""
_INLINE = "，,、；;：:"
"""After these a marker continues a sentence's own list (`包括:一是…`) rather than opening a line."""
_HEADING_REACH = 24
_OPENING_BRACKETS = ("(", "（")
_CLOSING_BRACKETS = ")）"
_HEADING_JOINERS = ("和", "与", "及", "的", "、")
"""After a section heading's word, what joins it to more of the heading (`基本情况和主要做法`)."""
_UNIT_SUFFIX = (
    r"(?:经济技术开发区|高新技术产业开发区|经济开发区|开发区|高新区|经开区|工业园区?|产业园区?|园区|新区"
    r"|新城|科技城|科学城|党工委|工委|党委|区委|县委|市委|管委会)"
)
_BARE_UNIT = re.compile(
    r"(?<!经济)(?<!技术)(?<!产业)(?<!科技)(?<!工业)(?<!高新)(?<!保税)(?<!物流)(?:高新区|开发区|经开区|工业园区|园区|新区)(?:党工委|工委|党委|管委会)"
)
"""A park's own body named without its place (`高新区党工委`): what a sentence after a heading opens
with, unless it ends a longer park name (`某某经济技术开发区党工委`)."""
_UNIT_TAIL = re.compile(rf"[\u4e00-\u9fff]{{0,8}}?{_UNIT_SUFFIX}")
_COUNTY_UNIT_TAIL = re.compile(rf"[\u4e00-\u9fff]{{0,2}}?{_UNIT_SUFFIX}")
"""After a county's short form, which is often a common word (`资源`), the unit must follow at once."""
_TIME_OPENER = re.compile(
    r"(?:今年|去年|年初|近年|成立|建区|自[^，,。]{1,8})以来|近[一二两三四五几]年来?|近年来|近日|日前|据了解"
    r"|(?:[一二两三四五六七八九十几多]{1,3}|\d{1,2})个?(?:年|月)多?来"
    r"|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?"
)
"""How a sentence opens on a time (`成立以来,`, `一年多来`, `2022年7月`) or a report (`据了解`)."""
_LEDE_TIME = re.compile(
    rf"(?:{_TIME_OPENER.pattern}|\d{{1,2}}月\d{{1,2}}日|今年|去年|近期|近来|目前|当前|如今)"
    r"(?:上午|下午|晚上|晚间)?[，,]"
)
"""A time and its comma (`近日,`, `7月1日上午,`): how a news lede opens."""
_LEDE_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚间)?[，,]|(?:近日|日前)[，,]")
"""A day and its comma (`10月11日上午,`): glued right after words, where a headline or caption ended."""
_DATELINE = re.compile(
    r"本报讯|本报[\u4e00-\u9fff]{1,4}电|新华社[\u4e00-\u9fff]{1,6}电|[\u4e00-\u9fff]{1,4}网讯"
)
"""Where a news report's text opens (`本报讯`, `新华社北京5月6日电`), after the headline."""
_BYLINE_NAME = re.compile(
    r"(?:部长|书记|主任|记者|通讯员|作者|区长|县长|市长|局长|主席) ([\u4e00-\u9fff]{2,3})"
)
"""A byline's post and name (`组织部长 张示例`), which the text glued after it follows."""
_BYLINE_REACH = 20
"""How far before a byline's post its `中共…` may start (`中共某区委常委、组织部长 甲乙`)."""
_HEADING_PAIR = re.compile(r"[^\s，,。；;：:！？!?]{3,14}[ ,，:：](?P<second>[^\s，,。；;：:！？!?]{3,14})")
"""A heading in two parallel halves (`建强组织网络 商务领域覆盖提质`, `突出…理念,健全…体系`); a
two-character half is a sentence's connective (`对此,`, `同时,`), not half a heading."""
_HALVES_DIFFER = 3
"""How many characters the halves of a heading may differ by."""
_ROSTER_POST = (
    r"(?:党委|党总支|党支部|党工委|纪工委|管委会|支部)?(?:组织|宣传|纪检|统战|青年)?(?:常务|专职)?副?"
    r"(?:书记|主任|部长|组长|委员|会长|理事长|秘书长|主席|负责人|联系人)"
)
_ROSTER_LABEL = re.compile(rf"{_ROSTER_POST}(?:[、兼]{_ROSTER_POST})*[:：]")
"""A roster line's label: its posts, `书记:`, `党工委书记、管委会主任:`."""
_ROSTER_HEADING = re.compile(r"(?:成员|名单|如下|组成|班子)[:：]?$")
"""How the heading over a roster ends (`党委班子成员`)."""
_ROSTER_REACH = 24
"""How near the previous `label:` must be for a label to start a roster line of its own."""
_COLUMN = re.compile(r"【[^【】]{2,12}】(?=\s?[^\s【])")
"""A column's name over a headline (`【党建引领】`), a line of its own where a page opens."""
_SECTION_TAG = re.compile(r"【[^【】\s，,。；;]{2,12}】")
"""A section's tag (`【背景】`), a line of its own above the paragraph it heads when a space, a name or
a time follows it; in running text a tag names a brand or campaign inside a sentence
(`开展【红色领航】行动`)."""
_SPACED_LABEL = re.compile(r"(?<=[\u4e00-\u9fff\d] )[\u4e00-\u9fff]{2,8}[:：](?=\S)")
"""A field's label after a space (`…莲花广场 服务对象:以上企业`): a line of a fact sheet, where running
text puts no space; not a byline's name glued to a question (`组织部长 李建国问:`)."""
_COMPANY_LIST = re.compile(
    r"有限(?:责任)?公司(?=(?!党|工会|团)(?:(?![和与及])[\u4e00-\u9fff()（）]){2,24}?有限(?:责任)?公司)"
)
"""A company's name glued to the next one (`甲乙有限公司|丙丁有限公司`): a list written a name a line.
Not a company's body (`甲有限公司党委`) or a conjunction (`…和丙丁有限公司`) between two names."""
_COMPANY_BODY_LIST = re.compile(
    r"有限(?:责任)?公司(?:党委|党总支|党支部)(?=(?:(?![和与及])[\u4e00-\u9fff()（）]){2,24}?有限(?:责任)?公司)"
)
"""A company's Party body glued to the next company's name, which opens with its place (`甲有限公司党委|
乙市丙有限公司党支部`): a list of bodies written a name a line."""
_BODY_END = re.compile(r"党工委|党委|党支部|党总支|工委|管委会|组织部")
"""How a body's name ends; a place's unit glued right after it (`甲区党工委|乙县委组织部`) is the next
name of a list written a name a line, as running text puts a `、` or `和` between two names."""
_BULLET = re.compile(r"[▲△■□◆◇●•]")
"""A caption's or a list item's bullet (`▲揭牌现场`, `■组织建设`): it opens a line, and a caption ends
where the sentence glued after it opens (`▲某园区一角|据了解,…`)."""
_PARTY = "中共"
_ENDS = "。！？!?"
_LEADING = "是在于为的对向与和及将把从到至由被让使给同"
"""Words that lead into the name or time after them, so no line ends before it."""
_SPACED_HALF = re.compile(r"(?<=[\u4e00-\u9fff”》]) (?P<second>[^\s，,。；;：:！？!?()（）]{2,14})")
"""The second half of a spaced heading (`…共建组织 资源要素共享`), its first half glued to a caption."""


def arrived_flat(text: str) -> bool:
    """Whether a page lost its line breaks: far fewer of them than of sentence ends, or none in a page
    too long for one line that has no sentence ends to count (a roster page glued together)."""
    ends = sum(text.count(mark) for mark in _ENDS)
    unbroken = "\n" not in text.strip() and len(text) > _LONGEST_LINE
    return text.count("\n") * _FLAT_SENTENCES_PER_BREAK < ends or unbroken


_LONGEST_LINE = 100
"""Characters past which a page of one line has lost its breaks, whatever it ends its sentences with."""


def _counted(line: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """The markers of `pattern` in `line` whose neighbour in the count is written too."""
    found = list(pattern.finditer(line))
    values = [_value(m.group("n")) for m in found]
    first = {v: i for i, v in reversed(list(enumerate(values)))}
    last = {v: i for i, v in enumerate(values)}
    return [
        m
        for i, (m, v) in enumerate(zip(found, values, strict=True))
        if first.get(v - 1, len(values)) < i or last.get(v + 1, -1) > i
    ]


def _value(numeral: str) -> int:
    """`三` → 3, `十二` → 12, `7` → 7."""
    if numeral.isdigit():
        return int(numeral)
    tens, _, units = numeral.rpartition("十")
    if "十" not in numeral:
        return _NUMERALS.index(numeral) + 1
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_NUMERALS.index(units) + 1 if units else 0)


def _opener(line: str, pos: int, times: bool = True) -> bool:
    """Whether a sentence may open at `pos`: a place's unit (`中共` before it too), a park's bare body,
    or (with `times`) a time or a report."""
    if _BARE_UNIT.match(line, pos) or (times and _TIME_OPENER.match(line, pos)):
        return True
    if line.startswith(_PARTY, pos):
        return _opener(line, pos + len(_PARTY), times)
    gazetteer = load_gazetteer()
    place = gazetteer.match(line, pos)
    if place is None:
        place = _county_form(line, pos)
        return bool(place) and bool(_COUNTY_UNIT_TAIL.match(line, pos + len(place or "")))
    return place in gazetteer.full or bool(_UNIT_TAIL.match(line, pos + len(place)))


_DEPARTMENTS_LABEL = re.compile(r"(?:内设机构|内设部门|职能部门|工作部门)[:：]")
"""A park page's label over its departments, glued after the roster line before it (`…:甲乙|内设机构:`)."""
_LABEL_VALUE = re.compile(r"[:：][\u4e00-\u9fff]{2,4}$")
"""The end of a label's value of a few characters (a person's name) right before."""


_CREDIT_LABEL = re.compile(r"(?:编辑|责编|责任编辑|作者|通讯员|审核|审校|校对|摄影|撰稿)[:：]\s?")
"""A page's credit for a person (`编辑:甲乙`), whose name the text glued after it follows."""


def _credit_breaks(line: str) -> set[int]:
    """`编辑:李某|甲开发区坚持…`: after the two or three characters of a credited person's name, where
    a place opens the text glued after it."""
    cuts: set[int] = set()
    surnames = load_lexicon().surnames
    gazetteer = load_gazetteer()
    for m in _CREDIT_LABEL.finditer(line):
        if line[m.end() : m.end() + 1] not in surnames or gazetteer.match(line, m.end()):
            continue
        end = next((m.end() + n for n in (2, 3) if _opener(line, m.end() + n, times=False)), None)
        if end:
            cuts.add(end)
    return cuts


def _heading_end(line: str, start: int, stop: int) -> int | None:
    """Where a heading starting at `start` gives way to the sentence glued after it, if it does
    before `stop`: where the first name or time opens, unless what comes before leads into it
    (`梁斌是|鹿寨经开区党工委副书记`, `位于|甲开发区`, `与国网|长春…`) or is too short to be a heading."""
    section = next((w for w in load_lexicon().section_headings if line.startswith(w, start)), None)
    after = start + len(section or "")
    joined = line.startswith(_HEADING_JOINERS, after)  # `一、基本情况和主要做法` is one heading
    if section and not joined and (_CJK.match(line, after) or line.startswith(_OPENING_BRACKETS, after)):
        return after  # `一、基本情况|临港经开区现有…`, `二、主要做法|(一)…`: a report's section heading
    for pos in range(start, min(len(line), stop)):
        if line[pos] in _ENDS or line[pos] in _INLINE:
            return None
        if _opener(line, pos):
            return None if pos < start + 2 or _led_into(line, pos) else pos
    return None


_LEAD_REACH = 3
"""How far before a name a word leading into it may stand with the name's own first characters
between (`与国网|长春供电公司党委`)."""


def _led_into(line: str, pos: int) -> bool:
    """Whether a word leading into a name stands just before `pos`, or a few characters before with
    nothing but words between (the name's first characters, which the place at `pos` continues)."""
    for back in range(pos - 1, max(-1, pos - 1 - _LEAD_REACH), -1):
        if line[back] in _LEADING:
            return True
        if not _CJK.match(line, back):
            return False
    return False


def _after_words(line: str, pos: int) -> bool:
    """Whether `pos` follows words (and a space) with no punctuation, none leading into what comes at
    `pos`."""
    pos -= line[pos - 1 : pos] == " "
    return pos > 0 and bool(_CJK.match(line, pos - 1)) and line[pos - 1] not in _LEADING + "年"


def _line_breaks(line: str) -> set[int]:
    """Offsets in `line` where a line that the page lost began."""
    cuts: set[int] = set()
    for pattern, headed in _MARKERS:
        for m in _counted(line, pattern):
            if m.start() and line[m.start() - 1] not in _INLINE:
                cuts.add(m.start())
            if headed and (end := _heading_end(line, m.end(), m.end() + _HEADING_REACH)):
                cuts.add(end)
    cuts |= {m.start() for m in _DATELINE.finditer(line)}
    cuts |= {m.start() for m in _LEDE_DATE.finditer(line) if _after_words(line, m.start())}
    for m in _BULLET.finditer(line):
        cuts.add(m.start())
        if end := _heading_end(line, m.end(), m.end() + _HEADING_REACH):
            cuts.add(end)
    if column := _COLUMN.match(line):
        cuts.add(column.end())
    names = {m.start(1) for m in _BYLINE_NAME.finditer(line)}
    cuts |= {m.start() for m in _SPACED_LABEL.finditer(line) if m.start() not in names}
    for tag in _SECTION_TAG.finditer(line):
        if line[tag.end() : tag.end() + 1] == " " or _opener(line, tag.end()):
            cuts |= {tag.start(), tag.end()}
    for m in _BYLINE_NAME.finditer(line):
        if line[m.end() - 1] not in _LEADING and _opener(line, m.end()):
            cuts.add(m.end())
        party = line.rfind(_PARTY, max(0, m.start() - _BYLINE_REACH), m.start())
        if party > 0 and line[party - 1] not in _LEADING:
            cuts.add(party)
    cuts |= _credit_breaks(line)
    cuts |= {m.start() for m in _DEPARTMENTS_LABEL.finditer(line) if _LABEL_VALUE.search(line, 0, m.start())}
    cuts |= _roster_breaks(line)
    cuts |= _table_breaks(line)
    cuts |= {m.end() for m in _COMPANY_LIST.finditer(line)}
    cuts |= {m.end() for m in _COMPANY_BODY_LIST.finditer(line) if load_gazetteer().match(line, m.end())}
    cuts |= {m.end() for m in _BODY_END.finditer(line) if _opener(line, m.end(), times=False)}
    cuts |= _heading_pair_breaks(line)
    return {cut for cut in cuts if 0 < cut < len(line)}


_GLUED_TABLE = re.compile(r"\|(?:[^|\n]+\|){2,}(?:\s?\|(?:[^|\n]+\|){2,})+")
"""Two or more rows of a `|` table glued together (`| 甲 | 乙 || 丙 | 丁 |`, or `| |` where spaced)."""
_ROW_JOIN = re.compile(r"\|\s?(?=\|)")


def _table_breaks(line: str) -> set[int]:
    """A table's rows, each on a line of its own, and the table apart from the text around it."""
    cuts = set()
    for table in _GLUED_TABLE.finditer(line):
        cuts |= {table.start(), table.end()}
        cuts |= {m.end() for m in _ROW_JOIN.finditer(line, table.start(), table.end())}
    return cuts


def split_tables(text: str) -> str:
    """A table's rows glued into one line, a line each, even on a page that kept its other breaks: two
    bars between cells say where a row ended whatever else the page lost."""
    lines = []
    for line in text.split("\n"):
        bounds = [0, *sorted(cut for cut in _table_breaks(line) if 0 < cut < len(line)), len(line)]
        lines.append("\n".join(line[a:b] for a, b in itertools.pairwise(bounds)))
    return "\n".join(lines)


def _roster_breaks(line: str) -> set[int]:
    """`书记:甲乙副书记:丙丁`: a label right after the value of a label just before it, or any label
    of a roster after a space or its heading (`班子成员 书记:甲乙`, `班子成员书记:甲乙`). The first
    label glued to a name stays (`某开发区党委书记:甲乙` is one label)."""
    cuts = set()
    for a, b in itertools.pairwise(_ROSTER_LABEL.finditer(line)):
        if b.start() - a.end() > _ROSTER_REACH:
            continue
        cuts |= {m.start() for m in (a, b) if line[m.start() - 1 : m.start()].isspace()}
        if _ROSTER_HEADING.search(line, 0, a.start()):
            cuts.add(a.start())
        if _CJK.match(line, b.start() - 1) or line[b.start() - 1] in _CLOSING_BRACKETS:
            cuts.add(b.start())  # `书记:甲乙副书记:`, `书记:甲乙(兼)副书记:`
    return cuts


def _heading_pair_breaks(line: str) -> set[int]:
    """A heading glued to the sentence that opens after it: two halves of about one length opening a
    sentence (running text does not balance its clauses so), or a half after a space (which running
    text does not have); a sentence that opens right after a space opens a line."""
    cuts = set()
    for start in [0, *(m.end() for m in _PIECE_END.finditer(line))]:
        pair = _HEADING_PAIR.match(line, start)
        end = pair and _heading_end(line, pair.start("second"), pair.end() + 1)
        if end and abs((end - pair.start("second")) - (pair.start("second") - 1 - start)) <= _HALVES_DIFFER:
            cuts |= {start, end}
    for half in _SPACED_HALF.finditer(line):
        if _opener(line, half.start("second")):
            cuts.add(half.start("second"))
        elif end := _heading_end(line, half.start("second"), half.end() + 1):
            cuts.add(end)
    return cuts


_HEADLINE_REACH = 40
"""How far into a flat page its headline may run before the lede glued after it."""
_CLAUSE = "，,、；;"
"""What running text puts between its clauses and a headline does not; a headline may hold a colon
(`甲联合党支部:新模式添动能`)."""


def _opening_name(line: str) -> str | None:
    """The place, with its unit if one follows, that `line` opens with (`甲开发区`, `甲县`), read as
    `_opener` reads one."""
    gazetteer = load_gazetteer()
    place = gazetteer.match(line, 0)
    if place is None:
        short = _county_form(line, 0)
        unit = _COUNTY_UNIT_TAIL.match(line, len(short)) if short else None
        return line[: unit.end()] if unit else None
    unit = _UNIT_TAIL.match(line, len(place))
    return line[: unit.end()] if unit else place if place in gazetteer.full else None


def _headline_end(line: str) -> int | None:
    """Where the lede glued to a flat page's headline opens: at a time and its comma
    (`…挂牌成立|近日,…`, `…添动能|一年多来,…`), or where the name the headline opens with comes again
    (`甲开发区概况|甲开发区坐落在…`), a lede's usual openings; running text says neither before its
    first comma."""
    name = _opening_name(line)
    genres = load_lexicon().genre_words
    after_quote = _after_quote_openings(line, name)
    subject = _SUBJECT.match(line)
    own_subject = subject.group(1) if subject else ""
    short_subject = next((o for o in after_quote[1:] if len(o) >= _SHORT_SUBJECT), "")
    first_subject = line.find(short_subject) if short_subject else len(line)
    stem = _unit_stem(line, name)
    for pos in range(2, min(len(line), _HEADLINE_REACH)):
        if line[pos] in _ENDS or line[pos] in _CLAUSE:
            return None
        if line.endswith(genres, 0, pos) and _CJK.match(line, pos):
            return pos  # `…党建工作综述|甲开发区位于…`: the headline's genre word ends it
        if line[pos - 1] in _LEADING:
            continue
        if _LEDE_TIME.match(line, pos) or (name and line.startswith(name, pos)):
            return pos
        if stem and pos > len(name or "") and line.startswith(stem, pos):
            return pos  # `甲乙高新区…难题|甲乙高新技术产业开发区位于…`: the lede writes the unit in full
        if "”" in line[pos - 3 : pos] and line.startswith(after_quote, pos):
            return pos  # `甲开发区:…“抱团取暖”|甲经济技术开发区…`, `…“软”实力|…`: a quote ends the headline
        if own_subject and pos > len(own_subject) and line.startswith(own_subject, pos):
            return pos  # `甲乙高新区:…|甲乙高新区位于…`: the lede opens with the headline's subject
        place = after_quote[0] if after_quote else ""
        if short_subject and line.startswith(place + short_subject, pos) and pos > first_subject - len(place):
            return pos  # `甲乙开发区:…|甲乙开发区位于…`: the lede names the headline's unit with its place
        if short_subject and pos > first_subject and line.startswith(short_subject, pos):
            return pos  # `甲乙丙新区推行…|乙丙新区党工委…`: the lede names the headline's unit, placeless
        if _repeats_headline(line, pos) or _place_named_again(line, pos):
            return pos  # `…——记甲乙有限公司党委|甲乙有限公司位于…`: the lede names the headline's unit again
    return None


def _unit_stem(line: str, name: str | None) -> str:
    """The opening place of the unit the headline opens with and the first characters of the unit's own
    name (`甲乙` of `甲乙高新区`), which the lede writes again however it writes the unit's word."""
    place = load_gazetteer().match(line, 0) if name else None
    if not place or not name or len(name) < len(place) + _OWN_NAME + 2:
        return ""
    return name[: len(place) + _OWN_NAME]


_OWN_NAME = 2
"""Characters of a unit's own name, after its place, that the lede writing it again must repeat."""


def _place_named_again(line: str, pos: int) -> bool:
    """`甲乙:…党建|甲乙区丙镇…`: a place written in full at `pos` that the headline before named short."""
    gazetteer = load_gazetteer()
    full = gazetteer.match(line, pos)
    if full is None or full not in gazetteer.full or len(full) < 3:
        return False
    shorts = {*gazetteer.forms_of(full), *(short for _, short in gazetteer.county_shorts.get(full, ()))}
    return any(short != full and short in line[: pos - 2] for short in shorts)


_SHORT_SUBJECT = 4
"""Characters the headline's unit, less its place, needs for the lede opening with it to end the headline."""
_REPEAT = 8
"""How many characters of the headline a lede must write again, right at its start, to open there."""


def _repeats_headline(line: str, pos: int) -> bool:
    """Whether the text from `pos` opens with `_REPEAT` Chinese characters the headline before it holds
    (a unit's name: a place and a park word alone are shorter, `甲市|乙开发区…` may repeat those)."""
    head = line[pos : pos + _REPEAT]
    return len(head) == _REPEAT and bool(_CJK_RUN.fullmatch(head)) and head in line[:pos]


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


_SUBJECT = re.compile(r"([\u4e00-\u9fff()]{4,20})[:：]")
"""A headline's subject before its colon (`成都天府软件园:党建引领…`)."""


def _after_quote_openings(line: str, name: str | None) -> tuple[str, ...]:
    """How a lede may open after a headline ending in a quote: with the headline's opening place
    (`昆山` of `昆山开发区`, whatever unit follows it), or with the unit the headline opens with, less
    the place (`天府软件园` of `成都天府软件园:…`)."""
    place = load_gazetteer().match(line, 0) or _county_form(line, 0)
    if not place:
        return ()
    subject = _SUBJECT.match(line)
    unit = (name or (subject.group(1) if subject else place))[len(place) :]
    return (place, unit) if len(unit) >= 3 else (place,)


def restore_breaks(text: str) -> str:
    """Put back the line breaks a flat page lost before headings, datelines, bylines and roster lines,
    and after its headline."""
    lines = []
    for index, line in enumerate(text.split("\n")):
        cuts = _line_breaks(line)
        if index == 0 and (end := _headline_end(line)):
            cuts.add(end)
        bounds = [0, *sorted(cuts), len(line)]
        lines.append("\n".join(line[a:b] for a, b in itertools.pairwise(bounds)))
    return "\n".join(lines)


# --- tidy and title -------------------------------------------------------------------------------

_BLANK_RUNS = re.compile(r"\n{3,}")
_BYLINE = re.compile(r"记者|通讯员|作者|本刊|本报|供稿|摄影|撰稿")


def _tidy(text: str) -> str:
    """Strip lines, collapse runs of spaces and of blank lines, trim the ends."""
    lines = (_RUN_OF_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def find_title(text: str) -> str:
    """The first line before the body that reads like a headline (short, no closing 。), else ""."""
    for line in text.split("\n"):
        if _is_paragraph(line):
            return ""
        if (
            4 <= len(line) <= 60
            and len(_CJK.findall(line)) >= 4
            and not line.endswith(("。", "；", "：", ":", ";"))
            and not line[0].isdigit()
            and not _BYLINE.search(line)
        ):
            return line
    return ""


def normalize(text: str) -> Normalized:
    """Run every step in order (see the module docstring for why this order)."""
    warnings: list[str] = []
    text = unify_line_endings(text)
    text = remove_pinyin_glosses(text)
    text = to_simplified(text)
    text = remove_mojibake(text, warnings)
    text = unify_punctuation(text)
    flat = drop_boilerplate(text)
    cleaned = _tidy(restore_breaks(flat) if arrived_flat(text) else split_tables(flat))
    if _WORD.search(text) and not _WORD.search(cleaned):
        warnings.append("everything read as page chrome: kept the text with its chrome")
        cleaned = _tidy(text)
    text = cleaned
    return Normalized(text=text, title=find_title(text), warnings=warnings)


def normalize_text(text: str) -> str:
    """The normalized text alone: what `parkgraph normalize FILE` prints and offsets index."""
    return normalize(text).text
