// Unit orders for the heatmaps of big layers: each is a permutation with its documented property, on hand-made
// traces (two interleaved groups of units, constant units) and on a random 1,024-unit trace.
#include "explore/unit_order.h"
#include "model/rng.h"

#include "cell_trace.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

using namespace lstm;

namespace {

using test::makeCellTrace;

bool isPermutation(std::vector<int> order, int units) {
  std::sort(order.begin(), order.end());
  std::vector<int> all(static_cast<std::size_t>(units));
  std::iota(all.begin(), all.end(), 0);
  return order == all;
}

double variance(const Trace &trace, int unit) {
  double mean = 0.0, sum = 0.0;
  for (int s = 0; s < trace.steps(); ++s)
    mean += trace.value(0, Quantity::Cell, s, unit);
  mean /= trace.steps();
  for (int s = 0; s < trace.steps(); ++s)
    sum += std::pow(trace.value(0, Quantity::Cell, s, unit) - mean, 2);
  return sum / trace.steps();
}

} // namespace

class TestUnitOrder : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void varianceDescendingTiesByIndex() {
    // Spreads 0, 3, 1, 3, 2 (units 1 and 3 tie).
    const float spread[] = {0.0f, 3.0f, 1.0f, 3.0f, 2.0f};
    const Trace trace = makeCellTrace(5, 6, [&](int s, int u) { return (s % 2 ? 1.0f : -1.0f) * spread[u] + 7.0f; });
    QCOMPARE(unitsByVariance(trace, 0, Quantity::Cell), (std::vector<int>{1, 3, 4, 2, 0}));
    QCOMPARE(unitsByVariance(trace, 1, Quantity::Cell), (std::vector<int>{0, 1, 2, 3, 4})); // no such layer
    QCOMPARE(unitsByVariance(makeCellTrace(3, 0, {}), 0, Quantity::Cell), (std::vector<int>{0, 1, 2}));
  }

  void chainTakesTheMostSimilarNext() {
    Eigen::MatrixXf similarity(4, 4);
    similarity << 1.0f, 0.1f, 0.9f, 0.2f, //
        0.1f, 1.0f, 0.3f, 0.8f,           //
        0.9f, 0.3f, 1.0f, 0.3f,           //
        0.2f, 0.8f, 0.3f, 1.0f;
    QCOMPARE(nearestNeighbourChain(similarity, 0), (std::vector<int>{0, 2, 1, 3})); // 2 → 1 and 3 tie: lower index
    QCOMPARE(nearestNeighbourChain(similarity, 3), (std::vector<int>{3, 1, 2, 0}));
    QVERIFY(nearestNeighbourChain(Eigen::MatrixXf(0, 0), 0).empty());
  }

  // Even units follow one signal, odd units another (each with its own noise and scale), units 5 and 12 are
  // constant: the clustered order keeps each group together and puts the constant units last.
  void clusteredKeepsGroupsTogether() {
    Rng rng(3);
    std::vector<float> noise(16 * 300);
    for (float &n : noise)
      n = float(rng.normal()) * 0.2f;
    const Trace trace = makeCellTrace(16, 300, [&](int s, int u) {
      if (u == 5 || u == 12)
        return 0.25f;
      const float signal = u % 2 ? std::sin(0.05f * float(s)) : (s / 20 % 2 ? 1.0f : -1.0f);
      return (1.0f + 0.1f * float(u)) * signal + noise[std::size_t(s * 16 + u)];
    });
    const std::vector<int> order = unitsClustered(trace, 0, Quantity::Cell);
    QVERIFY(isPermutation(order, 16));
    QCOMPARE(std::vector<int>(order.end() - 2, order.end()), (std::vector<int>{5, 12}));
    // One change of group along the first 14 rows.
    int changes = 0;
    for (std::size_t k = 1; k < 14; ++k)
      changes += order[k] % 2 != order[k - 1] % 2;
    QCOMPARE(changes, 1);
    // It starts at the unit of largest variance.
    int widest = 0;
    for (int u = 1; u < 16; ++u)
      if (variance(trace, u) > variance(trace, widest))
        widest = u;
    QCOMPARE(order.front(), widest);
  }

  // A random 1,024-unit trace: every order is a permutation of all units with its property.
  void bigLayer() {
    Rng rng(5);
    std::vector<float> scale(1024);
    for (float &s : scale)
      s = float(rng.uniform()) * 3.0f;
    const Trace trace = makeCellTrace(1024, 700, [&](int, int u) { return float(rng.normal()) * scale[std::size_t(u)]; });
    const std::vector<int> byVariance = unitsByVariance(trace, 0, Quantity::Cell);
    QVERIFY(isPermutation(byVariance, 1024));
    for (std::size_t k = 1; k < byVariance.size(); ++k)
      QVERIFY(variance(trace, byVariance[k - 1]) >= variance(trace, byVariance[k]) * (1.0 - 1e-9));
    const std::vector<int> clustered = unitsClustered(trace, 0, Quantity::Cell);
    QVERIFY(isPermutation(clustered, 1024));
    QCOMPARE(unitsClustered(makeCellTrace(4, 1, [](int, int u) { return float(u); }), 0, Quantity::Cell),
             (std::vector<int>{0, 1, 2, 3})); // one step: no correlation to go by
  }
};

QTEST_GUILESS_MAIN(TestUnitOrder)
#include "tst_unit_order.moc"
