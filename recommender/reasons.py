"""Template reasons: one true line per card from the item's catalog attributes and the signal that
put it there (a liked title, the reference, what similar viewers chose, the request), in the
user's language (prompts/reasons.yaml). Every card has one from the first list on; a model-written
reason replaces it only when `recommender.grounding` accepts it.

Example: "A 1995 animation/comedy film, 81 min, IMDb 8.2 — close to Toy Story, which you liked"
"""
from __future__ import annotations

from collections.abc import Mapping

from catalog.genres import genre_name
from chat.instruction import Instruction
from prompts import render
from recommender.reply import join_words
from recommender.types import Candidate

_REASON_SIGNALS = ("reference", "affinity", "collab", "sequential", "semantic", "genre", "intent_genre",
                   "recency", "popularity")


def strongest_signal(candidate: Candidate) -> str:
    """The positive signal that contributed most to the candidate's score ("popularity" when
    none did). A signal needs its evidence to be named (a liked title, a query)."""
    best, best_val = "popularity", 0.0
    for s in _REASON_SIGNALS:
        val = candidate.signals.get(f"{s}_part", 0.0)
        if val > best_val + 1e-9:
            best, best_val = s, val
    return best


def _attributes(candidate: Candidate, instruction: Instruction, lang: str) -> str:
    item = candidate.item
    asked = [g for g in instruction.constraints.include_genres if g in item.genres]
    genres = (asked + [g for g in item.genres if g not in asked])[:2]
    sep = "/" if lang == "en" else "、"
    genre_words = sep.join(genre_name(g, lang) for g in genres)
    film = render("reasons", "words.film", lang=lang)
    genre = f"{genre_words} {film}" if (genre_words and lang == "en") else f"{genre_words}{film}"
    article = "An" if (not item.year and genre[:1].lower() in "aeiou") else "A"
    rating = f"{item.rating:.1f}" if item.rating is not None else None
    return render("reasons", "attributes", lang=lang, article=article, year=item.year, genre=genre,
                  runtime=item.runtime, rating=rating)


def template_reason(candidate: Candidate, instruction: Instruction, lang: str,
                    titles: Mapping[str, str] | None = None) -> str:
    """One grounded line: the item's attributes + its strongest signal, in `lang` ("en"/"zh").

    `titles` maps evidence ids (liked / reference items) to display titles; without it the
    reason falls back to a signal that needs no title.
    Example: "A 1995 animation/comedy film, 81 min, IMDb 8.2 — close to Toy Story, which you liked"
    """
    titles = titles or {}
    signal = strongest_signal(candidate)
    because: str
    ev = candidate.evidence
    if signal == "reference" and ev.get("reference") in titles:
        because = render("reasons", "because.reference", lang=lang, title=titles[ev["reference"]])
    elif signal in ("affinity", "reference") and ev.get("liked") in titles:
        because = render("reasons", "because.liked", lang=lang, title=titles[ev["liked"]])
    elif signal == "collab":
        if ev.get("collab") in titles:
            because = render("reasons", "because.collab", lang=lang, title=titles[ev["collab"]])
        else:
            because = render("reasons", "because.collab_generic", lang=lang)
    elif signal == "sequential":  # what viewers with a similar watch sequence chose next
        because = render("reasons", "because.collab_generic", lang=lang)
    elif signal == "semantic" and instruction.intention.text:
        because = render("reasons", "because.semantic", lang=lang, query=instruction.intention.text[:60])
    elif signal in ("genre", "intent_genre") and candidate.item.genres:
        genres = join_words([genre_name(g, lang) for g in candidate.item.genres[:2]], lang)
        because = render("reasons", "because.genre", lang=lang, genres=genres)
    elif signal == "recency":
        because = render("reasons", "because.recency", lang=lang)
    elif instruction.intention.text and candidate.signals.get("semantic", 0.0) > 0:
        because = render("reasons", "because.semantic", lang=lang, query=instruction.intention.text[:60])
    else:
        because = render("reasons", "because.popularity", lang=lang)
    return render("reasons", "line", lang=lang, attributes=_attributes(candidate, instruction, lang),
                  because=because)
