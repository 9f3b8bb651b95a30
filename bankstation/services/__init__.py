"""Use cases over the store, crypto and domain; the GUI and the CLI both call these."""
