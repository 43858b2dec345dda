"""The project's error base: problems a user can act on, each message saying how to fix it.

Ground floor of the house: every package may import it; it imports nothing of the project.
Entry points (the app's `error_boundary`, the CLI's loop) catch `RecsysError` and show its
message; any other exception is a bug, logged with its traceback and shown as a short generic
message. The builtin second base of each class keeps `except ValueError` callers working.

    RecsysError
    ├── InvalidRequest     bad input at an entry point (unknown feedback kind, stale card, bad session)
    ├── CatalogInvalid     a catalog file or row that cannot be used (catalog.validate.CatalogError)
    ├── DataMissing        data packages not installed (catalog.sources.DataMissingError)
    ├── IndexUnavailable   vector index missing or built differently (catalog.index.CatalogIndexError)
    ├── ModelUnavailable   an embedder or LLM that cannot load or be fetched
    ├── ModelFailed        a model that answered too late or unusably (lm.base.LLMError)
    └── StoreFailure       the session store cannot be read or written (recommender.store.StoreError)

Example:
    raise IndexUnavailable("No index for catalog 'movielens' at data/chroma: run `make index`")
"""
from __future__ import annotations


class RecsysError(Exception):
    """A problem caused by input, data, configuration or a model, that the user can act on."""


class InvalidRequest(RecsysError, ValueError):
    """The request itself is wrong (a bad argument, an id not in the list, a malformed session)."""


class CatalogInvalid(RecsysError, ValueError):
    """A catalog that cannot be loaded as given; the message names file, line and field."""


class DataMissing(RecsysError, FileNotFoundError):
    """Data that ships in packages is not installed; the message names the command that installs it."""


class IndexUnavailable(RecsysError):
    """The vector index is missing or was built with another schema or model."""


class ModelUnavailable(RecsysError):
    """A model (embedder or LLM) cannot be loaded or fetched."""


class ModelFailed(RecsysError):
    """A model call failed in a way callers recover from (time-out, unusable answer)."""


class StoreFailure(RecsysError):
    """The session store failed; what was shown stays, but may not be saved."""
