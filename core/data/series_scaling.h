#pragma once
#include <span>

namespace lstm {

// z-score normalisation fitted on training data and kept with the model: apply() before the model, invert() on
// its outputs. A constant (or empty) series gets stddev 1, so it maps to zeros instead of dividing by zero.
struct SeriesScaling {
  double mean = 0.0;
  double stddev = 1.0; // population standard deviation, > 0

  double apply(double value) const { return (value - mean) / stddev; }
  double invert(double scaled) const { return scaled * stddev + mean; }
  // Precondition: every value is finite.
  static SeriesScaling fit(std::span<const double> values);
};

} // namespace lstm
