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

from catalog.filters import Filters
from catalog.genres import genre_name
from catalog.item import Item
from chat.instruction import Instruction, Language
from prompts import render, template_text


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


def understood(instruction: Instruction, n: int, lang: Language) -> str:
    """The reply above a fresh list: what was understood, how many items, what to do next."""
    what = instruction.intention.text or instruction.preference.text
    if any(t.lower() in what.lower() for t in instruction.reference_titles):
        what = ""  # "something like Toy Story" is already said by the reference
    return render(
        "replies", "list", lang=lang, n=n, what=what,
        constraints=describe_filters(instruction.constraints.model_copy(update={"exclude_ids": []}), lang),
        references=instruction.reference_titles,
    )


def feedback_ack(kind: str, item: Item | None, n: int, lang: Language) -> str:
    title = item.title if item is not None else ""
    return render("replies", f"feedback.{kind}", lang=lang, title=title, n=n)


def question_answer(item: Item, lang: Language) -> str:
    """An answer about one item, from its catalog attributes only (nothing invented)."""
    return render(
        "replies", "question", lang=lang, title=item.title, year=item.year,
        genres=join_words([genre_name(g, lang) for g in item.genres], lang),
        runtime=item.runtime, rating=item.rating, votes=item.votes, mpaa=item.mpaa,
        description=item.description,
    )


def no_such_position(position: int, n: int, lang: Language) -> str:
    return render("replies", "no_such_position", lang=lang, position=position, n=n)


def smalltalk(lang: Language, has_list: bool) -> str:
    return render("replies", "smalltalk", lang=lang, has_list=has_list)


def reset(lang: Language) -> str:
    return render("replies", "reset", lang=lang)


def empty_message(lang: Language) -> str:
    return render("replies", "empty_message", lang=lang)


def no_match(f: Filters, relax: str | None, lang: Language) -> str:
    """Nothing satisfies the constraints: say which ones, and what to relax (a key of
    `filter_names` in replies.yaml, e.g. "max_runtime"), or suggest starting over."""
    described = describe_filters(f.model_copy(update={"exclude_ids": []}), lang)
    hint = render("replies", f"relax.{relax}", lang=lang) if relax else render("replies", "relax.none", lang=lang)
    return render("replies", "no_match", lang=lang, constraints=described, hint=hint)


def llm_failed(lang: Language, *, timed_out: bool, error: str = "") -> str:
    """The visible note when the LLM ranker fails: the fast list stays."""
    return render("replies", "llm_timeout" if timed_out else "llm_failed", lang=lang, error=error[:200])
