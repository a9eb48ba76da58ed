"""`drillbit serve`: the app in a browser, behind a per-run token login.

`server` runs textual-serve (one app process per tab); `login` decides, for each
request, whether it carries the token and comes from this server's own page.
"""

from quiz.serve.server import serve

__all__ = ["serve"]
