#pragma once
// A hand-made one-layer trace for tests of what is computed over stored steps (unit orders, colour limits).
#include "explore/trace.h"

#include <array>
#include <functional>
#include <vector>

namespace lstm::test {

// `units` units over `steps` steps whose c is value(step, unit); the other quantities are zero.
inline Trace makeCellTrace(int units, int steps, const std::function<float(int, int)> &value) {
  ModelConfig config;
  config.vocabSize = 2;
  config.hiddenSize = units;
  Trace trace(config, 1);
  std::vector<float> row(std::size_t(units), 0.0f), zeros(std::size_t(units), 0.0f);
  for (int s = 0; s < steps; ++s) {
    for (int u = 0; u < units; ++u)
      row[std::size_t(u)] = value(s, u);
    std::array<const float *, kQuantityCount> pointers{};
    pointers.fill(zeros.data());
    pointers[std::size_t(Quantity::Cell)] = row.data();
    trace.append(Trace::StepValues{}, {pointers});
  }
  return trace;
}

} // namespace lstm::test
