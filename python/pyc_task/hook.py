"""The import hook: modules that import pyc_task are compiled when imported.

``pyc_task.install_hook()`` puts a finder at the front of ``sys.meta_path``.
For a source module (``.py``) whose text imports pyc_task, its loader reads
the source, compiles the whole module with ``pyc_task._core.compile_module``
(through the disk cache, so a second run loads machine code instead of
compiling), stores the native callables in the new module's
``__pyc_task_native__`` dict, and then executes the source as usual: the
decorators find their compiled functions there and compile nothing.

Everything else is left to the normal import system: modules that do not
mention pyc_task, extension modules (an ahead-of-time ``pyc-task compile``
output next to the source wins, as with any extension), the pyc_task
package itself. When the module cannot be compiled as a whole, a
``CompileWarning`` says why and the module runs with the decorators' own
per-function path. In pure-Python mode (``PYC_TASK_DISABLE=1`` or no
``_core``) installing the hook does nothing.

``python3 -m pyc_task script.py [args]`` installs the hook and runs the script
as ``__main__``, compiled the same way (``pyc_task/__main__.py``).
"""

import importlib.abc
import importlib.machinery
import importlib.util
import re
import sys
import warnings

__all__ = ['install_hook', 'uninstall_hook', 'hook_installed', 'compile_natives',
           'imports_pyc_task', 'PycTaskFinder', 'PycTaskLoader']

# `import pyc_task`, `import pyc_task as pt`, `from pyc_task import ...`,
# `from pyc_task.types import ...`, also indented (inside try/if).
_IMPORTS_RE = re.compile(rb'^[ \t]*(?:import|from)[ \t]+pyc_task\b', re.M)


def imports_pyc_task(source):
    """Whether the source text (str or bytes) imports pyc_task."""
    if isinstance(source, str):
        source = source.encode('utf-8', 'replace')
    return _IMPORTS_RE.search(source) is not None


def _compiled_mode():
    import pyc_task
    if getattr(pyc_task, 'mode', 'pure') != 'compiled':
        return None
    try:
        from pyc_task import _core
    except ImportError:
        return None
    return _core


def _warning_category():
    import pyc_task
    return getattr(pyc_task, 'CompileWarning', RuntimeWarning)


def compile_natives(source, filename, module_name=None):
    """``{name: native callable}`` for a module's source, or ``{}`` when
    nothing can be compiled (pure-Python mode, or a module-level error).

    Goes through the decorators' JIT pieces (``pyc_task._jit``:
    ``compile_source``, which uses the disk cache, then ``bind``) and records
    the result as the module's JIT state, so a decorated function that is
    not in the dict (left out by the fallback, or a module-level failure)
    gets its CompileWarning, or CompileError under ``strict=True``, once, at
    decoration, and is never compiled a second time."""
    core = _compiled_mode()
    if core is None:
        return {}
    try:
        from . import _jit
    except ImportError:
        _jit = None
    if _jit is None or not hasattr(_jit, 'module_state'):
        try:
            return core.compile_module(source, filename)
        except SyntaxError as e:  # pyc_task.CompileError
            warnings.warn('%s: functions run as Python: %s' % (filename, getattr(e, 'msg', e)),
                          _warning_category(), stacklevel=3)
            return {}
    from .errors import CompileError
    st = _jit.module_state(filename, module_name or '__main__')
    with _jit._lock:
        if st.natives is None and st.failure is None:
            try:
                owner, sigs, addrs, dropped = _jit.compile_source(source, filename)
                st.natives = dict(_jit.bind(owner, sigs, addrs))
                st.dropped = {d[0]: d for d in dropped}
                st.compiled = set(addrs)
                st.owner, st.sigs = owner, sigs   # tasks from Python (_launch.py)
            except CompileError as e:
                st.failure = e
                st.natives = {}
        return dict(st.natives)


class PycTaskLoader(importlib.machinery.SourceFileLoader):
    """A source loader that compiles the module before executing it."""

    def exec_module(self, module):
        source = importlib.util.decode_source(self.get_data(self.path))
        natives = compile_natives(source, self.path, module.__name__)
        module.__dict__['__pyc_task_native__'] = natives
        code = self.get_code(module.__name__)  # __pycache__ as usual
        exec(code, module.__dict__)


class PycTaskFinder(importlib.abc.MetaPathFinder):
    """Finds source modules that import pyc_task and gives them PycTaskLoader."""

    def find_spec(self, fullname, path, target=None):
        if fullname == 'pyc_task' or fullname.startswith('pyc_task.'):
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or type(spec.loader) is not importlib.machinery.SourceFileLoader:
            return None
        try:
            with open(spec.origin, 'rb') as f:
                data = f.read()
        except OSError:
            return None
        if not imports_pyc_task(data):
            return None
        spec.loader = PycTaskLoader(fullname, spec.origin)
        return spec

    def invalidate_caches(self):
        importlib.machinery.PathFinder.invalidate_caches()


_finder = PycTaskFinder()


def hook_installed():
    return _finder in sys.meta_path


def install_hook():
    """Compile modules that import pyc_task when they are imported. Returns
    True when the hook is on, False in pure-Python mode (nothing changes)."""
    if _compiled_mode() is None:
        return False
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
    return True


def uninstall_hook():
    """Remove the hook (modules already imported stay as they are)."""
    while _finder in sys.meta_path:
        sys.meta_path.remove(_finder)
