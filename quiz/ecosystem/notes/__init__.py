"""Reading Markdown notes into questions and answers, one module per job.

`read` reads the notes block by block (`parse_notes`, `read_part`); `blockprops` takes
off Logseq's `#card` tags and `key:: value` properties first; `blocks` turns the parsed
tokens into blocks; `asking` decides which blocks ask; `plainview` reads links, embeds and
highlights plain; `answerrows` makes a question's rows its answer; `callouts` reads callout
questions' boxes; `skips` and `unasked` name the text no question takes; `runon` says what
an unclosed fence swallowed; `tabs` reads answers indented as code as prose; `front` takes
off the YAML front matter; `cut` cuts long notes into parts read apart and merges them
back; `quizletrows` reads Quizlet's lists of other separators as tab rows;
`plainquestions` says what to mark in plain paragraphs under a question line; `found` holds
what the reading finds. Nothing is imported
here, so a module that needs one of them loads only its own chain.
"""
