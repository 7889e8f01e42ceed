/* nbody.c: the benchmarks-game 5-body simulation (same constants and order as bench/kernels/nbody.py).
   usage: nbody [steps=1000000] [reps=3]; checksum = energy after the steps. */
#include "bench_util.h"
#include <math.h>
#include <stdio.h>

#define NB 5
static const double PI = 3.141592653589793, DAYS = 365.24;

static void setup(double pos[NB][3], double vel[NB][3], double mass[NB]) {
  static const double p0[NB][3] = {{0, 0, 0},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01}};
  static const double v0[NB][3] = {{0, 0, 0},
    {1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05},
    {-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05},
    {2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05},
    {2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05}};
  static const double m0[NB] = {1.0, 9.54791938424326609e-04, 2.85885980666130812e-04,
                                4.36624404335156298e-05, 5.15138902046611451e-05};
  double sm = 4.0 * PI * PI;
  for (int i = 0; i < NB; i++) {
    for (int k = 0; k < 3; k++) { pos[i][k] = p0[i][k]; vel[i][k] = i == 0 ? 0.0 : v0[i][k] * DAYS; }
    mass[i] = i == 0 ? sm : m0[i] * sm;
  }
  for (int k = 0; k < 3; k++) {
    double p = 0.0;
    for (int i = 0; i < NB; i++) p += vel[i][k] * mass[i];
    vel[0][k] = -p / sm;
  }
}

static double energy(double pos[NB][3], double vel[NB][3], const double mass[NB]) {
  double e = 0.0;
  for (int i = 0; i < NB; i++) {
    e += 0.5 * mass[i] * (vel[i][0] * vel[i][0] + vel[i][1] * vel[i][1] + vel[i][2] * vel[i][2]);
    for (int j = i + 1; j < NB; j++) {
      double dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1], dz = pos[i][2] - pos[j][2];
      e -= mass[i] * mass[j] / sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

static void advance(double pos[NB][3], double vel[NB][3], const double mass[NB], double dt, long steps) {
  for (long s = 0; s < steps; s++) {
    for (int i = 0; i < NB; i++)
      for (int j = i + 1; j < NB; j++) {
        double dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1], dz = pos[i][2] - pos[j][2];
        double d2 = dx * dx + dy * dy + dz * dz;
        double mag = dt / (d2 * sqrt(d2));
        double mj = mass[j] * mag, mi = mass[i] * mag;
        vel[i][0] -= dx * mj; vel[i][1] -= dy * mj; vel[i][2] -= dz * mj;
        vel[j][0] += dx * mi; vel[j][1] += dy * mi; vel[j][2] += dz * mi;
      }
    for (int i = 0; i < NB; i++)
      for (int k = 0; k < 3; k++) pos[i][k] += dt * vel[i][k];
  }
}

int main(int argc, char **argv) {
  long steps = arg_long(argc, argv, 1, 1000000), reps = arg_long(argc, argv, 2, 3);
  double pos[NB][3], vel[NB][3], mass[NB], best = 1e30;
  for (long r = 0; r < reps; r++) {
    setup(pos, vel, mass);
    double t0 = wtime();
    advance(pos, vel, mass, 0.01, steps);
    double t = wtime() - t0;
    if (t < best) best = t;
  }
  printf("checksum: %.12e\nbest_s: %.6f\n", energy(pos, vel, mass), best);
  return 0;
}
