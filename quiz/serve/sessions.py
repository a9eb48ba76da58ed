"""The logins `drillbit serve` holds: one cookie secret per browser that logged in, until it
logs out (`LOGOUT_PATH`), the server ends every login (`Sessions.end_all`, on SIGUSR1) or
it stops.

Every login was handed the run's one cookie secret, so the server could end no login: a
closed tab ended its app, and the cookie opened the page again until the server stopped
(fiftieth round). Now each login gets a secret of its own, kept here, and a logout drops
its secret alone, so another browser's login stands.
"""

from __future__ import annotations

import secrets

from quiz.serve.secret_match import same_secret

__all__ = ["LOGOUT_PATH", "MOST_SESSIONS", "Sessions"]

LOGOUT_PATH = "/logout"
"""Where the page posts to end its login."""
MOST_SESSIONS = 64
"""The most logins held at once (the oldest is dropped): only a holder of the token makes
one, but a loop of logins must not grow the server's memory."""


class Sessions:
    """The cookie secrets issued and not yet ended, oldest first."""

    def __init__(self) -> None:
        self._secrets: dict[str, None] = {}  # an ordered set

    def issue(self) -> str:
        """A fresh secret (256 random bits) for one login."""
        while len(self._secrets) >= MOST_SESSIONS:
            del self._secrets[next(iter(self._secrets))]
        secret = secrets.token_urlsafe(32)
        self._secrets[secret] = None
        return secret

    def holds(self, candidate: str | None) -> bool:
        """True when `candidate` is a secret issued and not ended (compared in constant
        time; a header's bytes that are not UTF-8, read as lone surrogates, never match)."""
        return self._find(candidate) is not None

    def end(self, candidate: str | None) -> bool:
        """End the login of `candidate`; True when it was one."""
        found = self._find(candidate)
        if found is None:
            return False
        del self._secrets[found]
        return True

    def end_all(self) -> int:
        """End every login; how many there were."""
        count = len(self._secrets)
        self._secrets.clear()
        return count

    def __len__(self) -> int:
        return len(self._secrets)

    def _find(self, candidate: str | None) -> str | None:
        found = None
        for secret in self._secrets:  # every one compared: no early exit to time
            if same_secret(candidate, secret):
                found = secret
        return found
