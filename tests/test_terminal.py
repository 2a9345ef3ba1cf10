"""Colour and pager choices: --color with NO_COLOR, and a pager told to show colour."""

from __future__ import annotations

import pytest

from dolmetsch.terminal import PagerPlan, pager_plan, wants_colour


@pytest.mark.parametrize(
    ("choice", "tty", "environ", "expected"),
    [
        ("auto", True, {}, True),
        ("auto", False, {}, False),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),  # no-color.org: set and not empty
        ("auto", True, {"TERM": "dumb"}, False),
        ("always", False, {"NO_COLOR": "1"}, True),  # asked for: the flag wins
        ("never", True, {}, False),
    ],
    ids=["tty", "pipe", "no-color", "no-color-empty", "dumb", "always", "never"],
)
def test_wants_colour(choice: str, tty: bool, environ: dict[str, str], expected: bool) -> None:
    assert wants_colour(choice, tty, environ) is expected


def test_unknown_colour_choice() -> None:
    with pytest.raises(ValueError, match="unknown colour choice 'sometimes'"):
        wants_colour("sometimes", True, {})


@pytest.mark.parametrize(
    ("environ", "colour", "expected"),
    [
        # Debian's less with LESS unset prints ESC[1;33m as text: it must be told
        ({}, True, PagerPlan(("less",), {"LESS": "FRX"}, True)),
        ({}, False, PagerPlan(("less",), {"LESS": "FX"}, False)),
        ({"PAGER": ""}, True, PagerPlan(("less",), {"LESS": "FRX"}, True)),
        # the person's LESS is kept; -R on the command line overrides it (and -r)
        ({"LESS": "-i"}, True, PagerPlan(("less", "-R"), {}, True)),
        ({"LESS": "-r"}, True, PagerPlan(("less", "-R"), {}, True)),
        ({"LESS": "-i"}, False, PagerPlan(("less",), {}, False)),
        ({"PAGER": "/bin/less -S"}, True, PagerPlan(("/bin/less", "-S"), {"LESS": "FRX"}, True)),
        ({"PAGER": "more"}, True, PagerPlan(("more",), {}, True)),
        ({"PAGER": "cat"}, True, PagerPlan(("cat",), {}, True)),
        # a pager not known to show colour gets plain text
        ({"PAGER": "most"}, True, PagerPlan(("most",), {}, False)),
        ({"PAGER": "'unbalanced"}, True, PagerPlan(("less",), {"LESS": "FRX"}, True)),
        ({"TERM": "dumb"}, False, None),  # a terminal that cannot run less: no pager
        ({"TERM": "dumb", "PAGER": "cat"}, False, PagerPlan(("cat",), {}, False)),
    ],
    ids=[
        "less-unset", "less-unset-plain", "pager-empty", "less-set", "less-raw-all",
        "less-set-plain", "less-path-args", "more", "cat", "most", "pager-unparsable",
        "dumb", "dumb-with-pager",
    ],
)  # fmt: skip
def test_pager_plan(environ: dict[str, str], colour: bool, expected: PagerPlan | None) -> None:
    assert pager_plan(environ, colour) == expected
