"""Helpers of the ingest tests: a tiny graph of known names and a tiny PDF writer."""

from __future__ import annotations

from pathlib import Path

from kg.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
LETTERS = Path(__file__).resolve().parent / "letters"

MINI = """@prefix kgdef: <def#> .
@prefix o: <id/organisation/> .
@prefix ag: <id/agreement/> .
@prefix sch: <id/scheme/> .
@prefix post: <id/post/> .
@prefix ltr: <id/letter/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .

GRAPH <graph/mini> {
ltr:mini a kgdef:Letter ; dcterms:title "Testbrief"@nl ; dcterms:date "2024-01-01"^^xsd:date ;
    kgdef:sourceFile "mini.txt" ; kgdef:evidence _:e .
_:e a kgdef:Evidence ; prov:wasDerivedFrom ltr:mini ; kgdef:startLine 1 ; kgdef:endLine 1 ;
    oa:exact "een zin uit de testbrief" .
o:actiz a org:Organization ; skos:prefLabel "ActiZ" ; kgdef:evidence _:e .
o:zorgthuisnl a org:Organization ; skos:prefLabel "ZorgthuisNL" ; kgdef:evidence _:e .
o:nza a org:Organization ; skos:prefLabel "NZa" ; skos:altLabel "NZA" ; kgdef:evidence _:e .
o:zn a org:Organization ; skos:prefLabel "Zorgverzekeraars Nederland"@nl ; skos:altLabel "ZN" ;
    kgdef:evidence _:e .
o:pfn a org:Organization ; skos:prefLabel "Patiëntenfederatie Nederland"@nl ; skos:altLabel "PFN" ;
    kgdef:evidence _:e .
o:vws a org:Organization ; skos:prefLabel "VWS" ; kgdef:evidence _:e .
o:tweede-kamer a org:Organization ; skos:prefLabel "Tweede Kamer"@nl ; kgdef:evidence _:e .
ag:iza a kgdef:Agreement ; skos:prefLabel "Integraal Zorg Akkoord"@nl ; skos:altLabel "IZA" ;
    kgdef:evidence _:e .
sch:zorggeschikte-woningen a kgdef:SubsidyScheme ;
    skos:prefLabel "Stimuleringsregeling zorggeschikte woningen"@nl ; kgdef:evidence _:e .
post:minister-lzs a org:Post ; skos:prefLabel "Minister voor Langdurige Zorg en Sport"@nl ;
    kgdef:evidence _:e .
}
"""


def make_source(folder: Path) -> Settings:
    """A source folder with the repository's ontology, shapes and queries and the tiny graph."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("ontology", "shapes", "queries"):
        (folder / name).symlink_to(ROOT / name)
    (folder / "kg" / "data").mkdir(parents=True)
    (folder / "kg" / "data" / "mini.trig").write_text(MINI, encoding="utf-8")
    return Settings(source_dir=folder, build_dir=folder / "build")


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (ASCII), written object by object."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "BT /F1 10 Tf 14 TL 40 800 Td " + " ".join(f"({escape(line)}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        "/Contents 4 0 R >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
