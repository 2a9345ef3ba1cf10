"""Word alignment, phrase extraction and the acceptance of learned phrase pairs.

The parallel text is our own, a few made-up sentences; the engine runs on the store built
from the Ding-format excerpt (tests/ding_excerpt.py).
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
import sacrebleu

from dolmetsch.lexicon import LexiconEngine, open_lexicon
from dolmetsch.lexicon.align import (
    phrase_spans,
    symmetrize,
    train,
    train_links,
    viterbi,
    viterbi_links,
)
from dolmetsch.lexicon.learn import (
    Trial,
    accept_phrases,
    align_pairs,
    char_ngrams,
    chrf,
    extract_phrases,
    ngram_occurrences,
    phrase_candidates,
)
from dolmetsch.lexicon.learned import PACKAGED, Learned, load_learned, save_learned

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _ids(sentences: list[list[str]], vocabulary: dict[str, int]) -> list[list[int]]:
    return [[vocabulary.setdefault(w, len(vocabulary)) for w in s] for s in sentences]


def _learning_engine(store_dir: Path, excerpt_ding: Path) -> LexiconEngine:
    """The excerpt's engine as while learning: the packaged phrase pairs do not count."""
    engine = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    engine.use_learned_phrases = False
    return engine


def test_em_finds_the_words_that_go_together() -> None:
    german = [["das", "haus"], ["das", "buch"], ["ein", "buch"], ["ein", "haus"]]
    english = [["the", "house"], ["the", "book"], ["a", "book"], ["a", "house"]]
    de: dict[str, int] = {"": 0}
    en: dict[str, int] = {"": 0}
    source, target = _ids(german, de), _ids(english, en)
    t = train(source, target, len(de), iterations=5)
    assert t[de["buch"]][en["book"]] > 0.9
    assert t[de["das"]][en["the"]] > 0.9
    # each English word from the German word that explains it everywhere
    assert viterbi(source[1], target[1], t) == [0, 1]
    assert viterbi(source[3], target[3], t) == [0, 1]


def test_dictionary_seeds_align_a_word_seen_once_against_the_diagonal() -> None:
    # One sentence, the order crossed: by position alone "krieg" would take "peace".
    source, target = [[1, 2]], [[2, 1]]  # krieg=1 frieden=2; war=1 peace=2
    plain = train(source, target, 3, iterations=3)
    seeded = train(source, target, 3, seeds={1: [1], 2: [2]}, iterations=3)
    assert viterbi(source[0], target[0], plain) == [0, 1]
    assert viterbi(source[0], target[0], seeded) == [1, 0]


def test_links_of_the_whole_text_are_viterbis_pair_by_pair() -> None:
    german = [
        ["das", "haus", "ist", "alt"],
        ["das", "buch"],
        [],
        ["ein", "altes", "buch", "und", "ein", "haus"],
        ["ein", "haus"],
    ]
    english = [
        ["the", "house", "is", "old"],
        ["the", "book"],
        ["nothing"],
        ["an", "old", "book", "and", "a", "house"],
        ["a", "house", "again"],
    ]
    de: dict[str, int] = {"": 0}
    en: dict[str, int] = {"": 0}
    source, target = _ids(german, de), _ids(english, en)
    # "und" and "altes" with a seed each, so ties and NULL links both occur
    seeds = {de["und"]: [en["and"]], de["altes"]: [en["old"]]}
    for iterations in (0, 1, 3):
        t = train(source, target, len(de), seeds, iterations)
        table, links = train_links(source, target, len(de), seeds, iterations)
        assert table == t
        assert links == [viterbi(fs, es, t) for fs, es in zip(source, target, strict=True)]
        # the links alone (no table built) are the same
        assert viterbi_links(source, target, len(de), seeds, iterations) == links
    assert links[2] == [-1]  # no German word: every English word from NULL


def test_symmetrize_grows_from_the_intersection() -> None:
    # German "er geht davon aus" / English "he assumes": the English->German direction
    # gives "assumes" to "geht" only; German->English gives all three to "assumes".
    links = symmetrize([0, 1, 1, 1], [0, 1])
    assert links == {(0, 0), (1, 1), (2, 1), (3, 1)}
    # a link of one direction only, far from the others, between words already aligned, is
    # left out; one next to a link is grown along
    assert symmetrize([0, 1, 2, 0], [0, 1, 2, 3]) == {(0, 0), (1, 1), (2, 2), (3, 3)}
    # final-and: a link of one direction between two words nothing else aligns is kept
    assert symmetrize([0, -1, -1, -1], [0, -1, -1, 2]) == {(0, 0), (2, 3)}


def test_phrase_spans_are_consistent_with_the_links() -> None:
    links = frozenset({(0, 0), (1, 1), (2, 1), (3, 1)})
    assert set(phrase_spans(links, 4, 2)) == {(0, 1, 0, 1), (1, 4, 1, 2), (0, 4, 0, 2)}
    # an unaligned German word at the edge makes phrases of its own with its neighbour,
    # never one alone
    links = frozenset({(0, 0), (2, 1)})
    assert set(phrase_spans(links, 3, 2)) == {
        (0, 1, 0, 1),
        (0, 2, 0, 1),
        (1, 3, 1, 2),
        (2, 3, 1, 2),
        (0, 3, 0, 2),
    }


PARALLEL = [
    ("Die Regierung hat den Vertrag unterschrieben.", "The government signed the contract."),
    ("Der Sprecher sagte, der Vertrag sei neu.", "The spokesman said the contract was new."),
    ("Die Polizei hat den Vertrag erhalten.", "The police received the contract."),
    ("Der Krieg begann.", "The war began."),
    ("Nach Angaben der Polizei begann der Angriff.", "According to police, the attack began."),
    ("Die Drohnen kamen nach Angaben der Regierung.", "The drones came, according to officials."),
]


def test_align_pairs_and_extract_phrases(store_dir: Path, excerpt_ding: Path) -> None:
    engine = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    aligned = align_pairs(PARALLEL, engine)
    first = aligned[0]
    assert first.german == ("Die", "Regierung", "hat", "den", "Vertrag", "unterschrieben")
    assert first.english == ("The", "government", "signed", "the", "contract")
    words = {(first.german[i], first.english[j]) for i, j in first.links}
    assert {("Regierung", "government"), ("Vertrag", "contract")} <= words
    assert ("unterschrieben", "signed") in words
    counts, spellings = extract_phrases(aligned)
    assert counts["vertrag"] == {"contract": 3}
    # the genitive "der" goes with "to": the phrase takes it in
    assert counts["nach angaben der"] == {"according to": 2}
    # a capital at the start of the sentence counts little
    assert spellings["according to"] == {"According to": 0.11, "according to": 1.1}
    where, written = ngram_occurrences(aligned, {"nach angaben", "vertrag"})
    assert where == {"vertrag": [0, 1, 2], "nach angaben": [4, 5]}
    assert written["vertrag"] == "Vertrag"


def test_sentence_chrf_is_sacrebleus() -> None:
    pairs = [
        ("The government signed the contract.", "The administration signed a treaty."),
        ("war", "The war began."),
        ("", "Nothing."),
    ]
    for hypothesis, reference in pairs:
        ours = chrf(char_ngrams(hypothesis), char_ngrams(reference))
        theirs = sacrebleu.sentence_chrf(hypothesis, [reference]).score
        assert ours == pytest.approx(theirs, abs=1e-6)


def test_acceptance_keeps_what_helps_and_rejects_what_hurts(
    store_dir: Path, excerpt_ding: Path
) -> None:
    engine = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    pairs = [
        ("Die Regierung kam.", "The administration came."),
        ("Die Regierung sagte nichts.", "The administration said nothing."),
        ("Die Regierung hat eine Bitte erhalten.", "The administration received a request."),
        ("Die Polizei kam.", "The police came."),
        ("Die Polizei sagte nichts.", "The police said nothing."),
        ("Die Polizei begann.", "The police began."),
    ]
    assert engine.translate(["Die Regierung kam."]) == ["The government came."]
    occurrences = {"regierung": [0, 1, 2], "polizei": [3, 4, 5]}
    trials = accept_phrases(
        [("regierung", "administration"), ("polizei", "banana")], occurrences, pairs, engine
    )
    good, bad = trials
    assert good == Trial("regierung", "administration", 3, 3, 3, 0, good.gain)
    assert good.gain > 0 and good.accepted
    assert bad.worse == 3 and bad.gain < 0 and not bad.accepted
    # the trial is over: the engine is itself again
    assert engine.translate(["Die Polizei kam."]) == ["The police came."]


# Sentence pairs and candidates of the trials run in worker processes or translated ahead.
TRIAL_PAIRS = [
    ("Die Regierung sagte nichts.", "The administration said nothing."),
    ("Die Regierung begann.", "The administration began."),
    ("Die Regierung kam.", "The administration came."),
    ("Die Polizei sagte nichts.", "The police said nothing."),
    ("Die Polizei begann.", "The police began."),
]
TRIAL_CANDIDATES = [("regierung", "administration"), ("polizei", "banana"), ("polizei", "police")]


def test_trials_in_worker_processes_give_the_same_verdicts(
    store_dir: Path, excerpt_ding: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dolmetsch.lexicon import learn

    engine = _learning_engine(store_dir, excerpt_ding)
    pairs = TRIAL_PAIRS
    occurrences = {"regierung": [0, 1, 2], "polizei": [3, 4]}
    candidates = TRIAL_CANDIDATES
    alone = accept_phrases(candidates, occurrences, pairs, engine)
    monkeypatch.setattr(learn, "PARALLEL_LEAST", 0)
    monkeypatch.setattr(learn, "TRIAL_CHUNK", 1)  # three chunks over two processes
    seen: list[int] = []
    together = accept_phrases(candidates, occurrences, pairs, engine, seen.append, workers=2)
    assert together == alone
    assert [t.german for t in together] == ["regierung", "polizei", "polizei"]
    assert alone[0].accepted and not alone[1].accepted
    assert seen == [1, 2, 3]


def test_trials_score_what_whole_translations_score(
    store_dir: Path, excerpt_ding: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A trial reorders each sentence once and translates only where its German can match
    # after the reordering; the verdicts are those of translating every sentence whole.
    from dolmetsch.lexicon import learn

    engine = _learning_engine(store_dir, excerpt_ding)
    pairs = [
        ("Die Regierung hat den Vertrag unterschrieben.", "The cabinet signed the treaty."),
        ("Die Regierung kam.", "The cabinet came."),
        ("Der Vertrag kam nicht.", "The treaty did not come."),
        ("Die Polizei hat den Vertrag gelesen.", "The police read the treaty."),
        ("Die Polizei kam.", "The police came."),
        # "zufolge" translates its noun phrase apart ("according to the government")
        ("Der Regierung zufolge kam die Polizei.", "According to the cabinet, the police came."),
    ]
    occurrences = {"regierung": [0, 1, 5], "vertrag": [0, 2, 3], "hat den": [0, 3]}
    candidates = [
        ("regierung", "cabinet"),
        ("vertrag", "treaty"),
        ("vertrag", "contract"),
        ("hat den", "read the"),  # apart after the reordering: "hat ... unterschrieben"
    ]

    def whole(german: str, english: str) -> Trial:
        changed = better = worse = 0
        gain = 0.0
        for index in occurrences[german]:
            source, reference = pairs[index]
            engine.try_phrases({})
            before = chrf(char_ngrams(engine.translate_sentence(source)), char_ngrams(reference))
            engine.try_phrases({german: english})
            after = chrf(char_ngrams(engine.translate_sentence(source)), char_ngrams(reference))
            delta = after - before
            changed += delta != 0
            gain += delta
            better += delta > 0
            worse += delta < 0
        engine.try_phrases({})
        tried = len(occurrences[german])
        return Trial(german, english, tried, changed, better, worse, round(gain, 3))

    expected = [whole(g, e) for g, e in candidates]
    assert any(t.changed for t in expected)
    assert expected[0].changed == 3  # also the noun phrase that "zufolge" translates apart
    assert accept_phrases(candidates, occurrences, pairs, engine) == expected
    monkeypatch.setattr(learn, "PARALLEL_LEAST", 0)
    monkeypatch.setattr(learn, "TRIAL_CHUNK", 2)
    sentences: list[tuple[int, int]] = []
    together = accept_phrases(
        candidates,
        occurrences,
        pairs,
        engine,
        workers=2,
        baseline_progress=lambda n, of: sentences.append((n, of)),
    )
    assert together == expected
    # each sentence tried is translated without trials once, before the trials
    assert sentences[-1] == (5, 5)  # the fifth is in no trial


def test_candidates_keep_the_guards(store_dir: Path, excerpt_ding: Path) -> None:
    engine = _learning_engine(store_dir, excerpt_ding)
    counts = {
        # an article the German lacks is not learned; the second English is tried instead
        "regierung": {"the administration": 6, "administration": 5, "cabinet": 1},
        # no negation the German lacks
        "unbedingt": {"not necessarily": 6},
        # what the engine says anyway needs no trial
        "polizei": {"police": 9},
        # single function words and numbers have their own rules; function words together
        # make phrases ("zu viele" is "too many", not "to many")
        "der": {"of the": 8},
        "2015": {"2015": 8},
        "zu viele": {"too many": 7},
        # a hand-written rule for the same words decides
        "auch wenn": {"even though": 9},
    }
    occurrences = {g: list(range(10)) for g in counts}
    spelling = {"regierung": "Regierung", "unbedingt": "unbedingt", "polizei": "Polizei"}
    spelling |= {"der": "der", "2015": "2015", "zu viele": "zu viele", "auch wenn": "auch wenn"}
    found = phrase_candidates(counts, occurrences, spelling, engine)
    assert found == [("regierung", "administration"), ("zu viele", "too many")]


def test_a_users_phrase_pair_decides_over_the_packaged_one(
    tmp_path: Path, excerpt_ding: Path
) -> None:
    packaged = load_learned([PACKAGED]).phrases
    assert packaged["im gegenzug"][0] == "in return"  # learned from the news test sets
    data = tmp_path / "data"
    save_learned(Learned(phrases={"im gegenzug": ("in exchange", 5, 6)}), data / "learned.tsv.gz")
    engine = open_lexicon(data, ding=excerpt_ding)
    assert engine.translate(["Im Gegenzug kam die Polizei."])[0].startswith("In exchange")


def test_a_word_pair_learned_without_context_yields_where_the_form_decides(
    tmp_path: Path, excerpt_ding: Path
) -> None:
    data = tmp_path / "data"
    pairs = {"neu": ("newly", 5, 6), "regierung": ("administrations", 5, 6)}
    save_learned(Learned(phrases=pairs), data / "learned.tsv.gz")
    engine = open_lexicon(data, ding=excerpt_ding)
    # the pair is used where nothing else decides ...
    assert engine.translate(["Die Regierung kam."]) == ["The administrations came."]
    # ... but not after a copula, nor as a plural after a singular indefinite article
    assert engine.translate(["Der Vertrag ist neu."]) == ["The contract is new."]
    assert engine.translate(["Eine Regierung kam."]) == ["A government came."]


def test_a_trial_worker_ends_with_its_learning_run(
    store_dir: Path, excerpt_ding: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A killed ``lexicon learn`` must not leave its workers translating: each binds itself
    # to the run (``lifeline``, tested with real kills in the pipeline's worker tests)
    # before it opens its engine.
    from dolmetsch import lifeline
    from dolmetsch.lexicon import learn

    engine = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    bound: list[tuple[int, int]] = []
    monkeypatch.setattr(
        lifeline, "bind_to_parent", lambda parent: bound.append((parent, len(learn._worker_engine)))
    )
    monkeypatch.setattr(learn, "_worker_engine", [])
    interrupt = signal.getsignal(signal.SIGINT)
    try:
        learn._open_trial_engine(learn._EngineSpec.of(engine), 4242)
        # Ctrl-C is the run's to handle: a worker prints no traceback of its own
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, interrupt)
    assert bound == [(4242, 0)]  # bound first, then the engine opened
    assert len(learn._worker_engine) == 1
    learn._worker_engine[0].store.close()


def test_baselines_translated_ahead_give_the_same_trials(
    store_dir: Path, excerpt_ding: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # While the learning run counts and aligns, a worker translates the sentences without
    # trials ahead; the trials then use those baselines and give the same verdicts.
    from dolmetsch.lexicon import learn

    engine = _learning_engine(store_dir, excerpt_ding)
    # here the third sentence has both words
    third = ("Der Regierung zufolge kam die Polizei.", "According to the cabinet, the police came.")
    pairs = [*TRIAL_PAIRS[:2], third, *TRIAL_PAIRS[3:]]
    occurrences = {"regierung": [0, 1, 2], "polizei": [2, 3, 4]}
    candidates = TRIAL_CANDIDATES
    alone = accept_phrases(candidates, occurrences, pairs, engine)
    monkeypatch.setattr(learn, "PARALLEL_LEAST", 0)
    monkeypatch.setattr(learn, "AHEAD_CHUNK", 2)  # three tasks, one at a time
    in_process = learn._TrialRunner(engine, pairs)
    with learn.Translators(learn._EngineSpec.of(engine), pairs, 2) as translators:
        translators.ahead()
        assert translators._feeder is not None
        translators._feeder.join(timeout=120)  # every sentence, as none is stopped
        assert translators.baselines == {i: in_process.baseline(i) for i in range(len(pairs))}
        sentences: list[tuple[int, int]] = []
        together = accept_phrases(
            candidates,
            occurrences,
            pairs,
            engine,
            baseline_progress=lambda n, of: sentences.append((n, of)),
            translators=translators,
        )
    assert together == alone
    assert alone[0].accepted and not alone[1].accepted
    assert sentences == []  # none left to translate before the trials


def test_a_settled_trial_stops_with_the_same_verdict(store_dir: Path, excerpt_ding: Path) -> None:
    # With ``settle`` a trial stops once the sentences left cannot make it accepted; the
    # accepted trials are the same as translating every sentence.
    engine = _learning_engine(store_dir, excerpt_ding)
    pairs = [
        ("Die Regierung kam.", "The administration came."),
        ("Die Regierung sagte nichts.", "The administration said nothing."),
        ("Die Regierung hat eine Bitte erhalten.", "The administration received a request."),
        # references the engine does not match exactly: a trial could still gain
        ("Die Polizei kam.", "Police came."),
        ("Die Polizei sagte nichts.", "Police said nothing."),
        ("Die Polizei begann.", "Police began."),
        ("Die Regierung begann.", "The administration began."),
    ]
    occurrences = {"regierung": [0, 1, 2], "polizei": [3, 4, 5], "begann": [5, 6]}
    candidates = [("regierung", "administration"), ("polizei", "banana"), ("begann", "began")]
    full = accept_phrases(candidates, occurrences, pairs, engine)
    settled = accept_phrases(candidates, occurrences, pairs, engine, settle=True)
    assert full[0].accepted and settled[0] == full[0]
    assert full[1] == Trial("polizei", "banana", 3, 3, 0, 3, full[1].gain)
    # after the first sentence (worse), the two left leave too little chrF below 100 to
    # make up for it
    assert settled[1] == Trial("polizei", "banana", 3, 1, 0, 1, settled[1].gain, settled=True)
    assert settled[1].gain < 0 and not settled[1].accepted
    # two sentences cannot give the three changed translations a verdict needs: none is
    # translated
    assert not full[2].accepted
    assert settled[2] == Trial("begann", "began", 2, 0, 0, 0, 0.0, settled=True)
