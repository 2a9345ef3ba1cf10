"""Commands the tests run in a child process: translate-toolkit reading a TMX, and
``dolmetsch model install --online`` against a local argos index."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# translate-toolkit reads a TMX: its source language, each unit's texts and tuv languages.
# In a child process run elsewhere: this repository's translate/ folder would shadow it.
TOOLKIT = """
import json, sys
from translate.storage.tmx import tmxfile
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
store = tmxfile.parsestring(open(sys.argv[1], "rb").read())
units = [[u.source, u.target, [t.get(LANG) for t in u.xmlelement.iter("tuv")]]
         for u in store.units]
print(json.dumps([store.sourcelanguage, units]))
"""


def toolkit_tmx(path: Path) -> tuple[str, list[tuple[str, str, list[str]]]]:
    done = subprocess.run(
        [sys.executable, "-c", TOOLKIT, str(path)],
        cwd=path.parent, capture_output=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    language, units = json.loads(done.stdout)
    return language, [(s, t, langs) for s, t, langs in units]


def online_install(home: Path, index_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``dolmetsch model install --online ARGS`` with its argos folders under ``home`` and the
    package index at ``index_url``."""
    env = dict(os.environ)
    for var, sub in [
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("ARGOS_PACKAGES_DIR", "packages"),
    ]:
        env[var] = str(home / sub)
    env["ARGOS_PACKAGE_INDEX"] = index_url
    return subprocess.run(
        [sys.executable, "-m", "dolmetsch", "model", "install", "--online", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
