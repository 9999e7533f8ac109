"""Command line: the GUI by default, headless sub-commands for checks, catalogs and checklists.

Start-up: only the sub-parser of the command being run is built (all of them for --help or a
mistake), each command imports what it uses when it runs, read-only commands open no log,
and the garbage collector stays off for the short run (the GUI turns it back on, frozen,
after its first paint).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sys
from datetime import date
from pathlib import Path

from . import APP_NAME, __version__
from .domain.dates import as_of_problem, parse_iso_date
from .domain.i18n import N_, _, ngettext
from .domain.text import clean_text

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    from .domain.courts import Court

    _Commands = argparse._SubParsersAction[argparse.ArgumentParser]

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UserError(Exception):
    """Bad input (exit 2) or a failed action (exit 1): each line is printed on stderr."""

    def __init__(self, problems: list[str], exit_code: int = EXIT_USAGE) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
        self.exit_code = exit_code


def as_of_date(text: str) -> date:
    parsed = parse_iso_date(text)
    if parsed is None:
        raise argparse.ArgumentTypeError(
            _('"{text}" is not a date; use YYYY-MM-DD, e.g. 2020-04-15').format(text=text)
        )
    problem = as_of_problem(parsed)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return parsed


def _error_line(problem: str) -> str:
    # Translators: the prefix people (and some scripts) look for; Spanish keeps "error:", the same word.
    return _("error: {problem}").format(problem=problem) + "\n"


def _type_yes() -> str:
    # Translators: the answer must be the translation of "yes" (the next text); "yes" is always accepted too.
    return _("Type yes to continue: ")


def _is_yes(answer: str) -> bool:
    import unicodedata

    def plain(word: str) -> str:  # "sí" and "si" alike
        return "".join(
            c for c in unicodedata.normalize("NFD", word.strip().lower()) if not unicodedata.combining(c)
        )

    # Translators: the word typed to confirm, as "Type yes to continue" asks for it.
    return plain(answer) in {"yes", plain(_("yes"))}


def say(text: str, *, error: bool = False) -> None:
    """Print for a person: no terminal escapes or bidi tricks from a file name or an answer."""
    stream = sys.stderr if error else sys.stdout
    stream.write(clean_text(text, keep_lines=True))
    stream.flush()


def _write_output(data: bytes, fmt: str, out: str | None, force: bool) -> None:
    if out is None or out == "-":
        say(data.decode("utf-8"))
        return
    from .export_writer import ExportError, write_export

    path = Path(out)
    if os.path.lexists(path) and not force:
        raise UserError(
            [_("{path} already exists; choose another name or add --force to replace it").format(path=path)]
        )
    try:
        write_export(path, data, fmt, overwrite=force)
    except ExportError as error:
        raise UserError([str(error)], exit_code=EXIT_FAIL) from None
    say(_("Wrote {path}").format(path=path) + "\n", error=True)


def cmd_check_username(args: argparse.Namespace) -> int:
    from .domain.pacer import classify_username

    check = classify_username(args.name)
    if args.format == "json":
        say(json.dumps({"kind": check.kind.value, "message": check.message}) + "\n")
    else:
        say(f"{check.kind.value}: {check.message}\n")
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


COURT_TYPES = {  # the court types as the `courts` list shows them (the JSON keeps the English value)
    "district": N_("district"),
    "bankruptcy": N_("bankruptcy"),
    "appellate": N_("appellate"),
    "national": N_("national"),
}


def cmd_courts(args: argparse.Namespace) -> int:
    if args.update:
        return cmd_courts_update(args)
    from .session import Session
    from .storage.paths import app_paths

    session = Session.for_machine(app_paths(), keyring=False)
    _notices(session)
    catalog = session.catalog
    found = catalog.search(args.query or "")
    if args.format == "json":
        say(json.dumps([_court_dict(c, args.as_of) for c in found], indent=2) + "\n")
        return EXIT_OK
    if not found:
        say(
            _(
                'No court matches "{query}". Try a state ("MA"), words of the name '
                '("massachusetts bankruptcy") or an id ("mab").'
            ).format(query=args.query)
            + "\n",
            error=True,
        )
        return EXIT_FAIL
    for court in found:
        kind = _(COURT_TYPES.get(court.type.value, court.type.value))
        say(f"{court.id:<8} {court.name} ({kind}) - {court.nextgen_status(args.as_of).text}\n")
    if len(found) == 1:  # one court: how to reach it too
        say(_court_details(found[0]))
    return EXIT_OK


def _court_details(court: Court) -> str:
    from .domain.courts import data_text

    rows = [(_("CM/ECF login:"), court.login_url), (_("Website:"), court.web_url or "-")]
    rows += [(_("Phone:"), phone) for phone in court.phones]
    rows += [(_("Email:"), email) for email in court.emails]
    if court.contact_note:
        rows.append((_("Note:"), data_text(court.contact_note) or ""))
    if court.pro_hac_vice_url:
        rows.append((_("Pro hac vice:"), court.pro_hac_vice_url))
    width = max(len(label) for label, _value in rows)
    return "".join(f"         {label:<{width}} {value}\n" for label, value in rows)


def cmd_courts_update(args: argparse.Namespace) -> int:
    """Download PACER's court list when asked, show what changed, and use it once confirmed."""
    from .session import CourtUpdateError, Session
    from .storage.files import WriteError

    if args.query:
        raise UserError([_("--update takes no search words: run `nextgen-wizard courts WORDS` afterwards")])
    from .storage.paths import app_paths

    session = Session.for_machine(app_paths(), keyring=False)
    _notices(session)
    unchanged = _("Your court data is unchanged: {data}.").format(data=session.courts.describe())
    refusal = session.courts.update_refusal()
    if refusal:
        raise UserError([refusal], EXIT_FAIL)
    if not args.yes and (not sys.stdin or not sys.stdin.isatty()):  # asked before any network use
        raise UserError(
            [_("using new court data needs confirmation: run it in a terminal, or add --yes"), unchanged]
        )
    say(_("Downloading PACER's court list from {url} ...").format(url=session.courts.update_address()) + "\n")
    try:
        update = session.courts.check_update()
    except CourtUpdateError as error:
        raise UserError([str(error), unchanged], EXIT_FAIL) from None
    for line in update.summary:
        say(f"{line}\n")
    if not args.yes:
        answer = input(_("Use this court data from now on?") + " " + _type_yes())
        if not _is_yes(answer):
            say(_("Not used. {unchanged}").format(unchanged=unchanged) + "\n")
            return EXIT_OK
    try:
        path = session.use_court_update(update)
    except WriteError as error:
        raise UserError([str(error), unchanged], EXIT_FAIL) from None
    count = len(session.catalog)
    say(
        ngettext(
            "Now using {data} ({n} court), kept in {path}.",
            "Now using {data} ({n} courts), kept in {path}.",
            count,
        ).format(data=session.catalog.describe(), n=count, path=path)
        + "\n"
    )
    return EXIT_OK


def _session_error(error: Exception) -> UserError:
    problems = getattr(error, "problems", [str(error)])
    return UserError(problems, exit_code=getattr(error, "exit_code", EXIT_USAGE))


def _notices(session) -> None:  # -> None; session: Session
    for notice in session.notices:
        say(_("note: {notice}").format(notice=notice) + "\n", error=True)


def build_checklist(args: argparse.Namespace):  # -> Checklist
    from .session import Session, SessionError
    from .storage.paths import app_paths

    answers_file = Path(args.answers) if args.answers else None
    try:
        session = Session.read(app_paths(), as_of=args.as_of, answers_file=answers_file)
    except SessionError as error:
        raise _session_error(error) from None
    _notices(session)
    return session.plan()


def _html(checklist, contents: bool = True) -> str:
    """The checklist as HTML: with a list of links to the steps for the HTML export, without it
    for the PDF (which has bookmarks)."""
    from .domain.render_html import render_html

    return render_html(checklist, generated=date.today(), version=__version__, contents=contents)


def cmd_checklist(args: argparse.Namespace) -> int:
    from .domain.render import render_json, render_text

    checklist = build_checklist(args)
    if args.format == "pdf":
        if not args.output or args.output == "-":
            raise UserError([_("a PDF needs a file: add -o FILE.pdf")])
        from .ui.printing import PrintOptions, ensure_gui_app, pdf_bytes

        ensure_gui_app()
        options = PrintOptions(page=args.page, author=checklist.filer_name)
        data, _pages = pdf_bytes(_html(checklist, contents=False), options)
        _write_output(data, "pdf", args.output, args.force)
        return EXIT_OK
    if args.format == "ics":
        from .domain.render_ics import NothingToSchedule, render_ics

        try:
            calendar = render_ics(checklist)
        except NothingToSchedule as nothing:
            raise UserError([str(nothing) + " " + _("No file was written.")], EXIT_FAIL) from None
        _write_output(calendar, "ics", args.output, args.force)
        return EXIT_OK
    renderers: dict[str, Callable] = {"text": render_text, "json": render_json, "html": _html}
    _write_output(renderers[args.format](checklist).encode("utf-8"), args.format, args.output, args.force)
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    from .doctor import render_report, run_doctor, run_machine_check
    from .session import Session
    from .storage.paths import app_paths

    if args.format == "json":  # for IT's scripts: the same values from every workstation, any language
        from .domain.i18n import choose_language

        choose_language("en", os.environ)
    session = Session.for_machine(app_paths(), keyring=not args.machine)
    report = run_machine_check(session) if args.machine else run_doctor(session)
    say(render_report(report, args.format))
    return EXIT_OK if report.ok else EXIT_FAIL


def cmd_policy(args: argparse.Namespace) -> int:
    """policy check FILE: what the app would apply from a policy IT has in hand, and every problem."""
    from .session import SessionError, check_policy_file

    if args.format == "json":  # for IT's scripts: the same words on every workstation
        from .domain.i18n import choose_language

        choose_language("en", os.environ)
    try:
        result = check_policy_file(Path(args.file))
    except SessionError as error:
        if args.format == "json":
            say(json.dumps({"values": {}, "problems": error.problems, "readable": False}, indent=2) + "\n")
            return EXIT_USAGE
        raise UserError(error.problems, EXIT_USAGE) from None
    if args.format == "json":
        data = {"values": result.values, "problems": result.problems, "readable": True, "form": result.form}
        say(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        heading = _("{path} ({form}): what NextGen Ready would apply")
        say(heading.format(path=result.path, form=result.form) + "\n")
        for key, value in result.values.items():
            say(f"  {key} = {json.dumps(value, ensure_ascii=False)}\n")
        if not result.values:
            say("  " + _("(nothing)") + "\n")
        for problem in result.problems:
            say(_("problem: {problem}").format(problem=problem) + "\n")
        if not result.problems:
            say(_("No problems found.") + "\n")
    return EXIT_FAIL if result.problems else EXIT_OK


def _confirm(question: str) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError([_("reset needs confirmation: run it in a terminal, or add --yes")])
    return _is_yes(input(f"{question} {_type_yes()}"))


def _open_session(as_of: date | None = None):  # -> Session
    from .session import Session, SessionError
    from .storage.paths import app_paths

    try:
        return Session.open(app_paths(), as_of=as_of or date.today())
    except SessionError as error:
        raise _session_error(error) from None


def cmd_reset(args: argparse.Namespace) -> int:
    session = _open_session()
    try:
        report = session.reset(confirm=lambda question: args.yes or _confirm(question))
    finally:
        session.close()
    for path in report.removed_files:
        say(_("Removed {path}").format(path=path) + "\n")
    for entry in report.removed_entries:
        say(_('Removed keyring entry "{entry}"').format(entry=entry) + "\n")
    for note in report.notes:
        say(f"{note}\n")
    if not report.removed_files and not report.removed_entries and not report.problems and not report.notes:
        say(_("Nothing to remove: no saved answers and no keyring entries.") + "\n")
    for problem in report.problems:
        say(_error_line(problem), error=True)
    return EXIT_FAIL if report.problems else EXIT_OK


def cmd_set(args: argparse.Namespace) -> int:
    from .session import SessionError

    session = _open_session()
    try:
        _notices(session)
        if session.saving_unavailable:
            raise UserError([_cannot_save_here(session)], EXIT_FAIL)
        try:
            value = json.loads(args.value)
        except (json.JSONDecodeError, ValueError, RecursionError):
            value = args.value  # plain text, e.g. a name
        try:
            session.set_answers({args.path: value})  # a typed path: checked at run time
        except SessionError as error:
            if isinstance(value, str):
                raise _session_error(error) from None
            try:  # 1234 or NaN as a name: the text as typed, when the answer is text
                session.set_answers({args.path: args.value})
                value = args.value
            except SessionError:
                raise _session_error(error) from None
        problem = session.save()
        if problem:
            raise UserError([problem], EXIT_FAIL)
    finally:
        session.close()
    stored = json.dumps(session.answer_at(args.path), ensure_ascii=False)  # as kept: ids cleaned, trimmed
    say(_("Saved {path} = {value}").format(path=args.path, value=stored) + "\n")
    for note in session.change_notes:
        say(_("note: {notice}").format(notice=note) + "\n", error=True)
    return EXIT_OK


def cmd_mark(args: argparse.Namespace) -> int:
    """mark STEP [--court ID] [--undo]: tick a checklist step off, or untick it."""
    from .session import SessionError, UnknownStep

    session = _open_session(args.as_of)
    try:
        _notices(session)
        if session.saving_unavailable:
            raise UserError([_cannot_save_here(session)], EXIT_FAIL)
        try:
            if args.requested:
                step = session.mark_requested(args.step, args.court, requested=not args.undo)
            else:
                step = session.mark_step(args.step, args.court, done=not args.undo)
        except UnknownStep as error:
            raise UserError(error.problems, EXIT_USAGE) from None
        except SessionError as error:  # ChangeRefused: a lock
            raise _session_error(error) from None
        problem = session.save()
        if problem:
            raise UserError([problem], EXIT_FAIL)
    finally:
        session.close()
    if args.requested and args.undo:
        say(_("Not waiting any more: {title}").format(title=step.title) + "\n")
    elif args.requested:
        say(f"{step.title}: {step.why}\n")
    elif args.undo:
        say(_("Not done any more: {title}").format(title=step.title) + "\n")
    else:
        say(_("Done on {date}: {title}").format(date=session.as_of.isoformat(), title=step.title) + "\n")
    return EXIT_OK


def _cannot_save_here(session) -> str:  # session: Session
    """Why `set` cannot save, in words for the command line (the wizard's notice mentions its window)."""
    if session.saving_unavailable_reason is None:
        return str(session.saving_unavailable)
    return _(
        "Your answers cannot be kept on this computer: {reason}. So nothing you enter is saved; "
        "use Save as... to keep your answers somewhere else."
    ).format(reason=session.saving_unavailable_reason)


def cmd_gui(args: argparse.Namespace) -> int:
    if args.answers and not args.demo:
        raise UserError(
            [
                _(
                    "--answers opens a file only in a demo: use --demo --answers FILE "
                    "(your own saved answers are never replaced by a file)"
                )
            ]
        )
    if args.demo:
        from .ui.demo import demo_answers, enter_demo_home

        enter_demo_home()  # before anything computes a folder: a demo writes nowhere real
        if args.answers:
            from .storage.answers_reader import AnswersFileError, read_answers_file

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

    for path in take_screenshots(Path(args.folder), args.as_of, theme=args.theme):
        say(_("Wrote {path}").format(path=path) + "\n")
    return EXIT_OK


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=["text", "json"], default="text", help=_("text (default) or JSON")
    )


def _as_of_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        type=as_of_date,
        default=argparse.SUPPRESS,
        metavar="YYYY-MM-DD",
        help=_("pretend today is this date (default: today)"),
    )


def _add_check_username(commands: _Commands) -> None:
    check = commands.add_parser(
        "check-username",
        help=_("classify a PACER username (legacy, upgraded-format, unusual, invalid)"),
        description=_(
            "Classify a PACER username by its form. Exit 0 when well-formed (legacy included), "
            "1 when invalid."
        ),
    )
    check.add_argument("name", help=_("the PACER username"))
    _format_option(check)
    check.set_defaults(func=cmd_check_username)
    _as_of_option(check)


def _add_courts(commands: _Commands) -> None:
    courts = commands.add_parser(
        "courts",
        help=_("list or search the court catalog"),
        description=_(
            "Search courts by id (mab), state (MA, Massachusetts) or words of the name "
            "(massachusetts bankruptcy). With no query, lists all. --update downloads PACER's public "
            "court list (the app's only network use, docs/court-data.md), shows what changed and asks "
            "before using it."
        ),
    )
    courts.add_argument("query", nargs="?", help=_("id, state or words of the court's name"))
    courts.add_argument(
        "--update",
        action="store_true",
        help=_("download newer court data from PACER's court list, show what changed, ask before using it"),
    )
    courts.add_argument(
        "--yes", action="store_true", help=_("with --update: use the new data without asking")
    )
    _format_option(courts)
    courts.set_defaults(func=cmd_courts)
    _as_of_option(courts)


def _add_checklist(commands: _Commands) -> None:
    checklist = commands.add_parser(
        "checklist",
        help=_("print the checklist for an answers file"),
        description=_(
            "Turn answers (docs/answers-format.md) into the ordered checklist (docs/checklist-format.md)."
        ),
    )
    checklist.add_argument("--answers", metavar="FILE", help=_("answers file (JSON)"))
    checklist.add_argument(
        "--format",
        choices=["text", "json", "html", "pdf", "ics"],
        default="text",
        help=_("text, JSON, HTML, PDF (needs -o) or an iCalendar file of the dated items"),
    )
    checklist.add_argument("--page", choices=["letter", "a4"], default="letter", help=_("PDF page size"))
    checklist.add_argument("-o", "--output", metavar="OUT", help=_("write to this file instead of stdout"))
    checklist.add_argument("--force", action="store_true", help=_("replace OUT if it exists"))
    checklist.set_defaults(func=cmd_checklist)
    _as_of_option(checklist)


def _add_doctor(commands: _Commands) -> None:
    doctor = commands.add_parser(
        "doctor",
        help=_("check this computer: folders, keyring, Qt, policy"),
        description=_(
            "Report version, folders, site policy, keyring backend and Qt platform. "
            "Exit 0 when everything needed works, 1 with the reasons."
        ),
    )
    _format_option(doctor)
    doctor.add_argument(
        "--machine",
        action="store_true",
        help=_(
            "check the installation, court data, policy from every source and Qt without a user's "
            "keyring session (for IT, e.g. over SSH); exit 0 when the machine is ready"
        ),
    )
    doctor.set_defaults(func=cmd_doctor)


def _add_policy(commands: _Commands) -> None:
    policy = commands.add_parser(
        "policy",
        help=_("check a firm policy file before pushing it (TOML, reg export, .mobileconfig, plist)"),
        description=_(
            "policy check FILE reads a firm policy as IT has it (a policy.toml, a `reg export` file, "
            "a .mobileconfig or a managed-preferences plist) and prints what the app would apply and "
            "every problem. Exit 0 when clean, 1 with problems, 2 when the file cannot be read as a policy."
        ),
    )
    policy.add_argument("action", choices=["check"], help=_("check: read the file and report"))
    policy.add_argument("file", help=_("the policy file"))
    _format_option(policy)
    policy.set_defaults(func=cmd_policy)


def _add_set(commands: _Commands) -> None:
    setter = commands.add_parser(
        "set",
        help=_("change one saved answer (refused when firm policy locks it)"),
        description=_(
            "Change one saved answer by its path in the answers format, e.g. "
            '`set pacer.mfa_enrolled true` or `set courts \'["mab", "mad"]\'`. The value is JSON '
            "(true, false, null, numbers, lists) or plain text."
        ),
    )
    setter.add_argument("path", help=_("e.g. role, pacer.mfa_enrolled, cmecf.mab.linked"))
    setter.add_argument("value", help=_("JSON value or text"))
    setter.set_defaults(func=cmd_set)


def _add_mark(commands: _Commands) -> None:
    mark = commands.add_parser(
        "mark",
        help=_("tick a checklist step off (or --undo it), e.g. mark link-cmecf-account --court mab"),
        description=_(
            "Tick a step of your checklist off, with today's date (or the --as-of date). A step an "
            "answer stands for (linked, upgraded, MFA on...) changes that answer; refused when firm "
            "policy locks it. Step ids as in `checklist --format json`. Exit 2 for an unknown step or court."
        ),
    )
    mark.add_argument("step", help=_("the step's id, e.g. enroll-mfa or link-cmecf-account"))
    mark.add_argument("--court", metavar="ID", help=_("the court, for a court's step (e.g. mab)"))
    mark.add_argument("--undo", action="store_true", help=_("untick the step"))
    mark.add_argument(
        "--requested",
        action="store_true",
        help=_("you asked someone else today (registered without a card, sent an e-file registration): "
               "the step says since when it waits, and what to do when it takes too long"),
    )
    mark.set_defaults(func=cmd_mark)
    _as_of_option(mark)


def _add_reset(commands: _Commands) -> None:
    reset = commands.add_parser(
        "reset",
        help=_("remove saved answers and every keyring entry the app created"),
        description=_(
            "Remove the saved answers and every OS keyring entry NextGen Ready created, "
            "after confirmation. Reports what it removed."
        ),
    )
    reset.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    reset.set_defaults(func=cmd_reset)


def _add_screenshots(commands: _Commands) -> None:
    shots = commands.add_parser(
        "screenshots",
        help=_("save a PNG of every wizard page (for the docs)"),
        description=_("Render every page offscreen from the example answers and save PNGs."),
    )
    shots.add_argument(
        "folder", nargs="?", default="docs/screenshots", help=_("where to save (default: %(default)s)")
    )
    shots.add_argument(
        "--theme",
        choices=["light", "dark"],
        default=None,
        help=_("only this palette (default: both, light in FOLDER and dark in FOLDER/dark)"),
    )
    shots.set_defaults(func=cmd_screenshots)
    _as_of_option(shots)


# Each command's sub-parser; main() builds only the one that runs.
COMMANDS: dict[str, Callable[[_Commands], None]] = {
    "check-username": _add_check_username,
    "courts": _add_courts,
    "checklist": _add_checklist,
    "doctor": _add_doctor,
    "policy": _add_policy,
    "set": _add_set,
    "mark": _add_mark,
    "reset": _add_reset,
    "screenshots": _add_screenshots,
}
_VALUE_OPTIONS = {"--as-of", "--answers", "--font-scale"}  # top-level options followed by a value


def command_in(argv: Sequence[str]) -> list[str] | None:
    """The sub-parsers `argv` needs: its command's; none for the window; None (all) for help or a mistake."""
    arguments = iter(argv)
    for argument in arguments:
        if argument in ("-h", "--help", "--"):
            return None
        if argument in _VALUE_OPTIONS:
            next(arguments, None)
        elif not argument.startswith("-"):
            return [argument] if argument in COMMANDS else None
    return []


# argparse's own texts that people see (its help headings and its mistakes), so that --help and a
# mistyped command read in the chosen language too; they are translated through this catalog.
ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
)
_ARGPARSE_PLURALS = (
    ngettext("expected %s argument", "expected %s arguments", 2),
)  # marks it for the catalog


def _same_placeholders(original: str, translated: str) -> str:
    """The translation when it keeps argparse's %-placeholders, else the original (never a crash)."""
    import re

    def found(text: str) -> list[str]:
        return sorted(re.findall(r"%(?:\(\w+\))?[a-z%]", text))

    return translated if found(original) == found(translated) else original


def translate_argparse() -> None:
    """argparse's texts through the product's catalog (argparse looks `_` up when it speaks)."""

    def translated(message: str) -> str:
        if not isinstance(message, str) or not message:
            return message  # argparse asks for None too (a sub-parser group without a description)
        return _same_placeholders(message, _(message))

    def translated_plural(singular: str, plural: str, count: int) -> str:
        return _same_placeholders(singular if count == 1 else plural, ngettext(singular, plural, count))

    setattr(argparse, "_", translated)  # noqa: B010 - argparse declares no such attribute for type checkers
    setattr(argparse, "ngettext", translated_plural)  # noqa: B010


class _HelpLayout(argparse.HelpFormatter):
    """argparse's own help layout, but the terminal's width is read once, without shutil.

    argparse makes a formatter for every add_argument and asks shutil for the width each time;
    shutil (with bz2 and lzma) is ~3 ms of a headless command's start-up that nothing else needs.
    """

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24) -> None:
        super().__init__(prog, indent_increment, max_help_position, width=_terminal_columns() - 2)


def _terminal_columns() -> int:
    """As shutil.get_terminal_size does it: $COLUMNS, else the terminal, else 80."""
    global _columns
    if _columns is None:
        try:
            _columns = int(os.environ.get("COLUMNS", "0"))
            _columns = _columns or os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            _columns = 0
        _columns = _columns or 80
    return _columns


_columns: int | None = None


class _LaidOutParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpLayout)
        super().__init__(*args, **kwargs)


def build_parser(commands_wanted: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `commands_wanted`, only those commands' sub-parsers."""
    parser = argparse.ArgumentParser(
        formatter_class=_HelpLayout,
        prog="nextgen-wizard",
        description=_(
            "{app} {version}: get through the federal courts' NextGen CM/ECF "
            "account changes. With no command, opens the wizard window."
        ).format(app=APP_NAME, version=__version__),
        epilog=_("Exit codes: 0 success, 1 a check failed, 2 bad input."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument(
        "--as-of",
        type=as_of_date,
        default=date.today(),
        metavar="YYYY-MM-DD",
        help=_("pretend today is this date (default: today)"),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("seminar mode: a fictional filer, nothing saved, the OS keyring never touched"),
    )
    parser.add_argument("--answers", metavar="FILE", help=_("with --demo: start from this answers file"))
    parser.add_argument(
        "--font-scale",
        type=float,
        default=1.0,
        metavar="X",
        help=_("text size for projectors and low vision, e.g. 1.5 or 2 (Ctrl+= and Ctrl+- change it live)"),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("build every page offscreen from an example, render the checklist, print one line per check"),
    )
    parser.add_argument(
        "--lang",
        choices=["en", "es", "pseudo"],  # pseudo: longer, accented text for checking translations
        default=None,
        help=_("language: en or es (default: what you chose in the wizard, your firm's, or your system's)"),
    )
    parser.set_defaults(func=cmd_gui)
    commands: _Commands = parser.add_subparsers(
        title=_("commands"), metavar="COMMAND", parser_class=_LaidOutParser
    )
    for name, add in COMMANDS.items():
        if commands_wanted is None or name in commands_wanted:
            add(commands)
    return parser


def no_core_dumps() -> None:
    """A crash must not leave a core file holding a password that was on screen."""
    try:
        import resource
    except ImportError:  # Windows: no core files to turn off
        return
    with contextlib.suppress(OSError, ValueError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def needs_log(args: argparse.Namespace) -> bool:
    """Commands that change something keep a log; read-only ones don't (the GUI opens it after its paint)."""
    return args.func in (cmd_doctor, cmd_reset, cmd_set, cmd_mark) or (
        args.func is cmd_courts and getattr(args, "update", False)
    )


def main(argv: Sequence[str] | None = None) -> int:
    no_core_dumps()
    gc_was_on = gc.isenabled()
    gc.disable()  # a short run: its objects die with it (the GUI turns the collector on after its paint)
    try:
        return _run(sys.argv[1:] if argv is None else list(argv))
    finally:
        if gc_was_on and not gc.isenabled():
            gc.enable()


def language_in(argv: list[str]) -> str | None:
    """--lang X or --lang=X, read before the parser is built (its help texts are translated)."""
    for index, word in enumerate(argv):
        if word == "--":
            return None
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return None


def _choose_language(argv: list[str]) -> None:
    from .domain.i18n import choose_language

    chosen = language_in(argv) or os.environ.get("NEXTGEN_WIZARD_LANG")
    if chosen is None and command_in(argv) == []:  # the wizard: the language chosen in its menu
        from .storage.paths import app_paths
        from .storage.preferences import read_language

        chosen = read_language(app_paths().config)
    choose_language(chosen, os.environ)


def _run(argv: list[str]) -> int:
    _choose_language(argv)
    translate_argparse()
    parser = build_parser(command_in(argv))
    args = parser.parse_args(argv)
    if needs_log(args):
        from .storage.log_file import setup_logging
        from .storage.paths import app_paths

        setup_logging(app_paths().log_file)
    try:
        return args.func(args)
    except UserError as error:
        for problem in error.problems:
            say(_error_line(problem), error=True)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `| head`: the reader has what it wanted; say nothing more
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's last flush cannot fail again
        return EXIT_OK
    except Exception as error:  # last resort: a user never sees a traceback
        if os.environ.get("NEXTGEN_WIZARD_DEBUG"):
            raise
        say(
            _error_line(
                _(
                    "unexpected problem ({error}: {reason}). Please report it; set NEXTGEN_WIZARD_DEBUG=1 "
                    "for details."
                ).format(error=type(error).__name__, reason=error)
            ),
            error=True,
        )
        return EXIT_FAIL
