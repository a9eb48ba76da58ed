"""Source shared by the scripts that run the app in a process of its own (the quit tests):
they check what the app leaves behind once it has exited."""

DESCENDANTS = '''
def descendants(pid):
    """Every process below `pid`, read from /proc (no psutil in the app's environment)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(stat[1]) == pid:
            found += [int(entry.name), *descendants(int(entry.name))]
    return found
'''
"""`descendants(pid)`, for a script that has imported `Path`."""
