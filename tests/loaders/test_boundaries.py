"""Where names start: web spam, verbs of going, level words and terms glued before a name stay out of it."""

from __future__ import annotations

import pytest

from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.loaders.extractor import Extractor


def names(extractor: Extractor, text: str, type_: str) -> set[str]:
    facts: DocumentFacts = extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
    return {e.name for e in facts.entities if e.type == type_}


def test_web_spam_before_a_company_is_not_part_of_its_name(extractor: Extractor) -> None:
    text = "王小川(某某体育app下载_某某棋牌官网入口青禾化工有限公司董事长)出席会议。"
    assert names(extractor, text, "Enterprise") == {"青禾化工有限公司"}


def test_a_verb_of_going_before_a_place_is_not_part_of_it(extractor: Extractor) -> None:
    text = "他们分别去青禾镇柳塘村、赴白沙乡任职,党员进入云锦大厦服务。"
    assert {"青禾镇", "柳塘村", "白沙乡"} <= names(extractor, text, "Region")
    assert not any(n.startswith(("去", "赴")) for n in names(extractor, text, "Region"))
    assert "进入云锦大厦" not in names(extractor, text, "Park")


def test_a_township_and_its_village_split_after_the_townships_suffix(extractor: Extractor) -> None:
    text = "王小川去禾市镇禾家湾村当第一书记。"
    assert names(extractor, text, "Region") == {"禾市镇", "禾家湾村"}


def test_a_level_word_before_a_street_is_not_part_of_the_streets_name(extractor: Extractor) -> None:
    text = "李大同,市青禾街道党工委委员。"
    assert "青禾街道" in names(extractor, text, "Region")
    assert "市青禾街道" not in names(extractor, text, "Region")


def test_a_question_word_before_a_suffix_names_no_place(extractor: Extractor) -> None:
    assert names(extractor, "高新区到底归哪个区管?", "Region") == set()


def test_a_term_before_a_committee_is_not_part_of_its_name(extractor: Extractor) -> None:
    text = "青禾科技园召开党员大会,第一届园区党委委员出席,新一届园区党委表示将继续努力。"
    committees = names(extractor, text, "Committee")
    assert not any("届" in n for n in committees)
    assert not any("届" in n for n in names(extractor, text, "Park"))


@pytest.mark.parametrize(
    ("text", "counter"),
    [
        ("青禾科技园成立了青禾科技园联合党委。这个联合党委的成员单位横跨园区。", "个"),
        ("这位示例县工业和信息化局的干部被派到园区当党建指导员。", "位"),
        ("青禾科技园组建了青禾科技园联合党支部。这一联合党支部由12家企业的党员组成。", "一"),
    ],
)
def test_a_counter_after_a_demonstrative_is_not_part_of_a_name(
    extractor: Extractor, text: str, counter: str
) -> None:
    facts = extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
    assert not any(n.startswith(counter) for e in facts.entities for n in (e.name, *e.aliases))


def test_a_family_name_the_model_reads_as_a_verb_stays_with_the_listed_name(extractor: Extractor) -> None:
    text = "大会选出园区第二届党委委员3名,按姓氏笔画排序为:占文涛,刘小川,李大同。"
    assert names(extractor, text, "Person") == {"占文涛", "刘小川", "李大同"}


def test_an_office_after_a_title_is_no_person(extractor: Extractor) -> None:
    text = "李大同,市财政局局长、国资办主任。"
    assert names(extractor, text, "Person") == {"李大同"}


def test_a_directly_run_area_is_no_place(extractor: Extractor) -> None:
    assert names(extractor, "加快直管区各片区规划的编制工作。", "Region") == set()


def test_a_street_office_before_a_village_is_the_area_it_runs(extractor: Extractor) -> None:
    text = "王小川去青禾办事处柳塘村当第一书记。"
    assert {"青禾办事处", "柳塘村"} <= names(extractor, text, "Region")
    assert "青禾办事处" not in names(extractor, text, "Organization")
    standing_alone = "青禾办事处召开党建工作会议。"
    assert names(extractor, standing_alone, "Region") == set()


def test_a_verb_after_a_title_is_no_person(extractor: Extractor) -> None:
    text = "青禾园区联合党委书记解释说,各小组轮流策划活动。"
    assert names(extractor, text, "Person") == set()


def test_a_company_speaking_of_itself_starts_no_name(extractor: Extractor) -> None:
    text = "企业家协会上午在我司青禾新城体验中心宣告成立。"
    assert names(extractor, text, "Park") == {"青禾新城"}


def test_a_type_of_park_is_no_park(extractor: Extractor) -> None:
    text = "青禾物流园引进平台企业49家,是不折不扣的“枢纽型”功能区,也是创新型园区。"
    assert names(extractor, text, "Park") == {"青禾物流园"}


def test_a_city_written_short_ends_before_a_rank_or_a_count(extractor: Extractor) -> None:
    assert names(extractor, "通辽首个司机之家启用。", "Region") == {"通辽市"}
    assert names(extractor, "广安第一家党建联盟成立。", "Region") == {"广安市"}


def test_a_verb_of_study_or_a_verb_with_its_complement_starts_no_name(extractor: Extractor) -> None:
    text = "青禾经济开发区是省级园区。领导了解商务区情况,要求发挥好园区党委作用。"
    assert names(extractor, text, "Park") == {"青禾经济开发区"}
    assert names(extractor, text, "Committee") == {"青禾经济开发区党委"}


def test_a_first_of_its_kind_inside_the_run_starts_the_name_after_it(extractor: Extractor) -> None:
    text = "2023年,青禾市首个楼宇党委在云锦大厦成立。"
    assert not any("首个" in n for n in names(extractor, text, "Committee"))


def test_a_word_s_last_character_before_a_listed_brand_is_not_part_of_it(extractor: Extractor) -> None:
    text = "园区请部门负责人和青禾鲜、云锦速运等5家龙头企业党组织书记兼任委员。"
    assert names(extractor, text, "Enterprise") == {"青禾鲜", "云锦速运"}


def test_an_adverb_or_a_verb_of_running_before_a_place_starts_no_name(extractor: Extractor) -> None:
    text = "青禾镇持续放大园区党群服务中心功能,实行代管街道管理模式。"
    assert names(extractor, text, "Region") == {"青禾镇"}
    assert not any(n.startswith("持续") for n in names(extractor, text, "Organization"))


def test_a_verb_before_a_place_a_company_is_named_after_starts_no_name(extractor: Extractor) -> None:
    text = "所辖党支部有浙江丽天新材料有限公司党支部。园区有江苏衢州液压科技有限公司等企业入驻。"
    assert names(extractor, text, "Enterprise") == {"浙江丽天新材料有限公司", "江苏衢州液压科技有限公司"}
    assert names(extractor, text, "Branch") == {"浙江丽天新材料有限公司党支部"}


def test_a_party_body_and_a_verb_before_another_are_not_part_of_its_name(extractor: Extractor) -> None:
    text = "组织关系从青禾高新区党工委转入青禾高新区综合党委。青禾高新区党工委机关党支部开展活动。"
    assert names(extractor, text, "Committee") == {"青禾高新区综合党委", "青禾高新区党工委"}
    assert names(extractor, text, "Branch") == {"青禾高新区党工委机关党支部"}


def test_a_kind_word_holding_a_stop_character_stays_in_the_branch_name(extractor: Extractor) -> None:
    text = (
        "中共青禾经济开发区智造产业社区兼合式支部委员会成立。"
        "青禾经济开发区智造产业社区兼合式党支部书记王明说。"
    )
    branches = [e for e in extract_facts(extractor, text).entities if e.type == "Branch"]
    assert len(branches) == 1
    assert "青禾经济开发区智造产业社区兼合式党支部" in {branches[0].name, *branches[0].aliases}


def extract_facts(extractor: Extractor, text: str) -> DocumentFacts:
    return extractor.extract(text, DocumentInfo(id="d", source="d.txt"))


def test_verbs_of_coordination_and_reference_start_no_name(extractor: Extractor) -> None:
    text = "服务队协调电力公司移走电线杆。一站是指青禾中心党群服务站。在上级街道党组织指导下成立党委。"
    assert not any(n.startswith("协调") for n in names(extractor, text, "Enterprise"))
    assert not any(n.startswith("指") for n in names(extractor, text, "Organization"))
    assert "上级街道" not in names(extractor, text, "Region")


def test_a_verb_of_joining_or_spreading_starts_no_name(extractor: Extractor) -> None:
    text = "青禾经济开发区组建了云锦联合党支部。企业加入联合党支部后,园区将推广白沙街道的经验。"
    assert names(extractor, text, "Branch") == {"青禾经济开发区云锦联合党支部"}
    assert names(extractor, text, "Region") == {"白沙街道"}


def test_the_tail_of_a_verb_the_analyzer_reads_into_a_company_stays_out(extractor: Extractor) -> None:
    text = "会议要求,各企业党组织要对标甲乙智能装备有限公司党支部的经验做法。"
    assert names(extractor, text, "Branch") == {"甲乙智能装备有限公司党支部"}


def test_a_reports_genre_word_glued_before_a_name_is_not_part_of_it(extractor: Extractor) -> None:
    text = "——余杭经济技术开发区党建工作侧记余杭经济技术开发区管委会副主任沈建平说,园区入驻企业160家。"
    assert "余杭经济技术开发区管委会" in names(extractor, text, "Organization")


def test_a_verb_the_stop_words_miss_starts_no_park_or_committee(extractor: Extractor) -> None:
    text = "丽水高新城位于丽水市。园区党工委带领企业,开创丽水高新城发展新局面,协助青禾镇机关党委抓好党建。"
    assert names(extractor, text, "Park") == {"丽水高新城"}
    assert names(extractor, text, "Committee") >= {"青禾镇机关党委"}
    assert not any(n.startswith("协助") for n in names(extractor, text, "Committee"))


@pytest.mark.parametrize(
    ("text", "type_", "name", "verb"),
    [
        (
            "交通局到园区调研。危险品处置场已交工验收,恳请交通局提前发放运输证。",
            "Organization",
            "交通局",
            "恳请",
        ),
        (
            "衢州市委书记韩志远到园区调研。市委要求做好服务,这体现市委对园区发展的高度重视。",
            "Committee",
            "衢州市委",
            "体现",
        ),
        (
            "区政府批准设立衢州高新区管委会,管委会依法履行区政府赋予的管理职能。",
            "Organization",
            "区政府",
            "履行",
        ),
        ("青禾科技园入驻企业40家。温书记希望青禾科技园进一步做好党建工作。", "Park", "青禾科技园", "希望"),
    ],
)
def test_a_verb_before_its_object_is_not_part_of_the_object_s_name(
    extractor: Extractor, text: str, type_: str, name: str, verb: str
) -> None:
    found = names(extractor, text, type_)
    assert name in found
    assert not any(verb in n for n in found)


def test_a_line_of_work_or_a_one_character_verb_before_a_unit_stays_in_its_name(extractor: Extractor) -> None:
    text = "东港县委组织部、区委宣传统战部、规划建设部负责人,以及今年投用的洗果厂、英国驻上海领事馆代表出席。"
    assert {"规划建设部"} <= names(extractor, text, "Organization")
    assert "统战部" not in names(extractor, text, "Organization")
    assert "洗果厂" in names(extractor, text, "Enterprise") | names(extractor, text, "Organization")


def test_a_village_read_over_the_end_of_a_verb_starts_after_it(extractor: Extractor) -> None:
    text = "青禾镇党委书记韩志远说,要把握顾村发展机遇,带动柳塘村共同致富。"
    assert {"顾村", "柳塘村"} <= names(extractor, text, "Region")
    assert "握顾村" not in names(extractor, text, "Region")


def test_the_end_of_a_word_that_names_no_place_is_no_region(extractor: Extractor) -> None:
    text = "青禾县面向东盟、紧靠机场,是国家重点推进建设中国—东盟自由贸易区、中国—东盟产业合作区的前沿高地。"
    assert names(extractor, text, "Region") == {"青禾县"}


def test_a_township_read_into_the_start_of_a_place_the_analyzer_reads_is_no_region(
    extractor: Extractor,
) -> None:
    text = "今日镇江讯  26日,青禾电热六车间主任秦立山正在检测端子的质量。"
    assert "今日镇" not in names(extractor, text, "Region")


def test_a_verb_that_names_a_unit_with_its_word_stays_in_the_name(extractor: Extractor) -> None:
    text = "丽水高新城开发公司党支部、衢州孵化中心党总支联合开展活动。"
    assert {"丽水高新城开发公司党支部", "衢州孵化中心党总支"} <= names(extractor, text, "Branch")


def test_the_approving_unit_after_jing_is_named_by_its_bare_word(extractor: Extractor) -> None:
    text = (
        "衢州经济开发区位于浙江省衢州市。经开发区党工委批准,成立智能制造联合党支部。"
        "经区政府同意,开发区设立企业服务中心。"
    )
    assert names(extractor, text, "Committee") == {"衢州经济开发区党工委"}
    assert not any(n.startswith("经") for n in names(extractor, text, "Organization"))
    assert "经开发区" not in names(extractor, text, "Park")


def test_a_date_before_a_person_appointed_to_a_body_is_no_count(extractor: Extractor) -> None:
    text = "衢州经济开发区位于浙江省衢州市。2021年7月张明任开发区党工委书记。"
    facts = extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
    by_id = {e.id: e.name for e in facts.entities}
    posts = {(by_id[r.head], by_id[r.tail]) for r in facts.relations if r.type == "HOLDS_POST"}
    assert posts == {("张明", "衢州经济开发区党工委")}


def test_a_datelines_mark_after_its_day_is_no_part_of_the_name_after_it(extractor: Extractor) -> None:
    text = "示例新闻网4月13日讯衢州综合保税区不断提升新经济组织党建工作。"
    assert names(extractor, text, "Park") == {"衢州综合保税区"}


def test_a_place_whose_name_holds_a_stop_character_starts_a_park_name(extractor: Extractor) -> None:
    text = "泰和县工业园区位于江西省。园区党委书记王明介绍,泰和县工业园区现有企业120家。"
    assert names(extractor, text, "Park") == {"泰和县工业园区"}


@pytest.mark.parametrize("verb", ["高度重视", "高度关注", "十分关心"])
def test_a_verb_of_attention_after_a_committee_starts_no_park_name(extractor: Extractor, verb: str) -> None:
    text = f"东兴市委{verb}园区建设,市委书记张明多次到园区调研。"
    assert names(extractor, text, "Committee") == {"东兴市委"}
    assert not any(verb[-2:] in n for n in names(extractor, text, "Park"))


def test_a_park_named_after_what_an_area_has_starts_after_the_having(extractor: Extractor) -> None:
    text = "联盟公布了成员名单,其中衢州区域有东港农业科技园、青禾合作示范园等20个成员单位。"
    assert names(extractor, text, "Park") == {"东港农业科技园", "青禾合作示范园"}


def test_everywhere_starts_no_name(extractor: Extractor) -> None:
    text = "泰和县推进园区党建工作。全县各地园区党工委加强非公企业党建。"
    assert not any(n.startswith("地") for n in names(extractor, text, "Committee"))


@pytest.mark.parametrize(
    ("text", "type_", "verb"),
    [
        ("衢州经济开发区四措并举力促非公企业联合党支部“联而合”。", "Branch", "力促"),
        ("园区积极响应中央统战部号召。", "Organization", "响应"),
        ("越来越多的物流企业选择东港物流园。", "Park", "选择"),
        ("座谈会上,大家建议公司加快转型。", "Enterprise", "建议"),
        ("管委会加挂开发区机关党委牌子。", "Committee", "加挂"),
        ("衢州经济开发区部分联合党支部活动不规范,部分街道覆盖不全。", "Branch", "部分"),
        (
            "“有了党建指导员,公司面貌大变。”提起公司的党建工作指导员,东港化工有限公司党支部书记王明说。",
            "Enterprise",
            "提起",
        ),
        ("衢州市抓好园区党建工作,从压实园区党工委“一线指挥部”责任做起。", "Committee", "压实"),
        ("衢州电商园区发展成为安徽省唯一跨境电子商务产业园。", "Park", "唯一"),
        ("近年来,江西牢牢牵住园区非公企业党建“牛鼻子”。", "Park", "牢牢"),
        ("进一步明确金牌管委会的职能。", "Organization", "明确"),
        ("党建引领助推产业园区发展。今年,衢州市助推产业园区高质量发展。", "Park", "助推"),
        (
            "5A级写字楼衢州大厦驻厦企业104家,其中不乏德国西门子、韩国大宇、东港通信等知名企业。",
            "Enterprise",
            "不乏",
        ),
        ("衢江产业园把党建工作有效融入铝棒原料、铝型材生产、加工等链上企业。", "Enterprise", "融入"),
        ("“多亏党群活动服务中心帮忙。”衢州经济开发区企业负责人说。", "Organization", "多亏"),
        ("东港CBD楼宇党建。仪式结束后,东港党委特邀市委党校的教授为党员讲课。", "Organization", "特邀"),
        (
            "衢州高新区社会事业发展局党委成立。2017年7月,衢州高新区党工委会议正式批准社会事业发展局组建党委。",
            "Organization",
            "批准",
        ),
        ("衢州数智产业园党员攻坚队第一时间介入,最终助力企业成功入选国家级5G工厂。", "Enterprise", "最终助力"),
        ("衢州市做到重大项目有支部、关键岗位有党员,助力市企融合培育产业集群。", "Region", "助力"),
        ("衢州新区东港园区。为落实部署,确保功能型党支部在衢州新区货运领域发挥作用。", "Branch", "确保"),
        ("南山区委在感谢信中写道,东港公司积极配合区委组织部,设立东港创业广场党委。", "Organization", "配合"),
        ("浙江破解园区党建难题,衢州市成效明显。", "Park", "破解"),
        ("衢州市召开区域化党建工作推进会暨张江科学城区域化党建促进会成立大会。", "Organization", "会暨"),
        ("传达衢江区委党的建设工作领导小组会议暨区委工作会议精神。", "Committee", "议暨"),
    ],
)
def test_a_verb_before_a_unit_starts_no_name(extractor: Extractor, text: str, type_: str, verb: str) -> None:
    assert not any(verb in n for n in names(extractor, text, type_))


def test_a_region_s_committee_does_not_run_over_the_park_opening_the_clause(extractor: Extractor) -> None:
    text = "今年以来,衢州经济开发区紧扣衢江区委“1+2”发展思路,推动企业党建提质。"
    assert names(extractor, text, "Park") == {"衢州经济开发区"}
    assert names(extractor, text, "Committee") == {"衢江区委"}


def test_a_line_of_work_before_a_headquarters_is_part_of_its_name(extractor: Extractor) -> None:
    text = "会后,示例镇重点项目建设指挥部临时党支部成立。"
    assert names(extractor, text, "Organization") == {"示例镇重点项目建设指挥部"}


def test_two_lines_of_business_joined_by_and_make_one_park_name(extractor: Extractor) -> None:
    text = "随后,新材料和智慧家居产业园临时党支部揭牌。"
    assert names(extractor, text, "Park") == {"新材料和智慧家居产业园"}


def test_a_parks_name_does_not_run_over_a_post_title_and_its_holder(extractor: Extractor) -> None:
    text = "8月20日,柯城区召开推进会。区委常委、区委组织部部长周文杰作示例园区党建情况介绍。"
    facts = extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
    by_id = {e.id: e.name for e in facts.entities}
    posts = {(by_id[r.head], by_id[r.tail]) for r in facts.relations if r.type == "HOLDS_POST"}
    assert ("周文杰", "柯城区委组织部") in posts


def test_the_verb_for_a_cadres_charge_is_no_part_of_a_departments_name(extractor: Extractor) -> None:
    text = "管委会主任杞文斌主持管委会全面工作,分管经济发展局;副主任普建华分管规划建设局。"
    assert names(extractor, text, "Organization") == {"经济发展局", "规划建设局"}


def test_a_preposition_or_verb_before_a_company_is_no_part_of_its_name(extractor: Extractor) -> None:
    text = "市委网信办至青禾公司调研。青禾镇辖区汇集宏达联合汽车、云锦机械、白沙汽车车架等零部件企业。"
    assert {"青禾公司", "宏达联合汽车", "云锦机械"} <= names(extractor, text, "Enterprise")
    assert "市委网信办" in names(extractor, text, "Organization")


def test_a_quantifier_before_a_centre_is_no_part_of_its_name_and_a_branch_centre_is_one(
    extractor: Extractor,
) -> None:
    text = "整个青禾党群服务中心设有六大功能区。当天下午,白沙科创园党群服务分中心也揭牌启动。"
    assert {"青禾党群服务中心", "白沙科创园党群服务分中心"} <= names(extractor, text, "Organization")


def test_a_listed_village_may_open_with_a_stop_character(extractor: Extractor) -> None:
    text = "片区联合党委由洋坑村、和平村等村居的党组织共同组成。"
    assert {"洋坑村", "和平村"} <= names(extractor, text, "Region")


def test_a_verb_of_setting_up_before_a_body_is_no_part_of_its_name(extractor: Extractor) -> None:
    text = "管委会内设经济发展局,另设园区企业服务中心。"
    assert "园区企业服务中心" in names(extractor, text, "Organization")


@pytest.mark.parametrize(
    ("text", "type_", "name"),
    [
        ("马建业后调任县里的工业重镇——沙河镇,任镇党委书记。", "Committee", "沙河镇党委"),
        ("2023年,施工方示例建筑工程有限公司进场施工。", "Enterprise", "示例建筑工程有限公司"),
        ("项目带动本县惠七镇的农户增收。", "Region", "惠七镇"),
        ("青禾物流园区党委成立。下一步园区党委将推广这一做法。", "Committee", "青禾物流园区党委"),
        ("示例镇党委带动周边村党支部共同发展。", "Region", "示例镇"),
    ],
)
def test_a_post_verb_a_party_to_works_or_this_county_starts_no_name(
    extractor: Extractor, text: str, type_: str, name: str
) -> None:
    assert names(extractor, text, type_) == {name}


@pytest.mark.parametrize("place", ["任丘市", "将乐县"])
def test_a_place_whose_name_opens_with_a_stop_character_is_read_whole(
    extractor: Extractor, place: str
) -> None:
    text = f"{place}经济开发区党工委成立。"
    assert names(extractor, text, "Park") == {f"{place}经济开发区"}
