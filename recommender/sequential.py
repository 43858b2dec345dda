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

import hashlib
import logging
import os
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

APP_EPOCHS = 8  # the evaluation's default too (evaluation.rankers.default_sasrec)


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

    # -- persistence -------------------------------------------------------------------------
    _CONFIG = ("dim", "n_blocks", "n_heads", "max_len", "dropout", "epochs", "lr", "batch_size", "seed")

    def save(self, path: str | Path, fingerprint: str = "") -> Path:
        """Write the fitted model (config, item ids, weights, `fingerprint` of the training data)
        to `path` (torch format, loadable with weights_only=True)."""
        import torch

        net = self._require()
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        torch.save({"version": MODEL_VERSION, "fingerprint": fingerprint,
                    "config": {k: getattr(self, k) for k in self._CONFIG},
                    "ids": list(self._ids), "state": net.state_dict()}, tmp)
        tmp.replace(path)  # never a half-written file under the real name
        return path

    @classmethod
    def load(cls, path: str | Path, fingerprint: str | None = None) -> "SASRec":
        """Read a model written by `save`. Raises StaleModelError when the file was written by
        another format version or (if `fingerprint` is given) from other training data."""
        import torch

        blob = torch.load(Path(path), map_location="cpu", weights_only=True)
        if blob.get("version") != MODEL_VERSION:
            raise StaleModelError(f"{path} has format version {blob.get('version')}, expected "
                                  f"{MODEL_VERSION}: rebuild it with `python -m recommender.sequential fit`")
        if fingerprint is not None and blob.get("fingerprint") != fingerprint:
            raise StaleModelError(f"{path} was trained on other interactions: rebuild it with "
                                  "`python -m recommender.sequential fit`")
        model = cls(**blob["config"])
        model._ids = list(blob["ids"])
        model._pos = {i: n + 1 for n, i in enumerate(model._ids)}
        net = model._build(len(model._ids) + 1)
        net.load_state_dict(blob["state"])
        net.eval()
        model._net = net
        return model


MODEL_VERSION = 1


class StaleModelError(RuntimeError):
    """A cached model file that does not match this code or these interactions."""


def sequences_fingerprint(sequences: Mapping[str, Sequence[str]]) -> str:
    """A short hash of time-ordered sequences: a cached model is only used on the data it saw.

    Example: sequences_fingerprint({"u": ["1", "2"]}) == sequences_fingerprint({"u": ["1", "2"]})
    """
    h = hashlib.sha256()
    for user in sorted(sequences):
        h.update(f"{user}:{','.join(sequences[user])};".encode())
    return h.hexdigest()[:16]


def model_path(catalog: str = "movielens") -> Path:
    """Where the app's SASRec for `catalog` is cached: <data_dir>/sasrec-<catalog>-v<version>.pt."""
    from catalog.paths import data_dir

    return data_dir() / f"sasrec-{catalog}-v{MODEL_VERSION}.pt"


def catalog_sequences(catalog: Any) -> dict[str, list[str]]:
    """Every user's time-ordered item ids for a catalog that ships interactions (MovieLens)."""
    from catalog.interactions import load_interactions, user_sequences

    seqs = user_sequences(load_interactions(known_items=catalog.items))
    return {u: [x.item_id for x in seq] for u, seq in seqs.items()}


def load_app_model(catalog: Any, sequences: Mapping[str, Sequence[str]] | None = None) -> SASRec | None:
    """The cached app model for `catalog` if `python -m recommender.sequential fit` wrote one for
    these interactions, else None (logged once: the app then ranks without the signal)."""
    if getattr(catalog, "name", None) != "movielens":
        return None  # only MovieLens ships interactions to learn sequences from
    path = model_path(catalog.name)
    if not path.is_file():
        log.warning("No sequential model at %s: ranking without it (run `python -m recommender.sequential "
                    "fit` or `make index` to train it once)", path)
        return None
    seqs = sequences if sequences is not None else catalog_sequences(catalog)
    try:
        return SASRec.load(path, fingerprint=sequences_fingerprint(seqs))
    except StaleModelError as e:
        log.warning("%s; ranking without the sequential signal until then", e)
        return None


def fit_app_model(catalog_name: str = "movielens", epochs: int = APP_EPOCHS, force: bool = False) -> Path:
    """Train the app's SASRec on ALL interactions of the catalog and cache it (skipped when an
    up-to-date file exists, unless `force`)."""
    from catalog.loaders import load_catalog

    if catalog_name != "movielens":
        raise ValueError(f"Catalog {catalog_name!r} has no interactions to learn from: only 'movielens' does")
    cat = load_catalog(catalog_name)
    seqs = catalog_sequences(cat)
    fp = sequences_fingerprint(seqs)
    path = model_path(catalog_name)
    if path.is_file() and not force:
        try:
            SASRec.load(path, fingerprint=fp)
            print(f"{path} is up to date")
            return path
        except StaleModelError as e:
            print(f"{e}: retraining")
    threads = int(os.environ.get("OMP_NUM_THREADS", "2") or 2)
    model = SASRec(seed=0, epochs=epochs, threads=threads)
    t0 = time.perf_counter()
    model.fit(seqs, progress=lambda e, n, loss: print(
        f"  SASRec epoch {e}/{n}: loss {loss:.3f}, {time.perf_counter() - t0:.0f} s", flush=True))
    model.save(path, fingerprint=fp)
    print(f"wrote {path} ({len(seqs)} users, {len(model._ids)} items, {model.train_seconds:.0f} s)")
    return path


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m recommender.sequential",
                                description="Train and cache the app's SASRec model.")
    sub = p.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fit", help="train on all MovieLens interactions and cache under the data folder")
    f.add_argument("--catalog", default="movielens")
    f.add_argument("--epochs", type=int, default=APP_EPOCHS)
    f.add_argument("--force", action="store_true", help="retrain even if the cached file is up to date")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    fit_app_model(args.catalog, epochs=args.epochs, force=args.force)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
