"""pyc_task._core through the decorators: argument conversion and every
boundary error, results and their ownership, exceptions and tracebacks,
strict and fallback modes, output ordering, the compile_module interface."""

import array
import gc
import os
import subprocess
import sys
import traceback
import warnings

import numpy as np
import pytest

from conftest import BUILD_PY, HERE, HAVE_CORE, needs_core

pytestmark = needs_core

if HAVE_CORE:
    import pyc_task
    from pyc_task import _core
    import kmod


def msg(excinfo):
    return str(excinfo.value)


# ---- scalars ------------------------------------------------------------------

def test_mode_and_native():
    assert pyc_task.mode == 'compiled'
    assert kmod.inc(41) == 42
    assert type(kmod.inc.target).__name__ == 'NativeFunction'
    assert kmod.inc.target.direct


def test_int_conversions():
    assert kmod.inc(True) == 2
    assert kmod.inc(np.int32(5)) == 6
    assert kmod.inc(-2**63) == -2**63 + 1
    assert kmod.add8(-128, 255) == 127
    with pytest.raises(OverflowError) as e:
        kmod.inc(2**63)
    assert msg(e) == "inc() argument 'x': Python int 9223372036854775808 out of range for int64"
    with pytest.raises(OverflowError) as e:
        kmod.add8(128, 0)
    assert msg(e) == "add8() argument 'a': Python int 128 out of range for int8"
    with pytest.raises(OverflowError) as e:
        kmod.add8(0, -1)
    assert msg(e) == "add8() argument 'b': Python int -1 out of range for uint8"


def test_float_to_int_is_type_error():
    with pytest.raises(TypeError) as e:
        kmod.inc(1.0)
    assert msg(e) == "inc() argument 'x': expected int64, got float"
    with pytest.raises(TypeError) as e:
        kmod.inc(np.float64(1.0))
    assert msg(e) == "inc() argument 'x': expected int64, got numpy.float64"
    with pytest.raises(TypeError) as e:
        kmod.inc("3")
    assert msg(e) == "inc() argument 'x': expected int64, got str"
    with pytest.raises(TypeError) as e:
        kmod.inc(None)
    assert msg(e) == "inc() argument 'x': expected int64, got None"


def test_float_params():
    assert kmod.half(3) == 1.5          # int to float is allowed
    assert kmod.half(3.0) == 1.5
    assert kmod.half(np.float32(3.0)) == 1.5
    assert kmod.f32(1.5) == 3.0         # float32 goes through libffi
    assert not kmod.f32.target.direct
    with pytest.raises(OverflowError) as e:
        kmod.half(10**400)
    assert msg(e) == "half() argument 'x': int too large to convert to float64"
    with pytest.raises(TypeError) as e:
        kmod.half(1j)
    assert msg(e) == "half() argument 'x': expected float64, got complex"


def test_bool_params():
    assert kmod.neg(True) is False
    assert kmod.neg(np.bool_(False)) is True
    with pytest.raises(TypeError) as e:
        kmod.neg(1)
    assert msg(e) == "neg() argument 'b': expected bool, got int"


def test_argument_count_and_keywords():
    with pytest.raises(TypeError) as e:
        kmod.inc()
    assert msg(e) == "inc() takes 1 positional argument but 0 were given"
    with pytest.raises(TypeError) as e:
        kmod.saxpy(1.0, np.ones(2))
    assert msg(e) == "saxpy() takes 3 positional arguments but 2 were given"
    assert kmod.inc(x=4) == 5
    x, y = np.ones(2), np.zeros(2)
    kmod.saxpy(2.0, y=y, x=x)
    assert list(y) == [2.0, 2.0]
    with pytest.raises(TypeError) as e:
        kmod.inc(z=1)
    assert msg(e) == "inc() got an unexpected keyword argument 'z'"
    with pytest.raises(TypeError) as e:
        kmod.inc(1, x=1)
    assert msg(e) == "inc() got multiple values for argument 'x'"


# ---- arrays -------------------------------------------------------------------

def test_array_arguments():
    x = np.arange(4.0)
    y = np.ones(4)
    kmod.saxpy(2.0, x, y)
    assert list(y) == [1.0, 3.0, 5.0, 7.0]
    assert kmod.total(np.arange(10.0)[::3]) == 0 + 3 + 6 + 9     # strided view
    assert kmod.total(np.arange(5.0)[::-1]) == 10                 # negative stride
    m = np.arange(6.0).reshape(2, 3)
    want = sum(m[i, j] * (i + 1) + j for i in range(2) for j in range(3))
    assert kmod.msum(m) == want
    assert kmod.msum(np.asfortranarray(m)) == want                # F order
    assert kmod.msum(m.T.copy().T) == want
    assert kmod.isum(np.arange(5, dtype=np.int32)) == 10


def test_buffer_protocol_objects():
    assert kmod.total(array.array('d', [1.0, 2.0, 3.5])) == 6.5
    assert kmod.total(memoryview(array.array('d', [1.0, 2.0]))) == 3.0
    assert kmod.isum(array.array('i', [1, 2, 3])) == 6
    y = array.array('d', [0.0, 0.0])
    kmod.saxpy(1.0, array.array('d', [1.0, 2.0]), y)
    assert list(y) == [1.0, 2.0]
    with pytest.raises(TypeError) as e:
        kmod.total(array.array('f', [1.0]))
    assert msg(e) == ("total() argument 'x': expected float64[:] (1-D float64 array), "
                      "got array.array of format 'f' and shape (1,)")
    with pytest.raises(ValueError) as e:
        kmod.saxpy(1.0, np.ones(1), memoryview(bytes(8)).cast('d'))
    assert msg(e) == ("saxpy() argument 'y': expected a writable float64[:] "
                      "(1-D float64 array), got a read-only memoryview")


def test_array_errors():
    with pytest.raises(TypeError) as e:
        kmod.saxpy(1.0, np.zeros((3, 4), dtype=np.int64), np.ones(3))
    assert msg(e) == ("saxpy() argument 'x': expected float64[:] (1-D float64 array), "
                      "got int64 array of shape (3, 4)")
    with pytest.raises(TypeError) as e:
        kmod.total(np.zeros(3, dtype=np.float32))
    assert msg(e) == ("total() argument 'x': expected float64[:] (1-D float64 array), "
                      "got float32 array of shape (3,)")
    with pytest.raises(TypeError) as e:
        kmod.total(None)
    assert msg(e) == "total() argument 'x': expected float64[:] (1-D float64 array), got None"
    with pytest.raises(TypeError) as e:
        kmod.total([1.0, 2.0])
    assert msg(e) == "total() argument 'x': expected float64[:] (1-D float64 array), got list"
    with pytest.raises(TypeError) as e:
        kmod.msum(np.ones(3))
    assert msg(e) == ("msum() argument 'm': expected float64[:, :] (2-D float64 array), "
                      "got float64 array of shape (3,)")


def test_read_only_for_written_parameter():
    ro = np.ones(3)
    ro.flags.writeable = False
    assert kmod.total(ro) == 3.0          # only read: fine
    kmod.saxpy(1.0, ro, np.ones(3))       # x is only read
    with pytest.raises(ValueError) as e:
        kmod.saxpy(1.0, np.ones(3), ro)
    assert msg(e) == ("saxpy() argument 'y': expected a writable float64[:] (1-D float64 "
                      "array), got a read-only float64 array of shape (3,)")
    with pytest.raises(ValueError):        # written through a callee
        kmod.calls_set(ro, np.ones(1))
    assert kmod.calls_set(np.ones(1), ro) == 1.0   # y is only read


def test_array_beyond_the_index_type():
    """An array whose elements lie beyond a 64-bit byte offset (as_strided
    views: numpy checks the size, not the offsets) is refused with a
    ValueError naming the parameter, before compiled code computes an
    overflowing address; representable extremes are accepted."""
    from numpy.lib.stride_tricks import as_strided
    base = np.zeros(4)
    with pytest.raises(ValueError):         # numpy's own limit: size * itemsize
        as_strided(base, shape=(2 ** 62,), strides=(0,))
    with pytest.raises(ValueError) as e:
        kmod.total(as_strided(base, shape=(4,), strides=(2 ** 62,)))
    assert msg(e) == ("total() argument 'x': expected float64[:] (1-D float64 array), got "
                      "float64 array of shape (4,) with elements beyond the reach of a 64-bit "
                      "index (axis 0: 4 x byte stride 4611686018427387904)")
    with pytest.raises(ValueError) as e:
        kmod.saxpy(1.0, np.ones(4), as_strided(base, shape=(4,), strides=(-2 ** 62,)))
    assert "argument 'y'" in msg(e) and 'beyond the reach of a 64-bit index' in msg(e)
    with pytest.raises(ValueError) as e:     # each axis fits, their sum does not
        kmod.msum(as_strided(base, shape=(2, 2), strides=(2 ** 62, 2 ** 62)))
    assert "argument 'm'" in msg(e) and '(axis 1: 2 x byte stride' in msg(e)
    # Representable: the last element at offset 2**62 (only element 0 is read).
    assert kmod.at(as_strided(base, shape=(2,), strides=(2 ** 62,)), 0) == 0.0
    # 2**59 elements of stride 0 (2**62 bytes of view over 8): fine, bounds-checked.
    z = as_strided(base, shape=(2 ** 59,), strides=(0,))
    assert kmod.at(z, 2 ** 59 - 1) == 0.0 and kmod.at(z, -2 ** 59) == 0.0
    with pytest.raises(IndexError):
        kmod.at(z, 2 ** 59)
    # Empty: any stride.
    assert kmod.total(as_strided(base, shape=(0,), strides=(2 ** 62,))) == 0.0


def test_contiguity_and_byte_order():
    assert kmod.csum(np.arange(4.0)) == 6.0
    with pytest.raises(ValueError) as e:
        kmod.csum(np.arange(8.0)[::2])
    assert msg(e) == ("csum() argument 'x': expected float64[::1] (1-D contiguous float64 "
                      "array), got a non-contiguous float64 array of shape (4,) (stride 2 "
                      "elements on the last axis)")
    assert kmod.csum(np.arange(8.0)[::8]) == 0.0     # one element: contiguous enough
    with pytest.raises(ValueError) as e:
        kmod.total(np.arange(3.0).astype('>f8'))
    assert 'native byte order' in msg(e)
    rec = np.zeros(3, dtype=[('a', 'f8'), ('b', 'i4')])
    with pytest.raises(TypeError):
        kmod.total(rec)
    odd = np.frombuffer(bytes(40), dtype=np.uint8)[1:33].view(np.float64)   # misaligned is ok
    assert kmod.total(odd) == 0.0


# ---- results and ownership ----------------------------------------------------

def test_new_arrays_own_their_memory():
    gc.collect()
    live = _core.array_live_count()
    a = kmod.make(4)
    assert list(a) == [0.0, 0.5, 1.0, 1.5]
    assert a.flags.writeable and a.flags.c_contiguous
    assert _core.array_live_count() == live + 1
    b = a[1:]
    del a
    assert _core.array_live_count() == live + 1    # the view keeps it
    assert list(b) == [0.5, 1.0, 1.5]
    del b
    assert _core.array_live_count() == live
    m = kmod.make2(2, 3)
    assert m.tolist() == [[0.0, 1.0, 2.0], [10.0, 11.0, 12.0]]
    del m
    for _ in range(1000):
        kmod.make(10)
    assert _core.array_live_count() == live


def test_borrowed_array_result_is_a_view_of_the_input():
    x = np.arange(3.0)
    y = kmod.same(x)
    assert y.base is x
    y[0] = 9
    assert x[0] == 9
    s = np.arange(6.0)[::2]
    assert kmod.same(s).tolist() == [0.0, 2.0, 4.0]
    arr = array.array('d', [1.0, 2.0])
    v = kmod.same(arr)
    assert isinstance(v.base, memoryview) and v.tolist() == [1.0, 2.0]


def test_tuple_results():
    live = _core.array_live_count()
    first, n, y = kmod.stats(np.array([1.5, 2.0]))
    assert (first, n, y.tolist()) == (1.5, 2, [3.0, 4.0])
    assert type(n) is int and type(first) is float
    del y
    assert _core.array_live_count() == live


# ---- exceptions -----------------------------------------------------------------

def raise_line(fn_name, needle):
    with open(kmod.__file__) as f:
        for i, line in enumerate(f, 1):
            if needle in line:
                return i
    raise AssertionError(needle)


def test_exception_type_message_and_traceback():
    with pytest.raises(ValueError) as e:
        kmod.checked(-3)
    assert msg(e) == 'negative: -3'
    last = traceback.extract_tb(e.value.__traceback__)[-1]
    assert last.filename == kmod.__file__
    assert last.lineno == raise_line('checked', 'raise ValueError(f"negative')
    assert last.name == 'checked'
    assert last.line.strip() == 'raise ValueError(f"negative: {x}")'
    with pytest.raises(ZeroDivisionError) as e:
        kmod.divide(1, 0)
    assert msg(e) == 'integer division or modulo by zero'
    assert traceback.extract_tb(e.value.__traceback__)[-1].lineno == \
        raise_line('divide', 'return a // b')
    assert kmod.checked(3) == 3      # nothing left pending


def test_index_error_under_boundscheck():
    with pytest.raises(IndexError) as e:
        kmod.at(np.ones(3), 5)
    assert msg(e) == 'index 5 is out of bounds for axis 0 with size 3'
    assert kmod.at(np.arange(3.0), -1) == 2.0


# ---- fallback and strict ----------------------------------------------------------

def test_fallback_runs_as_python_with_a_warning():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        import fallback_mod
        assert fallback_mod.good(2) == 4
    texts = [str(x.message) for x in w if issubclass(x.category, pyc_task.CompileWarning)]
    assert any('uses_dict() runs as Python' in t and 'fallback_mod.py:12' in t for t in texts)
    assert any('caller() runs as Python' in t for t in texts)
    assert type(fallback_mod.good.target).__name__ == 'NativeFunction'
    assert fallback_mod.uses_dict.target is fallback_mod.uses_dict.py_func
    assert fallback_mod.caller(1) == 2 + 2


def test_strict_raises_compile_error_with_caret():
    import strict_mod
    assert strict_mod.fine(1) == 2
    with pytest.raises(pyc_task.CompileError) as e:
        strict_mod.picky(1)
    err = e.value
    assert isinstance(err, SyntaxError)
    assert err.filename == strict_mod.__file__
    assert err.lineno == 12 and err.offset == 9
    assert err.text == '    y = [x, x]'
    assert 'list values are not supported' in err.msg
    text = ''.join(traceback.format_exception_only(type(err), err))
    assert '^' in text and 'y = [x, x]' in text


def test_compile_module_interface():
    src = ("from pyc_task import kernel, int64\n"
           "@kernel\ndef twice(x: int64) -> int64:\n    return 2 * x\n"
           "@kernel\ndef nope(x: int64) -> int64:\n    return {}.get(x)\n")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        d = _core.compile_module(src, '<mem>')
    assert set(d) == {'twice'} and d['twice'](21) == 42
    assert w and w[0].category is pyc_task.CompileWarning
    assert '<mem>:7:12: error: dict values' in str(w[0].message)
    with pytest.raises(pyc_task.CompileError) as e:
        _core.compile_module(src, '<mem>', strict=True)
    assert e.value.lineno == 7
    owner, sigs, addrs, dropped = _core.jit_compile(src, '<mem>')
    assert sigs == 'twice\ti64\ti64\tx\tkernel\n'
    assert [d[0] for d in dropped] == ['nope']
    f = _core.bind(sigs.splitlines()[0], addrs['twice'], owner)
    del owner, d
    gc.collect()
    assert f(5) == 10        # the NativeFunction keeps the code alive
    with pytest.raises(pyc_task.CompileError) as e:
        _core.compile_module("from pyc_task import kernel\nimport socket\n"
                             "@kernel\ndef g() -> None:\n    socket.x()\n", '<bad>', strict=True)


def test_module_native_table_is_used_without_compiling(tmp_path):
    mod = tmp_path / 'pre.py'
    mod.write_text("from pyc_task import kernel, int64\n"
                   "@kernel\ndef f(x: int64) -> int64:\n    return x + 1\n")
    sentinel = _core.compile_module(
        "from pyc_task import kernel, int64\n@kernel\ndef f(x: int64) -> int64:\n"
        "    return x + 100\n", 'other.py')['f']
    g = {'__name__': 'pre', '__pyc_task_native__': {'f': sentinel}}
    exec(compile(mod.read_text(), str(mod), 'exec'), g)
    assert g['f'].target is sentinel and g['f'](1) == 101


# ---- output ordering, pure mode -------------------------------------------------

def run_py(code, **env_extra):
    env = dict(os.environ, PYTHONPATH=BUILD_PY + os.pathsep + HERE, **env_extra)
    return subprocess.run([sys.executable, '-c', code], capture_output=True, env=env,
                          timeout=120)


def test_output_order_through_a_pipe():
    r = run_py("import kmod\nprint('py 1')\nkmod.shout(2)\nprint('py 2')\n"
               "kmod.main()\nprint('py 3')\n")
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == 'py 1\ncompiled 0\ncompiled 1\npy 2\nmain 2\npy 3\n'


def test_output_goes_to_sys_stdout():
    import io
    import contextlib
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        kmod.shout(1)
    assert buf.getvalue() == 'compiled 0\n'


def test_pure_mode():
    r = run_py("import pyc_task, kmod\nprint(pyc_task.mode, kmod.inc(1), kmod.inc)",
               PYC_TASK_DISABLE='1')
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert out.startswith('pure 2 <function inc')


def test_task_called_from_python_returns_a_future():
    f = kmod.tsq(3)
    assert isinstance(f, pyc_task.Future) and f.get() == 8
    assert type(kmod.tsq.py_func.target).__name__ == 'NativeFunction'


def test_dispatcher_attributes():
    assert kmod.inc.__name__ == 'inc' and kmod.inc.py_func.__name__ == 'inc'
    assert kmod.inc.__wrapped__ is kmod.inc.py_func
    assert pyc_task.is_kernel(kmod.inc) and kmod.inc.__pyc_task__.options == {}
    assert kmod.at.__pyc_task__.options == {'boundscheck': True}
    assert 'native' in repr(kmod.inc)


def test_nested_function_runs_as_python_with_a_warning():
    from pyc_task import kernel, int64

    @kernel
    def local(x: int64) -> int64:
        return x - 1

    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        assert local(3) == 2
    assert any('only module-level functions' in str(x.message) for x in w)
    assert local.target is local.py_func


def test_source_not_available_falls_back():
    g = {'__name__': 'nosrc'}
    code = ("from pyc_task import kernel, int64\n"
            "@kernel\ndef h(x: int64) -> int64:\n    return x + 5\n")
    exec(compile(code, '/nonexistent/nosrc.py', 'exec'), g)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        assert g['h'](1) == 6
    assert any('source of /nonexistent/nosrc.py is not available' in str(x.message) for x in w)


def test_threads_and_nogil():
    import threading
    res = []

    def work():
        res.append((kmod.inc(1), kmod.total(np.ones(4)), kmod.spin(1000)))

    ts = [threading.Thread(target=work) for _ in range(8)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert res == [(2, 4.0, kmod.spin.py_func(1000))] * 8
    assert kmod.spin.target.nogil and not kmod.inc.target.nogil
