#include "crc32.h"

#include <array>

namespace lstm {

namespace {
// Slicing-by-4 tables: table[0] is the classic byte table, table[k] advances k further bytes.
std::array<std::array<std::uint32_t, 256>, 4> makeTables() {
  std::array<std::array<std::uint32_t, 256>, 4> tables{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k)
      c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    tables[0][n] = c;
  }
  for (std::uint32_t n = 0; n < 256; ++n)
    for (std::size_t t = 1; t < 4; ++t)
      tables[t][n] = (tables[t - 1][n] >> 8) ^ tables[0][tables[t - 1][n] & 0xFF];
  return tables;
}
const auto kTables = makeTables();
} // namespace

std::uint32_t crc32Update(std::uint32_t crc, const void *data, std::size_t size) {
  const auto *p = static_cast<const unsigned char *>(data);
  crc = ~crc;
  while (size >= 4) {
    crc ^= std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
    crc = kTables[3][crc & 0xFF] ^ kTables[2][(crc >> 8) & 0xFF] ^ kTables[1][(crc >> 16) & 0xFF] ^
          kTables[0][crc >> 24];
    p += 4;
    size -= 4;
  }
  while (size-- > 0)
    crc = kTables[0][(crc ^ *p++) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

} // namespace lstm
