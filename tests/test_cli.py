"""The command line: formats, errors that name the file, exit codes, atomic output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newsfacts.cli import main
from newsfacts.serialize import schema


def test_jsonl_gives_one_valid_object_per_seed(
    seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", *map(str, seed_paths), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    for line, path in zip(lines, seed_paths):
        obj = json.loads(line)
        jsonschema.validate(obj, schema())
        assert obj["article"]["id"] == path.name


def test_json_is_an_array_and_table_is_readable(
    seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(seed_paths[0]), str(seed_paths[1]), "--format", "json"]) == 0
    assert [o["article"]["id"] for o in json.loads(capsys.readouterr().out)] == [
        seed_paths[0].name,
        seed_paths[1].name,
    ]
    assert main(["extract", str(seed_paths[3]), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"== {seed_paths[3].name}")
    assert "[advertisement]" in out


def test_missing_and_undecodable_files_are_named_and_others_still_run(
    tmp_path: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 opened.".encode("latin-1"))
    code = main(["extract", str(tmp_path / "gone.txt"), str(bad), str(seed_paths[0])])
    captured = capsys.readouterr()
    assert code == 2
    assert "gone.txt: no such file" in captured.err
    assert "latin1.txt: not valid UTF-8 at byte 3" in captured.err
    assert len(captured.out.splitlines()) == 1  # the good file was still processed
    assert json.loads(captured.out)["article"]["id"] == seed_paths[0].name


def test_output_file_is_written_whole(tmp_path: Path, seed_paths: list[Path]) -> None:
    out = tmp_path / "facts.json"
    assert main(["extract", str(seed_paths[4]), "--format", "json", "-o", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["facts.json"]  # no temp file left behind


def test_stdin_and_module_entry_point(seed_paths: list[Path]) -> None:
    text = seed_paths[0].read_text(encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "newsfacts", "extract", "-"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    obj = json.loads(proc.stdout)
    assert obj["article"]["id"] == "<stdin>" and obj["article"]["text"] == text


def test_unknown_extractor_is_a_usage_error(
    seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(seed_paths[0]), "--extractors", "nope"]) == 2
    assert "no extractor named 'nope'" in capsys.readouterr().err


def test_plugins_lists_the_builtin_extractors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins", "--format", "json"]) == 0
    infos = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    builtin = infos["newsfacts"]
    assert builtin["builtin"] is True and "register_extractors" in builtin["hooks"]
    assert {"quantities", "quotes", "locations", "claims"} <= set(builtin["extractors"])
