"""Quantities: money amounts and counts written in Chinese news, normalised to exact decimals.

136.12亿元 → 13612000000, 百万元 → 1000000, 2700万 → 27000000; the qualifiers (约, 近, 逾, 超过,
累计, 多 …) are kept beside the value, never folded into it. Chinese numerals in their plain form
are read here, the others by cn2an; Arabic numbers are scaled with Decimal so that no value ever
passes through a float.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


from .clauses import Punctuation, alternation
from .records import Quantity

_CHINESE_DIGITS = "零〇一二两三四五六七八九十百千万亿"


@dataclass(frozen=True)
class QuantityRules:
    """The [figures] table of patterns.toml, compiled."""

    pattern: re.Pattern
    multipliers: dict[str, Decimal]
    money_units: frozenset[str]
    money_context: re.Pattern
    scope: re.Pattern
    not_after: re.Pattern
    count_units: dict[str, tuple[str, re.Pattern | None]]  # unit -> (kind, required context)
    min_count: Decimal
    amount_kinds: tuple[tuple[str, re.Pattern], ...]
    punctuation: Punctuation
    policy_terms: re.Pattern  # 免赔额, 起付线 …: money the insured bears
    prefixes: re.Pattern  # the qualifier words that may precede a number
    other_owners: re.Pattern  # 保险业, 责任人 …: whose amount is no organisation's
    reported_by: re.Pattern  # 据, 获悉 …: a body that reports a figure, not its owner
    possessive: re.Pattern  # X的30亿元: X's
    respectively: re.Pattern  # A、B分别…N1和N2: N1 is A's, N2 B's
    shared_owners: re.Pattern  # 、B等企业: the amount after it is a list's, no one's own
    acts_on_others: re.Pattern  # 批准, 罚款 …: a body that approves or fines owns no amount
    doer_after: re.Pattern  # 15亿元资本由X认缴: X, after the amount, owns it
    market_scope: re.Pattern  # 全省, 辖内 …: a sentence about a region's figures
    series_row: re.Pattern  # 2021年 | …: a table row of the article's insurer's time series
    period_column: re.Pattern  # | 2023年四季度 |: a header cell of a table of a firm's results by period
    stake_columns: re.Pattern  # | 标的 |: a header cell of a column of firms an insurer buys stakes in
    insurer_kinds: frozenset[str]  # cover, claims, gifts: an insurer's, where nobody is named
    sole_insurer_kinds: frozenset[str]  # claims: a lead's, before any insurer is named, the only one's named later
    insurers_only: frozenset[str]  # cover, claims: an insurer's though a partner is named nearer
    governed_owner: re.Pattern  # 由X投资, 对X罚款: X, though no subject, owns the amount
    foreign_after: re.Pattern  # 23亿美元: another currency, no amount in yuan
    foreign_before: re.Pattern  # 新台幣3,298萬元: likewise
    insurer_premium: re.Pattern  # 每亩保费为: a policy's premium, an insurer's where nobody is named
    list_item: re.Pattern  # "- …": a bulleted paragraph, going on with the one before the list
    threshold: re.Pattern  # 50万元以上的罚单: a bracket, no amount
    yuan_before: re.Pattern  # 约合人民币: yuan, though another currency came before
    yuan_after: re.Pattern  # 500万元人民币: likewise
    source_of: re.Pattern  # 从: an organisation after it gives to the one before it
    local_currency: re.Pattern  # 新台币: an article's own currency, its bare 元 not yuan
    yuan: re.Pattern  # 人民币 anywhere: the article counts in yuan after all
    insurer_premium_after: re.Pattern  # 50元的标准投保: likewise, written after the amount
    fined_people: re.Pattern  # 10名代理人…处以罚款: people, not their firm, are fined
    fine: re.Pattern  # 罚: an amount's clause that fines
    refers_back: re.Pattern  # 该公司, 对公司: the firm named before, in the amount's clause
    each: re.Pattern  # A、B各捐款N: each of the list owns N
    fined_person: re.Pattern  # 个人罚款, 总经理张某被罚款: a person, in the amount's clause, fined it
    fined_row: re.Pattern  # | 2名责任人 |: the first cell of a table row of people fined
    public_purse: re.Pattern  # 县财政补贴N, 其中政府承担N: the local government pays
    purse_after: re.Pattern  # N元由县财政补足: likewise, the purse written after the amount
    purse_owner: re.Pattern  # 政府, 财政: the name of a body that pays from the public purse
    per_head: re.Pattern  # 每人每年: a premium per head, written right before its amount
    purse_pays: re.Pattern  # 县财政出资, 由县财政出: the public purse pays, anywhere in a clause
    owner_cause: re.Pattern  # 因: people named after it in a clause are the cause, not the owner
    loss_tally: re.Pattern  # 报损, 估损: a sentence tallying the losses reported in a region
    unowned_loss: re.Pattern  # 经济损失达: a loss right before its amount, no organisation's where none is named before it
    unit_price: re.Pattern  # 每股, 每: a price per share or a unit measure, no amount
    purse_levels: str  # 省市县区: a level written before 财政 that its body's name must have
    other_purse: re.Pattern  # 、省级财政: a share of the money a purse of some level pays
    fronted: re.Pattern  # 235万元保险赔款，由: an amount heading its sentence, its payer in the next clause
    pays_it: re.Pattern  # 付给, 发给: the verb after that payer that hands the amount on
    lead_owner: re.Pattern  # ——这是: a lead's figures before it are the firm's named right after it
    results_line: re.Pattern  # 全年营收为N: a firm's results, though the sentence names none
    pronoun: re.Pattern  # 其, 它, 该公司 heading a clause: the firm the article named last
    list_sum: re.Pattern  # 合计, 共计: after a list of firms, the amount is their sum, no one's own
    with_units: re.Pattern  # X总公司和分支机构, X连同下辖机构: a firm with its units, a list too
    held_stake: re.Pattern  # X的股份, X股东: a firm named as a stake held or sold, not the owner
    parent_of_another: re.Pattern  # Y用来…的平台: a firm named as another's parent, not the owner
    restated: re.Pattern  # 这7亿元: an amount a demonstrative points back to, one stated before
    again: re.Pattern  # 同为, 再: the amount's clause states a second figure of that value, no repeat
    vague: re.Pattern  # 几十元, 数百万元: a number that states no value

    @classmethod
    def from_table(cls, t: dict, punctuation: Punctuation) -> "QuantityRules":
        """Compile the [figures] table of patterns.toml."""
        alt = alternation
        multipliers = {k: Decimal(v) for k, v in t["multipliers"].items()}
        count_units = {u: (c["kind"], re.compile(c["context"]) if c.get("context") else None)
                       for c in t["count"] for u in c["units"]}
        units = list(t["money_units"]) + list(count_units)
        pattern = re.compile(
            f"(?P<pre>(?:{alt(t['prefix_qualifiers'])})*)"
            f"(?P<num>\\d+(?:,\\d{{3}})*(?:\\.\\d+)?|[{_CHINESE_DIGITS}]*[一二两三四五六七八九十百千][{_CHINESE_DIGITS}]*)"
            f"(?:个(?=多?亿))?"  # 1个亿, 3个多亿元: spoken forms of 亿
            f"(?P<post1>{alt(t['suffix_qualifiers'])})?"
            f"(?:[ \u00a0\u2009]?(?P<mult>{alt(multipliers)}))?"  # 120 万元: a space beside the digits
            f"(?P<post2>{alt(t['suffix_qualifiers'])})?"
            f"(?:[ \u00a0\u2009]?(?P<unit>{alt(units)}))?")
        return cls(pattern, multipliers, frozenset(t["money_units"]), re.compile(t["money_context"]),
                   re.compile(alt(t["scope_qualifiers"])), re.compile(t["not_after"]), count_units, Decimal(t["min_count"]),
                   tuple((k["kind"], re.compile(k["context"])) for k in t["amount_kind"]), punctuation,
                   re.compile(t["policy_terms"]), re.compile(alt(t["prefix_qualifiers"])),
                   re.compile(t["other_owners"]), re.compile(t["reported_by"]),
                   re.compile(t["possessive"]), re.compile(t["respectively"]), re.compile(t["shared_owners"]),
                   re.compile(t["acts_on_others"]), re.compile(t["doer_after"]),
                   re.compile(t["market_scope"]), re.compile(t["series_row"]), re.compile(t["period_column"]),
                   re.compile(t["stake_columns"]), frozenset(t["insurer_kinds"]), frozenset(t["sole_insurer_kinds"]),
                   frozenset(t["insurers_only"]), re.compile(t["governed_owner"]),
                   re.compile(t["foreign_after"]), re.compile(t["foreign_before"]), re.compile(t["insurer_premium"]),
                   re.compile(t["list_item"]), re.compile(t["threshold"]),
                   re.compile(f"(?:{alt(t['yuan_words'])})\\s*$"), re.compile(f"\\s*(?:{alt(t['yuan_words'])})"),
                   re.compile(t["source_of"]), re.compile(t["local_currency"]), re.compile(alt(t["yuan_words"])),
                   re.compile(t["insurer_premium_after"]), re.compile(t["fined_people"]), re.compile(t["fine"]),
                   re.compile(t["refers_back"]), re.compile(t["each"]), re.compile(t["fined_person"]),
                   re.compile(t["fined_row"]),
                   re.compile(t["public_purse"]), re.compile(t["purse_after"]), re.compile(t["purse_owner"]),
                   re.compile(t["per_head"]), re.compile(t["purse_pays"]),
                   re.compile(t["owner_cause"]),
                   re.compile(t["loss_tally"]), re.compile(t["unowned_loss"]), re.compile(t["unit_price"]), "".join(t["purse_levels"]),
                   re.compile(t["other_purse"]),
                   re.compile(t["fronted"]), re.compile(t["pays_it"]), re.compile(t["lead_owner"]), re.compile(t["results_line"]),
                   re.compile(t["pronoun"]),
                   re.compile(t["list_sum"]), re.compile(t["with_units"]), re.compile(t["held_stake"]),
                   re.compile(t["parent_of_another"]), re.compile(t["restated"]), re.compile(t["again"]), re.compile(t["vague"]))

    def in_local_currency(self, texts: Iterable[str]) -> bool:
        """Whether an article (its folded sentences) counts its money in a currency of its own: it
        names one (新台幣370萬元) and never yuan, so its bare 元 (裁罰360萬元) are that currency too."""
        text = "\n".join(texts)
        return bool(self.local_currency.search(text)) and not self.yuan.search(text)


def parse_number(text: str) -> Decimal | None:
    """An Arabic (1,000.5) or Chinese (两千, 百万) numeral as a Decimal; None if it is not one."""
    if text[0].isdigit():
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
    if text[0] in "十百千万亿":  # 百万 is 一百万 to cn2an
        text = "一" + text
    value = _plain_chinese(text)
    if value is not None:
        return Decimal(value)
    try:
        import cn2an  # 0.4 s to import (it compiles large expressions): only for the rarer forms

        return Decimal(int(cn2an.cn2an(text, "smart")))
    except (ValueError, KeyError, TypeError):
        return None


_DIGIT_VALUES = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT_VALUES = {"十": 10, "百": 100, "千": 1000}
_GROUP_VALUES = {"亿": 10**8, "万": 10**4}


def _plain_chinese(text: str) -> int | None:
    """The value of a Chinese numeral in its plain written form (十五, 两千, 三千五百, 两万三千,
    一亿五千万), as cn2an reads it; None for any other form (零, digit strings such as 二〇二二,
    colloquial 三万五 or 一百二), which cn2an reads. Every numeral news writes in a sample of the
    bench corpus has the plain form, so a one-article build need not import cn2an."""
    total, section, digit, unit, group = 0, 0, None, 10**4, 10**12
    for i, ch in enumerate(text):
        if ch in _DIGIT_VALUES:
            if digit is not None:
                return None
            digit = _DIGIT_VALUES[ch]
        elif ch in _UNIT_VALUES:
            value = _UNIT_VALUES[ch]
            if digit is None:
                if not (i == 0 and ch == "十"):
                    return None
                digit = 1
            if value >= unit:  # units fall within a group: 三千五百, not 五百三千
                return None
            section, unit, digit = section + digit * value, value, None
        elif ch in _GROUP_VALUES:
            value = _GROUP_VALUES[ch]
            if value >= group:
                return None
            if digit is not None:
                if unit not in (10, 10**4):
                    return None
                section, digit = section + digit, None
            if section == 0:
                return None
            total, section, unit, group = total + section * value, 0, 10**4, value
        else:
            return None
    if group == 10**8 and (section or digit is not None):  # 一亿一千: cn2an will not guess
        return None
    if digit is not None:
        if unit != 10 and (total or section):
            return None
        section += digit
    return total + section if text else None


def find_quantities(text: str, offset: int, rules: QuantityRules) -> list[tuple[Quantity, str | None]]:
    """Money amounts and counts in ``text`` (one sentence starting at ``offset``), each with the
    kind of count it is (None for money). Money in another currency is none, and so is money in the
    clause after it, which goes on in that currency (新台幣10萬元、入住加護病房5萬元)."""
    found = []
    foreign_end = -1  # where the last amount in another currency ends
    matches = list(rules.pattern.finditer(text))
    joined = set()  # the matches read as the tail of the one before (2亿7,456万元)
    for i, m in enumerate(matches):
        if i in joined or not m["num"] or (not m["unit"] and not m["mult"]):
            continue
        if rules.not_after.search(text[:m.start("num")]) or rules.vague.search(text, 0, m.end("num")):
            continue
        number = parse_number(m["num"])
        if number is None:
            continue
        value = number * rules.multipliers.get(m["mult"] or "", Decimal(1))
        last = m  # the match the amount ends with
        tail = _tail(m, matches[i + 1] if i + 1 < len(matches) else None, rules)
        if tail is not None:  # 2亿7,456万元: one amount written in two parts, not 2亿 and 7456万
            joined.add(i + 1)
            value += tail[0]
            last = tail[1]
        clause = rules.punctuation.clause_start(text, m.start())
        adjacent = rules.prefixes.findall(m["pre"] or "")
        scope = [w for w in rules.scope.findall(text, clause, m.start()) if w not in adjacent]
        qualifiers = (*scope, *adjacent, *(q for q in (last["post1"], last["post2"]) if q))
        unit = last["unit"]
        if unit in rules.money_units or (unit is None and m["mult"] and rules.money_context.search(
                text[clause:m.start("num")])):
            if not value or rules.policy_terms.search(text[clause:m.start()]):
                continue  # 0元义诊 is a price tag, 免赔额500元 a term the insured bears: no money given
            if rules.foreign_after.match(text[last.end():]) or rules.foreign_before.search(text[:m.start("num")]) \
                    or clause <= foreign_end and not (rules.yuan_before.search(text[:m.start()])
                                                      or rules.yuan_after.match(text, last.end())):
                foreign_end = last.end()
                continue  # dollars, not yuan
            if rules.threshold.match(text[last.end():]):
                continue  # 50万元以上的罚单: a bracket, not an amount
            if rules.unit_price.search(text[clause:m.start("num")]):
                continue  # 每股1.55元, 每1元注册资本: a price per share or a unit, not an amount
            kind, unit = None, "CNY"
        elif unit in rules.count_units:
            kind, context = rules.count_units[unit]
            if value < rules.min_count or (context and not context.search(text[clause:rules.punctuation.clause_end(text, last.end())])):
                continue
        else:
            continue
        surface = text[m.start():last.end()].lstrip()
        found.append((Quantity(_normalise(value), unit, surface, qualifiers, offset + m.start(), offset + last.end()),
                      kind))
    return found


def _tail(m: re.Match, after: re.Match | None, rules: QuantityRules) -> tuple[Decimal, re.Match] | None:
    """The value and match of the lower part of an amount whose higher part ``m`` is (2亿 in
    2亿7,456万元, 3万5千元): a number right after it with a smaller multiplier, or none, and a unit."""
    if after is None or after.start() != m.end() or not m["mult"] or m["unit"] or m["post2"] or m["post1"] \
            or after["pre"] or not after["num"] or after["unit"] not in rules.money_units:
        return None
    high = rules.multipliers[m["mult"]]
    low = rules.multipliers.get(after["mult"] or "", Decimal(1))
    number = parse_number(after["num"])
    if number is None or low >= high or number * low >= high:
        return None
    return number * low, after


def amount_kind(text: str, start: int, rules: QuantityRules, before: str | None = None) -> str:
    """What a money figure at ``start`` in ``text`` is, from the kind word of its clause nearest to it
    (else of the clause before): in 向其贷款银行给付4万元 the 4万元 is paid claims, not credit. A word
    after the amount that begins a run of kind words gives way to the last of the run, the head of the
    noun the amount qualifies (30万元农业保险预付赔款: claims, not cover). With neither, it is of the
    kind ``before``, the amount's before it in the sentence, whose list it goes on
    (意外伤害保额5万元；因病身故，另有20万元), if any."""
    marks = rules.punctuation
    clause_start, clause_end = marks.clause_start(text, start), marks.clause_end(text, start)
    previous = marks.clause_start(text, max(0, clause_start - 1))
    for a, b in ((clause_start, clause_end), (previous, clause_start)):
        words = sorted((m.start(), m.end(), i, kind) for i, (kind, context) in enumerate(rules.amount_kinds)
                       for m in context.finditer(text, a, b))
        if words:
            nearest = min(words, key=lambda w: (start - w[1] if w[1] <= start else w[0] - start, w[2]))
            if nearest[0] > start:  # each kind word that follows the run on, with no word between
                for word in words:
                    if nearest[0] < word[0] <= nearest[1]:
                        nearest = word
            return nearest[3]
    return before or "OtherAmount"


def span_kind(text: str, a: int, b: int, rules: QuantityRules) -> str | None:
    """The kind of money whose words ``text[a:b]`` holds (the first in ``amount_kinds``), if any."""
    return next((kind for kind, context in rules.amount_kinds if context.search(text, a, b)), None)


def header_kinds(text: str, cells: list[tuple[int, int]], rules: QuantityRules) -> dict[int, str]:
    """The kind of money each header cell of a table names (| 已赔付 |, | 罚款金额 |), by column: a
    figure under it, whose row may hold other kind words (| 未按备案的保险条款执行 |), is of that kind."""
    return {i: kind for i, (a, b) in enumerate(cells) if (kind := span_kind(text, a, b, rules)) is not None}


def _normalise(value: Decimal) -> Decimal:
    """136.12亿 is 13612000000, not 1.3612E+10: an integral value gets no exponent."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


# The money units Chinese news writes, each 10,000 times the one before: 5000元, 1000万元, 136.12亿元.
YUAN_UNITS = tuple((unit, Decimal(10) ** (4 * i)) for i, unit in enumerate(("元", "万元", "亿元", "万亿元")))


def format_yuan(value: Decimal | str | float) -> str:
    """An amount in yuan as people read it: the largest unit that keeps it ≥ 1, at most two
    decimals (13612000000 → 136.12亿元, 12345 → 1.23万元)."""
    amount = Decimal(str(value))
    level = max((i for i, (_, size) in enumerate(YUAN_UNITS) if abs(amount) >= size), default=0)
    shown = _cents(amount / YUAN_UNITS[level][1])
    if abs(shown) >= 10_000 and level + 1 < len(YUAN_UNITS):  # 9999.999万 rounds up: say 1亿元
        level += 1
        shown = _cents(amount / YUAN_UNITS[level][1])
    text = format(shown, "f")
    return (text.rstrip("0").rstrip(".") if "." in text else text) + YUAN_UNITS[level][0]


def _cents(number: Decimal) -> Decimal:
    """``number`` rounded half up to two decimals."""
    return number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
