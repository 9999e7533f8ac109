"""Command line: the GUI by default, headless sub-commands for checks, catalogs and checklists."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from . import APP_NAME, __version__
from .domain.courts import Catalog, Court, load_catalog
from .domain.dates import parse_iso_date
from .domain.pacer import classify_username
from .domain.plan import UnknownCourtError, plan
from .domain.render import render_json, render_text
from .storage.paths import app_paths

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UserError(Exception):
    """Bad input: each line is printed on stderr, the exit code is 2."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def as_of_date(text: str) -> date:
    parsed = parse_iso_date(text)
    if parsed is None:
        raise argparse.ArgumentTypeError(f'"{text}" is not a date; use YYYY-MM-DD, e.g. 2020-04-15')
    return parsed


def _write_output(text: str, out: str | None, force: bool) -> None:
    if out is None or out == "-":
        sys.stdout.write(text)
        return
    _write_file(Path(out), lambda p: p.write_text(text, encoding="utf-8"), force)


def cmd_check_username(args: argparse.Namespace) -> int:
    check = classify_username(args.name)
    if args.format == "json":
        print(json.dumps({"kind": check.kind.value, "message": check.message}))
    else:
        print(f"{check.kind.value}: {check.message}")
    return EXIT_OK if check.well_formed else EXIT_FAIL


def _court_dict(court: Court, as_of: date) -> dict:
    status = court.nextgen_status(as_of)
    return {
        "id": court.id,
        "pacer_id": court.pacer_id,
        "name": court.name,
        "type": court.type.value,
        "circuit": court.circuit,
        "states": list(court.states),
        "login_url": court.login_url,
        "web_url": court.web_url,
        "phones": list(court.phones),
        "emails": list(court.emails),
        "nextgen": status.state.value,
        "nextgen_go_live": status.go_live.isoformat() if status.go_live else None,
    }


def cmd_courts(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    found = catalog.search(args.query or "")
    if args.format == "json":
        print(json.dumps([_court_dict(c, args.as_of) for c in found], indent=2))
        return EXIT_OK
    if not found:
        print(
            f'No court matches "{args.query}". Try a state ("MA"), words of the name '
            '("massachusetts bankruptcy") or an id ("mab").',
            file=sys.stderr,
        )
        return EXIT_FAIL
    for court in found:
        print(f"{court.id:<8} {court.name} ({court.type.value}) - {court.nextgen_status(args.as_of).text}")
    return EXIT_OK


def _load_answers(args: argparse.Namespace):  # -> Answers
    from .storage.answer_files import AnswersFileError, read_answers_file

    if args.answers is None:
        saved = app_paths().answers_file
        if not saved.exists():
            raise UserError(
                ["no saved answers yet: run the wizard first, or pass --answers FILE (see examples/)"]
            )
        args.answers = str(saved)
    try:
        return read_answers_file(Path(args.answers))
    except AnswersFileError as error:
        raise UserError(error.problems) from None


def _policy():  # -> Policy | None; None: no policy file, and the policy code is not even loaded
    path = app_paths().policy_file
    if not path.exists():
        return None
    from .storage.policy import load_policy

    policy = load_policy(path)
    for problem in policy.problems:
        print(f"warning: firm policy not used: {problem}", file=sys.stderr)
    return policy


def build_checklist(args: argparse.Namespace, catalog: Catalog | None = None):  # -> Checklist
    answers = _load_answers(args)
    policy = _policy()
    if policy is not None:
        from .storage.policy import apply_policy

        applied = apply_policy(policy, answers)
        for note in applied.overridden:
            print(f"note: {note}", file=sys.stderr)
        answers = applied.answers
    try:
        return plan(answers, catalog or load_catalog(), args.as_of)
    except UnknownCourtError as error:
        raise UserError([f"{args.answers}: {p}" for p in error.problems]) from None


def _html(checklist) -> str:
    from .domain.render_html import render_html

    return render_html(checklist, generated=date.today(), version=__version__)


def _write_file(path: Path, write: Callable[[Path], object], force: bool) -> None:
    """Write through a temporary file beside the target; never replace a file unless told to."""
    if path.exists() and not force:
        raise UserError([f"{path} already exists; choose another name or add --force to replace it"])
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UserError([f"cannot write {path}: {error.strerror or error}"]) from None
    print(f"Wrote {path}", file=sys.stderr)


def cmd_checklist(args: argparse.Namespace) -> int:
    checklist = build_checklist(args)
    if args.format == "pdf":
        if not args.output or args.output == "-":
            raise UserError(["a PDF needs a file: add -o FILE.pdf"])
        from .ui.printing import PrintOptions, ensure_gui_app, save_pdf

        ensure_gui_app()
        options = PrintOptions(page=args.page)
        _write_file(Path(args.output), lambda p: save_pdf(_html(checklist), p, options), args.force)
        return EXIT_OK
    if args.format == "ics":
        from .domain.render_ics import render_ics

        if not args.output or args.output == "-":
            sys.stdout.write(render_ics(checklist).decode("utf-8"))
            return EXIT_OK
        _write_file(Path(args.output), lambda p: p.write_bytes(render_ics(checklist)), args.force)
        return EXIT_OK
    renderers: dict[str, Callable] = {"text": render_text, "json": render_json, "html": _html}
    _write_output(renderers[args.format](checklist), args.output, args.force)
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    from .doctor import render_report, run_doctor
    from .storage.policy import load_policy, policy_path
    from .storage.vault import KeyringVault

    paths = app_paths()
    policy = load_policy(policy_path(paths.site_config))
    text = policy.describe() if policy.source else f"none (no {policy_path(paths.site_config)})"
    report = run_doctor(paths, KeyringVault(), text, len(load_catalog()))
    report.problems += [f"firm policy: {p}" for p in policy.problems]
    sys.stdout.write(render_report(report, args.format))
    return EXIT_OK if report.ok else EXIT_FAIL


def _confirm(question: str) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError(["reset needs confirmation: run it in a terminal, or add --yes"])
    return input(f"{question} Type yes to continue: ").strip().lower() == "yes"


def cmd_reset(args: argparse.Namespace) -> int:
    from .storage.answer_files import AnswersFileError, read_answers_file
    from .storage.answer_store import AnswerStore
    from .storage.instance import InstanceLock
    from .storage.vault import KeyringVault, VaultError, cmecf_entry, forget_all, pacer_entry

    paths = app_paths()
    lock = InstanceLock(paths.instance_lock)
    if paths.data.exists() and not lock.acquire():
        raise UserError(["the wizard is open: close it first, then run reset again"])
    try:
        recorded = read_answers_file(paths.answers_file).keyring_entries
    except AnswersFileError:
        recorded = []
    # Recorded names first; then every name the app could have used, in case the answers were lost.
    entries = list(
        dict.fromkeys([*recorded, pacer_entry(), *(cmecf_entry(c.id) for c in load_catalog().courts)])
    )
    if not args.yes and not _confirm(
        f"This removes your saved answers in {paths.data} and every keyring entry NextGen Ready created."
    ):
        print("Nothing was removed.")
        return EXIT_FAIL
    removed_files = AnswerStore(paths.answers_file).remove()
    vault = KeyringVault()
    removed_entries, keyring_note = [], None
    if not vault.info().accepted:
        print("No secure keyring here, so NextGen Ready never stored anything in one.")
    else:
        try:
            removed_entries = forget_all(vault, entries)
        except VaultError as error:
            keyring_note = f"keyring entries were not removed: {error}"
    for path in removed_files:
        print(f"Removed {path}")
    for entry in removed_entries:
        print(f'Removed keyring entry "{entry}"')
    if not removed_files and not removed_entries:
        print("Nothing to remove: no saved answers and no keyring entries.")
    lock.release()
    if keyring_note:
        print(f"error: {keyring_note}", file=sys.stderr)
        return EXIT_FAIL
    return EXIT_OK


def cmd_set(args: argparse.Namespace) -> int:
    from .domain.answers import AnswersError, answers_from_dict, answers_to_dict
    from .storage.answer_store import AnswerStore, StoreWriteError
    from .storage.instance import InstanceLock
    from .storage.policy import PRESETTABLE, set_path

    policy = _policy()
    if policy is not None and args.path in policy.locked:
        raise UserError(
            [f"{args.path} is locked by your firm's policy ({policy.source}); ask your IT department"]
        )
    paths = app_paths()
    lock = InstanceLock(paths.instance_lock)
    if not lock.acquire():
        raise UserError(["the wizard is open: change the answer there, or close it first"])
    store = AnswerStore(paths.answers_file)
    loaded = store.load()
    for notice in loaded.notices:
        print(f"note: {notice}", file=sys.stderr)
    try:
        value = json.loads(args.value)
    except json.JSONDecodeError:
        value = args.value  # plain text, e.g. a name
    data = answers_to_dict(loaded.answers)
    if args.path.split(".")[0] not in data or args.path.count(".") > 2:
        raise UserError(
            [f'"{args.path}" is not an answer; e.g. {", ".join(PRESETTABLE[:4])} (docs/answers-format.md)']
        )
    set_path(data, args.path, value)
    try:
        answers = answers_from_dict(data)
        store.save(answers)
    except AnswersError as error:
        raise UserError(error.problems) from None
    except StoreWriteError as error:
        raise UserError([str(error)]) from None
    finally:
        lock.release()
    print(f"Saved {args.path} = {json.dumps(value)}")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    if args.answers and not args.demo:
        raise UserError(
            [
                "--answers opens a file only in a demo: use --demo --answers FILE "
                "(your own saved answers are never replaced by a file)"
            ]
        )
    if args.demo:
        from .ui.demo import demo_answers, enter_demo_home

        enter_demo_home()  # before anything computes a folder: a demo writes nowhere real
        if args.answers:
            from .storage.answer_files import AnswersFileError, read_answers_file

            try:
                args.demo_answers = read_answers_file(Path(args.answers))
            except AnswersFileError as error:
                raise UserError(error.problems) from None
        else:
            args.demo_answers = demo_answers()
    if args.self_test:
        from .ui.selftest import run_self_test

        return run_self_test(args.as_of)
    from .ui.app import run_gui

    return run_gui(args)


def cmd_screenshots(args: argparse.Namespace) -> int:
    from .ui.screenshots import take_screenshots

    for path in take_screenshots(Path(args.folder), args.as_of):
        print(f"Wrote {path}")
    return EXIT_OK


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or JSON")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nextgen-wizard",
        description=f"{APP_NAME} {__version__}: get through the federal courts' NextGen CM/ECF "
        "account changes. With no command, opens the wizard window.",
        epilog="Exit codes: 0 success, 1 a check failed, 2 bad input.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--as-of",
        type=as_of_date,
        default=date.today(),
        metavar="YYYY-MM-DD",
        help="pretend today is this date (default: today)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="seminar mode: a fictional filer, nothing saved, the OS keyring never touched",
    )
    parser.add_argument("--answers", metavar="FILE", help="with --demo: start from this answers file")
    parser.add_argument(
        "--font-scale",
        type=float,
        default=1.0,
        metavar="X",
        help="text size for projectors and low vision, e.g. 1.5 or 2 (Ctrl+= and Ctrl+- change it live)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="build every page offscreen from an example, render the checklist, print one line per check",
    )
    parser.set_defaults(func=cmd_gui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    check = commands.add_parser(
        "check-username",
        help="classify a PACER username (legacy, upgraded-format, unusual, invalid)",
        description="Classify a PACER username by its form. Exit 0 when well-formed "
        "(legacy included), 1 when invalid.",
    )
    check.add_argument("name", help="the PACER username")
    _format_option(check)
    check.set_defaults(func=cmd_check_username)

    courts = commands.add_parser(
        "courts",
        help="list or search the court catalog",
        description="Search courts by id (mab), state (MA, Massachusetts) or words of the name "
        "(massachusetts bankruptcy). With no query, lists all.",
    )
    courts.add_argument("query", nargs="?", help="id, state or words of the court's name")
    _format_option(courts)
    courts.set_defaults(func=cmd_courts)

    checklist = commands.add_parser(
        "checklist",
        help="print the checklist for an answers file",
        description="Turn answers (docs/answers-format.md) into the ordered checklist "
        "(docs/checklist-format.md).",
    )
    checklist.add_argument("--answers", metavar="FILE", help="answers file (JSON)")
    checklist.add_argument(
        "--format",
        choices=["text", "json", "html", "pdf", "ics"],
        default="text",
        help="text, JSON, HTML, PDF (needs -o) or an iCalendar file of the dated items",
    )
    checklist.add_argument("--page", choices=["letter", "a4"], default="letter", help="PDF page size")
    checklist.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of stdout")
    checklist.add_argument("--force", action="store_true", help="replace OUT if it exists")
    checklist.set_defaults(func=cmd_checklist)

    doctor = commands.add_parser(
        "doctor",
        help="check this computer: folders, keyring, Qt, policy",
        description="Report version, folders, site policy, keyring backend and Qt platform. "
        "Exit 0 when everything needed works, 1 with the reasons.",
    )
    _format_option(doctor)
    doctor.set_defaults(func=cmd_doctor)

    setter = commands.add_parser(
        "set",
        help="change one saved answer (refused when firm policy locks it)",
        description="Change one saved answer by its path in the answers format, e.g. "
        '`set pacer.mfa_enrolled true` or `set courts \'["mab", "mad"]\'`. The value is JSON '
        "(true, false, null, numbers, lists) or plain text.",
    )
    setter.add_argument("path", help="e.g. role, pacer.mfa_enrolled, cmecf.mab.linked")
    setter.add_argument("value", help="JSON value or text")
    setter.set_defaults(func=cmd_set)

    reset = commands.add_parser(
        "reset",
        help="remove saved answers and every keyring entry the app created",
        description="Remove the saved answers and every OS keyring entry NextGen Ready created, "
        "after confirmation. Reports what it removed.",
    )
    reset.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    reset.set_defaults(func=cmd_reset)

    shots = commands.add_parser(
        "screenshots",
        help="save a PNG of every wizard page (for the docs)",
        description="Render every page offscreen from the example answers and save PNGs.",
    )
    shots.add_argument(
        "folder", nargs="?", default="docs/screenshots", help="where to save (default: %(default)s)"
    )
    shots.set_defaults(func=cmd_screenshots)

    for sub in (check, courts, checklist, shots):
        sub.add_argument(
            "--as-of",
            type=as_of_date,
            default=argparse.SUPPRESS,
            metavar="YYYY-MM-DD",
            help="pretend today is this date (default: today)",
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.func in (cmd_doctor, cmd_reset, cmd_set):  # the GUI opens its log after its first paint
        from .storage.logs import setup_logging

        setup_logging(app_paths().log_file)
    try:
        return args.func(args)
    except UserError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # last resort: a user never sees a traceback
        if os.environ.get("NEXTGEN_WIZARD_DEBUG"):
            raise
        print(
            f"error: unexpected problem ({type(error).__name__}: {error}). "
            "Please report it; set NEXTGEN_WIZARD_DEBUG=1 for details.",
            file=sys.stderr,
        )
        return EXIT_FAIL
