# Tests: a circuit simulation in the structure of Legion's circuit example (copy of examples/partition_circuit.py): partitions of subregions, Partition.image ghosts, Reduce through aliased pieces, three index launches per step; integer arithmetic, identical to CPython.
# partition_circuit: a circuit simulation in the structure of Legion's circuit
# example (fixed-point integer arithmetic, so every run and CPython agree to
# the bit). The nodes are split into an all-private and an all-shared half
# (Partition.restrict), each partitioned per piece (Partition.equal of a
# subregion): private nodes are touched only by their piece's wires, shared
# ones also by other pieces' wires. The wires are partitioned equally; the
# ghost nodes of piece i are the image of its wires' out_node pointers
# (Partition.image; aliased). Each step is three index launches: the
# currents (reading voltages through private, shared and ghost pieces), the
# charge distribution (read-write on private nodes, Reduce('+') on shared
# and ghost ones) and the voltage update.
# Run: pyc-task run examples/partition_circuit.py (or under CPython).
from pyc_task import task, fieldspace, int64, Region, R, RW, Reduce
from pyc_task import Partition, index_launch, ID


@fieldspace
class Node:
    charge: int64
    voltage: int64
    capacitance: int64
    leakage: int64


@fieldspace
class Wire:
    in_node: int64
    out_node: int64
    resistance: int64
    current: int64


@task(privileges=[RW])
def init_nodes(nodes: Region[Node]):
    for i in nodes.ispace:
        nodes.charge[i] = 0
        nodes.voltage[i] = (i * 7919) % 1000 * 10
        nodes.capacitance[i] = 20 + i % 5 * 10
        nodes.leakage[i] = 1 + i % 3


@task(privileges=[RW])
def init_wires(wires: Region[Wire], piece: int64, npieces: int64, npriv: int64, nshared: int64):
    x = 12345 + piece * 1013
    for w in wires.ispace:
        x = (x * 1103515245 + 12345) % 2147483648
        k = x % (npriv + nshared)
        if k < npriv:
            wires.in_node[w] = piece * npriv + k
        else:
            wires.in_node[w] = npieces * npriv + piece * nshared + (k - npriv)
        x = (x * 1103515245 + 12345) % 2147483648
        if x % 4 == 0:  # a shared node of another piece
            other = (piece + 1 + x % (npieces - 1)) % npieces
            wires.out_node[w] = npieces * npriv + other * nshared + (x // 7) % nshared
        else:
            k = (x // 7) % (npriv + nshared)
            if k < npriv:
                wires.out_node[w] = piece * npriv + k
            else:
                wires.out_node[w] = npieces * npriv + piece * nshared + (k - npriv)
        wires.resistance[w] = 4 + x % 9
        wires.current[w] = 0


@task(privileges=[RW('in_node', 'out_node', 'resistance', 'current'), R('voltage'), R('voltage'),
                  R('voltage')])
def calc_new_currents(wp: Region[Wire], pvt: Region[Node], shr: Region[Node], gh: Region[Node]):
    plo, phi = pvt.ispace.bounds
    slo, shi = shr.ispace.bounds
    for w in wp.ispace:
        a = wp.in_node[w]
        b = wp.out_node[w]
        va = pvt.voltage[a] if a >= plo and a <= phi else shr.voltage[a]
        vb = 0
        if b >= plo and b <= phi:
            vb = pvt.voltage[b]
        elif b >= slo and b <= shi:
            vb = shr.voltage[b]
        else:
            vb = gh.voltage[b]
        wp.current[w] = (va - vb) // wp.resistance[w]


@task(privileges=[R('in_node', 'out_node', 'current'), RW('charge'), Reduce('+', 'charge'),
                  Reduce('+', 'charge')])
def distribute_charge(wp: Region[Wire], pvt: Region[Node], shr: Region[Node], gh: Region[Node]):
    plo, phi = pvt.ispace.bounds
    slo, shi = shr.ispace.bounds
    for w in wp.ispace:
        a = wp.in_node[w]
        b = wp.out_node[w]
        dq = wp.current[w]
        if a >= plo and a <= phi:
            pvt.charge[a] -= dq
        else:
            shr.charge[a] += -dq
        if b >= plo and b <= phi:
            pvt.charge[b] += dq
        elif b >= slo and b <= shi:
            shr.charge[b] += dq
        else:
            gh.charge[b] += dq


@task(privileges=[RW('voltage', 'charge', 'capacitance', 'leakage'),
                  RW('voltage', 'charge', 'capacitance', 'leakage')])
def update_voltages(pvt: Region[Node], shr: Region[Node]):
    for i in pvt.ispace:
        v = pvt.voltage[i] + pvt.charge[i] // pvt.capacitance[i]
        pvt.voltage[i] = v - v * pvt.leakage[i] // 100
        pvt.charge[i] = 0
    for i in shr.ispace:
        v = shr.voltage[i] + shr.charge[i] // shr.capacitance[i]
        shr.voltage[i] = v - v * shr.leakage[i] // 100
        shr.charge[i] = 0


@task(top_level=True)
def main():
    npieces = 4
    npriv = 12
    nshared = 4
    nwires = 40
    nodes = Region([npieces * (npriv + nshared)], Node)
    wires = Region([npieces * nwires], Wire)
    halves = Partition.restrict(nodes, [2], [npieces * npriv], [npieces * npriv])
    private = Partition.equal(halves[0], [npieces])
    shared = Partition.equal(halves[1], [npieces])
    wpieces = Partition.equal(wires, [npieces])
    init_nodes(nodes)
    index_launch([npieces], init_wires, wpieces[ID], ID, npieces, npriv, nshared)
    ghost = Partition.image(nodes, wpieces, 'out_node', [npieces])
    for step in range(25):
        index_launch([npieces], calc_new_currents, wpieces[ID], private[ID], shared[ID], ghost[ID])
        index_launch([npieces], distribute_charge, wpieces[ID], private[ID], shared[ID], ghost[ID])
        index_launch([npieces], update_voltages, private[ID], shared[ID])
        if step % 8 == 0:
            total = 0
            for i in range(npieces * (npriv + nshared)):
                total += nodes.voltage[i]
            print(f'step {step:2d}: total voltage {total}')
    lo, hi = shared[3].ispace.bounds
    print(f'shared piece 3: nodes {lo}..{hi}; node 0 at {nodes.voltage[0]}, node 60 at {nodes.voltage[60]}')
    print(f'wire 17: {wires.in_node[17]} -> {wires.out_node[17]}, current {wires.current[17]}')


if __name__ == '__main__':
    main()
