"""People and their posts: the constructions that name a person and state a post, on invented sentences."""

from __future__ import annotations

import pytest
from extracting import extract, links, posts

from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.normalize import normalize


def people(facts: DocumentFacts) -> set[str]:
    return {e.name for e in facts.entities if e.type == "Person"}


def test_a_name_closed_by_an_adverb_or_a_date(extractor: Extractor) -> None:
    facts = extract(extractor, "示例科技有限公司总经理郑远航亲自部署。样板机械有限公司董事长方文3月2日到场。")
    assert people(facts) == {"郑远航", "方文"}
    assert ("郑远航", "示例科技有限公司", "总经理") in posts(facts)


def test_posts_joined_by_jian_or_a_comma_each_have_their_own_body(extractor: Extractor) -> None:
    facts = extract(extractor, "示例县委常委、示例县委组织部部长秦立山说,园区党建要抓实。")
    assert posts(facts) == {("秦立山", "示例县委", "常委"), ("秦立山", "示例县委组织部", "部长")}
    facts = extract(extractor, "示例县工业园区党工委书记兼管委会主任韩志远多次主持召开会议。")
    found = posts(facts)
    assert ("韩志远", "示例县工业园区党工委", "书记") in found
    assert {title for _, _, title in found} == {"书记", "主任"}


def test_a_corporate_post_beside_a_party_body_s_names_its_company(extractor: Extractor) -> None:
    facts = extract(extractor, "中国衢化党委书记、董事长秦立山表示,将加快项目建设。")
    assert posts(facts) == {("秦立山", "中国衢化党委", "书记"), ("秦立山", "中国衢化", "董事长")}
    assert {e.name for e in facts.entities if e.type == "Enterprise"} == {"中国衢化"}


@pytest.mark.parametrize("company", ["浙江青禾", "江苏东港"])
def test_a_company_named_after_its_province_or_city_is_named_by_a_corporate_post(
    extractor: Extractor, company: str
) -> None:
    facts = extract(extractor, f"{company}党支部书记、总经理秦立山出席会议。")
    assert (f"{company}党支部", company) in links(facts, "PARTY_ORG_OF")
    assert ("秦立山", company, "总经理") in posts(facts)


def test_the_company_a_corporate_post_names_is_the_one_written_with_its_company_word(
    extractor: Extractor,
) -> None:
    facts = extract(extractor, "浙江青禾公司位于衢江区。浙江青禾党支部书记、总经理秦立山出席会议。")
    assert {e.name for e in facts.entities if e.type == "Enterprise"} == {"浙江青禾公司"}
    assert ("浙江青禾党支部", "浙江青禾公司") in links(facts, "PARTY_ORG_OF")


def test_a_corporate_title_between_a_branch_s_post_and_a_section_s_is_the_company_s(
    extractor: Extractor,
) -> None:
    facts = extract(
        extractor,
        "青禾化工有限公司党支部书记秦立山主持会议。青禾化工有限公司党支部副书记、安全总监、安环生产部经理韩志远讲课。",
    )
    found = {(person, body, title) for person, body, title in posts(facts) if person == "韩志远"}
    assert found == {
        ("韩志远", "青禾化工有限公司党支部", "副书记"),
        ("韩志远", "青禾化工有限公司", "安全总监"),
        ("韩志远", "青禾化工有限公司", "安环生产部经理"),
    }


def test_a_party_body_named_by_a_place_and_a_county_names_no_company(extractor: Extractor) -> None:
    facts = extract(extractor, "浙江衢江区党委书记、总经理秦立山出席会议。")
    assert not any(e.type == "Enterprise" for e in facts.entities)


def test_a_bare_head_of_a_region_is_held_in_the_one_region_of_its_level_named(extractor: Extractor) -> None:
    text = "浙江省省长秦立山到衢州市调研。副省长韩志远及省直有关部门负责人参加调研。"
    assert ("韩志远", "浙江省") in {(person, body) for person, body, _ in posts(extract(extractor, text))}
    text = "衢州市委书记秦立山到龙游县、常山县调研。副县长韩志远参加调研。"
    assert not any(person == "韩志远" for person, _, _ in posts(extract(extractor, text)))


def test_a_head_s_post_after_its_party_body_s_is_held_in_the_organ(extractor: Extractor) -> None:
    facts = extract(extractor, "示例市国资委党委书记、主任秦立山出席会议。")
    assert posts(facts) == {("秦立山", "示例市国资委党委", "书记"), ("秦立山", "示例市国资委", "主任")}


def test_corporate_posts_joined_by_jian_after_the_company_party_body_s_are_held_in_the_company(
    extractor: Extractor,
) -> None:
    facts = extract(extractor, "示例科技有限公司党委书记、董事长兼总经理秦立山出席会议。")
    assert posts(facts) == {
        ("秦立山", "示例科技有限公司党委", "书记"),
        ("秦立山", "示例科技有限公司", "董事长"),
        ("秦立山", "示例科技有限公司", "总经理"),
    }


def test_posts_after_a_name_and_comma_joined_by_jian_each_have_their_own_body(extractor: Extractor) -> None:
    facts = extract(extractor, "示例市召开会议。秦立山,示例市财政局局长兼国资办主任。")
    assert posts(facts) == {("秦立山", "示例市财政局", "局长"), ("秦立山", "示例市国资办", "主任")}


def test_a_post_after_a_name_and_comma_is_the_next_person_s_when_a_rank_closes_the_name_s_own(
    extractor: Extractor,
) -> None:
    text = "会上,衢州大学产业研究院院长、教授秦立山,衢州大学机电学院院长、副教授韩志远分别作报告。"
    assert posts(extract(extractor, text)) == {
        ("秦立山", "衢州大学产业研究院", "院长"),
        ("韩志远", "衢州大学机电学院", "院长"),
    }


def test_names_listed_after_a_titled_name_share_its_title(extractor: Extractor) -> None:
    facts = extract(extractor, "示例县委书记马成林、孔德华出席。")
    assert ("孔德华", "示例县委", "书记") in posts(facts)


def test_a_listed_name_with_its_own_post_in_brackets_does_not_share(extractor: Extractor) -> None:
    facts = extract(extractor, "示例集团党委书记马成林、孔德华(示例科技有限公司总经理)等陪同。")
    assert ("孔德华", "示例集团党委", "书记") not in posts(facts)
    assert ("孔德华", "示例科技有限公司", "总经理") in posts(facts)


@pytest.mark.parametrize(
    ("text", "post"),
    [
        (
            "吕光明是示例科技有限公司的总经理,他说企业发展离不开党建。",
            ("吕光明", "示例科技有限公司", "总经理"),
        ),
        ("吕光明现任示例县委组织部副部长。", ("吕光明", "示例县委组织部", "副部长")),
        ("会上发言的有:——吕光明:示例科技有限公司副总经理;", ("吕光明", "示例科技有限公司", "副总经理")),
        (
            "园区决定由退休教师吕光明担任示例科技有限公司党支部书记。",
            ("吕光明", "示例科技有限公司党支部", "书记"),
        ),
    ],
)
def test_a_name_opening_a_clause_that_states_its_post(
    extractor: Extractor, text: str, post: tuple[str, str, str]
) -> None:
    facts = extract(extractor, text)
    assert post in posts(facts)


def test_a_following_clause_gives_the_person_another_post(extractor: Extractor) -> None:
    text = "会议由示例县委组织部部长吕光明主持,他同时担任示例县工商联主席。"
    facts = extract(extractor, text)
    assert ("吕光明", "示例县工商联", "主席") in posts(facts)
    text = "示例科技有限公司党支部书记吕光明同时担任示例县工商联副主席。"
    assert ("吕光明", "示例县工商联", "副主席") in posts(extract(extractor, text))


def test_a_units_name_after_by_whom_is_no_persons(extractor: Extractor) -> None:
    text = "楼宇联合党委书记由国贸大厦物业公司党委书记郑远航兼任。"
    facts = extract(extractor, text)
    assert {e.name for e in facts.entities if e.type == "Person"} == {"郑远航"}


def test_a_post_filled_after_another_is_in_the_same_body(extractor: Extractor) -> None:
    text = "示例产业链党委书记由园区党委书记吕光明担任,副书记由示例科技有限公司党委书记郑远航兼任。"
    assert ("郑远航", "示例产业链党委", "副书记") in posts(extract(extractor, text))
    text = "示例行业党委书记由吕光明担任,副书记由青岛海尔物业管理有限公司党支部书记郑远航担任。"
    assert ("郑远航", "示例行业党委", "副书记") in posts(extract(extractor, text))


def test_names_listed_after_by_whom_a_post_is_filled_all_fill_it(extractor: Extractor) -> None:
    text = "示例管委会主任由吕光明同志兼任,副主任由郑远航、方文同志担任。"
    facts = extract(extractor, text)
    assert {("郑远航", "示例管委会", "副主任"), ("方文", "示例管委会", "副主任")} <= posts(facts)


def test_a_bare_company_after_a_post_verb_is_the_company_named_before(extractor: Extractor) -> None:
    text = "示例科技有限公司党支部书记吕光明同时担任公司副总经理。"
    assert ("吕光明", "示例科技有限公司", "副总经理") in posts(extract(extractor, text))


def test_a_bare_company_is_the_only_company_the_document_named_however_long_ago(extractor: Extractor) -> None:
    text = (
        "示例科技有限公司成立于2008年。当时公司没有党组织。指导员挨个车间走。一个月下来摸清了底数。"
        "她和骨干一起谈心。她先后确定积极分子6名。起初,公司董事长吕光明并不热心。"
    )
    assert ("吕光明", "示例科技有限公司", "董事长") in posts(extract(extractor, text))


def test_a_bare_branch_title_opening_a_sentence_is_held_in_the_branch_named_just_before(
    extractor: Extractor,
) -> None:
    text = "示例科技有限公司党支部隶属于青禾产业联合党委。支部书记吕光明告诉记者,支部推行积分管理。"
    assert ("吕光明", "示例科技有限公司党支部", "书记") in posts(extract(extractor, text))


def test_a_bare_branch_post_before_a_company_post_is_held_in_that_company_s_branch(
    extractor: Extractor,
) -> None:
    text = "示例科技有限公司党支部隶属于青禾产业联合党委。党支部书记、公司副总经理吕光明告诉记者。"
    assert {
        ("吕光明", "示例科技有限公司党支部", "书记"),
        ("吕光明", "示例科技有限公司", "副总经理"),
    } <= posts(extract(extractor, text))


def test_a_post_in_a_named_branch_before_a_company_s_back_reference_is_held_there(
    extractor: Extractor,
) -> None:
    text = "青禾小镇党委推行新机制。示例科技有限公司党支部书记、公司董事长吕光明是首批合伙人。"
    assert {("吕光明", "示例科技有限公司党支部", "书记"), ("吕光明", "示例科技有限公司", "董事长")} <= posts(
        extract(extractor, text)
    )


def test_a_bare_branch_title_looks_back_two_sentences_for_its_branch(extractor: Extractor) -> None:
    text = "示例科技有限公司党支部隶属青禾行业党委。支部推行“三岗一区”建设。支部书记吕光明说,公司未发生事故。"
    assert ("吕光明", "示例科技有限公司党支部", "书记") in posts(extract(extractor, text))


def test_a_person_elected_to_a_bare_body_keeps_the_posts_before_the_name_and_gets_that_body_s(
    extractor: Extractor,
) -> None:
    text = (
        "青禾大厦党总支由12家企业组成。大会选举产生新一届委员会,"
        "示例科技有限公司党支部书记、副总经理吕光明当选党总支书记。"
    )
    assert posts(extract(extractor, text)) >= {
        ("吕光明", "示例科技有限公司党支部", "书记"),
        ("吕光明", "示例科技有限公司", "副总经理"),
        ("吕光明", "青禾大厦党总支", "书记"),
    }


def test_a_bare_branch_post_filled_by_a_company_s_officer_is_held_in_the_branch_named_before(
    extractor: Extractor,
) -> None:
    text = "青禾电子联合党支部由示例科技有限公司等5家企业联合组建。支部书记由丽天电子行政总监吕光明担任。"
    facts = extract(extractor, text)
    assert ("吕光明", "青禾电子联合党支部", "书记") in posts(facts)
    assert {e.name for e in facts.entities if e.type == "Person"} == {"吕光明"}


def test_a_name_read_next_to_a_post_is_found_again_later(extractor: Extractor) -> None:
    text = "示例县委书记马成林来到园区。会议由马成林主持,他兼任示例县工业园区党工委书记。"
    facts = extract(extractor, text)
    assert ("马成林", "示例县工业园区党工委", "书记") in posts(facts)
    assert len(next(e for e in facts.entities if e.name == "马成林").mentions) == 2


def test_a_head_of_a_region_holds_the_post_in_the_documents_region(extractor: Extractor) -> None:
    facts = extract(extractor, "示例县召开大会。示例县委副书记、县长单永和,副县长柏树林讲话。")
    assert ("单永和", "示例县", "县长") in posts(facts)
    assert ("柏树林", "示例县", "副县长") in posts(facts)
    assert ("单永和", "示例县委", "副书记") in posts(facts)


def test_a_title_after_a_bare_region_names_no_post_there(extractor: Extractor) -> None:
    facts = extract(extractor, "示例省某厅副厅长梅立新一行来到园区。")
    assert "梅立新" in people(facts)
    assert not {post for post in posts(facts) if post[1] == "示例省"}


def test_a_party_title_after_a_unit_names_its_party_body(extractor: Extractor) -> None:
    facts = extract(extractor, "示例市公安局政委、党委副书记贺新民参加调研。")
    assert ("贺新民", "示例市公安局", "政委") in posts(facts)
    assert ("贺新民", "示例市公安局党委", "副书记") in posts(facts)
    names = {e.id: e.name for e in facts.entities}
    party = {(names[r.head], names[r.tail]) for r in facts.relations if r.type == "PARTY_ORG_OF"}
    assert ("示例市公安局党委", "示例市公安局") in party


def test_a_parks_director_heads_its_management_committee(extractor: Extractor) -> None:
    text = "示例县工业园区位于城东,示例县工业园区管委会成立以来成效明显。园区副主任祝长青介绍了情况。"
    assert ("祝长青", "示例县工业园区管委会", "副主任") in posts(extract(extractor, text))


def test_common_words_after_a_title_are_no_names(extractor: Extractor) -> None:
    facts = extract(extractor, "企业负责人由派出所推荐,党员和发展对象参加,书记同时担任主任。")
    assert people(facts) == set()
    facts = extract(extractor, "园区选派干部担任企业党建指导员,实现规上企业党建指导员全覆盖。")
    assert people(facts) == set()


def test_names_listed_without_titles_before_a_word_for_people(extractor: Extractor) -> None:
    facts = extract(extractor, "揭牌当天,郑远航、柏树林、祝长青先后讲话。高新区、经开区等园区参加。")
    assert people(facts) == {"郑远航", "柏树林", "祝长青"}


def test_a_title_after_the_name(extractor: Extractor) -> None:
    facts = extract(extractor, "示例科技有限公司党支部郑远航书记介绍,支部有党员20名。")
    assert ("郑远航", "示例科技有限公司党支部", "书记") in posts(facts)
    facts = extract(extractor, "示例县委组织部相关负责人表示,将继续推进。")
    assert people(facts) == set()


def test_a_name_then_a_comma_and_its_post(extractor: Extractor) -> None:
    facts = extract(extractor, "郑远航,示例科技有限公司董事长,2010年创办企业。")
    assert ("郑远航", "示例科技有限公司", "董事长") in posts(facts)


def test_a_strong_title_gives_the_usual_three_character_name(extractor: Extractor) -> None:
    facts = extract(extractor, "示例科技有限公司董事长郑远航专门腾出场地。党委书记和各企业负责人参加。")
    assert people(facts) == {"郑远航"}


def test_a_title_with_no_body_of_its_own_shares_the_post_before_it(extractor: Extractor) -> None:
    facts = extract(extractor, "甲乙科技有限公司董事长兼总经理郑远航深有感触。")
    assert posts(facts) == {
        ("郑远航", "甲乙科技有限公司", "董事长"),
        ("郑远航", "甲乙科技有限公司", "总经理"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "甲乙科技有限公司董事长、总经理兼党支部书记郑远航深有感触。",
        "甲乙科技有限公司成立于2005年。公司董事长、总经理兼党支部书记郑远航深有感触。",
    ],
)
def test_company_posts_joined_before_a_party_post_are_held_in_the_company(
    extractor: Extractor, text: str
) -> None:
    assert posts(extract(extractor, text)) == {
        ("郑远航", "甲乙科技有限公司", "董事长"),
        ("郑远航", "甲乙科技有限公司", "总经理"),
        ("郑远航", "甲乙科技有限公司党支部", "书记"),
    }


def test_a_name_before_tongzhi_is_read_whole(extractor: Extractor) -> None:
    facts = extract(extractor, "样板高新区召开干部大会。钱立跳同志兼任样板高新区党工委委员。")
    assert people(facts) == {"钱立跳"}


def test_a_common_word_is_no_given_name(extractor: Extractor) -> None:
    facts = extract(extractor, "样板市委组织部副部长曾平,市级各有关部门领导同志出席。")
    assert people(facts) == {"曾平"}


def test_a_management_committee_title_in_a_chain_is_held_in_the_parks_committee(extractor: Extractor) -> None:
    text = "示例县工业园区管委会位于城东。示例县工业园区党工委书记、管委会主任郑远航介绍。"
    assert posts(extract(extractor, text)) == {
        ("郑远航", "示例县工业园区党工委", "书记"),
        ("郑远航", "示例县工业园区管委会", "主任"),
    }


def test_a_name_inside_a_longer_name_is_no_second_person(extractor: Extractor) -> None:
    facts = extract(extractor, "甲乙科技有限公司党委委员、董事长郑远航当选为党代表。")
    assert people(facts) == {"郑远航"}


def test_an_appointed_person_holds_the_post_after_wei(extractor: Extractor) -> None:
    facts = extract(extractor, "园区党委研究决定,任命郑远航为甲乙科技有限公司党支部书记。")
    assert ("郑远航", "甲乙科技有限公司党支部", "书记") in posts(facts)


def test_the_company_a_back_reference_points_to_holds_the_post(extractor: Extractor) -> None:
    facts = extract(extractor, "甲乙科技有限公司位于园区。该公司负责人郑远航说,党建很重要。")
    assert posts(facts) == {("郑远航", "甲乙科技有限公司", "负责人")}


def test_a_title_word_or_an_adverb_after_a_title_is_no_name(extractor: Extractor) -> None:
    facts = extract(extractor, "园区党委设宣传委员,纪检委员。甲乙科技有限公司董事长高度重视党建。")
    assert people(facts) == set()


def test_a_family_name_that_is_also_a_preposition_in_a_roll_of_people(extractor: Extractor) -> None:
    text = (
        "示例县委组织部副部长秦立山,示例县市场监管局党组书记向曙光,示例县工商联党组书记韩志远出席活动。"
        "会上,党委书记向群众,介绍情况。"
    )
    facts = extract(extractor, text)
    assert people(facts) == {"秦立山", "向曙光", "韩志远"}
    assert ("向曙光", "示例县市场监管局党组", "书记") in posts(facts)


def test_a_name_before_a_count_of_people_is_a_person(extractor: Extractor) -> None:
    text = (
        "东港高新区对青禾机床有限公司党支部等12个先进基层党组织、秦立山等55名优秀共产党员、"
        "韩志远等20名优秀党务工作者予以表彰。"
    )
    assert people(extract(extractor, text)) == {"秦立山", "韩志远"}


def test_an_idiom_after_a_title_is_no_name(extractor: Extractor) -> None:
    facts = extract(extractor, "园区非公企业党委相关负责人齐聚一堂。各企业负责人齐心协力,负责人高飞说。")
    assert people(facts) == {"高飞"}


def test_verbs_or_a_pronoun_after_a_title_name_no_one(extractor: Extractor) -> None:
    text = "青禾医疗集团青干韩志远由行政主管干到行政经理。那天,她作为东港公司的党建指导员,到公司与大家见面。"
    assert people(extract(extractor, text)) == {"韩志远"}


def test_a_bare_body_after_a_post_in_a_park_s_committee_is_the_park_s(extractor: Extractor) -> None:
    text = (
        "衢州市召开产业党建联盟大会。衢州市委常委、组织部部长秦立山,"
        "东港经济技术开发区党工委委员、纪工委书记韩志远出席活动。衢州市产业发展迅速。"
    )
    found = {(person, body) for person, body, _ in posts(extract(extractor, text))}
    assert ("韩志远", "东港经济技术开发区纪工委") in found
    assert ("韩志远", "衢州市纪工委") not in found


def test_a_post_in_brackets_after_a_titled_name(extractor: Extractor) -> None:
    facts = extract(extractor, "示例县工业园区管委会副主任郑远航(示例县工业园区党工委委员)宣读决定。")
    assert ("郑远航", "示例县工业园区党工委", "委员") in posts(facts)


def test_a_list_of_names_and_posts_one_a_line(extractor: Extractor) -> None:
    text = (
        "优秀党务工作者名单:\n郑远航 甲乙科技有限公司党支部书记\n柏树林 丙丁机械有限公司总经理\n"
        "党支部书记:祝长青"
    )
    facts = extract(extractor, text)
    assert people(facts) == {"郑远航", "柏树林", "祝长青"}
    assert posts(facts) == {
        ("郑远航", "甲乙科技有限公司党支部", "书记"),
        ("柏树林", "丙丁机械有限公司", "总经理"),
    }


def test_names_in_a_byline_before_a_post_are_not_its_holder(extractor: Extractor) -> None:
    facts = extract(extractor, "本刊记者 郑远航 柏树林& 示例县委常委、组织部长 祝长青")
    assert {holder for holder, _, _ in posts(facts)} == {"祝长青"}


def test_names_listed_before_tongzhi(extractor: Extractor) -> None:
    facts = extract(extractor, "大会表彰了郑航、柏树林等同志。全体同志、相关同志参加。")
    assert people(facts) == {"郑航", "柏树林"}


def test_a_name_opening_a_clause_before_a_speech_verb(extractor: Extractor) -> None:
    text = (
        "许多人表示,园区服务好。公司表示满意。据郑远航介绍,园区有企业80家。柏树林说:“好。”全体党员表示拥护。"
    )
    assert people(extract(extractor, text)) == {"郑远航", "柏树林"}


@pytest.mark.parametrize(
    "text",
    [
        "中共党员、老党员、预备党员都参加。",
        "园区党委书记项目化管理成效明显,党委书记党建项目有序推进,书记应当带头。",
        "各企业董事长和总经理参加,会长单位牵头。",
    ],
)
def test_words_after_a_title_that_name_nobody(extractor: Extractor, text: str) -> None:
    assert people(extract(extractor, text)) == set()


# People the lexical analyzer tags (family names outside the lexicon: 钮, 暴), kept by their construction.


def test_a_tagged_name_after_a_title_holds_its_post(extractor: Extractor) -> None:
    facts = extract(extractor, "示例科技有限公司总经理钮俊峰表示,要把党建工作做实。")
    assert people(facts) == {"钮俊峰"}
    assert posts(facts) == {("钮俊峰", "示例科技有限公司", "总经理")}


def test_tagged_names_listed_after_a_title_share_it(extractor: Extractor) -> None:
    facts = extract(extractor, "示例高新区管委会副主任钮俊峰、暴文涛出席活动。")
    assert posts(facts) == {
        ("钮俊峰", "示例高新区管委会", "副主任"),
        ("暴文涛", "示例高新区管委会", "副主任"),
    }


def test_a_note_in_brackets_after_a_listed_name_does_not_end_the_list(extractor: Extractor) -> None:
    roster = "示例高新区综合党委领导班子成员如下:\n书记:吕光明\n副书记:钮俊峰(兼)、暴文涛\n"
    facts = extract(extractor, roster)
    assert {("钮俊峰", "副书记"), ("暴文涛", "副书记")} <= {(p, title) for p, _, title in posts(facts)}


def test_a_post_filled_in_a_clause_opening_with_the_subjects_bare_word_is_the_subjects(
    extractor: Extractor,
) -> None:
    text = (
        "金桥产业园联合党支部由甲乙科技有限公司等3家企业联合组建,"
        "支部书记由甲乙科技有限公司副总经理钮俊峰担任。"
    )
    assert ("钮俊峰", "金桥产业园联合党支部", "书记") in posts(extract(extractor, text))


def test_a_tagged_name_before_its_title_or_stating_its_post(extractor: Extractor) -> None:
    assert people(extract(extractor, "会上,钮俊峰书记作了讲话。")) == {"钮俊峰"}
    facts = extract(extractor, "钮俊峰是示例科技有限公司的总经理。")
    assert posts(facts) == {("钮俊峰", "示例科技有限公司", "总经理")}


def test_titles_a_tagged_name_states_with_dun_or_jian_are_each_a_post(extractor: Extractor) -> None:
    facts = extract(extractor, "钮俊峰是示例科技有限公司董事长、党支部书记。")
    assert posts(facts) == {
        ("钮俊峰", "示例科技有限公司", "董事长"),
        ("钮俊峰", "示例科技有限公司党支部", "书记"),
    }
    facts = extract(extractor, "钮俊峰(示例科技有限公司董事长兼总经理)陪同调研。")
    assert posts(facts) == {
        ("钮俊峰", "示例科技有限公司", "董事长"),
        ("钮俊峰", "示例科技有限公司", "总经理"),
    }


def test_a_tagged_name_before_a_speech_verb_or_an_honorific(extractor: Extractor) -> None:
    assert people(extract(extractor, "钮俊峰同志长期扎根基层。")) == {"钮俊峰"}
    assert people(extract(extractor, "对此,暴文涛表示,党建是第一责任。")) == {"暴文涛"}


def test_a_tagged_name_as_the_subject_of_a_predicate_or_after_a_weak_title(extractor: Extractor) -> None:
    facts = extract(extractor, "在揭牌仪式上,秦立山宣布示例科技有限公司党支部书记由大家选出。")
    assert people(facts) == {"秦立山"}
    assert people(extract(extractor, "示例科技有限公司党员暴文涛被评为优秀党员。")) == {"暴文涛"}


def test_tagged_names_in_a_byline_are_no_people(extractor: Extractor) -> None:
    facts = extract(extractor, "本报记者 钮俊峰 通讯员 暴文涛 示例县委常委秦立山说,园区党建要抓实。")
    assert people(facts) == {"秦立山"}


def test_a_tagged_name_in_no_person_construction_is_no_person(extractor: Extractor) -> None:
    facts = extract(extractor, "园区党委书记秦立山说,园区成立了雷锋车队。")
    assert people(facts) == {"秦立山"}


# Where a title with no organization right before it is held.


def test_a_title_opening_with_a_body_word_is_held_in_that_body(extractor: Extractor) -> None:
    facts = extract(extractor, "示例县工业园区党工委召开大会,党工委副书记钮俊峰主持会议。")
    assert posts(facts) == {("钮俊峰", "示例县工业园区党工委", "副书记")}


def test_a_bare_body_word_before_a_title_stands_for_the_articles_body(extractor: Extractor) -> None:
    facts = extract(extractor, "示例县工业园区党工委成立于2010年。会议由党工委另一位副书记秦立山主持。")
    assert posts(facts) == {("秦立山", "示例县工业园区党工委", "副书记")}


def test_a_title_is_held_in_the_organization_named_last_in_its_clause(extractor: Extractor) -> None:
    facts = extract(extractor, "示例科技有限公司的质检部门由经理秦立山负责。")
    assert posts(facts) == {("秦立山", "示例科技有限公司", "经理")}
    facts = extract(extractor, "在示例科技有限公司这家企业里,质量部经理秦立山已有十年党龄。")
    assert posts(facts) == {("秦立山", "示例科技有限公司", "经理")}
    facts = extract(extractor, "示例科技有限公司党委书记甲乙、秦立山(样板股份总经理)陪同。")
    assert ("秦立山", "示例科技有限公司", "总经理") not in posts(facts)


def test_posts_listed_after_a_body_are_held_in_it(extractor: Extractor) -> None:
    facts = extract(extractor, "示例纺织有限公司党支部书记方文、副书记秦立山参加。")
    assert posts(facts) == {
        ("方文", "示例纺织有限公司党支部", "书记"),
        ("秦立山", "示例纺织有限公司党支部", "副书记"),
    }
    facts = extract(extractor, "示例科技有限公司董事长方文和样板机械有限公司总经理秦立山陪同。")
    assert posts(facts) == {("方文", "示例科技有限公司", "董事长"), ("秦立山", "样板机械有限公司", "总经理")}


# Chains of posts and the bodies abbreviated in them.


def test_a_bare_department_after_a_county_committee_post_is_that_committees(extractor: Extractor) -> None:
    facts = extract(extractor, "样板县科技园位于城南。县委常委、组织部部长柏文山出席会议。")
    assert posts(facts) == {("柏文山", "样板县委", "常委"), ("柏文山", "样板县委组织部", "部长")}


def test_a_management_committee_title_names_the_parks_committee(extractor: Extractor) -> None:
    facts = extract(extractor, "样板县科技园党工委召开会议。党工委书记、管委会主任柏文山主持。")
    assert posts(facts) == {
        ("柏文山", "样板县科技园党工委", "书记"),
        ("柏文山", "样板县科技园管委会", "主任"),
    }


def test_a_director_listed_with_a_park_committee_post_heads_the_management_committee(
    extractor: Extractor,
) -> None:
    facts = extract(extractor, "样板县科技园党工委委员、副主任柏文山作报告。")
    assert ("柏文山", "样板县科技园管委会", "副主任") in posts(facts)


@pytest.mark.parametrize(
    "text",
    [
        "柏文山同志任样板机电有限公司党支部书记。",
        "经研究,决定由柏文山同志担任样板机电有限公司党支部书记。",
        "柏文山任样板机电有限公司党支部书记。",
    ],
)
def test_a_name_then_a_post_verb_then_the_post(extractor: Extractor, text: str) -> None:
    assert posts(extract(extractor, text)) == {("柏文山", "样板机电有限公司党支部", "书记")}


def test_titles_joined_after_a_stated_post_are_each_a_post(extractor: Extractor) -> None:
    facts = extract(extractor, "柏文山,男,1975年生,中共党员,现任样板机电有限公司党支部书记、董事长。")
    assert posts(facts) == {
        ("柏文山", "样板机电有限公司党支部", "书记"),
        ("柏文山", "样板机电有限公司", "董事长"),
    }
    facts = extract(extractor, "样板县科技园位于城南。柏文山,样板县科技园党工委委员、管委会副主任。")
    assert ("柏文山", "样板县科技园管委会", "副主任") in posts(facts)


def test_posts_listed_after_a_comma_are_held_in_the_body_before(extractor: Extractor) -> None:
    facts = extract(extractor, "样板机电有限公司党支部书记柏文山,副书记韦立成出席。")
    assert ("韦立成", "样板机电有限公司党支部", "副书记") in posts(facts)
    facts = extract(extractor, "样板县委组织部部长柏文山,副部长韦立成出席。")
    assert ("韦立成", "样板县委组织部", "副部长") in posts(facts)


@pytest.mark.parametrize(
    ("text", "post"),
    [
        ("样板机电有限公司成立于2012年。该公司党支部书记柏文山介绍。", ("样板机电有限公司党支部", "书记")),
        ("样板机电有限公司成立于2012年。公司党支部书记柏文山介绍。", ("样板机电有限公司党支部", "书记")),
        ("样板机电有限公司成立于2012年。公司董事长柏文山介绍。", ("样板机电有限公司", "董事长")),
        ("样板机电有限公司成立于2012年。柏文山是公司的总经理。", ("样板机电有限公司", "总经理")),
    ],
)
def test_a_bare_company_word_speaks_of_the_company_named_before(
    extractor: Extractor, text: str, post: tuple[str, str]
) -> None:
    assert posts(extract(extractor, text)) == {("柏文山", *post)}


def test_a_party_title_in_a_sentence_naming_a_company_is_held_in_its_party_body(extractor: Extractor) -> None:
    facts = extract(extractor, "在样板机电有限公司,记者见到了党支部书记柏文山。")
    assert posts(facts) == {("柏文山", "样板机电有限公司党支部", "书记")}


def test_a_secretary_named_before_the_title_is_the_last_named_party_bodys(extractor: Extractor) -> None:
    facts = extract(extractor, "样板县科技园党工委召开会议。会上,柏文山书记指出,要抓好党建。")
    assert posts(facts) == {("柏文山", "样板县科技园党工委", "书记")}


def test_a_roster_under_a_heading_that_names_the_body(extractor: Extractor) -> None:
    text = "样板机电有限公司党支部\n书记:柏文山\n副书记:韦立成\n组织委员:祝长青"
    assert posts(extract(extractor, text)) == {
        ("柏文山", "样板机电有限公司党支部", "书记"),
        ("韦立成", "样板机电有限公司党支部", "副书记"),
        ("祝长青", "样板机电有限公司党支部", "组织委员"),
    }


def test_a_verb_after_a_name_starts_no_organization_name(extractor: Extractor) -> None:
    text = "样板县科技园党工委书记柏文山带领党工委副书记韦立成来到样板机电有限公司。"
    assert posts(extract(extractor, text)) == {
        ("柏文山", "样板县科技园党工委", "书记"),
        ("韦立成", "样板县科技园党工委", "副书记"),
    }


def test_a_clause_opening_ju_is_no_part_of_the_body_named_after_it(extractor: Extractor) -> None:
    facts = extract(extractor, "据样板机电有限公司党支部书记柏文山介绍,支部有党员30名。")
    assert posts(facts) == {("柏文山", "样板机电有限公司党支部", "书记")}


def test_a_party_title_after_a_management_committee_post_is_the_parks(extractor: Extractor) -> None:
    facts = extract(extractor, "样板县科技园位于城南。样板县科技园管委会副主任、党工委委员柏文山说。")
    assert posts(facts) == {
        ("柏文山", "样板县科技园管委会", "副主任"),
        ("柏文山", "样板县科技园党工委", "委员"),
    }


def test_a_party_body_named_after_a_village_in_a_longer_place(extractor: Extractor) -> None:
    facts = extract(extractor, "——柏文山:东关办事处前进村党委书记;")
    assert posts(facts) == {("柏文山", "东关办事处前进村党委", "书记")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("样板县科技园综合党委书记由柏文山兼任。", {("柏文山", "样板县科技园综合党委", "书记")}),
        (
            "样板机电有限公司党支部书记由公司董事长柏文山兼任。",
            {("柏文山", "样板机电有限公司党支部", "书记"), ("柏文山", "样板机电有限公司", "董事长")},
        ),
    ],
)
def test_a_post_named_before_you_is_filled_by_the_person_after_it(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert posts(extract(extractor, text)) == expected


def test_posts_listed_with_he_after_a_body_are_held_in_it(extractor: Extractor) -> None:
    facts = extract(extractor, "样板县科技园综合党委书记柏文山、副书记韦立成和委员祝长青出席。")
    assert ("祝长青", "样板县科技园综合党委", "委员") in posts(facts)


@pytest.mark.parametrize(
    ("text", "post"),
    [
        ("样板市人社局局长柏文山出席。", ("样板市人社局", "局长")),
        ("样板机械厂厂长柏文山出席。", ("样板机械厂", "厂长")),
    ],
)
def test_a_title_repeating_the_bodys_last_word(
    extractor: Extractor, text: str, post: tuple[str, str]
) -> None:
    assert posts(extract(extractor, text)) == {("柏文山", *post)}


def test_a_bracketed_note_between_the_title_and_the_name(extractor: Extractor) -> None:
    facts = extract(extractor, "样板县科技园党工委副书记(主持工作)柏文山说。")
    assert posts(facts) == {("柏文山", "样板县科技园党工委", "副书记")}


def test_a_pronoun_or_ji_clause_states_the_persons_posts(extractor: Extractor) -> None:
    facts = extract(extractor, "柏文山告诉记者,他是样板机电有限公司的党支部书记。")
    assert posts(facts) == {("柏文山", "样板机电有限公司党支部", "书记")}
    facts = extract(extractor, "柏文山既是样板机电有限公司的董事长,也是公司党支部书记。")
    assert posts(facts) == {
        ("柏文山", "样板机电有限公司", "董事长"),
        ("柏文山", "样板机电有限公司党支部", "书记"),
    }


def test_a_title_then_de_then_the_name(extractor: Extractor) -> None:
    facts = extract(extractor, "担任样板机电有限公司党支部书记的柏文山说。")
    assert posts(facts) == {("柏文山", "样板机电有限公司党支部", "书记")}


def test_a_party_committee_of_a_regions_organ_named_by_its_level(extractor: Extractor) -> None:
    facts = extract(extractor, "样板县科技园位于四川省样板县。省国资委党委书记柏文山出席。")
    assert posts(facts) == {("柏文山", "四川省国资委党委", "书记")}


@pytest.mark.parametrize(
    "text",
    [
        "老张是园区的老党员。",
        "小李说,园区服务很周到。",
        "刘师傅说,现在的工作环境越来越好。",
        "李总介绍,企业今年产值翻番。",
        "张书记说,要把党建做实。",
        "王党员积极参与志愿服务。",
        "张某某在园区务工。",
    ],
)
def test_a_form_of_address_is_no_name(extractor: Extractor, text: str) -> None:
    assert people(extract(extractor, text)) == set()


def test_a_name_whose_parts_a_dot_joins_is_read_whole(extractor: Extractor) -> None:
    facts = extract(extractor, "示例县委副书记阿卜杜·热合曼出席会议。")
    assert people(facts) == {"阿卜杜·热合曼"}
    assert ("阿卜杜·热合曼", "示例县委", "副书记") in posts(facts)


@pytest.mark.parametrize(
    "text",
    [
        "示例公司党支部工作稳步推进。(郑大海 孙丽丽)",
        "郑大海\n示例公司党支部工作稳步推进。",
        "示例公司党支部开展活动。郑大海 摄",
    ],
)
def test_a_credit_names_no_person_of_the_article(extractor: Extractor, text: str) -> None:
    assert people(extract(extractor, text)) == set()


def test_names_listed_by_spaces_after_a_heading_are_people(extractor: Extractor) -> None:
    facts = extract(extractor, "优秀共产党员:郑大海 孙丽丽 吕光明")
    assert people(facts) == {"郑大海", "孙丽丽", "吕光明"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("据了解,吕光明一家三口都是党员。", "吕光明"),
        ("在孙丽丽的带领下,车间连续三年零事故,她说这是大家的功劳。", "孙丽丽"),
        ("孙丽丽(右一)与员工交流,介绍了车间的党建做法。", "孙丽丽"),
    ],
)
def test_a_person_the_model_tags_where_the_sentence_can_name_one_is_found(
    extractor: Extractor, text: str, name: str
) -> None:
    assert people(extract(extractor, text)) == {name}


@pytest.mark.parametrize("verb", ["结合", "走进", "通报", "现场"])
def test_a_two_character_name_before_an_unknown_verb_ends_before_it(extractor: Extractor, verb: str) -> None:
    facts = extract(extractor, f"示例县委书记王军{verb}大家开展工作。")
    assert people(facts) == {"王军"}
    assert ("王军", "示例县委", "书记") in posts(facts)


def test_a_two_character_name_padded_in_a_roster_is_written_without_the_space(extractor: Extractor) -> None:
    facts = extract(extractor, "示例公司党支部书记:王 军\n示例公司党支部副书记:李\u3000刚")
    assert posts(facts) == {("王军", "示例公司党支部", "书记"), ("李刚", "示例公司党支部", "副书记")}


def test_names_with_a_compound_surname_listed_before_tongzhi(extractor: Extractor) -> None:
    facts = extract(extractor, "欧阳明华、司马远等同志参加了活动。")
    assert people(facts) == {"欧阳明华", "司马远"}


def test_an_appointed_comrade_holds_the_post(extractor: Extractor) -> None:
    facts = extract(extractor, "决定任命孙立军同志为示例工业园区管委会副主任。")
    assert ("孙立军", "示例工业园区管委会", "副主任") in posts(facts)


def test_a_word_for_the_whole_country_before_a_title_is_no_name(extractor: Extractor) -> None:
    facts = extract(extractor, "全国人大代表、示例科技有限公司董事长刘伟说,企业发展离不开党建。")
    assert people(facts) == {"刘伟"}


def test_a_word_after_a_title_that_runs_into_a_verb_is_no_name(extractor: Extractor) -> None:
    assert people(extract(extractor, "党支部书记高效完成了任务。")) == set()


def test_names_listed_after_a_roster_colon_hold_its_title(extractor: Extractor) -> None:
    text = (
        "青岚工业园区召开党员大会。大会选出青岚工业园区第三届党委委员4名,按姓氏笔画排序为:"
        "马成林,韩志远,秦立山,罗一鸣。"
    )
    found = posts(extract(extractor, text))
    assert {(name, "青岚工业园区党委", "委员") for name in ("马成林", "韩志远", "秦立山", "罗一鸣")} <= found


def test_a_roster_needs_mostly_names_and_no_second_title_before_its_colon(extractor: Extractor) -> None:
    facts = extract(extractor, "示例科技有限公司党支部委员分工如下:组织委员,宣传委员。")
    assert not posts(facts)
    facts = extract(extractor, "示例科技有限公司党支部书记和宣传委员分别是:马成林、韩志远。")
    assert ("韩志远", "示例科技有限公司党支部", "书记") not in posts(facts)


def test_a_term_of_office_is_no_part_of_a_committee_name(extractor: Extractor) -> None:
    text = "青山工业园区召开党员大会,选举产生了新一届园区党委委员,分别是:马成林、韩志远。"
    facts = extract(extractor, text)
    assert ("马成林", "青山工业园区党委", "委员") in posts(facts)
    assert not any("届" in e.name for e in facts.entities)


def test_a_bare_level_word_is_the_region_of_that_level_named_last_in_the_paragraph(
    extractor: Extractor,
) -> None:
    text = (
        "青山县工业园区位于青山县。青山县和白水县的领导出席。他们是:马成林,白水县委常委、常务副县长;"
        "韩志远,县财政局局长。"
    )
    found = posts(extract(extractor, text))
    assert ("马成林", "白水县", "常务副县长") in found
    assert ("韩志远", "白水县财政局", "局长") in found


def test_an_office_word_is_no_given_name(extractor: Extractor) -> None:
    facts = extract(extractor, "韩志远,县财政局局长、国资办主任。")
    assert "国资办" not in people(facts)


def test_a_person_sent_to_a_village_holds_the_post_there(extractor: Extractor) -> None:
    text = "韩志远(青山科技有限公司总经理),去青山镇城南村当“第一书记”。"
    found = posts(extract(extractor, text))
    assert ("韩志远", "城南村", "第一书记") in found
    assert ("韩志远", "青山科技有限公司", "总经理") in found


def test_posts_served_in_a_community_are_its_branch_and_its_own(extractor: Extractor) -> None:
    text = "韩志远:在青山街道翰墨社区既任党支部书记,又任居委会主任。"
    found = posts(extract(extractor, text))
    assert ("韩志远", "翰墨社区党支部", "书记") in found
    assert ("韩志远", "翰墨社区", "主任") in found
    text = "王一鸣(青山科技有限公司总经理),去白水镇卢家口村当“第一书记”。"
    assert ("王一鸣", "卢家口村", "第一书记") in posts(extract(extractor, text))


def test_a_village_post_before_a_name_is_held_in_the_village(extractor: Extractor) -> None:
    facts = extract(extractor, "青山镇城南村第一书记秦立山说,村里变化很大。")
    assert ("秦立山", "城南村", "第一书记") in posts(facts)
    facts = extract(extractor, "青山县副书记秦立山说,县里变化很大。")
    assert not any(tail == "青山县" for _, tail, _ in posts(facts))


def test_a_corporate_title_after_a_post_in_the_company_committee_is_held_in_the_company(
    extractor: Extractor,
) -> None:
    facts = extract(extractor, "韩志远是青山集团党委委员、副总裁,分管安全生产。")
    found = posts(facts)
    assert ("韩志远", "青山集团", "副总裁") in found
    assert ("韩志远", "青山集团党委", "委员") in found


def test_a_bare_body_word_after_a_company_post_is_the_company_body(extractor: Extractor) -> None:
    facts = extract(extractor, "青山科技有限公司党委副书记、工会主席秦立山说,职工有了家。")
    found = posts(facts)
    assert ("秦立山", "青山科技有限公司工会", "主席") in found
    assert ("秦立山", "青山科技有限公司党委", "副书记") in found


def test_a_clause_opened_by_zuowei_gives_the_next_name_its_post(extractor: Extractor) -> None:
    facts = extract(extractor, "作为青山科技有限公司董事长,秦立山深知党建的分量。")
    assert ("秦立山", "青山科技有限公司", "董事长") in posts(facts)
    facts = extract(extractor, "作为一名党员,就要冲在前面。")
    assert not people(facts)


def test_a_name_before_a_leader_s_speech_verb_is_a_person(extractor: Extractor) -> None:
    facts = extract(extractor, "会上,秦立山要求,各支部要把工作抓实。韩志远透露,园区今年将新建三个党支部。")
    assert people(facts) == {"秦立山", "韩志远"}


def test_a_bare_body_word_after_dangxuanwei_is_the_body_the_document_named(extractor: Extractor) -> None:
    text = "青山工业园区企业家协会成立。我司总经理韩志远当选为协会首届常务理事,并出任会长。"
    found = posts(extract(extractor, text))
    assert ("韩志远", "青山工业园区企业家协会", "常务理事") in found
    assert ("韩志远", "青山工业园区企业家协会", "会长") in found


def test_names_listed_after_a_heading_for_people_are_people(extractor: Extractor) -> None:
    facts = extract(extractor, "出席会议的领导有:秦立山、韩志远、马成林。")
    assert people(facts) == {"秦立山", "韩志远", "马成林"}
    facts = extract(extractor, "出席会议的领导有:青山科技、白水集团。")
    assert not people(facts)


def test_a_village_committee_post_after_its_branch_post_is_held_in_the_village(extractor: Extractor) -> None:
    facts = extract(extractor, "青山镇城南村党支部书记、村委会主任秦立山带领村民致富。")
    found = posts(facts)
    assert ("秦立山", "城南村", "主任") in found
    assert ("秦立山", "青山镇城南村党支部", "书记") in found


def test_a_title_in_the_next_sentence_is_held_in_the_company_named_before(extractor: Extractor) -> None:
    facts = extract(extractor, "远帆精密有限公司是一家民营企业。党支部书记柯晓岚说,支部有党员9名。")
    assert posts(facts) == {("柯晓岚", "远帆精密有限公司党支部", "书记")}
    facts = extract(extractor, "远帆精密有限公司专做轴承。“订单越来越多。”总经理柯晓岚说。")
    assert posts(facts) == {("柯晓岚", "远帆精密有限公司", "总经理")}


def test_a_company_two_sentences_back_or_behind_another_body_holds_no_post(extractor: Extractor) -> None:
    facts = extract(extractor, "远帆精密有限公司专做轴承。园区还有一所学校。今年订单增多。总经理柯晓岚说。")
    assert posts(facts) == set()


def test_a_heads_post_after_a_party_body_is_held_in_the_unit(extractor: Extractor) -> None:
    facts = extract(extractor, "样板县电子商务协会党支部书记、会长柯晓岚说。")
    assert posts(facts) == {
        ("柯晓岚", "样板县电子商务协会党支部", "书记"),
        ("柯晓岚", "样板县电子商务协会", "会长"),
    }


def test_a_title_in_a_section_of_a_company_is_held_in_the_company(extractor: Extractor) -> None:
    facts = extract(extractor, "远帆精密有限公司党支部书记、质检部经理柯晓岚说。")
    assert posts(facts) == {
        ("柯晓岚", "远帆精密有限公司党支部", "书记"),
        ("柯晓岚", "远帆精密有限公司", "质检部经理"),
    }


def test_a_title_spaced_from_its_body(extractor: Extractor) -> None:
    facts = extract(extractor, "样板县东岭工业园区管委会 副主任 柯晓岚出席。")
    assert posts(facts) == {("柯晓岚", "样板县东岭工业园区管委会", "副主任")}


@pytest.mark.parametrize(
    "text",
    [
        "座谈会上,柯晓岚以远帆精密有限公司党委书记的身份作了汇报。",
        "柯晓岚作为远帆精密有限公司党委书记,带头学习。",
        "柯晓岚现为远帆精密有限公司党委书记。",
        "柯晓岚,女,1978年出生,中共党员,远帆精密有限公司党委书记。",
        "柯晓岚于2019年起担任远帆精密有限公司党委书记。",
    ],
)
def test_a_post_stated_after_the_name(extractor: Extractor, text: str) -> None:
    assert posts(extract(extractor, text)) == {("柯晓岚", "远帆精密有限公司党委", "书记")}


def test_yi_before_a_title_is_a_capacity_only_with_shenfen(extractor: Extractor) -> None:
    facts = extract(extractor, "柯晓岚以远帆精密有限公司党委书记为榜样。")
    assert posts(facts) == set()


@pytest.mark.parametrize("body", ["样板县发展和改革局", "样板县人力资源和社会保障局", "样板县文化和旅游局"])
def test_a_public_body_named_by_two_lines_of_work_joined_by_he(extractor: Extractor, body: str) -> None:
    assert posts(extract(extractor, f"{body}局长柯晓岚说。")) == {("柯晓岚", body, "局长")}


def test_he_between_two_bodies_joins_no_name(extractor: Extractor) -> None:
    facts = extract(extractor, "远帆精密有限公司和样板县人社局共同开展活动。企业和人社局一起调研。")
    names = {e.name for e in facts.entities}
    assert "远帆精密有限公司" in names
    assert not [name for name in names if "和" in name]


@pytest.mark.parametrize(
    ("text", "post"),
    [
        ("样板县农村商业银行行长柯晓岚说。", ("柯晓岚", "样板县农村商业银行", "行长")),
        ("远帆精密有限公司工程师柯晓岚攻克了难题。", ("柯晓岚", "远帆精密有限公司", "工程师")),
        ("远帆精密有限公司员工柯晓岚说。", ("柯晓岚", "远帆精密有限公司", "员工")),
        ("东岭工业园区党群服务中心工作人员柯晓岚说。", ("柯晓岚", "东岭工业园区党群服务中心", "工作人员")),
    ],
)
def test_posts_of_the_workplace(extractor: Extractor, text: str, post: tuple[str, str, str]) -> None:
    assert posts(extract(extractor, text)) == {post}


def test_a_worker_word_alone_names_no_one(extractor: Extractor) -> None:
    facts = extract(extractor, "远帆精密有限公司员工积极参加活动,员工满意度高。")
    assert people(facts) == set()


def test_a_secretary_of_a_unit_is_held_in_the_units_party_body(extractor: Extractor) -> None:
    text = "东岭工业园区党工委召开会议。东岭工业园区的柯晓岚书记说,要抓好党建。"
    assert posts(extract(extractor, text)) == {("柯晓岚", "东岭工业园区党工委", "书记")}


@pytest.mark.parametrize("honour", ["全国劳动模范", "“最美职工”", "优秀共产党员"])
def test_posts_before_an_honour_listed_before_the_name(extractor: Extractor, honour: str) -> None:
    facts = extract(extractor, f"远帆精密有限公司党支部书记、{honour}柯晓岚说。")
    assert posts(facts) == {("柯晓岚", "远帆精密有限公司党支部", "书记")}


def test_a_body_in_brackets_after_the_titled_name(extractor: Extractor) -> None:
    facts = extract(extractor, "党支部书记柯晓岚(远帆精密有限公司)作了发言。")
    assert posts(facts) == {("柯晓岚", "远帆精密有限公司党支部", "书记")}


def test_a_photographs_place_note_does_not_break_a_list_of_posts(extractor: Extractor) -> None:
    facts = extract(extractor, "远帆精密有限公司董事长柯晓岚(右二)和总经理鲁明远(左一)交流。")
    assert posts(facts) == {
        ("柯晓岚", "远帆精密有限公司", "董事长"),
        ("鲁明远", "远帆精密有限公司", "总经理"),
    }


def test_a_department_after_a_post_in_a_parks_committee_is_the_parks(extractor: Extractor) -> None:
    facts = extract(extractor, "东岭工业园区党工委委员、组织人事部部长柯晓岚说。")
    assert posts(facts) == {
        ("柯晓岚", "东岭工业园区党工委", "委员"),
        ("柯晓岚", "东岭工业园区组织人事部", "部长"),
    }


def test_a_companys_formal_party_committee_holds_its_secretary(extractor: Extractor) -> None:
    facts = extract(extractor, "中共远帆精密有限公司委员会书记柯晓岚说。")
    assert posts(facts) == {("柯晓岚", "远帆精密有限公司委员会", "书记")}
    committee = next(e for e in facts.entities if e.name == "远帆精密有限公司委员会")
    assert committee.type == "Committee"


def test_a_post_named_before_its_filler_with_the_word_for_the_post(extractor: Extractor) -> None:
    facts = extract(extractor, "目前，样板新区党工委书记一职由省委常委高远兼任。")
    assert ("高远", "样板新区党工委", "书记") in posts(facts)


def test_a_post_taken_in_a_year_and_a_later_one(extractor: Extractor) -> None:
    facts = extract(
        extractor,
        "样板新区管委会成立。赵文于2019年任样板新区党工委副书记、管委会主任，后担任样板新区党工委书记。",
    )
    assert {
        ("赵文", "样板新区党工委", "副书记"),
        ("赵文", "样板新区管委会", "主任"),
        ("赵文", "样板新区党工委", "书记"),
    } <= posts(facts)


def test_a_party_title_written_after_an_organs_party_word(extractor: Extractor) -> None:
    facts = extract(extractor, "样板商务区管理局党委专职副书记孟清出席。")
    assert posts(facts) == {("孟清", "样板商务区管理局党委", "专职副书记")}


def test_an_organ_word_after_a_post_in_a_region_committee(extractor: Extractor) -> None:
    facts = extract(extractor, "样板市委常委、政法委书记孟清参加活动。")
    assert posts(facts) == {("孟清", "样板市委", "常委"), ("孟清", "样板市委政法委", "书记")}


def test_names_listed_before_a_shared_post(extractor: Extractor) -> None:
    facts = extract(extractor, "许文、方静、庄鸣当选中共样板经济开发区委员会委员。")
    assert {name for name, _, title in posts(facts) if title == "委员"} == {"许文", "方静", "庄鸣"}


def test_a_bare_region_committee_in_an_article_mostly_about_a_town(extractor: Extractor) -> None:
    facts = extract(
        extractor,
        "样板区委书记汪明、区委常委、组织部部长李峻、示例镇党委书记赵婧陪同调研。示例镇有企业。示例镇在发展。",
    )
    assert {("李峻", "样板区委", "常委"), ("李峻", "样板区委组织部", "部长")} <= posts(facts)


def test_a_bare_party_word_after_a_listed_company_officer(extractor: Extractor) -> None:
    facts = extract(
        extractor,
        "示例镇副镇长、综合党委书记朱立一行走访，甲乙控股集团董事长裘文、党委书记张帆热情接待。",
    )
    assert ("张帆", "甲乙控股集团党委", "书记") in posts(facts)
    assert ("张帆", "示例镇综合党委", "书记") not in posts(facts)


def test_a_bare_region_committee_before_a_post_is_the_documents_region(extractor: Extractor) -> None:
    text = "区委常委、组织部部长房清陪同调研。示例街道会议室座谈。示例街道介绍了样板区的经验。"
    facts = extract(extractor, text)
    assert ("房清", "样板区委", "常委") in posts(facts)


def test_a_member_of_a_committee_written_with_its_formal_word(extractor: Extractor) -> None:
    text = "样板经济开发区园区党委成立\n\n会上选举产生委员。许文、庄鸣当选中共样板经济开发区园区委员会委员。"
    holders = {(name, title) for name, holder, title in posts(extract(extractor, text)) if "委员会" in holder}
    assert holders == {("许文", "委员"), ("庄鸣", "委员")}


def test_a_title_after_a_posted_persons_name_is_an_address(extractor: Extractor) -> None:
    text = "示例镇党委副书记李慧、示例镇综合党委书记朱立走访企业。座谈会上，李慧书记介绍了规划。"
    assert posts(extract(extractor, text)) == {
        ("李慧", "示例镇党委", "副书记"),
        ("朱立", "示例镇综合党委", "书记"),
    }


def test_leaders_of_a_place_listed_after_ling_dao_are_people(extractor: Extractor) -> None:
    facts = extract(extractor, "考察团来青禾区参观,云锦县领导林建华、蔡文明、郑光辉陪同。")
    assert {"林建华", "蔡文明", "郑光辉"} <= people(facts)
    assert people(extract(extractor, "县领导班子成员参加。")) == set()


def test_a_province_s_committee_organ_or_a_chamber_is_no_person(extractor: Extractor) -> None:
    text = (
        "江苏省委组织部、浙江省丽水市委组织部相关负责人在论坛上发言。"
        "青禾商会联合党委书记、商会会长,青禾园董事长林余存讲话。"
    )
    facts = extract(extractor, text)
    assert people(facts) == {"林余存"}
    assert "江苏省委组织部" in {e.name for e in facts.entities if e.type == "Organization"}


def test_a_studio_named_after_a_model_worker_names_that_person(extractor: Extractor) -> None:
    facts = extract(extractor, "推广林志远先锋工作室、青禾电子郑光辉劳模创新工作室经验,建立劳模工作室。")
    assert people(facts) == {"林志远", "郑光辉"}


def test_a_rosters_party_body_column_is_the_companys_in_its_row(extractor: Extractor) -> None:
    facts = extract(
        extractor,
        "示范科技园企业党组织书记名单\n序号 姓名 单位 职务\n"
        "1 方文 示例电气有限公司 党委书记\n2 王海燕 样板软件有限公司 党支部书记\n"
        "示范科技园党委副书记李明主持会议。",
    )
    assert ("方文", "示例电气有限公司党委", "书记") in posts(facts)
    assert ("王海燕", "样板软件有限公司党支部", "书记") in posts(facts)
    assert ("李明", "示范科技园党委", "副书记") in posts(facts)


def test_a_post_in_the_body_a_demonstrative_points_back_to(extractor: Extractor) -> None:
    facts = extract(
        extractor,
        "示例软件有限公司党支部成立于2016年,现有党员12名。该党支部书记由公司副总经理王海燕担任。",
    )
    assert ("王海燕", "示例软件有限公司党支部", "书记") in posts(facts)
    far = extract(
        extractor,
        "示例软件有限公司党支部成立于2016年。公司发展很快。产值翻番。员工增加。该党支部书记由王海燕担任。",
    )
    assert ("王海燕", "示例软件有限公司党支部", "书记") not in posts(far)


def test_a_post_stated_with_wei_or_you_names_its_holder(extractor: Extractor) -> None:
    facts = extract(
        extractor,
        "示例大厦联合党支部覆盖楼宇内8家企业,支部书记为王海燕。"
        "样板软件有限公司党支部成立于2018年,党支部书记由陈佳怡担任。"
        "公司党支部书记为企业发展出谋划策。",
    )
    assert people(facts) == {"王海燕", "陈佳怡"}
    assert ("王海燕", "示例大厦联合党支部", "书记") in posts(facts)
    assert ("陈佳怡", "样板软件有限公司党支部", "书记") in posts(facts)


def test_a_post_stated_with_wei_before_the_holders_own_titles(extractor: Extractor) -> None:
    facts = extract(
        extractor,
        "样板软件有限公司党支部书记为公司副总经理陈佳怡。示例电气有限公司党支部书记是公司办公室主任方文,"
        "支部共有党员15名。",
    )
    assert ("陈佳怡", "样板软件有限公司党支部", "书记") in posts(facts)
    assert ("陈佳怡", "样板软件有限公司", "副总经理") in posts(facts)
    assert ("方文", "示例电气有限公司党支部", "书记") in posts(facts)
    unfinished = extract(extractor, "样板软件有限公司党支部书记为公司副总经理陈佳怡提供了建议。")
    assert ("陈佳怡", "样板软件有限公司党支部", "书记") not in posts(unfinished)


def test_a_listed_item_with_a_body_and_a_title_of_its_own_is_no_name(extractor: Extractor) -> None:
    facts = extract(extractor, "出席会议的有武侯区人社局局长王海燕、区工商联主席陈佳怡等。")
    assert people(facts) == {"王海燕", "陈佳怡"}
    assert ("陈佳怡", "武侯区工商联", "主席") in posts(facts)
    assert ("王海燕", "武侯区人社局", "局长") in posts(facts)


def test_the_head_of_a_party_body_holds_the_post_in_it(extractor: Extractor) -> None:
    facts = extract(
        extractor, "样板软件有限公司党支部负责人陈佳怡介绍了支部工作。样板软件有限公司负责人方文致辞。"
    )
    assert ("陈佳怡", "样板软件有限公司党支部", "负责人") in posts(facts)
    assert ("陈佳怡", "样板软件有限公司", "负责人") not in posts(facts)
    assert ("方文", "样板软件有限公司", "负责人") in posts(facts)


def test_posts_before_a_comma_lead_on_to_the_holders_name(extractor: Extractor) -> None:
    facts = extract(extractor, "示范开发区党工委书记、管委会主任,样板市委常委陈佳怡出席活动。")
    assert {
        ("陈佳怡", "示范开发区党工委", "书记"),
        ("陈佳怡", "示范开发区管委会", "主任"),
        ("陈佳怡", "样板市委", "常委"),
    } <= posts(facts)
    members = extract(extractor, "示范开发区党工委新发展党员,样板市委常委陈佳怡出席活动。")
    assert {(p, body) for p, body, _ in posts(members)} == {("陈佳怡", "样板市委")}


def test_a_standing_deputys_title_and_a_heads_post_in_the_unit_of_its_party_group(
    extractor: Extractor,
) -> None:
    facts = extract(extractor, "示例区工商联党组书记、常务副主席陈佳怡参加座谈。")
    assert {("陈佳怡", "示例区工商联党组", "书记"), ("陈佳怡", "示例区工商联", "常务副主席")} <= posts(facts)


def test_a_post_in_a_park_body_the_document_does_not_place_is_in_its_bare_name(extractor: Extractor) -> None:
    text = "推进两新组织党建工作\n近日,全市召开推进会。高新区党工委书记陈佳怡介绍了经验。"
    facts = extract(extractor, text)
    assert ("陈佳怡", "高新区党工委", "书记") in posts(facts)
    (committee,) = [e for e in facts.entities if e.type == "Committee"]
    other = extractor.extract("高新区党工委书记方文出席。", DocumentInfo(id="other", source="other.txt"))
    assert committee.key != other.entities[0].key  # another document's 高新区 is another park


def test_a_body_word_the_analyzer_tags_as_a_person_is_no_person(extractor: Extractor) -> None:
    facts = extract(extractor, "示例经开区党工委领导班子\n党工委书记:陈佳怡\n党工委委员、纪工委书记:方文\n")
    assert people(facts) == {"陈佳怡", "方文"}


def test_a_post_opening_its_clause_is_in_the_body_that_ends_the_clause_before(extractor: Extractor) -> None:
    text = "青禾经济开发区党工委在青禾生物城设立综合党委,书记由生物城管委会主任吕光明担任。"
    assert ("吕光明", "青禾生物城综合党委", "书记") in posts(extract(extractor, text))


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("经开区组织人事部部长吕光明主持会议。", "青禾经济开发区组织人事部"),
        ("经开区纪检监察工委书记吕光明出席。", "青禾经济开发区纪检监察工委"),
        ("经开区人力资源和社会保障局副局长吕光明参加。", "青禾经济开发区人力资源和社会保障局"),
    ],
    ids=["department", "discipline-body", "bureau-with-and"],
)
def test_a_parks_department_holds_the_post_named_after_it(
    extractor: Extractor, sentence: str, body: str
) -> None:
    text = "青禾经济开发区党工委召开会议。" + sentence
    assert {(p, b) for p, b, _ in posts(extract(extractor, text))} >= {("吕光明", body)}


def test_a_dotted_name_the_rules_read_short_runs_on_to_its_last_part(extractor: Extractor) -> None:
    text = "青禾经济开发区选派党建指导员32名。党建指导员阿不都热合曼·买买提说,他负责联系5家企业。"
    assert "阿不都热合曼·买买提" in people(extract(extractor, text))


def test_a_gender_bracketed_after_a_name_leaves_the_post_after_it_the_persons(extractor: Extractor) -> None:
    text = "韩雪松(女),丙丁物流有限公司董事长,兼任公司党委书记。"
    assert ("韩雪松", "丙丁物流有限公司", "董事长") in posts(extract(extractor, text))


def test_a_kind_of_body_written_bare_before_a_post_is_the_one_of_that_kind_named_just_before(
    extractor: Extractor,
) -> None:
    text = (
        "园区组建集成电路产业链党委和新能源汽车产业链党委。\n"
        "集成电路产业链党委由甲乙半导体有限公司党委牵头,成员单位包括丙丁电子有限公司等17家企业。"
        "产业链党委书记周国庆介绍了经验。"
    )
    assert ("周国庆", "集成电路产业链党委", "书记") in posts(extract(extractor, text))


def test_a_park_sites_roster_holds_its_posts_in_the_one_parks_bodies(extractor: Extractor) -> None:
    text = (
        "机构设置\n示例经济技术开发区管委会内设党政办公室、经济发展局2个职能部门。\n"
        "领导班子\n党工委书记、管委会主任:柏文山\n纪工委书记:韦立成\n"
    )
    assert posts(extract(extractor, text)) == {
        ("柏文山", "示例经济技术开发区党工委", "书记"),
        ("柏文山", "示例经济技术开发区管委会", "主任"),
        ("韦立成", "示例经济技术开发区纪工委", "书记"),
    }


def test_a_titles_last_character_starts_no_name_before_a_verb_of_taking_a_post(extractor: Extractor) -> None:
    facts = extract(extractor, "示例镇经发办主任黄敏担任甲乙科技有限公司党建指导员。")
    assert {e.name for e in facts.entities if e.type == "Person"} == {"黄敏"}


def test_an_interviews_headline_bar_and_a_verbs_measure_start_no_name(extractor: Extractor) -> None:
    text = normalize(
        "专访丨甲乙科技有限公司党支部书记吴敏:让党建成为核心竞争力\n"
        "记者:请介绍一下公司党支部的基本情况。\n"
        "吴敏:公司党支部成立于2016年,隶属示例高新区非公企业综合党委。"
    ).text
    facts = extract(extractor, text)
    assert {e.name for e in facts.entities if e.type in ("Branch", "Enterprise")} == {
        "甲乙科技有限公司党支部",
        "甲乙科技有限公司",
    }
    assert ("吴敏", "甲乙科技有限公司党支部", "书记") in posts(facts)


def test_a_dates_ren_is_no_part_of_the_body_named_after_it(extractor: Extractor) -> None:
    facts = extract(extractor, "蒋文华,男,1975年生。2018年至2021年任示例经济技术开发区招商局局长。")
    assert "示例经济技术开发区招商局" in {e.name for e in facts.entities if e.type == "Organization"}


def test_a_roster_under_its_heading_after_a_blank_line_holds_its_posts(extractor: Extractor) -> None:
    text = "青溪经济开发区党工委领导班子\n\n书记:徐国庆\n副书记:钟伟、林晓梅\n委员:黄志强\n"
    body = "青溪经济开发区党工委"
    found = posts(extract(extractor, text))
    assert {("钟伟", body, "副书记"), ("林晓梅", body, "副书记"), ("黄志强", body, "委员")} <= found


def test_a_body_takes_the_person_after_its_by_into_the_post_named_after_the_verb(
    extractor: Extractor,
) -> None:
    text = "新能源产业链党委由甲乙光电有限公司党委书记李建华任书记。"
    assert posts(extract(extractor, text)) == {
        ("李建华", "甲乙光电有限公司党委", "书记"),
        ("李建华", "新能源产业链党委", "书记"),
    }


def test_people_listed_after_a_unit_and_counted_with_a_title_hold_it_there(extractor: Extractor) -> None:
    text = "甲乙电器有限公司的王海林、柏文两名女工,最近被吸收为预备党员。"
    assert posts(extract(extractor, text)) == {
        ("王海林", "甲乙电器有限公司", "女工"),
        ("柏文", "甲乙电器有限公司", "女工"),
    }


def test_posts_in_clauses_after_the_one_naming_a_bodys_secretary_are_in_that_body(
    extractor: Extractor,
) -> None:
    text = "新能源产业链党委由甲乙光电有限公司党委书记李建华担任书记,王明任副书记,赵强任委员。"
    found = posts(extract(extractor, text))
    assert {("王明", "新能源产业链党委", "副书记"), ("赵强", "新能源产业链党委", "委员")} <= found
    assert ("王明", "甲乙光电有限公司党委", "副书记") not in found


def test_a_word_after_a_weak_title_that_the_model_reads_as_no_name_is_no_person(extractor: Extractor) -> None:
    text = "丽天大厦成为企业发展的沃土、员工安心的家园。青禾电子公司党员王明说,大家很满意。"
    assert {e.name for e in extract(extractor, text).entities if e.type == "Person"} == {"王明"}


def test_the_committee_a_branch_elects_holds_each_bare_post(extractor: Extractor) -> None:
    text = (
        "衢州经济开发区位于衢州市。会议选举产生了智能制造联合党支部委员会,"
        "张明任书记,王红任组织委员,李强任委员。"
    )
    branch = "衢州经济开发区智能制造联合党支部委员会"
    facts = extract(extractor, text)
    assert people(facts) == {"张明", "王红", "李强"}
    assert posts(facts) == {
        (p, branch, t) for p, t in [("张明", "书记"), ("王红", "组织委员"), ("李强", "委员")]
    }


def test_a_managers_title_qualified_by_a_department_continues_a_chain(extractor: Extractor) -> None:
    facts = extract(extractor, "衢州经济开发区表彰大会。东港化工有限公司党支部书记、行政经理曹健峰发言。")
    assert posts(facts) == {
        ("曹健峰", "东港化工有限公司党支部", "书记"),
        ("曹健峰", "东港化工有限公司", "行政经理"),
    }


def test_a_post_in_a_body_named_by_its_bare_word_continues_a_chain(extractor: Extractor) -> None:
    facts = extract(extractor, "衢州经济开发区位于衢州市。东港商会党委书记、商会会长林余存指出。")
    assert posts(facts) == {("林余存", "东港商会党委", "书记"), ("林余存", "东港商会", "会长")}


def test_a_boards_posts_are_a_companys(extractor: Extractor) -> None:
    facts = extract(extractor, "衢州经济开发区。江苏东港集团党委副书记、监事会主席张才钧向记者介绍。")
    assert posts(facts) == {
        ("张才钧", "江苏东港集团党委", "副书记"),
        ("张才钧", "江苏东港集团", "监事会主席"),
    }


def test_a_word_before_a_party_body_s_title_that_another_name_follows_is_the_body_s_place(
    extractor: Extractor,
) -> None:
    facts = extract(extractor, "往南是衢江区韩庄。韩庄党委书记秦立山介绍,镇里成立了产业链党委。")
    assert people(facts) == {"秦立山"}
    assert {(person, title) for person, _, title in posts(facts)} == {("秦立山", "书记")}


def test_a_bare_company_word_after_a_post_in_a_company_s_party_body_is_that_company(
    extractor: Extractor,
) -> None:
    text = (
        "衢州青禾数据有限公司党支部、东港智能装备有限公司党支部已划归园区党总支。"
        "“以前党员凑不齐。”青禾数据党支部书记、公司副总经理韩志远说。"
    )
    found = posts(extract(extractor, text))
    assert ("韩志远", "衢州青禾数据有限公司", "副总经理") in found
    assert not any(body == "东港智能装备有限公司" for _, body, _ in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("示例县委常委、组织部部长孙安会说:“园区发展很快。”", "孙安会"),
        ("示例经开区党工委书记曾东标在会上指出,要抓党建。", "曾东标"),
        ("党员先锋岗22个。马文才是甲乙科技有限公司的技术员。", "马文才"),
    ],
)
def test_a_name_a_follower_closes_keeps_a_last_character_the_analyzer_reads_as_a_verb(
    extractor: Extractor, text: str, name: str
) -> None:
    assert people(extract(extractor, text)) == {name}


def test_people_listed_after_a_title_and_given_a_post_together_hold_both(extractor: Extractor) -> None:
    text = "衢州高新区召开会议。党工委委员程岚、鲍建国、邵宇同时担任管委会副主任,分别联系三个园区。"
    held = {(person, body) for person, body, _ in posts(extract(extractor, text))}
    assert held == {
        (name, body)
        for name in ("程岚", "鲍建国", "邵宇")
        for body in ("衢州高新区党工委", "衢州高新区管委会")
    }


def test_a_post_after_a_clause_of_belonging_is_in_the_body_that_belongs(extractor: Extractor) -> None:
    text = "示例焊接装备产业链党委隶属示例镇党委,书记由甲乙科技有限公司董事长徐长林担任。"
    held = {(person, body) for person, body, _ in posts(extract(extractor, text))}
    assert held == {("徐长林", "示例焊接装备产业链党委"), ("徐长林", "甲乙科技有限公司")}


def test_a_body_sending_someone_holds_no_post_it_sends_them_to(extractor: Extractor) -> None:
    text = "示例区召开会议。区委两新工委选派孟佳担任专职副书记。"
    assert posts(extract(extractor, text)) == set()


def test_an_assistant_to_a_general_manager_holds_that_post_in_the_company(extractor: Extractor) -> None:
    text = "甲乙精密机械有限公司党支部是明星支部。支部书记、公司总经理助理黄晓峰介绍,支部推行积分管理。"
    assert ("黄晓峰", "甲乙精密机械有限公司", "总经理助理") in posts(extract(extractor, text))


def test_a_name_then_also_and_a_stated_post_holds_it(extractor: Extractor) -> None:
    text = "衢州中原速运有限公司落户园区。马晓燕同时是中原速运的人力资源经理。"
    assert ("马晓燕", "衢州中原速运有限公司", "人力资源经理") in posts(extract(extractor, text))


def test_a_company_s_section_before_a_title_is_part_of_it(extractor: Extractor) -> None:
    text = "衢州锦程纺织科技有限公司质量部经理吴小飞说,效率提高了。"
    assert posts(extract(extractor, text)) == {("吴小飞", "衢州锦程纺织科技有限公司", "质量部经理")}


def test_a_deputy_general_manager_of_a_line_of_work_is_a_corporate_title(extractor: Extractor) -> None:
    text = "衢州凯泽新能源科技有限公司成立了党支部。支部书记、公司生产副总经理牛建华说,党建很重要。"
    assert {(body, title) for person, body, title in posts(extract(extractor, text))} == {
        ("衢州凯泽新能源科技有限公司党支部", "书记"),
        ("衢州凯泽新能源科技有限公司", "生产副总经理"),
    }


def test_every_name_listed_after_a_title_shares_it(extractor: Extractor) -> None:
    text = "衢州青禾物流园党总支成立。党总支委员马晓燕、杜鹏、李思远分别负责组织、宣传和服务工作。"
    assert {(person, title) for person, _, title in posts(extract(extractor, text))} == {
        ("马晓燕", "委员"),
        ("杜鹏", "委员"),
        ("李思远", "委员"),
    }


def test_a_post_after_a_clause_of_belonging_with_no_subject_is_in_the_body_formed_before(
    extractor: Extractor,
) -> None:
    text = "2023年4月,白沙新材料工业园综合党委成立,隶属青禾市委两新工委,书记由园区管委会副主任李学军兼任。"
    assert ("李学军", "白沙新材料工业园综合党委", "书记") in posts(extract(extractor, text))


def test_a_person_named_after_one_title_takes_the_post_named_after_the_verb_too(extractor: Extractor) -> None:
    text = "2024年7月,青禾创业小镇党委成立,示例科技发展有限公司总经理吕光明任党委书记。"
    assert {("吕光明", "示例科技发展有限公司", "总经理"), ("吕光明", "青禾创业小镇党委", "书记")} <= posts(
        extract(extractor, text)
    )


def test_a_person_named_after_one_title_who_is_a_company_s_section_head_holds_that_post(
    extractor: Extractor,
) -> None:
    text = "示例硅材料科技有限公司是园区重点企业。支部书记吕光明是示例硅材料人力资源部经理。"
    assert ("吕光明", "示例硅材料科技有限公司", "人力资源部经理") in posts(extract(extractor, text))


def test_a_clause_opening_with_zuowei_gives_the_person_named_next_the_post_it_states(
    extractor: Extractor,
) -> None:
    text = "青禾大厦联合党支部成立。作为联合党支部的一名党员,示例工业设计有限公司设计师吕光明深有感触。"
    assert {("吕光明", "青禾大厦联合党支部", "党员"), ("吕光明", "示例工业设计有限公司", "设计师")} <= posts(
        extract(extractor, text)
    )


def test_a_post_taken_after_a_bracketed_note_of_other_posts_is_held_too(extractor: Extractor) -> None:
    text = "青禾食品产业园党工委成立。吕光明同志(县委常委、副县长)兼任园区党工委书记。"
    assert ("吕光明", "青禾食品产业园党工委", "书记") in posts(extract(extractor, text))
