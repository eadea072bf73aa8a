#pragma once
// What "good" means for a character model: the loss of simple count-based models on the same validation text.
#include <cstdint>
#include <span>

namespace lstm {

// For a series corpus the same two fields hold mean squared errors in scaled units (what the model's loss is):
// unigram = always predicting the training mean, bigram = predicting the last value (the naive forecast).
struct Baselines {
  double unigram = 0.0;      // nats per character: frequencies of the training text, add-½ smoothed
  double bigram = 0.0;       // nats per character: P(b | a) = (n_ab + k·P(b)) / (n_a + k), k chosen on the evaluation text
  double bigramPrior = 0.0;  // that k
  std::int64_t predictions = 0; // characters scored: evaluation[1 …]
};

// Counts on `training`, cross-entropy on `evaluation` (each character after the first, given the previous one).
// Precondition: token ids lie in [0, vocabSize).
Baselines computeBaselines(std::span<const std::int32_t> training, std::span<const std::int32_t> evaluation,
                           int vocabSize);
// Series corpora: `training` and `evaluation` scaled; each evaluation value after the first is predicted.
Baselines computeSeriesBaselines(std::span<const float> training, std::span<const float> evaluation);

} // namespace lstm
