"""Tests of the pure-Python pyc_task package (the oracle).

  PYTHONPATH=python /usr/bin/python3 -m unittest pyc_task.tests.test_pure -v
  PYTHONPATH=python /usr/bin/python3 -m pytest python/pyc_task/tests -q
"""

import math
import unittest

import numpy as np

import pyc_task as pt
from pyc_task import (Array, ID, IndexLaunch, Partition, R, RW, Reduce, Region,
                      fieldspace, fill, copy, index_launch, kernel, task)


@fieldspace
class Cell:
    u: pt.float64
    u_new: pt.float64


class TypesTest(unittest.TestCase):
    def test_converters(self):
        self.assertEqual(pt.int64(3.7), 3)
        self.assertEqual(pt.int64(-3.7), -3)
        self.assertEqual(pt.float64(2), 2.0)
        self.assertIsInstance(pt.float64(2), float)
        self.assertEqual(pt.int8(200), -56)
        self.assertEqual(pt.int8(-129), 127)
        self.assertEqual(pt.uint8(-1), 255)
        self.assertEqual(pt.uint64(-1), 2 ** 64 - 1)
        self.assertEqual(pt.int64(2 ** 63), -2 ** 63)
        self.assertEqual(pt.int16(40000), -25536)
        self.assertEqual(pt.float32(0.1), 0.10000000149011612)
        self.assertIs(pt.bool_(2), True)
        self.assertEqual(pt.complex128(1), 1 + 0j)
        with self.assertRaises(ValueError):
            pt.int64(math.nan)

    def test_aliases(self):
        self.assertIs(pt.i64, pt.int64)
        self.assertIs(pt.f32, pt.float32)
        self.assertIs(pt.u8, pt.uint8)
        self.assertEqual(repr(pt.float64), 'float64')
        self.assertIs(pt.type_from_name('f64'), pt.float64)

    def test_array_types(self):
        self.assertEqual(repr(pt.float64[:]), 'float64[:]')
        self.assertEqual(repr(pt.float64[:, ::1]), 'float64[:, ::1]')
        self.assertEqual(repr(pt.float64[:, :]), 'float64[:, :]')
        self.assertEqual(repr(pt.float64[::1, :]), 'float64[::1, :]')
        self.assertEqual(repr(pt.int32[::1]), 'int32[::1]')
        self.assertEqual(Array[pt.float64, 2], pt.float64[:, :])
        self.assertEqual(Array[pt.float64, 2, 'C'], pt.float64[:, ::1])
        self.assertEqual(Array['float64', 1], pt.float64[:])
        self.assertTrue(pt.float64[:, ::1].accepts(np.zeros((2, 3))))
        self.assertFalse(pt.float64[:, ::1].accepts(np.zeros((2, 3)).T))
        self.assertTrue(pt.float64[:, :].accepts(np.zeros((2, 3)).T))
        self.assertFalse(pt.int64[:].accepts(np.zeros(3)))
        with self.assertRaises(TypeError):
            pt.float64[1:3]
        with self.assertRaises(TypeError):
            pt.float64[:, ::1, :]


class DecoratorTest(unittest.TestCase):
    def test_kernel_forms(self):
        @kernel
        def f(a: pt.int64) -> pt.int64:
            return a + 1

        @kernel(boundscheck=True, strict=False, fastmath=False)
        def g(a: pt.int64) -> pt.int64:
            return f(a) * 2

        self.assertEqual(g(3), 8)
        self.assertTrue(pt.is_kernel(g))
        self.assertEqual(g.__pyc_task__.options['boundscheck'], True)
        with self.assertRaises(TypeError):
            kernel(bogus=1)

    def test_tasks(self):
        @task(top_level=True)
        def main():
            return 7

        @task(privileges=[R, RW('x')], parallel=False, target='cpu')
        def child(a: pt.int64) -> pt.int64:
            return a * 2

        self.assertEqual(main(), 7)
        f = child(21)
        self.assertIsInstance(f, pt.Future)
        self.assertEqual(f.get(), 42)
        self.assertTrue(pt.is_task(child))

    def test_fieldspace(self):
        c = Cell(1.0, 2.0)
        self.assertEqual(repr(c), 'Cell(u=1.0, u_new=2.0)')
        self.assertEqual(c, Cell(1.0, 2.0))
        self.assertNotEqual(c, Cell(1.0, 3.0))
        c.u = 5.0
        self.assertEqual(c.u, 5.0)
        self.assertEqual([n for n, _ in pt.fields_of(Cell)], ['u', 'u_new'])


class RegionTest(unittest.TestCase):
    def test_region_fields(self):
        r = Region([10], Cell)
        self.assertEqual(r.ispace.volume, 10)
        self.assertEqual(r.ispace.bounds, (0, 9))
        fill(r, 'u', 1.5)
        self.assertEqual(float(r.u.sum()), 15.0)
        self.assertEqual(list(r.ispace)[:3], [0, 1, 2])
        r2 = Region([2, 3], {'x': pt.float64, 'c': pt.int64})
        self.assertEqual(r2.ispace.bounds, ((0, 0), (1, 2)))
        self.assertEqual(list(r2.ispace)[:2], [(0, 0), (0, 1)])
        self.assertEqual(r2.c.dtype, np.int64)

    def test_partitions(self):
        r = Region([10], Cell)
        p = Partition.equal(r, [3])
        self.assertEqual([q.ispace.bounds for q in p], [(0, 2), (3, 5), (6, 9)])
        self.assertTrue(p.disjoint)
        h = Partition.halo(p, 1)
        self.assertEqual([q.ispace.bounds for q in h], [(0, 3), (2, 6), (5, 9)])
        self.assertFalse(h.disjoint)
        p[1].u[4] = 7.0                      # global coordinates, lands in the parent
        self.assertEqual(r.u[4], 7.0)
        with self.assertRaises(IndexError):
            p[1].u[6]
        rs = Partition.restrict(r, [2], [[5]], [5])
        self.assertTrue(rs.disjoint)
        self.assertEqual(rs[1].ispace.bounds, (5, 9))

    def test_index_launch_and_copy(self):
        r = Region([8], Cell)
        for i in range(8):
            r.u[i] = float(i)
        p = Partition.equal(r, [4])

        @task(privileges=[R('u')])
        def total(piece: Region[Cell]) -> pt.float64:
            s = 0.0
            for i in piece.ispace:
                s += piece.u[i]
            return s

        self.assertEqual(index_launch([4], total, p[ID], reduce='+').get(), 28.0)
        self.assertEqual(index_launch([4], total, p[ID], reduce='max').get(), 13.0)
        fm = index_launch([4], total, p[ID])
        self.assertEqual(fm[2].get(), 9.0)
        self.assertEqual(list(IndexLaunch([3])), [0, 1, 2])
        copy(r, 'u', r, 'u_new')
        self.assertEqual(float(r.u_new[7]), 7.0)
        copy(p[0], 'u', r, 'u_new', redop='+')
        self.assertEqual(float(r.u_new[1]), 2.0)
        self.assertEqual(repr(Reduce('+', 'x')), "Reduce('+', 'x')")

    def test_color_space_and_future_map(self):
        r = Region([6, 4], Cell)
        p = Partition.equal(r, [3, 2])
        cs = p.color_space
        self.assertEqual((len(cs), cs.volume, cs.bounds), (6, 6, ((0, 0), (2, 1))))
        self.assertEqual(list(cs), list(IndexLaunch(cs)))
        self.assertEqual(list(cs)[:3], [(0, 0), (0, 1), (1, 0)])
        self.assertEqual(len(Partition.equal(r, cs)), 6)

        @task(privileges=[R('u')])
        def vol(piece: Region[Cell, 2]) -> pt.int64:
            return piece.ispace.volume

        fm = index_launch(cs, vol, p[ID])
        self.assertEqual(fm[2, 1].get(), 4)
        self.assertEqual(fm[[0, 0]].get(), 4)
        self.assertIsNone(fm.wait())
        self.assertEqual(len(fm), 6)
        with self.assertRaises(IndexError):
            fm[3, 0]
        q = Partition.equal(Region([5], Cell), [5])
        self.assertEqual((list(q.color_space), q.color_space.bounds), ([0, 1, 2, 3, 4], (0, 4)))

    def test_by_field(self):
        r = Region([6], {'color': pt.int64, 'v': pt.float64})
        r.color[:] = np.array([0, 1, 0, 1, 1, 0])
        p = Partition.by_field(r, 'color', [2])
        self.assertEqual(list(p[1].ispace), [1, 3, 4])
        fill(p[0], 'v', 2.0)
        self.assertEqual(list(r.v), [2.0, 0.0, 2.0, 0.0, 0.0, 2.0])
        self.assertEqual(p[1].ispace.bounds, (1, 4))     # the points' bounding box

    def test_preimage(self):
        r = Region([6], {'ptr': pt.int64, 'c': pt.int64})
        r.ptr[:] = np.array([5, 4, 3, 2, 1, 0])
        t = Partition.equal(r, [2])
        a = Partition.preimage(r, t, 'ptr', [2])         # (R, P, 'ptr', colors)
        self.assertEqual((list(a[0].ispace), a[0].ispace.bounds), ([3, 4, 5], (3, 5)))
        self.assertTrue(a.disjoint)
        self.assertEqual(list(Partition.preimage(r, 'ptr', t)[1].ispace), [0, 1, 2])
        h = Partition.preimage(r, Partition.halo(t, 1), 'ptr')
        self.assertFalse(h.disjoint)
        self.assertEqual(list(h[0].ispace), [2, 3, 4, 5])


if __name__ == '__main__':
    unittest.main()
