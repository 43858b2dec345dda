"""The user interfaces around the `Recommender` facade, without Gradio's wiring.

May import: recommender, chat, lm, catalog, prompts, errors. Imported by: app.py.
  controller.py (ChatController: what each UI event does, as plain `View` data),
  render.py (cards, panels and notes as escaped HTML), cli.py (JSON lines: `python -m ui.cli`).
"""
