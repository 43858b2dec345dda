"""The fast scorer's intention-genre match: the genres a request asks for order the list."""
from __future__ import annotations

from catalog.filters import Filters
from chat.instruction import Instruction, Intention, read_intention
from chat.state import DialogueState
from recommender.reasons import template_reason
from recommender.score import FastScorer, asked_genres
from catalog.item import Item
from recommender.types import Candidate
from tests.test_score import ITEMS, VECS

VOCAB = {"animation", "comedy", "musical", "horror", "thriller", "sci-fi", "drama"}


def _ask(text: str = "", include: tuple[str, ...] = ()) -> Instruction:
    """An instruction as a rewriter resolves it: the intention read against the catalog's genres."""
    intention = read_intention(Intention(kind="specific" if text else "none", text=text), sorted(VOCAB))
    return Instruction(intention=intention, constraints=Filters(include_genres=list(include)))


def test_asked_genres_reads_the_intention_and_the_include_filter():
    assert asked_genres(_ask("horror, sci-fi")) == {"horror", "sci-fi"}
    assert asked_genres(_ask("a melodrama please")) == set()  # whole words only
    assert asked_genres(_ask("", ("comedy",))) == {"comedy"}
    assert asked_genres(_ask("来点恐怖片")) == {"horror"}  # the Chinese display name
    assert asked_genres(_ask("something fun")) == set()


def test_the_intention_is_read_once_and_carried_by_the_instruction():
    """The scorer reads the Instruction's fields, not the raw words: unread text asks for nothing."""
    raw = Instruction(intention=Intention(kind="specific", text="recent horror"))
    assert asked_genres(raw) == set() and not raw.intention.recent
    read = read_intention(raw.intention, sorted(VOCAB))
    assert read.genres == ["horror"] and read.recent


def test_exact_genre_mix_beats_a_slightly_closer_text_match():
    # Psycho is a touch closer to the text, but Alien is exactly the horror/sci-fi asked for
    cands = [Candidate(item=ITEMS["c"], signals={"semantic": 0.60, "popularity": 0.5}),
             Candidate(item=ITEMS["d"], signals={"semantic": 0.55, "popularity": 0.5})]
    out = FastScorer().score(_ask("horror, sci-fi"), DialogueState(), cands, index=VECS)
    assert [c.item.id for c in out] == ["d", "c"]
    assert out[0].signals["intent_genre"] == 1.0 and out[1].signals["intent_genre"] < 1.0
    # the reason names the genres that carried it
    assert "horror" in template_reason(out[0], _ask("horror, sci-fi"), "en")


def test_no_asked_genres_means_no_genre_push():
    cands = [Candidate(item=ITEMS["c"], signals={"semantic": 0.60, "popularity": 0.5}),
             Candidate(item=ITEMS["d"], signals={"semantic": 0.55, "popularity": 0.5})]
    out = FastScorer().score(_ask("something scary"), DialogueState(), cands, index=VECS)
    assert [c.item.id for c in out] == ["c", "d"]
    assert all(c.signals["intent_genre_part"] == 0 for c in out)


def test_a_mood_that_avoids_a_genre_pushes_it_down():
    """"lighter": with the same text match and popularity, the horror item goes below the other."""
    cands = [Candidate(item=ITEMS["c"], signals={"semantic": 0.6, "popularity": 0.6}),
             Candidate(item=ITEMS["b"], signals={"semantic": 0.5, "popularity": 0.5})]
    plain = FastScorer().score(Instruction(), DialogueState(), cands, index=VECS)
    assert plain[0].item.id == "c"  # without the mood the horror film leads
    out = FastScorer().score(Instruction(intention=Intention(avoid=["horror"])), DialogueState(), cands, index=VECS)
    assert [c.item.id for c in out] == ["b", "c"] and out[1].signals["avoided"] == 0.5


def test_a_hard_genre_filter_alone_does_not_prefer_films_of_that_genre_only():
    """"horror films": every candidate passed the include filter, so a horror/sci-fi classic that more
    people watched comes before a little-watched pure horror film that matches the words a bit more
    (the browser showed Nine Months, IMDb 5.3, before Groundhog Day for "a few 90s comedies")."""
    pure = Item(id="p", title="Obscure Horror", year=1995, genres=("horror",), runtime=90, rating=5.3)
    cands = [Candidate(item=pure, signals={"semantic": 0.61, "popularity": 0.30}),
             Candidate(item=ITEMS["d"], signals={"semantic": 0.55, "popularity": 0.90})]
    vecs = {**VECS.table, "p": VECS.table["c"]}
    hard = Instruction(intention=Intention(kind="specific", text="horror films"),
                       constraints=Filters(include_genres=["horror"]))
    out = FastScorer().score(hard, DialogueState(), cands, index=VECS, vectors=vecs)
    assert [c.item.id for c in out] == ["d", "p"]
    assert all(c.signals["intent_genre_part"] == 0 for c in out)
    # a mix the user described ("horror, nothing else mixed in" read as soft genres beyond the
    # filter is the evaluation's case) still orders by closeness of the genre mix
    soft = Instruction(intention=read_intention(Intention(kind="specific", text="horror, sci-fi"), sorted(VOCAB)),
                       constraints=Filters(include_genres=["horror"]))
    mixed = FastScorer().score(soft, DialogueState(), cands, index=VECS, vectors=vecs)
    assert mixed[0].item.id == "d" and mixed[0].signals["intent_genre"] == 1.0 > mixed[1].signals["intent_genre"]
