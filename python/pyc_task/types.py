"""Scalar and array types of the annotated subset (pure-Python side).

A scalar type (``pt.int64``, ``pt.float64``, ...) is three things at once:
an annotation the compiler reads, a converter (``pt.int64(3.7) == 3``;
integers wrap to the bit width like numpy's fixed-width integers), and the
head of an array type (``pt.float64[:, ::1]``). Array types are values too
(``Array[float64, 2, 'C']``) so that annotations evaluate under CPython.
"""

import math

import numpy as np

__all__ = [
    'ScalarType', 'ArrayType', 'Array',
    'bool_', 'int8', 'int16', 'int32', 'int64',
    'uint8', 'uint16', 'uint32', 'uint64',
    'float32', 'float64', 'complex128',
    'i8', 'i16', 'i32', 'i64', 'u8', 'u16', 'u32', 'u64', 'f32', 'f64',
    'c128', 'SCALAR_TYPES', 'type_from_name',
    'PointType', 'int1d', 'int2d', 'int3d',
]


class ScalarType:
    """One scalar type: name, kind ('b', 'i', 'u', 'f', 'c') and bit width."""

    __slots__ = ('name', 'kind', 'bits', 'np_dtype')

    def __init__(self, name, kind, bits, np_dtype):
        self.name = name
        self.kind = kind
        self.bits = bits
        self.np_dtype = np.dtype(np_dtype)

    def __repr__(self):
        return self.name

    def __reduce__(self):
        return (type_from_name, (self.name,))

    # -- converter ------------------------------------------------------------
    def __call__(self, value=0):
        """Convert like the compiled cast does: ints truncate toward zero and
        wrap to the width; float32 rounds to single precision (the result is
        a Python float holding that value)."""
        kind = self.kind
        if kind == 'b':
            return bool(value)
        if kind in 'iu':
            if isinstance(value, float):
                if math.isnan(value) or math.isinf(value):
                    raise ValueError('cannot convert float %r to integer'
                                     % value)
            v = int(value) & ((1 << self.bits) - 1)
            if kind == 'i' and v >= 1 << (self.bits - 1):
                v -= 1 << self.bits
            return v
        if kind == 'f':
            v = float(value)
            if self.bits == 32:
                with np.errstate(over='ignore'):
                    v = float(np.float32(v))
            return v
        return complex(value)

    # -- array types ----------------------------------------------------------
    def __getitem__(self, dims):
        """``float64[:]``, ``float64[:, :]``, ``float64[:, ::1]``, ``float64[::1, :]``."""
        if not isinstance(dims, tuple):
            dims = (dims,)
        if not dims or not all(isinstance(d, slice) for d in dims):
            raise TypeError('array type needs slices, e.g. %s[:] or %s[:, ::1]'
                            % (self.name, self.name))
        for d in dims:
            if d.start is not None or d.stop is not None or d.step not in (None, 1):
                raise TypeError('array dimension must be ":" or "::1", got %r' % d)
        contig = [d.step == 1 for d in dims]
        if not any(contig):
            layout = 'A'
        elif contig == [False] * (len(dims) - 1) + [True]:
            layout = 'C'
        elif contig == [True] + [False] * (len(dims) - 1):
            layout = 'F'
        else:
            raise TypeError('only the first or the last dimension can be ::1')
        return ArrayType(self, len(dims), layout)


class ArrayType:
    """An array type: element type, number of dimensions, layout 'A'/'C'/'F'."""

    __slots__ = ('dtype', 'ndim', 'layout')

    def __init__(self, dtype, ndim, layout='A'):
        if isinstance(dtype, str):
            dtype = type_from_name(dtype)
        if not isinstance(dtype, ScalarType):
            raise TypeError('array element type must be a pyc_task scalar type')
        if not isinstance(ndim, int) or ndim < 1:
            raise TypeError('array ndim must be a positive int')
        if layout not in ('A', 'C', 'F'):
            raise TypeError("array layout must be 'A', 'C' or 'F'")
        if ndim == 1 and layout == 'F':
            layout = 'C'
        self.dtype = dtype
        self.ndim = ndim
        self.layout = layout

    def __repr__(self):
        dims = [':'] * self.ndim
        if self.layout == 'C':
            dims[-1] = '::1'
        elif self.layout == 'F':
            dims[0] = '::1'
        return '%s[%s]' % (self.dtype.name, ', '.join(dims))

    def __eq__(self, other):
        return (isinstance(other, ArrayType) and self.dtype is other.dtype
                and self.ndim == other.ndim and self.layout == other.layout)

    def __hash__(self):
        return hash((self.dtype.name, self.ndim, self.layout))

    def accepts(self, value):
        """True when a numpy array matches this type (dtype, ndim, layout)."""
        if not isinstance(value, np.ndarray):
            return False
        if value.dtype != self.dtype.np_dtype or value.ndim != self.ndim:
            return False
        if self.layout == 'C':
            return value.flags.c_contiguous
        if self.layout == 'F':
            return value.flags.f_contiguous
        return True


class _ArrayFactory:
    """``Array[float64, 2]`` and ``Array[float64, 2, 'C']``."""

    def __getitem__(self, args):
        if not isinstance(args, tuple):
            args = (args, 1)
        if len(args) == 2:
            return ArrayType(args[0], args[1], 'A')
        if len(args) == 3:
            return ArrayType(args[0], args[1], args[2])
        raise TypeError("use Array[dtype, ndim] or Array[dtype, ndim, 'C']")

    def __repr__(self):
        return 'Array'


Array = _ArrayFactory()

bool_ = ScalarType('bool', 'b', 8, np.bool_)
int8 = ScalarType('int8', 'i', 8, np.int8)
int16 = ScalarType('int16', 'i', 16, np.int16)
int32 = ScalarType('int32', 'i', 32, np.int32)
int64 = ScalarType('int64', 'i', 64, np.int64)
uint8 = ScalarType('uint8', 'u', 8, np.uint8)
uint16 = ScalarType('uint16', 'u', 16, np.uint16)
uint32 = ScalarType('uint32', 'u', 32, np.uint32)
uint64 = ScalarType('uint64', 'u', 64, np.uint64)
float32 = ScalarType('float32', 'f', 32, np.float32)
float64 = ScalarType('float64', 'f', 64, np.float64)
complex128 = ScalarType('complex128', 'c', 128, np.complex128)



class PointType:
    """A point of an n-d index space as a region field type (Pygion's
    ``int2d``, ``int3d``): n int64 per element, read as a tuple of ints;
    the pointers of ``Partition.image`` / ``preimage`` into n-d regions.
    (``int1d`` is ``int64``.)"""

    __slots__ = ('name', 'ndim', 'np_dtype')

    def __init__(self, ndim):
        self.name = 'int%dd' % ndim
        self.ndim = ndim
        self.np_dtype = np.dtype(np.int64)      # per coordinate

    @property
    def shape(self):
        """The trailing axis of the field's storage."""
        return (self.ndim,)

    def __repr__(self):
        return self.name

    def __reduce__(self):
        return (PointType, (self.ndim,))

    def __call__(self, value):
        p = tuple(int(x) for x in value)
        if len(p) != self.ndim:
            raise ValueError('%s needs %d coordinates, got %d' % (self.name, self.ndim, len(p)))
        return p


int1d = int64
int2d = PointType(2)
int3d = PointType(3)

i8, i16, i32, i64 = int8, int16, int32, int64
u8, u16, u32, u64 = uint8, uint16, uint32, uint64
f32, f64, c128 = float32, float64, complex128

SCALAR_TYPES = {t.name: t for t in (
    bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64,
    float32, float64, complex128)}
_ALIASES = {'bool_': bool_, 'i8': i8, 'i16': i16, 'i32': i32, 'i64': i64,
            'u8': u8, 'u16': u16, 'u32': u32, 'u64': u64,
            'f32': f32, 'f64': f64, 'c128': c128,
            'int': int64, 'float': float64, 'complex': complex128}


def type_from_name(name):
    """The scalar type called ``name`` ('float64', 'f64', 'int', ...)."""
    t = SCALAR_TYPES.get(name) or _ALIASES.get(name)
    if t is None:
        raise KeyError('unknown pyc_task scalar type %r' % name)
    return t
