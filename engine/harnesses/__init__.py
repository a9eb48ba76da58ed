"""Child-side harness modules. Each is shipped to the sandbox child as *source text*.

Rules for every module here: import only numpy and the standard library, never
`engine` or `quiz`; define `run_case(fns, inputs) -> dict` returning plain data.
"""
