"""A mistake in a knowledge file (ontology/) is one line naming the file, the key and the problem."""
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from graph import Pipeline
from graph.errors import IkgError
from graph.evaluate import always_optional
from graph.data import ONTOLOGY_DIR
from graph.rules import load_rules

PATTERNS = (ONTOLOGY_DIR / "patterns.toml").read_text(encoding="utf-8")


def rules_error(tmp_path, text: str) -> str:
    path = tmp_path / "patterns.toml"
    if not (tmp_path / "places").exists():
        shutil.copytree(ONTOLOGY_DIR / "places", tmp_path / "places")  # the files patterns.toml names
    path.write_text(text, encoding="utf-8")
    with pytest.raises(IkgError) as caught:
        load_rules(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_the_shipped_rules_load():
    assert load_rules().relations


def _word_lists(value, key=""):
    """Every list of words in a TOML value, with its dotted key."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _word_lists(v, f"{key}.{k}" if key else k)
    elif isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            yield key, value
        else:
            for i, v in enumerate(value):
                yield from _word_lists(v, f"{key}[{i}]")


def test_no_word_list_of_the_rules_names_a_word_twice():
    """A word listed twice is a sign that its list was extended without reading it: the second entry
    is dead, and a change to one of them would leave the other behind."""
    repeated = {key: sorted({w for w in words if words.count(w) > 1})
                for key, words in _word_lists(tomllib.loads(PATTERNS)) if len(set(words)) < len(words)}
    assert not repeated


def test_bad_toml_names_the_line(tmp_path):
    assert "line" in rules_error(tmp_path, PATTERNS + "\n[broken\n")


def test_a_bad_regular_expression_names_its_key(tmp_path):
    text = re.sub(r'(?m)^product_inside = .*$', 'product_inside = "(险|保"', PATTERNS)
    message = rules_error(tmp_path, text)
    assert "[products.product_inside]" in message and "bad regular expression" in message


def test_a_bad_relation_pattern_names_the_relation(tmp_path):
    text = PATTERNS.replace('before = "(推出|', 'before = "((推出|', 1)
    assert "[relation[0].before]: bad regular expression" in rules_error(tmp_path, text)


def test_an_unknown_way_to_look_for_a_subject_names_the_relation_and_the_choices(tmp_path):
    # a typo would otherwise make the rule find nothing, silently
    text = PATTERNS.replace('subject_search = ["previous_alone"]', 'subject_search = ["previous_alon"]', 1)
    message = rules_error(tmp_path, text)
    assert ".subject_search]: unknown value 'previous_alon'; choose from" in message and "previous_alone" in message


def test_a_missing_place_list_is_named(tmp_path):
    (tmp_path / "places").mkdir()
    message = rules_error(tmp_path, PATTERNS)
    assert "].places]: cannot read" in message and "counties.txt" in message


def test_a_missing_table_is_named(tmp_path):
    text = PATTERNS.replace("[products]", "[products_renamed]", 1)
    assert "[products]: missing" in rules_error(tmp_path, text)


def test_a_missing_key_is_named(tmp_path):
    text = re.sub(r'(?m)^list_joiners = .*$', "", PATTERNS)
    assert "[relations.list_joiners]: missing" in rules_error(tmp_path, text)


def test_a_value_of_the_wrong_type_is_named(tmp_path):
    text = re.sub(r'(?m)^max_length = .*$', 'max_length = "thirty"', PATTERNS)
    assert "[products.max_length]: should be int" in rules_error(tmp_path, text)


@pytest.fixture
def ontology_copy(tmp_path):
    copy = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY_DIR, copy)
    return copy


def test_bad_turtle_in_the_registry_names_the_file(ontology_copy):
    bad = ontology_copy / "registry" / "partners.ttl"
    bad.write_text(bad.read_text(encoding="utf-8") + "\nthis is not turtle .\n", encoding="utf-8")
    with pytest.raises(IkgError, match=r"partners\.ttl: not valid Turtle"):
        Pipeline.load(ontology_copy)


def test_bad_turtle_in_the_ontology_names_the_file(ontology_copy):
    (ontology_copy / "ikg.ttl").write_text("@prefix : <x> .\n: : :", encoding="utf-8")
    with pytest.raises(IkgError, match=r"ikg\.ttl: cannot read the ontology"):
        Pipeline.load(ontology_copy)


def test_the_cli_shows_a_knowledge_mistake_as_one_line(ontology_copy, capsys):
    from graph.tools.cli import main
    (ontology_copy / "patterns.toml").write_text(PATTERNS.replace("[products]", "[productz]", 1), encoding="utf-8")
    code = main(["eval", "tests/gold", "--ontology", str(ontology_copy)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "[products]: missing" in err


def test_a_knowledge_folder_given_by_a_relative_path_builds_and_scores(ontology_copy, monkeypatch, capsys):
    # `ikg eval … --ontology my-ontology` from the folder that holds it: rdflib wants an absolute base
    from graph.tools.cli import main
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(ontology_copy.parent)
    code = main(["eval", str(root / "tests/gold"), "--input", str(root / "seeds"), "--ontology", ontology_copy.name])
    out, err = capsys.readouterr()
    assert code == 0 and err == "" and "relations" in out


def test_the_builder_relates_nothing_to_the_people_words_the_scorer_treats_as_optional():
    # one ANNOTATION.md convention in two files (the builder's rules, the scorer's): they agree
    assert load_rules().beneficiaries.generic_people <= {g.name for g in always_optional()}
