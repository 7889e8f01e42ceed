"""``python3 -m pyc_task script.py [args]``: run a script with pyc_task on.

Today this runs the script in pure-Python mode (the compiled path,
pyc_task._core, is not wired in yet), exactly as ``python3 script.py``
would, with ``sys.argv`` set to the script and its arguments.
"""

import os
import runpy
import sys


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ('-h', '--help'):
        print('usage: python3 -m pyc_task script.py [args...]')
        return 0 if argv else 2
    sys.argv = list(argv)
    sys.path.insert(0, os.path.dirname(os.path.abspath(argv[0])))
    runpy.run_path(argv[0], run_name='__main__')
    return 0


if __name__ == '__main__':
    sys.exit(main())
