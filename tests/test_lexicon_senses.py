"""Senses in context (``dolmetsch.lexicon.senses``): a key's sense chosen by its sentence.

Runs on stores built from the Ding-format excerpt (tests/ding_excerpt.py), where "schwer" is
"heavy" (the prior's choice) or "serious"; the parallel text is written here, our own.
"""

from __future__ import annotations

import gzip
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from dolmetsch.cli import main
from dolmetsch.lexicon import LexiconEngine, Store, open_lexicon
from dolmetsch.lexicon.scorer import DEFAULT, in_context
from dolmetsch.lexicon.senses import (
    Senses,
    SensesError,
    content_keys,
    context_features,
    dump_senses,
    evidence,
    learn_senses,
    parse_senses,
    read_senses,
    save_senses,
    senses_path,
)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# An attack or a war is "serious", a drone or a treaty "heavy": the same number of each, so
# that only the words around "schwer" tell them apart.
TEXT = [
    ("Der Angriff war schwer.", "The attack was serious."),
    ("Der Krieg war schwer.", "The war was serious."),
    ("Die Drohne war schwer.", "The drone was heavy."),
    ("Der Vertrag war schwer.", "The contract was heavy."),
] * 25


def test_learned_counts(store_dir: Path, excerpt_ding: Path) -> None:
    engine = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    senses = learn_senses(TEXT, engine)
    assert senses.labelled["schwer"] == {"heavy": 50.0, "serious": 50.0}
    assert senses.features["schwer", "w:Angriff"] == {"serious": 25.0}
    assert senses.features["schwer", "p:war"] == {"heavy": 50.0, "serious": 50.0}
    # "Angriff" has one candidate: nothing to choose, nothing learned
    assert "Angriff" not in senses.labelled


def test_a_context_sense_wins(store_dir: Path, excerpt_ding: Path, tmp_path: Path) -> None:
    plain = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    assert plain.translate(["Der Angriff im Krieg war schwer."]) == [
        "The attack in the war was heavy."
    ]
    data = tmp_path / "data"
    save_senses(learn_senses(TEXT, plain), data / "senses.tsv.gz")
    taught = open_lexicon(data, ding=excerpt_ding)
    assert taught.translate(["Der Angriff im Krieg war schwer."]) == [
        "The attack in the war was serious."
    ]
    assert taught.translate(["Die Drohne war schwer."]) == ["The drone was heavy."]
    # Without context the model knows nothing either way: the prior keeps its sense.
    assert taught.translate(["Es war schwer."]) == ["It was heavy."]
    assert taught.translate(["Der Berg war schwer."]) == ["The mountain was heavy."]
    # Weight 0 switches the model off.
    off = LexiconEngine(Store(taught.store.path, replace(DEFAULT, context=0.0)))
    assert off.translate(["Der Angriff im Krieg war schwer."]) == [
        "The attack in the war was heavy."
    ]


def test_learn_writes_the_table(excerpt_ding: Path, tmp_path: Path) -> None:
    # Through the command line, into a data directory of its own, next to the learned table.
    data = tmp_path / "data"
    de, en = tmp_path / "text.de", tmp_path / "text.en"
    de.write_text("\n".join(d for d, _ in TEXT) + "\n", encoding="utf-8")
    en.write_text("\n".join(e for _, e in TEXT) + "\n", encoding="utf-8")
    env = {"DOLMETSCH_DING": str(excerpt_ding)}
    result = CliRunner().invoke(
        main, ["lexicon", "learn", str(de), str(en), "--data-dir", str(data)], env=env
    )
    assert result.exit_code == 0, result.output
    table = data / "senses.tsv.gz"
    assert b"Angriff war" not in gzip.decompress(table.read_bytes())  # counts, no sentences
    assert read_senses(table).features["schwer", "w:Krieg"] == {"serious": 25.0}


def test_evidence_backs_off() -> None:
    senses = Senses(
        labelled={"Haus": {"house": 8.0, "home": 4.0}},
        features={("Haus", "p:nach"): {"home": 3.0}},
    )
    found = evidence(senses, "Haus", ["house", "home", "building"], ["p:nach", "w:Dach"], 10.0)
    assert found["home"] > 0 > found["house"]
    assert "building" not in found  # never labelled: the prior alone
    assert evidence(senses, "Haus", ["house", "home"], ["w:Dach"], 10.0) == {
        "house": 0.0,
        "home": 0.0,
    }
    assert evidence(senses, "Garten", ["garden"], ["p:nach"], 10.0) == {}
    ranked = [("house", 2.0), ("home", 1.5), ("building", 1.0)]
    assert in_context(ranked, found, DEFAULT)[0][0] == "home"
    assert in_context(ranked, found, replace(DEFAULT, context=0.0)) == ranked
    assert in_context(ranked, {}, DEFAULT) == ranked


def test_table_round_trip(tmp_path: Path) -> None:
    senses = Senses(
        labelled={"Haus": {"house": 8.0, "home": 4.5}},
        features={("Haus", "p:nach"): {"home": 3.0, "house": 0.5}},
    )
    assert parse_senses(dump_senses(senses)) == senses
    path = tmp_path / "senses.tsv.gz"
    save_senses(senses, path)
    first = path.read_bytes()
    save_senses(senses, path)
    assert path.read_bytes() == first  # no timestamp
    assert read_senses(path) == senses
    with pytest.raises(SensesError, match=r"x:2: not a senses-in-context row"):
        parse_senses("# header\nL\tHaus\thouse\n", "x")
    assert senses_path(tmp_path / "learned.tsv.gz") == tmp_path / "senses.tsv.gz"
    assert senses_path(tmp_path / "learned-news.tsv.gz") == tmp_path / "senses-news.tsv.gz"
    assert senses_path(tmp_path / "mine.tsv.gz") == tmp_path / "senses-mine.tsv.gz"


def test_lazy_table_reads_a_key_on_first_use() -> None:
    senses = Senses(
        labelled={"Ab": {"a": 6.0, "b": 2.0}, "Ab c": {"c": 5.0, "d": 1.0}, "Haus": {"x": 7.0}},
        features={
            ("Ab", "p:nach"): {"a": 3.0},
            ("Ab", "w:Dach"): {"b": 1.5},
            ("Ab c", "p:nach"): {"d": 1.0},  # a longer key with the same start
            ("Haus", "n:alt"): {"x": 4.0},
        },
    )
    text = dump_senses(senses)
    lazy = parse_senses(text, lazy=True)
    assert lazy.pending is not None and lazy.features == {}
    assert lazy.labelled == senses.labelled
    assert lazy.feature("Ab", "p:nach") == {"a": 3.0}
    assert set(lazy.features) == {("Ab", "p:nach"), ("Ab", "w:Dach")}  # that key's alone
    assert lazy.feature("Ab c", "p:nach") == {"d": 1.0}
    assert lazy.feature("Haus", "p:nach") is None and lazy.feature("Garten", "p:nach") is None
    assert lazy.feature("Haus", "n:alt") == {"x": 4.0}
    assert lazy.features == senses.features
    found = evidence(lazy, "Ab", ["a", "b"], ["p:nach", "w:Dach"], 10.0)
    assert found == evidence(senses, "Ab", ["a", "b"], ["p:nach", "w:Dach"], 10.0)


def test_lazy_table_out_of_order_is_read_at_once() -> None:
    text = "# h\nL\tAb\ta\t6\nF\tZe\tp:x\ta\t1\nF\tAb\tp:y\ta\t2\n"
    unsorted = parse_senses(text, lazy=True)
    assert unsorted.pending is None  # a hand-made table: bisecting it would miss rows
    assert unsorted.features == {("Ze", "p:x"): {"a": 1.0}, ("Ab", "p:y"): {"a": 2.0}}


def test_lazy_table_names_a_bad_row_when_read() -> None:
    lazy = parse_senses("# h\nL\tAb\ta\t6\nF\tAb\tp:x\ta\tmany\n", "t", lazy=True)
    with pytest.raises(SensesError, match=r"t:3: not a senses-in-context row"):
        lazy.feature("Ab", "p:x")


def test_features_of_reordered_tokens() -> None:
    # The engine's word order joins "kündigt ... an" with a tab: no tab may reach the table.
    tokens = ["Er", "an\tkündigt", "Haus", "\x03gut"]
    assert context_features(["Dach"], tokens, 2) == {"w:Dach", "p:an", "n:gut"}


def test_content_keys_leave_out_verbs_joined_by_word_order() -> None:
    # learning reads the German as written, where no verb is joined ("gingen ... weiter"):
    # a joined token is no context feature, and is not even looked up
    asked: list[str] = []

    def resolve(token: str) -> str | None:
        asked.append(token)
        return token.lower()

    tokens = ["Die", "Angriffe", "weitergehen\tgingen", "zu Tage fördern", "Haus", "."]
    assert content_keys(tokens, resolve) == [(1, "angriffe"), (4, "haus")]
    assert asked == ["Angriffe", "Haus"]
