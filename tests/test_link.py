"""The linker on a sentence or two: every surface form to one entity, branches to their insurer,
references to what context names."""
import pytest

from graph.link import Linker
from graph.records import Mention

from stage_helpers import entities, linked, related


def label(pipeline, iri):
    return pipeline.registry.entries[iri].entity.label


def test_aliases_of_one_organisation_link_to_one_entity(pipeline):
    got = entities(pipeline, "太平洋安信农业保险股份有限公司（简称“太安农险”）表示，太安农险将加快理赔。")
    assert len({e.iri for _, e in got if e.cls == "Insurer"}) == 1


def test_a_branch_belongs_to_its_insurer(pipeline):
    [(_, branch)] = [x for x in entities(pipeline, "平安产险上海分公司迅速行动。") if x[1].cls == "Branch"]
    assert branch.label == "平安产险上海分公司"
    assert label(pipeline, branch.parent) == "平安产险"


def test_china_life_pc_by_its_local_short_name(pipeline):
    """人寿财险 is how local news shortens 中国人寿财险: the insurer and its branches, not an unknown name."""
    got = entities(pipeline, "暴雨过后，人寿财险、平安财险都派出了查勘员，人寿财险公司永州市分公司当天就赔了款。")
    assert {e.label for s, e in got if s == "人寿财险"} == {"国寿财险"}
    [branch] = [e for _, e in got if e.cls == "Branch"]
    assert label(pipeline, branch.parent) == "国寿财险"


def test_a_groups_branch_goes_to_the_insurer_that_runs_its_branches(pipeline):
    [(_, branch)] = [x for x in entities(pipeline, "中国人寿上海市分公司开通绿色通道。") if x[1].cls == "Branch"]
    assert branch.label.endswith("上海分公司")
    assert pipeline.registry.entries[branch.parent].entity.cls == "Insurer"


def test_picc_branches_are_the_pc_companys_but_its_name_in_a_list_is_the_group(pipeline):
    """中国人保's branches have been 人保财险's since the company was split; the group keeps a unit of its own
    (区域工协), and among insurers its name is the listed group's, not the P&C company's."""
    [(_, branch)] = [x for x in entities(pipeline, "中国人保日喀则分公司为牧民送去意外保障。") if x[1].cls == "Branch"]
    assert (branch.label, label(pipeline, branch.parent)) == ("人保财险日喀则分公司", "人保财险")
    [(_, own)] = [x for x in entities(pipeline, "中国人保上海区域工协捐赠物资。") if x[1].cls == "Branch"]
    assert label(pipeline, own.parent) == "中国人保"
    listed = entities(pipeline, "中国人保、平安产险、太保产险等公司开通了理赔绿色通道。")
    assert {e.cls for s, e in listed if s == "中国人保"} == {"InsuranceGroup"}


def test_a_branch_named_after_the_group_and_the_word_insurance_is_the_insurers(pipeline):
    """News writes a group's branch with 保险 (or 保险公司) before the region, as it writes 公司: 中国人寿保险苏州市
    分公司 is the life company's branch, not the group and a stray word."""
    for text in ("中国人寿保险苏州市分公司为全市环卫工人赠送保障。", "当天，中国人寿保险公司苏州分公司开通理赔专线。"):
        [(_, branch)] = [x for x in entities(pipeline, text) if x[1].cls == "Branch"]
        assert label(pipeline, branch.parent) == "中国人寿寿险"
        assert not any(e.cls == "InsuranceGroup" for _, e in entities(pipeline, text))


def test_a_line_reference_is_the_groups_subsidiary_in_that_line(pipeline):
    got = entities(pipeline, "中国太保旗下财险公司积极理赔。")
    [(_, insurer)] = [x for x in got if x[0] == "旗下财险公司"]
    assert insurer.label == "太保产险"


def test_a_line_reference_in_hong_kong_news_is_the_groups_hong_kong_insurer(pipeline):
    """A group with a P&C company on the mainland and one in Hong Kong: 旗下财险公司 is the one of the
    market whose news the article is, and both roll up to the group."""
    mainland = dict(entities(pipeline, "中国太平旗下财险公司为冬奥会提供保险保障。"))
    assert mainland["旗下财险公司"].label == "太平财险"
    hong_kong = dict(entities(pipeline, "太平香港与友邦香港双双上调了保障额度，中国太平旗下财险公司还推出了新的家居保险。"))
    assert hong_kong["旗下财险公司"].label == "中国太平（香港）"
    assert label(pipeline, hong_kong["太平香港"].parent) == "中国太平"


def test_a_bare_unit_is_the_branch_just_named(pipeline):
    got = entities(pipeline, "平安产险上海分公司启动应急预案。分公司随即开通理赔绿色通道。")
    branches = {e.iri for s, e in got if e.cls == "Branch"}
    assert len(branches) == 1 and any(s == "分公司" for s, _ in got)


def test_a_bare_branch_and_the_unit_under_it_name_that_unit(pipeline):
    """湖南分公司衡阳中支 at a clause start is the city unit under the province branch, as it is after the
    insurer's name (国华人寿湖南分公司衡阳中支): not the province branch."""
    got = entities(pipeline, "国华人寿开展金融知识宣传。\n\n湖南分公司衡阳中支走进社区，四川分公司眉山中心支公司走进商圈。")
    assert {e.label for s, e in got if e.cls == "Branch"} == {"国华人寿衡阳中心支公司", "国华人寿眉山中心支公司"}


def test_a_unit_after_a_demonstrative_is_the_branch_just_named(pipeline):
    """这家分公司, 该支公司 point back to the branch named before: its help is that branch's."""
    got = entities(pipeline, "人保财险漳州分公司推出茶叶气象指数保险。\n\n这家分公司表示，将为茶农做好理赔服务。")
    assert [e.label for s, e in got if s == "分公司"] == ["人保财险漳州分公司"]
    facts, _ = related(pipeline, "人保财险漳州分公司推出茶叶气象指数保险。\n\n这家分公司表示，将为茶农做好理赔服务。")
    assert ("人保财险漳州分公司", "supports", "茶农") in {(f.subject.label, f.predicate, f.object.label) for f in facts}


def test_a_branch_written_with_its_city_before_its_county_is_the_countys_branch(pipeline):
    """中国人寿财产保险股份有限公司日照市莒县公司 and 国寿财险莒县公司: one branch (日照 is a city whose name is
    also a word, which the region list leaves out)."""
    text = "中国人寿财产保险股份有限公司日照市莒县公司（国寿财险莒县公司）承保。国寿财险莒县公司最高赔8万元。"
    assert len({e.iri for s, e in entities(pipeline, text) if e.cls == "Branch"}) == 1


def test_a_place_before_an_insurers_name_is_the_unit_the_article_names_there(pipeline):
    """方城县人保财险 beside 人保财险方城支公司: the sub-branch, not a 方城县分公司 of its own; with no unit named
    there, the place's 分公司 (厦门人保财险)."""
    got = entities(pipeline, "人保财险方城支公司（当地习惯称“方城县人保财险公司”）承保。")
    assert {e.label for s, e in got if e.cls == "Branch"} == {"人保财险方城支公司"}
    assert [e.label for s, e in entities(pipeline, "厦门人保财险启动预案。")] == ["人保财险厦门分公司"]


def test_a_unit_after_the_words_for_under_it_is_the_branchs_insurers(pipeline):
    """平安产险三明中心支公司下属的沙县营销服务部: the sales office is 平安产险's, and it is the one that works
    with the county's bodies, not the centre branch named before it."""
    text = "平安产险三明中心支公司下属的沙县营销服务部，会同沙县文明办举办了一场重阳节敬老活动。"
    assert [e.label for s, e in entities(pipeline, text) if s == "沙县营销服务部"] == ["平安产险沙县营销服务部"]
    facts, _ = related(pipeline, text)
    assert ("平安产险沙县营销服务部", "partnersWith", "沙县文明办") in {(f.subject.label, f.predicate, f.object.label)
                                                               for f in facts}


def test_a_group_written_again_with_another_word_for_the_people_of_a_place_is_one_group(pipeline):
    """受灾村民 after 受灾群众 is that group written again; 受灾企业 (firms) is a group of its own."""
    text = "公司号召员工为受灾群众捐款。队员们把物资送到受灾村民手中，并赶赴受灾企业查勘。"
    got = {s: e.label for s, e in entities(pipeline, text) if e.cls == "BeneficiaryGroup"}
    assert got["受灾村民"] == got["受灾群众"] and got["受灾企业"] != got["受灾群众"]


def test_a_narrower_group_of_the_registry_is_not_the_bare_group_described_again(pipeline):
    """新市民 (people new to the city) beside 市民 is a group of its own, as the registry lists it; a
    generic word (养殖户) beside its specific group (水产养殖户) is still that group."""
    text = "该保险减轻市民看病负担，在本地的新市民也能参保。公司为水产养殖户赔款，养殖户很快拿到了钱。"
    got = {s: e.label for s, e in entities(pipeline, text) if e.cls == "BeneficiaryGroup"}
    assert got["新市民"] == "新市民" and got["市民"] == "市民"
    assert got["养殖户"] == got["水产养殖户"]


def test_a_group_written_again_with_another_word_for_people_is_one_group(pipeline):
    """失能人员 after 失能参保人: the same people, named by what they share."""
    text = "长护险为失能参保人提供护理服务。公司还为失能人员开展上门评估。"
    got = {s: e.label for s, e in entities(pipeline, text) if e.cls == "BeneficiaryGroup"}
    assert got["失能人员"] == got["失能参保人"]


def test_a_short_unit_alone_is_the_branch_just_named_too(pipeline):
    text = "天安人寿保险股份有限公司新乡中心支公司（简称“天安人寿新乡中支”）开通绿色通道。中支在营业场所设置避难区域。"
    got = [(s, e) for s, e in entities(pipeline, text) if e.cls == "Branch"]
    assert [s for s, _ in got][-1] == "中支" and len({e.iri for _, e in got}) == 1


def test_a_verb_before_a_unit_at_a_clause_start_is_no_branch(pipeline):
    text = "天安人寿新乡中支开通绿色通道。他放下午饭，带领中支5名员工赶到现场。"
    branches = {e.label for _, e in entities(pipeline, text) if e.cls == "Branch"}
    assert len(branches) == 1 and not any("带领" in b for b in branches)


def test_company_refers_to_the_organisation_named_before(pipeline):
    got = entities(pipeline, "众安保险上线新系统。公司表示将继续投入。")
    assert [e.label for s, e in got if s == "公司"] == ["众安保险"]


def test_a_reference_with_nothing_before_it_is_dropped(pipeline):
    assert all(s != "公司" for s, _ in entities(pipeline, "公司表示将继续投入。"))


def test_a_name_the_registry_lacks_is_one_entity_in_either_script(pipeline):
    got = entities(pipeline, "鸿运人寿宣布上线新系统，鴻運人壽表示將持續投入。")
    assert len({e.iri for _, e in got if e.cls == "Insurer"}) == 1


def test_a_department_of_the_province_is_in_the_province_named_before(pipeline):
    got = entities(pipeline, "山东银保监局联合省扶贫办、省财政厅出台方案。")
    assert [e.label for s, e in got if s.startswith("省")] == ["山东省扶贫办", "山东省财政厅"]
    assert {e.cls for s, e in got if s.startswith("省")} == {"Regulator"}


def test_the_financial_supervisors_office_of_the_level_is_in_the_place_named_before(pipeline):
    """省保监局 and 市银保监分局 are the office of the province or city named before, by its usual name."""
    got = entities(pipeline, "浙江随后转发文件，省经信委和省保监局联合部署。")
    assert ("省保监局", "浙江保监局") in [(s, e.label) for s, e in got]
    got = entities(pipeline, "人保财险绍兴市分公司完成理赔，市银保监分局随后到场督导。")
    assert ("市银保监分局", "绍兴银保监分局") in [(s, e.label) for s, e in got]


def test_the_citys_insurance_association_named_bare_is_the_city_of_the_branch_named_before(pipeline):
    got = entities(pipeline, "太保产险绍兴中心支公司在市保险行业协会的组织下走进社区宣传。")
    assert [(e.label, e.cls) for s, e in got if s == "市保险行业协会"] == [("绍兴市保险行业协会", "IndustryBody")]
    got = entities(pipeline, "河北银保监局要求各公司做好理赔，省保险学会随即发布倡议。")
    assert [(e.label, e.cls) for s, e in got if s == "省保险学会"] == [("河北省保险学会", "IndustryBody")]


def test_the_citys_charity_named_bare_is_a_partner_of_the_city_of_the_branch_named_before(pipeline):
    got = entities(pipeline, "新华保险南京分公司随后向市慈善总会交付了一批物资。")
    assert [(e.label, e.cls) for s, e in got if s == "市慈善总会"] == [("南京市慈善总会", "Partner")]
    # …also after 通过, the channel of a gift
    got = entities(pipeline, "人保财险宜昌分公司通过市慈善总会捐款。")
    assert [(e.label, e.cls) for s, e in got if s == "市慈善总会"] == [("宜昌市慈善总会", "Partner")]
    got = entities(pipeline, "浙江银保监局牵头，省青基会和省红十字会参与。")
    assert [(e.label, e.cls) for s, e in got if s.startswith("省")] == [
        ("浙江省青基会", "Partner"), ("浙江省红十字会", "Partner")]
    # with no body or branch near it, in the place the article names (a prefecture's, after a dated list's space)
    got = entities(pipeline, "恩施州中心医院收到多方援助，恩施的银行也捐了款。\n1月31日　州慈善总会拨款250万元。")
    assert [(e.label, e.cls) for s, e in got if s == "州慈善总会"] == [("恩施州慈善总会", "Partner")]
    got = entities(pipeline, "在恩施，州红十字会和州政府一起募集物资。")
    assert [e.label for s, e in got if s in ("州红十字会", "州政府")] == ["恩施州红十字会", "恩施州政府"]


def test_an_insurance_association_written_as_association_and_society_is_the_association(pipeline):
    """某省保险行业协（学）会: the province's association and society written as one body is its association."""
    got = entities(pipeline, "江西省保险行业协（学）会发出倡议，江西省保险行业协会随后走进社区宣传。")
    assert {(s, e.label, e.cls) for s, e in got if s.startswith("江西省保险")} == {
        ("江西省保险行业协（学）会", "江西省保险行业协会", "IndustryBody"),
        ("江西省保险行业协会", "江西省保险行业协会", "IndustryBody")}


def test_the_prefectures_department_is_in_the_autonomous_prefecture_named_before(pipeline):
    got = entities(pipeline, "凉山州财政局牵头推进，州扶贫办一同参与。人保财险凉山州分公司表示，州政府高度重视。")
    assert [e.label for s, e in got if s.startswith("州")] == ["凉山州扶贫办", "凉山州政府"]


def test_a_headlines_city_department_is_the_one_the_text_names_in_full_next(pipeline):
    got = entities(pipeline, "温州为老人织密保障网 市民政局与三家保险公司签约\n\n近日，温州市民政局与人保财险签约。")
    assert {e.label for s, e in got if e.cls == "Regulator"} == {"温州市民政局"}


def test_the_city_party_committee_is_the_citys_named_before(pipeline):
    got = entities(pipeline, "人保财险向丹东市委汇报了扶贫工作，得到市委的肯定。")
    assert [e.label for s, e in got if s == "市委"] == ["丹东市委"]


def test_a_county_party_committees_department_is_the_countys_named_before(pipeline):
    got = entities(pipeline, "缙云县民政局与人保财险签约，县委组织部为全县村干部投保。")
    assert [e.label for s, e in got if s == "县委组织部"] == ["缙云县委组织部"]


def test_the_sar_government_written_bare_is_the_one_of_the_region_named_before(pipeline):
    got = entities(pipeline, "香港保监局公布了新规。特区政府随后表示支持保险业发展。")
    assert [e.label for s, e in got if s == "特区政府"] == ["香港特区政府"]
    got = entities(pipeline, "澳門金管局發布統計。特區政府將推動保險業發展。")  # traditional script too
    assert [e.label for s, e in got if s == "特區政府"] == ["澳门特区政府"]
    # no special administrative region named: no such government
    got = entities(pipeline, "深圳市民政局与保险公司签约。特区政府随后表示支持。")
    assert not [e for s, e in got if "特区" in s]


def test_the_youth_league_committee_named_bare_is_the_one_of_the_place_named_before(pipeline):
    got = entities(pipeline, "阳光保险携手浙江团省委开展助学活动。团省委还为其颁发了荣誉证书。")
    assert [e.label for s, e in got if "团" in s] == ["团浙江省委", "团浙江省委"]
    # before the full name, in news of the place: one body with its full name, however written
    got = entities(pipeline, "湖北的留守儿童收到了捐赠；团省委表示感谢。共青团湖北省委负责人出席仪式。")
    assert len({e.iri for s, e in got if e.cls == "Regulator"}) == 1


def test_a_firm_written_with_its_short_name_in_brackets_is_one_item_of_a_list(pipeline):
    got = entities(pipeline, "众安保险、泰康在线（泰康）和安心保险，它们都获批开展互联网保险业务。")
    assert [e.label for s, e in got if s == "它们"] == ["众安保险", "泰康在线", "安心财险"]


@pytest.mark.parametrize("text", [
    # the count after its list, and before it: the list of that many insurers named next
    "国寿财险、太保产险和大地保险一同中标。三家公司将承保全市的老年人意外险。",
    "入围的三家公司已在周一签约。名单如下：国寿财险、太保产险和大地保险。",
    # the insurers of a list a body signs with
    "杭州市民政局与国寿财险、太保产险和大地保险签约。三家公司将承保全市的老年人意外险。",
])
def test_a_count_of_firms_refers_to_the_list_of_that_many_insurers(pipeline, text):
    got = entities(pipeline, text)
    assert [e.label for s, e in got if s == "三家公司"] == ["国寿财险", "太保产险", "中国大地保险"]


def test_a_count_of_branches_refers_to_the_list_of_that_many_branches(pipeline):
    got = entities(pipeline, "国寿财险杭州分公司、太保产险杭州分公司和大地保险杭州分公司同市民政局签约。"
                             "三家分公司将为全市的养老机构承保责任保险。")
    assert [e.label for s, e in got if s == "三家分公司"] == [
        "国寿财险杭州分公司", "太保产险杭州分公司", "中国大地保险杭州分公司"]


@pytest.mark.parametrize("text", [
    "入围的4家公司已在周一签约。名单如下：国寿财险、太保产险和大地保险。",  # a list of another length
    "市里共有五家保险公司，其中国寿财险和太保产险开办了农险。",
])
def test_a_count_of_firms_refers_to_nothing_when_no_list_has_that_many(pipeline, text):
    assert not [e for s, e in entities(pipeline, text) if s.endswith(("家公司", "家保险公司"))]


def test_a_body_named_without_its_place_right_after_a_verb_is_the_places_named_before(pipeline):
    got = entities(pipeline, "湘西银保监分局还指导州保险行业协会做好理赔服务。")
    assert [e.label for s, e in got if e.cls == "IndustryBody"] == ["湘西州保险行业协会"]
    got = entities(pipeline, "江西银保监局会同省农业农村厅推出水稻保险。")
    assert [e.label for s, e in got if s.startswith("省")] == ["江西省农业农村厅"]


def test_the_city_government_after_a_county_level_citys_committee_is_that_citys(pipeline):
    # 瑞安 is no region of the list: its government is still no other city's (nor the registry's Shanghai)
    got = entities(pipeline, "在瑞安市委市政府的支持下，人保财险推出了杨梅种植保险。")
    assert [e.label for s, e in got if s == "市政府"] == ["瑞安市政府"]


def test_a_department_named_without_its_place_keeps_that_name_among_its_names(pipeline):
    [lm] = [lm for lm in linked(pipeline, "湖南银保监局联合省减灾委办公室部署救灾。") if lm.mention.surface.startswith("省")]
    assert lm.entity.label == "湖南省减灾委办公室"
    assert lm.written == "省减灾委办公室"  # as readers also name it


def test_the_city_government_is_the_city_of_the_branch_named_before(pipeline):
    got = entities(pipeline, "人保财险宁波市分公司启动预案。随后，市政府召开专题会议。")
    assert [e.label for s, e in got if s == "市政府"] == ["宁波市政府"]


def test_a_county_department_is_in_the_county_of_the_body_named_before(pipeline):
    got = entities(pipeline, "松阳县民政局与县残联、县财政开展走访；县妇联也参与其中。")
    assert [e.label for s, e in got if s.startswith("县")] == ["松阳县残联", "松阳县财政", "松阳县妇联"]
    got = entities(pipeline, "丽水市莲都区卫健委与人保财险签约。区政府给予补贴。")
    assert [e.label for s, e in got if s == "区政府"] == ["莲都区政府"]
    # a district's body is not the county's: no place of its level named before, so dropped
    assert all(s != "区财政局" for s, _ in entities(pipeline, "松阳县民政局表示，区财政局将给予补贴。"))


def test_a_county_department_is_known_without_its_province_and_city(pipeline):
    got = entities(pipeline, "浙江省丽水市松阳县人民政府与人保财险签约，松阳县政府给予补贴。")
    assert {e.label for s, e in got if e.cls == "Regulator"} == {"松阳县政府"}
    assert {e.label for s, e in entities(pipeline, "衢州市开化县农业农村局发布通知。") if e.cls == "Regulator"} == {"开化县农业农村局"}


def test_a_body_written_with_its_places_and_then_without_them_is_one_entity(pipeline):
    got = entities(pipeline, "中国太保向贵州省黔东南州榕江县平阳乡平阳小学捐赠图书。平阳小学的学生收到了新书。")
    assert len({e.iri for s, e in got if e.cls == "Partner"}) == 1
    got = entities(pipeline, "浙江省温商联合会组织会员企业捐款。温商联合会还向人保财险致谢。")
    assert len({e.iri for s, e in got if e.cls == "IndustryBody"}) == 1
    # a place that is no place chain keeps the two apart
    got = entities(pipeline, "中国太保向阳光小学捐赠图书，并向东方阳光小学捐赠课桌。")
    assert len({e.iri for s, e in got if e.cls == "Partner"}) == 2


def test_a_government_body_written_with_its_regions_level_and_without_it_is_one_entity(pipeline):
    got = entities(pipeline, "广西壮族自治区妇联和中国人寿广西分公司召开推进会。广西妇联介绍了两癌保险的进展。")
    assert len({e.iri for s, e in got if e.cls == "Regulator"}) == 1


@pytest.mark.parametrize("text", [
    # the autonomous region's body named before, and far before (past the reference window)
    "广西壮族自治区应急管理厅举行签约仪式。会上，自治区应急厅和中国人保广西分公司签下协议。",
    "广西壮族自治区应急管理厅举行签约仪式。" + "灾害频发，过去遇灾主要靠政府救助。" * 40 + "自治区应急厅有关负责人说，保险将更快到位。",
    # named after it: a photo credit before the body in full
    "图片：自治区应急厅提供。广西壮族自治区应急管理厅举行签约仪式。",
    # the region named only by a branch: the region's full name, not 广西自治区
    "中国人保广西分公司启动预案。自治区应急厅随后部署救灾。",
])
def test_an_autonomous_regions_body_named_without_its_place_is_that_regions(pipeline, text):
    got = {e.label for s, e in entities(pipeline, text) if s == "自治区应急厅"}
    assert got == {"广西壮族自治区应急管理厅"}


def test_the_committee_whose_call_is_answered_is_the_provinces_named_before(pipeline):
    text = "强降雨在甘肃陇南引发洪涝。灾情发生后，甘肃的省属国有企业响应省委、省政府的号召，出钱出物。"
    assert {e.label for s, e in entities(pipeline, text) if s == "省委"} == {"甘肃省委"}




def test_a_firm_written_with_its_legal_form_and_then_without_it_is_one_entity(pipeline):
    got = entities(pipeline, "该平台的运营主体是华信保险代理有限公司。华信保险代理去年净利润为600万元。")
    assert len({e.iri for s, e in got if e.cls == "Partner"}) == 1
    got = entities(pipeline, "东华期货为项目提供场外期权。东华期货股份有限公司由此获得了业务。")
    assert len({e.iri for s, e in got if e.cls == "Partner"}) == 1


@pytest.mark.parametrize("text", [
    "中国太保向甘肃庆阳石门小学捐赠图书。石门小学的学生收到了新书。",  # a province and its city, no levels
    "中国太保向榕江县平阳乡中心小学捐赠图书。平阳乡中心小学的学生收到了新书。",  # a county first
])
def test_a_school_written_with_places_of_no_level_or_a_county_first_is_one_entity(pipeline, text):
    assert len({e.iri for s, e in entities(pipeline, text) if e.cls == "Partner"}) == 1


def test_a_department_whose_place_the_text_never_names_is_dropped(pipeline):
    assert all(s != "省财政厅" for s, _ in entities(pipeline, "众安保险表示，省财政厅将给予补贴。"))


def test_a_department_is_in_the_place_its_sentence_names_before_it(pipeline):
    got = entities(pipeline, "浙江随后出台细则，省财政厅和省农业农村厅联合发文，人保财险参与承保。")
    assert [e.label for s, e in got if s.startswith("省")] == ["浙江省财政厅", "浙江省农业农村厅"]


def test_a_county_department_is_in_the_county_the_article_is_about(pipeline):
    text = "宁海县茶农有了价格保险\n\n近日，宁海县茶叶价格指数保险落地，人保财险承保。保费中，县财政承担六成。"
    assert [e.label for s, e in entities(pipeline, text) if s == "县财政"] == ["宁海县财政"]
    # the city government of an article about another city is that city's, not the registry's Shanghai
    text = "暴雨过后深圳启动巨灾保险\n\n深圳巨灾保险今年续保。人保财险表示，市政府将继续出资。"
    assert [e.label for s, e in entities(pipeline, text) if s == "市政府"] == ["深圳市政府"]
    # nor is a city's own body written with its name, which jieba writes apart from the level (普洱|市政府)
    got = [e.label for s, e in entities(pipeline, "普洱市委和普洱市政府就和诚泰保险合作。") if e.cls == "Regulator"]
    assert got == ["普洱市委", "普洱市政府"]


def test_a_county_purse_is_the_county_government_the_article_names(pipeline):
    """县财政 pays for the county government: where the article names that government, they are one body."""
    text = "魏县县政府牵头试点防贫保险\n\n魏县县政府与太保产险签约。县财政出资设立防贫保险金。"
    assert {e.label for s, e in entities(pipeline, text) if s == "县财政"} == {"魏县政府"}
    text = "桐庐县政府为茶农投保\n\n桐庐县人民政府与人保财险签约，县财政承担六成保费。"
    assert {e.label for s, e in entities(pipeline, text) if s == "县财政"} == {"桐庐县政府"}
    # a government of another place leaves the purse its own body
    text = "宁海县茶农有了价格保险\n\n宁海县茶叶保险落地，杭州市政府也来考察。县财政承担六成。"
    assert [e.label for s, e in entities(pipeline, text) if s == "县财政"] == ["宁海县财政"]


def test_a_purse_is_the_places_finance_department_where_no_government_is_named(pipeline):
    """省财政 beside 某省财政厅 is the department's purse: one body to readers, as with the government."""
    text = "江西农房保险补贴到位\n\n江西省财政厅近日下拨保费补贴资金。农户保费全部由省财政承担。"
    assert {e.label for s, e in entities(pipeline, text) if s == "省财政"} == {"江西省财政厅"}
    # the government, where the article names it too, still takes the purse
    text = "郧西县政府推出防贫保险\n\n郧西县政府与人保财险签约，郧西县财政局负责拨款，县财政补足其余部分。"
    assert {e.label for s, e in entities(pipeline, text) if s == "县财政"} == {"郧西县政府"}
    # a province's purse written without its level (河北财政) is the same department
    text = "河北省财政厅与人保财险河北分公司签约。河北财政将为小微企业贷款贴息。"
    assert {e.label for s, e in entities(pipeline, text) if s == "河北财政"} == {"河北省财政厅"}


def test_the_governments_finance_office_named_with_the_government_is_one_body(pipeline):
    text = "山西省人民政府金融工作办公室印发通知。山西省金融办要求各地推进巨灾保险。"
    labels = {s: e.label for s, e in entities(pipeline, text)}
    assert labels["山西省人民政府金融工作办公室"] == labels["山西省金融办"] == "山西省金融办"
    assert "山西省人民政府" not in labels


def test_a_department_of_an_article_about_two_places_alike_is_dropped(pipeline):
    text = "宁海县和象山县茶农有了保险\n\n宁海县、象山县茶叶保险落地。人保财险表示，县财政承担六成。"
    assert all(s != "县财政" for s, _ in entities(pipeline, text))


def test_a_government_after_its_party_committee_is_that_places(pipeline):
    got = entities(pipeline, "去年，广西壮族自治区党委、政府出台意见，人保财险随即推出防贫保险。")
    assert [e.label for s, e in got if s == "政府"] == ["广西壮族自治区政府"]
    # the committees of every level in general name no place
    assert all(s != "政府" for s, _ in entities(pipeline, "各级党委、政府高度重视，人保财险推出防贫保险。"))


def test_a_department_after_a_place_name_is_not_read_as_an_implied_one(pipeline):
    got = entities(pipeline, "人保财险宁波市分公司启动预案。余姚市政府召开会议。")
    assert all(e.label != "宁波市政府" for _, e in got)


def test_a_reference_keeps_its_region_as_written_among_the_names(pipeline):
    [lm] = [lm for lm in linked(pipeline, "国寿财险表示。景德镇市中心支公司协助农户取水。") if lm.entity.cls == "Branch"]
    assert lm.entity.label == "国寿财险景德镇中心支公司"
    assert lm.written == "国寿财险景德镇市中心支公司"


def test_a_reference_with_its_unit_written_short_keeps_that_name(pipeline):
    """宝鸡中支 is how the article names 新华保险宝鸡中心支公司: 新华保险宝鸡中支 is among its names,
    so a reader searching the graph for the short name finds the branch."""
    [lm] = [lm for lm in linked(pipeline, "新华保险陕西分公司发动辖内机构。宝鸡中支带着志愿者慰问环卫工人。")
            if lm.entity.cls == "Branch" and lm.mention.surface == "宝鸡中支"]
    assert lm.entity.label == "新华保险宝鸡中心支公司"
    assert lm.written == "新华保险宝鸡中支"


@pytest.mark.parametrize("text", [
    "國家金融監督管理總局廣東監管局发布通知，广东金融监管局要求各公司排查。",
    "中国银保监会河南监管局发布通知，河南银保监局要求各公司排查。",
    "国家金融监督管理总局温州监管分局发布通知，温州监管分局要求各公司排查。",
    "辽宁省银保监局发布通知，辽宁银保监局要求各公司排查。",  # with the province's level word
    "中国银保监会中山监管分局发布通知，中山银保监分局要求各公司排查。",  # a city whose name is a word too
    "中国证监会河南监管局发布通知，河南证监局要求各公司排查。",  # the securities regulator's office
    "国家税务总局杭州市税务局发布公告，杭州市税务局要求各公司申报。",  # a tax bureau named after the national one
])
def test_a_supervisors_office_is_one_entity_however_it_is_written(pipeline, text):
    assert len({e.iri for _, e in entities(pipeline, text) if e.cls == "Regulator"}) == 1


@pytest.mark.parametrize("text", ["太平人寿在中国人民银行成都分行的指导下开展活动。人民银行成都分行相关负责人出席。"])
def test_a_central_bank_office_is_one_regulator_however_it_is_written(pipeline, text):
    got = [e for _, e in entities(pipeline, text) if "成都" in e.label]
    assert {e.cls for e in got} == {"Regulator"} and len({e.iri for e in got}) == 1


def test_a_supervisors_office_the_registry_knows_is_the_registrys(pipeline):
    got = entities(pipeline, "北京监管局随即启动应急预案。")
    assert [e.from_registry for s, e in got if s == "北京监管局"] == [True]


def test_a_qualified_group_is_the_bare_group_the_article_names(pipeline):
    got = entities(pipeline, "人保财险为养殖户提供风险保障。公司向参保养殖户发放首批赔款。")
    groups = {surface: e.iri for surface, e in got if e.cls == "BeneficiaryGroup"}
    assert set(groups) == {"养殖户", "参保养殖户"} and len(set(groups.values())) == 1


def test_a_qualified_product_is_the_product_the_article_names(pipeline):
    text = "人保财险推出生猪价格指数保险。宁波全面推行政策性生猪价格指数保险。"
    products = {surface: e.iri for surface, e in entities(pipeline, text) if e.cls == "Product"}
    assert set(products) == {"生猪价格指数保险", "政策性生猪价格指数保险"} and len(set(products.values())) == 1


def test_kinds_listed_together_are_groups_of_their_own(pipeline):
    text = "富德生命人寿帮扶9.7万名儿童。公司为困难儿童、留守儿童和失亲儿童送去关怀。"
    groups = {surface: e.iri for surface, e in entities(pipeline, text) if e.cls == "BeneficiaryGroup"}
    assert len({groups["儿童"], groups["困难儿童"], groups["失亲儿童"]}) == 3


def test_a_region_before_an_insurers_name_is_its_local_branch(pipeline):
    got = entities(pipeline, "承保公司厦门人保财险一同交到村民手中，中国人寿浙江省分公司和浙江国寿同为一家。")
    branches = [(surface, e) for surface, e in got if e.cls == "Branch"]
    assert [(s, e.label) for s, e in branches][0] == ("厦门人保财险", "人保财险厦门分公司")
    assert label(pipeline, branches[0][1].parent) == "人保财险"
    assert len({e.iri for _, e in branches[1:]}) == 1  # 浙江国寿 is the branch named in full
    assert not any(e.cls in ("Insurer", "InsuranceGroup") for _, e in got)


def test_a_region_jieba_glues_to_a_preposition_before_an_insurers_name_is_still_its_branch(pipeline):
    """由岳阳|人保财险: jieba reads 由岳阳 as one word, yet the place starts after the preposition."""
    got = entities(pipeline, "这批设备由岳阳人保财险紧急购入。")
    assert [(s, e.label) for s, e in got] == [("岳阳人保财险", "人保财险岳阳分公司")]


def test_a_region_before_a_groups_name_is_the_groups_branch_or_its_insurers_named_there(pipeline):
    got = dict(entities(pipeline, "温州平安保险推出学生险。人保财险台州市分公司承保，台州人保当天赔付。"))
    assert got["温州平安保险"].cls == "Branch" and label(pipeline, got["温州平安保险"].parent) == "中国平安"
    assert got["台州人保"].iri == got["人保财险台州市分公司"].iri


def test_a_place_before_an_insurers_full_legal_name_is_part_of_it(pipeline):
    got = entities(pipeline, "安徽国元农业保险股份有限公司和黑龙江阳光农业相互保险公司都办理种植险，厦门人保财险也办。")
    assert [(s, e.cls, e.label) for s, e in got] == [
        ("国元农业保险股份有限公司", "Insurer", "国元农险"), ("阳光农业相互保险公司", "Insurer", "阳光农险"),
        ("厦门人保财险", "Branch", "人保财险厦门分公司")]


def test_an_articles_own_short_name_wins_over_the_registrys_reading(pipeline):
    got = entities(pipeline, "中国人寿保险股份有限公司（简称“中国人寿”）广西分公司承办惠民保。中国人寿积极参与。")
    [(_, insurer)] = [x for x in got if x[0] == "中国人寿"]
    assert insurer.cls == "Insurer" and label(pipeline, insurer.iri) == "中国人寿寿险"
    assert not any(e.cls == "InsuranceGroup" for _, e in got)


def test_a_branchs_own_short_name_is_the_branch(pipeline):
    got = entities(pipeline, "中国人民财产保险股份有限公司海南省分公司（简称“海南人保”）划转了赔款。海南人保表示将继续理赔。")
    # the short name in its brackets, a region and the group's name, is the branch too
    assert {e.cls for _, e in got} == {"Branch"} and len({e.iri for _, e in got}) == 1


def test_a_quoted_programme_keeps_its_whole_name_with_the_head_after_its_quotes(pipeline):
    [got] = [lm for lm in linked(pipeline, "寿险公司启动“抗疫·微光”专项行动，简化理赔。") if lm.entity.cls == "Initiative"]
    assert (got.mention.surface, got.written) == ("抗疫·微光", "抗疫·微光专项行动")
    [event] = [lm for lm in linked(pipeline, "太保举行“太保蓝”公益行动启动仪式。") if lm.entity.cls == "Initiative"]
    assert event.written == "太保蓝公益行动"


def test_a_short_name_the_article_gives_a_firm_the_registry_lacks_is_that_firm_everywhere(pipeline):
    text = ("人保财险为纵横股份承保3700万元。\n\n"
            "成都纵横自动化技术股份有限公司（简称“纵横股份”）专注于工业无人机。纵横股份表示满意。")
    entities = {lm.mention.surface: lm.entity.iri for lm in linked(pipeline, text) if lm.entity.cls == "Partner"}
    assert set(entities) == {"纵横股份", "成都纵横自动化技术股份有限公司"}
    assert len(set(entities.values())) == 1


def test_a_short_name_given_with_xiacheng_is_the_firm_too(pipeline):
    text = "青松建设集团有限公司（下称“青松集团”）拟转让所持股份。青松集团表示，此举与经营无关。"
    entities = {lm.mention.surface: lm.entity.iri for lm in linked(pipeline, text) if lm.entity.cls == "Partner"}
    assert set(entities) == {"青松集团", "青松建设集团有限公司"}
    assert len(set(entities.values())) == 1


def test_the_company_after_a_word_that_opens_a_clause_is_the_one_just_named(pipeline):
    text = "比亚迪财险上半年实现净利润3134.59万元，而该公司2024年全年亏损1.69亿元。"
    got = [(lm.mention.surface, lm.entity.label) for lm in linked(pipeline, text)]
    assert ("该公司", "易安财险") in got  # 比亚迪财险 is the renamed 易安财险


def test_an_insurer_the_registry_lacks_named_after_its_group_belongs_to_it(pipeline):
    # 英杰华 and 宏利 are groups in the registry; their Hong Kong life companies are not
    got = dict(entities(pipeline, "腾讯参股香港的英杰华人寿，宏利人寿也在名单上。"))
    assert got["英杰华人寿"].cls == "Insurer" and label(pipeline, got["英杰华人寿"].parent) == "英杰华集团"
    assert label(pipeline, got["宏利人寿"].parent) == "宏利金融"
    # the group's own name with a legal form is still the group
    assert dict(entities(pipeline, "平安保险公司捐建希望小学。"))["平安保险"].cls == "InsuranceGroup"


def test_cover_written_short_is_the_cover_the_article_names_in_full(pipeline):
    text = "人保财险推出“肉牛收入保险”。“肉牛收入险”已覆盖全省。"
    products = {m: e for m, e in entities(pipeline, text) if e.cls == "Product"}
    assert set(products) == {"肉牛收入保险", "肉牛收入险"} and len(set(products.values())) == 1


def test_a_local_scheme_written_short_is_the_one_the_article_names_in_full(pipeline):
    # words dropped after the place: 宁海农房台风保险 is the 宁海县政策性农房台风保险 named before
    text = "人保财险推出“宁海县政策性农房台风保险”。今年，“宁海农房台风保险”已赔付30万元。"
    products = {m: e for m, e in entities(pipeline, text) if e.cls == "Product"}
    assert len(products) == 2 and len(set(products.values())) == 1

def test_a_product_named_by_its_brand_is_the_one_the_article_names_with_its_kind(pipeline):
    # the brand with its edition, and the brand with its kind of cover after it: one product
    text = "某寿险推出分红型终身寿险“安享福（尊享版）”。这款“安享福（尊享版）终身寿险（分红型）”有两层功能。"
    products = {m: e for m, e in entities(pipeline, text) if e.cls == "Product"}
    assert len(products) == 2 and len(set(products.values())) == 1
    # a kind is no brand: a longer kind qualifies it
    text = "当地推出“农房保险”，又推出“农房保险附加险”。"
    products = {m: e for m, e in entities(pipeline, text) if e.cls == "Product"}
    assert len(set(products.values())) == len(products)



def test_a_cover_of_another_kind_is_not_the_longer_name_it_resembles(pipeline):
    # 保证 before the ending makes a surety cover: 专利质押融资保险 is no 专利质押融资保证保险
    text = "公司推出“专利质押融资保证保险”，又推出“专利质押融资保险”。"
    products = {m: e for m, e in entities(pipeline, text) if e.cls == "Product"}
    assert len(products) == 2 and len(set(products.values())) == 2


def test_a_qualified_group_is_the_group_a_registry_alias_in_the_article_names(pipeline):
    # 生猪养殖户 is written for the registry's 养殖户, so 受困养殖户 is that group described again
    text = "公司为生猪养殖户提供保障。暴雨过后，公司向受困养殖户支付赔款。"
    groups = {m: e.iri for m, e in entities(pipeline, text) if e.cls == "BeneficiaryGroup"}
    assert "受困养殖户" in groups and groups["受困养殖户"] == groups["生猪养殖户"]


def test_company_is_the_non_insurer_firm_the_article_is_about(pipeline):
    # an article about a health-payment firm that an insurer invested in: 公司 is the firm
    got = entities(pipeline, "镁信健康成立于2017年，专注医药支付。镁信健康去年收入增长较快。"
                             "镁信健康的股东包括平安人寿。公司目前尚未盈利。")
    [(_, firm)] = [x for x in got if x[0] == "公司"]
    assert firm.label == "镁信健康"


def test_company_is_the_insurer_the_sentence_before_is_about_though_the_article_is_about_another_firm(pipeline):
    # the article is about the investor (named most), but the paragraph turns to the insurer it sells out of
    got = entities(pipeline, "镁信健康成立于2017年，专注医药支付。镁信健康去年收入增长较快。镁信健康减持了平安人寿的股份。\n\n"
                             "平安人寿本身的经营也不算顺利。开业5年，公司只在2021年有微利。")
    [(_, insurer)] = [x for x in got if x[0] == "公司"]
    assert insurer.label == "平安人寿"


def test_company_is_still_the_insurer_when_the_article_is_about_an_insurer(pipeline):
    got = entities(pipeline, "平安人寿发布年报。平安人寿与镁信健康合作。平安人寿表示，公司将加大投入。")
    [(_, insurer)] = [x for x in got if x[0] == "公司"]
    assert insurer.label == "平安人寿"


def test_a_county_branch_written_after_a_line_reference_is_that_subsidiarys_branch(pipeline):
    got = entities(pipeline, "中国人寿财险启动应急预案。县政府随即通知人寿财险公司宁远支公司赶赴现场查勘。")
    branches = [e for _, e in got if e.cls == "Branch"]
    assert [b.label for b in branches] == ["国寿财险宁远支公司"]


def test_short_brands_former_names_and_overseas_arms_link_to_the_registry(pipeline):
    text = ("国元保险宣城中心支公司完成查勘；小康人寿与新光海航人寿是同一家公司；"
            "中国人寿保险（海外）股份有限公司在澳门开业；樂愛金財險更名为凯本财险。")
    got = entities(pipeline, text)
    [branch] = [e for _, e in got if e.cls == "Branch"]
    assert label(pipeline, branch.parent) == "国元农险"
    assert len({e.iri for s, e in got if s in ("小康人寿", "新光海航人寿")}) == 1
    [overseas] = [e for s, e in got if s.startswith("中国人寿保险（海外）")]
    assert overseas.cls == "Insurer" and label(pipeline, overseas.parent) == "中国人寿"
    assert len({e.iri for s, e in got if s in ("樂愛金財險", "凯本财险")}) == 1


def test_insurers_investment_arms_and_listed_state_firms_are_the_registrys_partners(pipeline):
    text = ("平安资本领投了一家医疗器械公司，国寿金石管理这只基金；"
            "某寿险公司举牌中国神华H股，另一家参与了招商蛇口的定增。")
    got = {s: e for s, e in entities(pipeline, text)}
    assert all(got[name].cls == "Partner" and got[name].label == name
               for name in ("平安资本", "国寿金石", "中国神华", "招商蛇口"))
    assert label(pipeline, got["平安资本"].parent) == "中国平安"


def test_short_names_listed_after_the_kind_they_share_are_those_firms(pipeline):
    # the kind first, then the firms within it: 股份制银行里有…这几家, 银行中，…等
    for text in ("发起方阵容不小，股份制银行里有光大、浦发、广发这几家。", "代销渠道方面，银行中，浦发、光大等表现突出。"):
        got = {s: e.label for s, e in entities(pipeline, text)}
        assert got["光大"] == "光大银行" and got["浦发"] == "浦发银行", text


def test_asset_managers_and_internet_insurers_founded_lately_are_insurers(pipeline):
    got = entities(pipeline, "国华兴益资管获批筹建，中信保诚资管已开业；百安保險和易安保險先后获批。")
    assert {e.label for _, e in got if e.cls == "Insurer"} >= {"国华兴益资管", "中信保诚资管", "百安保险"}


def test_a_unit_written_short_beside_its_full_name_is_one_branch(pipeline):
    text = "暴雨过后，太保产险常熟支公司连夜查勘。太保产险常熟中心支公司负责人表示，将在三天内赔付到位。"
    branches = {e.iri for _, e in entities(pipeline, text) if e.cls == "Branch"}
    assert len(branches) == 1


def test_units_of_different_places_stay_apart(pipeline):
    text = "国寿财险扬州中心支公司与国寿财险高邮支公司共同承保。"
    labels = {e.label for _, e in entities(pipeline, text) if e.cls == "Branch"}
    assert labels == {"国寿财险扬州中心支公司", "国寿财险高邮支公司"}


def test_a_renamed_joint_venture_and_a_foreign_groups_short_name_link_to_the_registry(pipeline):
    text = "中航三星人寿于2015年更名为中银三星人寿。AIA集团与大都会人寿集团均为外资保险集团。"
    got = entities(pipeline, text)
    assert len({e.iri for s, e in got if s in ("中航三星人寿", "中银三星人寿")}) == 1
    assert {s for s, e in got if e.cls == "InsuranceGroup"} == {"AIA集团", "大都会人寿集团"}


def test_the_wound_up_anbang_group_is_not_the_group_that_took_over_its_insurers(pipeline):
    text = "安邦集团将所持和谐健康的股权转让给5家新股东；新成立的大家保险集团受让安邦人寿的股权。"
    got = entities(pipeline, text)
    groups = {s: e.iri for s, e in got if e.cls == "InsuranceGroup"}
    assert set(groups) == {"安邦集团", "大家保险集团"} and len(set(groups.values())) == 2
    [life] = [e for s, e in got if s == "安邦人寿"]
    assert life.label == "大家人寿" and life.parent == groups["大家保险集团"]


def test_a_pc_insurer_written_with_its_line_in_full_or_as_x_insurance_is_that_insurer(pipeline):
    got = entities(pipeline, "诚泰财产保险、泰山财产保险与燕赵保险、北部湾保险组成共保体。")
    assert {e.label for _, e in got if e.cls == "Insurer"} == {"诚泰财险", "泰山财险", "燕赵财险", "北部湾财险"}


@pytest.mark.parametrize("text,surface,insurer", [
    # short and former names news writes for insurers, each the one legal entity
    ("县里与中华联合签下了承保协议。", "中华联合", "中华财险"),
    ("中国太保寿险与中国太保产险联合开展慰问。", "中国太保寿险", "太保寿险"),
    ("中国太保寿险与中国太保产险联合开展慰问。", "中国太保产险", "太保产险"),
    ("监管部门批准韩国再保险公司在沪开设分支机构。", "韩国再保险公司", "大韩再保险"),
    ("阳光农业保险和汇友财产相互去年均实现盈利。", "阳光农业保险", "阳光农险"),
    ("阳光农业保险和汇友财产相互去年均实现盈利。", "汇友财产相互", "汇友相互"),
    ("众惠财产相互发布了年度信息披露报告。", "众惠财产相互", "众惠相互"),
    ("中国渔业互助保险社为渔船提供风险保障。", "中国渔业互助保险社", "中国渔业互助保险社"),
    ("2005年，天安保险在当地开业。", "天安保险", "天安财险"),
    ("2009年，中美大都会人寿推出新款年金。", "中美大都会人寿", "中美联泰大都会人寿"),
    ("2008年，海尔纽约人寿进入山东市场。", "海尔纽约人寿", "北大方正人寿"),
    ("2006年，中保康联人寿获准开业。", "中保康联人寿", "交银人寿"),
    ("富德生命、招商仁和、同方全球等寿险公司相继增资。", "富德生命", "富德生命人寿"),
    ("富德生命、招商仁和、同方全球等寿险公司相继增资。", "招商仁和", "招商仁和人寿"),
    ("富德生命、招商仁和、同方全球等寿险公司相继增资。", "同方全球", "同方全球人寿"),
    ("陆家嘴国泰与恒安标准均发布了年报。", "陆家嘴国泰", "陆家嘴国泰人寿"),
    ("陆家嘴国泰与恒安标准均发布了年报。", "恒安标准", "恒安标准人寿"),
    ("长安责任、太平科技和海峡金桥均获批新业务。", "长安责任", "长安责任保险"),
    ("长安责任、太平科技和海峡金桥均获批新业务。", "太平科技", "太平科技保险"),
    ("长安责任、太平科技和海峡金桥均获批新业务。", "海峡金桥", "海峡金桥财险"),
    ("太平洋安信与太保安联健康联合推出服务。", "太平洋安信", "太平洋安信农险"),
    ("太平洋安信与太保安联健康联合推出服务。", "太保安联健康", "太平洋健康险"),
    ("中信保为出口企业承保了收汇风险。", "中信保", "中国信保"),
    ("2010年，天平汽车保险与乐爱金均扩大了业务。", "天平汽车保险", "安盛天平"),
    ("2010年，天平汽车保险与乐爱金均扩大了业务。", "乐爱金", "凯本财险"),
    ("人民人寿、太平人寿等寿险公司参与了试点。", "人民人寿", "人保寿险"),
    ("台东农民不满，明台保险回函称将重新研究核赔。", "明台保险", "明台产物"),
    ("兆豐保險建議車主一併加保電池附加條款。", "兆豐保險", "兆丰产物"),
    ("偿付能力评级中，新光海航和另一家寿险公司被评为D类。", "新光海航", "新光海航人寿"),
])
def test_short_and_former_names_of_insurers_are_the_insurer(pipeline, text, surface, insurer):
    got = {m: e for m, e in entities(pipeline, text)}
    assert got[surface].cls == "Insurer" and got[surface].label == insurer


@pytest.mark.parametrize("text,surface,group", [
    ("太平集团召开年度工作会议。", "太平集团", "中国太平"),
    ("中国人寿保险集团召开年度工作会议。", "中国人寿保险集团", "中国人寿"),
    ("忠利与东京海上均看好中国市场。", "忠利", "忠利集团"),
    ("忠利与东京海上均看好中国市场。", "东京海上", "东京海上控股"),
    ("美国大都会与苏黎世保险公布了业绩。", "美国大都会", "美国大都会集团"),
    ("美国大都会与苏黎世保险公布了业绩。", "苏黎世保险", "苏黎世保险集团"),
])
def test_short_names_of_groups_are_the_group(pipeline, text, surface, group):
    got = {m: e for m, e in entities(pipeline, text)}
    assert got[surface].cls == "InsuranceGroup" and got[surface].label == group


def test_a_joint_venture_rolls_up_to_its_foreign_partner_group(pipeline):
    got = dict(entities(pipeline, "中航安盟、德华安顾和史带财险均完成了增资。"))
    assert [label(pipeline, got[m].parent) for m in ("中航安盟", "德华安顾", "史带财险")] == [
        "法国安盟集团", "德国安顾集团", "史带集团"]
    # a list item that ends like a group's name is still the insurer (德华安顾, not 安顾 + 集团)
    assert got["德华安顾"].cls == "Insurer"


def test_an_insurer_rolls_up_to_the_group_that_owns_it(pipeline):
    # 人保资本 is the group's own asset manager, not one of 人保资产's
    [(_, capital)] = [x for x in entities(pipeline, "人保资本发起设立了一只基础设施基金。") if x[0] == "人保资本"]
    assert label(pipeline, capital.parent) == "中国人保"
    # 中华保险 listed with insurers, and its local branches, are the P&C company's
    got = dict(entities(pipeline, "人保财险、平安产险、中华保险均已赔付。中华保险义乌支公司查勘了现场。"))
    assert got["中华保险"].cls == "Insurer" and got["中华保险"].label == "中华财险"
    assert label(pipeline, got["中华保险义乌支公司"].parent) == "中华财险"
    assert label(pipeline, got["中华保险"].parent) == "中华联合保险集团"


def test_a_branch_written_with_and_without_its_province_is_one_branch(pipeline):
    text = ("人保财险湖南郴州中心支公司当天开通了绿色通道。人保财险郴州中心支公司的查勘员随即赶到现场。")
    branches = {e.iri: e.label for _, e in entities(pipeline, text) if e.cls == "Branch"}
    assert list(branches.values()) == ["人保财险郴州中心支公司"]


def test_taiwans_short_forms_of_its_insurers_and_holding_groups(pipeline):
    # Taiwan's press writes a life insurer as its first characters + 寿, a holding group as … + 金
    got = {m: e.label for m, e in entities(pipeline, "台壽、富壽與新壽均遭裁罰，三商壽則獲准合併；國泰金與富邦金公布獲利。")}
    expected = {"台壽": "台湾人寿", "富壽": "富邦人寿", "新壽": "新光人寿", "三商壽": "三商美邦人寿",
                "國泰金": "国泰金控", "富邦金": "富邦金控"}
    assert {m: got.get(m) for m in expected} == expected


def test_a_taiwan_holding_group_that_owns_no_insurer_is_a_partner(pipeline):
    got = {m: e.cls for m, e in entities(pipeline, "玉山金控與永豐金控均看好壽險市場，國泰金控則未表態。")}
    assert (got["玉山金控"], got["永豐金控"], got["國泰金控"]) == ("Partner", "Partner", "InsuranceGroup")


def test_taiwans_other_insurers_are_known(pipeline):
    got = {m: (e.cls, e.label) for m, e in entities(
        pipeline, "合庫人壽與遠雄人壽遭裁罰，旺旺友聯則增資。合庫金控表示將協助合庫人壽改善。")}
    assert got["合庫人壽"] == ("Insurer", "合库人寿") and got["遠雄人壽"] == ("Insurer", "远雄人寿")
    assert got["旺旺友聯"] == ("Insurer", "旺旺友联产物") and got["合庫金控"] == ("InsuranceGroup", "合库金控")
    [insurer] = {e for m, e in entities(pipeline, "合庫人壽遭裁罰。") if m == "合庫人壽"}
    assert label(pipeline, insurer.parent) == "合库金控"


def test_an_insurers_legal_name_without_its_form_names_it_and_its_branch(pipeline):
    """News writes 中国人民财产保险黄山分公司 without 股份有限公司: 人保财险's branch, not 中国太平 read
    inside 中国太平洋财产保险."""
    from stage_helpers import linked
    got = {lm.mention.surface: lm.entity for lm in linked(
        pipeline, "中国人民财产保险黄山分公司、中国太平洋财产保险黄山分公司与当地企业签约。")}
    assert got["中国人民财产保险黄山分公司"].cls == "Branch"
    assert got["中国太平洋财产保险黄山分公司"].cls == "Branch"
    assert "中国太平" not in got

def test_a_branch_after_the_short_name_in_brackets_and_de_is_the_insurers(pipeline):
    """某某财产保险股份有限公司（简称“某某产险”）的青海分公司: the branch the text then names bare, one label."""
    from stage_helpers import linked
    got = {lm.mention.surface: lm.entity.label for lm in linked(
        pipeline, "罚的是中国平安财产保险股份有限公司（简称“平安产险”）的青海分公司。青海分公司有三项违规。")}
    assert got["青海分公司"] == "平安产险青海分公司"
    assert "平安产险青海分公司" in got.values() and not any("的" in v for v in got.values())


def test_a_hong_kong_insurer_beside_its_group_and_not_its_market(pipeline):
    """香港人寿 and 创兴保险 are 越秀集团's; 台湾人寿保险市场 and 香港人寿保险业 name a market's life business."""
    from stage_helpers import linked
    got = {lm.mention.surface: lm.entity for lm in linked(
        pipeline, "越秀集团买下香港人寿保险有限公司，创兴保险也在其旗下。台湾人寿保险市场竞争激烈，香港人寿保险业发展迅速。")}
    assert got["香港人寿保险有限公司"].label == "香港人寿" and got["创兴保险"].cls == "Insurer"
    assert label(pipeline, got["香港人寿保险有限公司"].parent) == "越秀集团"
    assert "台湾人寿" not in got and "香港人寿" not in got


def test_an_insurers_legal_name_without_china_and_its_form_names_it_and_its_branch(pipeline):
    """太平洋财产保险海南分公司, 平安人寿保险上海分公司: the legal name written without 中国 as well as without
    股份有限公司 is the insurer's, and the unit after it is its branch, not a firm of that name."""
    from stage_helpers import linked
    got = {lm.mention.surface: lm.entity for lm in linked(
        pipeline, "太平洋财产保险海南分公司、平安人寿保险上海分公司和大地财产保险当天赔付。")}
    assert got["太平洋财产保险海南分公司"].label == "太保产险海南分公司"
    assert got["平安人寿保险上海分公司"].label == "平安人寿上海分公司"
    assert got["大地财产保险"].label == "中国大地保险"


def test_a_kind_of_firm_written_bare_is_no_subsidiary_of_the_group_named_before(pipeline):
    """财险公司 alone, in a tally by kind of firm, names no firm: the group named earlier does not make
    it that group's P&C subsidiary. After 旗下寿险公司, the bare 财险公司 is still the group's own."""
    got = entities(pipeline, "中国平安公布了年报。按类型统计，财险公司今年收到的罚单比去年多。")
    assert not any(e.cls == "Insurer" for _, e in got)
    got = entities(pipeline, "中国平安旗下寿险公司发布新产品，财险公司随后也推出了专属保障。")
    assert {e.label for m, e in got if m == "财险公司"} == {"平安产险"}


def test_a_registry_bodys_own_short_name_is_that_body(pipeline):
    """中国保险行业协会（下称“保险业协会”）: the short name the article gives is the same association,
    though a pattern would read 保险业协会 as a name of its own."""
    got = entities(pipeline, "中国保险行业协会（下称“保险业协会”）近日发布新条款，保险业协会表示将持续跟进。")
    assert len({e.iri for _, e in got if e.cls == "IndustryBody"}) == 1


def test_a_government_written_right_after_its_party_committee_is_that_places(pipeline):
    """湖南省委省政府: the 省政府 right after 湖南省委 is Hunan's, not a word left unread."""
    got = entities(pipeline, "该集团与湖南省委省政府签署了战略合作协议。")
    assert "湖南省政府" in {e.label for _, e in got if e.cls == "Regulator"}


def test_an_insurer_written_only_in_its_branchs_name_is_named_by_the_article(pipeline):
    """紫金财险洛阳中支 names 紫金财险 too: the article mentions the insurer, not only its branch; where
    the article names the insurer's group, a reader takes the branch for the group's, and the insurer
    stays implied."""
    from stage_helpers import document
    named = {lm.entity.label for lm in pipeline.extract(document("紫金财险洛阳中支因虚列费用被罚款。")).mentions}
    assert {"紫金保险", "紫金保险洛阳中心支公司"} <= named
    named = {lm.entity.label for lm in pipeline.extract(document(
        "中国太保持续投入乡村振兴，太保产险吕梁中支为果农提供保障。")).mentions}
    assert "太保产险" not in named


def test_a_short_name_in_hong_kong_or_taiwan_news_is_the_local_firm(pipeline):
    """An article that names several insurers of Hong Kong (or Taiwan) is news of that market: there
    安盛 is AXA's Hong Kong insurer and 中國人壽 Taiwan's China Life (凯基人寿); elsewhere the group."""
    hong_kong = dict(entities(pipeline, "友邦香港和宏利香港延长了宽限期，安盛亦宣布为客户提供免费保障。"))
    assert hong_kong["安盛"].label == "安盛香港"
    taiwan = dict(entities(pipeline, "國泰人壽、富邦人壽與中國人壽都已啟動理賠綠色通道。"))
    assert taiwan["中國人壽"].label == "凯基人寿"
    mainland = dict(entities(pipeline, "安盛与中国人寿昨日公布了年度业绩。"))
    assert mainland["安盛"].label == "安盛集团" and mainland["中国人寿"].label == "中国人寿"
    # …and one that writes its places and prices in its currency, though it names no insurer in full
    priced = dict(entities(pipeline, "本港自願醫保推出後，宏利與保誠的標準計劃每年保費約2000港元，友邦則收1800港元。"))
    assert [priced[n].label for n in ("宏利", "保誠", "友邦")] == ["宏利香港", "保诚香港", "友邦香港"]
    assert dict(entities(pipeline, "宏利与保诚公布业绩，内地业务增长。"))["宏利"].label == "宏利金融"
    # …or that writes Taiwan's counties and cities, which no mainland place is named after
    counties = dict(entities(pipeline, "屏東縣政府與中國人壽簽約，為屏東、雲林兩縣的弱勢家庭承保微型保險。"))
    assert counties["中國人壽"].label == "凯基人寿"


def test_a_groups_line_company_in_news_known_by_its_places_is_that_markets(pipeline):
    """An article known as Taiwan news by its places alone, naming none of its insurers in full, means by
    富邦金控's 產險公司 its Taiwan P&C insurer, not the group's mainland one (富邦财险)."""
    taiwan = dict(entities(pipeline, "雲林、屏東兩縣受災嚴重，富邦金控表示，旗下產險公司已啟動理賠。"))
    assert taiwan["旗下產險公司"].label == "富邦产险"


def test_a_taiwan_holding_groups_local_name_in_taiwan_news_is_that_group(pipeline):
    """Taiwan's financial holding groups make an article Taiwan news as its insurers do; there 中信金控
    is CTBC's, the parent of 台湾人寿, and elsewhere the mainland's CITIC holding (no registry group)."""
    taiwan = dict(entities(pipeline, "國泰金控、富邦金控與中信金控都宣布捐款，旗下台灣人壽也啟動關懷措施。"))
    assert taiwan["中信金控"].label == "中国信托金控" and taiwan["台灣人壽"].parent == taiwan["中信金控"].iri
    mainland = dict(entities(pipeline, "中信金控今年完成了对中信银行的股权划转。"))
    assert mainland["中信金控"].iri not in pipeline.registry.entries


def test_taiwan_news_bare_county_or_city_government_is_the_one_it_named(pipeline):
    """縣府 and 市府 at a clause start are the government of the county or city named before (屏東縣政府 …
    縣府: one body), as 县政府 is."""
    got = dict(entities(pipeline, "屏東縣政府與富邦產險簽約。縣府表示，將補助農民保費。台南市政府也宣布，市府會補助受災市民。"))
    assert got["縣府"].label == "屏东县政府" and got["市府"].label == "台南市政府"


def test_a_local_name_after_its_groups_own_name_is_that_group_in_any_news(pipeline):
    """An article that names CTBC's holding group by its own name, Taiwan news or not, means that group by
    中信金控 too: one group, not two."""
    got = dict(entities(pipeline, "中國信託金融控股公司宣布捐款，中信金控表示將持續關懷受災戶。"))
    assert got["中信金控"].label == "中国信托金控" == got["中國信託金融控股"].label


def test_taiwans_agricultural_insurance_fund_by_its_bare_name_in_taiwan_news_only(pipeline):
    """農業保險基金 in Taiwan news is the fund that runs the island's policy farm covers; in mainland
    news the same words name no body."""
    taiwan = dict(entities(pipeline, "富邦產險與明台產險完成查勘，農業保險基金表示理賠將於月底前撥付。"))
    assert taiwan["農業保險基金"].cls == "IndustryBody"
    mainland = entities(pipeline, "该省探索设立农业保险基金，人保财险积极参与。")
    assert not any(e.cls == "IndustryBody" for _, e in mainland)


def test_a_supervisors_bare_name_in_its_markets_news_is_that_markets_supervisor(pipeline):
    """金管局, 保險局, 銀行局 and 保監處 name no one body in all news: in news of Macao, Taiwan or Hong
    Kong (its places written often, or two of its firms or bodies named) they are that market's."""
    macao = dict(entities(pipeline, "澳門立法會通過新法。本澳保險中介違規，將由金管局處以罰款。"))
    assert macao["金管局"].label == "澳门金融管理局"
    taiwan = dict(entities(pipeline, "富邦人壽申請增資，金管會表示將交由保險局與銀行局審查。"))
    assert taiwan["保險局"].label == "金管会保险局" and taiwan["銀行局"].label == "金管会银行局"
    hong_kong = dict(entities(pipeline, "香港保險業今年增長，本港市民投保踴躍，保監處表示會加強監管。"))
    assert hong_kong["保監處"].label == "香港保险业监理处"
    # in mainland news, or after a mainland place, no market's body
    for text in ("金管局要求辖内机构排查风险，人保财险积极配合。", "香港和香港的投资者关注，北京市金管局发布通知。"):
        assert not any("香港" in e.label or "澳门" in e.label for _, e in entities(pipeline, text))


def test_taiwans_agencies_by_their_full_and_usual_short_names_are_one_body_each(pipeline):
    got = entities(pipeline, "農業部農業金融署表示，農金署將與明台產物協商；中央氣象署回應，氣象署已複核數據。")
    labels = {surface: e.label for surface, e in got}
    assert labels["農金署"] == labels["農業部農業金融署"] == "农业部农业金融署"
    assert labels["氣象署"] == labels["中央氣象署"] == "中央气象署"


def test_cathays_short_pc_name_is_the_taiwan_firm_only_in_taiwan_news(pipeline):
    """国泰产险 in Taiwan news is 国泰世纪产物 of 国泰金控; in mainland news the mainland 国泰财险."""
    taiwan = dict(entities(pipeline, "富邦人壽和新光人壽先行墊付醫療費用，國泰產險也簡化了理賠手續。"))
    assert taiwan["國泰產險"].label == "国泰世纪产物"
    assert label(pipeline, taiwan["國泰產險"].parent) == "国泰金控"
    mainland = dict(entities(pipeline, "国泰产险推出了一款宠物医疗险。"))
    assert mainland["国泰产险"].label == "国泰财险"


def test_prudentials_short_name_is_its_hong_kong_insurer_in_hong_kong_news(pipeline):
    """保诚 is Prudential plc, and in Hong Kong news its Hong Kong insurer; 保诚人寿 a subsidiary of it."""
    hong_kong = dict(entities(pipeline, "宏利香港和友邦香港调整了理赔安排，保誠則維持原有做法。"))
    assert hong_kong["保誠"].label == "保诚香港" and label(pipeline, hong_kong["保誠"].parent) == "英国保诚"
    elsewhere = dict(entities(pipeline, "保诚宣布出售美国业务，保诚人寿随后推出新品。为确保诚信经营，人保财险开展培训。"))
    assert elsewhere["保诚"].label == "英国保诚" and label(pipeline, elsewhere["保诚人寿"].parent) == "英国保诚"
    assert set(elsewhere) == {"保诚", "保诚人寿", "人保财险"}


def test_a_unit_named_with_the_unit_above_it_is_the_lower_branch(pipeline):
    # 湖北分公司宜昌中心支公司: the city's branch, written with the province's before it; one branch,
    # which its short name (宜昌中支) names again
    got = entities(pipeline, "太保产险湖北分公司宜昌中心支公司（以下简称“宜昌中支”）连夜查勘，宜昌中支共赔付20万元。")
    assert {e.label for _, e in got if e.cls == "Branch"} == {"太保产险宜昌中心支公司"}


def test_a_unit_named_by_a_place_the_region_list_lacks_after_the_unit_above_it_is_the_lower_branch(pipeline):
    # a county or district names the lower unit as a region does, through a chain of three units too;
    # a word that is no place (下属, 及各) names none
    got = entities(pipeline, "太保产险江苏分公司吴江支公司受理报案，人保财险江苏分公司常州分公司武进支公司也到了现场。"
                             "国寿财险浙江分公司下属支公司和平安产险山东分公司及各支公司同时行动。")
    assert {e.label for _, e in got if e.cls == "Branch"} == {
        "太保产险吴江支公司", "人保财险武进支公司", "国寿财险浙江分公司", "平安产险山东分公司"}


def test_a_groups_unit_where_the_article_names_its_insurers_branch_is_that_branch(pipeline):
    # 人保扬州公司 is the group's name and a place: the branch of the group's insurer the article names there
    got = dict(entities(pipeline, "中国人民财产保险股份有限公司扬州市分公司承保。人保扬州公司当天赔付。"))
    assert got["人保扬州公司"] == got["中国人民财产保险股份有限公司扬州市分公司"]
    assert got["人保扬州公司"].cls == "Branch" and label(pipeline, got["人保扬州公司"].parent) == "人保财险"


def test_a_county_body_written_with_its_level_twice_is_the_county_body(pipeline):
    # 某县县政府 is the county's government as 某县政府 is: one body
    got = entities(pipeline, "人保财险与宁陵县县政府签约，宁陵县政府有关负责人出席。")
    assert {e.label for _, e in got if e.cls == "Regulator"} == {"宁陵县政府"}


def test_a_pair_word_refers_to_the_two_organisations_named_last(pipeline):
    text = "人保财险与青禾科技有限公司签署合作协议。双方还将共建理赔服务站。"
    got = {lm.entity.label for lm in linked(pipeline, text) if lm.mention.surface == "双方"}
    assert got == {"人保财险", "青禾科技有限公司"}


def test_a_pair_word_takes_a_group_and_its_insurer_as_one_party(pipeline):
    text = "投保方是青禾大学材料实验室，承保方是中国人寿集团下属的中国人寿财险天津分公司，双方已完成签约。"
    got = {lm.entity.label for lm in linked(pipeline, text) if lm.mention.surface == "双方"}
    assert got == {"青禾大学材料实验室", "国寿财险天津分公司"}


def test_a_list_word_refers_to_the_list_named_last(pipeline):
    text = "首批试点的有平安产险、人保财险，以及太保产险。它们将为新材料企业提供保障。"
    got = [lm.entity.label for lm in linked(pipeline, text) if lm.mention.surface == "它们"]
    assert got == ["平安产险", "人保财险", "太保产险"]


def test_a_coinsurance_pools_insurers_are_the_members_named_last_not_a_firm_of_that_name(pipeline):
    text = "人保财险、国寿财险和大地保险组成共保体。凡是投保的商户，共保体保险公司都会赠送一份“门店综合险”。"
    got = [lm.entity.label for lm in linked(pipeline, text) if lm.mention.surface == "共保体保险公司"]
    assert got == ["人保财险", "国寿财险", "中国大地保险"]


def test_a_list_word_after_with_refers_to_the_list_not_to_the_other_party(pipeline):
    # 与它们: the clause's subject is the other party, the list is the one named before the clause
    text = "本次中标的是国寿财险、太保产险和大地保险，杭州市民政局与它们分别签订了服务协议。"
    got = [lm.entity.label for lm in linked(pipeline, text) if lm.mention.surface == "它们"]
    assert got == ["国寿财险", "太保产险", "中国大地保险"]


def test_a_list_word_after_one_organisation_refers_to_nothing(pipeline):
    text = "人保财险推出了三款新产品。它们主要面向小微企业。"
    assert not [lm for lm in linked(pipeline, text) if lm.mention.surface == "它们"]


def test_the_two_of_any_kind_is_no_pair_of_organisations(pipeline):
    text = "平安产险上海分公司联合青禾科技有限公司推出两项保险，两者累计保额高达30万元。"
    assert not [lm for lm in linked(pipeline, text) if lm.mention.surface == "两者"]


def test_anbangs_wound_up_pc_company_is_not_the_new_company_that_took_over_its_business(pipeline):
    text = "大家财险承接了安邦财险的合规业务，安邦财险随后进入清算。"
    got = {s: e for s, e in entities(pipeline, text) if e.cls == "Insurer"}
    assert got["安邦财险"].iri != got["大家财险"].iri
    assert got["安邦财险"].label == "安邦财险"


def test_an_insurers_unit_written_after_de_is_its_branch_under_the_name_as_written(pipeline):
    got = {lm.mention.surface: lm for lm in linked(pipeline, "参与抢收的，还有太保产险的湖州市中心支公司。")}
    branch = got["太保产险的湖州市中心支公司"]
    assert branch.entity.cls == "Branch" and branch.entity.label == "太保产险湖州中心支公司"
    assert branch.written == "太保产险湖州市中心支公司"


def test_it_refers_to_what_its_sentence_is_about_not_the_nearest_name(pipeline):
    text = "泰康人寿湖北分公司是泰康保险集团的分支机构，它今年为环卫工人推出了“暖冬保”。"
    got = [(lm.mention.surface, lm.entity.label) for lm in linked(pipeline, text)]
    assert ("它", "泰康人寿湖北分公司") in got


def test_it_may_refer_to_the_programme_the_sentence_before_names_first(pipeline):
    text = "“春苗计划”由众安保险发起。它为山区儿童送去图书。"
    got = [(lm.mention.surface, lm.entity.label) for lm in linked(pipeline, text)]
    assert ("它", "春苗计划") in got


def test_it_after_a_sentence_naming_nothing_is_dropped(pipeline):
    text = "太保产险在本市开展试点。这种做法在本市还是头一回。它也被写进了年度工作要点。"
    assert all(lm.mention.surface != "它" for lm in linked(pipeline, text))
    # nor is 它们 read as 它
    text = "平安产险和人保财险中标。它们将共同承保。"
    assert {lm.entity.label for lm in linked(pipeline, text) if lm.mention.surface == "它们"} == {"平安产险", "人保财险"}


def test_company_refers_to_what_the_sentence_before_is_about_not_its_last_insurer(pipeline):
    text = "长城人寿有三家股东，泰康人寿占股60%，人保财险占股40%。5月，公司完成了增资。"
    got = [(lm.mention.surface, lm.entity.label) for lm in linked(pipeline, text)]
    assert ("公司", "长城人寿") in got


def test_a_demonstrative_and_a_names_end_refer_to_the_product_named_so(pipeline):
    # 这项洪涝保险 is the 城乡洪涝保险 named before, not the nearer 农房保险
    text = ("某市今年推出城乡洪涝保险，还续保了推出的农房保险。"
            "这项洪涝保险由人保财险某市分公司牵头承保。")
    got = {(s, e.label) for s, e in entities(pipeline, text) if e.cls == "Product"}
    assert ("这项洪涝保险", "城乡洪涝保险") in got


def test_the_council_of_agriculture_by_its_short_name_is_taiwans(pipeline):
    """農委會 is the usual short name of Taiwan's Council of Agriculture; a mainland 市农委 before 会同 stays
    the city's commission."""
    got = entities(pipeline, "農委會今年仍替投保農民負擔一半保費，行政院農業委員會並公告各鄉鎮收穫量。")
    assert len({e.iri for s, e in got if e.cls == "Regulator"}) == 1
    assert ("農委會", "台湾农业部") in [(s, e.label) for s, e in got]
    got = entities(pipeline, "上海市农委会同市财政局部署农业保险工作。")
    assert "台湾农业部" not in [e.label for _, e in got]


def test_a_county_department_the_work_falls_to_is_the_countys_named_before(pipeline):
    """归县某局牵头: the department the work falls to, of the county the last body named is in."""
    got = entities(pipeline, "遂昌县民政局负责认定对象。种植户的保险归县农业农村局牵头。")
    assert ("县农业农村局", "遂昌县农业农村局") in [(s, e.label) for s, e in got]


def test_the_large_online_mutual_aid_plans_are_programmes_of_the_registry(pipeline):
    got = entities(pipeline, "网络互助退潮：继轻松互助之后，小米互助、360互助也先后停运，相互宝则撑到了最后。")
    assert {(s, e.cls) for s, e in got} >= {("轻松互助", "Initiative"), ("小米互助", "Initiative"),
                                           ("360互助", "Initiative"), ("相互宝", "Initiative")}
    assert all(e.iri.startswith("https://w3id.org/insurance-kg/id/") and "initiative-" not in e.iri
               for s, e in got if s.endswith("互助"))  # the registry's entities, not names discovered in the text


def test_a_firm_named_with_and_without_its_citys_level_is_one_firm(pipeline):
    """德阳市商业银行, then 德阳商业银行: the city's 市 written once and left out once, one bank."""
    got = entities(pipeline, "德阳市商业银行与某财险公司签下合作协议。按约定，德阳商业银行负责为商户投保。")
    banks = {e.iri for s, e in got if s in ("德阳市商业银行", "德阳商业银行")}
    assert len(banks) == 1


def test_the_latter_is_the_organisation_named_last(pipeline):
    # 后者 after 由, inside its clause: the last of the two named before it
    text = "县政府同人保财险某县支公司签下合作协议，由后者为全县贫困户承保“红枣保险”。"
    got = [lm.entity.label for lm in linked(pipeline, text) if lm.mention.surface == "后者"]
    assert got == ["人保财险某县支公司"]


def test_an_association_written_bare_is_the_one_named_last(pipeline):
    """协会, 行业协会 written alone are the association the article named last whose name ends so; with
    none named, the bare word names nothing, and inside a longer name it is that name's."""
    text = ("温州市保险行业协会当天发出倡议。按照温州银保监分局的要求和行业协会的部署，人保财险温州市分公司开通绿色通道。"
            "在协会的组织下，各家公司派出查勘员。")
    got = [(lm.mention.surface, lm.entity.label) for lm in linked(pipeline, text) if lm.entity.cls == "IndustryBody"]
    assert got == [("温州市保险行业协会", "温州市保险行业协会"), ("行业协会", "温州市保险行业协会"),
                   ("协会", "温州市保险行业协会")]
    # the bare word refers to the body; it is no name of it (no label in the graph)
    assert not [lm for lm in linked(pipeline, text) if lm.mention.surface in ("行业协会", "协会") and lm.written]
    assert not [lm for lm in linked(pipeline, "按照行业协会的部署，人保财险开通绿色通道。") if lm.mention.surface == "行业协会"]
    facts, _ = related(pipeline, text)
    assert ("人保财险温州分公司", "guidedBy", "温州市保险行业协会") in {(f.subject.label, f.predicate, f.object.label)
                                                                 for f in facts}


def test_a_regulators_office_written_bare_is_the_one_named_last(pipeline):
    text = "六安银保监分局召开座谈会。在分局指导下，国元农险六安中心支公司先摸清市场需求。"
    got = [(lm.mention.surface, lm.entity.label) for lm in linked(pipeline, text) if lm.mention.surface == "分局"]
    assert got == [("分局", "六安银保监分局")]
    facts, _ = related(pipeline, text)
    assert ("国元农险六安中心支公司", "guidedBy", "六安银保监分局") in {(f.subject.label, f.predicate, f.object.label)
                                                                 for f in facts}
    # an insurer's 分公司 named last is no office of a regulator
    assert not [lm for lm in linked(pipeline, "人保财险北京分公司启动预案。分局领导赶到现场。") if lm.mention.surface == "分局"]


def test_a_short_name_given_its_full_name_after_it_is_one_thing_with_it(pipeline):
    # “安康保”，全称是“…”: the short name and the full one are one product, wherever the article writes them
    text = ("县里为低收入户买了“安康保”，全称是“农村低收入人口综合保障保险”。"
            "今年“安康保”已赔付40万元，农村低收入人口综合保障保险由人保财险承保。")
    products = {lm.mention.surface: lm.entity.iri for lm in linked(pipeline, text) if lm.entity.cls == "Product"}
    assert set(products) == {"安康保", "农村低收入人口综合保障保险"}
    assert len(set(products.values())) == 1
    # a firm by its short name, its legal name after 全称: one firm
    firms = {lm.entity.label for lm in linked(pipeline, "华宁股份全称华宁精密制造股份有限公司，主营无人机。")
             if lm.entity.cls == "Partner"}
    assert len(firms) == 1
    # …and its formal name after it, pointed back to (它的正式名称是…)
    programmes = {lm.entity.iri for lm in linked(pipeline, "两家基金会发起“护航行动”，它的正式名称是“民间救援保险保障项目”。")
                  if lm.entity.cls == "Initiative"}
    assert len(programmes) == 1


def test_a_renamed_programme_is_one_thing_under_its_old_and_new_name(pipeline):
    text = ("去年设立的“春苗助学基金”正式更名，成了“春苗乡村振兴基金”，规模增至2000万元。"
            "“春苗助学基金”此前已资助学生500名。")
    funds = {lm.mention.surface: lm.entity.iri for lm in linked(pipeline, text) if lm.entity.cls == "Initiative"}
    assert set(funds) == {"春苗助学基金", "春苗乡村振兴基金"}
    assert len(set(funds.values())) == 1


def test_a_firm_written_with_its_present_name_in_brackets_is_one_firm(pipeline):
    """X（现Y）: Y is X's present name, and 现 no part of it."""
    text = "该行的前身是深圳市华夏信用合作银行（现华信农商银行），成立于1998年。"
    firms = {lm.mention.surface: lm.entity.iri for lm in linked(pipeline, text) if lm.entity.cls == "Partner"}
    assert set(firms) == {"深圳市华夏信用合作银行", "华信农商银行"}
    assert len(set(firms.values())) == 1


def test_a_quoted_term_defined_as_a_firm_is_that_firm(pipeline):
    text = "年报的释义部分显示，“华岭集团”指东岳实业发展集团。华岭集团是该公司第二大股东。"
    firms = {lm.mention.surface: lm.entity.iri for lm in linked(pipeline, text) if lm.entity.cls == "Partner"}
    assert set(firms) == {"华岭集团", "东岳实业发展集团"}
    assert len(set(firms.values())) == 1
    # 指出 is a verb of saying, no definition
    said = "“华岭实业集团”指出，东岳实业发展集团将增资。"
    assert len({lm.entity.iri for lm in linked(pipeline, said) if lm.entity.cls == "Partner"}) == 2


@pytest.mark.parametrize("text, short", [
    ("富德生命人寿推出“小海豚关爱计划”。“关爱计划”已走进30所学校。", "关爱计划"),
    ("太保产险推出“柳州市乡村振兴碳汇项目”。“柳州乡村振兴碳汇项目”已覆盖全市林户。", "柳州乡村振兴碳汇项目"),
    ("中英人寿发起“星星点灯·关爱留守儿童公益计划”。“星星点灯”公益项目已走进30所学校。", "星星点灯"),
    # a campaign's title and its slogan after a space, then the title alone
    ("某人寿启动“保险知识宣传周 守护美好生活”活动。“保险知识宣传周”活动走进了12个社区。", "保险知识宣传周")])
def test_a_programme_named_again_by_part_of_its_name_is_the_one_named_in_full(pipeline, text, short):
    got = [(surface, e) for surface, e in entities(pipeline, text) if e.cls == "Initiative"]
    assert short in {surface for surface, _ in got}
    assert len({e.iri for _, e in got}) == 1


def test_a_name_with_and_without_its_quotes_is_one_entity_with_one_label(pipeline):
    """The label of a name found in text drops its quotes, as its IRI does: an article that writes
    2+X“扶贫保” and one that writes 扶贫保 give the merged graph one label, not two (a shape violation)."""
    linker = Linker(pipeline.registry, pipeline.rules)
    labels = {(lm.entity.iri, lm.entity.label)
              for surface in ("“扶贫保”", "扶贫保", "「扶贫保」")
              for lm in linker.link([Mention(surface, 0, len(surface), 0, "Product", "pattern")])}
    assert len(labels) == 1 and labels.pop()[1] == "扶贫保"
    [(_, label)] = {(lm.entity.iri, lm.entity.label) for lm in linker.link(
        [Mention("棉花“价格保险+期货”", 0, 11, 0, "Initiative", "pattern")])}
    assert label == "棉花价格保险+期货"


def test_a_name_that_both_abbreviates_and_ends_a_longer_one_is_linked(pipeline):
    """developed ends “delayed orders compensated; developed” and has its opening and its end, as an
    abbreviation has: it was read as both the longer name's short form and its bare name, each
    leading to the other until Python's stack ran out (one line of a sources table did it)."""
    linker = Linker(pipeline.registry, pipeline.rules)
    names = ("delayed orders compensated; developed", "developed")
    got = linker.link([Mention(n, 0, len(n), 0, "Product", "pattern") for n in names])
    assert {lm.entity.label for lm in got} <= set(names) and got


def _linked_names(pipeline, cls, *names):
    """The entities the linker gives ``names`` found in that order, each a ``cls`` by a pattern."""
    mentions, at = [], 0
    for name in names:
        mentions.append(Mention(name, at, at + len(name), 0, cls, "pattern"))
        at += len(name) + 1
    return [lm.entity for lm in Linker(pipeline.registry, pipeline.rules).link(mentions)]


@pytest.mark.parametrize("cls, full, short", [
    ("Partner", "德阳市儿童福利院", "福利院"),
    ("Partner", "紫薇社区新时代文明实践站", "实践站"),
    # the level word opens the short name: 隆安县 + 妇联
    ("Regulator", "隆安县妇联", "县妇联"),
    ("Regulator", "大围山镇政府", "镇政府")])
def test_a_body_named_again_by_the_end_of_its_name_is_the_one_named_in_full(pipeline, cls, full, short):
    first, again = _linked_names(pipeline, cls, full, short)
    assert again.iri == first.iri


@pytest.mark.parametrize("first, again, one", [
    ("小海豚专属意外保险", "小海豚专属保险", True),
    ("城乡居民住宅巨灾保险", "城乡居民住宅地震巨灾保险", True),
    ("危险化学品和工贸行业领域安全生产责任保险", "危险化学品和工贸行业安全生产责任险", True),  # 保险 and 险 too
    # a short shared opening: a line and a cover within it
    ("生猪保险", "生猪价格保险", False),
    ("水稻保险", "水稻完全成本保险", False),
    # a catastrophe or surety cover of the line, and a rider
    ("海水养殖保险", "海水养殖巨灾保险", False),
    ("知识产权质押融资保险", "知识产权质押融资保证保险", False),
    ("小海豚专属保险", "小海豚专属附加意外保险", False),
    # two words apart, not one word more
    ("天然橡胶收入保险", "天然橡胶价格（收入）保险", False)])
def test_a_cover_named_again_with_a_word_more_inside_is_one_cover(pipeline, first, again, one):
    a, b = _linked_names(pipeline, "Product", first, again)
    assert (a.iri == b.iri) == one


def test_an_end_two_bodies_share_stays_a_body_of_its_own(pipeline):
    got = _linked_names(pipeline, "Partner", "甘洛县儿童福利院", "越西县儿童福利院", "福利院")
    assert len({e.iri for e in got}) == 3


@pytest.mark.parametrize("full, short, one", [
    ("大连恒茂地产开发有限公司", "恒茂地产", True),
    ("山东恒信生物科技有限公司", "恒信公司", True),
    ("莆田农汇食品有限公司", "农汇食品", True),
    ("内蒙古鸿安牛业科技有限公司", "鸿安牛业", True),
    # more than a trade's few characters between the shared name and the legal form: another firm of the family
    ("大连恒茂地产开发投资管理有限公司", "恒茂地产", False),
    # nor is a name that is no place before the shared one
    ("中天恒茂地产开发有限公司", "恒茂地产", False)])
def test_a_firm_is_written_short_only_without_its_place_trade_and_legal_form(pipeline, full, short, one):
    first, again = _linked_names(pipeline, "Partner", full, short)
    assert (again.iri == first.iri) == one


@pytest.mark.parametrize("cls, full, short, one", [
    ("Partner", "湖北省青少年发展基金会", "湖北省青基会", True),
    ("Regulator", "逊克县农业技术推广中心", "农技中心", True),
    ("Partner", "铜川市吉祥春养殖农民专业合作社", "吉祥春合作社", True),  # a word before its kind left out
    ("Partner", "江西丰城发电厂", "丰城电厂", True),
    # one word left out elsewhere: another body
    ("IndustryBody", "英国另类投资协会", "英国投资协会", False),
    # a longer name that shares the short one's last character only by chance: another body
    ("Partner", "上海交通大学医学院-中国太保源申康复研究院", "上海交大医学院", False),
    ("Partner", "厦门国际银行龙岩分行", "厦门国际银行", False),
    # two full legal names: two firms
    ("Partner", "招商局国际金融控股（深圳）有限公司", "招商局金融控股（深圳）有限公司", False)])
def test_a_body_written_with_its_words_shortened_is_the_one_named_in_full(pipeline, cls, full, short, one):
    first, again = _linked_names(pipeline, cls, full, short)
    assert (again.iri == first.iri) == one


def test_the_elderly_written_bare_are_the_registrys_elderly(pipeline):
    """老人 and 长者, where the recogniser reads them as a group helped, are one group with 老年人."""
    elderly = pipeline.registry.lookup("老年人").entity.iri
    assert all(e.iri == elderly for e in _linked_names(pipeline, "BeneficiaryGroup", "老人", "长者", "老人们"))
    assert _linked_names(pipeline, "BeneficiaryGroup", "老板")[0].iri != elderly


def test_a_service_lines_number_right_after_its_name_is_that_line(pipeline):
    """全国客服热线95519 names one line twice; a number further on is a line of its own."""
    linker = Linker(pipeline.registry, pipeline.rules)
    name = Mention("全国客服热线", 0, 6, 0, "Initiative", "pattern")
    for start, one in ((6, True), (7, True), (12, False)):  # right after it, after a colon, after a bracket
        number = Mention("95519", start, start + 5, 0, "Initiative", "pattern")
        got = linker.link([name, number])
        assert (got[0].entity.iri == got[1].entity.iri) == one


def test_a_reinsurance_operation_centre_is_a_unit_of_its_insurer(pipeline):
    got = dict(entities(pipeline, "阳光财险上海再保险运营中心近日在陆家嘴揭牌。"))
    centre = got["阳光财险上海再保险运营中心"]
    assert centre.cls == "Branch" and label(pipeline, centre.parent) == "阳光财险"


def test_the_name_people_use_for_a_branch_in_brackets_is_its_short_name(pipeline):
    text = "这笔赔款出自紫金保险南通中心支公司（当地习惯称“南通紫金保险”）。南通紫金保险已赔付370万元。"
    got = entities(pipeline, text)
    assert {e.cls for n, e in got if n == "南通紫金保险"} == {"Branch"}
    assert len({e.iri for n, e in got if e.cls == "Branch"}) == 1


def test_courts_and_pi_clubs_are_typed_as_the_corpus_types_them(pipeline):
    """A maritime court and a city's intermediate court written short are courts (Regulator), 宁波市中院 the same
    court as 宁波市中级人民法院; a shipowners' P&I club is a mutual insurer."""
    got = entities(pipeline, "宁波市中级人民法院与国寿财险签约，宁波市中院表示将推广。上海海事法院开庭审理此案，英国保赔协会承保了这艘船。")
    by_name = dict(got)
    assert by_name["宁波市中院"].iri == by_name["宁波市中级人民法院"].iri and by_name["宁波市中院"].cls == "Regulator"
    assert by_name["上海海事法院"].cls == "Regulator" and by_name["英国保赔协会"].cls == "Insurer"


def test_a_ministrys_bare_name_both_sides_use_is_taiwans_only_in_taiwan_news(pipeline):
    """教育部, 交通部, 劳动部, 环境部 in news of Taiwan are its ministries; 国教署, 立法院, 航港局 are its bodies. In
    mainland news, bare 教育部 stays the mainland's ministry."""
    taiwan = dict(entities(pipeline, "台灣學生團體保險由國泰人壽承保，富邦產險也參與。教育部表示，國教署已與立法院溝通；"
                                     "交通部航港局另發布公告。"))
    assert taiwan["教育部"].label == "台湾教育部" and taiwan["國教署"].label == "国民及学前教育署"
    assert taiwan["立法院"].label == "立法院" and taiwan["交通部航港局"].label == "交通部航港局"
    mainland = dict(entities(pipeline, "教育部与人保财险签约，推动校方责任保险。"))
    assert mainland["教育部"].label == "教育部"


def test_a_generic_word_for_growers_is_the_one_crops_growers_the_article_names(pipeline):
    """农户 after 桃农 is the peach growers, one group; with two crops' growers named (果农, 菜农) it stays its own."""
    one = entities(pipeline, "人保财险为当地桃农提供桃种植保险。农户只需交三成保费。")
    assert {e.label for s, e in one if s in ("桃农", "农户")} == {"桃农"}
    two = dict(entities(pipeline, "人保财险为果农和菜农提供保险。农户只需交三成保费。"))
    assert two["农户"].label not in ("果农", "菜农")


def test_growers_named_by_their_crop_without_help_are_the_generic_words_group(pipeline):
    """为种植户… with 胶农 written only where no word of help stands before it: the article's growers are the
    rubber tappers, named wherever written; with two crops' growers written (果农, 菜农) neither is added."""
    got = entities(pipeline, "人保财险白沙支公司为种植户提供天然橡胶价格保险。今年胶价下跌，胶农的收入有了保障。")
    assert {e.label for s, e in got if s in ("种植户", "胶农")} == {"胶农"}
    assert "胶农" in {s for s, _ in got}
    two = entities(pipeline, "人保财险为种植户提供保险。果农和菜农的收入有了保障。")
    assert {s for s, e in two if e.cls == "BeneficiaryGroup"} == {"种植户"}


def test_the_trade_unions_mutuals_are_insurers_with_their_local_offices(pipeline):
    got = dict(entities(pipeline, "西安市总工会把这项保障交由中国职工保险互助会西安办事处具体操办。"))
    assert got["中国职工保险互助会西安办事处"].cls == "Branch"
    mutual = pipeline.registry.lookup("中国职工保险互助会").entity
    assert got["中国职工保险互助会西安办事处"].parent == mutual.iri and mutual.cls == "Insurer"
    assert dict(entities(pipeline, "上海市职工保障互助会推出互助保障计划。"))["上海市职工保障互助会"].cls == "Insurer"


def test_a_taiwan_property_insurer_written_with_the_mainlands_word_for_its_line_is_that_insurer(pipeline):
    # 產物 is Taiwan's word, 产险 the mainland's: 旺旺友聯產險 is 旺旺友联产物
    assert dict(entities(pipeline, "罹难者可向旺旺友聯產險请领理赔。"))["旺旺友聯產險"].label == "旺旺友联产物"


def test_a_groups_branch_is_the_branch_of_the_one_insurer_of_the_group_the_article_names(pipeline):
    # the life insurer's work: its group's county branch is that insurer's
    text = "太保寿险湖北分公司组织员工看望山区学生。中国太保随州支公司也派人参加。"
    assert "太保寿险随州支公司" in {e.label for _, e in entities(pipeline, text)}
    # two of the group's insurers named: which one's branch it is goes unsaid, so it stays the group's
    text = "太保寿险和太保产险联合开展公益活动。中国太保随州支公司也派人参加。"
    assert "中国太保随州支公司" in {e.label for _, e in entities(pipeline, text)}


def test_a_short_name_given_as_what_the_text_writes_after_is_the_full_names(pipeline):
    # 后文简作 and 简写作 give a short name as 以下简称 does
    got = entities(pipeline, "深圳安盈科技发展有限公司（后文简作“安盈科技”）与人保财险签约。安盈科技负责运营。")
    assert {e.label for s, e in got if s == "安盈科技"} == {"深圳安盈科技发展有限公司"}


def test_a_programmes_own_part_after_its_brand_is_a_short_name_of_it(pipeline):
    # 泰康之家·申园 written again as 申园 is the same community; a word any programme uses is not
    got = entities(pipeline, "泰康之家·申园由泰康保险集团投资建设。申园采用持续照护模式，长者可以在社区里养老。")
    assert {e.label for s, e in got if s == "申园"} == {"泰康之家·申园"}
    got = entities(pipeline, "“平安·服务”由平安人寿推出。服务是公司的立身之本。")
    assert "服务" not in {s for s, _ in got}


@pytest.mark.parametrize("text, name, latin", [
    ("星展银行的银保伙伴是宏利金融（Manulife Financial），双方续约十五年。", "宏利金融", "Manulife Financial"),
    ("保诚人寿与保诚公益基金（Prudence Foundation）一同捐款。", "保诚公益基金", "Prudence Foundation"),
])
def test_a_name_in_latin_script_in_brackets_after_a_body_is_that_body(pipeline, text, name, latin):
    """宏利金融（Manulife Financial）: the bracketed name is the same body's in another language, not a
    second organisation (nor a partner of the first); a listed firm's code in brackets is no name."""
    got = dict(entities(pipeline, text))
    assert got[latin] == got[name]
    assert not any(p == "partnersWith" and {s, o} == {name, latin} for s, p, o in
                   {(f.subject.label, f.predicate, f.object.label) for f in related(pipeline, text)[0]})
    assert "SH688223" not in dict(entities(pipeline, "光伏组件龙头晶科能源（SH688223）获得太保产险承保。"))
