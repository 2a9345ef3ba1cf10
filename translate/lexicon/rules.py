"""Hand-written tables: function words, auxiliaries, clause openers, months, numbers.

Content words come from the dictionary; these closed classes do not, because Ding lists a
preposition's every sense with no order ("an": at, on, to, by, ...), and picking the news
sense of a few hundred function words by hand gains more than any ranking (+3.4 chrF).
"""

from __future__ import annotations

# German function word -> English, the default when no context rule applies ("nur" is
# "just": newstest2017 +0.005 chrF / +0.03 BLEU over "only"; "nicht nur" stays "not
# only").  "" is no English: "sich", and "dabei" ("in doing so" was rarely in the
# references: dropping it gained 0.04 BLEU on newstest2017 and 0.03 on newstest2016, chrF
# within 0.003).
FUNCTION_WORD_TABLE: dict[str, str] = {
    # articles and determiners
    "der": "the", "die": "the", "das": "the", "dem": "the", "den": "the", "des": "the",
    "ein": "a", "eine": "a", "einen": "a", "einem": "a", "einer": "a", "eines": "a",
    "kein": "no", "keine": "no", "keinen": "no", "keinem": "no", "keiner": "no", "keines": "no",
    "dieser": "this", "diese": "this", "dieses": "this", "diesen": "this", "diesem": "this",
    "jeder": "every", "jede": "every", "jedes": "every", "jeden": "every", "jedem": "every",
    "alle": "all", "allen": "all", "aller": "all", "alles": "everything", "allem": "all",
    "viele": "many", "vielen": "many", "viel": "much", "mehr": "more", "weniger": "less",
    "andere": "other", "anderen": "other", "anderer": "other", "anderes": "other",
    "einige": "some", "einigen": "some", "mehrere": "several", "beiden": "both", "beide": "both",
    "wenige": "few", "wenigen": "few",
    "welche": "which", "welcher": "which", "welches": "which",
    # pronouns and possessives
    "ich": "I", "du": "you", "er": "he", "sie": "they", "es": "it", "wir": "we", "ihr": "her",
    "man": "you", "mich": "me", "mir": "me", "dich": "you", "dir": "you", "ihn": "him",
    "ihm": "him", "uns": "us", "ihnen": "them", "Ihnen": "you", "sich": "",
    # capitalised inside a clause, the polite possessive (a clause's first word is lowered)
    "Ihr": "your", "Ihre": "your", "Ihren": "your", "Ihrem": "your", "Ihrer": "your",
    "Ihres": "your",
    "mein": "my", "meine": "my", "meinen": "my", "meinem": "my", "meiner": "my", "meines": "my",
    "sein": "his", "seine": "his", "seinen": "his", "seinem": "his", "seiner": "his",
    "seines": "his", "ihre": "their", "ihren": "their", "ihrem": "their", "ihrer": "their",
    "ihres": "their", "unser": "our", "unsere": "our", "unseren": "our", "unserem": "our",
    "unserer": "our", "was": "what", "wer": "who", "etwas": "something", "nichts": "nothing",
    "denen": "which", "dessen": "whose", "deren": "their", "diejenigen": "those",
    "denjenigen": "those", "derjenige": "the one", "diejenige": "the one",
    "dasjenige": "the one", "jene": "those", "jenen": "those",
    # conjunctions
    "und": "and", "oder": "or", "aber": "but", "sondern": "but", "denn": "because",
    "doch": "but", "dass": "that", "daß": "that", "weil": "because", "wenn": "if",
    "ob": "whether", "obwohl": "although", "als": "as", "wie": "like", "nachdem": "after",
    "bevor": "before", "damit": "so that", "sowie": "and", "sowohl": "both",
    "wo": "where", "warum": "why", "wann": "when",
    # prepositions and contractions
    "in": "in", "im": "in the", "an": "to", "am": "on the", "auf": "on", "mit": "with",
    "von": "of", "vom": "from the", "zu": "to", "zum": "to the", "zur": "to the",
    "für": "for", "fuer": "for", "bei": "at", "beim": "at the", "nach": "after",
    "aus": "from", "über": "about", "ueber": "about", "um": "around", "vor": "before",
    "seit": "since", "gegen": "against", "unter": "under", "zwischen": "between",
    "durch": "through", "ohne": "without", "während": "during", "wegen": "because of",
    "trotz": "despite", "laut": "according to", "bis": "to", "ins": "into the",
    "ans": "to the", "gegenüber": "towards", "innerhalb": "within", "außerhalb": "outside",
    "neben": "next to", "hinter": "behind", "ab": "from",
    # auxiliaries and modals
    "ist": "is", "sind": "are", "war": "was", "waren": "were", "bin": "am", "bist": "are",
    "seid": "are", "gewesen": "been", "sei": "was", "seien": "were", "wäre": "would be",
    "wären": "would be", "hat": "has", "haben": "have", "hatte": "had", "hatten": "had",
    "habe": "have", "hast": "have", "gehabt": "had", "hätte": "would have",
    "hätten": "would have", "wird": "will", "werden": "will", "wurde": "was",
    "wurden": "were", "worden": "been", "würde": "would", "würden": "would", "werde": "will",
    "kann": "can", "können": "can", "konnte": "could", "konnten": "could", "könnte": "could",
    "könnten": "could", "muss": "must", "müssen": "must", "musste": "had to",
    "mussten": "had to", "muß": "must", "soll": "should", "sollen": "should",
    "sollte": "should", "sollten": "should", "will": "wants to", "wollen": "want to",
    "wollte": "wanted to", "wollten": "wanted to", "darf": "may", "dürfen": "may",
    "durfte": "was allowed to", "dürfte": "might", "möchte": "would like to",
    "möchten": "would like to", "könne": "can", "müsse": "must", "solle": "should",
    "wolle": "wants to", "dürfe": "may",
    # adverbs and particles
    "nicht": "not", "auch": "also", "noch": "still", "schon": "already", "bereits": "already",
    "sehr": "very", "nur": "just", "so": "so", "dann": "then", "jetzt": "now", "nun": "now",
    "hier": "here", "dort": "there", "da": "there", "immer": "always", "wieder": "again",
    "etwa": "about", "rund": "around", "fast": "almost", "ganz": "quite", "eben": "just",
    "dabei": "", "darauf": "on it", "davon": "of it", "dafür": "for it",
    "dazu": "to it", "damals": "at the time", "jedoch": "however", "allerdings": "however",
    # Ding's "on part" (its "on her part" loses "her"); news English says "for its part"
    # (10 of the 13 renderings in the learning sets' references are "for ... part"; the
    # owner is chosen by context.for_ones_part)
    "seinerseits": "for its part", "ihrerseits": "for its part",
    "meinerseits": "for my part", "unsererseits": "for our part",
    "also": "so", "zudem": "in addition", "außerdem": "also", "selbst": "even",
    "heute": "today", "gestern": "yesterday", "morgen": "tomorrow", "ja": "yes", "nein": "no",
    "mal": "once", "letzten": "last", "letzte": "last", "letzter": "last", "nächsten": "next",
    "nächste": "next", "weiteren": "other",
    # frequent verbs and nouns of reported news whose Ding first senses mislead
    "sagte": "said", "sagt": "says", "gesagt": "said",
    # news places and ranks with "liegen" ("liegt im Norden", "lag bei 5 Prozent"): "is"
    "liegt": "is", "lag": "was", "lagen": "were",
    "Prozent": "percent", "Euro": "euros", "Millionen": "million", "Milliarden": "billion",
    "Mio.": "million", "Mrd.": "billion", "Uhr": "o'clock", "Herr": "Mr", "Jahr": "year",
    "Jahre": "years", "Jahren": "years",
    # a German "Billion" is an English trillion (Ding's plural gave "2 billions")
    "Billionen": "trillion", "Bio.": "trillion",
    # number words
    "zwei": "two", "drei": "three", "vier": "four", "fünf": "five", "sechs": "six",
    "sieben": "seven", "acht": "eight", "neun": "nine", "zehn": "ten", "elf": "eleven",
    "zwölf": "twelve", "zwanzig": "twenty", "hundert": "hundred", "tausend": "thousand",
    # multi-word entries, used when Ding has the phrase too
    "es gibt": "there are", "einem Jahr": "a year", "einer der": "one of the",
    "vor allem": "above all", "noch nie": "never", "unter anderem": "among other things",
    "zum Beispiel": "for example", "z.B.": "e.g.",
}  # fmt: skip

FUNCTION_WORDS = frozenset(w.lower() for w in FUNCTION_WORD_TABLE)

MONTHS = {
    "Januar": "January", "Jänner": "January", "Februar": "February", "März": "March",
    "April": "April", "Mai": "May", "Juni": "June", "Juli": "July", "August": "August",
    "September": "September", "Oktober": "October", "November": "November",
    "Dezember": "December",
}  # fmt: skip
DAYS = {
    "Montag": "Monday", "Dienstag": "Tuesday", "Mittwoch": "Wednesday",
    "Donnerstag": "Thursday", "Freitag": "Friday", "Samstag": "Saturday",
    "Sonnabend": "Saturday", "Sonntag": "Sunday",
}  # fmt: skip

PRONOUNS = frozenset("ich du er sie es wir ihr man Sie".split())
DETERMINERS = frozenset(
    "der die das dem den des ein eine einen einem einer eines dieser diese dieses diesen "
    "diesem sein seine seinen seinem seiner ihre ihren ihrem ihrer kein keine keinen jeder "
    "jede jedes jeden alle viele mehrere einige unsere unser".split()
)
AUX_HAVE_BE = frozenset(
    "hat haben hatte hatten habe hast ist sind war waren bin bist sei seien wäre wären "
    "hätte hätten".split()
)
AUX_WERDEN = frozenset("wird werden wurde wurden würde würden werde wirst würdest".split())
# The Konjunktiv II of werden: "würde gern kommen" -> "would like to come".
WOULD = frozenset("würde würden würdest würdet".split())
MODALS = frozenset(
    "kann können konnte konnten könnte könnten muss müssen musste mussten soll sollen sollte "
    "sollten will wollen wollte wollten darf dürfen durfte dürfte möchte möchten muß "
    # Konjunktiv I of reported speech (their English: ``mood.KONJUNKTIV``)
    "könne müsse solle wolle dürfe".split()
)
AUXILIARIES = AUX_HAVE_BE | AUX_WERDEN | MODALS
# werden + past participle is the passive: "wurde gebracht" -> "was brought".
PASSIVE_WERDEN = {
    "wird": "is", "werden": "are", "wurde": "was", "wurden": "were", "würde": "would be",
    "würden": "would be", "werde": "is", "wirst": "are", "würdest": "would be",
}  # fmt: skip
SUBORDINATORS = frozenset(
    "dass daß weil wenn ob obwohl nachdem als damit bevor sobald falls seit seitdem während "
    "bis indem obgleich sodass wo wie warum was wer ehe sofern solange zumal wohingegen "
    "wenngleich".split()
)
RELATIVE_PRONOUNS = frozenset(
    "der die das dem den deren dessen denen welche welcher welches welchen welchem".split()
)
# Words that end a main clause as a separated verb particle: "rief ... an".
PARTICLES = frozenset(
    "an auf aus ab ein mit vor zurück fest statt teil bei los weg her hin fort nach zu um "
    "zusammen vorbei heraus hinaus herein dar bekannt fern frei hoch offen wieder entgegen "
    "weiter voran durch kennen gegenüber hinzu hervor herum herunter hinweg".split()
)
# A fronted prepositional phrase ("Am Montag sagte er") inverts like a fronted adverb; one
# before a relative pronoun opens a relative clause ("in der sie leben").
PREPOSITIONS = frozenset(
    "in im an am auf mit von vom zu zum zur für bei beim nach aus über um vor seit gegen "
    "unter zwischen durch ohne während wegen trotz laut bis ab".split()
)
COORDINATORS = frozenset("und oder aber denn doch".split())
CLAUSE_PUNCT = frozenset(
    [",", ";", ":", ".", "!", "?", '"', "„", "“", "”", "(", ")", "–", "-", "«", "»"]
)
# How far from a word its clause is searched (for "seit", a light verb's noun): a clause of
# news is shorter, and a 100,000-word line without punctuation stays linear.
CLAUSE_REACH = 40
QUOTES = frozenset(['"', "„", "“", "”", "»", "«"])


# Light-verb constructions and idioms whose Ding senses news does not use ("eine Rolle
# spielen" is "figure" first in Ding): the English wins over Ding's, inflected like a verb.
IDIOMS = {
    "eine Rolle spielen": "play a role",
    "eine wichtige Rolle spielen": "play an important role",
    "eine große Rolle spielen": "play a major role",
    "ums Leben kommen": "be killed",
    "in Kraft treten": "come into force",
    "zu Ende gehen": "come to an end",
    "zum Ausdruck bringen": "express",
    "unter Druck setzen": "put pressure on",
    "in Anspruch nehmen": "use",
    # Ding's sense is a description ("Wish + modal verbs"), not English
    "Ich würde gerne": "I would like to",
    # News phrases whose Ding or learned English the references rarely use.  Counted over
    # the learning sets (news-test2008, newstest2010-2016, 21,717 pairs), references of the
    # sentences with the German: "im Rahmen" 38 ("as part of" 10, "within" 7, "under" 5);
    # "im Gegenteil" 10 ("on the contrary" 7); "im Vergleich zu" with "zum"/"zur" 50
    # ("compared to" 18, "compared with" 7).
    "im Rahmen von": "as part of",
    "im Gegenteil": "on the contrary",
    "im Vergleich zu": "compared to",
    # "im Internet" 29 ("on/over/via the Internet" 9, "online" 7; the learned pair is a
    # bare "Internet")
    "im Internet": "on the Internet",
    # "am Anfang" 19 ("at the beginning" 5, "at the start" 0; Ding's "at the start")
    "am Anfang": "at the beginning",
    # Ding's "gar nicht" is "none"; before an adjective or after a verb it is "not at all"
    "gar nicht": "not at all",
}
# Verbs whose perfect takes "sein" (motion and change of state): "ist gestiegen" is "has
# risen", where "ist geschlossen" is "is closed".  Separable and inseparable compounds
# ("ankommen", "entkommen") take it from their base verb.
SEIN_PERFECT = frozenset(
    "gehen kommen fahren fliegen laufen steigen sinken fallen sterben bleiben passieren "
    "geschehen gelingen misslingen wachsen entstehen erscheinen verschwinden reisen fliehen "
    "folgen treten springen rennen wandern ziehen kehren stürzen sein werden scheitern "
    "explodieren wechseln landen starten schrumpfen schwimmen reiten klettern kriechen "
    "gelangen eilen weichen rücken brechen schmelzen platzen wachen sterben".split()
)
# Prepositions that govern the genitive and whose English already ends in "of"/"to"
# ("wegen" -> "because of", "aufgrund" -> "due to"): the article after them is no genitive
# "of the", and a "von" after them adds nothing.
GENITIVE_PREPOSITIONS = frozenset(
    "aufgrund wegen trotz während innerhalb außerhalb angesichts statt anstatt "
    "infolge mithilfe anhand bezüglich hinsichtlich seitens oberhalb unterhalb anlässlich "
    "zugunsten laut".split()
)
# "vor drei Jahren" is "three years ago": the nouns that make "vor" temporal.
TIME_NOUNS = frozenset(
    "Jahren Jahr Monaten Monat Wochen Woche Tagen Tag Stunden Stunde Minuten Jahrzehnten "
    "Jahrhunderten Kurzem kurzem".split()
)
# English words spelt with a vowel but said with a consonant, and the reverse ("an hour").
A_BEFORE = ("uni", "use", "usu", "eu", "one", "once", "u.")
AN_BEFORE = ("hour", "honest", "honor", "honour", "heir")
VOWELS = "aeiouAEIOU"


def indefinite_article(next_word: str) -> str:
    """ "a" or "an" before ``next_word``."""
    lower = next_word.lower()
    if lower.startswith(AN_BEFORE):
        return "an"
    if lower.startswith(A_BEFORE) or not lower[:1] or lower[:1] not in VOWELS:
        return "a"
    return "an"


def ordinal(number: int) -> str:
    """English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"
