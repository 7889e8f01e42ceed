"""Run under valgrind by test_memory.py: every ownership path of _core."""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np, array, gc
import kmod
from pyc_task import _core
for i in range(3):
    a = kmod.make(5); b = a[1:]; del a; del b
    t = kmod.stats(np.arange(3.0)); del t
    v = kmod.same(array.array('d', [1.0])); del v
    x = np.ones(3); kmod.saxpy(1.0, x, x)
    try: kmod.checked(-1)
    except ValueError: pass
    try: kmod.saxpy(1.0, None, x)
    except TypeError: pass
    kmod.shout(1)
gc.collect()
print('live', _core.array_live_count())
