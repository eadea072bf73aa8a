#pragma once
// Strict UTF-8 decoding with the byte offset of the first error, and readable names for code points.
#include "common/problem_code.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace lstm {

struct Utf8Error {
  std::size_t byteOffset = 0; // offset of the first byte of the bad sequence
  ProblemCode reason = ProblemCode::Utf8InvalidByte; // e.g. Utf8StrayContinuation: a continuation byte without a lead byte
};

// Decodes `bytes` into code points. Rejects overlong forms, surrogates, values above U+10FFFF and truncated
// sequences. Returns false and fills `error` (if given) on the first problem.
bool decodeUtf8(std::string_view bytes, std::u32string &out, Utf8Error *error = nullptr);

std::string encodeUtf8(char32_t codePoint);
std::string encodeUtf8(std::u32string_view text);

// "'é' (U+00E9)", "'\n' (U+000A)", "U+0007": safe to print on one line of a terminal.
std::string describeCodePoint(char32_t codePoint);

} // namespace lstm
