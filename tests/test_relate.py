"""The relator on a sentence or two: each relation family states what it is for, with evidence."""
import pytest

from graph.errors import IkgError
from graph.relate import RELATORS, Relator

from stage_helpers import assert_family_needed, document, related


def triples(pipeline, text, disabled=()):
    facts, _ = related(pipeline, text, disabled)
    return {(f.subject.label, f.predicate, f.object.label) for f in facts}


# One sentence per family, with a fact only that family states.
FAMILIES = {
    "structure": ("中国太保旗下太平洋安信农险开展理赔。", ("太平洋安信农险", "subOrganizationOf", "中国太保")),
    "provides": ("太保产险推出“骑手安心保”产品。", ("太保产险", "provides", "骑手安心保")),
    "targets": ("太保产险推出“骑手安心保”，为外卖骑手提供保障。", ("骑手安心保", "targets", "外卖骑手")),
    "supports": ("太保产险为外卖骑手提供保障。", ("太保产险", "supports", "外卖骑手")),
    "guidedBy": ("在上海银保监局指导下，太保产险开通绿色通道。", ("太保产险", "guidedBy", "上海银保监局")),
    "partnersWith": ("太保产险与饿了么签署合作协议。", ("太保产险", "partnersWith", "饿了么")),
    "donatesTo": ("中国人保向上海市慈善基金会捐赠物资。", ("中国人保", "donatesTo", "上海市慈善基金会")),
}


def test_every_family_has_a_case():
    assert set(FAMILIES) | {"figures"} == set(RELATORS)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_states_its_relation_and_nothing_else_does(pipeline, family):
    assert_family_needed(triples, pipeline, *FAMILIES[family], family)


def test_figures_are_money_tied_to_the_organisation_before_them(pipeline):
    text = "中国人保向上海市慈善基金会捐资1000万元。"
    _, figures = related(pipeline, text)
    [f] = [f for f in figures if f.is_money]
    assert (f.agent.label, str(f.quantity.value), f.kind) == ("中国人保", "10000000", "Donation")
    assert f.beneficiary.label == "上海市慈善基金会"
    assert related(pipeline, text, disabled=["figures"])[1] == []


def test_every_fact_quotes_its_sentence(pipeline):
    text = "疫情期间，太保产险与饿了么签署合作协议。太保产险为外卖骑手提供保障。"
    facts, _ = related(pipeline, text)
    for f in facts:
        assert text[f.evidence.start:f.evidence.end] == f.evidence.quote
        assert f.object.label in f.evidence.quote or f.predicate == "unitOf"


def test_a_list_shares_its_rule(pipeline):
    got = triples(pipeline, "太保产险为外卖骑手、快递小哥和货车司机提供保障。")
    assert {o for s, p, o in got if p == "supports"} >= {"外卖骑手", "货车司机"}


def test_each_place_a_donated_shipment_is_sent_to_is_given_it(pipeline):
    got = triples(pipeline, "新华保险捐出的这批物资装车后，依次送往武昌区政府、武汉市第三医院和湖北省中医院。")
    assert {("新华保险", "donatesTo", x) for x in ("武昌区政府", "武汉市第三医院", "湖北省中医院")} <= got
    # goods the insurer only carries are no gift of its own
    got = triples(pipeline, "新华保险把一批材料运往武汉市第三医院。")
    assert not any(p == "donatesTo" for _, p, _ in got)


def test_the_firms_an_authority_leads_named_after_the_yu_of_its_clause_are_guided_by_it(pipeline):
    got = triples(pipeline, "福清市气象局牵头，与福清市农业农村局、人保财险福清支公司共同研发了枇杷冻害气象指数保险。")
    assert ("人保财险福清支公司", "guidedBy", "福清市气象局") in got
    got = triples(pipeline, "在黄冈市审计局牵头下，审计局与中国人寿黄冈分公司组成联合扶贫工作队。")
    assert ("中国人寿寿险黄冈分公司", "guidedBy", "黄冈市审计局") in got


def test_a_group_that_gets_what_an_insurer_named_after_it_pays_is_supported_by_it(pipeline):
    got = triples(pipeline, "7月27日上午，榆林受灾群众收到了平安产险支付的灾后第一笔赔款。")
    assert ("平安产险", "supports", "受灾群众") in got
    # a subsidy a government pays is no insurer's support
    assert not any(p == "supports" for _, p, _ in triples(pipeline, "受灾群众收到了县政府发放的补贴，平安产险也在场。"))


def test_a_programme_an_insurer_takes_part_in_is_not_the_subject_of_what_the_insurer_goes_on_to_do(pipeline):
    got = triples(pipeline, "平安人寿主动参与全市的“暖冬关爱计划”，向环卫工人捐赠了2000件棉衣。")
    assert ("暖冬关爱计划", "targets", "环卫工人") not in got
    assert ("平安人寿", "donatesTo", "环卫工人") in got
    # a programme it launches is still for those it helps
    got = triples(pipeline, "平安人寿推出“暖冬关爱计划”，向环卫工人捐赠了2000件棉衣。")
    assert ("暖冬关爱计划", "targets", "环卫工人") in got


def test_quoted_names_written_one_after_another_are_a_list(pipeline):
    got = triples(pipeline, "中国人寿负责的是“家庭意外伤害险”“家庭大病补充险”，这两项都是面向全区低保户的项目。")
    assert {("家庭意外伤害险", "targets", "低保户"), ("家庭大病补充险", "targets", "低保户")} <= got


@pytest.mark.parametrize("text, fact", [
    ("另一个项目是“春晖助学基金”，由北京师范大学和泰康人寿一起发起，专门资助该校学生。", ("泰康人寿", "provides", "春晖助学基金")),
    ("论坛全称为“2023长三角保险科技峰会”，由太保产险出面主办。", ("太保产险", "provides", "2023长三角保险科技峰会")),
])
def test_whoever_made_a_name_the_clause_after_it_gives_offers_it(pipeline, text, fact):
    assert fact in triples(pipeline, text)


@pytest.mark.parametrize("text, fact", [
    ("深圳市民政局与担任首席承保方的国寿财险深圳分公司签订了年度巨灾保险协议书。", ("深圳市民政局", "partnersWith", "国寿财险深圳分公司")),
    ("泰康资产将担任有限合伙人，与作为普通合伙人的中信证券、招商银行一道参与该基金。", ("泰康资产", "partnersWith", "招商银行")),
])
def test_a_partner_described_before_its_name_is_still_joined_by_yu(pipeline, text, fact):
    assert fact in triples(pipeline, text)


def test_a_name_inside_a_for_phrase_is_not_the_subject(pipeline):
    got = triples(pipeline, "太保产险为饿了么平台的外卖骑手提供保障。")
    assert ("饿了么", "supports", "外卖骑手") not in got
    assert ("太保产险", "supports", "外卖骑手") in got


@pytest.mark.parametrize("text, fact", [
    ("中国人寿经中国保监会同意，在宁波试点“长护保”。", ("中国人寿", "provides", "长护保")),
    # the name and the short name given to it are one subject, not a list whose member goes unsaid
    ("1996年，中国太平洋财产保险股份有限公司（以下简称“太保产险”）经江苏省政府批准，试办“江苏渔业互助保险”。",
     ("太保产险", "provides", "江苏渔业互助保险")),
])
def test_a_body_after_jing_only_approves_and_the_firm_before_it_acts(pipeline, text, fact):
    assert fact in triples(pipeline, text)


def test_a_partner_heading_its_clause_supports_nobody_and_lends_no_insurer_its_object(pipeline):
    # supports and donatesTo are the insurers' (ANNOTATION.md); a university or a hospital that helps
    # a group states no fact, and the insurer of the sentence before does not take it over.
    got = triples(pipeline, "太保产险捐资设立基金。武汉大学将为优秀青年教师提供资助。")
    assert not any(p == "supports" for _, p, _ in got)
    assert ("太保产险", "supports", "外卖骑手") in triples(pipeline, "太保产险联合饿了么，为外卖骑手提供保障。")


def test_a_paragraph_naming_no_organisation_launches_for_the_insurer_the_article_is_about(pipeline):
    got = triples(pipeline, "太保产险召开发布会。\n\n近日正式推出“骑手安心保”。")
    assert ("太保产险", "provides", "骑手安心保") in got


def test_an_insurer_joined_by_lianhe_shares_the_launch(pipeline):
    got = triples(pipeline, "“康宁保”是由中国人寿联合太平洋产险共同推出的医疗保险。")
    assert {("中国人寿", "provides", "康宁保"), ("太保产险", "provides", "康宁保")} <= got


def test_a_kind_of_cover_is_provided_by_no_one_but_a_citys_own_is(pipeline):
    # 惠民保 is the kind many cities' products are (ik:KindOfCover): no insurer provides it, it targets
    # no one; the city's product of that kind, named with its place, is a product of its own
    got = triples(pipeline, "泰康人寿参与了多地的惠民保，为新市民提供保障。")
    assert not {t for t in got if "惠民保" in (t[0], t[2])}
    got = triples(pipeline, "各地惠民保陆续开卖。“宜昌惠民保”今日上线，由人保财险宜昌市分公司牵头承保。")
    assert ("人保财险宜昌分公司", "provides", "宜昌惠民保") in got
    # 学平险, the cover every insurer sells to pupils each school year, is such a kind too: an insurer's
    # brand of it is its own product, not the kind named again
    got = triples(pipeline, "开学季各家险企的“学平险”扎堆上新。泰康人寿的“小书包学平险”分为小学版和中学版。")
    assert ("泰康人寿", "provides", "小书包学平险") in got
    assert not {t for t in got if "学平险" in (t[0], t[2])}


def test_a_firm_joined_with_an_insurer_is_its_partner_not_a_provider(pipeline):
    got = triples(pipeline, "“骑手安心保”由太保产险与饿了么联合推出。")
    assert ("太保产险", "provides", "骑手安心保") in got
    assert ("饿了么", "provides", "骑手安心保") not in got


def test_a_public_body_named_first_that_works_with_an_insurer_is_its_partner(pipeline):
    """增城区民政局多次和中国人寿对接: the body heads the clause and the insurer follows 和; and an insurer named
    first keeps the body it signs with, not the supervisor named between."""
    got = triples(pipeline, "增城区民政局多次和中国人寿对接座谈。")
    assert ("增城区民政局", "partnersWith", "中国人寿") in got
    got = triples(pipeline, "人保财险辽宁省分公司得到辽宁金融监管局的支持，于2023年4月与辽宁省公安厅签下反保险欺诈战略合作。")
    assert ("人保财险辽宁分公司", "partnersWith", "辽宁省公安厅") in got
    assert not any(p == "partnersWith" and "辽宁金融监管局" in (s, o) for s, p, o in got), got


def test_an_entity_is_no_partner_of_itself(pipeline):
    """Bare units listed together (总公司、分公司、中心支公司) may all read as the branch named last: no fact."""
    got = triples(pipeline, "承保方是人保财险河北省分公司。平安人寿在当地没有机构，靠总公司、分公司、中心支公司一起想办法，尽快赔付。")
    assert not any(s == o for s, _, o in got), got


def test_a_firm_an_insurer_invested_in_is_its_partner(pipeline):
    got = triples(pipeline, "泰康同济（武汉）医院由泰康保险集团投资近40亿元建设。")
    assert ("泰康保险集团", "partnersWith", "泰康同济(武汉)医院") in got


@pytest.mark.parametrize("text, fact", [
    ("“与爱同行”公益行动由中国太保发起。", ("中国太保", "provides", "与爱同行")),
    ("“益起向未来”公益计划也由富德生命人寿主办。", ("富德生命人寿", "provides", "益起向未来"))])
def test_a_word_of_a_for_phrase_inside_a_quoted_name_does_not_block_the_subject(pipeline, text, fact):
    assert fact in triples(pipeline, text)


def test_the_second_of_two_hotline_numbers_is_the_insurers_as_the_first_is(pipeline):
    got = triples(pipeline, "众安保险表示，理赔、咨询等需求可拨打热线400-999-9595或1010-9955，客服全天候在线。")
    assert {("众安保险", "provides", "400-999-9595"), ("众安保险", "provides", "1010-9955")} <= got


def test_what_an_insurer_hands_out_by_name_it_provides(pipeline):
    assert ("太保产险", "provides", "骑手安心保") in triples(pipeline, "太保产险第一时间启动快速理赔，并发放“骑手安心保”。")


def test_the_underwriter_named_after_its_product_provides_it(pipeline):
    got = triples(pipeline, "“沪惠保”的承保机构为太平洋产险上海分公司。")
    assert ("太保产险上海分公司", "provides", "沪惠保") in got


def test_a_body_joining_with_an_insurer_is_its_partner(pipeline):
    got = triples(pipeline, "近日，安徽省财政厅联合国元农险推出“大豆完全成本保险”。")
    assert ("安徽省财政厅", "partnersWith", "国元农险") in got


def test_the_paragraph_topic_is_the_subject_of_a_clause_without_one(pipeline):
    got = triples(pipeline, "太保产险迅速行动。一是为外卖骑手提供保障。")
    assert ("太保产险", "supports", "外卖骑手") in got


def test_shareholders_and_sales_platforms_are_partners(pipeline):
    assert ("幸福人寿", "partnersWith", "三胞集团") in triples(pipeline, "幸福人寿增资获批，第二大股东三胞集团出资9.12亿元。")
    assert ("人保寿险", "partnersWith", "饿了么") in triples(pipeline, "人保寿险在饿了么平台销售多款产品。")


def test_a_ministry_among_the_shareholders_is_a_partner_as_the_firms_are(pipeline):
    got = triples(pipeline, "中国农业再保险股份有限公司今天开业，发起股东包括：财政部、中再集团、人保财险和中国农业发展银行。")
    assert {("中国农再", "partnersWith", "财政部"), ("中国农再", "partnersWith", "中国农业发展银行")} <= got


def test_a_platform_named_with_its_word_platform_or_sold_on_is_a_partner(pipeline):
    assert ("人保寿险", "partnersWith", "支付宝") in triples(pipeline, "人保寿险在支付宝平台销售的两全险。")
    assert ("人保寿险", "partnersWith", "支付宝") in triples(pipeline, "人保寿险在支付宝上销售多款产品。")


@pytest.mark.parametrize("text", ["众安保险把这款产品放在支付宝上卖。", "众安保险的新产品已在支付宝上架。"])
def test_a_platform_an_insurer_puts_its_product_on_sale_on_is_its_partner(pipeline, text):
    assert ("众安保险", "partnersWith", "支付宝") in triples(pipeline, text)


def test_the_firm_an_insurer_entrusts_its_business_to_is_its_partner(pipeline):
    assert ("太平人寿", "partnersWith", "太平资产") in triples(pipeline, "太平人寿已委托太平资产与某公司签订认购协议。")
    # a body that entrusts an insurer with a scheme is no partner of another insurer the sentence names
    got = triples(pipeline, "平安产险表示，市医保局委托人保财险承办大病保险。")
    assert not any(p == "partnersWith" and {s, o} == {"平安产险", "人保财险"} for s, p, o in got)


@pytest.mark.parametrize("text", [
    "这场讲座由平安产险主办，由复旦大学法学院承办。",
    "讲座的主办方是平安产险；复旦大学法学院负责承办，市公安局担任指导。",
])
def test_a_firm_that_runs_an_insurers_event_for_it_is_its_partner(pipeline, text):
    assert ("平安产险", "partnersWith", "复旦大学法学院") in triples(pipeline, text)


@pytest.mark.parametrize("text", [
    "这场讲座由平安产险主办，复旦大学法学院担任指导单位。",
    "平安产险是主办方，各地分公司负责组织，复旦大学法学院给予指导。",
])
def test_a_partner_credited_as_the_guide_of_an_insurers_event_is_its_partner(pipeline, text):
    got = triples(pipeline, text)
    assert ("平安产险", "partnersWith", "复旦大学法学院") in got
    assert ("平安产险", "guidedBy", "复旦大学法学院") not in got


def test_a_body_that_signs_with_an_insurer_is_its_partner(pipeline):
    got = triples(pipeline, "济南市农业农村局与人保财险济南市分公司签署全面战略合作协议。")
    assert any(p == "partnersWith" and "济南市农业农村局" in (s, o) for s, p, o in got)


@pytest.mark.parametrize("text, partner", [
    ("昨天的义诊活动在县城广场举行，主办方是上海市红十字会和太保产险。", "上海市红十字会"),
    ("签约双方是平安产险和宏达茶叶有限公司，保的是一片老茶园。", "宏达茶叶有限公司"),
])
def test_a_list_named_as_the_parties_before_it_works_together(pipeline, text, partner):
    got = triples(pipeline, text)
    assert any(p == "partnersWith" and partner in (s, o) for s, p, o in got)


def test_a_short_name_given_to_one_of_two_insurers_acting_together_does_not_make_them_three(pipeline):
    got = triples(pipeline, "这款意外险由中国太平洋财产保险股份有限公司（下称“太保产险”）和人保财险共同承保。")
    assert any(p == "partnersWith" and {s, o} == {"太保产险", "人保财险"} for s, p, o in got)


def test_the_firms_one_yu_joins_to_a_subject_that_act_together_are_partners_of_each_other(pipeline):
    got = triples(pipeline, "项目由宏达期货有限公司与人保财险陕西分公司、华信期货有限公司合作实施。")
    assert ("人保财险陕西分公司", "partnersWith", "华信期货有限公司") in got
    # two insurers a body signs with together are no partners of each other
    got = triples(pipeline, "市民政局与平安产险、太保产险签署合作协议。")
    assert not any(p == "partnersWith" and {s, o} == {"平安产险", "太保产险"} for s, p, o in got)


@pytest.mark.parametrize("text", [
    "太保产险发布了年报，饿了么也公布了业绩。两家将共同推出骑手保障计划。",
    "太保产险发布了年报，饿了么也公布了业绩。双方将签署合作协议。",
])
def test_a_word_for_the_two_named_last_that_act_together_makes_them_partners(pipeline, text):
    assert ("太保产险", "partnersWith", "饿了么") in triples(pipeline, text)
    # not when each acts on its own
    got = triples(pipeline, "太保产险发布了年报，饿了么也公布了业绩。双方均已签署各自的年度计划。")
    assert not any(p == "partnersWith" for _, p, _ in got)


def test_a_list_not_named_as_parties_is_a_roll_call(pipeline):
    got = triples(pipeline, "出席会议的有县红十字会和太保产险。")
    assert not any(p == "partnersWith" for _, p, _ in got)


def test_a_firm_after_he_that_a_word_keeps_out_of_the_list_is_one_more_doer_not_a_partner(pipeline):
    # 总公司 breaks the list: 饿了么 after 和 is one more of those who sent teams, as a list item would be
    got = triples(pipeline, "人保集团、人保财险总公司和饿了么都派了工作组赶到现场。")
    assert not any(p == "partnersWith" for _, p, _ in got)
    assert ("人保财险", "partnersWith", "饿了么") in triples(pipeline, "人保财险总公司和饿了么签署了合作协议。")


@pytest.mark.parametrize("text", [
    "人保财险、国寿财险和大地保险三家公司组成共保体，共同承保全市的政策性农业保险。",
    "人保财险、国寿财险、大地保险组建共保体。",
    "承保责任由人保财险、国寿财险和大地保险三家按份额分担。",  # sharing the risk by shares
])
def test_the_insurers_that_form_a_coinsurance_pool_are_partners_of_each_other(pipeline, text):
    got = triples(pipeline, text)
    assert {("人保财险", "partnersWith", "国寿财险"), ("国寿财险", "partnersWith", "中国大地保险")} <= got
    # a roll call of the same list is no pool
    got = triples(pipeline, "人保财险、国寿财险和大地保险三家公司都参加了会议。")
    assert not any(p == "partnersWith" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "由龙游县农业农村局、龙游县茶叶协会和人保财险龙游支公司抽调人员组成的工作专班走进茶园。",
    "龙游县农业农村局、龙游县茶叶协会和人保财险龙游支公司组建了调查组，逐户核定损失。",
    # three bodies counted as parties that work in concert (三方配合)
    "由龙游县农业农村局、龙游县茶叶协会和人保财险龙游支公司三方配合，在全县试点茶叶低温指数保险。",
])
def test_the_bodies_whose_staff_form_one_team_work_together(pipeline, text):
    got = triples(pipeline, text)
    assert {("人保财险龙游支公司", "partnersWith", "龙游县农业农村局"),
            ("人保财险龙游支公司", "partnersWith", "龙游县茶叶协会")} <= got


@pytest.mark.parametrize("text", [
    "太保产险宁波分公司推出大棚蔬菜气象指数保险。投保的是宁波绿源蔬菜专业合作社，它给300亩大棚买了保险。",
    "这张保单由太保产险宁波分公司签出，买下这份保单的是宁波绿源蔬菜专业合作社。",
])
def test_the_policyholder_named_is_the_insurers_client(pipeline, text):
    assert ("太保产险宁波分公司", "partnersWith", "宁波绿源蔬菜专业合作社") in triples(pipeline, text)


@pytest.mark.parametrize("text", [
    "宁波绿源蔬菜专业合作社给300亩大棚在太保产险宁波分公司投保了气象指数保险。",
    "宁波绿源蔬菜专业合作社拿出两万元，在太保产险宁波分公司那里买下一份大棚保险。",
])
def test_a_firm_buying_cover_at_an_insurer_is_its_client(pipeline, text):
    assert any(p == "partnersWith" and {s, o} == {"太保产险宁波分公司", "宁波绿源蔬菜专业合作社"}
               for s, p, o in triples(pipeline, text))
    # people buying there are no firm
    assert not any(p == "partnersWith" for _, p, _ in triples(pipeline, "不少市民在太保产险宁波分公司投保了意外险。"))


def test_an_owner_named_before_the_firm_it_owns_heads_no_clause(pipeline):
    got = triples(pipeline, "投保方是宏达茶叶有限公司，承保方是中国人寿集团下属的国寿财险杭州分公司。")
    assert ("国寿财险杭州分公司", "partnersWith", "宏达茶叶有限公司") in got
    assert ("中国人寿", "partnersWith", "宏达茶叶有限公司") not in got


def test_founders_an_approval_names_are_the_new_insurers_partners(pipeline):
    got = triples(pipeline, "监管部门同意财政部、人保财险和平安产险等5家单位作为发起人，筹建中国农业再保险股份有限公司。")
    assert {("中国农再", "partnersWith", name) for name in ("财政部", "人保财险", "平安产险")} <= got


def test_the_firms_named_after_a_role_and_de_you_are_partners(pipeline):
    got = triples(pipeline, "众安保险此次赴港上市，担任联席保荐人的有宏达证券有限公司、华兴证券有限公司等。")
    assert {("众安保险", "partnersWith", "宏达证券有限公司"), ("众安保险", "partnersWith", "华兴证券有限公司")} <= got


def test_a_firm_taking_over_a_stake_and_the_holder_it_takes_it_from_are_the_insurers_partners(pipeline):
    got = triples(pipeline, "宏达集团将接手远洋集团手中全部百年人寿股份，交易已获批。")
    assert {("百年人寿", "partnersWith", "宏达集团"), ("百年人寿", "partnersWith", "远洋集团")} <= got
    # …and one selling the stake it holds, named after a word that keeps the insurer from heading the clause
    got = triples(pipeline, "据产权交易所消息，远洋集团仍在出让手中的3000万股长城人寿股份。")
    assert ("长城人寿", "partnersWith", "远洋集团") in got


def test_a_list_item_ending_with_a_semicolon_is_body_text_not_a_headline(pipeline):
    # an item of a bulleted list: the clause's insurer and the firm after it work together
    assert ("富德生命人寿", "partnersWith", "中国信达") in triples(pipeline, "随后，富德生命人寿也有中国信达入股；")
    assert ("富德生命人寿", "partnersWith", "中国信达") not in triples(pipeline, "富德生命人寿迎来中国信达入股")


@pytest.mark.parametrize("text, firm", [
    ("善款交给了华康公益基金会，这家基金会当初由太保产险牵头成立。", "华康公益基金会"),
    ("泰康仙林医院就是一例：这所医院由泰康保险集团出资20亿元兴建。", "泰康仙林医院"),
])
def test_the_insurer_that_set_up_a_firm_referred_back_to_is_its_partner(pipeline, text, firm):
    assert any(p == "partnersWith" and o == firm for _, p, o in triples(pipeline, text))


def test_a_product_named_after_the_word_product_is_its_insurers(pipeline):
    assert ("众安保险", "provides", "尊享e生") in triples(pipeline, "众安保险旗下的百万医疗产品“尊享e生”已经上线。")


def test_a_body_inside_an_under_the_guidance_phrase_is_not_the_subject(pipeline):
    got = triples(pipeline, "中华财险在大商所的引导下承保玉米收入保险。")
    assert ("中华财险", "provides", "玉米收入保险") in got
    assert not any(s == "大连商品交易所" and p == "provides" for s, p, o in got)


def test_a_short_name_between_the_partner_and_the_trigger_does_not_hide_the_partnership(pipeline):
    got = triples(pipeline, "济南市乡村振兴局与中国人民财产保险股份有限公司济南市分公司（简称“人保财险济南市分公司”）"
                            "签署全面战略合作协议。")
    assert any(p == "partnersWith" and "济南市乡村振兴局" in (s, o) for s, p, o in got)


def test_the_doer_named_after_by_heads_its_relations_but_owns_no_later_figure(pipeline):
    assert ("众安保险", "partnersWith", "美团") in triples(pipeline, "该服务由众安保险与美团联合推出。")
    _, figures = related(pipeline, "众安保险推出新产品，保费由美团全额承担，单次事故最高保额60万元。")
    assert [f.agent.label for f in figures if f.is_money] == ["众安保险"]


def test_a_product_made_by_a_named_provider_in_the_passive_is_its(pipeline):
    got = triples(pipeline, "“骑手安心保”由众安保险于2023年联合美团推出。")
    assert ("众安保险", "provides", "骑手安心保") in got


def test_a_partner_in_a_paragraph_of_its_own_is_the_articles_insurers(pipeline):
    text = "幸福人寿增资获批。\n\n具体来看，第一大股东中国信达出资32.56亿元认购21.01亿股。"
    assert ("幸福人寿", "partnersWith", "中国信达") in triples(pipeline, text)


def test_a_clause_with_an_organisation_of_its_own_does_not_borrow_the_topic(pipeline):
    got = triples(pipeline, "太保产险迅速行动。中国精算师协会与中国银保信联合发布数据。")
    assert not any(p == "partnersWith" and s == "太保产险" for s, p, o in got)


def test_an_insurers_own_group_is_its_parent_not_its_partner(pipeline):
    got = triples(pipeline, "平安人寿获批增资，控股股东中国平安的持股比例小幅提升。")
    assert not any(p == "partnersWith" for s, p, o in got)
    assert ("幸福人寿", "partnersWith", "中国信达") in triples(pipeline, "幸福人寿增资获批，控股股东中国信达出资。")


def test_a_product_is_not_the_subject_of_a_clause_an_organisation_heads(pipeline):
    got = triples(pipeline, "“保险+期货”项目完成理赔，中华财险向两家投保合作社支付赔款。")
    assert ("中华财险", "supports", "投保合作社") in got
    assert not any(p == "targets" for s, p, o in got)


def test_a_product_referred_to_as_this_kind_of_cover_targets_its_group(pipeline):
    text = "水产养殖台风指数保险由福建省渔业互保协会推出。这一险种主要面向沿海水产养殖户提供风险保障。"
    assert ("水产养殖台风指数保险", "targets", "水产养殖户") in triples(pipeline, text)


@pytest.mark.parametrize("text, fact", [
    # 这份保险, 这项服务: a measure word and a head the rule did not list
    ("平安产险推出“金猪安”保险。这份保险惠及全县生猪养殖户。", ("金猪安", "targets", "养殖户")),
    ("中国人寿推出“重大疾病一日赔”服务。这项服务原本面向恶性肿瘤首次确诊客户。",
     ("重大疾病一日赔", "targets", "恶性肿瘤首次确诊客户")),
    # 这几款产品: the products named before, the last of them at least
    ("人保财险推出“宁都黄椒价格指数保险”和“上犹茶叶价格指数保险”。这几款产品都面向小农户。",
     ("上犹茶叶价格指数保险", "targets", "小农户"))])
def test_a_product_referred_to_by_a_demonstrative_and_its_head_targets_its_group(pipeline, text, fact):
    assert fact in triples(pipeline, text)


def test_claims_paid_to_a_group_support_it(pipeline):
    assert ("国元农险", "supports", "受灾农户") in triples(pipeline, "理赔款由国元农险直接支付给受灾农户。")


def test_joining_hands_with_an_organisation_makes_it_a_partner(pipeline):
    assert ("太保产险", "partnersWith", "美团") in triples(pipeline, "太保产险携手美团推出骑手意外险。")
    got = triples(pipeline, "华泰财险联合温州市农业农村局开展灾后查勘。")
    assert ("华泰财险", "partnersWith", "温州市农业农村局") in got


def test_a_gift_used_for_a_group_supports_it(pipeline):
    got = triples(pipeline, "安华农险向吉林省慈善总会捐赠防寒物资，用于帮扶边远山区的困难养殖户。")
    assert ("安华农险", "supports", "困难养殖户") in got  # the group as the text qualifies it, after its 的
    got = triples(pipeline, "泰康人寿向湖北省残疾人福利基金会捐赠120万元，用于残疾儿童康复救助。")
    assert ("泰康人寿", "supports", "残疾儿童") in got


def test_working_to_an_authoritys_lead_is_guidance(pipeline):
    got = triples(pipeline, "国元农险表示，公司将配合安徽省财政厅做好保费补贴资金结算。")
    assert ("国元农险", "guidedBy", "安徽省财政厅") in got


def test_acting_on_an_authoritys_invitation_is_guidance(pipeline):
    got = triples(pipeline, "太保寿险应中国保险行业协会之邀，参加了普惠保险主题对话。")
    assert ("太保寿险", "guidedBy", "中国保险行业协会") in got
    assert not any(p == "guidedBy" for _, p, _ in triples(pipeline, "太保寿险响应客户需求，推出新产品。"))


def test_an_unknown_family_is_one_clear_error(pipeline):
    with pytest.raises(IkgError, match="unknown relation family 'nope'"):
        Relator(pipeline.rules, ["nope"])


def money(pipeline, text, disabled=()):
    """(agent, value, kind, date) of each money figure the relator reads from ``text``."""
    _, figures = related(pipeline, text, disabled)
    return {(f.agent.label, str(f.quantity.value), f.kind, f.as_of) for f in figures if f.is_money}


def money_values(pipeline, text):
    """The value of each money figure the relator reads from ``text``, in its order (a currency test's view)."""
    return [str(f.quantity.value) for f in related(pipeline, text)[1] if f.is_money]


def test_a_blocker_is_a_word_of_its_own(pipeline):
    # 同意 is no 同-phrase: 幸福人寿 is the subject of its clause, not the paragraph's topic.
    got = money(pipeline, "中国信达增持股份。保监会同意幸福人寿注册资本由60亿元变更为101.3亿元。")
    assert ("幸福人寿", "6000000000", "OtherAmount", None) in got


def test_a_name_says_nothing_about_what_an_amount_is(pipeline):
    # The 保险 of 汉诺威再保险 is no coverage word: with no kind word the amount is "other".
    assert money(pipeline, "汉诺威再保险上海分公司获批15亿元。") == {
        ("汉诺威再保险上海分公司", "1500000000", "OtherAmount", None)}


@pytest.mark.parametrize("text, kind", [
    ("中国人寿宁夏分公司向其贷款银行一次性给付4万元。", "ClaimsPaid"),  # the nearest kind word
    ("太平洋安信农险向合作社预付了20万元保险金。", "ClaimsPaid"),
    ("国华人寿上海分公司违规承保被罚34万元。", "OtherAmount"),
    ("泰康保险集团投资近40亿元建设保险产业园。", "OtherAmount"),
    ("这是某集团出售的首笔保险资产，人保财险管理的5000亿元资产也在调整。", "OtherAmount"),  # assets, not cover
    ("人保财险的保险科技子公司三年累计亏损约3亿元。", "OtherAmount"),  # losses, not cover
    ("人保财险的80万元农业保险赔款已全部到账。", "ClaimsPaid"),  # 保险赔款: claims, not cover
    ("人保财险把30万元农业保险预付赔款交给合作社。", "ClaimsPaid"),  # the head noun 赔款, not 保险 before it
    ("太平人寿出资设立爱心基金，志愿者受伤可申请2000元关爱金。", "Donation"),
    ("新华保险向山区学校发放助学金，累计价值超过30万元。", "Donation"),
    ("平安产险承保的这份保单，因灾的赔付最高为10万元。", "Coverage"),  # a cap on claims is cover
    ("人保财险出具的这张保单，最高赔付金额为60万元。", "Coverage"),
    ("平安产险的这份意外险，赔付额最高可达30万元。", "Coverage"),
    ("人保财险承保的这份保单，每位受害人最高可获赔50万元。", "Coverage"),  # the most one can get is cover
    ("国泰财险的骑行险，意外医疗费用最多报销5000元。", "Coverage"),
    ("人保财险的蜜瓜保险，每亩最多能赔2000元。", "Coverage"),
    ("太保产险向致贫的农户发放防贫救助金5万元。", "ClaimsPaid"),  # a poverty cover's payout is claims
])
def test_the_kind_of_an_amount_comes_from_its_nearest_kind_word(pipeline, text, kind):
    [got] = money(pipeline, text)
    assert got[2] == kind


def test_a_table_row_repeating_an_amount_is_not_a_second_one(pipeline):
    text = ("11月5日，国家金融监督管理总局披露罚单，人保财险山东分公司因未按规定使用经备案的条款被罚款25万元。\n"
            "| 11月5日 | 人保财险山东分公司 | 未按规定使用备案的保险条款 | 25万元 |")
    _, figures = related(pipeline, text)
    assert [(f.agent.label, f.kind) for f in figures if f.is_money] == [("人保财险山东分公司", "OtherAmount")]


def test_an_article_counting_in_new_taiwan_dollars_states_no_yuan(pipeline):
    text = "金管會對台灣人壽裁處新台幣370萬元罰鍰。另對台壽合計裁罰360萬元，並予以糾正。"
    assert not money_values(pipeline, text)  # the second 元 is 新台幣 too
    text = "富邦人寿捐赠新台币100万元。其大陆子公司富邦财险另捐赠人民币50万元。"
    assert money_values(pipeline, text) == ["500000"]


def test_an_article_naming_taiwans_institutions_and_no_currency_states_no_yuan(pipeline):
    text = "金管會要求國泰人壽補足資本。國泰金控隨即注資國泰人壽80億元。"
    assert not money_values(pipeline, text)
    text = "台湾金管会通报后，国泰人寿的母公司向其大陆子公司注资人民币10亿元。"
    assert money_values(pipeline, text) == ["1000000000"]


def test_an_article_of_taiwan_news_by_its_places_cities_or_health_cover_states_no_yuan(pipeline):
    # Taiwan named twice, one of its cities, or its national health cover (健保): its bare 元 are New Taiwan dollars
    text = "颱風襲擊台灣，台灣多個航班延誤。國泰產險表示，班機延誤定額給付達1萬元。"
    assert not money_values(pipeline, text)
    text = "國泰人壽推出長照險，健保之外，每月給付5萬元。"
    assert not money_values(pipeline, text)
    text = "南山人壽慈善基金會在台北頒獎，團體獎可領10萬元。"
    assert not money_values(pipeline, text)
    text = "新光人壽為雲林縣的身障者投保微型保險，身故最高理賠30萬元。"  # a county
    assert not money_values(pipeline, text)
    # a street named after a Taiwan city, a count of machines and a direction name no Taiwan
    for text in ("人保财险武汉分公司为武汉市台北一路的旅馆承保，保额50万元。", "人保财险为一台中国飞行汽车承保，保额50万元。",
                 "泰康在西南投下首个医养社区，投资50万元。"):
        assert money_values(pipeline, text) == ["500000"], text
    # a mainland article that names Taiwan once (a site's name, a shipowner's home) counts in yuan
    text = "台湾网 > 专题\n人保财险向玉树灾区捐款500万元。"
    assert money_values(pipeline, text) == ["5000000"]


def test_that_day_is_the_day_written_last_before(pipeline):
    got = money(pipeline, "4月2日是泰康保险集团的司庆日。当天，泰康保险集团向武汉大学捐赠10亿元。")
    assert ("泰康保险集团", "1000000000", "Donation", "2022-04-02") in got
    # a 截至 date is a cut-off, not the day anything happened on
    got = money(pipeline, "截至4月1日，友邦人寿累计赔付3860万元。当天，友邦人寿投入500万元。")
    assert ("友邦人寿", "5000000", "OtherAmount", None) in got


def test_a_cut_off_at_the_end_of_a_month_or_year_is_its_last_day(pipeline):
    got = money(pipeline, "截至2024年9月底，国寿财险累计赔付1.5亿元。")
    assert ("国寿财险", "150000000", "ClaimsPaid", "2024-09-30") in got
    got = money(pipeline, "截至2023年底，阳光人寿累计捐赠800万元。")
    assert ("阳光人寿", "8000000", "Donation", "2023-12-31") in got
    # done at a month's end is no day; without its year, the cut-off is in the year of the article's date
    # (an article with none leaves the year to guess: tests/test_dates.py)
    assert {d for *_, d in money(pipeline, "华贵人寿于2023年12月末完成6亿元增资。")} == {None}
    assert {d for *_, d in money(pipeline, "截至7月末，中再集团提供保障超过100亿元。")} == {"2021-07-31"}


def test_one_sentence_writing_an_amount_twice_states_two(pipeline):
    text = "华泰保险集团向那团小学捐赠20万元，另捐赠价值20万元的图书。"
    _, figures = related(pipeline, text)
    assert [f.quantity.surface for f in figures if f.is_money] == ["20万元", "20万元"]


def test_a_figure_stated_again_of_another_thing_is_a_second_one_not_a_repeat(pipeline):
    text = "人保财险惠山支公司推出两款保险。桃种植保险每亩保额3000元。桃附加病虫害保险每亩保额同为3000元。"
    _, figures = related(pipeline, text)
    assert [f.quantity.surface for f in figures if f.is_money] == ["3000元", "3000元"]
    _, figures = related(pipeline, "太平人寿向灾区捐款100万元。次日，太平人寿又追加100万元。")
    assert len([f for f in figures if f.is_money]) == 2
    # a body that writes the headline's figure again states it once
    _, figures = related(pipeline, "平安产险捐赠50万元\n3月1日，平安产险向市慈善总会捐赠50万元。")
    assert len([f for f in figures if f.is_money]) == 1


def test_an_amount_given_to_an_insurer_and_to_its_branch_is_the_branchs(pipeline):
    text = "安信农险20万元预赔款助菜农复产\n9月17日，太平洋安信农险青浦支公司向合作社预付了20万元保险金。"
    assert {agent for agent, *_ in money(pipeline, text)} == {"太平洋安信农险青浦支公司"}


def test_claims_a_lead_states_before_any_insurer_are_the_only_insurers_the_article_names_later(pipeline):
    text = "某镇54户农户日前收到水稻保险理赔款16万余元。\n去年台风过后，国元保险派人下田查勘，把钱直接打进农户账户。"
    assert money(pipeline, text) == {("国元农险", "160000", "ClaimsPaid", None)}
    # a headline (no mark ends it) may sum what the body gives others: it gets no insurer by default
    assert money(pipeline, "台风过后三区农户领到首批赔款16万余元\n一场台风过后，国元保险启动理赔。") == set()


def test_a_figure_stated_of_the_insurer_by_name_outranks_its_branchs_copy_by_default(pipeline):
    # the table's row names no one: it repeats for the article's branch what the body says the insurer gave
    text = ("人保财险绍兴市分公司（以下简称“绍兴分公司”）为当地快递员送上意外保障。\n按协议，人保财险给每名快递员的"
            "意外保额为20万元。随后绍兴分公司把慰问品发给快递员代表。\n项目 | 数字\n每人意外保额 | 20万元")
    assert {agent for agent, *_ in money(pipeline, text)} == {"人保财险"}


@pytest.mark.parametrize("text", [
    "国华人寿上海分公司被罚34万元 前三季度保险业罚金已超3亿元",
    "人保财险总公司被罚款1115万元，27名相关责任人被警告并罚款184万元。",
    "国华人寿上海分公司被罚款34万元，时任总监钟和卿被警告并罚款5万元。",
    "太保财险被罚80万元，在个人层面，太保财险财务负责人兼总精算师等34人合计被罚327万元。",
    "太保财险被罚80万元，被处罚的还有人保财险和紫金财险，10家机构合计被罚540万元。",
    "人保财险被罚80万元，人保财险董事长王某个人向红十字会捐款50万元。",
    "人保财险被罚80万元，人保财险董事长王某以个人名义捐出50万元。",
])
def test_the_industry_and_people_own_no_organisations_amount(pipeline, text):
    assert len(money(pipeline, text)) == 1


def test_a_clause_without_amount_or_organisation_passes_its_owner_on(pipeline):
    # the fined people of the clause before own the 123万元, not the firm
    got = money(pipeline, "人保寿险总公司被罚135万元；另有15名相关责任人受到行政处罚，罚款共计123万元。")
    assert {value for _, value, *_ in got} == {"1350000"}
    # a clause that states its own amount passes nothing on: the total is the firm's
    got = money(pipeline, "人保财险被罚款1115万元，27名相关责任人被罚款184万元，合计被罚1299万元。")
    assert {value for _, value, *_ in got} == {"11150000", "12990000"}


def test_a_list_ending_in_etc_shares_its_amount(pipeline):
    text = "省青基会先后获得阳光保险集团、湖北园易风景园林等爱心企业捐款547万余元。"
    assert money(pipeline, text) == set()
    # the last of the list, then 这类 or 等 and a kind of firm: a class of firms raised it, none alone
    text = "近年来，泰康资产、国寿资产这类保险资管机构通过债权投资计划，为该高速公路项目筹集资金150亿元。"
    assert money(pipeline, text) == set()
    text = "近年来，泰康资产等保险资管机构通过债权投资计划，为该高速公路项目筹集资金150亿元。"
    assert money(pipeline, text) == set()


def test_a_body_that_approves_owns_none_of_the_amount(pipeline):
    assert money(pipeline, "今年以来，保监会就通过了20家保险机构的增资申请，涉及金额超过260亿元。") == set()
    # 通过 meaning "through": the body raises the money itself
    got = money(pipeline, "截至目前，福建省妇联通过天使基金累计筹得救助金6512.09万元。")
    assert {(agent, value) for agent, value, _, _ in got} == {("福建省妇联", "65120900")}


def test_business_income_is_no_industry(pipeline):
    assert money(pipeline, "全年阳光财险实现保险业务收入486.3亿元。") == {
        ("阳光财险", "48630000000", "OtherAmount", None)}


def test_a_government_body_owns_an_amount_when_no_firm_is_named(pipeline):
    got = money(pipeline, "泉州市海洋与渔业局统筹谋划了47个灾后恢复重建项目，总投资约1.82亿元。")
    assert {agent for agent, *_ in got} == {"泉州市海洋与渔业局"}
    # one that reports the industry's figure owns none
    assert money(pipeline, "据浙江省保险行业协会介绍，全省已决赔款金额1088.8万元。") == set()
    # beside a firm, the body fines or approves and the amount is the firm's
    got = money(pipeline, "银保监会对人保寿险罚款338万元。")
    assert "银保监会" not in {agent for agent, *_ in got}


def test_amounts_after_respectively_are_the_lists_in_order(pipeline):
    got = money(pipeline, "泰康人寿湖北分公司、新华保险湖北分公司分别向湖北省残疾人福利基金会捐赠120万元和80万元。")
    assert {(agent, value) for agent, value, *_ in got} == {
        ("泰康人寿湖北分公司", "1200000"), ("新华保险湖北分公司", "800000")}


def test_a_list_with_words_between_it_and_respectively_still_owns_the_amounts(pipeline):
    got = money(pipeline, "人保财险和太保产险均为农户提供保障，赔款分别为3亿元和2亿元。")
    assert {(agent, value) for agent, value, *_ in got} == {("人保财险", "300000000"), ("太保产险", "200000000")}


def test_an_organisation_right_before_its_amount_owns_it(pipeline):
    got = money(pipeline, "单笔增资额最高的分别是瑞再北京分公司的30亿元和紫金财险的35亿元。")
    assert ("紫金保险", "3500000000") in {(agent, value) for agent, value, *_ in got}


def test_the_for_of_become_helps_no_group(pipeline):
    text = "中华财险承保玉米收入保险，成为连接农户与市场的桥梁。"
    assert not any(p in ("supports", "targets") for _, p, _ in triples(pipeline, text))
    assert ("中华财险", "supports", "种植户") in triples(pipeline, "中华财险为农户提供保障。")


@pytest.mark.parametrize("text, fact", [
    ("富德生命人寿举办了“爱的留声机”活动。", ("富德生命人寿", "provides", "爱的留声机")),
    ("华泰保险集团援建“博爱校医室”项目。", ("华泰保险集团", "provides", "博爱校医室")),
])
def test_holding_or_building_a_programme_provides_it(pipeline, text, fact):
    assert fact in triples(pipeline, text)


def test_this_programme_is_the_one_just_named(pipeline):
    text = "富德生命人寿启动“小海豚计划”。这项公益工程为留守儿童送去关怀。"
    assert ("小海豚计划", "targets", "留守儿童") in triples(pipeline, text)


@pytest.mark.parametrize("text, fact", [
    ("新华保险青岛分公司向现场的环卫工人发放防暑降温物资。", ("新华保险青岛分公司", "donatesTo", "环卫工人")),
    ("人保财险向温州市农业农村局提供了12台抽水机。", ("人保财险", "donatesTo", "温州市农业农村局")),
    ("春节前，平安产险走访慰问，给困难户每户送去1000元现金和米面。", ("平安产险", "donatesTo", "困难户")),
    # the gift, then in a clause of its own the body it is handed to
    ("中国人寿广西分公司在现场捐出80万元，交给广西妇女儿童发展基金会。", ("中国人寿寿险广西分公司", "donatesTo", "广西妇女儿童发展基金会")),
    ("中华财险内蒙古分公司捐资40万元，给惠农农牧业专业合作社打两眼深水井。", ("中华财险内蒙古分公司", "donatesTo", "惠农农牧业专业合作社")),
])
def test_goods_handed_over_are_a_donation(pipeline, text, fact):
    assert fact in triples(pipeline, text)


def test_whatever_is_sent_is_goods_but_a_greeting_or_cover_is_not(pipeline):
    text = "新华保险金华中支举办公益活动，向坚守一线的环卫工人送去热乎乎的元宵和保暖围巾。"
    assert ("新华保险金华中心支公司", "donatesTo", "环卫工人") in triples(pipeline, text)
    for text in ("平安人寿向环卫工人送去节日问候。", "新华保险给环卫工人每人送上保额10万元的意外伤害保险。"):
        assert not any(p == "donatesTo" for _, p, _ in triples(pipeline, text)), text


def test_goods_put_into_the_recipients_hands_are_a_donation_and_claims_money_is_not(pipeline):
    text = "春节前，平安产险的志愿者将慰问金和年货送到了村里贫困户的手中。"
    assert_family_needed(triples, pipeline, text, ("平安产险", "donatesTo", "贫困户"), "donatesTo")
    # the schools named after the verb are where the goods go, not who gives them
    got = triples(pipeline, "太平人寿四川分公司把御寒衣物交到山区中心校、河坝小学共200名学生手里。")
    assert ("太平人寿四川分公司", "donatesTo", "学生") in got
    got = triples(pipeline, "人保财险把300万元赔款交到受灾农户手里。")
    assert not any(p == "donatesTo" for _, p, _ in got)


def test_anything_put_into_the_recipients_hands_is_a_gift_but_money_after_a_claim_and_papers_are_not(pipeline):
    got = triples(pipeline, "端午节当天，新华保险金华中支把爱心粽子送到环卫工人手里。")
    assert ("新华保险金华中心支公司", "donatesTo", "环卫工人") in got
    for text in ("洪水退去后，人保财险开通绿色通道，尽快把钱交到受灾农户手中。",
                 "台风来临前，人保财险绍兴市分公司把防灾防损建议书发到种植户手上。"):
        assert not any(p == "donatesTo" for _, p, _ in triples(pipeline, text)), text


def test_money_raised_for_disaster_victims_is_a_donation_and_a_premium_raised_is_not(pipeline):
    got = triples(pipeline, "台风过后，新华保险联合两家银行一起为灾民凑出500万元。")
    assert ("新华保险", "donatesTo", "灾民") in got
    got = triples(pipeline, "人保财险为贫困户筹集保费200万元。")
    assert not any(p == "donatesTo" for _, p, _ in got)


def test_founders_are_partners_of_the_insurer_they_found_and_a_short_name_does_not_break_their_list(pipeline):
    text = ("银保监会同意财政部、中国再保险（集团）股份有限公司（简称“中再集团”）、人保财险、平安产险等9家单位"
            "共同发起筹建中国农业再保险股份有限公司。")
    got = triples(pipeline, text)
    assert {("中国农再", "partnersWith", x) for x in ("人保财险", "平安产险")} <= got
    assert not any(s == "中国银保监会" for s, p, _ in got if p == "partnersWith")  # 同意 is no 同


def test_two_founders_joined_by_yu_after_you_are_both_partners_of_the_insurer(pipeline):
    text = "合众人寿成立于2005年，由哈尔滨龙源投资有限公司与深圳恒泰实业有限公司共同出资设立。"
    got = triples(pipeline, text)
    assert {("合众人寿", "partnersWith", x) for x in ("哈尔滨龙源投资有限公司", "深圳恒泰实业有限公司")} <= got


def test_a_firm_taking_shares_partners_with_the_insurer(pipeline):
    text = "幸福人寿增发新股。陕西煤业化工集团出资5.7亿元认购3.68亿股。"
    assert ("幸福人寿", "partnersWith", "陕西煤业化工集团") in triples(pipeline, text)
    # another insurer taking shares is a shareholder too
    assert ("中华联合人寿", "partnersWith", "中华财险") in triples(pipeline, "中华人寿获批增资。中华财险认购6000万股。")


def test_the_doer_named_after_by_owns_an_earlier_figure(pipeline):
    got = money(pipeline, "汇丰人寿获批增资。本次新增的15亿元资本全部由其唯一股东汇丰保险（亚洲）有限公司以现金认缴。")
    assert {agent for agent, *_ in got} == {"汇丰保险（亚洲）有限公司"}


@pytest.mark.parametrize("text, agent", [
    ("这家医院由泰康保险集团投资近40亿元建设。", "泰康保险集团"),
    ("监管部门决定对人保财险罚款50万元。", "人保财险"),
    ("监管部门对太保产险给予警告并罚款30万元。", "太保产险"),
])
def test_the_payer_after_by_and_the_firm_fined_own_the_amount(pipeline, text, agent):
    assert {a for a, *_ in money(pipeline, text)} == {agent}


def test_a_member_of_an_included_list_owns_no_amount(pipeline):
    text = "众安保险完成新一轮增资。参与方包括腾讯和京东，募集资金总额约5亿元。"
    assert {a for a, *_ in money(pipeline, text)} == {"众安保险"}


def test_a_policys_premium_where_nobody_is_named_is_the_articles_insurers(pipeline):
    text = "人保财险推出水稻保险。\n\n据了解，当地种粮大户踊跃参保，每亩保费为12元。"
    assert {a for a, *_ in money(pipeline, text)} == {"人保财险"}
    # an organisation named only after the amount does not stop it
    text = "人保财险推出生猪保险。\n\n据了解，该项目总保费为100万元，由美团与县政府各承担一半。"
    assert {a for a, *_ in money(pipeline, text)} == {"人保财险"}
    # the premiums of the market are nobody's
    assert money(pipeline, "人保财险推出水稻保险。\n\n据了解，全年农险保费收入达10亿元。") == set()


def test_an_editions_price_per_head_and_a_premium_standard_are_the_articles_insurers(pipeline):
    # 普惠款每人每年59元: an edition's price is a premium; so is one a notice lays out as 保费标准; not claims per head
    text = "“甜惠保”由人保财险承保。\n\n【谁能买】普惠款每人每年59元，升级款每人每年99元。"
    assert {(a, v) for a, v, *_ in money(pipeline, text)} == {("人保财险", "59"), ("人保财险", "99")}
    text = "人保财险承保校方责任险。\n\n保费标准　　　　每生每年5元。"
    assert {(a, v) for a, v, *_ in money(pipeline, text)} == {("人保财险", "5")}
    # a label's premium, after a colon or in a table's cell
    text = "众安保险推出宠物医疗险。\n\n保费：每月33.25元。"
    assert {(a, v) for a, v, *_ in money(pipeline, text)} == {("众安保险", "33.25")}


def test_a_premium_rate_is_the_insurers_named_beside_it(pipeline):
    # the insurer is named in the sentence, though not as its subject: the premium is still its own
    text = "该项目由县残联与人保财险合作开展，投保标准为每人每年20元，保费由县财政承担。"
    assert ("人保财险", "20") in {(a, v) for a, v, *_ in money(pipeline, text)}
    text = "县残联与太保产险签约，由市、县两级财政按每人每年60元的标准投保。"
    assert {(a, v) for a, v, *_ in money(pipeline, text)} == {("太保产险", "60")}


def test_a_fine_of_a_firms_people_named_clauses_before_is_not_the_firms(pipeline):
    text = "新华保险河南分公司下属支公司的8名营销员因误导销售，均被警告，并分别处以2000元至8000元不等的罚款。"
    assert money(pipeline, text) == set()
    # the firm's own fine in the same sentence is still its own
    text = "新华保险河南分公司被罚款30万元，其8名营销员均被警告。"
    assert {(a, v) for a, v, *_ in money(pipeline, text)} == {("新华保险河南分公司", "300000")}


def test_a_body_that_estimates_a_figure_does_not_own_it(pipeline):
    assert money(pipeline, "台风过后，农业农村部估计农作物损失金额为3亿元。") == set()


def test_a_bulleted_item_goes_on_with_the_paragraph_before_the_list(pipeline):
    text = "多年来，人保财险持续帮扶当地：\n\n- 累计投入帮扶资金5000万元；\n\n- 购买当地农产品300万元。"
    assert {(a, v) for a, v, *_ in money(pipeline, text)} == {("人保财险", "50000000"), ("人保财险", "3000000")}


@pytest.mark.parametrize("text", ["人保财险于6月8日向中国红十字会捐赠100万元。", "新华保险于3日向中国红十字会捐款200万元。",
                                  # an adverb the tokenizer glues to the preposition (共向)
                                  "人保财险发动员工捐款，共向中国红十字会捐出善款120余万元。"])
def test_the_recipient_after_a_word_glued_to_its_preposition_owns_no_gift(pipeline, text):
    assert "中国红十字会" not in {a for a, *_ in money(pipeline, text)}


def test_the_source_after_from_gives_to_the_organisation_before_it(pipeline):
    got = money(pipeline, "今年以来，众安保险已从腾讯、京东等投资方筹得15亿元融资。")
    assert {a for a, *_ in got} == {"众安保险"}
    # with nobody before it, the source gives the amount
    assert {a for a, *_ in money(pipeline, "她最多可以从众安保险获得10万元医疗费。")} == {"众安保险"}


def test_cover_a_partner_would_own_is_the_articles_last_insurers(pipeline):
    text = "众安保险发布报告。\n\n美团为骑手送出专属保障。骑手一旦受伤，即可获得一次性给付5000元。"
    assert {a for a, *_ in money(pipeline, text)} == {"众安保险"}


def test_a_regions_figure_is_not_the_paragraphs_organisations(pipeline):
    got = money(pipeline, "太保产险开通理赔绿色通道。今年以来，全省农险累计赔付5亿元。")
    assert got == set()
    # nor the industry's, several clauses on
    got = money(pipeline, "太保产险开通理赔绿色通道。从全行业看，保险业累计接到报案5万件，估损金额约20亿元，已赔付2亿元。")
    assert got == set()
    # the region the help is for does not take the amount from the paragraph's organisation
    got = money(pipeline, "太保产险开通理赔绿色通道。今年以来，已为全市3万户农户提供风险保障10亿元。")
    assert {agent for agent, *_ in got} == {"太保产险"}


# Sentence shapes of real news, one per rule: the fact each states.
SHAPES = {
    "own_product": ("客户可以购买泰康人寿的“幸福有约”养老保险计划。", ("泰康人寿", "provides", "幸福有约")),
    "claims_on_product": ("人保财险广东分公司完成“湛江市台风巨灾指数保险”第二笔理赔。",
                          ("人保财险广东分公司", "provides", "湛江市台风巨灾指数保险")),
    "executor": ("富德生命人寿乐山中支被确定为“小海豚计划”的执行机构。", ("富德生命人寿乐山中心支公司", "provides", "小海豚计划")),
    "in_project": ("在“西湖益联保”项目中，中国人寿浙江省分公司发挥专业经办能力。",
                   ("中国人寿寿险浙江分公司", "provides", "西湖益联保")),
    "can_join": ("年龄在60岁以下的外卖骑手即可加入“骑手安心保”。", ("骑手安心保", "targets", "外卖骑手")),
    "towards": ("中国人寿广西分公司还对困难群体实行差异化的赔付政策。", ("中国人寿寿险广西分公司", "supports", "困难群众")),
    "purpose_first": ("针对外卖骑手的保障需求，太保产险推出专属保险。", ("太保产险", "supports", "外卖骑手")),
    "serves": ("“骑手安心保”主要服务外卖骑手。", ("骑手安心保", "targets", "外卖骑手")),
    "guides": ("上海银保监局指导，太保产险开通绿色通道。", ("太保产险", "guidedBy", "上海银保监局")),
    "is_launched_by": ("“骑手安心保”是太保产险推出的一款保险。", ("太保产险", "provides", "骑手安心保")),
    "covers_a_firm": ("人保财险为比亚迪定制车险产品。", ("人保财险", "partnersWith", "比亚迪")),
    "gives_through": ("新华保险通过中国红十字基金会为环卫工人送上保险。", ("新华保险", "partnersWith", "中国红十字基金会")),
    "wins_tender": ("人保财险中标“杭州惠民保”项目。", ("人保财险", "provides", "杭州惠民保")),
    "lead_underwriter": ("平安产险是“沪惠保”的首席承保人。", ("平安产险", "provides", "沪惠保")),
    "long_launch": ("人保财险上海分公司推出了一款保障新能源汽车车主出行风险的“新能源车险”。",
                    ("人保财险上海分公司", "provides", "新能源车险")),
    "asks_the_firms": ("上海银保监局要求各保险公司做好理赔工作，太保产险迅速响应。", ("太保产险", "guidedBy", "上海银保监局")),
    "pair_acts_together": ("太保产险和饿了么共同发布《骑手安全报告》。", ("太保产险", "partnersWith", "饿了么")),
    "gains_cover": ("太保产险推出“骑手安心保”，外卖骑手每天只需支付1元即可获得保障。", ("骑手安心保", "targets", "外卖骑手")),
    "gains_the_insurers_cover": ("太保产险推出新产品，外卖骑手每天只需支付1元即可获得保障。", ("太保产险", "supports", "外卖骑手")),
    "policyholders_of": ("太保产险为投保“水产天气指数保险”的养殖户支付了100多万元赔款。",
                         ("太保产险", "provides", "水产天气指数保险")),
    "gives_to": ("中国人寿上海市分公司向一线医护人员赠送专属保险。", ("中国人寿寿险上海分公司", "donatesTo", "医护人员")),
    "signs_later": ("太保产险与上海市农业农村委员会于2023年5月12日在上海正式签署战略合作协议。",
                    ("太保产险", "partnersWith", "上海市农业农村委员会")),
    "develops": ("太保产险自主研发的“e农险”平台正式上线。", ("太保产险", "provides", "e农险")),
    "opens_a_channel": ("人保财险开设“极速理赔通道”。", ("人保财险", "provides", "极速理赔通道")),
    "tailors": ("人保财险为外卖骑手量身定制“骑手无忧保”。", ("人保财险", "provides", "骑手无忧保")),
    "visits": ("太保产险工作人员走访慰问受灾农户。", ("太保产险", "supports", "种植户")),
    "pays_out_to": ("太保产险累计赔付受灾农户2000万元。", ("太保产险", "supports", "种植户")),
    "guides_people": ("人保财险现场指导农户开展生产自救。", ("人保财险", "supports", "种植户")),
    "lets_get_paid": ("中国人保简化手续，让受灾农户尽快拿到赔款。", ("中国人保", "supports", "受灾农户")),
    "led_by": ("由上海银保监局主办、太保产险承办的公益活动开幕。", ("太保产险", "guidedBy", "上海银保监局")),
    "leads": ("上海银保监局牵头，太保产险开通绿色通道。", ("太保产险", "guidedBy", "上海银保监局")),
    "joins_hands": ("太保产险牵手饿了么推出骑手保险。", ("太保产险", "partnersWith", "饿了么")),
    "investors_include": ("众安保险的战略投资者包括软银集团。", ("众安保险", "partnersWith", "软银集团")),
    "as_investor": ("众安保险上市，软银集团作为基石投资者认购股份。", ("众安保险", "partnersWith", "软银集团")),
    "holds_shares_in": ("腾讯参股的公司包括众安保险、和泰人寿。", ("腾讯", "partnersWith", "和泰人寿")),
    "donates_for": ("中国人保为湖北省慈善总会捐款100万元。", ("中国人保", "donatesTo", "湖北省慈善总会")),
    "donates_to": ("中国人保将善款捐赠给上海市慈善基金会。", ("中国人保", "donatesTo", "上海市慈善基金会")),
    "receives_from": ("湖北省慈善总会获得阳光保险集团、通用电气等爱心企业捐款。",
                      ("阳光保险集团", "donatesTo", "湖北省慈善总会")),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_sentence_shapes_of_real_news(pipeline, shape):
    text, expected = SHAPES[shape]
    assert_family_needed(triples, pipeline, text, expected, expected[1])


def test_the_guide_named_in_credits_guides_the_host_past_the_partner_that_runs_the_work(pipeline):
    for text in ("本次讲座由太平财险泸州中心支公司主办，西南医科大学承办，中国人民银行泸州市分行指导。",
                 "讲座的主办方是太平财险泸州中心支公司，西南医科大学负责承办，中国人民银行泸州市分行担任指导。"):
        assert_family_needed(triples, pipeline, text,
                             ("太平财险泸州中心支公司", "guidedBy", "中国人民银行泸州分行"), "guidedBy")
    # credits that name no insurer as the host guide none
    got = triples(pipeline, "西南医科大学负责承办，中国人民银行泸州市分行担任指导。")
    assert not any(p == "guidedBy" for _, p, _ in got)


def test_yu_closes_a_list_of_one_class_but_joins_no_pair(pipeline):
    # 捐给A、B与C: three hospitals; 人保财险、平安产险与美团: two insurers and their partner
    got = triples(pipeline, "新光金控也捐给台大医院、亚东医院与桃园敏盛医院。")
    assert {("新光金控", "donatesTo", h) for h in ("台大医院", "亚东医院", "桃园敏盛医院")} <= got
    got = triples(pipeline, "人保财险、平安产险与美团签约。")
    assert {(i, "partnersWith", "美团") for i in ("人保财险", "平安产险")} <= got


def test_the_end_of_a_gift_heads_no_clause(pipeline):
    # 捐给 glued into one word still makes its object the gift's end, not the doer of what follows
    got = triples(pipeline, "新光金控除了捐给台北市政府，也捐给台大医院和亚东医院。")
    assert {("新光金控", "donatesTo", h) for h in ("台北市政府", "台大医院", "亚东医院")} <= got


def test_a_list_of_guides_in_credits_guides_the_paragraphs_insurer(pipeline):
    got = triples(pipeline, "华夏人寿启动“抗日战场巡礼”活动。\n指导单位：全国老龄工作委员会办公室、民政部优抚安置局。")
    assert {("华夏人寿", "guidedBy", b) for b in ("全国老龄工作委员会办公室", "民政部优抚安置局")} <= got
    # guidance whose bodies a colon lists guides the insurer of the sentence
    got = triples(pipeline, "太保产险上海分公司推出复工保险，并由三个部门共同指导：上海市财政局、上海市商务委和上海银保监局。")
    assert {("太保产险上海分公司", "guidedBy", b) for b in ("上海市财政局", "上海银保监局")} <= got


def test_a_body_whose_plan_the_clause_follows_is_no_doer_that_takes_the_guidance_of_a_list_after_it(pipeline):
    got = triples(pipeline, "太保产险上海分公司依照上海市委的部署行事，并由两个部门共同指导：上海银保监局、上海市财政局。")
    assert {("太保产险上海分公司", "guidedBy", b) for b in ("中共上海市委", "上海银保监局", "上海市财政局")} <= got


def test_insurers_a_body_convenes_act_under_it(pipeline):
    got = triples(pipeline, "在永安市农业局的召集下，人保财险、华安保险等保险机构参加保险对接会。")
    assert {(i, "guidedBy", "永安市农业局") for i in ("人保财险", "华安保险")} <= got


def test_an_approval_is_no_guidance(pipeline):
    got = triples(pipeline, "横琴人寿变更注册资本事项已获广东银保监局批复。")
    assert ("横琴人寿", "guidedBy", "广东银保监局") not in got


def test_a_point_of_view_is_no_support(pipeline):
    assert ("人保财险", "supports", "种植户") not in triples(pipeline, "人保财险表示，对农户而言，赔款是救命钱。")


def test_a_gift_to_the_provinces_charity_named_bare_is_the_givers(pipeline):
    # jieba glues 向 to the level (向省|红十字会): the charity is still the recipient, not the giver
    text = "太平人寿四川分公司向省红十字会捐款80万元。"
    facts, figures = related(pipeline, text)
    assert ("太平人寿四川分公司", "donatesTo", "四川省红十字会") in {(f.subject.label, f.predicate, f.object.label) for f in facts}
    [f] = [f for f in figures if f.is_money]
    assert (f.agent.label, f.beneficiary.label) == ("太平人寿四川分公司", "四川省红十字会")


def test_cover_given_as_a_gift_is_support_not_a_donation(pipeline):
    got = triples(pipeline, "新华保险为环卫工人捐赠意外保险。")
    assert ("新华保险", "supports", "环卫工人") in got
    assert ("新华保险", "donatesTo", "环卫工人") not in got
    got = triples(pipeline, "新华保险给环卫工人捐赠意外保险。")
    assert ("新华保险", "donatesTo", "环卫工人") not in got


def test_what_is_given_with_give_to_before_the_recipient_is_a_gift(pipeline):
    """给 names the recipient before the verb of giving as 为 and 向 do (给某小学捐了一批体育器材)."""
    got = triples(pipeline, "富德生命人寿今年给湖北张集小学捐了一批体育器材。")
    assert ("富德生命人寿", "donatesTo", "湖北张集小学") in got


def test_a_donor_outside_insurance_in_the_givers_list_is_not_taken(pipeline):
    got = triples(pipeline, "湖北省慈善总会获得阳光保险集团、通用电气等爱心企业捐款。")
    assert ("通用电气", "donatesTo", "湖北省慈善总会") not in got


def test_an_offer_left_unsaid_is_the_one_named_last(pipeline):
    text = "灾害民生综合保险在全省推开。潍坊市由人保财险承保，报案电话为95518；东营市由平安产险承保。"
    assert_family_needed(triples, pipeline, text, ("平安产险", "provides", "灾害民生综合保险"), "provides")
    assert ("平安产险", "provides", "95518") not in triples(pipeline, text)
    got = triples(pipeline, "“沪惠保”今年升级。人民人寿、太平人寿等6家人寿保险公司参与其中。")
    assert {("人保寿险", "provides", "沪惠保"), ("太平人寿", "provides", "沪惠保")} <= got


def test_insurers_admitted_to_a_pilot_offer_what_it_pilots(pipeline):
    got = triples(pipeline, "监管部门在两省启动“安享年金”试点。泰康人寿、新华人寿等4家寿险公司入局，为期一年。")
    assert {("泰康人寿", "provides", "安享年金"), ("新华保险", "provides", "安享年金")} <= got
    got = triples(pipeline, "监管部门在两省启动“安享年金”试点。获准参与的是：泰康人寿保险有限责任公司、新华人寿保险股份有限公司。")
    assert {("泰康人寿", "provides", "安享年金"), ("新华保险", "provides", "安享年金")} <= got


def test_an_offer_left_unsaid_is_each_of_a_lists_insurers(pipeline):
    # the insurer after 和 heads the clause with the one before it
    got = triples(pipeline, "“惠游保”本月上线。游客扫码即可投保，由众安保险和平安产险共同承保。")
    assert {("众安保险", "provides", "惠游保"), ("平安产险", "provides", "惠游保")} <= got


def test_a_firm_listed_with_an_insurer_is_no_second_subject(pipeline):
    got = triples(pipeline, "阳光保险集团、比亚迪等爱心企业向湖北省慈善总会捐款。")
    assert ("阳光保险集团", "donatesTo", "湖北省慈善总会") in got
    assert ("比亚迪", "donatesTo", "湖北省慈善总会") not in got


def test_a_roll_call_of_insurers_is_no_partnership(pipeline):
    got = triples(pipeline, "人保财险、平安产险和太保产险共同承保。")
    assert not {f for f in got if f[1] == "partnersWith"}


def test_a_time_series_table_row_is_the_articles_insurers_and_a_named_row_is_not(pipeline):
    text = "众安保险公布了近年经营数据。\n| 年度 | 净亏损 |\n| 2021年 | 0.68亿元 |\n| 某某健康 | 26亿元 |"
    _, figures = related(pipeline, text)
    assert [(f.agent.label, f.quantity.value) for f in figures if f.is_money] == [("众安保险", 68000000)]


def test_a_time_series_table_row_is_the_firm_the_article_is_about_though_no_insurer(pipeline):
    text = ("水滴公司递交上市申请。\n\n水滴公司由腾讯投资，泰康保险集团也是股东。水滴公司近三年营收如下。\n"
            "| 年度 | 营收 |\n| 2022年 | 3.2亿元 |")
    _, figures = related(pipeline, text)
    assert [(f.agent.label, f.quantity.value) for f in figures if f.is_money] == [("水滴公司", 320000000)]


def test_a_paragraph_that_is_a_numbered_point_goes_on_with_the_organisation_before_it(pipeline):
    text = "国寿财险推出多个普惠项目。\n一是“惠军保”。该项目累计为退役军人提供风险保障57万亿元。\n据统计，全国保障规模达3万亿元。"
    _, figures = related(pipeline, text)
    assert [(f.agent.label, f.quantity.value) for f in figures if f.is_money] == [("国寿财险", 57000000000000)]


def test_a_department_named_first_that_holds_a_meeting_with_an_insurer_is_its_partner(pipeline):
    got = triples(pipeline, "漳州市农业局与人保财险漳州市分公司在南靖县联合召开全市畜禽养殖保险工作联席会议。")
    assert ("漳州市农业局", "partnersWith", "人保财险漳州分公司") in got


def test_only_insurers_branches_and_groups_provide_or_are_guided(pipeline):
    # ANNOTATION.md: provides and guidedBy run from an insurer, a branch or a group
    got = triples(pipeline, "在上海市民政局指导下，上海复星公益基金会启动“社区驰援”项目。")
    assert not any(p in ("provides", "guidedBy") for _, p, _ in got)
    got = triples(pipeline, "在上海市民政局指导下，复星保德信人寿启动“社区驰援”项目。")
    assert {("复星保德信人寿", "provides", "社区驰援"), ("复星保德信人寿", "guidedBy", "上海市民政局")} <= got


def test_two_partners_working_together_is_no_fact_but_a_partner_and_an_insurer_is(pipeline):
    got = triples(pipeline, "众安互联网医院与上海市第一人民医院合作开通互联网门诊。")
    assert not any(p == "partnersWith" for _, p, _ in got)
    got = triples(pipeline, "上海市第一人民医院与众安保险合作开通互联网门诊。")
    assert ("上海市第一人民医院", "partnersWith", "众安保险") in got or ("众安保险", "partnersWith", "上海市第一人民医院") in got


@pytest.mark.parametrize("text, fact", [
    ("人保寿险被罚338万元。与其合作销售的农业银行也被点名。", ("人保寿险", "partnersWith", "中国农业银行")),
    ("恒胜机电工程股份有限公司为其核心专利，向国寿财险安庆中心支公司投保了专利执行保险。",
     ("国寿财险安庆中心支公司", "partnersWith", "恒胜机电工程股份有限公司")),
    ("中信期货牵头，联合另外4家期货公司与中国人保财险在阜蒙县落地玉米收入险项目。", ("中信期货", "partnersWith", "人保财险")),
    # a public body an insurer issues a policy for is its client too
    ("人保财险浙江省分公司近日为杭州市生态环境局出具了一份环境污染责任保险保单。",
     ("人保财险浙江分公司", "partnersWith", "杭州市生态环境局")),
])
def test_clients_sellers_and_co_launchers_are_partners(pipeline, text, fact):
    got = triples(pipeline, text)
    assert fact in got or (fact[2], fact[1], fact[0]) in got


def test_cover_stated_where_no_organisation_is_named_is_the_articles_insurers(pipeline):
    text = "太保产险担任主承保人。\n\n每人赔偿限额为10万元。\n\n当地直接经济损失达5亿元。"
    got = money(pipeline, text)
    assert ("太保产险", "100000", "Coverage", None) in {(a, v, k, None) for a, v, k, _ in got}
    assert not any(v == "500000000" for _, v, _, _ in got)  # a loss is nobody's cover


@pytest.mark.parametrize("text, fact", [
    ("这就是中国平安捐建的第一所希望小学——顺河平安希望小学。", ("中国平安", "donatesTo", "顺河平安希望小学")),
    ("太平人寿四川分公司向340名学生送上御寒衣物。", ("太平人寿四川分公司", "donatesTo", "学生")),
])
def test_a_school_built_or_goods_brought_are_gifts(pipeline, text, fact):
    assert fact in triples(pipeline, text)


def test_only_an_insurer_gives_cover_or_pays_claims(pipeline):
    # the platform heads the amount's clause, but cover and claims are the insurer's (ontology: insurers_only)
    got = money(pipeline, "人保财险与美团达成合作，美团为骑手提供最高保额60万元的保障。")
    assert {(agent, kind) for agent, _, kind, _ in got} == {("人保财险", "Coverage")}
    got = money(pipeline, "平安产险联合京东推出骑手险，京东平台已为骑手赔付120万元。")
    assert {(agent, kind) for agent, _, kind, _ in got} == {("平安产险", "ClaimsPaid")}
    # a partner's gift stays the partner's
    assert {a for a, *_ in money(pipeline, "太保产险与饿了么合作，饿了么捐款100万元。")} == {"饿了么"}


def test_a_body_heading_the_sentence_keeps_its_launch_from_the_paragraphs_insurer(pipeline):
    # the regulator is the doer: what it launches is neither its own fact nor the insurer's
    text = "太保产险推出“骑手安心保”。吉林银保监局联合省财政厅，组织保险机构推出“复工防疫综合保险”。"
    assert not {(s, o) for s, p, o in triples(pipeline, text) if p == "provides"} - {("太保产险", "骑手安心保")}
    got = triples(pipeline, "太保产险推出“骑手安心保”。今年又推出“复工防疫综合保险”。")
    assert ("太保产险", "provides", "复工防疫综合保险") in got


def test_two_insurers_acting_as_one_with_a_third_party_are_not_each_others_partners(pipeline):
    got = triples(pipeline, "太保产险上海分公司和太保寿险上海分公司与饿了么签订合作协议。")
    assert not {(s, o) for s, p, o in got if p == "partnersWith"} & {
        ("太保产险上海分公司", "太保寿险上海分公司"), ("太保寿险上海分公司", "太保产险上海分公司")}
    assert ("太保产险上海分公司", "partnersWith", "饿了么") in got


def test_hedging_is_no_help_to_a_group(pipeline):
    # the 对 of 对冲 (to hedge) is no "for"
    got = triples(pipeline, "期货公司负责风险对冲和与养殖户的沟通，太保产险负责承保。")
    assert ("太保产险", "supports", "养殖户") not in got


@pytest.mark.parametrize("text", [
    "泉州市保险行业协会联合人保财险、平安产险等多家保险公司召开理赔通气会。",
    "人保财险和上海市保险同业公会共同发起倡议。",
    "平安产险与广东省保险行业协会签署合作协议。",  # the insurance market's own body, even signing with it
])
def test_an_industry_body_convening_insurers_is_no_partner(pipeline, text):
    assert not {t for t in triples(pipeline, text) if t[1] == "partnersWith"}


@pytest.mark.parametrize("text, fact", [
    # another trade's association, a market institution: counterparts, not the insurance market's own bodies
    ("人保财险宁波市分公司与宁波市物流行业协会签订合作协议。", ("人保财险宁波分公司", "partnersWith", "宁波市物流行业协会")),
    ("太保产险与郑州商品交易所合作推出价格保险。", ("太保产险", "partnersWith", "郑州商品交易所")),
])
def test_an_industry_body_outside_insurance_that_signs_with_an_insurer_is_its_partner(pipeline, text, fact):
    assert fact in triples(pipeline, text)


def test_a_name_described_by_a_zuowei_phrase_heads_its_clause(pipeline):
    # 作为…的X: the phrase says what X is; X is the giver, not a name inside a 作为-phrase
    got = triples(pipeline, "2月3日，作为会长单位的泰康保险集团，向武汉雷神山医院捐赠了物资。")
    assert ("泰康保险集团", "donatesTo", "武汉雷神山医院") in got


def test_a_described_name_heads_its_clause_in_a_bulleted_item_too(pipeline):
    # "- 由X发起的Y，…": the item's marker before the 由-phrase does not hide that it describes Y
    _, figures = related(pipeline, "- 由中国人寿发起的中国人寿慈善基金会，2020年捐赠收入超过1亿元。")
    assert {(f.agent.label, str(f.quantity.value)) for f in figures} == {("中国人寿慈善基金会", "100000000")}


@pytest.mark.parametrize("text, fact", [
    # a list of what it launched, continued after a comma (，以及…, ，其中包括…)
    ("中国太保陆续推出“太保鑫福岁优”，以及“鑫享颐两全保险”等产品。", ("中国太保", "provides", "鑫享颐两全保险")),
    ("众惠相互参与了多地的惠民保项目，其中包括“北京京惠保”和“深圳众惠保”。", ("众惠相互", "provides", "深圳众惠保")),
    # X——这是Y首创的险种
    ("种粮大户又买了一份“水稻降水指数保险”——这是扬州人保财险首创的险种。",
     ("人保财险扬州分公司", "provides", "水稻降水指数保险")),
])
def test_what_a_list_after_a_comma_continues_or_an_insurer_first_made_is_its_offer(pipeline, text, fact):
    assert fact in triples(pipeline, text)


def test_the_founders_named_in_a_you_phrase_before_the_firm_are_its_partners(pipeline):
    got = triples(pipeline, "由蚂蚁金服、腾讯和中国平安共同发起的众安保险成立。")
    assert {o for s, p, o in got if s == "众安保险" and p == "partnersWith"} == {"蚂蚁集团", "腾讯", "中国平安"}


def test_an_insurer_a_partner_joins_with_shares_its_role(pipeline):
    # the partner heads the clause but states nothing; the insurer it brings in acts under the guidance
    got = triples(pipeline, "在上海市卫生健康委员会的指导下，上药控股联合友邦人寿在一周之内完成了方案设计。")
    assert ("友邦人寿", "guidedBy", "上海市卫生健康委员会") in got


def test_taking_part_in_an_authoritys_programme_is_acting_under_it(pipeline):
    got = triples(pipeline, "今年5月，太平人寿四川分公司参与到中国人民银行成都分行的精准扶贫项目中。")
    assert ("太平人寿四川分公司", "guidedBy", "中国人民银行成都分行") in got


def test_cover_funded_by_an_insurer_with_others_is_its_offer(pipeline):
    got = triples(pipeline, "“上海医护保”由上药控股、友邦人寿和镁信健康三方共同出资。")
    assert ("友邦人寿", "provides", "上海医护保") in got


def test_a_platform_used_in_a_paragraph_naming_no_firm_is_not_the_articles_insurers(pipeline):
    # the article's last insurer, a paragraph back, is no doer of 通过…APP购买
    text = "中国人寿推出“骑手安心保”。\n\n全系统员工自发通过建行生活APP购买扶贫农产品。"
    assert ("中国人寿", "partnersWith", "中国建设银行") not in triples(pipeline, text)


def test_a_list_counted_as_parties_acting_together_are_partners(pipeline):
    got = triples(pipeline, "“上海医护保”由上药控股、友邦人寿和镁信健康三方共同出资。")
    assert ("友邦人寿", "partnersWith", "镁信健康") in got
    # so is one called parties without a count: 等几方, 多方, 各方
    got = triples(pipeline, "浙商期货、人保财险和金象生化等几方合力，在同江市开展玉米收入保险。")
    assert {("人保财险", "partnersWith", "浙商期货"), ("人保财险", "partnersWith", "金象生化")} <= got
    # a roll call of firms is no partnership
    got = triples(pipeline, "上药控股、友邦人寿和镁信健康的代表出席了仪式。")
    assert not {t for t in got if t[1] == "partnersWith"}


def test_a_list_of_three_that_goes_together_uncounted_is_partners_with_its_insurer(pipeline):
    text = "上海期货交易所、人保财险上海市分公司和申银万国期货公司一道把首笔赔款送到永德农户手里。"
    got = {t for t in triples(pipeline, text) if t[1] == "partnersWith"}
    assert {("人保财险上海分公司", "partnersWith", "上海期货交易所"),
            ("人保财险上海分公司", "partnersWith", "申银万国期货")} <= got
    # insurers listed so went along with one another: no partners of each other, uncounted
    got = triples(pipeline, "人保财险、平安产险和古田县慈善总会一起来到敬老院看望孤寡老人。")
    assert ("人保财险", "partnersWith", "平安产险") not in got and ("平安产险", "partnersWith", "人保财险") not in got
    assert ("人保财险", "partnersWith", "古田县慈善总会") in got
    # a list of four is a roll call
    got = triples(pipeline, "上药控股、友邦人寿、镁信健康和饿了么一道出席了仪式。")
    assert not {t for t in got if t[1] == "partnersWith"}


def test_two_products_referred_to_together_each_target_the_group(pipeline):
    text = "太保产险推出小麦制种保险和玉米制种保险。这两项保险面向制种农民。"
    got = triples(pipeline, text)
    assert {("小麦制种保险", "targets", "制种农民"), ("玉米制种保险", "targets", "制种农民")} <= got
    # with one product named, "these two" has nothing to refer to
    got = triples(pipeline, "太保产险推出小麦制种保险。这两项保险面向制种农民。")
    assert not {t for t in got if t[1] == "targets"}


def test_a_channel_set_up_with_a_firm_makes_it_a_partner(pipeline):
    got = triples(pipeline, "人保财险与厦门中山医院建立了理赔直付通道。")
    assert ("人保财险", "partnersWith", "厦门中山医院") in got


def test_groups_brought_under_cover_are_supported(pipeline):
    got = triples(pipeline, "众惠相互把小微企业主、农民等过去保险覆盖不到的群体纳入保障范围。")
    assert ("众惠相互", "supports", "农民") in got


def test_those_who_buy_a_policy_are_its_target(pipeline):
    # (a group: 农户王某 would be one person, no group, by the gold's settled cases)
    got = triples(pipeline, "不少农户为自家果园买了一份“苹果收入保险”。")
    assert ("苹果收入保险", "targets", "种植户") in got


def test_an_insurer_working_with_a_government_body_offers_what_they_launch(pipeline):
    # the department leads the clause, yet the insurer acting with it (与…保险公司合作) launches too
    got = triples(pipeline, "今年春天，浙江省农业农村厅与太保产险公司合作推出“茶叶低温指数保险”。")
    assert ("太保产险", "provides", "茶叶低温指数保险") in got


def test_a_firm_buying_into_a_named_insurer_is_not_the_articles_insurers_shareholder(pipeline):
    text = "众安保险发布年报。\n\n上周，京东集团入股阳光财险。"
    got = triples(pipeline, text)
    assert ("众安保险", "partnersWith", "京东") not in got
    assert ("京东", "partnersWith", "阳光财险") in got


def test_an_insurer_running_a_project_with_a_government_body_offers_it(pipeline):
    # the passive names the body first, the insurer after its 与
    got = triples(pipeline, "“银龄安康”项目由浙江省民政厅与中国人寿浙江省分公司合作开展，保费由财政承担。")
    assert ("中国人寿寿险浙江分公司", "provides", "银龄安康") in got


def test_an_insurer_giving_through_a_project_runs_it(pipeline):
    got = triples(pipeline, "五年来，新华保险通过“新华书屋”公益项目累计投入1200万元。")
    assert ("新华保险", "provides", "新华书屋") in got


def test_each_point_of_a_list_shares_the_call_the_sentence_opens_with(pipeline):
    text = ("按照上海银保监局的部署，辖内保险公司纷纷行动：一是太保产险开通理赔绿色通道；"
            "二是人保财险为外卖骑手提供保障；三是平安产险延长保单宽限期。")
    got = triples(pipeline, text)
    assert {s for s, p, o in got if p == "guidedBy" and o == "上海银保监局"} >= {"太保产险", "人保财险", "平安产险"}


def test_a_firms_own_sponsors_are_not_the_earlier_insurers_partners(pipeline):
    text = "众安保险发布年报。\n\n上周，镁信健康递交上市申请，联席保荐人为摩根大通和中金公司。"
    got = triples(pipeline, text)
    assert not {t for t in got if t[0] == "众安保险" and t[1] == "partnersWith"}


def test_a_firm_named_after_you_have_is_not_the_subject_of_its_clause(pipeline):
    # 背后有…的身影: the banks are what the company has, so the government leads the company
    text = "中银三星人寿获批开业。这家公司由北京市政府牵头组建，背后有工商银行、建设银行的身影。"
    assert ("中银三星人寿", "guidedBy", "北京市政府") in triples(pipeline, text)


def test_a_shareholder_listed_after_names_no_rule_knows_is_still_a_partner(pipeline):
    got = triples(pipeline, "信美相互获批筹建，发起方包括金岭矿业、华元通信和杭州市城市投资控股有限公司等。")
    assert ("信美相互", "partnersWith", "杭州市城市投资控股有限公司") in got
    # not a clause that only starts with the word (股东大会审议…)
    got = triples(pipeline, "信美相互召开会议，股东大会审议通过了金岭矿业和杭州市城市投资控股有限公司的提案。")
    assert not any(p == "partnersWith" for _, p, _ in got)


def test_the_futures_firm_hedging_an_insurers_price_cover_is_its_partner(pipeline):
    got = triples(pipeline, "这份生猪价格保险的承保方是太保产险河南分公司，永安期货负责对冲价格风险。")
    assert ("太保产险河南分公司", "partnersWith", "永安期货") in got
    got = triples(pipeline, "国元农险为果农承保，南华期货通过场外期权分散风险。")
    assert ("国元农险", "partnersWith", "南华期货") in got


def test_the_banks_of_a_shareholder_line_up_are_partners(pipeline):
    text = "中银三星人寿获批开业。这家公司的股东阵容相当强大，包括工商银行和农业银行。"
    assert ("中银三星人寿", "partnersWith", "中国工商银行") in triples(pipeline, text)


def test_what_many_insurers_launch_is_not_the_last_named_insurers(pipeline):
    text = "泰康人寿去年理赔50亿元。\n\n今年，不少保险公司加快线上化转型，依托“极速赔”等科技平台提升理赔效率。"
    assert ("泰康人寿", "provides", "极速赔") not in triples(pipeline, text)


def test_a_clause_naming_its_product_as_this_insurance_is_about_the_one_named_last(pipeline):
    text = "去年，太保产险推出“骑手安心保”。据介绍，这项保险已覆盖全省外卖骑手。"
    assert ("骑手安心保", "targets", "外卖骑手") in triples(pipeline, text)


def test_the_claims_a_group_is_paid_are_its_insurers_help(pipeline):
    assert ("人保财险苏州分公司", "supports", "养殖户") in triples(
        pipeline, "人保财险苏州分公司表示，将在月底前完成全部养殖户赔款的支付。")
    assert ("国元农险", "supports", "受灾群众") in triples(pipeline, "国元农险表示，受灾群众的理赔款已于当日到账。")


def test_those_who_bought_a_product_are_its_target(pipeline):
    got = triples(pipeline, "暴雨过后，投保“惠渔保”和“蟹安保”的沿海渔民陆续报案。")
    assert {("惠渔保", "targets", "渔民"), ("蟹安保", "targets", "渔民")} <= got
    got = triples(pipeline, "台风过后，购买了“稻香保”的种植户很快拿到赔款。")
    assert ("稻香保", "targets", "种植户") in got
    got = triples(pipeline, "投保“东港区降水量参数养殖水产保险”、“西港区降水量参数养殖水产保险”以及"
                            "“西港区台风风速参数柑橘保险”的农民都拿到了赔款。")  # long names
    assert ("西港区降水量参数养殖水产保险", "targets", "农民") in got


def test_those_who_can_join_a_product_are_its_target(pipeline):
    got = triples(pipeline, "信用良好的网约车车主无需预先缴费即可加入“互助保”。")
    assert ("互助保", "targets", "网约车车主") in got


def test_the_groups_listed_as_points_after_a_word_of_help_are_the_products_target(pipeline):
    got = triples(pipeline, "“安康护理险”主要保障两类人群：一是高龄独居人员，二是重度残疾人员。")
    assert {("安康护理险", "targets", "高龄独居人员"), ("安康护理险", "targets", "重度残疾人员")} <= got


def test_the_members_named_after_the_group_a_product_is_for_are_its_targets_too(pipeline):
    """面向X，包括A、B: the clause after the group names members of it, whom the product is for as well."""
    got = triples(pipeline, "“科创贷险”主要面向研发投入较大的企业，包括隐形冠军企业和高新技术企业。")
    assert {("科创贷险", "targets", "隐形冠军企业"), ("科创贷险", "targets", "高新技术企业")} <= got


def test_a_product_bought_for_a_group_targets_it_not_the_product_before(pipeline):
    got = triples(pipeline, "今年，县里推出“惠农保”，并为贫困户购买“防贫保”。")
    assert ("防贫保", "targets", "贫困户") in got
    assert ("惠农保", "targets", "贫困户") not in got


def test_an_outsiders_comment_names_no_insurer_that_helps_a_group(pipeline):
    text = "平安产险推出“货运保”，保障货物运输。业内人士认为，这类产品能分散物流企业的风险，为货车司机的生计托底。"
    assert not any(p == "supports" and o == "货车司机" for s, p, o in triples(pipeline, text))


def test_taking_part_in_what_a_body_organises_is_its_guidance(pipeline):
    # 参加 is 参与: the insurer acts in a programme the body runs
    got = triples(pipeline, "去年秋天，平安产险四川分公司参加了四川省保险行业协会组织的防灾减灾宣传周活动。")
    assert ("平安产险四川分公司", "guidedBy", "四川省保险行业协会") in got


def test_setting_up_a_tie_with_an_organisation_makes_it_a_partner(pipeline):
    # 与X建立结对帮扶关系 / 建立联系: working ties, with no word of 合作 in the clause
    got = triples(pipeline, "2021年，中国人寿甘肃省分公司与临夏州教育局建立结对帮扶关系，捐建了一批图书室。")
    assert any(s.startswith("中国人寿") and p == "partnersWith" and o == "临夏州教育局" for s, p, o in got)


def test_a_roll_call_of_insurers_launches_nothing_the_sentence_names_elsewhere(pipeline):
    # the insurers listed open for business; the products that "appear on the market" are no one's
    from stage_helpers import document
    text = "2015年，平安产险、太保产险和人保财险先后拿到牌照，市场上随后出现了“宠物医疗险”和“骑行意外险”。"
    assert pipeline.relation_model is not None  # the relation model reads this sentence too
    got = {(f.subject.label, f.predicate, f.object.label) for f in pipeline.extract(document(text)).facts}
    assert not {p for s, p, o in got} & {"provides", "partnersWith"}
    # a list that launches together still does: the rules read it
    got = triples(pipeline, "平安产险、太保产险和人保财险共同推出“宠物医疗险”。")
    assert {s for s, p, o in got if p == "provides"} == {"平安产险", "太保产险", "人保财险"}


def test_the_relation_model_gives_no_insurer_what_another_organisation_does_in_its_own_clause(pipeline):
    # the bureau, heading the second clause, gives the subsidy and the money: not the insurer of the first
    from stage_helpers import document
    for text, wrong in (("人保财险宁波分公司去年开业，今年宁波市农业农村局为生猪养殖户提供了价格补贴。", "养殖户"),
                        ("平安产险上海分公司派员参加了会议，上海市民政局向困难老人发放了慰问金。", "困难老人")):
        got = {(f.subject.label, f.predicate, f.object.label) for f in pipeline.extract(document(text)).facts}
        assert not any(p == "supports" and o == wrong for s, p, o in got), got
    # in the insurer's own clause the rules still state it
    got = triples(pipeline, "今年宁波市农业农村局出台补贴政策，人保财险宁波分公司为生猪养殖户提供价格保险。")
    assert ("人保财险宁波分公司", "supports", "养殖户") in got


def test_a_product_named_after_a_group_the_article_names_targets_it(pipeline):
    got = triples(pipeline, "太保产险推出“环卫工人安心保”。今年全市环卫工人作业时间延长。")
    assert ("环卫工人安心保", "targets", "环卫工人") in got
    got = triples(pipeline, "人保财险上线“小微企业复工贷”，申请手续更简便。截至目前，小微企业融资难题有所缓解。")
    assert ("小微企业复工贷", "targets", "小微企业") in got
    # a word of the name that only starts with the group's name (农民工) is another group
    got = triples(pipeline, "县里为农民送去慰问品。太保产险推出“农民工安心保”。")
    assert ("农民工安心保", "targets", "农民") not in got


def test_a_clause_that_names_its_offer_as_this_kind_of_product_or_this_fund_is_about_the_last_one(pipeline):
    got = triples(pipeline, "太保产险推出“安居保”。业内人士认为，这类产品为新市民减轻了租房风险。")
    assert ("安居保", "targets", "新市民") in got
    got = triples(pipeline, "人保财险设立“春苗基金”。此外，该基金还为困境儿童提供助学金。")
    assert any(s == "春苗基金" and p == "targets" for s, p, o in got)


def test_a_list_goes_on_past_one_item_the_recogniser_did_not_name(pipeline):
    """带货主播 is no group the recogniser knows: the items before it are of the list all the same."""
    got = triples(pipeline, "外卖骑手、快递员、带货主播、网约车驾驶员都可以加入“新业态安心保”。")
    assert {("新业态安心保", "targets", g) for g in ("外卖骑手", "快递员", "网约车驾驶员")} <= got
    got = triples(pipeline, "人保财险、太保产险、某健康平台、平安产险等机构陆续面向外卖骑手推出保险产品。")
    assert {(i, "supports", "外卖骑手") for i in ("人保财险", "太保产险", "平安产险")} <= got


def test_a_programme_that_lets_a_group_fare_better_targets_it(pipeline):
    """办起X，让某群体…: the programme named before 让 in the sentence is for the group; not one a
    body heading the group's clause lets (市政府让农户…) nor one that keeps it from harm (不让…)."""
    got = triples(pipeline, "平安人寿在多地办起“圆梦行动”，让近千名留守儿童的心愿成了真。")
    assert ("圆梦行动", "targets", "留守儿童") in got
    got = triples(pipeline, "平安人寿办起“圆梦行动”，上海市民政局让留守儿童参加夏令营。")
    assert ("圆梦行动", "targets", "留守儿童") not in got


def test_the_insurer_that_answers_a_groups_need_told_first_helps_it(pipeline):
    """某群体…，X为此推出Y / ——看准这些情况，X设计出Y: the need first, then the insurer and its product for it."""
    got = triples(pipeline, "外卖骑手常常买不到合适的保险，太保产险为此推出了“骑手安心保”。")
    assert {("太保产险", "supports", "外卖骑手"), ("骑手安心保", "targets", "外卖骑手")} <= got
    got = triples(pipeline, "养殖户一直靠天吃饭——看准这些情况，人保财险设计出“水产天气指数保险”。")
    assert {("人保财险", "supports", "养殖户"), ("水产天气指数保险", "targets", "养殖户")} <= got


def test_the_paragraph_goes_on_about_the_organisation_that_acts(pipeline):
    # the platform inside 在…上 is where it happened; the insurer heads the clause and is what the
    # next sentence, which names no organisation, goes on about
    got = triples(pipeline, "在饿了么平台的发布会上，太保产险推出一项新计划。此后，还持续为环卫工人提供免费保障。")
    assert ("太保产险", "supports", "环卫工人") in got


def test_the_insurer_a_policyholder_insures_with_offers_the_cover(pipeline):
    """向X投保Y: the insurer offers the cover, though a body that is no insurer heads the clause."""
    text = "公安部作为投保人，向中国人寿保险股份有限公司投保“国寿金盾一号公安民警团体意外伤害保险”。"
    assert ("中国人寿寿险", "provides", "国寿金盾一号公安民警团体意外伤害保险") in triples(pipeline, text)
    assert ("人保财险", "provides", "一元民生保险") in triples(pipeline, "市民政局向人保财险投保了“一元民生保险”。")
    # asked in one clause, bought in another: the insurer asked offers nothing
    got = triples(pipeline, "他先向平安产险咨询，后来购买了众安保险的“尊享e生”。")
    assert not any(s == "平安产险" and p == "provides" for s, p, _ in got)


def test_two_parties_that_signed_with_le_are_partners(pipeline):
    """签了约 is a signing as 签约 is (某镇政府和某分公司签了约); 都签了 says each signed on its own."""
    assert ("平安产险", "partnersWith", "大围山镇政府") in triples(pipeline, "大围山镇政府和平安产险签了约。")
    got = triples(pipeline, "人保财险和平安产险都签了约。")
    assert ("人保财险", "partnersWith", "平安产险") not in got and ("平安产险", "partnersWith", "人保财险") not in got


def test_two_organisations_listed_with_a_comma_that_act_together_are_partners(pipeline):
    assert ("太保产险", "partnersWith", "饿了么") in triples(pipeline, "太保产险、饿了么共同发布骑手保障计划。")


def test_claims_paid_into_a_groups_accounts_help_it(pipeline):
    got = triples(pipeline, "太保产险迅速完成查勘定损。300万元赔款已全部打入环卫工人账户。")
    assert ("太保产险", "supports", "环卫工人") in got


@pytest.mark.parametrize("text, recipient", [
    ("太保产险捐赠500万元给上海市慈善基金会。", "上海市慈善基金会"),
    ("太保产险对湖北省红十字会捐款500万元。", "湖北省红十字会"),
    ("太保产险将一批防疫物资送到上海市慈善基金会。", "上海市慈善基金会"),
    # goods handed over, in a paragraph that names no insurer: the article's insurer gives them
    ("太保产险组织员工采购了一批防疫物资。\n\n当晚，运输车抵达武汉，与湖北省红十字会完成交接。", "湖北省红十字会"),
])
def test_the_forms_of_a_gift_name_its_recipient(pipeline, text, recipient):
    assert ("太保产险", "donatesTo", recipient) in triples(pipeline, text)


def test_firms_counted_but_not_named_are_not_the_articles_insurer(pipeline):
    text = "太保产险推出新计划。9家财产保险公司与饿了么联合成立保障联盟。"
    assert ("太保产险", "partnersWith", "饿了么") not in triples(pipeline, text)
    # nor when the partner is described before its name
    text = "太保产险今年继续扩大业务，9家财产保险公司与作为牵头方的中国再保险公司联合成立了一个共保体。"
    assert not any(p == "partnersWith" for _, p, _ in triples(pipeline, text))
    # a list that names its firms before the count keeps them
    named = triples(pipeline, "太保产险、平安产险等9家保险公司与饿了么联合成立保障联盟。")
    assert ("平安产险", "partnersWith", "饿了么") in named


def test_claims_in_a_paragraph_naming_no_insurer_are_not_the_last_insurers_product(pipeline):
    text = "太保产险推出“骑手安心保”。\n\n本轮暴雨还触发了“沪惠保”在多地的赔付。"
    got = triples(pipeline, text)
    assert ("太保产险", "provides", "骑手安心保") in got
    assert ("太保产险", "provides", "沪惠保") not in got


@pytest.mark.parametrize("text, fact", [
    # a product brought out, in words other than 推出
    ("太保产险拿出了一款“骑手安心保”。", ("太保产险", "provides", "骑手安心保")),
    ("2017年，太保产险再添一款“骑手安心保”。", ("太保产险", "provides", "骑手安心保")),
    # guidance received, and a body's programme joined
    ("太保产险接受上海银保监局的指导，第一时间启动应急预案。", ("太保产险", "guidedBy", "上海银保监局")),
    ("太保产险加入了上海银保监局所实施的专项行动。", ("太保产险", "guidedBy", "上海银保监局")),
    ("太保产险开发该产品，并得到上海银保监局等单位指导。", ("太保产险", "guidedBy", "上海银保监局")),
    # goods handed out to a group
    ("中国人保把防暑降温用品分发给环卫工人。", ("中国人保", "donatesTo", "环卫工人")),
    # …given (送给) to those named with their place and number
    ("平安产险把这批物资送给了全县1200户困难群众。", ("平安产险", "donatesTo", "困难群众")),
    # 替 and 给 as the preposition of help, where older texts wrote 为
    ("人保财险专门替种粮大户设计了一套天气指数保险。", ("人保财险", "supports", "种粮大户")),
    ("台风过后，太保产险给受灾渔民送上了首笔预付赔款。", ("太保产险", "supports", "受灾渔民")),
    # a partnership signed or struck in other words (签下 / 订立 / 联手 / 打通)
    ("太保产险同饿了么签下一份骑手保障协议。", ("太保产险", "partnersWith", "饿了么")),
    ("2019年，太保产险与美团订立了骑手保障协议。", ("太保产险", "partnersWith", "美团")),
    ("今年太保产险再次与饿了么联手，为骑手送上关爱。", ("太保产险", "partnersWith", "饿了么")),
    ("太保产险同饿了么打通了理赔绿色通道。", ("太保产险", "partnersWith", "饿了么")),
    # work done as a body's plan or rule says (按 / 依照 / 遵照)
    ("太保产险按上海银保监局的工作部署，开通了理赔绿色通道。", ("太保产险", "guidedBy", "上海银保监局")),
    ("太保产险依照上海银保监局的要求简化理赔手续。", ("太保产险", "guidedBy", "上海银保监局")),
    ("面对上海银保监局限期整改的要求，太保产险当月下架了两款产品。", ("太保产险", "guidedBy", "上海银保监局")),
    # work an authority commissioned
    ("太保寿险受上海市医疗保障局委托，承办长期护理保险的经办服务。", ("太保寿险", "guidedBy", "上海市医疗保障局")),
    # goods brought to a group with 给 rather than 向
    ("入夏以来，中国人保给环卫工人送去了一批防暑降温物资。", ("中国人保", "donatesTo", "环卫工人")),
    # money or goods put into a group's hands, and a product put on sale
    ("暴雨过后，太保产险把首批赔款送到了受灾菜农手中。", ("太保产险", "supports", "受灾菜农")),
    # …also in a paragraph that names no organisation: the insurer the article was last about
    ("暴雨过后，国寿财险江西省分公司迅速启动大灾应急预案。\n查勘员挨家挨户核定损失，随后把赔款及时交到受灾果农手里。",
     ("国寿财险江西分公司", "supports", "受灾果农")),
    ("太保产险今年开卖“骑手安心保”。", ("太保产险", "provides", "骑手安心保")),
    ("太保产险日前上市的“骑手安心保”卖得不错。", ("太保产险", "provides", "骑手安心保")),
    ("太保产险去年做成了一款“骑手安心保”。", ("太保产险", "provides", "骑手安心保")),
    # an insurer heading the clause offers the product it names, whatever the verb
    ("太保产险今年在全市铺开“骑手安心保”。", ("太保产险", "provides", "骑手安心保")),
    ("去年夏天，太保产险让“沪惠保”走进了社区。", ("太保产险", "provides", "沪惠保")),
    # a product named before its insurer in one clause is its offer
    ("“骑手安心保”今年起由太保产险独家签出。", ("太保产险", "provides", "骑手安心保")),
    ("“沪惠保”第三年仍是太保产险的拳头产品。", ("太保产险", "provides", "沪惠保")),
    # an insurer heading the clause works with the firm it names, whatever the verb
    ("太保产险今年替比亚迪的车队做风控。", ("太保产险", "partnersWith", "比亚迪")),
    ("人保财险把“惠农保”接进了美团的小程序。", ("人保财险", "partnersWith", "美团")),
    # founders, backers and stake buyers are partners
    ("众安保险成立于2013年，发起方为阿里巴巴、腾讯和中国平安。", ("众安保险", "partnersWith", "腾讯")),
    ("众安保险去年引入新股东，出资方是比亚迪。", ("众安保险", "partnersWith", "比亚迪")),
    ("年内比亚迪三次举牌众安保险。", ("比亚迪", "partnersWith", "众安保险")),
])
def test_relations_stated_in_other_words(pipeline, text, fact):
    assert fact in triples(pipeline, text)


@pytest.mark.parametrize("text, subjects", [
    ("洪水过后，宜春市政府就在第一时间通知了人保财险宜春市分公司。", {"人保财险宜春分公司"}),
    ("江西银保监局组织人保财险、平安产险等机构开展理赔培训。", {"人保财险", "平安产险"}),
])
def test_the_firm_an_authority_calls_or_commissions_acts_under_it(pipeline, text, subjects):
    """The firm named as the object of an authority's verb of calling (通知, 要求, 组织…) acts on it,
    also after an adverb with 在 (在第一时间); a firm in a later clause does not."""
    assert {s for s, p, o in triples(pipeline, text) if p == "guidedBy"} == subjects
    text = "江西银保监局要求加强汛期值守，人保财险表示已做好准备。"
    assert not any(p == "guidedBy" for _, p, _ in triples(pipeline, text))


@pytest.mark.parametrize("text, firms", [
    ("市医保局委托太保寿险承办长期护理保险的经办服务。", {"太保寿险"}),
    ("为稳定果农收入，宁海县政府委托人保财险、国寿财险两家公司承保。", {"人保财险", "国寿财险"}),
])
def test_the_firm_an_authority_commissions_to_run_its_scheme_is_its_partner(pipeline, text, firms):
    """委托: the firm an authority contracts to underwrite or run its scheme works with it, a partner, not
    a firm acting on its call."""
    got = triples(pipeline, text)
    assert {s for s, p, o in got if p == "partnersWith" and o.endswith(("医保局", "医疗保障局", "政府"))} == firms
    assert not any(p == "guidedBy" for _, p, _ in got)


@pytest.mark.parametrize("text, bodies", [
    ("这次义诊由宁波市卫健委指导、宁波市慈善总会主办、太保寿险宁波分公司承办。", {"宁波市卫健委"}),
    ("在江门银保监分局指导下，江门市保险行业协会出面协调，由人保财险江门市分公司拿出方案。",
     {"江门银保监分局"}),
])
def test_an_insurer_taking_on_work_a_body_heads_under_an_authority_acts_under_it(pipeline, text, bodies):
    """The body or partner heading the work under an authority states nothing; the insurer that takes the
    work on later in the sentence is under that authority."""
    assert {o for s, p, o in triples(pipeline, text) if p == "guidedBy"} == bodies


def test_an_insurer_the_sentence_goes_on_to_after_a_partners_guided_work_is_not_guided(pipeline):
    text = "在杭州市民政局指导下，杭州市慈善总会启动助老项目，太保寿险浙江分公司的员工也走进了社区。"
    assert not any(p == "guidedBy" for _, p, _ in triples(pipeline, text))


def test_the_industrys_own_funds_are_partners_that_take_stakes(pipeline):
    """保险保障基金 and 中保投资 take stakes and invest: firms an insurer works with, not associations."""
    got = triples(pipeline, "安诚财险去年引入保险保障基金作为战略投资者。")
    assert ("安诚保险", "partnersWith", "中国保险保障基金有限责任公司") in got
    from stage_helpers import found
    assert ("中保投资", "Partner") in found(pipeline, "中保投资联合太保寿险设立一只养老产业基金。")


def test_support_received_is_no_guidance(pipeline):
    # settled in tests/gold/README.md: 在…支持下 / 得到…支持 alone is neither guidance nor partnership
    for text in ("该项目得到上海银保监局的支持，由太保产险承保。", "在上海银保监局的支持下，太保产险推出“骑手安心保”。"):
        assert not any(p == "guidedBy" for _, p, _ in triples(pipeline, text)), text


def test_a_product_the_clause_serves_is_not_offered(pipeline):
    # a reinsurer backing another's product does not offer it
    got = triples(pipeline, "中再产险为“沪惠保”提供再保险支持。")
    assert ("中再产险", "provides", "沪惠保") not in got


def test_an_insurer_in_a_later_clause_does_not_offer_the_product(pipeline):
    got = triples(pipeline, "“骑手安心保”上线后，太保产险表示满意。")
    assert ("太保产险", "provides", "骑手安心保") not in got


@pytest.mark.parametrize("text, pair", [
    # the hospital the insurer owns heads the clause: it is the one that works with the other
    ("众安保险旗下众安互联网医院与上海市第一人民医院合作开通互联网门诊。", ("众安保险", "上海市第一人民医院")),
    # a tool the clause names is no partner
    ("太平洋安信农险以微信视频、腾讯会议等手段辅导农户投保。", ("太平洋安信农险", "腾讯")),
    # money handed to a client, a place the insurer acts at, a terse headline
    ("理赔款由人保财险送到比亚迪。", ("人保财险", "比亚迪")),
    ("太保产险选在美团总部宣布启动新项目。", ("太保产险", "美团")),
    ("太保产险举牌比亚迪 持股升至5%", ("太保产险", "比亚迪")),
])
def test_no_partner_where_the_clause_says_otherwise(pipeline, text, pair):
    assert (pair[0], "partnersWith", pair[1]) not in triples(pipeline, text)


def test_an_insurer_buying_stakes_elsewhere_is_no_shareholder_of_the_topic(pipeline):
    text = "泰康人寿今年第三次举牌。年内险资举牌涉及多家险企，其中大家人寿举牌最为活跃。"
    assert ("泰康人寿", "partnersWith", "大家人寿") not in triples(pipeline, text)


def test_the_group_an_insurer_underwrites_is_supported(pipeline):
    # 承保 as a verb of help: the insurer covers the group it underwrites
    got = triples(pipeline, "今年以来，太保产险累计承保生猪养殖户三千余户。")
    assert ("太保产险", "supports", "养殖户") in got


def test_an_insurer_offering_a_product_for_a_group_supports_the_group(pipeline):
    # tests/gold/README.md: supports is annotated as well when the help comes as a product (targets)
    # in the same clause
    got = triples(pipeline, "太保产险推出的“骑手安心保”覆盖外卖骑手。")
    assert ("骑手安心保", "targets", "外卖骑手") in got
    assert ("太保产险", "supports", "外卖骑手") in got
    # not from a clause that names the product only as 该产品, with the group in another clause
    got = triples(pipeline, "太保产险推出“骑手安心保”。该产品由太保产险上海分公司推广，首批将覆盖外卖骑手。")
    assert ("太保产险上海分公司", "supports", "外卖骑手") not in got


def test_a_product_named_after_its_insurer_is_that_insurers(pipeline):
    # news names the insurer once and its products after it, in clauses that name no organisation
    text = "中原农险今年继续深耕河南农险市场。“小麦完全成本保险”又覆盖了更多乡镇，农户反响很好。"
    assert ("中原农险", "provides", "小麦完全成本保险") in triples(pipeline, text)


def test_an_offer_named_after_an_insurers_short_name_is_that_insurers(pipeline):
    # the registry's short name (泰康) opens the programme's name where the article writes the group in full
    text = "泰康保险集团今年继续布局养老产业。记者来到泰康之家·燕园，这里的居民已过千人。"
    assert ("泰康保险集团", "provides", "泰康之家·燕园") in triples(pipeline, text)


def test_an_offer_named_after_one_insurer_is_no_other_firms(pipeline):
    # the clause's 中国人寿 is no owner of 泰康's programme; the name says whose it is
    text = "两家险资养老社区开门：中国人寿落子武汉 泰康之家·申园迎客上海。泰康保险集团称，申园的入住率已过九成。"
    got = triples(pipeline, text)
    assert ("中国人寿", "provides", "泰康之家·申园") not in got
    assert ("泰康保险集团", "provides", "泰康之家·申园") in got


def test_the_article_insurer_does_not_take_a_product_another_one_offers(pipeline):
    # the fallback stands only for a product whose insurer the article states nowhere
    text = "太保产险推出“水稻完全成本保险”。平安产险今年也加大了农险投入。“水稻完全成本保险”已在全市铺开。"
    got = triples(pipeline, text)
    assert ("太保产险", "provides", "水稻完全成本保险") in got
    assert ("平安产险", "provides", "水稻完全成本保险") not in got


def test_a_product_written_as_a_bodys_is_not_the_article_insurers(pipeline):
    text = "人保财险上海分公司今年继续深耕农险。为落实市农委“绿叶菜价格保险”的方案，各区加紧推进。"
    assert not any(p == "provides" for _, p, _ in triples(pipeline, text))


def test_a_group_named_after_a_product_is_its_target(pipeline):
    # a fallback whatever the words between them: the group comes after the product in its sentence
    text = "“水稻完全成本保险”今年扩大了试点，种粮大户的顾虑少了很多。"
    assert ("水稻完全成本保险", "targets", "种粮大户") in triples(pipeline, text)
    # not a group named before it, which the sentence turns from
    text = "太保产险关注种粮大户的风险难点，近日推出“水稻完全成本保险”。"
    assert ("水稻完全成本保险", "targets", "种粮大户") not in triples(pipeline, text)


def test_a_product_after_an_insurer_in_its_sentence_is_that_insurers(pipeline):
    # a fallback whatever the words between them
    text = "太保产险今年业务增长较快，“水稻完全成本保险”又覆盖了更多乡镇。"
    assert ("太保产险", "provides", "水稻完全成本保险") in triples(pipeline, text)
    # not one the article writes as a body's
    text = "为落实市农委“水稻完全成本保险”的方案，太保产险成立了工作小组，“水稻完全成本保险”又覆盖了更多乡镇。"
    assert ("太保产险", "provides", "水稻完全成本保险") not in triples(pipeline, text)


@pytest.mark.parametrize("text, fact", [
    ("平安产险、太保产险和人保财险先后获批开业；“水稻完全成本保险”等新产品也随之面世。",
     ("太保产险", "provides", "水稻完全成本保险")),
    ("冲在前面的是一批新险种——“水稻完全成本保险”、“蔬菜气象指数保险”，种植户很快拿到了赔款。",
     ("水稻完全成本保险", "targets", "种植户")),
])
def test_a_fallback_gives_no_member_of_a_list_the_object(pipeline, text, fact):
    # whatever the words between them, which of several listed the object is of goes unsaid
    assert fact not in triples(pipeline, text)
    # one alone it does give the object
    assert ("水稻完全成本保险", "targets", "种植户") in triples(pipeline, "冲在前面的是“水稻完全成本保险”，种植户很快拿到了赔款。")


def test_a_catalogue_of_products_naming_no_organisation_is_not_the_paragraphs_insurers(pipeline):
    # a list of covers in a sentence naming no firm is a place's or the market's range
    text = ("太保产险今年保费增长较快。\n\n冲在前面的是本地一批新险种——“水稻完全成本保险”、“蔬菜气象指数保险”，"
            "种植户很快拿到了赔款。")
    got = triples(pipeline, text)
    assert not {o for s, p, o in got if p == "provides"}
    # one cover alone is still the insurer's
    text = "太保产险今年保费增长较快。\n\n冲在前面的是“水稻完全成本保险”，种植户很快拿到了赔款。"
    assert ("太保产险", "provides", "水稻完全成本保险") in triples(pipeline, text)


def test_a_cover_without_a_name_takes_a_group_from_the_product_named_last(pipeline):
    # the sentence speaks of other cover, written with no name of its own: not of the product named last
    text = "太保产险推出“骑手无忧保”。\n\n没有劳动合同的快递员虽能参加基本医疗保险，却进不了工伤保险。"
    assert ("骑手无忧保", "targets", "快递员") not in triples(pipeline, text)
    # cover the sentence speaks of with no other named is the product's
    text = "太保产险推出“骑手无忧保”。\n\n没有劳动合同的快递员也能投保，得到意外保障。"
    assert ("骑手无忧保", "targets", "快递员") in triples(pipeline, text)
    # and so is one written by the product's own kind
    text = "太保产险推出“骑手意外伤害险”。\n\n有了意外伤害保险，快递员得到了保障。"
    assert ("骑手意外伤害险", "targets", "快递员") in triples(pipeline, text)


def test_what_the_industry_does_is_not_the_paragraphs_insurers(pipeline):
    # the industry as the doer speaks of the market, not of the insurer the text was about
    text = "太保产险今年保费增长较快。灾后当地保险业为受灾企业提供了第一笔赔款。"
    assert ("太保产险", "supports", "受灾企业") not in triples(pipeline, text)
    # a clause naming no one is still the insurer's
    text = "太保产险今年保费增长较快。灾后公司为受灾企业提供了第一笔赔款。"
    assert ("太保产险", "supports", "受灾企业") in triples(pipeline, text)


def test_a_product_a_region_launches_is_not_the_paragraphs_insurers(pipeline):
    # 宁波推出X: the local government's scheme, not the insurer the paragraph is about
    text = "人保财险宁波分公司今年保费增长较快。宁波在2月19日推出“小微企业复工防疫保险”，专门扶持小微企业。"
    assert ("人保财险宁波分公司", "provides", "小微企业复工防疫保险") not in triples(pipeline, text)
    # so is one a county heads, which the region list lacks (桐庐县在…推出X)
    text = "人保财险今年保费增长较快。桐庐县在2月19日推出“小微企业复工防疫保险”，专门扶持小微企业。"
    assert ("人保财险", "provides", "小微企业复工防疫保险") not in triples(pipeline, text)
    # a clause that names no one is still the insurer's
    text = "人保财险宁波分公司今年保费增长较快。2月19日，“小微企业复工防疫保险”正式推出，专门扶持小微企业。"
    assert ("人保财险宁波分公司", "provides", "小微企业复工防疫保险") in triples(pipeline, text)


@pytest.mark.parametrize("text", [
    "太保产险推出“水稻完全成本保险”。在业内人士看来，种粮大户今后能获得更全面的保障。",
    "“水稻完全成本保险”今年扩大了试点，据专家介绍，种粮大户的顾虑少了很多。",
])
def test_a_group_in_an_outsiders_comment_is_no_products_target(pipeline, text):
    # the comment speaks of the market, not of the product named before it
    assert ("水稻完全成本保险", "targets", "种粮大户") not in triples(pipeline, text)


def test_a_fallback_gives_no_product_to_the_paragraphs_insurer_in_a_sentence_about_another(pipeline):
    # the sentence names the insurer it is about before the product: that one offers it, not the topic
    got = triples(pipeline, "中国平安今年继续深耕健康险。上海的志愿者则收到太保寿险的心意：注册后就能获赠“守护志愿者”保险。")
    assert ("太保寿险", "provides", "守护志愿者") in got
    assert ("中国平安", "provides", "守护志愿者") not in got


def test_a_product_after_a_platform_is_not_the_earlier_insurers(pipeline):
    # the text went on to a platform, which the product that follows is of
    text = "太保产险今年保费增长较快。\n\n饿了么随后上线了保险频道。\n\n打头阵的产品叫“骑手无忧保”，保费低至1元。"
    assert ("太保产险", "provides", "骑手无忧保") not in triples(pipeline, text)
    # nor, after a verb of launching, one the platform would launch as well
    text = "太保产险今年保费增长较快。\n\n饿了么随后上线了保险频道。\n\n同月还推出了“骑手无忧保”，保费低至1元。"
    assert ("太保产险", "provides", "骑手无忧保") not in triples(pipeline, text)
    # with no other firm in between, the insurer the article was about offers it
    text = "太保产险今年保费增长较快。\n\n打头阵的产品叫“骑手无忧保”，保费低至1元。"
    assert ("太保产险", "provides", "骑手无忧保") in triples(pipeline, text)


def test_a_name_the_text_gives_a_kind_of_cover_is_no_insurers_product(pipeline):
    # another name for a line of business (有个别称叫X) is a term, not the paragraph's insurer's product
    text = "平安产险今年继续深耕车险。低空经济保险在业内有个别称叫“空中车险”，眼下还刚刚起步。"
    assert ("平安产险", "provides", "空中车险") not in triples(pipeline, text)


def test_a_group_a_sentence_covers_is_the_target_of_the_product_named_last(pipeline):
    # the sentence names neither the product nor any organisation before the group
    text = "太保产险推出“水稻完全成本保险”。保障对象为全县种粮大户。"
    assert ("水稻完全成本保险", "targets", "种粮大户") in triples(pipeline, text)
    # staff's help speaks of no cover: no product's target
    text = "太保产险推出“水稻完全成本保险”。员工还为社区居民上门送菜。"
    assert not any(p == "targets" for _, p, _ in triples(pipeline, text))


def test_a_label_of_those_covered_names_the_last_products_targets(pipeline):
    """一是对象：…, a table's | 保障人群 | … |: the groups after the label are the product's."""
    text = "人保财险推出“福牛保”保险。一是对象：做肉牛养殖的农户和小微企业。"
    assert ("福牛保", "targets", "小微企业") in triples(pipeline, text)


def test_a_tables_row_of_those_covered_names_the_last_products_targets(pipeline):
    # the learned recogniser finds the group in the cell: the whole pipeline reads it
    text = ("自治区应急厅和中国人保广西分公司签下协议，在两市试点灾害民生综合保险。\n\n| 项目 | 内容 |\n| --- | --- |\n"
            "| 保障人群 | 百色、河池两市的常住人口，以及临时到试点地区务工的流动人员 |\n")
    _, extraction = pipeline.read(document(text))
    assert ("灾害民生综合保险", "targets", "常住人口") in {
        (f.subject.label, f.predicate, f.object.label) for f in extraction.facts}


def test_a_group_given_cover_in_a_sentence_of_its_own_is_the_last_products(pipeline):
    text = "太保产险推出“水稻完全成本保险”。今年起，全县种粮大户都能获得保险保障。"
    assert ("水稻完全成本保险", "targets", "种粮大户") in triples(pipeline, text)


@pytest.mark.parametrize("text", [
    "太保产险推出“水稻完全成本保险”。参保种粮大户只需自己承担三成保费。",
    "太保产险推出“水稻完全成本保险”。去年投保的种粮大户还只有十几户。",
    "太保产险推出“水稻完全成本保险”。全镇的种粮大户差不多都投了保，涉及面积2万亩。",
])
def test_a_group_written_as_the_insured_is_the_target_of_the_product_named_last(pipeline, text):
    assert ("水稻完全成本保险", "targets", "种粮大户") in triples(pipeline, text)


def test_a_tally_of_the_insured_is_no_products_target(pipeline):
    text = "太保产险推出“水稻完全成本保险”。全省投保农户合计120万户次，赔款3亿元。"
    assert not any(p == "targets" for _, p, _ in triples(pipeline, text))


@pytest.mark.parametrize("text", [
    "太保产险推出“骑手安心保”。外卖骑手、快递员都在其中，保费由平台承担。",
    "太保产险推出“骑手安心保”。新业态里的劳动者，外卖骑手、快递员均包括在内。",
])
def test_people_said_to_be_included_are_the_target_of_the_product(pipeline, text):
    got = triples(pipeline, text)
    assert {("骑手安心保", "targets", "外卖骑手"), ("骑手安心保", "targets", "快递员")} <= got


def test_a_sentence_that_names_another_product_gives_the_last_one_no_group(pipeline):
    # the product the sentence names itself, before the group or after it, is what it speaks of
    text = "太保产险推出“水稻完全成本保险”。另一款“蔬菜气象指数保险”也已落地，全市种植户都能获得赔付保障。"
    got = triples(pipeline, text)
    assert ("蔬菜气象指数保险", "targets", "种植户") in got
    assert ("水稻完全成本保险", "targets", "种植户") not in got
    text = "太保产险推出“水稻完全成本保险”。不少外卖骑手缺少保障，公司为此又推出了“骑手安心保”。"
    assert ("水稻完全成本保险", "targets", "外卖骑手") not in triples(pipeline, text)


@pytest.mark.parametrize("text, fact", [
    ("宁波推出“生猪价格指数保险”。这份保险的承保、理赔由人保财险宁波市分公司负责。",
     ("人保财险宁波分公司", "provides", "生猪价格指数保险")),
    ("“水稻完全成本保险”今年在全市推开。东营市的承保方是中国平安财产保险股份有限公司。",
     ("平安产险", "provides", "水稻完全成本保险")),
    # described on the way (承保方是通过招标胜出的X), or as the underwriting one heading its clause (承保的X)
    ("今年全区推行“水质指数责任保险”。承保方是通过公开招标胜出的人保财险三明市分公司。",
     ("人保财险三明分公司", "provides", "水质指数责任保险")),
    ("今年全区推行“水质指数责任保险”。承保的人保财险三明市分公司负责人介绍，这份保单很受欢迎。",
     ("人保财险三明分公司", "provides", "水质指数责任保险")),
])
def test_an_insurer_named_as_the_underwriter_offers_the_product_named_last(pipeline, text, fact):
    assert fact in triples(pipeline, text)


@pytest.mark.parametrize("text, pair, stated", [
    # two named side by side that act together, whatever the adverb of togetherness
    ("去年，太保产险和饿了么一道搭建了骑手报案机制。", ("太保产险", "饿了么"), True),
    ("平安产险和美团一起上线了一项骑手服务。", ("平安产险", "美团"), True),
    # each on its own is no partnership
    ("人保财险和太保产险都签署了绿色金融倡议。", ("人保财险", "太保产险"), False),
    ("人保财险、太保产险均已签署绿色金融倡议。", ("人保财险", "太保产险"), False),
])
def test_two_organisations_acting_together_are_partners(pipeline, text, pair, stated):
    got = triples(pipeline, text)
    assert ((pair[0], "partnersWith", pair[1]) in got or (pair[1], "partnersWith", pair[0]) in got) == stated


@pytest.mark.parametrize("text, pair", [
    # 联动 with a body is working with it (settled case 1), whichever is named first
    ("人保财险宁波分公司与宁波市应急管理局联动，三小时内完成查勘。", ("人保财险宁波分公司", "宁波市应急管理局")),
    ("宁波市应急管理局与太保产险宁波分公司联动，当天完成查勘。", ("宁波市应急管理局", "太保产险宁波分公司")),
])
def test_acting_in_concert_with_a_body_is_partnership(pipeline, text, pair):
    assert (pair[0], "partnersWith", pair[1]) in triples(pipeline, text)


@pytest.mark.parametrize("text, pair, stated", [
    # 会同 is working together (settled case 1), whichever is named first
    ("太保产险宁波分公司会同宁波市农业农村局逐户核定损失。", ("太保产险宁波分公司", "宁波市农业农村局"), True),
    ("宁波市应急管理局会同人保财险宁波分公司逐户核定损失。", ("宁波市应急管理局", "人保财险宁波分公司"), True),
    # a body that no rule knows is not the insurer of the sentence before
    ("太保产险宁波分公司推出新产品。该中心会同宁波市农业农村局推出两类安排。",
     ("太保产险宁波分公司", "宁波市农业农村局"), False),
])
def test_working_in_concert_with_hui_tong(pipeline, text, pair, stated):
    assert ((pair[0], "partnersWith", pair[1]) in triples(pipeline, text)) == stated


def test_a_partner_of_an_unnamed_doer_is_not_the_earlier_insurers(pipeline):
    # the sentence's doer is a person: the insurer of the paragraph before does not stand in for him
    text = "人保财险宁波分公司推出了新的理赔服务。\n\n当天，张先生和美团一起办了一场活动。"
    assert ("人保财险宁波分公司", "partnersWith", "美团") not in triples(pipeline, text)


def test_a_sentence_naming_no_doer_goes_on_with_the_earlier_insurer(pipeline):
    text = "太保产险宁波分公司上线了新的投保系统。\n\n通过与美团的快速对接，农户可在线投保。"
    assert ("太保产险宁波分公司", "partnersWith", "美团") in triples(pipeline, text)


def test_a_sentence_a_public_body_heads_is_the_bodys_not_the_earlier_insurers(pipeline):
    # the weather bureau leads and works with the others: the insurer of the sentence before is none of them
    text = "人保财险福清支公司推出枇杷低温气象指数保险。\n福清市气象局牵头，与福清市农业农村局联合开展冻害调查。"
    assert not any(p == "partnersWith" for _, p, _ in triples(pipeline, text))


def test_the_insurers_after_an_authoritys_guidance_in_its_paragraph_act_under_it(pipeline):
    # the guidance first, with no insurer in its sentence; what each insurer did after, in the paragraph
    got = triples(pipeline, "在上海银保监局的指导下，本市保险业迅速行动。太保产险开通理赔绿色通道，人保财险延长保单宽限期。")
    assert {s for s, p, o in got if p == "guidedBy" and o == "上海银保监局"} == {"太保产险", "人保财险"}
    # and in the points that continue the paragraph
    text = "按照上海银保监局的部署，辖内保险公司纷纷行动：\n\n一是太保产险开通理赔绿色通道。\n\n二是人保财险为外卖骑手提供保障。"
    got = triples(pipeline, text)
    assert {s for s, p, o in got if p == "guidedBy" and o == "上海银保监局"} == {"太保产险", "人保财险"}
    # not an insurer of the next paragraph
    text = "在上海银保监局的指导下，本市保险业迅速行动。\n\n太保产险开通理赔绿色通道。"
    assert not any(p == "guidedBy" for s, p, o in triples(pipeline, text))


def test_giving_through_a_programme_in_a_later_paragraph_is_the_insurers(pipeline):
    # a paragraph naming no organisation gives through a programme: the article's insurer runs it
    text = "泰康人寿湖北分公司召开年度发布会。\n\n五年来，通过“春苗助学”项目累计投入逾300万元。"
    assert ("泰康人寿湖北分公司", "provides", "春苗助学") in triples(pipeline, text)


def test_firms_taking_new_shares_are_the_insurers_shareholders_whatever_the_verb(pipeline):
    # shares written first and their buyer after 由, and a second buyer with a verb of its own
    text = "华夏人寿完成增资。此次新增的3亿股中，2亿股由华润集团认购，小米集团则认购了余下的1亿股。"
    got = triples(pipeline, text)
    assert {("华夏人寿", "partnersWith", "华润集团"), ("华夏人寿", "partnersWith", "小米集团")} <= got
    # the money first, the shares it bought in the next clause
    assert ("华夏人寿", "partnersWith", "联想集团") in triples(pipeline, "华夏人寿完成增资。联想集团出资4亿元，拿到2亿股。")
    # a stake held
    text = "华夏人寿完成增资。苏宁控股集团持有15%的股份，是第一大股东。"
    assert ("华夏人寿", "partnersWith", "苏宁控股集团") in triples(pipeline, text)


def test_a_list_of_shareholders_announced_before_it_reaches_past_names_no_rule_knows(pipeline):
    text = "华夏人寿获批增资，新增资本来自三家地方国企：金岭矿业、杭州市城市投资控股有限公司和联想集团。"
    got = triples(pipeline, text)
    assert {o for s, p, o in got if s == "华夏人寿" and p == "partnersWith"} >= {"杭州市城市投资控股有限公司", "联想集团"}


def test_a_list_of_shareholders_announced_in_a_clause_before_it_belongs_to_the_insurer(pipeline):
    # the clause that names the shareholders comes before the list, past a comma or a colon
    text = "华夏人寿获批开业。它的出资方共有五家企业，名单里有华润集团、联想集团和小米集团。"
    got = triples(pipeline, text)
    assert {o for s, p, o in got if s == "华夏人寿" and p == "partnersWith"} == {"华润集团", "联想集团", "小米集团"}
    # a regulator that approved and reported it does not make the sentence its own
    text = "华夏人寿获批开业。银保监会批复显示，新增资本来自三家机构：华润集团、联想集团和小米集团。"
    got = triples(pipeline, text)
    assert {o for s, p, o in got if s == "华夏人寿" and p == "partnersWith"} == {"华润集团", "联想集团", "小米集团"}


def test_a_list_of_the_insurers_related_parties_are_its_partners(pipeline):
    text = "百年人寿发布关联交易公告。公告列出的其他关联企业包括江西恒茂房地产开发有限公司、大连一方集团有限公司和科瑞集团有限公司。"
    got = triples(pipeline, text)
    assert {o for s, p, o in got if s == "百年人寿" and p == "partnersWith"} == {
        "江西恒茂房地产开发有限公司", "大连一方集团有限公司", "科瑞集团有限公司"}


def test_a_list_of_shareholders_a_colon_announces_runs_on_past_a_comma(pipeline):
    # the colon announces them all, in the clauses up to the sentence's end
    text = ("华夏人寿获批开业。它的股东阵容颇为亮眼：国有大行里的建设银行和交通银行赫然在列，城商行里还能找到"
            "北京银行、宁波银行。")
    got = triples(pipeline, text)
    assert {o for s, p, o in got if s == "华夏人寿" and p == "partnersWith"} >= {"北京银行", "宁波银行"}


def test_a_body_signing_with_insurers_is_read_in_spoken_words_and_past_a_counted_list(pipeline):
    # 跟 joins the two as 与 does, and 签了 signs as 签下 does
    # (魏县县政府 is known as 魏县政府: see test_link)
    assert ("魏县政府", "partnersWith", "平安产险") in triples(pipeline, "去年8月，魏县县政府跟平安产险签了一份协议。")
    assert not any(p == "partnersWith" for s, p, o in triples(pipeline, "太保产险跟进了理赔。"))
    # a list of insurers, its count and a bank, before the verb of signing
    text = "会上，宁波市民政局分别与人保财险、太保产险、平安产险三家保险公司以及中国建设银行签下战略合作协议。"
    got = triples(pipeline, text)
    assert {o for s, p, o in got if s == "宁波市民政局" and p == "partnersWith"} >= {"人保财险", "太保产险", "平安产险"}
    # the count of the list it ends names no firm again: the bank signs beside the insurers, not with them
    assert not {(s, o) for s, p, o in got if p == "partnersWith" and "中国建设银行" in (s, o) and s != "宁波市民政局"}


def test_the_firms_that_work_with_a_named_insurer_are_its_partners_not_the_clauses_subjects(pipeline):
    got = triples(pipeline, "中国银保监会查处了与华夏人寿合作的两家银行——中国建设银行、招商银行。")
    assert {("华夏人寿", "partnersWith", "中国建设银行"), ("华夏人寿", "partnersWith", "招商银行")} <= got
    # the regulator that inspects them works with neither
    assert not any(p == "partnersWith" and "中国银保监会" in (s, o) for s, p, o in got)
    assert ("华夏人寿", "partnersWith", "招商银行") in triples(pipeline, "同一份通报里，和华夏人寿合作卖保险的招商银行也被点名。")


def test_a_product_named_once_is_read_again_where_its_name_comes_back_unquoted(pipeline):
    # the name is quoted only the first time; the sentence that says whose it is writes it bare
    text = "今年春天，“海岛渔船安心保”在舟山三个渔港试点。\n\n入夏后，人保财险舟山分公司负责海岛渔船安心保的理赔。"
    assert ("人保财险舟山分公司", "provides", "海岛渔船安心保") in triples(pipeline, text)


def test_a_short_quoted_product_name_is_read_again_where_it_comes_back_bare(pipeline):
    # three characters are enough for a name the article once put in quotes
    text = "“渔安保”今年在宁德试点。\n\n入夏后，人保财险宁德分公司负责渔安保的理赔。"
    assert ("人保财险宁德分公司", "provides", "渔安保") in triples(pipeline, text)


def test_those_an_appeal_is_addressed_to_are_not_what_the_product_is_for(pipeline):
    # 向X发出倡议: X is asked to buy the cover for others, not covered by it
    got = triples(pipeline, "县总工会向全县干部职工发出倡议，为结对的困难户买一份“暖冬保”。")
    assert ("暖冬保", "targets", "困难户") in got
    assert ("暖冬保", "targets", "干部职工") not in got


def test_a_product_in_a_table_row_is_not_given_to_the_articles_insurer(pipeline):
    # a row of figures by line of business names no one who offers the cover: the table may be the market's
    text = ("太保产险宁波分公司连夜派出查勘人员。\n\n全市保险业各险种的赔付进度如下：\n\n"
            "“渔船综合保险” | 近300万元\n\n“城市道路综合保险” | 约90万元")
    assert not any(p == "provides" for s, p, o in triples(pipeline, text))
    # the same product in a sentence of its own paragraph is still the insurer's
    text = "太保产险宁波分公司连夜派出查勘人员。\n\n“渔船综合保险”已付赔款近300万元。"
    assert ("太保产险宁波分公司", "provides", "渔船综合保险") in triples(pipeline, text)


def test_cover_made_for_a_group_with_ti_is_for_that_group(pipeline):
    # 替 reads as 为: the products listed after the verb are for the group
    text = "人保财险某县支公司专门替贫困户开发了两款险种，包括“蜂箱综合保险”和“蜂蜜价格保险”。"
    got = triples(pipeline, text)
    assert ("蜂箱综合保险", "targets", "贫困户") in got
    assert ("蜂蜜价格保险", "targets", "贫困户") in got


@pytest.mark.parametrize("text, stated", [
    # what the insurer does lets the group fare better, whatever the verb after the group
    ("太保产险连夜开通理赔专线，让外卖骑手安心跑单。", True),
    ("人保财险把查勘员派到田头，目的是使受灾农户对收成心里有底。", True),
    # nor an insurer named only after it
    ("让外卖骑手安心跑单的，还有太保产险的一份保单。", False),
])
def test_an_insurer_that_lets_a_group_fare_better_supports_it(pipeline, text, stated):
    got = triples(pipeline, text)
    assert any(p == "supports" and o in ("外卖骑手", "受灾农户") for s, p, o in got) == stated


def test_claims_paid_to_a_group_are_the_insurers_help(pipeline):
    # in the insurer's own sentence, and in a later paragraph that names no organisation
    got = triples(pipeline, "阳光农险把首批赔款打进养殖户的账户。")
    assert ("阳光农险", "supports", "养殖户") in got
    got = triples(pipeline, "阳光农险连夜派人查勘定损。\n\n到月底，合计300万元已经赔给养殖户。")
    assert ("阳光农险", "supports", "养殖户") in got


@pytest.mark.parametrize("text, stated", [
    # 帮 with the insurer's own work after the group: claims, survey, loss
    ("国寿财险派出查勘员进村，帮养殖户尽快完成定损。", True),
    # staff who lend a hand as volunteers help as people, not as their employer
    ("国寿财险的员工下班后帮养殖户搬运饲料。", False),
])
def test_helping_a_group_with_its_claims_is_the_insurers_support(pipeline, text, stated):
    assert (("国寿财险", "supports", "养殖户") in triples(pipeline, text)) == stated


@pytest.mark.parametrize("text, insurer, group", [
    # the group first, the insurer named after it as the one that covers it
    ("全区环卫工人由太保产险提供这份意外保障。", "太保产险", "环卫工人"),
    # though a public body heads the sentence (it pays; the insurer underwrites)
    ("杭州市民政局为全市老年人统一购买了意外保险，承保方是人保财险。", "人保财险", "老年人"),
])
def test_the_insurer_named_after_a_group_as_its_underwriter_supports_it(pipeline, text, insurer, group):
    assert (insurer, "supports", group) in triples(pipeline, text)


@pytest.mark.parametrize("text", [
    # 依 as 依照
    "太保产险宁波分公司依宁波银保监分局的要求开通了理赔绿色通道。",
    # a notice (公告) the insurer follows
    "按照宁波银保监分局发布的公告，太保产险宁波分公司延长了保单宽限期。",
    # the authority heading the sentence speaks of the guidance; the insurer after it acts under it
    "宁波银保监分局介绍说：在宁波银保监分局指导下，太保产险宁波分公司开通了理赔绿色通道。",
])
def test_guidance_an_insurer_acts_on(pipeline, text):
    assert ("太保产险宁波分公司", "guidedBy", "宁波银保监分局") in triples(pipeline, text)


def test_the_firms_in_a_tables_shareholder_column_are_partners_of_the_insurer(pipeline):
    # a column headed 股东: the article's insurer, whose shareholders they are
    text = "华夏人寿获批开业，五家企业各出资。\n\n| 股东 | 持股比例 |\n\n| --- | --- |\n\n| 华润集团 | 30% |\n\n| 联想集团 | 20% |"
    got = triples(pipeline, text)
    assert {("华夏人寿", "partnersWith", "华润集团"), ("华夏人寿", "partnersWith", "联想集团")} <= got
    # a column of stakes beside a column of insurers: each row's own insurer
    text = "今年多家险企举牌。\n\n保险机构 | 举牌标的\n\n平安人寿 | 招商银行H股\n\n华夏人寿 | 华润置地"
    got = triples(pipeline, text)
    assert {("平安人寿", "partnersWith", "招商银行"), ("华夏人寿", "partnersWith", "华润置地")} <= got
    assert ("华夏人寿", "partnersWith", "招商银行") not in got
    # what a policy covers (保险标的) is no shareholder
    text = "华夏人寿推出新产品。\n\n| 保险标的 | 保额 |\n\n| 华润集团 | 30万元 |"
    assert not any(p == "partnersWith" for s, p, o in triples(pipeline, text))


def test_a_shareholder_table_that_lists_the_insurer_itself_is_another_firms(pipeline):
    # 华夏人寿 is one of the bank's holders: 华润集团 and 联想集团 hold the bank beside it, not 华夏人寿
    text = ("华夏人寿增持某城商行股份获批。\n\n| 股东 | 持股比例 |\n\n| --- | --- |\n\n| 华润集团 | 30% |\n\n"
            "| 华夏人寿 | 25% |\n\n| 联想集团 | 20% |")
    got = triples(pipeline, text)
    assert not {("华夏人寿", "partnersWith", "华润集团"), ("华夏人寿", "partnersWith", "联想集团")} & got


def test_an_article_saying_its_figures_are_in_hong_kong_dollars_states_no_yuan(pipeline):
    # a note that every figure is in Hong Kong dollars makes each bare 元 after it HK$, not yuan
    text = "下表列出三家公司的新措施，金额均以港元计。\n\n保诚香港为确诊客户每日发放500元，最多30日。"
    assert not money_values(pipeline, text)
    text = "以下是读者常问的问题（金额均为港元）。保诚香港为每名确诊客户赔付3万元。"
    assert not money_values(pipeline, text)
    # without that note the 元 is yuan
    text = "保诚香港为每名确诊客户赔付3万元。"
    assert money_values(pipeline, text) == ["30000"]


def test_a_carmaker_that_owns_an_insurer_is_its_partner_not_its_group(pipeline):
    # A carmaker (or a bank) that owns an insurer is a shareholder: the two work together as
    # partners, and nothing rolls the insurer up to the carmaker.
    got = triples(pipeline, "易安财险和大股东比亚迪一起为车主开发电池保障。")
    assert ("易安财险", "partnersWith", "比亚迪") in got
    assert not {t for t in got if t[1] == "subOrganizationOf"}


@pytest.mark.parametrize("text", [
    # the authority's arrangement (安排) under which the insurer acts
    "在温州市应急管理局的统一安排下，人保财险温州市分公司提前转移了承保车辆。",
    # its instruction on a topic (关于…的指示), however long the topic
    "人保财险温州市分公司按照温州市应急管理局关于切实做好汛期防灾减损工作的指示，提前转移了承保车辆。",
    # an authority that marshals the insurers of its area, with the insurer acting in the next sentence
    "温州市应急管理局部署辖内保险机构做好防汛准备。人保财险温州市分公司提前转移了承保车辆。",
])
def test_guidance_written_as_an_arrangement_an_instruction_or_a_deployment(pipeline, text):
    assert ("人保财险温州分公司", "guidedBy", "温州市应急管理局") in triples(pipeline, text)


@pytest.mark.parametrize("text, guided", [
    # a notice or a call the authority issues, then the insurer acting on it
    ("温州市应急管理局下发防汛通知后，人保财险温州市分公司提前转移了承保车辆。", True),
    ("温州市保险行业协会发出倡议，人保财险温州市分公司提前转移了承保车辆。", True),
    # an announcement (公告) may be an approval, and a report is no call to act
    ("温州市应急管理局发布公告，人保财险温州市分公司获准开业。", False),
    ("温州市应急管理局发布年度报告，人保财险温州市分公司名列其中。", False),
])
def test_an_insurer_acting_after_an_authority_issues_a_notice_or_a_call(pipeline, text, guided):
    body = "温州市保险行业协会" if "协会" in text else "温州市应急管理局"
    assert (("人保财险温州分公司", "guidedBy", body) in triples(pipeline, text)) == guided


@pytest.mark.parametrize("text", [
    # the guide named after the work, in the clause after the insurer's
    "人保财险温州市分公司举办了防汛知识讲座，指导单位为温州市应急管理局。",
    # the guide's own clause says it acts as guide of the event
    "人保财险温州市分公司主办了这场讲座，温州市应急管理局担任讲座的指导单位。",
])
def test_the_body_named_as_guide_of_an_insurers_event_guides_it(pipeline, text):
    assert ("人保财险温州分公司", "guidedBy", "温州市应急管理局") in triples(pipeline, text)


def test_the_body_named_as_lead_of_the_work_guides_the_insurer_that_does_it(pipeline):
    text = "这项防汛保险的牵头单位是温州市应急管理局，人保财险温州市分公司负责承保。"
    assert ("人保财险温州分公司", "guidedBy", "温州市应急管理局") in triples(pipeline, text)


@pytest.mark.parametrize("text, guided", [
    # the notice in one sentence, the insurer acting on it in the next one of the paragraph
    ("温州市应急管理局印发了防汛工作通知。人保财险温州市分公司随即提前转移了承保车辆。", True),
    # an insurer two sentences on acts on what the article said in between, not on the notice
    ("温州市应急管理局印发了防汛工作通知。台风于次日登陆。人保财险温州市分公司提前转移了承保车辆。", False),
])
def test_an_insurer_in_the_sentence_after_an_authoritys_notice_acts_on_it(pipeline, text, guided):
    assert (("人保财险温州分公司", "guidedBy", "温州市应急管理局") in triples(pipeline, text)) == guided


@pytest.mark.parametrize("text, guided", [
    # the notice ends its paragraph; the next one counts the insurers and gives each a point
    ("温州市应急管理局连夜发出防汛通知，要求做好台风应对。\n\n两家承保公司当即行动：\n\n"
     "- 人保财险温州市分公司提前转移了承保车辆；\n\n- 平安产险温州分公司开通了理赔绿色通道。", True),
    # an insurer of the next paragraph, not introduced as acting on it, may be about something else
    ("温州市应急管理局连夜发出防汛通知，要求做好台风应对。\n\n"
     "早在年初，人保财险温州市分公司就提前转移了承保车辆。", False),
])
def test_the_insurers_of_the_points_after_an_authoritys_notice_act_on_it(pipeline, text, guided):
    got = {s for s, p, o in triples(pipeline, text) if p == "guidedBy" and o == "温州市应急管理局"}
    assert got == ({"人保财险温州分公司", "平安产险温州分公司"} if guided else set())


@pytest.mark.parametrize("text", [
    "今年，人保财险温州市分公司把温州市政府和温州银保监分局交办的防灾任务逐项落实。",
    "人保财险温州市分公司主攻农险。温州市政府布置的防汛工作，公司提前一周完成。",
])
def test_the_work_an_authority_hands_down_is_done_under_it(pipeline, text):
    got = {o for s, p, o in triples(pipeline, text) if s == "人保财险温州分公司" and p == "guidedBy"}
    assert "温州市政府" in got


def test_an_authoritys_requirement_set_out_after_a_colon_guides_the_insurer_named_in_it(pipeline):
    text = "温州市应急管理局提出要求：参与巨灾保险的各家保险公司由人保财险温州市分公司牵头组成理赔小组。"
    assert ("人保财险温州分公司", "guidedBy", "温州市应急管理局") in triples(pipeline, text)


@pytest.mark.parametrize("text, members", [
    # the list after 与, named co-insurers after it
    ("杭州市推出“西湖安康保”。这份保险由人保财险杭州市分公司牵头承保，与平安产险、太保产险这两家共同保险人组成共保体。",
     ["平安产险", "太保产险"]),
    # the list after a colon that names them the insurers that carry it
    ("杭州市推出“西湖安康保”，承担这份保险的保险公司共有三家：平安产险、人保财险和太保产险。",
     ["平安产险", "人保财险", "太保产险"]),
    # the members of a co-insurance pool, the product named earlier in the sentence
    ("一起承保“西湖安康保”的共保成员，寿险一边是泰康人寿和新华保险，财险一边是平安产险、太保产险。",
     ["泰康人寿", "新华保险", "平安产险", "太保产险"]),
])
def test_each_insurer_of_a_list_named_as_co_insurers_provides_the_product(pipeline, text, members):
    got = triples(pipeline, text)
    for insurer in members:
        assert (insurer, "provides", "西湖安康保") in got


@pytest.mark.parametrize("text", [
    # the insurer after 与, the product in the contract they sign
    "杭州市民政局与平安产险杭州分公司签下2024年度“西湖安康保”保险合同。",
    # the contract alone: the product the article named last
    "杭州市推出“西湖安康保”。到了年底，平安产险杭州分公司与杭州市民政局签下合同，保障随即生效。",
    # a policy the insurer draws up with the villagers (订立)
    "杭州市推出“西湖安康保”。村民们同平安产险杭州分公司订立了这份保险保单。",
])
def test_an_insurer_that_signs_a_products_contract_provides_it(pipeline, text):
    assert ("平安产险杭州分公司", "provides", "西湖安康保") in triples(pipeline, text)


def test_an_insurer_signing_a_cooperation_agreement_provides_nothing_by_it(pipeline):
    text = "杭州市推出“西湖安康保”。杭州市民政局与平安产险杭州分公司签署战略合作协议。"
    assert ("平安产险杭州分公司", "provides", "西湖安康保") not in triples(pipeline, text)


@pytest.mark.parametrize("text", [
    "合肥的“幸福里”养老项目本月开放。这座由平安人寿出资建设的社区共有800张床位。",
    "“幸福里”养老项目本月开门迎客，由平安人寿出资兴建。",
])
def test_an_insurer_that_paid_to_build_a_programme_runs_it(pipeline, text):
    assert ("平安人寿", "provides", "幸福里") in triples(pipeline, text)


def test_the_insurer_named_as_the_host_of_a_programme_runs_it(pipeline):
    text = "“金融知识进社区”活动本周走进滨江区。这场讲座的主办方是平安产险杭州分公司，听众是社区里的老人。"
    assert ("平安产险杭州分公司", "provides", "金融知识进社区") in triples(pipeline, text)


def test_a_list_goes_on_after_a_comma_and_yiji(pipeline):
    # A、B，以及C is one list: the last member shares the role of the first two
    text = "按照浙江银保监局的要求，试点机构共有三家：太保产险、人保财险，以及平安产险。"
    got = triples(pipeline, text)
    assert {s for s, p, o in got if p == "guidedBy" and o == "浙江银保监局"} == {"太保产险", "人保财险", "平安产险"}


@pytest.mark.parametrize("text, recipient", [
    ("入冬前，中国人保为留守儿童带去了书包和文具。", "留守儿童"),
    ("活动结束时，中国人保给到场的快递员准备了一份礼物。", "快递员"),
    ("中国人保今年为贫困学生送上助学金。", "贫困学生"),
])
def test_goods_brought_or_readied_for_a_group_are_a_gift(pipeline, text, recipient):
    assert ("中国人保", "donatesTo", recipient) in triples(pipeline, text)


def test_goods_an_insurer_provides_for_a_group_are_no_gift(pipeline):
    got = triples(pipeline, "太保产险为中小微企业提供设备损失保险。")
    assert not any(p == "donatesTo" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "在温州市金融办的牵线下，人保财险温州分公司与温州银行签署合作协议。",
    "温州市保险行业协会出面牵线，由人保财险温州分公司拿出专属保险方案。",
    "经温州市金融办协调，人保财险温州分公司为渔民统一投保了雇主责任险。",  # 经X协调 at a clause start
])
def test_an_authority_that_brokers_the_work_guides_it(pipeline, text):
    got = triples(pipeline, text)
    assert any(s == "人保财险温州分公司" and p == "guidedBy" for s, p, o in got)


def test_an_approval_is_no_guidance(pipeline):
    got = triples(pipeline, "经温州市金融办批准，人保财险温州分公司开设了新的营业网点。")
    assert not any(p == "guidedBy" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "人保财险温州分公司主动对接温州市农业农村局，在其指导下开展农业保险宣传。",
    "人保财险温州分公司得到温州市农业农村局的支持，并在其统一部署下开通绿色通道。",
])
def test_the_body_that_qi_points_back_to_guides_the_firm(pipeline, text):
    assert ("人保财险温州分公司", "guidedBy", "温州市农业农村局") in triples(pipeline, text)


@pytest.mark.parametrize("text, guided", [
    ("人保财险温州分公司倡议社会各界积极参与温州市政府组织的献血行动。", False),
    ("人保财险温州分公司呼吁广大市民响应温州市政府号召，接种疫苗。", False),
    ("人保财险温州分公司倡议社会各界积极参与温州市政府牵头的献血行动。", False),
    ("人保财险温州分公司积极参与温州市政府组织的献血行动。", True),
])
def test_a_firm_that_calls_on_others_to_join_a_bodys_work_is_not_guided(pipeline, text, guided):
    assert (("人保财险温州分公司", "guidedBy", "温州市政府") in triples(pipeline, text)) == guided


@pytest.mark.parametrize("text", [
    "这次活动的指导单位为温州银保监分局，承办单位为人保财险温州分公司。",
    "牵头的是温州银保监分局，具体为农户承保的是人保财险温州分公司。",
])
def test_the_firm_named_in_a_role_after_the_guiding_body_is_guided(pipeline, text):
    assert ("人保财险温州分公司", "guidedBy", "温州银保监分局") in triples(pipeline, text)


@pytest.mark.parametrize("text, fact", [
    # 两家 and 它们 head the clause: what it says holds for each insurer they refer to
    ("中再产险与太保产险签署战略合作协议。两家还联手推出了“低空无忧保”。", ("中再产险", "provides", "低空无忧保")),
    ("中再产险与太保产险签署战略合作协议。两家还联手推出了“低空无忧保”。", ("太保产险", "provides", "低空无忧保")),
    ("首批试点的有平安产险、人保财险，以及太保产险。它们在银保监会指导下推出“新材料质量保”。",
     ("平安产险", "provides", "新材料质量保")),
    ("首批试点的有平安产险、人保财险，以及太保产险。它们在银保监会指导下推出“新材料质量保”。",
     ("人保财险", "guidedBy", "中国银保监会")),
])
def test_a_plural_word_makes_each_organisation_it_refers_to_the_subject(pipeline, text, fact):
    assert fact in triples(pipeline, text)


def test_a_count_of_firms_before_their_list_makes_each_of_them_the_subject(pipeline):
    got = triples(pipeline, "入围的三家公司同杭州市民政局签下了服务协议。这次中标的是国寿财险、太保产险和大地保险，"
                            "合同期三年。")
    partners = {(a, b) for a, p, b in got if p == "partnersWith"}
    assert partners == {(a, "杭州市民政局") for a in ("国寿财险", "太保产险", "中国大地保险")}


def test_a_body_signing_with_a_list_word_partners_each_insurer_it_refers_to(pipeline):
    got = triples(pipeline, "本次中标的是国寿财险、太保产险和大地保险，杭州市民政局与它们分别签订了服务协议。")
    partners = {(a, b) for a, p, b in got if p == "partnersWith"}
    assert partners == {("杭州市民政局", "国寿财险"), ("杭州市民政局", "太保产险"), ("杭州市民政局", "中国大地保险")}


@pytest.mark.parametrize("text", [
    "在青禾公益基金会的牵线下，平安产险浙江分公司为山区学校捐建了图书室。",
    "在青禾公益基金会的撮合之下，平安产险浙江分公司为山区学校捐建了图书室。",
])
def test_the_go_between_that_brings_an_insurer_to_a_deed_is_its_partner(pipeline, text):
    assert ("平安产险浙江分公司", "partnersWith", "青禾公益基金会") in triples(pipeline, text)


@pytest.mark.parametrize("text", [
    "受灾的种植户报案后，人保财险余姚支公司当天就完成了理赔。",
    "该公司负责人表示，凡是登记在册的贫困户，人保财险余姚支公司一律赔付。",
])
def test_people_heading_the_sentence_are_helped_by_the_insurer_that_pays_them_after(pipeline, text):
    assert any(s == "人保财险余姚支公司" and p == "supports" for s, p, _ in triples(pipeline, text))


@pytest.mark.parametrize("text", [
    "这款惠民保由平安产险浙江分公司负责承保，技术支持来自腾讯。",
    "平安产险浙江分公司推出“青禾保”，由腾讯提供技术支持。",
])
def test_the_firm_giving_an_insurers_scheme_its_technology_is_its_partner(pipeline, text):
    assert ("平安产险浙江分公司", "partnersWith", "腾讯") in triples(pipeline, text)


def test_a_pair_word_after_a_longer_list_names_no_two_of_it(pipeline):
    # 两家 names the two parties of a deal, not the last two of four bodies that attended
    got = triples(pipeline, "揭牌现场，市卫健委、复旦大学医学院、中国平安及平安人寿的负责人出席。两家已签约成为战略合作伙伴。")
    assert not {t for t in got if t[1] == "partnersWith"}


def test_it_heading_a_clause_makes_the_sentences_subject_the_doer(pipeline):
    got = triples(pipeline, "泰康人寿湖北分公司是泰康保险集团的分支机构，它今年为环卫工人推出了“暖冬保”。")
    assert ("泰康人寿湖北分公司", "provides", "暖冬保") in got
    assert ("泰康保险集团", "provides", "暖冬保") not in got


@pytest.mark.parametrize("text, fact", [
    ("台风过后，某市由中国人民财产保险股份有限公司承保，报案请拨95518。", ("人保财险", "provides", "95518")),
    ("受灾车主可拨打95511报案，平安产险将第一时间派出查勘员。", None),  # no insurer before it
    ("另一市的承保由中华联合财产保险股份有限公司负责，报案号码为95585。", ("中华财险", "provides", "95585")),
])
def test_a_service_number_dialled_to_reach_an_insurer_is_the_one_named_before_it(pipeline, text, fact):
    got = {t for t in triples(pipeline, text) if t[1] == "provides"}
    assert (fact in got) if fact else not got


def test_a_programme_named_after_an_insurer_the_article_names_is_that_insurers(pipeline):
    text = ("这次捐赠属于“爱心护航·一路同行——太平人寿关爱乡村教师公益行动”，具体由当地一家基金会执行。"
            "太平人寿表示，明年还会扩大范围。")
    assert ("太平人寿", "provides", "爱心护航·一路同行——太平人寿关爱乡村教师公益行动") in triples(pipeline, text)
    # a name that opens with no insurer's says nothing of whose it is
    text = "这次捐赠属于“爱心护航——关爱乡村教师公益行动”，具体由当地一家基金会执行。太平人寿表示，明年还会扩大范围。"
    assert not any(p == "provides" for _, p, _ in triples(pipeline, text))


def test_a_cover_those_who_can_get_it_free_name_is_for_them(pipeline):
    got = triples(pipeline, "今年起，全市出租车司机可免费领取“暖心守护”专属意外险。")
    assert ("暖心守护", "targets", "出租车司机") in got


def test_the_list_a_count_of_kinds_of_people_introduces_is_helped(pipeline):
    got = triples(pipeline, "太保产险今年扩大了帮扶范围，重点放在三类人群身上：低保户、残疾人和困难职工。")
    assert {("太保产险", "supports", g) for g in ("低保户", "困难职工")} <= got
    got = triples(pipeline, "中国人寿设立“乡村暖心基金”。基金今后还会扶持两类人——乡村教师和返乡创业青年。")
    assert {("乡村暖心基金", "targets", g) for g in ("乡村教师", "返乡创业青年")} <= got


def test_each_item_of_a_list_of_kinds_of_people_after_a_semicolon_is_helped(pipeline):
    # items a semicolon parts, one described by a clause ending in 的 (在内江的新市民): each is whom it is for
    got = triples(pipeline, "“甜惠保”由人保财险承保。可以参保的有三类人：内江市基本医保参保人；"
                            "在异地参加医保的内江户籍人员；在内江的新市民。")
    assert {("甜惠保", "targets", g) for g in ("内江市基本医保参保人", "新市民")} <= got
    got = triples(pipeline, "“汕头惠民保”由人保财险承保。它面向三类人：汕头市基本医疗保险参保人员；"
                            "持汕头签发的有效居住证的新市民。")
    assert ("汕头惠民保", "targets", "新市民") in got


def test_those_a_schemes_notice_asks_who_can_join_are_whom_it_is_for(pipeline):
    got = triples(pipeline, "“益康保”由人保财险承保。一、谁能参保：温州市基本医保参保人员。")
    assert ("益康保", "targets", "温州市基本医保参保人员") in got


@pytest.mark.parametrize("text, fact", [
    ("浙江推出茶叶低温指数保险。这份保险可以帮贫困户分担倒春寒的风险。", ("茶叶低温指数保险", "targets", "贫困户")),
    ("中国人寿和县政府携手设立“山区助学基金”，总规模为500万元，用以帮扶困难学生。",
     ("山区助学基金", "targets", "困难学生")),
])
def test_the_group_a_product_or_fund_helps_is_whom_it_is_for(pipeline, text, fact):
    # 帮 and 帮扶 as the verbs of help after the product or fund (not the staff's 帮, no relation of their employer)
    assert fact in triples(pipeline, text)


def test_those_a_sentence_names_as_the_object_of_the_programme_just_named_are_whom_it_is_for(pipeline):
    got = triples(pipeline, "平安人寿的“护苗行动”来到甘肃。这一站的主题是关爱成长，对象是当地的留守儿童。")
    assert ("护苗行动", "targets", "留守儿童") in got



def test_those_who_benefit_are_whom_a_programme_is_for(pipeline):
    got = triples(pipeline, "某银行发起“助农贷”公益项目，受益人是当地的留守老人。")
    assert ("助农贷", "targets", "留守老人") in got
    got = triples(pipeline, "太保产险搭起“乡村集市”平台。一年下来，3000户茶农因此受益。")
    assert ("乡村集市", "targets", "茶农") in got
    # a party to a policy is no one it is for
    got = triples(pipeline, "“安心保”理赔时须核实被保险人或受益人的身份。")
    assert ("安心保", "targets", "被保险人") not in got


def test_those_said_to_be_insured_are_whom_a_cover_is_for(pipeline):
    got = triples(pipeline, "“骑手安心险”去年在五省试点。如今受保的外卖骑手、快递员已超过30万名。")
    assert {("骑手安心险", "targets", g) for g in ("外卖骑手", "快递员")} <= got


def test_those_a_cover_keeps_from_falling_back_into_poverty_are_whom_it_is_for(pipeline):
    got = triples(pipeline, "县里今年续办“防贫保”。这是为了不让脱贫人口和农村低收入人口因病因灾重新陷入贫困。")
    assert {("防贫保", "targets", g) for g in ("脱贫人口", "农村低收入人口")} <= got
    got = triples(pipeline, "某财险公司推出“林农安心保”，防止易返贫人员再度返贫。")
    assert ("林农安心保", "targets", "易返贫人员") in got

def test_the_only_underwriter_a_scheme_has_had_offers_it(pipeline):
    got = triples(pipeline, "区里推出“农房安居保”。这个项目做了十年，承保的始终只有人保财险一家。")
    assert ("人保财险", "provides", "农房安居保") in got

@pytest.mark.parametrize("text", [
    "水位超过了“水库超蓄救助保险”约定的起赔线。作为承保方，人保财险马上核对数据。",
    "水位超过了“水库超蓄救助保险”约定的起赔线。作为这个项目的承保方，人保财险马上核对数据。",
    # the role heading the clause the insurer opens
    "水位超过了“水库超蓄救助保险”约定的起赔线。9月4日，承保方人保财险开始走理赔流程。",
])
def test_the_insurer_a_clause_of_its_own_names_the_underwriter_offers_the_cover(pipeline, text):
    assert ("人保财险", "provides", "水库超蓄救助保险") in triples(pipeline, text)

def test_the_underwriter_written_with_china_before_its_short_name_offers_the_cover(pipeline):
    # 中国太平洋产险 is 太保产险 written with 中国 before its usual short name, as 中国太保产险 is
    got = triples(pipeline, "区政府购买了一份河道污染清理费用保险，承保方是竞标胜出的中国太平洋产险杭州分公司。")
    assert ("太保产险杭州分公司", "provides", "河道污染清理费用保险") in got


def test_no_offer_or_firm_is_related_to_a_bare_generic_people_word(pipeline):
    # ANNOTATION.md: 市民, 客户 … are optional words, no particular group; the fuller group is related
    got = triples(pipeline, "太保产险推出“安居保”，为市民提供住房保障，也为受灾居民送去物资。")
    assert not {t for t in got if t[2] == "市民"}
    assert {("太保产险", "supports", "受灾群众"), ("安居保", "targets", "受灾群众")} & got


def test_those_who_say_they_bought_a_product_are_its_target(pipeline):
    # the buyers head the clause and the product follows 买了 / 买的是
    assert ("渔船保险", "targets", "渔民") in triples(pipeline, "渔民只要买了“渔船保险”，出海就多了一份安心。")
    got = triples(pipeline, "参保的养殖户买的是太保产险的“生猪价格保险”。")
    assert ("生猪价格保险", "targets", "养殖户") in got


def test_aiming_at_a_groups_need_is_serving_it(pipeline):
    # 瞄准 / 着眼于 / 盯住 a group's need: the insurer supports the group, its product targets it
    assert ("众惠相互", "supports", "小微企业") in triples(pipeline, "众惠相互瞄准的是中小微企业融资难的问题。")
    got = triples(pipeline, "平安产险推出“科创保”，着眼于科技型中小企业的研发风险。")
    assert {("平安产险", "supports", "小微企业"), ("科创保", "targets", "小微企业")} <= got


def test_a_list_of_products_introduced_as_an_insurers_is_its_offer(pipeline):
    # 某财险的两款产品——A和B: the insurer's, though a broker heads the clause and sells them
    got = triples(pipeline, "水滴公司在自家App上推销了安心财险的两款产品——“安心住院险”和“安心意外险”。")
    assert {("安心财险", "provides", "安心住院险"), ("安心财险", "provides", "安心意外险")} <= got


@pytest.mark.parametrize("text, stated", [
    # the passive: the group first, the insurer that brings it under its cover after 被
    ("外卖骑手、快递员，这些过去很难买到保险的人，如今被太保产险收进了保障的范围。", True),
    # brought under cover by no one named
    ("外卖骑手如今被纳入了工伤保障范围，太保产险的人士对此表示欢迎。", False),
])
def test_a_group_brought_under_an_insurers_cover_by_the_passive_is_supported(pipeline, text, stated):
    assert (("太保产险", "supports", "外卖骑手") in triples(pipeline, text)) == stated


def test_a_kind_of_cover_named_in_passing_is_not_the_product_named_last(pipeline):
    # 惠民保 is a kind of cover no insurer provides: the co-insurers offer the product named before it
    text = ("烟台的“福寿保”本周开卖。在已推出惠民保的城市中，它的价格最低。"
            "承保机构共有两家：平安养老保险烟台分公司和太平养老保险烟台分公司。")
    got = triples(pipeline, text)
    assert {(i, "provides", "福寿保") for i in ("平安养老险烟台分公司", "太平养老烟台分公司")} <= got


def test_coinsurers_listed_after_a_colon_offer_the_product_past_a_first_item_no_rule_knows(pipeline):
    text = ("烟台的“福寿保”本周开卖。承保机构共有三家：中国人寿保险烟台市分公司、"
            "平安养老保险烟台分公司和太平养老保险烟台分公司。")
    got = triples(pipeline, text)
    assert {(i, "provides", "福寿保") for i in ("平安养老险烟台分公司", "太平养老烟台分公司")} <= got


def test_products_arranged_for_a_group_target_it(pipeline):
    text = "人保寿险在当地为低保户办理的两款产品——“安心扶贫保”和“大病兜底保”——今年都已赔付。"
    got = triples(pipeline, text)
    assert {(x, "targets", "低保户") for x in ("安心扶贫保", "大病兜底保")} <= got


def test_coinsurers_named_before_any_product_offer_the_one_named_next(pipeline):
    # the list of co-insurers comes first; the article names what they underwrite only after it
    text = "签约桌前，市民政局对面坐着三家承保机构——人保财险、太保产险和中华财险。\n\n全市60岁以上老人都能投保“银龄安康保险”。"
    got = triples(pipeline, text)
    assert {(i, "provides", "银龄安康保险") for i in ("人保财险", "太保产险", "中华财险")} <= got


def test_what_the_latter_does_is_the_last_named_organisations(pipeline):
    got = triples(pipeline, "县政府同人保财险某县支公司签下合作协议，由后者为全县贫困户承保“红枣保险”。")
    assert {("人保财险某县支公司", "supports", "贫困户"), ("人保财险某县支公司", "provides", "红枣保险")} <= got


def test_a_programme_set_up_in_a_point_is_the_insurers_the_text_is_about(pipeline):
    # 设置 sets up a fund as 设立 does: in a point naming no organisation, the insurer named last
    got = triples(pipeline, "中国太保上个月与某医学院签约。第二，设置“太保专项教育基金”。")
    assert ("中国太保", "provides", "太保专项教育基金") in got


def test_an_insurer_among_a_firms_shareholders_works_with_the_firm(pipeline):
    """某公司的股东为A和某财险: the insurer in the list holds a stake in the firm named before it (a partner);
    a list with no insurer's word in its clause names none (股东是两位创始人，…)."""
    got = triples(pipeline, "北辰保险代理有限公司去年开业：股东为一家科技集团和中华财险，两家合资设立。")
    assert ("中华财险", "partnersWith", "北辰保险代理有限公司") in got
    got = triples(pipeline, "北辰科技有限公司的股东是两位创始人，中国人寿与它签约。")
    assert ("中国人寿", "partnersWith", "北辰科技有限公司") not in got


def test_a_firm_after_from_is_the_seller_not_the_clauses_buyer(pipeline):
    """某人寿从某控股手里买下某公司49%的股份: the insurer buys, the firm after 从 only sells to it."""
    got = triples(pipeline, "北辰人寿以约6亿元从青川控股有限公司手里买下松江置业有限公司30%的股份。")
    assert ("北辰人寿", "partnersWith", "松江置业有限公司") in got
    assert ("青川控股有限公司", "partnersWith", "松江置业有限公司") not in got


def test_a_firm_whose_stake_an_insurer_buys_named_after_the_verb_is_its_partner(pipeline):
    """北辰人寿…二是出资5亿元，拿到某公司三成股份: the firm after the buying verb is the insurer's investee."""
    text = "北辰人寿今年做了两笔投资。一是增资旗下资管公司；二是出资5亿元，拿到松江置业有限公司三成股份。"
    assert ("北辰人寿", "partnersWith", "松江置业有限公司") in triples(pipeline, text)


def test_a_firm_listed_after_an_insurer_as_one_more_doer_is_no_partner_of_it(pipeline):
    # a name the rules lack (妙健康) breaks the list; the firm after its 、 is still one of the doers
    got = triples(pipeline, "今年以来，太保产险、妙健康、水滴保、滴滴出行等机构陆续推出相关产品。")
    assert not any(p == "partnersWith" for _, p, _ in got)
    # a firm the insurer joins is its partner
    assert ("太保产险", "partnersWith", "滴滴出行") in triples(pipeline, "太保产险联合滴滴出行推出相关产品。")


@pytest.mark.parametrize("text, partner", [
    ("太保产险陕西分公司这回的搭档是三家期货公司：宏达期货有限公司牵头，华信期货一同参与。", "华信期货"),
    ("太保产险陕西分公司的合作机构共两家：宏达科技有限公司负责设计，华信银行负责销售。", "华信银行"),
])
def test_a_list_after_the_word_for_an_insurers_partners_and_a_colon_is_its_partners(pipeline, text, partner):
    assert ("太保产险陕西分公司", "partnersWith", partner) in triples(pipeline, text)


def test_a_point_reads_after_the_lead_in_its_list_follows(pipeline):
    """出资的是三家股东，可以分成两类：| 一是地产公司，包括A和B: the points of a list a colon announces go on with
    its words; the firms a point lists are shareholders, as if the lead-in were their own sentence's."""
    text = ("北辰人寿日前获批开业。\n\n出资的是三家股东，可以分成两类来看：\n\n"
            "一是地产公司，包括松江置业有限公司和东湖置业有限公司。\n\n二是投资公司，包括西山投资有限公司。")
    got = triples(pipeline, text)
    assert {("北辰人寿", "partnersWith", "松江置业有限公司"), ("北辰人寿", "partnersWith", "东湖置业有限公司"),
            ("北辰人寿", "partnersWith", "西山投资有限公司")} <= got
    # a point that follows no colon reads on its own
    text = "北辰人寿日前获批开业。\n\n出资的是三家股东。\n\n一是地产公司，包括松江置业有限公司和东湖置业有限公司。"
    assert not any(p == "partnersWith" for _, p, _ in triples(pipeline, text))


def test_people_said_to_be_insured_are_the_target_of_the_product_named_last(pipeline):
    """受保 (insured) says what 参保 and 投保 say: 外来人口同样受保, 如今受保的骑手已超过10万名."""
    text = "“沪惠保”今年继续推出。在本市工作的外来务工人员同样受保。"
    assert ("沪惠保", "targets", "外来务工人员") in triples(pipeline, text)
    text = "“沪惠保”今年继续推出。如今受保的外卖骑手已超过10万名。"
    assert ("沪惠保", "targets", "外卖骑手") in triples(pipeline, text)


def test_schools_named_before_the_hands_that_take_the_goods_are_given_nothing(pipeline):
    """把衣物交到A小学、B小学共340名学生手中: the students are given the goods; the schools only say whose."""
    got = triples(pipeline, "太平人寿四川分公司把御寒衣物交到田坝小学、拉哈希望小学共340名学生手中。")
    assert ("太平人寿四川分公司", "donatesTo", "学生") in got
    assert not {("太平人寿四川分公司", "donatesTo", "田坝小学"), ("太平人寿四川分公司", "donatesTo", "拉哈希望小学")} & got
    # goods sent to an organisation are its gift
    got = triples(pipeline, "太平人寿四川分公司把防疫物资送到湖北省红十字会。")
    assert ("太平人寿四川分公司", "donatesTo", "湖北省红十字会") in got


def test_a_cover_without_a_name_earlier_in_the_sentence_keeps_its_group_from_the_product_named_last(pipeline):
    """“1”是主险，即自然灾害保险，…，对象是常住人口: the sentence speaks of a cover the recogniser leaves out, in
    a clause before the group's, not of the product the text named last."""
    text = "宁波的公共巨灾保险今年升级。“1”是主险，即自然灾害保险，管的是13种自然灾害，对象是全市的常住人口和流动人口。"
    assert not any(p == "targets" for _, p, _ in triples(pipeline, text))
    text = "宁波的公共巨灾保险今年升级。保障对象是全市的常住人口和流动人口。"
    assert ("公共巨灾保险", "targets", "常住人口") in triples(pipeline, text)


def test_the_relation_model_relates_nothing_an_outsider_comments_on(pipeline):
    """在业内人士看来，…“全人全责”模式…，失智人群有望因此获得…保障: the market's view, not a fact the article states
    (the rules exclude such comments rule by rule; the model likewise)."""
    from stage_helpers import document
    assert pipeline.relation_model is not None
    text = ("在业内人士看来，青岛较早试水长期护理保险，这次的“全人全责”模式把照护服务和医疗护理放在一起统筹，"
            "失能、失智人群有望因此获得衔接更顺畅的保障。")
    got = {(f.subject.label, f.predicate, f.object.label) for f in pipeline.extract(document(text)).facts}
    assert not any(p == "targets" for s, p, o in got), got
    # what the insurer does before the comment stands
    text = "泰康人寿推出“全人全责”护理计划。在业内人士看来，这一计划把照护服务和医疗护理放在一起统筹。"
    got = {(f.subject.label, f.predicate, f.object.label) for f in pipeline.extract(document(text)).facts}
    assert ("泰康人寿", "provides", "全人全责") in got


def test_bullets_a_colon_announces_go_on_with_the_lead_in_organisation(pipeline):
    """中国人保…带来的变化可以用几组数字概括：| - 帮扶资金… | - 每年面向A、B开展培训: the bullets of a list the colon
    announces are the lead-in organisation's, as points (一是…) are; bullets that follow no colon are not."""
    text = ("中国人保动员整个系统的力量，给吉安县带来的变化可以用几组数字概括：\n\n- 帮扶资金累计投入9000余万元；\n\n"
            "- 每年面向专业技术人才、基层干部和乡村振兴带头人开展3000人次以上的培训。")
    got = triples(pipeline, text)
    assert {("中国人保", "supports", "专业技术人才"), ("中国人保", "supports", "基层干部")} <= got
    text = "中国人保动员整个系统的力量，给吉安县带来了变化。\n\n- 每年面向专业技术人才、基层干部开展3000人次以上的培训。"
    assert not any(p == "supports" for _, p, _ in triples(pipeline, text))


def test_bullets_a_colon_announces_read_their_lists_after_the_lead_in(pipeline):
    """出资的是两家股东：| - A，持股60%；| - B，持股40%: each bullet's names read after the lead-in's words, as a point's do."""
    text = "北辰人寿日前获批开业。\n\n出资的是两家股东：\n\n- 松江置业有限公司，持股60%；\n\n- 东湖置业有限公司，持股40%。"
    got = triples(pipeline, text)
    assert {("北辰人寿", "partnersWith", "松江置业有限公司"), ("北辰人寿", "partnersWith", "东湖置业有限公司")} <= got
    # without the colon the lead-in's words are not read before the items (their own stakes would be)
    text = "北辰人寿日前获批开业。\n\n出资的是两家股东。\n\n- 松江置业有限公司；\n\n- 东湖置业有限公司。"
    assert not any(p == "partnersWith" for _, p, _ in triples(pipeline, text))
@pytest.mark.parametrize("text", [
    "这份巨灾保险组了一个共保体，太保产险任主承保方，平安产险、国寿财险等共6家保险公司作为成员。",
    "这份巨灾保险由太保产险担任首席承保人，平安产险和国寿财险参与共保。",
])
def test_the_lead_of_a_co_insurance_pool_works_with_each_member_named_after_its_role(pipeline, text):
    got = triples(pipeline, text)
    assert {("太保产险", "partnersWith", "平安产险"), ("太保产险", "partnersWith", "国寿财险")} <= got
    # the members are no partners of each other
    assert not {("平安产险", "partnersWith", "国寿财险"), ("国寿财险", "partnersWith", "平安产险")} & got


@pytest.mark.parametrize("text", [
    "平安好医生是中国平安旗下的互联网医疗平台。",  # the owner named after the firm
    "中国平安发布年报。旗下的平安好医生手握5万名医生。",  # 旗下 opening the clause: the text's group
    "中国平安旗下平安好医生的检测中心开业。",  # the owner named before 旗下
])
def test_a_firm_a_group_owns_that_is_no_insurer_is_its_partner(pipeline, text):
    assert ("中国平安", "partnersWith", "平安好医生") in triples(pipeline, text)


def test_a_bank_that_owns_an_insurer_is_its_partner_not_its_group(pipeline):
    """中国建设银行旗下的建信人寿: ANNOTATION.md links insurers to insurance groups only; the bank is the
    insurer's shareholder, a partner, as the registry's ownedBy says."""
    got = triples(pipeline, "中国建设银行旗下的建信人寿在恩施设立客服中心。")
    assert ("建信人寿", "partnersWith", "中国建设银行") in got
    assert not any(p == "subOrganizationOf" for _, p, _ in got)


def test_a_firm_owned_by_another_named_owner_is_not_the_texts_insurers_partner(pipeline):
    text = "中国平安发布年报。阿里旗下的蚂蚁金服组建了一家代理公司。"
    assert not any(p == "partnersWith" for _, p, _ in triples(pipeline, text))


def test_a_firm_buying_into_an_insurer_named_after_the_verb_is_that_insurers_partner(pipeline):
    text = "太保产险发布年报。友邦保险入股中邮人寿，坐上第二大股东的位置。"
    got = triples(pipeline, text)
    assert ("中邮人寿", "partnersWith", "友邦人寿") in got
    assert ("太保产险", "partnersWith", "友邦人寿") not in got


def test_a_stake_measured_against_an_insurers_shares_makes_its_holder_that_insurers_partner(pipeline):
    text = "太保产险发布年报。深圳市亿辉特科技有限公司出资3亿元，拿到2亿股，占幸福人寿总股本的10%。"
    got = triples(pipeline, text)
    assert ("幸福人寿", "partnersWith", "深圳市亿辉特科技有限公司") in got
    assert ("太保产险", "partnersWith", "深圳市亿辉特科技有限公司") not in got


@pytest.mark.parametrize("text, seller, insurer", [
    ("招商银行代销平安人寿承保的年金险。", "招商银行", "平安人寿"),
    ("去年，支付宝在首页推销了众安保险的两款医疗险。", "支付宝", "众安保险"),
])
def test_a_firm_selling_an_insurers_products_is_its_partner(pipeline, text, seller, insurer):
    got = triples(pipeline, text)
    assert (seller, "partnersWith", insurer) in got or (insurer, "partnersWith", seller) in got


def test_a_firm_taking_over_a_stake_past_the_approval_it_waited_for_is_the_insurers_partner(pipeline):
    text = "太保产险发布年报。贵州金控获得批准，接手贵州贵安金融投资有限公司持有的华贵人寿11%股权。"
    got = triples(pipeline, text)
    assert ("华贵人寿", "partnersWith", "贵州金控") in got
    assert ("太保产险", "partnersWith", "贵州金控") not in got


@pytest.mark.parametrize("text", [
    # the buyer of the paragraph, the firm bought described at length
    "前海人寿发布公告。公司花约1.3亿元，从美团手中接下房地产投资公司韶关德丰源置业的全部股权。",
    # the buyer named in the sentence's clause before
    "一是前海人寿花约1.3亿元，从美团手中接下一家房地产公司的全部股权。",
])
def test_the_holder_an_insurer_buys_a_stake_from_is_its_partner(pipeline, text):
    assert ("前海人寿", "partnersWith", "美团") in triples(pipeline, text)


def test_each_member_of_the_consortium_that_covers_a_group_supports_it(pipeline):
    # the paragraph's insurer first, then the consortium's members listed after a colon
    text = ("中国人寿厦门分公司代表共保体签署了协议。为志愿者承保的共保体由3家机构组成："
            "中国人寿厦门分公司、人保财险厦门分公司以及平安产险厦门分公司。")
    got = triples(pipeline, text)
    assert {s for s, p, o in got if p == "supports" and o == "志愿者"} == {
        "中国人寿寿险厦门分公司", "人保财险厦门分公司", "平安产险厦门分公司"}


def test_a_gift_handed_to_a_firm_is_a_donation_and_cover_handed_to_it_a_partnership(pipeline):
    """为X送上蔬菜大礼包 gives X goods (donatesTo), not work together; 为X送上一份意外险保障 supplies it cover."""
    gift = triples(pipeline, "人保财险徐汇支公司为上海市徐汇区志愿者协会送上“爱心补给”蔬菜大礼包。")
    assert ("人保财险徐汇支公司", "donatesTo", "上海市徐汇区志愿者协会") in gift
    assert ("人保财险徐汇支公司", "partnersWith", "上海市徐汇区志愿者协会") not in gift
    cover = triples(pipeline, "人保财险徐汇支公司为上海市徐汇区志愿者协会送上一份团体意外险保障。")
    assert ("人保财险徐汇支公司", "partnersWith", "上海市徐汇区志愿者协会") in cover


def test_a_firms_results_after_their_period_or_in_its_solvency_report_are_the_firms(pipeline):
    """A table row of results that opens with its period (| 2025年前三季度净利润 | 32亿元 |) and a bullet of its
    solvency report (实际资本环比减少4.6亿元), naming no one, are the firm's the article is about."""
    text = ("招商信诺人寿迎来新董事长。\n\n| 指标 | 数据 |\n| --- | --- |\n| 总资产 | 2147亿元 |\n"
            "| 2025年前三季度净利润 | 32亿元 |\n\n不过细看季度数据，压力也在显现：\n\n"
            "- 资本吃紧：三季度实际资本环比减少4.6亿元。\n")
    got = {(agent, value) for agent, value, _, _ in money(pipeline, text)}
    assert {("招商信诺", "3200000000"), ("招商信诺", "460000000")} <= got


def test_results_in_the_points_a_lead_in_introduces_are_the_firm_it_names(pipeline):
    """从X的报告看，…：一是收入…: the points' results are X's, though the article names one of its branches more."""
    text = ("8月1日，监管局公开处罚信息：中宏人寿深圳分公司存在财务数据失实问题，被罚款50万元。中宏人寿深圳分公司已整改。\n\n"
            "罚单之外，从中宏人寿发布的二季度偿付能力报告看，经营有所回暖：\n"
            "一是收入。二季度单季保险业务收入69.97亿元，较上年同期多29.81%。\n")
    got = {(agent, value) for agent, value, _, _ in money(pipeline, text)}
    assert ("中宏人寿", "6997000000") in got


def test_a_plain_line_of_a_period_and_a_figure_is_the_articles_firms(pipeline):
    """2014年　6.46亿元 set out as a line of its own is a time series row as | 2014年 | 6.46亿元 | is."""
    text = "中银三星人寿的保费收入一路增长：\n\n2014年\u30006.46亿元\n2015年\u300030.55亿元（增长370%）\n"
    got = {(agent, value) for agent, value, _, _ in money(pipeline, text)}
    assert {("中银三星人寿", "646000000"), ("中银三星人寿", "3055000000")} <= got


def test_holders_of_stakes_in_the_sentence_about_an_insurer_are_its_shareholders(pipeline):
    """某人寿1996年开业；A持有51%股权，B持有49%: each holder, opening its own clause, holds shares of the insurer the
    sentence names first; not holders written as a list after 来自 that a pronoun stands for (another firm's IPO)."""
    text = "中宏人寿1996年开业，为国内首家合资寿险公司；宏达集团有限公司持有51%股权，远洋财务有限责任公司持有49%。"
    got = triples(pipeline, text)
    assert {("中宏人寿", "partnersWith", "宏达集团有限公司"), ("中宏人寿", "partnersWith", "远洋财务有限责任公司")} <= got
    got = triples(pipeline, "太平人寿举牌工商银行H股，今年的举牌只有两次，另一次来自中国太保、太保寿险与太保产险，"
                            "它们共同认购了天齐锂业的股份。")
    assert ("太平人寿", "partnersWith", "太保寿险") not in got


def test_a_list_of_holders_each_with_its_stake_alone_is_the_lead_in_insurers_shareholders(pipeline):
    """各家出资比例为：- A，20% - B，出资3亿元，20%: an item that is a firm and its stake, nothing else, names a
    shareholder of the insurer the list is about; not a firm whose stake is measured in the middle of a sentence."""
    text = ("海保人寿由8家企业共同发起。2017年获批筹建时，注册资本定为15亿元，各家出资比例为：\n- 海马投资集团有限公司，20%\n"
            "- 海思科医药集团股份有限公司，出资3亿元，20%\n- 深圳市智信利达投资有限公司，约13.3%\n")
    got = {(s, o) for s, p, o in triples(pipeline, text) if p == "partnersWith"}
    assert {("海保人寿", "海马投资集团有限公司"), ("海保人寿", "海思科医药集团股份有限公司"),
            ("海保人寿", "深圳市智信利达投资有限公司")} <= got
    got = triples(pipeline, "海保人寿的保费增长了，深圳市智信利达投资有限公司，20%的营收来自投资。")
    assert not any(p == "partnersWith" for _, p, _ in got)


def test_a_list_of_holders_whose_stakes_moved_is_the_insurers_shareholders(pipeline):
    got = triples(pipeline, "弘康人寿完成增资。持股下降的三家：北京华瑞投资有限公司、上海嘉禾实业有限公司和湖南海方投资有限公司。")
    assert {("弘康人寿", "partnersWith", firm) for firm in
            ("北京华瑞投资有限公司", "上海嘉禾实业有限公司", "湖南海方投资有限公司")} <= got


def test_a_firm_that_subscribes_a_sum_is_a_shareholder_of_the_insurer(pipeline):
    got = triples(pipeline, "锦泰财险定向增资。三是成都环境投资集团认购2.41亿元，成都益民投资集团有限公司认购0.68亿元。")
    assert {("锦泰保险", "partnersWith", "成都环境投资集团"), ("锦泰保险", "partnersWith", "成都益民投资集团有限公司")} <= got


def test_a_firm_a_stake_is_sold_or_handed_to_is_a_shareholder_of_the_insurer(pipeline):
    got = triples(pipeline, "弘康人寿公告称，股东把所持的15%让给深圳市柏霖资产管理有限公司。")
    assert ("弘康人寿", "partnersWith", "深圳市柏霖资产管理有限公司") in got
    got = triples(pipeline, "海保人寿公告称，易联众准备把手中13.5%的股份卖给北京锐思医疗器械有限公司。")
    assert ("海保人寿", "partnersWith", "北京锐思医疗器械有限公司") in got


def test_a_list_of_holders_each_with_its_stake_after_a_colon_is_the_insurers_shareholders(pipeline):
    text = ("华安财险的4家股东和对应金额如下：\n海航资本集团有限公司：4.76%，34900.00万元\n"
            "广州市百泽实业有限公司：4.23%，30991.20万元\n")
    got = triples(pipeline, text)
    assert {("华安保险", "partnersWith", "海航资本集团有限公司"), ("华安保险", "partnersWith", "广州市百泽实业有限公司")} <= got
    # a colon that introduces no stake names no holder
    assert not triples(pipeline, "华安财险的股东里，广州市百泽实业有限公司：持股比例未披露。")


def test_a_list_of_holders_by_chinese_numerals_is_the_lead_in_insurers_shareholders(pipeline):
    """人保寿险的股东如下：一、A（a，持股71%）二、B（b，持股10%）: each item's firm holds shares of the insurer of the
    lead-in, not of the item before it."""
    text = ("人保寿险此次增资的股东如下：\n一、中国人民保险集团股份有限公司（中国人保，持股71.08%）\n"
            "二、日本住友生命保险公司（住友生命，持股10%）\n三、泰国盘谷银行（盘谷银行，持股5%）")
    got = {(s, o) for s, p, o in triples(pipeline, text) if p == "partnersWith"}
    assert {("人保寿险", "日本住友生命保险公司"), ("人保寿险", "泰国盘谷银行")} <= got
    assert not any(s != "人保寿险" for s, _ in got)


def test_a_counted_list_of_insurers_underwriting_together_are_partners(pipeline):
    """A、B和C三家共同承保 is a co-insurance pool in all but name, as A、B和C组成共保体 is; an uncounted roll call of
    three insurers that went somewhere together is not."""
    got = triples(pipeline, "人保财险、平安产险和太保产险三家共同承保这份保险。")
    assert {("人保财险", "partnersWith", "平安产险"), ("平安产险", "partnersWith", "太保产险")} <= got
    got = triples(pipeline, "人保财险、平安产险和太保产险一起来到敬老院。")
    assert not any(p == "partnersWith" for _, p, _ in got)


def test_a_price_per_share_or_tonne_written_after_the_money_is_no_amount(pipeline):
    """定价21.54元/股 and 3721.66元/吨的目标价格 are prices of one share or tonne (tests/gold/README.md, settled case
    4), as 每股1.55元 is; the deal's total stays an amount."""
    got = {value for _, value, _, _ in money(pipeline, "万达信息公布预案：定价21.54元/股，募资20亿元。阳光农险的目标价格为3721.66元/吨。")}
    assert "2000000000" in got and not {"21.54", "3721.66"} & got


def test_money_given_through_a_body_is_the_givers(pipeline):
    got = {(agent, value) for agent, value, _, _ in money(pipeline, "新华保险借助中国妇女发展基金会捐出400万元。")}
    assert ("新华保险", "4000000") in got and not any(a == "中国妇女发展基金会" for a, _ in got)
