"""The first code the sandbox child runs: `python -I -B -S -c <this file's text> CONFIG CHILD WIRE RUNTIME`.

It sets the rlimits before anything else can run (not preexec_fn, which can
deadlock a threaded parent), fixes sys.path to the stdlib plus numpy's
directory only, then execs the child runner with a private copy of the
builtins. This file is never imported; the parent reads it as text.
"""

import builtins
import json
import os
import resource
import signal
import sys
from typing import Any

_cfg = json.loads(sys.argv[1])
try:
    for _name, (_soft, _hard) in _cfg["rlimits"].items():
        _which = getattr(resource, _name)
        _cur_hard = resource.getrlimit(_which)[1]
        if _cur_hard != resource.RLIM_INFINITY:
            _hard = min(_hard, _cur_hard)
            _soft = min(_soft, _hard)
        resource.setrlimit(_which, (_soft, _hard))
except (OSError, ValueError, AttributeError) as _exc:
    _msg = json.dumps({"t": "fatal", "message": f"could not set rlimits: {_exc}", "n": 0}).encode()
    os.write(_cfg["result_fd"], b"J" + len(_msg).to_bytes(4, "big") + _msg)
    os._exit(3)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
sys.path[:] = [p for p in sys.path if p] + [_cfg["site"]]
_ns: dict[str, Any] = {"__name__": "drillbit_child", "__builtins__": dict(vars(builtins))}
exec(compile(sys.argv[2], "drillbit/child.py", "exec"), _ns)
_ns["main"](_cfg, sys.argv[3], sys.argv[4])
