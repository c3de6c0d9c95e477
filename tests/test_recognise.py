"""The recogniser on single sentences: each rule family finds what it is for, and only it does."""
import pytest

from graph.errors import IkgError
from graph.recognise import RECOGNISERS, Recogniser, best_reading

from stage_helpers import assert_family_needed, found, linked, mentions


# One sentence per family, with a mention only that family finds.
FAMILIES = {
    "quoted": ("太保产险推出“骑手安心保”产品。", ("骑手安心保", "Product")),
    "beneficiaries": ("人保财险向首批264户受灾农户支付赔款。", ("受灾农户", "BeneficiaryGroup")),
    "aliases": ("太平洋安信农险积极开展理赔。", ("太平洋安信农险", "Insurer")),
    "branches": ("平安产险上海分公司迅速行动。", ("平安产险上海分公司", "Branch")),
    "pattern_names": ("河南银保监局近日发布通知。", ("河南银保监局", "Regulator")),
    "suffix_names": ("近日，鸿运人寿宣布上线新系统。", ("鸿运人寿", "Insurer")),
    "references": ("中国太保旗下财险公司积极理赔。", ("旗下财险公司", "Insurer")),
    "unquoted_products": ("太保产险推出停运无忧保新产品。", ("停运无忧保", "Product")),
    "unquoted_initiatives": ("平安集团启动平安三村工程，支持乡村教师。", ("平安三村工程", "Initiative")),
    "shared_kinds": ("股东中还有中信、招商、兴业三家股份制银行。", ("招商", "Partner")),
    # written for this test: the rules alone name no hospital in it; the news tagger starts the name
    "tagged": ("地震发生后，中国人寿经由中华全国新闻工作者协会，为前线记者送上意外保险。",
               ("中华全国新闻工作者协会", "Partner")),
}


def test_every_family_has_a_case():
    assert set(FAMILIES) | {"learned"} == set(RECOGNISERS)  # learned: tests/test_learned.py trains a model


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_finds_its_names_and_nothing_else_does(pipeline, family):
    assert_family_needed(found, pipeline, *FAMILIES[family], family)


@pytest.mark.parametrize("text, product", [
    ("众安保险与蚂蚁集团合作推出好医保长期医疗险。", "好医保长期医疗险"),  # a short ending of a kind of cover
    ("平安健康险推出了e生保住院医疗保险，最高保额600万元。", "e生保住院医疗保险"),  # a brand's letters
    ("太平洋寿险发布金佑人生终身寿险（分红型）。", "金佑人生终身寿险（分红型）"),  # an edition
    ("人保寿险推出的鑫安两全保险（C款）销量领先。", "鑫安两全保险（C款）"),
    ("泰康人寿推出健康尊享B款重大疾病保险和泰康e顺少儿重疾险。", "泰康e顺少儿重疾险"),
    ("该县在全省率先推行县级特色水果保险，由财政补贴保费。", "县级特色水果保险"),  # 推行 launches too
    # the first policy of a cover is news of its launch: 全国首单…保险, 签下首单…保险
    ("全国首单茶园碳汇保险12日在安溪落地。", "茶园碳汇保险"),
    ("国寿财险昨天签下首单渔船雇主责任保险，投保渔船32艘。", "渔船雇主责任保险"),
    # a year as the edition, inside the name too
    ("太平人寿推出福满佳（2024）两全保险、福禄康瑞（2024）终身寿险等产品。", "福禄康瑞（2024）终身寿险"),
    ("人保财险与农科院合作开发出蜜蜂养殖气象保险，已在三县试点。", "蜜蜂养殖气象保险"),  # 开发出: the verb's 出
    # bought for someone, and a name the clause says was launched (是…推出的)
    ("县财政出资为茶农投保茶园霜冻保险，每亩保费8元。", "茶园霜冻保险"),
    ("种植户老李给自家果园买了一份枇杷冻害保险——这是当地首创的险种。", "枇杷冻害保险"),
    # a cover this clause says who underwrites or whom it is for (这份X保险的承保方是, 专为), or bought by 办理
    ("这份残疾人意外伤害保险的承保方是某某财险衡阳中心支公司。", "残疾人意外伤害保险"),
    ("工作人员介绍，这份老年人意外伤害医护保险专为80周岁以上的老人而设。", "老年人意外伤害医护保险"),
    ("某某人寿替全区贫困户免费办理了老年人出行平安意外伤害险。", "老年人出行平安意外伤害险"),
    # joined or put on for them (参加了, 上了)
    ("全区共有1000名渔民参加了渔民意外伤害互助保险，合计1万份。", "渔民意外伤害互助保险"),
    ("市里由政府出钱，给辖区持证残疾人统一上了残疾人意外伤害保险。", "残疾人意外伤害保险"),
    # its price between the count and the name (一份20元的)
    ("县财政给全县60周岁以上的老人每人买了一份20元的银龄安康意外伤害保险。", "银龄安康意外伤害保险"),
    ("据介绍，蚕桑气象保险是湖州市在全省率先推出的险种。", "蚕桑气象保险"),
    # what was bought, written as a clause on the cover (购买的/投保的 X保险)
    ("一份由区财政出钱购买的环卫工人意外伤害保险已于上月起施行。", "环卫工人意外伤害保险"),
    ("去年全镇果农投保的柑橘冻害指数保险共赔付120万元。", "柑橘冻害指数保险"),
    # the first product of its kind, as the first policy is (国内首款X保险)
    ("该公司推出的国内首款宠物医疗责任保险已有三万人投保。", "宠物医疗责任保险"),
    ("这是全国首款冷链物流货损保险，由三家公司共保。", "冷链物流货损保险"),
    # an all-risks cover (…一切险) is named by that ending as by 责任险 or 意外险
    ("人保财险率先推出的研究所设备一切险已承保12家单位。", "研究所设备一切险"),
    # the first to launch it (首推, 首创 and 首创的)
    ("早在2012年，某某财险就首推外卖延误赔付保险，随后多家公司跟进。", "外卖延误赔付保险"),
    ("国内首创的直播带货质量保证保险，已为两千家商户提供保障。", "直播带货质量保证保险"),
    # a model's letter (and number) after the ending, with its edition: a table's cell or a launch
    ("安康个人养老年金保险B2款(2024版) | 收益保底型，按季结算 | 自由搭配", "安康个人养老年金保险B2款(2024版)"),
    ("某某人寿推出了安康终身寿险C款，面向中年客户。", "安康终身寿险C款"),
    # a clause that opens with the cover as what is underwritten or covered (由…承保, 的投保对象是)
    ("据介绍，渔船雇主责任保险由三家公司共保，保费由财政补贴一半。", "渔船雇主责任保险"),
    ("今年，宠物医疗责任保险的全国首批保单由某某财险在三地签出。", "宠物医疗责任保险"),
    ("茶农增收保险的投保对象是两类人：低收入茶农和脱贫户。", "茶农增收保险"),
    # the items of a list a count of products closes (等多款), the first opened by 还有, 另有 or 包括
    ("该公司今年推出了安颐终身寿险，另外还有福佑2024（尊享版）年金保险、康宁（2025）两全保险等多款。",
     "福佑2024（尊享版）年金保险"),
    ("该公司今年推出了安颐终身寿险，另外还有福佑2024（尊享版）年金保险、康宁（2025）两全保险等多款。",
     "康宁（2025）两全保险"),
    ("新上架的产品另有乐享安康医疗保险、守护童心少儿重疾险等三款，均可线上投保。", "乐享安康医疗保险"),
    # how long the cover has run, after its name
    ("某某支公司开办肉鸭养殖保险两年多，已承保60万只肉鸭。", "肉鸭养殖保险"),
])
def test_an_unquoted_product_is_found_in_the_forms_launches_take(pipeline, text, product):
    assert (product, "Product") in found(pipeline, text)


@pytest.mark.parametrize("text, product", [
    ("市残联与中国人寿西安分公司签订《残疾人专职委员意外保险合同》。", "残疾人专职委员意外保险"),
    ("双方共同签署了《2017年度厦门市实名注册志愿者团体人身意外伤害保险协议》。", "厦门市实名注册志愿者团体人身意外伤害保险"),
])
def test_a_quoted_contract_of_a_cover_names_the_cover(pipeline, text, product):
    """《某某保险合同》: the cover the contract is of, past the year it runs for; not a bare kind of two
    characters (“文物保险协议”), nor a contract of no cover (《战略合作协议》)."""
    assert (product, "Product") in found(pipeline, text)
    for other in ("县文物局与人保财险连城支公司签下一份“文物保险协议”。", "双方签署《战略合作协议》。"):
        assert not any(cls == "Product" for _, cls in found(pipeline, other))


@pytest.mark.parametrize("text", [
    "细分来看，柑橘保险由本县农民投保，共三百件。",  # a crop's line, no name
    "意外伤害保险由单位统一投保。",  # a bare kind of cover
    "难点在于地方巨灾保险的设计：投保人是政府。",  # no clause opens with the cover
    "在大连工作生活、参加了异地基本医疗保险的新市民都可以投保。",  # a public health scheme joined
    "凡是参加本市基本医保的居民都可以投保。",
])
def test_a_line_of_business_a_clause_opens_with_is_no_product(pipeline, text):
    assert not any(cls == "Product" for _, cls in found(pipeline, text))


@pytest.mark.parametrize("text", [
    "怎么保、怎么赔",  # a heading of two questions
    "如何保、如何赔",
])
def test_a_question_is_no_unquoted_product(pipeline, text):
    assert not any(cls == "Product" for _, cls in found(pipeline, text))


def test_a_kind_of_cover_ending_as_named_cover_does_is_no_product(pipeline):
    # 补充医疗保险 and 综合保险 end names of cover; with only words of a line of business before them,
    # what is written is a kind of cover
    got = found(pipeline, "这家公司承保的普惠型补充医疗保险“江城惠医保”本月开卖。")
    assert ("江城惠医保", "Product") in got
    assert ("普惠型补充医疗保险", "Product") not in got
    assert not any(cls == "Product" for _, cls in found(pipeline, "县里鼓励小店购买企业财产综合保险。"))
    assert ("山区民生综合保险", "Product") in found(pipeline, "市里统一购买的山区民生综合保险已覆盖全体村民。")


@pytest.mark.parametrize("text", [
    "业内关注这家“国资背景”寿险公司的合规进展。",
    "两家“2019届”财险公司开业首年均未盈利。",
    "即便是“自家”险企，也要在柜台上抢货架。",
])
def test_a_quoted_word_before_a_word_of_an_insurer_is_no_product(pipeline, text):
    # the 险 of 寿险公司 or 险企 names a kind of firm, not the cover the quoted word would be the name of
    assert not any(cls == "Product" for _, cls in found(pipeline, text))


def test_a_launch_verb_inside_a_noun_launches_nothing(pipeline):
    # 技术开发 is one noun: its 开发 does not open the name of a cover (成果验证失败损失保险 is no name)
    got = found(pipeline, "新条款另列技术开发成果验证失败损失保险一个险种。")
    assert ("成果验证失败损失保险", "Product") not in got
    assert ("蜜蜂养殖气象保险", "Product") in found(pipeline, "人保财险与农科院合作开发出蜜蜂养殖气象保险。")


def test_short_names_before_the_kind_they_share_are_those_firms(pipeline):
    got = {(m.surface, m.entity.rsplit("/", 1)[-1]) for m in mentions(pipeline, "背后还有中信、招商、兴业三家股份制银行的身影。")}
    assert {("中信", "citic-bank"), ("招商", "cmb"), ("兴业", "cib")} <= got
    got = found(pipeline, "国寿、平安、太保等3家寿险公司参与了试点。")  # a group's short name among insurers
    assert {("国寿", "Insurer"), ("平安", "Insurer"), ("太保", "Insurer")} <= got


def test_group_short_names_before_a_kind_any_insurer_or_group_is_stay_groups(pipeline):
    got = found(pipeline, "台风过境后，人保、平安、太保三大险企连夜开通理赔绿色通道。")
    assert {("人保", "InsuranceGroup"), ("平安", "InsuranceGroup"), ("太保", "InsuranceGroup")} <= got
    got = found(pipeline, "新华、大地等多家保险公司参与共保。")  # a firm's stem is still that firm
    assert {("新华", "Insurer"), ("大地", "Insurer")} <= got


def test_a_preposition_before_a_listed_firm_is_no_part_of_its_name(pipeline):
    text = "北京普惠健康保自2021年7月上线，由人保健康等五家公司共保。"
    assert ("人保健康", "Insurer") in found(pipeline, text)
    assert not any(name.startswith("由") for name, _ in found(pipeline, text))


@pytest.mark.parametrize("text, programme", [
    ("泰康在线联合水滴公司发起了泰爱保公益计划，帮助大病患者。", "泰爱保公益计划"),
    ("新华保险在全国开展新华保险健康守护行动，为环卫工人免费体检。", "新华保险健康守护行动"),
    ("华泰保险设立华泰保险博爱基金，用于资助困难家庭。", "华泰保险博爱基金"),
    ("人社部门在五省开展灵活就业人员养老保障试点，首批覆盖10万人。", "灵活就业人员养老保障试点"),  # a named pilot
    ("合作分三块：其一，设置某某寿险乡村医生培养基金；其二，共建诊所。", "某某寿险乡村医生培养基金"),  # 设置 a fund
])
def test_an_unquoted_programme_after_a_launch_verb_is_an_initiative(pipeline, text, programme):
    assert (programme, "Initiative") in found(pipeline, text)


@pytest.mark.parametrize("text", [
    "公司积极开展防灾减灾宣传活动，提醒客户做好防范。",  # only words any programme may use
    "各保险机构开展专项整治行动，规范销售行为。",
    "太平洋产险开通了理赔绿色通道，简化理赔流程。",
    "平安人寿发起了一项针对老年人的关爱计划。",  # a clause, not a name
    "太保在当地开展了30项具体行动。",  # a count
    "各市要打造两类示范工程，年底前验收。",  # a count of kinds
    "该公司已在山区捐建第12所希望小学。",  # a count of buildings
    "这是该县连续第二年开展苹果收入险试点。",  # the pilot of a cover: the cover is the name
])
def test_a_described_programme_is_no_name(pipeline, text):
    assert not any(cls == "Initiative" for _, cls in found(pipeline, text))


def test_a_fund_that_invests_is_a_partner_not_a_programme(pipeline):
    names = found(pipeline, "某某人寿正与市政府推进一只30亿元的滨江科创基金落地。")
    assert ("滨江科创基金", "Partner") in names
    assert ("滨江科创基金", "Initiative") not in names
    names = found(pipeline, "某某人寿与地方国资共同设立东湖新兴产业基金，重点投向医疗健康。")
    assert not any(cls == "Initiative" for _, cls in names)


def test_an_amount_before_a_programme_is_no_part_of_its_name(pipeline):
    names = found(pipeline, "某某人寿发起千亿养老服务基金，首期到位两百亿元。")
    assert not any(cls == "Initiative" and name.startswith("千亿") for name, cls in names)


def test_a_quoted_registry_name_is_the_organisation_not_a_product(pipeline):
    text = "安华农业保险股份有限公司（简称“安华农险”）吉林分公司推出新产品。"
    assert found(pipeline, text) >= {("安华农业保险股份有限公司（简称“安华农险”）吉林分公司", "Branch")}
    assert not any(cls == "Product" for _, cls in found(pipeline, text))


def test_a_subsidiary_inside_its_groups_longer_string_is_read_as_the_branch(pipeline):
    [m] = [m for m in mentions(pipeline, "中国平安产险上海分公司向社区捐赠物资。") if m.cls != "BeneficiaryGroup"]
    assert m.cls == "Branch" and m.surface.endswith("平安产险上海分公司")
    assert pipeline.registry.entries[m.parent].entity.label == "平安产险"


@pytest.mark.parametrize("text, branch, insurer", [
    ("暴雨过后，黄岩区太保产险连夜为大棚种植户查勘定损。", "黄岩区太保产险", "太保产险"),
    ("今年一季度，义乌市平安产险为小商户赔付了一批货损。", "义乌市平安产险", "平安产险"),
])
def test_a_county_with_its_level_before_an_insurers_name_is_its_branch_there(pipeline, text, branch, insurer):
    [m] = [m for m in mentions(pipeline, text) if m.cls in ("Branch", "Insurer")]
    assert (m.surface, m.cls) == (branch, "Branch")
    assert pipeline.registry.entries[m.parent].entity.label == insurer


def test_a_local_office_of_a_group_whose_business_is_not_insurance_is_a_partner(pipeline):
    got = found(pipeline, "中国邮政集团有限公司赣州市分公司负责在各网点代办投保。")
    assert ("中国邮政集团有限公司赣州市分公司", "Partner") in got
    assert not any(cls == "Branch" for _, cls in got)


def test_a_pattern_name_holding_a_registry_name_is_read_whole(pipeline):
    got = found(pipeline, "国家金融监督管理总局温州监管分局对该公司作出处罚。")
    assert ("国家金融监督管理总局温州监管分局", "Regulator") in got
    assert ("国家金融监督管理总局", "Regulator") not in got


@pytest.mark.parametrize("text, name", [
    ("在中山银保监分局指导下，当地险企推出复工保险。", "中山银保监分局"),
    ("日照金融监管分局提示消费者防范风险。", "日照金融监管分局"),
    ("中国人民银行朝阳市分行开展金融知识宣传。", "中国人民银行朝阳市分行"),
])
def test_a_supervisors_office_in_a_city_whose_name_is_also_a_word(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)


@pytest.mark.parametrize("text, name", [
    ("金华银保监分局义乌监管组召集辖内险企开会。", "金华银保监分局义乌监管组"),
    ("国家金融监督管理总局慈溪监管支局开展宣传。", "国家金融监督管理总局慈溪监管支局"),
    ("深圳证监局对该公司出具警示函。", "深圳证监局"),
    ("国家外汇管理局江苏省分局发布通知。", "国家外汇管理局江苏省分局"),
    ("国家税务总局杭州市税务局发布公告。", "国家税务总局杭州市税务局"),
    # a county's office written by the county alone, as county news names it
    ("珙县金融监管支局组织辖内机构开展排查。", "珙县金融监管支局"),
    ("在长宁金融监管支局的指导下，人保财险长宁支公司开展宣传。", "长宁金融监管支局"),
    ("由邹城金融监管支局牵头组织调研。", "邹城金融监管支局"),
])
def test_local_offices_of_national_supervisors_are_read_whole(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)


@pytest.mark.parametrize("text, name", [
    ("河南省总工会和河南省地方金融局的人员带头投保。", "河南省地方金融局"),  # local finance's short name
    ("北京金融法院受理了重整申请。", "北京金融法院"),  # a city's specialised courts
    ("杭州互联网法院审理了这起保险纠纷。", "杭州互联网法院"),
])
def test_a_places_local_finance_office_and_specialised_courts_are_regulators(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)


@pytest.mark.parametrize("name", ["镇安县扶贫局", "台南市社会局", "湖南省烟草局", "山丹县农技中心", "阳西县海洋发展局",
                                  "大连市金融发展局", "深圳市人居环境委员会", "邻水县关工委",
                                  "宁波市旅发委", "武汉市房管局", "天津市环卫局", "隆安县卫生和计划生育局", "泸溪县畜牧水产局",
                                  "连城县文物局"])
def test_more_departments_of_a_place_are_regulators(pipeline, name):
    assert (name, "Regulator") in found(pipeline, f"{name}与人保财险签署合作协议。")


def test_all_the_county_supervisors_of_a_city_are_no_body(pipeline):
    got = found(pipeline, "宜宾金融监管分局要求辖区各金融监管支局加强指导。")
    assert not any(n.endswith("金融监管支局") for n, c in got)


def test_a_short_name_whose_first_character_ends_a_word_before_it_is_no_name(pipeline):
    """没人保, 有人保: no one, someone insures; not PICC (人保); 有人保财险 still names the insurer."""
    assert not found(pipeline, "过去按天干活却没人保的那一段风险，现在有人保了。")
    assert ("人保财险", "Insurer") in found(pipeline, "辖内有人保财险、平安产险两家公司。")


def test_best_reading_covers_the_most_text_with_the_fewest_pieces():
    assert best_reading([(0, 4, "group"), (2, 11, "branch")]) == [(2, 11, "branch")]
    assert best_reading([(0, 4, "group"), (2, 11, "branch"), (0, 2, "a")]) == [(0, 2, "a"), (2, 11, "branch")]
    assert best_reading([(0, 4, "whole"), (0, 2, "a"), (2, 4, "b")]) == [(0, 4, "whole")]
    assert best_reading([]) == []


def test_a_market_and_a_listing_word_after_a_groups_name_are_where_it_listed(pipeline):
    """中国太平|香港上市: the group listed in Hong Kong, not its Hong Kong arm (太平香港) after a stray 中国;
    太平香港 alone before 上市 (launches) is still the arm, and 中国太保产险 still the subsidiary."""
    assert found(pipeline, "中国太平香港上市以来市值稳步增长。") == {("中国太平", "InsuranceGroup")}
    assert ("太平香港", "Insurer") in found(pipeline, "太平香港上市了一款新的家居保险。")
    assert ("中国太保产险", "Insurer") in found(pipeline, "中国太保产险推出新产品。")


def test_the_publisher_in_a_credit_line_is_no_mention(pipeline):
    # a dateline's credit names the publisher, no entity of the article; the body's mention stands
    ms = mentions(pipeline, "2017-04-07 16:49　来源：百度财经综合\n百度与中国太保签署合作协议。")
    assert [m.surface for m in ms if m.cls == "Partner"] == ["百度"]
    assert all(m.start > 20 for m in ms)


@pytest.mark.parametrize("line", ["来源：百度财经 科技频道　2019-03-02", "2019-03-02 10:20　来源：百度新闻　作者：李明",
                                  "2019-03-02　百度新闻广播电视台　记者：李明"])  # a dateline's publisher without 来源
def test_the_publisher_in_a_credit_the_byline_goes_on_after_is_no_mention(pipeline, line):
    ms = mentions(pipeline, f"{line}\n百度与中国太保签署合作协议。")
    assert [m.surface for m in ms if m.cls == "Partner"] == ["百度"]


def test_traditional_script_is_matched_and_kept_as_written(pipeline):
    [m] = [m for m in mentions(pipeline, "中國太保積極理賠。") if m.cls == "InsuranceGroup"]
    assert m.surface == "中國太保"
    assert pipeline.registry.entries[m.entity].entity.label == "中国太保"


def test_traditional_script_is_read_a_phrase_at_a_time_where_a_character_hangs_on_its_neighbour(pipeline):
    # 計畫 is 计划 (a plan), though 畫 alone is 画: Taiwan's programmes named so are programmes
    got = found(pipeline, "南山人壽另一項長期計畫「南山慈善醫療關懷計畫」已連續推動12年。", disabled=("learned",))
    assert ("南山慈善醫療關懷計畫", "Initiative") in got
    [m] = [m for m in mentions(pipeline, "國泰人壽推出「永續校園計畫」。", disabled=("learned",)) if m.cls == "Initiative"]
    assert m.surface == "永續校園計畫"  # kept as written


def test_a_full_width_plus_reads_as_the_rules_plus(pipeline):
    # a model of a word and 保险 written with ＋ (Taiwan and Hong Kong news) is no product, as with +
    assert not any(cls == "Product" for _, cls in found(pipeline, "該公司把「服務＋保險」的做法推向全台。"))
    assert not any(cls == "Product" for _, cls in found(pipeline, "县里探索“财政＋保险”的方式帮扶农户。"))


def test_those_a_payment_is_handed_to_are_a_group(pipeline):
    got = found(pipeline, "公司把低温指数保险的赔款送到茶农手中。", disabled=("learned",))
    assert ("茶农", "BeneficiaryGroup") in got
    assert not any(c == "BeneficiaryGroup" for _, c in found(pipeline, "公司把材料送到市政府。", disabled=("learned",)))


def test_a_beneficiary_group_needs_a_word_of_help_and_a_name_of_its_own(pipeline):
    assert ("建档立卡贫困户", "BeneficiaryGroup") in found(pipeline, "为全区15万户建档立卡贫困户提供兜底保障。")
    assert not any(cls == "BeneficiaryGroup" for _, cls in found(pipeline, "理赔人员迅速赶赴现场。"))
    assert not any(cls == "BeneficiaryGroup" for _, cls in found(pipeline, "为每位客户提供服务。"))


@pytest.mark.parametrize("text, group", [
    ("中国人寿为全市特扶对象免费投保意外险。", "特扶对象"),  # those a policy names as its objects
    ("平安产险为渔业船员提供意外保险。", "渔业船员"),  # a crew
    ("某财险为参赛的南通队球员提供人身意外保障。", "南通队球员"),  # a team's members
])
def test_a_policys_objects_a_crew_and_a_teams_players_are_groups(pipeline, text, group):
    assert (group, "BeneficiaryGroup") in found(pipeline, text, ("learned",))


def test_the_objects_of_any_firms_service_are_no_group(pipeline):
    assert not any(c == "BeneficiaryGroup" for _, c in found(pipeline, "公司为服务对象提供咨询。", ("learned",)))


def test_words_of_care_and_sponsorship_are_words_of_help(pipeline):
    """关怀 and 资助 say who is helped as 关爱 and 帮扶 do; 照顾 is no such word, as often said of one person."""
    assert ("孤寡老人", "BeneficiaryGroup") in found(pipeline, "公司志愿者定期上门关怀孤寡老人。", ("learned",))
    assert ("贫困大学生", "BeneficiaryGroup") in found(pipeline, "该基金每年资助贫困大学生完成学业。", ("learned",))
    assert not any(c == "BeneficiaryGroup" for _, c in found(pipeline, "她负责照顾楼下失明老人。", ("learned",)))


def test_the_first_half_of_both_and_names_a_group_as_the_second_does(pipeline):
    """既包括…也包括 lists those a scheme covers: each half takes a group."""
    got = found(pipeline, "救助范围既包括户籍居民，也包括外来务工人员。", ("learned",))
    assert {("户籍居民", "BeneficiaryGroup"), ("外来务工人员", "BeneficiaryGroup")} <= got


def test_a_group_is_named_after_a_word_that_points_at_it_or_takes_each_of_it(pipeline):
    """这些 and 每一位 come before the group's name and are no part of it; 每一名 is each, not one person."""
    assert ("发起会员", "BeneficiaryGroup") in found(pipeline, "公司为这些发起会员提供养老服务。")
    assert ("务工人员", "BeneficiaryGroup") in found(pipeline, "公司为每一位务工人员赠送保险。")
    assert ("骑手", "BeneficiaryGroup") in found(pipeline, "公司为每一名骑手赠送保险。")


def test_a_question_of_which_of_them_names_no_group_of_a_bare_generic_word(pipeline):
    """哪些 asks which of them: no part of the name, so 哪些企业 is the bare generic 企业; a head after it still names one."""
    assert not any(c == "BeneficiaryGroup" for _, c in found(pipeline, "问：哪些企业可以投保？"))
    assert ("菜农", "BeneficiaryGroup") in found(pipeline, "问：哪些菜农可以投保？", ("learned",))


def test_a_list_of_groups_goes_on_past_items_with_no_head_of_their_own(pipeline):
    groups = {n for n, cls in found(pipeline, "公司为种植户、基层干部和返乡创业青年提供免费培训。") if cls == "BeneficiaryGroup"}
    assert groups == {"种植户", "基层干部", "返乡创业青年"}
    groups = {n for n, cls in found(pipeline, "该险种面向学校食堂、中央厨房和食品生产企业推广。") if cls == "BeneficiaryGroup"}
    assert {"中央厨房", "食品生产企业"} <= groups


def test_a_list_item_that_repeats_the_word_of_help_starts_after_it(pipeline):
    """帮养殖户、帮贫困群众: the word said again for each item is no part of the group's name."""
    groups = {n for n, cls in found(pipeline, "这些赔案在帮养殖户、帮贫困群众渡过难关上都起了作用。")
              if cls == "BeneficiaryGroup"}
    assert groups == {"养殖户", "贫困群众"}


def test_the_other_items_of_a_list_that_holds_a_group_are_groups(pipeline):
    """A word of help before a list with a group the registry knows (乡村教师), or 都 and the words that make
    groups after it, make its other short nouns groups; beside a group only a rule read, an item may be a thing."""
    groups = {n for n, c in found(pipeline, "基金会面向护林员、乡村教师和赤脚医生开展培训。", ("learned",))
              if c == "BeneficiaryGroup"}
    assert {"护林员", "乡村教师", "赤脚医生"} <= groups
    groups = {n for n, c in found(pipeline, "按条款，种桑的专业户、合作社和丝绸企业都能投保。", ("learned",))
              if c == "BeneficiaryGroup"}
    assert {"专业户", "合作社", "丝绸企业"} <= groups
    groups = {n for n, c in found(pipeline, "协会给渔船和船上渔工提供互助保障。", ("learned",)) if c == "BeneficiaryGroup"}
    assert "渔船" not in groups
    # 都在其列 (all among those served) makes the list's items groups as 都能投保 does
    groups = {n for n, c in found(pipeline, "服务站面向户外工作者，环卫工人、交通警察、外卖骑手都在其列。", ("learned",))
              if c == "BeneficiaryGroup"}
    assert {"环卫工人", "交通警察", "外卖骑手"} <= groups


def test_a_preposition_after_a_word_of_help_opens_no_name_of_a_group(pipeline):
    """鼓励险企根据X的需求: the firm urged and a preposition's phrase are no part of the group's name."""
    got = found(pipeline, "文件鼓励险企根据灵活就业青年的需求开发产品。", ("learned",))
    assert ("险企根据灵活就业青年", "BeneficiaryGroup") not in got
    assert ("灵活就业青年", "BeneficiaryGroup") in got


def test_a_clause_after_a_group_is_no_list_of_groups(pipeline):
    groups = {n for n, cls in found(pipeline, "公司为贫困户提供保险和帮扶资金。") if cls == "BeneficiaryGroup"}
    assert groups == {"贫困户"}


def test_a_quoted_name_of_what_a_programme_sets_up_or_hands_out_is_an_initiative(pipeline):
    assert ("星光书屋", "Initiative") in found(pipeline, "公司已在山区捐建了12所“星光书屋”。")
    assert ("员工互助账户", "Initiative") in found(pipeline, "会员可申请“员工互助账户”的资助。")
    assert ("服务站", "Initiative") not in found(pipeline, "全省共有十多个“服务站”。")  # the word alone
    # a reading room or classroom it fits out in schools
    assert ("晨光爱心图书室", "Initiative") in found(pipeline, "该寿险公司已为山区学校建起9座“晨光爱心图书室”。")
    assert ("晨光防灾教室", "Initiative") in found(pipeline, "第二间“晨光防灾教室”近日在镇中心小学启用。")
    assert ("晨光阅览室", "Initiative") in found(pipeline, "某某人寿向当地小学捐建了晨光阅览室，送去图书两千册。")


def test_a_quoted_name_of_cover_stays_cover_before_a_word_of_a_programme_but_not_of_a_channel(pipeline):
    assert ("滨江安康保", "Product") in found(pipeline, "公司推出“滨江安康保”等普惠型保险项目。")
    assert ("滨江惠农保", "Initiative") in found(pipeline, "在“滨江惠农保”项目中，公司坚持普惠。")
    assert ("农险好投保", "Initiative") in found(pipeline, "“农险好投保”平台随后上线。")


def test_a_quoted_platform_or_standard_is_an_initiative_though_a_cover_is_in_its_name(pipeline):
    # a platform is a channel whatever cover it serves: the name ends with its kind
    got = found(pipeline, "某财险湖北分公司开发出“惠农保理赔监控平台”，不再靠人工逐户排查。")
    assert ("惠农保理赔监控平台", "Initiative") in got
    assert not any(cls == "Product" for _, cls in got)
    # a service standard an insurer sets is a programme it runs
    assert ("六免服务", "Initiative") in found(pipeline, "某某在线还为这种模式配上了“六免服务”标准。")


def test_a_quoted_topic_or_model_before_a_word_of_a_programme_is_no_initiative(pipeline):
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "该基金会以“乡村养老”为主要公益方向。"))
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "该项目采用“价格+产量”双重保障机制。"))


def test_a_quoted_verb_of_cover_ending_in_bao_is_no_product(pipeline):
    for text in ("百万医疗险进入“20年续保”时代。", "它反而在这些关键年龄段“加保”，颇见诚意。", "连“植入癌细胞骗保”这样的谣言都出现过。"):
        assert not any(cls == "Product" for _, cls in found(pipeline, text, disabled=("learned",))), text
    # a brand ending in 保 is still cover
    assert ("滨江惠民保", "Product") in found(pipeline, "该市推出“滨江惠民保”。", disabled=("learned",))


def test_a_quoted_word_after_a_risk_is_no_cover(pipeline):
    # 风险 and 危险 end in 险 but name a risk, not a kind of cover the quoted word would be the name of
    got = found(pipeline, "该县针对三类风险“对症下药”，设计了兜底方案。")
    assert not any(cls == "Product" for _, cls in got)
    assert ("安心宝", "Product") in found(pipeline, "公司为少儿重疾险“安心宝”新增了两项责任。")


def test_a_quoted_question_is_no_name(pipeline):
    got = found(pipeline, "对“老人为什么要买意外险”，某某人寿给出了三点解释。")
    assert not any(cls == "Product" for _, cls in got)
    got = found(pipeline, "记者问：“这份重疾险值得买吗？”")
    assert not any(cls == "Product" for _, cls in got)


def test_a_quoted_name_launched_with_no_sign_of_cover_is_an_initiative(pipeline):
    assert ("惠企通", "Initiative") in found(pipeline, "该公司联合市财政局推出“惠企通”，为小微企业纾困。")
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "公司将打造“小而美”的专业保险机构。"))
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "团队建立了“降水量—产量”的对应关系。"))
    # a count of what was built or run may stand between the verb and the name (建起一座“X”, 开展第三个“X”)
    assert ("爱心图书角", "Initiative") in found(pipeline, "该公司在村小建起一座“爱心图书角”，送去图书。")
    assert ("太保书苑", "Initiative") in found(pipeline, "该公司已援建第三个“太保书苑”，送去图书。")


def test_a_quoted_title_of_two_phrases_joined_by_a_middle_dot_is_an_initiative(pipeline):
    assert ("温暖童心·书香满园", "Initiative") in found(pipeline, "基金会的首个项目“温暖童心·书香满园”昨日在杭州开启。")
    assert ("微医保·医疗险", "Product") in found(pipeline, "首款产品“微医保·医疗险”保费低至百余元。")  # its ending tells
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "“7·20”暴雨过后，理赔随即启动。"))  # a date
    # a talk's title, with its subtitle after a dash
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "他以“共生·共赢——保险科技的下一站”为题发言。"))
    # an honour given to people
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "协会评出了首批“绿色出行·文明使者”。"))


def test_a_word_that_only_counts_or_places_a_group_is_no_part_of_its_name(pipeline):
    got = found(pipeline, "这场暴雨让不少车主损失惨重，公司还帮助我国出口商户渡过难关。")
    assert ("不少车主", "BeneficiaryGroup") not in got and ("车主", "BeneficiaryGroup") in got
    assert ("出口商户", "BeneficiaryGroup") in got
    got = found(pipeline, "该产品面向60周岁以上老年人，不限既往症。")  # an age bracket only qualifies
    assert ("老年人", "BeneficiaryGroup") in got and ("以上老年人", "BeneficiaryGroup") not in got
    got = found(pipeline, "公司为大约两千名环卫工人送上意外险。")  # 大约 only qualifies the count
    assert ("环卫工人", "BeneficiaryGroup") in got
    got = found(pipeline, "凡是养蜂大户都可投保，保费由县财政补贴一半。")  # 凡是 says all of them
    assert ("养蜂大户", "BeneficiaryGroup") in got and not any(n.startswith("凡") for n, _ in got)
    got = found(pipeline, "新园区的建成，让更多大湾区居民受益。")  # jieba splits the place's level (大湾|区)
    assert not any(n.startswith("区") for n, _ in got)


def test_those_recovered_from_an_illness_are_a_group_a_scheme_helps(pipeline):
    got = found(pipeline, "基金会为200余名癌症康复者提供免费复查。")
    assert ("癌症康复者", "BeneficiaryGroup") in got


def test_those_hit_by_a_disaster_are_a_group_with_no_word_of_help(pipeline):
    assert ("受灾商户", "BeneficiaryGroup") in found(pipeline, "暴雨过后，查勘员连夜走访受灾商户。")
    assert ("受灾企业", "BeneficiaryGroup") in found(pipeline, "台风过境后，监管人员赶赴受灾企业了解损失。")
    assert not any(c == "BeneficiaryGroup" for _, c in found(pipeline, "全县受灾人口达3万人。"))  # a count


def test_the_relatives_of_those_killed_are_a_group_with_no_word_of_help(pipeline):
    got = found(pipeline, "事故发生后，理赔人员连夜联系遇难者家属，开通绿色通道。")
    assert ("遇难者家属", "BeneficiaryGroup") in got
    got = found(pipeline, "按方案，罹难者亲属的丧葬费用每人限额3万元。")
    assert ("罹难者亲属", "BeneficiaryGroup") in got


def test_the_relatives_and_friends_of_a_group_are_a_group_of_their_own(pipeline):
    """亲友 is a head as 家属 and 亲属 are: the people before it say whose friends they are, no group alone."""
    got = found(pipeline, "保险公司在机场为遇险旅客亲友安排了专人接待。", ("learned",))
    assert ("遇险旅客亲友", "BeneficiaryGroup") in got
    assert ("遇险旅客", "BeneficiaryGroup") not in got


def test_those_at_risk_of_falling_back_into_poverty_are_a_group_with_no_word_of_help(pipeline):
    got = found(pipeline, "这笔资金还能防止易返贫人员因病再度陷入困境。")
    assert ("易返贫人员", "BeneficiaryGroup") in got
    got = found(pipeline, "县里把易致贫家庭逐户登记造册。")
    assert ("易致贫家庭", "BeneficiaryGroup") in got


def test_a_public_health_schemes_people_word_names_the_scheme_not_a_group(pipeline):
    # 城镇居民医保 is a scheme; the group it helps is the scheme's insured, named whole
    got = found(pipeline, "这份补充保险面向本市城镇居民医保参保人，保费每人59元。")
    assert ("城镇居民医保参保人", "BeneficiaryGroup") in got and ("城镇居民", "BeneficiaryGroup") not in got


def test_those_with_an_illness_underwriters_call_substandard_are_a_group(pipeline):
    got = found(pipeline, "这款重疾险首次面向非标体人群开放投保。")
    assert ("非标体人群", "BeneficiaryGroup") in got
    # 非 that leaves people out names no group
    got = found(pipeline, "公司为非现场客户开通了视频办理。")
    assert not any(c == "BeneficiaryGroup" for _, c in got)


def test_those_a_cover_takes_in_are_a_group(pipeline):
    got = found(pipeline, "全区2万名外来务工人员均被纳入这项保障。")
    assert ("外来务工人员", "BeneficiaryGroup") in got
    # …or reaches, the last of a list of kinds (…等) included
    got = found(pipeline, "今年，冷链物流企业、农贸市场商户等也陆续被这类保险覆盖。")
    assert {("冷链物流企业", "BeneficiaryGroup"), ("农贸市场商户", "BeneficiaryGroup")} <= got


def test_earlier_items_of_a_list_of_groups_are_groups_past_items_with_no_head(pipeline):
    # only the last item stands before the words that make them groups; 小吃摊 has no head of its own
    got = found(pipeline, "今年，冷链物流企业、小吃摊、菜市场商户等也陆续被这类保险覆盖。")
    assert {("冷链物流企业", "BeneficiaryGroup"), ("小吃摊", "BeneficiaryGroup"),
            ("菜市场商户", "BeneficiaryGroup")} <= got
    # a verb in the list makes it a clause, no list of groups
    got = found(pipeline, "今年，冷链物流企业、开设网店、菜市场商户等也陆续被这类保险覆盖。")
    assert ("冷链物流企业", "BeneficiaryGroup") not in got


def test_those_who_now_have_cover_are_a_group_also_in_a_headline_of_phrases(pipeline):
    # a space between a headline's phrases ends a clause: the group's name starts after it
    got = found(pipeline, "暴雨过后三地各出一招 沿街商户有了灾后保单")
    assert ("沿街商户", "BeneficiaryGroup") in got
    # having something other than cover makes no group
    assert not any(c == "BeneficiaryGroup" for _, c in found(pipeline, "沿街商户有了新的经营思路。"))


def test_those_a_cover_counts_in_or_pays_relief_to_are_a_group(pipeline):
    got = found(pipeline, "按照新方案，全县的常住人口均在保障之列，临时来访的外来人口同样受保。")
    assert {("常住人口", "BeneficiaryGroup"), ("外来人口", "BeneficiaryGroup")} <= got
    got = found(pipeline, "这份保单生效后，参保职工每人最高可获得3万元救助。")
    assert ("参保职工", "BeneficiaryGroup") in got
    # by what of theirs the scheme covers
    got = found(pipeline, "按新规，参保居民合规的上门护理费用同样在保障之列。")
    assert ("参保居民", "BeneficiaryGroup") in got
    got = found(pipeline, "试验期间，受试者的人身伤害和财产损失都在保障范围内。")
    assert ("受试者", "BeneficiaryGroup") in got
    # by the cover they get (获得/得到…保障), as by the relief they get
    got = found(pipeline, "新业态从业群体从这款产品得到的风险保障超过两百亿元。")
    assert ("新业态从业群体", "BeneficiaryGroup") in got
    assert ("城乡低收入人群", "BeneficiaryGroup") in found(pipeline, "这一年里，城乡低收入人群从中得到了更稳的保障。")


def test_a_list_of_those_who_received_cover_is_a_list_of_groups(pipeline):
    # the list closed by a comma before the words (，都从…收到了…保障), past a clause that describes them
    got = found(pipeline, "在本轮疫情中，驻守方舱医院的乡村医师、社区护士和核酸检测人员，都从某某人寿那里收到了一份意外保障。")
    assert {("乡村医师", "BeneficiaryGroup"), ("社区护士", "BeneficiaryGroup"),
            ("核酸检测人员", "BeneficiaryGroup")} <= got
    # a list that does something else names no group
    got = found(pipeline, "驻守方舱医院的乡村医师、社区护士和核酸检测人员，都在岗位上坚持了一个多月。")
    assert not any(c == "BeneficiaryGroup" for _, c in got)


def test_the_victims_and_the_disabled_a_scheme_is_for_are_groups(pipeline):
    got = found(pipeline, "若肇事方无力赔偿，受害者可从承保机构获得伤亡救助。")
    assert ("受害者", "BeneficiaryGroup") in got
    assert ("灾民", "BeneficiaryGroup") in found(pipeline, "洪水退去后，公司为灾民送去了棉被和食品。")
    got = found(pipeline, "长照服务对象包括两类：一是无法自理的失能者，二是认不清家人的失智者。")
    assert {("失能者", "BeneficiaryGroup"), ("失智者", "BeneficiaryGroup")} <= got


def test_police_officers_are_a_group_only_where_they_are_helped(pipeline):
    # the officers who investigate a fraud are no group; those a cover is bought for are
    assert not any(c == "BeneficiaryGroup" for _, c in found(pipeline, "经侦民警随后调出了多家保险公司的理赔数据。"))
    assert ("民警", "BeneficiaryGroup") in found(pipeline, "保险公司为全市一线民警投保了意外险。")
    assert ("公安民警", "BeneficiaryGroup") in found(pipeline, "全省公安民警的意外伤害保险续保了。")


def test_a_count_of_the_population_is_no_group(pipeline):
    assert not any(c == "BeneficiaryGroup" for _, c in found(pipeline, "到2040年，我国老年人口将占全球的四分之一。"))
    assert ("残疾人", "BeneficiaryGroup") in found(pipeline, "该险种面向残疾人口腔治疗。")  # 口腔: no count


def test_growers_named_by_their_crop_and_fishing_crews_are_groups(pipeline):
    assert ("芋农", "BeneficiaryGroup") in found(pipeline, "县府再补贴两成保费，替当地芋农减轻投保负担。")
    assert ("蒜农", "BeneficiaryGroup") in found(pipeline, "金乡推出了面向蒜农的大蒜目标价格保险。")
    assert ("椒农", "BeneficiaryGroup") in found(pipeline, "这份保险为全县椒农兜住了收入。")
    assert ("林户", "BeneficiaryGroup") in found(pipeline, "碳汇项目今年惠及约500户林户。")
    assert ("渔工", "BeneficiaryGroup") in found(pipeline, "协会为出海渔船上的渔工提供互助保障。")


def test_soldiers_and_builders_are_groups_named_by_their_force_or_site(pipeline):
    assert ("消防官兵", "BeneficiaryGroup") in found(pipeline, "公司为全省消防官兵赠送意外险。", ("learned",))
    assert ("城市建设者", "BeneficiaryGroup") in found(pipeline, "公司为全市10万名城市建设者赠送保险。", ("learned",))


def test_livestock_farms_are_groups_named_by_what_they_raise(pipeline):
    assert ("生猪养殖场", "BeneficiaryGroup") in found(pipeline, "这项保险的服务对象是全市的生猪养殖场。", ("learned",))


def test_rubber_tappers_and_home_owners_are_groups_alone(pipeline):
    """胶农 names growers by their crop as 芋农 does; 屋主 and 房主 name the owners of homes as 车主 does of cars."""
    assert ("胶农", "BeneficiaryGroup") in found(pipeline, "价格保险为胶农托底，保费由财政补贴六成。", ("learned",))
    assert ("屋主", "BeneficiaryGroup") in found(pipeline, "这份地震保险专为屋主提供基本保障。", ("learned",))
    assert ("房主", "BeneficiaryGroup") in found(pipeline, "公司向房主预付了赔款。", ("learned",))


def test_one_firm_or_household_with_its_place_or_kind_before_is_no_group(pipeline):
    for text in ("信保赔款到账后，一家浙江光伏组件企业渡过了难关。", "这笔保单承保了丰县6家合作社外加1户养殖农户。"):
        assert not any(n.endswith(("企业", "农户")) for n, c in found(pipeline, text) if c == "BeneficiaryGroup")


def test_a_body_acting_on_people_is_no_part_of_a_groups_name(pipeline):
    # 县政府|组织|农户: the body and its verb are a clause; the group is the people after them
    got = found(pipeline, "为县政府组织农户投保提供便利，今年全县参保率过九成。")
    assert ("县政府", "Regulator") in got and not any(c == "BeneficiaryGroup" and "政府" in n for n, c in got)
    got = found(pipeline, "区政府积极动员养殖户参保，保费由财政补贴。")
    assert ("区政府", "Regulator") in got and ("养殖户", "BeneficiaryGroup") in got
    assert not any(c == "BeneficiaryGroup" and "政府" in n for n, c in got)


def test_a_list_of_groups_goes_on_past_a_comma_before_its_last_joiner(pipeline):
    got = found(pipeline, "基金今后将支持乡村教师、乡村致富带头人，以及回乡创业青年。")
    assert ("回乡创业青年", "BeneficiaryGroup") in got


def test_a_word_that_qualifies_a_count_is_no_part_of_a_groups_name(pipeline):
    got = found(pipeline, "中国平安为超过7万名志愿者提供保障。")
    assert ("志愿者", "BeneficiaryGroup") in got
    got = found(pipeline, "公司为近30万医务职工提供保障。")
    assert ("医务职工", "BeneficiaryGroup") in got
    got = found(pipeline, "协会累计为800艘次渔船、12000人次渔工提供了互助保障。")  # 人次 counts them too
    assert ("渔工", "BeneficiaryGroup") in got and not any("人次" in name for name, _ in got)
    got = found(pipeline, "这家平台希望让上亿个家庭看病有保障。")  # 上 of 上亿个 too; 家庭 alone names none
    assert not any(c == "BeneficiaryGroup" for _, c in got)
    got = found(pipeline, "该项目累计为逾百万名职工及其家属提供保障。")  # 及其 joins two groups
    assert not any("逾" in name or "及其" in name for name, _ in got)
    for text in ("公司向一线员工以及合作商户送去防疫物资。", "该产品面向退休教师或者社区工作人员。"):
        assert not any(joiner in name for name, _ in found(pipeline, text) for joiner in ("以及", "或"))


def test_the_farm_businesses_agricultural_cover_is_for_are_groups(pipeline):
    got = found(pipeline, "暴雨过后，当地种粮大户和家庭农场纷纷报案，新型农业经营主体损失较重。")
    assert {("种粮大户", "BeneficiaryGroup"), ("家庭农场", "BeneficiaryGroup"),
            ("新型农业经营主体", "BeneficiaryGroup")} <= got


def test_a_hotline_number_is_an_initiative(pipeline):
    assert ("95518", "Initiative") in found(pipeline, "客户可拨打客服热线95518报案。")
    assert ("95518", "Initiative") in found(pipeline, "中国人保95518专线全天候优先受理报案。")
    assert ("400-820-9619", "Initiative") in found(pipeline, "也可拨打运营管理中心的电话400-820-9619。")
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "共有95000户受灾。"))


def test_a_public_hotline_named_with_what_it_is_for_is_an_initiative(pipeline):
    got = found(pipeline, "消费者可通过12378银行保险消费者投诉维权热线反映问题。")
    assert ("12378", "Initiative") in got
    assert ("12345", "Initiative") in found(pipeline, "市民可拨打12345政务服务便民热线反映问题。")
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "赔款12378元已到账。"))


def test_a_hotline_number_after_what_the_line_is_for_in_brackets_is_an_initiative(pipeline):
    got = found(pipeline, "该公司公布了报案热线（全天24小时受理）400-123-4567，客户可随时拨打。")
    assert ("400-123-4567", "Initiative") in got


def test_a_dialled_hotline_and_the_second_of_two_numbers_are_initiatives(pipeline):
    assert ("95522", "Initiative") in found(pipeline, "果农发现树苗受冻后马上拨打95522报案。")
    got = found(pipeline, "投保人可致电服务热线400-888-6666或1010-6688咨询。")
    assert ("1010-6688", "Initiative") in got
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "市民可拨打12345反映问题。"))


def test_a_typhoon_or_a_slogan_in_quotes_is_no_product(pipeline):
    assert not any(cls == "Product" for _, cls in found(pipeline, "受台风“杜苏芮”影响，多地启动保险理赔。"))
    assert not any(cls == "Product" for _, cls in found(pipeline, "公司落实“两个确保”要求。"))
    # a national strategy insurers take part in is the state's, no programme of theirs
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "再保险机构积极参与“一带一路”建设。"))
    assert ("杜苏芮", "Product") not in found(pipeline, "泉州首批“杜苏芮”台风指数保险赔款发放。")
    assert ("三农", "Product") not in found(pipeline, "打造全国的“三农”保险示范区。")
    # a bare kind of cover quoted is no product's name: the statutory 工伤险 too
    assert not any(cls == "Product" for _, cls in found(pipeline, "快递员的“工伤险”今年要扩围了。"))
    assert ("工伤保险", "Product") not in found(pipeline, "平台为骑手购买了工伤保险。")  # unquoted, a line
    # a verb quoted for its figure of speech is no name, whatever follows it
    assert not any(cls in ("Product", "Initiative")
                   for _, cls in found(pipeline, "某县「试水」蔬菜价格保险：农户心里有了底"))
    assert not any(cls in ("Product", "Initiative") for _, cls in found(pipeline, "这家险企今年开始“瘦身”计划。"))
    # a pretext quoted (打着“…”旗号) is no programme, though a word of one follows
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "骗子打着“低息贷款”旗号骗取账户信息。"))
    # an honour conferred (被评为“…项目”) is a title, no programme's name, though a word of one ends it
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "这项活动去年被评为“十佳公益项目”。"))
    # a line of thought or a saying quoted after the word that names it (思路：“…”, 说法是“…”)
    assert ("保险姓保", "Product") not in found(pipeline, "文件沿用了监管一贯的思路：“保险姓保”，突出保障。")
    assert ("小病靠保", "Product") not in found(pipeline, "村里流行的说法是“小病靠保”。")


def test_a_fast_lane_quoted_is_a_common_noun_one_with_a_brand_a_name(pipeline):
    # any office opens a fast lane for claims: 绿色通道 is no channel's name, quoted or not
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "暴雨过后，该公司为农户开通了“绿色通道”。"))
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "某某财险为受灾企业开辟“理赔绿色通道”。"))
    # …one its brand names is one service
    assert ("安企绿色通道", "Initiative") in found(pipeline, "某某财险为受灾企业推出“安企绿色通道”服务。")


def test_a_quoted_word_the_article_shows_to_be_a_typhoon_is_no_product_anywhere_in_it(pipeline):
    text = "据测算，“贝碧嘉”造成的直接保险理赔额有望创下新高。台风“贝碧嘉”在上海登陆。"
    assert ("贝碧嘉", "Product") not in found(pipeline, text)
    # a short name the article defines in quotes stays a name
    assert ("武汉同济医院", "Partner") in found(
        pipeline, "泰康与华中科技大学同济医学院附属同济医院（以下简称“武汉同济医院”）签约。武汉同济医院表示欢迎。")


def test_a_financial_supervisors_county_office_after_it_is_one_body(pipeline):
    got = found(pipeline, "人保财险普陀支公司会同金融监管局普陀支局赶到现场，舟山金融监管分局普陀支局也派了人。")
    assert {("金融监管局普陀支局", "Regulator"), ("舟山金融监管分局普陀支局", "Regulator")} <= got
    assert ("金融监管局", "Regulator") not in got


def test_a_university_hospital_is_named_whole_however_long(pipeline):
    # the university, 附属 and the hospital's own name: one partner, not the university alone
    got = found(pipeline, "试验在复旦大学附属眼耳鼻喉科医院和同济大学附属第十人民医院进行。")
    assert {("复旦大学附属眼耳鼻喉科医院", "Partner"), ("同济大学附属第十人民医院", "Partner")} <= got
    assert ("复旦大学", "Partner") not in got


def test_a_kind_of_firm_or_a_commodity_contract_is_no_name(pipeline):
    got = found(pipeline, "互联网保险公司众安保险推出新产品，头部保险公司纷纷跟进。")
    assert ("互联网保险公司", "Insurer") not in got and ("头部保险公司", "Insurer") not in got
    got = found(pipeline, "项目以生猪期货价格为依据，由徽商期货在大商所进行对冲。")
    assert ("生猪期货", "Partner") not in got and ("徽商期货", "Partner") in got


def test_a_model_made_of_generic_parts_is_no_name(pipeline):
    assert not any(n == "保险+期货" for n, _ in found(pipeline, "人保财险开展“保险+期货”项目。"))
    # …nor is its head left open, quoted alone (“保险+”服务项目), nor that head inside a longer model
    got = found(pipeline, "平安产险推出的“保险+”服务项目包括“保险+科技”。各方签署了“保险+风险防控+供应链金融”的协议。")
    assert not any(n.endswith("+") for n, _ in got)


def test_a_quoted_brand_before_a_long_kind_of_cover_is_the_product(pipeline):
    # the words after the quote are all words of a line of business, however many there are
    assert ("康宁惠", "Product") in found(pipeline, "今年的“康宁惠”普惠型商业补充医疗保险于本月起开放投保。")
    assert ("暖城康", "Product") in found(pipeline, "市医保局指导推出“暖城康”商业补充健康保险。")
    # …but not a word of its own among them (a clause about the quoted word, not its cover)
    assert not any(c == "Product" for _, c in found(pipeline, "两地把“银发经济”作为重点发展商业医疗保险。"))


def test_a_quoted_descriptor_before_a_kind_of_cover_names_the_cover_whole(pipeline):
    got = {(m.surface, m.cls, m.whole) for m in mentions(pipeline, "公司开发了针对鲍鱼养殖的“台风+价格指数”综合保险。")}
    assert ("台风+价格指数", "Product", "台风+价格指数综合保险") in got
    got = {(m.surface, m.whole) for m in mentions(pipeline, "人保财险推出“吉牛保”肉牛价格指数保险。")}
    assert ("吉牛保", None) in got  # a name that is cover already keeps its own name


def test_a_whole_name_keeps_the_script_the_article_writes_it_in(pipeline):
    # rules read folded text; the whole name, like the name, is as written (traditional here)
    got = {(m.surface, m.whole) for m in mentions(pipeline, "某人壽啟動「守護長者」專項行動，並開通95519服務熱線。")}
    assert {("守護長者", "守護長者專項行動"), ("95519", "95519服務熱線")} <= got


@pytest.mark.parametrize("text", [
    "保险为“大国重器”编织风险防护网。",  # 风险 is risk, not cover
    "公司要打造“专而美”的特色保险公司。",  # a quote before 的 describes
    "为两百多家科技型中小企业提供保险担保。",  # 担保 is a guarantee
    "6月8日，“共享阳光 共同成长”阳光保险希望卫生室公益项目在武汉启动。",  # 阳光保险 is the insurer after it
    "用户可通过“支付宝—我的—蚂蚁保险”找到入口。",  # a menu path
    "新能源车有了“专属车险”。",  # a kind of cover, not a name
    "长期护理保险制度（下称“护理保险”）配套文件出台。",  # a term the text defines
    "两家公司分别把重心放在“银发经济”市场和健康险领域。",  # a clause between the quote and the cover
    "当地推行的“气象参数型”保单共有三款。",  # a kind of policy, not its name
    "全县农户实现“应保尽保”，保费由财政补贴。",  # a slogan of the shape 应X尽X
    # a clause between the quote and the cover or product: 是, 到, 被 or a verb 上 (buy cover for)
    "分析师说，“低利率”是压在寿险公司身上的一座大山。",
    "从“门难进”到量身定制的专属产品，带病人群有了选择。",
    "村里给“会长大的存款”上保险，林农心里踏实了。",
    "“小步快跑”被用在保险上，效果不错。",
    "警方打掉一个伪造“追尾”骗取保险金的团伙。",  # 保险金 is money paid, not cover
    # a word of calling introduces a nickname or a term (a programme so called keeps its name)
    "巨灾债券常被称作“风险的证券化保险”，发行门槛很高。",
    "宠物医疗保险在业内有个别称叫“毛孩子医保”，市场刚刚起步。",
    # a slogan of two phrases, though its last ends in 险 (有惊无险), alone or in a row of quotes
    "公园的游船码头立着一块牌子：“平安出行 有惊无险”。",
    "展板上写着“一路同行，有惊无险”“安心游玩 快乐回家”。",
])
def test_words_near_insurance_do_not_make_a_product(pipeline, text):
    assert not any(cls == "Product" for _, cls in found(pipeline, text))


@pytest.mark.parametrize("text, word", [
    ("镇里推出三款“自选式”养殖保险，农户可按需投保。", "自选式"),  # a word ending in 式 names a way
    ("县里为脱贫户“量身打造”了一款保险。", "量身打造"),  # a quoted verb: 了 after it makes a clause
    ("市场上涌现出一批“小众”险种。", "小众"),  # a quoted adjective before 险种 describes a kind
    ("这份“小保险”撑起了农户的大保障。", "小保险"),  # one character and 保险 is no name
    ("县里探索“财政+保险”的方式帮扶农户。", "财政+保险"),  # a model of a word and 保险
    # a model of common words only: how insurers work, no programme
    ("险企的常见打法是“保险产品+养老社区”，以保单锁定入住资格。", "保险产品+养老社区"),
    # words in a list are a slogan
    ("公司从“人、车、保”三方面入手，建起一套理赔体系。", "人、车、保"),
    ("公司开启“快受理、快查勘”服务，受灾企业当天拿到预赔款。", "快受理、快查勘"),
])
def test_a_quoted_concept_or_slogan_near_insurance_is_no_product(pipeline, text, word):
    assert not any(n == word for n, _ in found(pipeline, text))


def test_a_quoted_project_as_news_of_taiwan_writes_it_is_an_initiative(pipeline):
    got = found(pipeline, "該公司的捐款匯入縣府開設的「風災急難救助專案」，統一發放。")
    assert any(n == "風災急難救助專案" and c == "Initiative" for n, c in got)


def test_a_cover_or_programme_for_a_list_keeps_its_name(pipeline):
    got = found(pipeline, "县里推出“奶牛、肉牛保险”，保费由财政补贴八成。")
    assert ("奶牛、肉牛保险", "Product") in got
    got = found(pipeline, "公司启动“暖冬同行——环卫工人、快递员关爱行动”，首批送出保障一万份。")
    assert ("暖冬同行——环卫工人、快递员关爱行动", "Initiative") in got


def test_a_programme_a_word_of_calling_names_keeps_its_name(pipeline):
    assert ("清风工程", "Initiative") in found(pipeline, "业内把这轮整治行动称为“清风工程”。")


def test_a_quoted_name_before_this_product_or_a_kind_of_cover_is_still_the_product(pipeline):
    assert ("福乐保", "Product") in found(pipeline, "某寿险推出“福乐保”这款产品，面向新市民。")
    assert ("滨海上岗保", "Product") in found(pipeline, "外卖员开工前即可领取“滨海上岗保”上海地区专属意外险。")


def test_a_quoted_name_before_a_kind_of_cover_is_the_cover_even_when_the_text_names_it_short(pipeline):
    got = found(pipeline, "某人寿近日上市“福满堂”分红型养老年金保险（下称“福满堂”），主打长期储蓄。")
    assert ("福满堂", "Product") in got  # 下称 repeats a quoted name: a short name, not a defined term
    assert ("福满堂", "Product") in found(pipeline, "某人寿推出“福满堂”分红型养老年金保险。")  # not a programme


def test_a_quoted_month_of_charity_is_an_initiative_and_an_investment_plan_a_product(pipeline):
    assert ("暖阳公益月", "Initiative") in found(pipeline, "各地分公司借助“暖阳公益月”动员员工捐出积分。")
    got = found(pipeline, "该资管公司发起的30亿元“某资管-某城投债权投资计划”已完成首期提款。")
    assert ("某资管-某城投债权投资计划", "Product") in got


def test_a_debt_plan_is_an_asset_managers_product_quoted_or_launched_and_its_kind_alone_no_name(pipeline):
    """“某某水务债权计划”, 发起设立某某水务债权计划: the plan an asset manager issues, a Product, as the quoted
    …债权投资计划 is; 一只债权投资计划 and bare 债权投资计划 name none."""
    assert ("泰康上海水务债权计划", "Product") in found(pipeline, "泰康资产投向的项目有“泰康上海水务债权计划”等。")
    assert ("某某水务债权计划", "Product") in found(pipeline, "某资管公司发起设立某某水务债权计划，规模20亿元。")
    got = found(pipeline, "平安和兴业银行一起发起了一只债权投资计划，规模50亿元。泰康资产也推出债权投资计划。")
    assert not {m for m in got if m[0].endswith("计划")}


def test_the_items_of_a_list_that_ends_in_a_word_of_products_are_products(pipeline):
    got = found(pipeline, "近年来陆续冒出了宠物走失险、演唱会退票险、高温中暑险等一批新奇产品。")
    assert {("演唱会退票险", "Product"), ("高温中暑险", "Product")} <= got
    # a list may mix names ending in 保 with those ending in 险, before or after the item read
    got = found(pipeline, "某平台为小商户配了收款无忧保、扫码收款安全险、店员福利保这样一批普惠产品。")
    assert {("扫码收款安全险", "Product"), ("店员福利保", "Product")} <= got
    got = found(pipeline, "当地主推企财险、工程险、政策性农险等险种。")  # bare kinds of cover are no names
    assert not any(cls == "Product" for _, cls in got)


@pytest.mark.parametrize("text, word", [
    ("用户点开App首页的“意外保险”入口即可投保。", "意外保险"),  # a menu entry, not the cover's name
    ("该厂组织开展“粉尘爆燃事故”应急演练。", "粉尘爆燃事故"),  # the accident a drill acts out
    ("某化工厂“3·21”爆炸保险赔款已全部到位。", "3·21"),  # an accident known by its date
    ("师生一起参加了“2019年某某助学启动仪式”。", "2019年某某助学启动仪式"),  # a ceremony, an event
])
def test_a_quoted_menu_entry_accident_or_event_is_no_name(pipeline, text, word):
    assert not any(n == word for n, _ in found(pipeline, text))


def test_a_group_described_by_a_clause_is_named_after_its_de(pipeline):
    assert ("菜农", "BeneficiaryGroup") in found(pipeline, "该保险为扩种速生叶菜的菜农稳定收入预期。")
    got = found(pipeline, "青浦支公司向青浦区白鹤镇的上海浦信蔬果专业合作社预付了20万元。")
    assert ("上海浦信蔬果专业合作社", "Partner") in got  # a cooperative's own name, not a group
    assert not any(cls == "BeneficiaryGroup" for _, cls in got)


def test_a_street_that_is_no_place_name_is_no_office(pipeline):
    assert not any(cls == "Regulator" for _, cls in found(pipeline, "暴雨过后，多条街道出现水浸。"))


def test_banks_and_insurers_alike_are_no_bank(pipeline):
    assert not any(cls == "Partner" for _, cls in found(pipeline, "二是完善政策，指导银行保险机构落实绿色金融指引。"))
    assert ("丰源农村商业银行", "Partner") in found(pipeline, "该项目由丰源农村商业银行提供贷款。")


def test_a_ministrys_name_inside_the_word_for_a_department_is_no_name(pipeline):
    assert not any(cls == "Regulator" for _, cls in found(pipeline, "赔款已划入当地应急管理部门的账户。"))
    assert not any(cls == "Regulator" for _, cls in found(pipeline, "各级农业农村部门要加快定损。"))
    assert ("农业农村部", "Regulator") in found(pipeline, "农业农村部要求各地做好理赔。")


@pytest.mark.parametrize("text, name", [
    # the verb of the clause before the name is not part of it
    ("人保财险嘉兴分公司昨天接到嘉兴绿源果蔬专业合作社的报案。", "嘉兴绿源果蔬专业合作社"),
    ("理赔员把赔款送到丰禾种植专业合作社负责人手中。", "丰禾种植专业合作社"),  # 种植: the trade, read as a verb
    ("监管部门发布批复，同意明德数科有限责任公司等5家机构发起设立该公司。", "明德数科有限责任公司"),
])
def test_a_firm_named_after_the_verb_of_its_clause_is_found(pipeline, text, name):
    assert (name, "Partner") in found(pipeline, text)


@pytest.mark.parametrize("text, farm", [
    ("暴雨冲垮了青蛙养殖场的围栏。", None),  # common words only: a kind of farm
    ("赔款付给了鄞州瞻岐椿霖水产养殖场。", "鄞州瞻岐椿霖水产养殖场"),  # a place and a brand name one
])
def test_a_farm_is_a_partner_only_when_a_name_opens_it(pipeline, text, farm):
    partners = {name for name, cls in found(pipeline, text) if cls == "Partner"}
    assert partners == ({farm} if farm else set())


def test_a_persons_name_and_a_verb_before_a_cooperative_are_a_clause(pipeline):
    # 方忠宽|庆幸: the person is the clause's subject; a brand (祥泰) with its trade's verb names one
    assert not {m for m in found(pipeline, "李建平庆幸合作社提早买了保险。") if m[1] == "Partner"}
    assert ("祥泰种植专业合作社", "Partner") in found(pipeline, "赔款交给祥泰种植专业合作社。")


def test_a_cooperative_named_by_its_trade_alone_is_a_kind_not_a_partner(pipeline):
    # common words only (种子|生产): any seed growers' cooperative; a brand (丰禾) names one
    assert not {m for m in found(pipeline, "当地种子生产合作社的社员都投了保。") if m[1] == "Partner"}


@pytest.mark.parametrize("text, name", [
    ("人保财险为福建宁德华润牧业承保了2万头生猪。", "福建宁德华润牧业"),  # a place, a brand, the trade
    ("平安人寿此次增持了华电能源的H股。", "华电能源"),
    ("昨天，赵氏米业与太保产险签下水稻收入保险。", "赵氏米业"),
])
def test_a_firm_written_by_its_brand_and_trade_is_a_partner(pipeline, text, name):
    assert (name, "Partner") in found(pipeline, text, disabled=("learned",))


@pytest.mark.parametrize("text", [
    "各地正大力发展清洁能源和冷链物流。",  # a kind of business, not a firm
    "该公司计划优化能源结构。",  # the trade inside a longer word
    "湖北能源消费总量逐年下降。",  # a region's trade: a place alone, no brand
    "江苏物流企业纷纷投保货运险。",
    "当地大力发展物流，带动就业。",  # a policy's verb before the trade, whatever jieba tags it
])
def test_a_trade_after_a_common_word_is_no_firm(pipeline, text):
    assert not any(cls == "Partner" for _, cls in found(pipeline, text, disabled=("learned",)))


@pytest.mark.parametrize("text", [
    "该网点今后只代理邮储银行的保险业务。",  # 代理: the verb, and 邮储银行 the bank
    "工作人员走访辖区银行了解情况。",  # 辖区银行: no bank's name
    "由政府主导成立合作社。",
])
def test_the_verb_before_a_firm_word_makes_no_name(pipeline, text):
    assert not any(cls == "Partner" and n.startswith(("代理", "辖区", "政府")) for n, cls in found(pipeline, text))


@pytest.mark.parametrize("text", [
    "三家股东里，苏州铧泰是金鼎集团旗下的平台。",  # the tokenizer glues 是 to the unknown word before it
    "其中，佛山铧创是美的集团投资的。",
])
def test_a_copula_inside_a_stem_ends_the_clause_it_is_no_name(pipeline, text):
    assert not any("是" in n for n, cls in found(pipeline, text) if cls == "Partner")


def test_a_firms_kind_before_a_groups_ending_is_no_name(pipeline):
    assert not any(cls == "Partner" for _, cls in found(pipeline, "新进股东有两家是企业集团，一家是实业公司。"))
    assert ("中植企业集团有限公司", "Partner") in found(pipeline, "中植企业集团有限公司持股20%。")


def test_whose_hands_a_stake_passes_through_ends_a_firms_stem(pipeline):
    got = found(pipeline, "前海人寿从深圳华泰手中接下物业投资公司的全部股权。")
    assert not any("手中" in n for n, _ in got)


def test_those_described_as_having_bought_or_joined_cover_are_a_group(pipeline):
    assert ("渔民", "BeneficiaryGroup") in found(pipeline, "暴雨过后，投保“惠渔保”的沿海渔民陆续报案。")
    assert ("退休人员", "BeneficiaryGroup") in found(pipeline, "参加职工医疗保险的退休人员同步参加护理保险。")
    # a verb of joining inside the name says it is no name (…的人员同步参加职工护理保险)
    got = found(pipeline, "参加职工医疗保险的人员同步参加职工护理保险。")
    assert not any(cls == "BeneficiaryGroup" for _, cls in got)


def test_those_described_as_having_benefited_are_a_group(pipeline):
    got = found(pipeline, "几年来，从该计划中受惠的山里孩子已超过5万人。", ("learned",))
    assert ("山里孩子", "BeneficiaryGroup") in got


def test_those_who_can_buy_or_join_cover_are_a_group(pipeline):
    assert ("带病体人群", "BeneficiaryGroup") in found(pipeline, "“安康保”投保不限年龄，带病体人群也可参保。")
    got = found(pipeline, "年满18周岁的网店店主无需体检即可投保。")
    assert ("网店店主", "BeneficiaryGroup") not in got  # 店主 is no head: only the head nouns name groups
    assert ("个体商户", "BeneficiaryGroup") in found(pipeline, "经营满一年的个体商户无需体检即可投保。")


def test_those_who_join_cover_are_named_after_their_count(pipeline):
    """A count (20家, 1500户) stands right before the group's name: what comes before it is no part of it,
    and a count of a list counts its items together."""
    got = found(pipeline, "这项保险试点当年就有20家软件企业参保。", ("learned",))
    assert ("软件企业", "BeneficiaryGroup") in got
    assert ("茶农", "BeneficiaryGroup") in found(pipeline, "全镇今年共有1500户茶农投保。", ("learned",))
    got = found(pipeline, "截至年底300余家矿山和冶金企业已投保。", ("learned",))
    assert ("冶金企业", "BeneficiaryGroup") not in got


def test_the_points_of_a_list_a_word_of_help_introduced_are_groups(pipeline):
    got = found(pipeline, "这款护理险主要保障三类人群：一是高龄独居人员，二是重度残疾人员，三是失智老人。")
    assert {("高龄独居人员", "BeneficiaryGroup"), ("重度残疾人员", "BeneficiaryGroup")} <= got
    got = found(pipeline, "公司今年做了三件事：一是加强培训，二是服务人员上门回访。")  # no word of help before the colon
    assert not any(cls == "BeneficiaryGroup" for _, cls in got)


def test_a_clause_that_names_members_of_a_group_helped_names_groups(pipeline):
    """包括 or 特别是 opening the clause after one with a word of help names members of the group helped;
    not after a clause with none (业务包括…)."""
    got = found(pipeline, "该险种主要面向研发投入较大的企业，包括隐形冠军企业和高新技术企业。", ("learned",))
    assert {("隐形冠军企业", "BeneficiaryGroup"), ("高新技术企业", "BeneficiaryGroup")} <= got
    got = found(pipeline, "该公司的业务遍及全国，包括隐形冠军企业。", ("learned",))
    assert ("隐形冠军企业", "BeneficiaryGroup") not in got


def test_the_list_a_count_of_kinds_of_people_introduces_names_groups(pipeline):
    rules = ("learned",)  # the rule alone (the learned model may find some of these too)
    got = found(pipeline, "基金今后还会扶持两类人——山区代课教师和返乡务工青年。", rules)  # after a dash, no word of help
    assert {("山区代课教师", "BeneficiaryGroup"), ("返乡务工青年", "BeneficiaryGroup")} <= got
    got = found(pipeline, "这项保险重点放在三类人群身上：渔业工人、夜班环卫职工和独居老人。", rules)  # after a colon
    assert {("渔业工人", "BeneficiaryGroup"), ("夜班环卫职工", "BeneficiaryGroup")} <= got
    got = found(pipeline, "检查发现的问题主要有三类：虚构中介业务、客户信息失真。")  # kinds of problems
    assert not any(cls == "BeneficiaryGroup" for _, cls in got)


def test_canteens_a_food_safety_cover_is_for_are_groups(pipeline):
    got = found(pipeline, "保险公司为全县120家机关食堂和养老院食堂提供食品安全责任保险。", ("learned",))
    assert {("机关食堂", "BeneficiaryGroup"), ("养老院食堂", "BeneficiaryGroup")} <= got


def test_those_a_payment_is_made_to_are_a_group(pipeline):
    got = found(pipeline, "首笔赔款由该公司付给了1200户参保蔗农。", ("learned",))
    assert ("参保蔗农", "BeneficiaryGroup") in got
    got = found(pipeline, "这笔理赔款已支付给受损商户。", ("learned",))
    assert ("受损商户", "BeneficiaryGroup") in got


def test_classes_named_by_policy_terms_are_groups_wherever_they_stand(pipeline):
    got = found(pipeline, "该市低保对象和失独家庭今年起纳入保障范围，退伍军人另有安排。")
    assert {("低保对象", "BeneficiaryGroup"), ("失独家庭", "BeneficiaryGroup"), ("退伍军人", "BeneficiaryGroup")} <= got
    got = found(pipeline, "监测显示，处于贫困边缘的农村低收入户今年收入有所增加。")
    assert ("农村低收入户", "BeneficiaryGroup") in got
    got = found(pipeline, "慢性病人群买保险难，这款产品放宽了健康告知。")  # singled out by their illness
    assert ("慢性病人群", "BeneficiaryGroup") in got


def test_a_policy_term_names_its_group_where_a_word_of_help_reads_a_longer_phrase(pipeline):
    # 对象是 reads from the list's first item, which is no name; the policy term still names its group
    got = found(pipeline, "这款产品的保障对象是网约车司机、家政阿姨这类灵活就业人群。")
    assert ("灵活就业人群", "BeneficiaryGroup") in got
    assert not any("这类" in name for name, _ in got)


def test_a_list_item_is_a_group_where_the_word_of_help_reads_the_whole_list(pipeline):
    # 针对 reads 养老机构、学校食堂, no name; the item alone is, and the items after it follow it
    got = found(pipeline, "保险公司针对养老机构、学校食堂和食品加工企业分别设计了方案。")
    assert {("学校食堂", "BeneficiaryGroup"), ("食品加工企业", "BeneficiaryGroup")} <= got
    # only the last item stands before 可投保: the one before it is a group too
    got = found(pipeline, "今年起，个体商户和网约车司机都可投保。")
    assert ("个体商户", "BeneficiaryGroup") in got
    # a clause with a verb is no list: 政府卸下贫困群众 names no group
    got = found(pipeline, "理赔提速，为当地党委和政府卸下贫困群众的顾虑。")
    assert not any(name.startswith("政府") for name, _ in got)


def test_the_unit_a_clause_counts_by_is_no_group(pipeline):
    # 以家庭为单位 says what is counted by, not whom 为 helps
    got = found(pipeline, "这家寿险公司以家庭为单位服务客户，提供一揽子保障。")
    assert not any(name.startswith("单位") for name, _ in got)


def test_those_who_may_claim_a_payout_are_a_group(pipeline):
    assert ("罹难者", "BeneficiaryGroup") in found(pipeline, "罹难者可向以下三家产险公司请领理赔。")
    assert ("受灾农户", "BeneficiaryGroup") in found(pipeline, "受灾农户可申领赔款。")
    assert not [n for n, c in found(pipeline, "公司可向法院申请赔偿。") if c == "BeneficiaryGroup"]


def test_those_who_can_get_free_cover_are_a_group(pipeline):
    got = found(pipeline, "本市出租车司机可免费领取一份意外险，保障期一年。")
    assert ("出租车司机", "BeneficiaryGroup") in got
    got = found(pipeline, "凡是返岗专车，车上每一位务工人员都免费获得这份保险。")  # given free cover, no 可 before
    assert ("务工人员", "BeneficiaryGroup") in got


def test_those_a_thing_lets_gain_cover_are_a_group(pipeline):
    assert ("新能源车主", "BeneficiaryGroup") in found(pipeline, "专属条款的出台将使新能源车主获得更贴合的保障。")


def test_a_list_of_named_cover_after_a_verb_of_having_is_products(pipeline):
    got = found(pipeline, "新能源车险设有新能源汽车损失保险、新能源汽车第三者责任保险和新能源汽车车上人员责任保险三个险种。")
    assert {("新能源汽车损失保险", "Product"), ("新能源汽车第三者责任保险", "Product"),
            ("新能源汽车车上人员责任保险", "Product")} <= got
    got = found(pipeline, "试点推出知识产权海外维权保险、知识产权交易保险以及专利开放许可交易保险等产品。")
    assert ("专利开放许可交易保险", "Product") in got
    # a group's word qualifying the cover is part of its name, not a group of its own
    got = found(pipeline, "公司推出新市民重大疾病保险和新市民意外伤害保险两款产品。")
    assert {("新市民重大疾病保险", "Product"), ("新市民意外伤害保险", "Product")} <= got
    # a launch verb earlier in the clause does not start the name: 试点…推出X is X
    got = found(pipeline, "该市试点以打包方式推出商标侵权损失保险和商标维权费用保险两项产品。")
    assert {("商标侵权损失保险", "Product"), ("商标维权费用保险", "Product")} <= got


def test_an_insurance_and_futures_scheme_of_a_farm_good_is_named_by_the_good(pipeline):
    got = found(pipeline, "今年该县在五个乡镇推开棉花“保险+期货”收入保险，参保农户逾三千户。")
    assert ("棉花“保险+期货”收入保险", "Product") in got
    assert ("鸡蛋价格“保险+期货”", "Product") in found(pipeline, "全市首单鸡蛋价格“保险+期货”近日签约。")
    got = found(pipeline, "某财险分公司联合一家期货公司启动红枣“保险+期货”项目，惠及枣农。")
    assert ("红枣“保险+期货”项目", "Initiative") in got
    # news of Taiwan and traditional-script reposts quote with corner brackets
    got = found(pipeline, "某財險分公司與期貨公司聯合申報的天然橡膠「保險+期貨」項目再獲立項。")
    assert ("天然橡膠「保險+期貨」項目", "Initiative") in got
    # the model alone, or after a word that is no farm good, names nothing
    for text in ("当地以“保险+期货”方式为种植户托底。", "农户从这种“保险+期货”项目中得到实惠。"):
        assert not any("期货" in n for n, cls in found(pipeline, text) if cls in ("Product", "Initiative")), text


def test_a_quoted_count_of_guarantees_or_a_surrender_is_no_cover(pipeline):
    got = found(pipeline, "台风过后，某某人寿随即启动“某某防灾三保”，为受灾保户开通理赔快速通道。")
    assert ("某某防灾三保", "Initiative") in got and ("某某防灾三保", "Product") not in got
    for text in ("当地把这套做法概括为“两减一保”，企业负担明显减轻。", "警惕所谓“一键退保”的非法中介。"):
        assert not any(cls == "Product" for _, cls in found(pipeline, text)), text
    assert ("乡村振兴保", "Product") in found(pipeline, "人保财险推出“乡村振兴保”。")  # a name's own 保 still is


def test_a_quoted_name_ending_in_a_risk_is_no_cover(pipeline):
    # 零风险 is no risk at all, not a 险 of cover: the words after say what the name is
    got = found(pipeline, "县里举行“致富路上零风险”保险扶贫项目的启动仪式。")
    assert ("致富路上零风险", "Initiative") in got and ("致富路上零风险", "Product") not in got
    assert ("安心无风险", "Product") in found(pipeline, "某寿险推出“安心无风险”产品。")


def test_a_quoted_brand_with_its_years_edition_is_a_product(pipeline):
    assert ("乐享e康2023版", "Product") in found(pipeline, "某某健康险推出的“乐享e康2023版”本周开售。")
    assert not any(cls == "Product" for _, cls in found(pipeline, "那时它还没挂上“2021版”的名字。"))


def test_a_service_line_named_only_by_what_it_is_for_is_no_programme(pipeline):
    for text in ("该公司同时开设了查询热线，解答保户疑问。", "分公司开通24小时投诉热线。"):
        assert not any(cls == "Initiative" for _, cls in found(pipeline, text)), text


def test_a_name_jieba_knows_whole_stands_though_it_mistags_a_word_of_it(pipeline):
    got = found(pipeline, "富德生命人寿携手中国儿童少年基金会开展项目。")  # jieba tags 少年 as a numeral
    assert ("中国儿童少年基金会", "Partner") in got
    assert not any(n.startswith("各大") for n, _ in found(pipeline, "各大金控纷纷捐款。"))


def test_a_brand_at_the_head_of_a_firms_legal_name_is_part_of_it(pipeline):
    got = found(pipeline, "联席保荐人为摩根大通证券（远东）有限公司和瑞士信贷（香港）有限公司。")
    assert ("摩根大通证券（远东）有限公司", "Partner") in got and ("摩根大通", "Partner") not in got
    assert ("摩根大通", "Partner") in found(pipeline, "众安保险与摩根大通达成合作。")


def test_one_quoted_character_is_no_name(pipeline):
    assert not any(cls == "Product" for _, cls in found(pipeline, "中国太保以“鑫”字号产品争夺市场。"))


def test_a_quoted_class_of_people_is_a_group_not_cover(pipeline):
    assert ("带病群体", "BeneficiaryGroup") in found(pipeline, "就“带病群体”保险创新进行对话。")
    assert not any(cls == "Product" for _, cls in found(pipeline, "印发《关于做好“龙舟水”财产保险业灾害应对的通知》。"))


def test_a_quoted_class_of_people_before_a_word_of_a_channel_names_the_channel(pipeline):
    got = found(pipeline, "车主可在“爱车主”小程序报案，某险企也为“新市民”专属保险开辟通道。")
    assert ("爱车主", "Initiative") in got and ("新市民", "BeneficiaryGroup") in got


def test_named_cover_is_read_by_its_kind_but_not_as_a_second_name_of_a_quoted_product(pipeline):
    assert ("生猪价格指数保险", "Product") in found(pipeline, "人保财险宁波市分公司承保生猪价格指数保险。")
    assert ("水稻大灾保险", "Product") in found(pipeline, "种粮大户为300亩水稻投保了水稻大灾保险。")
    # 首单 (the first policy of) ends the words before the name; jieba's 碳|汇 (a verb) stays inside it
    assert ("海洋碳汇指数保险", "Product") in found(pipeline, "人保财险落地全省首单海洋碳汇指数保险。")
    got = found(pipeline, "双方联合推出“吉牛保”肉牛价格指数保险。")
    assert ("吉牛保", "Product") in got and ("肉牛价格指数保险", "Product") not in got


def test_public_cover_named_at_length_by_what_it_covers_is_read_by_its_kind(pipeline):
    # nine or ten characters before 救助保险: where and what the relief covers
    assert ("山区小型水库溃坝洪水救助保险", "Product") in found(
        pipeline, "连日暴雨过后，山区小型水库溃坝洪水救助保险已向两个乡镇赔付300万元。")
    assert ("中小型水库防洪超蓄救助保险", "Product") in found(pipeline, "这正是中小型水库防洪超蓄救助保险约定的起赔水位。")
    # model terms an association issues are a document, whose whole name is what the article names
    got = found(pipeline, "省保险行业协会公布了《江苏省科技成果转化综合保险示范条款》。")
    assert ("江苏省科技成果转化综合保险", "Product") not in got


def test_a_places_insurers_association_written_without_its_trade_word(pipeline):
    """…市保险协会 is the city's insurers' association as …市保险行业协会 is; 市保险协会 alone is the
    association of the city named before."""
    assert ("佛山市保险协会", "IndustryBody") in found(pipeline, "佛山市保险协会与市消委会联合发布了消费提示。")
    got = {(lm.entity.label, lm.entity.cls) for lm in linked(pipeline, "人保财险江门市分公司在市保险协会的组织下走进社区。")}
    assert ("江门市保险协会", "IndustryBody") in got


def test_a_quote_that_does_something_to_a_cover_is_no_name_of_it(pipeline):
    # the quoted model is the clause's subject: a verb with its result (揪出, 撑起) stands between
    assert not {c for _, c in found(pipeline, "“数据共享”揪出车险骗保团伙12个。")} & {"Product", "Initiative"}
    assert not {c for _, c in found(pipeline, "“双轮驱动”撑起了农业保险的半边天。")} & {"Product", "Initiative"}
    # a brand before its kind of cover is still the product (出口 is no verb's result)
    assert ("安心贸", "Product") in found(pipeline, "该公司推出“安心贸”出口信用保险。")


def test_a_zone_where_insurance_is_tried_out_is_a_programme(pipeline):
    assert ("青岛保险改革综合试验区", "Initiative") in found(pipeline, "青岛保险改革综合试验区去年新增险种20个。")
    assert ("国家商标保险试点城区", "Initiative") in found(pipeline, "该区被定为“国家商标保险试点城区”，试点为期三年。")
    # a reform zone of anything else is no insurance programme
    assert not {c for _, c in found(pipeline, "该县此前已被列为国家农村金融改革试验区。")} & {"Initiative", "Product"}


def test_a_firms_legal_name_stands_though_jieba_reads_a_numeral_or_adverb_in_its_brand(pipeline):
    got = found(pipeline, "股东包括云南白药倍力股份有限公司、宁波市新都科技股份有限公司等。")
    assert {("云南白药倍力股份有限公司", "Partner"), ("宁波市新都科技股份有限公司", "Partner")} <= got
    # 给 ends the words before a name as 向 does
    assert ("杭州市城市投资控股有限公司", "Partner") in found(pipeline, "该公司把所持股权转让给杭州市城市投资控股有限公司。")


def test_a_firms_long_legal_name_stands_whole(pipeline):
    """A subsidiary named with its parent's name (某省某某集团+某某服务有限公司), a firm after its city, county
    and town: the stem runs past fourteen characters, and is still one name."""
    got = found(pipeline, "记者走访了浙江省交通投资集团商贸物流服务有限公司的仓库。")
    assert ("浙江省交通投资集团商贸物流服务有限公司", "Partner") in got
    got = found(pipeline, "5日，扬州市宝应县柳堡镇绿源农业机械有限公司为农机投了保。")
    assert ("扬州市宝应县柳堡镇绿源农业机械有限公司", "Partner") in got


def test_a_firms_legal_name_stands_though_its_brand_ends_in_a_stop_character(pipeline):
    """A stop word of one character (本, 车) ends a stem only as a word of its own: inside a noun (资本, 汽车) it is
    the firm's name (某某资本有限公司), while 3所|小学 and 该|公司 still name none."""
    got = found(pipeline, "这部分股权后来无偿划给了远洋集团资本有限公司。")
    assert ("远洋集团资本有限公司", "Partner") in got
    assert ("东岭汽车有限公司", "Partner") in found(pipeline, "保险公司与东岭汽车有限公司签约。")
    assert not any(c == "Partner" for _, c in found(pipeline, "全区80多所学校都已参保。"))


def test_children_named_by_where_they_live_are_a_group(pipeline):
    """孩子 heads a group as 儿童 does when a word names which children (山区孩子); bare 孩子 stays no name."""
    got = found(pipeline, "这家寿险公司捐建图书室，让山区孩子读上新书。")
    assert ("山区孩子", "BeneficiaryGroup") in got
    assert not any(n == "孩子" for n, _ in found(pipeline, "家长可以为孩子投保。"))


def test_a_quoted_programme_keeps_a_models_count_before_its_head(pipeline):
    """A count of a model (1+1, 1+N) between a quote and 行动 is part of the programme's name, not a stop."""
    got = mentions(pipeline, "这家寿险公司还推出了“书香同行”1+1行动，结对帮扶乡村学校。")
    [m] = [m for m in got if m.surface == "书香同行"]
    assert m.cls == "Initiative" and m.whole == "书香同行1+1行动"


def test_a_state_asset_managers_legal_name_stands_though_its_trade_is_a_business_scope(pipeline):
    got = found(pipeline, "新股东是烟台金海资产经营有限公司和扬州广陵国有资产经营管理有限责任公司。")
    assert {("烟台金海资产经营有限公司", "Partner"), ("扬州广陵国有资产经营管理有限责任公司", "Partner")} <= got
    assert not any(cls == "Partner" for _, cls in found(pipeline, "该公司获准经营人寿保险业务。"))


def test_a_firms_legal_name_stands_though_jieba_reads_a_time_word_in_its_brand(pipeline):
    got = found(pipeline, "上海未来科技有限公司与深圳市当代实业有限公司签约。")
    assert {("上海未来科技有限公司", "Partner"), ("深圳市当代实业有限公司", "Partner")} <= got


def test_a_firm_named_after_its_place_and_trade_stands_though_its_trade_is_a_verb(pipeline):
    assert ("杭州城市开发投资集团", "Partner") in found(pipeline, "杭州城市开发投资集团向该公司增资。")
    assert not any(cls == "Partner" for _, cls in found(pipeline, "由政府主导成立合作社。"))  # no place opens it


def test_the_word_full_name_ends_a_firms_short_name_before_its_legal_name(pipeline):
    got = found(pipeline, "蓝鲸股份全称杭州蓝鲸智能装备股份有限公司，主营工业机器人。")
    assert ("杭州蓝鲸智能装备股份有限公司", "Partner") in got
    assert not any("全称" in n for n, _ in got)


def test_a_state_capital_groups_long_name_is_read_whole(pipeline):
    # a province's state capital investment and operation group: a stem of twelve characters
    text = "江西宏远国有资本投资运营集团向该寿险公司增资10亿元。"
    assert ("江西宏远国有资本投资运营集团", "Partner") in found(pipeline, text, disabled=("learned",))


def test_a_mutual_is_an_insurer_by_its_suffix(pipeline):
    assert ("福建省渔业互保协会", "Insurer") in found(pipeline, "福建省渔业互保协会向参保养殖户发放赔款。")


def test_a_mutual_aid_society_is_an_insurer_by_its_suffix(pipeline):
    # a trade union's or a fishery's mutual-aid society pays claims on its members' cover
    assert ("浙江省职工保障互助会", "Insurer") in found(pipeline, "兜底的是浙江省职工保障互助会，它推出了新计划。")
    assert ("石狮市渔业互助保险办事处", "Insurer") in found(pipeline, "石狮市渔业互助保险办事处公布了参保数据。")


def test_a_branch_written_by_its_regions_initial_and_fen(pipeline):
    # 北分 is the insurer's 北京分公司; 分 that starts a word of its own (分享) names no branch
    got = {(lm.entity.label, lm.entity.cls) for lm in linked(pipeline, "人保财险北分向媒体解释了投保流程。")}
    assert ("人保财险北京分公司", "Branch") in got
    assert not any(cls == "Branch" for _, cls in found(pipeline, "平安产险北分享了经验。"))


def test_a_county_branch_keeps_its_city(pipeline):
    assert ("国寿财险宜春市奉新县支公司", "Branch") in found(pipeline, "国寿财险宜春市奉新县支公司组织查勘。")


def test_a_name_jieba_keeps_whole_is_found_by_its_suffix_and_the_longest_name_wins(pipeline):
    assert ("武汉大学", "Partner") in found(pipeline, "泰康保险集团宣布向武汉大学捐赠10亿元。")
    got = found(pipeline, "友邦人寿四川分公司与四川大学华西医院签署合作协议。")
    assert ("四川大学华西医院", "Partner") in got and ("四川大学", "Partner") not in got


def test_a_full_name_followed_by_its_registry_short_name_is_that_entity(pipeline):
    ms = mentions(pipeline, "众安在线财产保险股份有限公司（以下简称“众安保险”）上线新产品。")
    assert len({m.entity for m in ms if m.cls == "Insurer"}) == 1


def test_a_short_alias_needs_word_boundaries(pipeline):
    assert not any(cls == "InsuranceGroup" for _, cls in found(pipeline, "个人保险需求上升。"))


def test_quoted_names_in_a_row_share_the_class_of_their_list(pipeline):
    got = found(pipeline, "中国人寿推出“国寿准行”“云端赔”等线上化工具。")
    assert {("国寿准行", "Initiative"), ("云端赔", "Initiative")} <= got  # tools and apps are channels


def test_a_list_of_quoted_names_a_word_of_launching_opens_is_a_list_of_programmes(pipeline):
    got = found(pipeline, "华夏保险广东分公司开展的系列活动：“抗日战场巡礼”、“一脉·1945”、“我为老兵养老”等。")
    assert {("抗日战场巡礼", "Initiative"), ("一脉·1945", "Initiative"), ("我为老兵养老", "Initiative")} <= got


@pytest.mark.parametrize("text, name", [
    ("大家保险在天津举办两场活动：一场是“守护大家”护理培训，一场是陪伴活动。", "守护大家"),  # a training course
    ("臺灣人壽和畢嘉士基金會第二年合辦「老友好友輕旅行」。", "老友好友輕旅行"),  # run together with a partner
])
def test_a_quoted_course_or_a_programme_run_with_others_is_an_initiative(pipeline, text, name):
    assert (name, "Initiative") in found(pipeline, text)


def test_a_quoted_app_or_platform_is_an_initiative_and_quoted_cover_a_product(pipeline):
    got = found(pipeline, "中国太保推出“云门店”小程序，并上线“车险好投保”平台和“安心保”保险产品。")
    assert {("云门店", "Initiative"), ("车险好投保", "Initiative"), ("安心保", "Product")} <= got


def test_mentions_never_overlap(pipeline):
    ms = mentions(pipeline, "中国人保上海区域工协旗下财险公司与饿了么合作，为骑手提供保障。")
    for a, b in zip(ms, ms[1:]):
        assert a.end <= b.start


def test_an_unknown_component_is_one_clear_error(pipeline):
    with pytest.raises(IkgError, match="unknown recogniser component 'nope'"):
        Recogniser(pipeline.registry, pipeline.rules, pipeline.tokenizer, ["nope"])


@pytest.mark.parametrize("text, name", [
    ("宁夏回族自治区党委出台扶贫意见。", "宁夏回族自治区党委"),
    ("广西壮族自治区财政厅安排保费补贴。", "广西壮族自治区财政厅"),
    ("国庆后，荆门市政府召开理赔协调会。", "荆门市政府"),
    ("河北省气象灾害防御指挥部已启动应急响应。", "河北省气象灾害防御指挥部"),
    ("落实党中央、国务院扶贫开发领导小组的部署。", "国务院扶贫开发领导小组"),
    ("同年12月中央深改委审议通过有关意见。", "中央深改委"),
])
def test_departments_of_autonomous_regions_and_any_prefecture_are_regulators(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)


def test_a_branch_in_any_prefecture_is_a_branch(pipeline):
    assert ("人保财险荆门市分公司", "Branch") in found(pipeline, "人保财险荆门市分公司查勘受灾稻田。")


def test_a_department_without_its_place_is_a_reference_for_the_linker(pipeline):
    got = {(m.surface, m.kind) for m in mentions(pipeline, "山东银保监局联合省扶贫办出台方案。")}
    assert ("省扶贫办", "reference") in got
    # an autonomous region's departments, written after its level alone as a province's are after 省
    got = {(m.surface, m.kind) for m in mentions(pipeline, "人保财险西藏分公司会同自治区卫健委开展义诊。")}
    assert ("自治区卫健委", "reference") in got
    assert ("自治区妇联", "Regulator") in found(pipeline, "广西银保监局和自治区妇联联合发文。")
    assert not any(m.surface == "市政府" for m in mentions(pipeline, "荆门市政府召开会议。"))


@pytest.mark.parametrize("text, product", [
    ("太保产险推出停运无忧保、骑行无忧保等新产品。", "骑行无忧保"),
    ("该公司设计了滩羊肉价格指数保险、玉米种植保险等险种。", "玉米种植保险"),
    ("太保产险推出安居综合保险和农房保险两款新产品。", "农房保险"),  # 家财综合保险 would be a line
])
def test_an_unquoted_list_item_after_a_product_is_a_product(pipeline, text, product):
    assert (product, "Product") in found(pipeline, text)


@pytest.mark.parametrize("text", [
    "三方列出任务，包括支持高标准农田建设、加大种植业保险产品开发力度。",
    "虚列费用、虚假承保、虚假退保和虚假理赔仍是常见违规行为。",
    "各地相继推出由政府主导的普惠型商业补充医疗保险，作为补充。",
])
def test_an_item_of_a_list_of_actions_is_no_product(pipeline, text):
    assert not any(cls == "Product" for _, cls in found(pipeline, text))


def test_a_product_after_a_launch_verb_and_its_aspect_particle_leaves_the_particle_out(pipeline):
    got = found(pipeline, "中原农险推出了小麦出苗率保险。")
    assert ("小麦出苗率保险", "Product") in got and not any(s.startswith("了") for s, _ in got)


def test_a_product_after_a_launch_verb_and_classical_zhi_leaves_the_zhi_out(pipeline):
    # traditional-script news writes the verb's 的 as 之 (承保之X保險)
    got = found(pipeline, "年滿60歲的長者均可領取由中國人保承保之疫苗接種意外保險，保額10萬元。")
    assert ("疫苗接種意外保險", "Product") in got
    assert not any(s.startswith("之") for s, _ in got)


def test_a_demonstrative_and_a_count_of_products_is_no_product(pipeline):
    # no product's name: a reference to two named before, here none, so it names nothing
    text = "国寿在全省推广了这两款保险。"
    assert not any(m.cls == "Product" and m.kind != "reference" for m in mentions(pipeline, text))
    assert not any(lm.entity.cls == "Product" for lm in linked(pipeline, text))


def test_a_line_or_origin_before_insurance_company_is_a_kind_not_a_name(pipeline):
    assert not any(cls == "Insurer" for _, cls in found(pipeline, "全市共有人寿保险公司20家、财产保险公司18家。"))
    assert not any(cls == "Insurer" for _, cls in found(pipeline, "新规允许外国保险公司直接投资。"))
    # a name with 人寿 before 保险公司 is still the insurer's (光明人寿保险公司 is 光明人寿)
    assert ("光明人寿", "Insurer") in found(pipeline, "昨日，光明人寿保险公司在当地开业。")


def test_a_mutual_insurer_is_named_by_its_suffix(pipeline):
    assert ("福建省渔业互保协会", "Insurer") in found(pipeline, "近日，福建省渔业互保协会向养殖户发放赔款。")


def test_a_short_name_the_article_gives_is_that_entity_wherever_it_is_written(pipeline):
    text = "国元农业保险股份有限公司（以下简称“国元保险”）开展查勘。提标之后，国元保险承保的水稻保险保额提高。"
    ms = mentions(pipeline, text)
    assert [m.surface for m in ms if m.entity and m.start > text.index("。")] == ["国元保险"]


def test_a_short_name_given_with_the_stock_code_in_its_brackets_is_the_articles_short_name(pipeline):
    # a listed firm's brackets carry its short name and its codes; the headline uses the short name first
    text = ("中国人寿谈乡村振兴。中国人寿保险股份有限公司（简称“中国人寿”，股票代码601628）举办了发布会。"
            "中国人寿表示将继续投入。")
    ms = [m for m in mentions(pipeline, text) if m.surface == "中国人寿"]
    assert len(ms) == 2 and {m.cls for m in ms} == {"Insurer"}


def test_a_short_name_in_brackets_alone_made_of_the_names_characters_is_the_articles_short_name(pipeline):
    text = "平安产险与杭州青禾信息科技有限公司（青禾科技）签约。青禾科技表示，双方将共建理赔平台。"
    ms = [m for m in mentions(pipeline, text) if m.surface == "青禾科技"]
    assert len(ms) == 2 and all(m.short_for == "杭州青禾信息科技有限公司" for m in ms)
    # a word in brackets that is not the name's own characters is no short name
    text = "某某科技有限公司（筹）成立。筹备组表示，将与平安产险合作。"
    assert not [m for m in mentions(pipeline, text) if m.surface == "筹"]


def test_a_bare_short_name_after_a_name_of_another_firm_in_local_news_is_left_alone(pipeline):
    # in Taiwan news 中國人壽 is the Taiwan firm, not the mainland group: its short name names neither
    text = "國泰人壽、富邦人壽與中國人壽（中壽）公布理賠金額。中壽表示將加速理賠。"
    assert not [m for m in mentions(pipeline, text) if m.surface == "中壽"]


def test_a_word_of_help_is_a_word_of_its_own(pipeline):
    assert ("连接农户", "BeneficiaryGroup") not in found(pipeline, "中华财险成为连接农户与市场的桥梁。")
    assert ("种粮农户", "BeneficiaryGroup") in found(pipeline, "中华财险为种粮农户提供保障。")


def test_a_verb_before_a_kind_of_cover_ends_its_name(pipeline):
    assert ("生猪价格指数保险", "Product") in found(pipeline, "人保财险承担生猪价格指数保险的承保理赔工作。")
    assert ("灾害民生综合保险", "Product") in found(pipeline, "山东已正式启动灾害民生综合保险救助保障机制。")


def test_a_quoted_fund_is_an_initiative_and_a_bracketed_edition_keeps_a_product(pipeline):
    assert ("武汉大学泰康医学与教育基金", "Initiative") in found(pipeline, "这笔资金将用于设立“武汉大学泰康医学与教育基金”。")
    got = found(pipeline, "其中附加的“学生平安意外伤害医疗保险（A款）”标价68元。")
    assert ("学生平安意外伤害医疗保险（A款）", "Product") in got and ("学生", "BeneficiaryGroup") not in got


def test_firms_listed_before_so_many_firms_are_partners(pipeline):
    got = found(pipeline, "活动现场，江北慈湖牧业、余姚正大等10家养殖主体与人保财险宁波市分公司签约。")
    assert {("江北慈湖牧业", "Partner"), ("余姚正大", "Partner")} <= got
    assert ("北京", "Partner") not in found(pipeline, "北京、上海等10家医院参与项目。")


def test_handed_to_is_no_part_of_a_name(pipeline):
    got = found(pipeline, "该医院由泰康投资建设，交由武汉同济医院托管运营。")
    assert ("武汉同济医院", "Partner") in got and ("交由武汉同济医院", "Partner") not in got


def test_one_firm_or_person_is_no_group(pipeline):
    assert not any(cls == "BeneficiaryGroup" for _, cls in found(pipeline, "不到1小时便为上海一家钢材加工企业完成了赔付。"))
    assert not any(cls == "BeneficiaryGroup" for _, cls in found(pipeline, "公司在接到市民施先生的报案后赶到现场。"))
    assert ("受灾农户", "BeneficiaryGroup") in found(pipeline, "人保财险向首批264户受灾农户支付赔款。")
    # also with a clause that describes the one firm between (是一家…的小微企业); 一户户 is each in turn
    got = found(pipeline, "受灾的是一家专做塑料模具的小微企业，公司当天就为它完成了赔付。")
    assert not any(cls == "BeneficiaryGroup" for _, cls in got)
    got = found(pipeline, "理赔员一户户走访当地的种植户。")
    assert ("种植户", "BeneficiaryGroup") in got


def test_a_federation_named_after_a_group_is_a_partner_and_a_youth_league_committee_a_regulator(pipeline):
    got = found(pipeline, "平安人寿联合团广东省委、广东省志愿者联合会推出“E路平安保险计划”，为志愿者提供保障。")
    assert {("团广东省委", "Regulator"), ("广东省志愿者联合会", "Partner"), ("志愿者", "BeneficiaryGroup"),
            ("E路平安保险计划", "Product")} <= got  # a plan of cover is cover
    assert ("广东省志愿者事业发展基金会", "Partner") in found(pipeline, "该项目由广东省志愿者事业发展基金会支持。")
    assert ("湖北省楚商联合会", "IndustryBody") in found(pipeline, "湖北省楚商联合会向医院捐款。")


@pytest.mark.parametrize("text, name, cls", [
    ("金融监管总局西藏监管局要求各保险机构做好理赔。", "金融监管总局西藏监管局", "Regulator"),
    ("浙江团省委联合众安保险推出保障。", "浙江团省委", "Regulator"),
    ("天津市工商联向学校捐赠。", "天津市工商联", "IndustryBody"),
    ("甘南州教育局与中国人寿签约。", "甘南州教育局", "Regulator"),  # a prefecture's bureau
    ("乐清市残疾人联合会与平安产险合作。", "乐清市残疾人联合会", "Regulator"),
    ("缙云县残联、缙云县民政局共同推进。", "缙云县残联", "Regulator"),
    ("28名重症伤员被转往日喀则市人民医院救治。", "日喀则市人民医院", "Partner"),  # the clause ends at the place
    ("首笔理赔款已转给苏州大学第一附属医院。", "苏州大学第一附属医院", "Partner"),  # …or at the verb before a name
    # …at the province news writes without its level before the city (not at the city alone)
    ("三名获救矿工正在甘肃白银市第一人民医院接受治疗。", "甘肃白银市第一人民医院", "Partner"),
    ("中国人寿天津市分公司两次参加天津市工商联组织的活动。", "天津市工商联", "IndustryBody"),  # far from a boundary
    ("泉州市委文明办与人保财险签订志愿者保险协议。", "泉州市委文明办", "Regulator"),  # a party committee's office
    ("北京五里桥街道为辖区老人统一投保。", "五里桥街道", "Regulator"),  # a sub-district office by its place
    ("浙江省委网信办指导保险机构开展宣传。", "浙江省委网信办", "Regulator"),
])
def test_local_bodies_in_the_forms_local_news_writes_them(pipeline, text, name, cls):
    assert (name, cls) in found(pipeline, text)


@pytest.mark.parametrize("text, name", [
    ("福建省防汛防旱防风总指挥部发布台风预警。", "福建省防汛防旱防风总指挥部"),
    ("台州市防汛防台指挥部启动应急响应。", "台州市防汛防台指挥部"),
    ("浙江省防汛抗旱指挥部办公室发出通知。", "浙江省防汛抗旱指挥部办公室"),
    ("江门市三防办要求各单位做好防御。", "江门市三防办"),
])
def test_flood_and_typhoon_control_headquarters_and_their_offices(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)


@pytest.mark.parametrize("text, name", [
    ("镇江市城市管理行政执法局为环卫工人购买意外险。", "镇江市城市管理行政执法局"),
    ("常德市食品药品监管局联合保险公司推广食品安全责任险。", "常德市食品药品监管局"),
    ("贵阳市大数据发展管理局与保险公司签署合作协议。", "贵阳市大数据发展管理局"),
    ("广东省金融工作办公室召集险企座谈。", "广东省金融工作办公室"),
    ("温州市人民检察院向保险公司发出检察建议。", "温州市人民检察院"),
    ("东莞市公安局经侦支队捣毁一个骗保团伙。", "东莞市公安局经侦支队"),
    ("临朐县经侦大队破获一起保险诈骗案。", "临朐县经侦大队"),
    # a police department's unit written whole after it, of a county the region list lacks too
    ("广州市公安局经侦总队通报了一起车险诈骗案。", "广州市公安局经侦总队"),
    ("平安产险某支公司和寿宁县公安局交警大队一起走进乡村小学。", "寿宁县公安局交警大队"),
    ("大连市公安局交通警察局与人保财险签署警保合作协议。", "大连市公安局交通警察局"),
    # a local survey team of the national statistics bureau, whose yields a farm cover pays by
    ("理赔按国家统计局孝感调查队公布的单产计算。", "国家统计局孝感调查队"),
    ("国家统计局湖南调查总队发布了早稻产量数据。", "国家统计局湖南调查总队"),
    # the public-order committees' offices, which buy good Samaritans' cover
    ("温州市综治办为全市见义勇为人员投保。", "温州市综治办"),
    ("青岛市气候中心为指数保险提供降雨数据。", "青岛市气候中心"),
    ("江西省水文局发布洪水预警。", "江西省水文局"),
    ("徐州市医疗保险基金管理中心与承保公司签约。", "徐州市医疗保险基金管理中心"),
    ("湖南省政府新闻办举行发布会。", "湖南省政府新闻办"),
    # a city's local finance bureau under its usual short names: the mainland city's, no market's 金管局
    ("成都市金管局召集辖内险企座谈。", "成都市金管局"),
    ("佛山市金融局牵头推出普惠保险。", "佛山市金融局"),
    # a police department's traffic police, read whole rather than as the department alone
    ("宁夏公安厅交通管理总队和平安产险一起走进乡村。", "宁夏公安厅交通管理总队"),
    ("银川市公安局交通管理局参加了启动仪式。", "银川市公安局交通管理局"),
    ("深圳市公安局交通警察支队与人保财险签约。", "深圳市公安局交通警察支队"),
    # the central bank's credit reference centre, not the bank
    ("借款人可在人民银行征信中心办理登记。", "人民银行征信中心"),
    # the offices that run a county's farm cover and its common-prosperity work
    ("在亳州市谯城区农险办的组织下，各家承办机构捐赠了物资。", "亳州市谯城区农险办"),
    ("在江宁区共同富裕办牵头下，中国人寿承保这款产品。", "江宁区共同富裕办"),
    # a ministry's bureau, read whole rather than as the ministry; the region's committee for women and children
    ("项目在民政部优抚安置局的指导下开展。", "民政部优抚安置局"),
    ("广西壮族自治区妇儿工委和中国人寿广西分公司举办活动。", "广西壮族自治区妇儿工委"),
    # …and a department of the health commission or of the Youth League's centre, read whole
    ("国家卫生健康委员会老龄健康司发布了试点名单。", "国家卫生健康委员会老龄健康司"),
    ("团中央少年部与长城人寿共同发起捐书活动。", "团中央少年部"),
])
def test_departments_and_services_of_a_government_by_their_usual_names(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)


@pytest.mark.parametrize("text, name", [
    ("内蒙古自治区农牧厅召集承保机构部署草原保险工作。", "内蒙古自治区农牧厅"),
    ("锡林郭勒盟农牧局和保险公司一起为牧民核定牲畜数量。", "锡林郭勒盟农牧局"),
    ("阿里地区行政公署出资为农牧民购买意外伤害保险。", "阿里地区行政公署"),
    ("大兴安岭地区行署与承保公司签订森林保险协议。", "大兴安岭地区行署"),
])
def test_the_herding_departments_and_prefecture_offices_of_pastoral_regions(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)


@pytest.mark.parametrize("text, name", [
    ("南山区发展和改革局为辖区企业争取保费补贴。", "南山区发展和改革局"),
    ("余杭区发改局牵头制定了项目的保险方案。", "余杭区发改局"),
    ("余杭区文化广电旅游局为景区游客投保了意外险。", "余杭区文化广电旅游局"),
    ("余杭区人民政府办公室印发了农业保险实施方案。", "余杭区人民政府办公室"),
])
def test_a_countys_bureaus_under_their_merged_names_and_its_general_office(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)


def test_a_quoted_name_before_an_insurance_or_cover_plan_is_a_product_not_a_programme(pipeline):
    # 保险计划/保障计划 is cover, as inside a quoted name; a plan of anything else is a programme
    assert ("福满堂", "Product") in found(pipeline, "入住资格与“福满堂”养老保险计划挂钩。")
    assert ("安心行", "Product") in found(pipeline, "公司推出“安心行”保障计划。")
    assert ("春苗", "Initiative") in found(pipeline, "公司启动“春苗”助学计划。")


def test_a_name_of_cover_does_not_start_with_an_adverb_or_preposition(pipeline):
    # 承保则由人保…: 则由 opens a clause, and 人保 is the group, not the end of a product's name
    got = found(pipeline, "市政府为全体市民购买了巨灾保险，承保则由人保、太保等五家保险公司组成的共保体负责。")
    assert not any(cls == "Product" and name.startswith("则") for name, cls in got)
    assert ("人保", "InsuranceGroup") in got


def test_a_quoted_card_or_code_that_does_all_is_a_channel_not_a_numbered_slogan(pipeline):
    assert ("一码通", "Initiative") in found(pipeline, "理赔款直接转入农户的“一码通”账户。")
    assert not found(pipeline, "各地要落实“两个确保”要求。")


def test_a_kind_of_cover_counted_in_products_is_no_product(pipeline):
    # …保险产品12款: a count of the products of a kind, so the kind is no name
    got = found(pipeline, "该公司去年共开发茶叶种植保险产品12款。")
    assert not any(cls == "Product" for _, cls in got)
    assert ("茶叶种植保险", "Product") in found(pipeline, "该公司去年开发茶叶种植保险产品，已在两县试点。")


def test_a_quoted_name_of_a_service_team_is_no_programme(pipeline):
    # a team (服务团队, 服务队) is people of the firm; a service (服务) is a programme
    assert not any(cls == "Initiative" for _, cls in found(pipeline, "社区配备“健康管家”服务团队，提供日常健康管理。"))
    assert ("健康管家", "Initiative") in found(pipeline, "社区推出“健康管家”服务，提供日常健康管理。")


def test_a_long_quoted_programme_name_with_its_slogan_is_one_initiative(pipeline):
    name = "爱在身边·暖心同行——阳光保险关爱全市快递员和外卖骑手大型公益行动"
    assert (name, "Initiative") in found(pipeline, f"5月20日，“{name}”启动仪式在杭州举行。")


def test_a_kind_of_insurance_group_is_no_partner(pipeline):
    assert not any(c == "Partner" for _, c in found(pipeline, "外资保险集团可以在华设立保险公司。"))
    assert ("三胞集团", "Partner") in found(pipeline, "三胞集团认购了9亿股。")


def test_an_office_named_after_a_group_is_no_group(pipeline):
    assert ("退役军人", "BeneficiaryGroup") in found(pipeline, "新华保险为退役军人提供专属保险产品。")
    assert not any(cls == "BeneficiaryGroup" for _, cls in found(pipeline, "公司向退役军人事务局捐款。"))


def test_a_quoted_name_before_its_launch_ceremony_is_an_initiative(pipeline):
    assert ("5.13公益日·益起向未来", "Initiative") in found(pipeline, "中国太保还举行了“5.13公益日·益起向未来”启动仪式。")


def test_schools_and_charity_programmes_are_partners_but_a_kind_of_school_is_no_name(pipeline):
    assert ("湖北希望工程", "Partner") in found(pipeline, "阳光保险集团向湖北希望工程捐赠210万元。")
    assert ("大塘镇中心小学", "Partner") in found(pipeline, "中国太保向大塘镇中心小学捐赠图书。")
    assert not any(c == "Partner" for _, c in found(pipeline, "该计划将覆盖120所乡村学校。"))
    assert not any(c == "Partner" for _, c in found(pipeline, "社区与三甲医院仅一街之隔，并与海外一流大学合作。"))


def test_a_later_item_of_a_list_of_groups_needs_no_word_of_help(pipeline):
    assert ("失亲儿童", "BeneficiaryGroup") in found(pipeline, "公司为困难儿童、留守儿童和失亲儿童送去关怀。")


def test_a_group_written_as_one_word_with_its_head_keeps_its_modifier(pipeline):
    # the tokenizer reads 外来人口 / 从业人员 as one word: the head inside it still ends the name
    assert ("外来人口", "BeneficiaryGroup") in found(pipeline, "该险种的保障对象也包括暂住本地的外来人口。")
    assert ("从业人员", "BeneficiaryGroup") in found(pipeline, "该险种为从业人员提供意外保障。")
    assert not any(c == "BeneficiaryGroup" for _, c in found(pipeline, "村民们向保险公司的工作人员交纳保费。"))


def test_modifiers_listed_before_a_shared_head_name_one_group(pipeline):
    # 失能、半失能老人 is one group, written whole; nouns listed before a head are items of their own
    assert ("失能、半失能老人", "BeneficiaryGroup") in found(pipeline, "该公司为失能、半失能老人提供上门护理。")
    assert ("贫困、低收入家庭", "BeneficiaryGroup") in found(pipeline, "基金会向本县的贫困、低收入家庭发放助学金。")
    got = found(pipeline, "该险种针对学校食堂、食品加工企业提供保障。")
    assert {("学校食堂", "BeneficiaryGroup"), ("食品加工企业", "BeneficiaryGroup")} <= got


def test_a_head_before_the_property_a_cover_insures_is_no_group(pipeline):
    # 农户家庭财产保险 is a cover's name: 农户 (its owner) may be a group, 农户家庭 is none
    got = found(pipeline, "县里为农户统一购买意外伤害救助保险、丧葬救助保险和农户家庭财产保险。")
    assert ("农户家庭", "BeneficiaryGroup") not in got


def test_children_and_model_workers_are_group_heads(pipeline):
    assert ("留守少儿", "BeneficiaryGroup") in found(pipeline, "基金会帮助山区的留守少儿重返课堂。")
    assert ("退休老劳模", "BeneficiaryGroup") in found(pipeline, "公司为本区的退休老劳模提供健康服务。")


def test_a_colloquial_head_in_quotes_ends_a_group_named_with_its_quotes(pipeline):
    got = found(pipeline, "公司为全市外卖配送“小哥”送上一份意外险。", disabled=("learned",))
    assert ("外卖配送“小哥”", "BeneficiaryGroup") in got
    # the word alone, with no phrase of whom it names, is none
    assert not found(pipeline, "“小哥”们说，这份保险很管用。", disabled=("learned",))


def test_doctors_nurses_young_people_leaders_and_players_are_group_heads(pipeline):
    got = found(pipeline, "公司为定点医院的值班医师、值班护士以及采样人员赠送保险。")
    assert {("值班医师", "BeneficiaryGroup"), ("值班护士", "BeneficiaryGroup"), ("采样人员", "BeneficiaryGroup")} <= got
    assert ("农村致富带头人", "BeneficiaryGroup") in found(pipeline, "基金将支持农村致富带头人兴办产业。")
    assert ("游戏玩家", "BeneficiaryGroup") in found(pipeline, "该产品已为数百万名游戏玩家提供账号保障。")
    # a head right before another head is part of the name (青年|教师), not its end
    got = found(pipeline, "基金会帮助乡村青年教师进修。")
    assert ("乡村青年教师", "BeneficiaryGroup") in got and ("乡村青年", "BeneficiaryGroup") not in got


def test_the_people_a_cover_protects_follow_baozhang(pipeline):
    assert ("环卫从业人员", "BeneficiaryGroup") in found(pipeline, "该方案已保障环卫从业人员3万余人。")
    assert not any(c == "BeneficiaryGroup" for _, c in found(pipeline, "全力保障人民群众生命财产安全。"))


def test_wei_of_an_example_or_a_copula_is_no_word_of_help(pipeline):
    assert not any(c == "BeneficiaryGroup" for _, c in found(pipeline, "在以京东为代表的电商企业推动下，网购日益普及。"))
    assert not any(c == "BeneficiaryGroup" for _, c in found(pipeline, "两家股东均为当地国有企业。"))


def test_elders_need_no_modifier_to_be_a_group(pipeline):
    assert ("长者", "BeneficiaryGroup") in found(pipeline, "社区针对长者的康复需求开设了门诊。")
    assert ("长辈", "BeneficiaryGroup") in found(pipeline, "新园区让长辈就近享受医疗服务。")


def test_a_kind_of_place_is_part_of_a_group_name(pipeline):
    # 城市, 山区 are tagged as places, but they say which group, not where it is
    assert ("城市低收入人群", "BeneficiaryGroup") in found(pipeline, "该产品为城市低收入人群提供补充医疗保障。")
    assert ("山区教师", "BeneficiaryGroup") in found(pipeline, "基金会为山区教师送去慰问金。")


def test_those_insured_under_a_places_health_scheme_are_named_with_the_place(pipeline):
    # a city's scheme names whom it is for with the city (汕头市基本医疗保险参保人员, 天津医保参保人); a place
    # before other people only places them, and a word that counts a place (全市) is no part of a name
    got = found(pipeline, "汕头惠民保面向汕头市基本医疗保险参保人员，天津惠民保是为天津医保参保人定制的。"
                          "该公司为兰州市残疾人和全市基本医保参保人员提供保障。")
    assert {("汕头市基本医疗保险参保人员", "BeneficiaryGroup"), ("天津医保参保人", "BeneficiaryGroup"),
            ("残疾人", "BeneficiaryGroup"), ("基本医保参保人员", "BeneficiaryGroup")} <= got
    assert not any(name.startswith(("兰州", "全市")) for name, _ in got)


def test_a_citys_people_written_with_its_name_are_a_group(pipeline):
    # 深圳市民 is the city's people, a group a city scheme covers; the bare 市民 stays the generic word, and
    # 上海市民政局 is a department, not 上海市民
    got = found(pipeline, "深圳市巨灾保险覆盖全体深圳市民，上海市民政局也为市民提供服务。")
    assert ("深圳市民", "BeneficiaryGroup") in got and ("上海市民政局", "Regulator") in got
    assert not any(name == "上海市民" for name, _ in got)


def test_a_word_of_help_ending_with_a_colon_opens_the_group_after_it(pipeline):
    # a label of those covered (保障对象：) or a scheme notice's question (谁能参保：) opens the clause after the
    # colon, as 为 opens the group right after it
    got = found(pipeline, "保障对象：建档立卡贫困户和低保户。谁能参保：温州市基本医保参保人员。")
    assert {("建档立卡贫困户", "BeneficiaryGroup"), ("温州市基本医保参保人员", "BeneficiaryGroup")} <= got


def test_households_and_travellers_in_need_are_groups_on_their_own(pipeline):
    assert ("低保户", "BeneficiaryGroup") in found(pipeline, "保险公司向低保户发放慰问金。")
    assert ("游客", "BeneficiaryGroup") in found(pipeline, "该险种为游客提供意外保障。")
    assert ("遇难者家属", "BeneficiaryGroup") in found(pipeline, "公司为遇难者家属开辟理赔绿色通道。")


def test_a_firm_tagged_as_a_place_is_not_skipped_before_a_group(pipeline):
    # jieba tags 京东 as a place: the group is the firm's members, not 白条用户 on its own
    got = found(pipeline, "平台为京东白条用户推出专属保障。")
    assert ("京东", "Partner") in got and not any(c == "BeneficiaryGroup" for _, c in got)


def test_the_group_a_business_is_built_around_follows_weirao(pipeline):
    assert ("社区商户", "BeneficiaryGroup") in found(pipeline, "该公司主要围绕社区商户的经营风险设计产品。")


def test_zhongzhi_is_a_central_sub_branch(pipeline):
    assert ("太保财险中山中支", "Branch") in found(pipeline, "太保财险中山中支为水产养殖户支付了赔款。")


@pytest.mark.parametrize("text, name", [
    ("旱情一出，永修县农业部门的同事就赶到田头查看。", "永修县农业部门"),
    ("瑞昌市财政部门拿出专项资金补贴保费。", "瑞昌市财政部门"),  # the department, not the city's purse
])
def test_a_fields_department_named_by_its_place_is_a_regulator(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)
    assert not any(c == "Regulator" for _, c in found(pipeline, "各级农业部门要加强指导。"))


@pytest.mark.parametrize("text, name", [
    ("平安产险会同沙县义工联举办重阳节活动。", "沙县义工联"),
    ("平安产险会同深圳市义工联合会举办活动。", "深圳市义工联合会"),
    ("平安产险会同沙县志愿者协会举办活动。", "沙县志愿者协会"),  # not 平安产险会同沙县志愿者协会
    ("人保财险协同沙县慈善总会走访困难户。", "沙县慈善总会"),
])
def test_a_charity_or_volunteers_body_after_hui_tong_is_a_partner_of_its_own(pipeline, text, name):
    assert (name, "Partner") in found(pipeline, text)


@pytest.mark.parametrize("text, name", [
    ("大家保险与天津市鹤童社会工作服务中心合作。", "天津市鹤童社会工作服务中心"),  # a social organisation, no office
    ("华夏保险向广州抗战老兵关爱中心捐款。", "广州抗战老兵关爱中心"),
    ("投资方为上海鼎瑜车盈股权投资基金合伙企业。", "上海鼎瑜车盈股权投资基金合伙企业"),  # not 上海鼎瑜车盈股权投资基金
])
def test_social_work_and_care_centres_and_fund_partnerships_are_partners(pipeline, text, name):
    assert (name, "Partner") in found(pipeline, text)


def test_a_department_of_a_place_the_region_list_lacks(pipeline):
    assert ("中山市农业农村局", "Regulator") in found(pipeline, "中山市农业农村局相关负责人说，目前各镇正在核灾。")
    assert ("奉新县农业农村局", "Regulator") in found(pipeline, "奉新县支公司向奉新县农业农村局提供了抗旱物资。")
    assert not any(c == "Regulator" for _, c in found(pipeline, "各地级市政府和全市农业农村局积极配合。"))
    assert ("内厝镇政府", "Regulator") in found(pipeline, "厦门市民政局、厦门保监局和内厝镇政府的有关人员到场。")
    assert not any(c == "Regulator" for _, c in found(pipeline, "各乡镇政府和全镇政府积极配合。"))


@pytest.mark.parametrize("text, name", [
    ("次日中山市财政局就拨付了第一笔保费补贴。", "中山市财政局"),  # a time word before the place
    ("随后甘孜藏族自治州人民政府与人保财险签订协议。", "甘孜藏族自治州人民政府"),
])
def test_a_place_jieba_reads_whole_starts_its_department_after_any_word(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)
    assert not any(c == "Regulator" for _, c in found(pipeline, "多个城市政府出台了支持政策。"))  # 城市 is no place


def test_a_districts_police_sub_bureau_named_without_its_level(pipeline):
    # 龙湾公安分局 is 龙湾区's (the county list knows it); a bare 该公安分局 names no place
    assert ("龙湾公安分局", "Regulator") in found(pipeline, "经龙湾公安分局侦查，该团伙涉嫌保险诈骗。")
    assert not any(s.endswith("公安分局") and c == "Regulator" for s, c in found(pipeline, "该公安分局表示将加强打击。"))


def test_a_department_of_such_a_place_holds_the_registrys_department_of_the_city(pipeline):
    # the registry knows 市财政局 and 市民政局 (Shanghai's where no other city is named)
    got = found(pipeline, "中山市财政局和中山市民政局联合发文。")
    assert ("中山市财政局", "Regulator") in got and ("中山市民政局", "Regulator") in got
    assert not any(name.startswith("市") for name, _ in got)


def test_a_department_of_a_county_jieba_splits_is_found_by_the_place_list(pipeline):
    # jieba reads 增城|区 and 电白|区 as two words, and 魏 alone; ontology/places/counties.txt knows them
    assert ("增城区政府", "Regulator") in found(pipeline, "增城区政府与人保财险签订协议。")
    assert ("电白区自然资源局", "Regulator") in found(pipeline, "电白区自然资源局会同太保产险查勘。")
    assert ("魏县政府", "Regulator") in found(pipeline, "魏县政府与中华联合财险合作。")
    assert ("魏县县政府", "Regulator") in found(pipeline, "在魏县县政府的指导下，人保财险开展理赔。")
    # a county's name inside a longer word is no county of the list (河南县政府 is not 南县's), nor is 全县
    got = found(pipeline, "河南县政府出台办法，全县政府部门参与。")
    assert not any(c == "Regulator" and name != "河南县政府" for name, c in got)


def test_a_joiner_before_a_level_joins_two_bodies_and_opens_no_county(pipeline):
    # 和县 is a county, but after a body that is no place 和 joins a second body of the level
    got = found(pipeline, "去年，区政府和县政府各出资一半，为果农购买保险。")
    assert ("县政府", "Regulator") in got and not any(name.startswith("和") for name, _ in got)
    got = found(pipeline, "市委办公室和县委组织部昨天走访了平安产险。")
    assert ("县委组织部", "Regulator") in got and not any(name.startswith("和") for name, _ in got)
    # …and a joiner the tokenizer glues to a county (和丰|县) leaves the county's body whole
    assert ("丰县政府", "Regulator") in found(pipeline, "某期货公司和丰县政府共同承担了保费。")
    # after a place, or opening the sentence, it is the county
    assert ("安徽省和县政府", "Regulator") in found(pipeline, "安徽省和县政府与太保产险签约。")
    assert ("和县政府", "Regulator") in found(pipeline, "和县政府与太保产险签约。")


def test_a_body_named_without_its_place_is_read_whole_over_a_bare_registry_alias(pipeline):
    # the registry's bare 市委 and 市政府 (Shanghai's) inside a longer body: the longest reading wins
    got = found(pipeline, "市委统战部联合太保寿险走访了困难家庭。")
    assert ("市委统战部", "Regulator") in got and ("市委", "Regulator") not in got
    got = found(pipeline, "市政府金融办和市委组织部分别发了通知。")
    assert ("市政府金融办", "Regulator") in got and ("市委组织部", "Regulator") in got
    assert ("市政府", "Regulator") not in got
    # alone, they are still the registry's
    assert ("市委", "Regulator") in found(pipeline, "市委、市政府高度重视这项保险。")


def test_two_bodies_joined_after_a_city_are_no_one_countys_body(pipeline):
    # the run between a city and a level holds no joiner: 某市政府|和|县政府, not a county 政府和县
    for text, first, second in (("苏州市政府和县政府联合发文。", "苏州市政府", "县政府"),
                                ("温州市政府与区委共同部署。", "温州市政府", "区委"),
                                ("湖州市政府及区政府都派员到场。", "湖州市政府", "区政府")):
        got = found(pipeline, text)
        assert (first, "Regulator") in got and (second, "Regulator") in got
    # a county the list names keeps its 和 (天津市和平区)
    assert ("天津市和平区民政局", "Regulator") in found(pipeline, "天津市和平区民政局与某寿险公司签约。")
    assert ("天津市和平区委", "Regulator") in found(pipeline, "天津市和平区委召开专题会议。")


def test_a_bare_department_after_a_joiner_is_the_county_named_before(pipeline):
    got = [(m, e.label) for m, e in ((lm.mention.surface, lm.entity) for lm in linked(
        pipeline, "今年，宁陵县政府和县财政局出资为种植户投保。"))]
    assert ("县财政局", "宁陵县财政局") in got


def test_a_countys_party_committee_and_leading_group_are_regulators(pipeline):
    # places the region list lacks: a county-level city and a county (ontology/places/counties.txt)
    assert ("瑞安市委", "Regulator") in found(pipeline, "瑞安市委召开专题会议，人保财险瑞安支公司列席。")
    assert ("开化县疫情防控工作领导小组", "Regulator") in found(
        pipeline, "开化县疫情防控工作领导小组发出通告后，太保产险开化支公司延长了服务时间。")
    # 市委托 is 市 + 委托 (entrusted by the city), no committee
    assert not any(c == "Regulator" for _, c in found(pipeline, "该项目由全市委托三家保险公司共同承保。"))


def test_youth_league_committees_and_local_offices_are_regulators(pipeline):
    assert ("共青团湖北省委", "Regulator") in found(pipeline, "共青团湖北省委负责人会见了阳光保险集团代表。")
    assert ("温岭市农水局", "Regulator") in found(pipeline, "人保财险温岭支公司与温岭市农水局一道把赔款送到农户手中。")
    assert ("厦门市政府金融办", "Regulator") in found(pipeline, "厦门市政府金融办组织开展农房保险工作。")


@pytest.mark.parametrize("text, name", [
    ("四川省委宣传部邀请几家保险公司参加座谈。", "四川省委宣传部"),
    ("中共宁波市委组织部为全市驻村干部统一投保。", "中共宁波市委组织部"),
    ("福田区委组织部出资为社区工作者购买了意外险。", "福田区委组织部"),
    ("县委宣传部联合人保财险开展保险知识宣传。", "县委宣传部"),
])
def test_a_party_committees_department_is_named_whole(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)


def test_a_department_heads_title_names_the_committee_alone(pipeline):
    got = found(pipeline, "福田区委组织部长出席了签约仪式。")
    assert ("福田区委", "Regulator") in got and not any(n.endswith("组织部") for n, _ in got)


@pytest.mark.parametrize("text, name", [
    ("马坊镇政府为辖区内的独居老人统一购买了意外险。", "马坊镇政府"),
    ("石桥乡政府与人保财险签订了水稻保险协议。", "石桥乡政府"),
    ("白沙乡人民政府为低保户缴纳了保费。", "白沙乡人民政府"),
])
def test_a_towns_government_is_named_where_the_tokenizer_writes_its_level_apart(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)


@pytest.mark.parametrize("text, name", [
    ("据象山县石浦镇政府介绍，渔民的保费由财政补贴。", "象山县石浦镇政府"),
    ("屏東縣萬丹鄉公所協助農民申請理賠。", "屏東縣萬丹鄉公所"),  # a Taiwan township's office
    ("農友可向臺中市大甲區公所洽詢投保事宜。", "臺中市大甲區公所"),  # a district's office after its city
    ("富邦產物與吉安鄉公所簽約，為鄉民投保。", "吉安鄉公所"),  # …and without it
])
def test_a_towns_government_or_office_after_its_county_is_read_whole(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)


def test_a_towns_party_committee_is_a_government_body(pipeline):
    assert ("石桥镇党委", "Regulator") in found(pipeline, "石桥镇党委牵头为留守老人办理了意外险。")
    assert ("白沙乡党委", "Regulator") in found(pipeline, "白沙乡党委与人保财险结成帮扶对子。")
    assert not any(c == "Regulator" for _, c in found(pipeline, "各乡镇党委要把保险宣传做到位。"))


def test_a_township_word_that_is_no_town_names_no_government(pipeline):
    for text in ("各乡镇政府为村民投保。", "当地镇政府为村民投保。", "该乡政府为村民投保。"):
        assert not any(c == "Regulator" for _, c in found(pipeline, text))


@pytest.mark.parametrize("text", [
    "善款由海峰公益基金捐出。",  # a charity fund written without 会
    "平安人寿携同海峰公益基金向灾区捐款。",  # …joined to its giver by 携同, which ends the stem as 携 does
])
def test_a_charity_fund_written_without_its_hui_is_a_partner(pipeline, text):
    assert ("海峰公益基金", "Partner") in found(pipeline, text)


def test_a_body_named_after_its_insurer_is_read_whole(pipeline):
    got = found(pipeline, "中国太保携手太保蓝公益基金会，向泰康仙林鼓楼医院捐赠物资。")
    assert {("太保蓝公益基金会", "Partner"), ("泰康仙林鼓楼医院", "Partner")} <= got
    assert ("太保", "InsuranceGroup") not in got
    # a firm holding a registry name stays the registry's, and a verb still ends a name
    assert ("平安银行股份有限公司", "Partner") in found(pipeline, "平安银行股份有限公司与平安产险合作。")
    assert ("中国人寿", "InsuranceGroup") in found(pipeline, "中国人寿援建希望小学。")
    # an insurer's short name that is also a common word (平安) names its foundation, not the group's fund arm
    got = found(pipeline, "平安基金会联合平安人寿发起捐书活动。")
    assert ("平安基金会", "Partner") in got and ("平安基金", "Insurer") not in got
    # a life insurer's name, whose 人寿 otherwise makes a kind (人寿保险公司), names its foundation
    assert ("富邦人寿慈善基金会", "Partner") in found(pipeline, "富邦人寿慈善基金会今年资助偏乡学童。")
    assert ("人寿保险公司", "Insurer") not in found(pipeline, "全国共有人寿保险公司90家。")


@pytest.mark.parametrize("text, insurer, firm", [
    ("6月21日，平安产险收购宏达科技有限公司51%的股权。", "平安产险", "宏达科技有限公司"),  # a tech firm after the verb
    ("众诚保险拿下华信保险经纪有限公司过半股权。", "众诚保险", "华信保险经纪有限公司"),
])
def test_a_registry_firm_and_its_verb_before_a_legal_name_are_the_clause(pipeline, text, insurer, firm):
    assert {(insurer, "Insurer"), (firm, "Partner")} <= found(pipeline, text)


def test_a_legal_name_may_hold_a_word_read_as_a_verb_but_not_start_with_one(pipeline):
    text = "人保财险成都市分公司为成都纵横自动化技术股份有限公司提供保障。"
    assert ("成都纵横自动化技术股份有限公司", "Partner") in found(pipeline, text)
    # the verb belongs to the clause: the name is what follows it
    assert {n for n, c in found(pipeline, "公司正式成立上海新华科技有限公司。") if c == "Partner"} == {"上海新华科技有限公司"}
    assert not any(c == "Partner" and "接到" in n for n, c in found(pipeline, "人保财险接到上海新华科技有限公司报案。"))


def test_a_bracketed_place_inside_a_name_is_part_of_it(pipeline):
    got = found(pipeline, "联席保荐人包括摩根大通证券（远东）有限公司、瑞士信贷（香港）有限公司。")
    assert {("摩根大通证券（远东）有限公司", "Partner"), ("瑞士信贷（香港）有限公司", "Partner")} <= got
    got = found(pipeline, "泰康在线总部以及泰康同济（武汉）医院均落户武汉。")
    assert ("泰康同济（武汉）医院", "Partner") in got


def test_a_financial_holding_is_a_group(pipeline):
    got = found(pipeline, "富邦金控以及中信金控、台新新光金控陆续捐款，各大金控纷纷响应。")
    assert {("富邦金控", "InsuranceGroup"), ("中信金控", "InsuranceGroup"), ("台新新光金控", "InsuranceGroup")} <= got
    assert not any(c == "InsuranceGroup" and "各" in s for s, c in got)


def test_a_provinces_financial_holding_is_a_partner(pipeline):
    """A mainland 金控 named by its place alone is a state investor taking stakes in local insurers, a partner;
    Taiwan's, named by a brand, stay groups."""
    got = found(pipeline, "去年，湖南金控受让了这家寿险公司一成股份，富邦金控则退出。")
    assert ("湖南金控", "Partner") in got and ("湖南金控", "InsuranceGroup") not in got
    assert ("富邦金控", "InsuranceGroup") in got


def test_a_group_listed_with_insurers_is_the_insurer_that_owns_its_branches(pipeline):
    ms = mentions(pipeline, "太平人寿、中国人寿、新华人寿3家寿险公司中标。其中，中国人寿承保了两个县。")
    assert [(m.surface, m.cls) for m in ms if m.surface == "中国人寿"] == [("中国人寿", "Insurer")] * 2
    ms = mentions(pipeline, "人保财险、平安产险、中华保险等公司连夜查勘。")  # 中华保险's branches are its P&C company's
    assert [m.cls for m in ms if m.surface == "中华保险"] == ["Insurer"]
    # insurers of several lines: the reader takes the group's name for the group
    ms = mentions(pipeline, "中国人寿、人保财险、平安产险3家保险机构承保。")
    assert [m.cls for m in ms if m.surface == "中国人寿"] == ["InsuranceGroup"]
    ms = mentions(pipeline, "中国人寿、中国平安、人保财险等机构参与。")  # groups listed together stay groups
    assert ("中国人寿", "InsuranceGroup") in {(m.surface, m.cls) for m in ms}


def test_a_group_heading_a_row_of_a_table_of_insurers_is_the_insurer_that_owns_its_branches(pipeline):
    table = "公司 | 保费收入 | 同比\n中国人寿 | 3200亿元 | 2%\n新华人寿 | 1100亿元 | 5%\n泰康人寿 | 1500亿元 | 3%"
    assert [m.cls for m in mentions(pipeline, table) if m.surface == "中国人寿"] == ["Insurer"]
    # a column of insurers of several lines names the group, as a list of them does
    table = "公司 | 保费收入\n中国人寿 | 3200亿元\n人保财险 | 2800亿元\n太保产险 | 1100亿元"
    assert [m.cls for m in mentions(pipeline, table) if m.surface == "中国人寿"] == ["InsuranceGroup"]


def test_a_later_item_of_a_list_of_units_is_a_branch(pipeline):
    got = found(pipeline, "人保寿险河北电销中心、深圳电销中心和广东电销中心通过电话销售。")
    assert ("广东电销中心", "Branch") in got


def test_a_places_pilot_of_a_kind_of_cover_is_a_programme(pipeline):
    assert ("浙江省巨灾保险试点", "Initiative") in found(pipeline, "会上通报了浙江省巨灾保险试点的进展。")
    # a kind of cover of many words (知识产权海外侵权责任保险) names its place's pilot as a short one does
    assert ("上海市知识产权海外侵权责任保险试点", "Initiative") in found(
        pipeline, "今年的上海市知识产权海外侵权责任保险试点已经启动。")
    # a verb of launching it between is a clause; the pilot's document or work is no programme
    for text in ("浙江省开展巨灾保险试点。", "依据《浙江省巨灾保险试点方案》执行。"):
        assert not any(cls == "Initiative" for _, cls in found(pipeline, text)), text


def test_taikangs_retirement_communities_are_programmes(pipeline):
    got = found(pipeline, "泰康之家·楚园、泰康在线总部均落户武汉。")
    assert ("泰康之家·楚园", "Initiative") in got and ("泰康", "InsuranceGroup") not in got


def test_insurers_retirement_communities_are_programmes_by_brand_and_by_head(pipeline):
    # a brand of the family alone, with a garden's name, or with its city and 社区
    got = found(pipeline, "国寿嘉园·天津雅境近日开业，太保家园成都社区也将开门，太保家园已布局多城。")
    assert {("国寿嘉园·天津雅境", "Initiative"), ("太保家园成都社区", "Initiative"),
            ("太保家园", "Initiative")} <= got
    # a quoted name before 颐养社区 is the community's brand; a quoted 养老社区 is one itself
    got = found(pipeline, "记者走访了“乐龄居”南京国际颐养社区，又去了“城南养老社区”。")
    assert {("乐龄居", "Initiative"), ("城南养老社区", "Initiative")} <= got
    # a joiner between names two things
    assert ("安享金", "Initiative") not in found(pipeline, "“安享金”与某某养老社区挂钩。")


def test_china_taipings_tree_and_flower_communities_and_dajias_brand_are_programmes(pipeline):
    got = found(pipeline, "中国太平在三亚开办的海棠人家康养社区正式开业，大家保险的城心医养社区也已营业。")
    assert {("海棠人家", "Initiative"), ("城心医养社区", "Initiative")} <= got
    # 人家 in any other sense names nothing
    assert not {n for n, c in found(pipeline, "这户人家养老社区的事由街道负责。") if c == "Initiative"}


def test_a_partners_regional_company_is_a_partner_of_its_own_as_a_banks_branch_is(pipeline):
    got = found(pipeline, "江泰保险经纪宁夏分公司帮助宁夏卫生系统组织医责险统保。")
    assert ("江泰保险经纪宁夏分公司", "Partner") in got
    # a firm's company in a province is named so too, as an insurer's is (人保南京公司)
    got = found(pipeline, "人保财险把一张3000万元的支票交到南方电网贵州公司手中。")
    assert ("南方电网贵州公司", "Partner") in got
    assert ("南方电网", "Partner") not in got


def test_a_name_that_starts_with_a_joiner_after_a_word_that_takes_an_object_keeps_it(pipeline):
    got = found(pipeline, "易联众准备把手中13.5%的股份卖给和锐医科（北京）医疗器械有限公司。", disabled=("learned",))
    assert ("和锐医科（北京）医疗器械有限公司", "Partner") in got
    # between two names it joins them
    got = found(pipeline, "平安产险和锐思医疗器械有限公司签约。", disabled=("learned",))
    assert ("锐思医疗器械有限公司", "Partner") in got


def test_a_firm_named_as_a_group_company_is_read_whole(pipeline):
    got = found(pipeline, "西山煤电集团公司、潞安矿业集团公司两家煤炭企业也在名单之列。")
    assert {("西山煤电集团公司", "Partner"), ("潞安矿业集团公司", "Partner")} <= got
    # a kind of firm, no name
    assert not found(pipeline, "外国保险集团公司可以入股，该集团公司下属企业也可参保。")


def test_market_institutions_and_trade_associations_by_their_ending(pipeline):
    assert ("深圳数据交易所", "IndustryBody") in found(pipeline, "深圳数据交易所与人保财险签署合作协议。")
    assert ("浙江省渔业协会", "IndustryBody") in found(pipeline, "浙江省渔业协会联合太保产险推出渔船保险。")
    assert ("温州商会", "IndustryBody") in found(pipeline, "温州商会向平安产险捐赠防疫物资。")
    # a stock exchange is where a firm is listed; a bare 行业协会 is no name (only a reference back to an
    # association the article named, which here it did not)
    text = "该公司在东京证券交易所上市，行业协会发布了条款。"
    assert not any(c == "IndustryBody" and kind != "reference" for _, c, kind in
                   ((m.surface, m.cls, m.kind) for m in mentions(pipeline, text)))
    assert not any(lm.entity.cls == "IndustryBody" for lm in linked(pipeline, text))


def test_poor_households_and_households_out_of_poverty_are_two_groups(pipeline):
    got = {m.surface: m.entity for m in mentions(pipeline, "县里为贫困户和脱贫户统一购买了防贫保险。")
           if m.cls == "BeneficiaryGroup"}
    assert got["贫困户"] and got["脱贫户"] and got["贫困户"] != got["脱贫户"]


def test_groups_written_without_a_word_of_help_before_them(pipeline):
    assert ("受灾户", "BeneficiaryGroup") in found(pipeline, "赔款已按损失程度全部打入受灾户账户。")
    assert ("牧民", "BeneficiaryGroup") in found(pipeline, "人保财险已就牧民伤亡支付了多笔赔款。")
    assert ("弱势群体", "BeneficiaryGroup") in found(pipeline, "要把长期处在服务盲区的弱势群体纳入保障。")
    got = found(pipeline, "镇里把脱贫不稳定户、边缘易致贫户和突发严重困难户作为重点。")
    assert {("脱贫不稳定户", "BeneficiaryGroup"), ("边缘易致贫户", "BeneficiaryGroup"),
            ("突发严重困难户", "BeneficiaryGroup")} <= got
    # the names the anti-poverty cover gave them first, by household
    got = found(pipeline, "县里把贫困边缘户和临贫易贫户列为重点帮扶对象。")
    assert {("贫困边缘户", "BeneficiaryGroup"), ("临贫易贫户", "BeneficiaryGroup")} <= got


def test_disabled_people_are_a_group_and_their_federation_an_organisation(pipeline):
    got = found(pipeline, "只要持有残疾人证，残疾人就能获得这份保障。")
    assert ("残疾人", "BeneficiaryGroup") in got
    got = found(pipeline, "温岭市残疾人联合会近日向记者介绍了这份保险。")
    assert ("温岭市残疾人联合会", "Regulator") in got and not any(c == "BeneficiaryGroup" for _, c in got)
    assert ("省残疾人联合会", "Regulator") in found(pipeline, "省残疾人联合会与太保产险签约。")


def test_crop_growers_are_a_group(pipeline):
    assert ("枣农", "BeneficiaryGroup") in found(pipeline, "连年裂果让枣农的收入很不稳定。")
    assert ("菇农", "BeneficiaryGroup") in found(pipeline, "人保财险为菇农送去了价格保险。")
    # a grower word inside a longer name gives way to it
    assert ("红枣农户", "BeneficiaryGroup") in found(pipeline, "人保财险为红枣农户提供保障。")


def test_a_count_or_place_written_as_one_word_with_the_head_is_no_part_of_the_name(pipeline):
    assert not any(c == "BeneficiaryGroup" for _, c in found(pipeline, "公司要为广大群众提供可负担的保险服务。"))
    assert ("农民", "BeneficiaryGroup") in found(pipeline, "该险种为广大农民提供保障。")
    assert ("山区困难学生", "BeneficiaryGroup") in found(pipeline, "公司决定帮助更多山区困难学生完成学业。")


def test_people_in_hardship_and_low_income_people_are_two_groups(pipeline):
    got = {m.surface: m.entity for m in mentions(pipeline, "防贫保险继续为困难群众和低收入人群提供风险保障。")
           if m.cls == "BeneficiaryGroup"}
    assert got["困难群众"] and got["低收入人群"] and got["困难群众"] != got["低收入人群"]


def test_volunteers_are_a_group_when_they_are_helped(pipeline):
    assert not any(c == "BeneficiaryGroup" for _, c in found(pipeline, "公司组织200名志愿者走进社区开展宣传。"))
    assert ("志愿者", "BeneficiaryGroup") in found(pipeline, "平安产险为志愿者免费提供意外保险。")
    assert ("社区志愿者", "BeneficiaryGroup") in found(pipeline, "社区志愿者获赠了一份意外险。")
    got = found(pipeline, "中国人寿为普陀区馨越志愿者组织的成员送上保障。")  # an organisation's name
    assert not any(c == "BeneficiaryGroup" and s.endswith("志愿者") for s, c in got)


def test_a_numbered_school_a_county_purse_and_a_broker_without_its_legal_form_are_names(pipeline):
    got = found(pipeline, "人保财险向岷县城关第三小学捐赠了一批课桌椅。")
    assert ("岷县城关第三小学", "Partner") in got
    assert not any(c == "Partner" for _, c in found(pipeline, "人保财险为全县60多所学校的学生提供保障。"))
    assert ("宁海县财政", "Regulator") in found(pipeline, "这项保险的保费由宁海县财政全额承担。")
    assert ("华信国际保险经纪公司", "Partner") in found(pipeline, "项目由华信国际保险经纪公司负责日常服务。")
    assert ("甘肃省农科院", "Partner") in found(pipeline, "人保财险与甘肃省农科院合作研发苹果气象指数。")
    assert ("宣城市政策性农业保险工作小组办公室", "Regulator") in found(
        pipeline, "宣城市政策性农业保险工作小组办公室印发了今年的承保方案。")


def test_a_groups_investment_arm_is_a_firm_of_its_own(pipeline):
    got = found(pipeline, "此次增资由上海复星创业投资有限公司全额认购。")
    assert ("上海复星创业投资有限公司", "Partner") in got
    assert ("复星", "InsuranceGroup") not in got


@pytest.mark.parametrize("text, line", [
    ("人保财险在当地开发扶贫保险产品，覆盖全县贫困户。", "扶贫保险"),
    ("该公司去年推出团体意外伤害保险，保费由企业承担。", "团体意外伤害保险"),
    ("平安产险为园区企业提供企业财产保险，保额达5亿元。", "企业财产保险"),
    # adjectival forms of a line's words (补充性, 商业性), and a line the tokenizer reads as one word (家庭财产)
    ("村里鼓励种粮大户购买补充性商业保险，作为政策性保险的补充。", "补充性商业保险"),
    ("该公司率先推出商业性信用保险，服务出口企业。", "商业性信用保险"),
    ("台风过后，人保财险为受灾居民提供家庭财产保险，保额共计2亿元。", "家庭财产保险"),
])
def test_a_line_of_business_after_a_launch_verb_is_no_product(pipeline, text, line):
    assert (line, "Product") not in found(pipeline, text)


def test_a_cover_with_a_word_of_its_own_or_a_place_before_its_line_is_a_product(pipeline):
    assert ("渔民意外伤害保险", "Product") in found(pipeline, "阳光财险推出渔民意外伤害保险，每人保费30元。")
    assert ("丽水市团体意外伤害保险", "Product") in found(pipeline, "国寿财险推出丽水市团体意外伤害保险，覆盖全市环卫工人。")


def test_a_name_read_as_cover_and_as_a_programme_in_one_article_has_one_class(pipeline):
    text = ("“宁惠保”于2021年在南京推出，保费每人99元。“宁惠保”已赔付2万人次。"
            "在“宁惠保”项目中，人保财险负责理赔。")
    got = found(pipeline, text)
    assert ("宁惠保", "Product") in got
    assert ("宁惠保", "Initiative") not in got


def test_a_quoted_word_of_help_before_a_group_names_the_help_not_the_group(pipeline):
    got = found(pipeline, "平安产险为外卖员推出“守护骑手”意外保险，每单保费1元。")
    assert ("守护骑手", "Product") in got
    assert ("守护骑手", "BeneficiaryGroup") not in got
    assert ("带病群体", "BeneficiaryGroup") in found(pipeline, "监管部门鼓励“带病群体”保险创新。")


@pytest.mark.parametrize("text, inside", [
    ("据中国银行保险报报道，人保财险已完成理赔。", "中国银行"),  # the insurance trade paper, not the bank
    ("记者从宁国市人民政府网获悉，当地已完成理赔。", "宁国市人民政府"),  # the government's website
])
def test_a_name_inside_a_papers_or_websites_name_is_no_mention(pipeline, text, inside):
    assert not any(s == inside for s, _ in found(pipeline, text))
    assert ("中国银行", "Partner") in found(pipeline, "人保财险与中国银行签署合作协议。")


@pytest.mark.parametrize("text, committee", [
    ("签约仪式上，台州市委常委、宣传部长王某致辞。", "台州市委"),
    ("江山市推出防贫保险。市委副书记李某介绍了试点情况。", "江山市委"),
    ("永嘉县委书记张某出席活动。", "永嘉县委"),
])
def test_a_committee_named_as_a_persons_post_is_no_mention(pipeline, text, committee):
    assert not any(c == "Regulator" and s.endswith("委") for s, c in found(pipeline, text))
    assert ("永嘉县委", "Regulator") in found(pipeline, "永嘉县委、县政府高度重视防贫保险。")
    assert any(c == "Regulator" for _, c in found(pipeline, "台州市委常委会研究通过了实施方案。"))  # the standing committee


def test_a_group_after_ti_is_helped_and_ti_is_no_part_of_its_name(pipeline):
    # 替 says for whom, as 为 does: 替菜农投保, 为替渔民分担风险 (not a group called 替渔民)
    assert ("菜农", "BeneficiaryGroup") in found(pipeline, "镇政府出资替菜农投保了蔬菜种植保险。")
    got = found(pipeline, "县里为替渔民分担台风风险，推出了新的险种。")
    assert ("渔民", "BeneficiaryGroup") in got
    assert ("替渔民", "BeneficiaryGroup") not in got


@pytest.mark.parametrize("text, product", [
    ("人保财险推出一款羊肚菌种植保险，每亩保费30元。", "羊肚菌种植保险"),  # the one launched, counted
    ("安华农险再添一款肉羊价格保险，养殖户可自愿投保。", "肉羊价格保险"),  # 再添: one more
    ("当地保险公司陆续拿出了核桃种植保险和花椒种植保险。", "核桃种植保险"),  # 拿出: brought out
    ("去年县里办起了蜜蜂养殖保险，首批有40户参保。", "蜜蜂养殖保险"),  # 办起: set up
])
def test_a_cover_launched_in_other_words_is_a_product(pipeline, text, product):
    assert (product, "Product") in found(pipeline, text)


@pytest.mark.parametrize("text, product", [
    ("据了解，这份环卫工人意外伤害保险由区财政出资。", "环卫工人意外伤害保险"),  # 这份 … 由: who pays
    ("今年起，该份渔船船员雇主责任保险为全县船东分担风险。", "渔船船员雇主责任保险"),  # 该份 … 为
])
def test_a_cover_the_clause_opens_with_this_one_is_a_product(pipeline, text, product):
    assert (product, "Product") in found(pipeline, text)


def test_a_clause_after_this_one_is_no_product(pipeline):
    # 这份担心交给了保险: a verb with its 了 inside is a clause, not a cover's name
    got = found(pipeline, "不少企业主把这份担心交给了保险，复工更有底气。")
    assert not {m for m in got if m[1] == "Product"}


@pytest.mark.parametrize("text, product", [
    ("这家养蜂场上周拿到一张蜂群越冬指数保险保单。", "蜂群越冬指数保险"),  # a policy counted by 张
    ("当地签出首张冷库货物综合保险保单，保额200万元。", "冷库货物综合保险"),  # the first policy
])
def test_the_cover_of_a_policy_counted_by_zhang_is_a_product(pipeline, text, product):
    assert (product, "Product") in found(pipeline, text)


def test_a_net_counted_by_zhang_names_no_product(pipeline):
    # 一张…网: a net of covers, and the cover after 以 is no name of its own
    got = found(pipeline, "全省将织成一张以农业保险和大病保险为主体的保障网。")
    assert not {m for m in got if m[1] == "Product"}


def test_a_quoted_service_or_cover_package_is_a_product(pipeline):
    # a package sold with cover is a bundle, a product, though 服务 follows the quote
    got = found(pipeline, "这家车企推出过“安心驾”“无忧修”两种服务包供车主选购。")
    assert {("安心驾", "Product"), ("无忧修", "Product")} <= got
    assert ("暖冬守护", "Product") in found(pipeline, "该公司为环卫工人送上“暖冬守护”保障包。")


def test_a_list_of_covers_closed_by_this_series_names_each_cover(pipeline):
    # a list of covers ends in 这一系列产品 or 这几类…保险 as it does in 等…产品
    got = found(pipeline, "该公司先后开发了葡萄种植气象保险、茶叶低温指数险这一系列产品。")
    assert ("葡萄种植气象保险", "Product") in got
    assert ("茶叶低温指数险", "Product") in got


@pytest.mark.parametrize("text, partner", [
    ("人保财险跟成都农商银行签了合作协议。", "成都农商银行"),  # 跟 joins a partner as 与 does
    ("该公司牵手阳光儿童医院推出义诊。", "阳光儿童医院"),  # 牵手: teams up with
    ("公司委托明远保险公估公司查勘定损。", "明远保险公估公司"),  # 委托: the firm hired, not 公司委托…
])
def test_a_partner_joined_by_other_words_starts_after_them(pipeline, text, partner):
    assert (partner, "Partner") in found(pipeline, text)


@pytest.mark.parametrize("text, programme", [
    ("太平人寿和当地医院搞“健康下乡”，每月义诊一次。", "健康下乡"),  # 搞: carry out
    ("县里与人保财险开办“乡村安心贷”，帮助农户周转。", "乡村安心贷"),  # 开办: set up
    ("去年该公司举行“蓝天守护”，走进二十所学校。", "蓝天守护"),  # 举行: hold
])
def test_a_quoted_programme_launched_in_other_words_is_an_initiative(pipeline, text, programme):
    assert (programme, "Initiative") in found(pipeline, text)


@pytest.mark.parametrize("text, product", [
    ("去年夏天冰雹过后，葡萄气象保险共赔付了80万元。", "葡萄气象保险"),  # weather cover, named by its crop
    ("今年县里的生姜价格保险覆盖了3000亩。", "生姜价格保险"),  # a price's cover
    ("当地的茶叶产值保险已赔付120万元。", "茶叶产值保险"),  # an output value's cover
    ("台风过境后，温州公共巨灾保险启动了赔付。", "温州公共巨灾保险"),  # a city's catastrophe cover
])
def test_a_cover_named_by_its_kind_is_a_product_without_a_launch_verb(pipeline, text, product):
    assert (product, "Product") in found(pipeline, text)


def test_the_government_buying_a_kind_of_cover_names_no_product(pipeline):
    assert not {m for m in found(pipeline, "该市推行政府巨灾保险试点已有三年。") if m[1] == "Product"}


def test_a_name_in_book_title_marks_is_read_as_a_quoted_name(pipeline):
    # 《》 mark a product's name as “” do: 推出《安心宝》少儿重疾险
    assert ("安心宝", "Product") in found(pipeline, "该公司近日推出《安心宝》少儿重疾险，保额50万元。")


@pytest.mark.parametrize("text", [
    "市政府印发《农业保险实施方案》，推动扩面。",  # a document: its name ends in 方案, 办法, 报告 …
    "这一数据出自《中国保险》2024年第4期所载的文章。",  # a periodical: an issue follows its name
])
def test_a_document_or_periodical_in_book_title_marks_is_no_product_or_programme(pipeline, text):
    assert not {m for m in found(pipeline, text) if m[1] in ("Product", "Initiative")}


@pytest.mark.parametrize("text, name", [
    ("泰康旗下泰康拜博口腔医院与美团签约。", "泰康"),  # the group named first stays, the hospital's head does not
    ("众安健康科技公司与一家医院合作。", "众安"),
    ("人保金服公司与美团合作推出分期服务。", "人保"),
])
def test_an_insurers_name_heading_a_hospitals_or_tech_firms_name_is_not_the_insurer(pipeline, text, name):
    got = [m for m in mentions(pipeline, text) if m.surface == name]
    assert len(got) == text.count(name) - 1


@pytest.mark.parametrize("text, name", [
    ("泰康人寿保险有限责任公司与美团合作。", "泰康人寿保险有限责任公司"),
    ("平安产险上海分公司与美团合作。", "平安产险上海分公司"),
])
def test_an_insurers_own_legal_name_or_unit_is_still_read(pipeline, text, name):
    assert name in {m[0] for m in found(pipeline, text)}


@pytest.mark.parametrize("text, body", [
    ("朝阳区公安分局与保险公司共同开展反诈宣传。", "朝阳区公安分局"),  # a district's police
    ("西湖区人民法院近日审结一起保险纠纷。", "西湖区人民法院"),  # a court
    ("杭州市中级人民法院驳回了上诉。", "杭州市中级人民法院"),
    ("上海海关向一线关员赠送了保险。", "上海海关"),  # customs
    ("江苏省气象台提前发布了暴雨预警。", "江苏省气象台"),  # a weather service
    ("在绩溪县农险办的组织下，各乡镇开展了查勘。", "绩溪县农险办"),  # a county's farm-insurance office
    ("浙江省农险协调办下发了通知。", "浙江省农险协调办"),
    ("江苏省食安办推动食品安全责任保险扩面。", "江苏省食安办"),  # a food-safety office
    ("南山区政务服务和数据管理局上线了理赔直付。", "南山区政务服务和数据管理局"),
])
def test_police_courts_customs_and_local_offices_are_regulators(pipeline, text, body):
    assert (body, "Regulator") in found(pipeline, text)


@pytest.mark.parametrize("text, office", [
    ("杭州市公安局西湖分局与平安产险签约。", "杭州市公安局西湖分局"),
    ("泉州市食药监局丰泽分局推动辖区餐馆投保。", "泉州市食药监局丰泽分局"),
])
def test_a_departments_district_office_is_read_whole(pipeline, text, office):
    assert (office, "Regulator") in found(pipeline, text)


def test_a_departments_offices_in_general_name_no_office(pipeline):
    assert not {m for m in found(pipeline, "上海市公安局下属分局参与了宣传。") if m[0].endswith("分局")}


@pytest.mark.parametrize("text, body", [
    ("苏州工业园区管委会与保险公司签署了合作协议。", "苏州工业园区管委会"),  # a zone's committee
    ("杭州市消防救援大队为队员投保了意外险。", "杭州市消防救援大队"),  # a fire brigade
    ("宁波市交警支队联合保险公司开展宣传。", "宁波市交警支队"),  # traffic police
    ("上海海事局指导航运保险创新。", "上海海事局"),  # a maritime office
])
def test_zone_committees_fire_and_traffic_police_and_maritime_offices_are_regulators(pipeline, text, body):
    assert (body, "Regulator") in found(pipeline, text)


def test_a_trade_union_federation_is_a_partner(pipeline):
    # a union federation buys cover for workers with an insurer: a partner, not a government body
    assert ("南通市总工会", "Partner") in found(pipeline, "南通市总工会与保险公司合作，为一线职工投保互助保障。")


@pytest.mark.parametrize("text, committee", [
    ("人保财险某支公司与青石村村委会一道组织果农投保。", "青石村村委会"),
    ("保险公司还同石门村村委会商量赔付方案。", "石门村村委会"),  # 还同 is one word to jieba
    ("太保产险联合翠湖社区居委会开展防灾宣传。", "翠湖社区居委会"),
])
def test_a_village_or_neighbourhood_committee_named_by_its_place_is_a_partner(pipeline, text, committee):
    assert (committee, "Partner") in found(pipeline, text)


def test_a_bare_village_committee_names_none(pipeline):
    assert not any(cls == "Partner" for _, cls in found(pipeline, "灾后村委会一直在和保险公司商量定损。"))


def test_a_japanese_firms_legal_form_makes_a_partner_but_not_an_insurers(pipeline):
    assert ("日本丸山商事株式会社", "Partner") in found(pipeline, "人保再保险与日本丸山商事株式会社签下转让协议。")
    assert not any(cls == "Partner" for _, cls in found(pipeline, "日本财产保险株式会社和某财险公司签约。"))


def test_a_places_insurance_association_is_no_partner(pipeline):
    assert not any(cls == "Partner" for _, cls in found(pipeline, "杭州市保险协会召开座谈会。"))


@pytest.mark.parametrize("defined", ["（以下称“华东医药”）", "（下文简称“华东医药”）", "（下稱「华东医药」）"])
def test_a_short_name_given_in_other_words_of_naming_is_the_articles_short_name(pipeline, defined):
    text = f"华东医药集团有限公司{defined}参与认购。华东医药表示看好健康险。"
    ms = mentions(pipeline, text)
    assert [(m.surface, m.cls) for m in ms if m.start > text.index("。")] == [("华东医药", "Partner")]


@pytest.mark.parametrize("text, number", [
    ("受灾农户报案请拨95518，工作人员会尽快联系。", "95518"),  # 拨 alone dials too
    ("外地车主报案号码为95585。", "95585"),  # the number of a line
    ("投保后可以打400-820-9619咨询理赔进度。", "400-820-9619"),
    ("公司的电销热线951508全天开通。", "951508"),  # a six-digit 95 number is not cut short
    ("民眾可撥打0800-123-456查詢保單。", "0800-123-456"),  # a toll-free line as news of Taiwan writes it
])
def test_a_hotline_dialled_or_given_as_a_number_is_an_initiative(pipeline, text, number):
    assert (number, "Initiative") in found(pipeline, text)


def test_a_hotline_keeps_the_word_after_its_number_as_one_more_name(pipeline):
    from stage_helpers import linked
    names = {(lm.mention.surface, lm.written) for lm in linked(pipeline, "老人拨通95519服务热线后一键转人工。")}
    assert ("95519", "95519服务热线") in names
    names = {(lm.mention.surface, lm.written) for lm in linked(pipeline, "請撥打0800-123-456免付費服務專線洽詢。")}
    assert ("0800-123-456", "0800-123-456免付費服務專線") in names  # as written, in traditional script


def test_a_sum_after_da_is_no_hotline(pipeline):
    assert not {m for m in found(pipeline, "每户打90000元到社保卡上。") if m[1] == "Initiative"}


def test_a_table_cell_holding_only_a_covers_name_is_a_product(pipeline):
    # a table of city schemes, read a row at a time (城市 | 产品 | 承保机构)
    row = "苏州 | 姑苏惠民保 | 太保寿险苏州中心支公司 | 9月1日上线"
    assert ("姑苏惠民保", "Product") in found(pipeline, row)
    assert ("苏惠保", "Product") in found(pipeline, "苏惠保 | 人保财险 | 每年59元")  # the row's first cell
    # a line of business in a cell is still no product
    assert not {m for m in found(pipeline, "意外伤害保险 | 2.2亿元") if m[1] == "Product"}
    # nor is a cover a figure's cell follows: a row of figures by line of business
    assert not {m for m in found(pipeline, "渔船互保 | 1260人 | 75.3%") if m[1] == "Product"}
    assert not {m for m in found(pipeline, "农房保险 | 近80万元") if m[1] == "Product"}
    # nor a cell that says who was insured: 纳保, like 投保 or 参保, is a verb, no product's last word
    assert not {m for m in found(pipeline, "| 某某人寿 | 2019年 | 身心障碍者 | 逾2万名残障人士纳保 |") if m[1] == "Product"}


@pytest.mark.parametrize("text, firm", [
    ("据东吴证券测算，今年险企保费增速回升。", "东吴证券"),  # a securities firm named by its brand
    ("这轮融资由深创投领投，红杉创投跟投。", "红杉创投"),  # a venture investor
])
def test_securities_firms_and_venture_investors_are_partners(pipeline, text, firm):
    assert (firm, "Partner") in found(pipeline, text)


@pytest.mark.parametrize("text", [
    "投资者买卖有价证券须缴纳印花税。",  # a kind of paper
    "在沪证券、基金、银行等机构纷纷响应。",  # a trade in a list of trades
])
def test_securities_as_a_trade_or_paper_name_no_firm(pipeline, text):
    assert not {m for m in found(pipeline, text) if m[0].endswith("证券")}


@pytest.mark.parametrize("text", [
    "地震发生后，区内保险公司迅速开通绿色通道。",  # a place
    "相互制与普通保险公司不同。",  # a kind
    "发行主体是特殊目的保险公司。",  # a purpose
    "同期，新三板保险公司增至三家。",  # a market
    "今年以来保险公司纷纷发债。",  # a time
    "其承保人数在国内保险公司中居首。",  # a market
    "这家企业属国有控股，经营人寿、健康等人身保险业务。",  # a business scope
])
def test_a_place_kind_purpose_market_or_time_before_insurer_names_no_insurer(pipeline, text):
    assert not {m for m in found(pipeline, text) if m[1] == "Insurer"}


@pytest.mark.parametrize("text, group", [
    ("新产品面向的是灵活就业人员。", "灵活就业人员"),
    ("这项计划惠及的是偏远山区留守老人。", "偏远山区留守老人"),
])
def test_a_group_after_de_shi_is_named_without_the_copula(pipeline, text, group):
    # 保障的是X, 面向的是X: 是 says who is helped, it is no part of the group's name
    got = found(pipeline, text)
    assert (group, "BeneficiaryGroup") in got
    assert ("是" + group, "BeneficiaryGroup") not in got


@pytest.mark.parametrize("text, group", [
    ("暴雨中受困群众被转移到安置点。", "受困群众"),
    ("山区留守少儿的课外生活很单调。", "留守少儿"),
    ("建档立卡家庭的孩子可以免费入学。", "建档立卡家庭"),
])
def test_a_policy_term_makes_a_group_without_a_word_of_help(pipeline, text, group):
    # 受困, 留守, 建档立卡 … single a class out for help, as 受灾 does: no 为 or 向 is needed
    assert (group, "BeneficiaryGroup") in found(pipeline, text)


def test_old_people_in_figures_of_an_ageing_population_are_no_group(pipeline):
    # 老人 alone is the population growing older, not a group an insurer helps
    assert not {m for m in found(pipeline, "这座城市的老人越来越多，养老压力随之上升。") if m[1] == "BeneficiaryGroup"}
    assert ("社区老人", "BeneficiaryGroup") in found(pipeline, "公司为社区老人赠送了意外险。")


def test_a_group_word_before_a_persons_name_is_that_person(pipeline):
    # settled case: 种粮大户李某 is one person, no group; the class word alone still is one
    assert not {m for m in found(pipeline, "贫困户吴某说赔款很快到账。") if m[1] == "BeneficiaryGroup"}
    assert not {m for m in found(pipeline, "种粮大户邵春林今年拿到了一笔赔款。") if m[1] == "BeneficiaryGroup"}
    assert ("种粮大户", "BeneficiaryGroup") in found(pipeline, "人保财险为种粮大户提供保障。")
    assert ("残疾儿童", "BeneficiaryGroup") in found(pipeline, "公司为残疾儿童康复救助捐款。")  # 康复: no name


@pytest.mark.parametrize("text, group", [
    ("今年春季，全县的茶农踊跃投保。", "茶农"),
    ("这款保险由沿海的渔民投保。", "渔民"),
])
def test_those_who_insure_are_a_group(pipeline, text, group):
    # the subject of 投保 or 参保 is covered, with no word of help before it
    assert (group, "BeneficiaryGroup") in found(pipeline, text)


@pytest.mark.parametrize("text, group", [
    ("台风过后，全镇的菇农已经拿到了赔款。", "菇农"),
    ("去年受冻的果农都领到了理赔款。", "果农"),
])
def test_those_who_get_a_payout_are_a_group(pipeline, text, group):
    # the subject of 拿到 / 领到 / 获赔 is helped, with no word of help before it
    assert (group, "BeneficiaryGroup") in found(pipeline, text)


@pytest.mark.parametrize("text, school", [
    ("员工们走进春晖小学，为孩子们上了一堂安全课。", "春晖小学"),  # after the verb of the visit
    ("公司员工来到凉山州金阳县天地坝小学开展支教。", "凉山州金阳县天地坝小学"),  # …with its places
])
def test_a_school_after_the_verb_of_a_visit_is_a_partner(pipeline, text, school):
    assert (school, "Partner") in found(pipeline, text)


@pytest.mark.parametrize("text, centre", [
    ("公司党员志愿者与嘉兴市中心血站联合开展无偿献血活动。", "嘉兴市中心血站"),
    ("分公司组织员工前往浙江省血液中心献血。", "浙江省血液中心"),
])
def test_a_blood_centre_or_station_is_a_partner(pipeline, text, centre):
    assert (centre, "Partner") in found(pipeline, text)


@pytest.mark.parametrize("text, body", [
    ("泰康人寿与北京国际医学中心签约，开通住院绿色通道。", "北京国际医学中心"),  # a hospital named a medical centre
    ("火箭从太原卫星发射中心升空，星上载荷由三家公司共保。", "太原卫星发射中心"),  # the site of an insured launch
])
def test_a_medical_or_launch_centre_is_a_partner(pipeline, text, body):
    assert (body, "Partner") in found(pipeline, text, disabled=("learned",))


@pytest.mark.parametrize("text, covers", [
    ("该平台代销了某财险的三款产品——家庭意外伤害保险、住院医疗保险2020版A款和老年防癌保险，首月只需1元。",
     ["家庭意外伤害保险", "住院医疗保险2020版A款", "老年防癌保险"]),
    ("去年卖得最好的产品包括安康百万医疗2023、安康守护B款保障计划等。", ["安康百万医疗2023", "安康守护B款保障计划"]),
])
def test_the_covers_a_count_of_products_introduces_are_products(pipeline, text, covers):
    # the count (三款产品——, 产品包括) makes each item a product, though one names only its kind
    assert {(c, "Product") for c in covers} <= found(pipeline, text)


@pytest.mark.parametrize("text, name, cls", [
    ("公司当天启动了一项名为“邻里守望”的社区公益活动。", "邻里守望", "Initiative"),
    ("这场讲座名叫“保险知识进社区”，由分公司员工主讲。", "保险知识进社区", "Initiative"),
    ("客户选了一款名叫“安盈九十天持有B款”、属于养老保险的产品。", "安盈九十天持有B款", "Product"),
    # a scheme of cover so named is cover, though 计划 ends it
    ("某某财险推出了名为“低空护航者”的综合保障方案。", "低空护航者", "Product"),
    ("公司为骑手推出名为“安心行”的专属保障计划。", "安心行", "Product"),
    # a drive, a film series or a course so named is a programme
    ("寿险公司与协会办起名为「鞋力传爱」的旧鞋募集。", "鞋力传爱", "Initiative"),
    ("公司联手医院制作名为「健康轻松学」的一系列影片。", "健康轻松学", "Initiative"),
    # an aside in brackets between the name and its kind
    ("中国太保主导建设、名为“中国太保三江源生态公益林”（后文简作“中国太保公益林”）的项目已完成二期种植。",
     "中国太保三江源生态公益林", "Initiative"),
])
def test_a_quoted_name_a_word_of_naming_introduces_takes_the_kind_named_with_it(pipeline, text, name, cls):
    assert (name, cls) in found(pipeline, text)


@pytest.mark.parametrize("text, name, cls", [
    ("宏利10月宣布推出全新的「医疗专业支援服务」。", "医疗专业支援服务", "Initiative"),
    ("平安产险推出全新的“安心保”。", "安心保", "Product"),
])
def test_a_quoted_name_launched_as_new_is_a_programme_or_cover(pipeline, text, name, cls):
    # 全新的 between the launch verb and the name does not hide the launch
    assert (name, cls) in found(pipeline, text)


def test_a_firm_a_word_of_naming_introduces_is_no_product_or_programme(pipeline):
    assert not {n for n, c in found(pipeline, "一家名为“云图科技”的公司参与了投标。") if c in ("Product", "Initiative")}


@pytest.mark.parametrize("text, group", [
    ("新方案重点照顾完全失能人员，护理费用按月结算。", "完全失能人员"),
    ("不少中低收入人群一旦生病便难以负担医疗费用。", "中低收入人群"),
    ("平台上的患病会员可以申请互助金。", "患病会员"),
])
def test_a_group_a_policy_term_singles_out_is_named_with_its_degree_and_needs_no_word_of_help(pipeline, text, group):
    assert (group, "BeneficiaryGroup") in found(pipeline, text)


@pytest.mark.parametrize("text, firm, not_firm", [
    ("安责险的服务方是华晟国际保险经纪公司，理赔由它协助。", "华晟国际保险经纪公司", "服务方是华晟国际保险经纪公司"),
    ("投资方之一是上市公司星河集团，持股一成。", "星河集团", "上市公司星河集团"),
])
def test_a_role_or_gloss_before_a_firms_name_is_no_part_of_it(pipeline, text, firm, not_firm):
    names = found(pipeline, text)
    assert (firm, "Partner") in names and (not_firm, "Partner") not in names


@pytest.mark.parametrize("text, school", [
    ("分公司与华南理工大学医学院共建健康管理实验基地。", "华南理工大学医学院"),
    ("讲座由东海政法大学法学院承办。", "东海政法大学法学院"),
])
def test_a_universitys_school_is_one_partner_not_the_university(pipeline, text, school):
    assert (school, "Partner") in found(pipeline, text)


@pytest.mark.parametrize("text, school", [
    ("分公司请来清华大学的教授为员工讲课。", "清华大学"),  # a verb before the word jieba holds whole
    ("评估由沈阳农业大学派出的专家完成。", "沈阳农业大学"),  # a place before it: 农业 is the name's
    ("理赔专员在上海肿瘤医院为客户办理直赔。", "上海肿瘤医院"),  # a place that is no stem alone opens it too
    ("公司与中国药科大学共建健康管理实验室。", "中国药科大学"),
])
def test_a_university_jieba_holds_as_one_word_is_found_after_a_verb_or_a_place(pipeline, text, school):
    assert (school, "Partner") in found(pipeline, text)


def test_a_kind_of_hospital_or_insurer_jieba_holds_as_one_word_is_still_no_name(pipeline):
    assert not {n for n, c in found(pipeline, "患者可在公立医院就诊，商业保险公司负责赔付。") if c in ("Partner", "Insurer")}


def test_alibaba_written_short_is_the_group_and_its_cloud_arm_a_firm_of_its_own(pipeline):
    names = {(m.surface, m.cls, m.entity) for m in mentions(pipeline, "阿里看好健康险，阿里云则为一家财险公司搭建新核心系统。")}
    groups = {e for s, c, e in names if s == "阿里" and c == "Partner"}
    clouds = {e for s, c, e in names if s == "阿里云" and c == "Partner"}
    assert len(groups) == 1 and len(clouds) == 1 and groups != clouds


def test_a_bare_kind_of_cover_in_a_counted_list_is_no_product(pipeline):
    # the count makes names of the list's items, not of the kinds of cover it lists (意外险, 寿险)
    names = found(pipeline, "这家公司的保障产品包括意外险、重疾险和医疗险等。")
    assert not {n for n, c in names if c == "Product"}


def test_a_common_word_before_a_unit_is_no_branch(pipeline):
    """大部分公司 and 结果支公司 are words followed by 分公司/支公司, not branches named by a place; a
    county named at a clause start (徐汇支公司, 奉新县支公司) still is."""
    got = found(pipeline, "平安人寿公布了理赔报告，大部分公司的获赔率都在九成以上。")
    assert not any(cls == "Branch" for _, cls in got)
    got = found(pipeline, "人保财险称经理没有请示，结果支公司被罚款十万元。")
    assert not any(cls == "Branch" for _, cls in got)
    got = found(pipeline, "人保财险在宜春开展秋收理赔，奉新县支公司的查勘员当天到场。")
    assert ("奉新县支公司", "Branch") in got


def test_a_common_word_names_a_firm_only_as_an_item_of_a_list_of_firms(pipeline):
    """平安 alone is a word (一路平安); as an item of a 、-list beside other firms it is the group, but
    not when the item goes on past it (平安资本) or outside a list."""
    assert ("平安", "InsuranceGroup") in found(pipeline, "这家公司由阿里、腾讯、平安共同出资设立。")
    assert ("新华", "Insurer") in found(pipeline, "他的团队大多来自新华、泰康等老牌险企。")
    assert ("平安", "InsuranceGroup") not in found(pipeline, "人保资本、平安资本都参与了这轮投资。")
    assert ("平安", "InsuranceGroup") not in found(pipeline, "祝愿大家出行平安，阖家幸福。")
    # 中宏 (Manulife-Sinochem) among foreign life insurers, not the 中宏 of 其中宏观
    assert ("中宏", "Insurer") in found(pipeline, "外资寿险里，友邦、中宏的代理人收入居前。")
    assert not found(pipeline, "在这些因素中宏观经济影响最大。")


def test_an_insurers_name_a_platform_shares_is_the_insurer_only_in_a_list_of_insurers(pipeline):
    """平安健康 is also Ping An Healthcare's platform: beside insurers it is the health insurer, beside
    platforms or alone it is not."""
    got = found(pipeline, "上半年获批增资的险企分别是中荷人寿、平安健康、德华安顾和中邮人寿。")
    assert ("平安健康", "Insurer") in got
    got = found(pipeline, "阿里健康、京东健康、平安健康等互联网医疗平台纷纷上线问诊服务。")
    assert ("平安健康", "Insurer") not in got
    assert ("平安健康", "Insurer") not in found(pipeline, "用户可在平安健康App上预约体检。")


def test_a_county_court_by_its_short_name_and_the_central_legal_commission_are_public_bodies(pipeline):
    """江岸区法院 (a district's court without 人民) and 中央政法委, which sign or direct insurers' court schemes."""
    assert ("江岸区法院", "Regulator") in found(pipeline, "江岸区法院与人保财险签约。")
    assert ("中央政法委", "Regulator") in found(pipeline, "中央政法委、最高人民法院联合发文推行司法救助。")
    assert not found(pipeline, "法院判决后，保险公司依约赔付。")


def test_a_local_office_named_by_its_place_is_a_unit_of_the_insurer(pipeline):
    """An export-credit insurer's or a fishery mutual's 办事处 named by its place is its branch; a mutual that
    is itself a 办事处, written bare, is no unit of its own."""
    assert ("中国信保大连经济技术开发区办事处", "Branch") in found(pipeline, "中国信保大连经济技术开发区办事处正式成立。")
    assert ("浙江省渔业互保协会温岭办事处", "Branch") in found(pipeline, "浙江省渔业互保协会温岭办事处上门慰问。")
    got = found(pipeline, "晋江市渔业互助保险办事处通报了成绩。办事处把服务渔民放在首位。")
    assert not any(cls == "Branch" for _, cls in got)


def test_a_joiner_before_a_place_and_a_unit_ends_the_firm_before_it(pipeline):
    """人保财险和温岭支公司: two items of a list, not one branch named 和温岭; a place whose name starts with the
    joiner's character (和田) still names the branch."""
    got = found(pipeline, "人保财险和温岭支公司都派人参加了查勘。")
    assert ("人保财险", "Insurer") in got and not any("和温岭" in surface for surface, _ in got)
    assert ("人保财险和田支公司", "Branch") in found(pipeline, "人保财险和田支公司参与理赔。")


def test_a_farm_extension_station_of_a_county_or_town_is_a_public_body(pipeline):
    """The extension stations that survey crop losses beside the insurer are government agencies, at a
    county's or city's level (常熟市水产技术推广站) and at a town's (大王庄镇农业技术推广站)."""
    assert ("常熟市水产技术推广站", "Regulator") in found(pipeline, "常熟市水产技术推广站的专家到场指导。")
    got = found(pipeline, "国寿财险莱芜市中心支公司与大王庄镇农业技术推广站联合巡田。")
    assert ("大王庄镇农业技术推广站", "Regulator") in got


def test_a_demonstrative_with_its_measure_word_is_no_part_of_the_name_after_it(pipeline):
    """这份, 该项: the word points at the cover named after it; the name starts after it."""
    got = found(pipeline, "人保财险承保的这份玉米收入保险保的是收入。")
    assert ("玉米收入保险", "Product") in got and ("这份玉米收入保险", "Product") not in got
    got = found(pipeline, "该项灾害民生综合保险由市财政全额出资。")
    assert ("灾害民生综合保险", "Product") in got and ("该项灾害民生综合保险", "Product") not in got


def test_a_run_of_list_aliases_names_every_firm_of_the_run(pipeline):
    """An item found as a list alias stands beside the next: in 泰康、新华、阳光、太平等 阳光 is beside 新华,
    so each bare short name of the run is its firm, the market's brand names (华泰, 华夏) too, in simplified
    or traditional script; beside banks they stay the banks' words."""
    got = found(pipeline, "启动理赔绿色通道的公司包括：中国人寿、人保、泰康、新华、阳光、华泰、太平等。")
    assert {("阳光", "InsuranceGroup"), ("华泰", "InsuranceGroup"), ("太平", "InsuranceGroup")} <= set(got)
    got = found(pipeline, "主要產壽險公司包括：中國人壽、泰康、新華、陽光、華夏等。")
    assert {("陽光", "InsuranceGroup"), ("華夏", "Insurer")} <= set(got)
    got = found(pipeline, "民生银行、华夏银行、中信银行等银行参与了这次发行。")
    assert not any(surface in ("民生", "华夏") for surface, _ in got)


def test_an_insurers_name_a_platform_shares_heading_a_row_among_insurers_is_the_insurer(pipeline):
    """A table column names firms of one kind: 平安健康 heading a row among insurers' rows is the health
    insurer; among platforms' rows it is not."""
    insurers = "| 公司 | 获批增资 |\n| --- | --- |\n| 英大财险 | 35亿元 |\n| 平安健康 | 26亿元 |\n| 太保健康 | 19亿元 |\n"
    assert ("平安健康", "Insurer") in found(pipeline, insurers)
    platforms = "| 平台 | 用户 |\n| --- | --- |\n| 京东健康 | 3亿 |\n| 平安健康 | 1亿 |\n| 阿里健康 | 2亿 |\n"
    assert ("平安健康", "Insurer") not in found(pipeline, platforms)


def test_a_bare_branch_after_a_preposition_or_dash_is_the_insurers_branch(pipeline):
    """在浙江分公司, 与黄岛区支公司, ——四川分公司: a preposition or a dash opens the unit as a clause start does."""
    got = found(pipeline, "新华保险的新系统首先在浙江分公司上线。")
    assert ("浙江分公司", "Branch") in got
    got = found(pipeline, "新华保险表示，已与黄岛区支公司共同完成理赔。")
    assert ("黄岛区支公司", "Branch") in got
    got = found(pipeline, "活动由富德生命人寿乐山中支执行——四川分公司已把任务交给了它。")
    assert ("四川分公司", "Branch") in got


def test_a_branch_written_with_zhongzhi_gongsi_is_one_branch_whole(pipeline):
    """中支公司 is 中心支公司 written short: the whole name is the branch, the same one as 中心支公司."""
    got = found(pipeline, "这批保单由太保产险湖州中支公司出具。")
    assert ("太保产险湖州中支公司", "Branch") in got
    from stage_helpers import linked
    labels = {lm.entity.label for lm in linked(pipeline, "人保财险衢州中支公司先行赔付，人保财险衢州中心支公司随后结案。")
              if lm.entity.cls == "Branch"}
    assert len(labels) == 1


def test_a_branch_written_after_the_insurers_name_and_gongsi_is_one_branch(pipeline):
    """人保财险公司某某分公司: the insurer's short name with 公司 before its unit names the branch whole,
    not the insurer and a bare unit."""
    got = found(pipeline, "暴雨过后，人保财险公司宜春市分公司派出查勘员。")
    assert ("人保财险公司宜春市分公司", "Branch") in got
    assert ("人保财险", "Insurer") not in got


def test_unknown_short_names_listed_beside_a_partner_are_partners(pipeline):
    """A 、-list names things of one kind: beside a partner the builder knows, its unknown short names
    (远山科技, 青禾数据) are partners too; not in a list that ends in a clause's comma, nor without a known partner."""
    got = found(pipeline, "这轮融资的跟投方还有蚂蚁金服、远山科技、青禾数据和北辰优选等机构。")
    assert {("远山科技", "Partner"), ("青禾数据", "Partner"), ("北辰优选", "Partner")} <= got
    got = found(pipeline, "众安保险把蚂蚁金服、自有平台和线下门店串成一条线，服务客户。")
    assert ("自有平台", "Partner") not in got
    got = found(pipeline, "发起方包括远山科技、青禾数据、北辰优选等公司。")
    assert ("青禾数据", "Partner") not in got


def test_a_list_of_partners_ends_at_the_word_of_doing_it_together(pipeline):
    """A list of parties runs straight into the word of their joint act (一同参与, 共同发起, 携手): the list
    ends there, and its unknown items beside a known partner are partners; a reference (其他几家单位) is no name."""
    got = found(pipeline, "蚂蚁金服、远山科技、青禾数据一同参与，为农户托底。")
    assert {("远山科技", "Partner"), ("青禾数据", "Partner")} <= got
    got = found(pipeline, "这家公司由蚂蚁金服、北辰优选和其他几家单位联手发起。")
    assert ("其他几家单位", "Partner") not in got


def test_a_universitys_research_centre_is_named_whole(pipeline):
    """某某大学 followed at once by its centre or laboratory (…与…研究中心, …实验室) is one partner, not the
    university and a stray word; a clause's verb between them (与…共建实验室) keeps them apart."""
    got = found(pipeline, "据华东科技大学海洋与气候风险研究中心测算，台风损失逐年上升。")
    assert ("华东科技大学海洋与气候风险研究中心", "Partner") in got
    assert ("华东科技大学", "Partner") not in got
    got = found(pipeline, "投保的是西北农业大学智能农机实验室，承保方为人保财险。")
    assert ("西北农业大学智能农机实验室", "Partner") in got
    got = found(pipeline, "西北农业大学与人保财险共建实验室。")
    assert ("西北农业大学", "Partner") in got


def test_a_government_bodys_research_centre_is_a_government_body_named_whole(pipeline):
    """A ministry's or bureau's research centre written right after its name is a public institution under
    it (ANNOTATION.md types such bodies Regulator), not the ministry and a stray word."""
    got = found(pipeline, "报告由农业农村部农村经济研究中心与太保产险联合发布。")
    assert ("农业农村部农村经济研究中心", "Regulator") in got
    assert ("农业农村部", "Regulator") not in got
    # a verb between them names two things: the bureau, and what it approved
    got = found(pipeline, "中国人民银行批复同意该研究院开展试点。")
    assert ("中国人民银行", "Regulator") in got


def test_a_firm_whose_shares_an_insurer_buys_is_a_partner(pipeline):
    """举牌/增持/买进 a firm's H or A shares names the firm (an investee counts as a partner); 该公司 is no name."""
    got = found(pipeline, "昆仑人寿本周再度增持青松环保能源H股，持股比例升至6%。")
    assert ("青松环保能源", "Partner") in got
    got = found(pipeline, "昆仑人寿本周再度增持该公司H股。")
    assert not any(cls == "Partner" for _, cls in got)
    got = found(pipeline, "昆仑人寿通过场内交易增持公司H股1000万股。")
    assert not any(cls == "Partner" for _, cls in got)


def test_a_count_of_shares_between_the_verb_and_the_firm_still_names_it(pipeline):
    """再买入300万股某某银行H股: the count of shares bought stands between the verb and the investee."""
    got = found(pipeline, "北辰人寿上周在二级市场再买入300万股青川银行H股，持股越过5%。")
    assert ("青川银行", "Partner") in got
    got = found(pipeline, "北辰人寿增持约2.6亿股松江水务A股。")
    assert ("松江水务", "Partner") in got
    got = found(pipeline, "北辰人寿买入约500万股H股。")
    assert not any(cls == "Partner" for _, cls in got)


@pytest.mark.parametrize("text, product", [
    ("今年起，城乡住户火灾救助保险覆盖全市居民。", "城乡住户火灾救助保险"),
    ("去年落地的见义勇为人员抚恤保险已赔付三起案件。", "见义勇为人员抚恤保险"),
    ("当地电商平台接入了网店账户交易安全保险，卖家可自愿投保。", "网店账户交易安全保险"),
    ("另外，乡村公路隧道综合险的承保方为人保财险。", "乡村公路隧道综合险"),
])
def test_cover_named_by_the_relief_it_pays_is_a_product_wherever_it_stands(pipeline, text, product):
    """A cover's name ending in the relief it pays or the risk it makes safe (…救助保险, …抚恤保险,
    …安全保险, …综合险) is a product with no launch verb before it."""
    assert (product, "Product") in found(pipeline, text)


def test_a_quoted_name_in_a_row_of_programmes_is_a_programme(pipeline):
    """In a row of quoted names whose own endings say programme (“…计划”, “…图书馆”), one that says
    nothing of its kind is a programme too; a row whose endings disagree gives it nothing."""
    got = found(pipeline, "基金会已有的公益项目，如“晨光计划”“小小画家”“童心图书馆”，今年将扩大范围。")
    assert ("小小画家", "Initiative") in got
    got = found(pipeline, "展台上摆着“晨光计划”“小小画家”“安心保”的宣传册。")
    assert not any(name == "小小画家" for name, _ in got)


@pytest.mark.parametrize("text", [
    "该公司做过助学结对，也开发过扶贫保险产品。",  # 过 is the verb's: what is left is a line of business
    "下一步将推出更多科技保险产品。",  # a quantity, not a name
    "当地正在推行的一项保险——政策性农房保险。",
])
def test_a_verbs_particle_or_a_quantity_after_it_is_no_product_name(pipeline, text):
    assert not any(cls == "Product" and name[0] in "过更一" for name, cls in found(pipeline, text))


def test_a_quoted_double_slogan_is_no_programme(pipeline):
    """A slogan counted with 双 (“双碳”, “双循环”) is a numbered policy, as “两个确保” is, not a programme
    an insurer launches."""
    got = found(pipeline, "人保财险启动“双减”行动方案，服务“双循环”发展。")
    assert not any(name in ("双减", "双循环") for name, _ in got)


def test_a_numbered_name_before_the_word_of_a_campaign_names_that_campaign(pipeline):
    """“五进入”活动, “三下乡”活动: a numbered name with a campaign's word right after the quote is the campaign's
    name; alone (“两个确保”要求) or before a plan (“双减”行动方案) it stays a numbered policy."""
    assert ("三下乡", "Initiative") in found(pipeline, "人保财险某支公司开展“三下乡”活动，把保险知识送到村里。")
    assert ("四进", "Initiative") in found(pipeline, "该公司启动消保“四进”活动。")
    assert not any(n in ("两个确保", "双减") for n, _ in found(pipeline, "公司落实“两个确保”要求，制定“双减”行动方案。"))


def test_a_quoted_forum_or_summit_is_an_initiative(pipeline):
    """A named forum or summit an insurer hosts (“…论坛”, “…峰会”) is one of its programmes."""
    got = found(pipeline, "泰康保险集团主办了“2024长三角养老产业峰会”，百余家机构到场。")
    assert ("2024长三角养老产业峰会", "Initiative") in got
    got = found(pipeline, "会议全称为“2023中欧绿色保险合作论坛”，由中再集团承办。")
    assert ("2023中欧绿色保险合作论坛", "Initiative") in got


@pytest.mark.parametrize("text, bank", [
    ("县农业农村局以及自贡农村商业银行为果农提供惠农贷款。", "自贡农村商业银行"),  # jieba reads 自贡 as a verb
    ("活动由人保财险和自贡市商业银行共同承办。", "自贡市商业银行"),
])
def test_a_region_of_the_list_opens_a_name_however_jieba_tags_it(pipeline, text, bank):
    assert (bank, "Partner") in found(pipeline, text)


@pytest.mark.parametrize("text, firm", [
    ("平安产险联合北京大成律师事务所举办普法讲座。", "北京大成律师事务所"),  # 大成 read as a verb
    ("公司聘请了上海市锦天城律师事务所担任法律顾问。", "上海市锦天城律师事务所"),
    ("天健会计师事务所为该险企出具了标准无保留意见的审计报告。", "天健会计师事务所"),
])
def test_a_law_or_accounting_firm_is_a_partner(pipeline, text, firm):
    assert (firm, "Partner") in found(pipeline, text)


def test_a_law_firm_without_its_own_name_is_no_partner(pipeline):
    assert not {m for m in found(pipeline, "多家律师事务所的律师表示，条款需要更清楚。") if m[1] == "Partner"}


@pytest.mark.parametrize("text, body", [
    ("参与宣传的还有各街道、食品行业协会和市场监管部门。", "食品行业协会"),  # the trade is the stem
    ("浙江省物流行业协会联合保险公司推出货运险团购方案。", "浙江省物流行业协会"),
    # farmers' associations of a crop or stock, which farm cover serves
    ("金华市生猪协会与人保财险签下价格指数保险协议。", "金华市生猪协会"),
    ("溧阳白芹菜农协会为社员统一投保。", "溧阳白芹菜农协会"),
    ("嘉善县水产协会联合太保产险推出养殖保险。", "嘉善县水产协会"),
    # the market's bodies that settle customers' disputes
    ("投保人可向广东省保险合同纠纷调解委员会申请调解。", "广东省保险合同纠纷调解委员会"),
    ("该案经杭州市金融纠纷调解中心调解结案。", "杭州市金融纠纷调解中心"),
    ("有疑问可致电厦门保险消费者权益保护服务中心。", "厦门保险消费者权益保护服务中心"),
    # a trade named by its goods and its work, which jieba reads as a verb (维修, 烹饪)
    ("宁波市汽车维修行业协会与人保财险签约。", "宁波市汽车维修行业协会"),
    ("太保产险与上海市餐饮烹饪行业协会签订协议。", "上海市餐饮烹饪行业协会"),
])
def test_a_trades_association_is_an_industry_body(pipeline, text, body):
    assert (body, "IndustryBody") in found(pipeline, text)


def test_a_verb_right_after_a_place_is_the_clauses_not_a_trades(pipeline):
    assert not {m for m in found(pipeline, "杭州市召开物流行业协会座谈会。") if m[0].startswith("杭州市召开")}


def test_a_verb_after_a_noun_with_a_place_after_it_is_the_clauses(pipeline):
    # 股份|挂到|上海产权交易所: the clause's object and verb, then the body's name from its place
    got = found(pipeline, "锦泰财险把持有的股份挂到上海产权交易所，寻找买家。")
    assert ("上海产权交易所", "IndustryBody") in got and not any(m[0].startswith("股份") for m in got)


def test_an_association_of_no_named_trade_is_no_name(pipeline):
    assert not {m for m in found(pipeline, "相关行业协会发布了自律倡议。") if m[1] == "IndustryBody"}


@pytest.mark.parametrize("text, firm", [
    ("2025年4月 | 东岭物流（601156.SH） | 受让7942万股", "东岭物流"),  # a table cell of a stake
    ("上月，某寿险再度增持青松环保（01330.HK）。", "青松环保"),  # after the verb of a purchase
    ("长城人寿举牌的，还有北方水务（00855.HK）、南方能源（600123.SH）。", "南方能源"),  # a list item
    ("某寿险本月两度出手，继续买入远洋港口（03300.HK）。", "远洋港口"),  # the verb's words before it are the clause's
    ("它新进了两家公司的股东名单，包括华南控股（000999.SZ）和江淮能源（600888.SH）。", "华南控股"),
    ("它新进了两家公司的股东名单，包括华南控股（000999.SZ）和江淮能源（600888.SH）。", "江淮能源"),
])
def test_a_firm_written_with_its_stock_code_is_a_partner(pipeline, text, firm):
    assert (firm, "Partner") in found(pipeline, text)


def test_a_stock_code_leaves_an_insurers_name_and_the_clauses_words_alone(pipeline):
    # 601628.SH is the listed life company's code, and 增持 makes this news of stakes: the insurer (ik:sharesInsurer)
    got = found(pipeline, "此前，中国人寿（601628.SH）公告称增持。")
    assert ("中国人寿", "Insurer") in got and not {m for m in got if m[1] == "Partner"}
    assert ("还有北方水务", "Partner") not in found(pipeline, "长城人寿举牌的，还有北方水务（00855.HK）。")
    assert ("继续买入远洋港口", "Partner") not in found(pipeline, "某寿险本月两度出手，继续买入远洋港口（03300.HK）。")


def test_an_article_giving_stock_codes_means_by_a_groups_bare_name_its_listed_insurer(pipeline):
    # no word of stakes, but the codes make it news of listed companies: 中国人寿 is the listed life company
    got = found(pipeline, "6月26日，中国人寿（02628.HK）与中国核电（601985）共同设立基金。中国人寿认缴12亿元。")
    assert ("中国人寿", "Insurer") in got and ("中国人寿", "InsuranceGroup") not in got
    # without codes the bare name stays the group
    assert ("中国人寿", "InsuranceGroup") in found(pipeline, "中国人寿与中国核电共同设立基金。")


@pytest.mark.parametrize("text, airline", [
    ("太保寿险与东航签约，为旅客提供航班延误保障。", "东航"),
    ("众安保险联合中国南方航空推出行李延误险。", "中国南方航空"),
    ("今年以来，人保寿险举牌东航物流A股。", "东航物流"),
])
def test_airlines_and_their_freight_arm_are_partners(pipeline, text, airline):
    assert (airline, "Partner") in found(pipeline, text)


def test_china_aerospace_holds_no_airline(pipeline):
    assert not {m for m in found(pipeline, "中国航天的发射保险由中再牵头。") if m[0] == "国航"}


@pytest.mark.parametrize("text, fund", [
    ("国寿资产通过母基金参与了湖北省集成电路产业投资基金。", "湖北省集成电路产业投资基金"),
    ("该计划的投向是北京远川壹号股权投资基金，规模20亿元。", "北京远川壹号股权投资基金"),
])
def test_an_investment_fund_insurers_put_money_in_is_a_partner(pipeline, text, fund):
    assert (fund, "Partner") in found(pipeline, text)


def test_a_kind_of_fund_is_no_partner(pipeline):
    assert not {m for m in found(pipeline, "险资可以投资产业投资基金和股权投资基金。") if m[1] == "Partner"}


@pytest.mark.parametrize("text, firm", [
    ("这轮融资的出资方是杭州远岚股权投资中心（有限合伙）。", "杭州远岚股权投资中心（有限合伙）"),
    ("险资全部买入南京青禾壹号股权投资基金合伙企业（有限合伙）的份额。", "南京青禾壹号股权投资基金合伙企业（有限合伙）"),
])
def test_a_limited_partnership_named_with_its_legal_form_is_a_partner(pipeline, text, firm):
    assert (firm, "Partner") in found(pipeline, text)


def test_a_limited_partner_as_a_role_is_no_name(pipeline):
    assert not {m for m in found(pipeline, "国寿投资在其中担任有限合伙人。") if m[1] == "Partner"}


@pytest.mark.parametrize("text, firm", [
    ("中泰证券的分析师认为，险企负债端持续改善。", "中泰证券"),  # jieba cuts the brand 中|泰
    ("出资方为深圳市前海新远投资有限公司。", "深圳市前海新远投资有限公司"),  # 前海 after the city
])
def test_a_position_word_jieba_cuts_off_a_brand_is_part_of_the_name(pipeline, text, firm):
    assert (firm, "Partner") in found(pipeline, text)


def test_a_position_word_that_places_the_clause_is_no_part_of_a_name(pipeline):
    assert not {m for m in found(pipeline, "最后保险公司同意赔付。") if m[1] == "Insurer"}
    got = found(pipeline, "股东名单里有浙江远山电子商务有限公司。")
    assert ("浙江远山电子商务有限公司", "Partner") in got and not {m for m in got if m[0].startswith("名单")}


@pytest.mark.parametrize("text, firm", [
    ("保监会批准中融人寿的老股东启迪控股把手中4400万股让给清华控股。", "启迪控股"),
    ("保监会批准中融人寿的老股东启迪控股把手中4400万股让给清华控股。", "清华控股"),
    ("国寿为申通集团、浦东建设和天津城投做了3项债权投资计划。", "天津城投"),  # a city and 城投: its investment firm
])
def test_a_holding_firm_a_trust_or_a_citys_investment_firm_by_its_brand_is_a_partner(pipeline, text, firm):
    assert (firm, "Partner") in found(pipeline, text)


def test_holding_as_a_verb_names_no_firm(pipeline):
    got = found(pipeline, "比亚迪控股的易安财险今年扭亏为盈。")
    assert not {m for m in got if m[0].endswith("控股")}


@pytest.mark.parametrize("text, bank", [
    ("开户银行有六家国有大行，城商行里则有宁波银行。", "宁波银行"),
    ("代销渠道不止国有大行，农商行里也有温州农商银行。", "温州农商银行"),
])
def test_a_bank_named_by_its_place_after_a_clause_is_a_partner(pipeline, text, bank):
    assert (bank, "Partner") in found(pipeline, text)


@pytest.mark.parametrize("text", [
    "园区的配套诊所将升级为二级康复医院，服务周边老人。",
    "这是一所寄宿制的农村民族重点中学，现有学生800人。",
    "华泰保险为农村公办小学捐建了图书室。",
    "疫情期间，当地调动医院、医生和药品驰援灾区。",  # one word of doing before it: no name
])
def test_a_kind_of_school_or_hospital_is_no_partner(pipeline, text):
    assert not {m for m in found(pipeline, text) if m[1] == "Partner"}


def test_a_name_does_not_run_back_over_a_count_of_bodies(pipeline):
    # 一家 opens the description of one of a kind: the stem starts after it, where a kind's word opens it
    got = found(pipeline, "园区自带一家二级康复医院，床位有100张。")
    assert not {m for m in got if m[1] == "Partner"}
    # …nor does it start after it: what a count precedes is of a kind (two corn growers' cooperatives)
    assert not {m for m in found(pipeline, "投保方是两家玉米种植合作社。") if m[1] == "Partner"}
    # …nor over an ordinal one after a place (the province's first such school, described, not named)
    assert not {m for m in found(pipeline, "这所学校建成于1997年，是江西省第一所阳光希望小学。") if m[1] == "Partner"}
    assert not {m for m in found(pipeline, "这里是湖南省首家光明敬老院。") if m[1] == "Partner"}


def test_a_count_before_a_brand_named_school_ends_its_stem(pipeline):
    # the first of the schools a donor names: the count ends the stem, the donor's name stays the name
    assert ("平安希望小学", "Initiative") in found(pipeline, "早在1994年，第一所平安希望小学就在皖北建成。")
    assert ("太平洋保险希望小学", "Initiative") in found(pipeline, "当地又落成一所太平洋保险希望小学。")
    # …while common words after a count still name a kind
    assert not {m for m in found(pipeline, "当地又落成一所乡村小学。") if m[1] in ("Partner", "Initiative")}


@pytest.mark.parametrize("text", [
    "他说，养老和医疗光靠政府医保基金会有很大缺口。",  # 光靠: an adjective's tag among common words
    "有关部门明确要求学校做好安全教育。",  # 明确要求: a set phrase
])
def test_a_clause_of_common_words_before_a_suffix_is_no_partner(pipeline, text):
    assert not {m for m in found(pipeline, text) if m[1] == "Partner"}


def test_a_specialty_hospital_named_by_common_words_is_still_a_partner(pipeline):
    assert ("质子重离子医院", "Partner") in found(pipeline, "园区西北角是质子重离子医院。")


def test_a_school_named_by_common_words_alone_is_a_kind(pipeline):
    assert not {m for m in found(pipeline, "前期做过走访，活动学校也已选好。") if m[1] == "Partner"}
    # an insurer's name in the stem names its programme
    assert ("太平洋保险希望小学", "Initiative") in found(pipeline, "学校随后挂牌，成了太平洋保险希望小学。")


def test_a_school_named_by_its_town_is_still_a_partner(pipeline):
    assert ("南山镇中心小学", "Partner") in found(pipeline, "太保寿险向南山镇中心小学捐赠了图书。")


def test_local_before_a_firms_name_is_no_part_of_it(pipeline):
    got = found(pipeline, "人保财险把保险金预付给当地上海青禾果蔬专业合作社。")
    assert ("上海青禾果蔬专业合作社", "Partner") in got
    assert not {m for m in got if m[0].startswith("当地")}


def test_the_industrys_public_day_is_an_initiative_however_written(pipeline):
    # the registry's yearly campaign, without quotes and with or without its date and 全国
    assert ("保险公众宣传日", "Initiative") in found(pipeline, "今年保险公众宣传日期间，多家公司走进社区讲解理赔知识。")
    assert ("7·8全国保险公众宣传日", "Initiative") in found(pipeline, "围绕7·8全国保险公众宣传日，某公司开放了客服中心。")


def test_exchanges_abroad_where_insurers_list_are_market_institutions(pipeline):
    got = found(pipeline, "这家寿险公司2003年在纽约证券交易所上市，其母公司的GDR随后登陆伦交所。")
    assert {("纽约证券交易所", "IndustryBody"), ("伦交所", "IndustryBody")} <= got
    assert ("纳斯达克", "IndustryBody") in found(pipeline, "这家保险经纪平台于2020年在纳斯达克挂牌。")


def test_a_branch_named_by_a_long_county_of_the_county_list(pipeline):
    # banners and autonomous counties run longer than the few characters an unknown place may take
    got = found(pipeline, "人保财险正镶白旗支公司和人保财险东乡族自治县支公司连夜查勘。")
    assert {("人保财险正镶白旗支公司", "Branch"), ("人保财险东乡族自治县支公司", "Branch")} <= got


def test_a_branch_named_by_a_development_zone(pipeline):
    # a zone's name runs past the few characters an unknown place may take: the place and the zone word
    # (工业园区, 新区), a free-trade zone's area (自贸试验区|某某片区), or the zone word alone at a clause start
    got = found(pipeline, "平安产险苏州工业园区支公司和人保财险广西自贸试验区钦州港片区支公司签下首单，高新区支公司随后跟进。")
    assert {("平安产险苏州工业园区支公司", "Branch"), ("人保财险广西自贸试验区钦州港片区支公司", "Branch"),
            ("高新区支公司", "Branch")} <= got


def test_a_unit_named_by_its_number_is_a_branch(pipeline):
    # a corps division and regiment (第七师一三一团), a Taiwan insurer's sales office (通訊處) named by a number
    got = found(pipeline, "人保财险兵团分公司第七师一三一团营销服务部为职工承保。新光人壽二三五通訊處經理受訪。")
    assert {("人保财险兵团分公司第七师一三一团营销服务部", "Branch"), ("新光人壽二三五通訊處", "Branch")} <= got


def test_an_insurers_office_named_by_its_place_is_a_branch(pipeline):
    # a county's 服务部 under the branch above it, a city's 营业大厅; after a word that is no place
    # (客户服务部) the office is a department of the insurer, no branch
    got = found(pipeline, "泰康人寿云南省分公司昭通中心支公司彝良服务部捐款，人保财险南京营业大厅也开门了。"
                          "泰康人寿客户服务部表示将加快理赔。")
    assert {("泰康人寿云南省分公司昭通中心支公司彝良服务部", "Branch"), ("人保财险南京营业大厅", "Branch")} <= got
    assert not any(cls == "Branch" and "客户" in name for name, cls in got)


def test_a_county_or_city_company_after_the_insurers_name_is_its_branch(pipeline):
    # 公司 after the insurer and a place (a county with its level, a region of the list) names the branch
    # there; after a word that is no place (全县), or alone at a clause start, it names none
    got = found(pipeline, "中国人保财险临泉县公司和太保产险扬州公司赶到现场。人保财险全县公司都在行动，怀远县公司也是。")
    assert {("中国人保财险临泉县公司", "Branch"), ("太保产险扬州公司", "Branch")} <= got
    assert not any(cls == "Branch" and ("全县" in name or name == "怀远县公司") for name, cls in got)


@pytest.mark.parametrize("text", [
    "台风过后，国寿财险多地分公司连夜开展查勘。",
    "太保产险部分分公司已开通理赔绿色通道。",
    "平安产险多家分公司参与了这次救援。",
])
def test_many_or_some_of_an_insurers_branches_name_no_branch(pipeline, text):
    # 多地, 部分, 多家 before 分公司 count the insurer's branches in many places, no one branch
    assert not any(cls == "Branch" for _, cls in found(pipeline, text))


def test_insurers_listed_by_their_own_names_before_a_shared_kind_stay_themselves(pipeline):
    # 长城人寿 is a name of its own: no tail of it (人寿) plus the kind's ending (人寿财险) is another firm
    got = found(pipeline, "今年以来，长城人寿、大家人寿、瑞众人寿等多家险企频频举牌。")
    assert {("长城人寿", "Insurer"), ("大家人寿", "Insurer"), ("瑞众人寿", "Insurer")} <= got
    assert not any(s == "人寿" for s, _ in got)


def test_a_catastrophe_bonds_special_purpose_insurer_is_a_partner_by_its_latin_name(pipeline):
    got = found(pipeline, "这只巨灾债券的发行主体是特殊目的保险公司Jade Harbour Re，由某再保险公司发起。")
    assert ("Jade Harbour Re", "Partner") in got
    assert ("East Wind Re", "Partner") in found(pipeline, "该公司以特殊目的机构East Wind Re为载体在境外发债。")
    # the kind of firm alone names none, nor do its initials
    assert not any(c == "Partner" for _, c in found(pipeline, "特殊目的保险公司是发行巨灾债券的常见载体。"))
    assert not any(c == "Partner" for _, c in found(pipeline, "该公司通过特殊目的载体SPV在境外发行债券。"))


def test_a_financial_holding_after_the_clauses_verb_is_named(pipeline):
    # 还有 ends the clause's words: the holding group's name starts after it
    assert ("华信金控", "InsuranceGroup") in found(pipeline, "出钱的还有华信金控。")
    assert ("华信金控", "InsuranceGroup") in found(pipeline, "还有华信金控也捐了款。")


def test_a_school_named_by_an_insurer_alone_is_its_programme_one_with_a_place_is_a_school(pipeline):
    # the group's name and 希望小学: the schools it builds under its name, a programme of its own
    got = found(pipeline, "学校去年挂牌，成了中国太保希望小学。")
    assert ("中国太保希望小学", "Initiative") in got
    assert ("中国太保希望小学", "Partner") not in got
    # a village before the name makes it one school the insurer gives to
    got = found(pipeline, "中国太保向桃园太保希望小学捐赠了一批图书。")
    assert ("桃园太保希望小学", "Partner") in got


def test_a_hope_school_named_by_an_insurers_list_alias_is_its_programme_another_school_is_not(pipeline):
    # a Hope school bears its donor's name: 平安, a list alias only, names the group there too
    got = found(pipeline, "中国平安向平安希望小学捐赠了一批图书。")
    assert ("平安希望小学", "Initiative") in got
    assert ("平安希望小学", "Partner") not in got
    # one with a place of its own is one school; other schools that open with such a word are a place's
    assert ("金河镇平安希望小学", "Partner") in found(pipeline, "中国平安向金河镇平安希望小学捐赠了一批图书。")
    assert ("平安小学", "Initiative") not in found(pipeline, "中国平安向平安小学捐赠了一批图书。")


@pytest.mark.parametrize("text, name", [
    ("中国驻巴西大使馆经济商务处协助中国信保完成追偿。", "中国驻巴西大使馆"),
    ("据中华人民共和国驻悉尼总领事馆提醒，留学生应购买医疗保险。", "中华人民共和国驻悉尼总领事馆"),
])
def test_chinas_embassies_and_consulates_abroad_are_government_bodies(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)


@pytest.mark.parametrize("text, name", [
    ("报案电话打到了余杭区政策性农房保险管理中心。", "余杭区政策性农房保险管理中心"),
    ("桐城市精准防贫服务中心负责核实申请人的情况。", "桐城市精准防贫服务中心"),
    ("肇东市园林绿化管理处为环卫工人投保意外险。", "肇东市园林绿化管理处"),
    ("富裕县农业技术推广总站组织农户参保。", "富裕县农业技术推广总站"),
])
def test_a_local_public_service_unit_named_by_its_place_and_remit_is_a_government_body(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)


@pytest.mark.parametrize("text, kept", [
    ("温州市城市管理局环境卫生管理处负责人出席。", ("温州市城市管理局", "Regulator")),  # the bureau is named
    ("太保产险鄞州区客户服务中心开通绿色通道。", None),  # an insurer's own service centre
    ("鄞州区社区卫生服务中心的医生上门服务。", ("鄞州区社区卫生服务中心", "Partner")),  # a clinic
    ("香港打造区域风险管理中心的步伐加快。", None),  # a city's plan, not a body
    ("英大人寿与国网浙江省电力有限公司综合服务中心一道开展活动。", None),  # a company's own centre
    ("宁波青苗公益服务中心的志愿者走进山区小学。", None),  # a charity, no office of the government
    ("温州市志愿服务中心组织义工参加活动。", None),  # volunteers'
    ("浙江省电网有限公司综合服务中心为灾区送去物资。", None),  # a firm's unit
])
def test_what_a_local_service_units_name_is_not(pipeline, text, kept):
    got = found(pipeline, text)
    assert not any(cls == "Regulator" and name.endswith(("管理处", "服务中心", "管理中心")) for name, cls in got)
    assert kept is None or kept in got


@pytest.mark.parametrize("text, name", [
    ("黑龙江农垦红兴隆管理局与阳光农险签订合作协议。", "黑龙江农垦红兴隆管理局"),
    ("黑龙江垦区九三管理局下属农场的大豆全部投保。", "黑龙江垦区九三管理局"),
])
def test_a_land_reclamation_areas_management_bureau_is_a_government_body(pipeline, text, name):
    assert (name, "Regulator") in found(pipeline, text)


def test_a_name_the_article_gives_is_read_whole_where_a_kind_of_cover_sits_inside_it(pipeline):
    # the headline writes the city's product unquoted; the kind 惠民保 inside it is no mention of its own
    text = "2024年度南港惠民保开始投保\n南港市民即日起可以投保“南港惠民保”，由人保财险承保。"
    names = found(pipeline, text)
    assert [m.surface for m in mentions(pipeline, text) if m.cls == "Product"] == ["南港惠民保", "南港惠民保"]
    assert ("惠民保", "Product") not in names


def test_a_group_the_article_names_is_named_wherever_it_is_written_again(pipeline):
    # 让 makes 茶农 a group; the next sentence writes it bare, as the subject of its clause
    text = "低温冻害最让茶农担心。茶农不用报案，保险公司会主动理赔。"
    groups = [m for m in mentions(pipeline, text) if m.cls == "BeneficiaryGroup"]
    assert [m.surface for m in groups] == ["茶农", "茶农"]
    # not a role that staff take on, nor the start of an office's name
    text = "公司为志愿者送去防疫物资。多名员工担任楼层志愿者，另有人加入了志愿者协会。"
    groups = [m for m in mentions(pipeline, text) if m.cls == "BeneficiaryGroup"]
    assert [m.surface for m in groups] == ["志愿者"]


def test_a_body_a_pattern_named_once_is_named_wherever_it_is_written_again(pipeline):
    """After 替 the home's name is not seen (the preposition hides where it starts), so the help had no
    recipient; named once by its pattern, it is found there too."""
    text = "收到这批冬衣的是玉树的贡成五福养老院。中国人寿镇江市分公司还替贡成五福养老院添置了冬衣。"
    homes = [m.surface for m in mentions(pipeline, text) if m.cls == "Partner"]
    assert homes == ["贡成五福养老院", "贡成五福养老院"]
    assert [m.surface for m in mentions(pipeline, "中国人寿镇江市分公司还替贡成五福养老院添置了冬衣。")
            if m.cls == "Partner"] == []  # alone, the sentence does not give it


def test_a_short_firm_name_a_pattern_found_once_is_named_again(pipeline):
    """A listed firm's four-character short name (上市公司中原高速) is written bare later, as the
    shareholder the next sentence speaks of; five characters were once the least a body needed."""
    text = "上市公司中原高速发布公告，拟不参加某农险此轮增资。从股权结构看，中原高速目前是该公司第二大股东。"
    firms = [m.surface for m in mentions(pipeline, text) if m.cls == "Partner"]
    assert firms == ["中原高速", "中原高速"]


@pytest.mark.parametrize("text, name", [
    ("暑假里，某某人寿的志愿者又进了山村小学，随行的还有甘肃省篮球协会的教练。", "甘肃省篮球协会"),
    ("活动由中国人寿某分公司发起，临沂市科技协会派来老师讲授航模。", "临沂市科技协会"),
    ("基金会与杭州市劳模协会签署了捐赠协议。", "杭州市劳模协会"),
])
def test_a_civic_association_named_by_its_place_and_pursuit_is_a_partner(pipeline, text, name):
    assert (name, "Partner") in found(pipeline, text)


@pytest.mark.parametrize("name", ["中华医学会", "广东省医师协会", "杭州市律师协会", "中国汽车工程学会", "浙江省旅游协会"])
def test_a_places_association_of_a_profession_or_trade_is_an_industry_body(pipeline, name):
    """No list names every association; one of a nation, a province or a city is an industry body."""
    assert (name, "IndustryBody") in found(pipeline, f"人保财险与{name}签署了合作协议。")


@pytest.mark.parametrize("text, absent", [
    ("人保财险与上海市志愿者协会签署了合作协议。", ("上海市志愿者协会", "IndustryBody")),  # civic: a partner
    ("首页 > 新闻中心 > 市州协会", ("市州协会", "IndustryBody")),  # no place opens it
    ("该协会与人保财险签署了合作协议。", ("该协会", "IndustryBody")),
])
def test_an_association_no_place_names_or_a_civic_one_is_no_industry_body(pipeline, text, absent):
    assert absent not in {(name.strip(), cls) for name, cls in found(pipeline, text)}


def test_what_kind_of_firm_it_is_said_before_its_name_is_no_part_of_it(pipeline):
    names = found(pipeline, "国任保险的股东北京市属国企北汽集团挂牌转让股份。")
    assert ("北汽集团", "Partner") in names and ("北京市属国企北汽集团", "Partner") not in names


def test_a_rescue_team_named_by_its_place_and_brand_is_a_partner(pipeline):
    assert ("苏州蓝天救援队", "Partner") in found(pipeline, "人保财险为苏州蓝天救援队的队员捐赠意外险。")
    assert not {n for n, c in found(pipeline, "人保财险为民间救援队的队员捐赠意外险。") if "救援队" in n}


def test_a_peoples_mediation_committee_for_medical_disputes_is_a_partner_and_an_insurance_one_an_industry_body(pipeline):
    names = found(pipeline, "人保财险深圳市分公司与深圳市医患纠纷人民调解委员会签署医责险调解合作协议。")
    assert ("深圳市医患纠纷人民调解委员会", "Partner") in names
    names = found(pipeline, "平安产险与深圳市保险纠纷人民调解委员会共建调解工作室。")
    assert ("深圳市保险纠纷人民调解委员会", "IndustryBody") in names


def test_a_hospitals_branch_campus_is_one_partner(pipeline):
    names = found(pipeline, "客户在仁济医院分院住院，理赔款已直接结算。")
    assert ("仁济医院分院", "Partner") in names
    assert ("仁济医院", "Partner") not in names


@pytest.mark.parametrize("text, name", [
    ("杭州爱乐乐团与某某人寿联合举办公益新年音乐会。", "杭州爱乐乐团"),
    ("某某保险邀请浙江省歌舞团走进乡村慰问演出。", "浙江省歌舞团"),
])
def test_an_orchestra_or_troupe_named_by_its_place_is_a_partner(pipeline, text, name):
    assert (name, "Partner") in found(pipeline, text)


def test_a_schools_band_is_no_partner(pipeline):
    assert not any(cls == "Partner" for _, cls in found(pipeline, "乐器到位后，学生艺术团和管乐团很快就排练起来。"))


@pytest.mark.parametrize("text", ["县农业农村局根据果农的需要，指导保险公司为他们设计了一款冻害保险。",
                                  "市应急管理局动员保险公司参与防灾减损。"])
def test_a_bodys_verb_of_guiding_before_insurance_companies_names_no_insurer(pipeline, text):
    """指导|保险公司, 动员|保险公司: the firms are the verb's object; jieba may read the verb as a noun."""
    assert not any(c == "Insurer" for _, c in found(pipeline, text))


@pytest.mark.parametrize("text, name", [
    ("平安人寿今年增持了天齐锂业的股票。", "天齐锂业"),
    ("中原农险的股东包括中原高速、河南投资集团等。", "中原高速"),
    ("国寿资产与万达信息签署了合作协议。", "万达信息")])
def test_a_listed_firm_by_its_brand_and_trade_is_a_partner(pipeline, text, name):
    """Shareholders and investees are often named by brand and trade alone (天齐锂业, 中原高速)."""
    assert (name, "Partner") in found(pipeline, text)


def test_a_trade_after_common_words_names_no_firm(pipeline):
    got = found(pipeline, "当地正在大力发展信息产业，新建的高速也已通车。")
    assert not {n for n, c in got if c == "Partner"}


def test_fund_managers_and_cigna_by_its_long_name_are_known(pipeline):
    got = {lm.mention.surface: lm.entity for lm in linked(pipeline, "招商信诺人寿的股东是招商银行和信诺保险集团，王颖也是招商基金董事长。")}
    assert got["招商基金"].cls == "Partner" and got["信诺保险集团"].label == "信诺集团"


def test_a_firm_introduced_by_its_role_is_named_without_it(pipeline):
    got = found(pipeline, "汇丰保险（亚洲）已与合作伙伴国民信托有限公司签署协议。")
    assert ("国民信托有限公司", "Partner") in got and not any(n.startswith("合作") for n, _ in got)


@pytest.mark.parametrize("text, wrong", [
    ("为减轻客户就医时的资金压力，分公司开通了理赔垫付服务。", "减轻客户"),
    ("让原本需要客户自己发起的理赔，变成由保险公司先一步联系。", "原本需要客户"),
    ("一张重疾保单帮白血病患者拿到近10万元医疗费。", "帮白血病患者"),
    ("志愿者们前去看望民工子弟学校师生。", "看望民工子弟学校师生")])
def test_a_verb_whose_object_the_people_are_is_no_part_of_their_group(pipeline, text, wrong):
    assert not any(name == wrong for name, _ in found(pipeline, text))


@pytest.mark.parametrize("text, name", [
    ("保监会确定两地为试点地区：深圳做综合巨灾保险，云南则专做地震保险。", "综合巨灾保险"),
    ("吴江蟹农领到高温指数保险赔款。", "高温指数保险")])
def test_a_verb_of_doing_or_receiving_cover_bounds_its_name(pipeline, text, name):
    got = {n for n, c in found(pipeline, text) if c == "Product"}
    assert name in got and not any(n.endswith(name) and n != name for n in got)


def test_a_verb_of_a_stake_changing_hands_is_no_part_of_the_firms_name(pipeline):
    got = found(pipeline, "2019年，受让方换成河南新东方置业有限公司。")
    assert ("河南新东方置业有限公司", "Partner") in got and not any(n.startswith("受让方") for n, _ in got)


@pytest.mark.parametrize("text, name", [
    # a loan scheme
    ("升级后的“苏贸贷”在江苏正式施行。", "苏贸贷"),
    ("中国人保推出自营产品“保e贷”。", "保e贷"),
    # a place an insurer sets up or plants
    ("东京海上“七彩小屋”落户浚县八里井小学。", "七彩小屋"),
    ("公司在营业网点开出“爱心暖屋”，请环卫工人进门歇脚。", "爱心暖屋"),
    ("太保产险组织营销伙伴种下“伙伴林”。", "伙伴林"),
    ("货车司机在服务区的“司机之家”住了一晚。", "司机之家"),
])
def test_a_quoted_loan_scheme_or_place_an_insurer_sets_up_is_a_programme(pipeline, text, name):
    assert (name, "Initiative") in found(pipeline, text)


@pytest.mark.parametrize("text", ["他劝村民“别碰网贷”，也别碰“高利贷”。", "村民把后山叫作“森林”，那片“原始森林”很美。"])
def test_a_quoted_kind_of_borrowing_or_a_forest_is_no_programme(pipeline, text):
    assert not found(pipeline, text)


def test_a_question_after_a_launch_verb_names_no_programme(pipeline):
    got = found(pipeline, "随州支公司与管委会把援建要做哪些工程、报价多少商量清楚。")
    assert not any(c == "Initiative" for _, c in got)


@pytest.mark.parametrize("group", ["白血病患儿", "视障人士", "高校毕业生", "合作社社员", "辅警", "孕产妇", "监测户", "保洁员",
                                   "运动员", "裁判员", "奥运奖牌得主", "低收入户", "中低收入户", "身心障碍者",
                                   "贫困生", "农民工子女", "贫困母亲", "咖农", "成年人", "茶企", "癌症病人", "低保边缘户",
                                   "地震伤员", "烈属", "外送员", "导游", "村医", "跑者", "登山者"])
def test_more_kinds_of_people_are_groups(pipeline, group):
    assert (group, "BeneficiaryGroup") in found(pipeline, f"平安产险今年为当地{group}提供保险保障。")


def test_those_an_insurer_helps_with_bang_are_a_group(pipeline):
    """帮 alone is a word of help as 帮助 is (帮患者化解看病途中的难处); 帮忙 names nobody helped."""
    got = found(pipeline, "区政府用财政资金撬动保险，帮大闸蟹养殖户分散自然灾害风险。")
    assert ("大闸蟹养殖户", "BeneficiaryGroup") in got
    assert ("患者", "BeneficiaryGroup") in found(pipeline, "平安健康险派人进医院，帮患者化解看病途中的难处。")
    assert ("困难家庭", "BeneficiaryGroup") in found(pipeline, "平安人寿帮扶困难家庭。")


@pytest.mark.parametrize("text, group", [
    ("中英人寿已为16万多名乡村儿童送去了生活物资。", "乡村儿童"),  # jieba's 已为
    ("中华财险还给碌碡坪村的建档立卡贫困村民送上了保险。", "建档立卡贫困村民"),  # jieba's 还给
])
def test_a_word_of_help_glued_to_an_adverb_still_opens_a_group(pipeline, text, group):
    assert (group, "BeneficiaryGroup") in found(pipeline, text)


def test_a_joiner_glued_to_a_head_ends_the_list_item(pipeline):
    """jieba reads 大棚菜|农和|水产养殖户: the 和 after the head 菜农 joins two groups, not one name."""
    got = found(pipeline, "国元农险宣城中支给承保区域里的大棚菜农和水产养殖户发出预警短信。")
    assert ("水产养殖户", "BeneficiaryGroup") in got
    assert not any("和" in n for n, c in got if c == "BeneficiaryGroup")


def test_a_group_counted_after_its_place_is_named_from_the_count(pipeline):
    """为某村全部2039名户籍人口: what stands before the count places the group, it is no part of its name."""
    got = found(pipeline, "人保财险为门口葛村全部2039名户籍人口投保了意外险。")
    assert ("户籍人口", "BeneficiaryGroup") in got


def test_staff_doing_relief_work_are_no_group(pipeline):
    got = found(pipeline, "公司为物资配送员和广大党员干部送去防护用品。")
    assert not {n for n, c in got if c == "BeneficiaryGroup"} & {"物资配送员", "广大党员干部", "党员干部"}


def test_a_kind_of_hospital_names_none_and_a_place_or_brand_does(pipeline):
    """A hospital's role in the story (抗疫医院, 试点医院) opens no name; a specialty's words still may (质子重离子医院)."""
    got = found(pipeline, "新光金控向抗疫医院捐赠防护物资，首批试点医院已接入直赔系统。")
    assert not any(c == "Partner" and n.endswith("医院") for n, c in got)
    assert ("上海市质子重离子医院", "Partner") in found(pipeline, "太平养老与上海市质子重离子医院签约。")


def test_a_new_or_free_kind_of_cover_is_no_product_name(pipeline):
    got = found(pipeline, "宁波近年来一直在推出新型保险产品；平安健康险推出的免费重疾险产品叫“平安i动保”。")
    assert not {n for n, c in got if c == "Product"} & {"新型保险", "免费重疾险"}


def test_a_brand_jieba_takes_for_a_place_no_list_has_still_names_a_firm(pipeline):
    """天齐|锂业: jieba tags 天齐 a place, but no region or county list has it, so it is a brand; a known region
    before a trade (湖北|能源消费) and a kind of place (城市|信息) still name none."""
    assert ("天齐锂业", "Partner") in found(pipeline, "太保寿险作为基石投资者认购天齐锂业港股IPO。")
    assert not any(c == "Partner" for _, c in found(pipeline, "今年湖北能源消费继续增长，城市信息化水平提升。"))


def test_a_partys_role_in_a_court_case_is_no_part_of_its_name(pipeline):
    got = found(pipeline, "人保财险与一审原告青岛金城远洋渔业有限公司签订保险合同。")
    assert ("青岛金城远洋渔业有限公司", "Partner") in got and not any(n.startswith("一审") for n, _ in got)


def test_a_bare_branch_named_by_a_listed_county_jieba_splits_is_a_branch(pipeline):
    """从化|支公司: jieba reads 从 as a preposition, but the county list names 从化区, so the unit is named by a place."""
    got = found(pipeline, "太保产险广东分公司部署春耕理赔。从化支公司当天派出三名查勘员。")
    assert ("从化支公司", "Branch") in got


def test_bare_branches_joined_in_a_list_or_led_by_a_unit_are_all_branches(pipeline):
    """海珠支公司和花都支公司, 带着广州分公司: a joiner of a list of units, or a verb of leading the units below,
    opens a bare unit as a clause start does; a word that is no place still names none (和下属各支公司)."""
    got = found(pipeline, "人保财险广东省分公司带着佛山分公司和下属各支公司走进社区。南海支公司和顺德支公司负责商圈。")
    assert {("佛山分公司", "Branch"), ("南海支公司", "Branch"), ("顺德支公司", "Branch")} <= got
    assert not any(n.endswith("下属各支公司") for n, _ in got)


def test_a_place_before_an_insurers_name_and_its_unit_after_is_one_branch(pipeline):
    """宜宾市人保财险分公司: the place before the short name and the unit written after it name one branch, whole."""
    got = found(pipeline, "签约仪式上，宜宾市人保财险分公司与当地一家物业公司签下电梯责任保险。")
    assert ("宜宾市人保财险分公司", "Branch") in got


def test_a_public_resource_trading_centre_is_the_governments_buyer_not_a_market(pipeline):
    """某市公共资源交易中心 holds a scheme's tender for the government: a Regulator; an equity exchange centre stays
    a market institution."""
    got = found(pipeline, "大连市公共资源交易中心发布长护险经办招标公告，湖北省政府采购中心同日开标。武汉股权托管交易中心挂牌。")
    assert {("大连市公共资源交易中心", "Regulator"), ("湖北省政府采购中心", "Regulator")} <= got
    assert ("武汉股权托管交易中心", "IndustryBody") in got


def test_a_department_written_after_its_governments_name_is_the_department(pipeline):
    """屏東縣政府社會處, 高雄市政府農業局: Taiwan's news names a bureau after its government; the bureau is the body."""
    got = found(pipeline, "屏東縣政府社會處與國泰人壽合作推出微型保險，高雄市政府農業局也到場。")
    assert {("屏東縣政府社會處", "Regulator"), ("高雄市政府農業局", "Regulator")} <= got
    assert not any(n in ("屏東縣政府", "高雄市政府") for n, _ in got)


def test_an_alliance_or_an_associations_branch_opened_by_a_place_is_an_industry_body(pipeline):
    """中国…产业联盟, 某省…促进会, 中国…协会…分会: bodies of a market; 结成战略联盟 names none."""
    got = found(pipeline, "太平洋保险加入中国新能源汽车产业创新联盟，并与中国饲料工业协会水产饲料分会、"
                          "广东省绿色金融促进会合作。双方结成战略联盟。")
    assert {("中国新能源汽车产业创新联盟", "IndustryBody"), ("中国饲料工业协会水产饲料分会", "IndustryBody"),
            ("广东省绿色金融促进会", "IndustryBody")} <= got
    assert not any(n.endswith("战略联盟") and not n.startswith("中国") for n, _ in got)


def test_no_name_starts_inside_the_brackets_of_a_firms_place(pipeline):
    """某某（深圳）有限公司 whose brand jieba reads as verbs: neither the rules nor a model may make a firm of
    （深圳）有限公司 or 深圳）有限公司; a bracketed place inside a name read whole stays (泰康同济（武汉）医院)."""
    got = found(pipeline, "人保财险为鑫达处理（苏州）有限公司承保环境污染责任险。泰康同济（武汉）医院开业。")
    assert not any(n.startswith(("（", "苏州）")) for n, _ in got)
    assert ("泰康同济（武汉）医院", "Partner") in got


def test_one_common_word_before_baoxian_gongsi_names_a_kind_of_insurer(pipeline):
    """传统保险公司, 货物保险公司, 联系保险公司 (a verb jieba reads as a noun) are kinds or clauses, no firm; a brand
    the registry lacks still names one."""
    got = found(pipeline, "专家认为传统保险公司压力很大。货主先向货物保险公司索赔，村里再联系保险公司查勘。")
    assert not any(c == "Insurer" for _, c in got)
    # nor does a word that sorts them (主要保险公司, 大型保险公司)
    assert not any(c == "Insurer" for _, c in found(pipeline, "思派与主要保险公司合作，国内大型保险公司也跟进。"))
    assert ("锦程安泰保险公司", "Insurer") in found(pipeline, "锦程安泰保险公司当天赔付。")


def test_an_alliances_field_may_hold_a_verb_after_its_place(pipeline):
    """中国…产业|创新|战略联盟: the field's words may read as verbs once a place opens the name."""
    got = found(pipeline, "中国智慧农业产业创新战略联盟牵头组织了签约。")
    assert ("中国智慧农业产业创新战略联盟", "IndustryBody") in got


def test_you_before_those_who_insure_is_no_part_of_their_group(pipeline):
    """由医药研发企业投保: the firms who insure are the group, 由 only says who does it."""
    got = found(pipeline, "这款责任保险，由医药研发企业投保、受试者受益。")
    assert ("医药研发企业", "BeneficiaryGroup") in got
    assert not any(n.startswith("由") for n, _ in got)


def test_an_alliance_named_with_a_firms_name_and_english_letters_in_brackets_is_one_body(pipeline):
    """中国移动|机器人（AGV/AMR）产业联盟: a firm's name at its head and a field's letters in brackets are the alliance's."""
    got = found(pipeline, "中国工业机器人（IR）产业联盟组织签约。中国联通机器人产业联盟也到场。")
    assert {("中国工业机器人（IR）产业联盟", "IndustryBody"), ("中国联通机器人产业联盟", "IndustryBody")} <= got
    assert ("中国联通", "Partner") not in got



def test_a_groups_bare_name_in_news_of_stakes_is_the_insurer_listed_under_it(pipeline):
    """中国人寿 增持/举牌: the listed life company (ik:sharesInsurer), not the group; elsewhere, and written as the
    group's own (国寿集团), the group."""
    got = found(pipeline, "中国人寿近日在二级市场增持某某银行H股，持股比例升至5.02%。国寿集团未作回应。")
    assert ("中国人寿", "Insurer") in got and ("国寿集团", "InsuranceGroup") in got
    assert ("中国人寿", "InsuranceGroup") in found(pipeline, "中国人寿向灾区捐款一千万元。")


def test_schools_and_nurseries_a_liability_cover_insures_are_groups_by_their_kind(pipeline):
    """承保对象是普通中小学…以及幼儿园, 为备案托育机构投保: kinds of school and nursery a cover insures are groups; so
    are people moved for a dam (库区移民); 30所 counts them."""
    got = found(pipeline, "承保对象是普通中小学，以及幼儿园。人保财险为全部民办托育机构统一投保。")
    assert {("普通中小学", "BeneficiaryGroup"), ("幼儿园", "BeneficiaryGroup"),
            ("民办托育机构", "BeneficiaryGroup")} <= got
    got = found(pipeline, "这项计划已覆盖30所乡村中小学，公司还为库区移民送去帮扶。")
    assert {("乡村中小学", "BeneficiaryGroup"), ("库区移民", "BeneficiaryGroup")} <= got
    assert not any(n.startswith("所") for n, c in got if c == "BeneficiaryGroup")


def test_a_legal_form_written_otherwise_between_an_insurers_name_and_its_unit_keeps_one_branch(pipeline):
    """中国人民财产保险有限公司某某支公司 (股份 left out): the insurer's name, its legal form and its unit are one branch."""
    got = found(pipeline, "2022年，中国人民财产保险有限公司顺义支公司与区卫生健康委联合研发了一款责任保险。")
    assert ("中国人民财产保险有限公司顺义支公司", "Branch") in got


def test_a_governments_scheme_paying_back_premiums_is_a_programme(pipeline):
    """建立…保险补偿机制, 实施…保险补偿: the schemes of first-of-a-kind equipment, materials and software cover."""
    got = found(pipeline, "江苏省建立首台套重大技术装备保险补偿机制，并实施首版次工业软件保险补偿。")
    assert {("首台套重大技术装备保险补偿机制", "Initiative"), ("首版次工业软件保险补偿", "Initiative")} <= got


def test_an_age_floor_before_a_group_is_no_part_of_its_name(pipeline):
    """为60周岁及以上优抚对象投保: 60, 周岁, 及 and 以上 only bound the group by age."""
    got = found(pipeline, "区民政局为60周岁及以上优抚对象投保意外险。")
    assert ("优抚对象", "BeneficiaryGroup") in got and not any(n.startswith("60") for n, _ in got)


def test_a_quoted_programme_given_with_its_head_is_named_wherever_it_is_written_again(pipeline):
    """“蓝天梦想”公益项目 is the programme's whole name; the article's later “蓝天梦想” is the same programme."""
    text = "梧桐树保险经纪发起“蓝天梦想”公益项目。按照设计，“蓝天梦想”会给有需要的血液病儿童提供资金。"
    assert [m.surface for m in mentions(pipeline, text) if m.cls == "Initiative"] == ["蓝天梦想", "蓝天梦想"]
