#!/usr/bin/env python3
"""Leave-one-out ablation of the lexicon engine's word-order rules on WMT newstest2017/2018.

Scores the lexicon engine as shipped, then with each word-order rule of
``dolmetsch.lexicon.grammar`` (and the context rule for a relative pronoun after a
preposition) switched off in turn, with sacrebleu's corpus chrF and BLEU at their
default settings.  A rule is switched off by replacing its function for the run, so the
engine code carries no switches.  The test sets are research-use data read in place from
``../shared/data/wmt-dev``; without them the benchmark says so and exits 0.

Run from the repository root: ``python bench/word_order.py [--test-set NAME]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WMT = ROOT.parent / "shared" / "data" / "wmt-dev"
TEST_SETS = ("newstest2017", "newstest2018")


def _switches() -> dict[str, Callable[[], None]]:
    from dolmetsch.lexicon import context, grammar
    from dolmetsch.lexicon.rules import PREPOSITIONS

    noun_phrase_end = grammar.noun_phrase_end

    def fronted_before(clause: Sequence[str]) -> int:
        # the rule before this round: one noun phrase after the preposition, at most 5 words
        end = noun_phrase_end(clause, 1)
        return end if clause[0].lower() in PREPOSITIONS and 1 < end <= 5 else 0

    return {
        "non_nominative": lambda: setattr(grammar, "non_nominative", lambda word: False),
        "coordinated_split": lambda: setattr(grammar, "coordinated_split", lambda c, lex: None),
        "preverbal_adverb": lambda: setattr(grammar, "preverbal_adverb", lambda v, r: (v, r)),
        "fronted_phrase_end": lambda: setattr(grammar, "fronted_phrase_end", fronted_before),
        "_adjective_noun_end": lambda: setattr(
            grammar, "_adjective_noun_end", lambda clause, start: start
        ),
        "_prepositional_opener": lambda: setattr(
            grammar, "_prepositional_opener", lambda clause, lex: False
        ),
        # issue 14, the clause-order round
        "inverted_auxiliary": lambda: setattr(
            grammar, "inverted_auxiliary", lambda clause, lex: None
        ),
        "_article_opening": lambda: setattr(grammar, "_article_opening", lambda word: word),
        "enumeration_comma": lambda: setattr(
            grammar, "enumeration_comma", lambda tokens, comma: False
        ),
        "subordinate_subject": lambda: setattr(
            grammar, "subordinate_subject", lambda body, lex: None
        ),
        "inverted_copula": lambda: setattr(
            grammar, "inverted_copula", lambda clause, finite, lex: None
        ),
        "predicative_adjective": lambda: setattr(
            grammar, "predicative_adjective", lambda after, lex: after
        ),
        "verb_first_conditional": lambda: setattr(
            grammar, "verb_first_conditional", lambda tokens, end, lex: None
        ),
        "_demonstrative": lambda: setattr(grammar, "_demonstrative", lambda clause, k: False),
        "long_subject_auxiliary": lambda: setattr(
            grammar, "long_subject_auxiliary", lambda clause, lex: None
        ),
        "long_subject_particle": lambda: setattr(
            grammar, "long_subject_particle", lambda clause, lex: None
        ),
        "particle_conjunct_end": lambda: setattr(
            grammar, "particle_conjunct_end", lambda clause, lex: None
        ),
        "_moved_subject": lambda: setattr(
            grammar, "_moved_subject", lambda before, subject: list(subject)
        ),
        "reported_source": lambda: setattr(
            grammar, "reported_source", lambda clause, after, lex: None
        ),
        "main_coordination": lambda: setattr(
            grammar, "main_coordination", lambda clause, lex: None
        ),
        "relative_after_preposition": lambda: setattr(
            context,
            "RULES",
            tuple(r for r in context.RULES if r is not context.relative_after_preposition),
        ),
    }


@contextmanager
def _without(name: str) -> Iterator[None]:
    from dolmetsch.lexicon import context, grammar

    module = context if name == "relative_after_preposition" else grammar
    attribute = "RULES" if module is context else name
    saved = getattr(module, attribute)
    _switches()[name]()
    try:
        yield
    finally:
        setattr(module, attribute, saved)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--test-set", choices=TEST_SETS, action="append")
    args = parser.parse_args(argv)
    if not WMT.is_dir():
        print(f"no test sets at {WMT}: nothing measured")
        return 0
    import sacrebleu

    from dolmetsch.lexicon import open_lexicon

    def score(german: list[str], english: list[str]) -> tuple[float, float]:
        engine = open_lexicon()  # fresh caches: a switched-off rule must not hit old ones
        out = engine.translate(german)
        engine.store.close()
        chrf = sacrebleu.corpus_chrf(out, [english]).score
        return chrf, sacrebleu.corpus_bleu(out, [english]).score

    print(f"{'test set':13} {'system':40} {'chrF':>7} {'BLEU':>7}")
    for test_set in args.test_set or TEST_SETS:
        german = (WMT / f"{test_set}.de-en.de").read_text(encoding="utf-8").splitlines()
        english = (WMT / f"{test_set}.de-en.en").read_text(encoding="utf-8").splitlines()
        chrf, bleu = score(german, english)
        print(f"{test_set:13} {'lexicon (all word-order rules)':40} {chrf:7.3f} {bleu:7.3f}")
        for name in _switches():
            with _without(name):
                chrf, bleu = score(german, english)
            print(f"{test_set:13} {'  without ' + name:40} {chrf:7.3f} {bleu:7.3f}", flush=True)
    print("command: python bench/word_order.py " + " ".join(sys.argv[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
