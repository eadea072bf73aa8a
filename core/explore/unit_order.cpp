#include "unit_order.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace lstm {

namespace {

std::vector<int> identity(int units) {
  std::vector<int> order(std::size_t(std::max(units, 0)));
  std::iota(order.begin(), order.end(), 0);
  return order;
}

bool validLayer(const Trace &trace, int layer) { return layer >= 0 && layer < trace.layers(); }

float finiteOrZero(float value) { return std::isfinite(value) ? value : 0.0f; }

// Appends to `order` the chain from `first` through the units not yet `placed`.
void appendChain(const Eigen::MatrixXf &similarity, int first, std::vector<char> &placed, std::vector<int> &order) {
  const int units = int(similarity.rows());
  int current = first;
  while (current >= 0) {
    placed[std::size_t(current)] = 1;
    order.push_back(current);
    int next = -1;
    for (int unit = 0; unit < units; ++unit)
      if (!placed[std::size_t(unit)] && (next < 0 || similarity(current, unit) > similarity(current, next)))
        next = unit;
    current = next;
  }
}

} // namespace

std::vector<int> unitsByVariance(const Trace &trace, int layer, Quantity q) {
  const int units = trace.units(), steps = trace.steps();
  std::vector<int> order = identity(units);
  if (!validLayer(trace, layer) || steps == 0)
    return order;
  // Two passes in double: the mean, then the squared deviations (row by row: a step's H values are contiguous).
  const float *values = trace.quantity(layer, q).data();
  std::vector<double> mean(std::size_t(units), 0.0), variance(std::size_t(units), 0.0);
  for (int s = 0; s < steps; ++s)
    for (int u = 0; u < units; ++u)
      mean[std::size_t(u)] += finiteOrZero(values[std::size_t(s) * std::size_t(units) + std::size_t(u)]);
  for (double &m : mean)
    m /= steps;
  for (int s = 0; s < steps; ++s)
    for (int u = 0; u < units; ++u) {
      const double d = finiteOrZero(values[std::size_t(s) * std::size_t(units) + std::size_t(u)]) - mean[std::size_t(u)];
      variance[std::size_t(u)] += d * d;
    }
  std::stable_sort(order.begin(), order.end(),
                   [&variance](int a, int b) { return variance[std::size_t(a)] > variance[std::size_t(b)]; });
  return order;
}

std::vector<int> nearestNeighbourChain(const Eigen::MatrixXf &similarity, int first) {
  const int units = int(similarity.rows());
  std::vector<int> order;
  if (units == 0)
    return order;
  order.reserve(std::size_t(units));
  std::vector<char> placed(std::size_t(units), 0);
  appendChain(similarity, std::clamp(first, 0, units - 1), placed, order);
  return order;
}

std::vector<int> unitsClustered(const Trace &trace, int layer, Quantity q) {
  const int units = trace.units(), steps = trace.steps();
  if (!validLayer(trace, layer) || steps < 2)
    return identity(units);
  // Evenly spread sample of the steps, one row each: (samples × H), columns centred and scaled to unit length,
  // so that xᵀx is the matrix of Pearson r between units.
  const int stride = (steps + kClusterSteps - 1) / kClusterSteps;
  const int samples = (steps + stride - 1) / stride;
  const float *values = trace.quantity(layer, q).data();
  Eigen::MatrixXf x(samples, units);
  for (int k = 0; k < samples; ++k)
    for (int u = 0; u < units; ++u)
      x(k, u) = finiteOrZero(values[std::size_t(k) * std::size_t(stride) * std::size_t(units) + std::size_t(u)]);
  x.rowwise() -= x.colwise().mean();
  const Eigen::RowVectorXf norms = x.colwise().norm();
  std::vector<char> constant(std::size_t(units), 0);
  int first = -1;
  for (int u = 0; u < units; ++u) {
    // A unit whose spread is at rounding level is constant: its r is undefined.
    constant[std::size_t(u)] = norms(u) > 1e-6f * std::sqrt(float(samples)) ? 0 : 1;
    if (!constant[std::size_t(u)]) {
      x.col(u) /= norms(u);
      if (first < 0 || norms(u) > norms(first))
        first = u;
    }
  }
  std::vector<int> order;
  order.reserve(std::size_t(units));
  if (first >= 0) {
    const Eigen::MatrixXf similarity = x.transpose() * x;
    std::vector<char> placed = constant; // constant units stay out of the chain
    appendChain(similarity, first, placed, order);
  }
  for (int u = 0; u < units; ++u)
    if (constant[std::size_t(u)])
      order.push_back(u);
  return order;
}

} // namespace lstm
