"""Fixtures shared by the extraction tests."""

from __future__ import annotations

import pytest

from parkgraph.loaders.extractor import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The rules alone: rule tests are about them, not about what a trained model keeps."""
    return Extractor(rules_only=True)
