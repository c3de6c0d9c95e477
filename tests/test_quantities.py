"""Money and counts as Chinese news writes them, normalised to exact decimals."""
from decimal import Decimal

import pytest

from graph.quantities import amount_kind, find_quantities, format_yuan, parse_number


@pytest.fixture(scope="module")
def rules(pipeline):
    return pipeline.rules.quantities


def money(text, rules):
    return [(q.value, q.qualifiers) for q, kind in find_quantities(text, 0, rules) if q.unit == "CNY"]


@pytest.mark.parametrize("text, value, qualifiers", [
    ("保额约136.12亿元。", "13612000000", ("约",)),
    ("向上海市政府捐资1000万元，", "10000000", ()),
    ("累计保额达百万元的新冠保障责任", "1000000", ("累计", "达")),
    ("及时获得2700万元授信", "27000000", ()),
    ("累计保额约3.7亿元；", "370000000", ("累计", "约")),
    ("总保额超过4789万元，", "47890000", ("超过",)),
    ("提供近71亿元风险保障", "7100000000", ("近",)),
    ("累计保额逾34亿元", "3400000000", ("累计", "逾")),
    ("总金额约8.12亿。", "812000000", ("约",)),          # no 元, but 金额 says it is money
    ("两者累计保额高达30万，", "300000", ("累计", "高达")),
    ("捐款2,500元", "2500", ()),
    ("捐赠人民币两千万元", "20000000", ()),
    ("损失共2亿7,456万元，", "274560000", ("共",)),   # one amount in two parts, not 2亿 and 7456万
    ("捐款1亿5000万元", "150000000", ()),
])
def test_money_forms(text, value, qualifiers, rules):
    (found,) = money(text, rules)
    assert found == (Decimal(value), qualifiers)
    assert isinstance(found[0], Decimal) and "E" not in str(found[0])


@pytest.mark.parametrize("text", ["全年赔款金额约3.5亿美元", "每位伤者发放新台币2万元", "理赔金额达1.2亿港元"])
def test_money_in_another_currency_is_no_amount(text, rules):
    assert money(text, rules) == []


def test_money_in_a_clause_after_another_currency_goes_on_in_it(rules):
    assert money("身故每人新台币10万元、住院5万元，门诊1000元。", rules) == [(Decimal(1000), ())]
    assert money("每户发放新台币5000元至30000元不等", rules) == []
    assert money("捐赠100万美元（约合人民币700万元）", rules) == [(Decimal(7000000), ())]
    assert money("捐赠1000万美元和500万元人民币", rules) == [(Decimal(5000000), ())]


@pytest.mark.parametrize("text", ["其中100万元以上的大额赔案有12件", "5000元以下的小额理赔当天到账",
                                  "金额超过30万元的有5张"])
def test_a_bracket_is_no_amount(text, rules):
    assert money(text, rules) == []
    assert len(money("捐款100万元以上，", rules)) == 1  # without 的 it is the amount, at least that much
    assert len(money("捐出价值20万元的有机肥", rules)) == 1  # 有机肥 is no count


@pytest.mark.parametrize("text", ["为超过22万亩蔬菜提供保障", "可提供7*24小时服务", "95518客服条线", "超过11万吨蔬菜",
                                  "为17.9万名上海市民添加保障", "占比超三成", "具体如下（单位：人民币百万元）：",
                                  "主要财务数据（金额单位：千元）"])
def test_not_money(text, rules):
    assert money(text, rules) == []


@pytest.mark.parametrize("text", ["每单赔款少则几十元，多则几千元", "损失达数百万元", "市场规模或达数十万亿元"])
def test_a_number_of_tens_or_hundreds_after_ji_or_shu_is_no_amount(text, rules):
    assert money(text, rules) == []
    assert money("赔款300万元", rules) != []


@pytest.mark.parametrize("text", ["免赔额为500元", "起付线1万元", "每次事故绝对免赔1000元"])
def test_policy_terms_the_insured_bears_are_no_amount(text, rules):
    assert money(text, rules) == []
    assert money("最高保额50万元", rules) != []


@pytest.mark.parametrize("text", ["养殖户自掏两百余元就能参保", "参保农户自己掏了约30万元", "每亩农户自缴12元"])
def test_the_part_of_a_premium_the_insured_pay_themselves_is_no_amount(text, rules):
    assert money(text, rules) == []


@pytest.mark.parametrize("text, value, unit, kind, qualifiers", [
    ("已为17.9万名上海市民添加保障", "179000", "名", "People", ()),
    ("公司2400余名在沪党员", "2400", "名", "People", ("余",)),
    ("理赔及生存给付总计约18万件", "180000", "件", "Claims", ("总计", "约")),
    ("累计志愿服务时长超过8000小时", "8000", "小时", "Hours", ("累计", "超过")),
    ("惠及生产主体1365户", "1365", "户", "Households", ()),
    ("参加志愿者服务累计超两千人次", "2000", "人次", "People", ("累计", "超")),
])
def test_counts(text, value, unit, kind, qualifiers, rules):
    (found,) = [(q, k) for q, k in find_quantities(text, 0, rules) if q.unit != "CNY"]
    q, k = found
    assert (q.value, q.unit, k, q.qualifiers) == (Decimal(value), unit, kind, qualifiers)


@pytest.mark.parametrize("text", ["是一名党员", "可提供7*24小时全科医生视频咨询服务", "持有48小时内核酸阴性证明"])
def test_counts_that_matter_to_nobody_are_left_out(text, rules):
    assert [q for q, k in find_quantities(text, 0, rules) if q.unit != "CNY"] == []


def test_offsets_point_at_the_figure(rules):
    text = "截至4月22日，上海保险业捐赠保险提供保障的保额约136.12亿元。"
    (q, _), = find_quantities(text, 100, rules)
    assert text[q.start - 100:q.end - 100] == q.surface == "约136.12亿元"


def test_numerals_and_formatting():
    assert parse_number("两万三千") == 23000 and parse_number("百万") == 1000000 and parse_number("1,024.5") == Decimal("1024.5")
    assert format_yuan(Decimal("13612000000")) == "136.12亿元"
    assert format_yuan(Decimal("10000000")) == "1000万元"
    assert format_yuan(Decimal("800")) == "800元"


def test_plain_chinese_numerals_are_read_as_cn2an_reads_them():
    """parse_number reads the plain forms itself (cn2an takes 0.4 s to import) and hands the
    rest to cn2an: every numeral of up to four characters it reads itself, cn2an reads the same."""
    import itertools

    import cn2an
    from graph.quantities import _plain_chinese

    read = 0
    for length in range(1, 5):
        for chars in itertools.product("一二两三四五六七八九十百千万亿零〇", repeat=length):
            text = "".join(chars)
            value = _plain_chinese(text)
            if value is not None:
                read += 1
                assert value == cn2an.cn2an(text, "smart"), text
    assert read > 1000
    for text, value in (("十五", 15), ("两千", 2000), ("三千五百", 3500), ("两万三千", 23000),
                        ("一亿五千万", 150000000), ("九千九百九十九万九千九百九十九", 99999999)):
        assert _plain_chinese(text) == value
    for text in ("三万五", "一百二", "一百零五", "二〇二二", "三五", "一亿一千", "百"):  # cn2an's
        assert _plain_chinese(text) is None
    assert parse_number("三万五") == 35000 and parse_number("一百零五") == 105 and parse_number("二〇二二") == 2022


# Whose amount it is: the relator ties each figure to an organisation (graph/relate.py's figures).

def owned(pipeline, text):
    """(agent, value) of each money figure the relator reads from ``text``."""
    from stage_helpers import related

    _, figures = related(pipeline, text)
    return {(f.agent.label, str(f.quantity.value)) for f in figures if f.is_money}


def test_a_word_referring_back_to_a_firm_gives_it_the_amount(pipeline):
    text = "监管局对新华保险湖南分公司罚款30万元，其中个人罚款5万元；另一份罚单对该分公司罚款12万元。"
    assert owned(pipeline, text) == {("新华保险湖南分公司", "300000"), ("新华保险湖南分公司", "120000")}
    text = "监管局对太平人寿江苏分公司的处罚中，合计罚款50万元，其中对公司罚款40万元、对责任人罚款10万元。"
    assert ("太平人寿江苏分公司", "400000") in owned(pipeline, text)


def test_jituan_heading_its_clause_is_the_group_of_the_insurer_named_last(pipeline):
    """集团 heading a clause of a group's or its insurer's report is that group: its figures are the group's; not
    after a preposition (公司按集团的号召…: the firm's), nor inside a firm's name (某建设（集团）有限公司)."""
    assert owned(pipeline, "中国人保发布年报。\n\n集团年内总投资收益630.68亿元。") == {("中国人保", "63068000000")}
    assert owned(pipeline, "人保财险发布年报。\n\n集团年内总投资收益630.68亿元。") == {("中国人保", "63068000000")}
    text = "人保寿险参与消费扶贫，集团交给它的任务已完成。\n\n公司按集团的号召，买下橄榄油，共计369万元。"
    assert owned(pipeline, text) == {("人保寿险", "3690000")}
    from stage_helpers import found
    assert not any(n == "集团" for n, _ in found(pipeline, "海马集团买下舜元建设（集团）有限公司手里的12%股权。"))


def test_a_word_referring_back_to_a_unit_by_its_head_gives_it_the_amount(pipeline):
    # 该营销服务部 heading a paragraph names the unit the article named last, as 该公司 does
    text = "人保财险青州营销服务部虚增承保面积500亩。\n\n该营销服务部还虚构了12名协保员的资料，借此列支经费共12万元。"
    assert owned(pipeline, text) == {("人保财险青州营销服务部", "120000")}


def test_a_word_referring_back_means_the_insurer_before_its_owner(pipeline):
    text = "众安保险的第一大股东是蚂蚁集团，去年该公司净利润为6亿元。"
    assert owned(pipeline, text) == {("众安保险", "600000000")}


def test_a_fine_written_before_the_firm_it_describes_is_that_firms(pipeline):
    text = "上月罚单金额最高的，是因虚列费用被罚52万元的太保产险银川中心支公司。"
    assert owned(pipeline, text) == {("太保产险银川中心支公司", "520000")}


def test_the_fines_a_regulator_gave_are_not_the_paragraphs_firms(pipeline):
    text = "今年上半年，太保产险收到罚单4张。浙江银保监局上半年共开出12张罚单，罚款金额合计860万元。"
    assert owned(pipeline, text) == set()


def test_a_leads_figures_are_the_firm_right_after_its_dash(pipeline):
    text = "上半年净利润12.3亿元，比上年同期的10.1亿元多了两成——众安保险日前公布的中期业绩如此。"
    assert owned(pipeline, text) == {("众安保险", "1230000000"), ("众安保险", "1010000000")}
    # a comma and 是 or 这是 lead to the firm as the dash does
    text = "1800万余元，是阳光人寿员工们通过消费帮扶平台累计购买农产品的金额。"
    assert owned(pipeline, text) == {("阳光人寿", "18000000")}
    text = "1800万余元，这是阳光人寿员工们通过消费帮扶平台累计购买农产品的金额。"
    assert owned(pipeline, text) == {("阳光人寿", "18000000")}


def test_a_table_row_of_a_policys_premium_is_the_articles_insurers(pipeline):
    text = "人保财险承保全市水稻完全成本保险。\n\n| 指标 | 金额 |\n| 水稻完全成本保险保费 | 612.5万元 |"
    assert owned(pipeline, text) == {("人保财险", "6125000")}
    # the row's label may say in brackets which policy or year the premium is of
    text = "人保财险承保全市水稻完全成本保险。\n\n| 指标 | 金额 |\n| 保费（水稻完全成本保险） | 612.5万元 |"
    assert owned(pipeline, text) == {("人保财险", "6125000")}


def test_a_row_of_a_period_table_naming_only_a_group_is_the_articles_firms(pipeline):
    # the people a row's item is for (受灾群众) are no organisation that could own its figures
    text = "人保财险承保全市巨灾保险。\n\n| 项目 | 2022年度 | 2023年度 |\n| 受灾群众生活救助 | 1000元 | 1500元 |"
    assert owned(pipeline, text) == {("人保财险", "1000"), ("人保财险", "1500")}


def test_a_column_headed_by_a_policys_premium_is_the_articles_insurers(pipeline):
    # the header names the premium, the row only what the policy covers
    text = "人保财险承保全县奶牛保险。\n\n| 奶牛类别 | 每头年保费 | 每头保险金额 |\n| 国产奶牛 | 400元 | 5000元 |"
    assert owned(pipeline, text) == {("人保财险", "400"), ("人保财险", "5000")}


def test_amounts_given_in_turn_to_the_firms_a_plural_word_names_are_theirs_in_order(pipeline):
    # 依次 says what 分别 says; 两家 names the two firms named before it, in their order
    text = "阳光人寿与泰康人寿都是民营险企，两家当年的净利润依次为12亿元、35亿元。"
    assert owned(pipeline, text) == {("阳光人寿", "1200000000"), ("泰康人寿", "3500000000")}
    text = "阳光人寿与泰康人寿都是民营险企，两家当年的净利润分别为12亿元、35亿元。"
    assert owned(pipeline, text) == {("阳光人寿", "1200000000"), ("泰康人寿", "3500000000")}


def test_each_of_a_list_before_each_owns_the_sum(pipeline):
    assert owned(pipeline, "阳光人寿、泰康人寿各捐款200万元，用于灾后重建。") == {
        ("阳光人寿", "2000000"), ("泰康人寿", "2000000")}
    assert owned(pipeline, "太保产险和国寿财险各出资3000万元。") == {("太保产险", "30000000"), ("国寿财险", "30000000")}
    # 均 and 分别 with one amount say the same: each gave it
    assert owned(pipeline, "新华保险和阳光人寿均捐款50万元。") == {("新华保险", "500000"), ("阳光人寿", "500000")}
    assert owned(pipeline, "新华保险、阳光人寿、泰康人寿分别捐赠30万元。") == {
        ("新华保险", "300000"), ("阳光人寿", "300000"), ("泰康人寿", "300000")}
    assert owned(pipeline, "新华保险、阳光人寿分别捐赠30万元和20万元。") == {("新华保险", "300000"), ("阳光人寿", "200000")}
    # 各地 is no "each" of the list: not the sum for each firm (what the list paid together is none's own)
    assert len(owned(pipeline, "太保产险、国寿财险各地分公司赔付2亿元。")) < 2


def test_a_sum_of_several_companies_is_no_ones_own(pipeline):
    text = "人保财险、平安产险、太保产险三家公司合计赔付3.2亿元，其中人保财险赔付1.5亿元。"
    assert owned(pipeline, text) == {("人保财险", "150000000")}


def test_a_sum_of_the_firms_a_plural_word_refers_to_is_no_ones_own(pipeline):
    # 两家 is linked to each of the two last named (here a firm and its regulator): either way, a sum
    text = "新华保险湖南分公司被罚12万元。阳光人寿湖南分公司迁址未报批，湖南监管局罚了它8万元。当月，两家合计被罚20万元。"
    assert owned(pipeline, text) == {("新华保险湖南分公司", "120000"), ("阳光人寿湖南分公司", "80000")}


def test_claims_after_a_roll_call_of_insurers_are_none_of_theirs(pipeline):
    # a paragraph naming no firm after a sentence naming several insurers: the tally is the market's
    text = ("台风过后，人保财险、平安产险、太保产险等公司参加了理赔通气会。\n\n"
            "截至昨日，车险已赔付2100件，支付赔款830万元。")
    assert owned(pipeline, text) == set()
    # after a sentence naming one insurer, or two that work together, the claims are the one's it leads with
    text = "台风过后，人保财险召开了理赔通气会。\n\n截至昨日，车险已赔付2100件，支付赔款830万元。"
    assert owned(pipeline, text) == {("人保财险", "8300000")}
    text = "台风过后，人保财险与中再产险联合召开了理赔通气会。\n\n截至昨日，车险已赔付2100件，支付赔款830万元。"
    assert owned(pipeline, text) == {("人保财险", "8300000")}


def test_the_fines_of_a_count_of_units_are_none_of_theirs(pipeline):
    assert owned(pipeline, "今年以来，太保产险已有5家分支机构因虚列费用被行政处罚，罚没金额加起来超过200万元。") == set()
    assert owned(pipeline, "太保产险杭州三家机构因数据不真实被罚48万元。") == set()


def test_the_recipient_after_a_verb_of_giving_owns_nothing(pipeline):
    text = "3月5日，阳光人寿把捐给武汉协和医院的一批防护服运出：共5000件，总值80万元。"
    assert owned(pipeline, text) == {("阳光人寿", "800000")}


@pytest.mark.parametrize("text, value", [("向红十字会捐赠1000万，用于抗疫", "10000000"), ("募得善款12万", "120000")])
def test_a_gift_without_yuan_is_money(text, value, rules):
    assert money(text, rules) == [(Decimal(value), ())]


def test_a_count_after_a_money_word_is_no_money(rules):
    text = "某惠民保今年赔付人次累计3.2万，理赔件数达1.5万，赔付金额累计超2亿。"
    assert money(text, rules) == [(Decimal("200000000"), ("累计", "超"))]


def test_an_amount_in_brackets_after_a_firm_is_its_own(pipeline):
    text = "捐款最多的三家是新华保险（800万元）、阳光人寿（500万元）和泰康人寿（300万元）。"
    assert owned(pipeline, text) == {("新华保险", "8000000"), ("阳光人寿", "5000000"), ("泰康人寿", "3000000")}


def test_a_firm_heading_a_count_of_firms_owns_none_of_their_sum(pipeline):
    assert owned(pipeline, "腾讯等五家股东为其带来3亿元资金。") == set()
    assert owned(pipeline, "腾讯捐款3亿元。") == {("腾讯", "300000000")}


@pytest.mark.parametrize("text, value", [("捐款 120 万元", "1200000"), ("赔付1.5 亿元", "150000000"), ("保额 50 元", "50")])
def test_a_space_beside_the_digits_keeps_the_amount_whole(text, value, rules):
    assert money(text, rules) == [(Decimal(value), ())]


@pytest.mark.parametrize("text, value, qualifiers", [("向灾区捐款1个亿", "100000000", ()),
                                                     ("累计投入3个多亿元", "300000000", ("累计", "多"))])
def test_spoken_hundred_millions_are_money(text, value, qualifiers, rules):
    assert money(text, rules) == [(Decimal(value), qualifiers)]
    assert money("为3个项目提供保障", rules) == []


def test_a_first_in_the_country_is_no_figure_of_the_market(pipeline):
    text = "太保产险推出茶叶气象指数保险。\n\n全国首单茶叶气象指数保险日前落地，为茶农提供500万元风险保障。"
    assert owned(pipeline, text) == {("太保产险", "5000000")}
    text = "太保产险推出茶叶气象指数保险。\n\n全国茶叶保险累计提供风险保障50亿元。"
    assert owned(pipeline, text) == set()  # the market's figure still is nobody's


def test_an_order_of_magnitude_is_no_amount(rules):
    assert money("把保费门槛降到百元级", rules) == []
    assert money("门诊费用千元级以下", rules) == []


def test_a_leads_cover_is_the_insurer_its_paragraph_names_next(pipeline):
    text = "首单茶叶气象指数保险日前在安溪落地，为茶农提供500万元风险保障。这是太保产险福建分公司的又一创新。"
    assert owned(pipeline, text) == {("太保产险福建分公司", "5000000")}
    # an insurer named only in a later paragraph does not take it
    text = "首单茶叶气象指数保险日前在安溪落地，为茶农提供500万元风险保障。\n\n太保产险福建分公司表示将继续创新。"
    assert owned(pipeline, text) == set()


def test_a_policys_premium_a_partner_speaks_of_is_the_insurers(pipeline):
    text = "太保产险与美团合作推出骑手意外险。美团介绍，这份保险的保费为每人每天2元。"
    assert owned(pipeline, text) == {("太保产险", "2")}
    # not a tally of premiums the partner paid or brokered
    text = "太保产险与美团合作推出骑手意外险。美团介绍，平台累计为骑手支付保费3亿元。"
    assert owned(pipeline, text) == {("美团", "300000000")}


def test_claims_a_partner_would_own_are_the_insurer_the_article_names_after_them(pipeline):
    # only an insurer pays claims: the farm the paragraph is about is no owner, though no insurer came before
    text = "红星农场今年试点大豆收入保险。每亩赔付60元，合计200万元已赔给农户。\n\n承保方是人保财险黑龙江分公司。"
    assert owned(pipeline, text) == {("人保财险黑龙江分公司", "60"), ("人保财险黑龙江分公司", "2000000")}
    # nor the farm heading a headline that names the insurer after the figure
    text = "红星农场大豆收入险赔付200万元 人保财险黑龙江分公司试水"
    assert owned(pipeline, text) == {("人保财险黑龙江分公司", "2000000")}
    # a partner the sentence names as the giver of the cover keeps it when no insurer follows it there
    text = "泰康溢彩公益基金会向环卫工人捐赠了意外险，每人保额10万元。\n\n承保方是泰康人寿。"
    assert owned(pipeline, text) == {("泰康溢彩公益基金会", "100000")}


def test_a_table_row_of_people_fined_is_not_their_firms(pipeline):
    text = ("新华保险湖南分公司因虚列费用被处罚。\n\n| 当事人 | 处罚 |\n| --- | --- |\n"
            "| 新华保险湖南分公司 | 罚款30万元 |\n| 2名相关责任人（新华保险湖南分公司） | 各警告并罚款8万元 |")
    assert owned(pipeline, text) == {("新华保险湖南分公司", "300000")}


@pytest.mark.parametrize("text", ["新华保险湖南分公司被罚款30万元，其中个人罚款8万元。",
                                  "新华保险湖南分公司被罚款30万元，另对相关人员罚款8万元。",
                                  "新华保险湖南分公司被罚款30万元，总经理李某被罚款8万元。"])
def test_a_fine_on_the_firms_people_in_its_own_clause_is_not_the_firms(pipeline, text):
    assert owned(pipeline, text) == {("新华保险湖南分公司", "300000")}
    # a cause naming its people leaves the firm's fine its own
    assert owned(pipeline, "新华保险湖南分公司因员工违规被罚款30万元。") == {("新华保险湖南分公司", "300000")}


def test_a_kind_of_insurance_with_its_running_total_is_the_markets(pipeline):
    text = "人保财险签发首张专利保险保单。\n\n经过多年发展，专利保险累计提供风险保障超过800亿元。"
    assert owned(pipeline, text) == set()
    # 合计 says it as 累计 does: the kind of insurance's tally in the city, not the insurer's
    text = "人保财险签发首张专利保险保单。\n\n去年，全市的专利保险合计承保300笔，保额达1.5亿元。"
    assert owned(pipeline, text) == set()
    text = "人保财险签发首张专利保险保单。\n\n据介绍，该保险累计提供风险保障超过8亿元。"
    assert owned(pipeline, text) == {("人保财险", "800000000")}


def test_a_government_that_pays_from_a_date_or_from_its_budget_owns_the_amount(pipeline):
    # 从 starting a date or a source is no 记者从X了解到: the body still pays
    text = "平安产险承保该保险。\n\n嘉兴市政府从5月1日起为全市环卫工人购买意外保险，每人保费30元全部由政府出资。"
    assert owned(pipeline, text) == {("嘉兴市政府", "30")}
    text = "平安产险承保该保险。\n\n记者从嘉兴市政府了解到，今年赔付环卫工人50万元。"
    assert ("嘉兴市政府", "500000") not in owned(pipeline, text)  # a body that tells the figure owns none


def test_the_public_purse_heading_a_clause_pays_for_the_government_named_before(pipeline):
    text = "平安产险与台州市财政局签约，为渔民承保意外险。\n\n渔民只需自缴5元，其中市财政补贴保费25元。"
    assert ("台州市财政局", "25") in owned(pipeline, text)  # 财政局 and 财政 are one body: the department's
    text = "宁海县政府为全县老人投保。\n\n人保财险宁海支公司承保，县财政今年投入120万元。"
    # 县财政 is the purse of the county government the article names, which pays; never the insurer
    assert owned(pipeline, text) == {("宁海县政府", "1200000")}
    # a level the body named has not, or the central state, pays for none of them
    assert owned(pipeline, "宁海县政府为全县老人投保。\n\n省财政今年投入120万元。") == set()
    assert owned(pipeline, "宁海县政府为全县老人投保。\n\n中央财政今年投入120万元。") == set()


def test_a_share_a_purse_of_another_level_pays_is_not_the_governments_named_before(pipeline):
    text = "宁海县政府今年统筹保费补贴资金500万元，其中中央财政100万元、省级财政150万元、县级财政250万元。"
    assert owned(pipeline, text) == {("宁海县政府", "5000000"), ("宁海县政府", "2500000")}
    # the body's level is the last level word of its name: a city named 中山 has no central share, a district
    # government no city share
    text = "中山市政府今年统筹保费补贴资金500万元，其中中央财政100万元、市级财政400万元。"
    assert owned(pipeline, text) == {("中山市政府", "5000000"), ("中山市政府", "4000000")}
    text = "宁波市江北区政府今年统筹保费补贴资金500万元，其中市级财政200万元、区级财政300万元。"
    assert owned(pipeline, text) == {("江北区政府", "5000000"), ("江北区政府", "3000000")}


def test_the_public_purse_written_after_the_amount_pays_it(pipeline):
    # 由县财政补足 after the amount: the county's purse pays it, not the insurer of the sentence
    text = "宁海县政府为全县老人投保。\n\n人保财险宁海支公司承保，每人保费60元，其中40元由县财政补足。"
    assert ("宁海县政府", "40") in owned(pipeline, text)
    # the purse heading the next clause, naming no body: the government the article named pays
    text = "宁海县政府与人保财险宁海支公司签约。\n\n首年保费为2600万元，由财政出，换来全县居民的巨灾保障。"
    assert owned(pipeline, text) == {("宁海县政府", "26000000")}


def test_the_cover_a_premium_from_the_public_purse_buys_is_the_governments(pipeline):
    # the premium and the cover it buys in one sentence: the government pays for both, though the
    # insurer it signed with is named before
    text = "丽水市民政局与太保产险丽水中心支公司签约，由市政府出资1200万元保费，为全市居民换来总额5亿元的巨灾保障。"
    assert owned(pipeline, text) == {("丽水市政府", "12000000"), ("丽水市政府", "500000000")}
    # an insurer named after the premium gives the cover
    text = "丽水市政府出资1200万元保费，太保产险丽水中心支公司为全市居民提供总额5亿元的巨灾保障。"
    assert ("太保产险丽水中心支公司", "500000000") in owned(pipeline, text)


def test_a_firm_fined_for_what_its_people_did_keeps_its_fine(pipeline):
    text = "华泰人寿因高管未经核准任职、数据不真实被罚60万元。"
    assert owned(pipeline, text) == {("华泰人寿", "600000")}
    # the people fined beside the firm still own their own fine, and the industry's total is nobody's
    assert owned(pipeline, "华泰人寿被罚60万元，3名高管合计被罚12万元。") == {("华泰人寿", "600000")}
    assert owned(pipeline, "华泰人寿因数据不真实被罚60万元 前三季度保险业罚金已超3亿元") == {("华泰人寿", "600000")}


def test_a_bodys_statistics_are_not_the_articles_insurers(pipeline):
    text = "泰康人寿向武汉捐赠物资。\n\n据湖北省工商联统计，楚商企业累计捐赠现金3亿元。"
    assert owned(pipeline, text) == set()
    # a gift with no reporter still is the article's insurer's
    assert owned(pipeline, "泰康人寿向武汉捐赠物资。\n\n首批捐赠物资价值合计400万元。") == {("泰康人寿", "4000000")}


def test_a_tally_of_losses_reported_in_a_region_is_not_the_articles_insurers(pipeline):
    text = "人保财险启动大灾理赔预案。\n\n截至8日，全岛共收到报案520件，估损金额约3000万元，已赔付120万元。"
    assert owned(pipeline, text) == set()
    text = "人保财险启动大灾理赔预案。\n\n截至8日，已赔付120万元。"
    assert owned(pipeline, text) == {("人保财险", "1200000")}
    # a table whose column header tallies the losses reported: its rows by line of insurance are the region's
    text = "人保财险启动大灾理赔预案。\n\n| 险种 | 报损金额 |\n| 农业保险 | 3000万元 |\n| 家庭财产保险 | 800万元 |"
    assert owned(pipeline, text) == set()
    # a firm the row names still owns its own
    text = "人保财险启动大灾理赔预案。\n\n| 公司 | 报损金额 |\n| 平安产险 | 3000万元 |"
    assert owned(pipeline, text) == {("平安产险", "30000000")}


def test_a_special_limit_of_a_policy_is_its_insurers_cover(pipeline):
    text = "人保财险承保今年的惠民保。\n\n新版产品为罕见病药品单列20万元专项额度。"
    _, figures = __import__("stage_helpers").related(pipeline, text)
    assert [(f.agent.label, str(f.quantity.value), f.kind) for f in figures if f.is_money] == [
        ("人保财险", "200000", "Coverage")]
    # a line of credit stays credit
    _, figures = __import__("stage_helpers").related(pipeline, "建设银行给予该企业贷款额度500万元。")
    assert [f.kind for f in figures if f.is_money] in ([], ["Credit"])


@pytest.mark.parametrize("text", ["业绩公布后股价反应平淡，收市报58.2元", "当天收盘价为12.5元", "股价一度跌至8元"])
def test_a_shares_price_on_the_market_is_no_amount(text, rules):
    assert money(text, rules) == []
    assert money("按当日收盘价计算，市值约50亿元", rules) != []  # a total at that price is one


@pytest.mark.parametrize("text", ["本次按每股1.25元的价格增发新股", "转让底价折合每股约0.9元", "每1元注册资本作价1.2元",
                                  "保单约定的目标价格为每吨2350元", "生猪结算价格为每公斤15.6元",
                                  "近来本地鸡蛋收购价大约只有每斤3.2元", "玉米现货价格一度跌到每吨2100元以下",
                                  "这款医疗险在页面上标着“首月1元”", "两家的产品价格只差五元",
                                  "到期时玉米均价比目标价低了二十多元"])
def test_a_price_per_share_or_a_unit_is_no_amount(text, rules):
    assert money(text, rules) == []
    assert money("本次增发新股募资12.5亿元", rules) == [(Decimal("1250000000"), ())]
    # what a farmer pays per tonne is a premium, not a price of goods
    assert money("农户自己每吨只需交8.5元", rules) == [(Decimal("8.5"), ())]


@pytest.mark.parametrize("text", ["平安产险和人保财险两家股东出资入股。三家一共投入12亿元。",
                                  "平安产险与人保财险参与此轮增资，三家股东共出资9亿元。"])
def test_a_total_several_firms_put_in_together_is_none_of_theirs_alone(pipeline, text):
    assert owned(pipeline, text) == set()


def test_a_countys_claims_in_local_news_are_its_insurers(pipeline):
    text = "人保财险甘德支公司启动理赔。\n\n统计显示，全县已有800余件案件符合理赔条件，涉及赔款约150万元。"
    assert owned(pipeline, text) == {("人保财险甘德支公司", "1500000")}
    # a province's stays the market's
    text = "人保财险甘德支公司启动理赔。\n\n统计显示，全省已有800余件案件符合理赔条件，涉及赔款约150万元。"
    assert owned(pipeline, text) == set()


@pytest.mark.parametrize("text, owner, value", [
    ("120万元理赔款，由平安产险当场付给了受灾果农。", "平安产险", "1200000"),
    ("约500万元——这是太保产险上月一次性打给一家外贸企业的赔款。", "太保产险", "5000000"),
])
def test_an_amount_heading_its_sentence_is_the_one_who_hands_it_on(pipeline, text, owner, value):
    assert owned(pipeline, text) == {(owner, value)}
    # an organisation named before the amount keeps it
    assert owned(pipeline, "人保财险理赔80万元，平安产险付给了农户。") == {("人保财险", "800000")}


def test_a_leads_figures_before_this_is_are_the_firms_named_after_it(pipeline):
    # a lead that gives its figures first, then says whose they are
    text = "逾50亿元的风险保障、超过3亿元的赔款——这是太保产险在新能源车险上交出的答卷。"
    assert owned(pipeline, text) == {("太保产险", "5000000000"), ("太保产险", "300000000")}
    # a government body after it gives figures it does not own
    assert owned(pipeline, "8.5亿元——这是上海市应急管理局估算的直接经济损失。") == set()
    # nor does the industry: not the insurer the article goes on about either
    text = "2.6亿元——这是浙江保险业在这场台风中已经付出的赔款。\n\n太保产险浙江分公司赔了其中8000万元。"
    assert owned(pipeline, text) == {("太保产险浙江分公司", "80000000")}
    # an organisation named before the dash keeps the sentence to itself
    text = "平安产险赔付1200万元——这是人保财险也没想到的速度。"
    assert owned(pipeline, text) == {("平安产险", "12000000")}


@pytest.mark.parametrize("text", [
    "去年新华保险、阳光人寿、华泰人寿等合计发行了120亿元资本补充债。",
    "发债的寿险公司共有三家，分别是新华保险、阳光人寿和华泰人寿，共计120亿元。",
    "国家金融监督管理总局披露，阳光人寿总公司和分支机构合计被罚300万元。",
    "太保产险浙江分公司连同下辖机构，因虚列费用，合计被罚80万元。",
    "| 3月2日 | 太保产险总公司及分支机构 | 300万元 | 国家金融监督管理总局 |",
    "太保产险浙江分公司名下4家电销中心加起来被罚60万元。",
])
def test_a_sum_over_a_list_of_firms_or_a_firm_and_its_units_is_no_ones_own(pipeline, text):
    assert owned(pipeline, text) == set()
    # a single firm's total stays its own
    assert owned(pipeline, "阳光人寿因虚列费用合计被罚300万元。") == {("阳光人寿", "3000000")}


@pytest.mark.parametrize("text", [
    "人保财险大连分公司和平安产险大连分公司组成慰问小分队，给贫困户每户送去2000元现金。",
    "太保产险和国寿财险两家在报名阶段就交过15亿元保证金。",
])
def test_an_amount_a_list_of_firms_gives_together_is_no_ones_own(pipeline, text):
    assert owned(pipeline, text) == set()
    # a word giving each its share makes it each one's
    assert owned(pipeline, "人保财险大连分公司和平安产险大连分公司各捐款20万元。") == {
        ("人保财险大连分公司", "200000"), ("平安产险大连分公司", "200000")}


def test_a_word_referring_back_in_a_later_paragraph_gives_the_amount_to_the_firm_named_last(pipeline):
    text = "众安保险参股的一家科技公司递交了上市申请，主角是暖哇科技。\n\n账面上，其流动资产为3.2亿元。"
    assert owned(pipeline, text) == {("暖哇科技", "320000000")}
    text = "监管部门批准横琴人寿开业。\n\n新公司的注册资本为15亿元。"
    assert owned(pipeline, text) == {("横琴人寿", "1500000000")}
    # a product named since is what the word stands for: no firm's amount
    text = "长江养老登记了一批产品。\n\n债权投资计划又叫“保债计划”。它的登记规模曾达5000亿元。"
    assert owned(pipeline, text) == set()


@pytest.mark.parametrize("text", ["从中国保险行业协会给出的数字看，全国车险保费规模突破8000亿元。",
                                  "江苏银保监局向记者证实，这次暴雨的初步估损已达3.5亿元。",
                                  "浙江银保监局透露，辖内农险今年赔付超过12亿元。"])
def test_a_public_body_that_tells_a_figure_does_not_own_it(pipeline, text):
    assert owned(pipeline, text) == set()


def test_a_fine_a_regulator_hands_out_is_the_fined_firms_not_the_regulators(pipeline):
    text = "三季度挨罚最多的是新华保险。金额最大的两张是：四川银保监局罚了90万元，另有河南银保监局的65万元。"
    assert owned(pipeline, text) == {("新华保险", "900000"), ("新华保险", "650000")}
    # a body that pays from its own budget still owns what it pays
    assert owned(pipeline, "郧西县政府出资300万元设立防贫基金。") == {("郧西县政府", "3000000")}


def test_a_results_sentence_naming_no_one_is_the_firm_the_article_is_about(pipeline):
    text = "轻松集团公布了上年的经营数据，轻松集团称业务保持增长。\n\n全年营收为18.6亿元，同比下降3%。"
    assert owned(pipeline, text) == {("轻松集团", "1860000000")}
    # the whole industry's results stay no one's
    text = "轻松集团公布了上年的经营数据。\n\n全行业营收为900亿元。"
    assert owned(pipeline, text) == set()
    # a firm's profile table: its registered capital and its liabilities are lines of its results too
    text = "华泰资产为山东高速集团设立债权投资计划。山东高速集团概况如下。\n\n| 项目 | 数值 |\n| 注册资本 | 300亿元 |\n| 负债合计（年末） | 900亿元 |"
    assert owned(pipeline, text) == {("山东高速集团", "30000000000"), ("山东高速集团", "90000000000")}


def test_a_count_of_firms_then_a_sum_word_after_a_comma_is_none_of_theirs_alone(pipeline):
    text = "人保财险获批发行资本补充债。今年获批发债的保险公司已有12家，合计金额约900亿元。"
    assert owned(pipeline, text) == set()


def test_its_heading_a_clause_refers_back_to_the_firm_named_last(pipeline):
    text = "中国人保等12家机构获准联合发起设立人保健康，其注册资本为10亿元。"
    assert owned(pipeline, text) == {("人保健康", "1000000000")}


def test_the_whole_industrys_figure_is_not_the_paragraphs_firm(pipeline):
    text = "众安保险的网销保费增长较快。整个行业当年的原保险保费收入约为4.5万亿元。"
    assert owned(pipeline, text) == set()


def test_the_peoples_part_in_brackets_after_a_firms_fine_is_not_the_firms(pipeline):
    text = "监管局对太保寿险苏州分公司罚款45万元（含对个人的15万元）；另对该分公司罚款12万元（个人部分3万元）。"
    assert owned(pipeline, text) == {("太保寿险苏州分公司", "450000"), ("太保寿险苏州分公司", "120000")}


def test_a_firm_a_phrase_describes_owns_the_amounts_of_its_clause(pipeline):
    text = "有国资背景的长城人寿在年末完成增资，注册资本从50亿元增至60亿元。"
    assert owned(pipeline, text) == {("长城人寿", "5000000000"), ("长城人寿", "6000000000")}


def test_a_firm_a_regulator_approves_to_raise_capital_owns_the_capital(pipeline):
    # the 在…中 phrase before the verb keeps the firm from being the clause's subject
    text = "上海银保监局在本月的行政许可信息中核准华安保险新增注册资本5亿元。"
    assert owned(pipeline, text) == {("华安保险", "500000000")}
    text = "北京银保监局在批复中同意长城人寿增资20亿元。"
    assert owned(pipeline, text) == {("长城人寿", "2000000000")}


def test_a_firm_named_as_a_stake_does_not_own_its_sale_price(pipeline):
    text = "中国太保把所持长城人寿的股份挂牌出让，合计3000万股，底价为3亿元。"
    assert owned(pipeline, text) == {("中国太保", "300000000")}
    text = "平安人寿同样是长城人寿股东，去年挂牌出让过200万股，底价为160万元。"
    assert owned(pipeline, text) == {("平安人寿", "1600000")}
    # its own shareholders' meeting is no stake: the capital it raises stays its own
    assert owned(pipeline, "长城人寿股东大会审议通过增资20亿元。") == {("长城人寿", "2000000000")}
    # nor a listed firm whose H or A shares the insurer holds
    text = "截至6月底，新华保险所持招商银行H股的账面余额为12.5亿元。"
    assert owned(pipeline, text) == {("新华保险", "1250000000")}


def test_a_row_of_a_table_of_results_by_period_is_the_articles_firms(pipeline):
    text = "众安保险公布了去年的业绩。\n\n| 业务板块 | 2023年 | 2022年 |\n| 健康生态 | 98亿元 | 90亿元 |"
    assert owned(pipeline, text) == {("众安保险", "9800000000"), ("众安保险", "9000000000")}
    # without a period heading a column the row names its own subject, which the registry lacks
    text = "众安保险公布了去年的业绩。\n\n| 业务板块 | 收入 |\n| 健康生态 | 98亿元 |"
    assert owned(pipeline, text) == set()
    # a column of the figures at a period's end sets them side by side too
    text = "中国人寿公布了半年报。\n\n| 指标 | 上半年末数据 |\n| 管理资产规模 | 超6.5万亿元 |"
    assert owned(pipeline, text) == {("中国人寿", "6500000000000")}


def test_a_firm_named_as_anothers_parent_does_not_own_its_figures(pipeline):
    text = "平安好医生是中国平安用来发展医疗健康业务的平台，去年营收为60亿元。"
    assert owned(pipeline, text) == {("平安好医生", "6000000000")}
    text = "平安好医生是中国平安旗下的平台，去年营收为60亿元。"
    assert owned(pipeline, text) == {("平安好医生", "6000000000")}


def test_an_amount_in_a_row_of_a_table_of_stakes_is_the_buyers(pipeline):
    text = ("今年以来，新华保险又两次举牌上市公司。\n\n| 日期 | 标的 | 方式 |\n"
            "| 3月5日 | 绿地控股（600606.SH） | 大宗交易受让5000万股，耗资2.5亿元 |")
    assert owned(pipeline, text) == {("新华保险", "250000000")}


def test_money_after_the_plain_verb_of_paying_claims_is_claims_paid(pipeline):
    # 赔 alone (每亩赔, 再赔, 赔了) pays claims: in a paragraph naming no one, the insurer's
    text = "国寿财险负责承保这款惠民保。\n\n老张住院花了8万元，医保报了4万元，这款保险又赔了2.6万元。"
    _, figures = __import__("stage_helpers").related(pipeline, text)
    assert [(f.agent.label, str(f.quantity.value), f.kind) for f in figures if f.is_money] == [
        ("国寿财险", "26000", "ClaimsPaid")]
    # the most a policy pays is its cover; a claim a firm demands, or payouts still estimated, are no claims paid
    text = "国寿财险负责承保这款惠民保。\n\n因意外致残的，每人最多赔到5万元。"
    assert owned(pipeline, text) == {("国寿财险", "50000")}
    text = "国寿财险负责承保这款惠民保。\n\n果农们估计要赔约30万元，另一家企业向其索赔约45万元。"
    assert owned(pipeline, text) == set()


def test_an_amount_going_on_with_a_list_of_benefits_is_of_their_kind(pipeline):
    # no kind word in its clause or the one before: the kind of the amount before it in the sentence
    text = "太平财险为环卫工人承保专属意外险。\n\n保障分两项：意外身故保额10万元；因病住院的，另有2万元，两项合计12万元。"
    _, figures = __import__("stage_helpers").related(pipeline, text)
    assert [(f.agent.label, str(f.quantity.value), f.kind) for f in figures if f.is_money] == [
        ("太平财险", "100000", "Coverage"), ("太平财险", "20000", "Coverage"), ("太平财险", "120000", "Coverage")]


def test_an_amount_a_demonstrative_points_back_to_is_of_the_kind_stated_before(pipeline):
    # 这5亿元 restates the cover of the sentence before: its kind, and its list's, with no kind word of their own
    text = "人保财险为全市居民提供合计5亿元的保障。这5亿元分两块：因灾伤亡的抚恤为3亿元，财产的救助为2亿元。"
    _, figures = __import__("stage_helpers").related(pipeline, text)
    assert {(str(f.quantity.value), f.kind) for f in figures if f.is_money} == {
        ("500000000", "Coverage"), ("300000000", "Coverage"), ("200000000", "Coverage")}


def test_a_batch_of_goods_sent_and_aid_funds_handed_over_are_donations(pipeline):
    text = ("阳光人寿河北分公司组织员工走访受灾村庄，给安置点送去一批防疫物资，总价35万元。"
            "公司另拿出120万元帮扶资金，用于修缮村里的小学。")
    _, figures = __import__("stage_helpers").related(pipeline, text)
    assert [(f.agent.label, str(f.quantity.value), f.kind) for f in figures if f.is_money] == [
        ("阳光人寿河北分公司", "350000", "Donation"), ("阳光人寿河北分公司", "1200000", "Donation")]
    # funds and goods in general are often the state's: no gift of the insurer's
    text = "太保产险安徽分公司连夜查勘。\n\n资金和物资也在跟进：省财政拨付了3000万元救灾资金。"
    _, figures = __import__("stage_helpers").related(pipeline, text)
    assert not [f for f in figures if f.is_money and f.kind == "Donation"]


@pytest.mark.parametrize("text, amount, kind", [
    ("4月，蓝鲸科技完成B轮融资，金额3亿元。", "3亿元", "OtherAmount"),
    ("9月，蓝鲸科技又完成2亿元的天使轮。", "2亿元", "OtherAmount"),
    ("两次融资加起来，蓝鲸科技拿到了8亿元。", "8亿元", "OtherAmount"),
    # a loan an insurer's cover helps a firm get is still credit
    ("借助这份保证保险，小微企业获得融资5亿元。", "5亿元", "Credit"),
])
def test_an_equity_funding_round_is_capital_raised_not_credit(text, amount, kind, rules):
    assert amount_kind(text, text.index(amount), rules) == kind


def test_the_risk_an_insurer_bears_is_cover(rules):
    text = "该公司为当地100万亩林地承担3000万元的碳汇损失风险。"
    assert amount_kind(text, text.index("3000万元"), rules) == "Coverage"
    # premiums it bears are no risk: other money
    text = "县财政承担了27万元保费。"
    assert amount_kind(text, text.index("27万元"), rules) == "OtherAmount"


def test_an_amount_in_a_table_is_of_the_kind_its_column_header_names(pipeline):
    text = ("两家险企的宁夏机构近日领到罚单。\n\n机构 | 罚款金额 | 违规事实\n"
            "太平财险宁夏分公司 | 35万元 | 未按规定使用经备案的保险条款\n"
            "人保财险宁夏分公司 | 20万元 | 虚列费用")
    _, figures = __import__("stage_helpers").related(pipeline, text)
    assert {(f.agent.label, str(f.quantity.value), f.kind) for f in figures if f.is_money} == {
        ("太平财险宁夏分公司", "350000", "OtherAmount"), ("人保财险宁夏分公司", "200000", "OtherAmount")}
    # a column headed by no kind of money is not of the kind of the cell before it
    text = ("台风过后各家公司加快理赔。\n\n机构 | 已赔付 | 估损\n"
            "太平财险宁夏分公司 | 12万元 | 80万元")
    _, figures = __import__("stage_helpers").related(pipeline, text)
    assert [(str(f.quantity.value), f.kind) for f in figures if f.is_money and f.agent] == [
        ("120000", "ClaimsPaid"), ("800000", "OtherAmount")]


def test_a_point_of_a_list_is_the_lists_organisations_not_one_an_earlier_point_named(pipeline):
    """二是…X…；三是… : a point naming no organisation is the list's (the paragraph's before it)."""
    text = ("泰康人寿近年加大了投资力度，主要有三笔：\n\n一是出资5亿元买下一处写字楼；\n\n"
            "二是花2亿元拿到万达酒店三成股份；\n\n三是用3亿元竞得一块养老社区用地。")
    got = owned(pipeline, text)
    assert ("泰康人寿", "300000000") in got
    assert not any(agent == "万达酒店" for agent, _ in got)


def test_a_premium_per_head_after_a_clause_the_public_purse_pays_in_is_the_governments(pipeline):
    text = "桐庐县政府与人保财险签约。\n\n县财政出资200万元设立救助金，保费按一人一年60元计，覆盖全县低收入人口。"
    assert ("桐庐县政府", "60") in owned(pipeline, text)
    text = "桐庐县乡村振兴局与人保财险签约。\n\n这份保险的钱由县财政出，每人每年80元。"
    assert ("桐庐县财政", "80") in owned(pipeline, text)
    # a premium per head with no purse paying in its sentence stays the insurer's
    text = "桐庐县乡村振兴局与人保财险签约。\n\n这份保险保费为每人每年80元。"
    assert ("人保财险", "80") in owned(pipeline, text)


def test_a_paragraphs_figures_are_the_firm_that_acts_not_one_in_a_phrase_before_it(pipeline):
    # the foundation is named first, inside 在…下; the insurer is the subject the paragraph goes on with
    text = "在浙江省慈善基金会的协调下，太保寿险浙江分公司拿出200万元设立关爱基金。受伤的快递员出院后可领取5000元慰问金。"
    assert owned(pipeline, text) == {("太保寿险浙江分公司", "2000000"), ("太保寿险浙江分公司", "5000")}


def test_a_loss_no_organisation_is_named_before_is_nobodys_amount(pipeline):
    """A place's or a disaster's loss is no insurer's, though the paragraph is about one."""
    text = ("10月9日，中国人保派出600人赶赴温州灾区。温州是这次受灾最重的地方之一，直接经济损失达36.6亿元；"
            "农业方面的损失达15.72亿元。")
    assert owned(pipeline, text) == set()
    # a loss a firm reports, named before it in the sentence, stays the firm's
    text = "人保财险北京分公司的统计是：和这场暴雨有关的报案一共445件，初步估算损失1350万元。"
    assert owned(pipeline, text) == {("人保财险北京分公司", "13500000")}
