"""The README's CI recipe: every ``factcheck ...`` command in its workflow parses with the CLI."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from factcheck.cli import _build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def recipe_workflow(readme: str) -> str | None:
    """The first ```yaml block of the section "## CI recipe", or None."""
    section = re.search(r"^## CI recipe\s*$(.*?)(?=^## |\Z)", readme, re.M | re.S)
    if section is None:
        return None
    block = re.search(r"^```ya?ml\s*$(.*?)^```\s*$", section.group(1), re.M | re.S)
    return block.group(1) if block else None


def factcheck_commands(workflow: str) -> list[list[str]]:
    """Argument lists of every factcheck command in the workflow's run steps."""
    data = yaml.safe_load(workflow)
    commands = []
    for job in (data.get("jobs") or {}).values():
        for step in job.get("steps") or []:
            script = step.get("run") or ""
            for line in script.replace("\\\n", " ").splitlines():
                # shell decorations around the command are not factcheck's business
                line = re.split(r"\|\||&&|\||>>?|;", line)[0].strip()
                words = shlex.split(line)
                if words and words[0] == "factcheck":
                    commands.append(words[1:])
    return commands


def assert_all_parse(commands: list[list[str]]) -> None:
    for argv in commands:
        parser, chosen = _build_parser(argv)
        assert chosen is not None, f"not a factcheck command: {argv}"
        try:
            parser.parse_args(argv)
        except SystemExit as exc:  # argparse reports by exiting; turn it into a failure
            pytest.fail(f"`factcheck {shlex.join(argv)}` is rejected by the CLI (exit {exc.code})")


def test_readme_recipe_commands_parse() -> None:
    workflow = recipe_workflow(README.read_text(encoding="utf-8"))
    assert workflow is not None, "README.md has no '## CI recipe' section with a ```yaml block"
    commands = factcheck_commands(workflow)
    assert commands, "the CI recipe runs no factcheck command"
    assert_all_parse(commands)
    formats = {argv[argv.index("--format") + 1] for argv in commands if "--format" in argv}
    assert {"sarif", "markdown", "github"} <= formats


def test_the_checker_catches_a_wrong_command() -> None:
    readme = "## CI recipe\n\n```yaml\njobs:\n  j:\n    steps:\n      - run: |\n" \
             "          factcheck check claims --format pdf || true\n```\n"
    commands = factcheck_commands(recipe_workflow(readme) or "")
    assert commands == [["check", "claims", "--format", "pdf"]]
    with pytest.raises(pytest.fail.Exception):
        assert_all_parse(commands)
