"""The machine's network, asked through the result channel (forty-fourth round).

A socket's ioctl requests (SIOCGIFCONF, SIOCGIFHWADDR, and the wireless extensions'
SIOCGIWESSID) answer about the network namespace the socket was made in, whatever namespace
the caller is in. The result channel is a socket the app made, in the machine's namespace,
and `fcntl.ioctl` raised no refusal for these requests: in every mode, bubblewrap's own
network namespace included, a drill read the machine's interfaces, their IP addresses and the
MAC address. Now seccomp refuses the 0x89xx and 0x8Bxx requests whole, and the hooks say it
in words.
"""

from __future__ import annotations

import textwrap

from engine.sandbox import WorkerPool
from tests.sandbox.test_attacks_from_inside import _found

ASK = """
    import array, fcntl, os, stat, struct

    channel = []  # the one socket: the result channel, at a random descriptor
    for fd in range(3, 4096):
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                channel.append(fd)
        except OSError:
            pass
    assert len(channel) == 1, channel

    def interfaces():
        buf = array.array("B", bytes(40 * 32))
        answer = fcntl.ioctl(channel[0], 0x8912, struct.pack("iL", len(buf), buf.buffer_info()[0]))
        size = struct.unpack("iL", answer)[0]
        raw = buf.tobytes()[:size]
        return sorted(raw[i : i + 16].split(b"\\0")[0].decode() for i in range(0, size, 40))

    def hardware_address():
        answer = fcntl.ioctl(channel[0], 0x8927, struct.pack("16s16x", b"lo"))
        return answer[18:24].hex()

    FOUND = {}
    for label, ask in (("interfaces", interfaces), ("hardware", hardware_address)):
        try:
            FOUND[label] = ask()
        except Exception as exc:
            FOUND[label] = "refused" if "drillbit sandbox" in str(exc) else type(exc).__name__
"""


def test_the_app_refuses_questions_about_the_network(pool: WorkerPool) -> None:
    """As the app grades (bubblewrap, Landlock): before, the loopback and the machine's own
    interfaces came back in both."""
    message = _found(pool, textwrap.dedent(ASK))
    assert "{'interfaces': 'refused', 'hardware': 'refused'}" in message, message


def test_seccomp_refuses_questions_about_the_network(mode_pool: tuple[str, WorkerPool]) -> None:
    _, pool = mode_pool
    message = _found(pool, textwrap.dedent(ASK))
    assert "{'interfaces': 'PermissionError', 'hardware': 'PermissionError'}" in message, message


def test_the_hooks_refuse_questions_about_the_network_without_seccomp(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    _, pool = no_seccomp_pool
    message = _found(pool, textwrap.dedent(ASK))
    assert "{'interfaces': 'refused', 'hardware': 'refused'}" in message, message
