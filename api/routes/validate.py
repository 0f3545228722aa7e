"""`/validate`: the SHACL report of the served graph (computed once, then cached)."""

from __future__ import annotations

import anyio
from fastapi import APIRouter

from api.deps import ServicesDep
from api.models import FindingModel, ValidationModel

router = APIRouter(tags=["validation"])


@router.get("/validate", response_model=ValidationModel, summary="SHACL validation report of the graph")
async def validation_report(services: ServicesDep) -> ValidationModel:
    report = await anyio.to_thread.run_sync(services.validation)
    root = str(services.settings.source_dir.resolve()) + "/"
    findings = [
        FindingModel(**{**f, "file": f["file"].removeprefix(root) if f.get("file") else None})
        for f in report["results"]
    ]
    return ValidationModel(conforms=report["conforms"], results=findings)
