"""One shared model, sessions served in turn: the model lock hands itself over in arrival order."""
from __future__ import annotations

import threading
import time

import pytest

from lm.fairlock import FairLock


def interleaving(lock, calls: int = 6) -> list[str]:
    """Two sessions, each making `calls` model calls back to back (as the ranker does, one per card)."""
    order: list[str] = []
    started = threading.Barrier(2)

    def session(name: str) -> None:
        started.wait()
        for _ in range(calls):
            with lock:
                order.append(name)
                time.sleep(0.01)  # the model call

    threads = [threading.Thread(target=session, args=(n,)) for n in "AB"]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    return order


def test_two_sessions_take_turns_on_the_model():
    order = interleaving(FairLock())
    assert sorted(order) == ["A"] * 6 + ["B"] * 6
    # after the first call or two, the sessions alternate: neither waits for all of the other's list
    switches = sum(a != b for a, b in zip(order, order[1:]))
    assert switches >= 9, order


def test_reentrant_and_release_from_another_thread():
    lock = FairLock()
    with lock:
        with lock:  # loading the model inside a generation
            assert lock.waiting() == 0
    lock.acquire()
    threading.Thread(target=lock.release).start()  # a generator resumed on another worker thread
    got = threading.Event()
    threading.Thread(target=lambda: (lock.acquire(), got.set())).start()
    assert got.wait(5)
    with pytest.raises(RuntimeError):
        FairLock().release()


def test_a_waiter_gives_up_at_its_timeout_and_leaves_the_line():
    lock = FairLock()
    held = threading.Event()
    release = threading.Event()

    def holder() -> None:
        with lock:
            held.set()
            release.wait(5)

    t = threading.Thread(target=holder)
    t.start()
    held.wait(5)
    start = time.monotonic()
    assert lock.acquire(timeout=0.2) is False          # the model is busy: the caller's budget holds
    assert 0.15 <= time.monotonic() - start < 2
    assert lock.waiting() == 0                          # no ticket left behind to block the others
    release.set()
    t.join(5)
    assert lock.acquire(timeout=1) is True              # free again: taken at once
    lock.release()
