// The adding problem as text: lines of digits with two marked, then their sum; its checker.
#include "generators.h"

#include "generator_checks.h"

#include "model/rng.h"

#include <string>
#include <vector>

namespace lstm {

using generator_checks::uniformInt;

namespace generator_lines {

// The adding problem as a line of text: T digits, the two marked ones (one in each half) preceded by '*', then '='
// and their sum, e.g. "4*71932*0588=7\n" for T = 10 — the model must hold the first marked digit until the line ends.
void appendAddingLine(const AddingOptions &o, Rng &rng, std::u32string &out) {
  const int first = uniformInt(rng, 0, o.length / 2 - 1), second = uniformInt(rng, o.length / 2, o.length - 1);
  int sum = 0;
  for (int t = 0; t < o.length; ++t) {
    const int digit = int(rng.below(10));
    if (t == first || t == second) {
      out.push_back(U'*');
      sum += digit;
    }
    out.push_back(char32_t(U'0' + digit));
  }
  out.push_back(U'=');
  for (const char c : std::to_string(sum))
    out.push_back(char32_t(c));
  out.push_back(U'\n');
}

} // namespace generator_lines

AddingOptions addingTextOptions() {
  AddingOptions o;
  o.length = 10;
  return o;
}

std::u32string generateAddingText(const AddingOptions &options, std::uint64_t seed) {
  Rng rng(seed);
  std::u32string out;
  for (int e = 0; e < options.examples; ++e)
    generator_lines::appendAddingLine(options, rng, out);
  return out;
}

bool isAddingLine(std::u32string_view line, int length) {
  int digits = 0, sum = 0;
  std::vector<int> marked;
  std::size_t k = 0;
  for (; k < line.size() && line[k] != U'='; ++k) {
    if (line[k] == U'*') {
      if (k + 1 >= line.size() || line[k + 1] < U'0' || line[k + 1] > U'9')
        return false;
      marked.push_back(digits);
      sum += int(line[k + 1] - U'0');
    } else if (line[k] >= U'0' && line[k] <= U'9') {
      ++digits;
    } else {
      return false;
    }
  }
  if (digits != length || marked.size() != 2 || marked[0] >= length / 2 || marked[1] < length / 2 || k >= line.size())
    return false;
  std::u32string expected;
  for (const char c : std::to_string(sum))
    expected.push_back(char32_t(c));
  return line.substr(k + 1) == expected;
}

} // namespace lstm
