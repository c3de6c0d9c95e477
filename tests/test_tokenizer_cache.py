"""The jieba state a build keeps in its cache folder: the same words and tags as a fresh tokenizer."""
from graph.tokenize import create

TEXT = "截至4月6日，太安农险为上海市超过22万亩蔬菜提供自然风险保障，总保额达14亿元。"
WORDS = ["太安农险", "太平洋安信农险", "惠农保"]


def test_a_cached_tokenizer_cuts_and_tags_as_a_fresh_one(tmp_path):
    fresh = create("jieba", WORDS)
    first = create("jieba", WORDS, tmp_path)  # reads jieba's dictionary, writes the state
    (saved,) = tmp_path.glob("tokenizer-jieba-*.marshal")
    again = create("jieba", WORDS, tmp_path)  # reads the state
    for tok in (first, again):
        assert tok.tokenize(TEXT) == fresh.tokenize(TEXT)
        assert tok.pos(TEXT) == fresh.pos(TEXT)
        assert tok.pos(TEXT, guess_unknown=False) == fresh.pos(TEXT, guess_unknown=False)
    assert "太安农险" in [t.text for t in again.tokenize(TEXT)]

    other = create("jieba", [*WORDS, "安信农险"], tmp_path)  # other words: another state replaces it
    assert [p.name for p in tmp_path.glob("tokenizer-jieba-*.marshal")] != [saved.name]
    assert "安信农险" in [t.text for t in other.tokenize("安信农险理赔")]


def test_a_damaged_state_is_read_again_from_the_dictionary(tmp_path):
    create("jieba", WORDS, tmp_path)
    (saved,) = tmp_path.glob("tokenizer-jieba-*.marshal")
    data = saved.read_bytes()
    saved.write_bytes(data[:1000])
    assert create("jieba", WORDS, tmp_path).tokenize(TEXT) == create("jieba", WORDS).tokenize(TEXT)

    # damaged parts, read only when a text needs them: the dictionary is read then
    (saved,) = tmp_path.glob("tokenizer-jieba-*.marshal")
    saved.write_bytes(data[:len(data) // 2] + b"\0" * (len(data) - len(data) // 2))
    damaged = create("jieba", WORDS, tmp_path)
    assert damaged.tokenize(TEXT) == create("jieba", WORDS).tokenize(TEXT)
    assert damaged.pos(TEXT) == create("jieba", WORDS).pos(TEXT)


def test_a_cached_tokenizer_reads_the_parts_its_texts_need(tmp_path):
    create("jieba", WORDS, tmp_path)
    again = create("jieba", WORDS, tmp_path)
    assert again._jieba.FREQ and all(len(k) == 1 for k in again._jieba.FREQ)  # one-character keys only
    again.tokenize("太安农险")
    assert "太安农险" in again._jieba.FREQ and "保险" not in again._jieba.FREQ
    again.pos("保险")
    assert again._tags["保险"] == create("jieba", WORDS).pos("保险")[0][1]


def test_a_saved_registry_holds_what_the_turtle_says(tmp_path):
    """The registry's entries are kept beside the tokenizer's state (a quarter second less per
    process); its graph is parsed only when asked for; another key or a damaged file: parsed."""
    from graph.registry import load_registry

    fresh = load_registry()
    load_registry(None, tmp_path, "fingerprint-1")
    (saved,) = tmp_path.glob("registry-*.marshal")
    again = load_registry(None, tmp_path, "fingerprint-1")
    assert (again.entries, again.aliases, again.generic_names) == (fresh.entries, fresh.aliases, fresh.generic_names)
    assert again.alias_words() == fresh.alias_words()
    assert again._graph is None and set(again.graph) == set(fresh.graph)

    load_registry(None, tmp_path, "fingerprint-2")  # changed knowledge or code: another file replaces it
    assert [p.name for p in tmp_path.glob("registry-*.marshal")] != [saved.name]
    (other,) = tmp_path.glob("registry-*.marshal")
    other.write_bytes(other.read_bytes()[:100])
    assert load_registry(None, tmp_path, "fingerprint-2").entries == fresh.entries
