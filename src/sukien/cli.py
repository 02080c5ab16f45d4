"""The `sukien` command. Thin: it parses options, calls the library, and maps errors to exit codes.

Exit codes: 0 all went well; 1 some input was rejected or a quality minimum was missed;
2 a usage or settings error.
"""

from __future__ import annotations

import json
import sys
from importlib.resources import files
from typing import Any

import click

from . import __version__
from .errors import InputRejected, SettingsError
from .models import to_dict
from .settings import load_settings, setting_names


def _pairs(values: tuple[str, ...], what: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        name, sep, raw = value.partition("=")
        if not sep:
            raise click.BadParameter(f"{value!r} is not NAME=VALUE", param_hint=what)
        pairs[name.strip()] = raw.strip()
    return pairs


def _emit(record: dict[str, Any], stream: Any) -> None:
    stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def samples_path() -> str:
    """The folder of the sample pages that ship with sukien."""
    return str(files("sukien").joinpath("data", "samples"))


def command_inputs(paths: tuple[str, ...], samples: bool, settings: tuple[str, ...]) -> tuple[list[str], Any]:
    """The inputs (PATHS, and the samples if asked) and settings of a command that reads pages; else a usage error."""
    try:
        run_settings = load_settings(_pairs(settings, "--setting"))
    except SettingsError as error:
        raise click.UsageError(str(error)) from None
    inputs = list(paths) + ([samples_path()] if samples else [])
    if not inputs:
        raise click.UsageError("give at least one PATH (or - for standard input), or --samples")
    return inputs, run_settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sukien")
def main() -> None:
    """sukien: structured knowledge of world politics from Vietnamese news."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--samples", is_flag=True, help="Also read the sample pages that ship with sukien.")
@click.option(
    "--setting",
    "settings",
    multiple=True,
    metavar="NAME=VALUE",
    help=f"Change a setting for this run ({', '.join(setting_names())}).",
)
def extract(paths: tuple[str, ...], samples: bool, settings: tuple[str, ...]) -> None:
    """Clean news pages into articles, one JSON object per line on standard output.

    PATHS are .txt, .html or .jsonl files, folders (read recursively) or - for standard input.
    Inputs that cannot be read are reported as JSON error records on standard error; the others
    go on, and the exit status is 1.

    Example: sukien extract --samples | head -c 600
    """
    inputs, run_settings = command_inputs(paths, samples, settings)
    from .pipeline import extract_inputs  # imported here so `sukien --help` stays fast

    rejected = 0
    for item in extract_inputs(inputs, settings=run_settings):
        if isinstance(item, InputRejected):
            rejected += 1
            _emit(item.to_dict(), sys.stderr)
        else:
            _emit(to_dict(item), sys.stdout)
    sys.exit(1 if rejected else 0)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("predictions", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--min", "minimums", multiple=True, metavar="SCORE=VALUE", help="Fail (exit 1) below this score.")
def evaluate_command(gold: str, predictions: str, as_json: bool, minimums: tuple[str, ...]) -> None:
    """Score predictions (sukien extract output) against a gold file (GOLD.md format).

    Example: sukien extract --samples > pred.jsonl && sukien eval gold.jsonl pred.jsonl --min cleaning.f1=0.95
    """
    from .evaluation import check_minimums, evaluate, load_jsonl, render_table

    try:
        report = evaluate(load_jsonl(gold), load_jsonl(predictions))
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if as_json else render_table(report))
    try:
        floors = {name: float(value) for name, value in _pairs(minimums, "--min").items()}
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--min") from None
    failures = check_minimums(report, floors)
    for failure in failures:
        click.echo(failure, err=True)
    sys.exit(1 if failures else 0)


@main.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the matches as JSON Lines.")
def actors(name: str, as_json: bool) -> None:
    """Look an actor up by any of its names, spelling variants included, with its roles and terms.

    Example: sukien actors "Lukashenco"
    """
    from .actorbase import describe, search_actors

    matches = search_actors(name)
    if not matches:
        click.echo(f"no actor is called {name!r}", err=True)
        sys.exit(1)
    for match in matches:
        record = describe(match)
        click.echo(json.dumps(record, ensure_ascii=False) if as_json else _actor_text(record))


def _actor_text(record: dict[str, Any]) -> str:
    codes = ", ".join(f"{k} {record[k]}" for k in ("type", "country", "org", "sector", "wikidata") if record[k])
    lines = [f"{record['name']}  [{record['id']}]  {codes}"]
    if record["names"]:
        lines.append("  names: " + " | ".join(record["names"]))
    for role in record["roles"]:
        lines.append(f"  {role['title']} ({role['of']}) {role['start']} – {role['end'] or 'now'}")
    return "\n".join(lines)


# The store's commands (ingest, search, events, stories, article, export; actors gains --top).
from .store.commands import register  # noqa: E402

register(main)
