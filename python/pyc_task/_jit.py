"""JIT on first call: the compiled mode behind ``@kernel`` and ``@task``.

A decorated function becomes a ``pyc_task._core.Dispatcher`` (a C object).
Its first call compiles the whole source of its module once
(``compile_source``), binds every compiled function of the module to a
``NativeFunction`` and sets each dispatcher's target; later calls are one
C-level forward to native code. A function the compiler cannot take runs
as Python (a ``CompileWarning`` with the diagnostic), or raises
``CompileError`` when its decorator says ``strict=True``.

Pluggable pieces (the disk cache and AOT layers replace or wrap them):
``compile_source(source, filename, boundscheck, fastmath) -> (owner,
signatures, addresses, dropped)`` (default ``_core.jit_compile``) and
``bind(owner, signatures, addresses) -> {name: NativeFunction}``.
A module whose globals hold ``__pyc_task_native__`` (name -> native
callable, set by an AOT extension or the import hook before the body runs)
is never compiled here: its callables are used as they are.
"""

import inspect
import linecache
import os
import sys
import threading
import warnings

from . import _core
from .errors import CompileError, CompileWarning

__all__ = ['make_dispatcher', 'compile_source', 'bind', 'module_state']

_lock = threading.RLock()
_modules = {}   # filename -> _ModuleJit


def compile_source(source, filename, boundscheck=False, fastmath=False):
    """Compile a module's source: (owner, signatures, addresses, dropped)."""
    return _core.jit_compile(source, filename, boundscheck=boundscheck, fastmath=fastmath)


def bind(owner, signatures, addresses):
    """NativeFunctions for the compiled functions that cross the boundary."""
    return _core.bind_all(owner, signatures, addresses, [], strict=False)


class _ModuleJit:
    """One module's compile state, shared by its dispatchers."""

    def __init__(self, filename, module_name):
        self.filename = filename
        self.module_name = module_name
        self.dispatchers = {}   # name -> (Dispatcher, options)
        self.natives = None     # name -> NativeFunction after the compile
        self.dropped = {}       # name -> dropped tuple
        self.failure = None     # CompileError of a whole-module failure
        self.compiled = set()   # names the compiler compiled (some may not cross the boundary)

    def source(self):
        mod = sys.modules.get(self.module_name)
        if mod is not None and getattr(mod, '__file__', None):
            try:
                return inspect.getsource(mod)
            except (OSError, TypeError):
                pass
        lines = linecache.getlines(self.filename)
        if lines:
            return ''.join(lines)
        with open(self.filename, encoding='utf-8') as f:
            return f.read()

    def compile(self):
        if self.natives is not None or self.failure is not None:
            return
        try:
            source = self.source()
        except (OSError, TypeError) as e:
            self.failure = CompileError('the source of %s is not available (%s)'
                                        % (self.filename, e))
            self.natives = {}
            source = None
        if source is not None:
            try:
                owner, sigs, addrs, dropped = compile_source(source, self.filename)
                self.natives = dict(bind(owner, sigs, addrs))
                self.compiled = set(addrs)
                self.owner, self.sigs = owner, sigs
                self.dropped = {d[0]: d for d in dropped}
            except CompileError as e:
                self.failure = e
                self.natives = {}
        for name in list(self.dispatchers):
            self._resolve(name)

    def _resolve(self, name):
        disp, options = self.dispatchers[name]
        native = self.natives.get(name)
        if native is not None:
            if options.get('nogil'):
                native.nogil = True
            disp.target = native
            return
        strict = bool(options.get('strict'))
        if self.failure is not None:
            err = self.failure
            if not strict:
                warnings.warn(CompileWarning('%s() runs as Python: %s' % (name, err.msg)),
                              stacklevel=4)
        elif name in self.dropped:
            _, msg, filename, line, col, text, rendered = self.dropped[name]
            err = CompileError('%s() is not compiled: %s' % (name, msg),
                               (filename, line, col, text))
            if not strict:
                warnings.warn(CompileWarning('%s() runs as Python: %s' % (name, rendered.rstrip())),
                              stacklevel=4)
        elif name not in self.compiled:
            err = CompileError('%s() is not compiled: only module-level functions are '
                               '(this one is %s)' % (name, disp.py_func.__qualname__))
            if not strict:
                warnings.warn(CompileWarning('%s() runs as Python: only module-level functions '
                                             'are compiled' % name), stacklevel=4)
        else:
            err = None   # compiled, but its signature does not cross the boundary
            launcher = self._launcher(name, disp, options)
            if launcher is not None:
                disp.target = launcher
                return
        if strict and err is not None:
            disp.target = _raiser(err)
        else:
            disp.target = disp.py_func


    def _launcher(self, name, disp, options):
        """A task with region parameters launches through the runtime
        (pyc_task/_launch.py), or None."""
        for line in (getattr(self, 'sigs', None) or '').splitlines():
            cols = line.split('\t')
            if cols[0] == name and len(cols) > 4 and 'task' in cols[4].split(','):
                from . import _launch
                return _launch.make_launcher(name, line, self.owner, disp.py_func, options)
        return None


def _raiser(err):
    def raise_compile_error(*args, **kwargs):
        raise err
    return raise_compile_error


def module_state(filename, module_name):
    with _lock:
        st = _modules.get(filename)
        if st is None:
            st = _modules[filename] = _ModuleJit(filename, module_name)
        return st


def _hook(disp):
    fn = disp.py_func
    st = module_state(fn.__code__.co_filename, fn.__module__)
    with _lock:
        st.compile()


def make_dispatcher(fn, options):
    """The Dispatcher for a decorated function (compiled mode)."""
    natives = fn.__globals__.get('__pyc_task_native__')
    if isinstance(natives, dict) and fn.__name__ in natives:
        disp = _core.Dispatcher(fn, None, natives[fn.__name__])
    else:
        disp = _core.Dispatcher(fn, _hook)
        st = module_state(fn.__code__.co_filename, fn.__module__)
        with _lock:
            st.dispatchers[fn.__name__] = (disp, options)
            if st.natives is not None:
                st._resolve(fn.__name__)
    for attr in ('__module__', '__name__', '__qualname__', '__doc__'):
        try:
            setattr(disp, attr, getattr(fn, attr))
        except AttributeError:
            pass
    disp.__dict__.update(getattr(fn, '__dict__', {}))
    disp.__wrapped__ = fn
    return disp


def enabled():
    return os.environ.get('PYC_TASK_DISABLE', '') in ('', '0')
