"""The ``dolmetsch`` command line: a thin click layer over the library.

Each command reads its options, calls one library function and reports.  Every
foreseeable fault arrives as a :class:`DolmetschError` and leaves as one line on stderr
and a non-zero exit code: 1 when some work failed, 2 when nothing could be done.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click

from . import __version__
from .engine import ENGINE_CHOICES, EngineOptions
from .errors import DolmetschError, InputError
from .names import one_line
from .wording import counted

F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """Turns a DolmetschError from any subcommand into one clear line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DolmetschError as exc:
            click.echo(f"dolmetsch: {one_line(str(exc))}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:  # Ctrl-C or SIGTERM: not "some articles failed" (1)
            click.echo("dolmetsch: interrupted; what is written is whole: run again to finish",
                       err=True)  # fmt: skip
            ctx.exit(130)


_SETTINGS = "dolmetsch.settings"


def _config() -> Any:
    """The config file (a dolmetsch.settings.ConfigFile), read once per command."""
    from .settings import config_path, read_config

    ctx = click.get_current_context()
    root = ctx.find_root()
    if _SETTINGS not in root.meta:
        root.meta[_SETTINGS] = read_config(config_path())
    return root.meta[_SETTINGS]


def _setting(name: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """An option's callback: its value resolved by dolmetsch.settings (the flag, else the
    environment variable, else the config file, else the default), so that every command
    with the option gets the same value for it, and `dolmetsch config` shows it."""
    from click.core import ParameterSource

    def resolve(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        from .settings import resolve_one

        given = param.name is not None and ctx.get_parameter_source(param.name) not in (
            ParameterSource.DEFAULT,
            ParameterSource.DEFAULT_MAP,
        )
        return resolve_one(name, value if given else None, _config()).value

    return resolve


def _where(name: str) -> str:
    """Where else a setting can come from, for its --help."""
    from .settings import BY_NAME

    key = BY_NAME[name]
    env = f"env {key.env}; " if key.env else ""
    return f"{env}config key {key.name}"


def _path_option(
    name: str, dest: str, setting: str, text: str, *, folder: bool
) -> Callable[[F], F]:
    """A file or folder option that can also come from the environment or the config file."""
    return click.option(
        name,
        dest,
        type=click.Path(file_okay=not folder, dir_okay=folder, path_type=Path),
        callback=_setting(setting),
        help=f"{text[:-2]}; {_where(setting)}].",
    )


_packages_dir_option = _path_option(
    "--packages-dir",
    "packages_dir",
    "packages_dir",
    "Argos package folder [default: argos's own, under ~/.local/share].",
    folder=True,
)
_data_dir_option = _path_option(
    "--data-dir",
    "data_dir",
    "data_dir",
    "Where the lexicon engine keeps its store [default: ~/.local/share/dolmetsch].",
    folder=True,
)


_glossary_path_option = _path_option(
    "--glossary",
    "glossary_file",
    "glossary",
    "Your glossary file, layered over the one shipped with dolmetsch [default: "
    "~/.config/dolmetsch/glossary.tsv; glossary/terms.tsv in a source checkout].",
    folder=False,
)
_GLOSSARY_ONLY = "dolmetsch.glossary_only"


def _glossary_only_given(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    # Kept in ctx.meta so that every command taking --glossary gets the switch without a
    # parameter of its own; _glossary_files reads it.
    if value:
        ctx.meta[_GLOSSARY_ONLY] = True
    return value


def _glossary_file_option(func: F) -> F:
    func = click.option(
        "--glossary-only",
        is_flag=True,
        expose_value=False,
        callback=_glossary_only_given,
        help="Use the --glossary file alone, without the glossary shipped with dolmetsch.",
    )(func)
    return _glossary_path_option(func)


_memory_option = _path_option(
    "--memory",
    "memory_file",
    "memory",
    "Translation memory (SQLite) [default: ~/.local/share/dolmetsch/memory.sqlite].",
    folder=False,
)


def _glossary_options(func: F) -> F:
    func = click.option(
        "--strict-glossary",
        is_flag=True,
        callback=_setting("strict_glossary"),
        help="Enforce the spellings the glossary lists, and no others: unlisted spellings "
        "of its people and places (Selensky, Kyjiw) are then left to the engine "
        f"[{_where('strict_glossary')}].",
    )(func)
    func = click.option(
        "--no-glossary", is_flag=True, help="Translate without enforcing the glossary."
    )(func)
    return _glossary_file_option(func)


def _glossary_files(glossary_file: Path | None) -> Any:
    """The person's glossary and the shipped defaults under it, from the options."""
    from .glossary import locate

    ctx = click.get_current_context(silent=True)
    only = bool(ctx is not None and ctx.meta.get(_GLOSSARY_ONLY))
    return locate(glossary_file, only)


def _load_glossary(
    glossary_file: Path | None, no_glossary: bool, strict: bool = False, pair: Any = None
) -> Any:
    """The effective glossary: the shipped one with the person's over it (or theirs alone);
    for a run's language ``pair``, as that pair sees it (its source spellings, its target's
    canonical forms)."""
    import dataclasses

    from .glossary import load_effective

    if no_glossary:
        return None
    glossary = load_effective(_glossary_files(glossary_file)).glossary
    if pair is not None:
        glossary = glossary.for_pair(pair.source, pair.target)
    return dataclasses.replace(glossary, strict=True) if strict else glossary


def _engine_options(func: F) -> F:
    options = [
        click.option(
            "--from",
            "source_lang",
            metavar="LANG",
            callback=_setting("from"),
            help="The articles' language, an ISO 639-1 code as argos names it (de, ru, uk, "
            "pl, fr...); with run also auto: each article's own, from its name's tag "
            f"(name.ru.txt) or its text [default: de; {_where('from')}].",
        ),
        click.option(
            "--to",
            "target_lang",
            metavar="LANG",
            callback=_setting("to"),
            help=f"The language to translate into [default: en; {_where('to')}].",
        ),
        click.option(
            "--engine",
            type=click.Choice(ENGINE_CHOICES),
            callback=_setting("engine"),
            help="Translation engine: argos (neural, needs an installed model for the pair, "
            "or two through English), lexicon (embedded German->English dictionary engine), "
            "or auto: argos when it can translate the pair, else lexicon for de->en "
            f"[default: auto; {_where('engine')}].",
        ),
        click.option(
            "--beam-size",
            type=click.IntRange(min=1),
            callback=_setting("beam_size"),
            help=f"Beam width; 1 is greedy and fastest [default: 4; {_where('beam_size')}].",
        ),
        click.option(
            "--compute-type",
            type=click.Choice(["auto", "int8", "int8_float32", "int16", "float32"]),
            callback=_setting("compute_type"),
            help="CTranslate2 compute type; int8 is fastest on CPU "
            f"[default: auto; {_where('compute_type')}].",
        ),
        click.option(
            "--threads",
            type=click.IntRange(min=0),
            callback=_setting("threads"),
            help="CPU threads for the model; 0 picks automatically "
            f"[default: 0; {_where('threads')}].",
        ),
        _packages_dir_option,
        _data_dir_option,
        _glossary_options,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _open_engine(
    engine: str,
    beam_size: int,
    compute_type: str,
    threads: int,
    packages_dir: Path | None,
    data_dir: Path | None,
    pair: Any = None,
    glossary: Any = None,
) -> Any:
    """The engine of the options for ``pair`` (German->English when None), kept by
    ``glossary`` from writing its wrong spellings where the engine can be; a fault opening it
    means nothing could be done (exit 2)."""
    from .engine import load_engine

    def announce(path: Path) -> None:
        click.echo(
            f"dolmetsch: building the lexicon store {path} (first use, about half a minute)",
            err=True,
        )

    argos = engine == "argos" or (engine == "auto" and _has_route(pair, packages_dir))
    options = _options(beam_size, compute_type, threads, glossary if argos else None)
    languages = {"source": pair.source, "target": pair.target} if pair is not None else {}
    with _all_or_nothing(), _BuildProgress() as progress:
        return load_engine(
            engine, options, packages_dir, data_dir, before_build=announce,
            build_progress=progress.step, **languages,
        )  # fmt: skip


def _has_route(pair: Any, packages_dir: Path | None) -> bool:
    from .models import find_route

    source, target = (pair.source, pair.target) if pair is not None else ("de", "en")
    return find_route(source, target, packages_dir) is not None


def _options(beam_size: int, compute_type: str, threads: int, glossary: Any) -> EngineOptions:
    """Decoding options; the spellings ``glossary`` (projected on the run's pair) says are
    wrong in the target are suppressed where the engine can suppress them (argos; give no
    glossary for another engine: finding them reads a word list, half a second)."""
    import functools

    from .glossary.enforce import common_word
    from .glossary.pairs import wrong_in_target

    if glossary is not None:  # a common word of the target stays free ("Luck" in English)
        is_word = functools.partial(common_word, language=glossary.pair[1])
        suppress = wrong_in_target(glossary, is_word)
    else:
        suppress = ()
    return EngineOptions(
        beam_size=beam_size, compute_type=compute_type, threads=threads, suppress=suppress
    )


@contextlib.contextmanager
def _all_or_nothing() -> Iterator[None]:
    """A fault in this step leaves nothing done: exit code 2, as the README says, where the
    error's own code would be 1 ("some of the work failed")."""
    try:
        yield
    except DolmetschError as exc:
        exc.exit_code = max(exc.exit_code, 2)
        raise


class _BuildProgress:
    """The lexicon store's build on stderr: a bar on a terminal, else a line per stage."""

    STEPS = 1000

    def __init__(self) -> None:
        self._bar: Any = None
        self._stage = ""

    def __enter__(self) -> _BuildProgress:
        return self

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None

    def step(self, step: Any) -> None:  # a dolmetsch.lexicon.BuildStep
        import shutil

        from .lexicon import BUILD_STAGES

        stage = one_line(step.stage)
        if not sys.stderr.isatty():
            if stage:
                click.echo(
                    f"dolmetsch: lexicon store, stage {step.number} of {BUILD_STAGES}: {stage}",
                    err=True,
                )
            return
        if stage:  # the bar's line must fit the terminal, or each redraw leaves a line
            room = max(12, shutil.get_terminal_size().columns - 60)
            self._stage = stage if len(stage) <= room else stage[: room - 1] + "…"
        if self._bar is None:
            self._bar = click.progressbar(
                length=self.STEPS, label="lexicon store", file=sys.stderr, width=20,
                item_show_func=lambda _: self._stage or None,
            )  # fmt: skip
            self._bar.__enter__()
        self._bar.update(max(0, round(step.done * self.STEPS) - self._bar.pos), self._stage)


class _Lines:
    """Progress lines of a long job on stderr: on a terminal a counter ("2000 of 24744
    sentence pairs") redraws the line before it instead of adding one, stages keep theirs;
    elsewhere (a log, a pipe) every line as it comes."""

    _COUNTER = re.compile(r"^\d+ of (their )?\d+ |: iteration \d+ of \d+$")

    def __init__(self, stream: TextIO, tty: bool) -> None:
        self._stream = stream
        self._tty = tty
        self._open = False  # a counter line waits for its next redraw

    def __call__(self, line: str) -> None:
        text = f"dolmetsch: {one_line(line)}"
        if not self._tty:
            self._stream.write(text + "\n")
        elif self._COUNTER.search(line):
            import shutil

            width = max(20, shutil.get_terminal_size().columns - 1)
            self._stream.write("\r" + text[:width] + "\x1b[K")
            self._open = True
        else:
            self.close()
            self._stream.write(text + "\n")
        self._stream.flush()

    def close(self) -> None:
        if self._open:
            self._stream.write("\n")
            self._stream.flush()
            self._open = False


_STARTED = "dolmetsch.started"


def _started() -> float:
    """When the command started (``time.perf_counter()``): a summary's time is the whole
    command's, the store build and the model loading included."""
    started = click.get_current_context().meta.get(_STARTED)
    return float(started) if started is not None else time.perf_counter()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dolmetsch")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Offline German-to-English translation of news articles, sentence-aligned.

    \b
    Start with:
      dolmetsch run seeds --out out      translate every article in seeds/
      dolmetsch view NAME                read one in the terminal
      echo 'Guten Tag.' | dolmetsch translate
      dolmetsch model list               the installed argos models

    Exit codes: 0 success, 1 some articles failed (the rest were written),
    2 nothing could be done (no model or dictionary, a missing or wrong folder or
    file, a bad option), 130 interrupted.
    """
    ctx.meta[_STARTED] = time.perf_counter()
    # A translation allocates millions of short-lived tuples and lists and makes almost no
    # reference cycles: collecting the young generation every 10,000 allocations instead
    # of 700 costs nothing in memory and about 1.4 % of a run's instructions (cachegrind,
    # 600 sentences of newstest2018).
    gc.set_threshold(10_000, 10, 10)


def _open_memory(memory_file: Path | None, *, create: bool = True, pair: Any = None) -> Any:
    """The memory of --memory (or the default one), serving ``pair`` (a LanguagePair; the
    configured one when None); commands that only read it pass ``create=False``, so a
    mistyped path is an error, not a new empty memory."""
    from .memory import TranslationMemory, default_memory_path

    if pair is None:
        pair = _configured_pair()
    return TranslationMemory(memory_file or default_memory_path(), create=create, pair=pair)


def _pair(source: str, target: str) -> Any:
    """The LanguagePair of --from and --to (each already resolved by dolmetsch.settings)."""
    from .languages import LanguagePair

    return LanguagePair(source, target)


def _configured_pair() -> Any:
    """The language pair of the environment and config file, for commands without --from
    and --to (the memory's `tm` commands)."""
    from .settings import resolve

    return resolve(config=_config()).pair


def _config_flags(func: F) -> F:
    """`dolmetsch config`'s flags: the settings' own, so that it shows what a command given
    them would use (taken as given, with no callback: their origin is ``flag``)."""
    from .settings import KEYS

    for key in reversed(KEYS):
        flag = "--" + key.name.replace("_", "-")
        if key.kind == "bool":
            option = click.option(
                flag, key.name, is_flag=True, default=None, help=f"{key.help} [{_where(key.name)}]"
            )
        else:
            kinds: dict[str, Any] = {
                "int": click.IntRange(min=key.minimum),
                "path": click.Path(path_type=Path),
                "choice": click.Choice(key.choices),
            }
            option = click.option(
                flag, key.name, type=kinds.get(key.kind, str), default=None,
                help=f"{key.help} [{_where(key.name)}]",
            )  # fmt: skip
        func = option(func)
    return func


@main.command("config")
@_config_flags
def config_command(**flags: Any) -> None:
    """Print the effective settings and where each comes from: a flag, an environment
    variable (env VAR), the config file (config FILE:LINE) or the default.  Its flags are
    the settings' (--from ru, --threads 1, --memory FILE...): what a command given them
    would use.

    \b
    The config file is $XDG_CONFIG_HOME/dolmetsch/config.toml (~/.config/dolmetsch/
    config.toml; $DOLMETSCH_CONFIG names another), flat TOML, one key per setting, e.g.:
      from = "ru"
      threads = 1
      memory = "~/news/memory.sqlite"
    Flags win over environment variables, which win over the file. The output is itself
    a config file: paste the lines you want to keep. A relative path is taken from the
    folder a command runs in, as on the command line.
    """
    from .glossary import locate
    from .settings import describe, resolve

    settings = resolve(flags, config=_config())
    if settings.value("from") != "auto":
        _ = settings.pair  # the same language twice is refused here too, saying where from
    found = locate(settings.glossary).user if settings.glossary is None else None
    for line in describe(settings, found):
        click.echo(line)


class _Progress:
    """Run observer: a progress bar on stderr when it is a terminal, failures as lines."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._tty = sys.stderr.isatty()

    def started(self, total_sentences: int) -> None:
        self.close()  # a run over several languages starts a bar per language
        if self._tty and total_sentences:
            self._bar = click.progressbar(
                length=total_sentences, label="translating", file=sys.stderr, show_pos=True
            )
            self._bar.__enter__()

    def advanced(self, sentences: int) -> None:
        if self._bar is not None:
            self._bar.update(sentences)

    def failed(self, message: str) -> None:
        click.echo(f"dolmetsch: {one_line(message)}", err=True)

    def noted(self, message: str) -> None:
        click.echo(f"dolmetsch: note: {one_line(message)}", err=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


@main.command()
@click.argument(
    "input_dir", default="seeds", type=click.Path(path_type=Path), metavar="[SEEDS_DIR]"
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    callback=_setting("out"),
    help=f"Folder for the aligned outputs (created if missing) [default: out; {_where('out')}].",
)
@_memory_option
@click.option(
    "--no-memory",
    is_flag=True,
    help="Neither reuse nor record translations (every article is translated afresh).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes translating articles side by side, each with its own engine "
    "(argos keeps its --threads in each). Outputs are the same for any number.",
)
@_engine_options
def run(
    input_dir: Path,
    out_dir: Path,
    source_lang: str,
    target_lang: str,
    engine: str,
    beam_size: int,
    compute_type: str,
    threads: int,
    packages_dir: Path | None,
    data_dir: Path | None,
    glossary_file: Path | None,
    no_glossary: bool,
    strict_glossary: bool,
    memory_file: Path | None,
    no_memory: bool,
    jobs: int,
) -> None:
    """Translate every *.txt article in SEEDS_DIR [default: seeds].

    \b
    For each article writes, in OUT:
      <name>.po    gettext, one entry per sentence (msgctxt locates paragraph
                   and sentence), for PO editors: correct the English here
      <name>.tsv   id, German, English
      <name>.tmx   TMX 1.4b, for CAT tools
      <name>.html  German beside English, glossary terms marked
    and for the whole run:
      corpus.tmx   every article's sentences in one TMX
      index.html   a page listing every article, linking its .html

    Read an article in the terminal with: dolmetsch view NAME. Files that
    cannot be read are reported by name; the others are still translated.

    Corrections a person made in OUT/<name>.po are taken into the translation memory
    first and kept: they are never overwritten. Sentences the memory knows are not
    translated again, and an article whose outputs are current (same source, engine,
    glossary and memory) is kept as it is.

    With --from auto the folder may hold articles in several languages: each is
    translated with its own language's engine (name.ru.txt is Russian; an untagged
    article's language is detected, and one it cannot tell is named on stderr).
    """
    import dataclasses
    import functools

    from .engine import load_engine
    from .files import find_articles, folder_lock, no_articles
    from .lifeline import sigterm_as_interrupt
    from .pipeline import Group, run_groups

    found = find_articles(input_dir)  # a bad folder is a usage error before any model loads
    progress = _Progress()
    for line in found.skipped:
        progress.failed(line)
    if not found.paths:
        raise no_articles(input_dir, found)
    paths = found.paths
    ceiling = min(len(paths), os.cpu_count() or 1)
    if jobs > ceiling:  # more workers than articles or cores only cost memory and start-up
        click.echo(f"dolmetsch: note: --jobs {jobs} is more than the {len(paths)} articles "
                   f"or {os.cpu_count() or 1} cores; using {ceiling}", err=True)  # fmt: skip
        jobs = ceiling
    left_out: tuple[str, ...] = ()
    stranded: tuple[tuple[Path, Any], ...] = ()
    groups: list[Any] = []
    memories: list[Any] = []
    try:
        if source_lang == "auto":
            glossary = _load_glossary(glossary_file, no_glossary, strict_glossary)
            opened, left_out, stranded = _mixed_groups(
                paths, target_lang, glossary, progress,
                lambda pair, projected: _open_engine(
                    engine, beam_size, compute_type, threads, packages_dir, data_dir, pair,
                    projected,
                ),
            )  # fmt: skip
        else:
            from .mixed import tagged_otherwise

            pair = _pair(source_lang, target_lang)
            kept, left_out = tagged_otherwise(paths, pair.source)
            paths = tuple(kept)
            for line in left_out:
                progress.failed(line)
            glossary = _load_glossary(glossary_file, no_glossary, strict_glossary, pair)
            translator = _open_engine(
                engine, beam_size, compute_type, threads, packages_dir, data_dir, pair, glossary
            )
            opened = [(pair, translator, paths, glossary)]
        for pair, translator, group_paths, group_glossary in opened:
            argos = translator.info.name == "argos"
            options = _options(beam_size, compute_type, threads, group_glossary if argos else None)
            # workers open the engine this process resolved ("auto" became argos or lexicon)
            spawn = functools.partial(
                load_engine, translator.info.name, options, packages_dir, data_dir,
                source=pair.source, target=pair.target,
            )  # fmt: skip
            memory = None if no_memory else _open_memory(memory_file, pair=pair)
            if memory is not None:
                memories.append(memory)
            groups.append(Group(group_paths, translator, pair, group_glossary, memory, spawn))
        # SIGTERM stops the run as Ctrl-C does: workers end, outputs stay whole, exit 130
        with folder_lock(out_dir), sigterm_as_interrupt():
            summary = run_groups(groups, out_dir, progress, jobs=jobs, stranded=stranded)
    finally:
        progress.close()
        for memory in memories:
            memory.close()
    summary = dataclasses.replace(
        summary,
        failures=(*found.skipped, *left_out, *summary.failures),
        given=summary.given + len(found.skipped) + len(left_out),
        seconds=time.perf_counter() - _started(),
    )
    click.echo(one_line(summary.line()))
    cautions = dict.fromkeys(g.engine.info for g in groups if g.engine.info.caution)
    for info in cautions:
        click.echo(f"{info.name} engine: {info.caution}")
    if not summary.ok:
        sys.exit(1)


def _mixed_groups(
    paths: Sequence[Path],
    target: str,
    glossary: Any,
    progress: Any,
    open_engine: Callable[[Any, Any], Any],
) -> tuple[
    list[tuple[Any, Any, Sequence[Path], Any]], tuple[str, ...], tuple[tuple[Path, Any], ...]
]:
    """--from auto: the folder's articles by language (dolmetsch.mixed), each language with
    its pair, engine (``open_engine(pair, projected glossary)``) and glossary projection;
    one line per article left out (its language unsure, or no engine for it: each told on
    stderr); and the articles with no engine, with their pair (their earlier outputs stay
    in the index and corpus).
    Nothing at all to translate is a fault (exit 2)."""
    from .languages import LanguagePair
    from .mixed import sort_by_language

    found = sort_by_language(paths, target)
    left_out = list(found.left_out)
    for line in found.left_out:
        progress.failed(line)
    opened: list[tuple[Any, Any, Sequence[Path], Any]] = []
    stranded: list[tuple[Path, Any]] = []
    for lang, group in found.groups.items():
        pair = LanguagePair(lang, target)
        projected = glossary.for_pair(lang, target) if glossary is not None else None
        try:
            translator = open_engine(pair, projected)
        except DolmetschError as exc:  # this language only: the others go on
            for path in group:
                left_out.append(f"{path}: {pair.source_name} article not translated: {exc}")
                progress.failed(left_out[-1])
                stranded.append((path, pair))
            continue
        opened.append((pair, translator, group, projected))
    if not opened:
        nothing = DolmetschError(
            f"no article could be translated ({counted(len(paths), 'article')}, each named above)"
        )
        nothing.exit_code = 2
        raise nothing
    return opened, tuple(left_out), tuple(stranded)


@main.command()
@click.argument("text", required=False)
@_engine_options
def translate(
    text: str | None,
    source_lang: str,
    target_lang: str,
    engine: str,
    beam_size: int,
    compute_type: str,
    threads: int,
    packages_dir: Path | None,
    data_dir: Path | None,
    glossary_file: Path | None,
    no_glossary: bool,
    strict_glossary: bool,
) -> None:
    """Translate TEXT, or standard input line for line, to standard output.

    One line in, one line out; empty lines are kept, so a test set can be fed through
    and compared line by line with its references (a TEXT of several lines too). With
    neither TEXT nor piped input it reads what you type, until Ctrl-D. Which engine
    translated is said on stderr when it is a terminal.
    """
    import io
    import itertools

    from .pipeline import translate_lines

    # Bytes that are not UTF-8 are kept (surrogateescape) until _as_text decodes the line.
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="surrogateescape")
    try:
        first: list[str] = []  # piped input's first chunk: its language, and is it blank
        typed = text is None and sys.stdin.isatty()
        if source_lang == "auto" and typed:
            raise click.UsageError(
                "with --from auto the language is found in the whole text, not as you type "
                "it: give --from LANG (or pipe the text in)"
            )
        whole = text is not None
        if text is None and not typed:
            first, whole = _first_chunk(stdin)
        given = text if text is not None else "".join(first)
        if source_lang != "auto":
            _pair(source_lang, target_lang)  # a wrong code is said even with nothing to do
        if not typed and whole and not given.strip():
            # nothing to translate (nor to tell a language by): the empty lines stay, and no
            # engine is opened (a first lexicon run would build its store for nothing)
            lines = first if text is None else _lines(text)
            if lines:
                click.echo("\n" * (len(lines) - 1))
            return
        if source_lang == "auto":
            source_lang = _found_language(
                text if text is not None else "".join(first),
                "TEXT" if text is not None else "standard input",
                target_lang,
            )
        pair = _pair(source_lang, target_lang)
        if text is None and sys.stdin.isatty():  # else it would wait without a word
            click.echo(
                f"dolmetsch: reading {pair.source_name} from the terminal, line by line; end with "
                "Ctrl-D (or give the text: dolmetsch translate 'Guten Tag.')",
                err=True,
            )
        glossary = _load_glossary(glossary_file, no_glossary, strict_glossary, pair)
        translator = _open_engine(
            engine, beam_size, compute_type, threads, packages_dir, data_dir, pair, glossary
        )
        if text is not None:
            text, legacy = _as_text(text, "TEXT", pair.source)
            if legacy:
                click.echo(f"dolmetsch: note: TEXT is not UTF-8: read as {legacy}", err=True)
            click.echo("\n".join(translate_lines(_lines(text), translator, glossary, pair.source)))
            _say_engine(translator.info)
            return
        _translate_stream(itertools.chain(first, stdin), translator, glossary, pair)
        _say_engine(translator.info)
    finally:
        stdin.detach()  # the binary stream is sys.stdin's (or a test runner's) to close


_CHUNK = 2000  # lines of standard input translated at a time


def _first_chunk(stdin: Iterable[str]) -> tuple[list[str], bool]:
    """Standard input's first lines, up to the ``_CHUNK``-th that has text (blank lines
    tell no language: 2,000 of them before the text made --from auto give up), and
    whether that was all of it."""
    first: list[str] = []
    with_text = 0
    for raw in stdin:
        first.append(raw)
        with_text += bool(raw.strip())
        if with_text >= _CHUNK:
            return first, False
    return first, True


def _translate_stream(raw_lines: Iterable[str], translator: Any, glossary: Any, pair: Any) -> None:
    """Standard input's lines (read with surrogateescape: bytes that are not UTF-8 are kept
    until _as_text decodes the line) translated a chunk at a time to standard output."""
    from .pipeline import translate_lines

    noted = False
    chunk: list[str] = []
    for number, raw in enumerate(raw_lines, 1):
        where = f"standard input, line {number}"
        line, legacy = _as_text(raw.rstrip("\r\n"), where, pair.source)
        if legacy and not noted:
            note = f"{where} is not UTF-8: read as {legacy} (and any such line after it)"
            click.echo(f"dolmetsch: note: {note}", err=True)
            noted = True
        chunk.append(line)
        if len(chunk) >= _CHUNK:
            click.echo("\n".join(translate_lines(chunk, translator, glossary, pair.source)))
            chunk = []
    if chunk:
        click.echo("\n".join(translate_lines(chunk, translator, glossary, pair.source)))


def _found_language(text: str, where: str, target: str) -> str:
    """The language ``text`` (read with surrogateescape) is written in, said in a note on
    stderr; a UsageError when the detector is not sure or finds the target language."""
    from .languages import language_name
    from .mixed import data_language

    lang, found = data_language(text.encode("utf-8", "surrogateescape"), where, target)
    if not found.sure:
        guess = (
            f" (perhaps {language_name(lang)}, confidence {found.confidence:.2f})" if lang else ""
        )
        raise click.UsageError(f"cannot tell which language {where} is in{guess}: give --from LANG")
    if lang == target:
        raise click.UsageError(
            f"{where} is written in {language_name(lang)}, the language translated into: "
            "give --from LANG for its language, or another --to"
        )
    click.echo(f"dolmetsch: note: {where} read as {language_name(lang)} (--from auto)", err=True)
    return lang


def _lines(text: str) -> list[str]:
    """TEXT's lines as standard input's would be read: CR LF, CR and LF end a line, and
    a final line end starts no empty line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if len(lines) > 1 and not lines[-1] else lines


def _say_engine(info: Any) -> None:
    """Which engine translated (a dolmetsch.engine.EngineInfo), and how far to trust it, to
    a person at a terminal; a script's stderr stays for errors."""
    if sys.stderr.isatty():
        caution = f": {info.caution}" if info.caution else ""
        click.echo(f"dolmetsch: note: translated with {info.describe()}{caution}", err=True)


def _as_text(line: str, where: str, lang: str = "de") -> tuple[str, str]:
    """A line read with surrogateescape, decoded as an article in ``lang`` is: UTF-8, else
    the language's legacy code page (then its name, for the note: ``Windows-1251
    (Russian)``).  Text from older systems is in such a code page and never valid UTF-8
    by chance."""
    from .files import decode_legacy, encoding_name
    from .languages import language_name

    try:
        line.encode("utf-8")
        return line, ""
    except UnicodeEncodeError:
        pass
    try:
        data = line.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no byte stands for: only a caller can make one
        return line.encode("utf-8", "replace").decode("utf-8"), ""
    text, encoding = decode_legacy(data, where, lang)
    name = encoding_name(encoding)
    # as it always said for German; another language's code page says which language chose it
    return text, name if encoding == "cp1252" else f"{name} ({language_name(lang)})"


@main.group(cls=_Group)
def model() -> None:
    """List, install and remove argos translation models."""


@model.command("list")
@_packages_dir_option
def model_list(packages_dir: Path | None) -> None:
    """List installed argos packages and the pairs they translate through English.

    The package `run` uses for its pair is marked *; a pair with no package of its own that
    two installed packages translate through English is listed as a pivot.
    """
    from .models import packages_dir as default_dir
    from .models import possible_pivots, preferred, scan_packages
    from .names import one_line

    directory = packages_dir or default_dir()
    found, problems = scan_packages(directory)
    for problem in problems:
        click.echo(f"dolmetsch: {one_line(problem)}", err=True)
    if not found:
        click.echo(f"no models installed in {directory}", err=True)
        return
    chosen = {package.path for package in preferred(found)}
    for package in found:
        mark = "*" if package.path in chosen else " "
        click.echo(
            f"{mark} {package.name}\t{package.pair}\t{package.package_version}\t{package.path}"
        )
    for route in possible_pivots(found):
        click.echo(f"  pivot\t{route.pair}\tvia {route.pivot}: {route.describe()}")


@model.command("install")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--online",
    is_flag=True,
    help="Download the newest package for --from/--to from the argos package index.",
)
@click.option(
    "--from",
    "from_code",
    metavar="LANG",
    help="With --online: the source language (ISO 639-1, as argos names it)  [default: de]",
)
@click.option(
    "--to",
    "to_code",
    metavar="LANG",
    help="With --online: the target language  [default: en]",
)
@_packages_dir_option
def model_install(
    file: Path | None,
    online: bool,
    from_code: str | None,
    to_code: str | None,
    packages_dir: Path | None,
) -> None:
    """Install FILE.argosmodel, or with --online the --from/--to package from the argos index."""
    from .errors import UsageError
    from .languages import check_code
    from .models import install_file, install_online

    if (file is None) != online:
        raise UsageError("give either FILE.argosmodel or --online, not both or neither")
    if file is not None and (from_code or to_code):
        raise UsageError("--from/--to choose the package --online downloads; FILE names its pair")
    with _all_or_nothing():  # one package: installed whole, or nothing was done
        if file is not None:
            package = install_file(file, packages_dir)
        else:
            source = check_code(from_code or "de", "--from")
            target = check_code(to_code or "en", "--to")
            if source == target:
                raise UsageError(f"--from and --to are the same language ({source})")
            package = install_online(source, target, packages_dir)
    click.echo(
        f"installed {package.name} ({package.pair} {package.package_version}) in {package.path}"
    )


@model.command("remove")
@click.argument("name")
@_packages_dir_option
def model_remove(name: str, packages_dir: Path | None) -> None:
    """Remove the package NAME (as `model list` shows it) or every package of a pair (de-en)."""
    from .models import remove

    for package in remove(name, packages_dir):
        click.echo(f"removed {package.name} ({package.pair} {package.package_version})")


@main.group(cls=_Group)
def lexicon() -> None:
    """The embedded dictionary engine's store (built from Debian's trans-de-en)."""


@lexicon.command("build")
@_data_dir_option
def lexicon_build(data_dir: Path | None) -> None:
    """Build (or rebuild) the lexicon store from the installed Ding dictionary.

    Takes about half a minute: a bar on a terminal, a line per stage otherwise.
    """
    from .lexicon import build_store

    with _all_or_nothing(), _BuildProgress() as progress:
        report = build_store(data_dir, progress=progress.step)
    click.echo(
        f"built {report.path} in {report.seconds:.1f} s: {report.keys} entries, "
        f"{report.lemmas} inflected forms, {report.phrases} phrases"
        + ("" if report.used_de2en else " (without de2en: sense ranking is weaker)")
    )


@lexicon.command("learn")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the table [default: learned.tsv.gz in the data directory, which "
    "the store joins in on its next build].",
)
@_data_dir_option
def lexicon_learn(files: tuple[Path, ...], output: Path | None, data_dir: Path | None) -> None:
    """Adapt the lexicon engine to your text: learn from DE_FILE EN_FILE [DE_FILE EN_FILE ...].

    Each pair is a German file and its line-by-line English translation.  Only counts are
    kept (which English sense of each German word your translations use), never sentences.
    """
    if len(files) % 2:
        raise click.UsageError("give German and English files in pairs: DE_FILE EN_FILE ...")
    from .lexicon.learn import learn_files

    pairs = list(zip(files[::2], files[1::2], strict=True))
    # a missing or wrong input or output: nothing learned, exit code 2 as --help says
    lines = _Lines(sys.stderr, sys.stderr.isatty())
    with _all_or_nothing():
        try:
            path, learned = learn_files(pairs, output, data_dir, progress=lines)
        finally:
            lines.close()
    click.echo(
        f"learned from {learned.sentences} sentence pairs: {len(learned.keys)} German keys, "
        f"{len(learned.pairs)} sense counts -> {path}"
    )


# --- glossary ------------------------------------------------------------------------------

_KIND_CHOICE = click.Choice(["person", "place", "organisation", "term"])


def _glossary_wait_option(func: F) -> F:
    from .glossary.lock import LOCK_TIMEOUT

    return click.option(
        "--wait",
        type=click.FloatRange(min=0),
        default=LOCK_TIMEOUT,
        show_default=True,
        metavar="SECONDS",
        help="How long to wait while another command changes the same glossary.",
    )(func)


@main.group(cls=_Group)
def glossary() -> None:
    """The glossary: one canonical English form per named entity, in every translation.

    Your entries live in a glossary of your own (--glossary FILE, else
    ~/.config/dolmetsch/glossary.tsv), layered over the one shipped with dolmetsch, which
    is never changed; run from a source checkout, glossary/terms.tsv is yours.

    \b
    dolmetsch glossary list --kind person
    dolmetsch glossary add 'Olaf Scholz' --variant Scholz --kind person
    dolmetsch glossary import deepl.csv --dry-run
    dolmetsch glossary check out/        re-check outputs (also edited PO files)
    """


def _language_code(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """An ISO 639-1 code as argos names languages, checked at the flag by the rules of
    --from (``DE`` -> ``de``; ``ua`` refused: did you mean uk)."""
    from .languages import LanguageError, check_code

    def checked(code: str | None) -> str | None:
        if code is None or code in ("all", "auto"):
            return code
        try:
            return check_code(code, "language")
        except LanguageError as exc:
            raise click.BadParameter(str(exc)) from None

    if isinstance(value, tuple):
        return tuple(checked(code) for code in value)
    return checked(value)


def _configured_language(setting: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A glossary command's language option: the flag checked as :func:`_language_code`
    does, else the configured ``setting`` (``from``/``to``: flag, environment, config file,
    default), as ``run`` takes it."""
    resolve = _setting(setting)

    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        if value is not None:
            return _language_code(ctx, param, value)
        return resolve(ctx, param, None)

    return callback


@glossary.command("list")
@click.option("--kind", type=_KIND_CHOICE)
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
@click.option(
    "--lang",
    "langs",
    multiple=True,
    callback=_language_code,
    help="Show the spellings in this source language instead of German (repeatable; "
    "'all': every language of the glossary).",
)
@_glossary_file_option
def glossary_list(
    kind: str | None, as_json: bool, langs: tuple[str, ...], glossary_file: Path | None
) -> None:
    """List the entries: canonical English, kind, German spellings (or those of each
    --lang, as "ru: ..."), and the file each comes from (yours or the shipped one)."""
    import json

    from .errors import UsageError
    from .glossary import entry_to_dict, filter_entries, load_effective

    layered = load_effective(_glossary_files(glossary_file))
    wanted = {e.target for e in filter_entries(layered.glossary, kind)}
    rows = [(e, origin) for e, origin in layered if e.target in wanted]
    if as_json:
        found = [{**entry_to_dict(e), "file": origin} for e, origin in rows]
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    codes = list(dict.fromkeys(langs))
    if "auto" in codes:
        raise UsageError("--lang auto is for glossary suggest; list takes 'all' or a code")
    if "all" in codes:
        codes = list(layered.glossary.languages)
    for entry, origin in rows:
        if codes == [] or codes == ["de"]:
            spellings = "; ".join(entry.variants)
        else:
            spellings = "\t".join(f"{c}: {'; '.join(entry.spellings_in(c))}" for c in codes)
        click.echo(f"{entry.target}\t{entry.kind}\t{spellings}\t{origin}")


@glossary.command("add")
@click.argument("target")
@click.option("--variant", "variants", multiple=True, help="A spelling in --lang (repeatable).")
@click.option(
    "--lang",
    callback=_configured_language("from"),
    help="The source language of the --variant spellings (ru, uk, pl...) "
    f"[default: the source language, de; {_where('from')}].",
)
@click.option("--kind", type=_KIND_CHOICE, help="Required for a new entry.")
@click.option("--short", default="", help="English form for surname-only mentions.")
@click.option("--adjective", default="", help="English form for a place adjective in -er.")
@click.option("--forbidden", multiple=True, help="A wrong English spelling (repeatable).")
@click.option("--closed-compounds", is_flag=True, help="Match inside closed compounds too.")
@click.option("--note", default="", help="Free text (one line).")
@click.option(
    "--replace",
    "replace_existing",
    is_flag=True,
    help="Replace the existing entry; every non-empty field of it must be given again.",
)
@_glossary_file_option
@_glossary_wait_option
def glossary_add(
    target: str,
    variants: tuple[str, ...],
    lang: str,
    kind: str | None,
    short: str,
    adjective: str,
    forbidden: tuple[str, ...],
    closed_compounds: bool,
    note: str,
    replace_existing: bool,
    glossary_file: Path | None,
    wait: float,
) -> None:
    """Add an entry with canonical English form TARGET, or add spellings to it.

    On an existing entry the --variant and --forbidden spellings are added and empty
    fields filled; nothing it already has is changed unless --replace is given (which
    replaces the spellings of --lang, and keeps those of the other languages).
    The spellings are in the source language (from = ... in the config file, else German)
    unless --lang names another:
    dolmetsch glossary add 'Volodymyr Zelensky' --lang ru --variant Зеленский
    """
    from .errors import UsageError
    from .glossary import add_to_glossary, entry_from_dict

    if lang in ("en", "all", "auto"):
        raise UsageError(
            "--lang en: the English forms are TARGET, --short and --forbidden; "
            "--variant spellings are in a source language (de, ru, uk, pl...)"
        )
    files = _glossary_files(glossary_file)
    entry = entry_from_dict(
        {
            "target": target,
            "kind": kind or "term",
            "variants": list(variants) if lang == "de" else [],
            "spellings": {} if lang == "de" else {lang: list(variants)},
            "short": short,
            "adjective": adjective,
            "forbidden": list(forbidden),
            "closed_compounds": closed_compounds,
            "note": note,
        }
    )
    change, merged = add_to_glossary(
        files, entry, kind_given=kind is not None, replace_existing=replace_existing,
        timeout=wait,
    )  # fmt: skip
    if not change.written:
        click.echo(f"{target!r} in {files.user} already has all of that: nothing changed")
    elif target in merged.added:
        click.echo(f"added {target!r} to {files.user}")
    else:
        click.echo(f"{'replaced' if replace_existing else 'updated'} {target!r} in {files.user}")
    if change.written:
        from .glossary import load_effective
        from .glossary.matching import inflection_clashes

        for note in inflection_clashes(load_effective(files).glossary, target):
            click.echo(f"dolmetsch: note: {note}", err=True)


@glossary.command("remove")
@click.argument("target")
@_glossary_file_option
@_glossary_wait_option
def glossary_remove(target: str, glossary_file: Path | None, wait: float) -> None:
    """Remove your entry whose canonical English form is TARGET.

    The glossary shipped with dolmetsch is never changed: an entry only it has is refused.
    """
    from .glossary import remove_from_glossary

    files = _glossary_files(glossary_file)
    _, shipped_again = remove_from_glossary(files, target, timeout=wait)
    again = "; the shipped entry applies again" if shipped_again else ""
    click.echo(f"removed {target!r} from {files.user}{again}")


@glossary.command("edit")
@_glossary_file_option
@_glossary_wait_option
def glossary_edit(glossary_file: Path | None, wait: float) -> None:
    """Open your glossary in $EDITOR; save it when valid and unchanged meanwhile.

    A broken text, or a file another command changed while the editor was open, is
    refused: the file stays as it was and your edited text is kept in FILE.edited (or
    FILE.edited.1, ... when an earlier one is still there). The previous version is kept in
    FILE.bak; the file keeps its line ends (CRLF too).
    """
    from .glossary import decode_edit, save_edit, start_edit

    files = _glossary_files(glossary_file)
    session = start_edit(files)
    # as bytes: click would decode them as UTF-8 and lose the edit of an editor set to Latin-1
    saved = click.edit(session.text.encode("utf-8"), extension=".tsv", require_save=True)
    edited = decode_edit(files.user, saved) if saved is not None else None
    if edited is None or session.unchanged(edited.text):
        click.echo("no changes", err=True)
        return
    if edited.encoding != "utf-8":
        name = "Windows-1252" if edited.encoding == "cp1252" else edited.encoding.upper()
        click.echo(f"dolmetsch: note: your editor saved the glossary in {name}, not UTF-8: "
                   f"read as {name}, saved in UTF-8", err=True)  # fmt: skip
    change = save_edit(files, session, edited.text, timeout=wait)
    click.echo(f"saved {files.user}")
    if change.backup is not None:
        click.echo(f"previous version kept in {change.backup}", err=True)


def _pair_options(what: str) -> Callable[[F], F]:
    """--from/--to of a glossary command (the exchange files' language pair)."""

    def decorate(func: F) -> F:
        func = click.option("--to", "target_lang", callback=_configured_language("to"),
                            help=f"{what} [default: en; {_where('to')}]")(func)  # fmt: skip
        return click.option("--from", "source_lang", callback=_configured_language("from"),
                            help=f"{what} [default: de; {_where('from')}]")(func)  # fmt: skip

    return decorate


def _exchange_format(path: Path) -> str:
    return "tbx" if path.suffix.lower() in (".tbx", ".xml") else "deepl"


@glossary.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--replace-conflicts",
    is_flag=True,
    help="Where FILE and your glossary disagree, take FILE's spelling, kind or note.",
)
@click.option("--replace-all", is_flag=True, help="Replace every entry of your glossary by FILE's.")
@click.option("--dry-run", is_flag=True, help="Print the changes as a diff; write nothing.")
@click.option(
    "--kind",
    type=_KIND_CHOICE,
    default="term",
    show_default=True,
    help="Kind of a new entry whose FILE gives none (DeepL files never do).",
)
@_pair_options("The language pair of a DeepL FILE (a TBX file names its languages).")
@_glossary_file_option
@_glossary_wait_option
def glossary_import(
    file: Path,
    replace_conflicts: bool,
    replace_all: bool,
    dry_run: bool,
    kind: str,
    source_lang: str,
    target_lang: str,
    glossary_file: Path | None,
    wait: float,
) -> None:
    """Merge FILE into your glossary: DeepL CSV/TSV (source,target) or TBX (.tbx).

    A DeepL file is one dictionary of a multilingual glossary: --from/--to name its pair
    (default: the configured pair, de->en); into English its spellings join the entry of
    their English form, into another language each entity must already be in the glossary.

    New spellings join the entry with the same English form, new entries are appended,
    and conflicts (a spelling of another entry, a differing kind, short form or note) are
    listed and left unchanged unless --replace-conflicts. The previous version is kept in
    GLOSSARY.bak.
    """
    from .errors import UsageError
    from .glossary import (
        entry_from_dict,
        import_into_glossary,
        load_deepl,
        load_effective,
    )

    if replace_conflicts and replace_all:
        raise UsageError("give --replace-conflicts or --replace-all, not both")
    files = _glossary_files(glossary_file)
    kind_ = entry_from_dict({"target": "-", "kind": kind}).kind
    if _exchange_format(file) == "tbx":
        from .glossary.exchange import load_tbx_noted

        incoming, notes = load_tbx_noted(file, kind_)
        for note in notes:
            click.echo(f"dolmetsch: note: {note}", err=True)
    else:
        base = load_effective(files, True).glossary
        incoming = load_deepl(file, base, kind_, (source_lang, target_lang))
    change, merged = import_into_glossary(
        files, incoming.entries, replace_conflicts=replace_conflicts, replace_all=replace_all,
        dry_run=dry_run, timeout=wait,
    )  # fmt: skip
    if dry_run:
        click.echo(change.diff(), nl=False)
    for line in merged.conflicts:
        state = "replaced" if line in merged.replaced else "left unchanged"
        click.echo(f"conflict, {state}: {line}")
    summary = f"{file} into {files.user}: {merged.describe()}"
    if dry_run:
        click.echo(f"dry run, nothing written: would import {summary}")
        return
    click.echo(f"imported {summary}")
    if change.backup is not None:
        click.echo(f"previous version kept in {change.backup}", err=True)


_EXPORT_SUFFIXES = (".tbx", ".xml", ".csv", ".tsv", ".tab", ".txt")


@glossary.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@_pair_options("The language pair of the DeepL dictionary written (TBX has them all).")
@click.option(
    "--every-pair",
    is_flag=True,
    help="DeepL: one file per language of the glossary into English, named "
    "FILE.de-en.csv, FILE.ru-en.csv, ... (a DeepL multilingual glossary's dictionaries).",
)
@_glossary_file_option
def glossary_export(
    file: Path,
    force: bool,
    source_lang: str,
    target_lang: str,
    every_pair: bool,
    glossary_file: Path | None,
) -> None:
    """Write the glossary (yours over the shipped one) to FILE: TBX for .tbx (or .xml),
    with every language; DeepL CSV for .csv, DeepL TSV for .tsv (or .tab, .txt), the
    dictionary of one pair (--from/--to, default: the configured pair, de->en) or of every
    pair (--every-pair).

    FILE is never one of the glossaries dolmetsch reads, and an existing FILE is only
    overwritten with --force. Another suffix is refused: nothing is written.
    """
    from .errors import UsageError
    from .glossary import export_glossary, load_effective
    from .glossary.exchange import dictionary_pairs, dictionary_path

    if file.suffix.lower() not in _EXPORT_SUFFIXES:
        raise UsageError(
            f"{file}: cannot export a glossary as {file.suffix or 'a file without a suffix'}; "
            "name it .tbx (TBX), .csv (DeepL CSV) or .tsv (DeepL TSV); nothing exported"
        )
    files = _glossary_files(glossary_file)
    if every_pair:
        if _exchange_format(file) == "tbx":
            raise UsageError("--every-pair writes DeepL files: name FILE .csv or .tsv")
        for pair in dictionary_pairs(load_effective(files).glossary):
            path = dictionary_path(file, pair)
            current = export_glossary(files, path, force=force, pair=pair)
            pairs = len(current.for_pair(*pair).entries)
            click.echo(f"exported {counted(pairs, 'entry', 'entries')} ({pair[0]}->{pair[1]}) "
                       f"to {path}")  # fmt: skip
        return
    pair = (source_lang, target_lang)
    current = export_glossary(files, file, force=force, pair=pair)
    count = len(current.entries if _exchange_format(file) == "tbx" else current.for_pair(*pair))
    click.echo(f"exported {counted(count, 'entry', 'entries')} to {file}")


@glossary.command("suggest")
@click.argument("sources", nargs=-1, required=False, type=click.Path(path_type=Path),
                metavar="SEEDS_DIR_OR_FILE...")  # fmt: skip
@click.option("--min-count", type=click.IntRange(min=1), default=1, show_default=True)
@click.option(
    "--from-run",
    "run_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    metavar="OUT_DIR",
    help="Instead: the spellings a run recognised in OUT_DIR that the glossary does not "
    "list, each entry with the command that adds them.",
)
@click.option(
    "--lang",
    callback=_configured_language("from"),
    help="The articles' language: de, ru, uk, pl, or 'auto' to tell each article's by its "
    "letters and group the names found across languages into one suggested entry each "
    f"[default: the source language, de; {_where('from')}].",
)
@_data_dir_option
@_glossary_file_option
def glossary_suggest(
    sources: tuple[Path, ...],
    min_count: int,
    run_dir: Path | None,
    lang: str,
    data_dir: Path | None,
    glossary_file: Path | None,
) -> None:
    """Find the names in the articles (folders of *.txt articles, or article files) that the
    glossary does not cover yet, and cluster their spellings.

    Each line: the proposed English form, its spellings with counts, and NEW or the entry
    that already covers it; new names first. Names are told from common nouns with the
    lexicon store's dictionary (built on first use), simplemma and wordfreq, and their
    context (titles such as "Sprecherin", first name and surname). A file that cannot be
    read is reported in one line and the others are still read (exit code 1). With
    --from-run OUT_DIR: the unlisted spellings the run into OUT_DIR recognised (and the
    candidates it left as they were), read from its PO files.
    """
    from .errors import UsageError
    from .glossary import load_corpus, suggest

    if bool(sources) == (run_dir is not None):
        raise UsageError(
            "give SEEDS_DIR (folders or article files) or --from-run OUT_DIR (one of them)"
        )
    if run_dir is not None:
        _suggest_from_run(run_dir, glossary_file)
        return
    corpus = load_corpus(sources)
    for failure in corpus.failures:
        click.echo(f"dolmetsch: {failure}", err=True)
    current = _load_glossary(glossary_file, False)
    if lang != "de":
        _suggest_across(corpus.texts, lang, current, data_dir, min_count)
        if corpus.failures:
            sys.exit(1)
        return
    texts = [(text, "") for text in corpus.texts]
    found = suggest(texts, current, _name_judge(data_dir), min_count=min_count)
    for suggestion in found:
        spellings = ", ".join(f"{s} ({n})" for s, n in suggestion.spellings)
        covered = f"covered by {suggestion.covered_by}" if suggestion.covered_by else "NEW"
        click.echo(f"{suggestion.target}\t{spellings}\t{covered}")
    new = sum(s.covered_by is None for s in found)
    click.echo(
        f"read {counted(len(corpus.texts), 'article')}: {counted(new, 'new name')}, "
        f"{counted(len(found) - new, 'glossary entry', 'glossary entries')} found",
        err=True,
    )
    if corpus.failures:
        sys.exit(1)


def _suggest_across(
    texts: Sequence[str], lang: str, current: Any, data_dir: Path | None, min_count: int
) -> None:
    """``glossary suggest --lang``: one suggested entry per entity across languages."""
    from .glossary import suggest
    from .glossary.suggest import detect_language, suggest_across

    langs = [detect_language(t) if lang == "auto" else lang for t in texts]
    german = [(t, "") for t, code in zip(texts, langs, strict=True) if code == "de"]
    found_de = suggest(german, current, _name_judge(data_dir)) if german else []
    others = [(t, code) for t, code in zip(texts, langs, strict=True) if code != "de"]
    found = suggest_across(others, current, found_de, min_count=min_count)
    for s in found:
        spellings = ", ".join(f"{code}: {name} ({n})" for code, name, n in s.spellings)
        if s.covered_by:
            click.echo(f"{s.target}\t{spellings}\tcovered by {s.covered_by}")
            continue
        short = f", short {s.short}" if s.short else ""
        click.echo(f"{s.target}\t{spellings}\tNEW ({s.system}{short})")
    new = sum(s.covered_by is None for s in found)
    tally = ", ".join(f"{langs.count(c)} {c}" for c in sorted(set(langs)))
    click.echo(
        f"read {counted(len(texts), 'article')} ({tally}): {counted(new, 'new name')}, "
        f"{counted(len(found) - new, 'glossary entry', 'glossary entries')} found",
        err=True,
    )


def _name_judge(data_dir: Path | None) -> Any:
    """How ``glossary suggest`` tells names from common words: with the lexicon store's
    dictionary (built on first use, as for a run), or without it if Ding is missing."""
    from .glossary.suggest import GermanWords, LexiconDictionary
    from .lexicon import LexiconError, open_lexicon

    def announce(path: Path) -> None:
        click.echo(
            f"dolmetsch: building the lexicon store {path} (first use, about half a minute)",
            err=True,
        )

    try:
        engine = open_lexicon(data_dir, before_build=announce)
    except LexiconError as exc:
        click.echo(
            f"dolmetsch: {one_line(str(exc))}; names are told from common nouns without "
            "it, so fewer places and more common nouns are listed",
            err=True,
        )
        return GermanWords()
    return GermanWords(LexiconDictionary(engine))


_RUN_NOTES = {"glossary (unlisted variant): ": True, "glossary (candidate, not applied): ": False}


def _suggest_from_run(out_dir: Path, glossary_file: Path | None) -> None:
    """``glossary suggest --from-run``: read the notes of OUT_DIR's PO files, list them."""
    import shlex

    from .glossary.suggest import run_variants
    from .po import read_po
    from .reader import _po_notes

    current = _load_glossary(glossary_file, False)
    notes: list[tuple[bool, str]] = []
    unreadable = 0
    files = sorted(out_dir.glob("*.po"))
    for path in files:
        try:
            po = read_po(path)
        except DolmetschError as exc:  # one line for it; the other files are still read
            click.echo(f"dolmetsch: {exc}", err=True)
            unreadable += 1
            continue
        for entry in po:
            for note in _po_notes(entry.comment or ""):
                for prefix, applied in _RUN_NOTES.items():
                    if note.startswith(prefix):
                        notes += [(applied, n) for n in note.removeprefix(prefix).split("; ")]
    found = run_variants(notes, current)
    option = f" --glossary {shlex.quote(str(glossary_file))}" if glossary_file else ""
    for variant in found:
        spellings = ", ".join(f"{s} ({n})" for s, n in variant.spellings)
        add = " ".join(f"--variant {shlex.quote(s)}" for s in variant.variants)
        command = f"dolmetsch glossary add {shlex.quote(variant.target)} {add}{option}"
        if variant.applied:
            click.echo(f"{variant.target}\t{spellings}\trecognised; to list: {command}")
        else:
            click.echo(f"{variant.target}\t{spellings}\tleft as they were; if the same: {command}")
    failed = f", {counted(unreadable, 'file')} could not be read" if unreadable else ""
    recognised = counted(sum(v.applied for v in found), "entry", "entries")
    click.echo(
        f"read {counted(len(files), 'PO file')}: {recognised} with unlisted spellings, "
        f"{sum(not v.applied for v in found)} with candidates{failed}",
        err=True,
    )
    if unreadable:
        sys.exit(1)


@glossary.command("check")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_glossary_file_option
def glossary_check(out_dir: Path, glossary_file: Path | None) -> None:
    """Re-check the PO files in OUT_DIR (edited ones too) against the glossary.

    Lists every inconsistent rendering with file, entry and text; exits 1 when there is one.
    """
    from .glossary import check_pairs
    from .po import read_po

    current = _load_glossary(glossary_file, False)
    problems = unreadable = 0
    files = sorted(out_dir.glob("*.po"))
    for path in files:
        try:
            _regular(path)
            po = read_po(path)
        except DolmetschError as exc:  # one line for it; the other files are still checked
            click.echo(f"dolmetsch: {one_line(str(exc))}", err=True)
            unreadable += 1
            continue
        entries = [e for e in po if e.msgstr and not e.obsolete]
        for finding in check_pairs([(e.msgid, e.msgstr) for e in entries], current):
            entry = entries[finding.index]
            # The pair as the PO (msgctxt) and the HTML page (row id) name it.
            pair = f" {entry.msgctxt}" if entry.msgctxt else ""
            where = one_line(f"{path}:{entry.linenum}: [{finding.target}]{pair}")
            click.echo(f"{where}: {finding.describe()}")
            problems += 1
    failed = f", {counted(unreadable, 'file')} could not be read" if unreadable else ""
    renderings = counted(problems, "inconsistent rendering")
    click.echo(f"checked {counted(len(files), 'file')}: {renderings}{failed}", err=True)
    if problems or unreadable:
        sys.exit(1)


# --- translation memory ------------------------------------------------------------------


@main.group(cls=_Group)
def tm() -> None:
    """The translation memory: machine and human translations of every sentence."""


@tm.command("stats")
@click.option(
    "--conflicts", "list_conflicts", is_flag=True,
    help="List each sentence people translated differently, with its segments.",
)  # fmt: skip
@_memory_option
def tm_stats(list_conflicts: bool, memory_file: Path | None) -> None:
    """Count the memory's machine and human translations, and the sentences with differing
    human translations (each is used for its own segment)."""
    with _open_memory(memory_file, create=False) as memory:
        counts = memory.counts()
        conflicts = (
            f", {counts.conflicts} with differing human translations" if counts.conflicts else ""
        )
        human = counted(counts.human, "human translation")
        click.echo(f"{memory.path}: {counts.machine} machine, {human}{conflicts}")
        pairs = memory.pair_counts()
        if set(pairs) - {memory.pair}:  # a memory of several pairs: each one's units
            for pair, each in pairs.items():
                human = counted(each.human, "human translation")
                click.echo(f"\t{pair.code} ({pair.describe()}): {each.machine} machine, {human}")
        if list_conflicts:
            for conflict in memory.conflicts():
                click.echo(conflict.source)
                for where, target in conflict.translations:
                    click.echo(f"\t{where or '(any segment)'}\t{target}")


@tm.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--reviewed-only/--include-fuzzy",
    default=True,
    show_default=True,
    help="PO files: take only reviewed entries (as human translations), or also the "
    "unreviewed fuzzy ones (as machine translations, never human, never reused as an "
    "engine's).",
)
@click.option(
    "--replace-human",
    is_flag=True,
    help="Where the memory has a different human translation for the same segment, take "
    "the file's (by default the memory's is kept: the file may be older).",
)
@_memory_option
def tm_import(
    file: Path, reviewed_only: bool, replace_human: bool, memory_file: Path | None
) -> None:
    """Import FILE (.po or .tmx) into the memory.

    \b
    TMX: each unit keeps its x-dolmetsch-origin (machine or human) and what made it;
         a unit without one (from a CAT tool) is a human translation.
    PO:  reviewed entries are human translations; fuzzy (unreviewed) ones are skipped
         and counted, unless --include-fuzzy.
    A machine translation never replaces a human one, and a human translation the memory
    has for the same segment is kept (counted) unless --replace-human. A damaged file is
    refused whole.
    """
    units, skipped = _read_exchange(file, include_fuzzy=not reviewed_only)
    with _open_memory(memory_file) as memory:
        memory.require_writable("import into it")
        people, machine = _store_units(memory, units, replace_human=replace_human)
        fuzzy = counted(skipped, "unreviewed (fuzzy) entry", "unreviewed (fuzzy) entries")
        line = (
            f"imported {people.taken} human and {counted(machine, 'machine translation')}, "
            f"skipped {fuzzy} from {file} into {memory.path}"
        )
        differing = counted(people.differing, "differing human translation")
        if people.differing and replace_human:
            line += f", {differing} replaced by the file's"
        elif people.differing:
            kept = (
                "it is (the memory's is" if people.differing == 1 else "they are (the memory's are"
            )
            line += f", {differing} left as {kept} kept; --replace-human to take the file's)"
        if people.withdrawn:
            line += (
                f", {counted(people.withdrawn, 'human translation')} a person took back left "
                f"out (--replace-human to take {'it' if people.withdrawn == 1 else 'them'} again)"
            )
        click.echo(line)


@tm.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--human-only", is_flag=True, help="Only the translations people made.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@_memory_option
def tm_export(file: Path, human_only: bool, force: bool, memory_file: Path | None) -> None:
    """Write the memory to FILE as TMX 1.4b, for CAT tools (and `tm import`: each unit
    keeps its origin and what made it). An existing FILE is kept unless --force; the
    memory itself is never overwritten."""
    from .tmx import lossy, save_memory_tmx

    with _open_memory(memory_file, create=False) as memory:
        units = [u for u in memory.export_units() if not human_only or u.origin == "human"]
        save_memory_tmx(file, units, memory=memory.path, force=force)
    click.echo(f"exported {counted(len(units), 'translation')} to {file}")
    changed = sum(1 for u in units if lossy(u.source) or lossy(u.target))
    if changed:
        holds = "translation holds" if changed == 1 else "translations hold"
        click.echo(
            f"dolmetsch: warning: {changed} {holds} control characters XML cannot carry; "
            "they are written as U+FFFD and will not import back unchanged",
            err=True,
        )


@tm.command("forget")
@click.option(
    "--source",
    required=True,
    help="The source sentence whose human translations to remove, exactly as stored "
    "(a PO's msgid; `tm export --human-only` lists them).",
)
@click.option(
    "--from", "source_lang", metavar="LANG", callback=_setting("from"),
    help=f"The sentence's language [default: de; {_where('from')}].",
)  # fmt: skip
@click.option(
    "--to", "target_lang", metavar="LANG", callback=_setting("to"),
    help=f"The translations' language [default: en; {_where('to')}].",
)  # fmt: skip
@click.option(
    "--context", "where", metavar="SEGMENT",
    help="Only the translation made for this segment, as `tm stats --conflicts` names it "
    "(OUT_FOLDER/STEM#ID, the output folder as an absolute path; '' for the one made for "
    "no segment in particular) [default: all of them].",
)  # fmt: skip
@_memory_option
def tm_forget(
    source: str,
    source_lang: str,
    target_lang: str,
    where: str | None,
    memory_file: Path | None,
) -> None:
    """Remove a person's translations of a sentence (of the --from/--to language pair)
    from the memory; the next run redoes the outputs that showed them (with a machine
    translation, or another segment's human one)."""
    from .errors import UsageError

    pair = _pair(source_lang, target_lang)
    segment = "" if where is None else f" for {where or 'no segment in particular'}"
    with _open_memory(memory_file, create=False, pair=pair) as memory:
        removed = memory.forget_human(source, where)
        if not removed:
            raise UsageError(
                f"{memory.path}: no {pair.describe()} human translation of {source!r}"
                f"{segment}; nothing was changed (the sentence, its languages (--from, --to) "
                "and the segment must match exactly: `tm stats --conflicts` and `tm export "
                "--human-only` list them)"
            )
        others = where is not None and memory.human_target(source) is not None
    forgot = counted(removed, "human translation")
    line = f"forgot {forgot} of {source!r}{segment} in {memory.path}"
    if others:
        line += "; other segments keep theirs, and this one now gets the machine's"
    click.echo(line)


@tm.command("merge")
@click.argument("others", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@_memory_option
def tm_merge(others: tuple[Path, ...], memory_file: Path | None) -> None:
    """Merge the memories OTHERS (SQLite files, e.g. the shards of a cluster run) into
    this one. Human translations here are never replaced; differing ones are counted."""
    from .errors import UsageError
    from .memory import default_memory_path

    target = memory_file or default_memory_path()
    for other in others:  # before anything is opened or created
        if not other.is_file():
            raise UsageError(f"{other}: no such translation memory")
        if target.exists() and other.samefile(target):  # also through a link
            raise UsageError(f"{other} and the memory are the same file; nothing was merged")
    with _open_memory(memory_file) as memory:
        memory.require_writable("merge into it")
        for other in others:
            click.echo(f"{other}: {memory.merge(other).describe()}")


def _read_exchange(file: Path, *, include_fuzzy: bool) -> tuple[list[Any], int]:
    """The memory units of a .po or .tmx file and the fuzzy PO entries skipped; a file
    that cannot be read whole is refused with one line naming it (and its line)."""
    from .errors import InputError, UsageError

    suffix = file.suffix.lower()
    _regular(file)
    if suffix == ".po":
        from .po import po_memory_units, read_po

        # its own folder: translations for the segments a run in that folder uses
        found = po_memory_units(
            read_po(file), include_fuzzy=include_fuzzy, folder=str(file.parent.resolve())
        )
        return list(found.units), found.skipped_fuzzy
    if suffix != ".tmx":
        raise UsageError(
            f"{file}: can import .po and .tmx files, not {file.suffix or 'a file without one'}"
        )
    from .files import read_regular
    from .tmx import parse_memory_tmx

    try:
        return parse_memory_tmx(read_regular(file)), 0
    except OSError as exc:
        raise InputError(f"{file}: cannot be read: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise InputError(f"{file}: {exc}; it was left as it is") from exc


def _regular(path: Path) -> None:
    """Refuse, before anything opens it, a FIFO (reading it would wait for a writer), a
    device (``/dev/zero`` never ends) or a folder named like the file."""
    from .files import not_a_regular_file

    why = not_a_regular_file(path)
    if why is not None:
        raise InputError(f"{path}: {why}")


def _store_units(memory: Any, units: list[Any], *, replace_human: bool) -> tuple[Any, int]:
    """Store units by origin and stamp: what became of the file's human units
    (:class:`~dolmetsch.memory.HumanImport`) and how many machine units were taken.

    Human and machine units are kept apart by the memory, so a machine unit never replaces a
    human one.  A human translation the memory has for the same segment is kept unless
    ``replace_human``: the file may be a backup older than the person's latest correction.
    One the memory already holds is not stored again: importing a file twice changes
    nothing (not even the state that marks outputs out of date).
    """
    from .memory import HumanImport

    groups: dict[Any, list[tuple[str, str, tuple[str, ...]]]] = {}
    people: dict[Any, list[tuple[str, str, str]]] = {}  # each for the segment it was made for
    for unit in units:  # each in its own language pair: a file may hold several
        if unit.origin == "human":
            people.setdefault(unit.pair, []).append((unit.source, unit.target, unit.context))
            continue
        key = (unit.pair, unit.stamp)
        groups.setdefault(key, []).append((unit.source, unit.target, unit.terms))
    taken = HumanImport(0, 0, 0, replace_human)
    for pair, rows in people.items():
        taken = _plus(taken, memory.add_human(rows, replace=replace_human, pair=pair))
    for (pair, stamp), machine in groups.items():
        memory.store(machine, "machine", stamp, pair=pair)
    humans = sum(len(rows) for rows in people.values())
    return taken, len(units) - humans


def _plus(one: Any, other: Any) -> Any:
    """Two HumanImport counts (of two language pairs of one file) as one."""
    from .memory import HumanImport

    return HumanImport(
        one.added + other.added,
        one.same + other.same,
        one.differing + other.differing,
        one.replaced,
        one.withdrawn + other.withdrawn,
    )


# --- reading ---------------------------------------------------------------------------------


@main.command()
@click.argument("article")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              callback=_setting("out"),
              help="Where to look for the outputs of a stem or seed path "
              f"[default: out; {_where('out')}].")  # fmt: skip
@click.option(
    "--interleaved", is_flag=True, help="Source line, then translation: for narrow terminals."
)
@click.option("--width", type=click.IntRange(min=24), help="Columns [default: the terminal's].")
@click.option(
    "--color",
    "--colour",
    "colour",
    type=click.Choice(["auto", "always", "never"]),
    callback=_setting("colour"),
    help="Colour terms, headings and checks: auto does on a terminal unless NO_COLOR is set "
    f"(and through the pager only when it shows colour: less, more) [default: auto; "
    f"{_where('colour')}].",
)
def view(article: str, out_dir: Path, interleaved: bool, width: int | None, colour: str) -> None:
    """Read ARTICLE German beside English in the terminal.

    ARTICLE is a stem (004_afa19b5bb09a82e9), a seed path (seeds/004_....txt) or an output
    file (out/004_....po or .tsv, also one a person edited). A title names the article,
    its date, the engine and its counts; English a person wrote is marked with a check
    mark. Through the pager ($PAGER, else less) on a terminal, plain text when piped.
    """
    import shutil

    from .articles import output_stem
    from .errors import UsageError
    from .reader import load_view, title_lines, view_lines
    from .terminal import page, pager_plan, wants_colour

    given = Path(article)
    if given.suffix in (".po", ".tsv"):
        path = given
    elif given.suffix.lower() == ".txt":  # an article: its outputs' name (index.txt's differs)
        path = out_dir / f"{output_stem(given)}.po"
    else:  # a stem, which may hold a dot ("Bericht v. 3"), or another output (out/004.html)
        named = out_dir / f"{given.name}.po"
        path = named if named.exists() else out_dir / f"{given.stem}.po"
    if not path.exists():
        raise UsageError(f"{path}: no such output; translate it first: dolmetsch run")
    _regular(path)
    tty = sys.stdout.isatty()
    highlight = wants_colour(colour, tty, os.environ)
    plan = pager_plan(os.environ, highlight) if tty else None
    if plan is not None and colour == "auto":
        highlight = plan.colour  # a pager that would show ESC[1;33m gets plain text
    columns = width or (shutil.get_terminal_size().columns if tty else 100)
    layout = "interleaved" if interleaved else "auto"
    head, rows = load_view(path)
    rows = [row for row in rows if row.kind != "date"]  # the title gives the date
    lines = title_lines(head, rows, columns, highlight=highlight)
    lines += view_lines(rows, columns, highlight=highlight, layout=layout)
    text = "\n".join(lines) + "\n"
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if plan is None or not page(text, plan, encoding):
        click.echo(text, nl=False, color=highlight)
