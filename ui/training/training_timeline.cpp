#include "training_timeline.h"

#include "model/model.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace lstm {

std::size_t TrainingTimeline::bytesOf(const Model &model) {
  return std::size_t(model.parameters.flat().size()) * sizeof(float) + sizeof(Model);
}

void TrainingTimeline::add(std::shared_ptr<const Model> model, qint64 iteration) {
  const std::size_t bytes = bytesOf(*model);
  auto at = std::lower_bound(m_snapshots.begin(), m_snapshots.end(), iteration,
                             [](const TrainingSnapshot &s, qint64 i) { return s.iteration < i; });
  if (at != m_snapshots.end() && at->iteration == iteration) {
    m_bytes -= bytesOf(*at->model);
    at->model = std::move(model);
  } else {
    m_snapshots.insert(at, TrainingSnapshot{iteration, std::move(model)});
  }
  m_bytes += bytes;
  thin();
}

void TrainingTimeline::thin() {
  // Dropping snapshot k merges the gaps on either side of it; dropping where that merged gap is smallest keeps
  // the spacing as even as it can be.
  while (m_snapshots.size() > 2 && (m_bytes > m_budgetBytes || m_snapshots.size() > std::size_t(kMaxSnapshots))) {
    std::size_t drop = 1;
    qint64 smallest = std::numeric_limits<qint64>::max();
    for (std::size_t k = 1; k + 1 < m_snapshots.size(); ++k) {
      const qint64 merged = m_snapshots[k + 1].iteration - m_snapshots[k - 1].iteration;
      if (merged < smallest) {
        smallest = merged;
        drop = k;
      }
    }
    m_bytes -= bytesOf(*m_snapshots[drop].model);
    m_snapshots.erase(m_snapshots.begin() + std::ptrdiff_t(drop));
  }
}

int TrainingTimeline::indexNear(qint64 iteration) const {
  if (m_snapshots.empty())
    return -1;
  int best = 0;
  for (int k = 1; k < size(); ++k)
    if (std::llabs(m_snapshots[std::size_t(k)].iteration - iteration) <
        std::llabs(m_snapshots[std::size_t(best)].iteration - iteration))
      best = k;
  return best;
}

} // namespace lstm
