#pragma once
// Unit discovery: which units of a layer follow a per-step feature of the text, and how often each
// gate saturates (Karpathy, Johnson & Fei-Fei, "Visualizing and understanding recurrent networks", 2015, fig. 3).
// Reads the trace only; one pass over (steps × H) in doubles. Same thread as the trace's owner.
#include "trace.h"

#include <span>
#include <vector>

namespace lstm {

struct UnitScore {
  int unit = 0;
  double correlation = 0.0;  // Pearson r with the feature, in [−1, 1]; 0 when either side is constant
  double lowFraction = 0.0;  // fraction of the steps with value < kSaturationLow ("left saturated" for a gate)
  double highFraction = 0.0; // fraction of the steps with value > kSaturationHigh ("right saturated")
};

inline constexpr double kSaturationLow = 0.1;
inline constexpr double kSaturationHigh = 0.9;

// Pearson r between trace.quantity(layer, q)(s, unit) and feature[s] over the steps
// [firstStep, min(trace.steps(), feature.size())), for every unit of `layer` (H entries), sorted by |r|
// descending, ties by unit index. Constant units, a constant feature, an empty range or non-finite values give
// r = 0, never NaN; an empty range also gives zero fractions. Empty when `layer` is out of range. O(steps·H).
std::vector<UnitScore> rankUnits(const Trace &trace, int layer, Quantity q, std::span<const double> feature,
                                 int firstStep = 0);

// lowFraction / highFraction of every unit over the steps [firstStep, trace.steps()), in unit order (entry k is
// unit k), correlation 0: the saturation plot without a text feature (series models). Empty for a bad layer.
std::vector<UnitScore> saturationFractions(const Trace &trace, int layer, Quantity q, int firstStep = 0);

} // namespace lstm
