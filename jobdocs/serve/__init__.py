"""`jobdocs serve`: the role library in a browser (the optional `serve` extra).

Browse, read as it prints, download, compare and edit with validation. The
command (jobdocs/cli/serve.py) imports the web framework only when it runs, so
`jobdocs --help` stays fast and works without the extra.
"""
