"""Turn recommender objects into what the UI shows: escaped HTML cards, status lines, summaries.

Pure functions, no Gradio import: the app wires them, tests call them directly. Every piece of
user or catalog text goes through `html.escape` before it lands in HTML, so a title such as
`<script>alert(1)</script>` is shown as text and never runs.

Example:
    >>> from catalog.item import Item
    >>> from recommender.types import Recommendation
    >>> rec = Recommendation(item=Item(id="1", title="Toy Story", year=1995), rank=1, score=0.9,
    ...                      reason="A 1995 comedy.")
    >>> "Toy Story" in card_html(rec)
    True
"""
from __future__ import annotations

import re

from html import escape
from typing import Any

from catalog.genres import genre_name
from chat.instruction import Instruction
from prompts import load
from recommender.types import GenreTaste, Recommendation
from ui import i18n

FEEDBACK_KINDS_SHOWN: tuple[str, ...] = ("like", "dislike", "more_like")  # the card buttons, in order


def button_label(kind: str, lang: str = "en") -> str:
    """The label of a card button. Example: button_label("dislike", "zh") -> '👎 不感兴趣'"""
    return i18n.text(f"button.{kind}", lang)


def empty_state_html(lang: str = "en") -> str:
    """What the card column shows before the first list."""
    return ('<div class="rs-empty"><div class="rs-empty-icon">🎬</div>'
            f"<p><b>{escape(i18n.text('empty.title', lang))}</b></p>"
            f"<p>{escape(i18n.text('empty.body', lang))}</p></div>")


def header_html(lang: str = "en") -> str:
    """The page's title and one-line introduction."""
    return (f'<div class="rs-header"><h1>{escape(i18n.text("page.heading", lang))}</h1>'
            f'<p>{escape(i18n.text("page.intro", lang))}</p></div>')


def footer_html(catalog_label: str | dict[str, str] | None, model_label: str | None, lang: str = "en") -> str:
    """The footer: the catalog (one label, or one per language), what ranks, and that everything
    runs offline."""
    if isinstance(catalog_label, dict):
        catalog_label = catalog_label.get(i18n.lang_of(lang)) or catalog_label.get("en")
    return ('<div class="rs-footer">'
            + escape(i18n.text("page.footer", lang, catalog=catalog_label or "default", model=model_label or ""))
            + "</div>")


def _fmt_runtime(minutes: int | None, lang: str = "en") -> str | None:
    if minutes is None:
        return None
    hours, rest = divmod(int(minutes), 60)
    return i18n.text("card.runtime", lang, hours=hours, minutes=rest)


def card_html(rec: Recommendation, lang: str = "en") -> str:
    """One recommendation as an HTML card: rank, title, year, genres, runtime, rating, score bar, reason.

    Example: card_html(rec) -> '<div class="rs-card">…Toy Story…</div>'
    """
    item = rec.item
    score = min(max(float(rec.score), 0.0), 1.0)  # the bar must stay inside its track
    facts: list[str] = []
    if item.year:
        facts.append(str(item.year))
    runtime = _fmt_runtime(item.runtime, lang)
    if runtime:
        facts.append(runtime)
    if item.rating is not None:
        facts.append(f"★ {item.rating:.1f}")
    if item.mpaa:
        facts.append(item.mpaa)
    chips = "".join(f'<span class="rs-chip">{escape(genre_name(g, lang))}</span>' for g in item.genres)
    badge = (
        f'<span class="rs-badge rs-badge-llm" title="{escape(i18n.text("card.badge_llm_title", lang))}">'
        f'{escape(i18n.text("card.badge_llm", lang))}</span>'
        if rec.ranked_by == "llm"
        else f'<span class="rs-badge" title="{escape(i18n.text("card.badge_fast_title", lang))}">'
             f'{escape(i18n.text("card.badge_fast", lang))}</span>'
    )
    match = escape(i18n.text("card.match", lang, percent=round(score * 100)))
    shown_title = rec.title or item.title  # 《肖申克的救赎》 in Chinese, the catalog's title under it
    return (
        f'<div class="rs-card" data-item-id="{escape(item.id)}">'
        f'<div class="rs-card-head"><span class="rs-rank">#{int(rec.rank)}</span>'
        f'<span class="rs-title">{escape(shown_title)}</span>{badge}</div>'
        + (f'<div class="rs-title-orig">{escape(item.title)}</div>'
           if shown_title != item.title and re.search(r"[\u4e00-\u9fff]", shown_title) else "") +
        f'<div class="rs-facts">{escape(" · ".join(facts))}</div>'
        f'<div class="rs-chips">{chips}</div>'
        f'<div class="rs-score" title="{match}"><div class="rs-score-fill" '
        f'style="width:{score * 100:.0f}%"></div></div>'
        f'<div class="rs-reason">{escape(rec.reason)}{_reason_tag(rec, lang)}</div>'
        "</div>"
    )


def _reason_tag(rec: Recommendation, lang: str = "en") -> str:
    """Who wrote the reason: the language model (checked against the catalog) or the catalog facts."""
    if getattr(rec, "reason_by", "template") == "model":
        return (f' <span class="rs-reason-by rs-reason-model" title="{escape(i18n.text("card.reason_model_title", lang))}">'
                f'{escape(i18n.text("card.reason_model", lang))}</span>')
    return (f' <span class="rs-reason-by" title="{escape(i18n.text("card.reason_facts_title", lang))}">'
            f'{escape(i18n.text("card.reason_facts", lang))}</span>')


def status_html(text: str, *, busy: bool = False) -> str:
    """The status line above the cards; `busy` adds a spinner (the model is working)."""
    if not text:
        return '<div class="rs-status rs-status-idle" role="status" aria-live="polite"></div>'
    spinner = '<span class="rs-spinner"></span>' if busy else ""
    cls = "rs-status rs-status-busy" if busy else "rs-status"
    return f'<div class="{cls}" role="status" aria-live="polite">{spinner}{escape(text)}</div>'


def notes_html(notes: list[str]) -> str:
    """Visible notes of a turn (e.g. "The model timed out; showing the fast ranking.")."""
    if not notes:
        return ""
    return "".join(f'<div class="rs-note">ℹ️ {escape(n)}</div>' for n in notes)


def instruction_summary(instruction: Instruction | None, lang: str = "en") -> str:
    """A one-screen markdown summary of what was understood, in `lang`.
    Example: '**Action:** new request · **Genres:** comedy'"""
    if instruction is None:
        return i18n.text("understood.nothing", lang)

    def label(key: str) -> str:
        return f"**{i18n.text('understood.' + key, lang)}:**"

    def value(key: str) -> str:
        return i18n.text(f"values.{key}", lang) if key in _VALUES else _md(key)

    def genres(keys: list[str]) -> str:
        return _sep(lang).join(_md(genre_name(g, lang)) for g in keys)

    c = instruction.constraints
    parts = [f"{label('action')} {value(instruction.action)}", f"{label('language')} {value(instruction.language)}",
             f"{label('task')} {value(instruction.task)}"]
    if instruction.intention.text:
        parts.append(f"{label('intention')} ({value(instruction.intention.kind)}) {_md(instruction.intention.text)}")
    if instruction.preference.kind != "none":
        parts.append(f"{label('preference')} ({value(instruction.preference.kind)}) "
                     f"{_md(instruction.preference.text) or len(instruction.preference.item_ids)}")
    if c.include_genres:
        parts.append(f"{label('genres')} {genres(c.include_genres)}")
    if c.exclude_genres:
        parts.append(f"{label('not')} {genres(c.exclude_genres)}")
    if c.min_year is not None or c.max_year is not None:
        parts.append(f"{label('years')} {c.min_year or '…'}–{c.max_year or '…'}")
    if c.max_runtime is not None:
        parts.append(f"{label('max_runtime')} {i18n.text('understood.minutes', lang, n=c.max_runtime)}")
    if c.min_rating is not None:
        parts.append(f"{label('min_rating')} {c.min_rating:g}")
    if c.mpaa:
        parts.append(f"{label('mpaa')} " + ", ".join(c.mpaa))
    if c.exclude_ids:
        parts.append(f"{label('excluded')} {len(c.exclude_ids)}")
    if instruction.reference_titles:
        parts.append(f"{label('like')} " + ", ".join(_md(t) for t in instruction.reference_titles))
    if instruction.feedback:
        parts.append(f"{label('feedback')} " + ", ".join(
            f"{value(f.kind)} {'#' + str(f.position) if f.position else f.item_id}" for f in instruction.feedback))
    parts.append(f"{label('show')} {instruction.k}")
    return " · ".join(parts)


_VALUES = frozenset(load(i18n.CATALOGUE)["values"])
_STAGES = frozenset(load(i18n.CATALOGUE)["stages"])


def _sep(lang: str) -> str:
    return "、" if i18n.lang_of(lang) == "zh" else ", "


def _md(text: str) -> str:
    """Escape user text for Gradio Markdown: HTML escaped, markdown punctuation neutralised (no
    image, link or emphasis), and no bare URL that Markdown would turn into a link."""
    out = escape(text)
    for ch in "\\*_`[]()#|!~":
        out = out.replace(ch, "\\" + ch)
    return out.replace("://", "&#58;//").replace("www.", "www&#46;")


def timings_markdown(timings: dict[str, float], lang: str = "en") -> str:
    """Per-stage seconds on one line. Example: {'parse': 0.002, 'total': 1.5} -> '⏱ parse 2 ms · total 1.50 s'"""
    if not timings:
        return ""

    def stage_name(stage: str) -> str:  # a stage the catalogue does not know keeps its key
        return i18n.text(f"stages.{stage}", lang) if stage in _STAGES else _md(stage)

    parts = [f"{stage_name(stage)} " + (i18n.text("stages.ms", lang, n=f"{seconds * 1000:.0f}") if seconds < 1
                                        else i18n.text("stages.s", lang, n=f"{seconds:.2f}"))
             for stage, seconds in timings.items()]
    return "⏱ " + " · ".join(parts)


def taste_sentence(taste: GenreTaste, lang: str = "en") -> str:
    """What a person would say of one genre. Example: 'You liked 2 comedy films, disliked 1.'
    / '你喜欢了2部喜剧，不喜欢1部。'"""
    genre = genre_name(taste.genre, lang)
    parts: list[str] = []
    for kind in ("liked", "disliked", "seen"):
        n = getattr(taste, kind)
        if n:
            parts.append(i18n.text(f"taste.{kind}", lang, n=n, genre=genre, first=not parts))
    text = i18n.raw("taste.sep", lang).join(parts)
    return text[:1].upper() + text[1:] + i18n.raw("taste.end", lang)


def taste_html(tastes: list[GenreTaste], lang: str = "en", *, top: int = 6) -> str:
    """The session's taste in plain words, one line per genre, with a dot per like (green) and per
    dislike (red) so the counts show at a glance. Example: taste_html([GenreTaste(genre="comedy",
    liked=2, disliked=1)]) -> '… You liked 2 comedy films, disliked 1. …'"""
    if not tastes:
        return f'<div class="rs-taste-empty">{escape(i18n.text("taste.empty", lang))}</div>'
    rows = []
    for taste in tastes[:top]:
        dots = ('<span class="rs-dot rs-dot-pos"></span>' * min(taste.liked, 8)
                + '<span class="rs-dot rs-dot-neg"></span>' * min(taste.disliked, 8))
        rows.append(f'<div class="rs-taste-row"><span class="rs-taste-text">{escape(taste_sentence(taste, lang))}'
                    f'</span><span class="rs-taste-dots">{dots}</span></div>')
    return '<div class="rs-taste">' + "".join(rows) + "</div>"


def item_dict(rec: Recommendation) -> dict[str, Any]:
    """A recommendation as the JSON the CLI and the API return. Ids are catalog ids."""
    item = rec.item
    return {
        "id": item.id,
        "title": item.title,
        "year": item.year,
        "genres": list(item.genres),
        "runtime": item.runtime,
        "rating": item.rating,
        "mpaa": item.mpaa,
        "rank": rec.rank,
        "score": round(float(rec.score), 4),
        "reason": rec.reason,
        "ranked_by": rec.ranked_by,
        "reason_by": rec.reason_by,
    }


def chat_text(text: str) -> str:
    """A message for the chat panel. The app's Chatbot shows HTML without Markdown
    (`render_markdown=False`, no LaTeX), and this escapes the text, so a catalog title or a reply
    such as `![x](http://host/p.png)`, `[link](http://host)` or `<img src=…>` is shown as those
    characters and makes the browser load nothing; line breaks are kept.
    Example: chat_text("a <b>\nb") -> 'a &lt;b&gt;<br>b'"""
    return escape(text).replace("\n", "<br>")


def feedback_chat_text(kind: str, title: str, lang: str) -> str:
    """The chat line recorded when a card button is clicked, e.g. '👎 Not interested in Toy Story (1995)'."""
    return i18n.text(f"clicked.{kind}", lang, title=escape(title))
