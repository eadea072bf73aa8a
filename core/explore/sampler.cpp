#include "sampler.h"

#include "stepper.h"

#include "common/problem.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lstm {

namespace {

// Shortest text that reads back to `value` ("1e-07", "nan", "-1"), so the problem shows what was given.
QString numberText(double value) { return QString::number(value, 'g', QLocale::FloatingPointShortest); }

// Largest finite entry, lowest id on ties; token 0 when nothing is finite.
std::int32_t argmaxFinite(const Vector<float> &probabilities) {
  std::int32_t best = 0;
  float bestValue = -std::numeric_limits<float>::infinity();
  bool found = false;
  for (Eigen::Index id = 0; id < probabilities.size(); ++id) {
    const float p = probabilities(id);
    if (std::isfinite(p) && (!found || p > bestValue)) {
      best = std::int32_t(id);
      bestValue = p;
      found = true;
    }
  }
  return best;
}

} // namespace

bool SamplingOptions::validate(Problem *problem) const {
  if (!std::isfinite(temperature) || !(temperature >= 0.0))
    return report(problem, Problem(ProblemCode::SamplingTemperature).withValue(numberText(temperature)));
  if (topK < 0)
    return report(problem, Problem(ProblemCode::SamplingTopK).withValue(QString::number(topK)));
  if (!(topP > 0.0 && topP <= 1.0))
    return report(problem, Problem(ProblemCode::SamplingTopP).withValue(numberText(topP)));
  return true;
}

Sampler::Sampler(const SamplingOptions &options) : m_options(options), m_rng(options.seed) {}

std::int32_t Sampler::pick(const Vector<float> &probabilities) {
  if (m_options.temperature == 0.0)
    return argmaxFinite(probabilities);
  // Exactly one uniform per pick, drawn first, so the stream stays aligned even on degenerate inputs.
  const double u = m_rng.uniform();
  const auto V = std::size_t(probabilities.size());
  m_weights.resize(V); // no allocation once the capacity has reached V
  m_order.resize(V);

  // 1. Temperature: w_i = p_i^(1/T) = exp((log p_i − log p_max) / T), taken relative to the largest p so that
  //    a small T cannot underflow every weight (the largest weight is exactly 1). p_i ≤ 0 or NaN gives w_i = 0.
  float pMax = 0.0f;
  for (std::size_t id = 0; id < V; ++id) {
    const float p = probabilities(Eigen::Index(id));
    if (std::isfinite(p) && p > pMax)
      pMax = p;
  }
  if (!(pMax > 0.0f))
    return argmaxFinite(probabilities); // all zero, negative or non-finite: nothing to weigh
  const double logMax = std::log(double(pMax));
  const double inverseT = 1.0 / m_options.temperature;
  std::size_t kept = 0; // tokens with a positive weight, gathered at the front of m_order
  for (std::size_t id = 0; id < V; ++id) {
    const double p = double(probabilities(Eigen::Index(id)));
    const bool usable = std::isfinite(p) && p > 0.0;
    m_weights[id] = usable ? std::exp((std::log(p) - logMax) * inverseT) : 0.0;
    if (m_weights[id] > 0.0)
      m_order[kept++] = std::int32_t(id);
  }
  if (kept == 0) // only reachable when inverseT overflows; fall back to greedy
    return argmaxFinite(probabilities);

  // 2. Fixed order: descending weight, ties by lower id. std::sort is in place (no allocation).
  const auto heavierFirst = [this](std::int32_t a, std::int32_t b) {
    const double wa = m_weights[std::size_t(a)], wb = m_weights[std::size_t(b)];
    return wa > wb || (wa == wb && a < b);
  };
  const auto begin = m_order.begin();
  if (m_options.topK > 0 && std::size_t(m_options.topK) < kept) {
    // 3. Top-k: only the K heaviest need ordering.
    const auto positive = std::ptrdiff_t(kept);
    kept = std::size_t(m_options.topK);
    std::partial_sort(begin, begin + std::ptrdiff_t(kept), begin + positive, heavierFirst);
  } else {
    std::sort(begin, begin + std::ptrdiff_t(kept), heavierFirst);
  }

  // 4. Top-p: the smallest prefix whose share of the kept weight reaches P (at least one token).
  double total = 0.0;
  for (std::size_t k = 0; k < kept; ++k)
    total += m_weights[std::size_t(m_order[k])];
  if (m_options.topP < 1.0) {
    const double target = m_options.topP * total;
    double cumulative = 0.0;
    std::size_t prefix = 0;
    while (prefix < kept) {
      cumulative += m_weights[std::size_t(m_order[prefix++])];
      if (cumulative >= target)
        break;
    }
    kept = prefix;
    total = cumulative;
  }

  // 5. Renormalise implicitly: walk the cumulative weight in the fixed order until it passes u · total.
  const double threshold = u * total;
  double cumulative = 0.0;
  for (std::size_t k = 0; k < kept; ++k) {
    cumulative += m_weights[std::size_t(m_order[k])];
    if (threshold < cumulative)
      return m_order[k];
  }
  return m_order[kept - 1]; // rounding left u · total at the very end
}

// Every generated token is fed back, the last one included: afterwards the stepper's trace holds exactly the
// inputs (start token or primer, then the generated text) and current() predicts what would follow, so a caller
// can keep stepping. The stepper is not reset: it continues from whatever state it is in.
std::vector<std::int32_t> generate(Stepper &stepper, std::span<const std::int32_t> primer, int length,
                                   Sampler &sampler) {
  std::vector<std::int32_t> generated;
  generated.reserve(std::size_t(std::max(length, 0)));
  if (primer.empty()) {
    const int newline = stepper.model().vocabulary.idOf(U'\n');
    stepper.step(newline >= 0 ? newline : 0);
  }
  for (const std::int32_t token : primer)
    stepper.step(token);
  for (int k = 0; k < length; ++k) {
    const std::int32_t token = sampler.pick(stepper.current().output);
    generated.push_back(token);
    stepper.step(token);
  }
  return generated;
}

} // namespace lstm
