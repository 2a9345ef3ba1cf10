"""Long sentences (issue 12, item 1): linear glossary work, whatever the sentence length.

A table flattened into one line reaches the glossary and the writers as one sentence of
many thousand words.  Two kinds of test:

* ``restore`` was rewritten to be linear; a property test holds it to the quadratic
  implementation it replaces (kept below, verbatim, as the oracle) on random engine
  outputs: mangled, dropped, repeated and reordered tokens, names the engine wrote itself;
* a 100,000-word sentence goes through protect, restore and every writer, and through
  ``translate_documents`` with a stub engine: every name comes back in its canonical form
  and every word is kept.  Linear, this takes seconds; the quadratic code took hours.

Timings are not asserted here: ``bench/long_line.py`` measures them.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dolmetsch.document import parse_document
from dolmetsch.engine import EngineInfo, Progress
from dolmetsch.glossary import find_matches, load_default_glossary, protect, recognise, restore
from dolmetsch.glossary.enforce import (
    AppliedTerm,
    Protected,
    Protection,
    Restored,
    Status,
    Technique,
    _duplicate_span,
    mend_tokens,
)
from dolmetsch.glossary.matching import render
from dolmetsch.glossary.model import Glossary
from dolmetsch.html import dump_html
from dolmetsch.pipeline import LoadedArticle, Silent, translate_documents
from dolmetsch.po import dump_po, parse_po
from dolmetsch.tmx import dump_tmx, parse_tmx
from dolmetsch.tsv import dump_tsv, parse_tsv

GLOSSARY = load_default_glossary()


# --- the oracle: restore as it was before this change ---------------------------------------
# fmt: off
def _ref_key_pattern(term: Protection, technique: Technique) -> re.Pattern[str]:
    if technique == "placeholder":
        prefix, letters = term.key[:2], term.key[2:]
        body = rf"{re.escape(prefix)}\s?{re.escape(letters)}"
    else:
        words = [re.escape(w) for w in re.split(r"[\s-]+", term.rendering) if w]
        body = r"[\s-]?".join(words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


@dataclass
class _RefPlaced:
    start: int
    end: int


def _ref_insertion_point(out: str, share: float) -> int:
    """The word boundary of ``out`` nearest to ``share`` of its length."""
    target = round(len(out) * share)
    spaces = [m.start() for m in re.finditer(r"\s", out)]
    candidates = [0, len(out.rstrip('.!?…:;"“”»«„ ')), *spaces]
    return min(candidates, key=lambda k: abs(k - target))


def _ref_insert(out: str, at: int, text: str, lead: str, trail: str) -> tuple[str, int]:
    """Insert ``text`` at ``at`` with a space on each side where words meet (none after an
    opening bracket, none before closing punctuation), ``lead`` and ``trail`` around it."""
    end = len(out.rstrip('.!?…:;"“”»«„ '))
    space = at > 0 and not out[at - 1].isspace() and out[at - 1] not in "([{„‚¿¡"
    left = lead + " " if space else ""
    right = trail
    if at < end and not out[at].isspace() and out[at] not in ".,;:!?…)]}”":
        right += " "
    return out[:at] + left + text + right + out[at:], at + len(left)


def _ref_separator(piece: str) -> str:
    return piece[:1] if piece[:1] in ",;" and piece[1:2].isspace() else ""


def reference_restore(protected: Protected, output: str) -> Restored:
    """``restore`` as of 12c8cf1: quadratic, kept as the oracle.  Changed since: mangled
    placeholders are first rewritten by ``mend_tokens`` (one scan, tested on its own in
    test_hostile_engine.py), and a lost term is also found by a spelling the glossary
    recognises but does not list (``Selenskyi``, also on weak evidence) and by an English
    rendering it does not match in English (``Blick``, ``Swiss``); then such unlisted
    spellings left are replaced too.  Since the review of issue 15: a dropped repeat takes
    a list separator or brackets along (``_duplicate_span``, tested on its own in
    test_hostile_engine.py), and an inserted term the source's separator next to its
    neighbour term, with no space before closing punctuation."""
    terms = protected.terms
    technique = protected.technique
    output, mended = mend_tokens(protected, output)
    located: list[tuple[int, int, bool] | None] = []
    taken: list[tuple[int, int]] = []
    for term in terms:
        hit = None
        for m in _ref_key_pattern(term, technique).finditer(output):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                exact = m.group(0) == term.key and m.start() not in mended
                hit = (m.start(), m.end(), exact)
                break
        if hit is not None:
            taken.append((hit[0], hit[1]))
        located.append(hit)
    # A lost token whose entity the engine wrote itself ("Kiev", "Kyiv") is found by name.
    lost_any = any(h is None for h in located)
    if lost_any:
        recognised = recognise(output, protected.glossary)
        matched = recognised.matches
        by_name = [(n.entry, n.start, n.end) for n in matched]
        lost = {t.match.entry for t, h in zip(terms, located, strict=True) if h is None}
        for weak in recognised.candidates:
            if weak.entry in lost:
                surname = weak.text.split()[-1]
                by_name.append((weak.entry, weak.end - len(surname), weak.end))
        owner = {r: e for e in lost for r in sorted(e.renderings)}
        forms = "|".join(re.escape(f) for f in sorted(owner, key=len, reverse=True))
        for m in re.finditer(rf"(?<!\w)(?:{forms})(?!\w)", output):
            if all(m.end() <= n.start or m.start() >= n.end for n in matched):
                by_name.append((owner[m.group()], m.start(), m.end()))
        by_name.sort(key=lambda named: named[1])
        for i, term in enumerate(terms):
            if located[i] is not None:
                continue
            for entry, start, end in by_name:
                free = all(end <= a or start >= b for a, b in taken)
                if entry == term.match.entry and free:
                    located[i] = (start, end, False)
                    taken.append((start, end))
                    break
    # Tokens the engine repeated are dropped: each occurrence must appear exactly once.
    extras: list[tuple[int, int]] = []
    if technique == "placeholder":
        for term in terms:
            for m in _ref_key_pattern(term, technique).finditer(output):
                if all(m.end() <= a or m.start() >= b for a, b in taken):
                    extras.append(m.span())
                    taken.append(m.span())
    status: list[Status] = ["enforced" if h and h[2] else "repaired" for h in located]
    # Rebuild the output right to left so that earlier offsets stay valid.
    edits = [(h[0], h[1], terms[i].rendering, i) for i, h in enumerate(located) if h]
    edits += [(a, b, "", -1) for a, b in extras]
    out = output
    placed: dict[int, _RefPlaced] = {}
    for a, b, text, i in sorted(edits, reverse=True):
        if i < 0:
            a, b = _duplicate_span(out, a, b, out[b : b + 2])
        out = out[:a] + text + out[b:]
        # Edits run right to left, so every span placed so far lies after this one.
        for p in placed.values():
            p.start += len(text) - (b - a)
            p.end += len(text) - (b - a)
        if i >= 0:
            placed[i] = _RefPlaced(a, a + len(text))
    if any(h is None for h in located) and out.strip():
        out = _ref_insert_missing(protected, located, out, placed, status)
    else:
        status = [s if h else "failed" for s, h in zip(status, located, strict=True)]
    out, replaced = _ref_replace_wrong(out, protected.glossary, list(placed.values()), lost_any)
    applied = tuple(
        AppliedTerm(
            t.match.entry.target,
            t.match.entry.kind,
            t.match.text,
            t.rendering,
            t.match.form,
            st,
        )
        for t, st in zip(terms, status, strict=True)
    )
    return Restored(out, applied, tuple(replaced))


def _ref_insert_missing(
    protected: Protected,
    located: list[tuple[int, int, bool] | None],
    out: str,
    placed: dict[int, _RefPlaced],
    status: list[Status],
) -> str:
    terms = protected.terms
    for i, hit in enumerate(located):
        if hit is not None:
            continue
        # In proportion to the source position, but between the neighbouring terms, so
        # that the order of the terms is kept.
        before = [placed[k].end for k in placed if k < i]
        after = [placed[k].start for k in placed if k > i]
        low = max(before, default=0)
        high = min(after, default=len(out))
        share = terms[i].match.start / max(1, len(protected.source))
        at = min(max(_ref_insertion_point(out, share), low), high)
        lead = trail = ""
        if i - 1 in placed and before and placed[i - 1].end == low == at:
            lead = _ref_separator(protected.pieces[i])
        if i + 1 in placed and after and placed[i + 1].start == high and high in (at, at + 1):
            trail = _ref_separator(protected.pieces[i + 1])
        before_len = len(out)
        out, start = _ref_insert(out, at, terms[i].rendering, lead, trail)
        for p in placed.values():
            if p.start >= at:
                p.start += len(out) - before_len
                p.end += len(out) - before_len
        placed[i] = _RefPlaced(start, start + len(terms[i].rendering))
        status[i] = "repaired"
    return out


def _ref_replace_wrong(
    out: str, glossary: Glossary, keep: list[_RefPlaced], unlisted: bool
) -> tuple[str, list[tuple[str, str]]]:
    """Replace German and forbidden spellings outside the placed renderings (and unlisted
    ones the glossary recognises, when a term was lost)."""
    replaced: list[tuple[str, str]] = []
    found = recognise(out, glossary).matches if unlisted else find_matches(out, glossary)
    for m in reversed(found):
        if not (m.spelling.wrong or m.spelling.unlisted):
            continue
        if any(m.start < p.end and m.end > p.start for p in keep):
            continue
        text = render(m.entry, "base" if m.form == "closed-compound" else m.form, m.spelling.short)
        if m.form == "closed-compound":
            text += "-"
            tail_at = m.end
            out = out[: m.start] + text + out[tail_at : tail_at + 1].upper() + out[tail_at + 1 :]
        else:
            out = out[: m.start] + text + out[m.end :]
        replaced.append((m.text, text.rstrip("-")))
    replaced.reverse()
    return out, replaced


# fmt: on


# --- restore equals the oracle on any engine output -----------------------------------------

NAMES = (
    "Selenskyj", "Selenskyjs", "Putin", "Putins", "Wladimir Putin", "Kiew", "Kiewer", "Peskow",
    "Dmitri Peskow", "Kreml-Sprecher", "Kremlchef", "Moskau", "von Blick", "Kiev",
)  # fmt: skip
WORDS = ("der", "Präsident", "sagte", "am", "Montag", "in", "und", "Gespräche", "mit", "über")
ENGLISH = ("Kiev", "Kyiv", "Zelensky", "Peskow", "Putin", "Kremlin", "the", "said", "Zq", "Zqa")
SOURCES = st.lists(st.sampled_from(NAMES + WORDS), min_size=1, max_size=25).map(" ".join)


@dataclass(frozen=True)
class Edit:
    """One thing an engine does to its input: a word dropped, doubled, moved, mangled..."""

    kind: str
    at: int
    word: str = ""


EDITS = st.lists(
    st.builds(
        Edit,
        st.sampled_from(["drop", "double", "swap", "upper", "split", "name", "stop", "glue"]),
        st.integers(0, 60),
        st.sampled_from(ENGLISH),
    ),
    max_size=12,
)


def engine_output(text: str, edits: list[Edit]) -> str:
    words = text.split()
    for edit in edits:
        if not words:
            break
        k = edit.at % len(words)
        if edit.kind == "drop":
            del words[k]
        elif edit.kind == "double":
            words.insert(k, words[k])
        elif edit.kind == "swap" and k + 1 < len(words):
            words[k], words[k + 1] = words[k + 1], words[k]
        elif edit.kind == "upper":
            words[k] = words[k].upper()
        elif edit.kind == "split":  # "Zqa" -> "Zq a"
            words[k] = words[k][:2] + " " + words[k][2:]
        elif edit.kind == "name":
            words.insert(k, edit.word)
        elif edit.kind == "stop":
            words[k] += "."
        elif edit.kind == "glue" and k + 1 < len(words):
            words[k : k + 2] = [words[k] + words[k + 1]]
    return " ".join(words)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SOURCES, EDITS, st.sampled_from(["placeholder", "substitute"]))
def test_restore_equals_the_quadratic_oracle(
    source: str, edits: list[Edit], technique: Technique
) -> None:
    protected = protect(source, GLOSSARY, technique)
    output = engine_output(protected.text, edits)
    assert restore(protected, output) == reference_restore(protected, output)


# Engine outputs from scratch: most tokens missing, so that many terms are inserted.
PARTS = st.sampled_from(
    [
        *"the said . , … ( “ Kiev Kyiv Putin Peskow Kremlin Kyiv's".split(),
        *"Zq Zqa Zqb Zqc Zqd Zqe-Chef".split(),
        *["  ", "ZQ a", "zq B"],
    ]
)
OUTPUTS = st.tuples(st.lists(PARTS, max_size=14), st.sampled_from([" ", ""])).map(
    lambda parts_joiner: parts_joiner[1].join(parts_joiner[0])
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SOURCES, OUTPUTS, st.sampled_from(["placeholder", "substitute"]))
def test_restore_equals_the_oracle_when_the_engine_loses_tokens(
    source: str, output: str, technique: Technique
) -> None:
    protected = protect(source, GLOSSARY, technique)
    assert restore(protected, output) == reference_restore(protected, output)


# Cases the random search found hard to reach: a duplicate's space taken from the next
# duplicate's removal, terms the engine moved so that their neighbours cross, names written
# by the engine, a sentence of punctuation.
ORACLE_CASES = [
    ("Putin und Selenskyj in Kiew", "(Zqa Zqa Zqa Zqb Zqc"),
    ("Putin und Selenskyj in Kiew", "Zqc Zqb and"),
    ("Putin und Selenskyj in Kiew und Peskow", "Zqd said Zqc to Zqa"),
    ("Putin und Selenskyj in Kiew und Peskow", "Kiev Zelensky Kyiv: Peskow."),
    ("Putin Selenskyj Kiew Peskow Moskau", "…"),
    ("Putin Selenskyj Kiew Peskow Moskau", "x Zqe. Zqa"),
    ("Putin Selenskyj Kiew Peskow Moskau", "Zqa Zqa, Zqb Zqb! Zqc"),
    ("Kremlchef Putin in Kiew", "ZQA Zq b, zqc"),
    ("Putin und Selenskyj in Kiew", "Zqa (Zqa Zqa Zqb"),
    ("Putin Selenskyj Kiew Peskow Moskau", "Zqa (Zqa Zqa Zqc."),
    ("Putin Selenskyj Kiew Peskow Moskau", "ab"),
    ("Putin Selenskyj Kiew Peskow Moskau", "x."),
]


def test_restore_equals_the_oracle_on_hard_cases() -> None:
    for source, output in ORACLE_CASES:
        for technique in ("placeholder", "substitute"):
            protected = protect(source, GLOSSARY, technique)  # type: ignore[arg-type]
            assert restore(protected, output) == reference_restore(protected, output), output


# --- a 100,000-word sentence, end to end ---------------------------------------------------

LONG_NAMES = ("Selenskyj", "Putins", "Kiew", "Peskow", "Kiewer", "Wladimir Putin", "Kremlchef")
LONG_WORDS = (
    "die Regierung sagte am Montag dass der Präsident nicht mit den Partnern sprach".split()
)


def long_sentence(words: int, seed: int = 12) -> str:
    """``words`` words without sentence punctuation, a glossary name every dozen or so."""
    rng = random.Random(seed)
    return " ".join(
        rng.choice(LONG_NAMES) if rng.randrange(12) == 0 else rng.choice(LONG_WORDS)
        for _ in range(words)
    )


def expected(protected: Protected) -> str:
    """The source with each occurrence in its English form: what an echoing engine gives."""
    out = [protected.pieces[0]]
    for term, piece in zip(protected.terms, protected.pieces[1:], strict=True):
        out += [term.rendering, piece]
    return "".join(out)


def test_a_100k_word_sentence_restores_every_name_in_canonical_form() -> None:
    protected = protect(long_sentence(100_000), GLOSSARY)
    assert len(protected.terms) > 7_000
    restored = restore(protected, protected.text)
    assert restored.counts.enforced == restored.counts.found == len(protected.terms)
    assert restored.text == expected(protected)


def test_a_100k_word_sentence_with_every_token_repeated_keeps_one_of_each() -> None:
    protected = protect(long_sentence(100_000), GLOSSARY)
    # every token not glued to a word ("Zqa-Chef" stays single)
    doubled = re.sub(r"\bZq[a-z]+(?= |$)", lambda m: f"{m.group()} {m.group()}", protected.text)
    restored = restore(protected, doubled)
    assert restored.counts.enforced == len(protected.terms)
    assert restored.text == expected(protected)


def test_a_100k_word_sentence_with_every_token_dropped_inserts_them_all_in_order() -> None:
    protected = protect(long_sentence(100_000), GLOSSARY)
    dropped = " ".join(w for w in protected.text.split() if not w.startswith("Zq"))
    restored = restore(protected, dropped)
    assert restored.counts.repaired == restored.counts.found == len(protected.terms)
    words = restored.text.split()
    renderings = [w for t in protected.terms for w in t.rendering.split()]
    assert len(words) == len(dropped.split()) + len(renderings)
    kept = iter(words)  # the engine's words, in order, with the renderings among them
    assert all(any(w == k for k in kept) for w in dropped.split())
    kept = iter(words)
    assert all(any(w == k for k in kept) for w in renderings)


def test_a_100k_word_sentence_substituted_restores_every_name() -> None:
    protected = protect(long_sentence(100_000), GLOSSARY, "substitute")
    restored = restore(protected, protected.text)
    assert restored.counts.enforced == restored.counts.found == len(protected.terms)
    assert restored.text == expected(protected)


class Echo:
    """Returns every sentence as it came, placeholders and all."""

    info = EngineInfo("echo")

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        return list(sentences)


def test_a_100k_word_article_goes_through_the_pipeline_and_every_writer() -> None:
    source = long_sentence(100_000)
    document = parse_document("long", source + "\n")
    article = LoadedArticle(Path("long.txt"), document, "utf-8")
    (translated,), _ = translate_documents([article], Echo(), Silent(), GLOSSARY)
    (pair,) = translated.pairs
    names = find_matches(source, GLOSSARY)
    assert len(pair.terms) == len(names) and not pair.failed
    assert pair.target == expected(protect(source, GLOSSARY))

    page = dump_html(translated, GLOSSARY)
    # every occurrence marked in German and in English, the whole text escaped into the page
    assert page.count('<mark class="term"') == 2 * len(names)
    assert re.sub(r"<[^>]+>", "", page).count(" ") > 2 * 100_000
    assert parse_tsv(dump_tsv(translated)) == [(pair.segment.id, source, pair.target)]
    (entry,) = parse_po(dump_po(translated))
    assert (entry.msgid, entry.msgstr) == (source, pair.target)
    (unit,) = parse_tmx(dump_tmx([translated]))
    assert unit[1:3] == (source, pair.target)


def test_a_line_of_rejected_full_stops_is_split_in_linear_time() -> None:
    """Every ``5.`` before a month is an ordinal, not a sentence end: 20,000 of them on one
    line took 12 s when each decision copied the sentence so far (minutes at this size)."""
    from dolmetsch.segment import sentence_spans

    text = " ".join(["am 5. Februar sagte er"] * 20_000) + ". Dann ging er."
    assert sentence_spans(text) == [
        (0, len(text) - len(" Dann ging er.")),
        (len(text) - 13, len(text)),
    ]
