"""``python3 -m pyc_task script.py [args]``: run a script with pyc_task on.

Installs the import hook (``pyc_task.hook``: modules that import pyc_task
are compiled when imported, through the disk cache), compiles the script
itself the same way, and runs it as ``__main__`` with ``sys.argv`` set to the
script and its arguments and the script's directory first on ``sys.path``,
as ``python3 script.py`` would. In pure-Python mode (``PYC_TASK_DISABLE=1``
or no ``_core``) it runs the script exactly as plain Python.
"""

import os
import sys
import types

USAGE = 'usage: python3 -m pyc_task script.py [args...]'


def run_script(path, argv):
    """Run the file `path` as __main__ with the hook on; returns its exit code."""
    from pyc_task import hook
    import importlib.util
    with open(path, 'rb') as f:
        data = f.read()
    source = importlib.util.decode_source(data)
    hook.install_hook()
    sys.argv = [path] + list(argv)
    # As `python3 script.py`: the script's directory replaces -m's cwd entry.
    sys.path[0:1] = [os.path.dirname(os.path.abspath(path))]
    main = types.ModuleType('__main__')
    main.__file__ = path
    main.__builtins__ = __builtins__
    main.__loader__ = None
    main.__spec__ = None
    main.__cached__ = None
    sys.modules['__main__'] = main
    main.__pyc_task_native__ = (hook.compile_natives(source, path, '__main__')
                                if hook.imports_pyc_task(data) else {})
    code = compile(source, path, 'exec', dont_inherit=True)
    try:
        exec(code, main.__dict__)
    except SystemExit:
        raise
    except BaseException as e:  # print it as python3 would, without this frame
        import traceback
        traceback.print_exception(type(e), e, e.__traceback__.tb_next)
        return 1
    return 0


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ('-h', '--help'):
        print(USAGE, file=sys.stdout if argv else sys.stderr)
        return 0 if argv else 2
    path = argv[0]
    if not os.path.isfile(path):
        print("python3 -m pyc_task: can't open file %r" % path, file=sys.stderr)
        return 2
    return run_script(path, argv[1:])


if __name__ == '__main__':
    sys.exit(main())
