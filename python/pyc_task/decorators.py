"""``@kernel``, ``@task`` and ``@fieldspace``.

Compiled mode (``pyc_task.mode == 'compiled'``): ``@kernel`` and ``@task``
return a ``pyc_task._core.Dispatcher`` that compiles the module on its
first call and then runs native code (pyc_task/_jit.py, docs/python.md).

Pure-Python mode: nothing is compiled: ``@kernel`` returns the function itself
(with its options recorded in ``fn.__pyc_task__``), so kernels run, recurse
and call each other as plain Python. ``@task`` does the same for top-level
tasks; a task that is not top-level returns a ``Future`` that is already
done, which is what a launch looks like in the sequential reference.
``@fieldspace`` turns an annotated class into a small mutable value class.

Fieldspace semantics differ in one place: under CPython an instance is an
object, so ``b = a`` aliases it; in compiled code a fieldspace value is a
struct that is copied on assignment, on argument passing and on return.
The compiler rejects the programs where this shows (frontend/check_alias.c,
docs/language.md "Structs"): a changed parameter, a changed variable that
may share its object with another name (``q = p``, ``q = same(p)``,
``a = b = P(...)``) and a changed variable whose object reaches another
(``w = v``, ``t = (v, 1)``) are compile errors, so a program that compiles
gives the same answer both ways. Pure-Python mode runs them unchecked.
"""

import dataclasses
import functools

from .regions import Future

__all__ = ['kernel', 'task', 'fieldspace', 'KernelInfo', 'TaskInfo',
           'is_kernel', 'is_task', 'fields_of']

_KERNEL_OPTIONS = ('boundscheck', 'strict', 'fastmath', 'parallel', 'target',
                   'cache', 'nogil', 'inline')
_TASK_OPTIONS = ('privileges', 'parallel', 'target', 'top_level', 'leaf',
                 'inner', 'replicable', 'boundscheck', 'strict', 'fastmath')


class KernelInfo:
    """What ``@kernel(...)`` said about a function."""

    def __init__(self, fn, options):
        self.fn = fn
        self.options = dict(options)
        self.compiled = False

    def __repr__(self):
        return 'KernelInfo(%s, %r)' % (self.fn.__qualname__, self.options)


class TaskInfo(KernelInfo):
    """What ``@task(...)`` said about a function."""

    def __repr__(self):
        return 'TaskInfo(%s, %r)' % (self.fn.__qualname__, self.options)


def _check_options(options, allowed, what):
    for key in options:
        if key not in allowed:
            raise TypeError('@%s got an unknown option %r (known: %s)'
                            % (what, key, ', '.join(allowed)))


def _compiled_mode():
    from . import mode
    return mode == 'compiled'


def _native(f, info):
    """Compiled mode: a Dispatcher that compiles the module on first call."""
    from . import _jit
    f.__pyc_task__ = info
    disp = _jit.make_dispatcher(f, info.options)
    disp.__pyc_task__ = info
    return disp


def kernel(fn=None, **options):
    """Mark a function for compilation; ``@kernel`` or ``@kernel(boundscheck=True)``."""
    _check_options(options, _KERNEL_OPTIONS, 'kernel')

    def wrap(f):
        if not callable(f):
            raise TypeError('@kernel decorates a function')
        info = KernelInfo(f, options)
        if _compiled_mode() and hasattr(f, '__code__'):
            return _native(f, info)
        f.__pyc_task__ = info
        return f

    if fn is None:
        return wrap
    return wrap(fn)


def task(fn=None, **options):
    """Mark a task; ``@task``, ``@task(top_level=True)``, ``@task(privileges=[R, RW])``."""
    _check_options(options, _TASK_OPTIONS, 'task')

    def wrap(f):
        if not callable(f):
            raise TypeError('@task decorates a function')
        info = TaskInfo(f, options)
        compiled = _compiled_mode() and hasattr(f, '__code__')
        if options.get('top_level'):
            if compiled:
                return _native(f, info)
            f.__pyc_task__ = info
            return f
        if compiled:
            f = _native(f, info)

        @functools.wraps(f)
        def launch(*args, **kwargs):
            value = f(*args, **kwargs)
            if compiled and type(value).__name__ == 'LaunchedFuture':
                return value   # launched through the runtime (pyc_task/_launch.py)
            return Future(value)

        launch.__pyc_task__ = info
        launch.py_func = f
        return launch

    if fn is None:
        return wrap
    return wrap(fn)


def fieldspace(cls=None, **options):
    """Turn an annotated class into a value class: ``__init__(*fields)`` in
    declaration order, ``__repr__`` and ``__eq__``. Also a region's field space."""

    def wrap(c):
        ann = c.__dict__.get('__annotations__', {})
        if not ann:
            raise TypeError('@fieldspace class %s has no annotated fields'
                            % c.__name__)
        dc = dataclasses.dataclass(c, eq=True, repr=True)
        dc.__pyc_fields__ = tuple(ann.items())
        dc.__pyc_task__ = KernelInfo(dc, options)
        return dc

    if cls is None:
        return wrap
    return wrap(cls)


def is_kernel(obj):
    return isinstance(getattr(obj, '__pyc_task__', None), KernelInfo)


def is_task(obj):
    return isinstance(getattr(obj, '__pyc_task__', None), TaskInfo)


def fields_of(space):
    """``(name, type)`` pairs of a fieldspace class or an inline field dict."""
    if isinstance(space, dict):
        return tuple(space.items())
    fields = getattr(space, '__pyc_fields__', None)
    if fields is None:
        raise TypeError('%r is not a @fieldspace class or a field dict'
                        % (space,))
    return fields
