"""Normalizing decoded text: glosses, t2s, punctuation, mojibake, boilerplate, title, idempotence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from parkgraph.loaders.normalize import (
    normalize,
    normalize_text,
    remove_mojibake,
    remove_pinyin_glosses,
    unify_punctuation,
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))
GOLD = sorted((CORPUS / "gold" / "dev").glob("*.json"))

CLEAN = """示例区:“三联机制”探索园区党建新模式

中共示例区委常委、组织部长 张示例

示例区围绕“打造实体经济主战场”目标,积极探索园区党建新路径,开创了“抓党建促发展”新格局。

一是健全“区委+两新+园区”三级统筹机制。在园区党委下设党群工作部,专职负责园区党建工作;持续用力、久久为功。
二是建立甲乙科技有限公司联合党支部,覆盖入驻企业12家,投资1.5亿元。"""


# --- glosses and characters -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("產(chǎn)業(yè)園區(qū)", "產業園區"),
        ("園區（qū）黨建", "園區黨建"),
        ("發(fā)展(zhǎn)綠(lǜ)色", "發展綠色"),
        ("示範^(qū)建設", "示範^建設"),
    ],
)
def test_pinyin_glosses_are_removed(raw: str, expected: str) -> None:
    assert remove_pinyin_glosses(raw) == expected


@pytest.mark.parametrize(
    "kept",
    ["《支部工作条例(试行)》", "报告(2017)", "(一)强机制", "方案(a)和(b)", "党委（综合党委）", "e (ē) 音"],
)
def test_real_parentheses_are_kept(kept: str) -> None:
    assert remove_pinyin_glosses(kept) == kept


def test_traditional_becomes_simplified() -> None:
    assert normalize_text("鞏固黨的執政基礎，產業園區黨建工作") == "巩固党的执政基础，产业园区党建工作"


def test_a_variant_opencc_leaves_alone_becomes_simplified() -> None:
    assert normalize_text("陜西省西安高新区党工委") == "陕西省西安高新区党工委"


def test_glossed_traditional_becomes_plain_simplified() -> None:
    assert (
        normalize_text("成都市產(chǎn)業(yè)園區(qū)黨建工作推進會召開。")
        == "成都市产业园区党建工作推进会召开。"
    )


def test_clean_simplified_text_is_unchanged() -> None:
    assert normalize_text(CLEAN) == CLEAN


# --- punctuation and whitespace -------------------------------------------------------------------


def test_fullwidth_digits_and_letters_become_ascii() -> None:
    assert (
        unify_punctuation("２０１７年ＡＢＣ公司投资１．５亿元，增长８％")
        == "2017年ABC公司投资1.5亿元，增长8%"
    )


def test_chinese_punctuation_is_kept() -> None:
    marks = "一，二。三；四：“五”、六！七？"
    assert unify_punctuation(marks) == marks


def test_brackets_have_one_form_so_a_name_holding_them_is_written_one_way() -> None:
    assert unify_punctuation("腾讯科技（成都）有限公司") == "腾讯科技(成都)有限公司"


def test_ascii_punctuation_after_chinese_is_kept() -> None:
    line = "在园区党委下设党群工作部,专职负责园区党建工作:一是健全机制;二是(试行)"
    assert unify_punctuation(line) == line


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("「帳篷精神」與『主心骨』", "“帳篷精神”與‘主心骨’"),
        ('打造"工地党建"和"车轮上的党建"', "打造“工地党建”和“车轮上的党建”"),
        ("〝双创〞基地", "“双创”基地"),
    ],
)
def test_quotes_become_curly_chinese_quotes(raw: str, expected: str) -> None:
    assert unify_punctuation(raw) == expected


def test_spaces_collapse_and_lines_are_stripped() -> None:
    raw = "\u3000\u3000党建\u3000\u3000工作\xa0\xa0 要点 \t\n  第二行\u200b正文  "
    assert unify_punctuation(raw) == "党建 工作 要点\n第二行正文"


def test_a_title_spaced_out_to_line_up_a_roster_is_written_whole() -> None:
    raw = "书  记:柏文山(兼)\n委\u3000\u3000员:祝长青、韦立成\n党建  工作:两项"
    assert unify_punctuation(raw) == "书记:柏文山(兼)\n委员:祝长青、韦立成\n党建 工作:两项"


def test_line_endings_and_blank_runs_are_unified() -> None:
    raw = "第一段。\r\n\r\n\r\n\r\n第二段。\r第三段。\u2028第四段。"
    assert normalize_text(raw) == "第一段。\n\n第二段。\n第三段。\n第四段。"


# --- mojibake -------------------------------------------------------------------------------------


def _misdecoded(text: str) -> str:
    """UTF-8 bytes read as GBK, the commonest garbling of Chinese pages."""
    return text.encode("utf-8").decode("gbk", errors="replace")


@pytest.mark.parametrize("phrase", ["。“示例精神”", "园区党建工作", "甲乙科技有限公司联合党支部"])
def test_utf8_read_as_gbk_is_removed_with_warnings(phrase: str) -> None:
    before, after = "园区建设快速推进，成为推动发展的正能量", "大地激发了干部热情。"
    result = normalize(before + _misdecoded(phrase) + after)
    assert result.text == before + after
    assert any("garbled" in warning for warning in result.warnings)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("园区党建锟斤拷锟斤拷工作成效显著。", "园区党建工作成效显著。"),
        ("园区党建\ufffd\ufffd工作成效显著。", "园区党建工作成效显著。"),
        ("园区党建" + "中文".encode().decode("cp1252") + "工作成效显著。", "园区党建工作成效显著。"),
        ("“示范??精神”是一面旗帜。", "“示范精神”是一面旗帜。"),
    ],
)
def test_known_garbage_is_removed_with_a_warning(raw: str, clean: str) -> None:
    warnings: list[str] = []
    assert remove_mojibake(raw, warnings) == clean
    assert len(warnings) == 1


def test_rare_characters_in_real_names_are_not_garbage() -> None:
    text = "朱镕基、王喆和李堃、姚波、秦华参加了座谈会，瑜伽馆、糅合、牌匾、魅力园区亦有报道。"
    warnings: list[str] = []
    assert remove_mojibake(text, warnings) == text
    assert warnings == []


# --- boilerplate ----------------------------------------------------------------------------------

HEADLINE = "示例区:以“三联机制”为载体大力推进园区党建"
BODY = [
    "产业园区是承载区域经济发展的重要支撑,园区党建是促进园区建设的组织保证。",
    "示例区号召青年党员奋力冲刺“3D打印”等前沿高端科技项目,推动园区转型升级。",
    "健全“区委+两新+园区”三级统筹机制,持续用力、久久为功、常抓不懈。",
    "欧美国家和亚洲地区的多家企业纷纷入驻园区。",
    "中共示例区委常委、组织部长 张示例",
    "擦亮老字号金字招牌",
    "时间:每月第一个周五开展主题党日活动。",
]
CHROME = [
    "久久精品国产_亚洲欧美日韩在线观看_无码中文字幕_示例区新闻",
    "?",
    "示例新闻网|党建频道|党建数据库",
    "首页 > 党建动态 > 正文",
    "网站访问人数: 1234567",
    "关键词:示例区 园区党建",
    "发布时间:2020年01月02日 10:00",
    "来源:示例网-示例新闻网",
    "www.example.gov.cn (2020-01-02) 来源:示例组工网",
    "2020年01月02日16:04",
    "分享到: 微信 微博 QQ空间",
    "【打印】【关闭窗口】",
    "(责编:张三、李四)",
    "责任编辑:王五",
    "版权所有 示例新闻网 京ICP备12345678号",
    "免责声明:本网转载自其它媒体的文章,目的在于传递更多信息,不代表本网赞同其观点。",
    "……",
    "甲市| 乙县| 丙区| 丁旗| 戊县| 己市| 庚区|",
]


def _page(*, related_at_end: bool) -> str:
    related = ["相关阅读", "示例区召开园区党建推进会", "示例园区党建工作综述"]
    teaser = "示例文章摘要:近日,某出版社出版了某书,共计十个专题。这是第一次公开发表。"
    if related_at_end:
        lines = [
            *CHROME[:10],
            HEADLINE,
            *BODY,
            *CHROME[10:],
            *related,
            "",
            teaser,
            "微信“扫一扫”添加“学习平台”",
        ]
    else:
        lines = [*CHROME[:10], HEADLINE, BODY[0], *related, "", *BODY[1:], *CHROME[10:]]
    return "\n".join(lines)


@pytest.mark.parametrize("related_at_end", [True, False])
def test_page_chrome_is_dropped_and_content_kept(related_at_end: bool) -> None:
    result = normalize(_page(related_at_end=related_at_end))
    lines = result.text.split("\n")
    for line in [HEADLINE, *BODY]:
        assert line in lines
    for line in CHROME:
        assert line not in lines
    assert "示例区召开园区党建推进会" not in result.text
    assert "相关阅读" not in result.text
    assert "扫一扫" not in result.text
    assert "示例文章摘要" not in result.text
    assert result.title == HEADLINE


def test_an_early_related_header_keeps_the_text_after_its_list() -> None:
    text = normalize_text(_page(related_at_end=False))
    assert text.index(BODY[0]) < text.index(BODY[1])


def test_title_is_empty_when_the_text_starts_with_a_paragraph() -> None:
    assert normalize("\n".join(BODY)).title == ""


def test_title_skips_dates_and_bylines() -> None:
    text = "2020年1月2日 示例区\n本刊记者 张示例\n示例园区党建纪实\n" + BODY[0]
    assert normalize(text).title == "示例园区党建纪实"


# --- idempotence and the seeds --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", [CLEAN, _page(related_at_end=True), _page(related_at_end=False), "產(chǎn)業(yè)「園區」２０１７"]
)
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name[:3])
def test_seeds_normalize_idempotently(seed: Path) -> None:
    once = normalize_text(seed.read_text(encoding="utf-8"))
    assert normalize_text(once) == once


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name[:3])
def test_seed_first_line_goes_unless_it_is_a_sentence(seed: Path) -> None:
    """The seeds open with spam titles, counters or site banners, except one that opens with its text."""
    first = seed.read_text(encoding="utf-8").strip().split("\n")[0].strip()
    lines = normalize_text(first + "\n" + "正文第一段。").split("\n")
    assert (first in lines) == ("。" in first)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _evidence(gold: Path) -> list[str]:
    doc = json.loads(gold.read_text(encoding="utf-8"))
    pieces = (piece for relation in doc["relations"] for piece in relation["evidence"].split("……"))
    return sorted({_squeeze(piece) for piece in pieces if piece.strip()})


@pytest.mark.parametrize("gold", GOLD, ids=lambda path: path.name[:3])
def test_gold_evidence_survives_normalization(gold: Path) -> None:
    """Every gold evidence string is still in the normalized seed.

    The 000 gold writes `，` where that source has ASCII `,`; normalize keeps the source's commas, so
    commas are compared loosely — everything else must match exactly (whitespace aside).
    """
    seed = CORPUS / "seeds" / gold.with_suffix(".txt").name
    text = _squeeze(normalize_text(seed.read_text(encoding="utf-8")))
    missing = [piece for piece in _evidence(gold) if piece.replace("，", ",") not in text.replace("，", ",")]
    assert missing == []


def test_glosses_whose_tone_marks_a_legacy_encoding_lost_are_removed() -> None:
    assert remove_pinyin_glosses("產(ch?n)業(y?)園區(q?)") == "產業園區"
    assert remove_pinyin_glosses("条例(试行) 第(a)项 问(?)") == "条例(试行) 第(a)项 问(?)"


def test_an_seo_title_keeps_its_headline_and_drops_the_site_names() -> None:
    text = normalize_text("青山工业园区党工委书记秦立山:以党建引领高质量发展_青山新闻_青山网\n园区企业很多。")
    assert text.splitlines()[0] == "青山工业园区党工委书记秦立山:以党建引领高质量发展"
    assert "青山网" not in text
    assert "频道" not in normalize_text("首页_新闻频道_青山网\n园区企业很多。")


# --- fact lines that look a bit like chrome -------------------------------------------------------

TEXT_AFTER = "园区企业很多。"


@pytest.mark.parametrize(
    "line",
    [
        "示例高新区党工委 | 书记:张示例 | 副书记:李示例",
        "甲乙科技有限公司 | 丙丁物流有限公司 | 戊己材料有限公司",
        "成都高新区 | 示例街道 | 示例社区",
        "示例园区党委开通了微信公众号。",
        "联系我们的是示例园区党群服务中心。",
    ],
)
def test_a_fact_line_shaped_like_chrome_is_kept(line: str) -> None:
    assert normalize_text(f"{line}\n{TEXT_AFTER}").splitlines()[0] == line


@pytest.mark.parametrize(
    "line",
    [
        "首页 | 园区动态 | 关于我们 | 联系我们",
        "主办单位:示例区管委会 | 地址:示例路1号 | 电话:12345678",
        "扫一扫 关注微信公众号",
        "首页 > 基层党建 > 正文",
    ],
)
def test_chrome_among_fact_words_still_goes(line: str) -> None:
    assert normalize_text(f"{line}\n{TEXT_AFTER}") == TEXT_AFTER


def test_a_breadcrumb_keeps_the_headline_it_ends_with_when_it_names_a_body() -> None:
    text = normalize_text(f"首页 > 要闻 > 示例高新区党工委书记张示例调研企业\n{TEXT_AFTER}")
    assert text.splitlines() == ["示例高新区党工委书记张示例调研企业", TEXT_AFTER]


def test_a_bar_line_between_paragraphs_is_the_articles_own() -> None:
    menu = "首页 | 党建动态 | 关于我们"
    row = "张示例 | 李示例 | 王示例 | 赵示例"
    page = "\n".join([menu, HEADLINE, BODY[0], "园区新当选的支部委员:", row, BODY[1], menu])
    lines = normalize_text(page).splitlines()
    assert row in lines
    assert menu not in lines


def test_a_long_sentence_opening_with_a_label_word_is_prose() -> None:
    line = "关键词:融合 示例园区党委坚持把党建和业务工作融合起来,在园区建成三处党群服务中心,覆盖企业五十家。"
    assert normalize_text(f"{line}\n{TEXT_AFTER}").splitlines()[0] == line
    assert normalize_text(f"关键词:示例园区 党建\n{TEXT_AFTER}") == TEXT_AFTER


def test_a_list_of_links_ends_where_the_article_runs_on() -> None:
    heading, roster = "示例园区党委新一届班子成员如下:", "书记:张示例"
    page = "\n".join([HEADLINE, BODY[0], "相关阅读", "示例区召开园区党建推进会", heading, roster, *BODY[1:]])
    lines = normalize_text(page).splitlines()
    assert heading in lines
    assert roster in lines
    assert "示例区召开园区党建推进会" not in lines


def test_a_roster_line_inside_a_list_of_links_is_kept() -> None:
    page = "\n".join([HEADLINE, BODY[0], "相关链接", "示例区召开园区党建推进会", "副书记:李示例", *BODY[1:]])
    lines = normalize_text(page).splitlines()
    assert "副书记:李示例" in lines
    assert "示例区召开园区党建推进会" not in lines


def test_straight_single_quotes_around_chinese_words_are_curled_and_apostrophes_kept() -> None:
    text = normalize("西安(Xi'an)高新区党委推行'四联四帮'工作法和'1+N'模式, it's fine.").text
    assert text == "西安(Xi'an)高新区党委推行‘四联四帮’工作法和‘1+N’模式, it's fine."
