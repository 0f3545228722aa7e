"""`kg ingest`: read a Kamerbrief, extract sourced facts, propose them as a named graph for review.

reader (file → text) → layout (lines → body, footnotes, headings, sentences) → extract (with the
patterns of rules and the gazetteer of mentions) → propose (TriG) + report (Markdown) → cli.
"""
