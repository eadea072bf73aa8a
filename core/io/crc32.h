#pragma once
// CRC-32 (IEEE 802.3, the zlib/PNG polynomial), incremental: crc = crc32Update(crc, bytes) starting from 0.
#include <cstddef>
#include <cstdint>

namespace lstm {

std::uint32_t crc32Update(std::uint32_t crc, const void *data, std::size_t size);

} // namespace lstm
