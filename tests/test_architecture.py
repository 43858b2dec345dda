"""The house's structure: imports run one way (the import-linter contract in .importlinter), every
top-level package says what it holds and what it may import, and one concept lives in one place."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["benchmarks", "deploy", "evaluation", "integrations", "ui", "fakes", "recommender", "chat", "lm", "catalog",
            "prompts", "errors"]


def _lint_imports() -> str:
    exe = Path(sys.executable).parent / "lint-imports"
    return str(exe) if exe.exists() else (shutil.which("lint-imports") or "lint-imports")


def test_the_import_contract_holds():
    """`lint-imports` fails on any upward import or import cycle between layers."""
    run = subprocess.run([_lint_imports()], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "2 kept, 0 broken" in run.stdout


def test_the_contract_catches_an_upward_import(tmp_path):
    """The same contract on a copy of the tree with one upward import (catalog -> recommender) breaks."""
    copy = tmp_path / "house"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "data", "models", "__pycache__",
                                                              "reports", "docs", "node_modules"))
    victim = copy / "catalog" / "filters.py"
    victim.write_text(victim.read_text(encoding="utf-8") + "\nfrom recommender import types  # noqa\n",
                      encoding="utf-8")
    run = subprocess.run([_lint_imports()], cwd=copy, capture_output=True, text=True, timeout=300,
                         env={"PYTHONPATH": str(copy), "PATH": str(Path(sys.executable).parent)})
    assert run.returncode != 0
    assert "catalog.filters -> recommender.types" in run.stdout


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_says_what_it_holds_and_may_import(package):
    doc = ast.get_docstring(ast.parse((ROOT / package / "__init__.py").read_text(encoding="utf-8"))) or ""
    assert doc, f"{package}/__init__.py needs a docstring"
    assert "may import" in doc.lower() or "ground floor" in doc.lower(), doc


def test_no_package_defines_a_copy_of_the_feedback_kinds_or_the_rewriter_protocol():
    """One source per concept: FEEDBACK_KINDS and the Rewriter protocol are defined once."""
    found: dict[str, list[str]] = {"FEEDBACK_KINDS": [], "Rewriter": [], "GENRE_NAMES_ZH": []}
    for path in ROOT.glob("*/*.py"):
        if path.parts[-2] in (".venv", "tests"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            names = [t.id for t in getattr(node, "targets", []) if isinstance(t, ast.Name)]
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.append(node.target.id)
            if isinstance(node, ast.ClassDef):
                names.append(node.name)
            for name in names:
                if name in found:
                    found[name].append(str(path.relative_to(ROOT)))
    assert found["FEEDBACK_KINDS"] == ["chat/instruction.py"]
    assert found["Rewriter"] == ["chat/rewriter.py"]
    assert found["GENRE_NAMES_ZH"] == []
