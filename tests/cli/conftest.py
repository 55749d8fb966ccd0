"""CLI fixtures: an embedded store loaded with the sample corpus, as `parkgraph serve` loads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from parkgraph.cli import app
from parkgraph.corpus import sample_dirs


@pytest.fixture(scope="session")
def sample_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store file holding the sample corpus, loaded once through `parkgraph load`; tests only read it."""
    data = tmp_path_factory.mktemp("sample") / "graph.db"
    result = CliRunner().invoke(app, ["load", *map(str, sample_dirs()), "--data", str(data)])
    assert result.exit_code == 0, result.stderr
    return data
