"""Fast scorer, template reasons and diversity, on hand-made vectors (no index needed)."""
from __future__ import annotations

import numpy as np
import pytest

from catalog.filters import Filters
from catalog.item import Item
from chat.instruction import Instruction, Intention
from chat.state import DialogueState
from prompts import load, render
from recommender.diversity import diversify, franchise_stem, same_franchise
from recommender.reasons import strongest_signal, template_reason
from recommender.score import FastScorer, ScoreWeights
from recommender.types import Candidate


class Vectors:
    """A stand-in for the index's stored vectors."""

    def __init__(self, table: dict[str, list[float]]):
        self.table = {k: np.asarray(v, np.float32) / np.linalg.norm(v) for k, v in table.items()}

    def vectors(self, ids):
        return np.stack([self.table[i] for i in ids])


ITEMS = {
    "a": Item(id="a", title="Toy Story", year=1995, genres=("animation", "comedy"), runtime=81, rating=8.2),
    "b": Item(id="b", title="The Lion King", year=1994, genres=("animation", "musical"), runtime=88, rating=8.2),
    "c": Item(id="c", title="Psycho", year=1960, genres=("horror", "thriller"), runtime=109, rating=8.6),
    "d": Item(id="d", title="Alien", year=1979, genres=("horror", "sci-fi"), runtime=117, rating=8.5),
}
VECS = Vectors({"a": [1, 0.1, 0], "b": [0.9, 0.3, 0], "c": [0, 0.1, 1], "d": [0.1, 0, 0.9]})


def cands(**semantic) -> list[Candidate]:
    return [Candidate(item=ITEMS[i], signals={"semantic": s, "popularity": 0.5}) for i, s in semantic.items()]


def test_semantic_order_without_feedback():
    out = FastScorer().score(Instruction(), DialogueState(), cands(a=0.2, b=0.9, c=0.5), index=VECS)
    assert [c.item.id for c in out] == ["b", "c", "a"]
    assert out[0].score == pytest.approx(1.0) and all(0 <= c.score <= 1 for c in out)


def test_like_pulls_similar_items_up_and_dislike_pushes_down():
    base = cands(b=0.5, c=0.55, d=0.5)
    neutral = [c.item.id for c in FastScorer().score(Instruction(), DialogueState(), base, index=VECS)]
    assert neutral[0] == "c"
    liked = FastScorer().score(Instruction(), DialogueState(liked_ids=["a"]), base, index=VECS)
    assert liked[0].item.id == "b"  # close to the liked Toy Story
    assert liked[0].evidence.get("liked") == "a"
    disliked = FastScorer().score(Instruction(), DialogueState(disliked_ids=["c"]), cands(b=0.5, d=0.55), index=VECS)
    assert [c.item.id for c in disliked] == ["b", "d"]  # d is close to the disliked Psycho


def test_weights_are_configurable_and_validated():
    heavy_pop = FastScorer({"semantic": 0.0, "popularity": 1.0})
    base = [Candidate(item=ITEMS["a"], signals={"semantic": 0.9, "popularity": 0.1}),
            Candidate(item=ITEMS["c"], signals={"semantic": 0.1, "popularity": 0.9})]
    assert heavy_pop.score(Instruction(), DialogueState(), base, index=VECS)[0].item.id == "c"
    with pytest.raises(ValueError):
        FastScorer({"semantics": 1.0})
    assert ScoreWeights().disliked < 0


def test_recency_only_when_asked():
    base = cands(c=0.5, d=0.5)
    asked = Instruction(intention=Intention(kind="vague", text="something recent and scary", recent=True))
    assert FastScorer().score(asked, DialogueState(), base, index=VECS)[0].item.id == "d"
    assert FastScorer().score(Instruction(), DialogueState(), base, index=VECS)[0].signals["recency_part"] == 0


def test_template_reason_english_names_liked_item_and_attributes():
    out = FastScorer().score(Instruction(), DialogueState(liked_ids=["a"]), cands(b=0.5, c=0.5), index=VECS)
    top = out[0]
    assert strongest_signal(top) == "affinity"
    line = template_reason(top, Instruction(), "en", {"a": "Toy Story"})
    assert line == "A 1994 animation/musical film, 88 min, IMDb 8.2 — close to Toy Story, which you liked"


def test_template_reason_chinese_and_query():
    ins = Instruction(intention=Intention(kind="specific", text="恐怖片"), language="zh",
                      constraints=Filters(include_genres=["horror"]))
    out = FastScorer().score(ins, DialogueState(), cands(c=0.9, d=0.2), index=VECS)
    line = template_reason(out[0], ins, "zh")
    assert line.startswith("1960年的恐怖、惊悚电影，109分钟，IMDb 8.6分")
    assert line.endswith("——正是你要的类型") and "恐怖片" not in line  # the genre named once, no echo


def test_reason_without_evidence_title_falls_back():
    c = Candidate(item=ITEMS["a"], signals={"reference_part": 0.3}, evidence={"reference": "zz"})
    assert template_reason(c, Instruction(), "en").endswith("a well-rated pick")  # IMDb 8.2, votes unknown


@pytest.mark.parametrize("name", ["reasons", "replies"])
def test_every_template_renders_in_both_languages(name):
    sample = dict(article="A", year=1995, genre="comedy film", runtime=81, rating="8.2", title="Toy Story",
                  query="funny", genres="comedy", attributes="A", because="b", n=3, what="x",
                  constraints="comedy", references=["Toy Story"], lo=1990, hi=1999, minutes=90, mpaa="PG",
                  votes=1000, description="d", position=4, has_list=True, hint="h", error="e",
                  seen=["Titanic"], more=True, moods="lighter", leaning="western", mood="sad", reason="r", people="p", asks="director",
                  names="Spielberg", act="refine", noted="Noted: you loved Heat.", loved=["Heat"],
                  hated=["Cats"], count=3, limit=100, described=False,
                  word="funniest", superlative="shortest", value="92 min", others=["Clerks (92 min)"], childrens=True, which="horror", fresh=False)

    def walk(node, key=""):
        if isinstance(node, dict) and set(node) >= {"en", "zh"} and all(isinstance(v, str) for v in node.values()):
            for lang in ("en", "zh"):
                assert render(name, key, lang=lang, **sample)
        elif isinstance(node, dict) and key != "genre_names":
            for k, v in node.items():
                walk(v, f"{key}.{k}" if key else k)

    walk(load(name))


def test_every_genre_of_the_vocabulary_has_a_name_in_both_languages():
    from catalog.genres import genre_name, vocabulary

    for g in vocabulary():
        assert set(g.names) == {"en", "zh"}, g.key
        assert genre_name(g.key, "zh") != genre_name(g.key, "en"), g.key
    assert genre_name("documentary", "zh") == "纪录片"  # one name everywhere (it was 纪录 in one copy)
    assert genre_name("cozy mystery", "zh") == "cozy mystery"  # a catalog's own genre keeps its name


# ----------------------------------------------------------------- diversity

@pytest.mark.parametrize("title,stem", [
    ("Star Trek VI: The Undiscovered Country", "star trek"), ("Star Trek: First Contact", "star trek"),
    ("Godfather: Part II, The", "godfather"), ("The Godfather", "godfather"), ("Die Hard 2", "die hard"),
    ("Batman Returns", "batman returns"), ("Toy Story (1995)", "toy story"),
])
def test_franchise_stem(title, stem):
    assert franchise_stem(title) == stem


def test_same_franchise():
    assert same_franchise("batman", "batman returns") and not same_franchise("star wars", "star trek")


def trek(i: int, title: str, score: float) -> Candidate:
    return Candidate(item=Item(id=str(i), title=title, genres=("sci-fi",)), score=score)


def test_franchise_cap_breaks_up_sequels():
    titles = ["Star Trek: First Contact", "Star Trek: Generations", "Star Trek III: The Search for Spock",
              "Star Trek IV: The Voyage Home", "Alien", "Contact"]
    pool = [trek(n, t, 1.0 - n * 0.05) for n, t in enumerate(titles)]
    out = diversify(pool, k=4)
    first4 = [c.item.title for c in out[:4]]
    assert sum(t.startswith("Star Trek") for t in first4) == 2
    assert "Alien" in first4 and "Contact" in first4
    assert len(out) == len(pool)  # nothing is lost: capped items follow


def test_mmr_prefers_a_different_item_over_a_near_duplicate():
    pool = [Candidate(item=ITEMS["a"], score=1.0), Candidate(item=ITEMS["b"], score=0.95),
            Candidate(item=ITEMS["c"], score=0.7)]
    vecs = {i: VECS.table[i] for i in "abc"}
    assert [c.item.id for c in diversify(pool, k=3, vectors=vecs, lam=0.7)] == ["a", "c", "b"]
    assert [c.item.id for c in diversify(pool, k=3, vectors=vecs, lam=1.0)] == ["a", "b", "c"]


def test_a_cold_start_leans_on_what_many_liked_and_a_like_takes_over():
    # a generic request matches both descriptions about equally: the well-liked film comes first
    base = [Candidate(item=ITEMS["a"], signals={"semantic": 0.50, "popularity": 0.9}),
            Candidate(item=ITEMS["c"], signals={"semantic": 0.66, "popularity": 0.2})]
    cold = FastScorer().score(Instruction(), DialogueState(), base, index=VECS)
    assert [c.item.id for c in cold] == ["a", "c"]
    # once the user has liked something, the usual weight applies and closeness to the like counts
    warm = FastScorer().score(Instruction(), DialogueState(liked_ids=["d"]), base, index=VECS)
    assert [c.item.id for c in warm] == ["c", "a"]


def test_close_to_is_said_only_of_a_film_whose_description_is_close():
    from recommender.reasons import CLOSE_COSINE, reason_parts

    titles = {"a": "Toy Story"}
    far = Candidate(item=ITEMS["c"], signals={"reference": CLOSE_COSINE - 0.15, "reference_part": 0.3},
                    evidence={"reference": "a"})
    near = Candidate(item=ITEMS["b"], signals={"reference": CLOSE_COSINE + 0.1, "reference_part": 0.3},
                     evidence={"reference": "a"})
    ins = Instruction(reference_ids=["a"])
    assert not any("Toy Story" in p for p in reason_parts(far, ins, "en", titles=titles)[1])
    assert any("close to Toy Story" in p for p in reason_parts(near, ins, "en", titles=titles)[1])


def test_close_to_a_liked_film_is_said_only_when_it_is_close():
    from recommender.reasons import CLOSE_COSINE, reason_parts

    # the scorer records how close each card is to the liked film it names as evidence
    out = FastScorer().score(Instruction(), DialogueState(liked_ids=["a"]), cands(b=0.5, c=0.5), index=VECS)
    by = {c.item.id: c for c in out}
    assert by["b"].signals["liked_cosine"] == pytest.approx(float(VECS.table["a"] @ VECS.table["b"]), abs=1e-4)
    # a card pulled up by the like but far from it is not called "close to" it
    titles = {"a": "Toy Story"}

    def card(cosine: float) -> Candidate:
        return Candidate(item=ITEMS["c"], signals={"affinity_part": 0.3, "liked_cosine": cosine},
                         evidence={"liked": "a"})

    assert not any("Toy Story" in p for p in reason_parts(card(CLOSE_COSINE - 0.2), Instruction(), "en",
                                                           titles=titles)[1])
    assert any("close to Toy Story" in p for p in reason_parts(card(CLOSE_COSINE + 0.2), Instruction(), "en",
                                                                titles=titles)[1])


def test_close_to_needs_a_genre_in_common_with_the_film_named():
    """Descriptions can read alike across genres (metadata-only texts): a romance is never "close to
    The Lion King", however close the wording. The scorer records the genres shared with the film
    named as evidence; the reason reads them."""
    from recommender.reasons import CLOSE_COSINE, reason_parts

    class Catalog:
        def get(self, item_id):
            return ITEMS.get(item_id)

    ins = Instruction(reference_ids=["b"])  # The Lion King: animation, musical
    scored = FastScorer().score(ins, DialogueState(), [
        Candidate(item=ITEMS["a"], signals={"semantic": 0.5, "popularity": 0.5, "reference": 0.9},
                  evidence={"reference": "b"}),  # Toy Story shares animation
        Candidate(item=ITEMS["c"], signals={"semantic": 0.5, "popularity": 0.5, "reference": 0.9},
                  evidence={"reference": "b"})], index=VECS, catalog=Catalog())
    by = {c.item.id: c for c in scored}
    assert by["a"].signals["reference_shared_genres"] == 1 and by["c"].signals["reference_shared_genres"] == 0
    titles = {"b": "The Lion King"}
    for c in scored:  # the same closeness and weight: only the shared genre decides
        c.signals.update(reference=CLOSE_COSINE + 0.3, reference_part=0.5)
    assert any("close to The Lion King" in p for p in reason_parts(by["a"], ins, "en", titles=titles)[1])
    assert not any("Lion King" in p for p in reason_parts(by["c"], ins, "en", titles=titles)[1])


def test_like_a_film_prefers_its_kind_over_what_merely_reads_alike():
    """"Something like Alien": a film of Alien's genres (Psycho: horror) ranks above one whose
    description reads closer to the request but shares no genre (Toy Story), all else equal."""

    class Catalog:
        def get(self, item_id):
            return ITEMS.get(item_id)

    ins = Instruction(reference_ids=["d"])  # Alien: horror, sci-fi
    scored = FastScorer().score(ins, DialogueState(), cands(a=0.6, c=0.5), index=VECS, catalog=Catalog())
    assert [c.item.id for c in scored] == ["c", "a"]
    assert scored[0].signals["reference_genre"] > 0 == scored[1].signals["reference_genre"]
    # without a film named, the closer description wins
    plain = FastScorer().score(Instruction(), DialogueState(), cands(a=0.6, c=0.5), index=VECS, catalog=Catalog())
    assert [c.item.id for c in plain] == ["a", "c"]


@pytest.mark.parametrize("rating, votes, says", [
    (8.2, 50_000, "a popular, well-rated pick"),
    (8.0, 900, "a well-rated pick"),
    (6.1, 40_000, "a widely watched pick"),
    (5.7, 1_200, "it fits what you asked"),
    (None, None, "it fits what you asked"),
])
def test_the_general_reason_is_true_of_the_film(rating, votes, says):
    """Seen in the browser: Wild Bill (IMDb 5.7) was called "a popular, well-rated pick"."""
    item = Item(id="w", title="Wild Bill", year=1995, genres=("Western",), rating=rating, votes=votes)
    assert template_reason(Candidate(item=item, signals={}), Instruction(), "en").endswith(says)


def test_a_genre_wished_for_softly_is_the_reason():
    item = Item(id="w", title="High Noon", year=1952, genres=("western",), rating=8.3, votes=12_000)
    ins = Instruction(intention=Intention(kind="vague", genres=["western"]))
    assert template_reason(Candidate(item=item, signals={}), ins, "en").endswith("western, as you wanted")
    assert template_reason(Candidate(item=item, signals={}), ins, "zh").endswith("西部片，正合你意")


def test_a_mood_that_names_no_genre_is_never_a_cards_genre_reason():
    """Seen in the browser: with "any hidden gems?" every comedy card, Groundhog Day too, was called
    "comedy and romance: lesser-known, as you wanted"."""
    item = Item(id="g", title="Groundhog Day", year=1993, genres=("comedy", "romance"), rating=8.0, votes=44_000)
    ins = Instruction(intention=Intention(kind="vague", genres=["comedy", "romance"], moods=["lesser-known"]))
    line = template_reason(Candidate(item=item, signals={}), ins, "en")
    assert "lesser-known" not in line and line.endswith("comedy and romance, as you wanted")
