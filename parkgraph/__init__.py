"""parkgraph: a knowledge graph of China's industrial-park Party-building."""

__version__ = "0.1.0"
