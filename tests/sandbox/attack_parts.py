"""Pieces of Python that sandbox attacks are written from (each attack is a user's answer's
text): recording a trap's call from outside the code, and reaching the grader's classes
through `object.__subclasses__()`."""

NOTES = """seen = []
mine = [False]


def note(what):
    if not mine[0]:
        seen.append(what)
"""
"""`note` records a trap's call unless the code itself is running it (`mine[0]`)."""

CLASSES = """
def every_class():
    todo, out = list(object.__subclasses__()), []
    while todo:
        cls = todo.pop()
        try:
            todo.extend(type.__subclasses__(cls))
        except TypeError:
            continue
        out.append(cls)
    return out


def find(name, module):
    for cls in every_class():
        if cls.__name__ == name and cls.__dict__.get("__module__") == module:
            return cls
    raise ValueError(name + " not found")
"""
"""`every_class()` walks every class the interpreter holds; `find` names one by module."""
