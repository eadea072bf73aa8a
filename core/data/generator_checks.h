#pragma once
// Internal to the generators (generators*.cpp): the one-sentence refusal every validate() returns, "the <setting>
// is <value>; it must be <rule>", a uniform draw, and the line writers generateText shares across files.
#include "generators.h"
#include "model/rng.h"

#include <charconv>
#include <string>

namespace lstm::generator_checks {

inline std::string numberText(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return {buffer, result.ptr};
}

inline std::string bad(const char *name, double value, const char *rule) {
  return std::string("the ") + name + " is " + numberText(value) + "; it must be " + rule;
}

inline int uniformInt(Rng &rng, int low, int high) { // [low, high]
  return low + int(rng.below(std::uint64_t(high - low) + 1));
}

} // namespace lstm::generator_checks

namespace lstm::generator_lines {
// Appends one adding-problem line ("4*71932*0588=7\n" for T = 10) drawn from `rng` (generators_adding.cpp).
void appendAddingLine(const AddingOptions &o, Rng &rng, std::u32string &out);
} // namespace lstm::generator_lines
