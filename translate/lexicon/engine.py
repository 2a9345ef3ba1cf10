"""The lexicon engine: dictionary look-up plus rules, German to English, fully offline.

Per sentence: tokenize, rearrange clauses into English order (``grammar``), then translate
token by token: numbers, dates and ordinals by rule; contiguous phrases by longest match
(learned phrase pairs before Ding's); function words from the hand-written table with the
context rules (``context.RULES``); content words from the store's candidates ranked by
``scorer`` (a content word with several becomes a ``decoder.Slot``, resolved by the
decoder, with the language model when its weight is not 0), found by ``words.Words`` via
the word itself, its Swiss ``ss`` spelling, its lemma, its other capitalisation, and finally
its compound parts.  A form found only through its lemma keeps its number and tense: the
English is inflected with Ding's own forms (aligned plural/past sub-entries, "to begin
{began; begun}" notes) or the regular rules.  Words nothing knows (mostly names) pass
through unchanged.

``mode="baseline"`` is the word-by-word reference the quality benchmark compares against:
Ding's first sense of each token (or of its other capitalisation), no lemmas, no rules.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from dolmetsch.engine import EngineInfo, Progress

from . import articles, dates, names, prepositions
from . import context as context_rules
from .confidence import UNSURE_MARGIN, Evidence, Scored, confidence, foreign_token
from .decoder import Item, Option, Slot, decode
from .english import (
    PAST_FORMS,
    a_or_an,
    after_you,
    base_among,
    cannot,
    ing_form,
    past_of_participle,
    plural_already,
    plural_police,
    regular_plural,
    superlative,
    third_person,
    undouble,
)
from .english import adverb as adverb_of
from .english import participle as participle_of
from .grammar import (
    ADVERB,
    ATTRIBUTE,
    DO,
    NEGATED,
    SOURCE_WORD,
    TENSE,
    detokenize,
    reorder,
    tokenize,
)
from .light_verbs import idiom_tail, light_verb
from .meaning import negation_kept
from .mood import (
    KONJUNKTIV,
    PRESENT_PERFECT_AUXILIARY,
    SINCE,
    SINCE_AUXILIARY,
    past_point,
    perfect_progressive,
    reported,
    since_clause,
)
from .reporting import reporting_verb
from .rules import (
    AUX_HAVE_BE,
    AUX_WERDEN,
    AUXILIARIES,
    CLAUSE_PUNCT,
    CLAUSE_REACH,
    COORDINATORS,
    DAYS,
    DETERMINERS,
    FUNCTION_WORD_TABLE,
    FUNCTION_WORDS,
    GENITIVE_PREPOSITIONS,
    IDIOMS,
    MODALS,
    MONTHS,
    PARTICLES,
    PASSIVE_WERDEN,
    PREPOSITIONS,
    PRONOUNS,
    QUOTES,
    RELATIVE_PRONOUNS,
    SEIN_PERFECT,
    SUBORDINATORS,
    WOULD,
    ordinal,
)
from .scorer import in_context
from .senses import Senses, SentenceContext, load_senses
from .senses import evidence as context_evidence
from .store import (
    CACHE_LIMIT,
    BuildStep,
    Sense,
    Store,
    build_store,
    default_data_dir,
    store_path,
)
from .words import ADJECTIVE_ENDINGS, PRESENT_PARTICIPLE, Words, adjectival, weak_past

Mode = Literal["full", "baseline"]
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
# The first letter of the sentence, and of a quoted sentence after a colon, is upper-case.
_SENTENCE_START = re.compile(r'(^["(\s]*|: "|[.!?] ")([a-z])')
_DECIMAL = re.compile(r"^\d+,\d+$")
_WORD_START = re.compile(r"^[A-Za-zÄÖÜäöüß]")
_PARTICIPLE_ENDINGS = ("t", "en")
_INSEPARABLE = ("be", "ver", "er", "zer", "ent", "emp", "miss", "über", "unter", "hinter")
# Separable first parts whose participle has its "ge" or inseparable prefix further in than
# the plain "ge" test reaches: "zurückgegangen", "fertiggestellt", "anerkannt".
_PARTICIPLE_PARTICLES = PARTICLES | frozenset("fertig aufrecht".split())
_PROGRESS_EVERY = 64
# Strong verb stems whose participle reads as the infinitive: "wird entlassen" stays a
# passive, while "wird verteidigen" (a weak verb, or "verlieren" -> "verloren") is the future.
_SAME_PARTICIPLE = (
    "halten",
    "lassen",
    "fallen",
    "fahren",
    "kommen",
    "geben",
    "lesen",
    "messen",
    "essen",
    "laden",
    "raten",
    "schlagen",
    "tragen",
    "graben",
    "laufen",
    "rufen",
    "stoßen",
    "wachsen",
    "waschen",
    "fangen",
    "schaffen",
    "sehen",
    "treten",
    "heißen",
    "blasen",
    "schlafen",
)
# Words that open an accusative object: after a verb that reads as infinitive and
# participle, they make it the infinitive ("wird bekommen das Geld"); a passive has none.
_OBJECT_OPENERS = frozenset(
    "das die den einen eine ein ihn sich es mich dich euch seine seinen ihre ihren unsere "
    "unseren keine keinen".split()
)
# How many times the score of the form's own sense the lemma's best must have.
_LEMMA_BEST_MARGIN = 3.5
# Forms of "lassen" that make a modal passive with "sich" and an infinitive.
_LASSEN = frozenset("lässt lassen ließ ließen".split())
# Modal and auxiliary lemmas: English negates them directly, without "do".
# "haben"/"sein" forms a Perfekt in the present opens, with "ich habe", "ich bin".
_PERFECT_AUXILIARY = PRESENT_PERFECT_AUXILIARY | frozenset(["habe", "bin"])
_NO_DO_SUPPORT = frozenset("sein haben werden können müssen sollen wollen dürfen mögen".split())
# sein as the Perfekt auxiliary of "worden"/"gewesen" is English "have": "has been".
_PERFECT_SEIN = {"ist": "has", "sind": "have", "war": "had", "waren": "had", "sei": "had"}
# English sets no comma before a "that"/"whether" clause, a to-infinitive (reordered "um ...
# zu" starts with "zu") or a trailing adverbial clause; German always does.  ("als" and the
# wh-words measured worse: they also open comparisons and appositions.)
_NO_COMMA_BEFORE = frozenset("dass daß ob zu weil wenn nachdem bevor bis damit sodass".split())
# Forms of the copulas not in AUXILIARIES, after which an adjective is predicative.
_COPULA_FORMS = frozenset("sein bleiben bleibt blieb blieben geblieben gewesen geworden".split())
# Copula forms after which an undeclined adjective ending its clause is predicative.
_PREDICATIVE_COPULAS = _COPULA_FORMS | frozenset(
    "ist sind war waren bin bist sei seien wäre wären wird werden wurde wurden würde würden "
    "scheint scheinen schien schienen wirkt wirken wirkte wirkten".split()
)
# Words of degree or polarity between a copula and its adjective: "ist nicht sehr schnell".
_DEGREE_WORDS = frozenset(
    "sehr so zu nicht gar noch auch ganz besonders immer extrem relativ ziemlich eher recht "
    "äußerst weniger mehr genauso ebenso viel schon bereits wieder".split()
)
# First words of an English sense that make it a prepositional phrase ("of course").
_ADVERBIAL_PREPOSITIONS = frozenset("of in at by on for without".split())
# Comparatives that stand before a noun undeclined: "weniger Geld", "eher Glück".
_INVARIABLE_COMPARATIVES = frozenset("weniger später früher eher".split())
# What a strong or mixed adjective ("ein neuer Plan", "mit neuer Kraft") follows.
_BEFORE_STRONG = (
    frozenset("ein kein mein dein sein ihr unser euer als sehr besonders ganz".split())
    | PREPOSITIONS
    | COORDINATORS
)
_ARTICLES = frozenset("der die das dem den des ein eine einen einem einer eines".split())
# The articles that can open a genitive after a noun ("der Rat der Stadt", "eines Landes").
_GENITIVE_ARTICLES = frozenset(("des", "der", "eines", "einer"))
# A demonstrative before a plural noun is plural in English.
_PLURAL_DEMONSTRATIVE = {"diese": "these", "diesen": "these", "jene": "those", "jenen": "those"}
# Auxiliaries a verb-final participle stands before: "zerstört seien", "gebaut wurde".
_SINGULAR_INDEFINITE = frozenset("ein eine einen einem einer eines".split())
# Determiners only a singular noun follows: the "-en" of "dem Präsidenten" is a weak
# noun's case ending, not its plural.
_SINGULAR_DETERMINER = _SINGULAR_INDEFINITE | frozenset(
    "dem des diesem dieses jedem jedes seinem seines keinem keines".split()
)
# Determiners before a noun whose plural German spells like its singular ("das
# Unternehmen", "ein Mitarbeiter"): only the singular follows them.
_SINGULAR_HEAD = _SINGULAR_DETERMINER | frozenset(
    "das kein sein mein dein unser euer jenes welches jeder mancher".split()
)
# Quantifiers and numbers before a noun whose plural German spells like its singular ("viele
# Mitarbeiter", "zwei Opfer"): only the plural follows them.
_PLURAL_QUANTIFIER = frozenset(
    "alle viele einige mehrere wenige manche beide beiden zahlreiche zwei drei vier fünf sechs "
    "sieben acht neun zehn elf zwölf zwanzig hundert tausend".split()
)
# Determiners a feminine singular also follows ("die Zeit", "seine Art"): before a noun in
# "-er", "-el", "-en", "-chen", "-lein" that German spells alike in both numbers ("die Täter",
# "seine Zimmer"), which is masculine or neuter, they are plural.
_PLURAL_DETERMINER = frozenset(
    "die diese jene keine meine deine seine ihre unsere eure welche solche".split()
)
# The "be" of a present progressive by the German verb's ending: "warten" (wir, sie) ->
# "are", "wartet" (er, sie, es) -> "is", "warte" (ich) -> "am".
_PROGRESSIVE_BE = (("en", "are"), ("t", "is"), ("e", "am"))
# Pronouns and quantifiers a genitive plural follows: "einer der Lehrer", "viele der Lehrer".
_PARTITIVE = _PLURAL_QUANTIFIER | frozenset(
    "einer eine eines eins keiner keine keines jeder jede jedes meisten".split()
)
_UNCHANGED_PLURAL_ENDINGS = ("er", "el", "en", "chen", "lein")
_AUX_AFTER_PARTICIPLE = AUX_HAVE_BE | AUX_WERDEN | frozenset(["worden"])
# Verbs of saying: English reports without "that" ("sagte, dass er kam" -> "said he came");
# verbs of thinking and knowing measured worse (-0.01 chrF on newstest2017).
_SAYING = frozenset("sagte sagt sagten sagen erklärte erklärt betonte betont meinte meint".split())
# Endings of English nouns of persons ("teacher", "actor", "member", "women"): a relative
# clause after them takes "who".
_PERSON_ENDINGS = (
    "er", "ers", "or", "ors", "ist", "ists", "ant", "ants", "man", "men", "people", "person",
    "persons", "child", "children", "ent", "ents", "one", "body",
)  # fmt: skip
# The weak masculine nouns (accusative "den Präsidenten"): German endings of people, and
# common ones no ending shows.
_WEAK_ENDINGS = ("ent", "ist", "oge")
_WEAK_NOUNS = frozenset(
    "Kollege Experte Zeuge Nachbar Held Kandidat Soldat Diplomat Demonstrant Junge Russe "
    "Franzose Türke Grieche Pole Chinese Prinz Graf Fürst Kamerad Bote Erbe Laie Riese "
    # adjectival nouns declined alike: "gegen den Angeklagten" is one defendant
    "Angeklagte Beschuldigte".split()
)
_DATIVE_PREPOSITIONS = frozenset(
    "mit von zu bei aus nach seit gegenüber außer entgegen samt nebst".split()
)


# Subjects that take "do", whatever the German verb's ending ("kommt ihr", "meinst du").
_DO_SUBJECTS = frozenset("ich du wir ihr Sie".split())


def _closing_comma(tokens: Sequence[str], i: int, is_verb: Callable[[str], bool]) -> list[int]:
    """The comma that closes the restrictive relative clause opened at ``i`` inside its
    main clause, which English writes without commas ("Der Mann, der verhaftet wurde, ist
    35" -> "The man who was arrested is 35"): its index, if the main clause's verb follows
    it, when the main clause opens with the relative clause's noun phrase (its subject;
    after a fronted phrase, "Nach Berichten, die ... wurden, wurden ...", word order
    keeps the comma); else none."""
    start = i - 2
    while start > 0 and tokens[start - 1] not in CLAUSE_PUNCT and tokens[start - 1] not in QUOTES:
        start -= 1
    first = tokens[start] if start >= 0 else ""
    if first.lower() in PREPOSITIONS or not (
        first.lower() in DETERMINERS or first[:1].isupper() or first[:1].isdigit()
    ):
        return []
    for k in range(i + 1, len(tokens) - 1):
        if tokens[k] in CLAUSE_PUNCT or tokens[k] in QUOTES:
            nxt = tokens[k + 1]
            closes = (
                tokens[k] == ","
                and nxt[:1].islower()
                and nxt not in SUBORDINATORS
                and nxt not in COORDINATORS
                and nxt not in DETERMINERS  # "einem" is also a verb ("einen", unite)
            )
            return [k] if closes and is_verb(nxt) else []
    return []


@functools.lru_cache(maxsize=1)
def rules_digest() -> str:
    """A short hash of the engine's code: its modules' sources."""
    return source_digest(Path(__file__).resolve().parent)


def source_digest(folder: Path) -> str:
    """A short hash of the Python sources in ``folder`` (names and bytes, sorted)."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def _second_person(verb: str, lemma: Callable[[str], str]) -> bool:
    """Whether a present verb in "-st" is the 2nd person ("kommst"), not a 3rd whose stem
    ends in "s" ("lässt", "passt": lemma "lassen", "passen")."""
    return verb.endswith("st") and not lemma(verb).endswith(("sen", "ßen"))


def _no_longer(tokens: Sequence[str], k: int) -> bool:
    """Whether the token at ``k`` is the "mehr" of "nicht mehr" ("no longer"), which word
    order sets between an auxiliary and its verb ("wird nicht mehr verlassen")."""
    return tokens[k] == "mehr" and k > 0 and tokens[k - 1] == "nicht"


def _indirect_question(word: str) -> bool:
    """Whether an output item opens an indirect question: "how", or "how he is" (not the
    greeting "how are you", which keeps its comma: "Hello, how are you?")."""
    if word == "how":
        return True
    words = word.split()
    return len(words) > 2 and words[0] == "how" and words[1] not in ("are", "is", "am", "was")


# Particles that are prepositions before a number: "stieg auf 20", "fiel um 3 Prozent".
_NUMBER_PREPOSITIONS = frozenset("auf um an ab".split())
# Nouns of things that end like nouns of people: "statements", "governments" ("-ent").
_THING_ENDINGS = ("ment", "ments")
# Antecedents of a restrictive "was": "alles, was" -> "everything that".
_INDEFINITE_ANTECEDENTS = frozenset("alles allem nichts vieles etwas einiges manches".split())
# Articles of a nominalised adjective before "was": "das Beste, was".
_NOMINAL_ARTICLES = frozenset("das dem der die den".split())
# Pronouns of persons a relative clause restricts: "jeder, der" -> "anyone who".
_PERSON_PRONOUNS = frozenset(
    "jeder jede jeden jedem niemand niemanden niemandem jemand jemanden jemandem derjenige "
    "diejenige diejenigen denjenigen alle allen".split()
)
_POSSESSIVE_IHR = frozenset("ihre ihren ihrem ihrer ihres".split())
# What a pronominal adverb may point ahead to ("darüber, wie", "dazu, dass", "daran zu").
_POINTED_TO = frozenset([",", "dass", "daß", "ob", "wie", "zu", "was", "wer", "wo", "warum"])
_BARE_PREPOSITIONS = frozenset(
    "about on for of to with against in from by after at over into".split()
)
# Adverbs that word order sets between an auxiliary and its participle ("wird immer
# gefragt"): the participle after them still makes the passive.
_BETWEEN_AUXILIARY_AND_VERB = frozenset("immer nie oft auch nur stets kaum bereits schon".split())
# Forms of "sein" that make a modal passive with "zu" + infinitive, and the adverbs that
# may stand between: "ist kaum noch zu retten" -> "can hardly still be saved".
_COPULAS_ZU_PRESENT = frozenset("ist sind sei seien".split())
_COPULAS_ZU = _COPULAS_ZU_PRESENT | frozenset("war waren wäre wären".split())
_COPULA_ZU_ADVERBS = frozenset(
    "nicht kaum nur noch nie auch schon bereits jetzt nun derzeit hier dort damit so "
    "nirgends kein".split()
)
# "werden" as the copula: its English, and how far its predicative adjective is looked for.
_BECOME = {"wird": ("becomes", "gets"), "werden": ("become", "get")}
_COPULA_REACH = 6
# Finite forms of "geraten" ("get into"), which no other verb shares.
_GERATEN_FINITE = {"gerät": "gets", "geriet": "got", "gerieten": "got", "gerätst": "get"}
# Adverbs between a pronoun subject and its verb: "sie auch konnte", "sie bereits hatte".
_SKIPPED_ADVERBS = frozenset("nicht auch noch schon bereits nur nun jetzt dann aber doch".split())
# A weak past singular, verb-final in a subordinate clause: "nachdem sie vorhatte".
_WEAK_PAST_SINGULAR = re.compile(r"^[a-zäöüß]{3,}te$")


class LexiconEngine:
    """Translate with the lexicon store; see the module docstring."""

    def __init__(self, store: Store, mode: Mode = "full") -> None:
        self.store = store
        self.mode = mode
        self.words = Words(store)
        self._options: dict[tuple[str, bool], list[Option] | None] = {}
        self._both: dict[str, bool] = {}  # ``_both_numbers``'s answers
        self._senses: Senses | None = None
        # off while learning phrases: they are judged against the engine without them
        self.use_learned_phrases = True
        self.use_learned_prepositions = True
        # phrase pairs on trial while learning (``learn.accept_phrases``), before all others
        self._trial: dict[str, str] = {}
        self._trial_starts: dict[str, int] = {}
        # while not None, every phrase look-up of a translation (tokens, position, result),
        # also of the token spans a rule translates apart: a trial that gives the same
        # result at each of them translates the same
        self.phrase_log: list[tuple[list[str], int, tuple[str, int] | None]] | None = None

    def try_phrases(self, phrases: dict[str, str]) -> None:
        """Use these (German lower-cased -> English) phrase pairs first, until the next call."""
        self._trial = phrases
        self._trial_starts = {}
        for german in phrases:
            first, *rest = german.split()
            self._trial_starts[first] = max(self._trial_starts.get(first, 0), len(rest) + 1)

    @property
    def info(self) -> EngineInfo:
        # The rules' own digest beside the data's: the translation memory serves a machine
        # translation only to the engine that made it, and a new release's rules must not
        # be answered from an older one's output (it was, under the same data's name).
        version = f"{self.store.version}-r{rules_digest()}"
        if self.mode == "baseline":
            return EngineInfo("lexicon-baseline", "ding", version)
        return EngineInfo("lexicon", "ding+de2en", version)

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        """One English sentence per German one, in order."""
        one = self.translate_baseline if self.mode == "baseline" else self.translate_sentence
        out: list[str] = []
        for i, sentence in enumerate(sentences, 1):
            with self.store.intact():
                out.append(one(sentence))
            if progress is not None and i % _PROGRESS_EVERY == 0:
                progress(_PROGRESS_EVERY)
        if progress is not None and len(sentences) % _PROGRESS_EVERY:
            progress(len(sentences) % _PROGRESS_EVERY)
        return out

    # ------------------------------------------------------------------ words (``words``)
    # The rules ask the engine about single words; ``Words`` answers.
    def has(self, key: str) -> bool:
        return self.words.has(key)

    def is_verb(self, word: str) -> bool:
        return self.words.is_verb(word)

    def is_noun(self, word: str) -> bool:
        return self.words.is_noun(word)

    def is_adjective(self, word: str) -> bool:
        return self.words.is_adjective(word)

    def is_past(self, word: str) -> bool:
        return self.words.is_past(word)

    def lemma(self, word: str) -> str:
        return self.words.lemma(word)

    def lemma_tag(self, word: str) -> tuple[str, str]:
        return self.words.lemma_tag(word)

    def _finite_past(self, word: str) -> bool:
        """Whether a finite verb form is a simple past: "teilte", "teilten", not "teilt"."""
        lemma = self.lemma(word)
        return (self.is_past(word) and not self.present_t(word)) or weak_past(word, lemma)

    def _simple_past(self, tokens: Sequence[str], k: int) -> bool:
        """Whether the present-tense "haben"/"sein" at ``k`` makes a Perfekt whose clause
        names a finished time (``mood.past_point``): English says it in the simple past."""
        lower = tokens[k].lower()
        if lower not in PRESENT_PERFECT_AUXILIARY and not (
            lower in ("habe", "bin") and k > 0 and tokens[k - 1].lower() == "ich"
        ):
            return False  # "habe" after another subject is the Konjunktiv I (``mood``)
        nxt = _after_adverbs(tokens, k + 1)
        if nxt is None:
            return False
        if lower.startswith("ha"):
            perfect = self.is_participle(nxt) and not self._infinitive(nxt)
        else:
            perfect = nxt in ("worden", "gewesen") or self.sein_perfect(nxt)
        return perfect and not since_clause(tokens, k) and past_point(tokens, k, DAYS)

    def _simple_past_options(self, word: str) -> list[Option] | None:
        """A participle's English candidates as the simple past: "gesehen" -> "saw"."""
        options = self.options(word, True)
        if options is None:
            return None
        return [(past_of_participle(english), score) for english, score in options]

    def inflect(self, english: str, tag: str, german: str = "") -> str:
        return self.words.inflect(english, tag, german)

    def lookup(self, word: str, participle: bool = False, compounds: bool = True) -> str | None:
        return self.words.lookup(word, participle, compounds)

    def resolve(self, word: str) -> tuple[str, str] | None:
        return self.words.resolve(word)

    def key(self, word: str) -> str | None:
        return self.words.key(word)

    def compound(self, word: str) -> str | None:
        return self.words.compound(word)

    @staticmethod
    def adverb(adjective: str) -> str:
        """The English adverb of an adjective's English: "easy" -> "easily"."""
        return adverb_of(adjective)

    def _light_verb(self, tokens: Sequence[str], i: int, participle: bool) -> str | None:
        """The English of a light verb in the form of the German one, when its clause has
        its noun (``light_verbs``): "getroffen" + "Entscheidung" -> "made"."""
        word = tokens[i]
        if not word[:1].islower():
            return None
        lemma = self.words.lemma(word)
        forms = light_verb(tokens, i, lemma, self.lemma)
        if forms is None:
            return None
        base, past, done = forms
        if word == lemma:
            return base  # an infinitive, also after "wird": "wird treffen" -> "will make"
        if participle or ("ge" in word[:6] and "ge" not in lemma[:6]):
            return done
        if (self.words.is_past(word) and not self.present_t(word)) or weak_past(word, lemma):
            return past
        if word.endswith("t"):
            return third_person(base)
        return base

    def _separable_light_verb(
        self, tokens: Sequence[str], i: int, key: str, verb: str
    ) -> str | None:
        """A separable light verb word order joined (``key``: "aufnehmen" with its finite
        ``verb`` "nahmen", or "nimmt auf" alone) in the finite verb's form, when its noun is
        in the clause: "nahmen Verhandlungen auf" -> "started"."""
        if not verb:
            finite, _, particle = key.partition(" ")
            if not particle or " " in particle:
                return None
            verb, key = finite, self.lemma(particle + finite)  # "nimmt auf": "aufnehmen"
        forms = light_verb(tokens, i, key, self.lemma)
        if forms is None:
            return None
        base, past_form, _ = forms
        if self.words.is_past(verb) and not self.present_t(verb):
            return past_form
        return third_person(base) if verb.endswith("t") else base

    def _split_idiom(
        self, tokens: Sequence[str], i: int, participle: bool
    ) -> tuple[str, int, int] | None:
        """The English of an idiom whose verb at ``i`` word order took away from its tail at
        the clause's end (``light_verbs.idiom_tail``), in the German verb's form, with where
        the tail starts and its length: "hat gestellt die Regel in Frage" -> "questioned"."""
        word = tokens[i]
        if not word[:1].islower():
            return None
        lemma = self.words.lemma(word)
        found = idiom_tail(tokens, i, lemma, self.words.has, self.words.lemma)
        if found is None:
            return None
        key, start, size = found
        english = IDIOMS.get(key) or self.words.sense(key, False)
        if not english:
            return None
        if participle or ("ge" in word[:6] and "ge" not in lemma[:6]):
            english = participle_of(english)
        elif word == lemma:
            before = tokens[i - 1].lower() if i else ""
            infinitive = before == "zu" or before in MODALS or before in AUXILIARIES
            if not infinitive and english.startswith("be "):
                english = "are " + english[3:]  # a plural present: "stehen auf dem Spiel"
        elif self.words.is_past(word) and not self.present_t(word):
            english = self.words.inflect(english, "past", word)
        elif word.endswith("t") and not word.endswith("st"):
            english = third_person(english)
        return english, start, size

    def _participle_in_place(self, tokens: Sequence[str], i: int) -> bool:
        """Whether the word at ``i`` is a participle that word order left before its
        auxiliary, where German has it: "zerstört seien" -> "destroyed were"."""
        word = tokens[i]
        if not word[:1].islower() or i + 1 >= len(tokens):
            return False
        return tokens[i + 1].lower() in _AUX_AFTER_PARTICIPLE and self.is_participle(word)

    def present_t(self, word: str) -> bool:
        """Whether ``word`` is the stem + "t" of its verb ("stellt", "fühlt"): a present
        3rd person singular or a participle, never a simple past (which the lemma table
        may tag it as, from a participle)."""
        lemma = self.words.lemma(word)
        stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
        return word in (stem + "t", stem + "et")

    def _present_after_subject(self, tokens: Sequence[str], i: int) -> bool:
        """Whether a stem + "t" form the lemma table calls past ("erzählt", "kritisiert")
        follows its subject pronoun, so it is the present: '"...", erzählt sie' -> "she
        tells" (word order puts the subject first)."""
        word = tokens[i]
        if i == 0 or not word[:1].islower():
            return False
        sense = self.store.sense(word)
        own = sense.en.split(" ", 1)[0] if sense is not None else ""
        if not self.words.is_past(word) and not own.endswith("ed") and own not in PAST_FORMS:
            return False  # "sagt" is its own key, "says"; "erzählt" is too, as "told"
        if tokens[i - 1].lower() not in ("er", "sie", "es", "man"):
            return False
        nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        return nxt not in AUXILIARIES and self.present_t(word)

    def _since_present(self, tokens: Sequence[str], i: int) -> bool:
        """Whether the word at ``i`` is a finite present verb in a clause with "seit": its
        English is the present perfect ("lebt seit 2010" -> "has been living since 2010")."""
        word = tokens[i]
        if not word[:1].islower() or not word.endswith(("t", "n")) or i == 0:
            return False
        previous = tokens[i - 1].lower()
        if previous in AUXILIARIES or previous in ("zu", "worden") or previous in SINCE:
            return False  # an infinitive or participle
        if word.endswith("n") and not (tokens[i - 1][:1].isupper() or previous in ("sie", "wir")):
            return False  # "-en" is finite only after its subject
        lemma, tag = self.words.lemma_tag(word)
        if (
            tag  # a past or plural form
            or (lemma == word and word.endswith("t"))
            or weak_past(word, lemma)  # "prosperierten"
            or PRESENT_PARTICIPLE.match(word)  # "stehenden"
            or ("ge" in word[:6] and "ge" not in lemma[:6])  # "gefragt", "angesiedelt"
            or not self.words.is_verb(word)
        ):
            return False
        return since_clause(tokens, i) and not _perfect_before(tokens, i)

    def sein_perfect(self, word: str) -> bool:
        """Whether ``word`` is the participle of a verb whose perfect takes "sein"."""
        if not word[:1].islower() or not self.is_participle(word):
            return False
        if word == "geraten":
            return True  # "ist in Not geraten": with "haben" it is "raten" ("advised")
        lemma = self.words.lemma(word)
        if lemma == word:
            return False
        return any(lemma.endswith(base) for base in SEIN_PERFECT)

    @staticmethod
    def _geraten(word: str, previous: str, prev_aux: str | None) -> str | None:
        """The English of "geraten" ("get into": "in Panik geraten", "gerät außer
        Kontrolle"), whose participle Ding knows as that of "raten" ("advised"); None for
        the participle after "haben", which is "raten"."""
        if word in _GERATEN_FINITE:
            return _GERATEN_FINITE[word]
        if word != "geraten" or (prev_aux is not None and prev_aux.startswith("ha")):
            return None
        return "got" if prev_aux is not None and previous not in ("zu", "werden") else "get"

    def _infinitive(self, word: str) -> bool:
        """Whether a word that looks like a participle ("verteidigen", "geben") is its verb's
        infinitive: its own lemma, with a base-form English, and no strong stem whose
        participle reads the same ("entlassen")."""
        if not word.endswith("en") or self.words.lemma(word) != word:
            return False
        if any(word.endswith(stem) and word != stem for stem in _SAME_PARTICIPLE):
            return False
        sense = self.store.sense(word)
        own = sense.en.split(" ", 1)[0] if sense is not None else ""
        return bool(own) and not own.endswith("ed") and own not in PAST_FORMS

    def _future_infinitive(self, tokens: Sequence[str], i: int) -> bool:
        """Whether a word after "werden" that reads as both infinitive and participle (a
        prefixed strong verb: "bekommen", "verlassen") is the infinitive of the future, as
        an object right after it shows: "wird das Geld bekommen" (word order: "wird
        bekommen das Geld") -> "will get the money"; "wird entlassen" stays the passive."""
        word = tokens[i]
        if not word[:1].islower() or self.words.lemma(word) != word or i + 1 >= len(tokens):
            return False
        if not word.startswith(_INSEPARABLE) or not any(
            word.endswith(stem) and word != stem for stem in _SAME_PARTICIPLE
        ):
            return False  # ("vergessen": "ver" + "g" + "essen")
        aux = _before_adverbs(tokens, i - 1)
        return aux >= 0 and tokens[aux].lower() in AUX_WERDEN and tokens[i + 1] in _OBJECT_OPENERS

    def infinitive(self, word: str, english: str) -> str:
        """A German infinitive's English as the base form: an irregular past ("left" ->
        "leave") or a regular one whose base is also among the word's senses ("entlassen"
        ranks "released" first, also "release")."""
        found = self.words.resolved(word)
        ranked = self.store.ranked(found[0], False) if found is not None else []
        return base_among(english, {sense.partition(" ")[0] for sense, _ in ranked})

    def _copula_werden(self, tokens: Sequence[str], i: int) -> str | None:
        """The predicative adjective of "wird"/"werden" at ``i`` as the copula "become", or
        None: no verb follows in its clause (the reordered verbs stand together), and the
        clause ends in an adjective ("wird besser.", "notwendig werden" reordered "werden
        notwendig")."""
        k = i + 1
        while k < len(tokens) and tokens[k] not in CLAUSE_PUNCT and k - i <= _COPULA_REACH:
            word = tokens[k]
            if word[:1].islower() and (self.words.is_verb(word) or word == "zu"):
                return None
            k += 1
        last = tokens[k - 1]
        if (
            k - 1 > i
            and k - i <= _COPULA_REACH
            and last[:1].islower()
            and last.isalpha()
            and self.words.is_adjective(last)
        ):
            return last
        return None

    def is_participle(self, word: str) -> bool:
        if not word[:1].islower() or not word.endswith(_PARTICIPLE_ENDINGS):
            return False
        # "verfolgt", "kritisiert" have no "ge": an inseparable prefix or -ieren (a finite
        # "verfolgt" reads the same, but after "wurde" or before "von" it is the participle)
        marked = "ge" in word[:6] or word.startswith(_INSEPARABLE) or word.endswith("iert")
        return (marked or _particle_participle(word)) and self.words.is_verb(word)

    # ------------------------------------------------------------------ verbs and prepositions
    def verb_preposition(self, preposition: str, verb: str, token: str) -> str | None:
        """The English of ``preposition`` governed by the verb lemma ``verb`` (the token
        ``token``), from Ding's entry "PREPOSITION etw. VERB" for the English the verb gets;
        None when Ding has no such entry."""
        entries = self.store.candidates(f"{preposition} {verb}")
        if not entries and verb == token and token.endswith("et"):
            # a present or participle the lemmatiser does not know: "verzichtet"
            entries = self.store.candidates(f"{preposition} {token[:-1]}n")
        if not entries:
            return None
        if " " in token:  # a separable verb joined by the word order: "nimmt teil"
            english = self.words.sense(verb, False)
        else:
            english = self.words.lookup(token, self.is_participle(token))
        if not english:
            return None
        return prepositions.dictionary_preposition(english, [e.en for e in entries])

    # ------------------------------------------------------------------ sentences
    def translate_baseline(self, sentence: str) -> str:
        """Word by word, Ding's first sense, no reordering: the benchmark's reference."""
        out = []
        for token in tokenize(sentence):
            sense = self.store.sense(token)
            if sense is None and _WORD_START.match(token):
                swapped = token.lower() if token[:1].isupper() else token[:1].upper() + token[1:]
                sense = self.store.sense(swapped)
            out.append(sense.first if sense else token)
        return detokenize(out)

    def translate_sentence(self, sentence: str) -> str:
        """One German sentence in English."""
        return self._translate(sentence, None)

    def translate_scored(
        self, sentences: Sequence[str], progress: Progress | None = None
    ) -> list[Scored]:
        """Each sentence's English with the engine's confidence in it, in [0, 1].

        The text is exactly ``translate``'s; the confidence comes from the engine's own
        evidence (``confidence``): unknown words, close competing senses, reordering.
        ``progress`` as for ``translate``.
        """
        out = []
        for i, sentence in enumerate(sentences, 1):
            with self.store.intact():
                if self.mode == "baseline":
                    out.append(Scored(self.translate_baseline(sentence), 0.0))
                else:
                    evidence: list[Evidence] = []
                    text = self._translate(sentence, evidence)
                    out.append(Scored(text, confidence(evidence[0])))
            if progress is not None and i % _PROGRESS_EVERY == 0:
                progress(_PROGRESS_EVERY)
        if progress is not None and len(sentences) % _PROGRESS_EVERY:
            progress(len(sentences) % _PROGRESS_EVERY)
        return out

    def _translate(self, sentence: str, evidence: list[Evidence] | None) -> str:
        german = tokenize(sentence)
        return self.translate_ordered(german, self.english_order(german), evidence)

    def english_order(self, german: list[str]) -> list[str]:
        """A sentence's German tokens in English order, as ``translate_ordered`` takes them.
        Phrase pairs on trial (``try_phrases``) play no part in it, so learning reorders
        each training sentence once for all its trials."""
        tokens = reorder(german, self)
        return [
            t
            for k, t in enumerate(tokens)
            if t != "," or k + 1 == len(tokens) or tokens[k + 1] not in _NO_COMMA_BEFORE
        ]

    def translate_ordered(
        self, german: list[str], tokens: list[str], evidence: list[Evidence] | None = None
    ) -> str:
        """The English of ``german`` (its tokens) from ``tokens``, its ``english_order``."""
        items = self._translate_items(tokens)
        if evidence is not None:
            evidence.append(self._evidence(german, tokens, items))
        out = a_or_an(decode(items, self.store.lm, 1.0, self.store.weights.lm))
        out = undouble(out)
        if "man" in tokens or "Man" in tokens:
            out = after_you(out)  # "man spricht" -> "you speak"
        # An indirect question takes no comma in English ("We saw how the boat ..."), nor
        # a relative clause after "those" ("those who came").
        out = [
            w
            for k, w in enumerate(out)
            if w != ","
            or k + 1 == len(out)
            or not (
                _indirect_question(out[k + 1])
                or (k > 0 and out[k - 1] == "those" and out[k + 1] == "who")
            )
        ]
        # English puts the comma that ends a quotation inside the quotes: "...," he said.
        text = cannot(detokenize(out).replace('", ', ',", ').replace(',",', ',"'))
        if "Polizei" in tokens and self._police_verb(tokens):
            text = plural_police(text)
        return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)

    def _police_verb(self, tokens: Sequence[str]) -> bool:
        """Whether a finite verb follows "Polizei" in English order ("die Polizei sucht")."""
        k = tokens.index("Polizei") + 1
        return k < len(tokens) and tokens[k][:1].islower() and self.words.is_verb(tokens[k])

    def _evidence(self, german: list[str], tokens: list[str], items: list[Item]) -> Evidence:
        words = [t for t in german if _WORD_START.match(t)]
        unknown = kept = content = unsure = learned = function = 0
        for t in words:
            if t.lower() in FUNCTION_WORDS or t in MONTHS or t in DAYS:
                function += 1
                continue
            found = self.words.resolved(t)
            if found is None:
                if self.words.lookup(t) is not None:
                    content += 1  # a compound
                elif t[:1].isupper():
                    kept += 1  # a name: passes through, as in the English
                else:
                    unknown += 1
                continue
            content += 1
            ranked = self.store.ranked(found[0], False)
            if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < UNSURE_MARGIN:
                unsure += 1
            if self.store.learned_count(found[0]) > 0:
                learned += 1
        kept += sum(1 for t in german if t[:1].isdigit())
        moved = sum(1 for k, t in enumerate(german) if k >= len(tokens) or tokens[k] != t)
        return Evidence(
            words=len(words),
            unknown=unknown,
            kept=kept,
            content=content,
            unsure=unsure,
            moved=moved,
            learned=learned,
            function=function,
            foreign=sum(1 for t in german if not _WORD_START.match(t) and foreign_token(t)),
        )

    def _translate_tokens(self, tokens: list[str]) -> list[str]:
        weights = self.store.weights
        return decode(self._translate_items(tokens), self.store.lm, 1.0, weights.lm)

    def translate_tokens(self, tokens: list[str]) -> list[str]:
        """English of German tokens already in English order, one string per unit."""
        return self._translate_tokens(tokens)

    def options(self, word: str, participle: bool) -> list[Option] | None:
        """A content word's English candidates with their scores, best first, in the form's
        number and tense; None when only a compound split (or nothing) knows the word."""
        cache_key = (word, participle)
        if cache_key in self._options:
            return self._options[cache_key]
        found = self.words.resolved(word)
        result: list[Option] | None = None
        if found is not None:
            key, tag = found
            sense = self.store.sense(key)
            ranked = self.store.ranked(key, participle)[: self.store.weights.beam_senses]
            if tag == "sup":  # a superlative is no adverb: "schnellsten" -> "fastest"
                kept = set(adjectival([e for e, _ in ranked]))
                ranked = [(e, score) for e, score in ranked if e in kept] or ranked
            if sense is not None and ranked:
                result = [
                    (self._in_form(english, tag, sense, word, participle), score)
                    for english, score in ranked
                ]
                if key == word:
                    result = self._lemma_best(word, result)
        if len(self._options) > CACHE_LIMIT:
            self._options.clear()
        self._options[cache_key] = result
        return result

    def _unadverbed(self, english: str, key: str) -> str:
        """An attributive adjective's English as an adjective: a sense that is the adverb of
        another of the key's senses becomes that sense ("ein seltener Moment" -> "rare",
        not the first-ranked "rarely"; "friendly" is no adverb of a sense and stays)."""
        ranked = [sense for sense, _ in self.store.ranked(key, False)]
        for sense in ranked:
            if sense != english and adverb_of(sense) == english:
                return sense
        if english.split(" ", 1)[0] in _ADVERBIAL_PREPOSITIONS:
            # a prepositional phrase ("of course", "in fact") is an adverbial, no adjective:
            # "natürliche Feinde" -> "natural enemies"
            single = [s for s in adjectival(ranked) if " " not in s]
            return single[0] if single else english
        return english

    def _lemma_best(self, word: str, options: list[Option]) -> list[Option]:
        """A verb form with its own dictionary entry ("gemacht" -> "done") in the sense its
        lemma ranks first ("machen" -> "make", so "made"), when the form's English is a form
        of a sense the lemma ranks lower ("do")."""
        lemma = self.words.lemma(word)
        if lemma == word or not word[:1].islower():
            return options
        ranked = self.store.ranked(lemma, False)
        if len(ranked) < 2 or " " in ranked[0][0]:
            return options
        best, top = ranked[0][0], options[0][0]
        forms: tuple[Callable[[str], str], ...] = (
            participle_of,
            third_person,
            lambda english: self.words.inflect(english, "past"),
        )
        margin = ranked[0][1] / _LEMMA_BEST_MARGIN
        for english, score in ranked[1:]:
            for form in forms:
                if form(english) == top and form(best) != top and score < margin:
                    return [(form(best), options[0][1]), *options]
        return options

    def _in_form(self, english: str, tag: str, sense: Sense, word: str, participle: bool) -> str:
        """A sense of a key in the number and tense of the form ``word`` (``resolve``'s tag)."""
        if tag == "pl" and "N" in sense.pos3 and not participle:
            return self.words.inflect(english, "pl")
        if tag == "past" and "V" in sense.poss and not participle:
            return self.words.inflect(english, "past", word)
        if tag == "ing" and "V" in sense.poss:
            return ing_form(english)
        if tag == "sup":
            return superlative(english)
        return english

    @property
    def senses(self) -> Senses:
        """The senses-in-context model (``senses``), read on first use."""
        if self._senses is None:
            self._senses = load_senses(self.store.path.parent)
        return self._senses

    def sentence_context(self, tokens: Sequence[str]) -> SentenceContext:
        return SentenceContext(tokens, self.key)

    def in_context(
        self, key: str, ranked: list[Option], context: SentenceContext, i: int
    ) -> list[Option]:
        """A key's ranked candidates re-ranked by the words around the token at ``i``."""
        weights = self.store.weights
        if not weights.context or key not in self.senses.labelled:
            return ranked
        features = context.features(i, key)
        found = context_evidence(
            self.senses, key, [e for e, _ in ranked], features, weights.context_smoothing
        )
        return in_context(ranked, found, weights)

    def _contextual(
        self, word: str, participle: bool, context: SentenceContext, i: int
    ) -> str | None:
        """The English of a content word when its context overrules the prior, else None."""
        if not self.store.weights.context:
            return None
        found = self.words.resolved(word)
        if found is None or found[0] not in self.senses.labelled:
            return None
        key, tag = found
        ranked = self.store.ranked(key, participle)
        chosen = self.in_context(key, ranked, context, i)
        sense = self.store.sense(key)
        if sense is None or not chosen or chosen[0][0] == ranked[0][0]:
            return None
        return self._in_form(chosen[0][0], tag, sense, word, participle)

    def _lassen_sich(self, tokens: Sequence[str]) -> dict[int, int]:
        """ "lässt sich" + infinitive is the English modal passive ("Der Plan lässt sich
        erklären" -> "can be explained"): the index of each such "lassen" form (negated or
        not) mapped to its infinitive's, the first infinitive of its clause, when no article
        stands between them."""
        found: dict[int, int] = {}
        for i, token in enumerate(tokens[:-2]):
            if token.lstrip(NEGATED).lower() not in _LASSEN or tokens[i + 1] != "sich":
                continue
            k = i + 2
            last = -1
            while k < len(tokens) and tokens[k] not in CLAUSE_PUNCT:
                word = tokens[k]
                if word.lower() in _ARTICLES:
                    last = -1  # an object: "lässt sich die Haare schneiden" is causative
                    break
                if (
                    word[:1].islower()
                    and word.endswith("en")
                    and self.words.lemma(word) == word
                    and tokens[k - 1] != "zu"
                    and self.words.is_verb(word)
                ):
                    last = k
                    break  # the first: "hochklappen und bieten" coordinates another verb
                k += 1
            if last > 0:
                found[i] = last
        return found

    def _copula_zu(self, tokens: Sequence[str]) -> dict[int, int]:
        """ "sein" + "zu" + infinitive is a modal passive ("Er war nicht zu erreichen" ->
        "could not be reached"): each such form of "sein" mapped to its "zu", whose
        infinitive ends the clause (``_copula_before`` says what may stand between; an
        adjective before it, "ist schwer zu sagen", keeps the active "hard to say")."""
        found: dict[int, int] = {}
        for i, token in enumerate(tokens[:-1]):
            after = tokens[i + 2] if i + 2 < len(tokens) else "."
            infinitive = tokens[i + 1]
            if (
                token != "zu"
                or after not in CLAUSE_PUNCT
                or not infinitive[:1].islower()
                or not infinitive.endswith("n")
                or self.words.lemma(infinitive) != infinitive
                or not self.words.is_verb(infinitive)
            ):
                continue
            k = self._copula_before(tokens, i)
            if k is not None:
                found[k] = i
        return found

    @staticmethod
    def _copula_before(tokens: Sequence[str], i: int) -> int | None:
        """The index of the form of "sein" a "zu" at ``i`` belongs to, past adverbs,
        pronouns, names and prepositional phrases ("ist sie im Fernsehen zu sehen");
        None if a predicate comes between (an adjective, "schwer zu sagen", or a noun
        phrase, "ist eine Ehre zu arbeiten")."""
        before = tokens[i - 1] if i > 0 else ""
        if before[:1].islower() and before not in _COPULA_ZU_ADVERBS and before not in PRONOUNS:
            return None
        for k in range(i - 1, max(i - 13, -1), -1):
            word = tokens[k]
            if word.lower() in _COPULAS_ZU:
                # a lower-case word is only allowed inside a prepositional phrase
                span = tokens[k + 1 : i]
                opened = False
                for w in span:
                    if w.lower() in PREPOSITIONS or w == "als":
                        opened = True
                    elif not (
                        w in _COPULA_ZU_ADVERBS
                        or w in PRONOUNS
                        or w[:1].isupper()
                        or w[:1].isdigit()
                        or opened
                    ):
                        return None
                return k
            if word in CLAUSE_PUNCT:
                return None
        return None

    def _translate_items(self, tokens: list[str]) -> list[Item]:
        out: list[Item] = []
        context = self.sentence_context(tokens)
        n = len(tokens)
        modal_passive = self._lassen_sich(tokens)
        copula_zu = self._copula_zu(tokens)
        skipped: set[int] = set()
        late_passive: dict[int, Item] = {}
        passive_infinitives = frozenset(modal_passive.values())
        i = 0
        prev_aux: str | None = None
        after_phrase = False
        bare = articles.bare_articles(tokens)
        surnames = _Surnames(tokens)
        replaced = dict(bare.words)
        strip_at: int | None = None  # where the English of an article English drops starts
        offices = articles.offices_before_names(tokens)
        title_at: int | None = None  # where the English of an office before a name starts
        while i < n:
            if strip_at is not None:
                _strip_article(out, strip_at)
                strip_at = None
            if title_at is not None:
                _as_title(out, title_at)
                title_at = None
            if i in offices:
                title_at = len(out)
            if i in replaced:
                if replaced[i]:
                    out.append(replaced[i])  # "vergangenen" in "im vergangenen Jahr" -> "last"
                i += 1  # "Jahr" in "des Jahres 2016" -> "of 2016"
                continue
            if i in bare.articles:
                strip_at = len(out)
            token = tokens[i]
            previous = tokens[i - 1] if i > 0 else ""
            nxt = tokens[i + 1] if i + 1 < n else ""
            was_phrase, after_phrase = after_phrase, False
            # Numbers, dates and ordinals: "5. Februar" -> "5 February", "19." -> "19th".
            if token.isdecimal() and nxt == "." and i + 2 < n:  # "²" is a digit, no number
                after = tokens[i + 2]
                if after in MONTHS:
                    out += [token, MONTHS[after]]
                    i += 3
                    continue
                if len(token) <= 3 and after not in QUOTES:
                    out.append(ordinal(int(token)))
                    i += 2
                    continue
            if token[:1].isdecimal():  # (no word is a number: skip the patterns)
                if _THOUSANDS.match(token):
                    out.append(token.replace(".", ","))
                    i += 1
                    continue
                if _DECIMAL.match(token):
                    out.append(token.replace(",", "."))
                    i += 1
                    continue
            reporting = reporting_verb(tokens, i, self.lemma, self._finite_past)
            if reporting is not None:
                english, size = reporting
                out.append(english)  # "teilte mit" -> "said", not Ding's "advised"
                i += size
                if i < n and tokens[i] in ("dass", "daß"):
                    i += 1  # as after "sagte": "said he came"
                continue
            if i in modal_passive:
                negated = token.startswith(NEGATED)
                past = token.lstrip(NEGATED).lower().startswith("lie")
                modal = ("could" if past else "can") + (" not" if negated else "")
                out.append("cannot be" if modal == "can not" else modal + " be")
                i += 2  # "sich" is no object: "lässt sich erklären" -> "can be explained"
                continue
            if i in skipped:
                i += 1
                continue
            if i in copula_zu:
                # "war nicht zu erreichen" -> "could not be reached"
                zu = copula_zu[i]
                options = self.options(tokens[zu + 1], False)
                if options is not None:
                    modal = "can" if token.lower() in _COPULAS_ZU_PRESENT else "could"
                    between = tokens[i + 1 : zu]
                    if "nicht" in between:
                        skipped.add(i + 1 + between.index("nicht"))
                        modal = "cannot" if modal == "can" else "could not"
                    passive = Slot(tuple((participle_of(e), s) for e, s in options))
                    if all(w in _COPULA_ZU_ADVERBS for w in between):
                        # "ist kaum zu retten" -> "can hardly be saved": the adverbs stay
                        out.append(modal)
                        late_passive[zu] = passive
                        skipped.add(zu + 1)
                    else:  # "ist im Bericht zu lesen" -> "can be read in the report"
                        out += [modal, "be", passive]
                        skipped.update((zu, zu + 1))
                    i += 1
                    continue
            if i in late_passive:
                out += ["be", late_passive[i]]
                i += 1
                continue
            if i in passive_infinitives:
                options = self.options(token, False)
                if options is not None:
                    out.append(Slot(tuple((participle_of(e), s) for e, s in options)))
                    i += 1
                    continue
            period = (
                dates.period_part(token, MONTHS.get(nxt, nxt), previous)
                if token in dates.PARTS
                and (nxt in MONTHS or dates.is_year(nxt))
                and previous.lower() not in DETERMINERS
                else None
            )
            if period is not None:
                out.append(period)  # "Anfang September" -> "early September"
                i += 2
                continue
            particle = self._name_particle(tokens, i)
            if particle:
                out.extend(tokens[i : i + particle])  # "Ursula von der Leyen"
                i += particle
                continue
            early = context_rules.apply_early(self, tokens, i, token.lower())
            if early is not None:
                english, size = early
                if english:
                    out.append(english)
                i += size
                continue
            phrase = self._phrase(tokens, i)
            if self.phrase_log is not None:
                self.phrase_log.append((tokens, i, phrase))
            if phrase is not None:
                english, size = phrase
                if (
                    english.startswith("their ")
                    and token.lower() in _POSSESSIVE_IHR
                    and self._singular_owner(tokens, i)
                ):
                    english = "her " + english[6:]  # a learned "ihre Kinder" -> "their children"
                out.append(english)
                i += size
                # a single word's learned English is no phrase that could hide a genitive
                after_phrase = size > 1 or english.endswith((" of", " to"))
                continue
            if token.startswith(ATTRIBUTE):
                # a participle after its noun: "geplant" -> "planned", "stehend" -> "standing"
                word = token[1:]
                out.append(self.words.lookup(word, not word.endswith("end")) or word)
                i += 1
                continue
            if token.startswith(DO):
                out.append(self._do(token[1:], nxt))
                i += 1
                continue
            if token.startswith(NEGATED):
                out.append(self._negated(token[1:]))
                prev_aux = None
                i += 1
                continue
            if token.startswith(ADVERB):
                english = self.words.lookup(token[1:]) or token[1:]
                out.append(
                    context_rules.injury_degree(token[1:], nxt)
                    or self._phrase_adverb(token[1:], nxt)
                    or adverb_of(english)
                )
                i += 1
                continue
            if " " in token or TENSE in token:  # a separable verb or idiom joined by reorder()
                key, _, verb = token.partition(TENSE)
                light = self._separable_light_verb(tokens, i, key, verb)
                if light is not None:  # "nahmen Verhandlungen auf" -> "started negotiations"
                    out.append(light)
                    i += 1
                    continue
                found = (
                    IDIOMS.get(key)
                    or self.words.sense(key, False)
                    or self.words.lookup(key.split()[0])
                )
                if found and verb and self.words.is_past(verb) and not self.present_t(verb):
                    found = self.words.inflect(found, "past", verb)
                elif found and verb.endswith("t") and not _second_person(verb, self.lemma):
                    found = third_person(found)  # "kündigt ... an" -> "announces"
                elif found and found.startswith("be ") and verb.endswith("en"):
                    found = "are " + found[3:]  # "stehen zur Verfügung" -> "are available"
                out.append(found or key)
                i += 1
                continue
            lower = token.lower()
            if lower == "am" and (nxt.isdigit() or nxt in DAYS):
                out.append("on")
                i += 1
                continue
            if lower == "was" and token[:1].islower() and previous == ",":
                out.append(self._relative_was(out, tokens, i))
                i += 1
                continue
            if (
                lower in RELATIVE_PRONOUNS
                and token[:1].islower()
                and previous == ","
                and (i < 2 or tokens[i - 2] not in QUOTES)  # '", der Sprecher sagte'
            ):
                if lower in ("deren", "dessen"):
                    out.append("whose")  # ", deren Kinder" -> ", whose children"
                else:
                    restrictive = bool(out) and out[-1] == ","
                    out.append(self._relative_pronoun(out, tokens, i))
                    if restrictive and out[-2:-1] != [","]:
                        skipped.update(_closing_comma(tokens, i, self.words.is_verb))
                i += 1
                continue
            if not was_phrase and self._genitive_article(tokens, i):
                if token in ("eines", "einer") and nxt in ("der", "des"):
                    out.append("of one of the")  # "im Besitz einer der Opfer"
                    i += 2
                    continue
                if token not in ("des", "der"):
                    out.append("of a")
                else:  # "der Regierung der Türkei" -> "of Turkey"
                    out.append("of" if self._bare_proper(nxt) else "of the")
                i += 1
                continue
            clause_start = i == 0 or previous in CLAUSE_PUNCT
            # an article is one mid-sentence too, capitalised in a title or after a
            # dateline: "Keystone-SDA Die Schweizer Nachrichtenagentur" (the store's "Die"
            # is "who", learned where it opened a sentence's relative clause)
            if (clause_start or lower in _ARTICLES) and token[:1].isupper():
                if lower in FUNCTION_WORD_TABLE:
                    token = lower
                else:
                    sense = self.store.sense(lower)
                    if sense is not None and sense.pos0 in ("ADJ", "ADV", "V", "P", ""):
                        token = lower
            if lower == "von" and previous.lower() in GENITIVE_PREPOSITIONS:
                i += 1  # "aufgrund von Regen" -> "due to rain"
                continue
            special = self._context_rule(tokens, i, lower)
            if special is not None:
                english, size = special
                if english:  # "" is no English: a modal particle
                    out.append(english)
                i += size
                continue
            if token in FUNCTION_WORD_TABLE or (
                token[:1].islower() and lower in FUNCTION_WORD_TABLE
            ):
                english = self._function_word(token, lower, tokens, i)
                if english == "the" and self._bare_proper(nxt):
                    english = ""  # "die Türkei" -> "Turkey"
                if english:
                    out.append(english)
                if lower != "nicht":  # "hat nicht erhalten": still a participle
                    # "war zerstört worden" -> "worden zerstört": still a participle
                    prev_aux = lower if lower in AUXILIARIES or lower == "worden" else None
                i += 1
                continue
            if token in MONTHS:
                out.append(MONTHS[token])
            elif token in DAYS:
                out.append(DAYS[token])
            elif self._genitive_name(tokens, i):
                out.append(token[:-1] + "'s")
            elif (place := self._place_genitive(tokens, i)) is not None:
                out.append(place)
            elif i > 0 and tokens[i - 1] == "," and self._adjective_name(tokens, i):
                out.append(tokens[i])  # not lower-cased as a clause's first word
            elif self._first_name(tokens, i):
                out.append(tokens[i])  # also at a clause start: "Matt Delaney", not "matt"
            elif (
                not _WORD_START.match(token)
                or (token[:1].isupper() and self._is_name(tokens, i))
                or self._surname(tokens, i, surnames)
                or self._adjective_name(tokens, i)
                or self._english_in_name(tokens, i)
            ):
                out.append(token)
            else:
                participle = (
                    prev_aux in AUX_HAVE_BE
                    or (prev_aux in AUX_WERDEN and not self._future_infinitive(tokens, i))
                    or prev_aux == "worden"
                    or self._participle_in_place(tokens, i)
                )
                got = self._geraten(token, previous, prev_aux)
                if got is not None:
                    out.append(got)  # "ist in Not geraten" -> "has got into trouble"
                    prev_aux = None
                    i += 1
                    continue
                # "werden ... kommen" is a future far more often than a passive
                future = prev_aux in AUX_WERDEN and self.words.lemma(token) == token
                idiom = self._split_idiom(tokens, i, participle and not future)
                if idiom is not None:
                    english, start, size = idiom
                    out.append(english)  # "hat gestellt ... in Frage" -> "has questioned"
                    skipped.update(range(start, start + size))
                    prev_aux = None
                    i += 1
                    continue
                light = self._light_verb(tokens, i, participle)
                if light is not None:
                    out.append(light)  # "traf eine Entscheidung" -> "made a decision"
                    prev_aux = None
                    i += 1
                    continue
                aux = _before_adverbs(tokens, i - 1)
                simple_past = participle and aux >= 0 and self._simple_past(tokens, aux)
                since = not participle and self._since_present(tokens, i)
                present = not participle and not since and self._present_after_subject(tokens, i)
                singular = not (participle or since or present) and self._singular_noun(tokens, i)
                base = since or present or singular
                # "ein freundlicher Mensch": a declined positive, not the comparative
                positive = self._attributive_positive(tokens, i)
                attributive = (
                    positive or self._attributive(tokens, i) or self._predicative(tokens, i)
                )
                token = positive or token
                options = self.options(self.words.lemma(token) if base else token, participle)
                if options is not None and attributive is not None:
                    options = [(self._unadverbed(e, attributive), s) for e, s in options]
                future = prev_aux in AUX_WERDEN and not participle
                after_modal = (
                    prev_aux in MODALS and not participle and self.words.lemma(token) == token
                )
                if (future or after_modal) and options is not None:
                    # "will leave", "muss entlassen" -> "must dismiss" (not "released")
                    options = [(self.infinitive(token, e), s) for e, s in options]
                if simple_past:
                    options = self._simple_past_options(token) or options
                if options is not None and since:
                    plural = token.endswith("n")
                    options = [(perfect_progressive(e, plural, ing_form), s) for e, s in options]
                elif options is not None and present:
                    options = [(third_person(e), s) for e, s in options]
                if options is not None and not singular and self._singular_head(tokens, i):
                    options = [(self._singular_of(token, e), s) for e, s in options]
                elif options is not None and not base and self._plural_head(tokens, i):
                    options = [(self._plural_of(token, e), s) for e, s in options]
                if options is not None and len(options) > 1:
                    out.append(Slot(tuple(options)))
                elif options is not None and (base or simple_past or future or after_modal):
                    out.append(options[0][0])  # also a singular noun
                else:
                    found = self._contextual(token, participle, context, i) or self.words.lookup(
                        token, participle=participle
                    )
                    if found is not None and attributive is not None:
                        found = self._unadverbed(found, attributive)
                    if found is not None and self._singular_head(tokens, i):
                        found = self._singular_of(token, found)
                    elif found is not None and self._plural_head(tokens, i):
                        found = self._plural_of(token, found)
                    # after an article a name's -s is a plural: "die Kennedys", "die Yankees"
                    plural = previous.lower() in DETERMINERS
                    out.append(found or (not plural and self._name_form(token)) or token)
                prev_aux = None
            i += 1
        if strip_at is not None:
            _strip_article(out, strip_at)
        if title_at is not None:
            _as_title(out, title_at)
        return out

    def _attributive_positive(self, tokens: Sequence[str], i: int) -> str | None:
        """The positive of an adjective in "-er" before its noun: "ein freundlicher Mensch",
        "mit neuer Kraft" -> "freundlich", "neu".  Ding lists "freundlicher" as the
        comparative ("kindlier"), but a comparative before a noun takes an ending of its
        own ("ein freundlicherer Mensch"); only after a determiner of the strong or mixed
        declension, a preposition or a clause's start, where no adverb of a verb stands."""
        word = tokens[i]
        if i == 0 or tokens[i - 1] in CLAUSE_PUNCT:
            word = word[:1].lower() + word[1:]  # a headline's "Seltener Anblick"
        if (
            not word[:1].islower()
            or not word.endswith("er")
            or len(word) < 5
            or word in _INVARIABLE_COMPARATIVES
            or i + 1 >= len(tokens)
        ):
            return None
        previous = tokens[i - 1] if i > 0 else ""
        if i > 0 and previous not in CLAUSE_PUNCT and previous.lower() not in _BEFORE_STRONG:
            return None
        following = tokens[i + 1]
        if following[:1].islower() and following.endswith("er"):
            following = tokens[i + 2] if i + 2 < len(tokens) else ""  # "neuer großer Wagen"
        if not (following[:1].isupper() and following.isalpha()):
            return None
        stem = word[:-2]
        sense = self.store.sense(stem)
        if stem.endswith(("st", "ßt")):
            return None  # a superlative: "als größter Gegner"
        if sense is None or "ADJ" not in sense.poss or "V" in sense.poss:
            return None
        return stem

    def _predicative(self, tokens: Sequence[str], i: int) -> str | None:
        """The key of an undeclined adjective that ends its clause after a copula ("Die
        Lösung ist schnell." -> "quick", not the adverb "quickly" its key ranks first), past
        degree words ("ist sehr schnell"); before anything else it may modify a verb ("ist
        schnell gelaufen")."""
        word = tokens[i]
        if not self._after_copula(tokens, i):
            return None
        found = self.words.resolved(word)
        if found is None or found[1] or found[0] != word:
            return None
        # an adjective Ding also has a verb line for counts when it heads the key as an
        # adjective ("langsam")
        sense = self.store.sense(word)
        if sense is None or sense.pos0 not in ("ADJ", "ADV") or "ADJ" not in sense.poss:
            return None
        return word

    @staticmethod
    def _after_copula(tokens: Sequence[str], i: int) -> bool:
        """Whether the lower-case word at ``i`` ends its clause after a copula, past degree
        words: where an adjective is predicative ("ist sehr schnell.")."""
        following = tokens[i + 1] if i + 1 < len(tokens) else "."
        if not tokens[i][:1].islower() or (
            following not in CLAUSE_PUNCT and following.lower() not in COORDINATORS
        ):
            return False
        k = i - 1
        while k > 0 and tokens[k].lower() in _DEGREE_WORDS:
            k -= 1
        return k >= 0 and tokens[k].lower() in _PREDICATIVE_COPULAS

    def _attributive(self, tokens: Sequence[str], i: int) -> str | None:
        """The key of a declined adjective before its noun ("die angebliche Tat" ->
        "angeblich"), whose English is an adjective, not its adverb ("alleged")."""
        word = tokens[i]
        if not word[:1].islower() or not word.endswith(("e", "en", "em", "es")):
            return None
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if following[:1].islower() and following.endswith(("e", "en", "em", "es", "er")):
            following = tokens[i + 2] if i + 2 < len(tokens) else ""  # "die gesamte neue"
        if not (following[:1].isupper() and following.isalpha()):
            return None
        found = self.words.resolved(word)
        if found is None or found[1] or found[0] == word:
            return None
        sense = self.store.sense(found[0])
        return found[0] if sense is not None and "ADJ" in sense.poss else None

    def _singular_noun(self, tokens: Sequence[str], i: int) -> bool:
        """Whether a noun the lemma table calls plural follows a determiner only a singular
        follows, past its adjectives: "mit dem neuen Präsidenten" -> "the new president"."""
        word = tokens[i]
        lemma, tag = self.words.lemma_tag(word)
        if not word[:1].isupper() or tag != "pl":
            return False
        if word not in (lemma + "n", lemma + "en", lemma + "s", lemma + "es"):
            return False  # a case ending on the lemma; "Jungen" is not "Junges"
        k = i - 1
        while k > 0 and i - k <= 2 and len(tokens[k]) > 3 and self.words.is_adjective(tokens[k]):
            k -= 1  # an adjective: "dem neuen"
        if k < 0:
            return False
        determiner = tokens[k].lower()
        if determiner == "den" and word != lemma + "s":
            # "traf den Präsidenten": a weak masculine noun's accusative singular, unless a
            # preposition makes "den" a dative, which is plural ("mit den Präsidenten")
            before = tokens[k - 1].lower() if k > 0 else ""
            return before not in _DATIVE_PREPOSITIONS and self._weak_masculine(lemma)
        return determiner in _SINGULAR_DETERMINER

    def _weak_masculine(self, lemma: str) -> bool:
        """Whether ``lemma`` is a masculine noun of the weak declension ("Präsident",
        "Kollege"), whose "-(e)n" ends every case but the nominative singular: a person in
        "-ent", "-ist", "-oge" (not "Dokument"), or one of the common others ("den Menschen",
        "den Kunden" are mostly dative plurals: not among them)."""
        if lemma in _WEAK_NOUNS:
            return True
        if not lemma.endswith(_WEAK_ENDINGS) or lemma.endswith("ment") or len(lemma) < 6:
            return False
        sense = self.store.sense(lemma)
        english = sense.en if sense is not None else ""
        return english.endswith(_PERSON_ENDINGS) and not english.endswith(_THING_ENDINGS)

    def _name_particle(self, tokens: Sequence[str], i: int) -> int:
        """How many tokens from ``i`` are a surname's particle and the surname after a first
        name, kept as they are: "Ursula von der Leyen", "Marc-Andre ter Stegen" (not "of
        the Leyen", "ter bridges"); 0 when none.  A German particle ("von", "zu") needs a
        surname the dictionary lacks: "Peter Quendt von der Polizei" is "of the police"."""
        if i == 0:
            return 0
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if names.capitalised_particle(tokens[i]) and tokens[i - 1] not in CLAUSE_PUNCT:
            # a foreign particle written with a capital mid-sentence opens the surname
            # itself: "lobte Ter Stegen" (not "Ter bridges")
            return 2 if names.is_capitalised_word(nxt) else 0
        if not names.name_particle(tokens[i]):
            return 0
        first = tokens[i - 1]
        if not names.is_capitalised_word(first) or not (
            self.store.is_name(first)
            or (self._hyphenated_name(first) and any(map(self.store.is_name, first.split("-"))))
        ):
            return 0  # "ein Tackle von Mitchell": no first name before "von"
        k = i + 1
        while k < len(tokens) and k - i <= 2 and names.name_particle(tokens[k], inner=True):
            k += 1  # "von der", "van den", "de la"
        if k >= len(tokens) or not names.is_capitalised_word(tokens[k]):
            return 0
        surname = tokens[k]
        if names.german_particle(tokens[i]) and self.words.lookup(surname) is not None:
            return 0  # a place or a noun: "Thomas von der Polizei", "Anna von Minnesota"
        return k - i + 1

    def _phrase_adverb(self, adjective: str, participle: str) -> str | None:
        """The adverb Ding gives an adjective before this participle in a phrase entry:
        "schwer verletzt" is "badly injured", so "schwer" is "badly" there (its first sense
        "hard" gives "hard injured"); None without such an entry."""
        key = f"{adjective.lower()} {participle}"
        if self.store.sense(key) is None:
            return None
        for english, _ in self.store.ranked(key, True):
            words = english.split()
            if len(words) == 2 and words[0].endswith("ly"):
                return words[0]
        return None

    def _singular_head(self, tokens: list[str], i: int) -> bool:
        """Whether a capitalised noun follows, past its adjectives, a determiner only a
        singular follows: "das Unternehmen", "ein neuer Mitarbeiter" (German spells these
        plurals like the singular, and the store may rank the plural English first)."""
        word = tokens[i]
        if not word[:1].isupper() or i == 0:
            return False
        k = i - 1
        while k > 0 and i - k <= 2 and len(tokens[k]) > 3 and self.words.is_adjective(tokens[k]):
            k -= 1  # an adjective: "ein neuer"
        determiner = tokens[k].lower()
        if determiner == "der" and self._singular_der(tokens, k):
            return self._both_numbers(word)
        # "den Mitarbeiter" is an accusative singular; "den Unternehmen" a dative plural
        return determiner in _SINGULAR_HEAD or (determiner == "den" and not word.endswith("n"))

    def _singular_der(self, tokens: list[str], k: int) -> bool:
        """Whether the "der" at ``k`` before a masculine or neuter noun is its nominative
        singular ("Der Lehrer kam"), not a genitive plural after a noun or a genitive
        preposition or a partitive pronoun ("die Zahl der Lehrer", "wegen der Lehrer",
        "einer der Lehrer")."""
        previous = tokens[k - 1] if k > 0 else ""
        if previous == SOURCE_WORD:
            # word order wrote it for a source after a quotation: '"...", so der Sprecher'
            # is one spokesman, whose "der" is a nominative
            return True
        previous = previous.lower()
        if previous in GENITIVE_PREPOSITIONS or previous in _PARTITIVE or previous.isdigit():
            return False  # "einer der Lehrer", "einige der Lehrer", "3 der Lehrer"
        return not self._genitive_article(tokens, k)

    def _plural_head(self, tokens: Sequence[str], i: int) -> bool:
        """Whether a capitalised noun German spells alike in both numbers follows, past its
        adjectives, a quantifier or number ("viele Mitarbeiter", "die anderen zwei Opfer",
        "3 Zimmer") or, for a noun in "-er", "-el", "-en", "-chen", "-lein", a determiner
        a feminine singular also takes ("die Täter", "seine Zimmer")."""
        word = tokens[i]
        if not word[:1].isupper() or i == 0 or not self._both_numbers(word):
            return False
        k = i - 1
        while k > 0 and i - k <= 3 and len(tokens[k]) > 3 and self.words.is_adjective(tokens[k]):
            k -= 1  # "die anderen", "viele junge"
        determiner = tokens[k].lower()
        if determiner.isdigit():
            return determiner != "1"
        if determiner in _PLURAL_QUANTIFIER:
            return True
        if not word.endswith(_UNCHANGED_PLURAL_ENDINGS):
            return False
        if determiner == "der":  # a genitive: "die Zahl der Täter", "einer der Täter"
            return not self._singular_der(list(tokens), k)
        return determiner in _PLURAL_DETERMINER

    def _both_numbers(self, word: str) -> bool:
        """Whether ``word`` is its own store key and its best candidates are an English noun
        and its plural ("Täter": "perpetrator", "perpetrators"); cached: the number rules ask
        about most capitalised words, several times each."""
        try:
            return self._both[word]
        except KeyError:
            pass
        found = self._noun_and_plural(word)
        if len(self._both) > CACHE_LIMIT:
            self._both.clear()
        self._both[word] = found
        return found

    def _noun_and_plural(self, word: str) -> bool:
        found = self.words.resolved(word)
        if found is None or found[1] or found[0] != word:
            return False
        english = [e for e, _ in self.store.ranked(word, False)]
        return any(
            e != p and p in (regular_plural(e), self.store.inflection(e, "pl"))
            for e in english[:2]
            for p in english[:3]
        ) or any(
            e != p and e in (regular_plural(p), self.store.inflection(p, "pl"))
            for e in english[:2]
            for p in english[:3]
        )

    def _plural_of(self, word: str, english: str) -> str:
        """The plural among the candidates of ``word``'s key when ``english`` is the
        singular of one ("perpetrator" -> "perpetrators"), else ``english``."""
        if plural_already(english):
            return english
        for c in self.store.candidates(word):
            if c.en != english and c.en in (
                regular_plural(english),
                self.store.inflection(english, "pl"),
            ):
                return c.en
        return english

    def _singular_of(self, word: str, english: str) -> str:
        """The singular among the candidates of ``word``'s key when ``english`` is the plural
        of one ("companies" -> "company"), else ``english``."""
        found = self.words.resolved(word)
        if found is None or found[1] or not plural_already(english):
            return english
        for c in self.store.candidates(found[0]):
            if c.en != english and english in (
                regular_plural(c.en),
                self.store.inflection(c.en, "pl"),
            ):
                return c.en
        return english

    def is_place(self, word: str) -> bool:
        """Whether a capitalised word with no article is a place name: a name, or a noun
        whose English is capitalised ("Deutschland" -> "Germany")."""
        if not word[:1].isupper() or word in FUNCTION_WORD_TABLE or word in MONTHS:
            return False
        if self.store.is_name(word):
            return True
        english = self.words.lookup(word)
        if english is None:
            return not self.words.has(word.lower())
        return english[:1].isupper() and " " not in english

    def _relative_was(self, out: list[Item], tokens: list[str], i: int) -> str:
        """English for "was" after a comma (the last of ``out``): a relative pronoun
        ("alles, was" -> "everything that", "das, was" -> "what", ", was toll ist" ->
        ", which is great") or an indirect question after a verb ("glauben, was" -> "believe
        what").  Measured on newstest2017: +0.01 chrF / +0.02 BLEU over ", what"."""
        antecedent = tokens[i - 2] if i >= 2 else ""
        low = antecedent.lower()
        article = tokens[i - 3].lower() if i >= 3 else ""
        if low in _INDEFINITE_ANTECEDENTS or (
            article in _NOMINAL_ARTICLES and self._nominalised_adjective(antecedent)
        ):
            if out and out[-1] == ",":
                out.pop()
            return "that"  # "das Erste, was" -> "the first thing that"
        if low in ("das", "dem"):
            if out and out[-1] == ",":
                out.pop()
            if out and out[-1] in ("that", "the"):
                out.pop()
            return "what"
        if antecedent[:1].islower() and self.words.is_verb(antecedent):
            if out and out[-1] == ",":
                out.pop()
            return "what"
        return "which"

    def _nominalised_adjective(self, word: str) -> bool:
        """A capitalised adjective used as a noun: "Erste", "Beste", "Schlimmsten"."""
        if not word[:1].isupper():
            return False
        low = word.lower()
        if low.endswith(("ste", "sten")):
            return True  # a superlative or an ordinal: "das Beste", "das Erste"
        return any(
            self.words.is_adjective(low[: len(low) - len(ending)])
            for ending in ("", *ADJECTIVE_ENDINGS)
        )

    def _relative_pronoun(self, out: list[Item], tokens: list[str], i: int) -> str:
        """English for the relative pronoun at ``i`` (after a comma, the last of ``out``).

        After a name (or a word the dictionary lacks) the clause adds to it, as in German:
        ", who" / ", which".  After a common noun news English restricts with "that" and no
        comma ("a team that works", "the brother that swam"), and "who" for a noun of a
        person ("women who flee"): measured on newstest2017 +0.04 chrF / +0.12 BLEU over
        ", who" before a verb and ", which" elsewhere ("that" everywhere lost 0.05 chrF:
        "who" is frequent in the references)."""
        lower = tokens[i].lower()
        antecedent = tokens[i - 2] if i >= 2 else ""
        if antecedent.lower() in _PERSON_PRONOUNS:
            if out and out[-1] == ",":
                out.pop()
            return "who"  # "niemanden, der hilft" -> "nobody who helps"
        if antecedent[:1].isupper() and (
            self._is_name(tokens, i - 2)
            or self.store.is_name(antecedent)
            or self.words.lookup(antecedent) is None
        ):
            return "who" if lower in ("der", "die") else "which"  # names are mostly people
        if out and out[-1] == ",":
            out.pop()
        english = (self.words.lookup(antecedent) or "") if antecedent[:1].isupper() else ""
        english = english.lower()
        person = (
            lower in ("der", "die", "den", "dem")
            and english.endswith(_PERSON_ENDINGS)
            and not english.endswith(_THING_ENDINGS)
        )
        return "who" if person else "that"

    def bare_proper(self, word: str) -> bool:
        """Whether a German noun is an English name without article (for context rules)."""
        return self._bare_proper(word)

    def _bare_proper(self, word: str) -> bool:
        """Whether a German noun is a proper name in English that takes no article: its
        English is one capitalised word ("Türkei" -> "Turkey", "Irak" -> "Iraq"), while
        common nouns are lower case and "the USA" keeps its article."""
        if not word[:1].isupper() or word.isupper() or word in MONTHS or word in DAYS:
            return False
        sense = self.store.sense(word)
        if sense is None or sense.pos0 != "N" or "ADJ" in sense.poss:
            return False  # "die Olympischen Spiele", "die Deutschen"
        english = sense.en
        return (
            " " not in english
            and english[:1].isupper()
            and not english.isupper()
            # Demonyms and plurals keep it: "the Americans", "the Pleiades".
            and not english.endswith(("s", "an", "ese", "man"))
            and english.lower() != word.lower()
        )

    def _name_form(self, token: str) -> str | None:
        """English for an unknown name in the genitive: "Trumps Rede" -> "Trump's speech"."""
        genitive = token[:1].isupper() and token.endswith("s") and len(token) > 4
        # Only names de2en knows: "Biles", "Markus" also end in -s; and not what English
        # writes so itself: "Williams", "Jones".
        if not genitive or not self.store.is_name(token[:-1]):
            return None
        if names.english_in_german(*self.store.usage(token)):
            return None
        return token[:-1] + "'s"

    def _genitive_name(self, tokens: list[str], i: int) -> bool:
        """An unknown name in the genitive before its noun, with no article: "Putins Rede"
        -> "Putin's speech" ("GBs", all capitals, is a plural)."""
        token = tokens[i]
        if (
            len(token) < 5
            or not token.endswith("s")
            or token.endswith("ss")
            or not token[:1].isupper()
            or not token[1:].islower()
            or i + 1 >= len(tokens)
            or (i > 0 and tokens[i - 1].lower() in DETERMINERS)
        ):
            return False
        nxt = tokens[i + 1]
        if not _WORD_START.match(nxt) or nxt.lower() in FUNCTION_WORDS:
            return False
        if self.store.is_name(token) or self.words.resolve(token) or self.words.resolve(token[:-1]):
            return False  # "Thomas Müller", "Kongresses"
        if nxt[:1].isupper():
            # a common noun: an unknown one is a surname ("Xaverius Quendt"), a capitalised
            # English one a place ("Besiktas Istanbul")
            english = self.words.lookup(nxt) if self.words.resolve(nxt) is not None else None
            return english is not None and english[:1].islower()
        return nxt.endswith(ADJECTIVE_ENDINGS)

    def _is_name(self, tokens: list[str], i: int) -> bool:
        """A name passes through: de2en knows it as one, or it stands beside one (not a
        German place name English writes otherwise: "Tiflis" -> "Tbilisi")."""
        token = tokens[i]
        if names.exonym(token) is not None:
            return False
        if self.store.is_name(token) or self._hyphenated_name(token):
            return True
        if self.words.has(token):
            return False
        neighbours = [tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
        return any(
            w[:1].isupper() and (self.store.is_name(w) or self._hyphenated_name(w))
            for w in neighbours
        )

    def _surname(self, tokens: list[str], i: int, seen: _Surnames | None = None) -> bool:
        """A capitalised word after a first name is a surname: "Ulrike Kunde" keeps "Kunde".

        ``seen`` keeps the sentence's answers for the question whether a word was a surname
        before: asked again of every earlier same word, it took time exponential in how often
        a word repeats (a 287-word run-on sentence: 40 s)."""
        seen = _Surnames(tokens) if seen is None else seen
        token = tokens[i]
        if i == 0 or not names.is_capitalised_word(token) or token.lower() in FUNCTION_WORDS:
            return False
        if self.title_surname(tokens, i):
            return True
        if articles.is_office(tokens[i - 1]) and self.words.resolve(token) is None:
            # only a compound split knows it: a surname after an office ("Außenminister
            # Steinmeier"), not "stone woodruffs"
            return True
        if seen.before(token, i - 1, lambda j: self._surname(tokens, j, seen)):
            return True  # a surname again: "Heiko Maas sagte, Maas werde kommen"
        previous = tokens[i - 1]
        if previous.lower() in FUNCTION_WORDS or previous in MONTHS or previous in DAYS:
            return False
        before = tokens[i - 2] if i >= 2 else ""
        if not names.opens_name(before, self._unknown_capitalised(before)):
            return False  # "im Quarbel Verlag", "Andy Warhol Gemälde"
        genitive = previous.endswith("s") and not self.store.is_name(previous)
        if genitive or self._name_form(previous):
            return False  # "Putins Rede", "Smiths Sieg"
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt[:1].isdigit() or nxt in MONTHS:
            return False  # a time: "Ende 2015"
        if names.is_capitalised_word(nxt) and (
            self.store.is_name(nxt) or self.words.lookup(nxt) is None
        ):
            return False  # an apposition: "Miller Tochter Lena"
        found = self.words.resolve(token)
        odd = found is not None and (found[1] or not names.surname_like(token, found[0]))
        if odd and not names.english_in_german(*self.store.usage(token)):
            return False  # "Gipfels" is a noun's genitive; "Roberts" an English name
        # "Hans-Peter", not "Smith-Jones Familie"
        hyphenated = self._hyphenated_name(previous) and any(
            self.store.is_name(p) for p in previous.split("-")
        )
        return names.after_first_name(previous, hyphenated, self.words.lookup(previous) is not None)

    def title_surname(self, tokens: Sequence[str], i: int) -> bool:
        """A capitalised word after a title or an initial is a surname, even when it is a
        German noun: "Herr Schiff", "Mr. Hunt", "Adam B. Schiff" (not "ship", "mine car")."""
        token = tokens[i]
        if i == 0 or not names.is_capitalised_word(token) or token.lower() in FUNCTION_WORDS:
            return False
        if names.abstract_noun(token) and self.words.lookup(token) is not None:
            return False  # "Frau Energie"
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if names.is_capitalised_word(nxt) and self.words.lookup(nxt) is None:
            return False  # a first name: "Frau Anna Quendt" keeps both anyway
        before = list(tokens[max(0, i - 3) : i])
        determiner = tokens[i - 2] if i >= 2 else ""
        determined = determiner.lower() in DETERMINERS or (
            determiner[:1].islower() and self.words.is_adjective(determiner)
        )
        return names.after_title(before, determined)

    def _adjective_name(self, tokens: list[str], i: int) -> bool:
        """A capitalised adjective mid-sentence with no noun reading is a name: "sagt
        Langer" keeps "Langer" (not "long")."""
        token = tokens[i]
        if i == 0 or self.store.sense(token) is not None:
            return False
        if tokens[i - 1] in CLAUSE_PUNCT:
            # after a comma only the "-er" form before a verb: ", Langer sagte"
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            verb_after = following[:1].islower() and self.words.is_verb(following)
            if tokens[i - 1] != "," or not token.endswith("er") or not verb_after:
                return False
        found = self.words.resolve(token)
        sense = self.store.sense(found[0]) if found is not None and not found[1] else None
        if sense is None or "ADJ" not in sense.poss or sense.poss & {"N", "V"}:
            return False
        if token.lower() in FUNCTION_WORDS:
            return False  # "sagte: "Wie ...", reordered
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        noun_after = following[:1].isupper() and self.words.resolve(following) is not None
        return found is not None and names.adjective_as_name(
            token, found[0], tokens[i - 1], following, noun_after
        )

    def _place_genitive(self, tokens: list[str], i: int) -> str | None:
        """A known place's genitive with no article: "Deutschlands Wälder" -> "Germany's
        forests", "im Norden Deutschlands" -> "in the north of Germany"."""
        token = tokens[i]
        if not names.is_capitalised_word(token) or not token.endswith("s"):
            return None
        if self.store.sense(token) is not None:
            return None
        found = self.words.resolve(token)
        if found is None or found[1] or found[0] not in (token[:-1], token[:-2]):
            return None
        place = self.words.sense(found[0], False)
        if place is None or not self._bare_proper(found[0]):
            return None
        before = tokens[i - 1] if i > 0 else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        noun_follows = (after[:1].isupper() and after.lower() not in FUNCTION_WORDS) or (
            after[:1].islower()
            and self.words.is_adjective(after)
            and after.endswith((*ADJECTIVE_ENDINGS, "er"))
        )
        before_noun = (
            before[:1].isupper()
            and self.store.sense(before) is not None
            and before.lower() not in FUNCTION_WORDS
        )
        return names.place_genitive(place, before, before_noun, noun_follows)

    def _first_name(self, tokens: list[str], i: int) -> bool:
        """A word English uses as often as German, before a name the dictionary lacks, is a
        first name: "Matt Delaney", "Nick Varga" (not "dull Delaney", "nod Varga")."""
        token = tokens[i]
        if i + 1 >= len(tokens) or not names.is_capitalised_word(token) or "-" in token:
            return False  # "Acme-Chef Paul" is a compound
        if token.lower() in FUNCTION_WORDS or (i > 0 and tokens[i - 1].lower() in DETERMINERS):
            return False
        following = tokens[i + 1]
        if not names.is_capitalised_word(following) or following.lower() in FUNCTION_WORDS:
            return False
        if self.words.lookup(following) is not None:
            return False
        return names.english_in_german(*self.store.usage(token))

    def _unknown_capitalised(self, word: str) -> bool:
        return names.is_capitalised_word(word) and (
            self.store.is_name(word) or self.words.lookup(word) is None
        )

    def _english_in_name(self, tokens: list[str], i: int) -> bool:
        """A capitalised word spelt as its English, beside a capitalised word German does
        not know, is part of an English name: "das Junior Doctors Committee" keeps "Junior"
        (not "junior")."""
        token = tokens[i]
        if i == 0 or not token[:1].isupper() or token.isupper() or tokens[i - 1] in CLAUSE_PUNCT:
            return False
        if not any(
            0 <= j < len(tokens)
            and tokens[j][:1].isupper()
            and _WORD_START.match(tokens[j]) is not None
            and tokens[j].lower() not in FUNCTION_WORDS
            and self.words.resolve(tokens[j]) is None
            for j in (i - 1, i + 1)
        ):
            return False
        english = self.words.lookup(token)
        return english is not None and english.lower() == token.lower()

    def _hyphenated_name(self, word: str) -> bool:
        """A hyphenated first name, kept whole: "Frank-Walter", "Karl-Heinz" (each part a
        name or unknown; "Baden-Württemberg" has a word in it, and so has "Nato-Gipfels": a
        form of one)."""
        parts = word.split("-")
        return len(parts) == 2 and all(
            p[:1].isupper()
            and p[1:].islower()
            and (self.store.is_name(p) or self.words.key(p) is None)
            for p in parts
        )

    def _context_rule(self, tokens: list[str], i: int, lower: str) -> tuple[str, int] | None:
        """A function word whose English depends on its neighbours: (English, tokens used)."""
        return context_rules.apply(self, tokens, i, lower)

    def _do(self, verb: str, subject: str) -> str:
        """The do-support of a question in the tense and person of its finite full verb:
        "kam" -> "did", "kommt" -> "does", "beginnt die Konferenz" -> "does", but "kommt
        ihr" -> "do" (``subject``: the word after the verb)."""
        lower = verb.lower()
        if self.words.is_past(lower):
            return "did"
        if subject in _DO_SUBJECTS:
            return "do"  # "Was meinst du?", "Kommt ihr?", "Was machen Sie?"
        return "does" if lower.endswith("t") else "do"

    def _negated(self, verb: str) -> str:
        """A negated finite full verb with do-support: "kam" -> "did not come", "greifen
        an" (a separable verb word order joined) -> "do not attack"."""
        if TENSE in verb:  # "angreifen<TENSE>greifen": the infinitive word order found
            lemma, _, verb = verb.partition(TENSE)
            particle = ""
        else:
            verb, _, particle = verb.partition(" ")
            lemma = self.words.lemma(particle + verb)  # "rief an": "anrief" -> "anrufen"
            if particle and lemma == particle + verb:
                lemma = particle + self.words.lemma(verb)
        base = self.words.sense(lemma, False) if lemma != verb else None
        if particle and base is None:
            return f"{self.words.lookup(f'{verb} {particle}') or verb} not"
        if base is None or lemma in _NO_DO_SUPPORT:
            return f"{self.words.lookup(verb) or verb} not"
        be, _, rest = base.partition(" ")
        if be == "be":  # "befanden sich nicht" -> "were not"; "be" takes no "do"
            plural = verb.endswith("n")
            forms = ("were", "was") if self.words.is_past(verb) else ("are", "is")
            be = forms[0] if plural else forms[1]
            return f"{be} not {rest}".strip()
        if self.words.is_past(verb):
            do = "did"
        elif verb.endswith("t") and not verb.endswith("nt"):
            do = "does"  # 3rd person singular "kommt"; "kennt" could be either, so "do"
        else:
            do = "do"
        return f"{do} not {base}"

    def bare_genitive(self, tokens: Sequence[str], i: int) -> bool:
        """An article-less genitive after a noun: "ein Symbol amerikanischer Freiheit"."""
        word = tokens[i]
        if i < 2 or i + 1 >= len(tokens) or not word.endswith("er") or not word[:1].islower():
            return False
        previous, nxt = tokens[i - 1], tokens[i + 1]
        return (
            previous[:1].isupper()
            and nxt[:1].isupper()
            and previous not in FUNCTION_WORD_TABLE
            and nxt not in FUNCTION_WORD_TABLE
            and tokens[i - 2] not in CLAUSE_PUNCT
            and word.lower() not in FUNCTION_WORDS
            and self.words.is_noun(previous)
            and self.words.is_adjective(word)
        )

    def _singular_verb(self, word: str) -> bool:
        """Whether a finite verb is 3rd person singular ("sagt", "sagte", "kam"): then "sie"
        before it is "she", not "they"."""
        if word in ("ist", "hat", "war", "hatte", "wird", "wurde", "kann", "muss", "will"):
            return True
        if word in KONJUNKTIV and not word.endswith("n"):
            return True  # reported speech: "sie sei" -> "she is"
        if not word[:1].islower() or word.endswith("n") or word in AUXILIARIES:
            return False
        return self.words.is_verb(word) and (word.endswith(("t", "te")) or self.words.is_past(word))

    def _singular_subject(self, tokens: Sequence[str], i: int) -> bool:
        """Whether "sie" at ``i`` is the subject of a singular finite verb after it (past
        adverbs and "nicht"), reordered or verb-final: "sie konnte", "sie habe", "nachdem sie
        zurückkam", a joined separable verb "aus<TAB>brach"."""
        k = i + 1
        while k < len(tokens) and (
            tokens[k] in _SKIPPED_ADVERBS or tokens[k].startswith((ADVERB, NEGATED))
        ):
            k += 1
        if k >= len(tokens):
            return False
        verb = tokens[k].rpartition(TENSE)[2].split(" ")[0]  # "sprach an", "an<TAB>sprach"
        if (
            not verb[:1].islower()
            or verb.endswith(("n", "nd"))
            or verb in FUNCTION_WORDS - AUXILIARIES
        ):
            return False
        if verb in AUXILIARIES or _WEAK_PAST_SINGULAR.match(verb):
            return True
        return self.words.is_verb(verb)  # not ending in -n: "sagt", "sagte", "kam", "zurückkam"

    def _she_or_it(self, tokens: Sequence[str], i: int) -> str:
        """English for a singular "sie" at ``i`` in a later clause of a sentence whose subject
        is a feminine noun: a thing is "it" ("Die Bank ..., als sie fast kollabierte" ->
        "when it nearly collapsed"), a collective "they" ("Die Polizei sagt, dass sie ..."),
        a woman "she"; any other sentence "she"."""
        if "," not in tokens[:i] and not any(t in SUBORDINATORS for t in tokens[1:i]):
            return "she"  # the same clause: (word order drops the comma before "dass")
        return self._feminine_subject(tokens, i) or "she"

    def _feminine_subject(self, tokens: Sequence[str], i: int) -> str | None:
        """The pronoun for the sentence's subject if it is a feminine singular noun before
        ``i`` with a singular verb after it: "it" for a thing, "they" for a group, "she" for
        a woman; else None."""
        if not tokens or tokens[0].lower() not in _FEMININE_ARTICLES:
            return None
        k = 1
        while k < i and tokens[k][:1].islower() and tokens[k].endswith(("e", "en")):
            k += 1  # past adjectives: "Die große Bank"
        word = tokens[k] if k < i else ""
        after = tokens[k + 1] if k + 1 < i else ""
        if not word[:1].isupper() or not self.words.is_noun(word) or after[:1].isupper():
            return None  # (a genitive after it may be the woman: "Die Leistung Raismans")
        if not self._singular_verb(after):
            return None  # its verb shows a plural: "Die Urlauber sprangen"
        if word in _COLLECTIVES:
            return "they"
        if self.words.lemma_tag(word)[1] == "pl":
            return None
        return "she" if _person_noun(word) else "it"

    def _singular_owner(self, tokens: Sequence[str], i: int) -> bool:
        """Whether the possessive "ihre" at ``i`` points to one woman: the nearest "sie"
        before it is singular ("sie sagte, ihre ..."), or, with no "sie", the first finite
        verb before it is ("Die Sängerin verließ ihre Band")."""
        for k in range(i - 1, -1, -1):
            if tokens[k].lower() == "sie":
                nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
                return self._singular_verb(nxt) or self._singular_subject(tokens, k)
        for k in range(i - 1, -1, -1):
            verb = tokens[k].rpartition(TENSE)[2].split(" ")[0]
            if verb in AUXILIARIES or (verb[:1].islower() and self.words.is_verb(verb)):
                auxiliary = self._auxiliary_before(tokens, k) if self.is_participle(verb) else None
                # "Die Minister haben gesagt bei ihrem Treffen": the auxiliary's number
                return self._singular_verb(auxiliary or verb)
        return False

    def _auxiliary_before(self, tokens: Sequence[str], k: int) -> str | None:
        """The auxiliary of the participle at ``k`` in its clause, before it (word order
        has put it there), or None."""
        for j in range(k - 1, max(-1, k - CLAUSE_REACH), -1):
            if tokens[j] in CLAUSE_PUNCT:
                return None
            if tokens[j] in AUXILIARIES:
                return tokens[j]
        return None

    def comparative(self, word: str) -> bool:
        """Whether a lower-case word is a comparative adjective or adverb: "größer", "früher"."""
        if not word.endswith("er") or len(word) < 4:
            return False
        lemma = self.words.lemma(word)
        if lemma == word:
            return False
        sense = self.store.sense(lemma)
        return sense is not None and bool(sense.poss & {"ADJ", "ADV"})

    def phrase_at(self, tokens: list[str], i: int) -> tuple[str, int] | None:
        """What the translation of ``tokens`` (in English order) looks up at ``i``: the
        longest phrase there, with the phrase pairs on trial."""
        return self._phrase(tokens, i)

    def _phrase(self, tokens: list[str], i: int) -> tuple[str, int] | None:
        """The longest contiguous dictionary phrase at ``i``: (English, length) or None."""
        first = tokens[i].lower()
        longest = self.store.phrase_length(first)
        if self._trial:
            longest = max(longest, self._trial_starts.get(first, 0))
        longest = min(longest, len(tokens) - i)
        if longest >= 2:
            # The phrases a size can be, read once a position: most sizes are none, and
            # are passed over with three look-ups (a token may hold words word order joined,
            # "zu Tage fördern": its phrases start with its first word).
            phrases = self.store.phrases_of(first.partition(" ")[0])
            learned_phrases = self.store.learned_phrases() if self.use_learned_phrases else {}
        for size in range(longest, 1, -1):
            if size == 2 and first in _ARTICLES:
                # An article and a noun translate word by word; Ding's "die Frauen" is
                # "the female gender" (in society).
                continue
            lower = " ".join(tokens[i : i + size]).lower()
            if lower not in phrases and lower not in learned_phrases and lower not in self._trial:
                continue
            if self._particle_mid_clause(tokens, i, size):
                continue
            if lower in self._trial:
                return self._trial[lower], size
            key = phrases.get(lower)
            if key is not None and key in IDIOMS:
                # a hand-written idiom, counted over the learning sets, before a learned
                # pair: "im Gegenteil" is "on the contrary", not the learned "contrary"
                return IDIOMS[key], size
            learned = learned_phrases.get(lower)
            if learned is not None and negation_kept(lower, learned):
                # (a phrase "nicht übertrieben" -> "unobtrusive" would hide the negation, as
                # would "gar nicht gut" -> "substandard")
                return learned, size
            if key is not None:
                english = FUNCTION_WORD_TABLE.get(lower) or self.words.sense(key, False)
                if english and size == 2 and self._idiomatic_noun_phrase(tokens, i, english):
                    continue
                if english and negation_kept(lower, english):
                    return english, size
        if longest >= 1:
            learned = self._trial.get(first)
            if learned is None and self.use_learned_phrases:
                learned = self.store.learned_phrase(first)
            if learned is not None and not self._form_decides(tokens, i, learned):
                return self._pointing(tokens, i, self._progressive(tokens, i, learned)), 1
        return None

    def _pointing(self, tokens: Sequence[str], i: int, english: str) -> str:
        """A pronominal adverb's learned preposition ("darüber" -> "about", learned where a
        clause followed it: "darüber, wie") with the "it" it stands for when nothing follows
        that it points to: "Er sprach darüber." -> "He spoke about it", not "about"."""
        if tokens[i].lower() not in context_rules.PRONOMINAL_ADVERBS or " " in english:
            return english
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt in _POINTED_TO or english not in _BARE_PREPOSITIONS:
            return english
        return english + " it"

    def _progressive(self, tokens: list[str], i: int, learned: str) -> str:
        """A finite present verb's learned English in "-ing" with the "be" it needs, by the
        German ending: "die Leute warten" -> "are waiting", "er wartet" -> "is waiting"
        (news English reports the present as progressive; the pair learned only "waiting")."""
        word = tokens[i]
        if " " in learned or not learned.endswith("ing") or not word[:1].islower():
            return learned
        if i > 0 and tokens[i - 1].lower() in ("zu", "um"):
            return learned
        if not self.words.is_verb(word) or self.words.is_adjective(word):
            return learned
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        start = i == 0 or tokens[i - 1] in CLAUSE_PUNCT
        if following in AUXILIARIES or (start and following in ("Sie", "es", "wir")):
            return learned  # "versucht hat", "denken Sie daran", "gehe es um"
        if word.endswith("t") and any(t.lower() in AUX_HAVE_BE for t in tokens[max(0, i - 4) : i]):
            return learned  # a participle: "haben die Mitarbeiter versucht"
        for ending, be in _PROGRESSIVE_BE:
            if word.endswith(ending) and (ending != "e" or tokens[i - 1].lower() == "ich"):
                return f"{be} {learned}"
        return learned

    def _idiomatic_noun_phrase(self, tokens: list[str], i: int, english: str) -> bool:
        """Whether Ding's entry for an adjective and its noun is one English word that shares
        nothing with the noun's senses: "großer Erfolg" -> "wow", "großes Haus" -> "pile" are
        slang, and news means the words ("a big success"); "Kalter Krieg" -> "Cold War"
        keeps its noun and stays."""
        adjective, noun = tokens[i], tokens[i + 1]
        if " " in english or not adjective[:1].islower() or not noun[:1].isupper():
            return False
        if not self.words.is_adjective(adjective):
            return False
        key = self.words.key(noun)
        if key is None:
            return False
        word = english.lower()
        return not any(
            w in word or word in w
            for c in self.store.candidates(key)
            for w in c.en.lower().split()
            if len(w) > 2
        )

    @staticmethod
    def _particle_mid_clause(tokens: list[str], i: int, size: int) -> bool:
        """Whether a phrase of a verb and the particle "ein" ("kaufte ein", Ding's past of
        "einkaufen") stands before an adjective or a noun, where "ein" is the article:
        "kaufte ein billiges Auto" is "bought a cheap car", "kaufte ein Auto" "bought a
        car"; or a verb and a particle that is a preposition before a number ("stieg auf
        20")."""
        if size != 2 or not tokens[i][:1].islower():
            return False
        after = tokens[i + 2] if i + 2 < len(tokens) else ""
        if tokens[i + 1] in _NUMBER_PREPOSITIONS:
            # "stieg auf 20" is "rose to 20", not Ding's "stieg auf" ("rose", of
            # "aufsteigen"): a particle takes no number after it
            return (
                after[:1].isdigit()
                or after in context_rules.NUMBER_WORDS
                or after in context_rules.APPROXIMATELY
            )
        if tokens[i + 1] != "ein":
            return False
        return after[:1].isupper() or (after[:1].islower() and after.endswith(("es", "er")))

    def _form_decides(self, tokens: list[str], i: int, learned: str) -> bool:
        """Whether the word at ``i`` stands where its grammatical form decides its English,
        so a word pair learned without context must not: after an auxiliary, a copula or a
        modal ("hat erzählt" -> "told", "ist gut" -> "good", not the learned "tells",
        "well"), a plural after a singular indefinite article ("einen Verdächtigen" -> "a
        suspect", not the learned "suspects"), or a lower-case word before an adjective or
        participle it modifies ("leicht zugänglich" -> "easily"); a noun after a determiner
        of the other number ("das Opfer" -> "victim", not the learned "victims")."""
        k = i - 1
        while k > 0 and (tokens[k] == "nicht" or _no_longer(tokens, k)):
            k -= 1  # "will nicht (mehr) kaufen" is still the infinitive after a modal
        before = tokens[k].lower() if k >= 0 else ""
        if before in AUXILIARIES:
            return True
        if learned.endswith("ing") and any(t.startswith(DO) for t in tokens[max(0, i - 6) : i]):
            # the infinitive of a question's do-support takes no "-ing" ("Wo wohnt der X
            # wohnen" -> "Where does X live", not the learned "living")
            return True
        if before in ("gern", "gerne") and i > 1 and tokens[i - 2].lower() in WOULD:
            return True  # "würde gerne kaufen" -> "would like to buy", not "buying"
        if self._after_copula(tokens, i):
            # ends its clause after a copula, an adjective is no adverb: "ist noch immer
            # gut" -> "good", not the learned "well"
            sense = self.store.sense(tokens[i])
            if sense is not None and "ADJ" in sense.poss and "V" not in sense.poss:
                ranked = self.store.ranked(tokens[i], False)
                if any(e != learned and adverb_of(e) == learned for e, _ in ranked):
                    return True
        if before in _COPULA_FORMS and self.words.is_adjective(tokens[i]):
            # a predicative adjective is no adverb: "will perfekt sein", reordered "will
            # sein perfekt" -> "be perfect", not the learned "perfectly"
            return self.words.lemma(tokens[i]) == tokens[i]
        modifier = tokens[i - 1] if i > 1 else ""
        if (
            i > 1
            and tokens[i - 2].lower() in AUXILIARIES
            and modifier[:1].islower()
            and (modifier.endswith("end") or self.words.is_adjective(modifier))
        ):
            return True  # past an adjective or participle modifying it: "ist überraschend gut"
        if before in _SINGULAR_INDEFINITE and plural_already(learned):
            return True
        word = tokens[i]
        if (
            word[:1].isupper()
            and learned[:1].islower()
            and (
                self._plural_head(tokens, i)
                if not plural_already(learned)
                else self._singular_head(tokens, i) and self._both_numbers(word)
            )
        ):
            return True  # the determiner decides the number: "das Opfer", "die Täter"
        if word[:1].islower() and i + 1 < len(tokens):
            following = tokens[i + 1]
            return following[:1].islower() and (
                self.words.is_adjective(following) or self.is_participle(following)
            )
        return False

    def opens_genitive(self, tokens: list[str], i: int) -> bool:
        """Whether the article at ``i`` opens a genitive after a noun (for context rules)."""
        return self._genitive_article(tokens, i)

    def _genitive_article(self, tokens: list[str], i: int) -> bool:
        """Whether the article at ``i`` opens a genitive after a noun: "der Rat der Stadt"."""
        token = tokens[i]
        if token not in _GENITIVE_ARTICLES:
            return False  # asked at almost every token: the cheap test first
        previous = tokens[i - 1] if i > 0 else ""
        if previous.lower() in GENITIVE_PREPOSITIONS or "zufolge" in tokens[i + 1 : i + 4]:
            # the preposition says "of" itself: "wegen des Wetters"; "der Umfrage zufolge"
            return False
        if token == "des":
            return True
        if token not in ("der", "eines", "einer") or i < 1:
            return False
        if i == 1 and (not self.words.is_noun(previous) or self.words.has(previous.lower())):
            return False  # the sentence's first word is capitalised whatever it is
        if previous == "%":
            return True  # "50 % der Leute" -> "50% of the people"
        if previous == ")" and "(" in tokens[max(0, i - 6) : i - 1]:
            # "das Komitee (JDC) der Ärztekammer": the noun stands before the parenthesis
            opening = max(k for k in range(max(0, i - 6), i - 1) if tokens[k] == "(")
            previous = tokens[opening - 1] if opening > 0 else ""
        # A capitalised function word ("Die", "Ihnen") is no head noun; a noun of the table
        # is one: "90 Prozent der Frauen" -> "90 percent of the women".
        if not previous[:1].isupper() or previous.lower() in FUNCTION_WORD_TABLE:
            return False
        if token in ("eines", "einer"):
            return True
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        return (
            previous not in MONTHS
            and not self.words.is_verb(previous)
            and bool(nxt)
            and nxt not in CLAUSE_PUNCT
        )

    @staticmethod
    def _after_modal(tokens: list[str], i: int) -> bool:
        """Whether the verb at ``i`` follows a modal, "werden" or "zu" (past a "nicht"): it is an
        infinitive ("kann nicht werden ausgeschlossen" -> "cannot be ruled out")."""
        k = i - 1
        while k >= 0 and (
            tokens[k] == "nicht" or tokens[k].startswith(ADVERB) or _no_longer(tokens, k)
        ):
            k -= 1
        # (and after "zu": "zu werden gehoben" -> "to be lifted")
        return k >= 0 and (
            tokens[k].lower() in MODALS or tokens[k].lower() in AUX_WERDEN or tokens[k] == "zu"
        )

    def _to_infinitive(self, tokens: list[str], i: int) -> bool:
        """Whether the "zu" at ``i`` marks the infinitive after it ("zu bauen")."""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        return nxt[:1].islower() and nxt.endswith("n") and self.words.is_verb(nxt)

    def _function_word(self, token: str, lower: str, tokens: list[str], i: int) -> str:
        if lower == "zu" and self._to_infinitive(tokens, i):
            return "to"  # no preposition learned for a noun beyond it: "zu bauen das Haus"
        if self.use_learned_prepositions:
            learned = prepositions.choose(
                tokens, i, lower, self.resolve, self.store.learned_preposition
            )
            if learned is not None:
                return learned
        english = FUNCTION_WORD_TABLE.get(token, FUNCTION_WORD_TABLE.get(lower, ""))
        if lower in _PERFECT_AUXILIARY and self._simple_past(tokens, i):
            if _after_adverbs(tokens, i + 1) in ("worden", "gewesen"):
                return "were" if lower in ("sind", "bist", "seid") else "was"
            return ""  # the participle says it: "hat gestern gesehen" -> "saw yesterday"
        if lower in ("worden", "gewesen") and i > 0 and self._simple_past(tokens, i - 1):
            return ""
        if lower in SINCE_AUXILIARY and since_clause(tokens, i):
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            perfect = after in ("worden", "gewesen") or self.sein_perfect(after)
            passive = lower in AUX_WERDEN and self.is_participle(after)
            if passive or (lower not in AUX_WERDEN and not perfect):
                return SINCE_AUXILIARY[lower]  # "ist seit 2012 aktiv" -> "has been active"
        nxt_token = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (
            lower == "das"
            and (
                not nxt_token
                or nxt_token in CLAUSE_PUNCT
                or TENSE in nxt_token
                or nxt_token.startswith(NEGATED)  # "Das tut nicht" -> "That does not"
                or (
                    nxt_token[:1].islower()
                    and self.words.is_verb(nxt_token)
                    and not context_rules.attributive_participle(nxt_token)
                )
            )
        ):
            return "that"  # a pronoun, not an article: "sagte das." / "Das ist" -> "That is"
        if lower in _PLURAL_DEMONSTRATIVE:
            noun = prepositions.governed_noun(tokens, i)
            if noun is not None and self.words.lemma_tag(noun)[1] == "pl":
                return _PLURAL_DEMONSTRATIVE[lower]  # "diese Maßnahmen" -> "these measures"
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (
            nxt.startswith(ADVERB) or nxt == "nicht" or nxt in _BETWEEN_AUXILIARY_AND_VERB
        ) and i + 2 < len(tokens):
            # "wurde <schwer> beschädigt", "werde immer gesteckt" are still the passive
            nxt = tokens[i + 2]
        previous = tokens[i - 1] if i > 0 else ""
        if lower in AUX_WERDEN:
            if lower == "werden" and self.is_participle(nxt) and self._after_modal(tokens, i):
                return "be"  # the passive infinitive: "soll werden gebaut" -> "should be built"
            if lower == "werden" and previous == "zu":
                return "become"  # no future after "zu": "zu werden" -> "to become"
            if lower == "werden" and self._after_modal(tokens, i) and not self.words.is_verb(nxt):
                # no future after a modal either: "kann zum Problem werden" (English order
                # "kann werden zum Problem") -> "can be a problem", not "can will"
                return "be"
            if (
                self.words.is_verb(nxt)
                and self.is_participle(nxt)
                and not self._infinitive(nxt)
                and not self._future_infinitive(tokens, tokens.index(nxt, i + 1))
            ):
                if lower == "werde" and previous.lower() == "ich":
                    return "am"  # "ich werde gefragt" -> "I am asked"
                return PASSIVE_WERDEN[lower]
            adjective = self._copula_werden(tokens, i) if lower in _BECOME else None
            if adjective is not None:
                # "notwendig werden" -> "become necessary", not "will"; a comparative "gets":
                # "es wird besser" -> "it gets better"
                return _BECOME[lower][self.comparative(adjective)]
            if lower in ("wurde", "wurden") and not self.words.is_verb(nxt):
                # "wurde Meister" is "became champion", but news mostly states a fact:
                # "became" was 89 times in the 2017 output, 17 in the reference.
                return "was" if lower == "wurde" else "were"
        mood = reported(tokens, i, lower, self.is_past, self.sein_perfect)
        if mood is not None:
            return mood  # Konjunktiv I: "sei" -> "is", after "sagte" "was"
        if lower in _PERFECT_SEIN and nxt in ("worden", "gewesen"):
            return _PERFECT_SEIN[lower]  # "ist ... worden" -> "has been"
        if lower in _PERFECT_SEIN and self.sein_perfect(nxt):
            return _PERFECT_SEIN[lower]  # "sind gestiegen" -> "have risen"
        if english.endswith(" it") and lower.startswith("da") and nxt in ("dass", "daß", "ob"):
            english = english[:-3]  # it points ahead to the clause: "dazu, dass" -> "to that"
        if english.endswith(" it") and lower.startswith("da") and nxt == "zu":
            return ""  # it points ahead to an infinitive: "rief sie dazu auf, zu streiken"
        if lower == "deren" and i > 1 and tokens[i - 2] == "," and previous in PREPOSITIONS:
            return "whose"  # a relative after a preposition: ", in deren Haus" -> "in whose house"
        if lower in ("dass", "daß") and previous in _SAYING:
            return ""  # "sagte, dass er kam" -> "said he came"
        if lower in _POSSESSIVE_IHR and english == "their" and self._singular_owner(tokens, i):
            english = "her"  # "Sie verließ ihre Wohnung" -> "She left her flat"
            if "sie" not in (t.lower() for t in tokens[:i]):
                owner = self._feminine_subject(tokens, i)
                # "Die Bank verkaufte ihre Anteile" -> "its shares"
                english = {"it": "its", "they": "their"}.get(owner or "", english)
        if lower == "sie":
            if self._singular_verb(nxt) or self._singular_subject(tokens, i):
                english = self._she_or_it(tokens, i)
            if (
                i > 0
                and previous not in CLAUSE_PUNCT
                and not self.words.is_verb(previous)
                and previous.lower() not in SUBORDINATORS
                and not (nxt[:1].islower() and self.words.is_verb(nxt))  # reordered subject
            ):
                english = "them"
        return english


# How far back "sie" looks for the noun it stands for.
_ANTECEDENT_REACH = 20
# Articles of a feminine singular noun in the nominative (or accusative); not "diese": a
# fronted object is often a demonstrative ("Diese Erfahrung hat auch sie gemacht").
_FEMININE_ARTICLES = frozenset("die eine".split())
# Feminine nouns for a group that English news refers to as "they".
_COLLECTIVES = frozenset("Polizei Familie Union Mannschaft Gruppe Band".split())
# Feminine nouns for a woman without the "-in" ending.
_WOMEN = frozenset("Frau Mutter Tochter Schwester Großmutter Oma Tante Nichte Dame Witwe".split())


def _person_noun(word: str) -> bool:
    """Whether a feminine noun names a woman: "Ministerin", "Frau"."""
    return word in _WOMEN or (word.endswith("in") and len(word) > 5)


def _particle_participle(word: str) -> bool:
    """Whether ``word`` is a separable verb's participle by its shape: a first part such as
    "zurück" or "fertig" followed by "ge" or an inseparable prefix ("zurückgegangen",
    "fertiggestellt", "anerkannt")."""
    for k in range(2, min(len(word) - 4, 10)):
        rest = word[k:]
        if word[:k] in _PARTICIPLE_PARTICLES and (
            rest.startswith("ge") or rest.startswith(_INSEPARABLE)
        ):
            return True
    return False


def _strip_article(out: list[Item], k: int) -> None:
    """Drops the "the" that ends the English written at ``out[k]`` for an article English
    leaves out (``articles``): "the" goes, "in the" becomes "in"."""
    item = out[k] if k < len(out) else None
    if not isinstance(item, str):
        return
    english = articles.strip_the(item)
    if english:
        out[k] = english
    else:
        del out[k]


def _as_title(out: list[Item], k: int) -> None:
    """Capitalises the English written at ``out[k]`` for an office before a name."""
    item = out[k] if k < len(out) else None
    if isinstance(item, str):
        out[k] = articles.title_case(item)


def _after_adverbs(tokens: Sequence[str], k: int) -> str | None:
    """The first token from ``k`` on that is no adverb word order marked, or None."""
    while k < len(tokens) and tokens[k].startswith(ADVERB):
        k += 1
    return tokens[k] if k < len(tokens) else None


def _before_adverbs(tokens: Sequence[str], k: int) -> int:
    """The index of the last token up to ``k`` that is no marked adverb (-1 if none)."""
    while k >= 0 and tokens[k].startswith(ADVERB):
        k -= 1
    return k


def _perfect_before(tokens: Sequence[str], i: int) -> bool:
    """Whether a form of "haben"/"sein" opens the clause's verb before ``i``: "habe schon
    seit langem gefragt" is a perfect already."""
    k = i - 1
    while k >= 0 and tokens[k] not in CLAUSE_PUNCT:
        if tokens[k].lower() in AUX_HAVE_BE:
            return True
        k -= 1
    return False


def open_lexicon(
    data_dir: Path | None = None,
    *,
    build: bool = True,
    ding: Path | None = None,
    mode: Mode = "full",
    before_build: Callable[[Path], None] | None = None,
    build_progress: Callable[[BuildStep], None] | None = None,
) -> LexiconEngine:
    """Open the lexicon engine, building its store first if ``build`` and it is missing.

    ``before_build(path)`` is called before a build starts (it takes about half a minute), so
    that a command line can say why the first run waits, and ``build_progress`` is given
    the build's steps (:func:`~.store.build_store`).  Raises ``LexiconError`` when the
    Ding file is not installed, or when the store is missing and ``build`` is false.
    """
    path = store_path(data_dir, ding)
    if not path.is_file() and build:
        if before_build is not None:
            before_build(path)
        path = build_store(data_dir or default_data_dir(), ding, progress=build_progress).path
    return LexiconEngine(Store(path), mode)


class _Surnames:
    """Whether a word was a surname earlier in one sentence, each position asked once.

    ``before(token, end, surname)``: is some position j, 1 <= j < end, with ``token`` a
    surname (``surname(j)``)?  Positions are asked in order and only until the first yes,
    so a sentence costs time linear in its length however often its words repeat."""

    def __init__(self, tokens: Sequence[str]) -> None:
        self._positions: dict[str, list[int]] = {}
        for j, token in enumerate(tokens):
            if j:
                self._positions.setdefault(token, []).append(j)
        self._asked: dict[str, int] = {}  # how many of the token's positions are answered
        self._first: dict[str, int] = {}  # the token's first position that is a surname

    def before(self, token: str, end: int, surname: Callable[[int], bool]) -> bool:
        positions = self._positions.get(token, [])
        while token not in self._first:
            k = self._asked.get(token, 0)
            if k == len(positions) or positions[k] >= end:
                break
            # surname() asks of positions before positions[k] only: all answered, all no
            found = surname(positions[k])
            self._asked[token] = k + 1
            if found:
                self._first[token] = positions[k]
        return token in self._first and self._first[token] < end
