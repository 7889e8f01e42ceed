# Tests: n-d pointer fields (int2d, int3d, Pygion's point types): Partition.by_field with 2-d colors from an int2d field, Partition.image into a 2-d grid and a 3-d box (pointers outside dropped, duplicates once, exact sparse pieces), Partition.preimage of 2-d and 3-d partitions (colors of the target, disjoint when it is), point fields read as tuples, written from tuples, filled and copied, regions indexed by a point tuple, index launches over the pieces.
from pyc_task import task, fieldspace, int64, int2d, int3d, Region, R, RW, Reduce, fill, copy
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Cell:
    v: int64
    hits: int64
    zone: int2d


@fieldspace
class Probe:
    at: int2d
    w: int64


@fieldspace
class Voxel:
    d: int64


@fieldspace
class Ray:
    hit: int3d
    n: int64


@task(privileges=[RW])
def init_grid(g: Region[Cell, 2]):
    for p in g.ispace:
        i, j = p
        g.v[p] = i * 100 + j
        g.hits[i, j] = 0
        g.zone[p] = (i % 2, j // 3) if i < 5 else (-1, 0)  # row 5: in no zone


@task(privileges=[RW('at', 'w')])
def init_probes(pr: Region[Probe, 1], n: int64, m: int64):
    for k in pr.ispace:
        h = (k * 2654435761 + 12345) % 1000003
        pr.at[k] = (h % (n + 2) - 1, (h // 8) % m)  # rows -1 and n: outside the grid
        pr.w[k] = k % 3 + 1


@task(privileges=[R('v')])
def piece_digest(b: Region[Cell, 2]) -> int64:
    t = 0
    for p in b.ispace:
        t = (t * 7 + b.v[p]) % 1000003
    return t * 1000 + b.ispace.volume


@task(privileges=[Reduce('+', 'hits')])
def count_hits(b: Region[Cell, 2], c: int64):
    n = 0
    for p in b.ispace:  # a reduction instance of a sparse piece: its points only
        b.hits[p] += c + 1 + b.ispace.volume * 10 + n * 100
        n += 1


@task(privileges=[RW('at', 'w'), R('v')])
def weigh(pb: Region[Probe, 1], g: Region[Cell, 2]) -> int64:
    t = 0
    for k in pb.ispace:
        q = pb.at[k]
        pb.w[k] = pb.w[k] * 10 + g.v[q] % 10
        t += pb.w[k]
    return t


@task(privileges=[R('at', 'w')])
def probe_digest(pr: Region[Probe, 1]) -> int64:
    t = 0
    for k in pr.ispace:
        i, j = pr.at[k]
        t = (t * 31 + i * 17 + j * 3 + pr.w[k]) % 1000003
    return t


@task(privileges=[RW('v')])
def stamp(z: Region[Cell, 2]):
    lo, hi = z.ispace.bounds
    k = 0
    for p in z.ispace:
        z.v[p] = z.v[p] * 10 + lo[1] * 3 + hi[0] + k
        k += 1


@task(privileges=[R('hits')])
def hits_digest(g: Region[Cell, 2]) -> int64:
    t = 0
    for p in g.ispace:
        t = (t * 13 + g.hits[p]) % 1000003
    return t


@task(privileges=[RW])
def init_rays(r: Region[Ray, 1]):
    for k in r.ispace:
        r.hit[k] = (k % 3, (k * 2) % 5, (k * 3) % 4)
        r.n[k] = 0


@task(privileges=[RW])
def init_box(b: Region[Voxel, 3]):
    for p in b.ispace:
        x, y, z = p
        b.d[p] = x * 100 + y * 10 + z


@task(privileges=[R('d')])
def box_digest(b: Region[Voxel, 3]) -> int64:
    t = 0
    for p in b.ispace:
        t = (t * 11 + b.d[p]) % 1000003
    return t * 1000 + b.ispace.volume


@task(privileges=[RW('n', 'hit')])
def mark(rs: Region[Ray, 1], c: int64):
    for k in rs.ispace:
        x, y, z = rs.hit[k]
        rs.n[k] = c * 1000 + x * 100 + y * 10 + z


@task(privileges=[R('n')])
def ray_digest(r: Region[Ray, 1]) -> int64:
    t = 0
    for k in r.ispace:
        t = (t * 7 + r.n[k]) % 1000003
    return t


@task(top_level=True)
def main():
    n = 6
    m = 7
    grid = Region([n, m], Cell)
    probes = Region([40], Probe)
    init_grid(grid)
    init_probes(probes, n, m)
    print(probes.at[0], probes.at[1], probes.at[39])
    blocks = Partition.equal(probes, [4])
    seen = Partition.image(grid, blocks, 'at', [4])   # aliased: only read or reduced
    for c in range(4):
        print('image', c, seen[c].ispace.volume, seen[c].ispace.bounds)
    fm = index_launch([4], piece_digest, seen[ID])
    for c in range(4):
        print('digest', c, fm[c].get())
    for c in IndexLaunch([4]):
        count_hits(seen[c], c)
    print('hits', hits_digest(grid).get())
    zones = Partition.by_field(grid, 'zone', [2, 3])   # disjoint, 2-d colors
    for zc in zones.color_space:
        print('zone', zc, zones[zc].ispace.volume, zones[zc].ispace.bounds)
    for zc in IndexLaunch([2, 3]):
        stamp(zones[zc])
    print('stamped', piece_digest(grid).get())
    quads = Partition.equal(grid, [2, 2])
    owners = Partition.preimage(probes, quads, 'at')   # disjoint, colors [2, 2]
    total = 0
    for i in range(2):
        for j in range(2):
            print('owners', i, j, owners[i, j].ispace.volume)
    tot = index_launch([2, 2], weigh, owners[ID], grid, reduce='+')
    print('weigh', tot.get(), probe_digest(probes).get())
    spare = Region([40], Probe)
    fill(spare, 'at', (2, 3))
    copy(probes, 'w', spare, 'w')
    print('spare', spare.at[5], spare.w[5], probe_digest(spare).get())
    copy(probes, 'at', spare, 'at')
    print('copied', spare.at[5], probe_digest(spare).get())

    box = Region([3, 5, 4], Voxel)
    rays = Region([30], Ray)
    init_box(box)
    init_rays(rays)
    print(rays.hit[7])
    rb = Partition.equal(rays, [3])
    lit = Partition.image(box, rb, 'hit')
    f3 = index_launch([3], box_digest, lit[ID], reduce='+')
    print('box image', f3.get(), lit[0].ispace.volume, lit[2].ispace.bounds)
    slabs = Partition.equal(box, [1, 2, 2])
    back = Partition.preimage(rays, slabs, 'hit')
    for p in IndexLaunch([1, 2, 2]):
        mark(back[p], 7)
    for p in back.color_space:
        print('back', p, back[p].ispace.volume)
    print('rays', ray_digest(rays).get())
    total = 0
    for c in range(3):
        total += lit[c].ispace.volume
    print('total', total)


if __name__ == "__main__":
    main()
