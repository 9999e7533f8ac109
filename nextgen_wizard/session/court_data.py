"""Court data behind the session: which catalog is in use, and newer data when the user asks
(the app's only network use), refused when the firm's policy turns it off."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain.i18n import _
from ..storage.court_downloads import CourtData, CourtUpdate, CourtUpdateError
from ..storage.paths import AppPaths
from ..storage.policy import Policy


class CourtDataService:
    """The court data in use and the policy that governs updating it, made whole by the session."""

    def __init__(self, data: CourtData, policy: Policy, data_folder: AppPaths | None) -> None:
        self.data = data
        self.policy = policy
        self.paths = data_folder  # None: a session over answers in memory keeps no download

    @property
    def problems(self) -> list[str]:
        """Stored court data that was ignored (damaged, say), each with the reason."""
        return list(self.data.problems)

    def describe(self) -> str:
        """Which court data is in use, in words, with its file when it was downloaded."""
        where = f" ({self.data.path})" if self.data.path is not None else ""
        return f"{self.data.catalog.describe()}{where}"

    def update_refusal(self) -> str | None:
        """Why newer court data may not be downloaded here, or None."""
        if self.policy.failed:
            return _(
                "Your firm's policy could not be used, so downloading court data is off until your IT "
                "department fixes it; the app keeps using {data}."
            ).format(data=self.data.catalog.describe())
        if not self.policy.court_updates:
            where = f" ({self.policy.origins.get('courts.updates', self.policy.source)})"
            where = where if self.policy.source else ""
            return _(
                "Your IT department turned off downloading court data in your firm's policy"
                "{where}; the app keeps using {data}."
            ).format(where=where, data=self.data.catalog.describe())
        return None

    def update_address(self) -> str:
        from ..storage.court_downloads import update_address

        return update_address(self.policy.court_update_url, self.data)

    def check_update(self, *, timeout: float | None = None) -> CourtUpdate:
        """Download PACER's court list and check it (blocks: the wizard calls it off its GUI thread).

        Nothing changes yet; CourtUpdateError says why there is nothing to use.
        """
        from ..storage.court_downloads import check_for_update

        refusal = self.update_refusal()
        if refusal:
            raise CourtUpdateError(refusal)
        return check_for_update(self.update_address(), self.data, today=date.today(), timeout=timeout)

    def keep(self, update: CourtUpdate) -> tuple[Path, CourtData]:
        """Keep the checked copy (the one safe writer): where, and the data it now is. WriteError:
        nothing changed."""
        from ..storage.court_downloads import keep_update

        if self.paths is None:  # the wizard offers updates only in sessions opened on a data folder
            raise RuntimeError("this session has no data folder to keep court data in")
        path = keep_update(update, self.paths)
        return path, CourtData(update.catalog, path, update.feed_url or update.url, update.software)
