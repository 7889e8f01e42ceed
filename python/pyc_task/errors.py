"""Errors and warnings of the compiled path.

``CompileError`` is a ``SyntaxError`` subclass: it carries ``filename``,
``lineno``, ``offset`` and ``text`` so that a traceback shows the source
line and a caret under the column the compiler complained about.
``CompileWarning`` is what a function that falls back to Python warns with.
"""

__all__ = ['CompileError', 'CompileWarning']


class CompileError(SyntaxError):
    """A function (or module) could not be compiled; raised under ``strict=True``."""


class CompileWarning(UserWarning):
    """A decorated function runs as plain Python; the message is the compiler's diagnostic."""
CompileError.__module__ = 'pyc_task'
CompileWarning.__module__ = 'pyc_task'
