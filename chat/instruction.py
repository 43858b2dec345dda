"""The structured instruction of one turn, in InstructRec's terms.

InstructRec (Zhang et al., 2023) phrases every recommendation request as an instruction made
of a *preference* (none / implicit: items from history and likes / explicit: a stated taste),
an *intention* (none / vague / specific) and a *task form* (rank given candidates or retrieve
from the whole catalog). We add the hard constraints, resolved reference items and the
dialogue action of the turn, so the rest of the system never has to re-read the raw text.

Example: "a few 90s comedies, nothing too long" ->
  Instruction(action="new", intention=Intention(kind="specific", text="90s comedies"),
              constraints=Filters(include_genres=["comedy"], min_year=1990, max_year=1999,
                                  max_runtime=110), k=5, language="en")
"""
from __future__ import annotations

import re

from chat import rx
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from catalog.filters import Filters
from catalog.genres import genre_name
from chat.lexicon import RECENT_WORDS

if TYPE_CHECKING:  # only for the type of CatalogVocab.from_items
    from catalog.item import Item

Language = Literal["en", "zh"]
# The dialogue act of a turn. new: a fresh request; refine: change the request in force (add,
# replace or relax a constraint, a mood); more: the same request, items not shown yet (paging);
# feedback: a reaction to a shown item; seen: "I watched / loved / hated X"; question: about a
# shown or named item; reset; smalltalk; unclear: nothing to act on, ask back.
Action = Literal["new", "refine", "more", "feedback", "seen", "question", "reset", "smalltalk", "unclear"]
ACTIONS: tuple[Action, ...] = get_args(Action)
# What a question asks about an item ("why the first one?" -> why; "how long is #2" -> runtime).
QuestionKind = Literal["why", "what", "runtime", "year", "rating", "genre", "director", "cast", "plot", "other"]
QUESTION_KINDS: tuple[QuestionKind, ...] = get_args(QuestionKind)
Opinion = Literal["seen", "loved", "hated"]
FeedbackKind = Literal["like", "dislike", "more_like"]
FEEDBACK_KINDS: tuple[FeedbackKind, ...] = get_args(FeedbackKind)  # the one list: UI, store, pipeline


class Preference(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["none", "implicit", "explicit"] = "none"
    text: str = ""  # an explicit stated taste, e.g. "I love Pixar films"
    item_ids: list[str] = Field(default_factory=list)  # implicit: history and liked items


class Intention(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["none", "vague", "specific"] = "none"
    text: str = ""  # what is searched for, e.g. "90s comedies" or "something fun for a rainy day"
    # What the scorer reads of the text (filled by `read_intention` when the turn is resolved), so
    # nothing downstream re-reads the raw words:
    genres: list[str] = Field(default_factory=list)  # catalog genres the text names or a mood prefers: soft
    either: bool = False  # the genres are alternatives ("a comedy or a horror"): one of them is enough
    recent: bool = False  # the text asks for recent titles ("newer", "最新")
    avoid: list[str] = Field(default_factory=list)  # genres a mood steers away from ("lighter": war, horror): soft
    moods: list[str] = Field(default_factory=list)  # the moods understood, by name ("lighter", "less violent")


class ListPick(BaseModel):
    """A question that picks one card of the list by a fact: "which is the shortest?" (runtime,
    lowest), "哪部评分最高" (rating, highest), "which one's the funniest?" (rating, highest, among the
    comedies: no catalog measures how funny a film is). `word`: the superlative as the user said it,
    normalised ("shortest", "funniest")."""

    model_config = ConfigDict(extra="forbid")

    by: Literal["runtime", "year", "rating", "votes"]
    highest: bool = True
    genres: list[str] = Field(default_factory=list)  # only cards with one of these genres count
    word: str = ""
    # the cards compared, by 1-based position in the list ("which is better, #1 or #3?"); empty: all
    among: list[int] = Field(default_factory=list)

    def order(self, items: "Iterable[Item]") -> "list[Item]":
        """The items that count (the genres, a known value, the cards compared), best pick first; ties
        keep list order. `items`: the cards in list order.
        Example: ListPick(by="runtime", highest=False).order(cards)[0] is the shortest card."""
        want = {g.lower() for g in self.genres}
        usable = [it for n, it in enumerate(items, 1) if getattr(it, self.by, None) is not None
                  and (not want or want & {g.lower() for g in it.genres})
                  and (not self.among or n in self.among)]
        return sorted(usable, key=lambda it: -getattr(it, self.by) if self.highest else getattr(it, self.by))


class Mention(BaseModel):
    """A film the user says they watched, loved or hated: never shown again; loved = positive
    evidence (a like), hated = negative (a dislike). Example: "we already saw Titanic" -> seen."""

    model_config = ConfigDict(extra="forbid")

    item_id: str
    title: str = ""  # as the user wrote it
    opinion: Opinion = "seen"


def names_genre(text: str, genre: str) -> bool:
    """Whether lower-cased `text` names `genre` as a whole word, in English or by its Chinese display name.
    Example: names_genre("dark comedies please", "comedy") -> False; names_genre("90s comedy", "comedy") -> True"""
    gl = genre.lower()
    zh = genre_name(genre, "zh")
    return bool(rx.search(rf"(?<![\w-]){re.escape(gl)}(?![\w-])", text)) or (zh != genre and zh in text)


def read_intention(intention: Intention, genres: Iterable[str]) -> Intention:
    """The intention with `genres` (every genre of the catalog's vocabulary that the text names as a
    whole word, in English or by its Chinese display name) and `recent` filled in.

    Example: read_intention(Intention(text="animation, comedy"), ["animation", "comedy", "drama"])
    -> genres ["animation", "comedy"], recent False
    """
    text = (intention.text or "").lower()
    named: list[str] = list(intention.genres)  # a mood's genres stay; the text may name more
    if text:
        for g in genres:
            gl = g.lower()
            if names_genre(text, g) and gl not in named:
                named.append(gl)
    recent = intention.recent or bool(rx.search(RECENT_WORDS, text, re.I))
    named = [g for g in named if g not in intention.avoid]
    return intention.model_copy(update={"genres": named, "recent": recent})


class FeedbackTarget(BaseModel):
    """Feedback on one item of the last list: by position (1-based) or by catalog id."""

    model_config = ConfigDict(extra="forbid")

    kind: FeedbackKind
    position: int | None = None  # "not #2" -> 2 (1-based, in the last shown list)
    item_id: str | None = None  # filled once the position is resolved, or given directly
    # a "dislike" that only says the card was watched ("第二部看过了", "seen #2"): never shown again, but
    # no evidence against films like it (the similar films stay in the list)
    seen: bool = False


class Instruction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Action = "new"
    preference: Preference = Field(default_factory=Preference)
    intention: Intention = Field(default_factory=Intention)
    task: Literal["rank", "retrieve"] = "retrieve"
    constraints: Filters = Field(default_factory=Filters)  # the merged hard constraints in force
    reference_titles: list[str] = Field(default_factory=list)  # "like Toy Story" -> ["Toy Story"]
    reference_ids: list[str] = Field(default_factory=list)  # the titles resolved to catalog ids
    # films named as references that the catalog lacks ("something like Ghostbusters"): the reply says so;
    # hybrid understanding asks the model which genres such films are (soft leanings, never titles)
    unknown_titles: list[str] = Field(default_factory=list)
    feedback: list[FeedbackTarget] = Field(default_factory=list)
    question_position: int | None = None  # "tell me more about #3" -> 3
    question: QuestionKind | None = None  # what a question asks ("how long is #2" -> runtime)
    question_item_id: str | None = None  # a question about a named film ("what is Heat about?")
    question_pick: ListPick | None = None  # "which of these is the shortest?" (question_position: that card)
    # what a question asks beyond the facts: "is #2 on netflix?" -> where; "ok for a 10 year old?" -> kids
    # "have": whether the catalog holds a film ("is the matrix on here?", "黑客帝国有吗"); no item when it does not
    question_topic: Literal["where", "kids", "scary", "violent", "have"] | None = None
    mentions: list[Mention] = Field(default_factory=list)  # "I just watched Heat and loved it"
    # Catalog titles written in the message with no cue the rules know ("my kid watches The Lion King
    # every day"): left alone by the rules; hybrid understanding asks the model what they are.
    unplaced: list[Mention] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)  # "directed by X", "with Tom Hanks" (needs people data)
    # Constraints in force that this turn lifts: "any year is fine" -> ["years"]; one of
    # years, runtime, rating, genres, mpaa, people, moods (a mood said instead) or audience ("the kids went to bed");
    # "unref:<id>" lets go of one film the request is like ("forget fargo"), "references" of all but the turn's own.
    relax: list[str] = Field(default_factory=list)
    # Words the rules could not account for: a sign they may have misread the turn, so the
    # language model (when configured) is asked what it means.
    unread: list[str] = Field(default_factory=list)
    k: int = 8  # how many items to show ("a few" -> 5)
    # a "seen" or "feedback" turn that also asks for other films ("seen clueless, show me more",
    # "not #2, 换一批"): the list moves on to items not shown yet, as paging does
    pages: bool = False
    language: Language = "en"
    notices: list[str] = Field(default_factory=list)  # e.g. "Your message was cut to 2,000 characters."
    # Which rewriter produced this instruction: "rule" (chat.parser.RuleRewriter) or "llm"
    # (chat.rewriter.LLMRewriter); an LLM failure that fell back to the parser says "rule".
    rewriter: Literal["rule", "llm"] = "rule"

    def leaning_genres(self) -> list[str]:
        """Genres the intention leans to that the hard filters do not already demand, in the order
        it names them, minus any a mood steers away from. A soft wish, not a filter.
        Example: "maybe a western?" -> ["western"]; "90s comedies" -> []."""
        hard = {g.lower() for g in self.constraints.include_genres}
        avoid = {g.lower() for g in self.intention.avoid}
        return [g for g in dict.fromkeys(x.lower() for x in self.intention.genres) if g not in hard | avoid]


TitleMatcher = Callable[[str], list[tuple[str, float]]]
# Titles written inside text: (text, ids to look for or None) -> [(start, end, item_id)].
TitleSpotter = Callable[[str, "Iterable[str] | None"], list[tuple[int, int, str]]]
# Film series written inside text: (text, ids the dialogue named) -> [(start, end, [item ids])].
SeriesSpotter = Callable[[str, "Iterable[str]"], list[tuple[int, int, list[str]]]]


def _no_titles(_title: str) -> list[tuple[str, float]]:
    return []


def _no_series(_text: str, _context: Iterable[str] = ()) -> list[tuple[int, int, list[str]]]:
    return []


def _no_spots(_text: str, _ids: Iterable[str] | None = None) -> list[tuple[int, int, str]]:
    return []


def _no_item(_item_id: str) -> "Item | None":
    return None


def _no_head(_name: str) -> str | None:
    return None


@dataclass(frozen=True)
class CatalogVocab:
    """What the rewriters need from a catalog, without importing Chroma.

    `genres`: the catalog's genre vocabulary, lower-case (MovieLens: "action", ..., "western").
    `match_title`: fuzzy title -> [(item_id, score)], best first, score in 0..1 (1 = exact);
    `catalog.Catalog.match_title` provides it for the real catalog.
    `years`: the catalog's (first, last) release year, used to anchor "recent" / "old" when no
    period is in force; None means unknown.
    `find_titles`: titles written inside a message (English titles and Chinese aliases), so
    "we already saw Titanic" or "玩具总动员看过了" resolve without quotes.
    `find_series`: series written inside a message with a word of quantity ("the first two
    Godfathers", "星球大战三部曲"), or members by a short word once the series was named ("Empire and
    Jedi"); `catalog.Catalog.series_in` provides it.
    `find_parts`: films called by a distinctive part of a long title ("Raiders", "Last Crusade"), to be
    taken only with a cue around them; `catalog.Catalog.parts_in` provides it.
    `head_title`: the film a name calls by the first words of its title ("four weddings", "shawshank"),
    to be taken only after a cue; `catalog.Catalog.title_head` provides it.
    Example: CatalogVocab(genres=["comedy", "horror"], match_title=catalog.match_title)
    """

    genres: list[str] = field(default_factory=list)
    match_title: TitleMatcher = _no_titles
    years: tuple[int, int] | None = None
    find_titles: TitleSpotter = _no_spots  # `catalog.Catalog.titles_in`: titles written in free text
    find_series: SeriesSpotter = _no_series  # `catalog.Catalog.series_in`: film series in free text
    find_parts: TitleSpotter = _no_spots  # `catalog.Catalog.parts_in`: films called by a part of the title
    item: Callable[[str], "Item | None"] = _no_item  # `catalog.Catalog.get`: a shown card's year, length, rating
    head_title: Callable[[str], str | None] = _no_head  # `catalog.Catalog.title_head`: "four weddings", "shawshank"

    @classmethod
    def from_items(cls, items: Iterable["Item"]) -> "CatalogVocab":
        """A vocabulary with a simple in-memory fuzzy title matcher (rapidfuzz), for tests,
        small catalogs and the benchmark. Example: CatalogVocab.from_items(tiny_items)"""
        from rapidfuzz import fuzz, process, utils  # lazy: keeps `import chat.instruction` light

        from catalog.catalog import Catalog

        items = list(items)
        genres = sorted({g for it in items for g in it.genres})
        years = [it.year for it in items if it.year is not None]
        titles = {it.id: it.title for it in items}
        catalog = Catalog("vocab", items)

        def match_title(title: str) -> list[tuple[str, float]]:
            hits = process.extract(title, titles, scorer=fuzz.WRatio, processor=utils.default_process,
                                   limit=5, score_cutoff=60)
            return [(item_id, score / 100.0) for _t, score, item_id in hits]

        return cls(genres=genres, match_title=match_title,
                   years=(min(years), max(years)) if years else None,
                   find_titles=catalog.titles_in, find_series=catalog.series_in, find_parts=catalog.parts_in,
                   item=catalog.get, head_title=catalog.title_head)
