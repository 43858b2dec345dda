"""Template reasons: one true, specific line per card, rendered by code from the item's catalog
facts and what this user said (prompts/reasons.yaml), in the user's language. Every card has one
from the first list on; a model-written reason replaces it only when `recommender.grounding`
accepts it.

A line is the item's attributes, then up to two "because" parts, most personal first:
1. the film it resembles: the reference the user named, a film they liked, or one that viewers of
   their films also watched;
2. what it matches of this turn's request: the genre asked for, the mood ("for a lighter
   evening"), else the period, length or rating limit in force (every limit it meets is a part,
   the others after 4, so the model has them to choose from);
3. what sets it apart on this list: the highest rated, the shortest, the newest, the oldest;
4. the genres the user has liked in this session (only when they have);
5. otherwise: popular and well rated, or popular with viewers of similar taste.
Never the request pasted back, never "genres you like" for a genre that was only asked for.

Example: "A 1995 animation/comedy film, 81 min, IMDb 8.2 — close to Toy Story, which you liked;
the highest rated on this list"
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

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


def list_facts(candidates: Sequence[Candidate]) -> dict[str, str]:
    """What sets one card apart on a list of at least 3: {item_id: "top_rated" | "shortest" |
    "newest" | "oldest"}, one fact per item, each fact to one item (ties: none)."""
    items = [c.item for c in candidates]
    if len(items) < 3:
        return {}
    out: dict[str, str] = {}

    def unique_best(key, values) -> None:
        known = [(v, it.id) for it, v in zip(items, values) if v is not None]
        if len(known) < 3:
            return
        best = max(v for v, _ in known)
        winners = [i for v, i in known if v == best]
        if len(winners) == 1 and winners[0] not in out:
            out[winners[0]] = key

    unique_best("top_rated", [it.rating for it in items])
    unique_best("shortest", [-it.runtime if it.runtime else None for it in items])
    unique_best("newest", [it.year for it in items])
    unique_best("oldest", [-it.year if it.year else None for it in items])
    return out


def _apart_helps(apart: str, instruction: Instruction) -> bool:
    """"the newest on this list" helps only a user who did not ask for older films (and "the
    oldest" one who did not ask for newer ones); the highest rated and the shortest always help."""
    c, intent = instruction.constraints, instruction.intention
    wants_old = c.max_year is not None and c.min_year is None
    wants_new = intent.recent or (c.min_year is not None and c.max_year is None)
    if apart == "newest":
        return not wants_old and (wants_new or c.min_year is not None)
    if apart == "oldest":
        return not wants_new and (wants_old or c.max_year is not None)
    return True


def _attributes(candidate: Candidate, instruction: Instruction, lang: str) -> str:
    item = candidate.item
    asked = [g for g in instruction.constraints.include_genres if g in item.genres]
    genres = (asked + [g for g in item.genres if g not in asked])[:2]
    sep = "/" if lang == "en" else "、"
    genre_words = sep.join(genre_name(g, lang) for g in genres)
    film = render("reasons", "words.film", lang=lang)
    if lang == "en":
        genre = f"{genre_words} {film}" if genre_words else film
    else:  # "黑色电影" is already a film: no "黑色电影电影"
        genre = genre_words if genre_words.endswith(("电影", "片")) else f"{genre_words}{film}"
    article = "An" if (not item.year and genre[:1].lower() in "aeiou") else "A"
    rating = f"{item.rating:.1f}" if item.rating is not None else None
    return render("reasons", "attributes", lang=lang, article=article, year=item.year, genre=genre,
                  runtime=item.runtime, rating=rating)


# "close to X" (asked for, or liked) only where the two descriptions are close (MiniLM cosine): ranked
# up by other signals after "like Groundhog Day", *Seven* (0.3) was called "close to Groundhog Day".
CLOSE_COSINE = 0.45


def _resembles(candidate: Candidate, lang: str, titles: Mapping[str, str]) -> str | None:
    ev, signal = candidate.evidence, strongest_signal(candidate)
    parts = candidate.signals
    # "close to X" needs both: close descriptions and at least one genre in common (unknown = not
    # checked). The browser showed The Piano "close to The Lion King" on wording alone.
    close = parts.get("reference", CLOSE_COSINE) >= CLOSE_COSINE and parts.get("reference_shared_genres", 1) > 0
    if ev.get("reference") in titles and close and (signal == "reference" or parts.get("reference_part", 0) > 0.05):
        return render("reasons", "because.reference", lang=lang, title=titles[ev["reference"]])
    liked_close = parts.get("liked_cosine", CLOSE_COSINE) >= CLOSE_COSINE and parts.get("liked_shared_genres", 1) > 0
    if ev.get("liked") in titles and liked_close and (signal in ("affinity", "reference")
                                                       or parts.get("affinity_part", 0) > 0.05):
        return render("reasons", "because.liked", lang=lang, title=titles[ev["liked"]])
    # "often watched by people who also watched X" only where X shares a genre with the card: true of
    # a horror film and Toy Story too (the browser showed it after a switch to horror), but no reason
    if ev.get("collab") in titles and signal in ("collab", "sequential") and parts.get("collab_shared_genres", 1) > 0:
        return render("reasons", "because.collab", lang=lang, title=titles[ev["collab"]])
    return None


def _matches(candidate: Candidate, instruction: Instruction, lang: str) -> list[str]:
    """Everything the item matches of the request in force, each named by its own facts, the most
    telling first: the genre asked for (or the mood), then the length, rating and period limits."""
    item, c, intent = candidate.item, instruction.constraints, instruction.intention
    out: list[str] = []
    asked = [g for g in c.include_genres if g in item.genres]
    wished = [g for g in intent.genres if g in item.genres]
    if asked:  # the attributes name the genre already: say that it is the one asked for
        out.append(render("reasons", "because.asked_genre", lang=lang))
    elif wished and intent.moods and not intent.moods[0].startswith("not ") and intent.moods[0] not in _NO_GENRE_MOODS:
        mood = render("replies", f"moods.{intent.moods[0]}", lang=lang)
        out.append(render("reasons", "because.mood", lang=lang, mood=mood,
                          genres=join_words([genre_name(g, lang) for g in wished[:2]], lang)))
    elif wished and (not intent.moods or intent.moods[0] in _NO_GENRE_MOODS):
        # "they like westerns", "a comedy or a horror": a genre wished for softly ("lesser-known" says nothing
        # of genres: calling every card "comedy: lesser-known" named Groundhog Day a lesser-known film)
        out.append(render("reasons", "because.leaning", lang=lang,
                          genres=join_words([genre_name(g, lang) for g in wished[:2]], lang)))
    if c.max_runtime and item.runtime:
        out.append(render("reasons", "because.runtime", lang=lang, runtime=item.runtime, limit=c.max_runtime))
    if c.min_rating and item.rating is not None:
        out.append(render("reasons", "because.rating", lang=lang, rating=f"{item.rating:.1f}"))
    if (c.min_year or c.max_year) and item.year:
        out.append(render("reasons", "because.period", lang=lang, year=item.year))
    return out


# Moods that lean to no genre: a card's genres are never given as the reason it fits them.
_NO_GENRE_MOODS = ("lesser-known", "not lesser-known")

# What makes a film "well rated" and "widely watched" in a reason (IMDb rating, number of IMDb votes).
WELL_RATED, WIDELY_WATCHED = 7.5, 10_000


def _general(item) -> str:
    """The reason when nothing more personal applies, true of this film: "popularity" (well rated and
    widely watched), "well_rated", "widely_watched", or "fits" (neither: Wild Bill, IMDb 5.7, is no
    "popular, well-rated pick")."""
    rated = item.rating is not None and item.rating >= WELL_RATED
    watched = item.votes is not None and item.votes >= WIDELY_WATCHED
    return "popularity" if rated and watched else "well_rated" if rated else "widely_watched" if watched else "fits"


def reason_parts(candidate: Candidate, instruction: Instruction, lang: str,
                 titles: Mapping[str, str] | None = None, *, apart: str | None = None,
                 liked_genres: Mapping[str, int] | None = None) -> tuple[str, list[str]]:
    """(the item's attributes, every true "because" part available for it, most personal first).
    The template reason shows the first two; the language model may pick others (`compose`)."""
    titles = titles or {}
    item = candidate.item
    matches = _matches(candidate, instruction, lang)
    parts = [p for p in (_resembles(candidate, lang, titles), *matches[:1]) if p]
    if apart and _apart_helps(apart, instruction):
        parts.append(render("reasons", f"apart.{apart}", lang=lang))
    if liked_genres:
        asked = set(instruction.constraints.include_genres)
        shared = [g for g in item.genres if liked_genres.get(g, 0) > 0 and g not in asked]
        if shared:
            g = max(shared, key=lambda x: liked_genres[x])
            parts.append(render("reasons", "because.liked_genre", lang=lang, genre=genre_name(g, lang),
                                n=liked_genres[g]))
    parts += matches[1:]  # the other limits it meets: more true facts for the model to choose from
    if not parts:
        signal = strongest_signal(candidate)
        key = "collab_generic" if signal in ("collab", "sequential") else (
            "recency" if signal == "recency" else _general(item))
        parts.append(render("reasons", f"because.{key}", lang=lang))
    return _attributes(candidate, instruction, lang), parts


def compose(attributes: str, parts: Sequence[str], lang: str) -> str:
    """One reason line from the attributes and up to two chosen parts."""
    sep = "；" if lang == "zh" else "; "
    return render("reasons", "line", lang=lang, attributes=attributes, because=sep.join(list(parts)[:2]))


def template_reason(candidate: Candidate, instruction: Instruction, lang: str,
                    titles: Mapping[str, str] | None = None, *, apart: str | None = None,
                    liked_genres: Mapping[str, int] | None = None) -> str:
    """One grounded line: the item's attributes + up to two "because" parts (module docstring).

    `titles` maps evidence ids (liked / reference items) to display titles in `lang`; `apart`: what
    sets the item apart on its list (`list_facts`); `liked_genres`: genre -> how many films the user
    liked in this session. Example: "A 1995 animation/comedy film, 81 min, IMDb 8.2 — close to Toy
    Story, which you liked; the highest rated on this list"
    """
    attributes, parts = reason_parts(candidate, instruction, lang, titles, apart=apart, liked_genres=liked_genres)
    return compose(attributes, parts, lang)


def liked_genre_counts(liked_items: Sequence) -> dict[str, int]:
    """genre -> how many of the liked items have it. Example: [Toy Story, Babe] -> {"comedy": 2, ...}"""
    return dict(Counter(g for it in liked_items if it is not None for g in it.genres))
