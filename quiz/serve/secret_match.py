"""One comparison of a secret a request carries (the token, a login's cookie, a one-use
code) with one the server issued: in constant time over bytes, so the time of a refusal
does not tell how much of a guess was right."""

from __future__ import annotations

import hmac

__all__ = ["same_secret"]


def same_secret(candidate: str | None, secret: str) -> bool:
    """True when `candidate` is `secret`; lone surrogates (aiohttp's reading of header bytes
    that are not UTF-8) never match, and nothing (None, "") matches nothing."""
    if not candidate:
        return False
    return hmac.compare_digest(candidate.encode("utf-8", "surrogatepass"), secret.encode())
