"""Load on the app's API with Locust: simulated users who chat, react to cards and start over.

Each user holds one conversation through the HTTP API (`/gradio_api/call/<name>`: submit, then read
the result stream) with a few seconds of think time between actions. Besides Locust's own rows for
the two HTTP requests of a call, every call is reported as one "API" row timed from submit to
result: with `--llm off` the `chat` row is the fast list as a user waits for it.

    python app.py --llm off --port 7861 &
    locust -f benchmarks/locustfile.py --headless -u 50 -r 5 -t 5m --host http://127.0.0.1:7861 --csv reports/load
    make load            # the same, the app started and stopped for you (benchmarks/load.py)

A call whose result is an error event, or whose items are not a list, counts as a failure.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path
from typing import Any

from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # Locust imports this file by path
from benchmarks.load import read_result  # noqa: E402

REQUESTS = [
    "a few 90s comedies, nothing too long", "something like Toy Story for a family evening",
    "sci-fi with a rating above 8", "no horror, a thriller from the 80s", "推荐几部九十年代的喜剧",
    "animated films", "a romantic drama", "westerns", "something scary but not too long",
]
FOLLOW_UPS = ["older ones", "not the second one", "more", "shorter than that", "why the first one?",
              "any year is fine", "more like #1", "换一批", "less violent"]


class Viewer(HttpUser):
    wait_time = between(2, 5)  # think time: reading the cards

    def on_start_connection(self) -> None:
        # A new connection per request: the server closes idle keep-alive connections after 5 s
        # (uvicorn's default), and a think time near 5 s made a reused connection meet that close
        # (7 "connection reset" errors in 2,952 calls), which measured the race, not the app.
        self.client.headers["Connection"] = "close"

    def on_start(self) -> None:
        self.on_start_connection()
        self.session = ""
        self.items: list[str] = []

    def call(self, name: str, *args: Any) -> dict | None:
        t0 = time.perf_counter()
        error: Exception | None = None
        answer: dict | None = None
        size = 0
        try:
            submit = self.client.post(f"/gradio_api/call/{name}", json={"data": list(args)}, name=f"{name} submit")
            submit.raise_for_status()
            result = self.client.get(f"/gradio_api/call/{name}/{submit.json()['event_id']}", name=f"{name} result")
            result.raise_for_status()
            size = len(result.content)
            event, data = read_result(result.text)
            if event != "complete" or not isinstance(data, list) or not isinstance(data[0], dict):
                raise RuntimeError(f"{name}: {event} {str(data)[:200]}")
            answer = data[0]
            if not isinstance(answer.get("items"), list):
                raise RuntimeError(f"{name}: no items in {str(answer)[:200]}")
        except Exception as e:  # noqa: BLE001 - Locust counts it as a failure with its message
            error = e
        events.request.fire(request_type="API", name=name, response_time=(time.perf_counter() - t0) * 1000,
                            response_length=size, exception=error, context={})
        timings = (answer or {}).get("timings") or {}
        # Server-side stages of the turn (from its start in the handler): with the model on, the API
        # answers after the model stage, so the fast list a browser sees first is read from here.
        for stage, label in (("first_list", "first list"), ("first_reason", "first model reason"),
                             ("total", "whole turn")):
            if isinstance(timings.get(stage), (int, float)):
                events.request.fire(request_type="SERVER", name=f"{name} {label}",
                                    response_time=float(timings[stage]) * 1000, response_length=0,
                                    exception=None, context={})
        return answer

    @task(4)
    def chat(self) -> None:
        text = random.choice(FOLLOW_UPS) if self.session and random.random() < 0.6 else random.choice(REQUESTS)
        answer = self.call("chat", text, self.session)
        if answer is not None:
            self.session = answer["session"]
            self.items = [it["id"] for it in answer["items"]] or self.items

    @task(2)
    def feedback(self) -> None:
        if not self.session or not self.items:
            return self.chat()
        answer = self.call("feedback", random.choice(self.items), random.choice(["like", "dislike", "more_like"]),
                           self.session)
        if answer is not None:
            self.items = [it["id"] for it in answer["items"]]

    @task(1)
    def new_conversation(self) -> None:
        if self.session and random.random() < 0.3:
            if self.call("new", self.session) is not None:
                self.items = []
