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

from html import escape
from typing import Any

from chat.instruction import Instruction
from recommender.types import Recommendation

# Labels of the three card buttons, also used as the chat line that records a click.
FEEDBACK_LABELS: dict[str, str] = {
    "like": "👍 Like",
    "dislike": "👎 Not interested",
    "more_like": "➕ More like this",
}
FEEDBACK_CHAT_TEXT: dict[str, dict[str, str]] = {
    "like": {"en": "👍 I like {title}", "zh": "👍 我喜欢 {title}"},
    "dislike": {"en": "👎 Not interested in {title}", "zh": "👎 不感兴趣：{title}"},
    "more_like": {"en": "➕ More like {title}", "zh": "➕ 多推荐类似 {title} 的"},
}

EXAMPLES: list[str] = [
    "a few 90s comedies, nothing too long",
    "older ones",
    "not the second one",
    "more like #1",
    "something like Toy Story for a family evening",
    "推荐几部九十年代的喜剧，不要太长",
    "不要恐怖片，评分8分以上的科幻片",
]

EMPTY_STATE_HTML = (
    '<div class="rs-empty">'
    '<div class="rs-empty-icon">🎬</div>'
    "<p><b>No recommendations yet.</b></p>"
    "<p>Tell me what you feel like watching, for example "
    "<i>“a few 90s comedies, nothing too long”</i> or <i>“推荐几部九十年代的喜剧”</i>. "
    "Then refine (<i>“older ones”</i>, <i>“not the second one”</i>) or use the buttons on each card.</p>"
    "</div>"
)


def _fmt_runtime(minutes: int | None) -> str | None:
    if minutes is None:
        return None
    hours, rest = divmod(int(minutes), 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


def card_html(rec: Recommendation) -> str:
    """One recommendation as an HTML card: rank, title, year, genres, runtime, rating, score bar, reason.

    Example: card_html(rec) -> '<div class="rs-card">…Toy Story…</div>'
    """
    item = rec.item
    score = min(max(float(rec.score), 0.0), 1.0)  # the bar must stay inside its track
    facts: list[str] = []
    if item.year:
        facts.append(str(item.year))
    runtime = _fmt_runtime(item.runtime)
    if runtime:
        facts.append(runtime)
    if item.rating is not None:
        facts.append(f"★ {item.rating:.1f}")
    if item.mpaa:
        facts.append(item.mpaa)
    chips = "".join(f'<span class="rs-chip">{escape(g)}</span>' for g in item.genres)
    badge = (
        '<span class="rs-badge rs-badge-llm" title="Ordered and explained by the language model">LLM</span>'
        if rec.ranked_by == "llm"
        else '<span class="rs-badge" title="Fast ranking (embedding + signals)">fast</span>'
    )
    return (
        f'<div class="rs-card" data-item-id="{escape(item.id)}">'
        f'<div class="rs-card-head"><span class="rs-rank">#{int(rec.rank)}</span>'
        f'<span class="rs-title">{escape(item.title)}</span>{badge}</div>'
        f'<div class="rs-facts">{escape(" · ".join(facts))}</div>'
        f'<div class="rs-chips">{chips}</div>'
        f'<div class="rs-score" title="match {score:.0%}"><div class="rs-score-fill" '
        f'style="width:{score * 100:.0f}%"></div></div>'
        f'<div class="rs-reason">{escape(rec.reason)}{_reason_tag(rec)}</div>'
        "</div>"
    )


def _reason_tag(rec: Recommendation) -> str:
    """Who wrote the reason: the language model (checked against the catalog) or the catalog facts."""
    if getattr(rec, "reason_by", "template") == "model":
        return ' <span class="rs-reason-by rs-reason-model" title="Written by the language model and checked ' \
               'against the catalog">model</span>'
    return ' <span class="rs-reason-by" title="Written from the catalog facts and what you said">facts</span>'


def status_html(text: str, *, busy: bool = False) -> str:
    """The status line above the cards; `busy` adds a spinner (the model is working)."""
    if not text:
        return '<div class="rs-status rs-status-idle"></div>'
    spinner = '<span class="rs-spinner"></span>' if busy else ""
    cls = "rs-status rs-status-busy" if busy else "rs-status"
    return f'<div class="{cls}">{spinner}{escape(text)}</div>'


def notes_html(notes: list[str]) -> str:
    """Visible notes of a turn (e.g. "The model timed out; showing the fast ranking.")."""
    if not notes:
        return ""
    return "".join(f'<div class="rs-note">ℹ️ {escape(n)}</div>' for n in notes)


def instruction_summary(instruction: Instruction | None) -> str:
    """A one-screen markdown summary of what was understood. Example: '**Action:** new · **Genres:** comedy'"""
    if instruction is None:
        return "_Nothing yet: send a request and the structured instruction appears here._"
    c = instruction.constraints
    parts = [f"**Action:** {instruction.action}", f"**Language:** {instruction.language}",
             f"**Task:** {instruction.task}"]
    if instruction.intention.text:
        parts.append(f"**Intention ({instruction.intention.kind}):** {_md(instruction.intention.text)}")
    if instruction.preference.kind != "none":
        parts.append(f"**Preference ({instruction.preference.kind}):** "
                     f"{_md(instruction.preference.text) or len(instruction.preference.item_ids)}")
    if c.include_genres:
        parts.append("**Genres:** " + ", ".join(_md(g) for g in c.include_genres))
    if c.exclude_genres:
        parts.append("**Not:** " + ", ".join(_md(g) for g in c.exclude_genres))
    if c.min_year is not None or c.max_year is not None:
        parts.append(f"**Years:** {c.min_year or '…'}–{c.max_year or '…'}")
    if c.max_runtime is not None:
        parts.append(f"**Max runtime:** {c.max_runtime} min")
    if c.min_rating is not None:
        parts.append(f"**Min rating:** {c.min_rating:g}")
    if c.mpaa:
        parts.append("**MPAA:** " + ", ".join(c.mpaa))
    if c.exclude_ids:
        parts.append(f"**Excluded items:** {len(c.exclude_ids)}")
    if instruction.reference_titles:
        parts.append("**Like:** " + ", ".join(_md(t) for t in instruction.reference_titles))
    if instruction.feedback:
        parts.append("**Feedback:** " + ", ".join(
            f"{f.kind} {'#' + str(f.position) if f.position else f.item_id}" for f in instruction.feedback))
    parts.append(f"**Show:** {instruction.k}")
    return " · ".join(parts)


def _md(text: str) -> str:
    """Escape user text for Gradio Markdown: HTML escaped, markdown punctuation neutralised (no
    image, link or emphasis), and no bare URL that Markdown would turn into a link."""
    out = escape(text)
    for ch in "\\*_`[]()#|!~":
        out = out.replace(ch, "\\" + ch)
    return out.replace("://", "&#58;//").replace("www.", "www&#46;")


def timings_markdown(timings: dict[str, float]) -> str:
    """Per-stage seconds on one line. Example: {'parse': 0.002, 'total': 1.5} -> '⏱ parse 2 ms · total 1.50 s'"""
    if not timings:
        return ""
    parts = [f"{_md(stage)} {seconds * 1000:.0f} ms" if seconds < 1 else f"{_md(stage)} {seconds:.2f} s"
             for stage, seconds in timings.items()]
    return "⏱ " + " · ".join(parts)


def taste_html(affinity: dict[str, float], *, top: int = 8) -> str:
    """The session's learned taste as a horizontal bar chart in plain HTML (renders offline).

    Positive affinities (liked genres) grow right in green, negative ones (disliked) in red.
    Example: taste_html({"comedy": 1.0, "horror": -0.5})
    """
    shown = sorted(((g, v) for g, v in affinity.items() if abs(v) > 1e-9),
                   key=lambda gv: -abs(gv[1]))[:top]
    if not shown and affinity:
        # every genre touched so far got as many likes as dislikes
        return '<div class="rs-taste">' + "".join(
            f'<div class="rs-taste-row"><span class="rs-taste-label">{escape(genre)}</span>'
            '<span class="rs-taste-track"></span><span class="rs-taste-value">mixed</span></div>'
            for genre in list(affinity)[:top]) + "</div>"
    if not shown:
        return ('<div class="rs-taste-empty">Like or dismiss a few cards and your taste '
                "(genres you like and avoid) shows up here.</div>")
    peak = max(abs(v) for _, v in shown)
    rows = []
    for genre, value in shown:
        width = abs(value) / peak * 100
        cls = "rs-bar-pos" if value > 0 else "rs-bar-neg"
        rows.append(
            f'<div class="rs-taste-row"><span class="rs-taste-label">{escape(genre)}</span>'
            f'<span class="rs-taste-track"><span class="{cls}" style="width:{width:.0f}%"></span></span>'
            f'<span class="rs-taste-value">{value:+.2f}</span></div>'
        )
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
    templates = FEEDBACK_CHAT_TEXT[kind]
    return templates.get(lang, templates["en"]).format(title=escape(title))
