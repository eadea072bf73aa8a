#include "json_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace lstm {

namespace {
template <typename T>
void appendNumber(std::string &out, T value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}
} // namespace

void appendJsonNumber(std::string &out, float value) { appendNumber(out, value); }
void appendJsonNumber(std::string &out, double value) { appendNumber(out, value); }

void appendJsonArray(std::string &out, std::span<const float> values) {
  out += '[';
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (k)
      out += ',';
    appendNumber(out, values[k]);
  }
  out += ']';
}

void appendJsonString(std::string &out, std::string_view utf8) {
  out += '"';
  for (char ch : utf8) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    case '\b': out += "\\b"; break;
    case '\f': out += "\\f"; break;
    default:
      if (c < 0x20) {
        char escape[8];
        std::snprintf(escape, sizeof escape, "\\u%04x", unsigned(c));
        out += escape;
      } else {
        out += ch;
      }
    }
  }
  out += '"';
}

void appendTorchTensor(std::string &out, const ParameterBlock &block, const float *data) {
  if (block.isVector()) {
    appendJsonArray(out, {data, std::size_t(block.rows)});
    return;
  }
  // Element (r, c) of the torch tensor is ours at (r, c), or at (c, r) when transposed; ours is column-major.
  const auto at = [&](int r, int c) {
    return block.torchTransposed ? data[std::size_t(r) * std::size_t(block.rows) + std::size_t(c)]
                                 : data[std::size_t(c) * std::size_t(block.rows) + std::size_t(r)];
  };
  out += '[';
  for (int r = 0; r < block.torchRows(); ++r) {
    if (r)
      out += ',';
    out += '[';
    for (int c = 0; c < block.torchCols(); ++c) {
      if (c)
        out += ',';
      appendNumber(out, at(r, c));
    }
    out += ']';
  }
  out += ']';
}

} // namespace lstm
