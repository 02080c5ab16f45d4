"""The store's `sukien` commands: ingest, search, events, actors --top, stories, article, export.

Thin, like the rest of the CLI: options are parsed here and the work is done by `Store` (api.py).
Every command takes `--db PATH` (default `$SUKIEN_DB`, else `./sukien.db`). Heavy modules are
imported inside the commands so `sukien --help` stays fast.
"""

from __future__ import annotations

import json
import os
import sys
from functools import wraps
from typing import Any

import click

from .output import FORMATS, emit

DB_HELP = "The database (default: $SUKIEN_DB, else ./sukien.db)."


def db_option(command):
    """The shared --db option."""
    return click.option("--db", envvar="SUKIEN_DB", default="sukien.db", show_envvar=True, help=DB_HELP)(command)


def format_option(command):
    """The shared --format option (table, csv, json lines) and its --json shorthand."""
    command = click.option("--json", "as_json", is_flag=True, help="Same as --format json.")(command)
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table, csv, or json (one JSON object a line).")(command)  # fmt: skip


def _existing_store(db: str):
    """The store at `db`, which must exist: a query never creates an empty database by mistake."""
    from .api import Store

    if not os.path.exists(db):
        raise click.ClickException(f"no database at {db}; fill one first with `sukien ingest PATH --db {db}`")
    return Store(db)


def _store_errors(function):
    """Turn the store's errors into one-line messages (exit status 1)."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .migrations import StoreError

        try:
            return function(*args, **kwargs)
        except StoreError as error:
            raise click.ClickException(str(error)) from None

    return wrapper


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--samples", is_flag=True, help="Also read the sample pages that ship with sukien.")
@click.option(
    "--workers", type=click.IntRange(min=0), default=None, help="Pipeline processes (default: up to 2; 0: none)."
)
@click.option("--setting", "settings", multiple=True, metavar="NAME=VALUE", help="Change a setting for this run.")
@db_option
@_store_errors
def ingest(paths: tuple[str, ...], samples: bool, workers: int | None, settings: tuple[str, ...], db: str) -> None:
    """Store the articles of news pages, with their entities, quotes, events and stories, in the database.

    PATHS are .txt, .html or .jsonl files, folders or - for standard input. Ingest again at any time:
    what is stored is never stored twice, and an interrupted run picks up where it stopped. Inputs
    that cannot be read go to the rejects table and to standard error; the exit status is then 1.

    Example: sukien ingest news.jsonl pages/ --db news.db && sukien search "đàm phán" --db news.db
    """
    from ..cli import command_inputs
    from .api import Store
    from .progress import IngestProgress

    inputs, run_settings = command_inputs(paths, samples, settings)
    with Store(db) as store, IngestProgress(inputs, db) as progress:
        counts = store.ingest(inputs, settings=run_settings, workers=workers, on_page=progress.page_done)
        progress.summary(counts)
    sys.exit(1 if counts.rejected else 0)


@click.command()
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True, help="Articles to show.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit, with snippet and highlight offsets.")
@db_option
@_store_errors
def search(query: str, limit: int, as_json: bool, db: str) -> None:
    """Find articles holding every word of QUERY, ignoring case and diacritics (đ too), best first.

    Words in "double quotes" must stand together. Snippets keep the article's own spelling.

    Example: sukien search "dam phan Syria" --limit 5
    """
    with _existing_store(db) as store:
        hits = store.search(query, limit=limit)
    if as_json:
        emit(hits, [], "json")
        return
    for hit in hits:
        click.echo(click.style(hit["title"] or "(no title)", bold=True) + f"  [{hit['id']}]")
        click.echo("  " + " · ".join(str(v) for v in (hit["published"], hit["outlet"]) if v))
        click.echo("  " + _highlighted(hit["snippet"], hit["highlights"]) + "\n")
    if not hits:
        click.echo(f"no article holds every word of {query!r}", err=True)


def _highlighted(snippet: str, spans: list[list[int]]) -> str:
    """The snippet with its matches in bold yellow (styles are dropped when output is not a terminal)."""
    out, last = [], 0
    for start, end in spans:
        out += [snippet[last:start], click.style(snippet[start:end], fg="yellow", bold=True)]
        last = end
    return "".join(out) + snippet[last:]


EVENT_COLUMNS = [
    "day", "type", ("source", lambda e: e["source"]), ("target", lambda e: e["target"]), "cameo", "goldstein",
    "num_articles", "num_sources", ("negated", lambda e: "yes" if e["negated"] else ""), "modality", "title", "id",
]  # fmt: skip


@click.command()
@click.option("--actor", help="Who acts: ISO3 country (RUS), organisation code (NATO), actor id or name.")
@click.option("--target", help="At whom: same forms as --actor.")
@click.option("--type", "types", help="PLOVER type(s), comma-separated (ASSAULT,COERCE), or a CAMEO code prefix (19).")
@click.option("--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Up to this date, inclusive.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@format_option
@db_option
@_store_errors
def events(actor, target, types, since, until, limit, fmt, as_json, db) -> None:
    """List events, newest first, each counted once per story with its articles and sources.

    Example: sukien events --actor RUS --target USA --type ASSAULT --since 2020-01-01 --format csv
    """
    with _existing_store(db) as store:
        found = store.events(actor=actor, target=target, types=types, since=since, until=until, limit=limit)
    emit(found, EVENT_COLUMNS, "json" if as_json else fmt)


def actors_command(lookup: click.Command) -> click.Command:
    """`sukien actors`: NAME looks an actor up in the knowledge base (as before); --top lists the database's."""

    @click.command(name="actors")
    @click.argument("name", required=False)
    @click.option("--top", type=click.IntRange(min=1), help="List the N actors mentioned in most stored articles.")
    @click.option("--type", "kind", type=click.Choice(["PER", "ORG", "GPE", "LOC"], case_sensitive=False),
                  help="With --top: only people, organisations, political units or places.")  # fmt: skip
    @format_option
    @db_option
    @click.pass_context
    @_store_errors
    def actors(ctx, name, top, kind, fmt, as_json, db) -> None:
        """Look an actor up by any of its names (with roles and terms), or list the most mentioned ones.

        Examples: sukien actors "Lukashenco" --json;  sukien actors --top 20 --type PER
        """
        if name is not None:
            ctx.invoke(lookup, name=name, as_json=as_json)
            return
        if top is None:
            raise click.UsageError("give a NAME to look up, or --top N for the most mentioned actors")
        with _existing_store(db) as store:
            found = store.top_actors(top, type=kind)
        columns = ["name", "type", "country", "org", "sector", "articles", "mentions", "id"]
        emit(found, columns, "json" if as_json else fmt)

    return actors


@click.command()
@click.argument("story_id", required=False)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True, help="Smallest story listed.")
@format_option
@db_option
@_store_errors
def stories(story_id, limit, min_size, fmt, as_json, db) -> None:
    """List stories (near-duplicate articles from several outlets or re-posts), largest first; or one story's articles.

    Example: sukien stories --limit 10;  sukien stories STORY_ID
    """
    with _existing_store(db) as store:
        if story_id:
            emit(store.story(story_id), ["published", "outlet", "title", "id"], "json" if as_json else fmt)
            return
        found = store.stories(limit, min_size=min_size)
    columns = ["size", "first_published", "last_published", "outlets", "title", "id"]
    emit(found, columns, "json" if as_json else fmt)


@click.command()
@click.argument("article_id")
@click.option("--related", "related_count", type=click.IntRange(min=0), default=5, show_default=True,
              help="Related articles to list after it.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="The article record (OUTPUT.md shape) with `related`.")
@db_option
@_store_errors
def article(article_id: str, related_count: int, as_json: bool, db: str) -> None:
    """Show a stored article with its entities, quotes and events; a unique id prefix is enough.

    Example: sukien article c30bcf6b
    """
    from .render import article_text

    with _existing_store(db) as store:
        record = store.article(article_id)
        record["related"] = store.related(record["id"], related_count) if related_count else []
    click.echo(json.dumps(record, ensure_ascii=False) if as_json else article_text(record))


@click.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "gdelt", "plover"]), default="jsonl",
              show_default=True, help="What to write (see docs/store.md).")  # fmt: skip
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder to write into (created).")
@db_option
@_store_errors
def export(fmt: str, out: str, db: str) -> None:
    """Write the database out: csv or parquet tables, jsonl articles, GDELT 2.0 event rows, PLOVER records.

    Example: sukien export --format gdelt --out exports/
    """
    with _existing_store(db) as store:
        for path in store.export(out, format=fmt):
            click.echo(str(path))


def register(main: click.Group) -> None:
    """Add the store's commands to `sukien`; `actors` keeps its NAME lookup and gains --top."""
    for command in (ingest, search, events, stories, article, export):
        main.add_command(command)
    main.add_command(actors_command(main.commands["actors"]))
