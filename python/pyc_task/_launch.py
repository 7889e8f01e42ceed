"""Tasks from Python in compiled mode (docs/python.md "Tasks from Python").

A root ``Region`` whose fields are plain scalars keeps its storage in the C
task runtime (``_core.RuntimeRegion``); its field mapping (``_FieldMap``)
hands out numpy arrays viewing that memory, and every lookup fences first
(``_core.fence()``: waits for the launches, raises a failed task's
exception), so reads see the tasks' writes and numpy writes never race a
running task. A compiled task with region parameters becomes a
``TaskLauncher``: a call packs the scalar arguments (8 bytes each), maps
the ``@task(privileges=...)`` to region requirements and calls
``pyc_launch`` through the task's ``pyt_<name>`` wrapper; it returns a
``LaunchedFuture``. Arguments it cannot launch (a region without runtime
storage, a masked subregion) run the Python function instead.
"""

import inspect
import struct

from . import _core

__all__ = ['runtime_fields', 'TaskLauncher', 'LaunchedFuture', 'make_launcher']

_PRIV = {'N': 0, 'R': 1, 'RW': 2, 'WD': 3, 'Reduce': 4}
_REDOP = {'+': 0, '*': 1, 'min': 2, 'max': 3}
_ELEM = {'int64': 0, 'float64': 1, 'int32': 2, 'float32': 3}
_SCALAR = {'bool': '?', 'i8': 'b', 'i16': 'h', 'i32': 'i', 'i64': 'q',
           'u8': 'B', 'u16': 'H', 'u32': 'I', 'u64': 'Q', 'f32': 'f', 'f64': 'd'}


class _FieldMap(dict):
    """name -> numpy view of a runtime field; each lookup fences first."""

    __slots__ = ('handle',)

    def __getitem__(self, name):
        _core.fence()
        return dict.__getitem__(self, name)

    def get(self, name, default=None):
        return self[name] if name in self else default

    def values(self):
        _core.fence()
        return dict.values(self)

    def items(self):
        _core.fence()
        return dict.items(self)


def runtime_fields(shape, fields):
    """A ``_FieldMap`` backed by a new runtime region, or None when the
    field types or the shape do not fit the runtime (numpy storage then)."""
    if not 1 <= len(shape) <= 3 or not fields:
        return None
    sizes = []
    for t in fields.values():
        dt = getattr(t, 'np_dtype', None)
        if dt is None or dt.shape != () or dt.fields is not None or not 1 <= dt.itemsize <= 4096:
            return None
        sizes.append(dt.itemsize * _inner(t))
    handle = _core.RuntimeRegion(tuple(shape), tuple(sizes))
    m = _FieldMap()
    m.handle = handle
    for k, (name, t) in enumerate(fields.items()):
        dict.__setitem__(m, name, handle.array(k, t.np_dtype.num, _inner(t)))
    return m


def _inner(t):
    """Elements per point of a field type: n for a point type (int2d), else 1."""
    shape = getattr(t, 'shape', ())
    return shape[0] if shape else 1


def _ir_name(t):
    """A field type as the compiler names it in an inline field space."""
    if _inner(t) > 1:
        return t.name
    return _IR.get(t.np_dtype.name, '?')


def _handle_of(region):
    """The RuntimeRegion of a Region argument, or None."""
    data = getattr(region, '_data', None)
    if not isinstance(data, _FieldMap):
        return None
    if region._root is region:
        return data.handle
    isp = region.ispace
    if isp.mask is not None:
        return None
    cache = region.__dict__.get('_rt_sub')
    if cache is None:
        cache = data.handle.subregion(tuple(isp.lo), tuple(isp.hi))
        object.__setattr__(region, '_rt_sub', cache)
    return cache


class LaunchedFuture:
    """The future of a launch from Python: ``get()`` waits and returns the
    task's result (raising its exception), ``done()`` does not wait."""

    __slots__ = ('_f', '_decode', '_value', '_have')

    def __init__(self, f, decode):
        self._f = f
        self._decode = decode
        self._have = False

    def get(self):
        if not self._have:
            raw = self._f.get()
            self._value = self._decode(raw)
            self._have = True
        return self._value

    def done(self):
        return self._have or self._f.done()

    def __repr__(self):
        return 'Future(%s)' % (repr(self._value) if self._have else 'pending')

    def __class_getitem__(cls, item):
        return cls


def _split_types(text):
    out, depth, cur = [], 0, ''
    for ch in text:
        if ch == ',' and depth == 0:
            out.append(cur)
            cur = ''
            continue
        depth += ch == '<'
        depth -= ch == '>'
        cur += ch
    if cur:
        out.append(cur)
    return out


def _req(priv, fields):
    """(privilege, field mask, redop, elem type) of one region requirement."""
    names = list(fields)
    mode = getattr(priv, 'mode', 'RW')
    fnames = getattr(priv, 'fields', ())
    mask = 0
    for f in fnames:
        if f not in fields:
            raise TypeError('privilege %r names field %r, which the region does not have'
                            % (priv, f))
        mask |= 1 << names.index(f)
    redop = elem = 0
    if mode == 'Reduce':
        redop = _REDOP[priv.redop]
        tname = fields[fnames[0] if fnames else names[0]].np_dtype.name
        if tname not in _ELEM:
            return None
        elem = _ELEM[tname]
    return (_PRIV[mode], mask, redop, elem)


class TaskLauncher:
    """A compiled task with region parameters, called from Python."""

    def __init__(self, name, sigline, taskfn, py_func, privileges):
        cols = sigline.split('\t')
        self.name = name
        self.params = _split_types(cols[1])
        self.ret = cols[2]
        self.taskfn = taskfn
        self.py_func = py_func
        self.privileges = list(privileges or [])
        self._sig = inspect.signature(py_func)
        if self.ret == 'void':
            self.decode = lambda raw: None
        else:
            code = '<' + _SCALAR[self.ret]
            self.decode = lambda raw: struct.unpack_from(code, raw)[0]

    def __call__(self, *args, **kwargs):
        if kwargs:
            b = self._sig.bind(*args, **kwargs)
            b.apply_defaults()
            args, kwargs = b.args, {}
        if len(args) != len(self.params):
            return self.py_func(*args, **kwargs)
        blob, regions, reqs = [], [], []
        k = 0
        for t, a in zip(self.params, args):
            if t.startswith('region<'):
                h = _handle_of(a) if _matches(t, a) else None
                priv = self.privileges[k] if k < len(self.privileges) else None
                req = _req(priv, a._fields) if h is not None else None
                if req is None:
                    return self.py_func(*args)
                regions.append(h)
                reqs.append(req)
                k += 1
            elif t in _SCALAR:
                blob.append(_pack(t, a, self.name))
            else:
                return self.py_func(*args)
        f = self.taskfn.launch(b''.join(blob), tuple(regions), tuple(reqs),
                               0 if self.ret == 'void' else 8)
        return LaunchedFuture(f, self.decode)


_IR = {'bool': 'bool', 'int8': 'i8', 'int16': 'i16', 'int32': 'i32', 'int64': 'i64',
       'uint8': 'u8', 'uint16': 'u16', 'uint32': 'u32', 'uint64': 'u64',
       'float32': 'f32', 'float64': 'f64'}


def _matches(ptype, region):
    """Whether a Region has the field space and dimensions of the parameter
    type ``region<struct@NAME,ndim>`` (the compiled code's field layout)."""
    try:
        name, nd = ptype[len('region<struct@'):-1].rsplit(',', 1)
        fs = region.fieldspace
        if isinstance(fs, dict):
            want = '_fs_' + '_'.join('%s_%s' % (k, _ir_name(t)) for k, t in fs.items())
        else:
            want = getattr(fs, '__name__', None)
        return want == name and int(nd) == region.ispace.ndim
    except (AttributeError, ValueError):
        return False


def _pack(t, a, fname):
    code = _SCALAR[t]
    if t == 'bool':
        if not isinstance(a, bool) and type(a).__name__ != 'bool_':
            raise TypeError('%s() expects a bool, got %s' % (fname, type(a).__name__))
        a = bool(a)
    elif code in 'fd':
        if isinstance(a, (str, bytes, complex)):
            raise TypeError('%s() expects a number, got %s' % (fname, type(a).__name__))
        a = float(a)
    else:
        if isinstance(a, float):
            raise TypeError('%s() expects an int, got float' % fname)
        a = int(a)
    try:
        return struct.pack('<' + code, a).ljust(8, b'\0')
    except struct.error:
        raise OverflowError('%s(): %r does not fit %s' % (fname, a, t)) from None


def make_launcher(name, sigline, owner, py_func, options):
    """A TaskLauncher for a compiled task with region parameters, or None."""
    cols = sigline.split('\t')
    if len(cols) < 3 or 'region<' not in cols[1] or not hasattr(_core, 'lookup'):
        return None
    params = _split_types(cols[1])
    if any(not (p.startswith('region<') or p in _SCALAR) for p in params):
        return None
    if cols[2] != 'void' and cols[2] not in _SCALAR:
        return None
    addr = _core.lookup(owner, 'pyt_' + name)
    if not addr:
        return None
    taskfn = _core.TaskFn(name, addr, owner)
    return TaskLauncher(name, sigline, taskfn, py_func, options.get('privileges'))
