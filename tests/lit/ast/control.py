# RUN: %pyc-task ir %s --stage=ast | FileCheck %s
# Statements: elif chains nest in `else`, multiple and tuple targets,
# annotated assignment, while/else, assert with message, raise, chained
# comparisons, boolean operators, conditional expression.
def f(n: int) -> int:
    a = b = 0
    x, y = n, -n
    (y, x) = x, y
    t: float = 1.5
    if 0 < n <= 10 is not None:
        pass
    elif n not in r and not n or n is None:
        a = 1 if n else 2
    else:
        raise ValueError("bad")
    while a < n:
        a //= 2
        if a:
            break
        continue
    else:
        assert a >= 0, "negative"
    return a

# CHECK:      def f @5:5
# CHECK-NEXT:   param n: (name int) @5:7
# CHECK-NEXT:   returns (name int)
# CHECK-NEXT:   body
# CHECK-NEXT:     assign @6:5
# CHECK-NEXT:       target (name a)
# CHECK-NEXT:       target (name b)
# CHECK-NEXT:       value (int 0)
# CHECK-NEXT:     assign @7:5
# CHECK-NEXT:       target (tuple (name x) (name y))
# CHECK-NEXT:       value (tuple (name n) (unary - (name n)))
# CHECK-NEXT:     assign @8:5
# CHECK-NEXT:       target (tuple (name y) (name x))
# CHECK-NEXT:       value (tuple (name x) (name y))
# CHECK-NEXT:     annassign @9:5
# CHECK-NEXT:       target (name t)
# CHECK-NEXT:       annot (name float)
# CHECK-NEXT:       value (float 1.5)
# CHECK-NEXT:     if @10:5
# CHECK-NEXT:       cond (compare (int 0) < (name n) <= (int 10) is not (None))
# CHECK-NEXT:       then
# CHECK-NEXT:         pass @11:9
# CHECK-NEXT:       else
# CHECK-NEXT:         if @12:5
# CHECK-NEXT:           cond (or (and (compare (name n) not in (name r)) (unary not (name n))) (compare (name n) is (None)))
# CHECK-NEXT:           then
# CHECK-NEXT:             assign @13:9
# CHECK-NEXT:               target (name a)
# CHECK-NEXT:               value (ifexp (name n) (int 1) (int 2))
# CHECK-NEXT:           else
# CHECK-NEXT:             raise (call (name ValueError) (str "bad")) @15:9
# CHECK-NEXT:     while @16:5
# CHECK-NEXT:       cond (compare (name a) < (name n))
# CHECK-NEXT:       body
# CHECK-NEXT:         augassign // @17:9
# CHECK-NEXT:           target (name a)
# CHECK-NEXT:           value (int 2)
# CHECK-NEXT:         if @18:9
# CHECK-NEXT:           cond (name a)
# CHECK-NEXT:           then
# CHECK-NEXT:             break @19:13
# CHECK-NEXT:         continue @20:9
# CHECK-NEXT:       else
# CHECK-NEXT:         assert @22:9
# CHECK-NEXT:           test (compare (name a) >= (int 0))
# CHECK-NEXT:           msg (str "negative")
# CHECK-NEXT:     return (name a) @23:5
