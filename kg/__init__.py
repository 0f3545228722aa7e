"""The open knowledge graph of Dutch ageing-care policy: library behind the `kg` CLI and the API."""

__version__ = "0.1.0"
