import errno
import json
import os
import stat
import tempfile
from pathlib import Path

import pytest

from nextgen_wizard.domain import answers as answers_module
from nextgen_wizard.domain.answers import Answers, PacerAnswers, Role
from nextgen_wizard.storage.answer_store import AnswerStore, StoreWriteError
from nextgen_wizard.storage.instance import InstanceLock

SAMPLE = Answers(role=Role.ATTORNEY, courts=["mab"], pacer=PacerAnswers(username="ab1234"))


@pytest.fixture
def store(tmp_path: Path) -> AnswerStore:
    return AnswerStore(tmp_path / "data" / "answers.json")


def test_save_then_load_gives_the_same_answers(store: AnswerStore) -> None:
    store.save(SAMPLE)
    result = AnswerStore(store.path).load()
    assert result.answers == SAMPLE and result.notices == [] and result.existed


def test_nothing_saved_yet_starts_fresh_without_a_message(store: AnswerStore) -> None:
    result = store.load()
    assert result.answers == Answers() and result.notices == [] and not result.existed


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_file_is_private_to_the_user(store: AnswerStore) -> None:
    store.save(SAMPLE)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700


def test_no_temporary_files_are_left_behind(store: AnswerStore) -> None:
    for _ in range(3):
        store.save(SAMPLE)
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["answers.json"]


CORRUPT = {
    "truncated JSON": b'{"schema_version": 1, "role": "attor',
    "wrong types": json.dumps(
        {"schema_version": 1, "courts": "mab", "pacer": {"has_own_account": "yes"}}
    ).encode(),
    "binary garbage": bytes(range(256)) * 4,
    "a 50 MB file": b"{" + b" " * (50 * 1024 * 1024) + b"}",
}


@pytest.mark.parametrize("case", list(CORRUPT))
def test_corrupt_file_is_moved_aside_with_its_bytes_and_the_wizard_starts_fresh(
    store: AnswerStore, case: str
) -> None:
    store.path.parent.mkdir(parents=True)
    original = CORRUPT[case]
    store.path.write_bytes(original)
    result = store.load()
    assert result.answers == Answers()
    kept = list(store.path.parent.glob("answers.corrupt-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == original
    assert str(kept[0]) in result.notices[0] and "starts fresh" in result.notices[0]
    assert not store.path.exists()
    store.save(SAMPLE)  # the app continues and can save again
    assert AnswerStore(store.path).load().answers == SAMPLE


def test_two_corrupt_files_in_the_same_second_are_both_kept(store: AnswerStore) -> None:
    store.path.parent.mkdir(parents=True)
    for content in (b"first", b"second"):
        store.path.write_bytes(content)
        store.load()
    kept = sorted(p.read_bytes() for p in store.path.parent.glob("answers.corrupt-*.json"))
    assert kept == [b"first", b"second"]


def test_newer_schema_is_refused_and_never_overwritten(store: AnswerStore) -> None:
    store.path.parent.mkdir(parents=True)
    newer = b'{"schema_version": 7, "something": "new"}'
    store.path.write_bytes(newer)
    result = store.load()
    assert not result.writable
    assert "newer version of NextGen Ready" in result.notices[0]
    with pytest.raises(StoreWriteError, match="Save as"):
        store.save(SAMPLE)
    assert store.path.read_bytes() == newer
    elsewhere = store.path.parent / "elsewhere.json"
    store.save_as(SAMPLE, elsewhere)
    assert AnswerStore(elsewhere).load().answers == SAMPLE


def test_older_schema_is_migrated_on_load(store: AnswerStore, monkeypatch: pytest.MonkeyPatch) -> None:
    def from_zero(raw: dict) -> dict:
        raw["role"] = raw.pop("job")
        return raw

    monkeypatch.setitem(answers_module.MIGRATIONS, 0, from_zero)
    store.path.parent.mkdir(parents=True)
    store.path.write_text('{"schema_version": 0, "job": "attorney"}')
    assert store.load().answers.role is Role.ATTORNEY


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.EROFS, "read-only"), (errno.EACCES, "may not write"), (errno.ENOSPC, "disk")],
)
def test_unwritable_folder_or_full_disk_gives_a_clear_message_and_keeps_answers(
    store: AnswerStore, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    store.save(SAMPLE)
    before = store.path.read_bytes()

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    changed = Answers(role=Role.NON_ATTORNEY)
    with pytest.raises(StoreWriteError) as caught:
        store.save(changed)
    assert words in str(caught.value) and "Save as" in str(caught.value)
    assert store.path.read_bytes() == before  # the old file is intact
    monkeypatch.undo()
    target = store.path.parent.parent / "usb" / "answers.json"
    target.parent.mkdir()
    store.save_as(changed, target)
    assert AnswerStore(target).load().answers == changed


def test_save_as_never_overwrites_silently(store: AnswerStore, tmp_path: Path) -> None:
    target = tmp_path / "mine.json"
    target.write_text("keep")
    with pytest.raises(StoreWriteError, match="already exists"):
        store.save_as(SAMPLE, target)
    assert target.read_text() == "keep"


def test_remove_deletes_answers_and_damaged_copies(store: AnswerStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"junk")
    store.load()
    store.save(SAMPLE)
    assert len(store.remove()) == 2
    assert list(store.path.parent.iterdir()) == []


def test_second_instance_is_refused_until_the_first_ends(tmp_path: Path) -> None:
    first, second = InstanceLock(tmp_path / "wizard.lock"), InstanceLock(tmp_path / "wizard.lock")
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_unchanged_answers_are_not_written_again_but_a_change_or_a_missing_file_is(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    first = AnswerStore(path)
    first.save(Answers(role=Role.ATTORNEY))
    store = AnswerStore(path)  # the next start: read, then quit after only looking
    answers = store.load().answers
    before = path.stat().st_ino
    store.save(answers)
    assert path.stat().st_ino == before  # the same file: nothing was replaced

    store.save(Answers(role=Role.FILING_AGENT))  # a change is written (a new file is renamed into place)
    assert path.stat().st_ino != before and AnswerStore(path).load().answers.role is Role.FILING_AGENT
    path.unlink()
    store.save(Answers(role=Role.FILING_AGENT))  # the same answers, but the file went: written again
    assert AnswerStore(path).load().answers.role is Role.FILING_AGENT


@pytest.mark.parametrize("damage", ["emptied", "cut short", "made a link to a copy"])
def test_unchanged_answers_are_written_again_when_the_file_changed_under_the_wizard(
    tmp_path: Path, damage: str
) -> None:
    # Quitting after only looking writes nothing only if the file still holds those bytes: a file
    # emptied, cut short or replaced by a link meanwhile would otherwise be moved aside at the next
    # start, and the answers the wizard still had were lost.
    path = tmp_path / "answers.json"
    AnswerStore(path).save(SAMPLE)
    store = AnswerStore(path)
    answers = store.load().answers
    if damage == "emptied":
        path.write_bytes(b"")
    elif damage == "cut short":
        path.write_bytes(path.read_bytes()[:-10])
    else:
        copy = tmp_path / "copy.json"
        copy.write_bytes(path.read_bytes())
        path.unlink()
        path.symlink_to(copy)
    store.save(answers)
    result = AnswerStore(path).load()
    assert result.answers == SAMPLE and result.notices == []
    assert not path.is_symlink()
