"""Documents to facts: read, normalize, segment, extract, resolve."""
