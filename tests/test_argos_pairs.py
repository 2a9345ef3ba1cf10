"""Argos language pairs: tiny packages for ru->en, fr->en, en->de (and uk, pl), a pivot through
English, `model list`, the lexicon engine's refusal, `auto`'s advice and suppressed spellings."""

from __future__ import annotations

import json
import threading
import zipfile
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from children import online_install
from click.testing import CliRunner

from dolmetsch.argos import (
    ArgosEngine,
    PivotEngine,
    combined_confidence,
    suppress_sequences,
    target_vocabulary,
)
from dolmetsch.cli import main
from dolmetsch.engine import EngineOptions, load_engine
from dolmetsch.errors import NoModelError, UsageError
from dolmetsch.models import (
    ModelPackage,
    choose_from_index,
    find_package,
    install_file,
    installed_packages,
    plan_route,
    possible_pivots,
)
from dolmetsch.testing import DEFAULT_LEXICONS, build_tiny_package, package_name

PAIRS = [("de", "en"), ("ru", "en"), ("uk", "en"), ("pl", "en"), ("fr", "en"), ("en", "de")]

# (pair, source sentence, exact output of that pair's tiny package)
DIRECT = [
    (
        ("de", "en"),
        "Selenskyj traf Putin in Moskau.",
        "Zelensky met Putin in Moscow.",
    ),
    (
        ("ru", "en"),
        "Зеленский встретился с Путиным в Москве.",
        "Zelensky met с Putin в Moscow.",
    ),
    (
        ("uk", "en"),
        "Зеленський зустрівся з Путіним у Москві.",
        "Zelensky met з Putin у Moscow.",
    ),
    (
        ("pl", "en"),
        "Zełenski spotkał się z Putinem w Moskwie.",
        "Zelensky met się z Putin w Moscow.",
    ),
    (
        ("fr", "en"),
        "Le président Zelensky a rencontré Poutine à Moscou.",
        "Le président Zelensky a met Putin à Moscow.",
    ),
    (
        ("en", "de"),
        "Zelensky met Putin in Moscow.",
        "Selenskyj traf Putin in Moskau.",
    ),
]
RU = "Зеленский встретился с Путиным в Москве."


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """One tiny .argosmodel per pair, built once for the module."""
    folder = tmp_path_factory.mktemp("pairs")
    return {pair: build_tiny_package(folder, from_code=pair[0], to_code=pair[1]) for pair in PAIRS}


def install(archives: dict[tuple[str, str], Path], folder: Path, *pairs: str) -> Path:
    for pair in pairs:
        source, target = pair.split("-")
        install_file(archives[(source, target)], folder)
    return folder


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- the packages dolmetsch.testing builds ---------------------------------------------------


@pytest.mark.parametrize(("source", "target"), PAIRS[1:], ids=lambda code: code)
def test_package_names_its_pair(
    archives: dict[tuple[str, str], Path], source: str, target: str
) -> None:
    name = package_name(source, target)
    with zipfile.ZipFile(archives[(source, target)]) as archive:
        names = set(archive.namelist())
        metadata = json.loads(archive.read(f"{name}/metadata.json"))
        readme = archive.read(f"{name}/README.md").decode()
    assert archives[(source, target)].name == f"translate-{source}_{target}-tiny.argosmodel"
    assert (metadata["from_code"], metadata["to_code"]) == (source, target)
    assert f"{name}/minisbd/{source}.onnx" in names
    assert not [n for n in names if n.endswith(".onnx") and not n.endswith(f"/{source}.onnx")]
    assert all(
        f"- {key} -> {value}" in readme for key, value in DEFAULT_LEXICONS[(source, target)].items()
    )


def test_names_of_languages_in_metadata(archives: dict[tuple[str, str], Path]) -> None:
    with zipfile.ZipFile(archives[("ru", "en")]) as archive:
        metadata = json.loads(archive.read("translate-ru_en-tiny/metadata.json"))
    assert (metadata["from_name"], metadata["to_name"]) == ("Russian", "English")


def test_russian_lexicon_is_cyrillic() -> None:
    for pair in [("ru", "en"), ("uk", "en")]:
        assert all(all("\u0400" <= ch <= "\u04ff" for ch in key) for key in DEFAULT_LEXICONS[pair])


@pytest.mark.parametrize(
    ("from_code", "to_code"), [("de", "de"), ("DE", "en"), ("deu-x", "en"), ("", "en")]
)
def test_builder_refuses_bad_pairs(tmp_path: Path, from_code: str, to_code: str) -> None:
    with pytest.raises(ValueError):
        build_tiny_package(tmp_path, from_code=from_code, to_code=to_code)


def test_other_pair_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build_tiny_package(tmp_path / "a", from_code="ru", to_code="en")
    second = build_tiny_package(tmp_path / "b", from_code="ru", to_code="en")
    assert first.read_bytes() == second.read_bytes()


# --- direct pairs and the pivot ----------------------------------------------------------------


@pytest.mark.parametrize(("pair", "source", "expected"), DIRECT, ids=lambda x: "-".join(x))
def test_direct_pair_exact_output(
    archives: dict[tuple[str, str], Path],
    isolated_argos: Path,
    pair: tuple[str, str],
    source: str,
    expected: str,
) -> None:
    install(archives, isolated_argos, *(f"{a}-{b}" for a, b in PAIRS))
    engine = load_engine("argos", packages_dir=isolated_argos, source=pair[0], target=pair[1])
    assert engine.info.describe() == f"argos (translate-{pair[0]}_{pair[1]}-tiny 0.0.1)"
    assert engine.translate([source, "", source]) == [expected, "", expected]


def test_pivot_ru_de_through_english(
    archives: dict[tuple[str, str], Path], isolated_argos: Path
) -> None:
    install(archives, isolated_argos, "ru-en", "en-de")
    engine = load_engine("argos", packages_dir=isolated_argos, source="ru", target="de")
    assert isinstance(engine, PivotEngine)
    assert engine.info.describe() == (
        "argos (translate-ru_en-tiny+translate-en_de-tiny 0.0.1+0.0.1)"
    )
    [scored, blank] = engine.translate_scored([RU, "  "])
    assert scored.text == "Selenskyj traf с Putin в Moskau."
    assert blank.text == "  " and blank.confidence is None
    # each half on its own, to check the pivot's confidence is their product
    first = load_engine("argos", packages_dir=isolated_argos, source="ru", target="en")
    second = load_engine("argos", packages_dir=isolated_argos, source="en", target="de")
    [middle] = first.translate_scored([RU])  # type: ignore[attr-defined]
    [last] = second.translate_scored([middle.text])  # type: ignore[attr-defined]
    assert middle.text == "Zelensky met с Putin в Moscow."
    assert scored.confidence == round(middle.confidence * last.confidence, 3)


def test_auto_pivots_too(archives: dict[tuple[str, str], Path], isolated_argos: Path) -> None:
    install(archives, isolated_argos, "ru-en", "en-de")
    engine = load_engine("auto", packages_dir=isolated_argos, source="ru", target="de")
    assert engine.translate([RU]) == ["Selenskyj traf с Putin в Moskau."]


def test_direct_package_wins_over_pivot(
    archives: dict[tuple[str, str], Path], isolated_argos: Path, tmp_path: Path
) -> None:
    install(archives, isolated_argos, "ru-en", "en-de")
    direct = build_tiny_package(
        tmp_path, from_code="ru", to_code="de", lexicon={"Москве": "Moskau"}
    )
    install_file(direct, isolated_argos)
    engine = load_engine("argos", packages_dir=isolated_argos, source="ru", target="de")
    assert engine.info.describe() == "argos (translate-ru_de-tiny 0.0.1)"
    assert engine.translate([RU]) == ["Зеленский встретился с Путиным в Moskau."]


def test_no_pivot_with_one_half(
    archives: dict[tuple[str, str], Path], isolated_argos: Path
) -> None:
    install(archives, isolated_argos, "ru-en", "de-en")
    with pytest.raises(NoModelError) as caught:
        load_engine("argos", packages_dir=isolated_argos, source="ru", target="de")
    assert str(caught.value) == (
        "no Russian->German model is installed (the lexicon engine knows German->English only); "
        "run: "
        "dolmetsch model install --online --from ru --to de (or, to pivot through English, "
        "both --from ru --to en and --from en --to de); without internet: "
        "dolmetsch model install FILE.argosmodel"
    )


def _package(source: str, target: str, version: str = "1.0") -> ModelPackage:
    return ModelPackage(Path(f"/p/{source}_{target}-{version}"), source, target, version, "1.11")


@pytest.mark.parametrize(
    ("installed", "pair", "route"),
    [
        (["ru-en", "en-de"], "ru-de", ["ru_en-1.0", "en_de-1.0"]),
        (["ru-en", "en-de", "ru-de"], "ru-de", ["ru_de-1.0"]),
        (["ru-en"], "ru-de", None),
        (["en-de"], "ru-de", None),
        (["ru-en", "en-de"], "ru-en", ["ru_en-1.0"]),
        (["ru-en", "en-de"], "en-ru", None),  # no way back
        (["fr-en", "en-de"], "en-en", None),
        (["de-fr", "fr-en"], "de-en", None),  # only English is a pivot, as in argostranslate
    ],
)
def test_plan_route(installed: list[str], pair: str, route: list[str] | None) -> None:
    packages = [_package(*p.split("-")) for p in installed]
    found = plan_route(packages, *pair.split("-"))
    if route is None:
        assert found is None
    else:
        assert found is not None and [step.path.name for step in found.steps] == route
        assert found.pair == pair.replace("-", "->")
        assert found.pivot == ("en" if len(route) == 2 else "")


def test_plan_route_takes_newest_halves() -> None:
    packages = [_package("ru", "en", "1.9"), _package("ru", "en", "1.10"), _package("en", "de")]
    found = plan_route(packages, "ru", "de")
    assert found is not None and found.describe() == "ru_en-1.10 + en_de-1.0"


def test_combined_confidence() -> None:
    assert combined_confidence(0.9, 0.5) == 0.45
    assert combined_confidence(None, 0.5) is None
    assert combined_confidence(0.5, None) is None


# --- model list ------------------------------------------------------------------------------


def test_model_list_shows_pairs_and_pivots(
    archives: dict[tuple[str, str], Path], isolated_argos: Path
) -> None:
    install(archives, isolated_argos, "ru-en", "en-de", "de-en", "fr-en")
    lines = [
        f"* translate-{a}_{b}-tiny\t{a}->{b}\t0.0.1\t{isolated_argos / f'translate-{a}_{b}-tiny'}"
        for a, b in [("de", "en"), ("en", "de"), ("fr", "en"), ("ru", "en")]
    ]
    lines += [
        "  pivot\tfr->de\tvia en: translate-fr_en-tiny + translate-en_de-tiny",
        "  pivot\tru->de\tvia en: translate-ru_en-tiny + translate-en_de-tiny",
    ]
    assert invoke("model", "list") == (0, "\n".join(lines) + "\n", "")
    assert [r.pair for r in possible_pivots(installed_packages(isolated_argos))] == [
        "fr->de",
        "ru->de",
    ]


def test_model_list_marks_only_the_newest(
    archives: dict[tuple[str, str], Path], isolated_argos: Path, tmp_path: Path
) -> None:
    install(archives, isolated_argos, "ru-en")
    newer = install_file(
        build_tiny_package(tmp_path, from_code="ru", to_code="en", package_version="0.0.2"),
        isolated_argos / "newer",
    )
    newer.path.rename(isolated_argos / "translate-ru_en-tiny-2")
    code, out, _ = invoke("model", "list")
    assert code == 0
    assert [line[:2] for line in out.splitlines()] == ["  ", "* "]
    chosen = find_package("ru", "en", isolated_argos)
    assert chosen is not None and chosen.package_version == "0.0.2"


# --- the lexicon engine and auto -------------------------------------------------------------


def test_lexicon_refused_for_other_pairs(isolated_argos: Path) -> None:
    with pytest.raises(UsageError) as caught:
        load_engine("lexicon", packages_dir=isolated_argos, source="ru", target="en")
    assert str(caught.value) == (
        "the lexicon engine translates German->English only, not ru->en (Russian->English); "
        "use --engine argos with a model: dolmetsch model install --online --from ru --to en; "
        "without internet: dolmetsch model install FILE.argosmodel"
    )


def test_auto_explains_what_to_install(isolated_argos: Path) -> None:
    with pytest.raises(NoModelError) as caught:
        load_engine("auto", packages_dir=isolated_argos, source="fr", target="en")
    assert str(caught.value) == (
        "no French->English model is installed (the lexicon engine knows German->English only); "
        "run: "
        "dolmetsch model install --online --from fr --to en; without internet: "
        "dolmetsch model install FILE.argosmodel"
    )


def test_argos_de_en_message_unchanged(isolated_argos: Path) -> None:
    with pytest.raises(NoModelError, match=r"^no German->English model is installed; run: "):
        load_engine("argos", packages_dir=isolated_argos)


@pytest.mark.parametrize("code", ["xx", "r", "russian", "r1", ""])
def test_bad_language_codes(isolated_argos: Path, code: str) -> None:
    with pytest.raises(UsageError, match=r"^source language .* is not an ISO 639-1 code"):
        load_engine("auto", packages_dir=isolated_argos, source=code, target="en")


def test_language_codes_are_normalised(
    archives: dict[tuple[str, str], Path], isolated_argos: Path
) -> None:
    install(archives, isolated_argos, "ru-en")
    engine = load_engine("argos", packages_dir=isolated_argos, source="RU", target="en")
    assert engine.translate([RU]) == ["Zelensky met с Putin в Moscow."]


# --- suppressed spellings ----------------------------------------------------------------------


def test_suppress_sequences_variants() -> None:
    pieces = {
        "Kiev": ["▁Ki", "ev"],
        "KIEV": ["▁K", "IE", "V"],
        "kyiv": ["▁ky", "iv"],
        "Kyiv": ["▁", "Kyiv"],
        "KYIV": ["▁", "KYIV"],
    }
    vocabulary = {"▁Ki", "Ki", "ev", "▁K", "K", "IE", "V", "▁", "Kyiv", "▁ky", "iv"}
    found = suppress_sequences(["Kiev", " kyiv ", "", "K"], pieces.__getitem__, vocabulary)
    assert found == [
        ["K", "IE", "V"],
        ["Ki", "ev"],
        ["Kyiv"],
        ["▁", "Kyiv"],
        ["▁K", "IE", "V"],
        ["▁Ki", "ev"],
        # "kyiv" as typed: "ky" is not a piece, "KYIV" is no piece at all: left out
        ["▁ky", "iv"],
    ]


@pytest.fixture(scope="module")
def kiev_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A de->en package whose copy output would contain the forbidden "Kiev"."""
    folder = tmp_path_factory.mktemp("kiev")
    archive = build_tiny_package(folder, lexicon={"Kiew": "Kiev", "Selenskyj": "Zelensky"})
    return install_file(archive, folder / "packages").path.parent


KIEV = "Selenskyj reiste nach Kiew, „Kiew“ sagt er."


def test_without_suppress_the_forbidden_word_is_generated(kiev_package: Path) -> None:
    engine = load_engine("argos", packages_dir=kiev_package)
    assert engine.translate([KIEV]) == ["Zelensky reiste nach Kiev, „Kiev“ sagt er."]


def test_suppressed_word_cannot_be_generated(kiev_package: Path) -> None:
    engine = load_engine("argos", EngineOptions(suppress=("Kiev",)), packages_dir=kiev_package)
    [text] = engine.translate([KIEV])
    assert "kiev" not in text.lower()
    # the model is forced off the word only: the rest is copied as before
    assert text.startswith("Zelensky reiste nach ")
    assert text.endswith("“ sagt er.")


def test_suppress_copied_spelling_in_every_case(installed_tiny: Path) -> None:
    """A spelling of several pieces, copied from the source as typed and in capitals."""
    sentence = "Selenski und SELENSKI kamen, „Selenski“ auch."
    plain = load_engine("argos", packages_dir=installed_tiny)
    assert plain.translate([sentence]) == [sentence]
    engine = load_engine(
        "argos", EngineOptions(suppress=("Selenski",)), packages_dir=installed_tiny
    )
    [text] = engine.translate([sentence])
    assert "selenski" not in text.lower()
    assert " und " in text and "kamen" in text


def test_suppress_in_pivot_applies_to_the_target(
    archives: dict[tuple[str, str], Path], isolated_argos: Path
) -> None:
    install(archives, isolated_argos, "ru-en", "en-de")
    engine = load_engine(
        "argos",
        EngineOptions(suppress=("Moskau", "Moscow")),
        packages_dir=isolated_argos,
        source="ru",
        target="de",
    )
    assert isinstance(engine, PivotEngine)
    assert engine.first.options.suppress == ()  # English in the middle is not the target
    [text] = engine.translate([RU])
    assert text.startswith("Selenskyj traf с Putin в ") and "Moskau" not in text


def test_suppress_pieces_come_from_the_target_vocabulary(installed_tiny: Path) -> None:
    package = find_package("de", "en", installed_tiny)
    assert package is not None
    engine = ArgosEngine(package, EngineOptions(suppress=("Moscow", "Ω")))
    vocabulary = target_vocabulary(package.model_dir)
    assert ["▁", "Moscow"] in engine._suppress and ["Moscow"] in engine._suppress
    assert all(piece in vocabulary for seq in engine._suppress for piece in seq)
    assert not [seq for seq in engine._suppress if "Ω" in "".join(seq)]  # not in the vocabulary


@pytest.mark.parametrize("suppress", [("",), (" ",), ["Kiev"]])
def test_suppress_option_is_checked(suppress: object) -> None:
    with pytest.raises(UsageError, match="suppress"):
        EngineOptions(suppress=suppress)  # type: ignore[arg-type]


# --- installing from the index -------------------------------------------------------------


def test_choose_from_index_newest() -> None:
    available = [
        ("ru", "en", "1.9", "a"),
        ("ru", "en", "1.10", "b"),
        ("en", "de", "1.0", "c"),
        ("de", "en", "2.0", "d"),
    ]
    assert choose_from_index(available, "ru", "en") == "b"
    with pytest.raises(NoModelError) as caught:
        choose_from_index(available, "ru", "de")
    assert str(caught.value) == (
        "the argos package index has no ru->de package; it has ru->en and en->de, which "
        "translate ru->de through English: install both, with dolmetsch model install "
        "--online --from ru --to en and --from en --to de"
    )
    with pytest.raises(NoModelError) as caught:
        choose_from_index(available, "fr", "en")
    assert str(caught.value) == "the argos package index has no fr->en package"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def pair_index(tmp_path: Path, archives: dict[tuple[str, str], Path]) -> Iterator[str]:
    """A real HTTP server on localhost with an argos index of ru->en and en->de packages."""
    root = tmp_path / "index"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    entries = []
    for source, target in [("ru", "en"), ("en", "de")]:
        name = f"translate-{source}_{target}.argosmodel"
        (root / name).write_bytes(archives[(source, target)].read_bytes())
        entries.append(
            {
                "type": "translate",
                "from_code": source,
                "to_code": target,
                "package_version": "0.0.1",
                "argos_version": "1.11",
                "links": [url + name],
            }
        )
    (root / "index.json").write_text(json.dumps(entries))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()


def test_online_install_of_a_pair(pair_index: str, tmp_path: Path) -> None:
    result = online_install(tmp_path / "home", pair_index, "--from", "ru", "--to", "en")
    target = tmp_path / "home" / "packages" / "translate-ru_en-tiny"
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"installed translate-ru_en-tiny (ru->en 0.0.1) in {target}\n"


def test_online_install_names_the_pivot_halves(pair_index: str, tmp_path: Path) -> None:
    result = online_install(tmp_path / "home", pair_index, "--from", "ru", "--to", "de")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "dolmetsch: the argos package index has no ru->de package; it has ru->en and en->de, "
        "which translate ru->de through English: install both, with dolmetsch model install "
        "--online --from ru --to en and --from en --to de\n"
    )
    assert not (tmp_path / "home" / "packages").exists() or not any(
        (tmp_path / "home" / "packages").iterdir()
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--online", "--from", "xx"],
            "dolmetsch: --from 'xx' is not an ISO 639-1 code such as de, en, ru, uk\n",
        ),
        (["--online", "--from", "en"], "dolmetsch: --from and --to are the same language (en)\n"),
        (
            ["x.argosmodel", "--from", "ru"],
            "dolmetsch: --from/--to choose the package --online downloads; FILE names its pair\n",
        ),
    ],
)
def test_install_option_errors(args: list[str], message: str) -> None:
    code, out, err = invoke("model", "install", *args)
    assert (code, out, err) == (2, "", message)


def test_a_package_with_upper_case_codes_serves_its_pair(
    archives: dict[tuple[str, str], Path], isolated_argos: Path
) -> None:
    """A metadata.json saying "RU": model list showed RU->en while --from ru found nothing."""
    install(archives, isolated_argos, "ru-en")
    meta_path = isolated_argos / "translate-ru_en-tiny" / "metadata.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["from_code"] = "RU"
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    chosen = find_package("ru", "en", isolated_argos)
    assert chosen is not None and chosen.pair == "ru->en"
    code, out, _ = invoke("model", "list")
    assert code == 0 and "\tru->en\t" in out
