"""Candidate generation: the union of sources, and nothing the user or the constraints rule out."""
from __future__ import annotations

import pytest

from catalog.filters import Filters
from chat.instruction import Instruction, Intention
from chat.state import DialogueState
from recommender.candidates import (
    effective_filters,
    generate,
    popularity_prior,
    retrieve,
)
from recommender.collab import ItemCF

SEQUENCES = {
    "u1": ["1", "71", "588", "94"], "u2": ["1", "588", "420", "8"], "u3": ["71", "588", "1"],
    "u4": ["12", "56", "98", "5"], "u5": ["56", "12", "3", "185"], "u6": ["50", "174", "222", "183"],
}


def instr(text: str = "", **constraints) -> Instruction:
    return Instruction(intention=Intention(kind="vague" if text else "none", text=text),
                       constraints=Filters(**constraints))


def test_semantic_search_respects_constraints(index, catalog):
    ins = instr("funny family comedy", include_genres=["comedy"], max_runtime=100)
    cands = generate(ins, DialogueState(), index=index, catalog=catalog)
    assert cands
    assert all(ins.constraints.allows(c.item) for c in cands)
    assert all(c.signals.get("from_semantic") for c in cands[:3])
    assert {c.item.id for c in cands} == {i.id for i in catalog if ins.constraints.allows(i)}


def test_disliked_and_reference_items_never_come_back(index, catalog):
    state = DialogueState(disliked_ids=["1", "71"], liked_ids=["588"], reference_ids=["50"],
                          history_ids=["94", "8"])
    ins = instr("animated family films")
    got = retrieve(ins, state, index=index, catalog=catalog, collab=ItemCF().fit(SEQUENCES))
    found = {c.item.id for c in got.candidates}
    assert not found & {"1", "71", "50"}
    assert {"1", "71", "50"} <= set(got.filters.exclude_ids)
    # but a liked item may stay (the user can see what they liked)
    assert "588" in found


def test_collab_neighbours_are_rechecked_against_filters(index, catalog):
    # item-CF would bring 56 / 12 / 98 (crime, R); the constraints allow only G-rated films
    state = DialogueState(history_ids=["5", "3"])
    ins = instr("", mpaa=["G"])
    cands = generate(ins, state, index=index, catalog=catalog, collab=ItemCF().fit(SEQUENCES))
    assert cands and all(c.item.mpaa == "G" for c in cands)
    unfiltered = generate(instr(""), state, index=index, catalog=catalog, collab=ItemCF().fit(SEQUENCES))
    collab_ids = {c.item.id for c in unfiltered if c.signals.get("from_collab")}
    assert {"56", "12"} <= collab_ids
    assert any(c.signals["collab"] > 0 for c in unfiltered)


def test_constraint_only_request_falls_back_to_popular(index, catalog):
    ins = instr("", max_runtime=95)
    cands = generate(ins, DialogueState(), index=index, catalog=catalog)
    allowed = [i for i in catalog if ins.constraints.allows(i)]
    assert {c.item.id for c in cands} == {i.id for i in allowed}
    assert all(c.signals.get("from_popular") for c in cands)
    prior = [popularity_prior(c.item, catalog) for c in cands]
    assert prior == sorted(prior, reverse=True)


def test_neighbours_of_liked_items_join(index, catalog):
    state = DialogueState(liked_ids=["1"])
    cands = generate(instr("thriller"), state, index=index, catalog=catalog, k_semantic=3)
    assert any(c.signals.get("from_neighbours") for c in cands)
    assert all(c.item.id != "1" or "from_neighbours" not in c.signals for c in cands)


def test_no_item_satisfies_gives_empty(index, catalog):
    ins = instr("comedy", include_genres=["comedy"], min_year=1950, max_year=1959)
    assert generate(ins, DialogueState(), index=index, catalog=catalog) == []


def test_effective_filters_add_dislikes_and_keep_constraints():
    ins = instr("x", include_genres=["comedy"], exclude_ids=["3"])
    f = effective_filters(ins, DialogueState(disliked_ids=["7"]))
    assert f.include_genres == ["comedy"] and set(f.exclude_ids) == {"3", "7"}


@pytest.mark.parametrize("text,genres,expected", [
    ("推荐几部科幻片", ["sci-fi"], "sci-fi films"),
    ("像 Toy Story 一样的动画片", ["animation"], "Toy Story animation films"),
    ("类似星球大战的", [], ""),
    ("funny space movies", ["sci-fi"], "funny space movies"),
])
def test_chinese_requests_search_with_their_structured_part(text, genres, expected):
    from recommender.candidates import query_text

    ins = instr(text, include_genres=genres)
    assert query_text(ins) == expected
    assert query_text(ins, english_only=False) == text


def test_chinese_request_without_genres_still_gets_a_list(index, catalog):
    cands = generate(instr("类似星球大战的"), DialogueState(), index=index, catalog=catalog)
    assert cands and all(c.signals.get("from_popular") for c in cands)


def test_a_cold_start_also_considers_the_well_liked_films_that_pass(index, catalog):
    # the semantic search keeps only its 2 nearest: the rest of a cold start's candidates are the
    # most popular films that pass the filters, so a generic request can find well-known films
    ins = instr("a few comedies", include_genres=["comedy"])
    got = retrieve(ins, DialogueState(), index=index, catalog=catalog, k_semantic=2, k_fallback=3)
    popular = [it for it in sorted(catalog, key=lambda it: -popularity_prior(it, catalog))
               if ins.constraints.allows(it)][:3]
    found = {c.item.id: c.signals for c in got.candidates}
    assert all(it.id in found for it in popular)
    assert all(ins.constraints.allows(c.item) for c in got.candidates)
    # with a like the session is no cold start: the like's neighbours take that place
    warm = retrieve(ins, DialogueState(liked_ids=["1"]), index=index, catalog=catalog, k_semantic=2, k_fallback=3,
                    k_neighbours=2, min_candidates=1)
    assert not any(c.signals.get("from_popular") for c in warm.candidates)


def test_a_soft_genre_wish_brings_films_of_that_genre_in(index, catalog):
    """"maybe something with horror?" after a request whose words find none: the genre is a leaning,
    not a filter, and yet the list can only change if films of it are among the candidates."""
    plain = instr("a fun evening with friends")
    leaning = plain.model_copy(update={"intention": plain.intention.model_copy(update={"genres": ["horror"]})})
    before = retrieve(plain, DialogueState(), index=index, catalog=catalog, k_semantic=2, k_fallback=3)
    after = retrieve(leaning, DialogueState(), index=index, catalog=catalog, k_semantic=2, k_fallback=3)
    horror = {it.id for it in catalog if "horror" in it.genres}
    assert not horror & {c.item.id for c in before.candidates}
    assert horror & {c.item.id for c in after.candidates}
    # still a wish inside the hard filters: nothing that breaks them comes in
    capped = leaning.model_copy(update={"constraints": Filters(max_runtime=95)})
    got = retrieve(capped, DialogueState(), index=index, catalog=catalog, k_semantic=2, k_fallback=3)
    assert all((c.item.runtime or 0) <= 95 for c in got.candidates)


def test_a_genre_a_mood_steers_away_from_is_no_leaning():
    ins = Instruction(intention=Intention(kind="vague", genres=["comedy", "crime"], avoid=["crime"]),
                      constraints=Filters(include_genres=["Comedy"]))
    assert ins.leaning_genres() == []
    assert Instruction(intention=Intention(kind="vague", genres=["western"])).leaning_genres() == ["western"]
