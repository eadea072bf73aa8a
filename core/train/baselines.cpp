#include "baselines.h"

#include <cmath>
#include <limits>
#include <unordered_map>
#include <vector>

namespace lstm {

namespace {
// Bigram counts: a dense V×V table while it stays small, a hash map for large (CJK) vocabularies.
class BigramCounts {
public:
  explicit BigramCounts(int vocabSize) : m_vocab(vocabSize), m_dense(vocabSize <= 2048) {
    if (m_dense)
      m_table.assign(std::size_t(vocabSize) * std::size_t(vocabSize), 0);
  }
  void add(std::int32_t a, std::int32_t b) {
    if (m_dense)
      ++m_table[key(a, b)];
    else
      ++m_map[key(a, b)];
  }
  std::int64_t count(std::int32_t a, std::int32_t b) const {
    if (m_dense)
      return m_table[key(a, b)];
    const auto it = m_map.find(key(a, b));
    return it == m_map.end() ? 0 : it->second;
  }

private:
  std::size_t key(std::int32_t a, std::int32_t b) const { return std::size_t(a) * std::size_t(m_vocab) + std::size_t(b); }
  int m_vocab;
  bool m_dense;
  std::vector<std::int64_t> m_table;
  std::unordered_map<std::size_t, std::int64_t> m_map;
};
} // namespace

Baselines computeBaselines(std::span<const std::int32_t> training, std::span<const std::int32_t> evaluation,
                           int vocabSize) {
  Baselines result;
  if (evaluation.size() < 2 || vocabSize < 1)
    return result;
  std::vector<std::int64_t> unigram(std::size_t(vocabSize), 0);
  BigramCounts bigram(vocabSize);
  for (std::size_t k = 0; k < training.size(); ++k) {
    ++unigram[std::size_t(training[k])];
    if (k > 0)
      bigram.add(training[k - 1], training[k]);
  }
  // P(c) = (n_c + ½) / (N + ½V): every character of the vocabulary keeps some probability.
  std::vector<double> unigramP(static_cast<std::size_t>(vocabSize));
  const double total = double(training.size()) + 0.5 * vocabSize;
  for (int c = 0; c < vocabSize; ++c)
    unigramP[std::size_t(c)] = (double(unigram[std::size_t(c)]) + 0.5) / total;
  // Followers of `a` counted in the training text (n_a for the bigram's denominator).
  std::vector<std::int64_t> followers(std::size_t(vocabSize), 0);
  for (std::size_t k = 0; k + 1 < training.size(); ++k)
    ++followers[std::size_t(training[k])];

  result.predictions = std::int64_t(evaluation.size()) - 1;
  double unigramLoss = 0.0;
  for (std::size_t k = 1; k < evaluation.size(); ++k)
    unigramLoss -= std::log(unigramP[std::size_t(evaluation[k])]);
  result.unigram = unigramLoss / double(result.predictions);

  // Dirichlet smoothing towards the unigram; the prior strength k is the best of a coarse grid.
  result.bigram = std::numeric_limits<double>::infinity();
  for (double prior : {0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0}) {
    double loss = 0.0;
    for (std::size_t k = 1; k < evaluation.size(); ++k) {
      const std::int32_t a = evaluation[k - 1], b = evaluation[k];
      const double p = (double(bigram.count(a, b)) + prior * unigramP[std::size_t(b)]) /
                       (double(followers[std::size_t(a)]) + prior);
      loss -= std::log(p);
    }
    loss /= double(result.predictions);
    if (loss < result.bigram) {
      result.bigram = loss;
      result.bigramPrior = prior;
    }
  }
  return result;
}

Baselines computeSeriesBaselines(std::span<const float> training, std::span<const float> evaluation) {
  Baselines b;
  double mean = 0.0;
  for (const float v : training)
    mean += v;
  mean /= double(std::max<std::size_t>(training.size(), 1));
  double meanError = 0.0, lastError = 0.0;
  for (std::size_t i = 1; i < evaluation.size(); ++i) {
    meanError += (double(evaluation[i]) - mean) * (double(evaluation[i]) - mean);
    lastError += (double(evaluation[i]) - evaluation[i - 1]) * (double(evaluation[i]) - evaluation[i - 1]);
  }
  b.predictions = std::int64_t(evaluation.size() > 1 ? evaluation.size() - 1 : 0);
  b.unigram = b.predictions > 0 ? meanError / double(b.predictions) : 0.0;
  b.bigram = b.predictions > 0 ? lastError / double(b.predictions) : 0.0;
  return b;
}

} // namespace lstm
