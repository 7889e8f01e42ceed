from pyc_task import kernel, task, int64, float64

@kernel
def f0(n: int64):
    return f1(n) + 1

@kernel
def f1(n: int64):
    return f2(n) + 1

@kernel
def f2(n: int64):
    return f3(n) + 1

@kernel
def f3(n: int64):
    return f4(n) + 1

@kernel
def f4(n: int64):
    return f5(n) + 1

@kernel
def f5(n: int64):
    return f6(n) + 1

@kernel
def f6(n: int64):
    return f7(n) + 1

@kernel
def f7(n: int64):
    return f8(n) + 1

@kernel
def f8(n: int64):
    return f9(n) + 1

@kernel
def f9(n: int64):
    return f10(n) + 1

@kernel
def f10(n: int64):
    return f11(n) + 1

@kernel
def f11(n: int64):
    return f12(n) + 1

@kernel
def f12(n: int64):
    return f13(n) + 1

@kernel
def f13(n: int64):
    return f14(n) + 1

@kernel
def f14(n: int64):
    return f15(n) + 1

@kernel
def f15(n: int64):
    return f16(n) + 1

@kernel
def f16(n: int64):
    return f17(n) + 1

@kernel
def f17(n: int64):
    return f18(n) + 1

@kernel
def f18(n: int64):
    return f19(n) + 1

@kernel
def f19(n: int64):
    return f20(n) + 1

@kernel
def f20(n: int64):
    return f21(n) + 1

@kernel
def f21(n: int64):
    return f22(n) + 1

@kernel
def f22(n: int64):
    return f23(n) + 1

@kernel
def f23(n: int64):
    return f24(n) + 1

@kernel
def f24(n: int64):
    return f25(n) + 1

@kernel
def f25(n: int64):
    return f26(n) + 1

@kernel
def f26(n: int64):
    return f27(n) + 1

@kernel
def f27(n: int64):
    return f28(n) + 1

@kernel
def f28(n: int64):
    return f29(n) + 1

@kernel
def f29(n: int64):
    return f30(n) + 1

@kernel
def f30(n: int64):
    return f31(n) + 1

@kernel
def f31(n: int64):
    return f32(n) + 1

@kernel
def f32(n: int64):
    return f33(n) + 1

@kernel
def f33(n: int64):
    return f34(n) + 1

@kernel
def f34(n: int64):
    return f35(n) + 1

@kernel
def f35(n: int64):
    return f36(n) + 1

@kernel
def f36(n: int64):
    return f37(n) + 1

@kernel
def f37(n: int64):
    return f38(n) + 1

@kernel
def f38(n: int64):
    return f39(n) + 1

@kernel
def f39(n: int64):
    return f40(n) + 1

@kernel
def f40(n: int64):
    return f41(n) + 1

@kernel
def f41(n: int64):
    return f42(n) + 1

@kernel
def f42(n: int64):
    return f43(n) + 1

@kernel
def f43(n: int64):
    return f44(n) + 1

@kernel
def f44(n: int64):
    return f45(n) + 1

@kernel
def f45(n: int64):
    return f46(n) + 1

@kernel
def f46(n: int64):
    return f47(n) + 1

@kernel
def f47(n: int64):
    return f48(n) + 1

@kernel
def f48(n: int64):
    return f49(n) + 1

@kernel
def f49(n: int64):
    return f50(n) + 1

@kernel
def f50(n: int64):
    return f51(n) + 1

@kernel
def f51(n: int64):
    return f52(n) + 1

@kernel
def f52(n: int64):
    return f53(n) + 1

@kernel
def f53(n: int64):
    return f54(n) + 1

@kernel
def f54(n: int64):
    return f55(n) + 1

@kernel
def f55(n: int64):
    return f56(n) + 1

@kernel
def f56(n: int64):
    return f57(n) + 1

@kernel
def f57(n: int64):
    return f58(n) + 1

@kernel
def f58(n: int64):
    return f59(n) + 1

@kernel
def f59(n: int64):
    return f60(n) + 1

@kernel
def f60(n: int64):
    return f61(n) + 1

@kernel
def f61(n: int64):
    return f62(n) + 1

@kernel
def f62(n: int64):
    return f63(n) + 1

@kernel
def f63(n: int64):
    return f64(n) + 1

@kernel
def f64(n: int64):
    return f65(n) + 1

@kernel
def f65(n: int64):
    return f66(n) + 1

@kernel
def f66(n: int64):
    return f67(n) + 1

@kernel
def f67(n: int64):
    return f68(n) + 1

@kernel
def f68(n: int64):
    return f69(n) + 1

@kernel
def f69(n: int64):
    return f70(n) + 1

@kernel
def f70(n: int64):
    return f71(n) + 1

@kernel
def f71(n: int64):
    return f72(n) + 1

@kernel
def f72(n: int64):
    return f73(n) + 1

@kernel
def f73(n: int64):
    return f74(n) + 1

@kernel
def f74(n: int64):
    return f75(n) + 1

@kernel
def f75(n: int64):
    return f76(n) + 1

@kernel
def f76(n: int64):
    return f77(n) + 1

@kernel
def f77(n: int64):
    return f78(n) + 1

@kernel
def f78(n: int64):
    return f79(n) + 1

@kernel
def f79(n: int64):
    return f80(n) + 1

@kernel
def f80(n: int64):
    return f81(n) + 1

@kernel
def f81(n: int64):
    return f82(n) + 1

@kernel
def f82(n: int64):
    return f83(n) + 1

@kernel
def f83(n: int64):
    return f84(n) + 1

@kernel
def f84(n: int64):
    return f85(n) + 1

@kernel
def f85(n: int64):
    return f86(n) + 1

@kernel
def f86(n: int64):
    return f87(n) + 1

@kernel
def f87(n: int64):
    return f88(n) + 1

@kernel
def f88(n: int64):
    return f89(n) + 1

@kernel
def f89(n: int64):
    return f90(n) + 1

@kernel
def f90(n: int64):
    return f91(n) + 1

@kernel
def f91(n: int64):
    return f92(n) + 1

@kernel
def f92(n: int64):
    return f93(n) + 1

@kernel
def f93(n: int64):
    return f94(n) + 1

@kernel
def f94(n: int64):
    return f95(n) + 1

@kernel
def f95(n: int64):
    return f96(n) + 1

@kernel
def f96(n: int64):
    return f97(n) + 1

@kernel
def f97(n: int64):
    return f98(n) + 1

@kernel
def f98(n: int64):
    return f99(n) + 1

@kernel
def f99(n: int64):
    return f100(n) + 1

@kernel
def f100(n: int64):
    return f101(n) + 1

@kernel
def f101(n: int64):
    return f102(n) + 1

@kernel
def f102(n: int64):
    return f103(n) + 1

@kernel
def f103(n: int64):
    return f104(n) + 1

@kernel
def f104(n: int64):
    return f105(n) + 1

@kernel
def f105(n: int64):
    return f106(n) + 1

@kernel
def f106(n: int64):
    return f107(n) + 1

@kernel
def f107(n: int64):
    return f108(n) + 1

@kernel
def f108(n: int64):
    return f109(n) + 1

@kernel
def f109(n: int64):
    return f110(n) + 1

@kernel
def f110(n: int64):
    return f111(n) + 1

@kernel
def f111(n: int64):
    return f112(n) + 1

@kernel
def f112(n: int64):
    return f113(n) + 1

@kernel
def f113(n: int64):
    return f114(n) + 1

@kernel
def f114(n: int64):
    return f115(n) + 1

@kernel
def f115(n: int64):
    return f116(n) + 1

@kernel
def f116(n: int64):
    return f117(n) + 1

@kernel
def f117(n: int64):
    return f118(n) + 1

@kernel
def f118(n: int64):
    return f119(n) + 1

@kernel
def f119(n: int64):
    return f120(n) + 1

@kernel
def f120(n: int64):
    return f121(n) + 1

@kernel
def f121(n: int64):
    return f122(n) + 1

@kernel
def f122(n: int64):
    return f123(n) + 1

@kernel
def f123(n: int64):
    return f124(n) + 1

@kernel
def f124(n: int64):
    return f125(n) + 1

@kernel
def f125(n: int64):
    return f126(n) + 1

@kernel
def f126(n: int64):
    return f127(n) + 1

@kernel
def f127(n: int64):
    return f128(n) + 1

@kernel
def f128(n: int64):
    return f129(n) + 1

@kernel
def f129(n: int64):
    return f130(n) + 1

@kernel
def f130(n: int64):
    return f131(n) + 1

@kernel
def f131(n: int64):
    return f132(n) + 1

@kernel
def f132(n: int64):
    return f133(n) + 1

@kernel
def f133(n: int64):
    return f134(n) + 1

@kernel
def f134(n: int64):
    return f135(n) + 1

@kernel
def f135(n: int64):
    return f136(n) + 1

@kernel
def f136(n: int64):
    return f137(n) + 1

@kernel
def f137(n: int64):
    return f138(n) + 1

@kernel
def f138(n: int64):
    return f139(n) + 1

@kernel
def f139(n: int64):
    return f140(n) + 1

@kernel
def f140(n: int64):
    return f141(n) + 1

@kernel
def f141(n: int64):
    return f142(n) + 1

@kernel
def f142(n: int64):
    return f143(n) + 1

@kernel
def f143(n: int64):
    return f144(n) + 1

@kernel
def f144(n: int64):
    return f145(n) + 1

@kernel
def f145(n: int64):
    return f146(n) + 1

@kernel
def f146(n: int64):
    return f147(n) + 1

@kernel
def f147(n: int64):
    return f148(n) + 1

@kernel
def f148(n: int64):
    return f149(n) + 1

@kernel
def f149(n: int64):
    return f150(n) + 1

@kernel
def f150(n: int64):
    return n
