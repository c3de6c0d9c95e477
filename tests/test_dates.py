"""Dates resolved against the article's own date; no year is ever invented."""
import re

from graph.dates import date_for, find_dates
from graph.records import Document

MARKERS = re.compile("(截至|截止)$")


def dates(text, date=None):
    doc = Document("d", "d.txt", "t", text, date=date)
    return find_dates(text, 0, doc, MARKERS)


def test_month_day_takes_the_article_year():
    found = dates("截至4月22日，保额约136.12亿元。", "2022-04-28")
    assert [(d.value, d.as_of) for d in found] == [("2022-04-22", True)]


def test_a_date_after_publication_belongs_to_the_year_before():
    assert dates("12月20日，公司推出新产品。", "2023-01-05")[0].value == "2022-12-20"


def test_an_article_dated_by_month_or_year_gives_the_year_of_its_days():
    """Front matter of 2018-03 or 2018: a day in a later month is the year before's only when the
    month is known."""
    assert dates("4月2日赔付。", "2018-03")[0].value == "2017-04-02"
    assert dates("3月20日赔付。", "2018-03")[0].value == "2018-03-20"
    assert dates("12月20日赔付。", "2018")[0].value == "2018-12-20"


def test_undated_article_uses_the_one_year_its_text_names():
    assert dates("4月26日捐资。该产品组合包含2022年全年交通出行保障。")[0].value == "2022-04-26"


def test_undated_article_without_a_year_keeps_month_and_day():
    assert dates("4月26日，中国人保捐资1000万元。")[0].value == "--04-26"
    assert dates("2021年和2022年都有。4月26日捐资。")[0].value == "--04-26"


def test_explicit_year_wins_and_invalid_dates_are_dropped():
    assert [d.value for d in dates("2021年3月5日成立，2月30日无效。", "2022-04-28")] == ["2021-03-05"]


def test_figure_date_prefers_as_of():
    found = dates("3月14日起，截至4月6日，累计保额逾34亿元。", "2022-04-28")
    assert date_for(30, found) == "2022-04-06"
    assert date_for(0, found) == "2022-03-14"
    assert date_for(0, []) is None


def test_the_same_year_is_the_year_written_last_before():
    found = dates("该市自2019年起为残疾人投保。当年9月3日，市残联与保险公司签约。", "2024-10-01")
    assert [d.value for d in found] == ["2019-09-03"]
    found = dates("2018年3月，试点启动。同年5月6日，首笔赔款到账。", "2024-10-01")
    assert [d.value for d in found] == ["2018-05-06"]


def test_the_end_of_a_period_is_a_cut_off_in_the_articles_year():
    def cut_offs(text, date="2024-08-20"):
        return [(d.value, d.as_of) for d in dates(text, date)]
    assert cut_offs("截至7月末，累计赔款3亿元。") == [("2024-07-31", True)]
    assert cut_offs("截至2023年11月，保费收入5亿元。") == [("2023-11-30", True)]
    assert cut_offs("截至三季度末，总资产120亿元。") == [("2023-09-30", True)]  # after the article: the year before
    assert cut_offs("截至上半年末，投资余额80亿元。") == [("2024-06-30", True)]
    assert cut_offs("截至2022年一季度末，投资余额80亿元。") == [("2022-03-31", True)]
    assert cut_offs("截至2月底，累计赔款3亿元。") == [("2024-02-29", True)]
    assert cut_offs("公司于7月末完成增资。") == []  # no cut-off: no day
    assert cut_offs("截至7月末，累计赔款3亿元。2024年是试点第二年。", None) == []  # no date of its own: no year


def test_the_end_of_a_span_is_no_cut_off(pipeline):
    markers = pipeline.rules.as_of_markers
    doc = Document("d", "d.txt", "t", "", date="2024-08-20")
    assert [d.value for d in find_dates("到2023年12月，累计投入5亿元。", 0, doc, markers)] == ["2023-12-31"]
    assert find_dates("从3月起到12月，公司投入5亿元。", 0, doc, markers) == []
    assert find_dates("2021年5月到2023年5月，公司投入5亿元。", 0, doc, markers) == []
