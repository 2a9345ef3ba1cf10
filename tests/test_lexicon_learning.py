"""The lexicon engine v2 parts: learned tables, scorer, decoder, learning, confidence.

Runs on stores built from the Ding-format excerpt (tests/ding_excerpt.py); the parallel
text is written here, a few sentences of our own.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from dolmetsch.cli import main
from dolmetsch.errors import OutputError
from dolmetsch.lexicon import LexiconEngine, Store, open_lexicon
from dolmetsch.lexicon.confidence import Evidence, confidence, foreign_token
from dolmetsch.lexicon.decoder import Slot, best_path, decode
from dolmetsch.lexicon.learn import (
    candidate_stems,
    english_stems,
    learn,
    learn_alignment,
    learn_prepositions,
    read_pairs,
    stem,
)
from dolmetsch.lexicon.learned import (
    Learned,
    LearnedError,
    dump_learned,
    load_learned,
    parse_learned,
    save_learned,
)
from dolmetsch.lexicon.scorer import DEFAULT, learned_excess, rank
from dolmetsch.lexicon.scorer import Evidence as Candidate

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# "Regierung" is "administration" in this text (Ding's first sense, which the ranking
# puts second): the learned counts must flip it.
PARALLEL = [
    ("Die Regierung kam.", "The administration came."),
    ("Die Regierung sagte nichts.", "The administration said nothing."),
    ("Die Regierung hat eine Bitte erhalten.", "The administration has received a request."),
    ("Die Polizei kam.", "The police came."),
]
# Sentences without the key: "administration" is rare in the text as a whole.
TEXT = PARALLEL * 2 + [("Die Drohnen kamen.", "The drones came.")] * 8


def _learned() -> Learned:
    return Learned(
        sentences=10,
        keys={"Regierung": 4},
        pairs={("Regierung", "administration"): (3, 3)},
        aligned={("Regierung", "administration"): 2.5},
        unigrams={"the": 9, "police": 2},
        bigrams={("the", "police"): 2},
        phrases={"nach angaben": ("according to", 5, 6)},
        prepositions={
            ("N", "an", "Universität"): ("at", 5, 6),
            ("V", "an", "Interesse"): ("in", 3, 4),
        },
    )


def test_learned_round_trip(tmp_path: Path) -> None:
    table = _learned()
    assert parse_learned(dump_learned(table)) == table
    path = tmp_path / "learned.tsv.gz"
    save_learned(table, path)
    first = path.read_bytes()
    save_learned(table, path)
    assert path.read_bytes() == first  # no timestamp: the same counts, the same bytes
    assert load_learned([path, path]).keys == {"Regierung": 8}  # tables add up


def test_learned_table_errors_name_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(LearnedError, match=r"x\.tsv:3: not a learned-statistics row"):
        parse_learned("# header\nS\t3\nK\tRegierung\tmany\n", "x.tsv")
    bad = tmp_path / "learned.tsv.gz"
    bad.write_text("plain text", encoding="utf-8")
    with pytest.raises(LearnedError, match="not a gzipped learned-statistics table"):
        load_learned([bad])


def test_stems_match_inflected_english() -> None:
    assert stem("attacks") == stem("attacked") == stem("attacking") == stem("attack")
    assert candidate_stems("to be killed") <= english_stems("Three people were killed.")
    assert not candidate_stems("ceasefire") <= english_stems("The truce held.")


def test_learned_excess_rewards_more_than_chance() -> None:
    assert learned_excess(0, 0, 0.5, 3.0) == 0.0  # nothing learned
    assert learned_excess(8, 10, 0.1, 0.0) == pytest.approx(0.7)
    # a word that is everywhere gains nothing from appearing opposite the key
    assert learned_excess(9, 10, 0.9, 0.0) == pytest.approx(0.0)
    assert learned_excess(1, 1, 0.0, 3.0) < learned_excess(10, 10, 0.0, 3.0)


def test_rank_keeps_ding_order_on_ties_and_prefers_participles() -> None:
    found = [
        Candidate("get", 1.0, False, False, 0, 0, 0.0),
        Candidate("receive", 1.0, False, False, 0, 0, 0.0),
        Candidate("received", 0.5, True, False, 0, 0, 0.0),
    ]
    assert [e for e, _ in rank(found, participle=False)] == ["get", "receive", "received"]
    assert rank(found, participle=True)[0] == ("received", 0.5 + DEFAULT.form_match)


def test_decoder_follows_the_language_model_only_when_weighted() -> None:
    items = ["the", Slot((("bank", 0.0), ("shore", -0.5))), "of the river"]

    def lm(history: str, word: str) -> float:
        return 0.0 if (history, word) in {("the", "shore"), ("shore", "of")} else -3.0

    assert best_path(items) == ["the", "bank", "of the river"]
    assert decode(items, lm, 1.0, 0.0) == ["the", "bank", "of the river"]
    assert decode(items, lm, 1.0, 1.0) == ["the", "shore", "of the river"]
    assert Slot((("a", 2.0), ("b", 0.5))).margin == 1.5
    assert math.isinf(Slot((("a", 2.0),)).margin)


def test_learning_flips_a_sense(store_dir: Path, excerpt_ding: Path, tmp_path: Path) -> None:
    engine = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    assert engine.translate(["Die Regierung kam."]) == ["The government came."]
    table = learn(TEXT, engine)
    assert table.sentences == 16
    assert table.keys["Regierung"] == 6
    assert table.pairs["Regierung", "administration"][0] == 6
    assert ("Regierung", "government") not in table.pairs  # never opposite: no row
    # Through the command line, into a data directory of its own: the store is rebuilt
    # with the table (its name changes) and the sense follows the text.
    data = tmp_path / "data"
    de, en = tmp_path / "text.de", tmp_path / "text.en"
    de.write_text("\n".join(d for d, _ in TEXT) + "\n", encoding="utf-8")
    en.write_text("\n".join(e for _, e in TEXT) + "\n", encoding="utf-8")
    env = {"DOLMETSCH_DING": str(excerpt_ding)}
    result = CliRunner().invoke(
        main, ["lexicon", "learn", str(de), str(en), "--data-dir", str(data)], env=env
    )
    assert result.exit_code == 0, result.output
    assert "learned from 16 sentence pairs" in result.output
    assert (data / "learned.tsv.gz").is_file()
    adapted = open_lexicon(data, ding=excerpt_ding)
    assert adapted.translate(["Die Regierung kam."]) == ["The administration came."]
    assert b"Regierung kam" not in gzip.decompress((data / "learned.tsv.gz").read_bytes())


def test_learn_refuses_what_it_did_not_write(tmp_path: Path, excerpt_ding: Path) -> None:
    de, en = tmp_path / "a.de", tmp_path / "a.en"
    de.write_text("Die Polizei kam.\n", encoding="utf-8")
    en.write_text("The police came.\nExtra line.\n", encoding="utf-8")
    notes = tmp_path / "notes.tsv.gz"
    notes.write_text("my own notes", encoding="utf-8")
    env = {"DOLMETSCH_DING": str(excerpt_ding)}
    runner = CliRunner()
    odd = runner.invoke(main, ["lexicon", "learn", str(de)], env=env)
    assert odd.exit_code != 0 and "in pairs" in odd.output
    with pytest.raises(LearnedError, match="parallel files must be line-aligned"):
        read_pairs([(de, en)])
    en.write_text("The police came.\n", encoding="utf-8")
    result = runner.invoke(main, ["lexicon", "learn", str(de), str(en), "-o", str(notes)], env=env)
    assert result.exit_code == 2
    assert "is not a learned-statistics table" in result.output
    assert notes.read_text(encoding="utf-8") == "my own notes"


def test_learn_refuses_an_output_it_cannot_write_before_learning(
    tmp_path: Path, excerpt_ding: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It learned for minutes, then ended in a traceback from save_senses.
    from dolmetsch.lexicon import learn as learn_module

    def no_learning(*args: object) -> None:
        raise AssertionError("learned before checking the output")

    monkeypatch.setattr(learn_module, "read_pairs", no_learning)
    de, en = tmp_path / "a.de", tmp_path / "a.en"
    de.write_text("Die Polizei kam.\n", encoding="utf-8")
    en.write_text("The police came.\n", encoding="utf-8")
    (tmp_path / "file").write_text("in the way", encoding="utf-8")
    target = tmp_path / "file" / "learned.tsv.gz"
    env = {"DOLMETSCH_DING": str(excerpt_ding)}
    result = CliRunner().invoke(
        main, ["lexicon", "learn", str(de), str(en), "-o", str(target)], env=env
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"dolmetsch: cannot write {target}: cannot make its folder (a file is in the way)\n"
    )


@pytest.mark.parametrize(
    ("de_bytes", "en_name", "message"),
    [
        (b"Die Polizei kam.\n", "missing.en", "cannot read "),
        (b"Die Polizei kam.\nEs kam.\n", "a.en", "parallel files must be line-aligned"),
        ("Die Polizei kam. \u00fcber\n".encode("latin-1"), "a.en", "not UTF-8 text"),
    ],
    ids=["missing", "line-counts", "latin-1"],
)
def test_a_missing_or_wrong_learning_file_exits_2(
    tmp_path: Path, excerpt_ding: Path, de_bytes: bytes, en_name: str, message: str
) -> None:
    # --help: "2 nothing could be done (... a missing or wrong folder or file ...)"; gave 1
    de, en = tmp_path / "a.de", tmp_path / "a.en"
    de.write_bytes(de_bytes)
    en.write_text("The police came.\n", encoding="utf-8")
    env = {"DOLMETSCH_DING": str(excerpt_ding)}
    args = ["lexicon", "learn", str(de), str(tmp_path / en_name)]
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 2
    assert result.stderr.startswith("dolmetsch: ") and message in result.stderr


def test_a_table_that_cannot_be_written_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("in the way", encoding="utf-8")
    with pytest.raises(OutputError, match=r"cannot write .*file/learned\.tsv\.gz"):
        save_learned(Learned(), tmp_path / "file" / "learned.tsv.gz")


def test_learn_names_the_file_it_cannot_read_and_refuses_nothing_to_learn(
    tmp_path: Path, excerpt_ding: Path
) -> None:
    de, en = tmp_path / "a.de", tmp_path / "a.en"
    de.write_bytes("Die Polizei kam.\n".encode("latin-1") + b"\x97\n")
    en.write_text("The police came.\nIt came.\n", encoding="utf-8")
    with pytest.raises(LearnedError, match=r"a\.de: not UTF-8 text \(byte 17\)"):
        read_pairs([(de, en)])
    with pytest.raises(LearnedError, match=r"cannot read .*missing\.en"):
        read_pairs([(en, tmp_path / "missing.en")])
    de.write_text("Die Polizei kam.\n \n", encoding="utf-8")
    en.write_text("\nIt came.\n", encoding="utf-8")
    target = tmp_path / "learned.tsv.gz"
    env = {"DOLMETSCH_DING": str(excerpt_ding), "DOLMETSCH_DATA_DIR": str(tmp_path / "data")}
    result = CliRunner().invoke(
        main, ["lexicon", "learn", str(de), str(en), "-o", str(target)], env=env
    )
    assert result.exit_code == 2
    assert "no sentence pairs to learn from" in result.output
    assert not target.exists() and not (tmp_path / "data").exists()


def test_translate_scored_is_translate_with_a_confidence(
    store_dir: Path, excerpt_ding: Path
) -> None:
    engine = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    sentences = ["Die Regierung kam.", "Xaverius Quendt kam.", "Die Regierung quatzte.", "", "42"]
    scored = engine.translate_scored(sentences)
    assert [s.text for s in scored] == engine.translate(sentences)
    assert all(0.0 <= s.confidence <= 1.0 for s in scored)
    # unknown lower-case words lower it; names passed through raise it
    assert scored[2].confidence < scored[0].confidence < scored[1].confidence


def test_confidence_bounds() -> None:
    nothing = Evidence(words=0, unknown=0, kept=0, content=0, unsure=0, moved=0, learned=0)
    assert confidence(nothing) == 1.0
    lost = Evidence(words=10, unknown=10, kept=0, content=0, unsure=0, moved=10, learned=0)
    names = Evidence(words=3, unknown=0, kept=3, content=0, unsure=0, moved=0, learned=0)
    assert 0.0 <= confidence(lost) < confidence(names) <= 1.0


def test_aligned_share_ranks_candidates() -> None:
    found = [
        Candidate("get", 1.0, False, False, 0, 6, 0.0, 0.0),
        Candidate("receive", 1.0, False, False, 0, 6, 0.0, 5.0),
    ]
    assert rank(found, participle=False)[0][0] == "receive"
    off = replace(DEFAULT, aligned=0.0)
    assert [e for e, _ in rank(found, False, off)] == ["get", "receive"]


# "Waffenruhe" is "ceasefire" and "Feuerpause" is "truce" in this text; where both stand in
# one sentence, both English words are there too.
ALIGN_TEXT = (
    [("Die Waffenruhe kam.", "The ceasefire came.")] * 3
    + [("Die Feuerpause kam.", "The truce came.")] * 3
    + [("Die Waffenruhe und die Feuerpause kamen.", "The ceasefire and the truce came.")] * 2
)


def test_alignment_explains_away_what_cooccurrence_counts_twice(
    store_dir: Path, excerpt_ding: Path
) -> None:
    engine = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    together = learn(ALIGN_TEXT, engine)
    assert together.pairs["Waffenruhe", "truce"][0] == 2  # co-occurrence: both, twice
    aligned = learn_alignment(ALIGN_TEXT, engine)
    # The alignment gives "truce" to "Feuerpause", which says "truce" everywhere else.
    # (NULL, which may say any English word, takes a share in so short a text)
    assert aligned["Waffenruhe", "ceasefire"] >= 3.5
    assert aligned["Feuerpause", "truce"] >= 3.5
    assert ("Waffenruhe", "truce") not in aligned  # below MIN_ALIGNED
    assert ("Feuerpause", "ceasefire") not in aligned
    # In a store built with the table, the candidates carry the aligned counts.
    data = store_dir.parent / "aligned-data"
    table = Learned(sentences=8, keys=together.keys, pairs=together.pairs, aligned=aligned)
    save_learned(table, data / "learned.tsv.gz")
    store = open_lexicon(data, ding=excerpt_ding).store
    carried = {c.en: c.aligned for c in store.candidates("Waffenruhe")}
    assert carried["ceasefire"] == aligned["Waffenruhe", "ceasefire"]
    assert carried["truce"] == 0.0


def test_store_weights_change_the_ranking(store_dir: Path, excerpt_ding: Path) -> None:
    path = open_lexicon(store_dir, build=False, ding=excerpt_ding).store.path
    plain = LexiconEngine(Store(path, replace(DEFAULT, learned=0.0)))
    assert plain.store.ranked("Regierung", False)[0][0] == "government"


# "an" before the unknown place "Quendstadt" (its own key) is "at" in this text, "an" after
# "Regierung" is "over"; the table says "to".
PREPOSITION_TEXT = [
    ("Er war an Quendstadt.", "He was at Quendstadt."),
    ("Sie arbeitet an der neuen Quendstadt.", "She works at the new Quendstadt."),
    ("Wir waren an Quendstadt.", "We were at Quendstadt."),
] * 2 + [("Kritik der Regierung an Musik.", "Criticism of the government over music.")] * 3


def test_learning_prepositions_in_context(store_dir: Path, excerpt_ding: Path) -> None:
    engine = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    assert engine.translate(["Er war an Quendstadt."]) == ["He was to Quendstadt."]
    table = learn_prepositions(PREPOSITION_TEXT, engine)
    assert table["N", "an", "Quendstadt"] == ("at", 6, 6)
    assert ("N", "an", "Musik") not in table  # 3 times: fewer than MIN_NOUN
    assert table["V", "an", "Regierung"] == ("over", 3, 3)
    # "to" of "according to" is no answer for "laut"
    according = [("Laut Quendstadt kam er.", "According to Quendstadt he came.")] * 6
    assert ("N", "laut", "Quendstadt") not in learn_prepositions(according, engine)
    # Through a table in the data directory, the engine says "at" where it learned to.
    data = store_dir.parent / "prepositions-data"
    save_learned(Learned(sentences=9, prepositions=table), data / "learned.tsv.gz")
    adapted = open_lexicon(data, ding=excerpt_ding)
    assert adapted.translate(["Er war an Quendstadt."]) == ["He was at Quendstadt."]
    adapted.use_learned_prepositions = False
    assert adapted.translate(["Er war an Quendstadt."]) == ["He was to Quendstadt."]


def test_a_plural_key_borrows_its_lemmas_evidence(store_dir: Path, excerpt_ding: Path) -> None:
    # Ding lists "Drohnen" as a key of its own; with nothing learned it is looked up as is.
    plain = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    assert plain.resolve("Drohnen") == ("Drohnen", "")
    # The text taught something about "Drohne" and nothing about "Drohnen": the plural is
    # looked up under the lemma and made plural again.
    data = store_dir.parent / "plural-data"
    table = Learned(sentences=10, keys={"Drohne": 5}, pairs={("Drohne", "drone"): (4, 1)})
    save_learned(table, data / "learned.tsv.gz")
    taught = open_lexicon(data, ding=excerpt_ding)
    assert taught.resolve("Drohnen") == ("Drohne", "pl")
    assert taught.translate(["Die Drohnen kamen."]) == ["The drones came."]


def test_a_users_table_adds_to_the_packaged_one(tmp_path: Path) -> None:
    # (until issue 14's eighth round a user's counts replaced the packaged ones for every key
    # they had: 3,004 pairs of newstest2017 then cost newstest2018 0.39 chrF)
    from dolmetsch.lexicon.learned import PACKAGED, learned_digest, learned_sources, load_layers

    packaged = load_learned([PACKAGED])
    key, english = next(iter(packaged.pairs))
    user = Learned(sentences=10, keys={key: 5}, pairs={(key, english): (4, 7)})
    save_learned(user, tmp_path / "learned.tsv.gz")
    (layer,) = load_layers(tmp_path)
    assert layer.keys[key] == packaged.keys[key] + 5
    hits, background = packaged.pairs[(key, english)]
    assert layer.pairs[(key, english)] == (hits + 4, background + 7)
    # a user's table makes another store, also where its bytes once made one the old way
    alone = learned_digest([PACKAGED])
    assert learned_digest(learned_sources(tmp_path)) != alone


def test_a_users_senses_add_to_the_packaged_ones(tmp_path: Path) -> None:
    from dolmetsch.lexicon.senses import PACKAGED as SENSES
    from dolmetsch.lexicon.senses import Senses, load_senses, read_senses, save_senses

    packaged = read_senses(SENSES)
    key, found = next(iter(packaged.labelled.items()))
    english, count = next(iter(found.items()))
    user = Senses()
    user.labelled[key] = {english: 2.0}
    save_senses(user, tmp_path / "senses.tsv.gz")
    assert load_senses(tmp_path).labelled[key][english] == count + 2.0
    # a learned table named otherwise is not read by the store, and neither are its senses
    save_senses(user, tmp_path / "senses-mine.tsv.gz")
    save_learned(Learned(sentences=1), tmp_path / "mine.tsv.gz")
    assert load_senses(tmp_path).labelled[key][english] == count + 2.0


def test_a_sentence_of_another_script_or_language_has_no_confidence(
    engine: LexiconEngine,
) -> None:
    # Passed through untranslated with confidence 1.00: not marked, not counted.
    lines = [
        "Президент России Владимир Путин заявил о новых мерах.",
        "北京今天宣布了新的措施。",
        "😀🎉",
        "Buenos días, ¿cómo estás?",  # Latin letters, not one German word known
        "Die Polizei kam.",
        "100 € am 3. Mai, 20 °C",  # numbers and their signs: by rule, as before
        "Er sagte „Спасибо“ und ging.",  # German around a foreign word
    ]
    scored = [s.confidence for s in engine.translate_scored(lines)]
    assert scored[:4] == [0.0, 0.0, 0.0, 0.0]
    assert min(scored[4:]) > 0.0


def test_foreign_tokens() -> None:
    assert all(map(foreign_token, ["Путин", "北京", "😀", "ελπίδα", "➡️"]))
    assert not any(map(foreign_token, ["Łódź", "Citroën", "€", "°", "©", "100", "„"]))


@pytest.mark.parametrize("tty", [True, False])
def test_learn_progress_redraws_its_counters_on_a_terminal(tty: bool) -> None:
    # the review: `lexicon learn` scrolled about 80 lines on a terminal
    import io

    from dolmetsch.cli import _Lines

    stream = io.StringIO()
    lines = _Lines(stream, tty)
    for line in [
        "aligning words",
        "aligning words: iteration 1 of 4",
        "aligning words: iteration 2 of 4",
        "extracting phrase pairs",
        "2000 of 24744 sentence pairs",
        "4000 of 24744 sentence pairs",
        "9504 of their 19301 sentences translated without trials",
        "senses in context",
    ]:
        lines(line)
    lines.close()
    text = stream.getvalue()
    if tty:
        # the stages on lines of their own, the counters drawn over each other on one
        assert text.count("\n") == 5
        assert "\r" in text and "\x1b[K" in text
        assert text.endswith("dolmetsch: senses in context\n")
    else:
        assert text.count("\n") == 8 and "\r" not in text
