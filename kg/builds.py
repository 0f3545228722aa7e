"""The build folder: builds side by side, one pointer to the published one, checked when opened.

    build/builds/<id>/      dataset.nq, manifest.json (counts and checksum), store/ (on-disk)
    build/builds/.partial-* a build being written; removed by the next writer if its own died
    build/current           symlink to the published build, switched last and atomically
    build/previous          the build published before, kept for readers that opened it
    build/.lock             held by the one build or apply that writes

A reader resolves `current` once and reads everything from that folder, so `kg query`,
`kg stats`, `kg validate` and `kg serve` see one build, the old or the new, whatever moment a
writer is killed at.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import InputError
from kg.settings import Settings

MANIFEST = "manifest.json"
DATASET = "dataset.nq"
STORE = "store"
APPLIED = "applied"  # documents an apply published, staged here until they are written into kg/data
_ROLLED = ".written"
_PARTIAL = ".partial-"
_LEGACY = ("dataset.nq", "manifest.json")  # the flat layout before builds/ (removed on the next build)


class DamagedBuild(InputError):
    """The published build does not match its manifest (or the manifest is unreadable)."""

    code = "damaged_build"


def builds_dir(settings: Settings) -> Path:
    return settings.build_dir / "builds"


def current(settings: Settings) -> Path | None:
    """The folder of the published build (resolved once), or None when nothing was published."""
    return _target(settings.build_dir / "current")


def _target(link: Path) -> Path | None:
    try:
        name = os.readlink(link)
    except OSError:
        return None
    folder = (link.parent / name).resolve()
    return folder if folder.is_dir() else None


def manifest(folder: Path) -> dict:
    """The manifest of a build folder; a clear error naming the file when it is missing or bad."""
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DamagedBuild(
            f"{path}: cannot read the build's manifest ({exc.strerror}); run `kg build`"
        ) from None
    except ValueError as exc:
        raise DamagedBuild(f"{path}: not a valid manifest ({exc}); run `kg build`") from None
    if not isinstance(data, dict) or not isinstance(data.get("dataset"), dict):
        raise DamagedBuild(f"{path}: the manifest names no dataset; run `kg build`")
    return data


def store_dir(folder: Path, meta: dict) -> Path:
    """The on-disk store the manifest names; refused when it lies outside the build folder."""
    name = meta.get("store")
    if not isinstance(name, str) or not name:
        raise DamagedBuild(f"{folder / MANIFEST}: the manifest names no store; run `kg build`")
    path = (folder / name).resolve()
    if path == folder or folder not in path.parents:
        raise DamagedBuild(
            f"{folder / MANIFEST}: store {name!r} is outside the build folder {folder}; refused"
        )
    if not path.is_dir():
        raise DamagedBuild(f"{path}: the build's store is missing; run `kg build`")
    return path


def file_digest(path: Path) -> tuple[int, str]:
    """Size and SHA-256 of a file, read in chunks."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def checked_dataset(folder: Path, meta: dict, full: bool = True) -> Path:
    """The dataset file of a build, after checking its size (and with `full` its checksum)
    against the manifest."""
    path = folder / DATASET
    expected = meta["dataset"]
    try:
        size, digest = file_digest(path) if full else (path.stat().st_size, expected.get("sha256"))
    except OSError as exc:
        raise DamagedBuild(
            f"{path}: cannot read the built dataset ({exc.strerror}); run `kg build`"
        ) from None
    if size != expected.get("bytes") or digest != expected.get("sha256"):
        raise DamagedBuild(
            f"{path}: {size} bytes that do not match the manifest ({expected.get('bytes')} bytes, "
            f"{expected.get('quads')} quads, sha256 {str(expected.get('sha256'))[:12]}…): the build is "
            "damaged; run `kg build`"
        )
    return path


def published(settings: Settings) -> tuple[Path, dict]:
    """The published build's folder and manifest; a clear error when there is none or it is bad."""
    folder = current(settings)
    if folder is None:
        raise InputError(f"no built dataset in {settings.build_dir}: run `kg build` first")
    return folder, manifest(folder)


@contextmanager
def writing(settings: Settings) -> Iterator[Path]:
    """Hold the build folder's lock, tidy what a killed writer left, and give a new partial folder;
    the caller fills it and calls `publish` (an exception removes it)."""
    import fcntl

    settings.build_dir.mkdir(parents=True, exist_ok=True)
    with (settings.build_dir / ".lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        roll_forward(settings)
        tidy(settings)
        name = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{secrets.token_hex(3)}"
        partial = builds_dir(settings) / f"{_PARTIAL}{name}"
        partial.mkdir(parents=True)
        try:
            yield partial
        finally:
            if partial.exists():
                shutil.rmtree(partial, ignore_errors=True)


def publish(settings: Settings, partial: Path) -> Path:
    """Make the filled partial folder the published build: rename it, then switch `current`."""
    _fsync_dir(partial)
    final = partial.with_name(partial.name.removeprefix(_PARTIAL))
    os.replace(partial, final)
    _fsync_dir(final.parent)
    old = current(settings)
    if old is not None:
        _link(settings.build_dir / "previous", old)
    _link(settings.build_dir / "current", final)  # the one step that publishes
    tidy(settings)
    return final


def write_manifest(folder: Path, meta: dict) -> None:
    """The manifest of a partial build folder, synced to disk before the folder is published."""
    with (folder / MANIFEST).open("wb") as out:
        out.write(json.dumps(meta, indent=2, ensure_ascii=False).encode())
        out.flush()
        os.fsync(out.fileno())


def roll_forward(settings: Settings) -> None:
    """Write the documents the published build applied into kg/data, if a killed apply did not
    finish that (the build is published, so they are part of the graph). Call with the lock held."""
    folder = current(settings)
    staged = folder / APPLIED if folder else None
    if staged is None or not staged.is_dir() or (staged / _ROLLED).exists():
        return
    for source in sorted(p for p in staged.rglob("*") if p.is_file()):
        target = settings.data_dir / source.relative_to(staged)
        text = source.read_bytes()
        if not target.is_file() or target.read_bytes() != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}")
            tmp.write_bytes(text)
            os.replace(tmp, target)
    (staged / _ROLLED).touch()


def recover(settings: Settings) -> None:
    """Finish what a killed apply left half done, before the sources are read (`kg validate`)."""
    import fcntl

    folder = current(settings)
    if folder is None or not (folder / APPLIED).is_dir() or (folder / APPLIED / _ROLLED).exists():
        return
    with (settings.build_dir / ".lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        roll_forward(settings)


def _link(link: Path, target: Path) -> None:
    tmp = link.with_name(f".{link.name}.{os.getpid()}")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(os.path.relpath(target, link.parent), target_is_directory=True)
    os.replace(tmp, link)
    _fsync_dir(link.parent)


def tidy(settings: Settings) -> None:
    """Remove what killed writers leave (partial builds, temp files) and builds no pointer names.
    Call with the lock held."""
    keep = {current(settings), _target(settings.build_dir / "previous")}
    root = builds_dir(settings)
    for folder in root.iterdir() if root.is_dir() else ():
        if folder.resolve() not in keep:
            shutil.rmtree(folder, ignore_errors=True)
    for leftover in settings.build_dir.glob(".*.*"):  # temp links and files of a killed writer
        if leftover.name != ".shacl-cache" and not leftover.is_dir():
            leftover.unlink(missing_ok=True)
    for name in _LEGACY:
        (settings.build_dir / name).unlink(missing_ok=True)
    for old in settings.build_dir.glob("store-*"):
        shutil.rmtree(old, ignore_errors=True)
    cache = settings.build_dir / ".shacl-cache"
    for tmp in cache.glob(".*.tmp") if cache.is_dir() else ():
        tmp.unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
