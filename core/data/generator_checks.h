#pragma once
// Internal to the generators (generators.cpp, generators_numeric.cpp): the one-sentence refusal every
// validate() returns, "the <setting> is <value>; it must be <rule>".
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

} // namespace lstm::generator_checks
