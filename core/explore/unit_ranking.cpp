#include "unit_ranking.h"

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {

// Per-unit sums over a step range, accumulated row by row (the trace is row-major: a step's H values are
// contiguous). Values are shifted by the first row so that a constant unit sums to exactly 0 and the
// one-pass variance does not cancel catastrophically (Chan, Golub & LeVeque's shifted-data algorithm).
struct UnitSums {
  std::vector<double> sumX, sumXX, sumXY;
  std::vector<int> low, high;
  double sumY = 0.0, sumYY = 0.0;
  int count = 0;
};

UnitSums accumulate(const Trace &trace, int layer, Quantity q, std::span<const double> feature, int begin,
                    int end) {
  const int units = trace.units();
  UnitSums sums;
  sums.sumX.assign(std::size_t(units), 0.0);
  sums.sumXX.assign(std::size_t(units), 0.0);
  sums.sumXY.assign(std::size_t(units), 0.0);
  sums.low.assign(std::size_t(units), 0);
  sums.high.assign(std::size_t(units), 0);
  if (begin >= end)
    return sums;
  sums.count = end - begin;
  const float *values = trace.quantity(layer, q).data();
  const float *shiftRow = values + std::size_t(begin) * std::size_t(units);
  const double shiftY = feature.empty() ? 0.0 : feature[std::size_t(begin)];
  double *sx = sums.sumX.data(), *sxx = sums.sumXX.data(), *sxy = sums.sumXY.data();
  int *low = sums.low.data(), *high = sums.high.data();
  for (int s = begin; s < end; ++s) {
    const float *row = values + std::size_t(s) * std::size_t(units);
    const double y = feature.empty() ? 0.0 : feature[std::size_t(s)] - shiftY;
    sums.sumY += y;
    sums.sumYY += y * y;
    for (int u = 0; u < units; ++u) {
      const float v = row[u];
      const double x = double(v) - double(shiftRow[u]);
      sx[u] += x;
      sxx[u] += x * x;
      sxy[u] += x * y;
      low[u] += v < float(kSaturationLow) ? 1 : 0;
      high[u] += v > float(kSaturationHigh) ? 1 : 0;
    }
  }
  return sums;
}

UnitScore scoreOf(const UnitSums &sums, int unit) {
  UnitScore score;
  score.unit = unit;
  if (sums.count == 0)
    return score;
  const auto u = std::size_t(unit);
  const double n = sums.count;
  score.lowFraction = sums.low[u] / n;
  score.highFraction = sums.high[u] / n;
  const double varX = sums.sumXX[u] - sums.sumX[u] * sums.sumX[u] / n;
  const double varY = sums.sumYY - sums.sumY * sums.sumY / n;
  const double cov = sums.sumXY[u] - sums.sumX[u] * sums.sumY / n;
  if (varX > 0.0 && varY > 0.0) {
    const double r = cov / std::sqrt(varX * varY);
    score.correlation = std::isfinite(r) ? std::clamp(r, -1.0, 1.0) : 0.0;
  }
  return score;
}

bool validLayer(const Trace &trace, int layer) { return layer >= 0 && layer < trace.layers(); }

} // namespace

std::vector<UnitScore> rankUnits(const Trace &trace, int layer, Quantity q, std::span<const double> feature,
                                 int firstStep) {
  if (!validLayer(trace, layer))
    return {};
  const int end = int(std::min<std::size_t>(std::size_t(trace.steps()), feature.size()));
  const UnitSums sums = accumulate(trace, layer, q, feature, std::max(firstStep, 0), end);
  std::vector<UnitScore> scores;
  scores.reserve(std::size_t(trace.units()));
  for (int unit = 0; unit < trace.units(); ++unit)
    scores.push_back(scoreOf(sums, unit));
  std::stable_sort(scores.begin(), scores.end(), [](const UnitScore &a, const UnitScore &b) {
    return std::abs(a.correlation) > std::abs(b.correlation);
  });
  return scores;
}

std::vector<UnitScore> saturationFractions(const Trace &trace, int layer, Quantity q, int firstStep) {
  if (!validLayer(trace, layer))
    return {};
  const UnitSums sums = accumulate(trace, layer, q, {}, std::max(firstStep, 0), trace.steps());
  std::vector<UnitScore> scores;
  scores.reserve(std::size_t(trace.units()));
  for (int unit = 0; unit < trace.units(); ++unit)
    scores.push_back(scoreOf(sums, unit));
  return scores;
}

} // namespace lstm
