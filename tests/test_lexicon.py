"""The lexicon engine, on a store built from a small Ding-format excerpt written here.

The excerpt is our own text in Ding's line format (Ding itself is GPL data and is never
committed); building a store from it takes a few seconds, once per session.  The tests
marked ``real_ding`` use the installed /usr/share/trans/de-en and skip without it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from ding_excerpt import EXCERPT

from dolmetsch.engine import Engine
from dolmetsch.lexicon import (
    DING_PATH,
    LexiconEngine,
    LexiconError,
    Store,
    build_store,
    default_data_dir,
    open_lexicon,
    store_path,
)
from dolmetsch.lexicon.compound import split_compound
from dolmetsch.lexicon.engine import rules_digest
from dolmetsch.lexicon.english import undouble
from dolmetsch.lexicon.grammar import ADVERB, NEGATED, TENSE, reorder, tokenize
from dolmetsch.lexicon.sources import (
    COMBINING_FORM,
    clean_english,
    clean_german,
    english_irregulars,
    parse_ding,
)
from dolmetsch.lexicon.store import _fallback_rows
from dolmetsch.lexicon.words import weak_past

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="session")
def baseline(store_dir: Path, excerpt_ding: Path) -> LexiconEngine:
    return open_lexicon(store_dir, build=False, ding=excerpt_ding, mode="baseline")


TRANSLATIONS = [
    # lemmatisation and inflected forms
    ("Die Angriffe begann.", "The attacks began.", "plural-form"),
    ("Er griff die Hauptstadt an.", "He attacked the capital.", "separable-griff-an"),
    ("Die Regierung verhandelt.", "The government negotiates.", "inflected-verb"),
    # compounds
    ("Die Energieinfrastruktur.", "The energy infrastructure.", "compound-energie"),
    ("Die Waffenruhe soll beginnen.", "The ceasefire should begin.", "compound-in-ding"),
    ("Die Kriegsgefangene.", "The war prisoner.", "compound-linker-s"),
    ("Die Drohnenangriffe.", "The drone attacks.", "compound-linker-n"),
    # multi-word expressions, idioms, verb-final order
    ("Nach Angaben der Polizei.", "According to the police.", "mwe-nach-angaben"),
    ("Er stellte eine Einigung in Aussicht.", "He promised an agreement.", "idiom-in-aussicht"),
    ("Drei Menschen kamen ums Leben.", "Three people were killed.", "idiom-ums-leben"),
    (
        "Die Regierung hat eine Bitte erhalten.",
        "The government has received a request.",
        "aux-participle",
    ),
    (
        "Sie sagte, dass die Regierung eine Bitte erhalten hat.",
        "She said the government has received a request.",
        "verb-final-subordinate",
    ),
    # numbers, dates, ordinals, Swiss spelling, casing
    (
        "Die Regierung hat am 5. Februar 2026 eine Bitte erhalten.",
        "The government has received a request on 5 February 2026.",
        "date",
    ),
    ("Der 3. Angriff.", "The 3rd attack.", "ordinal"),
    (
        "Es waren 1.000 Drohnen und 19,7 Prozent.",
        "There were 1,000 drones and 19.7 percent.",
        "numbers",
    ),
    ("Ein aussenpolitischer Sprecher.", "A foreign-policy spokesman.", "swiss-ss"),
    # names pass through unchanged
    ("Sprecher Xaverius Quendt sagte.", "Spokesman Xaverius Quendt said.", "unknown-names"),
    # a hyphenated first name stays whole, and so does the surname beside it
    (
        "Sprecher Karl-Heinz Quendt sagte das.",
        "Spokesman Karl-Heinz Quendt said that.",
        "hyphen-name",
    ),
    # "das" before a verb is the pronoun, a clause's subject "This" (context.demonstrative_subject)
    ("Das kam.", "This came.", "das-pronoun"),
    ("Das Kind kam.", "The child came.", "das-article"),
    # an unknown name in the genitive before a known noun, no article
    ("Quendts Regierung kam.", "Quendt's government came.", "genitive-name"),
    # "werden" after a modal is the passive infinitive
    ("Der Vertrag muss verhandelt werden.", "The contract must be negotiated.", "modal-passive"),
    # "soll" with a passive infinitive in a main clause announces a plan
    ("Der Vertrag soll verhandelt werden.", "The contract is to be negotiated.", "soll-plan"),
    # a present participle as an adjective is English -ing
    ("Die beginnende Einigung.", "The beginning agreement.", "present-participle"),
    # a demonstrative before a plural noun
    ("Diese Drohnen kamen.", "These drones came.", "these"),
    # a preposition with the genitive says "of" itself
    ("Er kam wegen des Vertrages.", "He came because of the contract.", "genitive-preposition"),
    # a participle with no "ge-" after "wird" is the passive
    ("Der Vertrag wird verhandelt.", "The contract is negotiated.", "passive-no-ge"),
    # the perfect of a verb of change takes "sein": "has", not "is"
    ("Die Drohne ist gestiegen.", "The drone has risen.", "perfect-sein"),
    # tense and number kept when a form is found only through its lemma
    ("Die Regierungen begannen.", "The governments began.", "lemma-past"),
    ("Die Kinder trafen die Regierung.", "The children met the government.", "ding-irregular"),
    ("Bei den Drohnenangriffen.", "At the drone attacks.", "compound-dative-plural"),
    ("Er stellt eine Einigung in Aussicht.", "He promises an agreement.", "idiom-3sg"),
    # adverbs, negation, auxiliaries
    (
        "Die Energieinfrastruktur wurde schwer beschädigt.",
        "The energy infrastructure was heavily damaged.",
        "adverb-before-participle",
    ),
    ("Er kommt nicht.", "He does not come.", "do-support-present"),
    ("Er kam nicht.", "He did not come.", "do-support-past"),
    ("Die Hauptstadt ist angegriffen worden.", "The capital has been attacked.", "ist-worden"),
    ("Er wurde Sprecher.", "He was spokesman.", "wurde-without-participle"),
    (
        "Die Regierung hat die Bitte nicht erhalten.",
        "The government has not received the request.",
        "nicht-after-auxiliary",
    ),
    ("Die Hauptstadt wurde nicht angegriffen.", "The capital was not attacked.", "passive-nicht"),
    ("Es waren 50 % der Drohnen.", "There were 50% of the drones.", "percent-genitive"),
    ("Es waren 50 Prozent der Drohnen.", "There were 50 percent of the drones.", "prozent-der"),
    # English punctuation: no comma before "that"; a quotation's comma inside the quotes
    ("„Wir kamen“, sagte er.", '"We came," he said.', "quote-comma"),
    # quantities, durations and times of day
    ("Der 35-Jährige kam.", "The 35-year-old came.", "year-old-noun"),
    ("Es waren über 30.000 Drohnen.", "There were over 30,000 drones.", "uber-number"),
    ("Es waren bis zu 50 Drohnen.", "There were up to 50 drones.", "bis-zu-number"),
    ("Er kam seit drei Jahren nicht.", "He did not come for three years.", "seit-duration"),
    ("Er kam am Morgen.", "He came in the morning.", "am-morgen"),
    ("Auch wenn er kam, sagte er nichts.", "Even if he came, he said nothing.", "auch-wenn"),
    ("Heute kommt Quendt.", "Today, Quendt comes.", "name-subject-inversion"),
    # a quoted sentence starts with a capital letter, as the sentence itself does
    ("„Wir kamen.“", '"We came."', "quote-capital"),
    ("Er sagte: „Wir kamen nicht.“", 'He said: "We did not come."', "colon-quote-capital"),
    # word order: time adverbials, fronted phrases, zu-infinitives
    (
        "Die Regierung begann am Montag die Angriffe.",
        "The government began the attacks on Monday.",
        "time-after-object",
    ),
    ("Am Montag sagte er nichts.", "On Monday, he said nothing.", "fronted-pp-inversion"),
    ("Sie kamen, um zu helfen.", "They came to help.", "um-zu"),
    # names: place-name endings are not compounds; places, countries, surnames
    ("Er kam nach Kriegsberg.", "He came to Kriegsberg.", "name-suffix-nach-place"),
    ("Die Regierung der Türkei kam.", "The government of Turkey came.", "country-no-the"),
    ("Er kam in die Türkei.", "He came in Turkey.", "country-no-the-article"),
    ("„Wir kamen“, sagte der Sprecher.", '"We came," the spokesman said.', "quote-not-relative"),
    # prepositions by their complement
    ("Es kam dazu, dass die Regierung kam.", "It came to that the government came.", "dazu-dass"),
    ("Die Frauen kamen.", "The women came.", "article-noun-not-phrase"),
    ("Die Angriffe stiegen um 5 Prozent.", "The attacks rose by 5 percent.", "um-percent-by"),
    ("Die Drohnen waren an der Hauptstadt.", "The drones were at the capital.", "an-dative-at"),
    # clause openers and context-dependent function words
    ("Als er kam, sagte er nichts.", "When he came, he said nothing.", "als-when"),
    (
        "Da die Regierung kam, sagte er nichts.",
        "Because the government came, he said nothing.",
        "da-because",
    ),
    ("Wie die Regierung sagte.", "As the government said.", "wie-as"),
    ("Es gibt eine Einigung.", "There is an agreement.", "es-gibt"),
    ("Sie sagt, dass die Regierung kommt.", "She says the government comes.", "sie-she"),
    ("Ein Symbol neuer Energie.", "A symbol of new energy.", "bare-genitive"),
    (
        "Er kam um 20 Uhr und gegen 9.30 Uhr.",
        "He came at 8 p.m. and at around 9.30 a.m.",
        "clock-times",
    ),
]


@pytest.mark.parametrize(
    ("german", "english"), [c[:2] for c in TRANSLATIONS], ids=[c[2] for c in TRANSLATIONS]
)
def test_translation(engine: LexiconEngine, german: str, english: str) -> None:
    assert engine.translate([german]) == [english]


def test_undouble_drops_an_article_before_a_sense_with_its_own() -> None:
    assert undouble(["the", "the public prosecutor", "came"]) == ["the public prosecutor", "came"]
    assert undouble(["the", "the", "war"]) == ["the", "war"]
    assert undouble(["a", "the"]) == ["a", "the"]  # one word each: nothing to tell
    assert undouble(["last week", "week", "he"]) == ["last week", "he"]
    assert undouble(["week", "week"]) == ["week", "week"]  # no phrase brought it


def test_weak_past_forms() -> None:
    assert weak_past("erzielte", "erzielen")
    assert weak_past("erzielten", "erzielen")
    assert weak_past("redete", "reden")
    assert not weak_past("erzielen", "erzielen")  # the infinitive
    assert not weak_past("Erzielte", "erzielen")  # a noun
    assert not weak_past("kamen", "kommen")  # strong verbs have their own forms


def test_inflected_stems_only_of_their_part_of_speech(engine: LexiconEngine) -> None:
    assert engine.words.inflected_stem("außenpolitischen") == ("außenpolitisch", "")
    assert engine.words.inflected_stem("Vertrages") == ("Vertrag", "")
    assert engine.words.inflected_stem("Kinds") is None  # too short a word: no guess
    assert engine.words.inflected_stem("Sprechers") == ("Sprecher", "")
    assert engine.words.inflected_stem("verhandelte") is None  # a verb, not an adjective


def test_translation_does_not_depend_on_the_batch(engine: LexiconEngine) -> None:
    # Each sentence is translated on its own: the memory reuses translations sentence by
    # sentence, and a run must give the same bytes whatever else is in its batch.
    alone = engine.translate(["Der Sprecher Langer kam."])
    assert engine.translate(["Bernhard Langer kam.", "Der Sprecher Langer kam."])[1:] == alone


def test_sense_choice_is_ranked_not_ding_order(
    engine: LexiconEngine, baseline: LexiconEngine
) -> None:
    # Ding lists "administration" first for Regierung; de2en's corpus agreement and English
    # frequency both favour "government", so the ranked sense differs from the first one.
    sense = engine.store.sense("Regierung")
    assert sense is not None
    assert (sense.first, sense.en) == ("administration", "government")
    assert baseline.translate(["Die Regierung."]) == ["Die administration."]  # no "die"


def test_past_participle_sense_after_auxiliary(engine: LexiconEngine) -> None:
    # "erhalten" is both infinitive (get) and participle (received); after "hat" the
    # past-participle sub-entry wins.
    sense = engine.store.sense("erhalten")
    assert sense is not None
    assert sense.en != sense.en_pp == "received"


def test_lemma_lookup(engine: LexiconEngine) -> None:
    assert engine.lemma("Angriffen") == "Angriff"
    # Found through its lemma, the dative plural keeps its number in English.
    assert engine.lookup("Angriffen") == "attacks"


def test_undouble_function_words() -> None:
    assert undouble(["according to", "to", "the", "the", "police"]) == [
        "according to",
        "the",
        "police",
    ]
    assert undouble(["bye", "bye"]) == ["bye", "bye"]  # content words may repeat


def test_english_inflection(engine: LexiconEngine) -> None:
    # Ding's irregular-verb note ("to meet {met; met}") and aligned plurals come first;
    # the regular rules cover the rest.
    assert engine.store.inflection("meet", "past") == "met"
    assert engine.store.inflection("child", "pl") == "children"
    assert engine.inflect("be killed", "past", "kamen") == "were killed"
    assert engine.inflect("stop", "past") == "stopped"
    assert engine.inflect("carry", "past") == "carried"
    assert engine.inflect("prisoner of war", "pl") == "prisoners of war"
    assert engine.inflect("box", "pl") == "boxes"


def test_lemma_tags(engine: LexiconEngine) -> None:
    assert engine.lemma_tag("Angriffen") == ("Angriff", "pl")
    assert engine.lemma_tag("begannen") == ("beginnen", "past")
    assert engine.lemma_tag("neuen") == ("neu", "")


def test_english_irregulars_from_ding_notes() -> None:
    lines = ["beginnen {vi} :: to begin {began; begun}; to start\n", "x :: to go {went; gone}\n"]
    assert english_irregulars(lines) == {"begin": ("began", "begun"), "go": ("went", "gone")}


def test_fallback_only_for_common_nouns_ding_lacks() -> None:
    de2en = {
        "Polizei": ["Police", "cops", "police"],  # common, lower-cased candidate agrees
        "Bischoff": ["Bishop", "bishop"],  # a name: too rare
        "Haus": ["House", "house"],  # Ding knows it
        "Ahoi": ["Ahoy", "Marita"],  # no lower-case agreement
    }
    freq = {"polizei": 2e-4, "bischoff": 1e-6, "haus": 1e-3, "ahoi": 2e-5}
    ding = {"Haus": []}
    rows = _fallback_rows(de2en, ding, set(), freq)
    assert [(r[0], r[1], r[4]) for r in rows] == [("Polizei", "police", "N")]


def test_baseline_is_word_by_word(baseline: LexiconEngine) -> None:
    assert baseline.translate(["Die Angriffe begann."]) == ["Die attacks began."]
    assert baseline.info.name == "lexicon-baseline"


def test_english_nouns_are_lower_case(engine: LexiconEngine) -> None:
    out = engine.translate(["Die Polizei und der Sprecher der Regierung."])
    # "Sprecher der" is a learned phrase pair: "spokesman for the"
    assert out == ["The police and the spokesman for the government."]


def test_one_target_per_source_in_order(engine: LexiconEngine) -> None:
    sources = ["Die Angriffe.", "", "Die Polizei.", "Die Angriffe."]
    done: list[int] = []
    out = engine.translate(sources, done.append)
    assert out == ["The attacks.", "", "The police.", "The attacks."]
    assert sum(done) == len(sources)


def test_caches_stay_bounded_and_give_the_same_translations(
    store_dir: Path, excerpt_ding: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dolmetsch.lexicon.engine as lexicon_engine
    import dolmetsch.lexicon.store as lexicon_store
    import dolmetsch.lexicon.words as lexicon_words

    sentences = [c[0] for c in TRANSLATIONS]
    expected = open_lexicon(store_dir, build=False, ding=excerpt_ding).translate(sentences)
    monkeypatch.setattr(lexicon_engine, "CACHE_LIMIT", 3)
    monkeypatch.setattr(lexicon_store, "CACHE_LIMIT", 3)
    monkeypatch.setattr(lexicon_words, "CACHE_LIMIT", 3)
    small = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    assert small.translate(sentences) == expected
    assert 0 < len(small.words._words) <= 4 and len(small.words._compounds) <= 4
    assert len(small.store._senses) <= 4


def test_deterministic(store_dir: Path, excerpt_ding: Path) -> None:
    sentences = [c[0] for c in TRANSLATIONS]
    first = open_lexicon(store_dir, build=False, ding=excerpt_ding).translate(sentences)
    second = open_lexicon(store_dir, build=False, ding=excerpt_ding).translate(sentences)
    assert first == second


def test_implements_engine_protocol(engine: LexiconEngine) -> None:
    typed: Engine = engine
    assert typed.info.name == "lexicon"
    assert typed.info.model == "ding+de2en"
    assert typed.info.model_version == f"{engine.store.version}-r{rules_digest()}"


def test_the_engine_names_its_rules_too(tmp_path: Path) -> None:
    # a new release's rules must not be served an older one's machine translations from the
    # translation memory, which keys on the engine's name: the name carries the code's hash
    from dolmetsch.lexicon.engine import source_digest

    (tmp_path / "rules.py").write_text("RULES = 1\n", encoding="utf-8")
    before = source_digest(tmp_path)
    (tmp_path / "rules.py").write_text("RULES = 2\n", encoding="utf-8")
    assert source_digest(tmp_path) != before
    assert len(before) == 8


COMPOUNDS = [
    ("Energieinfrastruktur", ["Energie", "Infrastruktur"]),
    ("Drohnenangriffe", ["Drohne", "Angriffe"]),
    ("Kriegsgefangene", ["Krieg", "Gefangene"]),
    ("Sprechpolizei", None),  # "Sprech" is not a word of the excerpt
    ("Polizeineu", None),  # the head of a compound noun is a noun, not "neu"
]


@pytest.mark.parametrize(("word", "parts"), COMPOUNDS, ids=[c[0] for c in COMPOUNDS])
def test_split_compound(engine: LexiconEngine, word: str, parts: list[str] | None) -> None:
    assert split_compound(word, engine.words.known_part, engine.words.frequency) == parts


REORDER = [
    ("Die Regierung hat eine Bitte erhalten", "Die Regierung hat erhalten eine Bitte", "aux"),
    ("Gestern hat er eine Bitte erhalten", "Gestern , er hat erhalten eine Bitte", "inversion"),
    ("dass er eine Bitte erhalten hat", "dass er hat erhalten eine Bitte", "verb-final"),
    ("Er griff die Hauptstadt an", "Er griff an die Hauptstadt", "particle"),
    (
        "Er stellte eine Einigung in Aussicht",
        f"Er in Aussicht stellen{TENSE}stellte eine Einigung",
        "idiom",
    ),
    (
        "Er hat am 5. Februar eine Bitte erhalten",
        "Er hat erhalten eine Bitte am 5 . Februar",
        "time-last",
    ),
    ("Er kommt heute nicht", f"Er {NEGATED}kommt heute", "nicht-to-verb"),
    (
        "Die Infrastruktur wurde schwer beschädigt",
        f"Die Infrastruktur wurde {ADVERB}schwer beschädigt",
        "adverb",
    ),
    ("um die Regierung zu treffen", "zu treffen die Regierung", "um-zu"),
    ("Am Montag sagte er nichts", "Am Montag , er sagte nichts", "fronted-pp"),
]


@pytest.mark.parametrize(
    ("german", "ordered"), [r[:2] for r in REORDER], ids=[r[2] for r in REORDER]
)
def test_reorder(engine: LexiconEngine, german: str, ordered: str) -> None:
    assert " ".join(reorder(tokenize(german), engine)) == ordered


CLEANING = [
    (clean_german, "jdm. etw. in Aussicht stellen", "in Aussicht stellen"),
    (clean_german, "er/sie griff an", "griff an"),
    (clean_english, "to promise sb. sth.", "promise"),
    (clean_english, "he/she attacked", "attacked"),
]


@pytest.mark.parametrize(("clean", "raw", "cleaned"), CLEANING, ids=[c[1] for c in CLEANING])
def test_cleaning(clean: Any, raw: str, cleaned: str) -> None:
    assert clean(raw) == cleaned


def test_parse_ding_aligns_sub_entries() -> None:
    line = "gehen {vi} | gehend | gegangen :: to go | going | gone\n"
    pairs = [(p.de, p.en, p.sub, p.pos) for p in parse_ding([line])]
    assert pairs == [
        ("gehen", "go", 0, "V"),
        ("gehend", "going", 1, "V"),
        ("gegangen", "gone", 2, "V"),
    ]


def test_parse_ding_marks_combining_forms() -> None:
    # "Kriegs…" is the first part of compounds, not a word of its own
    line = "kriegerisch {adj}; Kriegs… :: martial\n"
    pairs = [(p.de, p.en, p.pos) for p in parse_ding([line])]
    assert pairs == [("kriegerisch", "martial", "ADJ"), ("Kriegs", "martial", COMBINING_FORM)]


def test_parse_ding_keeps_no_there_for_a_verb_form_alone() -> None:
    # "es gibt … :: there is …": without its "es", "gibt" is "gives"
    line = "geben {vt} | es wird … geben | es gibt … :: will be | there will be … | there is …\n"
    assert [(p.de, p.en) for p in parse_ding([line])] == [("geben", "will be")]


def test_parse_ding_drops_other_spellings_in_angle_brackets() -> None:
    # a native name or spelling variant is no part of the English ("Warsaw <Warszawa>")
    line = (
        "Warschau (Hauptstadt) [geogr.] <Warszawa> :: Warsaw (capital) <Warszawa>\n"
        "Abbrecher {m} <Aussteiger> :: dropout <drop-out> <drop out>\n"
    )
    pairs = [(p.de, p.en) for p in parse_ding(line.splitlines(keepends=True))]
    assert pairs == [("Warschau", "Warsaw"), ("Abbrecher", "dropout")]


def test_parse_ding_skips_misaligned_and_examples() -> None:
    lines = ["a | b :: x\n", "Das ist gut. :: That is good.\n", "# comment :: no\n"]
    assert list(parse_ding(lines)) == []


# ---------------------------------------------------------------------------- the store


def test_default_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DOLMETSCH_DATA_DIR", str(tmp_path / "explicit"))
    assert default_data_dir() == tmp_path / "explicit"
    monkeypatch.delenv("DOLMETSCH_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "dolmetsch"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_data_dir() == Path.home() / ".local" / "share" / "dolmetsch"


def test_missing_ding_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "de-en"
    with pytest.raises(LexiconError) as caught:
        open_lexicon(tmp_path, ding=missing)
    assert str(caught.value) == (
        f"{missing}: Ding dictionary not found; install Debian's trans-de-en "
        "(apt-get install trans-de-en) or run: make install"
    )


def test_missing_store_without_build(tmp_path: Path, excerpt_ding: Path) -> None:
    with pytest.raises(LexiconError, match="run: dolmetsch lexicon build"):
        open_lexicon(tmp_path, build=False, ding=excerpt_ding)


def test_store_is_rebuilt_when_ding_changes(tmp_path: Path, excerpt_ding: Path) -> None:
    ding = tmp_path / "de-en"
    ding.write_text(EXCERPT, encoding="utf-8")
    data = tmp_path / "data"
    old = open_lexicon(data, ding=ding)
    old_path = old.store.path
    assert old.translate(["Die Polizei."]) == ["The police."]
    old.store.close()
    ding.write_text(EXCERPT.replace(":: police", ":: constabulary"), encoding="utf-8")
    new = open_lexicon(data, ding=ding)
    assert new.store.path != old_path == store_path(data, excerpt_ding)
    assert new.translate(["Die Polizei."]) == ["The constabulary."]
    stores = sorted(p.name for p in data.glob("lexicon-*"))
    assert stores == [new.store.path.name]  # old one removed


class _FailingConnection(sqlite3.Connection):
    def executemany(self, sql: str, rows: Any, /) -> sqlite3.Cursor:
        if "INTO name" in sql:
            raise OSError("disk full")
        return super().executemany(sql, rows)


def test_store_build_is_atomic(
    tmp_path: Path, excerpt_ding: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_connect = sqlite3.connect

    def connect(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        return real_connect(path, *args, factory=_FailingConnection, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    with pytest.raises(OSError, match="disk full"):
        build_store(tmp_path, excerpt_ding)
    assert list(tmp_path.iterdir()) == []  # neither a store nor a temporary file is left


def test_not_a_store(tmp_path: Path) -> None:
    bad = tmp_path / "lexicon-x-v1.sqlite"
    bad.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(LexiconError, match="not a lexicon store"):
        Store(bad)


# ---------------------------------------------------------------------------- real Ding

real_ding = pytest.mark.skipif(
    not DING_PATH.is_file(),
    reason=f"{DING_PATH} not installed (Debian package trans-de-en)",
)
_REAL_WORDS = (
    "Regierung", "Bitte", "erhalten", "Waffenruhe", "beginnen", "Angaben", "Polizei",
    "ums Leben", "Aussicht", "Drohne", "Angriff", "Energie", "Infrastruktur", "Einigung",
    "stellen", "kommen", "Mensch",
)  # fmt: skip


@pytest.fixture(scope="module")
def real_engine(tmp_path_factory: pytest.TempPathFactory) -> LexiconEngine:
    # The whole file builds in ~25 s; the lines that hold the test words build in ~5 s and
    # exercise the same parser on the real data.
    excerpt = tmp_path_factory.mktemp("real-ding") / "de-en"
    with DING_PATH.open(encoding="utf-8") as stream:
        lines = [line for line in stream if any(w in line for w in _REAL_WORDS)]
    excerpt.write_text("".join(lines), encoding="utf-8")
    return open_lexicon(tmp_path_factory.mktemp("real-data"), ding=excerpt)


REAL = [
    (
        "Die Regierung hat eine Bitte erhalten.",
        "The government has received a request.",
        "bitte-erhalten",
    ),
    ("Die Waffenruhe soll am 3. März beginnen.", "The ceasefire should begin on 3 March.", "date"),
]


@real_ding
@pytest.mark.parametrize(("german", "english"), [r[:2] for r in REAL], ids=[r[2] for r in REAL])
def test_real_ding(real_engine: LexiconEngine, german: str, english: str) -> None:
    assert real_engine.translate([german]) == [english]


@real_ding
def test_real_ding_parses_whole_file() -> None:
    with DING_PATH.open(encoding="utf-8") as stream:
        keys = {pair.de for pair in parse_ding(stream)}
    assert len(keys) > 300_000
    assert {"Waffenruhe", "ums Leben kommen", "rief an"} <= keys


def test_word_groups_are_answered_from_their_first_words_phrases(engine: LexiconEngine) -> None:
    # ``Store.sense`` looks a group of words up among the phrases of its first word (read
    # once): each key, the groups among them, is still found, and a group that is no key
    # ("Polizei kommen", asked by the idiom rules) costs no query of its own.
    store = engine.store
    keys = [str(key) for (key,) in store._con.execute("SELECT de FROM sense")]
    groups = [key for key in keys if " " in key]
    assert groups
    assert all(store.sense(key) is not None for key in keys)
    asked: list[str] = []
    store._con.set_trace_callback(asked.append)
    try:
        assert store.sense("Polizei kommen") is None
        assert store.sense("Polizei gehen") is None
    finally:
        store._con.set_trace_callback(None)
    assert not any("FROM sense" in sql for sql in asked), asked
