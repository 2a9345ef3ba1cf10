"""Shared fixtures: the seeds, and a tiny deterministic argos package built offline."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    assert len(SEED_FILES) == 5
    return SEED_FILES
