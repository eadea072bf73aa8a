#include "colour_limit.h"

#include <algorithm>
#include <cmath>

namespace lstm {

double ColourLimit::of(const Trace &trace, int layer, Quantity q, int first, int last, const std::vector<int> &units,
                       long long generation) {
  if (m_key.layer == layer && m_key.first == first && m_key.last == last && m_key.quantity == q &&
      m_key.generation == generation && m_key.units == units)
    return m_limit;
  m_key = {layer, first, last, q, units, generation};
  const std::size_t steps = last >= first ? std::size_t(last - first + 1) : 0;
  const int stride = int(std::max<std::size_t>(1, (steps * units.size() + kMaxSamples - 1) / kMaxSamples));
  const float *values = trace.quantity(layer, q).data();
  m_magnitudes.clear();
  for (int step = (first + stride - 1) / stride * stride; step <= last; step += stride)
    for (int unit : units) {
      const float value = values[std::size_t(step) * std::size_t(trace.units()) + std::size_t(unit)];
      if (!std::isnan(value))
        m_magnitudes.push_back(std::abs(value));
    }
  m_limit = 1.0;
  if (!m_magnitudes.empty()) {
    const auto k = m_magnitudes.begin() + std::ptrdiff_t(kClipQuantile * double(m_magnitudes.size() - 1));
    std::nth_element(m_magnitudes.begin(), k, m_magnitudes.end());
    m_limit = std::max(1.0, double(*k));
  }
  return m_limit;
}

} // namespace lstm
