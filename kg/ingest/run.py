"""Ingest a batch of letters: propose each (and with `apply`, validate, merge and rebuild).

One bad file never stops or spoils the others: its failure is recorded with a clear message and
nothing is written for it. With `apply`, each proposal is checked with the shapes on its own; the
good ones are applied as one atomic step (`kg.apply`): only their graphs are validated and
loaded, the new build is published, then they are written to kg/data/ingested/<slug>.trig
(replacing an earlier ingest of the same document); if that fails, nothing is changed.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, KGError, ValidationFailed
from kg.ingest.extract import extract
from kg.ingest.mentions import Gazetteer
from kg.ingest.propose import document_id, propose
from kg.ingest.reader import read_letter
from kg.ingest.report import render
from kg.ingest.review import Decisions, template
from kg.ingest.trig import Proposal
from kg.settings import Settings

log = logging.getLogger(__name__)
MAX_FINDINGS_SHOWN = 8


@dataclass
class Outcome:
    path: Path
    ok: bool = False
    message: str = ""
    proposal: Proposal | None = None
    written: list[Path] = field(default_factory=list)
    applied: Path | None = None
    summary: str = ""
    exit_code: int = 2  # of a failed outcome: 1 when it breaks the shapes, as build and validate


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_gazetteer(settings: Settings) -> Gazetteer:
    """The names of the built graph (run `kg build` first)."""
    from kg.service import open_store

    return Gazetteer.from_store(open_store(settings, read_only=True))  # instant at any size


def propose_one(
    path: Path, gazetteer: Gazetteer, settings: Settings, out_dir: Path, date: str | None = None
) -> Outcome:
    """Read, extract, propose and write the proposal and its review report for one file."""
    outcome = Outcome(path)
    try:
        letter = read_letter(path)
        x = extract(letter, gazetteer)
        doc_slug, _ = document_id(x)
        own = gazetteer.excluding(f"{settings.base}graph/ingest/{doc_slug}")
        if own is not gazetteer:  # re-ingesting: this document's earlier graph is no source of names
            gazetteer = own
            x = extract(letter, gazetteer)
        decisions_path = decisions_file(settings, out_dir, doc_slug)
        decisions = Decisions.load(decisions_path)
        proposal = propose(x, gazetteer, settings.base, date, decisions)
        report = render(x, proposal, gazetteer, decisions)
        files = {
            out_dir / f"{proposal.slug}.trig": proposal.trig,
            out_dir / f"{proposal.slug}.md": report,
            out_dir / f"{proposal.slug}.decisions": template(proposal.facts, decisions),
        }
        if letter.kind != "text":
            files[out_dir / f"{proposal.slug}.txt"] = letter.text
        for target, text in files.items():
            write_atomic(target, text)
        outcome.ok, outcome.proposal, outcome.written = True, proposal, list(files)
        statuses = [f.status for f in proposal.facts.values()]
        outcome.summary = (
            f"{len(statuses)} facts: {statuses.count('new')} new, {statuses.count('linked')} linked, "
            f"{statuses.count('uncertain')} uncertain; "
            f"{sum(decisions.decided(f) for f in proposal.facts)} decided"
        )
    except KGError as exc:
        outcome.message = exc.message
    except Exception:  # noqa: BLE001  (a bug must not stop the batch, nor leak its text to the user)
        log.debug("ingest failed on %s", path, exc_info=True)  # for developers; users get the line below
        outcome.message = f"{path}: could not be ingested (internal error; nothing was written for this file)"
    return outcome


def decisions_file(settings: Settings, out_dir: Path, doc_slug: str) -> Path:
    """The curator's decisions: those beside the proposal (the working copy), else the applied ones
    kept beside the graph in kg/data/ingested (so a fresh re-ingest reproduces the reviewed graph)."""
    working = out_dir / f"{doc_slug}.decisions"
    applied = settings.data_dir / "ingested" / f"{doc_slug}.decisions"
    return working if working.is_file() or not applied.is_file() else applied


def ingest(
    paths: list[Path],
    settings: Settings,
    out_dir: Path,
    apply: bool = False,
    date: str | None = None,
    progress: bool = True,
    gazetteer: Gazetteer | None = None,
) -> list[Outcome]:
    """Propose every file; with `apply`, merge the valid proposals into kg/data/ingested and rebuild."""
    gazetteer = gazetteer or load_gazetteer(settings)
    outcomes: list[Outcome] = []
    seen: dict[str, Path] = {}
    from tqdm import tqdm

    bar = tqdm(paths, desc="ingest", unit="letter", file=sys.stderr, disable=not progress or len(paths) < 2)
    for path in bar:
        outcome = propose_one(path, gazetteer, settings, out_dir, date)
        if outcome.ok and outcome.proposal and outcome.proposal.slug in seen:
            outcome.ok = False
            outcome.message = (
                f"{path}: the same document ({outcome.proposal.slug}) as {seen[outcome.proposal.slug]} "
                "in this batch; ingested once"
            )
        elif outcome.ok and outcome.proposal:
            seen[outcome.proposal.slug] = path
        outcomes.append(outcome)
    if apply:
        _apply([o for o in outcomes if o.ok], settings)
    return outcomes


def _apply(outcomes: list[Outcome], settings: Settings) -> None:
    from kg.apply import apply_documents
    from kg.build import collect
    from kg.rdfio import parse
    from kg.validate import shacl

    sources = collect(settings, [])
    ready: list[Outcome] = []
    for outcome in outcomes:
        proposal = outcome.proposal
        assert proposal is not None
        if proposal.missing:
            outcome.ok = False
            outcome.message = f"{outcome.path}: not applied: missing " + "; ".join(proposal.missing)
            continue
        quads = parse(proposal.trig.encode(), ox.RdfFormat.TRIG, settings.base, str(outcome.path))
        violations = [f for f in shacl(quads, sources.shapes, sources.ontology) if f.severity == "Violation"]
        if violations:
            shown = "\n  ".join(f.render() for f in violations[:MAX_FINDINGS_SHOWN])
            outcome.ok, outcome.exit_code = False, ValidationFailed.exit_code
            outcome.message = (
                f"{outcome.path}: not applied: the proposal breaks {len(violations)} shape(s):\n  {shown}"
            )
            continue
        ready.append(outcome)
    if not ready:
        return
    folder = settings.data_dir / "ingested"
    documents: dict[Path, str] = {}
    for outcome in ready:
        target = folder / f"{outcome.proposal.slug}.trig"  # type: ignore[union-attr]
        documents[target] = outcome.proposal.trig  # type: ignore[union-attr]
        decided = next((w for w in outcome.written if w.suffix == ".decisions"), None)
        if decided is not None:
            documents[target.with_suffix(".decisions")] = decided.read_text(encoding="utf-8")
    try:
        apply_documents(settings, documents)  # one atomic step: nothing is published if it fails or is killed
    except (ValidationFailed, InputError) as exc:
        for outcome in ready:
            outcome.ok, outcome.exit_code = False, exc.exit_code
            outcome.message = (
                f"{outcome.path}: not applied: the rebuilt graph would not conform "
                f"({exc.message}); kg/data is unchanged"
            )
        return
    for outcome in ready:
        outcome.applied = folder / f"{outcome.proposal.slug}.trig"  # type: ignore[union-attr]
