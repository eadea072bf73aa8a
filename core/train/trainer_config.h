#pragma once
// Everything that defines a training run on a character corpus: model shape, windows, optimiser, duration.
// validate() refuses impossible settings with a Problem before anything is allocated.
#include "common/problem.h"
#include "data/corpus.h"
#include "model/model_config.h"
#include "model/optimizer.h"

#include <QJsonObject>

#include <cstdint>
#include <optional>
#include <string>

namespace lstm {

struct TrainerConfig {
  // Model
  int hiddenSize = 128;
  int numLayers = 2;
  int embedDim = 0;                  // 0 = one-hot input
  std::optional<double> forgetBias;  // see InitOptions
  // Windows: B streams over the training text, T steps each, state carried between windows (char-rnn)
  int seqLength = 64;                // T
  int batchSize = 32;                // B
  // Optimisation
  OptimizerSettings optimizer;       // Adam, lr 2e-3 by default
  double clipNorm = 5.0;             // global gradient norm; ≤ 0 = no clipping
  // Duration: iterations when > 0, else epochs (fractions allowed), else one epoch
  std::int64_t iterations = 0;
  double epochs = 0.0;
  double timeLimitSeconds = 0.0;     // stop (as finished, after a last validation) once a run has lasted this long; 0 = none
  int evalEvery = 100;               // iterations between validation passes; 0 = only at the end
  std::int64_t maxEvalTokens = 1 << 20; // validation uses at most this many characters of the held-out tail
  std::uint64_t seed = 1;
  int threads = 1;

  // True when training is possible on `corpus`; otherwise false and `problem` names the setting and the rule,
  // e.g. a window longer than the corpus or an out-of-memory estimate.
  bool validate(const Corpus &corpus, Problem *problem = nullptr) const;
  ModelConfig modelConfig(const Corpus &corpus) const;
  // Windows of T characters each stream takes per epoch.
  std::int64_t windowsPerEpoch(const Corpus &corpus) const;
  std::int64_t totalIterations(const Corpus &corpus) const;
  // Bytes the run will hold (weights, gradients, optimiser state, activations of both runners, token ids).
  std::int64_t estimatedBytes(const Corpus &corpus) const;

  QJsonObject toJson() const;
  // Returns false with a reason when a field is missing or malformed (does not call validate()).
  static bool fromJson(const QJsonObject &json, TrainerConfig &config, Problem *problem);
};

// Physical memory of this machine in bytes (0 when unknown).
std::int64_t physicalMemoryBytes();

} // namespace lstm
