"""Where a translation came from: one type for the memory, the run and exchange files."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .engine import EngineInfo

Origin = Literal["machine", "human"]


@dataclass(frozen=True)
class Provenance:
    """What made a translation: an engine (name, model, model version) with a glossary (its
    hash), or a person (``origin`` human).  A machine translation is reused only for the same
    :attr:`key`: the same engine, model, model version and glossary."""

    engine: str
    model: str
    model_version: str
    glossary: str
    origin: Origin = "machine"

    @property
    def key(self) -> str:
        return "\t".join((self.engine, self.model, self.model_version, self.glossary))

    @classmethod
    def of_engine(cls, info: EngineInfo, glossary_hash: str) -> Provenance:
        return cls(info.name, info.model, info.model_version, glossary_hash)


HUMAN = Provenance("human", "", "", "", "human")
# A machine translation whose file did not say what made it: kept (and exported again), but
# never reused as if an engine had made it now.
IMPORTED = Provenance("imported", "", "", "")
