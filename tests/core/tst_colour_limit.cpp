// ColourLimit: the 99th percentile of |c| over a window of steps and a set of units, at least 1, without NaNs,
// remembered while the window and the trace's generation stay the same.
#include "explore/colour_limit.h"

#include "cell_trace.h"

#include <QTest>

#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

using namespace lstm;

namespace {

using test::makeCellTrace;

std::vector<int> allUnits(int units) {
  std::vector<int> all(static_cast<std::size_t>(units));
  std::iota(all.begin(), all.end(), 0);
  return all;
}

} // namespace

class TestColourLimit : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void percentileOfTheWindow() {
    // |c| = step·100 + unit over 10 steps × 100 units: 0 … 999, the 99th percentile is entry 989 of 1000.
    const Trace trace = makeCellTrace(100, 10, [](int s, int u) { return float((s % 2 ? -1 : 1) * (s * 100 + u)); });
    ColourLimit limit;
    QCOMPARE(limit.of(trace, 0, Quantity::Cell, 0, 9, allUnits(100), 0), 989.0);
    // Steps 2…4 and units 0…9: 30 values, entry int(0.99 · 29) = 28 of 200…209, 300…309, 400…409.
    QCOMPARE(limit.of(trace, 0, Quantity::Cell, 2, 4, allUnits(10), 0), 408.0);
    // Small values: at least 1.
    const Trace small = makeCellTrace(4, 5, [](int, int u) { return 0.1f * float(u); });
    QCOMPARE(limit.of(small, 0, Quantity::Cell, 0, 4, allUnits(4), 0), 1.0);
  }

  void nansAreLeftOut() {
    const Trace trace = makeCellTrace(3, 100, [](int s, int u) {
      return u == 1 ? std::numeric_limits<float>::quiet_NaN() : float(s + 1);
    });
    ColourLimit limit;
    QCOMPARE(limit.of(trace, 0, Quantity::Cell, 0, 99, allUnits(3), 0), 99.0); // entry 198 of 1,1,2,2 … 100,100
  }

  void remembersUntilTheDataChange() {
    float scale = 5.0f;
    const Trace first = makeCellTrace(2, 10, [&](int, int) { return scale; });
    scale = 7.0f;
    const Trace second = makeCellTrace(2, 10, [&](int, int) { return scale; });
    ColourLimit limit;
    QCOMPARE(limit.of(first, 0, Quantity::Cell, 0, 9, allUnits(2), 1), 5.0);
    QCOMPARE(limit.of(second, 0, Quantity::Cell, 0, 9, allUnits(2), 1), 5.0); // same generation: remembered
    QCOMPARE(limit.of(second, 0, Quantity::Cell, 0, 9, allUnits(2), 2), 7.0);
  }

  // A window of more values than kMaxSamples is sampled at steps that are multiples of a stride: the answer
  // depends on the window only.
  void longWindowsAreSampledByTheData() {
    const Trace trace = makeCellTrace(1024, 600, [](int s, int u) { return float((s * 7 + u * 13) % 1000); });
    ColourLimit a, b;
    const double limit = a.of(trace, 0, Quantity::Cell, 0, 599, allUnits(1024), 0);
    QCOMPARE(b.of(trace, 0, Quantity::Cell, 0, 599, allUnits(1024), 0), limit);
    QVERIFY2(limit > 980.0 && limit < 1000.0, qPrintable(QString::number(limit)));
  }
};

QTEST_GUILESS_MAIN(TestColourLimit)
#include "tst_colour_limit.moc"
