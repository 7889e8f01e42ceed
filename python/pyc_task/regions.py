"""Regions, partitions, launches and futures: the sequential reference.

This is the pure-Python meaning of the task layer (DESIGN.md section 3),
the oracle compiled programs are checked against. It is deliberately
simple: a region is one numpy array per field; a subregion is a window
(a rectangle, or a set of points for by_field/image/preimage) onto its root
region that keeps the root's global coordinates; a task launch runs at once
and gives a Future that is already done; an index launch is a loop.
"""

import itertools
import operator

import numpy as np

from .types import PointType

__all__ = ['Future', 'FutureMap', 'Region', 'Partition', 'IndexSpace',
           'IndexLaunch', 'index_launch', 'ID', 'Privilege',
           'R', 'RW', 'WD', 'N', 'Reduce', 'fill', 'copy']


# -- futures -----------------------------------------------------------------

class Future:
    """The result of a task launch. In the reference it is always done."""

    __slots__ = ('_value',)

    def __init__(self, value=None):
        self._value = value

    def get(self):
        return self._value

    def done(self):
        return True

    def __repr__(self):
        return 'Future(%r)' % (self._value,)

    def __class_getitem__(cls, item):
        return cls


class FutureMap:
    """The futures of an index launch without a reduction, by point:
    ``fm[i].get()`` (``fm[i, j]`` in 2-D), ``fm.wait()``; ``fm.get()`` is the
    list of results in point order (pure package only)."""

    def __init__(self, points, values):
        self._values = dict(zip(points, values))

    def __getitem__(self, point):
        if isinstance(point, list):
            point = tuple(point)
        if point not in self._values:
            raise IndexError('point %r is outside the index launch' % (point,))
        return Future(self._values[point])

    def __len__(self):
        return len(self._values)

    def get(self):
        return list(self._values.values())

    def wait(self):
        return None


# -- privileges ----------------------------------------------------------------

_REDOPS = {'+': operator.add, '*': operator.mul, 'min': min, 'max': max}


class Privilege:
    """``R``, ``RW``, ``WD``, ``N``, ``Reduce(op)``, optionally per field."""

    __slots__ = ('mode', 'fields', 'redop')

    def __init__(self, mode, fields=(), redop=None):
        self.mode = mode
        self.fields = tuple(fields)
        self.redop = redop

    def __call__(self, *fields):
        return Privilege(self.mode, fields, self.redop)

    def __repr__(self):
        head = self.mode if self.redop is None else "Reduce(%r)" % self.redop
        if not self.fields:
            return head
        if self.redop is not None:
            return "Reduce(%r, %s)" % (self.redop,
                                       ', '.join(map(repr, self.fields)))
        return '%s(%s)' % (head, ', '.join(map(repr, self.fields)))


R = Privilege('R')
RW = Privilege('RW')
WD = Privilege('WD')
N = Privilege('N')


def Reduce(op, *fields):
    if op not in _REDOPS:
        raise ValueError("reduction operator must be one of '+', '*', 'min', 'max'")
    return Privilege('Reduce', fields, op)


# -- index spaces ----------------------------------------------------------------

class IndexSpace:
    """A rectangle [lo, hi] (hi inclusive), or a set of points inside it."""

    def __init__(self, lo, hi, mask=None):
        self.lo = tuple(lo)
        self.hi = tuple(hi)
        self.mask = mask          # bool array over the root's shape, or None

    @property
    def ndim(self):
        return len(self.lo)

    @property
    def empty(self):
        return any(h < l for l, h in zip(self.lo, self.hi))

    @property
    def volume(self):
        if self.mask is not None:
            return int(self.mask.sum())
        if self.empty:
            return 0
        v = 1
        for l, h in zip(self.lo, self.hi):
            v *= h - l + 1
        return v

    @property
    def bounds(self):
        if self.ndim == 1:
            return (self.lo[0], self.hi[0])
        return (self.lo, self.hi)

    def contains(self, p):
        if not isinstance(p, tuple):
            p = (p,)
        if len(p) != self.ndim:
            return False
        if not all(l <= x <= h for x, l, h in zip(p, self.lo, self.hi)):
            return False
        return self.mask is None or bool(self.mask[p])

    def points(self):
        """Global points in row-major order, as tuples."""
        if self.mask is not None:
            return [tuple(int(c) for c in p) for p in np.argwhere(self.mask)]
        if self.empty:
            return []
        return list(itertools.product(*[range(l, h + 1)
                                        for l, h in zip(self.lo, self.hi)]))

    def __iter__(self):
        for p in self.points():
            yield p[0] if self.ndim == 1 else p

    def __len__(self):
        return self.volume

    def __repr__(self):
        return 'IndexSpace(%r, %r%s)' % (self.lo, self.hi,
                                         ', sparse' if self.mask is not None else '')


def _rect_slices(ispace):
    return tuple(slice(l, h + 1) for l, h in zip(ispace.lo, ispace.hi))


# -- regions -----------------------------------------------------------------------

class _FieldView:
    """A field of a subregion: indexed by global points, checked against the
    subregion's index space (IndexError outside it). Writes reach the root."""

    __slots__ = ('_data', '_ispace', '_point')

    def __init__(self, data, ispace, point=False):
        self._data = data
        self._ispace = ispace
        self._point = point       # a point field (int2d, int3d): tuples

    def _check(self, idx):
        if not self._ispace.contains(idx):
            raise IndexError('point %r is outside the subregion %r'
                             % (idx, self._ispace))
        return idx

    def __getitem__(self, idx):
        v = self._data[self._check(idx)]
        return tuple(int(x) for x in v) if self._point else v

    def __setitem__(self, idx, value):
        self._data[self._check(idx)] = value

    @property
    def shape(self):
        return tuple(h - l + 1 for l, h in zip(self._ispace.lo, self._ispace.hi))

    def to_numpy(self):
        """A copy of the subregion's bounding box."""
        return self._data[_rect_slices(self._ispace)].copy()

    def __repr__(self):
        return '_FieldView(%r)' % (self.to_numpy(),)


class Region:
    """``Region(shape, Fields)``: an index space times a field space, one
    numpy array per field (struct of arrays). ``Region[Fields, ndim]`` is the
    annotation form."""

    def __init__(self, shape, fields, _root=None, _ispace=None):
        from .decorators import fields_of
        if _root is None:
            if isinstance(shape, int):
                shape = [shape]
            shape = tuple(int(s) for s in shape)
            if not shape or any(s < 0 for s in shape):
                raise ValueError('region shape must be non-negative extents')
            self._fields = dict(fields_of(fields))
            self._data = _runtime_fields(shape, self._fields)
            if self._data is None:
                self._data = {name: np.zeros(shape + getattr(t, 'shape', ()),
                                             dtype=t.np_dtype)
                              for name, t in self._fields.items()}
            self._root = self
            self.ispace = IndexSpace([0] * len(shape), [s - 1 for s in shape])
        else:
            self._fields = _root._fields
            self._data = _root._data
            self._root = _root
            self.ispace = _ispace
        self.fieldspace = fields

    def __class_getitem__(cls, item):
        return cls

    @property
    def is_root(self):
        return self._root is self

    @property
    def parent_root(self):
        return self._root

    @property
    def field_names(self):
        return tuple(self._fields)

    def field(self, name):
        if name not in self._data:
            raise AttributeError('region has no field %r (fields: %s)'
                                 % (name, ', '.join(self._fields)))
        point = isinstance(self._fields[name], PointType)
        if self.is_root and not point:
            return self._data[name]
        return _FieldView(self._data[name], self.ispace, point)

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        return self.field(name)

    def __setattr__(self, name, value):
        if name.startswith('_') or name in ('ispace', 'fieldspace'):
            object.__setattr__(self, name, value)
        elif name in self._data:
            fill(self, name, value)
        else:
            raise AttributeError('region has no field %r' % name)

    def __repr__(self):
        return 'Region(%r, fields=%s)' % (self.ispace, list(self._fields))


def _runtime_fields(shape, fields):
    """Compiled mode: the fields in the task runtime's memory
    (pyc_task/_launch.py); None for numpy storage."""
    from . import mode
    if mode != 'compiled':
        return None
    from . import _launch
    return _launch.runtime_fields(shape, fields)


def _subregion(parent, lo, hi, mask=None):
    root = parent._root
    lo = [max(a, b) for a, b in zip(lo, parent.ispace.lo)]
    hi = [min(a, b) for a, b in zip(hi, parent.ispace.hi)]
    pmask = parent.ispace.mask
    if pmask is not None:
        mask = pmask.copy() if mask is None else (mask & pmask)
    if mask is not None:
        box = np.zeros_like(mask)
        box[tuple(slice(l, h + 1) for l, h in zip(lo, hi))] = True
        mask = mask & box
        pts = np.argwhere(mask)
        if len(pts):                  # the bounds are the points' bounding box
            lo = [int(x) for x in pts.min(axis=0)]
            hi = [int(x) for x in pts.max(axis=0)]
        else:
            hi = [l - 1 for l in lo]
    return Region(None, parent.fieldspace, _root=root,
                  _ispace=IndexSpace(lo, hi, mask))


# -- partitions ----------------------------------------------------------------------

class _Projection:
    """``P[ID]`` in an index launch: the piece of P at the launch point."""

    def __init__(self, partition):
        self.partition = partition


class _Identity:
    """``ID``: the launch point itself."""

    def __repr__(self):
        return 'ID'


ID = _Identity()


def _colors_of(colors):
    if isinstance(colors, IndexSpace):      # P.color_space (starts at 0)
        if colors.mask is not None or any(l != 0 for l in colors.lo):
            raise ValueError('a color space starts at 0 and is a rectangle')
        return tuple(h + 1 for h in colors.hi)
    if isinstance(colors, int):
        colors = [colors]
    return tuple(int(c) for c in colors)


def _color_points(colors):
    pts = itertools.product(*[range(c) for c in colors])
    if len(colors) == 1:
        return [p[0] for p in pts]
    return list(pts)


class Partition:
    """A partition of a region into subregions, by color."""

    def __init__(self, parent, colors, pieces, disjoint):
        self.parent = parent
        self.colors = colors
        self._pieces = pieces          # color point -> Region
        self.disjoint = disjoint

    def __class_getitem__(cls, item):
        return cls

    def __getitem__(self, c):
        if c is ID:
            return _Projection(self)
        if isinstance(c, list):
            c = tuple(c)
        if c not in self._pieces:
            raise IndexError('color %r is outside the partition' % (c,))
        return self._pieces[c]

    def __iter__(self):
        return iter(self._pieces.values())

    def __len__(self):
        return len(self._pieces)

    @property
    def aliased(self):
        return not self.disjoint

    @property
    def color_space(self):
        """The index space of the colors: [0, n) per color axis (Pygion's
        ``P.color_space``): iterable (points in row-major order, ints in 1-D),
        ``len()``, ``.volume``, ``.bounds``; ``IndexLaunch(P.color_space)``."""
        return IndexSpace([0] * len(self.colors), [c - 1 for c in self.colors])

    @staticmethod
    def equal(region, colors):
        colors = _colors_of(colors)
        if len(colors) != region.ispace.ndim:
            raise ValueError('equal: need one color count per dimension')
        pieces = {}
        for c in _color_points(colors):
            cc = c if isinstance(c, tuple) else (c,)
            lo, hi = [], []
            for d, n in enumerate(colors):
                base = region.ispace.lo[d]
                ext = region.ispace.hi[d] - base + 1
                lo.append(base + ext * cc[d] // n)
                hi.append(base + ext * (cc[d] + 1) // n - 1)
            pieces[c] = _subregion(region, lo, hi)
        return Partition(region, colors, pieces, True)

    @staticmethod
    def restrict(region, colors, transform, extent):
        colors = _colors_of(colors)
        nd = region.ispace.ndim
        t = np.array(transform, dtype=np.int64).reshape(nd, len(colors))
        ext = np.array(extent if not isinstance(extent, int) else [extent],
                       dtype=np.int64).reshape(nd)
        pieces = {}
        for c in _color_points(colors):
            cc = np.array(c if isinstance(c, tuple) else (c,), dtype=np.int64)
            lo = t @ cc
            pieces[c] = _subregion(region, [int(x) for x in lo],
                                   [int(x) for x in lo + ext - 1])
        disjoint = _pairwise_disjoint(list(pieces.values()))
        return Partition(region, colors, pieces, disjoint)

    @staticmethod
    def halo(partition, width):
        parent = partition.parent
        pieces = {}
        for c, piece in partition._pieces.items():
            lo = [l - width for l in piece.ispace.lo]
            hi = [h + width for h in piece.ispace.hi]
            pieces[c] = _subregion(parent, lo, hi)
        disjoint = width == 0 and partition.disjoint
        return Partition(parent, partition.colors, pieces, disjoint)

    @staticmethod
    def by_field(region, field, colors):
        colors = _colors_of(colors)
        data = region._data[field]
        pieces = {}
        for c in _color_points(colors):
            if data.dtype.fields is None and len(colors) == 1:
                mask = data == c
            else:
                mask = np.all(data == np.array(c), axis=-1)
            pieces[c] = _subregion(region, region.ispace.lo, region.ispace.hi,
                                   mask)
        return Partition(region, colors, pieces, True)

    @staticmethod
    def image(region, source_partition, field, colors=None):
        """Piece c = the points of ``region`` named by ``field`` on piece c."""
        root_shape = tuple(h + 1 for h in region._root.ispace.hi)
        pieces = {}
        for c, src in source_partition._pieces.items():
            mask = np.zeros(root_shape, dtype=bool)
            ptr = src._data[field]
            for p in src.ispace.points():
                q = tuple(int(x) for x in np.atleast_1d(ptr[p]))
                if region.ispace.contains(q):     # others are dropped (Legion)
                    mask[q] = True
            pieces[c] = _subregion(region, region.ispace.lo, region.ispace.hi,
                                   mask)
        disjoint = _pairwise_disjoint(list(pieces.values()))
        return Partition(region, source_partition.colors, pieces, disjoint)

    @staticmethod
    def preimage(region, target_partition, field, colors=None):
        """``preimage(R, P, 'ptr'[, colors])``: piece c = the points of ``R``
        whose ``ptr`` field points into piece c of ``P`` (the colors are
        P's). Disjoint when P is. (``preimage(R, 'ptr', P)`` also works.)"""
        if isinstance(target_partition, str):
            target_partition, field = field, target_partition
        root_shape = tuple(h + 1 for h in region._root.ispace.hi)
        ptr = region._data[field]
        pieces = {}
        for c, tgt in target_partition._pieces.items():
            mask = np.zeros(root_shape, dtype=bool)
            for p in region.ispace.points():
                q = tuple(int(x) for x in np.atleast_1d(ptr[p]))
                if tgt.ispace.contains(q):
                    mask[p] = True
            pieces[c] = _subregion(region, region.ispace.lo, region.ispace.hi,
                                   mask)
        disjoint = target_partition.disjoint
        return Partition(region, target_partition.colors, pieces, disjoint)


def _pairwise_disjoint(pieces):
    seen = set()
    for r in pieces:
        pts = set(r.ispace.points())
        if seen & pts:
            return False
        seen |= pts
    return True


# -- launches -------------------------------------------------------------------------

class IndexLaunch:
    """``for i in IndexLaunch([n]): t(P[i])``: a loop over the launch points."""

    def __init__(self, colors):
        self.colors = _colors_of(colors)

    def __iter__(self):
        return iter(_color_points(self.colors))

    def __len__(self):
        n = 1
        for c in self.colors:
            n *= c
        return n


def _project(arg, point):
    if isinstance(arg, _Projection):
        return arg.partition[point]
    if arg is ID:
        return point
    return arg


def index_launch(colors, task_fn, *args, reduce=None):
    """Launch ``task_fn`` once per point of ``colors``; ``P[ID]`` is P's piece
    at the point, ``ID`` the point. With ``reduce`` ('+', '*', 'min', 'max')
    the results fold into one Future; without, a FutureMap."""
    colors = _colors_of(colors)
    points = _color_points(colors)
    values = []
    for p in points:
        r = task_fn(*[_project(a, p) for a in args])
        values.append(r.get() if isinstance(r, Future) else r)
    if reduce is None:
        return FutureMap(points, values)
    if reduce not in _REDOPS:
        raise ValueError("reduce must be one of '+', '*', 'min', 'max'")
    if not values:
        return Future(None)
    acc = values[0]
    for v in values[1:]:
        acc = _REDOPS[reduce](acc, v)
    return Future(acc)


# -- fill and copy --------------------------------------------------------------------

def _names(fields):
    return (fields,) if isinstance(fields, str) else tuple(fields)


def fill(region, fields, value):
    """``fill(R, 'f', v)``: set field f (or each of a list of fields) to v."""
    for name in _names(fields):
        data = region._data[name]
        if region.ispace.mask is not None:
            data[region.ispace.mask] = value
        elif not region.ispace.empty:
            data[_rect_slices(region.ispace)] = value


def copy(src, src_fields, dst, dst_fields, redop=None):
    """``copy(src, 'f', dst, 'g', redop=None)``: for every point both regions
    hold, dst.g = src.f (or dst.g = redop(dst.g, src.f))."""
    sf, df = _names(src_fields), _names(dst_fields)
    if len(sf) != len(df):
        raise ValueError('copy: source and destination field lists differ in length')
    fn = None
    if redop is not None:
        if redop not in _REDOPS:
            raise ValueError("redop must be one of '+', '*', 'min', 'max'")
        fn = _REDOPS[redop]
    pts = [p for p in src.ispace.points() if dst.ispace.contains(p)]
    for a, b in zip(sf, df):
        s, d = src._data[a], dst._data[b]
        for p in pts:
            d[p] = s[p] if fn is None else fn(d[p], s[p])
