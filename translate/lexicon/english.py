"""English word formation for the lexicon engine: inflection, adverbs and the clean-up of
the English units a sentence is put together from.

Pure functions on English strings; the German side (what form a German word is) is the
engine's.  Ding's entries give most inflections; these rules form the rest: a regular
past or plural, the 3rd person, the -ing form, an adverb from an adjective; ``undouble``
and ``a_or_an`` tidy the joined units (no "to to the", "an agreement").
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .rules import indefinite_article

# Irregular English pasts, for when Ding's aligned entries give none (and the few that do
# not keep the first letter, which Ding's inflections must).
IRREGULAR_PAST = {
    "go": "went", "eat": "ate", "have": "had", "do": "did", "meet": "met", "lead": "led",
    "say": "said", "pay": "paid", "sell": "sold", "tell": "told", "stand": "stood",
    "understand": "understood", "speak": "spoke", "break": "broke", "choose": "chose",
    "drive": "drove", "fly": "flew", "grow": "grew", "know": "knew", "throw": "threw",
    "draw": "drew", "begin": "began", "rise": "rose", "write": "wrote", "ride": "rode",
    "shoot": "shot", "lose": "lost", "send": "sent", "spend": "spent", "build": "built",
    "buy": "bought", "catch": "caught", "teach": "taught", "seek": "sought", "sit": "sat",
    "hit": "hit", "cut": "cut", "put": "put", "let": "let", "hurt": "hurt", "cost": "cost",
    "shut": "shut", "spread": "spread", "become": "became", "come": "came", "give": "gave",
    "forget": "forgot", "get": "got", "hear": "heard", "mean": "meant", "read": "read",
    "sleep": "slept", "wear": "wore", "steal": "stole", "strike": "struck", "swim": "swam",
    "sing": "sang", "sink": "sank", "bear": "bore", "beat": "beat", "hide": "hid",
    "shake": "shook", "stick": "stuck", "feed": "fed", "flee": "fled", "deal": "dealt",
    "make": "made", "take": "took", "see": "saw", "think": "thought", "bring": "brought",
    "find": "found", "keep": "kept", "leave": "left", "feel": "felt", "hold": "held",
    "win": "won", "fall": "fell", "run": "ran", "set": "set", "fight": "fought",
    "arise": "arose", "upset": "upset",
}  # fmt: skip
PAST_FORMS = frozenset(IRREGULAR_PAST.values())
# Pasts that are no base form too ("read", "set", "cut" are both).
_BASE_OF_PAST = {past: base for base, past in IRREGULAR_PAST.items() if past not in IRREGULAR_PAST}
# Irregular English participles that are not also the past ("seen" -> "saw"); the others
# ("bought", "said", "announced") are their own past.
PARTICIPLE_PAST = {
    "seen": "saw", "taken": "took", "given": "gave", "gone": "went", "done": "did",
    "been": "was", "written": "wrote", "spoken": "spoke", "broken": "broke",
    "chosen": "chose", "driven": "drove", "flown": "flew", "grown": "grew", "known": "knew",
    "thrown": "threw", "drawn": "drew", "begun": "began", "risen": "rose", "ridden": "rode",
    "become": "became", "come": "came", "forgotten": "forgot", "gotten": "got",
    "worn": "wore", "stolen": "stole", "swum": "swam", "sung": "sang", "sunk": "sank",
    "borne": "bore", "beaten": "beat", "hidden": "hid", "shaken": "shook", "eaten": "ate",
    "fallen": "fell", "run": "ran", "struck": "struck", "shown": "showed", "proven": "proved",
    "forbidden": "forbade", "frozen": "froze", "woken": "woke", "torn": "tore",
    "sworn": "swore", "undertaken": "undertook", "overtaken": "overtook",
    "withdrawn": "withdrew", "overcome": "overcame", "arisen": "arose", "bitten": "bit",
    "blown": "blew", "mistaken": "mistook", "forgiven": "forgave", "shrunk": "shrank",
}  # fmt: skip
_PARTICIPLE_OF_PAST = {past: done for done, past in PARTICIPLE_PAST.items()}
_NO_DOUBLE = frozenset("the to of a an around will there as with that".split())
# Adverbs not formed with -ly, and adjectives that are their own adverbs.
_IRREGULAR_ADVERBS = {
    "good": "well", "fast": "fast", "hard": "hard", "early": "early", "late": "late",
    "long": "long", "high": "high", "low": "low", "far": "far", "much": "much",
    "little": "little", "right": "right", "wrong": "wrong", "straight": "straight",
    "first": "first", "last": "last", "next": "next", "new": "newly", "full": "fully",
    "true": "truly", "whole": "wholly", "due": "duly", "public": "publicly",
    "pretty": "pretty", "again": "again", "alone": "alone",
}  # fmt: skip
# Superlatives not formed with -est or "most".
_IRREGULAR_SUPERLATIVES = {
    "good": "best", "well": "best", "bad": "worst", "badly": "worst", "much": "most",
    "many": "most", "little": "least", "far": "furthest",
}  # fmt: skip
# English nouns Ding gives for adjectives ("staatlich" -> "government"): no "-ly".
_NOUN_ENDINGS = ("ment", "ness", "ship", "tion")
_PLACEHOLDERS = frozenset("sb. sth. sb sth sb's sth's".split())
_ARTICLE_WORDS = frozenset(["the", "a", "an"])


def adverb(adjective: str) -> str:
    """The English adverb of an adjective: "heavy" -> "heavily", "good" -> "well"."""
    if " " in adjective or adjective.endswith(("ly", "er")):
        return adjective  # a phrase, already an adverb, or a comparative ("better")
    if adjective in _IRREGULAR_ADVERBS:
        return _IRREGULAR_ADVERBS[adjective]
    if adjective.endswith(_NOUN_ENDINGS):
        return adjective  # "staatlich kontrolliert" -> "government controlled"
    if adjective.endswith("y") and len(adjective) > 3:
        return adjective[:-1] + "ily"
    if adjective.endswith("le") and len(adjective) > 4:
        return adjective[:-1] + "y"
    if adjective.endswith("ic"):
        return adjective + "ally"
    return adjective + "ly"


def superlative(adjective: str) -> str:
    """The English superlative of an adjective: "big" -> "biggest", "happy" -> "happiest",
    "important" -> "most important", "good" -> "best"; a phrase stays as it is."""
    if " " in adjective or adjective.endswith("est") or not adjective.isalpha():
        return adjective
    if adjective in _IRREGULAR_SUPERLATIVES:
        return _IRREGULAR_SUPERLATIVES[adjective]
    syllables = len(re.findall(r"[aeiouy]+", adjective))
    if adjective.endswith("e") and not adjective.endswith(("le", "ee", "ye")):
        syllables -= 1  # a silent "-e": "large", "close"
    if adjective.endswith("ly") or syllables > 2:
        return "most " + adjective
    if adjective.endswith("y") and adjective[-2:-1] not in ("a", "e", "o", "u"):
        return adjective[:-1] + "iest"  # "dirty" -> "dirtiest", "dry" -> "driest"
    if syllables == 2:
        return "most " + adjective
    if adjective.endswith("e"):
        return adjective + "st"
    if re.fullmatch(r"[^aeiou]*[aeiou][b-df-hj-np-tvz]", adjective):
        return adjective + adjective[-1] + "est"  # "big" -> "biggest"
    return adjective + "est"


def not_verb(verb_phrase: str) -> str | None:
    """The verb of a negated sense ("not to specify", Ding's "offen lassen") without its
    "not" and "to": "specify"; None for any other English."""
    first, _, rest = verb_phrase.partition(" ")
    if first != "not" or not rest:
        return None
    return rest[3:] if rest.startswith("to ") else rest


def third_person(verb_phrase: str) -> str:
    """English 3rd person singular present of a verb phrase: "take part" -> "takes part"."""
    negated = not_verb(verb_phrase)
    if negated is not None:
        return f"does not {negated}"  # "not to specify" -> "does not specify"
    first, _, rest = verb_phrase.partition(" ")
    if first in ("be", "have"):
        first = "is" if first == "be" else "has"
    elif first.endswith(("s", "x", "z", "ch", "sh", "o")):
        first += "es"
    elif first.endswith("y") and first[-2:-1] not in ("a", "e", "o", "u"):
        first = first[:-1] + "ies"
    else:
        first += "s"
    return f"{first} {rest}".strip()


# 3rd person singular forms that do not just add -s to the base.
_PLURAL_OF_SINGULAR = {"is": "are", "has": "have", "was": "were", "does": "do", "goes": "go"}


# Adverbs ending in -s that may follow a subject: "you always", "you sometimes".
_ADVERBS_IN_S = frozenset(
    "always sometimes perhaps nevertheless nonetheless afterwards besides nowadays "
    "regardless towards backwards forwards".split()
)


def after_you(units: list[str]) -> list[str]:
    """The English units with a verb after "you" in its base form: German "man" is English
    "you", but its verb is a 3rd person singular ("man spricht" -> "you speak", not "you
    speaks"; "man hat" -> "you have")."""
    out = list(units)
    for k in range(len(out) - 1):
        if out[k].lower() != "you":
            continue
        first, _, rest = out[k + 1].partition(" ")
        if first in _ADVERBS_IN_S:
            continue
        base = _PLURAL_OF_SINGULAR.get(first)
        if base is None and len(first) > 3 and first.isalpha() and first.islower():
            if first.endswith("ies") and len(first) > 4:
                base = first[:-3] + "y"
            elif first.endswith(("ches", "shes", "sses", "xes", "zzes")):
                base = first[:-2]
            elif first.endswith("s") and not first.endswith(("ss", "us", "is")):
                base = first[:-1]
        if base is not None:
            out[k + 1] = f"{base} {rest}".strip()
    return out


def ing_form(verb_phrase: str) -> str:
    """The English present participle of a verb phrase: "disappoint" -> "disappointing"."""
    negated = not_verb(verb_phrase)
    if negated is not None:
        return f"not {ing_form(negated)}"  # "not to specify" -> "not specifying"
    first, _, rest = verb_phrase.partition(" ")
    if first == "be":
        first = "being"
    elif first.endswith("ie"):
        first = first[:-2] + "ying"
    elif first.endswith("e") and not first.endswith(("ee", "ye", "oe")) and len(first) > 2:
        first = first[:-1] + "ing"
    elif len(first) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][b-df-hj-np-tvz]", first):
        first = first + first[-1] + "ing"  # "run" -> "running"
    else:
        first += "ing"
    return f"{first} {rest}".strip()


def past_of_participle(verb_phrase: str) -> str:
    """The simple past of a participle's English: "seen the light" -> "saw the light"."""
    first, _, rest = verb_phrase.partition(" ")
    past = PARTICIPLE_PAST.get(first, first)
    return f"{past} {rest}" if rest else past


def participle(verb_phrase: str) -> str:
    """The past participle of a verb's English: "explain" -> "explained", "take part" ->
    "taken part"."""
    negated = not_verb(verb_phrase)
    if negated is not None:
        return f"not {participle(negated)}"  # "has not specified"
    first, _, rest = verb_phrase.partition(" ")
    if first == "be":
        return f"been {rest}" if rest else "been"  # "be killed" -> "been killed", not "bed"
    if first.endswith("ed") or first in PAST_FORMS or first in PARTICIPLE_PAST:
        return verb_phrase  # Ding gives some infinitives as a participle: "beladen" -> "loaded"
    past = IRREGULAR_PAST.get(first) or regular_past(first)
    done = _PARTICIPLE_OF_PAST.get(past, past)
    return f"{done} {rest}" if rest else done


def base_of_past(verb_phrase: str) -> str:
    """The base form of an irregular past's English: "left the city" -> "leave the city";
    any other English as it is."""
    first, _, rest = verb_phrase.partition(" ")
    base = _BASE_OF_PAST.get(first, first)
    return f"{base} {rest}" if rest else base


def base_among(verb_phrase: str, known: Collection[str]) -> str:
    """The base form of a past's English, also of a regular one whose base is among the
    ``known`` senses: "released" with "release" known -> "release", "dismissed" with
    "dismiss" -> "dismiss" (a German infinitive that is also its participle, "entlassen",
    has both among its senses; after "muss" it is the base).  Any other English as it is."""
    first, _, rest = verb_phrase.partition(" ")
    base = _BASE_OF_PAST.get(first)
    if base is None and first.endswith("ed"):
        stems = (first[:-1], first[:-2], first[:-3] + "y", first[:-3])
        base = next((stem for stem in stems if stem in known), first)
    elif base is None:
        base = first
    return f"{base} {rest}" if rest else base


def regular_past(verb: str) -> str:
    # One short syllable ending consonant-vowel-consonant doubles: "stop" -> "stopped".
    if len(verb) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][b-df-hj-np-tvz]", verb) is not None:
        return verb + verb[-1] + "ed"
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in ("a", "e", "o", "u"):
        return verb[:-1] + "ied"
    return verb + "ed"


def plural_already(noun: str) -> bool:
    """Whether an English noun is a plural already: "inhabitants", "employees" (not
    "crisis", "bus", "process", "status", "politics")."""
    return (
        len(noun) > 3
        and noun.endswith("s")
        and not noun.endswith(("ss", "us", "is", "as", "os", "ics"))
        and noun[:1].islower()
    )


def regular_plural(noun: str) -> str:
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def undouble(words: list[str]) -> list[str]:
    """Two rules can each supply the same function word ("zu" and a phrase's "to"); English
    never doubles one: ["according to", "to", "the"] -> ["according to", "the"], ["to",
    "to the"] -> ["to the"] ("bis zum Ende").  Ding's placeholders go: "propose sb." ->
    "propose"."""
    words = [_without_placeholders(w) if "s" in w else w for w in words]
    words = [w for w in words if w]
    kept = [
        w
        for k, w in enumerate(words)
        if k == 0 or w not in _NO_DOUBLE or words[k - 1].rsplit(" ", 1)[-1] != w
    ]
    kept = [
        w
        for k, w in enumerate(kept)
        if k + 1 == len(kept) or w not in _NO_DOUBLE or kept[k + 1].split(" ", 1)[0] != w
    ]
    # A phrase that already ends in the next word: "last week" + "week".
    kept = [
        w
        for k, w in enumerate(kept)
        if k == 0 or " " not in kept[k - 1] or kept[k - 1].rsplit(" ", 1)[1] != w or " " in w
    ]
    # A unit ending in an article before a sense that brings its own: "from the" + "the
    # bulk" ("vom Großteil": Ding lists "der Großteil" with its article).
    kept = [
        w.rsplit(" ", 1)[0]
        if k + 1 < len(kept)
        and " " in w
        and w.rsplit(" ", 1)[1] in _ARTICLE_WORDS
        and " " in kept[k + 1]
        and kept[k + 1].split(" ", 1)[0].lower() in _ARTICLE_WORDS
        else w
        for k, w in enumerate(kept)
    ]
    # An article before a sense that brings its own: "the" + "the public prosecutor".
    return [
        w
        for k, w in enumerate(kept)
        if w not in _ARTICLE_WORDS
        or k + 1 == len(kept)
        or kept[k + 1].split(" ", 1)[0].lower() not in _ARTICLE_WORDS
        or " " not in kept[k + 1]
    ]


def _without_placeholders(unit: str) -> str:
    """A unit of English without Ding's "sb."/"sth." (an object slot of the entry)."""
    words = unit.split(" ")
    kept = [w for w in words if w not in _PLACEHOLDERS]
    return unit if len(kept) == len(words) else " ".join(kept)


def a_or_an(words: list[str]) -> list[str]:
    """ "a" agrees with the sound of the next word: "an agreement"."""
    out = list(words)
    for i, word in enumerate(out):
        if word in ("a", "an") and i + 1 < len(out):
            following = out[i + 1].split(" ", 1)[0]
            out[i] = indefinite_article(following)
        elif word.startswith(("a ", "an ")):
            head, rest = word.split(" ", 1)
            if head in ("a", "an"):
                out[i] = indefinite_article(rest) + " " + rest
        elif word.endswith((" a", " an")) and i + 1 < len(out):
            # a rule's English that ends in the article: "as a" + "engineer", "there was a"
            head, _ = word.rsplit(" ", 1)
            out[i] = head + " " + indefinite_article(out[i + 1].split(" ", 1)[0])
    return out


# English writes the negated "can" as one word: "kann nicht" -> "cannot" (references of the
# learning sets newstest2010-2016: "cannot" 99, "can't" 42, "can not" 4); "can not only"
# denies nothing and stays apart.
_CAN_NOT = re.compile(r"\b([Cc]an) not\b(?! only| just| merely| simply)")


def cannot(text: str) -> str:
    """ "can not" written as English does: "He can not come" -> "He cannot come"; and the
    other modals' negation (``negated_modal``)."""
    text = _CAN_NOT.sub(r"\1not", text) if "an not" in text else text
    return negated_modal(text) if " not" in text else text


# A modal whose English is a verb with "to" is negated before it, with do-support: "wollte
# nicht kommen" -> "did not want to come", not "wanted to not come"; "musste nicht" -> "did
# not have to" (no obligation), and "muss nicht" -> "need not", not "must not" (a ban).
_MODAL_NOT = {
    "wants to not": "does not want to", "want to not": "do not want to",
    "wanted to not": "did not want to", "would like to not": "would not like to",
    "had to not": "did not have to", "has to not": "does not have to",
    "have to not": "do not have to", "was allowed to not": "was not allowed to",
    "were allowed to not": "were not allowed to", "must not": "need not",
}  # fmt: skip
_MODAL_NOT_PATTERN = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _MODAL_NOT), key=len, reverse=True)) + r")\b"
)


def negated_modal(text: str) -> str:
    """ "He wanted to not come" -> "He did not want to come" (``_MODAL_NOT``)."""
    return _MODAL_NOT_PATTERN.sub(lambda m: _MODAL_NOT[m.group(1)], text)


# "police" is plural in English though "Polizei" is singular: "die Polizei sucht" -> "the
# police are looking" (references of the learning sets newstest2010-2016: "police were/
# have/are" 19, "police was" 1).
_POLICE_VERB = re.compile(r"\b([Pp]olice) (\w+)\b")
_PLURAL_OF = {"is": "are", "has": "have", "was": "were", "does": "do"}


def plural_police(text: str) -> str:
    """The verb after "police" in the plural: "the police says" -> "the police say"; call
    it only when the German has a verb right after "Polizei"."""

    def plural(m: re.Match[str]) -> str:
        verb = m.group(2)
        if verb in _PLURAL_OF:
            verb = _PLURAL_OF[verb]
        elif verb.endswith("ies") and len(verb) > 4:
            verb = verb[:-3] + "y"
        elif verb.endswith(("sses", "shes", "ches", "xes", "zes")):
            verb = verb[:-2]
        elif verb.endswith("s") and not verb.endswith("ss"):
            verb = verb[:-1]
        return f"{m.group(1)} {verb}"

    return _POLICE_VERB.sub(plural, text, count=1)
