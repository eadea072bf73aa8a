#pragma once
// The colour limit of an unbounded quantity (c) in a heatmap: the kClipQuantile quantile of |value| over a window
// of steps and a set of units, at least 1, so a few runaway cells (one unit of the built-in model reaches
// |c| ≈ 100) saturate instead of washing out every other row. It depends on the data in the window only — never
// on how many pixels show it — and remembers its last answer while those data stay the same. Same thread as the
// trace's owner.
#include "trace.h"

#include <cstddef>
#include <vector>

namespace lstm {

inline constexpr double kClipQuantile = 0.99;

class ColourLimit {
public:
  static constexpr std::size_t kMaxSamples = std::size_t(1) << 18; // values looked at, at most

  // The limit over steps first…last (inside the trace) and `units` of `layer`. A longer window is sampled at the
  // steps that are multiples of a stride set by its size. NaNs are left out. `generation` counts the changes of
  // the trace's values: the same window of the same generation returns the remembered limit.
  double of(const Trace &trace, int layer, Quantity q, int first, int last, const std::vector<int> &units,
            long long generation);

private:
  struct Key {
    int layer = -1, first = 0, last = -1;
    Quantity quantity = Quantity::Cell;
    std::vector<int> units;
    long long generation = -1;
  } m_key; // what m_limit was computed from
  double m_limit = 1.0;
  std::vector<float> m_magnitudes; // scratch, keeps its capacity between calls
};

} // namespace lstm
