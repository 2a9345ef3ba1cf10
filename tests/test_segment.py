"""German sentence segmentation: case tables taken from the seeds and from news usage."""

from __future__ import annotations

import pytest

from dolmetsch.segment import (
    german_prefixes,
    parse_prefixes,
    sentence_spans,
    split_attribution,
    split_sentences,
)

CASES = [
    # ordinals and dates stay inside their sentence
    (
        "ordinal-date",
        "Er läuft am 5. Februar 2026 aus. Er ist die letzte Säule.",
        ["Er läuft am 5. Februar 2026 aus.", "Er ist die letzte Säule."],
    ),
    (
        "ordinal-noun",
        "Das teilte die 47. Brigade der Ukraine mit. Dabei habe der Feind seine Taktik geändert.",
        [
            "Das teilte die 47. Brigade der Ukraine mit.",
            "Dabei habe der Feind seine Taktik geändert.",
        ],
    ),
    (
        "ordinal-year",
        "Er war am 8. Februar 2024 zum Nachfolger ernannt worden. Ukrainische Drohnen greifen an.",
        [
            "Er war am 8. Februar 2024 zum Nachfolger ernannt worden.",
            "Ukrainische Drohnen greifen an.",
        ],
    ),
    (
        "ordinal-bis-zum",
        "Die Angriffe sollen bis zum 1. Februar enden.",
        ["Die Angriffe sollen bis zum 1. Februar enden."],
    ),
    (
        "number-ends-sentence",
        "Im Dezember gab es bis zu knapp 300. Im Januar waren es weniger.",
        ["Im Dezember gab es bis zu knapp 300.", "Im Januar waren es weniger."],
    ),
    (
        "year-ends-sentence",
        "Das Werk ist seit März 2022. Putin hatte es besetzt.",
        ["Das Werk ist seit März 2022.", "Putin hatte es besetzt."],
    ),
    (
        "thousands",
        "Die Stadt hatte etwa 60.000 Einwohner.",
        ["Die Stadt hatte etwa 60.000 Einwohner."],
    ),
    # abbreviations from sacremoses' list, and dotted ones
    (
        "abbrev-bzw",
        "Es geht um Gas bzw. Öl. Das ist klar.",
        ["Es geht um Gas bzw. Öl.", "Das ist klar."],
    ),
    ("abbrev-dr", "Dr. Müller sprach. Er ging.", ["Dr. Müller sprach.", "Er ging."]),
    (
        "abbrev-z-b",
        "Waffen, z. B. Drohnen, fehlen. Das sagte er.",
        ["Waffen, z. B. Drohnen, fehlen.", "Das sagte er."],
    ),
    ("abbrev-zB-dotted", "Waffen, z.B. Drohnen, fehlen.", ["Waffen, z.B. Drohnen, fehlen."]),
    ("initial", "Donald J. Trump sprach.", ["Donald J. Trump sprach."]),
    ("nr-numeric-only", "Er wohnt in Haus Nr. 5 am Platz.", ["Er wohnt in Haus Nr. 5 am Platz."]),
    # quotes with the sentence end inside
    (
        "quote-end-inside",
        "Trump antwortete: „Das sage ich besser nicht.“ Der Kreml bestätigte das nicht.",
        ["Trump antwortete: „Das sage ich besser nicht.“", "Der Kreml bestätigte das nicht."],
    ),
    (
        "quote-no-end",
        "„Wir sind sehr auf Kurs“, erklärte Trump am Mittwoch.",
        ["„Wir sind sehr auf Kurs“, erklärte Trump am Mittwoch."],
    ),
    (
        "straight-quote-opens",
        'Das erklärte der Kreml. "Putin reagierte positiv."',
        ["Das erklärte der Kreml.", '"Putin reagierte positiv."'],
    ),
    (
        "quote-exclamation",
        "„So viel zu einer Pause!“, kommentierte die Bahn. Moskau meldete Angriffe.",
        ["„So viel zu einer Pause!“, kommentierte die Bahn.", "Moskau meldete Angriffe."],
    ),
    (
        "question",
        "Kommt es zum Treffen? Niemand weiß es.",
        ["Kommt es zum Treffen?", "Niemand weiß es."],
    ),
    # colons do not end a sentence
    (
        "colon",
        "Die Angriffe gingen weiter: In der Nacht griff Russland an.",
        ["Die Angriffe gingen weiter: In der Nacht griff Russland an."],
    ),
    # lower case after a period: no boundary
    ("lowercase-after", "Es kam 2 Std. später.", ["Es kam 2 Std. später."]),
    # a heading run into the next sentence by a scraper
    (
        "run-on-heading",
        "Selenskyj lädt Putin nach Kiew ein Der ukrainische Staatschef lud ihn ein.",
        ["Selenskyj lädt Putin nach Kiew ein", "Der ukrainische Staatschef lud ihn ein."],
    ),
    ("title-not-run-on", "Das berichtet Der Spiegel.", ["Das berichtet Der Spiegel."]),
    ("ellipsis", "Er zögerte … Dann sprach er.", ["Er zögerte …", "Dann sprach er."]),
    ("newline-inside", "Er sprach\nlange. Sie ging.", ["Er sprach\nlange.", "Sie ging."]),
    ("empty", "   ", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_spans_lose_nothing_but_whitespace(text: str) -> None:
    spans = sentence_spans(text)
    pos = 0
    for start, end in spans:
        assert text[pos:start].strip() == ""
        assert text[start:end] == text[start:end].strip()
        pos = end
    assert text[pos:].strip() == ""


ATTRIBUTIONS = [
    ("dpa", "Er habe einen Plan. (dpa)", "(dpa)"),
    ("afp-tp", "Es wurden Vereinbarungen getroffen. (afp/tp)", "(afp/tp)"),
    ("after-quote", "„Sie wollen sich treffen.“ (rtr)", "(rtr)"),
    ("party-not-attribution", "Das sagte Friedrich Merz (CDU)", None),
    ("mid-sentence", "Die Partei (SPD) sagte nichts.", None),
]


@pytest.mark.parametrize(
    ("text", "expected"), [a[1:] for a in ATTRIBUTIONS], ids=[a[0] for a in ATTRIBUTIONS]
)
def test_attribution(text: str, expected: str | None) -> None:
    span = split_attribution(text)
    assert (text[span[0] : span[1]] if span else None) == expected


def test_prefix_file_parsing() -> None:
    prefixes = parse_prefixes("# comment\nDr\n\nNr #NUMERIC_ONLY#\n")
    assert prefixes.always == {"Dr"}
    assert prefixes.numeric_only == {"Nr"}


def test_sacremoses_german_list_is_used() -> None:
    prefixes = german_prefixes()
    assert {"bzw", "Dr", "Mio", "usw"} <= prefixes.always
