"""A page that arrives as one line reads as well as the same page with its line breaks.

Scraped text often comes without line breaks. Over every bundled gold document, the pages with
their line breaks removed (the hard case: text glued across what were lines) or turned into spaces
score, taken together, at least `SHARE` of what the pages score as written: entity F1 and relation
F1; and so does every document on its own. A property of reading, not a tuning target, so no
document is singled out. Invented pages pin the cues that put the lost line breaks back: a page
glued across its headings, section tags, roster and fact-sheet lines, byline, dateline, captions and
the lede after its headline gives the facts of the page with its lines.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from parkgraph.corpus import dev_gold_dir, seeds_dir
from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.loaders.evaluation import Scores, load_gold, score
from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.normalize import normalize
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.sources import read_document

SHARE = 0.9
CORPUS = Path(dev_gold_dir()).parents[1]
FOLDERS = ((seeds_dir(), dev_gold_dir()), (CORPUS / "dev2", CORPUS / "gold" / "dev2"))


def _f1s(gold: dict[str, dict], predictions: list[DocumentFacts]) -> tuple[float, float]:
    scores = score(gold, predictions)
    return Scores.total(scores.entities).f1, Scores.total(scores.relations).f1


def _reaches_share(gold: dict[str, dict], lined: DocumentFacts, flat: DocumentFacts) -> bool:
    """Whether one flattened document keeps `SHARE` of its entity and its relation F1."""
    one = {lined.document.source: gold[lined.document.source]}
    return all(f >= SHARE * w for f, w in zip(_f1s(one, [flat]), _f1s(one, [lined]), strict=True))


@pytest.mark.parametrize("separator", ["", " "], ids=["glued", "spaced"])
def test_pages_without_line_breaks_read_as_well(separator: str) -> None:
    pipeline = Pipeline()
    gold: dict[str, dict] = {}
    lined, flat = [], []
    for texts, gold_dir in FOLDERS:
        folder_gold = load_gold(gold_dir)
        gold |= folder_gold
        for source in sorted(folder_gold):
            raw = read_document(texts / source)
            text = raw.text.replace("\r\n", "\n").replace("\n", separator)
            lined.append(pipeline.facts(raw))
            flat.append(pipeline.facts(dataclasses.replace(raw, text=text)))
    assert len(gold) >= 60
    (entities, relations), (flat_entities, flat_relations) = _f1s(gold, lined), _f1s(gold, flat)
    assert flat_entities >= SHARE * entities
    assert flat_relations >= SHARE * relations
    below = [w.document.source for w, f in zip(lined, flat, strict=True) if not _reaches_share(gold, w, f)]
    assert not below


def test_chrome_glued_to_the_text_goes_and_the_text_stays() -> None:
    page = (
        "首页 > 新闻中心 > 正文示例县工业园区召开党建工作会议2024-05-06 10:20 来源:示例网【打印本页】"
        "示例县工业园区党委书记王建国说,园区将成立联合党支部。会议还部署了下一步工作。责任编辑:张三"
    )
    text = normalize(page).text
    assert "示例县工业园区党委书记王建国说,园区将成立联合党支部。" in text
    assert "会议还部署了下一步工作。" in text
    for chrome in ("2024-05-06", "打印本页", "责任编辑"):
        assert chrome not in text


def test_one_line_page_gives_the_facts_of_the_lined_page() -> None:
    lined = (
        "示例县工业园区党建观察\n2024-05-06 来源:示例网\n"
        "示例县工业园区党委书记王建国说,园区党委下设3个党支部。\n版权所有 示例网\n"
    )
    extractor = Extractor()

    def names(page: str) -> set[tuple[str, str]]:
        text = normalize(page).text
        facts = extractor.extract(text, DocumentInfo(id="page", source="page.txt"))
        return {(e.type, e.name) for e in facts.entities}

    assert names(lined.replace("\n", "")) == names(lined)
    assert ("Person", "王建国") in names(lined.replace("\n", ""))


def test_a_text_read_wholly_as_chrome_is_kept_with_a_warning() -> None:
    normalized = normalize("版权所有 示例县工业园区党委书记王建国")
    assert normalized.text == "版权所有 示例县工业园区党委书记王建国"
    assert normalized.warnings


LINED_PAGES = {
    "numbered headings": (
        "余杭经济技术开发区党建工作概况\n一、基本情况\n"
        "余杭经济技术开发区设立于2012年,入驻企业160家。开发区党工委统筹园区党建工作。\n二、组织架构\n"
        "开发区党工委下设机关党委和非公企业联合党委,共有党支部21个。\n三、特色做法\n"
        "开发区党工委推行“红色管家”服务机制,为企业解决用工难题。"
    ),
    "roster": (
        "余杭经济技术开发区党工委班子成员\n书记:王建国\n副书记:李明华\n组织委员:张红梅\n"
        "余杭经济技术开发区党工委统筹园区内企业党建工作。"
    ),
    "two-part headings": (
        "健全组织体系,夯实园区党建基础\n"
        "余杭经济技术开发区党工委坚持以党建引领园区发展,推行“红色管家”服务机制。\n"
        "激活服务功能,打造园区党建品牌\n近年来,开发区建成党群服务中心1个,组建企业党支部12个。"
    ),
    "byline": (
        "“三联机制”激活园区党建新动能\n中共余杭区委常委、组织部长 王建国\n"
        "余杭区围绕园区高质量发展,探索建立“三联机制”。余杭经济技术开发区党工委推行“红色管家”服务机制。"
    ),
    "enumerated sentences": (
        "健全三项机制,夯实园区党建根基\n一是健全联席会议机制。"
        "余杭经济技术开发区党工委每季度召开一次园区党建联席会议。\n"
        "二是健全结对共建机制。开发区党工委推行“双联双促”结对机制。"
    ),
    "column and chrome": (
        "首页 > 党建动态 > 正文\n【党建引领】\n园区联合党委挂牌成立\n"
        "2024-05-06 10:20 来源:示例网—区县频道\n字号:大 中 小\n"
        "余杭经济技术开发区党工委近日成立企业联合党委。联合党委覆盖园区企业36家。"
    ),
    "captions": (
        "余杭经济技术开发区党建联盟成立\n余杭经济技术开发区内12家企业共同发起成立园区党建联盟。\n"
        "▲园区一角\n据了解,该联盟推行“红色管家”服务机制。"
    ),
    "quoted headings": (
        "余杭经济技术开发区党工委推行“红色管家”服务机制。\n“一产业一支部”:让运行体系更顺畅\n"
        "园区党委按产业类别设立了科技创新党支部。"
    ),
    "lede": (
        "余杭经济技术开发区联合党委挂牌成立\n"
        "近日,余杭经济技术开发区党工委成立企业联合党委。联合党委覆盖园区企业36家。"
    ),
    "numbered headings before a new town": (
        "一、主要成效\n余杭新城以紧扣全区发展思路为主线,推行“红色管家”服务机制,入驻企业160家。\n"
        "二、工作启示\n余杭新城党工委坚持党建引领,组建企业党支部12个。"
    ),
    "headline with a colon": (
        "余杭联合党支部:“三联”新模式为园区发展添动能\n"
        "一年多来,余杭经济技术开发区联合党支部推行“红色管家”服务机制。联合党支部覆盖园区企业36家。"
    ),
    "section tags": (
        "余杭经济技术开发区党建观察\n【背景】\n余杭经济技术开发区党工委在2020年组建企业联合党委。\n"
        "【运行情况】\n一年多来,联合党委推行“红色管家”服务机制。"
    ),
    "report section headings": (
        "青禾经济技术开发区非公企业党建工作情况\n一、基本情况\n青禾经开区现有非公企业312家,已建立党组织56个。\n"
        "二、主要做法\n(一)强化组织覆盖。青禾经开区党工委指导甲乙科技有限公司建立党支部。\n"
        "(二)打造特色品牌。青禾经开区党工委推行“红色管家”服务机制。\n三、工作成效\n青禾经开区党工委获评先进。"
    ),
    "overview heading": (
        "余杭经济技术开发区概况\n余杭经济技术开发区坐落在余杭区东部,入驻企业160家。开发区设有党工委和管委会。"
    ),
}
"""Invented pages whose lines a page without line breaks glues: headings onto the text after them,
roster lines into one another, a byline into the first sentence, chrome onto the headline, the
headline onto the lede, a photo's caption onto the sentence after it."""


def _facts(page: str) -> tuple[str, set[tuple[str, str]], set[tuple[str, tuple[str, str], tuple[str, str]]]]:
    normalized = normalize(page)
    info = DocumentInfo(id="page", source="page.txt", title=normalized.title)
    facts = Extractor().extract(normalized.text, info)
    names = {e.id: (e.type, e.name) for e in facts.entities}
    relations = {(r.type, names[r.head], names[r.tail]) for r in facts.relations}
    return normalized.title, set(names.values()), relations


@pytest.mark.parametrize("separator", ["", " "], ids=["glued", "spaced"])
@pytest.mark.parametrize("name", sorted(LINED_PAGES))
def test_a_flattened_page_gives_the_facts_of_its_lined_page(name: str, separator: str) -> None:
    lined = LINED_PAGES[name]
    title, entities, relations = _facts(lined)
    assert relations
    assert _facts(lined.replace("\n", separator)) == (title, entities, relations)


def test_a_flat_page_gets_its_heading_lines_back() -> None:
    lined = LINED_PAGES["numbered headings"]
    assert normalize(lined.replace("\n", "")).text.split("\n") == lined.split("\n")


def test_a_flat_pages_headline_ends_at_its_genre_word() -> None:
    lined = "青禾经开区“两新”党建工作综述\n青禾经济开发区位于示例市南部,开发区党工委下辖机关党委。"
    assert normalize(lined.replace("\n", "")).text.split("\n") == lined.split("\n")


@pytest.mark.parametrize(
    "lined",
    [
        "昆山开发区:联合党支部让小微企业党建“抱团取暖”\n昆山经济技术开发区小微企业多,党员少。",
        "成都青禾软件园:党建引领“软”实力\n青禾软件园位于成都高新区,是重点打造的软件园区。",
    ],
)
def test_a_flat_pages_headline_ending_in_a_quote_ends_where_its_place_or_unit_comes_again(lined: str) -> None:
    assert normalize(lined.replace("\n", "")).text.split("\n") == lined.split("\n")


def test_a_flat_pages_headline_ends_where_the_lede_names_its_unit_again() -> None:
    lined = "党建引领发展——记甲乙数字技术股份有限公司党委\n甲乙数字技术股份有限公司位于示例市。"
    assert normalize(lined.replace("\n", "")).text.split("\n") == lined.split("\n")


def test_a_flat_pages_headline_ends_where_the_lede_writes_its_place_in_full() -> None:
    lined = "佛山南海:“园区+社区”双轮驱动党建\n南海区丹灶镇金桥五金产业园是特色产业园。"
    assert normalize(lined.replace("\n", "")).text.split("\n") == lined.split("\n")


@pytest.mark.parametrize(
    "lined",
    [
        "盘锦辽东湾新区推行“网格化”党建管理\n辽东湾新区党工委把全区划分为三个党建网格。",
        "天津港保税区临港片区:“党建+航运”助力航运枢纽建设\n天津港保税区临港片区是自贸试验区的组成部分。",
        "泉州台商投资区:“海峡党建驿站”架起两岸企业连心桥\n泉州台商投资区位于泉州湾北岸。",
        "汾湖高新区:跨界融合党建引领一体化\n汾湖高新区位于吴江区东南部。",
        "甲乙能源(上饶)有限公司:党建引领打造“领跑者”\n甲乙能源(上饶)有限公司坐落于上饶经济技术开发区。",
    ],
)
def test_a_flat_pages_headline_ends_where_the_lede_names_its_unit_again_with_or_without_its_place(
    lined: str,
) -> None:
    assert normalize(lined.replace("\n", "")).text.split("\n") == lined.split("\n")


def test_a_flat_notices_headline_ends_at_its_kind() -> None:
    lined = "示例开发区党工委关于表彰优秀党组织的决定\n各园区党委,各企业党组织:2025年,各级党组织认真落实。"
    assert normalize(lined.replace("\n", "")).text.split("\n") == lined.split("\n")


def test_a_flat_report_gets_its_section_heading_lines_back() -> None:
    lined = LINED_PAGES["report section headings"]
    assert normalize(lined.replace("\n", "")).text.split("\n") == lined.split("\n")
    flat = "青禾开发区党建工作情况一、基本情况和主要做法。青禾开发区党工委推行网格化管理。二、工作成效良好。"
    assert "一、基本情况和主要做法。青禾开发区党工委推行网格化管理。" in normalize(flat).text.split("\n")


def test_a_roster_glued_into_one_line_is_a_line_per_label() -> None:
    rest = "园区党委下设3个党支部。园区党建工作有序开展。"
    flat = "园区党委班子成员书记:王建国副书记:李明华组织委员:张红梅。" + rest
    lines = normalize(flat).text.split("\n")
    assert lines == ["园区党委班子成员", "书记:王建国", "副书记:李明华", "组织委员:张红梅。" + rest]


def test_a_park_sites_roster_of_posts_in_two_bodies_glued_into_one_line_is_a_line_per_person() -> None:
    about = "示例开发区管委会内设党政办公室。开发区成立于2001年。开发区位于示例市。"
    flat = about + "领导班子党工委书记、管委会主任:王建国党工委副书记、管委会常务副主任:刘海波纪工委书记:孙伟"
    assert normalize(flat).text.split("\n") == [
        about + "领导班子",
        "党工委书记、管委会主任:王建国",
        "党工委副书记、管委会常务副主任:刘海波",
        "纪工委书记:孙伟",
    ]


def test_a_notices_roster_glued_into_one_line_is_a_line_per_label() -> None:
    rest = "园区党委下设3个党支部。园区党建工作有序开展。"
    flat = "经研究,园区党委组成人员调整如下:书记:王建国(兼)副书记:李明华、张红梅。" + rest
    lines = normalize(flat).text.split("\n")
    assert lines == ["经研究,园区党委组成人员调整如下:", "书记:王建国(兼)", "副书记:李明华、张红梅。" + rest]


@pytest.mark.parametrize(
    "flat",
    [
        "共建方面,园区先后与国网余杭供电公司党委、余杭理工大学党委等单位结对共建。园区党建工作有序开展。",
        "对此,余杭新区党工委副书记王建国介绍,联盟已覆盖22个党组织。园区党建工作有序开展。",
    ],
    ids=["name after a leading word", "connective before a name"],
)
def test_a_sentence_that_reads_like_a_heading_pair_stays_whole(flat: str) -> None:
    assert normalize(flat).text == flat


def test_a_spaced_fact_sheet_gets_a_line_per_label() -> None:
    lined = ["【服务范围一览】", "楼宇:甲乙大厦、丙丁国际广场", "服务对象:园区企业及党员", "【运行情况】"]
    rest = "余杭经济技术开发区党工委推行“红色管家”服务机制。联合党委覆盖园区企业36家。"
    assert normalize(" ".join([*lined, rest])).text.split("\n") == [*lined, rest]


def test_a_marker_without_its_neighbour_in_the_count_opens_no_line() -> None:
    flat = "园区坚持统一、规范管理。余杭经济技术开发区党工委推行“红色管家”服务机制。企业党支部结对共建。"
    assert normalize(flat).text == flat


def test_a_page_with_its_lines_keeps_them_as_written() -> None:
    lined = (
        "健全组织体系,夯实园区党建基础\n"
        "园区党委积极探索,依托余杭经济技术开发区党群服务中心开展活动:一是组织学习;二是结对帮扶。\n"
        "开发区党工委推行“红色管家”服务机制。"
    )
    assert normalize(lined).text == lined


@pytest.mark.parametrize("name", sorted(LINED_PAGES))
def test_a_flat_page_normalizes_once_and_for_all(name: str) -> None:
    text = normalize(LINED_PAGES[name].replace("\n", "")).text
    assert normalize(text).text == text


def test_a_date_line_glued_between_headline_and_text_goes() -> None:
    page = (
        "园区联合党委挂牌成立 发布日期 2024年05月06日 | 浏览次数:"
        "余杭经济技术开发区党工委近日成立企业联合党委。联合党委覆盖园区企业36家。"
    )
    assert normalize(page).text.split("\n") == [
        "园区联合党委挂牌成立",
        "余杭经济技术开发区党工委近日成立企业联合党委。联合党委覆盖园区企业36家。",
    ]


def test_a_label_glued_before_a_byline_goes_without_the_byline() -> None:
    flat = (
        "关键词:园区党建 非公企业本刊记者 张明 示例市委常委、组织部长 李建国"
        "问:示例市的园区党建工作是怎样的局面?答:示例市工业园区党工委统筹园区党建工作。"
    )
    text = normalize(flat).text
    assert "关键词" not in text
    assert "组织部长 李建国" in text
    assert "是怎样的局面?" in text


def test_a_headline_glued_to_its_subtitle_naming_two_parks_gives_neither_the_bare_body() -> None:
    page = (
        "金马新城联合党委挂牌推动党建资源向银湖产业新城集聚\n"
        "金马新城联合党委昨天成立。园区党委书记王建国出席。银湖产业新城是全市产业功能区之一。"
    )
    _, entities, relations = _facts(page)
    assert {name for type_, name in entities if type_ == "Committee"} == {"金马新城联合党委"}
    assert not any(type_ == "HOLDS_POST" for type_, _, _ in relations)


def test_a_flat_paragraph_goes_on_with_the_place_it_opened_with_not_its_county() -> None:
    flat = (
        "园区党建观察把合作社办在产业链上,是一条好路子。平山县东庄村就是一个例子。东庄村位于平山县城南。"
        "近些年,村里探索出“村集体+合作社+农户”模式,农户增收明显。"
    )
    _, _, relations = _facts(flat)
    adopters = {head for type_, head, _ in relations if type_ == "ADOPTS"}
    assert adopters == {("Region", "东庄村")}


@pytest.mark.parametrize("separator", ["", " "], ids=["glued", "spaced"])
def test_a_dated_lede_glued_after_a_headline_opens_a_line(separator: str) -> None:
    lined = (
        "余杭经济技术开发区党工委推行“红色管家”服务机制。\n园区首个商圈党支部挂牌\n"
        "10月11日上午,中国共产党余杭经济技术开发区商圈支部委员会举行挂牌仪式。"
    )
    lede = lined.split("\n")[-1]
    assert normalize(lined.replace("\n", separator)).text.split("\n")[-1] == lede


def test_a_park_glued_after_a_party_body_is_not_named_after_it() -> None:
    flat = "指导单位:开发区两新党委、仓前街道工委梦想科创园是一个综合性的科技创新平台,入驻企业54家。"
    _, entities, _ = _facts(flat)
    assert {name for type_, name in entities if type_ == "Park"} == {"梦想科创园"}


def test_a_headline_glued_to_a_breadcrumb_stays_when_it_names_a_county_s_park() -> None:
    flat = (
        "首页 › 新闻 › 杭州党建赋能产业 余杭智慧物流产业园区迈上发展快车道 2024-05-06 阅读 1024"
        "园区里每天有上万台货车往来。余杭智慧物流产业园区党委推行“红色管家”服务机制。"
    )
    text = normalize(flat).text
    assert "余杭智慧物流产业园区迈上发展快车道" in text
    assert "首页" not in text


def test_a_related_reading_header_glued_after_the_credits_drops_the_list() -> None:
    flat = (
        "余杭经济技术开发区党工委推行“红色管家”服务机制,为园区企业解决用工、融资和法律难题。"
        "开发区党工委下设机关党委和非公企业联合党委,共有党支部21个,党员600余名。"
        "园区党建工作有序开展,党建与产业发展同频共振。(示例区委组织部供稿)(责编:张三、李四)"
        "推荐阅读示例会议:依法推进园区治理 避免走弯路   近日,示例研究室编辑的文集由示例出版社出版。"
    )
    text = normalize(flat).text
    assert "园区党建工作有序开展,党建与产业发展同频共振。" in text
    assert "推荐阅读" not in text
    assert "出版社" not in text


def test_a_list_of_companies_glued_into_one_line_is_a_line_per_company() -> None:
    flat = (
        "园区联合党支部覆盖以下企业:杭州明远科技有限公司杭州恒达机械有限公司浙江华信物流有限公司。"
        "明远科技有限公司党委和恒达机械有限公司党支部结对共建。园区党建工作有序开展。"
    )
    _, entities, _ = _facts(flat)
    companies = {name for type_, name in entities if type_ == "Enterprise"}
    assert {"杭州明远科技有限公司", "杭州恒达机械有限公司", "浙江华信物流有限公司"} <= companies
    assert not any(name.count("有限公司") > 1 for name in companies)


@pytest.mark.parametrize("separator", ["", " "], ids=["glued", "spaced"])
def test_a_list_of_bodies_glued_into_one_line_gives_each_body(separator: str) -> None:
    lined = (
        "余杭区园区党建联盟成立\n联盟成员单位有:\n余杭经济技术开发区党工委\n余杭区委组织部\n余杭区工商联\n"
        "联盟推行“红色管家”服务机制。余杭经济技术开发区党工委统筹园区党建工作。"
    )
    _, entities, _ = _facts(lined)
    assert _facts(lined.replace("\n", separator))[1] == entities


def test_a_flat_pages_headline_ends_where_the_lede_writes_its_short_named_unit_in_full() -> None:
    lined = "丽水莲都高新区“三个一”工作法破解非公党建难题\n丽水莲都高新技术产业开发区位于浙江省丽水市。"
    assert normalize(lined.replace("\n", "")).text.split("\n") == lined.split("\n")


def test_a_credited_editors_name_glued_to_the_text_ends_before_the_place_opening_it() -> None:
    lined = "来源:荆门高新区党工委 | 编辑:李敏\n荆门高新技术产业开发区坚持把党建工作贯穿企业服务全过程。"
    assert normalize(lined.replace("\n", "")).text.split("\n") == lined.split("\n")


def test_a_list_of_company_party_bodies_glued_into_one_line_is_a_line_per_body() -> None:
    lined = "授予以下党组织称号:\n丽水甲乙科技有限公司党委\n衢州丙丁机械有限公司党支部\n希望再创佳绩。"
    flat = normalize(lined.replace("\n", "")).text
    assert "丽水甲乙科技有限公司党委\n衢州丙丁机械有限公司党支部" in flat


def test_a_roster_page_with_no_sentence_ends_glued_into_one_line_gets_its_lines_back() -> None:
    lined = (
        "青禾经济开发区党工委领导班子\n党工委书记、管委会主任:周志明\n党工委副书记、管委会常务副主任:郑海涛\n"
        "党工委委员、管委会副主任:叶丽萍\n党工委委员、纪工委书记:应建华\n"
        "内设机构:综合办公室、经济发展局、招商服务局、规划建设局"
    )
    assert normalize(lined.replace("\n", "")).text.split("\n") == lined.split("\n")
