"""The page `drillbit serve` sends: textual-serve's own template, with its web font served
locally instead of from a font CDN (unreachable offline, and a request to a third party),
and a title and an icon for the browser's tab.

textual-serve ships the Roboto Mono files in its static folder but links the page to
Google Fonts. The template is read from the installed textual-serve at start-up, the
CDN link removed and an `@font-face` pointing at the local files put in its place; the
stack still ends in the system monospace font, shown until (or if never) it loads.
The template has no `<title>` and no icon: the tab read "127.0.0.1:8000/?token=..." (the
token on show in the tab strip, the window title and the history) beside a blank icon,
and the browser asked for a /favicon.ico the server does not have.
The page also closes its websocket as it is left (`TAB_RELEASE`), asking first while its
app is connected (a browser's ctrl+w closes the tab), so a reload's tab gets
the slot its old one held, sends a long paste in pieces the server takes (`LONG_INPUT`), and
keeps the token the server hands it for its websocket out of the cookie (`TOKEN_KEEP`).
Its files and its websocket are at the address it was opened at (`same_address_page`), and
a page refused for want of the token logs in with the one it was given or kept (`refused_page`).
While the app starts, the splash says so, and an app that failed to start says what
failed there (`STARTING`, `starting_page`); a tab whose server stopped, or whose connection
was lost, says so (`STOPPED`).
Every script of the page carries the answer's nonce, the only scripts its policy runs
(`nonced_page`, `quiz.serve.headers.page_policy`), and its buttons are bound by a script,
not an `onClick` attribute, which no nonce covers (`bound_buttons_page`).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from quiz.serve.handoff import HANDED_TOKEN
from quiz.serve.login import LOGIN_PATH, TOKEN_PARAM, WAYS_IN
from quiz.serve.sessions import LOGOUT_PATH

__all__ = [
    "BIND_BUTTONS",
    "NONCE",
    "bound_buttons_page",
    "nonced_page",
    "CDN_LINK",
    "FONT_FACES",
    "KEY_FOCUS",
    "LONG_INPUT",
    "MOST_MESSAGE_BYTES",
    "APP_FAILED",
    "STARTING",
    "STARTING_WORDS",
    "STDIN_CHUNK",
    "CONNECTION_LOST",
    "CONNECTION_LOST_WORDS",
    "SERVER_STOPPED",
    "SERVER_STOPPED_WORDS",
    "LOGGED_OUT",
    "LOGGED_OUT_WORDS",
    "LOGINS_ENDED",
    "LOGINS_ENDED_WORDS",
    "LOG_OUT",
    "LOGOUT_BAR_PX",
    "LOGGED_OUT_KEY",
    "LOGGED_OUT_PAGE_WORDS",
    "LOGOUT_NOT_DONE_WORDS",
    "PLAIN_HTTP_WORDS",
    "logging_out_page",
    "STOPPED",
    "HANDED",
    "TOKEN_KEY",
    "TAB_HEAD",
    "TAB_RELEASE",
    "TOKEN_KEEP",
    "key_focus_page",
    "local_font_page",
    "EDGES",
    "edges_page",
    "same_address_page",
    "server_stopped_page",
    "long_input_page",
    "close_reason",
    "refused_page",
    "served_page",
    "starting_page",
    "tab_releasing_page",
    "tab_titled_page",
    "token_keeping_page",
    "write_served_templates",
]

TEMPLATE = "app_index.html"
CDN_LINK = re.compile(r"<link\b[^>]*fonts\.(?:googleapis|gstatic)\.com[^>]*>\s*", re.IGNORECASE)
"""A stylesheet link to Google Fonts."""

FONT_FACES = """<style>
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
        font-weight: 100 700;
        font-style: normal;
        font-display: swap;
      }
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-Italic-VariableFont_wght.ttf") format("truetype");
        font-weight: 100 700;
        font-style: italic;
        font-display: swap;
      }
    </style>
    """


_TITLE = re.compile(r"<title\b", re.IGNORECASE)
TAB_HEAD = (
    "<title>{{ application.name }}</title>\n"
    '    <link rel="icon" href="data:image/svg+xml,'
    "%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
    "%3Cpath d='M8 1 15 8 8 15 1 8z' fill='%23ffa62b'/%3E%3C/svg%3E\" />"
)
"""The tab's title (the server's name for the app, "drillbit") and its icon, the diamond
of the app's header in the default theme's accent, inline: no request, so no
/favicon.ico 404."""


LEAVE_EVENT = "drillbit-leave"
"""The window event a logout sends before it leaves the page: the page's leave question is
not asked. The logout's POST closes the tab's socket on the server, but the page could go
before the close reached it, and Chromium then asked "Leave site?" over a logout (a red CI
run: selenium's "Unexpected dialog type beforeunload")."""


TAB_RELEASE = (
    """<script>
      // Close this tab's websocket as the page is left (a reload, another address): the
      // browser would close it only once the next page arrives, and with every tab slot
      // taken the server refused that page for the tab it still counted.
      // While the app is connected, a page a person has typed in asks before it goes: a
      // browser keeps ctrl+w (close the tab) for itself, and the drill's editor takes it for
      // "delete a word", so a stray key closed the tab. The browser asks in its own words
      // ("Leave site?"); the websocket is closed only once the page is left (pagehide).
      // A logout leaves on purpose: it sends LEAVE_EVENT first, and nothing is asked.
      (() => {
        const sockets = [];
        const open = new Set();
        let leaving = false;
        window.addEventListener("""
    + json.dumps(LEAVE_EVENT)
    + """, () => { leaving = true; });
        const asks = () =>
          !leaving && Boolean(navigator.userActivation && navigator.userActivation.hasBeenActive);
        const ask = (event) => {
          if (!asks()) return;
          event.preventDefault();
          event.returnValue = "";
        };
        const release = () => sockets.forEach((s) => s.close());
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(...args) {
            super(...args);
            sockets.push(this);
            this.addEventListener("open", () => {
              open.add(this);
              window.addEventListener("beforeunload", ask);
            });
            this.addEventListener("close", () => {
              open.delete(this);
              if (!open.size) window.removeEventListener("beforeunload", ask);
            });
          }
        };
        window.addEventListener("beforeunload", () => {
          if (!open.size || !asks()) release();  // no question is asked: the page goes
        });
        window.addEventListener("pagehide", release);
      })();
    </script>"""
)
"""Before textual.js, which opens the tab's websocket."""


KEY_FOCUS = """<script>
      // The page opened with the focus on its body, not on the terminal: the keys a person
      // typed (d, ?, q, as Home's footer says) went nowhere until they clicked the page. The
      // terminal takes the focus as its app connects, unless something else has it already.
      (() => {
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(...args) {
            super(...args);
            this.addEventListener("open", () => {
              const keys = document.querySelector(".xterm-helper-textarea");
              const held = document.activeElement;
              if (keys && (!held || held === document.body)) keys.focus({ preventScroll: true });
            });
          }
        };
      })();
    </script>"""
"""Before textual.js, which opens the tab's websocket once its terminal is on the page."""


HANDED = "{{ " + HANDED_TOKEN + " | tojson }}"
"""Where the template takes the token handed to this page (`quiz.serve.handoff`), as a
JavaScript string ("" for a page opened by the cookie)."""
TOKEN_KEY = f"drillbit-{TOKEN_PARAM}"
"""Where the page keeps the token, in its origin's local storage."""
_TOKEN_NAMES = f"""        const name = '{TOKEN_PARAM}';
        const key = '{TOKEN_KEY}';"""
"""The two names both token scripts read (the address's parameter, the storage's key), so
the page that keeps the token and the refusal that reopens with it cannot drift apart."""

MOST_MESSAGE_BYTES = 4 * 1024 * 1024
"""The largest message the server reads from a tab's websocket (aiohttp's default, made
explicit): a larger one closes the tab (code 1009)."""
TOO_LARGE = (
    f"This tab sent the server a message over its limit ({MOST_MESSAGE_BYTES >> 20} MiB), "
    "so the server closed the tab and its app. Reload the page to start the app again."
)
"""What the page's "closed" dialog says then (in place of "Session ended."): the limit,
and the way back. A paste never causes it (the page sends long input in pieces)."""
STDIN_CHUNK = MOST_MESSAGE_BYTES // 8
"""The most UTF-16 units of typed or pasted text one message carries: JSON writes each in at
most 6 bytes (a control character's `\\u001b`), so a message stays under the limit."""

LONG_INPUT = (
    """<script>
      // textual.js sends a paste as one message, and the server closes a tab whose message is
      // over its limit: a paste of 5 MB ended the tab as "Session ended.". Longer input goes
      // as several messages, none splitting a character, and a tab closed for a message too
      // large says so.
      (() => {
        const MOST = """
    + str(STDIN_CHUNK)
    + """;
        const TOO_LARGE = """
    + json.dumps(TOO_LARGE)
    + """;
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(...args) {
            super(...args);
            this.addEventListener("close", (event) => {
              const said = document.querySelector(".closed-dialog .message");
              if (event.code === 1009 && said) said.textContent = TOO_LARGE;
            });
          }
          send(data) {
            if (typeof data !== "string" || data.length <= MOST || !data.startsWith('["stdin",')) {
              return super.send(data);
            }
            const text = JSON.parse(data)[1];
            for (let start = 0; start < text.length; ) {
              let end = Math.min(start + MOST, text.length);
              const last = text.charCodeAt(end - 1);
              if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
              super.send(JSON.stringify(["stdin", text.slice(start, end)]));
              start = end;
            }
          }
        };
      })();
    </script>"""
)
"""Before textual.js, which sends the tab's input through the WebSocket this one makes."""


TOKEN_KEEP = (
    """<script>
      // The token opens the app's websocket; the cookie, which a browser sends to every port
      // of an address, only the page. The login page keeps it (`refused_page`), or the
      // server hands it to the page an address with it in its query redirects to; kept in
      // this origin's storage (no other port reads it), it is added to the websocket's URL.
      (() => {
"""
    + _TOKEN_NAMES
    + """
        const NO_TOKEN = "This browser has not kept this run's token: open the login "
          + "link drillbit serve printed, or paste the token it printed on its login page.";
        let token = """
    + HANDED
    + """;
        if (token) {
          try { window.localStorage.setItem(key, token); } catch (e) {}
        } else {
          try { token = window.localStorage.getItem(key); } catch (e) {}
        }
        if (!token) {
          // the app cannot start; say why where the page says "Session ended."
          document.addEventListener("DOMContentLoaded", () => {
            const said = document.querySelector(".closed-dialog .message");
            if (said) said.textContent = NO_TOKEN;
          });
        }
        // The app's websocket goes to the address this page was opened at: textual-serve
        // names 127.0.0.1 in it, so a page opened at localhost never started its app.
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(address, ...rest) {
            const target = new URL(address, window.location.href);
            if (target.pathname === "/ws") {
              target.host = window.location.host;
              if (token) target.searchParams.set(name, token);
            }
            super(target.toString(), ...rest);
          }
        };
      })();
    </script>"""
)
"""First in the head: before `TAB_RELEASE`, which wraps the WebSocket this one made, and
textual.js, which opens it and reads the address's other parameters."""


APP_FAILED = 1011
"""The websocket's close code when the tab's app ended in a failure (its reason, the app's
last stderr line, in the close frame): the page says it in place of "Session ended."."""
STARTING_WORDS = "Starting drillbit…"
"""Under the splash's logo until the app draws: for as long as the app took to start (over
90 s on a loaded machine) the page showed the logo and "drillbit" alone, which read as hung."""
_APP_NAME = re.compile(r"(<div>\{\{ application\.name[^}]*\}\})(</div>)")
"""The splash's name of the app in textual-serve's template: the starting words go under it,
inside its block (the splash lays its logo, name and button out in a row)."""
STARTING = (
    """<style>
      .starting { margin-top: 12px; font-size: 14px; color: rgba(255, 255, 255, 0.7); }
      body.-closed .starting { display: none; }
    </style>
    <script>
      // The app's close frame (APP_FAILED) carries what failed as it started: said where
      // the page says "Session ended.", not a splash with a logo for good.
      (() => {
        const FAILED = """
    + str(APP_FAILED)
    + """;
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(...args) {
            super(...args);
            this.addEventListener("close", (event) => {
              const said = document.querySelector(".closed-dialog .message");
              if (event.code !== FAILED || !said) return;
              said.textContent = "drillbit stopped: " + (event.reason || "it failed")
                + ". The whole error is in the terminal running drillbit serve.";
            });
          }
        };
      })();
    </script>"""
)
"""Before textual.js, which opens the tab's websocket."""


SERVER_STOPPED = 1001
"""The websocket's close code when the server stops (Ctrl-C, SIGTERM): "going away"."""
SERVER_STOPPED_WORDS = (
    "drillbit serve stopped, so this tab's app ended (your answers so far are saved). Start "
    "it again and open the login link it prints: each run has a new token."
)
"""What the page says then, in place of "Session ended.": a person who stopped the server
(or whose machine did) read "Session ended." beside a Restart button that, once the server
ran again, led to "a valid token is required"."""
CONNECTION_LOST = 1006
"""The close code a browser gives a websocket that ended with no close frame: the server
was killed, or the connection dropped (a machine that slept)."""
CONNECTION_LOST_WORDS = (
    "The connection to drillbit serve was lost: it was stopped without a word, or cannot be "
    "reached. If it still runs, Restart; if not, start it again and open the login link it "
    "prints."
)
"""What the page says then, in place of "Session ended."."""
APP_QUIT = 1000
"""The websocket's close code when the tab's app quit (q, ctrl+q): a normal close."""
APP_QUIT_WORDS = (
    "You quit drillbit (your answers so far are saved). Restart opens it again in this tab."
)
"""What the page says then, in place of "Session ended.": in drillbit a session is a study
session, and Home's q, seen in headless Chromium at 1280x800, left "Session ended." beside
Restart, as if a session of cards had ended and not the app."""
LOGGED_OUT = 4001
"""The websocket's close code when the tab's login ended (`POST /logout`, from this tab or
another of the same browser): a code of the application's own range (4000-4999)."""
LOGGED_OUT_WORDS = (
    "You logged out of drillbit serve, so this tab's app ended (your answers so far are "
    "saved). To log in again, open the login link it printed, or paste its token."
)
"""What the page says then, in place of "Session ended."."""
LOGINS_ENDED = 4002
"""The websocket's close code when the server ended every login and made a new token (its
user sent it SIGUSR1: `quiz.serve.server`), this tab's login with them."""
LOGINS_ENDED_WORDS = (
    "drillbit serve ended every login and made a new token, so this tab's app ended (your "
    "answers so far are saved). To log in again, open the login link it printed anew, or "
    "paste its new token."
)
"""What the page says then, in place of "Session ended."."""
STOPPED = (
    """<script>
      (() => {
        const STOPPED = """
    + str(SERVER_STOPPED)
    + """;
        const LOST = """
    + str(CONNECTION_LOST)
    + """;
        const QUIT = """
    + str(APP_QUIT)
    + """;
        const OUT = """
    + str(LOGGED_OUT)
    + """;
        const ENDED = """
    + str(LOGINS_ENDED)
    + """;
        const WORDS = {
          [OUT]: """
    + json.dumps(LOGGED_OUT_WORDS)
    + """,
          [ENDED]: """
    + json.dumps(LOGINS_ENDED_WORDS)
    + """,
          [QUIT]: """
    + json.dumps(APP_QUIT_WORDS)
    + """,
          [STOPPED]: """
    + json.dumps(SERVER_STOPPED_WORDS)
    + """,
          [LOST]: """
    + json.dumps(CONNECTION_LOST_WORDS)
    + """,
        };
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(...args) {
            super(...args);
            // a handshake the server refused (no token kept) closes with 1006 too, unopened:
            // what the other scripts say of it stands
            let opened = false;
            this.addEventListener("open", () => { opened = true; });
            this.addEventListener("close", (event) => {
              const said = document.querySelector(".closed-dialog .message");
              if (opened && WORDS[event.code] && said) said.textContent = WORDS[event.code];
            });
          }
        };
      })();
    </script>"""
)
"""Before textual.js, which opens the tab's websocket."""


EDGES = """<script>
      // The terminal holds whole rows and columns, so below its last row (the footer) and
      // right of its last column a strip of up to a row (16 px) and a column is left, which
      // showed the page's near-black (#0c181f). Those strips take the colours the app draws
      // next to them: the right edge's colours carried on to the window's edge, the footer's
      // below it, sampled from the terminal's canvas layers as the app draws (any theme,
      // any window). The terminal keeps no scrollback, so its scrollbar, a light bar there,
      // is hidden.
      (() => {
        const Native = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (kind, options) {
          // a WebGL canvas is readable after it is drawn only if its buffer is kept
          if (kind === "webgl2" || kind === "webgl") options = { ...options, preserveDrawingBuffer: true };
          return Native.call(this, kind, options);
        };
        const probe = document.createElement("canvas");
        let shown = "";
        const colour = (data, at) => `rgb(${data[at]}, ${data[at + 1]}, ${data[at + 2]})`;
        const paint = () => {
          // every layer the renderer stacks (text, selection, cursor; one WebGL canvas),
          // drawn in order as the screen shows them: which one holds the colours varies
          const layers = [...document.querySelectorAll(".xterm-screen canvas")];
          const viewport = document.querySelector(".xterm-viewport");
          const drawn = layers.find((layer) => layer.width && layer.height);
          if (!drawn || !viewport) return;
          const width = drawn.width, height = drawn.height;
          probe.width = 1;
          probe.height = height;
          const context = Native.call(probe, "2d", { willReadFrequently: true });
          if (!context) return;
          context.clearRect(0, 0, 1, height);
          for (const layer of layers) {
            if (layer.width === width && layer.height === height) {
              context.drawImage(layer, width - 1, 0, 1, height, 0, 0, 1, height);
            }
          }
          const edge = context.getImageData(0, 0, 1, height).data;
          const last = (height - 1) * 4;
          if (edge[last + 3] === 0) return; // nothing drawn yet
          // the right edge's runs of one colour, each carried on to the window's edge
          const box = drawn.getBoundingClientRect();
          const ratio = box.height / height;
          const offset = box.top - viewport.getBoundingClientRect().top;
          const px = (y) => `${Math.round(offset + y * ratio)}px`;
          const stops = [];
          let start = 0;
          for (let y = 1; y <= height; y += 1) {
            const at = y * 4, was = (y - 1) * 4;
            if (y < height && edge[at] === edge[was] && edge[at + 1] === edge[was + 1]
                && edge[at + 2] === edge[was + 2]) continue;
            stops.push(`${colour(edge, was)} ${px(start)} ${px(y)}`);
            start = y;
          }
          const footer = colour(edge, last);
          const strip = `linear-gradient(to bottom, ${stops.join(", ")}, ${footer} ${px(height)})`;
          if (strip === shown) return;
          shown = strip;
          viewport.style.background = strip;
          viewport.style.scrollbarWidth = "none";
          document.body.style.background = footer;
          // how many times the strips were painted, for a test that says which went wrong
          const page = document.documentElement.dataset;
          page.edgesPainted = String(Number(page.edgesPainted || 0) + 1);
        };
        let pending = 0;
        const soon = () => {
          clearTimeout(pending);
          pending = setTimeout(paint, 150);
        };
        const Socket = window.WebSocket;
        window.WebSocket = class extends Socket {
          constructor(...args) {
            super(...args);
            this.addEventListener("message", soon);
          }
        };
        window.addEventListener("resize", soon);
        // xterm draws a frame after the data arrives, later on a loaded machine than the
        // pause above: a look each second catches what was drawn after it
        setInterval(() => { if (!document.hidden) paint(); }, 1000);
      })();
    </script>"""
"""Before textual.js, which makes the terminal's canvas and opens the tab's websocket."""


def edges_page(template: str) -> str:
    """The template with `EDGES` at the start of its head, before any script."""
    return _head_script(template, EDGES)


def server_stopped_page(template: str) -> str:
    """The template with `STOPPED` at the start of its head, before any script."""
    return _head_script(template, STOPPED)


def starting_page(template: str) -> str:
    """The template with `STARTING_WORDS` under the splash's name and `STARTING` in its
    head (unchanged when the template has no such name: a test says so)."""
    words = f'\\1<div class="starting">{html.escape(STARTING_WORDS)}</div>\\2'
    with_words, found = _APP_NAME.subn(words, template, count=1)
    if not found:
        return template
    return _head_script(with_words, STARTING)


def close_reason(stderr: str, returncode: int) -> str:
    """What a failed app's close frame says: the last line it wrote to stderr (a traceback's
    last line names the error), cut to the 123 bytes a close frame holds, or its exit code."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    said = lines[-1] if lines else f"the app exited with code {returncode}"
    encoded = said.encode("utf-8")
    if len(encoded) <= MOST_CLOSE_REASON_BYTES:
        return said
    cut = encoded[: MOST_CLOSE_REASON_BYTES - len("…".encode())].decode("utf-8", "ignore")
    return cut + "…"


MOST_CLOSE_REASON_BYTES = 123
"""A websocket close frame's reason holds at most 123 bytes (RFC 6455, 5.5)."""


SERVER_PREFIX = "drillbit serve: "
"""How the server's refusals begin, as a terminal reads them (`curl`, the console)."""


def page_words(reason: str) -> str:
    """A refusal as the login page says it, escaped: without `SERVER_PREFIX` (the heading
    says "drillbit serve: log in" right above it), a command in backquotes as `<code>`, as
    the list under it writes one, and a full stop. At 1280x800 the page read "drillbit
    serve: a valid token is required: open the login link `drillbit serve` printed" under
    its heading, the backquotes as typed, with no full stop. The page's script says an
    answer to the box the same way. The two ways in (`WAYS_IN`) are left out, as the list
    under it names them (the page said them twice), and a sentence starts with a capital
    letter unless it starts with the lower-case name drillbit: "a valid token is required"
    opened the page in lower case."""
    text = reason.strip().removeprefix(SERVER_PREFIX)
    text = re.sub(r":\s*" + re.escape(WAYS_IN) + r"(?: this time)?$", "", text)
    if text and not text.startswith("drillbit"):
        text = text[0].upper() + text[1:]
    if text and not text.endswith((".", "?", "!")):
        text += "."
    parts = [html.escape(part) for part in text.split("`")]
    return "".join(part if n % 2 == 0 else f"<code>{part}</code>" for n, part in enumerate(parts))


def refused_page(reason: str, nonce: str) -> str:
    """The page a browser gets for `/` without a login: it says `reason`, and logs in with
    the token it was given, posted to `LOGIN_PATH`, then opens the app's page.

    The token comes from the box, where a person pastes it (the printed login link,
    `quiz.serve.login_file`, is the other way that leaves it in no address, so in no
    history: a browser records every address it opens, fragment and all); from the
    address's fragment (`/#token=...`, which the forty-fifth round printed), taken out of
    the address bar before anything else; or from this browser's storage, where an earlier login kept
    it: a server on another port of 127.0.0.1 can set a cookie of drillbit's name and
    overwrite drillbit's, and a reload then showed only this refusal. A kept token that the
    server refuses (a past run's) is forgotten, so the page never tries it twice, and an
    address with a token in its query that was refused forgets it too. Its script carries
    `nonce`, its answer's policy's (which runs no form's own submit: the script posts it).
    Its words wrap: a `<pre>` ran them off a narrow window. It names the two ways in (the
    printed login link, or the printed token pasted in the box; a whole URL with
    `token=` pasted works too) and labels the box for a
    screen reader: a one-line refusal over a bare "Token:" box left both to guess."""
    return (
        """<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <title>drillbit serve: log in</title>
    <script nonce='"""
        + html.escape(nonce)
        + """'>
      (() => {
"""
        + _TOKEN_NAMES
        + """
        const login = '"""
        + LOGIN_PATH
        + """';
        const url = new URL(window.location.href);
        url.hash = "";
        // the token leaves the address bar before anything else is done
        const fragment = () => {
          const given = new URLSearchParams(window.location.hash.slice(1)).get(name);
          if (given !== null) history.replaceState(null, "", url.pathname + url.search);
          return given;
        };
        const given = fragment();
        // as `page_words` says a refusal: no "drillbit serve: " under the heading that
        // says it, a command in backquotes as code, a full stop
        const say = (words) => {
          const said = document.getElementById("said");
          if (!said) return;
          let text = words.trim().replace(/^drillbit serve: /, "");
          const ways = ": " + """
        + json.dumps(WAYS_IN)
        + """;
          for (const end of [ways, ways + " this time"]) {
            if (text.endsWith(end)) text = text.slice(0, -end.length);
          }
          if (text && !text.startsWith("drillbit")) text = text[0].toUpperCase() + text.slice(1);
          if (text && !/[.?!]$/.test(text)) text += ".";
          said.replaceChildren(...text.split("`").map((part, n) => {
            if (n % 2 === 0) return document.createTextNode(part);
            const code = document.createElement("code");
            code.textContent = part;
            return code;
          }));
        };
        const send = async (token, kept) => {
          let answer;
          try {
            answer = await fetch(login, {
              method: "POST",
              body: new URLSearchParams({ [name]: token }),
              credentials: "same-origin",
              cache: "no-store",
            });
          } catch (e) {
            say("drillbit serve cannot be reached: is it still running?");
            return;
          }
          if (answer.ok) {
            try { window.localStorage.setItem(key, token); } catch (e) {}
            window.location.replace(url.pathname + url.search);
            return;
          }
          if (kept && answer.status === 403) {
            try { window.localStorage.removeItem(key); } catch (e) {}
          }
          say(await answer.text());
        };
        // the page a logout landed on says so (`LOG_OUT`), once
        let out = null;
        try {
          out = window.sessionStorage.getItem('"""
        + LOGGED_OUT_KEY
        + """');
          window.sessionStorage.removeItem('"""
        + LOGGED_OUT_KEY
        + """');
        } catch (e) {}
        if (out) {
          const words = """
        + json.dumps(LOGGED_OUT_PAGE_WORDS)
        + """;
          const plain = """
        + json.dumps(PLAIN_HTTP_WORDS)
        + """;
          document.addEventListener("DOMContentLoaded", () => {
            say(out === "plain" ? words + " " + plain : words);
          });
        }
        document.addEventListener("DOMContentLoaded", () => {
          const box = document.getElementById("login");
          if (!box) return;
          box.addEventListener("submit", (event) => {
            event.preventDefault();
            const typed = box.elements[name].value.trim();
            // a whole printed URL pasted: its token
            const token = typed.includes(name + "=") ? typed.split(name + "=").pop() : typed;
            if (token) send(token, false);
          });
        });
        let kept = null;
        try {
          if (url.searchParams.has(name)) {
            window.localStorage.removeItem(key);
          } else {
            kept = window.localStorage.getItem(key);
          }
        } catch (e) {}
        if (given) {
          send(given, false);
        } else if (kept) {
          send(kept, true);
        }
        // the printed URL opened over this page: only its fragment differs, so the browser
        // does not load the page again
        window.addEventListener("hashchange", () => {
          const token = fragment();
          if (token) send(token, false);
        });
      })();
    </script>
  </head>
  <body style="font-family: sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em">
    <h1 style="font-size: 1.4em">drillbit serve: log in</h1>
    <p id="said" role="status" style="white-space: pre-wrap; overflow-wrap: anywhere">"""
        + page_words(reason)
        + """</p>
    <p>Two ways in:</p>
    <ol>
      <li>Open the login link that <code>drillbit serve</code> printed in its terminal (a
        <code>file://</code> address): one click.</li>
      <li>Or paste the token it printed in the box below.</li>
    </ol>
    <form id="login">
      <label for="token">Token it printed:</label>
      <input id="token" type="password" name='"""
        + TOKEN_PARAM
        + """' size="50" style="max-width: 100%; box-sizing: border-box"
        autocomplete="off" spellcheck="false" autofocus />
      <button type="submit">Log in</button>
    </form>
  </body>
</html>
"""
    )


LOGGED_OUT_KEY = "drillbit-logged-out"
"""Where a page that logged out leaves word for the login page it lands on (this tab's
session storage, which plain http keeps too): "secure" or "plain" (`window.isSecureContext`)."""
LOGGED_OUT_PAGE_WORDS = (
    "You logged out: drillbit serve ended this browser's login and cleared its cookie, and "
    "this page forgot the token it kept. To log in again, open the login link `drillbit "
    "serve` printed, or paste its token below."
)
"""What the login page says after a logout, in place of "a valid token is required"."""
PLAIN_HTTP_WORDS = (
    "This address is plain http to another machine, where a browser ignores the server's "
    "request to clear the site's data (it honours it over https, or at 127.0.0.1 and "
    "localhost): the page removed the token itself, so nothing of the login is left here. "
    "The token stays good until drillbit serve stops: stop it to shut out anyone who copied it."
)
"""Added on an origin that is no secure context (a LAN address over http), where the logout's
`Clear-Site-Data` is ignored: what was done instead, and what is left to do."""
LOGOUT_NOT_DONE_WORDS = (
    "The logout did not reach drillbit serve, so this browser is still logged in: try again, "
    "or stop drillbit serve, which ends every login."
)
"""What the page says when its logout was not answered 204: it stays as it was."""
LOGOUT_BAR_PX = 24
"""The height of the strip above the terminal that holds the **Log out** button while a tab's
app runs; the terminal takes the rest of the window (a row fewer at most)."""

LOG_OUT = (
    """<style>
      /* the strip above the terminal, never over it: the terminal's height is the rest */
      .logout-bar {
        height: """
    + str(LOGOUT_BAR_PX)
    + """px; box-sizing: border-box; padding: 0 8px; overflow: hidden;
        display: flex; align-items: center; justify-content: flex-end; gap: 12px;
        background: #0c181f; color: rgba(255, 255, 255, 0.75);
        font: 12px/1 "Roboto Mono", menlo, monospace; white-space: nowrap;
      }
      .logout-bar .said { overflow: hidden; text-overflow: ellipsis; }
      body .logout-bar button {
        padding: 2px 10px; margin: 0; display: inline-block; font-size: 12px; line-height: 16px;
      }
      body .textual-terminal { height: calc(100vh - """
    + str(LOGOUT_BAR_PX)
    + """px); }
    </style>
    <script>
      // "Log out" in a strip above the terminal while the tab's app runs (the terminal
      // filled the page, and the button was on the closed dialog only), and beside Restart
      // where a tab whose app ended lands. A logout forgets the token this origin keeps (else
      // the next page logs in with it again), ends this browser's login and its other tabs'
      // apps, and leaves the login page word of it; one the server did not answer says so.
      document.addEventListener("DOMContentLoaded", () => {
"""
    + _TOKEN_NAMES
    + """
        const NOT_DONE = """
    + json.dumps(LOGOUT_NOT_DONE_WORDS)
    + """;
        const logOut = async (say) => {
          let answer = null;
          try {
            answer = await fetch('"""
    + LOGOUT_PATH
    + """', { method: "POST", credentials: "same-origin", cache: "no-store" });
          } catch (e) {}
          if (!answer || answer.status !== 204) {
            const why = answer ? (await answer.text()).trim() : "";
            say(NOT_DONE + (why ? " (" + why + ")" : ""));
            return;
          }
          try { window.localStorage.removeItem(key); } catch (e) {}
          try {
            window.sessionStorage.setItem('"""
    + LOGGED_OUT_KEY
    + """', window.isSecureContext ? "secure" : "plain");
          } catch (e) {}
          window.dispatchEvent(new Event("""
    + json.dumps(LEAVE_EVENT)
    + """));  // the server closes the tab's socket: do not wait for it
          window.location.replace("/");
        };
        const button = (id) => {
          const made = document.createElement("button");
          made.type = "button";
          made.id = id;
          made.textContent = "Log out";
          made.style.whiteSpace = "nowrap";  // the dialog's column is narrow: "Log" over "out"
          return made;
        };
        const terminal = document.getElementById("terminal");
        if (terminal) {
          const bar = document.createElement("div");
          bar.className = "logout-bar";
          const said = document.createElement("span");
          said.className = "said";
          said.setAttribute("role", "status");
          const now = button("logout-now");
          now.title = "End this browser's login to drillbit serve (your answers are saved)";
          now.addEventListener("click", () => logOut((words) => { said.textContent = words; }));
          bar.append(said, now);
          terminal.before(bar);
        }
        const restart = document.querySelector(".closed-dialog button");
        if (!restart) return;
        const out = button("logout");
        out.style.marginLeft = "8px";
        out.addEventListener("click", () => logOut((words) => {
          const message = document.querySelector(".closed-dialog .message");
          if (message) message.textContent = words;
        }));
        restart.after(out);
      });
    </script>"""
)
"""Anywhere in the head: it waits for the body's terminal and dialog."""


def logging_out_page(template: str) -> str:
    """The template with `LOG_OUT` at the start of its head."""
    return _head_script(template, LOG_OUT)


def tab_titled_page(template: str) -> str:
    """The template with `TAB_HEAD` at the start of its head, unless it has a title."""
    if _TITLE.search(template) is not None or "<head>" not in template:
        return template
    return template.replace("<head>", "<head>\n    " + TAB_HEAD, 1)


def tab_releasing_page(template: str) -> str:
    """The template with `TAB_RELEASE` at the start of its head, before any script."""
    return _head_script(template, TAB_RELEASE)


def key_focus_page(template: str) -> str:
    """The template with `KEY_FOCUS` at the start of its head, before any script."""
    return _head_script(template, KEY_FOCUS)


def long_input_page(template: str) -> str:
    """The template with `LONG_INPUT` at the start of its head, before any script."""
    return _head_script(template, LONG_INPUT)


def token_keeping_page(template: str) -> str:
    """The template with `TOKEN_KEEP` at the start of its head, before any script."""
    return _head_script(template, TOKEN_KEEP)


def _head_script(template: str, script: str) -> str:
    """The template with `script` at the start of its head (unchanged without a head)."""
    if "<head>" not in template:
        return template
    return template.replace("<head>", "<head>\n    " + script, 1)


NONCE = "{{ csp_nonce }}"
"""Where the template takes the answer's nonce (`quiz.serve.headers.nonce_context` fills it)."""
_SCRIPT_TAG = re.compile(r"<script\b(?![^>]*\bnonce=)", re.IGNORECASE)
_ON_CLICK = re.compile(r'\s+onClick="refresh\(\)"', re.IGNORECASE)

BIND_BUTTONS = """<script>
      // The splash's Start and Restart buttons reload the page (textual-serve's refresh()):
      // bound here, because the page's policy runs no onClick attribute.
      document.addEventListener("DOMContentLoaded", () => {
        for (const button of document.querySelectorAll("button[data-refresh]")) {
          button.addEventListener("click", () => refresh());
        }
      });
    </script>"""
"""Anywhere in the head: it waits for the body's buttons."""


def bound_buttons_page(template: str) -> str:
    """The template with its `onClick="refresh()"` attributes bound by `BIND_BUTTONS` instead."""
    unbound = _ON_CLICK.sub(" data-refresh", template)
    if unbound == template:
        return template
    return _head_script(unbound, BIND_BUTTONS)


def nonced_page(template: str) -> str:
    """The template with `NONCE` on every `<script>` tag: the scripts its policy runs."""
    return _SCRIPT_TAG.sub(f'<script nonce="{NONCE}"', template)


def served_page(template: str) -> str:
    """textual-serve's page as drillbit serves it: its files and websocket at the address it
    was opened at, local font, a tab title and icon, "Starting drillbit…" (or what failed)
    on its splash, a stopped server said, the strips the terminal's whole rows leave in the
    app's colours, the keys to the app without a click,
    its websocket closed as it is left, long input sent in pieces the server takes, and the
    token handed to it kept and put in its websocket's URL, a "Log out" button beside
    Restart, every script with the nonce."""
    return nonced_page(
        logging_out_page(
            same_address_page(
                token_keeping_page(
                    long_input_page(
                        tab_releasing_page(
                            key_focus_page(
                                server_stopped_page(
                                    edges_page(
                                        starting_page(
                                            tab_titled_page(
                                                local_font_page(bound_buttons_page(template))
                                            )
                                        )
                                    )
                                )
                            )
                        )
                    )
                )
            )
        )
    )


STATIC_URL = "{{ config.static.url }}"
"""How textual-serve's template names its static folder: at the served URL (127.0.0.1)."""
STATIC_PATH = "/static/"
"""The static folder on whatever address the page was opened at."""


def same_address_page(template: str) -> str:
    """The template with its static files on the address the page was opened at.

    textual-serve names them at the served URL: a page opened at localhost (an address
    the server takes as its own) asked 127.0.0.1 for its script, without the cookie, which
    a browser keeps per address, was refused, and never started its app."""
    return template.replace(STATIC_URL, STATIC_PATH)


def local_font_page(template: str) -> str:
    """The template with every font-CDN link replaced by local `@font-face` rules."""
    without = CDN_LINK.sub("", template)
    if without == template:
        return template
    return without.replace("</head>", FONT_FACES + "</head>", 1)


def write_served_templates(source: Path, target: Path) -> Path:
    """Copy textual-serve's templates folder `source` to `target`, the page rewritten."""
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            if path.name == TEMPLATE:
                text = served_page(text)
            (target / path.name).write_text(text, encoding="utf-8")
    return target
