"""The part of a month or a year (dolmetsch.lexicon.dates), on made-up phrases."""

from __future__ import annotations

from dolmetsch.lexicon import dates


def test_the_part_of_a_month_or_a_year_reads_as_english_news() -> None:
    assert dates.period_part("Anfang", "September", "für") == "early September"
    assert dates.period_part("Mitte", "July", "seit") == "mid-July"
    assert dates.period_part("Ende", "2014", "bis") == "the end of 2014"
    assert dates.period_part("Ende", "July", "sagte") == "at the end of July"
    assert dates.period_part("Hälfte", "July", "sagte") is None


def test_is_year() -> None:
    assert dates.is_year("2015")
    assert not dates.is_year("215")
    assert not dates.is_year("3000")
