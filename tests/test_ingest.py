"""Ingest: metadata, markup and encodings of the article formats users feed in."""
from pathlib import Path

import pytest

from graph.errors import ArticleError
from graph.ingest import document_id, read_article

from conftest import SEEDS


def seed(prefix: str):
    return read_article(next(SEEDS.glob(prefix + "*")))


def test_jekyll_front_matter_gives_title_date_source_and_url():
    doc = seed("001")
    assert doc.title == "扩保障、保交易、强服务 上海保险业多措并举筑牢“防疫线”"
    assert doc.date == "2022-03-29"
    assert doc.source == "财联社"
    assert doc.url == "http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202203292326450488"


def test_front_matter_after_blank_line_with_rfc822_date():
    doc = seed("002")
    assert doc.title.startswith("沪上险企战疫进行时")
    assert doc.date == "2022-03-30"
    assert doc.source == "财联社"


def test_markup_images_and_navigation_are_not_text():
    for prefix in ("001", "002", "004"):
        text = seed(prefix).text
        for junk in ("<p>", "<img", "http", "返回首页", "dfscdn", "img.cls.cn", "---", "layout:"):
            assert junk not in text, (prefix, junk)
    assert "平安养老险员工盖鑫宇" in seed("001").text


def test_article_without_metadata_gets_file_name_id_and_a_title():
    doc = seed("003")
    assert doc.id == "003_b654cfa59472666d"
    assert doc.date is None
    assert doc.title.startswith("4月26日，中国人民保险集团股份有限公司")
    assert len(doc.title) <= 41


def test_a_name_split_by_a_tag_reads_whole(tmp_path):
    path = tmp_path / "split.html"
    path.write_text('<p>中国太保旗下<a href="https://example.com/x">太平洋</a>安信农险为种植户提供保障。</p>'
                    "<script>var x = '不是正文';</script><nav><a href='/'>首页</a></nav>", encoding="utf-8")
    doc = read_article(path)
    assert doc.text == "中国太保旗下太平洋安信农险为种植户提供保障。"


def test_an_element_never_closed_does_not_hide_the_rest_of_the_article(tmp_path):
    """A stray <svg/onload=…> (or a <script> without its end tag) in a text file hid every line after
    it; an element that is closed, and a footer left open, still hide their own text."""
    path = tmp_path / "stray.txt"
    path.write_text("<p>甲公司捐款。</p><svg/onload=alert(1)>\n<p>人保财险向灾区捐款100万元。</p>", encoding="utf-8")
    assert read_article(path).text == "甲公司捐款。\n人保财险向灾区捐款100万元。"
    path.write_text("<p>甲公司\u2028捐款。</p>\n<svg/onload=alert(1)>\n<p>乙。</p>", encoding="utf-8")
    # a line separator the HTML parser does not count as one (it once cut the wrong text: "load=…>" stayed)
    assert read_article(path).text == "甲公司\n捐款。\n乙。"
    path.write_text("<p>甲公司捐款。</p><svg><text>图</text></svg><p>乙。</p><div class=footer><p>版权所有</p>",
                    encoding="utf-8")
    assert read_article(path).text == "甲公司捐款。\n乙。"


def test_links_to_other_articles_are_not_text(tmp_path):
    path = tmp_path / "links.html"
    path.write_text("<p>某市推出“安居保”，由人保财险承保。</p>"
                    '<p class="nav">上一篇：车险新规下月施行 | 下一篇：“惠民保”续保开启</p>'
                    "<p>【相关阅读】农险理赔提速</p><p>编辑：张三 | 相关新闻：泰康人寿发布年报</p>", encoding="utf-8")
    assert read_article(path).text == "某市推出“安居保”，由人保财险承保。"


def test_page_furniture_written_as_a_div_is_not_text(tmp_path):
    # a footer, a related-links box or a breadcrumb as a classed <div>, with blocks nested in it, is the site's
    path = tmp_path / "furniture.html"
    path.write_text('<div class="crumb">首页 &gt; 保险</div><div class="article"><p>太保产险推出“渔安保”。</p></div>'
                    '<div class="related"><h3>延伸阅读</h3><ul><li>某地试点茶叶气象指数保险</li></ul>'
                    '<div><p>更多</p></div></div><p>记者 王五</p>'
                    '<div id="foot" class="copyright">版权所有 © 某某网　客服热线：4001234567</div>', encoding="utf-8")
    assert read_article(path).text == "太保产险推出“渔安保”。\n记者 王五"
    # a sentence that only speaks of what it links to stays
    path.write_text("<p>详见相关阅读：记者注意到，该险种已上线。</p>", encoding="utf-8")
    assert "该险种已上线" in read_article(path).text


def test_a_copyright_line_is_the_page_footer_not_text(tmp_path):
    path = tmp_path / "footer.html"
    path.write_text("<p>某市推出“安居保”，由人保财险承保。</p>"
                    '<div class="footer">版权所有 © 某某日报网　客服热线：4001234567</div>'
                    '<div class="foot">某某报业集团主办　浙ICP备12345678号</div>', encoding="utf-8")
    assert read_article(path).text == "某市推出“安居保”，由人保财险承保。"
    path = tmp_path / "footer.md"
    path.write_text("某市推出“安居保”，由人保财险承保。\n\nCopyright © 2018 某某网 All Rights Reserved\n", encoding="utf-8")
    assert read_article(path).text == "某市推出“安居保”，由人保财险承保。"


def test_a_byline_or_photo_credit_line_is_not_text(tmp_path):
    path = tmp_path / "byline.txt"
    path.write_text("人保财险与某某港务集团签约。\n（记者 张三 通讯员 李四；图片由某某航运集团提供）\n", encoding="utf-8")
    assert read_article(path).text == "人保财险与某某港务集团签约。"
    # a sentence that opens with its byline stays
    path.write_text("（记者 张三）人保财险与某某港务集团签约。\n", encoding="utf-8")
    assert "签约" in read_article(path).text


def test_a_table_row_is_one_line_with_its_cells_apart(tmp_path):
    path = tmp_path / "table.html"
    path.write_text("<p>去年获批增资的险企如下：</p><table><tr><th>公司</th><th>获批增资</th></tr>"
                    "<tr><td>英大财险</td><td>35亿元</td></tr></table>", encoding="utf-8")
    assert read_article(path).text.splitlines()[1:] == ["公司 | 获批增资", "英大财险 | 35亿元"]


def test_utf8_with_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff太保寿险推出“守护者”。\r\n第二段。\r\n".encode("utf-8"))
    doc = read_article(path)
    assert doc.text == "太保寿险推出“守护者”。\n第二段。"


def test_gb18030_file_decodes(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("太平洋安信农险上海分公司推出绿叶菜价格保险。".encode("gb18030"))
    assert read_article(path).text == "太平洋安信农险上海分公司推出绿叶菜价格保险。"


def test_a_big5_page_from_hong_kong_or_taiwan_decodes_as_traditional_chinese(tmp_path):
    """Big5 bytes are also valid GB18030, read as kana and rare characters (中國人壽 -> い瓣关カ)."""
    text = "中國人壽香港分公司為醫護人員提供專屬保險保障，截至4月22日累計賠付逾百萬元。"
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    assert read_article(path).text == text


@pytest.mark.parametrize("written, date", [
    ("2022-03-29 13:42:15 +0800", "2022-03-29"),
    ("2022年3月29日", "2022-03-29"),
    ("2018-03", "2018-03"),  # no day: none is made up (it was the day the build ran)
    ("2018年3月", "2018-03"),
    ("2016", "2016"),
])
def test_a_front_matter_date_keeps_what_it_names_and_no_more(tmp_path, written, date):
    path = tmp_path / "dated.md"
    path.write_text(f"---\ntitle: 标题\ndate: {written}\n---\n中华财险支付赔款。", encoding="utf-8")
    assert read_article(path).date == date


@pytest.mark.parametrize("content, problem", [
    ("---\ntitle: 标题\ndate: last spring\n---\n正文。".encode("utf-8"), "front matter date 'last spring' is not a date"),
    (b"", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("---\ntitle: [unclosed\n---\n正文。".encode("utf-8"), "broken front matter"),
    ("---\ntitle: 标题\ndate: 2023-04-25\n正文。".encode("utf-8"), "never closed"),
    (b"\xff\xfe\xfa\xfb" * 10, "not UTF-8, GB18030 or Big5"),
])
def test_unusable_files_raise_one_line_error_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as err:
        read_article(path)
    message = str(err.value)
    assert str(path) in message and problem in message and "\n" not in message


def test_a_page_named_as_every_page_is_named_by_its_folder_too():
    """A site's mirror gives every article a folder and an index.html: ids from the file name alone
    clashed, and all but one article were skipped."""
    assert document_id(Path("news/2023/0425-123/index.html")) == "0425-123-index"
    assert document_id("news/2023/0426-124/index.html") == "0426-124-index"
    assert document_id(Path("news/2023/0425-123/story.html")) == "story"  # a name of its own stays the id


def test_ids_are_stable_and_ascii_for_chinese_file_names():
    first, second = document_id(Path("新闻 一.txt")), document_id(Path("/elsewhere/新闻 一.txt"))
    assert first == second and first.isascii() and first.startswith("doc-")
    assert document_id(Path("000_22cda59efe90915f.txt")) == "000_22cda59efe90915f"


def test_a_dateline_near_the_top_gives_the_date_the_metadata_lacks(tmp_path):
    path = tmp_path / "dateline.txt"
    path.write_text("林甸县玉米收入险完成理赔\n转载　来源：综合整理　2018-01-25\n1月19日，中华财险支付赔款。",
                    encoding="utf-8")
    assert read_article(path).date == "2018-01-25"
    path.write_text("标题\n2016年1月19日，中华财险支付赔款。", encoding="utf-8")  # a sentence, not a dateline
    assert read_article(path).date is None


@pytest.mark.parametrize("name", ["note.md", "note.txt", "note.html"])
def test_an_html_comment_is_no_text_in_any_kind_of_file(tmp_path, name):
    """An editor's note left in a comment once became a 5000万元 donation with the comment as evidence."""
    path = tmp_path / name
    path.write_text("<!-- 编辑备注：勿提及中国人寿向希望工程捐赠5000万元 -->\n中国平安为骑手提供保险。\n<!--\n多行\n备注\n-->",
                    encoding="utf-8")
    assert read_article(path).text == "中国平安为骑手提供保险。"


def test_markdown_quotes_and_reference_links_leave_their_words_only(tmp_path):
    path = tmp_path / "quoted.md"
    path.write_text("> 中国平安为[小微企业][1]提供保险。\n> > 太保为骑手赠险。\n\n[1]: https://example.com/cited\n",
                    encoding="utf-8")
    doc = read_article(path)
    assert doc.text == "中国平安为小微企业提供保险。\n太保为骑手赠险。"
    assert doc.url is None  # a cited page is not this one


def test_an_html_page_gives_its_date_address_and_headline_from_its_head(tmp_path):
    path = tmp_path / "page.html"
    path.write_text('<html><head><title>中国平安捐赠物资 | 某财经网</title>'
                    '<meta property="article:published_time" content="2023-04-25T10:00:00+08:00">'
                    '<meta property="og:url" content="https://news.example.com/og.html">'
                    '<link rel="canonical" href="https://news.example.com/a/123.html"></head>'
                    '<body><h1>中国平安捐赠物资</h1><p>截至4月22日，中国平安向红十字会捐赠100万元。</p></body></html>',
                    encoding="utf-8")
    doc = read_article(path)
    assert (doc.title, doc.date, doc.url) == ("中国平安捐赠物资", "2023-04-25", "https://news.example.com/a/123.html")
    path.write_text('<html><head><title>站点</title><meta name="pubdate" content="2019-07-01">'
                    '<meta property="og:url" content="javascript:alert(1)"><link rel="canonical" href="/a/1.html">'
                    '</head><body><h1>网站标志</h1><p>人保财险为农户提供保险。</p></body></html>', encoding="utf-8")
    doc = read_article(path)
    assert (doc.title, doc.date, doc.url) == ("站点", "2019-07-01", None)  # no address that names no web page
