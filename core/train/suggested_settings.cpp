#include "suggested_settings.h"

#include <algorithm>
#include <array>
#include <bit>
#include <utility>

namespace lstm {

namespace {
constexpr std::int64_t kSmallCorpus = 100000;      // characters; below this, fewer streams per batch
constexpr std::int64_t kWeightsPerCharacter = 2;   // recurrent weights allowed per training character
constexpr std::int64_t kEmbeddedVocabulary = 256;  // above this one-hot input is as wide as the vocabulary: embed
constexpr int kEmbedding = 64;
constexpr double kSuggestedEpochs = 20.0;
constexpr double kSeriesLearningRate = 0.005;
constexpr std::int64_t kMinSeriesIterations = 500;

// Model shapes from small to large; the largest that fits the corpus is suggested.
constexpr std::array<std::pair<int, int>, 7> kShapes{{{16, 1}, {32, 1}, {64, 1}, {128, 1}, {128, 2}, {256, 2}, {512, 2}}};
} // namespace

std::int64_t recurrentWeights(int input, int hidden, int layers) {
  const std::int64_t h = hidden;
  std::int64_t total = 4 * h * (std::int64_t(input) + h + 1);
  for (int layer = 1; layer < layers; ++layer)
    total += 4 * h * (2 * h + 1);
  return total;
}

int hiddenLimitForVocabulary(std::int64_t vocabulary) {
  // About two dozen units a symbol: enough to count brackets or remember a quote, never 256 for three symbols.
  const std::uint64_t wanted = std::uint64_t(std::clamp<std::int64_t>(24 * vocabulary, 32, 512));
  return int(std::bit_floor(wanted));
}

TrainerConfig suggestedConfig(const Corpus &corpus, TrainerConfig base) {
  TrainerConfig c = std::move(base);
  const bool series = corpus.isSeries();
  const bool small = corpus.size() < kSmallCorpus;
  if (series) {
    // One number in and out per step: a small network and windows of a few dozen steps forecast well.
    c.hiddenSize = 32;
    c.numLayers = 1;
    c.seqLength = 50;
    c.batchSize = 32;
    c.embedDim = 0;
    c.optimizer.learningRate = kSeriesLearningRate;
  } else {
    const std::int64_t vocabulary = corpus.vocabulary.size();
    // Thousands of distinct characters (Chinese) make one-hot input as wide as the vocabulary.
    c.embedDim = vocabulary > kEmbeddedVocabulary ? kEmbedding : 0;
    const int input = c.embedDim > 0 ? c.embedDim : int(vocabulary);
    const int widest = hiddenLimitForVocabulary(vocabulary);
    const std::int64_t budget = kWeightsPerCharacter * std::max<std::int64_t>(corpus.trainSize, 1);
    auto shape = kShapes.front();
    for (const auto &candidate : kShapes)
      if (candidate.first <= widest && recurrentWeights(input, candidate.first, candidate.second) <= budget)
        shape = candidate;
    c.hiddenSize = shape.first;
    c.numLayers = shape.second;
    c.seqLength = 64;
    c.batchSize = small ? 16 : 32;
    c.optimizer.learningRate = TrainerConfig{}.optimizer.learningRate;
  }
  // Tiny texts: fewer streams first, then shorter windows, until training and validation each hold a window.
  const std::int64_t validation = corpus.size() - corpus.trainSize;
  while (c.batchSize > 1 && std::int64_t(c.batchSize) * c.seqLength + 1 > corpus.trainSize)
    c.batchSize /= 2;
  while (c.seqLength > 1 && (std::int64_t(c.batchSize) * c.seqLength + 1 > corpus.trainSize ||
                             (validation > 0 && validation < c.seqLength + 1)))
    c.seqLength /= 2;
  c.epochs = 0.0;
  c.iterations = std::max<std::int64_t>(1, std::int64_t(kSuggestedEpochs * double(c.windowsPerEpoch(corpus))));
  if (series) // a series of thousands of values is few windows an epoch: give Adam enough steps
    c.iterations = std::max(c.iterations, kMinSeriesIterations);
  // About forty validation points over the run.
  c.evalEvery = int(std::clamp<std::int64_t>(c.iterations / 40, std::min<std::int64_t>(10, c.iterations), 1000));
  return c;
}

} // namespace lstm
