#pragma once
// Everything a checkpoint restores into a Trainer beyond its settings (private to core/train).
#include "trainer.h"

namespace lstm {

struct Trainer::Restored {
  Parameters<float> parameters;
  std::int64_t optimizerSteps = 0;
  std::vector<float> optimizerFirst, optimizerSecond, optimizerThird; // (P) or empty when the kind has none
  std::vector<float> hidden, cell;   // (L × B × H): layer-major, then stream — the state carried into the next window
  Rng::State rng;
  std::int64_t iteration = 0;
  std::int64_t totalIterations = 0;
  double smoothedSum = 0.0, smoothedWeight = 0.0;
  double lastValidationLoss = std::numeric_limits<double>::quiet_NaN();
  double bestValidationLoss = std::numeric_limits<double>::quiet_NaN();
  std::int64_t bestIteration = -1;
  std::vector<HistoryPoint> history;

  void applyTo(Trainer &trainer) const;
};

} // namespace lstm
