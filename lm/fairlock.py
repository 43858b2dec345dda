"""A lock that serves its waiters in arrival order: one shared model, every session in turn.

`threading.RLock` is not fair: a thread that releases it and asks again at once (the LLM ranker
makes one model call per card) usually gets it back before the threads already waiting, so one
session's list can hold the model while another session's first reason waits for all of it.
`FairLock` hands the lock to the longest waiter, so calls from concurrent sessions interleave.
Reentrant for the thread that holds it (loading the model inside a generation).

Example:
    lock = FairLock()
    with lock:
        model.create_chat_completion(...)
"""
from __future__ import annotations

import threading
import time
from collections import deque


class FairLock:
    """A reentrant FIFO lock. Release may come from another thread than the acquiring one (a
    generator holding it can be resumed on another worker thread of the web server)."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._owner: int | None = None
        self._depth = 0
        self._queue: deque[object] = deque()

    def acquire(self, timeout: float | None = None) -> bool:
        """Wait in line for the lock; with `timeout` (seconds), give up after it and return False
        (the caller's budget holds even while other sessions' calls hold the model)."""
        me = threading.get_ident()
        deadline = None if timeout is None else time.monotonic() + max(0.0, timeout)
        with self._cond:
            if self._owner == me and self._depth:
                self._depth += 1
                return True
            ticket = object()
            self._queue.append(ticket)
            while self._depth or self._queue[0] is not ticket:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    self._queue.remove(ticket)
                    self._cond.notify_all()  # the next in line may be free to go now
                    return False
                self._cond.wait(left)
            self._queue.popleft()
            self._owner, self._depth = me, 1
            return True

    def release(self) -> None:
        with self._cond:
            if not self._depth:
                raise RuntimeError("release of an unlocked FairLock")
            self._depth -= 1
            if not self._depth:
                self._owner = None
                self._cond.notify_all()

    def __enter__(self) -> "FairLock":
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def waiting(self) -> int:
        """How many threads wait for the lock now."""
        with self._cond:
            return len(self._queue)
