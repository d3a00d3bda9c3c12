"""What a batch reads: files, folders (walked recursively) and list files (``@list.txt``, one path a line)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Missing:
    path: str
    reason: str


def expand_inputs(items: Iterable[str | Path], exclude: Path | None = None) -> tuple[list[Path], list[Missing]]:
    """The input files, absolute, sorted and without repeats, and the named paths that do not exist.

    Folders are walked recursively; hidden files and folders (``.name``) are left out, and so is ``exclude`` (the
    output folder, when it sits inside an input folder).  In a list file, blank lines and ``#`` comments are skipped
    and relative paths are relative to the list file's folder.
    """
    found: set[Path] = set()
    missing: list[Missing] = []
    excluded = exclude.resolve() if exclude else None
    for item in items:
        text = str(item)
        if text.startswith("@"):
            listed, problem = _read_list(Path(text[1:]))
            if problem:
                missing.append(problem)
            _add_all(listed, found, missing, excluded)
        else:
            _add_all([Path(text)], found, missing, excluded)
    return sorted(found, key=str), missing


def read_input(path: Path) -> tuple[bytes, str]:
    """The file's bytes and their SHA-256."""
    data = path.read_bytes()
    return data, hashlib.sha256(data).hexdigest()


def _read_list(list_file: Path) -> tuple[list[Path], Missing | None]:
    try:
        lines = list_file.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        return [], Missing(f"@{list_file}", f"cannot read the list file: {exc.strerror or exc}")
    base = list_file.resolve().parent
    entries = [line.strip() for line in lines]
    return [base / entry for entry in entries if entry and not entry.startswith("#")], None


def _add_all(paths: Iterable[Path], found: set[Path], missing: list[Missing], excluded: Path | None) -> None:
    for path in paths:
        path = path.resolve()
        if path.is_dir():
            found.update(_walk(path, excluded))
        elif path.is_file():
            found.add(path)
        else:
            missing.append(Missing(str(path), "no such file or folder"))


def _walk(folder: Path, excluded: Path | None) -> Iterable[Path]:
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if excluded and (path == excluded or excluded in path.parents):
            continue
        yield path
