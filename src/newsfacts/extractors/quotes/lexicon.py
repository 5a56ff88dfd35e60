"""The word lists behind the quotes extractor, read once from ``newsfacts/data/quotes/``."""

from __future__ import annotations

from functools import lru_cache

import attrs

from ...resources import iter_lines, read_table, word_set

__all__ = ["Lexicon", "lexicon"]


@attrs.frozen
class Lexicon:
    """Every list the quotes extractor consults, as lower-case sets or maps."""

    #: every tense form of an attribution verb -> its lemma
    cue_forms: dict[str, str]
    #: lemmas whose verbs take a listener object ("told reporters that ...")
    object_cues: frozenset[str]
    #: lemmas whose forms are also nouns ("plans", "shows"): a cue only between a subject and a
    #: clause ("Trump plans to ...", "polls show that ..."), never after a determiner
    clause_cues: frozenset[str]
    #: object pronouns skipped after an object cue ("told them ...")
    object_pronouns: frozenset[str]
    #: words that open the reported clause after a listener object ("told reporters he ...")
    clause_openers: frozenset[str]
    #: particles of phrasal cues, skipped before the content ("called for", "agreed with")
    particles: frozenset[str]
    #: multi-word cues as tuples of lower-case words
    multiword: tuple[tuple[str, ...], ...]
    #: pronoun -> "person" | "group" | "self"
    pronouns: dict[str, str]
    roles: frozenset[str]
    organisations: frozenset[str]
    statements: frozenset[str]
    issue_verbs: frozenset[str]
    skip: frozenset[str]
    not_names: frozenset[str]
    not_person: frozenset[str]
    cue_skip: frozenset[str]
    #: lower-case words after a subject that are not its verb ("Smith and ...", "Smith of ...")
    not_verbs: frozenset[str]
    #: words opening a speaker described rather than named ("one", "a", "another")
    describers: frozenset[str]
    #: every word a cue can start with (tense forms and first words of multi-word cues)
    cue_firsts: frozenset[str]
    #: a time phrase after a cue ("on Friday"): words that may open it, words that end it
    time_openers: frozenset[str]
    time_words: frozenset[str]
    #: words the resolver's first pass stops at (roles, issue verbs, "statement", "(")
    context_words: frozenset[str]
    #: irregular past forms that can be a sentence's verb (regular ones end in -ed/-s/-ing)
    irregular_verbs: frozenset[str] = frozenset()
    #: cue forms whose "to" is left out of the content ("responded to the charge")
    to_cues: frozenset[str] = frozenset()
    #: words opening an introductory phrase closed by a comma ("In December, ...")
    intro_openers: frozenset[str] = frozenset()
    #: words that make a sentence-opening phrase a time phrase ("A month later, ...")
    opening_time: frozenset[str] = frozenset()
    #: words only found before a noun: a one-word cue form after them is a noun ("the state")
    noun_markers: frozenset[str] = frozenset()
    #: words that alone are a described speaker before a cue ("most said", "others say")
    quantifiers: frozenset[str] = frozenset()
    demonstratives: frozenset[str] = frozenset()
    passive_cues: frozenset[str] = frozenset()
    be_forms: frozenset[str] = frozenset()
    #: auxiliaries and modals: after "that" they open a relative clause ("a bill that would")
    aux_verbs: frozenset[str] = frozenset()
    #: words ending in "s" that are no plural noun ("always", "his"): no plural speaker
    not_plurals: frozenset[str] = frozenset()
    #: given name (lower case) -> "f" or "m": "she" does not refer back to "Volodymyr Zelensky"
    given_names: dict[str, str] = attrs.field(factory=dict)
    #: evaluation and action verbs ("slammed", "thanked"), form -> lemma: cues only for a
    #: quoted phrase after them in the same clause (a mixed quote), never for indirect speech
    evaluation_forms: dict[str, str] = attrs.field(factory=dict)
    #: lemmas of beliefs and intentions ("wants", "thinks"): no speech of their own, so they
    #: never take a quoted phrase from the attribution around them
    intent_cues: frozenset[str] = frozenset()
    #: quote-mark tokens that are in no list above: no cue, speaker phrase or described
    #: speaker starts at one (the look-ups after and before a quote stop at once there)
    inert_marks: frozenset[str] = frozenset()
    #: every word some scan over all tokens looks for (context words, cue starts, "asked",
    #: evaluation verbs): :meth:`Tokens.watched` finds them in one pass
    watched: frozenset[str] = frozenset()
    #: :attr:`multiword` by first word, in file order
    multiword_by_first: dict[str, tuple[tuple[str, ...], ...]] = attrs.field(
        init=False,
        default=attrs.Factory(lambda self: _by_first(self.multiword), takes_self=True),
    )


def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for phrase in phrases:
        out[phrase[0]] = (*out.get(phrase[0], ()), phrase)
    return out


def _forms(name: str, tag: str = "@obj") -> tuple[dict[str, str], frozenset[str]]:
    """Tense form -> lemma, and the lemmas whose line carries ``tag``."""
    forms: dict[str, str] = {}
    tagged: set[str] = set()
    for line in iter_lines(name):
        words = line.split()
        lemma = words[0]
        for w in words:
            if w == tag:
                tagged.add(lemma)
            elif not w.startswith("@"):
                forms.setdefault(w.lower(), lemma)
    return forms, frozenset(tagged)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, loaded on first use."""
    cue_forms, object_cues = _forms("quotes/cue_verbs.txt")
    evaluation, _ = _forms("quotes/evaluation_cues.txt")
    _, clause_cues = _forms("quotes/cue_verbs.txt", "@clause")
    _, intent_cues = _forms("quotes/cue_verbs.txt", "@intent")
    issue, _ = _forms("quotes/issue_verbs.txt")
    pronouns = {}
    for line in iter_lines("quotes/pronouns.txt"):
        word, kind = line.split("\t")
        pronouns[word.strip().lower()] = kind.strip()
    roles = word_set("quotes/roles.txt")
    issue_verbs = frozenset(issue)
    multi = tuple(tuple(line.lower().split()) for line in iter_lines("quotes/multiword_cues.txt"))
    times = [line.strip().lower() for line in iter_lines("quotes/time_words.txt")]
    organisations = word_set("quotes/organisations.txt")
    statements = word_set("quotes/statements.txt")
    describers = word_set("quotes/describers.txt")
    cue_firsts = frozenset(cue_forms) | {p[0] for p in multi}
    listed = roles | organisations | statements | describers | cue_firsts | frozenset(pronouns)
    context_words = roles | issue_verbs | {"statement", "("}
    evaluation_forms = {w: v for w, v in evaluation.items() if w not in cue_forms}
    return Lexicon(
        time_openers=frozenset(w[1:] for w in times if w.startswith("+")),
        time_words=frozenset(w for w in times if not w.startswith("+")),
        cue_forms=cue_forms,
        object_cues=object_cues,
        clause_cues=clause_cues,
        object_pronouns=word_set("quotes/object_pronouns.txt"),
        clause_openers=word_set("quotes/clause_openers.txt"),
        particles=word_set("quotes/particles.txt"),
        to_cues=word_set("quotes/to_cues.txt"),
        multiword=multi,
        pronouns=pronouns,
        roles=roles,
        organisations=organisations,
        statements=statements,
        issue_verbs=issue_verbs,
        skip=word_set("quotes/speaker_skip.txt"),
        not_names=word_set("quotes/not_names.txt"),
        not_person=word_set("quotes/not_person.txt"),
        cue_skip=word_set("quotes/cue_skip.txt"),
        not_verbs=word_set("quotes/not_verbs.txt"),
        describers=describers,
        cue_firsts=cue_firsts,
        context_words=context_words,
        irregular_verbs=word_set("quotes/irregular_verbs.txt"),
        intro_openers=word_set("quotes/intro_openers.txt"),
        opening_time=word_set("quotes/opening_time.txt"),
        noun_markers=word_set("quotes/noun_markers.txt"),
        quantifiers=word_set("quotes/quantifiers.txt"),
        demonstratives=word_set("quotes/demonstratives.txt"),
        passive_cues=word_set("quotes/passive_cues.txt"),
        be_forms=word_set("quotes/be_forms.txt"),
        aux_verbs=word_set("quotes/aux_verbs.txt"),
        not_plurals=word_set("quotes/not_plurals.txt"),
        given_names={r["name"].lower(): r["gender"] for r in read_table("quotes/given_names.tsv")},
        intent_cues=intent_cues,
        evaluation_forms=evaluation_forms,
        inert_marks=_QUOTE_MARKS - listed,
        watched=context_words | cue_firsts | {"asked"} | frozenset(evaluation_forms),
    )


#: every token a quote mark can be (see ``tokens._TOKEN``)
_QUOTE_MARKS = frozenset(('"', "''", "“", "”", "„", "«", "»", "‘", "’"))
