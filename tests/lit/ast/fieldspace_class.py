# RUN: %pyc-task ir %s --stage=ast | FileCheck %s
# Classes: `name: annotation` lines are fields, the docstring is dropped,
# everything else is kept in `other`; string annotations are parsed.
from pyc_task import fieldspace, float64


@fieldspace
class Cell:
    """A cell."""
    u: float64
    v: 'float64'
    w: float64 = 0.0

    def norm(self):
        return self.u


class Plain(Base):
    pass

# CHECK:      class Cell @8:7
# CHECK-NEXT:   decorator (name fieldspace)
# CHECK-NEXT:   field u: (name float64) @10:5
# CHECK-NEXT:   field v: (name float64) @11:5
# CHECK-NEXT:   other
# CHECK-NEXT:     annassign @12:5
# CHECK:          def norm @14:9
# CHECK-NEXT:       param self @14:14
# CHECK-NEXT:       body
# CHECK-NEXT:         return (attr (name self) u) @15:9
# CHECK-NEXT: class Plain @18:7
# CHECK-NEXT:   other
# CHECK-NEXT:     pass @19:5
