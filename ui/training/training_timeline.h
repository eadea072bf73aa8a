#pragma once
// Weight snapshots over training time, for scrubbing the explorer from the first iteration to the last.
// Memory is bounded: when the snapshots exceed the byte budget, interior ones are dropped where they lie closest
// together, so the kept ones stay spread evenly over the run however long it gets — the first and the newest
// are always kept. Plain data, GUI thread.
#include <QtGlobal>

#include <cstddef>
#include <memory>
#include <vector>

namespace lstm {

struct Model;

struct TrainingSnapshot {
  qint64 iteration = 0;
  std::shared_ptr<const Model> model;
};

class TrainingTimeline {
public:
  static constexpr std::size_t kDefaultBudgetBytes = std::size_t(256) << 20;
  static constexpr int kMaxSnapshots = 400; // beyond this a slider step is finer than a pixel anyway

  explicit TrainingTimeline(std::size_t budgetBytes = kDefaultBudgetBytes) : m_budgetBytes(budgetBytes) {}

  // Adds a snapshot (iterations ascending; an iteration already held replaces it), then thins to the budget.
  void add(std::shared_ptr<const Model> model, qint64 iteration);
  void clear() { m_snapshots.clear(); m_bytes = 0; }

  const std::vector<TrainingSnapshot> &snapshots() const { return m_snapshots; }
  int size() const { return int(m_snapshots.size()); }
  bool empty() const { return m_snapshots.empty(); }
  std::size_t bytes() const { return m_bytes; }
  std::size_t budgetBytes() const { return m_budgetBytes; }
  // Index of the snapshot nearest to `iteration` (−1 when empty).
  int indexNear(qint64 iteration) const;

  static std::size_t bytesOf(const Model &model); // what one snapshot keeps in memory

private:
  void thin();

  std::size_t m_budgetBytes;
  std::size_t m_bytes = 0;
  std::vector<TrainingSnapshot> m_snapshots;
};

} // namespace lstm
