"""Engine tests. The shared helpers' asserts are rewritten like a test's, so their failures
show the values compared (pytest rewrites only test modules and registered ones)."""

import pytest

pytest.register_assert_rewrite("tests.engine.helpers")
