"""Issue 17: with the model on, a library on a worker thread pointed file descriptor 1 at /dev/null
(llama-cpp-python's suppress_stdout_stderr) while the CLI wrote an answer, or left it there for
good. Every input line must still get its JSON answer on stdout."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# A CLI whose recommender does, on worker threads, what llama-cpp-python's suppress_stdout_stderr
# does while a model loads: dup2(/dev/null) over fds 1 and 2, then restore what it saved. Two
# overlapping "loads" (the ranker's background warm-up and a second model object) leave /dev/null
# on fd 1 for good: the second saved /dev/null as "the original" and restores it last.
DRIVER = textwrap.dedent("""
    import json, os, sys, threading, time
    sys.path.insert(0, {repo!r})
    from catalog.item import Item
    from fakes import FakeRecommender
    from ui import cli

    class FdSilencer:
        def __enter__(self):
            self.out, self.err = os.dup(1), os.dup(2)
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1); os.dup2(null, 2); os.close(null)
        def __exit__(self, *exc):
            os.dup2(self.out, 1); os.dup2(self.err, 2); os.close(self.out); os.close(self.err)

    def load(seconds, entered):
        with FdSilencer():
            entered.set()
            time.sleep(seconds)

    class RacyRecommender(FakeRecommender):
        turns = 0
        def respond(self, state, message):
            RacyRecommender.turns += 1
            if RacyRecommender.turns == 1:  # warm-up and a second model object, while we answer
                first, second = threading.Event(), threading.Event()
                threading.Thread(target=load, args=(0.3, first), daemon=True).start()
                first.wait()
                threading.Thread(target=load, args=(0.6, second), daemon=True).start()
                second.wait()
            elif RacyRecommender.turns == 2:
                time.sleep(1.0)  # both "loads" are over: fd 1 is /dev/null for good
            yield from super().respond(state, message)

    with open({tiny!r}, encoding="utf-8") as f:
        items = [Item(**json.loads(line)) for line in f]
    sys.exit(cli.main(["--k", "3"], factory=lambda args: RacyRecommender(items)))
""")


def test_every_line_is_answered_while_a_worker_thread_redirects_stdout(tmp_path):
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER.format(repo=str(REPO), tiny=str(REPO / "tests" / "data" / "tiny_movies.jsonl")),
                      encoding="utf-8")
    lines = ["a few comedies", "something else", "推荐几部喜剧"]
    run = subprocess.run([sys.executable, str(driver)], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["input"] for r in rows] == lines, f"lost answers; stdout was {run.stdout!r}"
    assert all(r["items"] for r in rows)


@pytest.fixture(scope="module")
def shared_data_dir(tmp_path_factory) -> Path:
    """One data folder for both runs: the MovieLens index is built once."""
    return tmp_path_factory.mktemp("cli-data")


@pytest.mark.slow
@pytest.mark.data
@pytest.mark.model
@pytest.mark.parametrize("understand", ["hybrid", "llm"])
def test_real_model_every_line_is_answered(shared_data_dir, understand):
    """The real local model: the ranker's background warm-up races the first turn (and with the LLM
    rewriter a second model object loads too); every line still gets its one JSON answer."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECSYS_")}
    env.update({"RECSYS_DATA_DIR": str(shared_data_dir), "RECSYS_LLM_THREADS": "2", "OMP_NUM_THREADS": "1"})
    lines = ["a documentary western from the 1920s", "comedies", "not the second one"]
    run = subprocess.run(
        [sys.executable, "-m", "ui.cli", "--llm", "llamacpp", "--understand", understand, "--no-store", "--k", "3"],
        input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=900, cwd=REPO, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["input"] for r in rows] == lines, f"lost answers; stdout was {run.stdout[-2000:]!r}"
    assert rows[0]["reply"] and rows[1]["items"]
