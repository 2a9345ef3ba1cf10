"""Glossary: one canonical English form per named entity, matched and enforced.

Data: :func:`load_default_glossary` (``glossary/terms.tsv``), :func:`load_glossary`,
:func:`save_glossary` (atomic, byte-identical round trip).  The person's own glossary
(:func:`locate`) is layered over the shipped defaults (:func:`load_effective`) and changed
only through :mod:`.store`: locked, merged without loss, backed up, atomic.
Matching: :func:`find_matches` (listed spellings), :func:`recognise` / :func:`find_terms`
(also unlisted spellings of the glossary's people and places, unless it is strict).
Languages: an entry spells its entity in any source language (columns ``de``/``german``,
``ru``, ``uk``, ``pl``...); :meth:`Glossary.for_pair` is the glossary one language pair sees,
:func:`wrong_in_target` what an engine may be kept from generating.
Enforcement around any engine: :func:`protect` -> ``engine.translate`` -> :func:`restore`
(or :func:`translate_with_glossary` for a batch).  QA: :func:`check_pairs`,
:func:`term_accuracy`.  Editing, DeepL/TBX exchange and :func:`suggest` complete it.

Technique, measured with the lexicon engine on the 189 sentences of the five seeds (299
glossary occurrences): without enforcement 184/299 (61.5 %) canonical, 96 German/forbidden
spellings left; ``placeholder`` 299 enforced, 0 repaired; ``substitute`` 288 enforced,
11 repaired -- the engine translates the English names it is given (``Blick`` -> "gaze",
``Waltz`` -> "valse", ``Telegram`` -> "telephoto grief", ``New York post``) and the
repaired output keeps the stray translation next to the inserted name.  Placeholders are
the default; substitution stays available for engines that copy names but not tokens.
"""

from __future__ import annotations

from .edit import (
    add_entry,
    entry_from_dict,
    entry_to_dict,
    filter_entries,
    glossary_from_dict,
    glossary_to_dict,
    remove_entry,
)
from .enforce import (
    TECHNIQUES,
    AppliedTerm,
    Counts,
    Protected,
    Protection,
    Restored,
    Technique,
    glossary_hash,
    protect,
    protect_all,
    restore,
    restore_all,
    total_counts,
    translate_with_glossary,
)
from .errors import GlossaryError
from .exchange import (
    dump_deepl,
    dump_tbx,
    glossary_pairs,
    load_deepl,
    load_tbx,
    parse_deepl,
    parse_tbx,
    save_deepl,
    save_tbx,
)
from .fileformat import (
    COLUMNS,
    dump_glossary,
    load_default_glossary,
    load_glossary,
    parse_glossary,
    save_glossary,
)
from .inflect import inflections
from .layers import Layered, layer
from .location import GlossaryFiles, locate, shipped_path, user_config_path
from .lock import LOCK_TIMEOUT, GlossaryBusyError, glossary_lock, lock_path
from .matching import Form, Match, find_matches, render
from .merge import Merged, merge
from .model import KINDS, Entry, Glossary, Kind, make_glossary
from .pairs import canonical_in, wrong_in_target
from .qa import Finding, TermAccuracy, check_pairs, term_accuracy
from .romanise import SYSTEMS, romanise
from .store import (
    Change,
    EditSession,
    add_to_glossary,
    backup_path,
    decode_edit,
    export_glossary,
    import_into_glossary,
    load_effective,
    remove_from_glossary,
    save_edit,
    start_edit,
)
from .suggest import (
    Corpus,
    CrossSuggestion,
    Suggestion,
    detect_language,
    load_corpus,
    name_key,
    suggest,
    suggest_across,
)
from .variants import Candidate, Recognised, find_terms, recognise

__all__ = [
    "COLUMNS",
    "KINDS",
    "LOCK_TIMEOUT",
    "SYSTEMS",
    "TECHNIQUES",
    "AppliedTerm",
    "Candidate",
    "Change",
    "Corpus",
    "Counts",
    "CrossSuggestion",
    "EditSession",
    "Entry",
    "Finding",
    "Form",
    "Glossary",
    "GlossaryBusyError",
    "GlossaryError",
    "GlossaryFiles",
    "Kind",
    "Layered",
    "Match",
    "Merged",
    "Protected",
    "Protection",
    "Recognised",
    "Restored",
    "Suggestion",
    "Technique",
    "TermAccuracy",
    "add_entry",
    "add_to_glossary",
    "backup_path",
    "canonical_in",
    "check_pairs",
    "decode_edit",
    "detect_language",
    "dump_deepl",
    "dump_glossary",
    "dump_tbx",
    "entry_from_dict",
    "entry_to_dict",
    "export_glossary",
    "filter_entries",
    "find_matches",
    "find_terms",
    "glossary_from_dict",
    "glossary_hash",
    "glossary_lock",
    "glossary_pairs",
    "glossary_to_dict",
    "import_into_glossary",
    "inflections",
    "layer",
    "load_corpus",
    "load_deepl",
    "load_default_glossary",
    "load_effective",
    "load_glossary",
    "load_tbx",
    "locate",
    "lock_path",
    "make_glossary",
    "merge",
    "name_key",
    "parse_deepl",
    "parse_glossary",
    "parse_tbx",
    "protect",
    "protect_all",
    "recognise",
    "remove_entry",
    "remove_from_glossary",
    "render",
    "restore",
    "restore_all",
    "romanise",
    "save_deepl",
    "save_edit",
    "save_glossary",
    "save_tbx",
    "shipped_path",
    "start_edit",
    "suggest",
    "suggest_across",
    "term_accuracy",
    "total_counts",
    "translate_with_glossary",
    "user_config_path",
    "wrong_in_target",
]
