"""The explorer for policy staff: a standalone folder generated from the graph (`kg explorer`)."""
