"""The store's key filters: never a false "absent", rarely a false "present"."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from dolmetsch.lexicon.keyfilter import build_filter
from dolmetsch.lexicon.store import Store

ODD_KEYS = [
    "Haus",
    "in Frage stellen",
    "rief an",
    "a\tb",
    "",
    "Straße",
    "Москва",
    "東京都",
    "🙂 Gruß",
    "x" * 255,
    "bad\udcffbyte",  # a token decoded with surrogateescape
]


def test_every_key_passes() -> None:
    keys = ODD_KEYS + [f"Wort{i}" for i in range(5000)]
    found = build_filter(keys)
    assert all(found.may_contain(k) for k in keys)


def test_most_other_words_are_rejected() -> None:
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyzäöüß"
    keys = {"".join(rng.choices(letters, k=rng.randint(3, 14))).capitalize() for _ in range(20000)}
    others = {"".join(rng.choices(letters, k=rng.randint(3, 14))) for _ in range(20000)} - keys
    found = build_filter(keys)
    passed = sum(found.may_contain(w) for w in others)
    assert passed / len(others) < 0.03  # about 1.4 % at 16 bits a key


def test_empty_filter_rejects_everything() -> None:
    found = build_filter([])
    assert not any(found.may_contain(w) for w in ODD_KEYS)


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("sense", "de"),
        ("lemma", "form"),
        ("phrase_start", "first"),
        ("usage", "w"),
        ("inflection", "en || char(9) || tag"),
    ],
)
def test_store_filters_hold_every_key_of_their_table(
    store_dir: Path, table: str, column: str
) -> None:
    (path,) = store_dir.glob("lexicon-*.sqlite")
    with sqlite3.connect(path) as con:
        keys = [k for (k,) in con.execute(f"SELECT {column} FROM {table}")]
    store = Store(path)
    try:
        found = store._filter(table)
        assert keys and all(found.may_contain(k) for k in keys)
        # the lemma filter is not the sense filter: some lemma forms are no keys
        assert sum(found.may_contain(k + "qq") for k in keys) < len(keys) // 10
    finally:
        store.close()


def test_store_answers_as_without_filters(store_dir: Path) -> None:
    """The filters only save queries: every key and form reads as a plain query reads it."""
    (path,) = store_dir.glob("lexicon-*.sqlite")
    with sqlite3.connect(path) as con:
        keys = [k for (k,) in con.execute("SELECT de FROM sense")]
        forms = dict(
            (f, (lemma, tag)) for f, lemma, tag in con.execute("SELECT form, lemma, tag FROM lemma")
        )
    store = Store(path)
    try:
        assert all(store.sense(k) is not None and store.is_key(k) for k in keys)
        assert all(store.lemma_tag(f) == found for f, found in forms.items())
        known = set(keys)
        missing = [k + "x" for k in keys if k + "x" not in known]
        assert all(store.sense(k) is None and not store.is_key(k) for k in missing)
        with sqlite3.connect(path) as con:
            inflections = list(con.execute("SELECT en, tag, form FROM inflection"))
            starts = list(con.execute("SELECT first, n FROM phrase_start"))
            usage = list(con.execute("SELECT w, en, de FROM usage"))
        assert inflections and all(store.inflection(e, t) == f for e, t, f in inflections)
        assert all(store.inflection(e + "x", t) is None for e, t, _ in inflections)
        assert starts and all(store.phrase_length(w) == n for w, n in starts)
        assert usage and all(store.usage(w) == (en, de) for w, en, de in usage)
        assert store.usage("qqqx") == (0.0, 0.0) and store.phrase_length("qqqx") == 0
    finally:
        store.close()


def _copy_store(store_dir: Path, tmp_path: Path) -> Path:
    (path,) = store_dir.glob("lexicon-*.sqlite")
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    return copy


def test_a_store_without_a_table_is_one_clear_error(store_dir: Path, tmp_path: Path) -> None:
    from dolmetsch.lexicon import LexiconError

    copy = _copy_store(store_dir, tmp_path)
    with sqlite3.connect(copy) as con:
        con.execute("DROP TABLE key_filter")
    con.close()
    with pytest.raises(LexiconError, match=r"damaged lexicon store \(no table key_filter\)"):
        Store(copy)


def test_a_damaged_page_is_one_clear_error(
    store_dir: Path, excerpt_ding: Path, tmp_path: Path
) -> None:
    from dolmetsch.lexicon import LexiconError, open_lexicon

    copy = _copy_store(store_dir, tmp_path)
    data = bytearray(copy.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, page):  # every page but the first two
        data[start : start + 64] = b"\xff" * 64
    copy.write_bytes(bytes(data))
    engine = open_lexicon(tmp_path, build=False, ding=excerpt_ding)
    with pytest.raises(LexiconError, match=r"damaged lexicon store .* dolmetsch lexicon build"):
        engine.translate(["Die Regierung kam.", "Das Haus der Regierung kam nicht."])
