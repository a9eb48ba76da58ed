"""Child-side harness modules. Each is shipped to the sandbox child as *source text*.

Rules for every module here: import only numpy and the standard library, never
`engine` or `quiz` (the exceptions, imports from the shared helpers `_returns` and
`_seeding`, are replaced by the helper's text before shipping: see
`engine.checkers.base.harness_sources`); define `run_case(fns, inputs) -> dict`
returning plain data. Modules whose names start with `_` are not harnesses.
"""
