"""Next-item models trained here on CPU: SASRec (Kang & McAuley, 2018) and GRU4Rec (Hidasi et
al., 2016), both with a full-softmax cross-entropy objective over the catalog.

SASRec: causal self-attention over a user's last `max_len` items. GRU4Rec: a GRU over the same
window. Both share item embeddings between input and output and predict the next item at every
position (full softmax over 1,682 items is cheap and converges in tens of epochs where SASRec's
one-negative BCE needs hundreds). Training stops early: after every epoch a `NextItemValidator`
scores held-out next items, the best epoch's weights are kept, and training ends after
`patience` epochs without a gain; `curve` records loss and validation score per epoch, so
"converged" is shown, not claimed. Seeded: the same data and seed give the same model.

Example (tiny, for shape only):
    >>> m = SASRec(dim=16, n_blocks=1, max_len=8, epochs=2, seed=0)
    >>> m = m.fit({"u1": ["1", "2", "3", "4"], "u2": ["2", "3", "4", "5"]})
    >>> m.score(["2", "3"], ["4", "1", "nope"]).shape
    (3,)
"""
from __future__ import annotations

import copy
import hashlib
import logging
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

# Upper bound on epochs: early stopping on held-out next items ends training well before it
# (the curves are in reports/eval_movielens.md).
MAX_EPOCHS = 60
PATIENCE = 3
MIN_DELTA = 0.001  # a gain smaller than this does not count as progress (the best weights are still kept)
# `update`: passes over the extended sequences, at this share of the training learning rate
UPDATE_EPOCHS = 2
UPDATE_LR_SCALE = 0.5


class NotFittedError(RuntimeError):
    """A sequential model used before `fit`."""


@dataclass(frozen=True)
class EpochResult:
    """One point of a training curve: the epoch's mean training loss, the validation score after
    it (None without a validator) and the seconds since training began."""

    epoch: int
    loss: float
    valid: float | None
    seconds: float


class NextItemValidator:
    """Scores a model on held-out next items: the expected NDCG@k of the sampled protocol
    (the target among `n_neg` negatives drawn uniformly from the items the user never rated),
    computed exactly from the target's rank among all those items instead of one random draw,
    so the early-stopping signal carries no sampling noise.

    If m of the M never-rated items score above the target, the number of them among n_neg
    uniform draws is hypergeometric(M, m, n_neg); NDCG@k = E[1 / log2(2 + that number)] over the
    cases where it is below k.

    Example:
        v = NextItemValidator.last_items(sequences)  # every user's last item held out
        model.fit(v.training, validate=v)
    """

    def __init__(self, inputs: Sequence[Sequence[str]], targets: Sequence[str],
                 rated: Sequence[frozenset[str] | set[str]], n_neg: int = 19, k: int = 10,
                 universe: Sequence[str] | None = None) -> None:
        if not (len(inputs) == len(targets) == len(rated)):
            raise ValueError("inputs, targets and rated must have one entry per user")
        self.inputs, self.targets, self.rated = list(inputs), list(targets), list(rated)
        self.n_neg, self.k = n_neg, k
        self.universe = set(universe) if universe is not None else None
        self.training: dict[str, list[str]] = {}

    @classmethod
    def last_items(cls, sequences: Mapping[str, Sequence[str]], **kw: Any) -> "NextItemValidator":
        """Hold out each user's last item (users with at least 3 items); `training` is the rest."""
        users = [u for u, s in sequences.items() if len(s) >= 3]
        v = cls([list(sequences[u][:-1]) for u in users], [sequences[u][-1] for u in users],
                [frozenset(sequences[u]) for u in users], **kw)
        held = set(users)
        v.training = {u: list(s[:-1]) if u in held else list(s) for u, s in sequences.items()}
        return v

    def __call__(self, model: "NextItemModel") -> float:
        from scipy.stats import hypergeom

        logits = model.all_logits(self.inputs)  # (users, items), column n = model._ids[n]
        ids = model._ids
        col = {i: n for n, i in enumerate(ids)}
        universe_size = len(self.universe) if self.universe is not None else len(ids)
        gains = np.zeros(len(self.targets))
        js = np.arange(self.k)
        for r, (target, rated) in enumerate(zip(self.targets, self.rated)):
            if target not in col:
                continue  # an unknown target scores below everything: NDCG 0
            row = logits[r]
            t = row[col[target]]
            above = row > t
            rated_cols = [col[i] for i in rated if i in col]
            m = int(above.sum()) - int(above[rated_cols].sum())  # never-rated items above
            pool = universe_size - len(self.rated[r] if self.universe is None
                                       else self.rated[r] & self.universe)
            if pool <= 0:
                continue
            m = min(m, pool)
            n = min(self.n_neg, pool)
            gains[r] = float(np.sum(hypergeom.pmf(js, pool, m, n) / np.log2(js + 2)))
        return float(gains.mean())


class NextItemModel:
    """Next-item model: `fit(sequences)` on time-ordered item ids, then `score(history, cands)`.
    Subclasses define the network (`_build`); training, early stopping, scoring and
    persistence are shared.

    Args: dim (embedding size), max_len (items of history read), dropout, epochs (the most;
    early stopping usually ends sooner), lr, batch_size, seed, threads (torch CPU threads;
    None = leave as is), patience (epochs without a validation gain of min_delta before stopping).
    Unknown candidate ids score below every known one.
    """

    kind = "base"
    _CONFIG: tuple[str, ...] = ("dim", "max_len", "dropout", "epochs", "lr", "batch_size", "seed",
                                "patience", "min_delta", "weight_decay")

    def __init__(self, dim: int = 64, max_len: int = 50, dropout: float = 0.2, epochs: int = MAX_EPOCHS,
                 lr: float = 2e-3, batch_size: int = 128, seed: int = 0, threads: int | None = None,
                 patience: int = PATIENCE, min_delta: float = MIN_DELTA, weight_decay: float = 0.0) -> None:
        self.dim, self.max_len, self.dropout, self.epochs = dim, max_len, dropout, epochs
        self.lr, self.batch_size, self.seed, self.threads = lr, batch_size, seed, threads
        self.patience, self.min_delta, self.weight_decay = patience, min_delta, weight_decay
        self._ids: list[str] = []
        self._pos: dict[str, int] = {}  # item id -> token (1-based; 0 is padding)
        self._net = None
        self.train_seconds = 0.0
        self.losses: list[float] = []
        self.curve: list[EpochResult] = []
        self.best_epoch = 0
        self.updates: list[tuple[int, float, float]] = []

    def _build(self, n_tokens: int):  # -> nn.Module with forward(tokens) -> (B, L, dim), logits(h)
        raise NotImplementedError

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
        progress: Callable[["NextItemModel", EpochResult], None] | None = None,
        validate: Callable[["NextItemModel"], float] | None = None,
    ) -> "NextItemModel":
        """Train on `sequences` (user -> item ids in time order). With `validate` (e.g. a
        `NextItemValidator`), score after every epoch, keep the best epoch's weights and stop
        after `patience` epochs without a gain. `progress(model, EpochResult)` is called after
        each epoch. Returns self."""
        import torch

        if self.threads:
            torch.set_num_threads(self.threads)
        torch.manual_seed(self.seed)
        rng = np.random.default_rng(self.seed)
        self._ids = sorted({i for s in sequences.values() for i in s})
        self._pos = {i: n + 1 for n, i in enumerate(self._ids)}
        x, y = self._windows(sequences)
        if len(x) == 0:
            raise ValueError(f"{type(self).__name__} needs sequences of at least 2 items to learn transitions")
        net = self._build(len(self._ids) + 1)
        opt = torch.optim.AdamW(net.parameters(), lr=self.lr, betas=(0.9, 0.98), weight_decay=self.weight_decay)
        loss_fn = torch.nn.CrossEntropyLoss(ignore_index=0)
        t0 = time.perf_counter()
        best, best_state, stale = -np.inf, None, 0
        self.losses, self.curve = [], []
        for epoch in range(self.epochs):
            loss = self._epoch(net, opt, loss_fn, x, y, rng)
            self.losses.append(loss)
            self._net = net
            score = validate(self) if validate is not None else None
            self.curve.append(EpochResult(epoch + 1, loss, score, time.perf_counter() - t0))
            if progress:
                progress(self, self.curve[-1])
            if score is None:
                continue
            stale = 0 if score > best + self.min_delta else stale + 1
            if score > best:
                best, self.best_epoch = score, epoch + 1
                best_state = copy.deepcopy(net.state_dict())
            if stale >= self.patience:
                break
        if best_state is not None:
            net.load_state_dict(best_state)
        else:
            self.best_epoch = len(self.curve)
        net.eval()
        self._net = net
        self.train_seconds = time.perf_counter() - t0
        log.info("%s trained: %d windows, %d epochs (best %d), %.1f s", type(self).__name__, len(x),
                 len(self.curve), self.best_epoch, self.train_seconds)
        return self

    def _epoch(self, net, opt, loss_fn, x: np.ndarray, y: np.ndarray, rng: np.random.Generator) -> float:
        """One pass over the (input, target) windows in a random order; the mean training loss."""
        import torch

        net.train()
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
        net.eval()
        return total / max(n, 1)

    def update(self, sequences: Mapping[str, Sequence[str]], epochs: int = UPDATE_EPOCHS,
               lr_scale: float = UPDATE_LR_SCALE) -> "NextItemModel":
        """Continue training a fitted model on `sequences` that extend the ones it was fitted on
        (the same users with their newer interactions) for `epochs` passes at `lr_scale` x its
        learning rate: the weights early stopping chose stay the starting point, and the newest
        transitions are learnt. The evaluation uses it to add every user's validation target
        before the test stage; items the model never saw are skipped (they have no embedding).
        Returns self; `updates` records (epochs, loss, seconds) of each call."""
        import torch

        net = self._require()
        if epochs <= 0:
            return self
        if self.threads:
            torch.set_num_threads(self.threads)
        torch.manual_seed(self.seed + 1)
        rng = np.random.default_rng(self.seed + 1)
        known = {u: [i for i in s if i in self._pos] for u, s in sequences.items()}
        x, y = self._windows(known)
        if len(x) == 0:
            return self
        opt = torch.optim.AdamW(net.parameters(), lr=self.lr * lr_scale, betas=(0.9, 0.98),
                                weight_decay=self.weight_decay)
        loss_fn = torch.nn.CrossEntropyLoss(ignore_index=0)
        t0 = time.perf_counter()
        loss = 0.0
        for _ in range(epochs):
            loss = self._epoch(net, opt, loss_fn, x, y, rng)
        self._net = net
        self.updates.append((epochs, loss, time.perf_counter() - t0))
        return self

    # -- scoring -----------------------------------------------------------------------------
    def _require(self):
        if self._net is None:
            raise NotFittedError(f"{type(self).__name__} is not fitted: call "
                                 f"{type(self).__name__}().fit(training_sequences) first")
        return self._net

    def all_logits(self, histories: Sequence[Sequence[str]], batch: int = 512) -> np.ndarray:
        """Next-item logits over every known item, (len(histories), items); column n is item
        `self._ids[n]`."""
        import torch

        net = self._require()
        out = []
        for b in range(0, len(histories), batch):
            chunk = histories[b : b + batch]
            toks = np.zeros((len(chunk), self.max_len), dtype=np.int64)
            for r, h in enumerate(chunk):
                enc = self._encode(h)
                if enc:
                    toks[r, -len(enc) :] = enc
            with torch.no_grad():
                h = net(torch.from_numpy(toks))[:, -1]  # the state after the last item
                out.append(net.logits(h)[:, 1:].numpy().astype(np.float64))
        return np.concatenate(out) if out else np.zeros((0, len(self._ids)))

    def score_batch(
        self, histories: Sequence[Sequence[str]], candidates: Sequence[Sequence[str]]
    ) -> list[np.ndarray]:
        """`score` for many users in one forward pass."""
        logits = self.all_logits(histories)
        out = []
        for r, cands in enumerate(candidates):
            row = logits[r]
            floor = float(row.min()) - 1.0
            out.append(np.array([row[self._pos[c] - 1] if c in self._pos else floor for c in cands]))
        return out

    def score(self, history_ids: Sequence[str], candidate_ids: Sequence[str]) -> np.ndarray:
        """Next-item logit of each candidate after `history_ids` (higher = more likely next)."""
        return self.score_batch([history_ids], [candidate_ids])[0]

    # -- persistence -------------------------------------------------------------------------
    def _blob(self) -> dict[str, Any]:
        net = self._require()
        return {"kind": self.kind, "config": {k: getattr(self, k) for k in self._CONFIG},
                "best_epoch": self.best_epoch, "seconds": self.train_seconds,
                "curve": [[e.epoch, e.loss, e.valid, e.seconds] for e in self.curve],
                "ids": list(self._ids), "state": net.state_dict()}

    @staticmethod
    def _from_blob(blob: dict[str, Any]) -> "NextItemModel":
        if blob.get("kind") == Ensemble.kind:
            return Ensemble([NextItemModel._from_blob(m) for m in blob["members"]])
        model = KINDS[blob.get("kind", "sasrec")](**blob["config"])
        model._ids = list(blob["ids"])
        model._pos = {i: n + 1 for n, i in enumerate(model._ids)}
        model.best_epoch = int(blob.get("best_epoch", 0))
        model.train_seconds = float(blob.get("seconds", 0.0))
        model.curve = [EpochResult(int(e), float(lo), None if v is None else float(v), float(sec))
                       for e, lo, v, sec in blob.get("curve", [])]
        net = model._build(len(model._ids) + 1)
        net.load_state_dict(blob["state"])
        net.eval()
        model._net = net
        return model

    def save(self, path: str | Path, fingerprint: str = "") -> Path:
        """Write the fitted model (kind, config, item ids, weights, training curve, `fingerprint`
        of the training data) to `path` (torch format, loadable with weights_only=True)."""
        import torch

        blob = {"version": MODEL_VERSION, "fingerprint": fingerprint, **self._blob()}
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        torch.save(blob, tmp)
        tmp.replace(path)  # never a half-written file under the real name
        return path

    @classmethod
    def load(cls, path: str | Path, fingerprint: str | None = None) -> "NextItemModel":
        """Read a model written by `save` (of any kind). Raises StaleModelError when the file was
        written by another format version or (if `fingerprint` is given) from other training data."""
        import torch

        blob = torch.load(Path(path), map_location="cpu", weights_only=True)
        if blob.get("version") != MODEL_VERSION:
            raise StaleModelError(f"{path} has format version {blob.get('version')}, expected "
                                  f"{MODEL_VERSION}: rebuild it with `python -m recommender.sequential fit`")
        if fingerprint is not None and blob.get("fingerprint") != fingerprint:
            raise StaleModelError(f"{path} was trained on other interactions: rebuild it with "
                                  "`python -m recommender.sequential fit`")
        return NextItemModel._from_blob(blob)


class SASRec(NextItemModel):
    """SASRec: `n_blocks` pre-norm causal self-attention blocks with `n_heads` heads."""

    kind = "sasrec"
    _CONFIG = NextItemModel._CONFIG + ("n_blocks", "n_heads")

    def __init__(self, dim: int = 64, n_blocks: int = 2, n_heads: int = 1, max_len: int = 50, **kw: Any) -> None:
        super().__init__(dim=dim, max_len=max_len, **kw)
        self.n_blocks, self.n_heads = n_blocks, n_heads

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


class GRU4Rec(NextItemModel):
    """GRU4Rec with a full-softmax objective: item embedding -> dropout -> `n_layers` GRU ->
    projection to the embedding size, scored against the shared item embeddings."""

    kind = "gru4rec"
    _CONFIG = NextItemModel._CONFIG + ("n_layers",)

    def __init__(self, dim: int = 64, n_layers: int = 1, max_len: int = 50, **kw: Any) -> None:
        super().__init__(dim=dim, max_len=max_len, **kw)
        self.n_layers = n_layers

    def _build(self, n_tokens: int):
        import torch
        from torch import nn

        dim, dropout = self.dim, self.dropout

        class Net(nn.Module):
            def __init__(self, n_layers: int) -> None:
                super().__init__()
                self.item = nn.Embedding(n_tokens, dim, padding_idx=0)
                self.drop = nn.Dropout(dropout)
                self.gru = nn.GRU(dim, 2 * dim, n_layers, batch_first=True)
                self.out = nn.Linear(2 * dim, dim)
                nn.init.normal_(self.item.weight, std=dim**-0.5)
                with torch.no_grad():
                    self.item.weight[0].zero_()

            def forward(self, tokens):  # left-padded: the GRU reads zeros first, then the items
                h, _ = self.gru(self.drop(self.item(tokens)))
                return self.out(self.drop(h))

            def logits(self, h):
                return h @ self.item.weight.T

        return Net(self.n_layers)


class Ensemble(NextItemModel):
    """Several next-item models as one: each member's logits are standardised per user over the
    whole catalog (mean 0, std 1, so no member's scale dominates) and averaged. `fit` trains every
    member in turn, each with its own early stopping; `curve` is the last member's, `curves` all.

    Example: Ensemble([SASRec(), GRU4Rec()]).fit(sequences, validate=validator)
    """

    kind = "ensemble"

    def __init__(self, members: Sequence[NextItemModel]) -> None:
        if not members:
            raise ValueError("an Ensemble needs at least one member model")
        super().__init__(max_len=max(m.max_len for m in members))
        self.members = list(members)
        self._sync()

    def _sync(self) -> None:
        first = self.members[0]
        self._ids, self._pos = first._ids, first._pos
        self.train_seconds = sum(m.train_seconds for m in self.members)
        self.curve, self.best_epoch = first.curve, first.best_epoch
        if any(m._ids != first._ids for m in self.members[1:]):
            raise ValueError("Ensemble members must be fitted on the same sequences (same item ids)")

    @property
    def curves(self) -> dict[str, list[EpochResult]]:
        return {m.kind: m.curve for m in self.members}

    def fit(self, sequences, progress=None, validate=None) -> "Ensemble":
        for m in self.members:
            m.fit(sequences, progress=progress, validate=validate)
        self._sync()
        return self

    def update(self, sequences, epochs: int = UPDATE_EPOCHS, lr_scale: float = UPDATE_LR_SCALE) -> "Ensemble":
        for m in self.members:
            m.update(sequences, epochs=epochs, lr_scale=lr_scale)
        return self

    def _require(self):
        for m in self.members:
            m._require()
        return self.members

    def all_logits(self, histories: Sequence[Sequence[str]], batch: int = 512) -> np.ndarray:
        total = None
        for m in self._require():
            z = m.all_logits(histories, batch)
            z = (z - z.mean(axis=1, keepdims=True)) / (z.std(axis=1, keepdims=True) + 1e-9)
            total = z if total is None else total + z
        return total / len(self.members)

    def _blob(self) -> dict[str, Any]:
        return {"kind": self.kind, "members": [m._blob() for m in self._require()]}


KINDS: dict[str, type[NextItemModel]] = {"sasrec": SASRec, "gru4rec": GRU4Rec}


MODEL_VERSION = 2  # 2: early-stopped, with its training curve and model kind


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
    """Where the app's next-item model for `catalog` is cached: <data_dir>/sequential-<catalog>-v<version>.pt."""
    from catalog.paths import data_dir

    return data_dir() / f"sequential-{catalog}-v{MODEL_VERSION}.pt"


def catalog_sequences(catalog: Any) -> dict[str, list[str]]:
    """Every user's time-ordered item ids for a catalog that ships interactions (MovieLens)."""
    from catalog.interactions import load_interactions, user_sequences

    seqs = user_sequences(load_interactions(known_items=catalog.items))
    return {u: [x.item_id for x in seq] for u, seq in seqs.items()}


# The app's next-item model, chosen on the MovieLens-100K validation targets (each user's
# second-to-last item; never the test targets) by `NextItemValidator` after early stopping;
# README "Evaluation" and reports/eval_movielens.md give the grid and the curves.
# Each member alone: about 2.5 minutes on 2 cores, early-stopped near epoch 19 of at most 60.
# Validation NDCG@10 (N=19): SASRec 0.755, GRU4Rec 0.760, the ensemble of both 0.766.
SASREC_CONFIG: dict[str, Any] = {"dim": 64, "n_blocks": 2, "n_heads": 1, "max_len": 50, "dropout": 0.2, "lr": 5e-3}
GRU4REC_CONFIG: dict[str, Any] = {"dim": 64, "n_layers": 1, "max_len": 50, "dropout": 0.2, "lr": 5e-3}


def sasrec(**overrides: Any) -> SASRec:
    """An unfitted SASRec with the app's configuration (`overrides` win, e.g. seed, threads)."""
    return SASRec(**{**SASREC_CONFIG, **overrides})


def gru4rec(**overrides: Any) -> GRU4Rec:
    """An unfitted GRU4Rec with the app's configuration."""
    return GRU4Rec(**{**GRU4REC_CONFIG, **overrides})


def app_model(**overrides: Any) -> Ensemble:
    """The app's next-item model, unfitted: the ensemble of SASRec and GRU4Rec."""
    return Ensemble([sasrec(**overrides), gru4rec(**overrides)])


def load_app_model(catalog: Any, sequences: Mapping[str, Sequence[str]] | None = None) -> NextItemModel | None:
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
        return NextItemModel.load(path, fingerprint=sequences_fingerprint(seqs))
    except StaleModelError as e:
        log.warning("%s; ranking without the sequential signal until then", e)
        return None


def fit_app_model(catalog_name: str = "movielens", epochs: int = MAX_EPOCHS, force: bool = False) -> Path:
    """Train the app's model on the catalog's interactions and cache it (skipped when an
    up-to-date file exists, unless `force`). Early stopping holds out each user's last item:
    the model learns from everything else and keeps the epoch that predicted those best."""
    from catalog.loaders import load_catalog

    if catalog_name != "movielens":
        raise ValueError(f"Catalog {catalog_name!r} has no interactions to learn from: only 'movielens' does")
    cat = load_catalog(catalog_name)
    seqs = catalog_sequences(cat)
    fp = sequences_fingerprint(seqs)
    path = model_path(catalog_name)
    if path.is_file() and not force:
        try:
            NextItemModel.load(path, fingerprint=fp)
            print(f"{path} is up to date")
            return path
        except StaleModelError as e:
            print(f"{e}: retraining")
    threads = int(os.environ.get("OMP_NUM_THREADS", "2") or 2)
    model = app_model(seed=0, epochs=epochs, threads=threads)
    validator = NextItemValidator.last_items(seqs, universe=[it.id for it in cat])
    t0 = time.perf_counter()
    print(f"training SASRec and GRU4Rec on {len(seqs)} users' ratings (at most {epochs} epochs; early stopping on "
          "each user's last rating) ...", flush=True)
    model.fit(validator.training, validate=validator, progress=lambda m, r: print(
        f"  {m.kind} epoch {r.epoch}: loss {r.loss:.3f}, held-out NDCG@10 {r.valid:.4f}, "
        f"{time.perf_counter() - t0:.0f} s", flush=True))
    model.save(path, fingerprint=fp)
    kept = ", ".join(f"{m.kind} epoch {m.best_epoch} of {len(m.curve)}" for m in model.members)
    print(f"wrote {path} ({len(seqs)} users, {len(model._ids)} items, kept {kept}, "
          f"held-out NDCG@10 {validator(model):.4f}, {time.perf_counter() - t0:.0f} s)")
    return path


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m recommender.sequential",
                                description="Train and cache the app's next-item model.")
    sub = p.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fit", help="train on all MovieLens interactions and cache under the data folder")
    f.add_argument("--catalog", default="movielens")
    f.add_argument("--epochs", type=int, default=MAX_EPOCHS, help="at most this many (early stopping ends sooner)")
    f.add_argument("--force", action="store_true", help="retrain even if the cached file is up to date")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    fit_app_model(args.catalog, epochs=args.epochs, force=args.force)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
