// GateHeatmapView with a 1,024-unit layer: rows stay at least 3 px tall and scroll to every unit, zoom keeps that
// bound, the c colour range does not depend on the panel's size, every row order is a permutation with its
// property and clicks and tooltips name the real unit under it, and the inspected step's column follows the
// cursor in every map.
#include "common/qcustomplot_include.h"
#include "common/quantity_style.h"
#include "explore/text_features.h"
#include "explore/unit_order.h"
#include "explore/unit_ranking.h"
#include "explorer/explorer_session.h"
#include "explorer/gate_heatmap_view.h"
#include "explorer/unit_discovery_panel.h"
#include "first_launch_window.h"
#include "main_window.h"
#include "ui_test_helpers.h"
#include "ui_test_models.h"
#include "view_test_fixture.h"

#include <QApplication>
#include <QComboBox>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

using namespace lstm;
using test::makeText;
using test::savePng;

namespace {

constexpr int kBigUnits = 1024;

// Turns the wheel over the view-coordinate point `at` of the plot: positive notches away from the user.
void wheel(QWidget *plot, QPoint at, int notches, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
  const QPointF local = plot->mapFrom(plot->parentWidget(), at);
  QWheelEvent event(local, plot->mapToGlobal(local), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, modifiers,
                    Qt::NoScrollPhase, false);
  QApplication::sendEvent(plot, &event);
}

bool isPermutation(std::vector<int> order, int units) {
  std::sort(order.begin(), order.end());
  std::vector<int> all(static_cast<std::size_t>(units));
  std::iota(all.begin(), all.end(), 0);
  return order == all;
}

} // namespace

class TestHeatmapBigLayers : public QObject, public test::ViewFixture<GateHeatmapView> {
  Q_OBJECT

  // Callers check QTest::currentTestFailed() after it.
  void open(int steps, QSize size = {900, 700}) {
    ViewFixture::open({.units = kBigUnits, .text = makeText(steps), .steps = steps, .size = size,
                       .readTimeoutMs = 120000});
  }

  QCustomPlot *plot() const { return m_view->findChild<QCustomPlot *>(QStringLiteral("heatmapPlot")); }
  template <class T> T *child(const char *name) const { return m_view->findChild<T *>(QString::fromLatin1(name)); }

  // The 99th percentile of |c| over steps [first, last] and every unit, at least 1.
  double percentile(int first, int last) const {
    std::vector<float> magnitudes;
    for (int step = first; step <= last; ++step)
      for (int unit = 0; unit < m_session->units(); ++unit)
        magnitudes.push_back(std::abs(m_session->trace().value(0, Quantity::Cell, step, unit)));
    std::sort(magnitudes.begin(), magnitudes.end());
    return std::max(1.0, double(magnitudes[std::size_t(0.99 * double(magnitudes.size() - 1))]));
  }

  // The pixel span of the cursor column drawn over map `q`, in plot coordinates; empty when there is none.
  std::pair<double, double> cursorColumn(Quantity q) const {
    const int index = int(std::find(std::begin(kShownQuantities), std::end(kShownQuantities), q) -
                          std::begin(kShownQuantities));
    QCPAxisRect *rect = plot()->axisRects()[index];
    for (int k = 0; k < plot()->itemCount(); ++k) {
      auto *item = qobject_cast<QCPItemRect *>(plot()->item(k));
      if (item && item->objectName() == QStringLiteral("cursorColumn") && item->clipAxisRect() == rect &&
          item->visible() && item->layer()->index() > plot()->plottable(index)->layer()->index()) // drawn over the map
        return {item->topLeft->pixelPosition().x(), item->bottomRight->pixelPosition().x()};
    }
    return {0.0, -1.0};
  }

private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
  void cleanup() {
    close();
    dialogs::setHooks({});
  }

  // In the window, "by the discovery feature" orders the rows as Unit discovery ranks the units, and follows
  // another feature chosen there.
  void featureOrderFollowsUnitDiscovery() {
    std::unique_ptr<MainWindow> window;
    test::openFirstLaunchWindow(window);
    QVERIFY(!QTest::currentTestFailed());
    auto *view = window->findChild<GateHeatmapView *>(QStringLiteral("gateHeatmapView"));
    auto *panel = window->findChild<UnitDiscoveryPanel *>(QStringLiteral("unitDiscoveryPanel"));
    auto *orders = window->findChild<QComboBox *>(QStringLiteral("heatmapOrderCombo"));
    auto *features = panel->findChild<QComboBox *>(QStringLiteral("discoveryFeatureCombo"));
    QVERIFY(view && panel && orders && features);
    const auto ranked = [panel] {
      panel->refreshNow();
      std::vector<int> units;
      for (const UnitScore &score : panel->scores())
        units.push_back(score.unit);
      return units;
    };
    orders->setCurrentIndex(2);
    view->refreshNow();
    const std::vector<int> first = ranked();
    QVERIFY(!first.empty());
    QCOMPARE(view->rowUnits(), first);
    features->setCurrentIndex(features->findData(int(TextFeature::LinePosition)));
    view->refreshNow();
    QVERIFY(ranked() != first);
    QCOMPARE(view->rowUnits(), ranked());
  }

  void rowsStayReadableAndScrollToEveryUnit() {
    open(120);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(m_view->rowPixels() >= 3.0, qPrintable(QString::number(m_view->rowPixels())));
    auto *scrollBar = child<QScrollBar>("heatmapScrollBar");
    QVERIFY(scrollBar->isVisible());
    QCOMPARE(scrollBar->maximum() + scrollBar->pageStep(), kBigUnits);
    QCOMPARE(m_view->loadedUnits(), scrollBar->pageStep());
    const Trace &trace = m_session->trace();
    QCOMPARE(m_view->cellValue(Quantity::Cell, 60, 0), double(trace.value(0, Quantity::Cell, 60, 0)));
    QVERIFY(std::isnan(m_view->cellValue(Quantity::Cell, 60, kBigUnits - 1)));
    savePng(*m_view, QStringLiteral("heatmap_1024_top.png"));

    // The plain wheel scrolls the rows down to the last unit, which the view then shows as recorded.
    const QPoint centre = m_view->cellRect(Quantity::Cell, 60, 3).center();
    const std::pair<double, double> steps = {plot()->xAxis->range().lower, plot()->xAxis->range().upper};
    wheel(plot(), centre, -1);
    m_view->refreshNow();
    QCOMPARE(scrollBar->value(), 3);
    QCOMPARE((std::pair<double, double>{plot()->xAxis->range().lower, plot()->xAxis->range().upper}), steps);
    wheel(plot(), centre, -1000);
    m_view->refreshNow();
    QCOMPARE(scrollBar->value(), scrollBar->maximum());
    QCOMPARE(m_view->cellValue(Quantity::Cell, 60, kBigUnits - 1),
             double(trace.value(0, Quantity::Cell, 60, kBigUnits - 1)));
    QVERIFY(std::isnan(m_view->cellValue(Quantity::Cell, 60, 0)));
    QVERIFY(m_view->rowPixels() >= 3.0);

    // Zooming out stops at 3 px a row; + makes the rows taller.
    const QPoint last = m_view->cellRect(Quantity::Cell, 60, kBigUnits - 1).center();
    wheel(plot(), last, -20, Qt::ControlModifier);
    m_view->refreshNow();
    QVERIFY2(m_view->rowPixels() >= 3.0, qPrintable(QString::number(m_view->rowPixels())));
    const double before = m_view->rowPixels();
    QTest::mouseClick(child<QToolButton>("heatmapZoomIn"), Qt::LeftButton);
    m_view->refreshNow();
    QVERIFY2(m_view->rowPixels() > 1.3 * before, qPrintable(QString::number(m_view->rowPixels())));
    QCOMPARE(scrollBar->maximum() + scrollBar->pageStep(), kBigUnits);
    savePng(*m_view, QStringLiteral("heatmap_1024_zoomed.png"));
  }

  // Regression: the c scale was the percentile of the cells loaded for the pixels, so it jumped as the panel
  // was resized over the same steps.
  void colourRangeDoesNotDependOnThePanelSize() {
    // 40 units held at c = 2 … 41 put the 99th percentile of |c| well above 1, among their values.
    std::vector<Intervention> held;
    for (int k = 0; k < 40; ++k)
      held.push_back(Intervention::setCell(0, 25 * k + 3, 2.0f + float(k)));
    ViewFixture::open({.units = kBigUnits, .text = makeText(150), .steps = 150, .interventions = held,
                       .size = {900, 700}, .readTimeoutMs = 120000});
    QVERIFY(!QTest::currentTestFailed());
    const auto range = m_view->colourRange(Quantity::Cell);
    const int rows = m_view->loadedUnits();
    QCOMPARE(range.second, percentile(0, 149));
    QVERIFY2(range.second > 10.0, qPrintable(QString::number(range.second)));
    QCOMPARE(range.first, -range.second);
    m_view->resize(520, 1000);
    m_view->refreshNow();
    QVERIFY(m_view->loadedUnits() != rows); // another number of rows in view …
    QCOMPARE(m_view->colourRange(Quantity::Cell), range); // … and the same scale
    wheel(plot(), m_view->cellRect(Quantity::Cell, 70, 3).center(), -40);
    m_view->refreshNow();
    QCOMPARE(m_view->colourRange(Quantity::Cell), range); // scrolled to other units: the same
    child<QComboBox>("heatmapOrderCombo")->setCurrentIndex(3);
    m_view->refreshNow();
    QCOMPARE(m_view->colourRange(Quantity::Cell), range); // the same units in another order: the same
  }

  void ordersArePermutationsWithTheirProperty() {
    open(200);
    QVERIFY(!QTest::currentTestFailed());
    const Trace &trace = m_session->trace();
    const std::vector<double> feature =
        computeTextFeature(TextFeature::SinceSpace, m_session->tapeText().toStdU32String());
    m_view->setFeatureSource([feature] { return feature; });
    auto *orders = child<QComboBox>("heatmapOrderCombo");
    QCOMPARE(orders->count(), 5);
    std::vector<int> identity(static_cast<std::size_t>(kBigUnits));
    std::iota(identity.begin(), identity.end(), 0);
    QCOMPARE(m_view->rowUnits(), identity);

    orders->setCurrentIndex(1); // most varying first
    m_view->refreshNow();
    QVERIFY(isPermutation(m_view->rowUnits(), kBigUnits));
    QCOMPARE(m_view->rowUnits(), unitsByVariance(trace, 0, Quantity::Cell));
    const auto variance = [&trace](int unit) {
      double mean = 0.0, sum = 0.0;
      for (int s = 0; s < trace.steps(); ++s)
        mean += trace.value(0, Quantity::Cell, s, unit);
      mean /= trace.steps();
      for (int s = 0; s < trace.steps(); ++s)
        sum += std::pow(trace.value(0, Quantity::Cell, s, unit) - mean, 2);
      return sum;
    };
    for (std::size_t row = 1; row < m_view->rowUnits().size(); row += 7)
      QVERIFY(variance(m_view->rowUnits()[row - 1]) >= variance(m_view->rowUnits()[row]) * (1.0 - 1e-9));

    orders->setCurrentIndex(2); // by the discovery feature: |r| descending, as Unit discovery ranks them
    m_view->refreshNow();
    QVERIFY(isPermutation(m_view->rowUnits(), kBigUnits));
    const std::vector<UnitScore> scores = rankUnits(trace, 0, Quantity::Cell, feature);
    for (std::size_t row = 0; row < scores.size(); ++row)
      QCOMPARE(m_view->rowUnits()[row], scores[row].unit);
    QVERIFY(std::abs(scores.front().correlation) > std::abs(scores.back().correlation));

    orders->setCurrentIndex(3); // similar units together
    m_view->refreshNow();
    QVERIFY(isPermutation(m_view->rowUnits(), kBigUnits));
    QCOMPARE(m_view->rowUnits(), unitsClustered(trace, 0, Quantity::Cell));

    orders->setCurrentIndex(4); // the traced units only
    m_session->addTracedUnit(700);
    m_session->addTracedUnit(12);
    m_view->refreshNow();
    QCOMPARE(m_view->rowUnits(), (std::vector<int>{0, 700, 12}));
    QVERIFY(!child<QScrollBar>("heatmapScrollBar")->isVisible());
    QCOMPARE(m_view->cellValue(Quantity::Hidden, 50, 700), double(trace.value(0, Quantity::Hidden, 50, 700)));
    QVERIFY(std::isnan(m_view->cellValue(Quantity::Hidden, 50, 1)));
    savePng(*m_view, QStringLiteral("heatmap_1024_traced.png"));
  }

  void clicksAndTooltipsNameTheRealUnit() {
    open(80);
    QVERIFY(!QTest::currentTestFailed());
    child<QComboBox>("heatmapOrderCombo")->setCurrentIndex(1);
    m_view->refreshNow();
    const int unit = m_view->rowUnits()[5];
    QVERIFY(unit != 5);
    const QRect cell = m_view->cellRect(Quantity::ForgetGate, 33, unit);
    QVERIFY(cell.isValid());
    QTest::mouseClick(plot(), Qt::LeftButton, {}, plot()->mapFrom(m_view.get(), cell.center()));
    QCOMPARE(m_session->selectedUnit(), unit);
    QCOMPARE(m_session->cursor(), 33);
    // Cell (step index 20): the tooltip counts steps from 1.
    QTest::mouseMove(plot(), plot()->mapFrom(m_view.get(), m_view->cellRect(Quantity::Cell, 20, unit).center()));
    QTRY_VERIFY2(QToolTip::text().startsWith(QStringLiteral("unit %1, step 21").arg(unit)), qPrintable(QToolTip::text()));
    // The unit axis labels rows with their units too.
    const auto labels = plot()->axisRects()[0]->axis(QCPAxis::atLeft)->tickVectorLabels();
    const auto ticks = plot()->axisRects()[0]->axis(QCPAxis::atLeft)->tickVector();
    QVERIFY(!ticks.isEmpty());
    for (int k = 0; k < ticks.size(); ++k)
      QCOMPARE(labels[k], QString::number(m_view->rowUnits()[std::size_t(std::lround(ticks[k]))]));
  }

  void cursorColumnFollowsTheCursor() {
    open(60);
    QVERIFY(!QTest::currentTestFailed());
    for (int step : {17, 42}) {
      m_session->setCursor(step);
      m_view->refreshNow();
      for (Quantity q : kShownQuantities) {
        const auto [left, right] = cursorColumn(q);
        const double at = plot()->mapFrom(m_view.get(), m_view->cellRect(q, step, 2).center()).x();
        const double next = plot()->mapFrom(m_view.get(), m_view->cellRect(q, step + 1, 2).center()).x();
        QVERIFY2(left <= at && at <= right, qPrintable(QStringLiteral("%1 in %2…%3").arg(at).arg(left).arg(right)));
        QVERIFY(next > right);
      }
    }
    savePng(*m_view, QStringLiteral("heatmap_cursor_column.png"));
  }
};

QTEST_MAIN(TestHeatmapBigLayers)
#include "tst_heatmap_big_layers.moc"
