"""Table-driven tests of context rules (dolmetsch.lexicon.context): each case is a rule, a
German text, the index of the token it is asked at, and its answer (None: it does not
fire).  Shared by the rule test files."""

from __future__ import annotations

from dolmetsch.lexicon import LexiconEngine
from dolmetsch.lexicon import context as rules

Case = tuple[rules.Rule, str, int, tuple[str, int] | None]
CASE_FIELDS = ("rule", "german", "i", "expected")


def case_ids(cases: list[Case]) -> list[str]:
    """``another-fires-3``: the rule, whether it answers, and the case's place."""
    return [f"{c[0].__name__}-{'fires' if c[3] else 'not'}-{k}" for k, c in enumerate(cases)]


def answer(engine: LexiconEngine, rule: rules.Rule, german: str, i: int) -> tuple[str, int] | None:
    """What ``rule`` says at token ``i`` of ``german`` (tokens split at spaces; "_" joins
    the words of one token, as word order joins a separated verb: "geht_aus")."""
    tokens = [token.replace("_", " ") for token in german.split()]
    return rule(engine, rules.context(tokens, i, tokens[i].lower()))
