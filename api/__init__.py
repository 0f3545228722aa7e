"""The HTTP shell over the `kg` library: `create_app(settings, store)` builds the FastAPI app."""
