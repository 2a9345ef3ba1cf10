"""How the store build and ``lexicon learn`` share out their work: the same store with a
helper process as without, the same table with the counting beside the trials."""

from __future__ import annotations

import gzip
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from dolmetsch.lexicon import LexiconError, build_store
from dolmetsch.lexicon import learn as learn_module
from dolmetsch.lexicon import store as store_module
from dolmetsch.lexicon.learn import learn_files


def _dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        # the build's time is the one line that may differ
        return [line for line in con.iterdump() if "'built'" not in line]
    finally:
        con.close()


def test_a_build_with_a_helper_process_writes_the_same_store(
    tmp_path: Path, excerpt_ding: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[bool] = []
    enter = store_module._Helper.__enter__

    def watched(self: store_module._Helper) -> store_module._Helper:
        found = enter(self)
        started.append(self._process is not None)
        return found

    monkeypatch.setattr(store_module._Helper, "__enter__", watched)
    monkeypatch.setattr(store_module, "usable_cores", lambda: 1)
    alone = build_store(tmp_path / "alone", excerpt_ding)
    monkeypatch.setattr(store_module, "usable_cores", lambda: 2)
    helped = build_store(tmp_path / "helped", excerpt_ding)
    assert started == [False, True]
    assert _dump(helped.path) == _dump(alone.path)
    assert (helped.keys, helped.lemmas, helped.phrases) == (
        alone.keys,
        alone.lemmas,
        alone.phrases,
    )


def _fails(word: str) -> None:
    raise LexiconError(f"no {word}")


def test_the_helpers_error_is_the_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "usable_cores", lambda: 2)
    with store_module._Helper(_fails, "Ding") as helper:
        assert helper._process is not None
        with pytest.raises(LexiconError, match="no Ding"):
            helper.result()


def test_an_interrupted_build_leaves_no_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "usable_cores", lambda: 2)
    with pytest.raises(KeyboardInterrupt), store_module._Helper(time.sleep, 60) as helper:
        process = helper._process
        assert process is not None and process.is_alive()
        raise KeyboardInterrupt
    assert not process.is_alive()
    with pytest.raises(ProcessLookupError):
        os.kill(process.pid, 0)


def test_a_build_beside_the_caller_gives_its_steps_here_and_the_same_store(
    tmp_path: Path, excerpt_ding: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOLMETSCH_DING", str(excerpt_ding))
    monkeypatch.setattr(store_module, "usable_cores", lambda: 2)
    alone = build_store(tmp_path / "alone", excerpt_ding)
    steps: list[tuple[int, str]] = []
    with store_module.building(
        tmp_path / "beside", lambda step: steps.append((os.getpid(), step.stage))
    ) as built:
        assert not steps  # (the caller works on meanwhile)
        report = built()
    assert report.path.parent == tmp_path / "beside"
    assert _dump(report.path) == _dump(alone.path)
    # every stage, handed on in this process
    assert next(stage for _, stage in steps if stage).startswith("reading ")
    assert len([stage for _, stage in steps if stage]) == store_module.BUILD_STAGES
    assert {pid for pid, _ in steps} == {os.getpid()}


def _writes_then_waits(path: Path) -> None:
    path.write_text("half")
    try:
        time.sleep(60)
    except BaseException:
        path.unlink()
        raise


def test_a_build_beside_ended_early_removes_what_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "usable_cores", lambda: 2)
    half = tmp_path / "half"
    with (
        pytest.raises(KeyboardInterrupt),
        store_module._Helper(_writes_then_waits, half, cleans_up=True) as helper,
    ):
        process = helper._process
        while not half.exists():
            time.sleep(0.01)
        raise KeyboardInterrupt
    assert not process.is_alive()
    assert not half.exists()


TEXT = [
    ("Die Regierung kam.", "The administration came."),
    ("Die Polizei kam.", "The police came."),
    ("Die Regierung kam gestern.", "The administration came yesterday."),
    ("Die Polizei kam gestern.", "The police came yesterday."),
    ("Die Regierung kam heute.", "The administration came today."),
    ("Die Polizei kam heute.", "The police came today."),
]


def _learn(tmp_path: Path, name: str) -> tuple[bytes, list[tuple[str, str]]]:
    de, en = tmp_path / "text.de", tmp_path / "text.en"
    de.write_text("\n".join(d for d, _ in TEXT) + "\n", encoding="utf-8")
    en.write_text("\n".join(e for _, e in TEXT) + "\n", encoding="utf-8")
    said: list[tuple[str, str]] = []
    target, _ = learn_files(
        [(de, en)],
        tmp_path / f"{name}.tsv.gz",
        data_dir=tmp_path / "data",
        progress=lambda line: said.append((threading.current_thread().name, line)),
    )
    return gzip.decompress(target.read_bytes()), said


def test_a_learn_shows_the_store_build_and_counts_while_the_workers_try(
    tmp_path: Path, excerpt_ding: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOLMETSCH_DING", str(excerpt_ding))
    monkeypatch.setattr(learn_module, "usable_cores", lambda: 2)
    table, said = _learn(tmp_path, "one")
    lines = [line for _, line in said]
    assert lines[0].startswith("building the store ")
    # the store's stages, a line each, as ``lexicon build`` shows them
    assert lines[1].startswith("store: reading ")
    assert lines[5].startswith("store: writing lexicon-")
    main = threading.main_thread().name
    # too few phrase pairs for the workers: this process tries them, after the counts
    assert all(thread == main for thread, _ in said)
    assert lines.index("senses in context") < next(
        k for k, line in enumerate(lines) if line.startswith("trying ")
    )
    # with the trials in the workers, this process counts meanwhile: the same table
    monkeypatch.setattr(learn_module, "PARALLEL_LEAST", 0)
    again, said = _learn(tmp_path, "two")
    assert again == table
    tried = {thread for thread, line in said if line.startswith("trying ")}
    counted = {thread for thread, line in said if line == "senses in context"}
    assert counted == {main} and tried and main not in tried
