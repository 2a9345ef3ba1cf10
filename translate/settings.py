"""Every setting and default path, resolved in one place, each with where it came from.

Order: a command-line flag, else an environment variable, else the config file
(``$XDG_CONFIG_HOME/dolmetsch/config.toml``, or ``$DOLMETSCH_CONFIG``), else the default.
This is the only module that reads the environment for dolmetsch's settings: the library
takes explicit values, and its default paths (:func:`default_data_dir`,
:func:`default_memory_path`, :func:`default_packages_dir`, :func:`default_ding_path`,
:func:`config_home`) are computed here.  Nothing is read or created at import time.

A config file is flat TOML, one key per setting (see :data:`KEYS`; ``dolmetsch config``
prints one)::

    from = "ru"
    to = "en"
    threads = 1
    memory = "~/news/memory.sqlite"

A bad file (TOML syntax, an unknown key, a value of the wrong type) is one
:class:`ConfigError` naming ``file:line`` and the key.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .errors import UsageError
from .files import NotRegularFileError, TooLargeError, not_a_regular_file, read_regular
from .languages import LanguageError, LanguagePair, check_code

Kind = Literal["text", "choice", "int", "bool", "path", "lang"]
Value = str | int | bool | Path
ENGINE_CHOICES = ("auto", "argos", "lexicon")  # as engine.ENGINE_CHOICES, without importing it
COMPUTE_TYPES = ("auto", "int8", "int8_float32", "int16", "float32")
COLOUR_CHOICES = ("auto", "always", "never")
CONFIG_NAME = "config.toml"
AUTO = "auto"  # ``from = "auto"``: `run` finds each article's language (dolmetsch.detect)


class ConfigError(UsageError):
    """The config file, or a setting's environment variable, holds something unusable."""


@dataclass(frozen=True)
class Key:
    """One setting: its config key, its environment variable and what values it takes."""

    name: str
    kind: Kind
    env: str = ""
    choices: tuple[str, ...] = ()
    minimum: int = 0
    help: str = ""


# The settings in the order ``dolmetsch config`` lists them.  The environment variables are
# those dolmetsch always read; DOLMETSCH_ENGINE ... DOLMETSCH_COLOUR are new with the file.
KEYS: tuple[Key, ...] = (
    Key("from", "lang", "DOLMETSCH_FROM", help="source language (ISO 639-1), or auto for `run`"),
    Key("to", "lang", "DOLMETSCH_TO", help="target language (ISO 639-1)"),
    Key("engine", "choice", "DOLMETSCH_ENGINE", ENGINE_CHOICES, help="translation engine"),
    Key("threads", "int", "DOLMETSCH_THREADS", help="CPU threads for the model; 0 automatic"),
    Key("beam_size", "int", "DOLMETSCH_BEAM_SIZE", minimum=1, help="beam width"),
    Key(
        "compute_type",
        "choice",
        "DOLMETSCH_COMPUTE_TYPE",
        COMPUTE_TYPES,
        help="CTranslate2 compute type",
    ),
    Key("out", "path", "DOLMETSCH_OUT", help="output folder of `run` and `view`"),
    Key("memory", "path", "DOLMETSCH_MEMORY", help="translation memory (SQLite)"),
    Key("glossary", "path", "DOLMETSCH_GLOSSARY", help="your glossary file"),
    Key(
        "strict_glossary", "bool", "DOLMETSCH_STRICT_GLOSSARY", help="enforce listed spellings only"
    ),
    Key("data_dir", "path", "DOLMETSCH_DATA_DIR", help="lexicon store and memory folder"),
    Key("packages_dir", "path", "ARGOS_PACKAGES_DIR", help="argos package folder"),
    Key("colour", "choice", "DOLMETSCH_COLOUR", COLOUR_CHOICES, help="colour in `view`"),
)
BY_NAME = {key.name: key for key in KEYS}
_TRUE = ("1", "true", "yes", "on", "y", "t")
_FALSE = ("0", "false", "no", "off", "n", "f", "")


@dataclass(frozen=True)
class Resolved:
    """A setting's effective value and where it came from: ``flag``, ``env VAR``,
    ``config FILE:LINE`` or ``default``."""

    value: Value | None
    origin: str


# --- the default paths ---------------------------------------------------------------------


def _absolute(environ: Mapping[str, str], var: str) -> Path | None:
    """An XDG base folder from the environment; the spec says a relative one is ignored."""
    value = environ.get(var, "")
    return Path(value) if value and Path(value).is_absolute() else None


def config_home(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME``, else ``~/.config``."""
    env = os.environ if environ is None else environ
    return _absolute(env, "XDG_CONFIG_HOME") or Path.home() / ".config"


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """The config file: ``$DOLMETSCH_CONFIG``, else ``$XDG_CONFIG_HOME/dolmetsch/config.toml``."""
    env = os.environ if environ is None else environ
    explicit = env.get("DOLMETSCH_CONFIG")
    return Path(explicit).expanduser() if explicit else config_home(env) / "dolmetsch" / CONFIG_NAME


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    return _absolute(env, "XDG_DATA_HOME") or Path.home() / ".local" / "share"


def default_data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$DOLMETSCH_DATA_DIR``, else ``$XDG_DATA_HOME/dolmetsch``, else ~/.local/share/dolmetsch."""
    env = os.environ if environ is None else environ
    explicit = env.get("DOLMETSCH_DATA_DIR")
    return Path(explicit) if explicit else data_home(env) / "dolmetsch"


def default_memory_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$DOLMETSCH_MEMORY``, else ``memory.sqlite`` in :func:`default_data_dir`."""
    env = os.environ if environ is None else environ
    explicit = env.get("DOLMETSCH_MEMORY")
    return Path(explicit) if explicit else default_data_dir(env) / "memory.sqlite"


DING_PATH = Path("/usr/share/trans/de-en")


def default_ding_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$DOLMETSCH_DING``, else Debian's trans-de-en."""
    env = os.environ if environ is None else environ
    return Path(env.get("DOLMETSCH_DING") or DING_PATH)


def default_packages_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Argos's package folder, found as argostranslate finds it: ``$ARGOS_PACKAGES_DIR``,
    else its settings file's ``ARGOS_PACKAGES_DIR``, else under ``$XDG_DATA_HOME``."""
    env = os.environ if environ is None else environ
    explicit = env.get("ARGOS_PACKAGES_DIR")
    if explicit:
        return Path(explicit)
    home = Path.home()
    # argostranslate takes the variables as they are (a relative one too): so do we here
    config = Path(env.get("XDG_CONFIG_HOME") or home / ".config") / "argos-translate"
    try:
        settings = json.loads((config / "settings.json").read_text(encoding="utf-8"))
        if isinstance(settings, dict) and settings.get("ARGOS_PACKAGES_DIR"):
            return Path(settings["ARGOS_PACKAGES_DIR"])
    except (OSError, ValueError):
        pass
    data = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
    return data / "argos-translate" / "packages"


# --- reading values ------------------------------------------------------------------------


def parse_value(key: Key, raw: object, where: str, *, text: bool = True) -> Value:
    """A value of ``key`` from text (an environment variable) or TOML (``text`` False: a
    number or a boolean must then be one, as the README says, not a string of one);
    :class:`ConfigError` naming ``where`` and the key when it is of the wrong type."""
    label = f"{where}: {key.name}"
    if key.kind == "bool":
        if isinstance(raw, bool):
            return raw
        if text and isinstance(raw, str) and raw.strip().lower() in _TRUE + _FALSE:
            return raw.strip().lower() in _TRUE
        raise ConfigError(f"{label} must be true or false, not {_shown(raw)}")
    if key.kind == "int":
        number: int | None = None
        if isinstance(raw, int) and not isinstance(raw, bool):
            number = raw
        elif text and isinstance(raw, str) and re.fullmatch(r"\s*\d+\s*", raw):
            number = int(raw)
        if number is None or number < key.minimum:
            raise ConfigError(
                f"{label} must be a whole number of at least {key.minimum}, not {_shown(raw)}"
            )
        return number
    if not isinstance(raw, str):
        raise ConfigError(f"{label} must be a string, not {_shown(raw)}")
    if key.kind == "choice":
        if raw not in key.choices:
            raise ConfigError(f"{label} must be one of {', '.join(key.choices)}, not {raw!r}")
        return raw
    if key.kind == "lang":
        if key.name == "from" and raw.strip().lower() == AUTO:
            return AUTO
        try:
            return check_code(raw, f"{key.name} language")
        except LanguageError as exc:
            raise ConfigError(f"{where}: {exc}") from None
    if key.kind == "path":
        return checked_path(raw, label)
    return raw


def checked_path(raw: str, label: str) -> Path:
    """``raw`` as a path (``~`` expanded), or :class:`ConfigError` naming ``label`` for text
    no path can be: empty, a NUL character (which every system call refuses, so that the
    command would end in a traceback wherever the path is first used), ``~someone`` for
    no such user."""
    if not raw.strip():
        raise ConfigError(f"{label} is an empty path")
    if "\0" in raw:
        raise ConfigError(f"{label} holds a NUL character ({raw!r}), which no path can hold")
    try:
        return Path(raw).expanduser()
    except RuntimeError:  # "Could not determine home directory"
        user = raw.split("/", 1)[0]
        raise ConfigError(f"{label}: {user} names no user on this system ({raw!r})") from None


def _shown(raw: object) -> str:
    kind = {bool: "a boolean", int: "a number", float: "a number", str: "a string",
            list: "an array", dict: "a table"}.get(type(raw), type(raw).__name__)  # fmt: skip
    return f"{kind} ({raw!r})" if not isinstance(raw, (list, dict)) else kind


@dataclass(frozen=True)
class ConfigFile:
    """The config file's settings, each with its line; ``found`` False when there is none."""

    path: Path
    found: bool
    values: Mapping[str, tuple[Value, int]] = field(default_factory=dict)


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


# A config file is a dozen lines; more than this is some other file (or a device).
MAX_CONFIG_BYTES = 1 << 20


def read_config(path: Path) -> ConfigFile:
    """Read and check the config file at ``path`` (a missing one is no error; a symbolic
    link to nothing, a FIFO, a device or a folder is, and is never opened or read)."""
    try:
        data = read_regular(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        if not path.is_symlink():
            return ConfigFile(path, False)
        # the person's settings are somewhere else, or gone: defaults would be a surprise
        why = not_a_regular_file(path) or "a symbolic link to a file that does not exist"
        raise ConfigError(f"{path}: {why}; cannot read the config file") from None
    except (NotRegularFileError, TooLargeError) as exc:
        raise ConfigError(f"{path}: {exc.strerror}; not a config file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the config file: {exc.strerror or exc}") from exc
    return parse_config(data, path)


def parse_config(data: bytes, path: Path) -> ConfigFile:
    """The settings of a config file's bytes (pure); :class:`ConfigError` naming
    ``path:line`` and the key for anything wrong."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: not UTF-8 text (TOML files are UTF-8)") from None
    # imported here: `dolmetsch --help` and every command without a config file skip it
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 reads TOML with the backport
        import tomli as tomllib
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = _TOML_AT.search(message)
        where = at.group(1) if at else "1"
        # the key of that line, when it has one: where a person looks first
        lines = text.split("\n")
        number = int(where)
        text_of_line = lines[number - 1] if 0 < number <= len(lines) else ""
        setting = re.match(r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=", text_of_line)
        named = f"{setting.group(1)}: " if setting else ""
        problem = _TOML_AT.sub("", message)
        raise ConfigError(f"{path}:{where}: {named}not valid TOML: {problem}") from None
    values: dict[str, tuple[Value, int]] = {}
    for name, raw in table.items():
        line = _line_of(text, name)
        key = BY_NAME.get(name) or BY_NAME.get(name.replace("-", "_"))
        if key is None:
            known = ", ".join(k.name for k in KEYS)
            raise ConfigError(f"{path}:{line}: unknown key {name!r} (known keys: {known})")
        if key.name in values:  # beam_size and beam-size: which one meant is not known
            first = values[key.name][1]
            raise ConfigError(
                f"{path}:{line}: {name} sets {key.name} again (line {first} sets it too): "
                "keep one of them"
            )
        values[key.name] = (parse_value(key, raw, f"{path}:{line}", text=False), line)
    return ConfigFile(path, True, values)


def _line_of(text: str, name: str) -> int:
    """The line where a top-level key is set (1 when it cannot be told: a table header)."""
    quoted = re.escape(name)
    # [ \t], not \s: a match must not start on an empty line above the key's
    pattern = re.compile(rf"^[ \t]*(?:{quoted}|\"{quoted}\"|'{quoted}')[ \t]*[=.]", re.M)
    match = pattern.search(text) or re.compile(rf"^[ \t]*\[[ \t]*{quoted}[ \t]*[\].]", re.M).search(
        text
    )
    return text.count("\n", 0, match.start()) + 1 if match else 1


# --- resolving -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """Every setting's effective value and origin, for one command."""

    resolved: Mapping[str, Resolved]
    config: ConfigFile
    environ: Mapping[str, str] = field(default_factory=dict, repr=False)

    def value(self, name: str) -> Value | None:
        return self.resolved[name].value

    def origin(self, name: str) -> str:
        return self.resolved[name].origin

    def _text(self, name: str) -> str:
        return str(self.value(name))

    def _int(self, name: str) -> int:
        value = self.value(name)
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"setting {name} is not a number")
        return value

    def _path(self, name: str) -> Path:
        value = self.value(name)
        if not isinstance(value, Path):
            raise TypeError(f"setting {name} is not a path")
        return value

    @property
    def pair(self) -> LanguagePair:
        """The language pair; :class:`ConfigError` saying where each half came from when
        they are the same language."""
        if self._text("from") == AUTO:
            raise ConfigError(
                f"from is {AUTO} ({self.origin('from')}): each article's language is found by "
                "`run` alone; give this command one language with --from LANG or DOLMETSCH_FROM"
            )
        try:
            return LanguagePair(self._text("from"), self._text("to"))
        except LanguageError as exc:
            where = f"from: {self.origin('from')}, to: {self.origin('to')}"
            raise ConfigError(f"{exc} ({where})") from None

    @property
    def engine(self) -> str:
        return self._text("engine")

    @property
    def threads(self) -> int:
        return self._int("threads")

    @property
    def beam_size(self) -> int:
        return self._int("beam_size")

    @property
    def compute_type(self) -> str:
        return self._text("compute_type")

    @property
    def out_dir(self) -> Path:
        return self._path("out")

    @property
    def memory(self) -> Path:
        return self._path("memory")

    @property
    def glossary(self) -> Path | None:
        """The glossary file given (flag, environment or config), else None: the glossary
        package then finds the person's own (see ``glossary.location``)."""
        value = self.value("glossary")
        return value if isinstance(value, Path) else None

    @property
    def strict_glossary(self) -> bool:
        return bool(self.value("strict_glossary"))

    @property
    def data_dir(self) -> Path:
        return self._path("data_dir")

    @property
    def packages_dir(self) -> Path:
        return self._path("packages_dir")

    @property
    def colour(self) -> str:
        return self._text("colour")


_DEFAULTS: dict[str, Callable[[Mapping[str, Resolved], Mapping[str, str]], Value | None]] = {
    "from": lambda _, __: "de",
    "to": lambda _, __: "en",
    "engine": lambda _, __: "auto",
    "threads": lambda _, __: 0,
    "beam_size": lambda _, __: 4,
    "compute_type": lambda _, __: "auto",
    "out": lambda _, __: Path("out"),
    # beside the lexicon store, wherever the settings put that
    "memory": lambda done, _: Path(str(done["data_dir"].value)) / "memory.sqlite",
    "glossary": lambda _, __: None,
    "strict_glossary": lambda _, __: False,
    "data_dir": lambda _, env: data_home(env) / "dolmetsch",
    "packages_dir": lambda _, env: default_packages_dir({**env, "ARGOS_PACKAGES_DIR": ""}),
    "colour": lambda _, __: "auto",
}
# data_dir before memory, whose default is in it
_ORDER = ("data_dir", *(key.name for key in KEYS if key.name != "data_dir"))


def resolve(
    flags: Mapping[str, Value | None] | None = None,
    environ: Mapping[str, str] | None = None,
    config: ConfigFile | None = None,
) -> Settings:
    """Every setting from ``flags`` (None or missing: not given), ``environ`` (an empty
    variable counts as unset, as it always did) and the ``config`` file (read from
    :func:`config_path` when not given), else its default."""
    return _resolve(flags, environ, config, BY_NAME.keys())


def resolve_one(
    name: str, flag: Value | None, config: ConfigFile, environ: Mapping[str, str] | None = None
) -> Resolved:
    """One setting, as :func:`resolve` gives it (for a command-line option's callback)."""
    return _resolve({name: flag}, environ, config, {name}).resolved[name]


def _resolve(
    flags: Mapping[str, Value | None] | None,
    environ: Mapping[str, str] | None,
    config: ConfigFile | None,
    wanted: Collection[str],
) -> Settings:
    env = dict(os.environ if environ is None else environ)
    if config is None:
        config = read_config(config_path(env))
    given = flags or {}
    unknown = set(given) - BY_NAME.keys()
    if unknown:
        raise ValueError(f"unknown settings {sorted(unknown)}")
    done: dict[str, Resolved] = {}
    needed = {*wanted, "data_dir"} if "memory" in wanted else set(wanted)
    for name in _ORDER:
        if name not in needed:
            continue
        key = BY_NAME[name]
        flag = given.get(name)
        if flag is not None:
            if key.kind == "lang":  # click takes any text: the code is checked here
                auto = name == "from" and str(flag).strip().lower() == AUTO
                flag = AUTO if auto else check_code(str(flag), f"--{name}")
            elif key.kind == "path" and "\0" in str(flag):  # as the file's, never a traceback
                checked_path(str(flag), f"--{name.replace('_', '-')}")
            done[name] = Resolved(flag, "flag")
        elif key.env and env.get(key.env):
            where = f"environment variable {key.env}"
            done[name] = Resolved(parse_value(key, env[key.env], where), f"env {key.env}")
        elif name in config.values:
            value, line = config.values[name]
            done[name] = Resolved(value, f"config {config.path}:{line}")
        else:
            done[name] = Resolved(_DEFAULTS[name](done, env), "default")
    return Settings({key.name: done[key.name] for key in KEYS if key.name in done}, config, env)


def toml_value(value: Value | None) -> str | None:
    """A value as TOML writes it (a path as a string); None for a path that is not UTF-8
    (its bytes kept as surrogates), which no TOML file can hold."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        return None
    # TOML's basic string: quote, backslash and the control characters (DEL too) escaped;
    # the rest as it is, so that names stay readable
    return '"' + text.translate(_TOML_ESCAPES) + '"'


_TOML_ESCAPES = {
    **{code: f"\\u{code:04x}" for code in (*range(0x20), 0x7F)},
    **{ord(ch): escaped for ch, escaped in
       {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n",
        "\f": "\\f", "\r": "\\r"}.items()},
}  # fmt: skip


def describe(settings: Settings, glossary_default: Path | None = None) -> list[str]:
    """``dolmetsch config``'s lines: the config file, then each setting as a TOML line with
    where it came from, so that the output can be pasted into a config file."""
    state = "" if settings.config.found else " (none there: defaults apply)"
    lines = [f"# config file: {_printable(settings.config.path)}{state}"]
    width = max(len(key.name) for key in KEYS) + 3 + 30
    for key in KEYS:
        resolved = settings.resolved[key.name]
        value = resolved.value
        shown = toml_value(value) if value is not None else None
        if value is None:  # the glossary: found by the glossary package
            found = glossary_default
            where = f" (found: {_printable(found)})" if found is not None else ""
            line = f"# {key.name} = (your own glossary){where}"
        elif shown is None:  # printed, it would be bytes no TOML file may hold
            how = f"--{key.name.replace('_', '-')}" + (f" or {key.env}" if key.env else "")
            line = (
                f"# {key.name} = {_printable(value)} (not UTF-8: a TOML file cannot hold it; "
                f"give it with {how})"
            )
        else:
            line = f"{key.name} = {shown}"
        lines.append(f"{line.ljust(width)}  # {_printable(resolved.origin)}")
    return lines


def _printable(value: object) -> str:
    """A path for a comment line: its bytes that are not UTF-8 as ``\\xe4`` escapes."""
    return os.fsencode(str(value)).decode("utf-8", "backslashreplace")
