"""Rules: the recogniser's and relation extractor's patterns, read from ontology/patterns.toml."""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path

from .clauses import Punctuation, alternation, starts_ahead
from .data import ONTOLOGY_DIR
from .errors import IkgError
from .quantities import QuantityRules


# Where a relation rule looks for its subject (`subject_search`; patterns.toml's comment on [[relation]] says
# what each way reads): a name outside these would find nothing, so it is refused when the rules load.
SUBJECT_SEARCHES = ("before", "after", "clause", "clause_after", "clause_doer", "governed", "next", "clause_next",
                    "next_sentence", "host", "adjacent", "nearest", "topic", "lead", "previous", "previous_alone",
                    "offer", "offer_alone", "following")


@dataclass(frozen=True)
class RelationRule:
    """Fire ``predicate`` for an object of an allowed class whose context matches."""

    predicate: str
    subject: frozenset[str]
    object: frozenset[str]
    before: re.Pattern | None
    after: re.Pattern | None
    exclude_before: re.Pattern | None
    subject_search: tuple[str, ...]
    # The subject classes the rule states facts for: a subject of another class (a partner heading
    # the clause) still takes the object, so that no other organisation does, but states nothing.
    stated_for: frozenset[str] = frozenset()
    # A fallback: its fact stands only for an object that no other rule gives a subject of the
    # predicate anywhere in the article.
    unstated_only: bool = False


@dataclass(frozen=True)
class SuffixName:
    """Names of class ``cls`` that end with one of ``suffix``; the stem is found by walking back."""

    cls: str
    suffix: re.Pattern
    max_stem: int
    needs_branch: bool
    check_pos: bool
    not_after_quote: bool = False  # right after a quoted name it describes that name (“吉牛保”肉牛价格指数保险)
    ends_stem: re.Pattern | None = None  # a word (a verb) that bounds the stem as a boundary word does
    pos_inside: frozenset[str] = frozenset()  # with check_pos, tags a stem may hold but not start with
    over_insurers: bool = False  # the name holds an insurer's name and is still one name (太保蓝公益基金会)
    place_pos: frozenset[str] = frozenset()  # if set: the stem and the suffix's first character (中山市)
    # make one word of these jieba tags, a place name, not a common word (地级市, 全市)
    places: frozenset[str] = frozenset()  # places known by name, which jieba may split (增城|区, 电白|区)
    pos_inside_after_place: frozenset[str] = frozenset()  # more tags inside a stem a place opens (武汉|地产开发)
    restart_at_place: bool = False  # a stem that reads as a clause may start again at a place (送往|拉萨市人民医院)
    restart_after_verb: bool = False  # …or after the verb that opens the clause (接到|某某专业合作社的报案)
    pos_inside_after_name: frozenset[str] = frozenset()  # more tags inside a stem a brand opens (祥泰|种植)
    word_stem_pos: frozenset[str] = frozenset()  # if set: the stem is the one word before the suffix, of these tags
    stem_pos: frozenset[str] = frozenset()  # if set: every word of the stem but a place opening it has one of these
    # tags: a brand (永泰|能源, 江北|慈湖|牧业), not a common word (清洁|能源) nor a place alone (湖北|能源消费)
    ends_word: bool = False  # the suffix ends a word: a firm's trade, not the head of a longer word (能源|结构)
    brand_class: str | None = None  # the class of a name whose stem is only an insurer's or group's name: the
    # insurer's own named programme (某某保险希望小学), not one place's school (某村某某保险希望小学)
    levels_apart: frozenset[str] = frozenset()  # with place_pos, levels jieba may write apart from a place it
    # knows (马坊|镇): that place word and the level make the place too
    brand_alias_suffixes: frozenset[str] = frozenset()  # suffixes after which a list alias (a short name too
    # common as a word to be a registry alias) is also the insurer's name, for brand_class: a donor names them
    common_clause_stem: bool = False  # a stem of common words only, one of them of `clause_pos`, is a clause,
    # not a name (医疗光靠政府医保|基金会); common words alone may name one (质子重离子医院)
    named_stem: bool = False  # the stem holds a word of `name_start_pos` (祥泰|种植): common words alone name a kind
    # of body (种子生产|合作社), not one
    pos_after_noun: frozenset[str] = frozenset()  # more tags of a stem's word right after a noun (餐饮|烹饪: a trade)
    opens_with_place: bool = False  # the stem's first word is a place (中国|医师|协会): a body of a place, not
    # one a bare word names (该|协会, 行业|协会)
    kind_stem_pos: frozenset[str] = frozenset()  # a stem that is one word of these tags names a kind (传统|保险公司)

    @cached_property
    def longest_place(self) -> int:
        """The length of the longest of ``places``."""
        return max(map(len, self.places), default=0)


@dataclass(frozen=True)
class BeneficiaryRule:
    """Beneficiary groups found by how they are written (see [beneficiaries] in patterns.toml)."""

    trigger: re.Pattern
    head: re.Pattern
    bare_heads: frozenset[str]
    stem_chars: re.Pattern
    stop_tokens: frozenset[str]
    max_stem: int
    gap_words: re.Pattern  # words between the trigger and the name that count or place the group
    gap_pos: frozenset[str]  # and the part-of-speech tags that do so
    kind_places: frozenset[str]  # words tagged as places that say what kind of place: part of the name
    one_before: re.Pattern  # a count of one before a group word: one firm or person (一家…企业)
    person_after: re.Pattern  # a person's name after a group word: one person (市民施先生)
    office_after: re.Pattern  # an office's ending after a group word: the office (退役军人事务局)
    relative: str  # the word that ends a clause describing the group (为扩种速生叶菜的菜农)
    # words of being insured that open such a clause (投保X的农民): a trigger only with a 的 before the name
    describers: re.Pattern | None = None
    # what follows a group that can buy or join cover (带病体人群也可参保): the group needs no word before it
    can_join_after: re.Pattern | None = None
    # what follows a group's name inside a product's or programme's name that is then for the group
    # (残疾人|意外伤害保险): the offer targets the group
    named_for: re.Pattern | None = None
    # a word that makes the head right after it a group wherever it stands (受灾|农户)
    marked: re.Pattern | None = None
    # the tags of a person's name: a group word right before one names that person (种粮大户李某)
    person_pos: frozenset[str] = frozenset()
    # a count of kinds of people before a colon or dash (两类人：): the list after it names groups
    kinds_intro: re.Pattern | None = None
    # what follows a head inside a cover's name (家庭|财产保险): no group ends there
    property_after: re.Pattern | None = None
    # the list mark between modifiers that share a head (易贫、临贫农村人口), and the tags of such modifiers
    shared_head_mark: str | None = None
    modifier_pos: frozenset[str] = frozenset()
    # bare generic people words (市民, 客户): named, yet no offer or firm is related to them
    generic_people: frozenset[str] = frozenset()
    # a role someone takes on, before a group word written again (担任楼层志愿者): the person, no group
    role_before: re.Pattern | None = None
    # a word that points at or takes each of the group (这些, 每一位): the group's name follows it
    determiners: re.Pattern | None = None
    # a count of the group (10家, 3000户): the group's name follows it
    count_before: re.Pattern | None = None
    # a word that says each item of a list (都, 均) before the words that make them groups (都能投保)
    each_of_list: re.Pattern | None = None
    # what opens a clause naming members of the group the clause before helps (，包括…, ，特别是…)
    members_intro: re.Pattern | None = None
    # heads that each name the people of a place (群众, 村民): 受灾群众 and 受灾村民 are one group
    people_heads: frozenset[str] = frozenset()
    # the scheme a group is insured under, which the place before it names with it (汕头市|基本医疗保险参保人员)
    place_schemes: re.Pattern | None = None
    # an adverb the tokenizer glues to the word of help after it (已为, 还给): the word of help still opens the name
    glued_before: re.Pattern | None = None


@dataclass(frozen=True)
class ListedFirms:
    """Unknown items of a list of firms, partners too (see names.listed_firms in patterns.toml)."""

    run: re.Pattern  # a 、-list of short items, its last one ended by a mark or a list ender
    item: re.Pattern  # one item of it
    min_items: int
    min_chars: int
    classes: frozenset[str]  # the classes the list's known items may have (one a Partner at least)
    cut_pos: frozenset[str]  # tags of the clause's word a first item may carry, which it starts after
    openers: str  # marks after which a first item starts with nothing before it


@dataclass(frozen=True)
class TaggedNames:
    """Organisations a general news tagger finds and no rule did, typed by the suffix rule that ends
    them (see names.tagged in patterns.toml)."""

    tagger: Path  # the tagger's arrays (graph/news_tagger.py)
    kinds: frozenset[str]  # the tagger's kinds read (org, company)
    classes: frozenset[str]  # the classes a suffix rule may give such a name


@dataclass(frozen=True)
class Institutes:
    """A university's or government body's research body named whole after it (see names.institutes
    in patterns.toml)."""

    parent: re.Pattern  # how the university's or college's name ends
    rest: re.Pattern  # the body's name right after it, up to its ending
    not_inside: re.Pattern  # words of a clause that may not stand in it (共建, 成立)
    body_classes: frozenset[str] = frozenset()  # classes of bodies whose research units are bodies of that class


@dataclass(frozen=True)
class Rules:
    """Everything in patterns.toml, compiled."""

    branch: re.Pattern  # region + unit right after an insurer's name
    local_branch: re.Pattern  # place + 中心支公司/支公司/营业部 (after a name, or at a clause start)
    initial_branch: re.Pattern  # a region's one-character short form + 分 right after an insurer's name (北分)
    region_initials: dict[str, str]  # that character -> the region it stands for (北 -> 北京)
    local_unit_stopwords: frozenset[str]
    place_level_words: tuple[str, ...]  # 县, 市 …: a place written with or without one is one place (方城县, 方城)
    place_units: frozenset[str]  # 公司: a unit only after the insurer's name and a place (人保南京公司)
    office_units: frozenset[str]  # 服务部: a local unit only with a place before it (泰康人寿彝良服务部)
    zone_word: re.Pattern  # the word that ends a development zone's name (新区, 开发区, 片区)
    numbered_unit: re.Pattern  # a unit named by its number (一五二团, 第八师, 一一七七)
    partner_branch: re.Pattern  # region or place + 分行/支行 right after a partner's name
    bare_branch: re.Pattern  # region? + unit at a clause start
    unit_word: re.Pattern  # a unit written with no place of its own (泸州市人保财险|分公司)
    implied_place: re.Pattern  # 省/市 + a government body, its place left to context (省财政厅)
    implied_levels: dict[str, frozenset[str]]  # 省/市 → the regions it fits ("*": any but the others)
    implied_full_places: dict[str, str]  # 广西 → 广西壮族自治区: a place named by more than itself and its level
    implied_local_levels: frozenset[str]  # 县/区: the place is a county or district named before
    implied_industry_bodies: tuple[str, ...]  # the level's associations (市保险行业协会): IndustryBody, not Regulator
    implied_partner_bodies: tuple[str, ...]  # the level's charities (市慈善总会, 省青基会): Partner, not Regulator
    implied_prefixes: tuple[str, ...]  # written before the level of a committee (团省委): kept first in its name
    place_chain: re.Pattern  # places before a name (湖北省, 南宁市良庆区大塘镇): with and without, one body
    place_chain_classes: frozenset[str]  # the classes whose names that holds for
    legal_forms: frozenset[str]  # a firm's legal form (有限公司): with and without, one firm
    bare_firm_word: str  # the word a firm's short name may end with (恒信公司 of 山东恒信生物科技有限公司)
    firm_trade_length: int  # the most characters of trade a firm's short name leaves out before its legal form
    body_kind_length: int  # the most characters of a body's kind after the one word its short name leaves out
    cover_classes: frozenset[str]  # the classes a name with a word more inside is one of (小海豚专属意外保险)
    cover_shared_opening: int  # the fewest characters the two names share before that word
    cover_word_length: int  # the most characters of that word
    cover_word_not: re.Pattern  # words that make a cover of their own (附加: a rider)
    cover_endings: tuple[str, ...]  # endings written either way (保险, 险), longest first
    legal_form_classes: frozenset[str]  # the classes whose names that holds for
    implied_local_place: re.Pattern  # the county or district (group ``place``) in a body's name
    implied_city_place: re.Pattern  # a city the region list lacks, named before "the city's" body (福鼎市委)
    committee_government: re.Pattern  # a government after its committee, with no level (自治区党委、政府)
    purse_body: re.Pattern  # a government's purse named by its place (郧西县财政), group ``place``
    place_government: re.Pattern  # a place's government (郧西县政府, 魏县县政府), group ``place``
    place_treasury: re.Pattern  # a place's finance department (福建省财政厅), group ``place``
    region_names: frozenset[str]  # the regions a branch or a body is named after (上海, 东营)
    nation_words: frozenset[str]  # words that name the nation as a body's place (中华|医学会, 全国|妇联)
    region_prefix: re.Pattern  # a region at the start of a name (山东保监局)
    region_before: re.Pattern  # a region that ends where an insurer's name starts (厦门|人保财险)
    higher_place: re.Pattern  # a province or city written before a branch's own place (四川|广元, 日照市|莒县)
    region_before_reach: int  # how far back (characters) that region may start
    county_before: re.Pattern  # a county of the list, level written, that ends there (黄岩区|太保产险)
    legal_name_endings: tuple[str, ...]  # how an insurer's full legal name ends (…保险公司): no region before it names a branch
    suffix_names: tuple[SuffixName, ...]
    pattern_names: tuple[tuple[str, re.Pattern], ...]  # (class, pattern)
    elided_list: re.Pattern  # short names before the kind of firm they share (中信、招商…五家股份制银行)
    kind_first_list: re.Pattern  # …and after it (股份制银行里也有中信、招商…这几家)
    shared_kinds: dict[str, tuple[str, ...]]  # that kind -> the endings that make each a registry name
    canonical_names: tuple[tuple[str, re.Pattern, str], ...]  # (class, pattern, label template)
    name_boundary_tokens: frozenset[str]
    joiner_in_name_after: re.Pattern | None  # a word after which a joiner starts a name (卖给|和锐医科)
    stem_stopwords: frozenset[str]
    kind_heads: tuple[str, ...]  # words that open a kind of body, never a partner's name (农村|公办小学)
    name_bracket: re.Pattern  # a bracketed word inside a name (（武汉）)
    unbalanced_bracket: re.Pattern  # a bracket a name starts with, or closes or opens alone: a cut, no name
    name_count: re.Pattern  # a count of bodies (一家, 一所): what follows it is of a kind, no name
    reject_pos: frozenset[str]
    position_pos: frozenset[str]  # tags of a position word, part of a name only as a brand's head (中|泰证券) or after a place
    name_pos: str  # the tag of a word jieba's dictionary holds as an organisation's whole name
    name_place_pos: frozenset[str]  # tags of a word that opens a name as its place (武汉, 湖北省)
    alias_split_words: tuple[str, ...]  # words a registry name's last character may start (农业农村部|门)
    market_after: re.Pattern  # after an insurer's name, a market's line of business (台湾人寿|保险市场)
    alias_joined_words: tuple[str, ...]  # words a short registry name's first character may end (没|人保)
    outlet_after: re.Pattern  # after a name, makes it a newspaper's or website's (中国银行|保险报, 某县人民政府|网)
    post_after: re.Pattern  # after a committee's name, makes it a person's post (县委|副书记)
    alias_continued: re.Pattern  # after an insurer's name, makes it part of another firm's (泰康|拜博口腔医院)
    market_listing: re.Pattern | None  # a market's place and a listing word (香港上市): no name ends inside it
    clause_verb_pos: frozenset[str]  # tags of a word that ends the clause before a name (交到|, 同意|)
    name_start_pos: frozenset[str]  # tags of a word that may open a stem after such a word (祥泰, 上海)
    clause_pos: frozenset[str]  # tags that make a stem of common words a clause (光靠, 明确要求)
    brand_pos: frozenset[str]  # tags of a first word that lets a rule's `pos_inside_after_name` in (祥泰, not 方忠宽)
    noun_pos: frozenset[str]  # tags of a word after which a rule's `pos_after_noun` lets a verb stand (餐饮|烹饪)
    region_suffix: re.Pattern
    line_reference_prefixes: tuple[str, ...]
    anaphor: re.Pattern
    group_anaphors: frozenset[str]  # 集团: the group of the insurer named last
    subject_anaphors: frozenset[str]  # those that refer back to what their sentence is about (它)
    latter_anaphors: frozenset[str]  # those that refer back to the organisation named last (后者), anywhere
    body_anaphor: re.Pattern  # an association written bare (协会, 行业协会), standing alone
    body_anaphors: frozenset[str]  # those words themselves, which the linker resolves
    plural_anaphor: re.Pattern  # 双方, 两家, 它们 … at a clause start; a list word after a joiner (与它们) too
    pair_anaphors: frozenset[str]  # those that refer back to the two organisations named last
    list_anaphors: frozenset[str]  # those that refer back to the list of organisations named last
    list_anaphor_gap: int  # the most characters between two items of that list
    counted_anaphor: re.Pattern  # 三家险企, 4家保险公司: a list of that many insurers (`count`), before it or after it
    product_anaphor: re.Pattern
    product_pair_anaphor: re.Pattern  # 这两项保险: the two products or programmes named last
    line_number: re.Pattern  # a service line's number (95519, 400-888-7555)
    line_name: re.Pattern  # the end of a service line's name (客服热线), which its number may follow
    line_number_gap: int  # characters at most between a line's name and its number
    product_tail_anaphor: re.Pattern  # 这项巨灾保险: the product named before whose name ends with the words (`tail`)
    clause_start: re.Pattern
    branch_reference_openers: tuple[str, ...]  # 在, 与, ——: open a bare branch reference as a clause start does
    reference_window: int
    local_market_insurers: int  # insurers of one market an article names to be news of it (ik:localName)
    stake_words: re.Pattern | None  # words of an article about stakes: a group's bare name is its listed insurer
    group_written: str  # a word that writes a group's name as the group's (国寿集团)
    market_places: dict[str, tuple[str, ...]]  # a market's place words: as many of them make news of it too
    quote: re.Pattern
    product_inside: re.Pattern
    cover_inside: re.Pattern  # endings that make a quoted name cover whatever follows it (…险)
    product_after: re.Pattern
    cover_after_quote: re.Pattern  # after a quoted brand, a kind of cover up to its 保险/险 (…商业补充健康保险)
    product_before: re.Pattern
    initiative_inside: re.Pattern
    initiative_after: re.Pattern
    initiative_head: re.Pattern  # after a quoted programme's name, the words that end its whole name
    initiative_before: re.Pattern  # a verb of launching or taking part right before a quoted programme
    channel_after: re.Pattern  # after a quoted name of cover, words that make it a programme or channel
    initiative_before_exclude: re.Pattern  # …unless the quoted words or those after them read as no name
    product_head: re.Pattern  # after a quoted descriptor, the kind of cover that makes it a name
    cover_short_forms: tuple[tuple[str, str], ...]  # (short, full) endings of one cover's name (…险, …保险)
    unquoted_product: re.Pattern
    quote_exclude: re.Pattern  # quoted slogans and documents, not names (see no_name_shape)
    quote_exclude_before: re.Pattern  # quoted names after these are events or slogans (台风“杜苏芮”)
    quote_exclude_after: re.Pattern  # and before these (“贝碧嘉”过境, “杜苏芮”台风指数保险)
    numbered_name: re.Pattern  # a numbered policy (两个确保, 三农): no name…
    numbered_campaign_after: re.Pattern  # …but before these, a campaign's (“五进入”活动)
    unquoted_product_exclude: re.Pattern
    unquoted_initiative: re.Pattern  # a programme's name after a verb of launching, without quotes
    unquoted_initiative_exclude: re.Pattern
    investment_plan: re.Pattern  # an unquoted programme's name that is an asset manager's plan, a Product
    programme_generic_words: frozenset[str]  # words any programme's name may use: none of its own
    named_again_min_length: int  # a product or programme name this long is a mention wherever the article writes it
    named_again_quoted_min_length: int  # the same for a name the article quotes somewhere
    named_again_body_min_length: int  # the same for a body (Partner, Regulator, IndustryBody) a pattern found
    named_tail_separator: str  # a name's brand and its own part (泰康之家·沈园): the part alone names it again
    line_of_business_words: frozenset[str]  # words of a kind of cover: a name of only these is a line, no product
    relations: tuple[RelationRule, ...]
    clause_separators: re.Pattern
    subject_blockers: re.Pattern
    figure_blockers: re.Pattern  # and, for the owner of a figure only, these too
    source_blockers: re.Pattern  # and, for a relation's subject only, these
    described_subject: re.Pattern  # a clause's start before a name that it describes (作为…的X): no blocker
    owner_before_owned: re.Pattern  # between an owner and the firm it owns (X旗下的Y): Y heads the clause
    structure: tuple[tuple[bool, re.Pattern, re.Pattern | None], ...]  # (owner first?, between, after)
    structure_owner: frozenset[str]
    structure_predicate: dict[str, str]  # the owned entity's class -> the fact's predicate
    structure_predicate_by_owner: dict[str, dict[str, str]]  # an owner's class -> its own such map, over the one above
    co_subject: re.Pattern
    co_subject_after: re.Pattern
    co_subject_verb: re.Pattern  # a partner's or body's verb of joining an insurer, which shares its role
    adjacent_gap: re.Pattern  # between an owner and what it offers (泰康人寿的“幸福有约”)
    industry_doer: re.Pattern  # the industry acting (保险业为…): no topic is the subject
    joined_programme: re.Pattern | None  # an organisation taking part in a programme (X参与…某共保体): the clauses after are X's
    outsider_view: re.Pattern | None  # an outsider's comment (在业内人士看来): the model relates nothing after it
    # a cover named without a name of its own (工伤保险): offer_alone's object is not the last offer's
    other_cover: re.Pattern
    elided_offer: re.Pattern  # after insurers whose offer goes unsaid (由中华财险承保。)
    underwriter_before: re.Pattern | None  # before an insurer named as the underwriter of what goes unsaid (承保方是X)
    underwriter_role: re.Pattern | None  # the clause before an insurer's own naming it the underwriter (作为承保方，X)
    host_before: re.Pattern | None  # before an insurer named as the host of credited work (主办方是X)
    host_after: re.Pattern | None  # after it (由X主办)
    coinsurers_before: re.Pattern | None  # the sentence before a list it names a product's co-insurers (共保体由…组成：)
    coinsurers_after: re.Pattern | None  # after such a list (A、B这5家共同保险人组成共保体)
    signed_offer: re.Pattern | None  # after insurers: they sign the contract of a product (与X签下2016年度Y保险合同)
    pair_joiner: re.Pattern  # between two organisations of a list that act together (太保产险和饿了么)
    together_list_max: int  # the longest list that acts together on `pair_after` alone, uncounted
    # industry bodies of the insurance market itself, which convene or guide insurers and are no partners of theirs
    insurance_bodies: re.Pattern | None
    continued_paragraph: re.Pattern  # 一是…, （二）…: a paragraph that goes on with the one before's organisation
    pair_after: re.Pattern  # after them: what they do together (共同发布, 签署合作协议)
    parties: re.Pattern  # after a longer list, the count that makes it parties, not a roll call (三方)
    pair_before: re.Pattern | None  # before a list, words that name its members parties to one act (主办方是)
    joined_before: re.Pattern | None  # before a list, the 与 that joins it to its clause's subject (A与B、C合作)
    quantities: QuantityRules
    as_of_markers: re.Pattern
    same_day: re.Pattern  # 当天, 当晚 …: the date written last before
    punctuation: Punctuation
    list_joiner: re.Pattern  # the gap between two mentions of one list: 、 和 及 …
    list_closer: re.Pattern  # the gap before the last item of a list of three or more only: 与
    list_joiners: frozenset[str]
    bare_unit: str  # a unit word that alone means "the branch just named"
    unit_full_forms: dict[str, str]  # a unit's short form -> its full form (中支 -> 中心支公司)
    group_units: frozenset[str]  # units a group keeps when its branches are its insurer's (区域工协)
    list_aliases: dict[str, str]  # 平安 -> 中国平安, only as a list's item
    insurer_list_aliases: dict[str, str]  # 平安健康 -> 平安健康险, only as an item of a list of insurers
    list_enders: tuple[str, ...]  # 等: ends a list after its last item
    list_alias_joiner: str  # the mark between a list's items, beside which a list alias names its firm
    list_alias_goes_on_pos: frozenset[str]  # tags (or their first letter) of a word that goes on the name
    short_name: re.Pattern  # （以下简称“X”） right after a name: X, in group `short`
    bare_short_name: re.Pattern  # （X） right after a name, X its short name if made of its characters
    foreign_name: re.Pattern  # （Manulife Financial） right after a name: its name in Latin script
    full_name: re.Pattern  # ，全称是“Y” right after a name: Y, the mention that starts where it ends, is its full name
    beneficiaries: BeneficiaryRule
    # a generic word for a group (农户) → the one more specific group of the article it means (桃农, 芒果种植户)
    generic_groups: dict[str, re.Pattern]
    # a table's header cell that names a column of shareholders or stakes (股东 | 持股比例): the firms in
    # that column of each row are partners of the row's insurer, else of the article's
    holder_columns: re.Pattern | None = None
    listed_firms: ListedFirms | None = None
    institutes: Institutes | None = None
    tagged: TaggedNames | None = None

    @property
    def local_places(self) -> frozenset[str]:
        """The county-level places (零陵区, 魏县) of ontology/places/counties.txt, the list a suffix rule
        names (`places`): a place no region list has, which jieba may split, and one that heads a
        clause is a local government acting, as a region is."""
        return next((rule.places for rule in self.suffix_names if rule.places), frozenset())

    @property
    def local_place_reach(self) -> int:
        """The length of the longest of :attr:`local_places`."""
        return next((rule.longest_place for rule in self.suffix_names if rule.places), 0)

    def no_name_shape(self, name: str, after: str = "") -> bool:
        """Whether ``name`` has a shape no product or programme has (a slogan, a document, a numbered
        policy such as 两个确保), ``after`` being the words that follow it (“五进入”活动 names a campaign)."""
        numbered = bool(self.numbered_name.search(name)) and not self.numbered_campaign_after.match(after)
        return numbered or bool(self.quote_exclude.search(name))

    def fits_level(self, region: str, level: str) -> bool:
        """Whether ``region`` (山东, 东营) is a place of the implied ``level`` (省, 市): one the level lists,
        or, where it lists "*", one no other level lists."""
        fits = self.implied_levels[level]
        return region in fits or ("*" in fits and all(region not in r for lv, r in self.implied_levels.items() if lv != level))

    def implied_prefix(self, surface: str) -> str:
        """What a body named without its place writes before its level (团 of 团省委), or ""."""
        return next((p for p in self.implied_prefixes if surface.startswith(p)), "")
    # a list of covers a count of products introduces (四款产品——A、B和C; 产品包括A、B): its items (group
    # `items`), and the shape each item has to be a cover's name
    product_list: re.Pattern | None = None
    product_list_item: re.Pattern | None = None
    product_list_joiners: tuple[str, ...] = ()  # between its items, longest first
    # a quoted name that a word of naming introduces (名为“X”的公益活动, 讲座名叫“X”): its class by the kind
    # named after it or before the word (groups `initiative`, `product`)
    named_before: re.Pattern | None = None
    named_kind_after: re.Pattern | None = None
    named_kind_before: re.Pattern | None = None
    # the words that give a thing a nickname or a term (被称作“保险的保险”): no product's name follows them
    term_before: re.Pattern | None = None
    # a quoted sentence of two phrases (“保障随行 有惊无险”): a slogan, no product's name whatever its last word
    slogan: re.Pattern | None = None
    # a quoted title of two phrases joined by a middle dot (“守护记忆·万千百十”): a programme's, when nothing else tells
    programme_title: re.Pattern | None = None
    # a quoted contract or agreement of a cover (《某某意外保险合同》): the cover it is of, group `cover`
    contract_cover: re.Pattern | None = None


class Table:
    """A table of a knowledge file (patterns.toml, learned.toml, relations.toml) that names the file and
    the key in every complaint."""

    def __init__(self, data: dict, path: Path, where: str = ""):
        self.data, self.path, self.where = data, path, where

    def _key(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def _fail(self, key: str, problem: str) -> IkgError:
        return IkgError(f"{self.path}: [{self._key(key)}]: {problem}")

    def get(self, key: str, kind: type | tuple[type, ...] = object, default=...):
        """The value at ``key``, checked to be of ``kind``; ``default`` when missing, if given."""
        if key not in self.data:
            if default is ...:
                raise self._fail(key, "missing")
            return default
        value = self.data[key]
        if not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self._fail(key, f"should be {names}, not {type(value).__name__}")
        return value

    def table(self, key: str) -> "Table":
        return Table(self.get(key, dict), self.path, self._key(key))

    def tables(self, key: str) -> list["Table"]:
        items = self.get(key, list)
        if not all(isinstance(i, dict) for i in items):
            raise self._fail(key, "should be an array of tables ([[...]])")
        return [Table(i, self.path, f"{self._key(key)}[{n}]") for n, i in enumerate(items)]

    def words(self, key: str, default=...) -> list[str]:
        """The list of strings at ``key``; ``default`` when missing, if given."""
        items = self.get(key, list, default)
        if not all(isinstance(i, str) for i in items):
            raise self._fail(key, "should be a list of strings")
        return items

    def choices(self, key: str, allowed: Iterable[str], default=...) -> list[str]:
        """The list of strings at ``key``, each one of ``allowed``; ``default`` when missing, if given."""
        items, allowed = self.words(key, default), tuple(allowed)
        unknown = next((i for i in items if i not in allowed), None)
        if unknown is not None:
            raise self._fail(key, f"unknown value {unknown!r}; choose from {', '.join(allowed)}")
        return items

    def regex(self, key: str, pattern: str | None = None, optional: bool = False) -> re.Pattern | None:
        """Compile ``pattern`` (default: the string at ``key``); a bad one names its key."""
        if pattern is None:
            pattern = self.get(key, str, None if optional else ...)
            if pattern is None:
                return None
        try:
            return re.compile(pattern)
        except re.error as exc:
            raise self._fail(key, f"bad regular expression: {exc}") from None


def _short_departments(t: Table) -> tuple[tuple[str, re.Pattern, str], ...]:
    """Canonical-name rules for departments written in full or short after their place
    (阳江市残疾人联合会 = 阳江市残联): one rule per short form, known by the place and the short form."""
    cls, place, forms = t.get("class", str), t.get("place", str), t.table("forms")
    return tuple((cls, forms.regex(short, f"^(?P<place>{place})(?:{'|'.join(map(re.escape, forms.words(short)))})$"),
                  f"{{place}}{short}") for short in forms.data)


def _expand(pattern: str, placeholders: dict[str, str]) -> str:
    """``pattern`` with each ``{name}`` of ``placeholders`` replaced by its alternation (other
    braces, such as the counts of ``[\\u4e00-\\u9fff]{2,3}``, stay as they are)."""
    for name, value in placeholders.items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern


def _suffix(t: "Table", placeholders: dict[str, str]) -> re.Pattern:
    """A suffix rule's suffix: a list of words, or a pattern over the lists (`suffix_pattern`),
    not followed by what `not_before` matches (银行业 is an industry, not a bank) nor preceded by the
    character `not_after` names (保险集团 is an insurance group, no partner)."""
    if "suffix_pattern" in t.data:
        return t.regex("suffix_pattern", _expand(t.get("suffix_pattern", str), placeholders))
    after = f"(?!{t.get('not_before', str)})" if "not_before" in t.data else ""
    before = f"(?<!{re.escape(t.get('not_after', str))})" if "not_after" in t.data else ""
    return t.regex("suffixes", f"{before}(?:{alternation(t.words('suffixes'))}){after}")


def _places(t: Table, folder: Path) -> frozenset[str]:
    """The place names of the file a rule's `places` names (one per line, # comments), relative to
    the ontology folder."""
    if "places" not in t.data:
        return frozenset()
    path = folder / t.get("places", str)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise t._fail("places", f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def load_rules(path: Path | None = None) -> Rules:
    """Read and compile the rules file (default: the project's ontology/patterns.toml); a mistake
    in it is one :class:`IkgError` naming the file, the key and the problem."""
    path = path or ONTOLOGY_DIR / "patterns.toml"
    try:
        root = Table(tomllib.loads(path.read_text(encoding="utf-8")), path)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise IkgError(f"{path}: {exc}") from None
    names, products, structure = root.table("names"), root.table("products"), root.table("structure")
    relations_table, marks = root.table("relations"), root.table("punctuation")
    punctuation = Punctuation(*(marks.get(f.name, str) for f in fields(Punctuation)))
    regions = alternation(names.words("regions"))
    region_suffix = alternation(names.words("region_suffixes"))
    units = alternation(names.words("branch_units"))
    sub_units = alternation(names.words("sub_units"))
    place_units = alternation(names.words("place_units"))
    gap = names.get("unit_gap", str)
    region_gap = names.get("region_unit_gap", str)
    clause_start = names.get("clause_start", str)
    # where an anaphor may stand: at a clause's start, or after a word that opens a clause (而该公司)
    at_clause_start = (f"(?:(?<={clause_start})|^|(?<={clause_start}(?:{alternation(names.words('clause_openers'))})))")
    plural = names.words("pair_anaphors") + names.words("list_anaphors")
    list_joined_behind = "|".join(f"(?<={re.escape(j)})" for j in names.words("list_anaphor_joiners"))
    placeholders = {"regions": regions, "region_suffix": region_suffix,
                    "word_regions": alternation(names.words("word_regions")),
                    "government_bodies": alternation(names.words("government_bodies")),
                    "leading_group_remits": alternation(names.words("leading_group_remits")),
                    "committee_departments": alternation(names.words("committee_departments")),
                    "futures_commodities": alternation(names.words("futures_commodities"))}
    # the county list of the suffix rule that names one: a branch may be named by a long county
    # (正镶白旗支公司) that the local unit name's short run of characters does not reach
    rule_places = [_places(t, path.parent) for t in names.tables("suffix_name")]
    placeholders["local_places"] = alternation(next((places for places in rule_places if places), ()))
    zone_words = alternation(names.words("zone_words"))
    placeholders["zones"] = _expand(names.get("zones", str), {"zone_words": zone_words})
    placeholders["numbered_units"] = names.get("numbered_units", str)
    local_name = _expand(names.get("local_unit_name", str), placeholders)
    bare_unit = names.get("bare_unit", str)
    pairs = products.words("quote_pairs")
    shortest, n = products.get("min_length", int), products.get("max_length", int)
    quote = "|".join(f"{re.escape(p[0])}([^{re.escape(p)}{re.escape(punctuation.sentence_end)}\\n]{{{shortest},{n}}})"
                     f"{re.escape(p[-1])}" for p in pairs)
    joiners = relations_table.words("list_joiners")
    quotes = re.escape(punctuation.opening + punctuation.closing)
    relations = tuple(
        RelationRule(
            predicate=r.get("predicate", str),
            subject=frozenset(r.words("subject")),
            object=frozenset(r.words("object")),
            before=r.regex("before", optional=True),
            after=r.regex("after", optional=True),
            exclude_before=r.regex("exclude_before", optional=True),
            subject_search=tuple(r.choices("subject_search", SUBJECT_SEARCHES, ["before", "topic"])),
            stated_for=frozenset(r.words("stated_for", r.words("subject"))),
            unstated_only=r.get("unstated_only", bool, False),
        )
        for r in root.tables("relation")
    )
    boundaries = names.table("boundaries")
    joined_behind = "|".join(f"(?<={re.escape(j)})" for j in joiners)
    branch_openers = tuple(names.words("branch_reference_openers", []))
    opened_behind = "".join(f"|(?<={re.escape(o)})" for o in branch_openers)
    boundary_behind = "|".join(f"(?<={re.escape(t)})" for t in boundaries.words("name_boundary_tokens"))
    implied = names.table("implied_place")
    levels = implied.table("levels")
    implied_levels = {level: frozenset(levels.words(level)) for level in levels.data}
    implied_local_levels = frozenset(implied.words("local_levels"))
    committee_prefixes = implied.words("committee_prefixes")
    figures = root.table("figures")
    try:
        quantities = QuantityRules.from_table(figures.data, punctuation)
    except (KeyError, TypeError, ValueError, ArithmeticError, re.error) as exc:
        raise IkgError(f"{path}: [figures]: {type(exc).__name__}: {exc}") from None
    groups = root.table("beneficiaries")
    heads = groups.words("heads") + groups.words("bare_heads")
    beneficiaries = BeneficiaryRule(groups.regex("triggers"), groups.regex("heads", alternation(heads)),
                                    frozenset(groups.words("bare_heads")), groups.regex("stem_chars"),
                                    frozenset(groups.words("stop_tokens")), groups.get("max_stem", int),
                                    groups.regex("gap_words"), frozenset(groups.words("gap_pos")),
                                    frozenset(groups.words("kind_places")),
                                    groups.regex("one_before"), groups.regex("person_after"),
                                    groups.regex("office_after"), groups.get("relative", str),
                                    groups.regex("describers", optional=True),
                                    groups.regex("can_join_after", optional=True),
                                    groups.regex("named_for", optional=True),
                                    groups.regex("marked", optional=True),
                                    frozenset(groups.words("person_pos", [])),
                                    groups.regex("kinds_intro", optional=True),
                                    groups.regex("property_after", optional=True),
                                    groups.get("shared_head_mark", str, None), frozenset(groups.words("modifier_pos", [])),
                                    frozenset(groups.words("generic_people", [])),
                                    groups.regex("role_before", optional=True),
                                    groups.regex("determiners", optional=True),
                                    groups.regex("count_before", optional=True),
                                    groups.regex("each_of_list", optional=True),
                                    groups.regex("members_intro", optional=True),
                                    frozenset(groups.words("people_heads", [])),
                                    groups.regex("place_schemes", optional=True),
                                    groups.regex("glued_before", optional=True))
    return Rules(
        branch=names.regex("regions", f"{region_gap}(?P<region>{regions})(?:{region_suffix})?"
                                      f"(?P<unit>(?:{units})(?:{sub_units})?|{place_units})"),
        local_branch=names.regex("local_unit_name", f"{gap}(?P<region>{local_name})"
                                 f"(?P<unit>(?:{alternation(names.words('local_units') + names.words('office_units'))})"
                                 f"(?:{sub_units})?"
                                 f"|(?<={names.get('place_unit_levels', str)}){place_units})"),
        initial_branch=names.regex("initial_unit", f"(?P<region>{alternation(names.get('region_initials', dict))})"
                                   f"(?P<unit>{re.escape(names.get('initial_unit', str))})"
                                   f"(?![{names.get('initial_unit_not_before', str)}])"),
        region_initials=dict(names.get("region_initials", dict)),
        place_units=frozenset(names.words("place_units")),
        office_units=frozenset(names.words("office_units")),
        partner_branch=names.regex("partner_units", f"{gap}(?P<region>{regions}|{local_name})(?:{region_suffix})?"
                                   f"(?P<unit>{alternation(names.words('partner_units'))})"),
        local_unit_stopwords=frozenset(names.words("local_unit_stopwords")),
        place_level_words=tuple(names.words("place_level_words")),
        zone_word=names.regex("zone_words", zone_words),
        numbered_unit=names.regex("numbered_units"),
        unit_word=re.compile(f"(?P<unit>(?:{units})(?:{sub_units})?)"),
        # at a clause start, or a later item of a list (深圳电销中心和广东电销中心)
        bare_branch=names.regex("clause_start", f"(?:(?<={clause_start})|{joined_behind}{opened_behind}|^)(?P<region>{regions})?"
                                f"(?:{region_suffix})?(?P<unit>{re.escape(bare_unit)}|{units})"),
        implied_place=implied.regex(  # the level first: rarer than a clause start
            "levels", f"{starts_ahead([*implied_levels, *implied_local_levels, *committee_prefixes])}(?:^|(?<={clause_start})|{boundary_behind}"
                      f"{''.join(f'|(?<={re.escape(c)})' for c in implied.words('after_committees', []))}"
                      f"{''.join(f'|(?<={re.escape(v)})' for v in implied.words('after_verbs', []))})"
                      f"(?:(?:{alternation([*implied_levels, *implied_local_levels])})"
                      f"(?:{placeholders['government_bodies']}|{alternation(implied.words('bodies'))}|{implied.get('short_body', str)}"
                      f"|{_expand(implied.get('committee', str), placeholders)}"
                      f"|{alternation([*implied.words('industry_bodies'), *implied.words('partner_bodies')])})"
                      f"|(?:{alternation(committee_prefixes)})"
                      f"(?:{alternation([*implied_levels, *implied_local_levels])})"
                      f"(?:{alternation(implied.words('prefixed_bodies'))}))"),
        implied_levels=implied_levels,
        implied_full_places={str(k): str(v) for k, v in implied.get("full_places", dict, {}).items()},
        implied_local_levels=implied_local_levels,
        implied_industry_bodies=tuple(implied.words("industry_bodies")),
        implied_partner_bodies=tuple(implied.words("partner_bodies")),
        implied_prefixes=tuple(committee_prefixes),
        place_chain=names.regex("place_chain", _expand(names.get("place_chain", str), placeholders)),
        place_chain_classes=frozenset(names.words("place_chain_classes")),
        legal_forms=frozenset(names.words("legal_forms")),
        bare_firm_word=names.get("bare_firm_word", str),
        firm_trade_length=names.get("firm_trade_length", int),
        body_kind_length=names.get("body_kind_length", int),
        cover_classes=frozenset(names.words("cover_classes")),
        cover_shared_opening=names.get("cover_shared_opening", int),
        cover_word_length=names.get("cover_word_length", int),
        cover_word_not=names.regex("cover_word_not"),
        cover_endings=tuple(sorted(names.words("cover_endings"), key=len, reverse=True)),
        legal_form_classes=frozenset(names.words("legal_form_classes")),
        implied_local_place=implied.regex(
            "local_place", _expand(implied.get("local_place", str), placeholders)),
        implied_city_place=implied.regex("city_place"),
        committee_government=implied.regex(
            "committee_government", _expand(implied.get("committee_government", str), placeholders)),
        purse_body=implied.regex("purse_body"),
        place_government=implied.regex("place_government"),
        place_treasury=implied.regex("place_treasury"),
        region_names=frozenset(names.words("regions")),
        nation_words=frozenset(names.words("nation_words")),
        region_prefix=names.regex("regions", f"^(?:{regions})"),
        region_before=names.regex("regions", f"(?P<region>{regions})(?:{region_suffix})?$"),
        higher_place=names.regex("word_regions", f"(?:{regions}|{placeholders['word_regions']})(?:{region_suffix})?"),
        region_before_reach=max(map(len, names.words("regions"))) + max(map(len, names.words("region_suffixes"))),
        county_before=re.compile(f"(?P<region>{placeholders['local_places']})$"),
        legal_name_endings=tuple(names.words("legal_name_endings")),
        suffix_names=tuple(
            SuffixName(t.get("class", str), _suffix(t, placeholders), t.get("max_stem", int),
                       t.get("needs_branch", bool, False), t.get("check_pos", bool, False),
                       t.get("not_after_quote", bool, False),
                       t.regex("ends_stem", optional=True), frozenset(t.words("pos_inside", [])),
                       t.get("over_insurers", bool, False),
                       frozenset(t.words("place_pos", [])), places,
                       frozenset(t.words("pos_inside_after_place", [])), t.get("restart_at_place", bool, False),
                       t.get("restart_after_verb", bool, False), frozenset(t.words("pos_inside_after_name", [])),
                       frozenset(t.words("word_stem_pos", [])), frozenset(t.words("stem_pos", [])),
                       t.get("ends_word", bool, False), t.get("brand_class", str, None),
                       frozenset(t.words("levels_apart", [])), frozenset(t.words("brand_alias_suffixes", [])),
                       t.get("common_clause_stem", bool, False), t.get("named_stem", bool, False),
                       pos_after_noun=frozenset(t.words("pos_after_noun", [])),
                       opens_with_place=t.get("opens_with_place", bool, False),
                       kind_stem_pos=frozenset(t.words("kind_stem_pos", [])))
            for t, places in zip(names.tables("suffix_name"), rule_places)),
        elided_list=names.regex("elided_list"),
        kind_first_list=names.regex("kind_first_list"),
        shared_kinds={kind: tuple(endings) for kind, endings in names.get("shared_kinds", dict).items()},
        pattern_names=tuple(
            (t.get("class", str), t.regex("pattern", _expand(t.get("pattern", str), placeholders)))
            for t in names.tables("pattern_name")),
        canonical_names=tuple(
            (t.get("class", str), t.regex("pattern", _expand(t.get("pattern", str), placeholders)), t.get("label", str))
            for t in names.tables("canonical_name")) + _short_departments(names.table("short_departments")),
        name_boundary_tokens=frozenset(boundaries.words("name_boundary_tokens")),
        joiner_in_name_after=boundaries.regex("joiner_in_name_after", optional=True),
        stem_stopwords=frozenset(boundaries.words("stem_stopwords")),
        kind_heads=tuple(boundaries.words("kind_heads")),
        name_bracket=boundaries.regex("name_bracket"),
        unbalanced_bracket=boundaries.regex("unbalanced_bracket"),
        name_count=boundaries.regex("name_count"),
        reject_pos=frozenset(boundaries.words("reject_pos")),
        position_pos=frozenset(boundaries.words("position_pos")),
        name_pos=boundaries.get("name_pos", str),
        name_place_pos=frozenset(boundaries.words("name_place_pos")),
        alias_split_words=tuple(boundaries.words("alias_split_words")),
        market_after=boundaries.regex("market_after"),
        alias_joined_words=tuple(boundaries.words("alias_joined_words", [])),
        outlet_after=boundaries.regex("outlet_after"),
        post_after=boundaries.regex("post_after"),
        alias_continued=boundaries.regex("alias_continued"),
        market_listing=boundaries.regex("market_listing", optional=True),
        clause_verb_pos=frozenset(boundaries.words("clause_verb_pos")),
        name_start_pos=frozenset(boundaries.words("name_start_pos")),
        clause_pos=frozenset(boundaries.words("clause_pos")),
        brand_pos=frozenset(boundaries.words("brand_pos")),
        noun_pos=frozenset(boundaries.words("noun_pos")),
        region_suffix=names.regex("region_suffixes", f"(?:{region_suffix})$"),
        line_reference_prefixes=tuple(names.words("line_reference_prefixes")),
        anaphor=names.regex("anaphors", f"{at_clause_start}(?:{alternation(names.words('anaphors') + names.words('subject_anaphors'))})"
                                        f"|{alternation(names.words('latter_anaphors'))}"
                                        # a group's own word only where it heads its clause, not after a preposition
                                        f"|(?:(?<={clause_start})|^)(?:{alternation(names.words('group_anaphors'))})"
                                        f"(?!{names.get('group_anaphor_not_before', str)})"),
        subject_anaphors=frozenset(names.words("subject_anaphors")),
        group_anaphors=frozenset(names.words("group_anaphors")),
        latter_anaphors=frozenset(names.words("latter_anaphors")),
        body_anaphor=names.regex("body_anaphors", "(?:(?<![\\u4e00-\\u9fff])"
                                 + "".join(f"|(?<={re.escape(w)})" for w in names.words("body_anaphor_after"))
                                 + f")(?:{alternation(names.words('body_anaphors'))})"),
        body_anaphors=frozenset(names.words("body_anaphors")),
        plural_anaphor=names.regex("pair_anaphors", f"{at_clause_start}(?:{alternation(plural)})|(?:{list_joined_behind})"
                                                    f"(?P<joined>{alternation(names.words('list_anaphors'))})"),
        pair_anaphors=frozenset(names.words("pair_anaphors")),
        list_anaphors=frozenset(names.words("list_anaphors")),
        list_anaphor_gap=names.get("list_anaphor_gap", int),
        counted_anaphor=names.regex("counted_anaphor"),
        product_anaphor=names.regex("product_anaphors", alternation(names.words("product_anaphors"))),
        product_pair_anaphor=names.regex("product_pair_anaphor"),
        line_number=names.regex("line_number"),
        line_name=names.regex("line_name"),
        line_number_gap=names.get("line_number_gap", int),
        product_tail_anaphor=names.regex("product_tail_anaphor"),
        clause_start=names.regex("clause_start"),
        branch_reference_openers=branch_openers,
        reference_window=names.get("reference_window", int),
        local_market_insurers=names.get("local_market_insurers", int),
        stake_words=names.regex("stake_words", optional=True),
        group_written=names.get("group_written", str, ""),
        market_places={market: tuple(words) for market, words in names.get("market_places", dict, {}).items()},
        quote=products.regex("quote_pairs", quote),
        product_inside=products.regex("product_inside"),
        cover_inside=products.regex("cover_inside"),
        product_after=products.regex("product_after"),
        cover_after_quote=products.regex("cover_after_quote"),
        product_before=products.regex("product_before"),
        initiative_inside=products.regex("initiative_inside"),
        initiative_after=products.regex("initiative_after"),
        initiative_head=products.regex("initiative_head"),
        initiative_before=products.regex("initiative_before"),
        channel_after=products.regex("channel_after"),
        initiative_before_exclude=products.regex("initiative_before_exclude"),
        product_head=products.regex("product_head"),
        cover_short_forms=tuple((short, full) for short, full in products.get("cover_short_forms", dict, {}).items()),
        unquoted_product=products.regex("unquoted_product", _expand(products.get("unquoted_product", str), {
            "launch_verbs": alternation(products.words("launch_verbs")), "listed_end": products.get("listed_end", str)})),
        quote_exclude=products.regex("quote_exclude"),
        quote_exclude_before=products.regex("quote_exclude_before"),
        quote_exclude_after=products.regex("quote_exclude_after"),
        numbered_name=products.regex("numbered_name"),
        numbered_campaign_after=products.regex("numbered_campaign_after"),
        unquoted_product_exclude=products.regex("unquoted_product_exclude"),
        product_list=products.regex("product_list", optional=True),
        product_list_item=products.regex("product_list_item", optional=True),
        named_before=products.regex("named_before", optional=True),
        named_kind_after=products.regex("named_kind_after", optional=True),
        named_kind_before=products.regex("named_kind_before", optional=True),
        term_before=products.regex("term_before", optional=True),
        slogan=products.regex("slogan", optional=True),
        contract_cover=products.regex("contract_cover", optional=True),
        programme_title=products.regex("programme_title", optional=True),
        product_list_joiners=tuple(sorted(products.words("product_list_joiners", []), key=len, reverse=True)),
        unquoted_initiative=products.regex("unquoted_initiative"),
        unquoted_initiative_exclude=products.regex("unquoted_initiative_exclude"),
        investment_plan=products.regex("investment_plan"),
        programme_generic_words=frozenset(products.words("programme_generic_words")),
        named_again_min_length=products.get("named_again_min_length", int),
        named_again_quoted_min_length=products.get("named_again_quoted_min_length", int),
        named_again_body_min_length=products.get("named_again_body_min_length", int),
        named_tail_separator=products.get("named_tail_separator", str),
        line_of_business_words=frozenset(products.words("line_of_business_words", [])),
        relations=relations,
        clause_separators=relations_table.regex("clause_separators",
                                                f"[{re.escape(relations_table.get('clause_separators', str))}]"),
        subject_blockers=relations_table.regex("subject_blockers"),
        figure_blockers=relations_table.regex("figure_blockers"),
        source_blockers=relations_table.regex("source_blockers"),
        described_subject=relations_table.regex("described_subject"),
        owner_before_owned=relations_table.regex("owner_before_owned"),
        structure=tuple((t.get("order", str) == "owner_first", t.regex("between"), t.regex("after", optional=True))
                        for t in structure.tables("pattern")),
        co_subject=relations_table.regex("co_subject"),
        co_subject_after=relations_table.regex("co_subject_after"),
        co_subject_verb=relations_table.regex("co_subject_verb"),
        adjacent_gap=relations_table.regex("adjacent_gap"),
        other_cover=relations_table.regex("other_cover"),
        industry_doer=relations_table.regex("industry_doer"),
        joined_programme=relations_table.regex("joined_programme", optional=True),
        outsider_view=relations_table.regex("outsider_view", optional=True),
        elided_offer=relations_table.regex("elided_offer"),
        underwriter_before=relations_table.regex("underwriter_before", optional=True),
        underwriter_role=relations_table.regex("underwriter_role", optional=True),
        host_before=relations_table.regex("host_before", optional=True),
        host_after=relations_table.regex("host_after", optional=True),
        coinsurers_before=relations_table.regex("coinsurers_before", optional=True),
        coinsurers_after=relations_table.regex("coinsurers_after", optional=True),
        signed_offer=relations_table.regex("signed_offer", optional=True),
        pair_joiner=relations_table.regex("pair_joiner"),
        together_list_max=relations_table.get("together_list_max", int),
        insurance_bodies=relations_table.regex("insurance_bodies", optional=True),
        pair_after=relations_table.regex("pair_after"),
        parties=relations_table.regex("parties"),
        pair_before=relations_table.regex("pair_before", optional=True),
        joined_before=relations_table.regex("joined_before", optional=True),
        continued_paragraph=relations_table.regex("continued_paragraph"),
        quantities=quantities,
        as_of_markers=root.table("dates").regex("as_of_markers"),
        same_day=root.table("dates").regex("same_day"),
        structure_owner=frozenset(structure.words("owner")),
        structure_predicate=dict(structure.get("predicate_by_class", dict)),
        structure_predicate_by_owner={owner: dict(by_class) for owner, by_class in
                                      structure.get("predicate_by_owner", dict, {}).items()},
        punctuation=punctuation,
        list_joiner=relations_table.regex("list_joiners", f"^(?:[\\s{quotes}]*(?:{alternation(joiners)})[\\s{quotes}]*"
                                                           f"|{relations_table.regex('quoted_list_gap').pattern}"
                                                           f"|{relations_table.regex('unnamed_item_gap').pattern})$"),
        list_closer=relations_table.regex("list_closers", f"^(?:{alternation(relations_table.words('list_closers'))})$"),
        list_joiners=frozenset(joiners),
        bare_unit=bare_unit,
        unit_full_forms=dict(names.get("unit_full_forms", dict, {})),
        group_units=frozenset(names.words("group_units", [])),
        list_aliases=dict(names.get("list_aliases", dict, {})),
        insurer_list_aliases=dict(names.get("insurer_list_aliases", dict, {})),
        list_enders=tuple(names.words("list_enders", [])),
        list_alias_joiner=names.get("list_alias_joiner", str, ""),
        list_alias_goes_on_pos=frozenset(names.words("list_alias_goes_on_pos", [])),
        short_name=names.regex("short_name"),
        bare_short_name=names.regex("bare_short_name"),
        foreign_name=names.regex("foreign_name"),
        full_name=names.regex("full_name"),
        beneficiaries=beneficiaries,
        generic_groups={word: groups.regex(f"generic_groups.{word}", pattern)
                        for word, pattern in groups.get("generic_groups", dict, {}).items()},
        holder_columns=relations_table.regex("holder_columns", optional=True),
        listed_firms=_listed_firms(names.table("listed_firms")) if "listed_firms" in names.data else None,
        institutes=(Institutes(*(names.table("institutes").regex(k) for k in ("parent", "rest", "not_inside")),
                               frozenset(names.table("institutes").words("body_classes", [])))
                    if "institutes" in names.data else None),
        tagged=_tagged(names.table("tagged"), path.parent) if "tagged" in names.data else None,
    )


def _tagged(table, folder: Path) -> TaggedNames:
    path = folder / table.get("tagger", str)
    if not path.is_file():
        raise table._fail("tagger", f"no such file: {path}")
    return TaggedNames(path, frozenset(table.words("kinds")), frozenset(table.words("classes")))


def _listed_firms(table) -> ListedFirms:
    item, mark = table.get("item", str), table.get("mark", str)
    last, ender = table.get("last_joiners", str), table.get("ender", str)
    return ListedFirms(table.regex("item", f"(?:{item}{mark})+{item}(?:(?:{last}){item})?(?={ender})"),
                       table.regex("item"), table.get("min_items", int),
                       table.get("min_chars", int), frozenset(table.words("classes")),
                       frozenset(table.words("cut_pos")), table.get("openers", str))
