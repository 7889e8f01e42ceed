// sha256.h - SHA-256 (FIPS 180-4), for the disk cache's keys and checksums.
#ifndef PYC_TOOLS_SHA256_H
#define PYC_TOOLS_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define PYC_SHA256_SIZE 32

typedef struct PycSha256 {
  uint32_t h[8];
  uint64_t len;         // bytes hashed so far
  uint8_t block[64];    // pending partial block
  size_t nblock;
} PycSha256;

void pyc_sha256_init(PycSha256 *s);
void pyc_sha256_update(PycSha256 *s, const void *data, size_t n);
void pyc_sha256_final(PycSha256 *s, uint8_t out[PYC_SHA256_SIZE]);
// One call: out = SHA-256(data).
void pyc_sha256(const void *data, size_t n, uint8_t out[PYC_SHA256_SIZE]);
// 64 lower-case hex digits + NUL.
void pyc_sha256_hex(const uint8_t digest[PYC_SHA256_SIZE], char out[2 * PYC_SHA256_SIZE + 1]);

#endif
