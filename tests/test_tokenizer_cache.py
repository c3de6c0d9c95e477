"""The jieba state a build keeps in its cache folder: the same words and tags as a fresh tokenizer."""
from graph.tokenize import create

TEXT = "截至4月6日，太安农险为上海市超过22万亩蔬菜提供自然风险保障，总保额达14亿元。"
WORDS = ["太安农险", "太平洋安信农险", "惠农保"]


def test_a_cached_tokenizer_cuts_and_tags_as_a_fresh_one(tmp_path):
    fresh = create("jieba", WORDS)
    first = create("jieba", WORDS, tmp_path)  # reads jieba's dictionary, writes the state
    (saved,) = tmp_path.glob("jieba-*.marshal")
    again = create("jieba", WORDS, tmp_path)  # reads the state
    for tok in (first, again):
        assert tok.tokenize(TEXT) == fresh.tokenize(TEXT)
        assert tok.pos(TEXT) == fresh.pos(TEXT)
        assert tok.pos(TEXT, guess_unknown=False) == fresh.pos(TEXT, guess_unknown=False)
    assert "太安农险" in [t.text for t in again.tokenize(TEXT)]

    other = create("jieba", [*WORDS, "安信农险"], tmp_path)  # other words: another state replaces it
    assert [p.name for p in tmp_path.glob("jieba-*.marshal")] != [saved.name]
    assert "安信农险" in [t.text for t in other.tokenize("安信农险理赔")]


def test_a_damaged_state_is_read_again_from_the_dictionary(tmp_path):
    create("jieba", WORDS, tmp_path)
    (saved,) = tmp_path.glob("jieba-*.marshal")
    saved.write_bytes(saved.read_bytes()[:1000])
    assert create("jieba", WORDS, tmp_path).tokenize(TEXT) == create("jieba", WORDS).tokenize(TEXT)
