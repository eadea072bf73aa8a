#include "utf8.h"

#include <cstdio>

namespace lstm {

bool decodeUtf8(std::string_view bytes, std::u32string &out, Utf8Error *error) {
  out.clear();
  out.reserve(bytes.size());
  auto fail = [&](std::size_t offset, ProblemCode reason) {
    if (error)
      *error = Utf8Error{offset, reason};
    return false;
  };
  const std::size_t size = bytes.size();
  for (std::size_t pos = 0; pos < size;) {
    const auto lead = static_cast<unsigned char>(bytes[pos]);
    if (lead < 0x80) {
      out.push_back(lead);
      ++pos;
      continue;
    }
    int length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
      length = 2, value = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3, value = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4, value = lead & 0x07, minimum = 0x10000;
    } else if ((lead & 0xC0) == 0x80) {
      return fail(pos, ProblemCode::Utf8StrayContinuation);
    } else {
      return fail(pos, ProblemCode::Utf8InvalidByte);
    }
    if (pos + std::size_t(length) > size)
      return fail(pos, ProblemCode::Utf8Truncated);
    for (int k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(bytes[pos + std::size_t(k)]);
      if ((next & 0xC0) != 0x80)
        return fail(pos, ProblemCode::Utf8MissingContinuation);
      value = (value << 6) | (next & 0x3F);
    }
    if (value < minimum)
      return fail(pos, ProblemCode::Utf8Overlong);
    if (value >= 0xD800 && value <= 0xDFFF)
      return fail(pos, ProblemCode::Utf8Surrogate);
    if (value > 0x10FFFF)
      return fail(pos, ProblemCode::Utf8AboveMaximum);
    out.push_back(value);
    pos += std::size_t(length);
  }
  return true;
}

std::string encodeUtf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += char(c);
  } else if (c < 0x800) {
    s += char(0xC0 | (c >> 6));
    s += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += char(0xE0 | (c >> 12));
    s += char(0x80 | ((c >> 6) & 0x3F));
    s += char(0x80 | (c & 0x3F));
  } else {
    s += char(0xF0 | (c >> 18));
    s += char(0x80 | ((c >> 12) & 0x3F));
    s += char(0x80 | ((c >> 6) & 0x3F));
    s += char(0x80 | (c & 0x3F));
  }
  return s;
}

std::string encodeUtf8(std::u32string_view text) {
  std::string s;
  s.reserve(text.size());
  for (char32_t c : text)
    s += encodeUtf8(c);
  return s;
}

std::string describeCodePoint(char32_t c) {
  // Built with append rather than operator+ chains: GCC 12 at -O3 warns falsely on those (bug 105329).
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", unsigned(c));
  const char *escaped = c == U'\n' ? "\\n" : c == U'\t' ? "\\t" : c == U'\r' ? "\\r" : nullptr;
  const bool printable = c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && !(c >= 0xD800 && c <= 0xDFFF) &&
                         c <= 0x10FFFF;
  if (!escaped && !printable)
    return code;
  std::string text = "'";
  text.append(escaped ? std::string(escaped) : encodeUtf8(c));
  text.append("' (");
  text.append(code);
  text.append(")");
  return text;
}

} // namespace lstm
