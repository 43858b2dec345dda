"""The HTTP backend against a real OpenAI-compatible server on 127.0.0.1 (stdlib http.server).

Real HTTP, no mocks of the client: the server returns canned chat completions (JSON and SSE).
"""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lm import GenerateOptions, LLMError, LLMTimeout, LLMUnavailable, make_llm
from lm.http import HttpLLM


class _Handler(BaseHTTPRequestHandler):
    answer = "B| a 1995 comedy\nA| animation, 81 min\n"
    requests: list[dict] = []
    delay_s = 0.0
    status = 200
    models_body: bytes | None = None  # what /models answers instead of the model list

    def log_message(self, *args):  # keep test output clean
        pass

    def _json(self, code: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path.endswith("/models") and type(self).models_body is not None:
            body = type(self).models_body
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path.endswith("/models"):
            self._json(200, {"object": "list", "data": [{"id": "tiny-model", "object": "model", "created": 0, "owned_by": "me"}]})
        else:
            self._json(404, {"error": {"message": "not found"}})

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(body)
        if type(self).status != 200:
            self._json(type(self).status, {"error": {"message": "overloaded", "type": "server_error"}})
            return
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            text = type(self).answer
            for i in range(0, len(text), 4):
                time.sleep(type(self).delay_s)
                chunk = {
                    "id": "c1",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": body["model"],
                    "choices": [{"index": 0, "delta": {"role": "assistant", "content": text[i : i + 4]}, "finish_reason": None}],
                }
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
            end = {
                "id": "c1",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": body["model"],
                "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
            }
            self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
            self.wfile.flush()
        else:
            self._json(
                200,
                {
                    "id": "c1",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body["model"],
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": type(self).answer}, "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                },
            )


@pytest.fixture
def server():
    handler = type("Handler", (_Handler,), {"requests": [], "delay_s": 0.0, "status": 200, "models_body": None})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield handler, f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


MSG = [{"role": "system", "content": "rank"}, {"role": "user", "content": "a comedy"}]


def test_streams_the_answer_in_pieces_and_resolves_the_model_name(server):
    handler, url = server
    llm = make_llm(url)
    pieces = list(llm.stream(MSG, GenerateOptions(max_tokens=40)))
    assert len(pieces) > 1
    assert "".join(pieces) == handler.answer
    sent = handler.requests[-1]
    assert sent["model"] == "tiny-model"  # taken from /models when the spec names none
    assert sent["messages"][1] == {"role": "user", "content": "a comedy"}
    assert sent["max_tokens"] == 40  # the classic field, which TGI and llama.cpp server read


def test_complete_sends_schema_as_response_format_and_named_model(server):
    handler, url = server
    llm = make_llm(f"openai:{url}#served-name")
    schema = {"type": "object", "properties": {"ids": {"type": "array", "items": {"type": "string"}}}}
    assert llm.complete(MSG, GenerateOptions(schema=schema)) == handler.answer
    sent = handler.requests[-1]
    assert sent["model"] == "served-name"
    assert sent["response_format"]["json_schema"]["schema"] == schema


def test_grammar_is_sent_only_when_the_server_field_is_named(server):
    handler, url = server
    list(HttpLLM(url, model="m").stream(MSG, GenerateOptions(grammar="root ::= [A-B]")))
    assert "grammar" not in handler.requests[-1]
    list(HttpLLM(url, model="m", grammar_field="grammar").stream(MSG, GenerateOptions(grammar="root ::= [A-B]")))
    assert handler.requests[-1]["grammar"] == "root ::= [A-B]"


def test_slow_server_raises_llm_timeout(server):
    handler, url = server
    handler.delay_s = 0.3
    with pytest.raises(LLMTimeout):
        list(HttpLLM(url, model="m").stream(MSG, GenerateOptions(timeout=0.5)))


def test_server_error_raises_llm_error(server):
    handler, url = server
    handler.status = 500
    with pytest.raises(LLMError):
        HttpLLM(url, model="m").complete(MSG)


def test_no_server_is_unavailable_with_a_hint():
    llm = HttpLLM("http://127.0.0.1:9/v1", model="m", timeout=2)
    with pytest.raises(LLMUnavailable, match="start it"):
        llm.complete(MSG)


def test_llamacpp_server_spec_sends_the_grammar_and_the_schema_as_llama_cpp_reads_them(server):
    handler, url = server
    llm = make_llm(f"llamacpp-server:{url}#m")
    list(llm.stream(MSG, GenerateOptions(grammar="root ::= [A-B]")))
    assert handler.requests[-1]["grammar"] == "root ::= [A-B]"
    schema = {"type": "object", "properties": {"ids": {"type": "array"}}}
    llm.complete(MSG, GenerateOptions(schema=schema))
    assert handler.requests[-1]["response_format"] == {"type": "json_object", "schema": schema}


def test_a_web_page_instead_of_a_model_list_says_to_check_the_url(server):
    handler, url = server
    handler.models_body = b"<html>It works!</html>"
    with pytest.raises(LLMUnavailable, match="check the URL"):
        make_llm(url).complete(MSG)
