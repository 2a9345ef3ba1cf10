"""Settings: flags > environment > config file > defaults, each value's origin, the config
file's errors in one line, and ``dolmetsch config``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from dolmetsch.cli import main
from dolmetsch.settings import (
    KEYS,
    ConfigError,
    ConfigFile,
    parse_config,
    read_config,
    resolve,
)

ROOT = Path(__file__).resolve().parent.parent


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


# Each case: the flag, the environment variable and the config file's value of one setting
# (None: not given), and which of them wins.
PRECEDENCE = [
    ("threads", "3", "2", "1", 3, "flag"),
    ("threads", None, "2", "1", 2, "env DOLMETSCH_THREADS"),
    ("threads", None, None, "1", 1, "config"),
    ("threads", None, None, None, 0, "default"),
    ("threads", None, "", "1", 1, "config"),  # an empty variable is unset, as always
    ("from", "uk", "ru", "pl", "uk", "flag"),
    ("from", None, "ru", "pl", "ru", "env DOLMETSCH_FROM"),
    ("from", None, None, "pl", "pl", "config"),
    ("from", None, None, None, "de", "default"),
    ("engine", None, "lexicon", "argos", "lexicon", "env DOLMETSCH_ENGINE"),
    ("strict_glossary", None, "yes", "false", True, "env DOLMETSCH_STRICT_GLOSSARY"),
    ("strict_glossary", None, None, "true", True, "config"),
    ("memory", None, "/e/m.sqlite", "/c/m.sqlite", Path("/e/m.sqlite"), "env DOLMETSCH_MEMORY"),
    ("memory", None, None, "/c/m.sqlite", Path("/c/m.sqlite"), "config"),
    ("packages_dir", None, "/e/p", "/c/p", Path("/e/p"), "env ARGOS_PACKAGES_DIR"),
    ("data_dir", "/f/d", "/e/d", "/c/d", Path("/f/d"), "flag"),
]


def _toml(name: str, value: str) -> str:
    if name in ("threads",) or value in ("true", "false"):
        return f"{name} = {value}\n"
    return f'{name} = "{value}"\n'


@pytest.mark.parametrize(
    ("name", "flag", "env", "config", "expected", "origin"),
    PRECEDENCE,
    ids=[f"{c[0]}-{c[5].split()[0]}-{n}" for n, c in enumerate(PRECEDENCE)],
)
def test_precedence(
    tmp_path: Path,
    name: str,
    flag: str | None,
    env: str | None,
    config: str | None,
    expected: object,
    origin: str,
) -> None:
    path = _config(tmp_path, "# mine\n" + (_toml(name, config) if config is not None else ""))
    key = next(k for k in KEYS if k.name == name)
    environ = {key.env: env} if env is not None else {}
    flags: dict[str, object] = {}
    if flag is not None:
        flags[name] = int(flag) if name == "threads" else Path(flag) if "/" in flag else flag
    settings = resolve(flags, environ, read_config(path))  # type: ignore[arg-type]
    assert settings.value(name) == expected
    assert settings.origin(name) == (f"config {path}:2" if origin == "config" else origin)


def test_memory_default_follows_the_data_dir(tmp_path: Path) -> None:
    path = _config(tmp_path, 'data_dir = "/srv/dolmetsch"\n')
    settings = resolve({}, {}, read_config(path))
    assert settings.memory == Path("/srv/dolmetsch/memory.sqlite")
    assert settings.origin("memory") == "default"
    home = resolve({}, {"XDG_DATA_HOME": "/x"}, ConfigFile(tmp_path / "none", False))
    assert home.data_dir == Path("/x/dolmetsch")
    assert home.memory == Path("/x/dolmetsch/memory.sqlite")


def test_paths_expand_the_home_folder(tmp_path: Path) -> None:
    settings = resolve({}, {}, read_config(_config(tmp_path, 'glossary = "~/g.tsv"\n')))
    assert settings.glossary == Path.home() / "g.tsv"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('threads = 2\nfrom = "ru\n', "{path}:2: from: not valid TOML: "),
        ("threads = 2\n[[x]\n", "{path}:2: not valid TOML: "),
        ("threads = 1\nthread = 2\n", "{path}:2: unknown key 'thread' (known keys: from, to, "),
        ('\n\nthreads = "two"\n', "{path}:3: threads must be a whole number of at least 0, "
                                  "not a string ('two')"),
        ("beam_size = 0\n", "{path}:1: beam_size must be a whole number of at least 1, "
                            "not a number (0)"),
        ("strict_glossary = 1\n", "{path}:1: strict_glossary must be true or false, "
                                  "not a number (1)"),
        ('engine = "deepl"\n', "{path}:1: engine must be one of auto, argos, lexicon, "
                               "not 'deepl'"),
        ('# a comment\nto = "english"\n', "{path}:2: to language 'english' is not an ISO "
                                          "639-1 code such as de, en, ru, uk"),
        ('memory = ["a", "b"]\n', "{path}:1: memory must be a string, not an array"),
        ("[memory]\npath = 'x'\n", "{path}:1: memory must be a string, not a table"),
    ],
    ids=["syntax", "syntax-no-key", "unknown-key", "wrong-type", "too-small", "not-bool",
         "not-a-choice", "bad-language", "array", "table"],
)  # fmt: skip
def test_config_errors_name_file_line_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = _config(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        read_config(path)
    assert str(caught.value).startswith(message.format(path=path))
    assert "\n" not in str(caught.value)


def test_config_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'from = "ru"\nmemory = "/m\xe4.sqlite"\n')
    with pytest.raises(ConfigError, match=re.escape(f"{path}:2: not UTF-8 text")):
        read_config(path)


def test_bad_environment_variable_is_named() -> None:
    with pytest.raises(ConfigError) as caught:
        resolve({}, {"DOLMETSCH_THREADS": "many"}, ConfigFile(Path("/none"), False))
    assert str(caught.value) == (
        "environment variable DOLMETSCH_THREADS: threads must be a whole number of at least 0, "
        "not a string ('many')"
    )


def test_a_missing_config_file_is_no_error(tmp_path: Path) -> None:
    assert read_config(tmp_path / "nope.toml") == ConfigFile(tmp_path / "nope.toml", False)
    assert parse_config(b"", tmp_path / "x").values == {}


# --- through the command line ------------------------------------------------------------


def _invoke(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, env=env)
    return result.exit_code, result.stdout, result.stderr


def _lines(stdout: str) -> dict[str, tuple[str, str]]:
    """``dolmetsch config``'s lines by key: (value, origin)."""
    found = {}
    for line in stdout.splitlines():
        match = re.fullmatch(r"#? ?(\w+) = (.*?)\s+# (.*)", line)
        if match:
            found[match.group(1)] = (match.group(2), match.group(3))
    return found


def test_config_command_shows_values_and_origins(
    tmp_path: Path, isolated_argos: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_dir = Path(str(isolated_argos.parent / "config")) / "dolmetsch"
    config_dir.mkdir(parents=True)
    config = config_dir / "config.toml"
    config.write_text('# news desk\nfrom = "ru"\nthreads = 1\nout = "~/news/out"\n', "utf-8")
    monkeypatch.setenv("DOLMETSCH_ENGINE", "lexicon")
    code, out, err = _invoke(["config"])
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"# config file: {config}"
    lines = _lines(out)
    assert lines["from"] == ('"ru"', f"config {config}:2")
    assert lines["to"] == ('"en"', "default")
    assert lines["threads"] == ("1", f"config {config}:3")
    assert lines["engine"] == ('"lexicon"', "env DOLMETSCH_ENGINE")
    assert lines["out"] == (f'"{Path.home() / "news" / "out"}"', f"config {config}:4")
    assert lines["packages_dir"] == (f'"{isolated_argos}"', "env ARGOS_PACKAGES_DIR")
    assert lines["strict_glossary"] == ("false", "default")
    # what it prints is a config file that gives the same settings
    copy = tmp_path / "copy.toml"
    copy.write_text(out, encoding="utf-8")
    again = resolve({}, {}, read_config(copy))
    assert (again.pair.source, again.threads, again.engine) == ("ru", 1, "lexicon")


def test_config_command_without_a_file(
    isolated_argos: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a data folder set for the whole test run (as the helpers' runs do) is no setting here
    monkeypatch.delenv("DOLMETSCH_DATA_DIR", raising=False)
    code, out, _ = _invoke(["config"])
    assert code == 0
    expected = isolated_argos.parent / "config" / "dolmetsch" / "config.toml"
    assert out.splitlines()[0] == f"# config file: {expected} (none there: defaults apply)"
    assert {origin for key, (_, origin) in _lines(out).items() if key != "packages_dir"} == {
        "default",
        "env DOLMETSCH_MEMORY",  # the tests' own memory
    }


def test_dolmetsch_config_names_another_file(tmp_path: Path) -> None:
    config = _config(tmp_path, "threads = 2\n")
    code, out, _ = _invoke(["config"], env={"DOLMETSCH_CONFIG": str(config)})
    assert code == 0
    assert _lines(out)["threads"] == ("2", f"config {config}:1")


def test_bad_config_is_one_line_for_every_command(tmp_path: Path) -> None:
    config = _config(tmp_path, "threads = 2\ncolour = 'pink'\n")
    for args in (["config"], ["translate", "Hallo."], ["view", "x"]):
        code, out, err = _invoke(args, env={"DOLMETSCH_CONFIG": str(config)})
        assert (code, out) == (2, ""), args
        assert err == (
            f"dolmetsch: {config}:2: colour must be one of auto, always, never, not 'pink'\n"
        )


def test_flags_win_over_the_config_in_a_run(
    tmp_path: Path, seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--engine given wins over the file; the file's engine wins over the default."""
    config = _config(tmp_path, 'engine = "argos"\n')
    monkeypatch.setenv("DOLMETSCH_CONFIG", str(config))
    code, _, err = _invoke(["translate", "Hallo."])
    assert (code, err.splitlines()[0]) == (2, "dolmetsch: no German->English model is "
                                              "installed; run: dolmetsch model install "
                                              "FILE.argosmodel (or, with internet: dolmetsch "
                                              "model install --online)")  # fmt: skip
    monkeypatch.setenv("DOLMETSCH_ENGINE", "auto")
    code, _, err = _invoke(["translate", "--engine", "argos", "Hallo."])
    assert code == 2  # the flag, not the variable's auto (which would take the lexicon)


def test_the_library_reads_no_environment() -> None:
    """Only settings.py reads dolmetsch's settings from the environment; the terminal's
    own variables (NO_COLOR, PAGER) are read where the terminal is, in the CLI."""
    readers = sorted(
        str(path.relative_to(ROOT))
        for folder in ("translate", "glossary")
        for path in (ROOT / folder).rglob("*.py")
        if re.search(r"os\.environ|os\.getenv|envvar=", path.read_text(encoding="utf-8"))
    )
    assert readers == [
        "translate/cli.py",  # view: NO_COLOR, TERM, PAGER for the terminal
        "translate/settings.py",
        "translate/terminal.py",  # the pager's environment
    ]
    cli = (ROOT / "translate" / "cli.py").read_text(encoding="utf-8")
    assert "envvar=" not in cli
    assert len(re.findall(r"os\.environ", cli)) == 2


def test_config_command_flags_win(tmp_path: Path) -> None:
    config = _config(tmp_path, 'from = "pl"\nthreads = 3\n')
    env = {"DOLMETSCH_CONFIG": str(config), "DOLMETSCH_THREADS": "2"}
    code, out, err = _invoke(["config", "--from", "UK", "--strict-glossary"], env=env)
    assert (code, err) == (0, "")
    lines = _lines(out)
    assert lines["from"] == ('"uk"', "flag")
    assert lines["threads"] == ("2", "env DOLMETSCH_THREADS")
    assert lines["strict_glossary"] == ("true", "flag")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["config", "--from", "deu"], "dolmetsch: --from 'deu' is not an ISO 639-1 code such "
                                      "as de, en, ru, uk: did you mean de (German)?\n"),
        (["translate", "--to", "de", "--from", "de", "Hallo."],
         "dolmetsch: source and target language are both de (German): give two different "
         "languages with --from and --to\n"),
        (["config", "--to", "de", "--from", "de"],
         "dolmetsch: source and target language are both de (German): give two different "
         "languages with --from and --to (from: flag, to: flag)\n"),
    ],
    ids=["three-letter", "translate-same", "config-same"],
)  # fmt: skip
def test_language_flags_are_checked(args: list[str], message: str) -> None:
    assert _invoke(args) == (2, "", message)


# --- a config file that is no file, and paths no system call takes (review of issue 15) -----


def test_a_fifo_config_file_does_not_hang_every_command(tmp_path: Path) -> None:
    """A config.toml that is a FIFO blocked every command that reads settings forever."""
    folder = tmp_path / "cfg" / "dolmetsch"
    folder.mkdir(parents=True)
    fifo = folder / "config.toml"
    os.mkfifo(fifo)
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    env.pop("DOLMETSCH_CONFIG", None)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "dolmetsch", "config"],
            env=env, capture_output=True, text=True, timeout=20, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise AssertionError("dolmetsch config hangs on a FIFO config file") from None
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"dolmetsch: {fifo}: not a regular file (a FIFO); not a config file\n"


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda p: Path("/dev/zero"), "not a regular file (a character device); not a config file"),
        (lambda p: p, "not a regular file (a folder); not a config file"),
        (lambda p: _symlink(p / "config.toml", p / "gone.toml"),
         "a symbolic link to {tmp}/gone.toml, which does not exist; cannot read the config file"),
        (lambda p: _big(p / "config.toml"), "larger than 1048576 bytes; not a config file"),
    ],
    ids=["device", "folder", "dangling-link", "too-large"],
)  # fmt: skip
def test_a_config_file_that_is_no_file_is_one_line(
    tmp_path: Path, make: Callable[[Path], Path], why: str
) -> None:
    """/dev/zero was read until MemoryError; a dangling link was "none there: defaults
    apply", so a person's settings were silently replaced by the defaults."""
    path = make(tmp_path)
    code, out, err = _invoke(["config"], env={"DOLMETSCH_CONFIG": str(path)})
    assert (code, out) == (2, "")
    assert err == f"dolmetsch: {path}: {why.format(tmp=tmp_path)}\n"


def _symlink(link: Path, target: Path) -> Path:
    link.symlink_to(target)
    return link


def _big(path: Path) -> Path:
    path.write_bytes(b"# " + b"x" * (1 << 20) + b"\n")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('out = "a\\u0000b"\n', "{path}:1: out holds a NUL character ('a\\x00b'), which no "
                                "path can hold"),
        ('\nmemory = "/m/\\u0000"\n', "{path}:2: memory holds a NUL character ('/m/\\x00'), "
                                      "which no path can hold"),
        ('glossary = "~nosuchuser-dolmetsch/g.tsv"\n',
         "{path}:1: glossary: ~nosuchuser-dolmetsch names no user on this system "
         "('~nosuchuser-dolmetsch/g.tsv')"),
    ],
    ids=["nul-out", "nul-memory", "no-such-user"],
)  # fmt: skip
def test_a_path_no_system_call_takes_is_one_line(tmp_path: Path, text: str, message: str) -> None:
    """`out = "a\\u0000b"` passed the check and `run` died with `ValueError: embedded null
    byte` (a traceback)."""
    config = _config(tmp_path, text)
    for args in (["config"], ["run", str(tmp_path)]):
        code, out, err = _invoke(args, env={"DOLMETSCH_CONFIG": str(config)})
        assert (code, out) == (2, ""), args
        assert err == f"dolmetsch: {message.format(path=config)}\n"


def test_a_nul_in_a_path_given_as_a_flag_is_a_config_error(tmp_path: Path) -> None:
    """(A shell cannot pass a NUL in an argument; a caller of the library can.)"""
    with pytest.raises(ConfigError) as caught:
        resolve({"memory": Path("m\0.sqlite")}, {}, ConfigFile(tmp_path / "none", False))
    assert str(caught.value) == (
        "--memory holds a NUL character ('m\\x00.sqlite'), which no path can hold"
    )


# --- the config file's keys and types, and `dolmetsch config` pasted back -------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("beam_size = 2\nbeam-size = 3\n",
         "{path}:2: beam-size sets beam_size again (line 1 sets it too): keep one of them"),
        ('threads = "2"\n', "{path}:1: threads must be a whole number of at least 0, not a "
                            "string ('2')"),
        ('strict_glossary = "yes"\n', "{path}:1: strict_glossary must be true or false, not a "
                                      "string ('yes')"),
    ],
    ids=["same-key-twice", "number-as-string", "boolean-as-string"],
)  # fmt: skip
def test_the_config_file_is_strict_where_the_environment_is_not(
    tmp_path: Path, text: str, message: str
) -> None:
    """`beam_size = 2` and `beam-size = 3` were both taken (the last won without a word);
    strings for a number or a boolean were taken though the README says a wrong type
    stops (an environment variable is text, and stays accepted)."""
    path = _config(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        read_config(path)
    assert str(caught.value) == message.format(path=path)
    env = {"DOLMETSCH_THREADS": "2", "DOLMETSCH_STRICT_GLOSSARY": "yes"}
    settings = resolve({}, env, ConfigFile(tmp_path / "none", False))
    assert (settings.threads, settings.strict_glossary) == (2, True)


def test_config_output_with_awkward_paths_pastes_back(tmp_path: Path) -> None:
    """A path with a quote, a backslash, a tab or a DEL is written as a TOML string that
    reads back as the same path; one that is not UTF-8 (a raw byte the terminal cannot
    show, and TOML cannot hold) is a comment saying so, with the byte escaped."""
    odd = str(tmp_path / 'a "b\\c\td\x7fe')
    not_utf8 = os.fsdecode(b"/srv/m\xe4.sqlite")
    env = {"DOLMETSCH_OUT": odd, "DOLMETSCH_MEMORY": not_utf8,
           "DOLMETSCH_CONFIG": str(tmp_path / "none.toml")}  # fmt: skip
    code, out, err = _invoke(["config"], env=env)
    assert (code, err) == (0, "")
    out.encode("utf-8")  # no surrogate reached the output
    memory = next(line for line in out.splitlines() if line.startswith("# memory ="))
    assert memory.startswith(
        "# memory = /srv/m\\xe4.sqlite (not UTF-8: a TOML file cannot hold it; give it with "
        "--memory or DOLMETSCH_MEMORY)"
    )
    copy = tmp_path / "copy.toml"
    copy.write_text(out, encoding="utf-8")
    again = resolve({}, {}, read_config(copy))
    assert again.out_dir == Path(odd)
    assert again.origin("memory") == "default"  # the comment set nothing
