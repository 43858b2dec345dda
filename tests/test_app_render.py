"""HTML and text pieces of the UI: what the user reads, escaped and bounded."""
from __future__ import annotations

from catalog.filters import Filters
from catalog.item import Item
from chat.instruction import Instruction, Intention
from recommender.types import GenreTaste, Recommendation
from ui import render


def rec(**item) -> Recommendation:
    base = dict(id="1", title="Toy Story", year=1995, genres=("animation", "comedy"), runtime=81,
                rating=8.2, mpaa="G")
    return Recommendation(item=Item(**(base | item)), rank=2, score=0.75, reason="Because <fun>.")


def test_card_shows_rank_title_facts_genres_score_and_reason():
    html = render.card_html(rec())
    for text in ("#2", "Toy Story", "1995", "1 h 21 min", "★ 8.2", "G", "animation", "comedy",
                 "width:75%", "Because &lt;fun&gt;."):
        assert text in html, text


def test_card_score_bar_stays_in_its_track_and_unknowns_are_left_out():
    html = render.card_html(rec(runtime=None, rating=None, mpaa=None).model_copy(update={"score": 1.7}))
    assert "width:100%" in html and "★" not in html and " min" not in html


def test_llm_ranked_cards_are_marked():
    assert "rs-badge-llm" in render.card_html(rec().model_copy(update={"ranked_by": "llm"}))
    assert "rs-badge-llm" not in render.card_html(rec())


def test_instruction_summary_names_the_constraints_and_escapes_user_text():
    instruction = Instruction(intention=Intention(kind="specific", text="<b>90s</b> *comedies*"),
                              constraints=Filters(include_genres=["comedy"], min_year=1990, max_year=1999,
                                                  max_runtime=110), k=5)
    text = render.instruction_summary(instruction)
    assert "comedy" in text and "1990–1999" in text and "110 min" in text and "**Show:** 5" in text
    assert "<b>" not in text and "\\*comedies\\*" in text
    assert "send a request" in render.instruction_summary(None)


def test_taste_panel_says_counts_in_words_in_both_languages():
    tastes = [GenreTaste(genre="comedy", liked=2, disliked=1), GenreTaste(genre="horror", disliked=1),
              GenreTaste(genre="drama", seen=3)]
    html = render.taste_html(tastes, "en")
    assert "You liked 2 comedy films, disliked 1." in html
    assert "You disliked 1 horror film." in html and "You had seen 3 drama films." in html
    assert html.count("rs-dot-pos") == 2 and html.count("rs-dot-neg") == 2, "a dot per like and per dislike"
    assert "-1.00" not in html and "+" not in html, "no normalised score"
    zh = render.taste_html(tastes, "zh")
    assert "你喜欢了2部喜剧片，不喜欢1部。" in zh and "你不喜欢1部恐怖片。" in zh
    assert "Like or dismiss" in render.taste_html([], "en") and "点赞" in render.taste_html([], "zh")


def test_cards_and_summary_speak_the_conversation_language():
    zh = render.card_html(rec(), "zh")
    assert "1小时21分钟" in zh and "动画" in zh and "喜剧" in zh and "快速" in zh and "min" not in zh
    instruction = Instruction(language="zh", constraints=Filters(include_genres=["comedy"], max_runtime=100), k=5)
    text = render.instruction_summary(instruction, "zh")
    assert "**类型:** 喜剧" in text and "100分钟" in text and "**动作:** 新请求" in text
    assert "Action" not in text and "comedy" not in text


def test_timings_and_item_json():
    assert render.timings_markdown({"parse": 0.002, "total": 1.5}) == "⏱ parse 2 ms · total 1.50 s"
    data = render.item_dict(rec())
    assert data["id"] == "1" and data["rank"] == 2 and data["score"] == 0.75 and data["genres"] == ["animation", "comedy"]


HOSTILE_TITLE = '![x](http://127.0.0.1:9/pixel.png) [click](http://127.0.0.1:9/) <img src="http://127.0.0.1:9/i.png">'


def test_catalog_titles_in_the_chat_cannot_load_or_link_anything(tiny_items):
    """The chat panel shows text: Markdown and LaTeX off in the app's Chatbot, every message escaped."""
    import gradio as gr

    from app import build_app
    from fakes import FakeRecommender
    from ui.controller import ChatController

    items = [tiny_items[0].model_copy(update={"title": HOSTILE_TITLE, "genres": ("comedy",)})]
    app = build_app(FakeRecommender(items), catalog_label="tiny", raise_errors=True)
    chatbots = [b for b in app.blocks.values() if isinstance(b, gr.Chatbot)]
    assert chatbots and all(not b.render_markdown and b.latex_delimiters == [] for b in chatbots)
    ui = ChatController(FakeRecommender(items))
    final = list(ui.send("comedies " + HOSTILE_TITLE, [], None))[-1]
    clicked = list(ui.click(0, "like", final.history, final.state, final.shown))[-1]
    for message in clicked.history:
        assert "<img" not in message["content"] and "<a " not in message["content"]
    assert "&lt;img" in clicked.history[0]["content"]
    assert "&lt;img" in clicked.history[-2]["content"], "the card's title in the feedback line is escaped"
    assert "<img" not in final.cards[0] and "&lt;img" in final.cards[0]


def test_markdown_panels_neutralise_images_links_and_bare_urls():
    instruction = Instruction(intention=Intention(kind="specific", text=HOSTILE_TITLE + " see www.example.com"),
                              reference_titles=[HOSTILE_TITLE])
    text = render.instruction_summary(instruction)
    assert "](" not in text and "![" not in text and "<img" not in text
    assert "http://" not in text and "www.example" not in text


def test_a_card_in_chinese_shows_the_chinese_title_and_the_catalog_title_under_it():
    html = render.card_html(rec().model_copy(update={"title": "玩具总动员"}), "zh")
    assert "玩具总动员" in html and "rs-title-orig" in html and "Toy Story" in html
    assert "rs-title-orig" not in render.card_html(rec())  # same title: shown once
