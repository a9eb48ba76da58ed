"""Child-side harness modules. Each is shipped to the sandbox child as *source text*.

Rules for every module here: import only numpy and the standard library, never
`engine` or `quiz` (the one exception, `from engine.harnesses._returns import
return_code`, is replaced by that function's text before shipping: see
`engine.checkers.base.harness_sources`); define `run_case(fns, inputs) -> dict`
returning plain data. Modules whose names start with `_` are not harnesses.
"""
