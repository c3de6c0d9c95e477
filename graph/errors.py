"""Exceptions that carry a message meant for the user (one line, naming the file and the problem)."""


class IkgError(Exception):
    """A user-facing error: the CLI prints it as one line, with no traceback."""


class ArticleError(IkgError):
    """An article that cannot be used; the build reports it, skips it and goes on."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self):  # so that worker processes can send it back
        return ArticleError, (self.path, self.problem)
