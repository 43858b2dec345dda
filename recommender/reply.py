"""Short reply texts of the assistant, in the user's language, from prompts/replies.yaml.

Each function renders one situation: what was understood and what to do next, an answer about
an item (its catalog attributes only), a nudge for small talk, reset, an empty message, and
the explanation when no item satisfies the constraints (which constraint emptied the list
and what to relax). Texts are data (prompts/replies.yaml); this module only picks and fills.

Example:
    describe_filters(Filters(include_genres=["comedy"], min_year=1950, max_year=1959), "en")
    # -> "comedy, from 1950 to 1959"
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from catalog.filters import PEOPLE_BY_ROLE, Filters
from catalog.genres import genre_name
from catalog.item import Item
from chat.instruction import Instruction, Language, ListPick
from prompts import load, render, template_text


def join_words(words: list[str], lang: str) -> str:
    # template_text, not render: render strips, and a separator is all spaces and punctuation
    return template_text("reasons", "words.and", lang).join(words) if len(words) > 1 else "".join(words)


def describe_filters(f: Filters, lang: Language) -> str:
    """The hard constraints in words, e.g. "comedy, from 1990 to 1999, at most 100 min"."""
    parts: list[str] = []
    if f.include_genres:
        parts.append(join_words([genre_name(g, lang) for g in f.include_genres], lang))
    if f.exclude_genres:
        parts.append(render("replies", "filter.exclude", lang=lang,
                            genres=join_words([genre_name(g, lang) for g in f.exclude_genres], lang)))
    if f.min_year is not None or f.max_year is not None:
        parts.append(render("replies", "filter.years", lang=lang, lo=f.min_year, hi=f.max_year))
    if f.max_runtime is not None:
        parts.append(render("replies", "filter.runtime", lang=lang, minutes=f.max_runtime))
    if f.min_rating is not None:
        parts.append(render("replies", "filter.rating", lang=lang, rating=f.min_rating))
    if f.mpaa:
        parts.append(render("replies", "filter.mpaa", lang=lang, mpaa="/".join(f.mpaa)))
    return template_text("replies", "filter.sep", lang).join(parts)


def moods_text(moods: list[str], lang: Language) -> str:
    """The moods understood, in words: ["lighter", "not moving"] -> "lighter, not moving"."""
    names = load("replies")["moods"]
    out = []
    for mood in moods:
        if mood == "animation studio" and "family" in moods:
            continue  # "for the family" says it already ("kids' cartoons" then "any disney ones?")
        if mood in names:  # "not lesser-known" has a word of its own: "well-known"
            out.append(names[mood].get(lang, mood))
            continue
        flipped = mood.startswith("not ")
        key = mood[4:] if flipped else mood
        word = names.get(key, {}).get(lang, key)
        out.append(render("replies", "moods.not", lang=lang, mood=word) if flipped else word)
    return join_words(out, lang)


def noted(lang: Language, *, loved: Sequence[str] = (), hated: Sequence[str] = (), seen: Sequence[str] = ()) -> str:
    """What the user said of the films they named, e.g. "Noted: you loved Heat; you've seen Alien.
    I'll leave them out." ("" when they named none)."""
    count = len(loved) + len(hated) + len(seen)
    if not count:
        return ""
    return render("replies", "noted", lang=lang, loved=list(loved), hated=list(hated), seen=list(seen),
                  count=count) + ("" if lang == "zh" else " ")


def understood(instruction: Instruction, n: int, lang: Language, *, seen: list[str] | None = None,
               more: bool = False, references: list[str] | None = None,
               titles: dict[str, str] | None = None, hint: bool = True) -> str:
    """The reply above a fresh list: what was understood, from the instruction's fields (never the
    message pasted back), how many items, and what to do next. `titles`: {item_id: title in the
    user's language} of the films the user named (loved / hated / seen, from `instruction.mentions`);
    `seen` (older form): titles the user watched. `references`: the catalog titles of the films
    the list is built around (default: those of `instruction.reference_ids` are not known here, so
    none); a reference the catalog does not have (the user's own words, e.g. a quoted
    description) is said as "close to what you described", never quoted back. `hint`: add what
    to do next ("Like or dislike any of them ..."), said with the first lists of a conversation."""
    by: dict[str, list[str]] = {"loved": [], "hated": [], "seen": list(seen or [])}
    if titles is not None:
        by["seen"] = []
        for m in instruction.mentions:
            if m.item_id in titles:
                by[m.opinion].append(titles[m.item_id])
    return render(
        "replies", "list", lang=lang, n=n, more=more, noted=noted(lang, **by),
        moods=moods_text(instruction.intention.moods, lang),
        leaning=(template_text("reasons", "words.or", lang).join(genre_name(g, lang) for g in instruction.leaning_genres())
                 if instruction.intention.either else
                 join_words([genre_name(g, lang) for g in instruction.leaning_genres()], lang)),
        constraints=describe_filters(instruction.constraints.model_copy(update={"exclude_ids": []}), lang),
        references=list(references or []),
        described=bool(instruction.reference_titles) and not references, hint=hint,
    )


def no_more(f: Filters, lang: Language) -> str:
    return render("replies", "no_more", lang=lang,
                  constraints=describe_filters(f.model_copy(update={"exclude_ids": []}), lang) or "-")


def unclear(lang: Language, has_list: bool) -> str:
    return render("replies", "unclear", lang=lang, has_list=has_list)


def no_people(names: list[str], lang: Language) -> str:
    return render("replies", "no_people", lang=lang, names=join_words(names, lang))




def feedback_ack(kind: str, titles: str | list[str], n: int, lang: Language) -> str:
    """"Got it: no more Heat and Fargo." Every card the turn reacted to is named, not only the last.
    Chinese templates put each title in 《》: ["A", "B"] -> 《A》、《B》."""
    names = [titles] if isinstance(titles, str) else [t for t in titles if t]
    if lang == "zh":
        title = "》、《".join(names)
    else:
        title = join_words([", ".join(names[:-1]), names[-1]] if len(names) > 2 else names, lang)
    return render("replies", f"feedback.{kind}", lang=lang, title=title, n=n)


def feedback_ack_all(groups: Sequence[tuple[str, list[str]]], n: int, lang: Language) -> str:
    """The reply to a turn that reacted to cards of several kinds, each named: [("like", ["Heat"]),
    ("dislike", ["Fargo"])] -> "Noted: you like Heat; no more Fargo. Here is the updated list (8 picks)."
    One kind alone reads as `feedback_ack`."""
    asked_more = {t for k, titles in groups if k == "more_like" for t in titles}
    # "loved the third one, more like it": the card wished for again is named once, as more_like
    groups = [(k, [t for t in titles if k != "like" or t not in asked_more]) for k, titles in groups]
    groups = [(k, t) for k, t in groups if t] or list(groups[-1:])
    if len(groups) == 1:
        return feedback_ack(groups[0][0], groups[0][1], n, lang)
    clauses = []
    for kind, titles in groups:
        title = "》、《".join(titles) if lang == "zh" else \
            join_words([", ".join(titles[:-1]), titles[-1]] if len(titles) > 2 else titles, lang)
        clauses.append(render("replies", f"feedback_clause.{kind}", lang=lang, title=title))
    return render("replies", "feedback_clauses", lang=lang, what=template_text("replies", "feedback_clause_sep", lang).join(clauses), n=n)


def understood_again(instruction: Instruction, lang: Language) -> str:
    """The visible note when the language model read a turn differently from the rules."""
    leaning = join_words([genre_name(g, lang) for g in instruction.leaning_genres()], lang)
    parts = [moods_text(instruction.intention.moods, lang),
             render("replies", "leaning", lang=lang, genres=leaning) if leaning and not instruction.intention.moods else "",
             describe_filters(instruction.constraints.model_copy(update={"exclude_ids": []}), lang)]
    what = template_text("replies", "filter.sep", lang).join(p for p in parts if p)
    return render("replies", "understood_again", lang=lang, act=instruction.action, what=what)


def understood_films(changed: Sequence[tuple[str, str]], lang: Language) -> str:
    """The visible note when the model read the user's opinion of named films differently from the
    rules: [(title, loved | hated | seen | similar)] -> "... you loved Heat; you want films like Alien ..."."""
    what = template_text("replies", "filter.sep", lang).join(
        render("replies", f"film_opinion.{op}", lang=lang, title=title) for title, op in changed)
    return render("replies", "understood_films", lang=lang, what=what)


def understand_failed(lang: Language, error: str) -> str:
    """The model could not read the turn (time-out, invalid answer): the rules' reading stands."""
    return render("replies", "understand_failed", lang=lang, error=error[:120])


def superseded(lang: Language) -> str:
    """A newer message of the session took the model; this turn keeps its fast list."""
    return render("replies", "superseded", lang=lang)


_SCARY = ("horror",)
_VIOLENT = ("war", "crime", "action", "horror")


def topic_answer(item: Item, topic: str, lang: Language, title: str) -> str:
    """What a question asks beyond the facts ("is it on netflix?", "ok for a 10 year old?", "is it
    scary?", "is it violent?"), from the item's genres and age rating only."""
    genres = join_words([genre_name(g, lang) for g in item.genres], lang)
    lower = {g.lower() for g in item.genres}
    if topic == "where":
        return render("replies", "question.topic.where", lang=lang, title=title)
    if topic == "have":  # "do you have alien?": yes, and what it is
        return render("replies", "question.topic.have", lang=lang, title=title)
    if topic == "kids":
        childrens = "children's" in lower
        if item.mpaa in ("G", "PG"):
            return render("replies", "question.topic.kids_ok", lang=lang, title=title, mpaa=item.mpaa, childrens=childrens)
        if item.mpaa == "PG-13":
            return render("replies", "question.topic.kids_pg13", lang=lang, title=title)
        if item.mpaa:
            return render("replies", "question.topic.kids_adult", lang=lang, title=title, mpaa=item.mpaa)
        if childrens:
            return render("replies", "question.topic.kids_unknown_childrens", lang=lang, title=title)
        return render("replies", "question.topic.kids_unknown", lang=lang, title=title, genres=genres)
    if topic == "scary" and "horror" not in lower and "thriller" in lower:
        return render("replies", "question.topic.scary_tense", lang=lang, title=title)
    marks = _SCARY if topic == "scary" else _VIOLENT
    which = [g for g in item.genres if g.lower() in marks]
    if which:
        words = join_words([genre_name(g, lang) for g in which], lang)
        return render("replies", f"question.topic.{topic}_yes", lang=lang, title=title, which=words, mpaa=item.mpaa)
    return render("replies", f"question.topic.{topic}_no", lang=lang, title=title, genres=genres)


def question_answer(item: Item, lang: Language, asks: str | None = None, *, title: str | None = None,
                    reason: str = "", plot: str = "", topic: str | None = None) -> str:
    """An answer about one item from its catalog attributes only, in `lang`, by what was asked
    (chat.instruction.QuestionKind): why (the card's reason), runtime, year, rating, genre,
    director / cast (from the item's own columns when a catalog has them, else said plainly),
    plot / what / other (the facts, and `plot`: the catalog's own description in the user's
    language when it has one, else a plain statement that it has none)."""
    title = title or item.title
    genres = join_words([genre_name(g, lang) for g in item.genres], lang)
    facts = render("replies", "question.facts", lang=lang, title=title, year=item.year, genres=genres,
                   runtime=item.runtime, rating=item.rating, votes=item.votes, mpaa=item.mpaa)
    if asks == "why" and reason:
        return render("replies", "question.why", lang=lang, title=title, reason=reason.rstrip("。."))
    if topic is not None and asks in ("other", "what", None):
        return topic_answer(item, topic, lang, title) + " " + facts
    if asks in ("runtime", "year", "rating", "genre"):
        return render("replies", f"question.{asks}", lang=lang, title=title, runtime=item.runtime, year=item.year,
                      rating=item.rating, votes=item.votes, genres=genres)
    if asks in PEOPLE_BY_ROLE:
        names = [str(v) for key in PEOPLE_BY_ROLE[asks] if (v := item.metadata.get(key))]
        if names:
            return render("replies", "question.people", lang=lang, title=title, people="; ".join(names))
        return render("replies", "question.no_people", lang=lang, title=title, asks=asks) + " " + facts
    text = facts
    if asks in ("plot", "what", "other", None):
        text += " " + (plot or render("replies", "question.no_plot", lang=lang))
    return text + ("\n" if lang == "en" else "") + render("replies", "question.next", lang=lang)


def pick_answer(pick: ListPick, items: Sequence[Item], lang: Language, titles: Mapping[str, str]) -> str:
    """Which card a superlative question picks, from the cards' facts: "Clerks is the shortest of
    these (92 min); then ...". `titles`: {item_id: the title shown in `lang`}. A quality no catalog
    has ("funniest") is answered with the best rated card of the genre it implies, and says so."""
    ranked = pick.order(items)
    genres = template_text("reasons", "words.or", lang).join(genre_name(g, lang) for g in pick.genres)
    if not ranked:
        return render("replies", "pick.none_of_genre" if pick.genres else "pick.unknown", lang=lang, genres=genres)

    def value(item: Item) -> str:
        n = getattr(item, pick.by)
        return render("replies", f"pick.value.{pick.by}", lang=lang, n=f"{n:,}" if pick.by == "votes" else n)

    others = [render("replies", "pick.other", lang=lang, title=titles.get(it.id, it.title), value=value(it))
              for it in ranked[1:3]]
    first = ranked[0]
    if pick.genres:
        return render("replies", "pick.genre", lang=lang, word=pick.word, genres=genres,
                      title=titles.get(first.id, first.title), value=value(first), others=others)
    superlative = template_text("replies", f"pick.superlative.{pick.by}_{'high' if pick.highest else 'low'}", lang)
    if len(pick.among) == 2 and len(ranked) == 2:  # "which is better, #1 or #3?"
        return render("replies", "pick.between", lang=lang, title=titles.get(first.id, first.title), value=value(first),
                      superlative=superlative, others=others)
    return render("replies", "pick.answer", lang=lang, title=titles.get(first.id, first.title), value=value(first),
                  superlative=superlative, others=others)


def render_text(key: str, lang: Language) -> str:
    """A fixed reply of prompts/replies.yaml by key. Example: render_text("question.topic.where_list", "en")"""
    return render("replies", key, lang=lang)


def no_such_position(position: int, n: int, lang: Language, fresh: bool = False) -> str:
    """There is no card `position` on a list of `n`; with n == 0, `fresh` says no list was shown yet in this chat."""
    return render("replies", "no_such_position", lang=lang, position=position, n=n, fresh=fresh)


def smalltalk(lang: Language, has_list: bool, kind: str = "chat", title: str = "") -> str:
    """A reply that fits the small talk: a card taken ("Enjoy Heat!"), thanks, goodbye, hello, or chat."""
    if kind == "taken" and title:
        return render("replies", "smalltalk_taken", lang=lang, title=title)
    if kind in ("help", "method", "thanks", "bye", "hello", "pleased"):
        return render("replies", f"smalltalk_{kind}", lang=lang, has_list=has_list)
    return render("replies", "smalltalk", lang=lang, has_list=has_list)


def reset(lang: Language) -> str:
    return render("replies", "reset", lang=lang)


def empty_message(lang: Language) -> str:
    return render("replies", "empty_message", lang=lang)


def no_match(f: Filters, relax: str | None, lang: Language, years: tuple[int, int] | None = None) -> str:
    """Nothing satisfies the constraints: say which ones, and what to relax (a key of
    `filter_names` in replies.yaml, e.g. "max_runtime"), or suggest starting over. `years`: the
    catalog's first and last year, said when the years are what to relax ("from 2010 on")."""
    described = describe_filters(f.model_copy(update={"exclude_ids": []}), lang)
    lo, hi = years if years and relax == "years" else (None, None)
    hint = render("replies", f"relax.{relax}", lang=lang, lo=lo, hi=hi) if relax \
        else render("replies", "relax.none", lang=lang)
    return render("replies", "no_match", lang=lang, constraints=described, hint=hint)


def unchanged(lang: Language) -> str:
    """A visible note when a refinement leaves the list as it was: it already fits what was said."""
    return render("replies", "unchanged", lang=lang)


def few_matches(n: int, relax: str, lang: Language) -> str:
    """A visible note when fewer titles match than were asked for: how many, and what to relax."""
    if relax == "mpaa":
        return render("replies", "few_matches_mpaa", lang=lang, n=n)
    return render("replies", "few_matches", lang=lang, n=n,
                  hint=render("replies", f"relax.{relax}", lang=lang, lo=None, hi=None))


def thin_pool(n: int, relax: str, lang: Language) -> str:
    """A visible note when so few titles fit that weak ones fill the list: how many fit, what to loosen."""
    return render("replies", "thin_pool", lang=lang, n=n,
                  hint=render("replies", f"relax.{relax}", lang=lang, lo=None, hi=None))


def llm_busy(lang: Language) -> str:
    """The visible note when the model stage is skipped because other sessions' calls queue for it."""
    return render("replies", "llm_busy", lang=lang)


def llm_failed(lang: Language, *, timed_out: bool, error: str = "") -> str:
    """The visible note when the LLM ranker fails: the fast list stays."""
    return render("replies", "llm_timeout" if timed_out else "llm_failed", lang=lang, error=error[:200])
