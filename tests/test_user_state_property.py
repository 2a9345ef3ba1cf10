"""Property: whatever a person and dolmetsch do, in any order, no human translation is lost.

A hypothesis state machine mixes runs (with and without the memory, one or two jobs, with
either of two glossaries), PO edits (also a msgstr equal to its German), translation-memory
export and re-import, and merges of a shard memory that holds a rival human translation.
After every step each edited segment's PO still shows the person's latest translation, and
once a run with the memory has taken it, the memory holds it for that segment.
"""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import polib
from click.testing import CliRunner
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from dolmetsch.cli import main
from dolmetsch.engine import Engine, load_engine
from dolmetsch.glossary import Glossary, load_default_glossary, make_glossary
from dolmetsch.memory import TranslationMemory, context
from dolmetsch.pipeline import discover, run_batch

SHARED = "Selenskyj traf Putin in Kiew."
ARTICLES = {
    "a": f"Erster Bericht\n\nDer Kreml schweigt. {SHARED}\n\nPeskow sagte nichts.\n",
    "b": f"Zweiter Bericht\n\n{SHARED} Die Gespräche dauern an.\n",
}
TEXTS = st.sampled_from(["Human one.", "Human two.", "Zelensky met Putin in Kiev.", "<german>"])


class UserState(RuleBasedStateMachine):
    """One output folder, one memory; ``edits`` is what the person last typed per segment."""

    def __init__(self) -> None:
        super().__init__()
        self.root: Path = Path()
        self.edits: dict[tuple[str, str], str] = {}
        self.taken: set[tuple[str, str]] = set()  # edits a memory run has seen

    @initialize()
    def start(self) -> None:
        self.root = Path(self.base) / f"case{id(self)}"
        shutil.rmtree(self.root, ignore_errors=True)
        (self.root / "seeds").mkdir(parents=True)
        for stem, text in ARTICLES.items():
            (self.root / "seeds" / f"{stem}.txt").write_text(text, encoding="utf-8")
        self.run_dolmetsch(memory=True, jobs=1, small_glossary=False)

    # -- the person ----------------------------------------------------------------------

    @rule(stem=st.sampled_from(sorted(ARTICLES)), index=st.integers(0, 3), text=TEXTS)
    def edit_po(self, stem: str, index: int, text: str) -> None:
        path = self.out / f"{stem}.po"
        po = polib.pofile(str(path))
        entry = po[index % len(po)]
        entry.msgstr = entry.msgid if text == "<german>" else text
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        po.save(str(path))
        self.edits[(stem, entry.msgctxt)] = entry.msgstr
        self.taken.discard((stem, entry.msgctxt))

    # -- dolmetsch -----------------------------------------------------------------------

    @rule(
        memory=st.booleans(), jobs=st.sampled_from([1, 1, 1, 1, 1, 2]), small_glossary=st.booleans()
    )
    def run_dolmetsch(self, memory: bool, jobs: int, small_glossary: bool) -> None:
        engine: Engine = self.engine
        glossary: Glossary = self.small if small_glossary else self.full
        spawn = functools.partial(load_engine, "argos", None, self.packages)
        if memory:
            with TranslationMemory(self.memory_path) as tm:
                run_batch(discover(self.root / "seeds"), self.out, engine, glossary=glossary,
                          memory=tm, jobs=jobs, spawn_engine=spawn)  # fmt: skip
            self.taken |= set(self.edits)
        else:
            run_batch(discover(self.root / "seeds"), self.out, engine, glossary=glossary,
                      jobs=jobs, spawn_engine=spawn)  # fmt: skip

    @rule()
    def export_and_import_memory(self) -> None:
        tmx = self.root / "all.tmx"
        runner = CliRunner()
        for args in (["tm", "export", str(tmx), "--force"], ["tm", "import", str(tmx)]):
            result = runner.invoke(main, [*args, "--memory", str(self.memory_path)])
            assert result.exit_code == 0, result.output

    @rule(text=TEXTS)
    def merge_a_rival_shard(self, text: str) -> None:
        shard = self.root / "shard.sqlite"
        shard.unlink(missing_ok=True)
        with TranslationMemory(shard) as tm:
            here = context("a", "p2.s2", str(self.out.resolve()))
            tm.store_human([(SHARED, f"Rival: {text}", here)])
            tm.store_human([(SHARED, f"Rival anywhere: {text}", "")])
        with TranslationMemory(self.memory_path) as tm:
            tm.merge(shard)

    # -- what must always hold ----------------------------------------------------------

    @invariant()
    def every_edit_is_in_its_po(self) -> None:
        for (stem, msgctxt), text in self.edits.items():
            po = polib.pofile(str(self.out / f"{stem}.po"))
            assert next(e for e in po if e.msgctxt == msgctxt).msgstr == text, (stem, msgctxt)

    @invariant()
    def every_taken_edit_is_in_the_memory_for_its_segment(self) -> None:
        if not self.taken:
            return
        with TranslationMemory(self.memory_path) as tm:
            for stem, msgctxt in self.taken:
                po = polib.pofile(str(self.out / f"{stem}.po"))
                german = next(e for e in po if e.msgctxt == msgctxt).msgid
                where = context(stem, msgctxt, str(self.out.resolve()))
                assert tm.human_target(german, where) == self.edits[(stem, msgctxt)], where

    # -- set-up shared by every case ----------------------------------------------------

    base: Path
    packages: Path
    engine: Engine
    full: Glossary
    small: Glossary

    @property
    def out(self) -> Path:
        return self.root / "out"

    @property
    def memory_path(self) -> Path:
        return self.root / "memory.sqlite"


def test_no_human_translation_is_ever_lost(installed_tiny: Path, tmp_path: Path) -> None:
    full = load_default_glossary()
    UserState.base = tmp_path
    UserState.packages = installed_tiny
    UserState.engine = load_engine("argos", packages_dir=installed_tiny)
    UserState.full = full
    UserState.small = make_glossary([e for e in full.entries if e.target != "Kyiv"])
    machine = UserState.TestCase
    machine.settings = settings(
        max_examples=12,
        stateful_step_count=8,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    machine().runTest()
