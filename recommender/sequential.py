"""A small SASRec-style sequential recommender (Kang & McAuley, 2018), trained here on CPU.

Causal self-attention over a user's last `max_len` items predicts the next item; item
embeddings are shared between input and output. Trained with full softmax cross-entropy over
the catalog at every position (cheap for 1,682 items, and it converges in a few epochs where
SASRec's one-negative BCE needs hundreds). Seeded: the same data and seed give the same model.

Example (tiny, for shape only):
    >>> m = SASRec(dim=16, n_blocks=1, max_len=8, epochs=2, seed=0)
    >>> m = m.fit({"u1": ["1", "2", "3", "4"], "u2": ["2", "3", "4", "5"]})
    >>> m.score(["2", "3"], ["4", "1", "nope"]).shape
    (3,)
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence

import numpy as np

log = logging.getLogger(__name__)


class NotFittedError(RuntimeError):
    """SASRec used before `fit`."""


class SASRec:
    """Next-item model. `fit(sequences)` on time-ordered item ids, then `score(history, cands)`.

    Args: dim (embedding size), n_blocks (attention blocks), n_heads, max_len (items of history
    read), dropout, epochs, lr, batch_size, seed, threads (torch CPU threads; None = leave as is).
    Unknown candidate ids score below every known one.
    """

    def __init__(
        self,
        dim: int = 64,
        n_blocks: int = 2,
        n_heads: int = 1,
        max_len: int = 50,
        dropout: float = 0.2,
        epochs: int = 20,
        lr: float = 2e-3,
        batch_size: int = 128,
        seed: int = 0,
        threads: int | None = None,
    ) -> None:
        self.dim, self.n_blocks, self.n_heads, self.max_len = dim, n_blocks, n_heads, max_len
        self.dropout, self.epochs, self.lr, self.batch_size = dropout, epochs, lr, batch_size
        self.seed, self.threads = seed, threads
        self._ids: list[str] = []
        self._pos: dict[str, int] = {}  # item id -> token (1-based; 0 is padding)
        self._net = None
        self.train_seconds = 0.0
        self.losses: list[float] = []

    # -- the network -------------------------------------------------------------------------
    def _build(self, n_tokens: int):
        import torch  # lazy: importing this module must stay cheap
        from torch import nn

        dim, max_len, dropout = self.dim, self.max_len, self.dropout

        class Net(nn.Module):
            def __init__(self, n_blocks: int, n_heads: int) -> None:
                super().__init__()
                self.item = nn.Embedding(n_tokens, dim, padding_idx=0)
                self.position = nn.Embedding(max_len, dim)
                self.drop = nn.Dropout(dropout)
                layer = nn.TransformerEncoderLayer(
                    dim, n_heads, dim_feedforward=dim, dropout=dropout, batch_first=True,
                    norm_first=True, activation="gelu",
                )
                self.blocks = nn.TransformerEncoder(layer, n_blocks, enable_nested_tensor=False)
                self.norm = nn.LayerNorm(dim)
                # small item vectors: the output logits are dot products with them, and
                # N(0, 1) would start the softmax saturated (loss ~50 instead of ~log(n_items))
                nn.init.normal_(self.item.weight, std=dim**-0.5)
                with torch.no_grad():
                    self.item.weight[0].zero_()
                mask = torch.triu(torch.ones(max_len, max_len, dtype=torch.bool), diagonal=1)
                self.register_buffer("causal", mask, persistent=False)

            def forward(self, tokens):  # (B, L) -> (B, L, dim)
                x = self.item(tokens) * (dim**0.5) + self.position.weight[None, : tokens.shape[1]]
                x = self.drop(x) * (tokens > 0).unsqueeze(-1)
                x = self.blocks(x, mask=self.causal[: tokens.shape[1], : tokens.shape[1]])
                return self.norm(x)

            def logits(self, h):  # shared item embeddings as the output layer
                return h @ self.item.weight.T

        return Net(self.n_blocks, self.n_heads)

    def _encode(self, ids: Sequence[str]) -> list[int]:
        return [self._pos[i] for i in ids if i in self._pos][-self.max_len :]

    def _windows(self, sequences: Mapping[str, Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Left-padded (input, next-item target) windows of max_len, cut from each sequence's
        end backwards so long histories contribute all their transitions."""
        xs, ys = [], []
        L = self.max_len
        for seq in sequences.values():
            toks = [self._pos[i] for i in seq]
            end = len(toks)
            while end > 1:
                start = max(0, end - 1 - L)
                inp, tgt = toks[start : end - 1], toks[start + 1 : end]
                pad = L - len(inp)
                xs.append([0] * pad + inp)
                ys.append([0] * pad + tgt)
                end = start + 1
        return np.array(xs, dtype=np.int64), np.array(ys, dtype=np.int64)

    # -- training ----------------------------------------------------------------------------
    def fit(
        self,
        sequences: Mapping[str, Sequence[str]],
        progress: Callable[[int, int, float], None] | None = None,
    ) -> "SASRec":
        """Train on `sequences` (user -> item ids in time order). `progress(epoch, epochs, loss)`
        is called after each epoch. Returns self."""
        import torch

        if self.threads:
            torch.set_num_threads(self.threads)
        torch.manual_seed(self.seed)
        rng = np.random.default_rng(self.seed)
        self._ids = sorted({i for s in sequences.values() for i in s})
        self._pos = {i: n + 1 for n, i in enumerate(self._ids)}
        x, y = self._windows(sequences)
        if len(x) == 0:
            raise ValueError("SASRec needs sequences of at least 2 items to learn transitions")
        net = self._build(len(self._ids) + 1)
        opt = torch.optim.Adam(net.parameters(), lr=self.lr, betas=(0.9, 0.98))
        loss_fn = torch.nn.CrossEntropyLoss(ignore_index=0)
        t0 = time.perf_counter()
        net.train()
        for epoch in range(self.epochs):
            order = rng.permutation(len(x))
            total, n = 0.0, 0
            for b in range(0, len(order), self.batch_size):
                idx = order[b : b + self.batch_size]
                xb, yb = torch.from_numpy(x[idx]), torch.from_numpy(y[idx])
                logits = net.logits(net(xb))
                loss = loss_fn(logits.reshape(-1, logits.shape[-1]), yb.reshape(-1))
                opt.zero_grad()
                loss.backward()
                opt.step()
                total += loss.detach().item() * len(idx)
                n += len(idx)
            self.losses.append(total / n)
            if progress:
                progress(epoch + 1, self.epochs, total / n)
        net.eval()
        self._net = net
        self.train_seconds = time.perf_counter() - t0
        log.info("SASRec trained: %d windows, %d epochs, %.1f s", len(x), self.epochs, self.train_seconds)
        return self

    # -- scoring -----------------------------------------------------------------------------
    def _require(self):
        if self._net is None:
            raise NotFittedError("SASRec is not fitted: call SASRec().fit(training_sequences) first")
        return self._net

    def score_batch(
        self, histories: Sequence[Sequence[str]], candidates: Sequence[Sequence[str]]
    ) -> list[np.ndarray]:
        """`score` for many users in one forward pass."""
        import torch

        net = self._require()
        toks = np.zeros((len(histories), self.max_len), dtype=np.int64)
        for r, h in enumerate(histories):
            enc = self._encode(h)
            if enc:
                toks[r, -len(enc) :] = enc
        with torch.no_grad():
            h = net(torch.from_numpy(toks))[:, -1]  # the state after the last item
            logits = net.logits(h).numpy().astype(np.float64)
        out = []
        for r, cands in enumerate(candidates):
            row = logits[r]
            floor = float(row.min()) - 1.0
            out.append(np.array([row[self._pos[c]] if c in self._pos else floor for c in cands]))
        return out

    def score(self, history_ids: Sequence[str], candidate_ids: Sequence[str]) -> np.ndarray:
        """Next-item logit of each candidate after `history_ids` (higher = more likely next)."""
        return self.score_batch([history_ids], [candidate_ids])[0]
