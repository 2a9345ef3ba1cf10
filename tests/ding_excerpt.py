"""A small dictionary in Ding's line format, written for dolmetsch's tests.

It is our own text, not copied from Ding (which is GPL data and is never committed).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

    from dolmetsch.lexicon import LexiconEngine


def lines(*entries: str) -> str:
    """Ding-format lines joined into a dictionary file's text, each ended by a newline."""
    return "".join(entry + "\n" for entry in entries)


EXCERPT = lines(
    "# Version :: test excerpt in Ding's format, written for dolmetsch's tests",
    "# License :: same as dolmetsch",
    "Angriff {m} (auf jdn.) [mil.] | Angriffe {pl} :: attack (on sb.) | attacks",
    "angreifen {vt} | angreifend | angegriffen | greift an | griff an :: "
    "to attack | attacking | attacked | attacks | attacked",
    "verhandeln {vi} | verhandelnd | verhandelt | verhandelt | verhandelte :: "
    "to negotiate | negotiating | negotiated | negotiates | negotiated",
    "Energie {f} :: energy",
    "Infrastruktur {f} | Infrastrukturen {pl} :: infrastructure | infrastructures",
    "Waffenruhe {f}; Feuerpause {f} :: ceasefire; truce",
    "Krieg {m} | Kriege {pl} :: war | wars",
    "Gefangene {m,f}; Gefangener | Gefangenen {pl} :: prisoner | prisoners",
    "Drohne {f} | Drohnen {pl} :: drone | drones",
    "nach Angaben von jdm. :: according to sb.",
    "jdm. etw. in Aussicht stellen {vt} :: to promise sb. sth.",
    "stellen {vt} | stellend | gestellt | stellt | stellte :: to put | putting | put | puts | put",
    "ums Leben kommen {vi} | ums Leben gekommen :: to be killed | been killed",
    "im Gegenteil {adv} :: contrary; conversely",
    "am Anfang {adv} :: at the start; initially",
    "kommen {vi} | kommend | gekommen | kommt | kam :: to come | coming | come | comes | came",
    "Bitte {f} | Bitten {pl} :: request | requests",
    "erhalten {vt} | erhaltend | erhalten | erhält | erhielt :: "
    "to get; to receive | getting; receiving | got; received | gets; receives | got; received",
    "Regierung {f} [pol.] | Regierungen {pl} :: "
    "administration; government | administrations; governments",
    "Einigung {f} | Einigungen {pl} :: agreement | agreements",
    "außenpolitisch {adj} :: foreign-policy",
    "Sprecher {m} | Sprecher {pl} :: spokesman | spokesmen",
    "Mensch {m} | Menschen {pl} :: human being | people",
    "Polizei {f} :: police",
    "Hauptstadt {f} | Hauptstädte {pl} :: capital | capitals",
    "schwer {adj} :: heavy; serious",
    "beschädigen {vt} | beschädigend | beschädigt | beschädigt | beschädigte :: "
    "to damage | damaging | damaged | damages | damaged",
    "beginnen {vi} | beginnend | begonnen | beginnt | begann :: "
    "to begin | beginning | begun | begins | began",
    "sagen {vt} | sagend | gesagt | sagt | sagte :: to say | saying | said | says | said",
    "neu {adj} :: new",
    "Vertrag {m} | Verträge {pl} :: contract | contracts",
    "unterschreiben {vt} | unterschreibend | unterschrieben | unterschreibt | unterschrieb :: "
    "to sign | signing | signed | signs | signed",
    "treffen {vt} | treffend | getroffen | trifft | traf :: "
    "to meet {met; met} | meeting | met | meets | met",
    "helfen {vi} | helfend | geholfen | hilft | half :: "
    "to help | helping | helped | helps | helped",
    "Symbol {n} | Symbole {pl} :: symbol | symbols",
    "Kind {n} | Kinder {pl} :: child | children",
    "Morgen {m} | Morgen {pl} :: morning | mornings",
    "Türkei {f} [geogr.] :: Turkey",
    "Frau {f} | Frauen {pl} :: woman | women",
    "Geschlecht {n} [soc.] | die Frauen (in der Gesellschaft) :: gender | the female gender",
    "Berg {m} | Berge {pl} :: mountain | mountains",
    "lang {adj} :: long",
    "steigen {vi} | steigend | gestiegen | steigt | stieg :: "
    "to rise | rising | risen | rises | rose",
    "werden {vi} | werdend | geworden; worden | wird | wurde :: "
    "to become | becoming | become; been | becomes | became",
)


def engine_on(
    tmp_path_factory: pytest.TempPathFactory, name: str, ding_text: str
) -> Iterator[LexiconEngine]:
    """A lexicon engine on a store built from ``ding_text`` (the excerpt and a test file's own
    entries), closed after use: ``yield from engine_on(...)`` in a fixture."""
    from dolmetsch.lexicon import build_store, open_lexicon

    folder = tmp_path_factory.mktemp(name)
    ding = folder / "de-en"
    ding.write_text(ding_text, encoding="utf-8")
    build_store(folder / "store", ding)
    opened = open_lexicon(folder / "store", build=False, ding=ding)
    yield opened
    opened.store.close()
