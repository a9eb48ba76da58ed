"""Reading Markdown notes into questions and answers, one module per job.

`read` reads the notes block by block (`parse_notes`, `read_part`); `blocks` turns the
parsed tokens into blocks; `asking` decides which blocks ask; `callouts` reads callout
questions' boxes; `skips` names the text no question takes; `tabs` reads answers indented
as code as prose; `front` takes off the YAML front matter; `cut` cuts long notes into parts
read apart and merges them back; `found` holds what the reading finds. Nothing is imported
here, so a module that needs one of them loads only its own chain.
"""
