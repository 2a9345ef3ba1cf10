"""The lexicon engine: offline German->English from the Ding dictionary and rules.

``open_lexicon()`` opens it (building its store on first use); its ``translate_scored()``
gives each translation with a confidence in [0, 1] (``Scored``).  ``build_store()`` builds
the store explicitly, ``default_data_dir()`` / ``store_path()`` say where it lives.  Data
sources and their licences are listed in ``dolmetsch.lexicon.sources``.
"""

from __future__ import annotations

from .confidence import Scored
from .engine import LexiconEngine, Mode, open_lexicon
from .sources import DING_PATH, LexiconError
from .store import (
    BUILD_STAGES,
    SCHEMA_VERSION,
    BuildReport,
    BuildStep,
    Store,
    build_store,
    default_data_dir,
    store_path,
)

__all__ = [
    "BUILD_STAGES",
    "DING_PATH",
    "SCHEMA_VERSION",
    "BuildReport",
    "BuildStep",
    "LexiconEngine",
    "LexiconError",
    "Mode",
    "Scored",
    "Store",
    "build_store",
    "default_data_dir",
    "open_lexicon",
    "store_path",
]
