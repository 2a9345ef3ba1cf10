"""Each context rule on its own (dolmetsch.lexicon.context), on the excerpt's store.

A rule answers (English, tokens used) for the token at ``i``, or None; the cases give each
rule a sentence it fires on and one it must leave alone.
"""

from __future__ import annotations

import pytest
from rule_cases import CASE_FIELDS, Case, answer, case_ids

from dolmetsch.lexicon import LexiconEngine
from dolmetsch.lexicon import context as rules
from dolmetsch.lexicon.grammar import tokenize

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


# (rule, German, index of the token, expected answer)
CASES: list[Case] = [
    (rules.relative_after_preposition, ", in der sie", 2, ("which", 1)),
    (rules.relative_after_preposition, ", in der Hauptstadt", 2, None),
    (rules.anyone_who, "Jeder , der kam", 0, ("anyone", 1)),
    (rules.anyone_who, "jeder Sprecher", 0, None),
    (rules.modal_particle, "er kam ja heute", 2, ("", 1)),
    (rules.modal_particle, "er kam nicht mal heute", 3, ("even", 1)),
    (rules.modal_particle, ", nämlich heute", 1, ("namely", 1)),
    (rules.modal_particle, ", doch er kam", 1, None),
    (rules.modal_particle, "ja , er kam", 0, None),
    (rules.modal_particle, "und ja , er kam", 1, None),
    (rules.reflexive_pronoun, "wir trafen uns", 2, ("", 1)),
    (rules.reflexive_pronoun, "er traf uns", 2, None),
    (rules.reflexive_pronoun, "ich sagte , dass sie mir half", 6, None),
    (rules.governed_preposition, "die Angst vor Hunden", 2, ("of", 1)),
    (rules.governed_preposition, "Er ist stolz auf ihn", 3, ("of", 1)),
    (rules.governed_preposition, "Er ist auf dem Dach", 2, None),
    (rules.than_after_comparative, "mehr als drei", 1, ("than", 1)),
    (rules.than_after_comparative, "als er kam", 0, None),
    (rules.would_like_to, "würde gerne kommen", 1, ("like to", 1)),
    (rules.would_like_to, "kommt gerne", 1, None),
    (rules.of_all, "die Hälfte aller Frauen", 2, ("of all", 1)),
    (rules.of_all, "der beste Sprecher aller Zeiten", 3, ("of all time", 2)),
    (rules.of_all, "sie kamen aus aller Welt", 3, None),
    (rules.over_a_quantity, "über 30.000 Drohnen", 0, ("over", 1)),
    (rules.over_a_quantity, "über die Regierung", 0, None),
    (rules.for_a_duration, "seit drei Jahren", 0, ("for", 1)),
    (rules.for_a_duration, "seit Montag", 0, None),
    (rules.for_a_duration, "zum ersten Mal seit Jahren", 3, ("in", 1)),
    (rules.up_to_a_number, "bis zu 50 Drohnen", 0, ("up to", 2)),
    (rules.up_to_a_number, "bis zu der Hauptstadt", 0, None),
    (rules.in_the_morning, "am Morgen", 0, ("in the", 1)),
    (rules.in_the_morning, "am Montag", 0, None),
    (rules.in_a_year, "im Jahr 2003", 0, ("in", 2)),
    (rules.in_a_year, "im Jahr danach", 0, None),
    (rules.even_if, "auch wenn er kam", 0, ("even if", 2)),
    (rules.even_if, "auch er kam", 0, None),
    (rules.adverb_pair, "immer noch", 0, ("still", 2)),
    (rules.adverb_pair, "immer wieder", 0, ("again and again", 2)),
    (rules.adverb_pair, "nicht nur", 0, ("not only", 2)),
    (rules.adverb_pair, "noch einmal", 0, None),
    (rules.damit_adverb, "und damit kam er", 1, ("thus", 1)),
    (rules.damit_adverb, "er hat damit nichts", 2, ("with it", 1)),
    (rules.nothing_to_do_with_it, "er hat damit nichts zu tun", 2, ("nothing to do with it", 4)),
    (rules.nothing_to_do_with_it, "er hat zu tun damit nichts", 2, ("nothing to do with it", 4)),
    (rules.nothing_to_do_with_it, "er hat damit nichts erreicht", 2, None),
    (rules.damit_adverb, "er kam damit ich kann", 2, None),
    (rules.of_them, "zwei davon kamen", 1, ("of them", 1)),
    (rules.darum_correlate, "er bat darum , zu gehen", 2, ("", 1)),
    (rules.darum_correlate, "sie kümmerte sich darum .", 3, ("about it", 1)),
    (rules.darum_correlate, "Darum ging sie", 0, None),
    (rules.dabei_first, "Dabei , er kam", 0, ("", 2)),
    (rules.dabei_first, "er kam dabei , als", 2, None),
    (rules.of_them, "die meisten davon kamen", 2, ("of them", 1)),
    (rules.of_them, "einiges davon kam", 1, None),
    (rules.damit_adverb, "er kam damit weiter", 2, ("thus", 1)),
    (rules.damit_adverb, "er kam damit die Kinder .", 2, ("thus", 1)),
    (rules.damit_adverb, "er kam damit die Kinder kann", 2, None),
    (rules.still_as_before, "er kam nach wie vor", 2, ("still", 3)),
    (rules.still_as_before, "nach wie vielen Jahren", 0, None),
    (rules.already_since, "bereits seit Jahren", 0, ("", 1)),
    (rules.already_since, "bereits am Montag", 0, None),
    (rules.already_since, "bereits vor drei Jahren", 0, ("", 1)),
    (rules.by_doing, "durch eine Einigung", 0, ("by", 1)),
    (rules.by_doing, "der Angriff durch die Hauptstadt", 2, None),
    (rules.by_doing, "die Einigung durch die Regierung", 2, ("by", 1)),
    (rules.by_doing, "durch die Hauptstadt", 0, None),
    (rules.not_a, "es ist kein Angriff", 2, ("not a", 1)),
    (rules.not_a, "es sind keine Angriffe", 2, None),
    (rules.not_a, "er hat keine Einigung", 2, None),
    (rules.stranded_particle, "er traf den Sprecher an .", 4, ("", 1)),
    (rules.stranded_particle, "er kam an der Hauptstadt", 2, None),
    (rules.as_as, "so neu wie", 0, ("as", 1)),
    (rules.as_as, "so neu wie", 2, ("as", 1)),
    (rules.as_as, "so , wie", 0, None),
    (rules.as_as, "er kam wie sie", 2, None),
    (rules.not_either, "er kam auch nicht", 2, ("not", 2)),
    (rules.not_either, "er kam auch", 2, None),
    (rules.not_yet_any, "es gibt noch keine Einigung", 2, ("", 1)),
    (rules.not_yet_any, "weder Kinder noch keine", 2, None),
    (rules.even_more, "er will noch mehr Drohnen", 2, ("even", 1)),
    (rules.even_more, "er kam noch besser", 2, ("even", 1)),
    (rules.even_more, "er kam noch heute", 2, None),
    (rules.even_more, "weder Kinder noch mehr", 2, None),
    (rules.over_a_period, "über das Wochenende", 0, ("over", 1)),
    (rules.over_a_period, "über den Vertrag", 0, None),
    (rules.only_a_few, "nur wenige Drohnen", 0, ("only a few", 2)),
    (rules.only_a_few, "nur drei Drohnen", 0, None),
    # "sich zufrieden zeigen": how someone appears; not before a noun ("gab sich große Mühe")
    (rules.appears, "er zeigte sich neu .", 1, ("appeared", 2)),
    (rules.appears, "sie geben sich neu mit", 1, ("appear", 2)),
    (rules.appears, "er gab sich neue Regierung", 1, None),
    (rules.appears, "er zeigte sich .", 1, None),
    # "seinerseits" after a person: "for his part"; else the table's "for its part"
    (rules.for_ones_part, "er hat seinerseits", 2, ("for his part", 1)),
    (rules.for_ones_part, "Udo Lustig ihrerseits lobte", 2, ("for her part", 1)),
    (rules.for_ones_part, "die Regierung ihrerseits", 2, None),
    (rules.for_ones_part, "er kam , die Regierung ihrerseits", 5, None),
    # an adverbial phrase between "sich" and the adjective: "zum wiederholten Mal offen"
    (rules.appears, "er zeigte sich am Montag neu .", 1, ("appeared", 2)),
    (rules.appears, "sie gab sich zum ersten Mal neu und", 1, ("appeared", 2)),
    (rules.appears, "er gab sich am Montag neue Regierung", 1, None),
    (rules.appears, "er zeigte sich am Montag den Fans", 1, None),
    (rules.there_is, "es gibt eine Einigung", 0, ("there is", 2)),
    (rules.there_is, "es soll nicht mehr geben", 0, ("there should no longer be", 5)),
    (rules.there_is, "es soll nicht geben", 0, ("there should not be", 4)),
    (rules.there_is, "es waren drei", 0, ("there", 1)),
    (rules.there_is, "heute gibt es", 1, ("there is", 2)),
    (rules.there_is, "es kam", 0, None),
    (rules.there_is, "es wird geben keine Drohnen", 0, ("there will be", 3)),
    (rules.there_is, "es könnte geben Regen", 0, ("there could be", 3)),
    (rules.there_is, "es hat gegeben drei Drohnen", 0, ("there have been", 3)),
    (rules.there_is, "es hat gegeben eine Einigung", 0, ("there has been", 3)),
    (rules.there_is, "es \x03gibt genug Geld", 0, ("there is not", 2)),
    (rules.there_is, "es wird kommen", 0, None),
    (rules.there_is, "es hat gegessen", 0, None),
    # word order leaves "nicht" between the auxiliary and "geben"
    (rules.there_is, "es hat nicht gegeben drei Drohnen", 0, ("there have not been", 4)),
    (rules.there_is, "es wird nicht geben eine Einigung", 0, ("there will not be", 4)),
    (rules.there_is, "es hat nicht gegessen", 0, None),
    (rules.it_is_about, "es geht um Geld", 0, ("it is about", 3)),
    (rules.it_is_about, "es ging um die Frage", 0, ("it was about", 3)),
    (rules.it_is_about, "es kam", 0, None),
    (rules.it_is_about, "es geht darum , zu helfen", 0, ("the point is", 3)),
    (rules.there_happened, "es kam zu Drohnen", 0, ("there were", 3)),
    (rules.there_happened, "es kommt zum Krieg", 0, ("there is a", 3)),
    (rules.there_happened, "es kam zu spät", 0, None),
    (rules.there_is, "es gab drei Drohnen", 0, ("there were", 2)),
    (rules.there_is, "heute gibt es viele Drohnen", 1, ("there are", 2)),
    (rules.there_is, "es gibt die Drohnen", 0, ("there are", 2)),
    (rules.bare_genitive, "ein Symbol neuer Energie", 2, ("of new", 1)),
    (rules.bare_genitive, "die neuer Energie", 1, None),
    (rules.it_is_a, "es handelt sich um einen Mord", 1, ("is", 3)),
    (rules.it_is_a, "sie handeln mit Waffen", 1, None),
    (rules.assured, "der Staatschef versicherte im Gespräch", 2, ("assured", 1)),
    (rules.assured, "er hat versichert , dass", 2, ("assured", 1)),
    (rules.assured, "das Haus ist versichert", 3, None),
    (rules.suspension, "eine Aussetzung der Angriffe", 1, ("suspension", 1)),
    (rules.suspension, "die Aussetzung ist", 1, None),
    (rules.from_a_number, "fiel von 6,1 auf 5,8 Prozent", 1, ("from", 1)),
    (rules.from_a_number, "von 2010 bis 2016", 0, ("from", 1)),
    (rules.from_a_number, "Kosten von 120 Euro", 1, None),
    (rules.not_a_single, "Kein einziger Passagier", 0, ("not a single", 2)),
    (rules.not_a_single, "kein Passagier", 0, None),
    (rules.voted, "Abgeordneten stimmten für das Gesetz", 1, ("voted", 1)),
    (rules.voted, "das stimmt nicht", 1, None),
    (rules.put_out, "Die Feuerwehr löschte den Brand", 2, ("put out", 1)),
    (rules.put_out, "Er löschte die Datei", 1, None),
    (rules.amounts_to, "Die Schulden betragen 2 Billionen", 2, ("amount to", 1)),
    (rules.amounts_to, "betrug rund 5 Millionen", 0, ("amounted to", 1)),
    (rules.amounts_to, "Er betrug seine Frau", 1, None),
    (rules.amount_to, "Die Kosten belaufen sich auf 5", 2, ("amount to", 3)),
    (rules.amount_to, "Die Kosten beliefen sich auf 5", 2, ("amounted to", 3)),
    (rules.amount_to, "belaufen sich", 0, None),
    (rules.trial, "Der Prozess gegen den Angeklagten", 1, ("trial", 1)),
    (rules.trial, "Der Prozess der Einigung", 1, None),
    (rules.thousands_of, "Tausende Menschen kamen", 0, ("thousands of", 1)),
    (rules.thousands_of, "kamen hunderte junge Menschen", 1, ("hundreds of", 1)),
    (rules.thousands_of, "Tausende von Fans", 0, None),
    (rules.thousands_of, "Tausende kamen", 0, None),
    (rules.fine, "eine Strafe von fünf Millionen Euro", 1, ("fine", 1)),
    (rules.fine, "eine Strafe in Höhe von 500 Euro", 1, ("fine", 1)),
    (rules.fine, "eine Strafe von drei Jahren Haft", 1, ("fine", 1)),
    (rules.fine, "die Strafe war hart", 1, None),
    (rules.fine, "eine Strafe in Berlin", 1, None),
    (rules.to_a_number, "stieg auf 20 .", 1, ("to", 1)),
    (rules.to_a_number, "auf rund 300 Euro", 0, ("to", 1)),
    (rules.to_a_number, "auf minus 5 Grad", 0, ("to", 1)),
    (rules.to_a_number, "auf drei Jahre befristet", 0, ("for", 1)),
    (rules.to_a_number, "auf 300 Seiten", 0, None),
    (rules.to_a_number, "auf den 3 . März", 0, None),
    (rules.to_a_number, "auf 3 . März", 0, None),
    (rules.to_a_number, "auf ein Minimum", 0, None),
    (rules.to_a_number, "auf das Dach", 0, None),
    (rules.according_to_a_source, "nach Polizeiangaben kam er", 0, ("according to", 1)),
    (rules.according_to_a_source, "nach Berlin kam er", 0, None),
    (rules.at_a_dative_place, "an der Hauptstadt", 0, ("at", 1)),
    (rules.at_a_dative_place, "an die Hauptstadt", 0, None),
    (rules.to_a_place, "nach Kriegsberg", 0, ("to", 1)),
    (rules.to_a_place, "nach der Einigung", 0, None),
    (rules.clock_time, "gegen 9.30 Uhr", 0, ("at around", 1)),
    (rules.clock_time, "20 Uhr .", 0, ("8 p.m.", 3)),
    (rules.clock_time, "20 Uhr und", 0, ("8 p.m.", 2)),
    (rules.clock_time, "20 Drohnen", 0, None),
    (rules.clause_opener, "da die Regierung kam", 0, ("because", 1)),
    (rules.clause_opener, "wie die Regierung sagte", 0, ("as", 1)),
    (rules.clause_opener, "als er kam", 0, ("when", 1)),
    (rules.clause_opener, "er kam als Sprecher", 2, None),
    # after a conjunction that opens the sentence
    (rules.clause_opener, "Aber wie kam er", 1, ("how", 1)),
    (rules.clause_opener, "und als er kam", 1, ("when", 1)),
    (rules.clause_opener, "er kam und als Sprecher", 3, None),
    (rules.ago, "vor drei Jahren", 0, ("three years ago", 3)),
    (rules.ago, "vor kurzem", 0, ("recently", 2)),
    (rules.ago, "vor der Hauptstadt", 0, None),
    (rules.by_after_participle, "angegriffen von Drohnen", 1, ("by", 1)),
    (rules.by_after_participle, "Angriff von Drohnen", 1, None),
    (rules.by_after_participle, "wurde angegriffen vom Meer", 2, ("by the", 1)),
    (rules.by_after_participle, "wurde tausende von Drohnen", 2, None),
    (rules.infinitive_be_have, "kann sein", 1, ("be", 1)),
    (rules.infinitive_be_have, "sein Sprecher kam", 0, None),
    (rules.modal_infinitive, "wird können", 1, ("be able to", 1)),
    (rules.modal_infinitive, "wir können", 1, None),
    (rules.demonstrative_subject, "das kam", 0, ("this", 1)),
    (rules.demonstrative_subject, "das Angriff", 0, None),
    (rules.demonstrative_subject, "das steigende Energie", 0, None),
    (rules.years_old, "35 - jährige", 0, ("35-year-old", 3)),
    (rules.years_old, "35 - 40", 0, None),
    # the verbs helper's rules (more in test_lexicon_verbs.py)
    (rules.there_is_reported, "es gebe viele Drohnen", 0, ("there are", 2)),
    (rules.there_is_reported, "sagte , es gebe einen Krieg", 2, ("there was", 2)),
    (rules.there_is_reported, "es gibt viele Drohnen", 0, None),
    (rules.said_to_have, "soll haben angegriffen", 0, ("is said to have", 2)),
    (rules.said_to_have, "sollen sein gekommen", 0, ("are said to have", 2)),
    (rules.said_to_have, "soll haben neue", 0, None),
    (rules.double_infinitive, "hätte können kommen", 0, ("could have come", 3)),
    (rules.double_infinitive, "hat nicht müssen kommen", 0, ("has not had to come", 4)),
    (rules.double_infinitive, "man hat können kommen", 1, ("have been able to come", 3)),
    (rules.double_infinitive, "hat können sagen , dass", 0, ("has been able to say", 3)),
    (rules.double_infinitive, "hat gestern gesagt", 0, None),
    (rules.is_to_be, "der Plan soll werden gestellt", 2, ("is to", 1)),
    (rules.is_to_be, "Pläne sollen werden gestellt", 1, ("are to", 1)),
    (rules.is_to_be, "der Plan soll werden gestellt ?", 2, None),
    (rules.is_to_be, "sagt , dass der Plan soll werden gestellt", 5, None),
    (rules.is_to_be, "der Plan soll kommen", 2, None),
    (rules.adverb_before_adjective, "schwer beschädigt", 0, ("heavily", 1)),
    (rules.adverb_before_adjective, "neu unterschriebener Vertrag", 0, ("newly", 1)),
    (rules.adverb_before_adjective, "schwer Drohnen", 0, None),
    (rules.adverb_before_adjective, "neue außenpolitisch", 0, None),
    # the articles helper's rule (more in test_lexicon_articles2.py)
    (rules.as_a_role, "gilt als Angriff", 1, ("as a", 1)),
    (rules.as_a_role, "gilt als Angriffe", 1, None),
    (rules.as_a_role, "gilt als Angriff der Drohnen", 1, None),
    (rules.according_to_a_view, "nach Ansicht der Ärzte", 0, ("according to the", 3)),
    (rules.according_to_a_view, "nach Meinung von Ärzten", 0, ("according to", 3)),
    (rules.according_to_a_view, "nach seiner Meinung", 0, None),
    (rules.according_to_a_view, "nach Berlin", 0, None),
    (rules.until_a_time, "er bleibt bis 2030 dort", 2, ("until", 1)),
    (rules.until_a_time, "er bleibt bis Freitag", 2, ("until", 1)),
    (rules.until_a_time, "er bleibt bis zum Ende", 2, ("until the", 2)),
    (rules.until_a_time, "er bleibt bis zum Jahr 2030", 2, ("until", 3)),
    (rules.until_a_time, "fertig bis Ende 2030", 1, ("by", 1)),
    (rules.until_a_time, "er wartet bis sie kommt", 2, ("until", 1)),
    (rules.until_a_time, "von 2020 bis 2030", 2, None),
    (rules.until_a_time, "von Montag bis Freitag", 2, None),
    (rules.until_a_time, "er fährt bis zum Bahnhof", 2, None),
    (rules.until_a_time, "von A bis hin zu B", 2, ("to", 3)),
    (rules.until_a_time, "fertig bis Ende des Jahres", 1, ("by", 1)),
    (rules.too, "Das ist zu schwer .", 2, ("too", 1)),
    (rules.too, "Das ist zu schwer für uns", 2, ("too", 1)),
    (rules.too, "bis zu schwer .", 1, None),
    (rules.too, "zu schwer Lasten", 0, None),
    (rules.too, "Er blieb zu Hause .", 2, None),
    (rules.loud, "Der Hund bellt laut .", 3, ("loudly", 1)),
    (rules.loud, "Die Musik ist laut", 3, ("loud", 1)),
    (rules.loud, "Laut einem Bericht kam er", 0, None),
    (rules.loud, "laut offiziellen Angaben", 0, None),
    (rules.loud, "laut Polizei", 0, None),
]


# The noun-phrase block (issue 14; whole sentences in test_lexicon_words.py)
NOUN_PHRASE_CASES: list[Case] = [
    (rules.partitive, "einer der Drohnen", 0, ("one of the", 2)),
    (rules.partitive, "einige der Kinder", 0, ("some of the", 2)),
    (rules.partitive, "keiner der Sprecher", 0, ("none of the", 2)),
    (rules.partitive, "zwei der Kinder", 0, ("two of the", 2)),
    (rules.partitive, "einige Kinder", 0, None),
    (rules.partitive, "Energie der Drohnen", 0, None),
    (rules.most, "die meisten der Kinder", 0, ("most of the", 3)),
    (rules.most, "die meisten Kinder", 0, ("most", 2)),
    (rules.most, "die Kinder", 0, None),
    (rules.it_says, "es heißt , dass", 0, ("it says", 2)),
    (rules.it_says, "hieß es .", 0, ("it said", 2)),
    (rules.it_says, "es kam", 0, None),
    (rules.for_example, "etwa 20 Drohnen", 0, ("around", 1)),
    (rules.for_example, "etwa eine Stunde", 0, ("around", 1)),
    (rules.for_example, "etwa von Drohnen", 0, ("for example", 1)),
    (rules.for_example, "wie etwa Drohnen", 0, ("such as", 2)),
    (rules.for_example, "wie die Drohnen", 0, None),
    (rules.something_like, "so etwas wie Energie", 0, ("something like", 3)),
    (rules.something_like, "so etwas .", 0, ("something like that", 2)),
    (rules.something_like, "so neu", 0, None),
    (rules.above_all, "vor allem die Drohnen", 0, ("especially", 2)),
    (rules.above_all, "vor allen Drohnen", 0, None),
    (rules.the_two, "die beiden Drohnen", 1, ("two", 1)),
    (rules.the_two, "beiden Drohnen", 0, None),
    (rules.both_and, "sowohl Kinder als auch Frauen", 2, ("and", 2)),
    (rules.both_and, "mehr Kinder als auch Frauen", 2, None),
    (rules.there_may_be, "es kann kommen zu Angriffen", 0, ("there can be", 4)),
    (rules.there_may_be, "es kann kommen zum Krieg", 0, ("there can be a", 4)),
    (rules.there_may_be, "es ist gekommen zu Angriffen", 0, ("there were", 4)),
    (rules.there_may_be, "es kann kommen zu spät", 0, None),
    (rules.there_may_be, "es kann sein zu Angriffen", 0, None),
    (rules.by_means_of, "angegriffen durch Drohnen", 1, ("by", 1)),
    (rules.by_means_of, "wurde am Morgen durch Drohnen", 3, ("by", 1)),
    (rules.by_means_of, "kam durch die Hauptstadt", 1, None),
    (rules.by_means_of, "wurde , durch die Hauptstadt", 2, None),
    (rules.according_to, ", so der Sprecher .", 1, ("according to", 1)),
    (rules.according_to, ", so Bratmann ,", 1, ("according to", 1)),
    (rules.according_to, ", so dass die Regierung kam", 1, None),
    (rules.according_to, ", so kam die Regierung", 1, None),
    (rules.according_to, "er kam so der Regierung", 2, None),
    (
        rules.according_to_postposition,
        "der Regierung zufolge kam",
        0,
        ("according to the government", 3),
    ),
    (
        rules.according_to_postposition,
        "neuen Angriffen zufolge",
        0,
        ("according to new attacks", 3),
    ),
    (rules.according_to_postposition, "kam der Regierung zufolge", 0, None),
    (rules.according_to_postposition, "der Regierung kam", 0, None),
    (rules.neither_nor, "weder Kinder noch Frauen", 2, ("nor", 1)),
    (rules.neither_nor, "Kinder noch Frauen", 1, None),
    (rules.title_of_address, "Frau Quendt kam", 0, ("Ms", 1)),
    (rules.title_of_address, "Herrn Quendt", 0, ("Mr", 1)),
    (rules.title_of_address, "Frau Energie", 0, None),
    (rules.title_of_address, "Frau kam", 0, None),
    (rules.regarded_as, "Quendt gilt als Favorit", 1, ("is regarded", 1)),
    (rules.regarded_as, "das gilt für alle", 1, ("applies", 1)),
    (rules.regarded_as, "Quendt galt lange als Favorit", 1, ("was regarded", 1)),
    (rules.regarded_as, "das ist so", 1, None),
]


@pytest.mark.parametrize(
    CASE_FIELDS, CASES + NOUN_PHRASE_CASES, ids=case_ids(CASES + NOUN_PHRASE_CASES)
)
def test_rule(
    engine: LexiconEngine,
    rule: rules.Rule,
    german: str,
    i: int,
    expected: tuple[str, int] | None,
) -> None:
    assert answer(engine, rule, german, i) == expected


def test_every_rule_has_a_case() -> None:
    assert {c[0] for c in CASES} == set(rules.RULES) - set(rules.NOUN_PHRASE_RULES)
    assert {c[0] for c in NOUN_PHRASE_CASES} == set(rules.NOUN_PHRASE_RULES)


def test_apply_takes_the_first_rule_that_answers(engine: LexiconEngine) -> None:
    tokens = tokenize("Er stieg auf 5 Prozent.")
    assert rules.apply(engine, tokens, 2, "auf") == ("to", 1)
    assert rules.apply(engine, tokens, 0, "er") is None


@pytest.mark.parametrize(
    ("rule", "german", "i"),
    [(c[0], c[1], c[2]) for c in CASES if c[3] is not None and c[0] in rules.TRIGGERS],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_a_rule_is_triggered_by_each_token_it_answers_for(
    rule: rules.Rule, german: str, i: int
) -> None:
    token = german.split()[i]
    assert rules.triggered(rule, token, token.lower())


def test_a_rule_tries_only_the_tokens_that_can_trigger_it(
    engine: LexiconEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def declared(lex: LexiconEngine, c: rules.Context) -> tuple[str, int] | None:
        asked.append(c.lower)
        return "declared", 1

    def undeclared(lex: LexiconEngine, c: rules.Context) -> tuple[str, int] | None:
        return "undeclared", 1

    monkeypatch.setitem(rules.TRIGGERS, declared, frozenset(["kam"]))
    monkeypatch.setattr(rules, "RULES", (declared, undeclared))
    tokens = tokenize("Er kam heute.")
    assert rules.apply(engine, tokens, 1, "kam") == ("declared", 1)
    assert rules.apply(engine, tokens, 0, "er") == ("undeclared", 1)  # a new rule still runs
    assert rules.apply(engine, tokens, 2, "heute") == ("undeclared", 1)
    assert asked == ["kam"]
