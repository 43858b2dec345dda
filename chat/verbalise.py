"""Verbalise an Instruction for the ranker, InstructRec-style (templates in prompts/instructions.yaml).

InstructRec phrases each request as an instruction over three axes: preference (none /
implicit: the user's past and liked items / explicit: a stated taste), intention (none / vague /
specific) and task form (rank given candidates / retrieve from the catalog). Every one of the
18 combinations has two templates in English and Chinese; `verbalise` picks one
deterministically (t1 unless `template_index` says otherwise).

The three variants of the paper's evaluation are plain Instructions:
    preference only:                Instruction(preference=Preference(kind="implicit"), task="rank")
    preference + specific intention: ... intention=Intention(kind="specific", text="90s comedies") ...
    intention only:                 Instruction(intention=Intention(kind="specific", text=...), task="rank")

Example:
    >>> verbalise(instruction, history_titles=["Toy Story (1995)"], liked_titles=[],
    ...           candidates_text="1. Babe (1995)\\n2. Heat (1995)", lang="en")
    'The user has interacted with these items, in order: Toy Story (1995). ...'
"""
from __future__ import annotations

from catalog.filters import Filters
from catalog.genres import genre_name
from chat.instruction import Instruction

import prompts

PREFERENCES = ("none", "implicit", "explicit")
INTENTIONS = ("none", "vague", "specific")
TASKS = ("rank", "retrieve")


def template_keys(preference: str, intention: str, task: str) -> list[str]:
    """The template keys for one combination, e.g. ["templates.implicit.specific.rank.t1", ...]."""
    entry = prompts.load("instructions")["templates"][preference][intention][task]
    return [f"templates.{preference}.{intention}.{task}.{name}" for name in sorted(entry)]


def _genre_names(genres: list[str], lang: str) -> str:
    if lang == "zh":
        return "、".join(genre_name(g, "zh") for g in genres)
    return ", ".join(genres)


def describe_constraints(f: Filters, lang: str = "en") -> str:
    """Hard constraints as one short phrase in the user's language (also for the UI panel).
    Example: describe_constraints(Filters(include_genres=["comedy"], max_year=1989))
             -> "genres comedy; released in 1989 or earlier" """
    def part(key: str, **v) -> str:
        return prompts.render("instructions", f"parts.{key}", lang=lang, **v)

    out = []
    if f.include_genres:
        out.append(part("genres_in", genres=_genre_names(f.include_genres, lang)))
    if f.exclude_genres:
        out.append(part("genres_out", genres=_genre_names(f.exclude_genres, lang)))
    if f.min_year is not None and f.max_year is not None:
        out.append(part("year_range", lo=f.min_year, hi=f.max_year))
    elif f.min_year is not None:
        out.append(part("year_min", lo=f.min_year))
    elif f.max_year is not None:
        out.append(part("year_max", hi=f.max_year))
    if f.max_runtime is not None:
        out.append(part("runtime", minutes=f.max_runtime))
    if f.min_rating is not None:
        out.append(part("rating", rating=f"{f.min_rating:g}"))
    if f.mpaa:
        out.append(part("mpaa", ratings="/".join(f.mpaa)))
    if f.exclude_ids:
        out.append(part("excluded", n=len(f.exclude_ids)))
    if not out:
        return part("none")
    return ("；" if lang == "zh" else "; ").join(out)


def verbalise(instruction: Instruction, *, history_titles: list[str], liked_titles: list[str],
              candidates_text: str = "", template_index: int | None = None, lang: str | None = None) -> str:
    """The instruction as text for the ranker, from the template for its (preference,
    intention, task) combination. `template_index` (0-based, wraps around) picks another
    template of the same combination; None means the first. `lang` defaults to the
    instruction's language. A "rank" task needs `candidates_text`.
    """
    lang = lang or instruction.language
    pref = instruction.preference.kind
    if pref == "implicit" and not (history_titles or liked_titles):
        pref = "none"  # nothing to show for an implicit preference
    keys = template_keys(pref, instruction.intention.kind, instruction.task)
    key = keys[(template_index or 0) % len(keys)]
    if instruction.task == "rank" and not candidates_text.strip():
        raise ValueError("verbalise: a 'rank' instruction needs candidates_text (the numbered candidate list)")
    empty = prompts.render("instructions", "parts.empty_list", lang=lang)
    sep = "、" if lang == "zh" else "; "
    return prompts.render(
        "instructions", key, lang=lang,
        history=sep.join(history_titles) or empty,
        liked=sep.join(liked_titles) or empty,
        preference=instruction.preference.text,
        intention=instruction.intention.text,
        constraints=describe_constraints(instruction.constraints, lang),
        candidates=candidates_text,
    )
