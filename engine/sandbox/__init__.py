"""The sandbox: the child runner, the wire protocol, bubblewrap, and the warm worker pool.

Public: `WorkerPool`, `default_pool`, `isolation_report`, `SandboxConfig`.
Grading itself goes through `engine.grade.grade`.
"""

from engine.sandbox.config import SandboxConfig
from engine.sandbox.isolation import isolation_report
from engine.sandbox.pool import SandboxUnavailableError, WorkerPool, default_pool

__all__ = [
    "SandboxConfig",
    "SandboxUnavailableError",
    "WorkerPool",
    "default_pool",
    "isolation_report",
]
