// GateHeatmapView: cell values equal the trace, clicks select, windowing and downsampling at 20 000 steps,
// following and its toggle, reactions to the session's signals, intervention markers, tooltips, export.
#include "common/qcustomplot_include.h"
#include "common/quantity_style.h"
#include "explorer/explorer_session.h"
#include "explorer/gate_heatmap_view.h"
#include "ui_test_models.h"
#include "ui_test_helpers.h"
#include "view_test_fixture.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

using namespace lstm;
using test::savePng;
using test::makeText;

namespace {

constexpr int kUnits = 16;

// Turns the wheel over the view-coordinate point `at` of the plot: positive notches zoom in.
void wheel(QWidget *plot, QPoint at, int notches, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
  const QPointF local = plot->mapFrom(plot->parentWidget(), at);
  QWheelEvent event(local, plot->mapToGlobal(local), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, modifiers,
                    Qt::NoScrollPhase, false);
  QApplication::sendEvent(plot, &event);
}

} // namespace

class TestGateHeatmapView : public QObject, public test::ViewFixture<GateHeatmapView> {
  Q_OBJECT

  // Callers check QTest::currentTestFailed() after it.
  void open(int steps, int layers = 1, int units = kUnits) {
    ViewFixture::open({.units = units, .layers = layers, .text = makeText(steps), .steps = steps, .size = {900, 700},
                       .readTimeoutMs = 240000});
  }

  QWidget *plot() const { return m_view->findChild<QWidget *>(QStringLiteral("heatmapPlot")); }

  // Sorted |c| of layer `layer`, steps [0, steps), every `unitStride`-th unit: the loaded cells when the view
  // shows all those steps, one column each.
  std::vector<float> cellMagnitudes(int layer, int steps, int unitStride = 1) const {
    std::vector<float> magnitudes;
    for (int step = 0; step < steps; ++step)
      for (int unit = 0; unit < m_session->units(); unit += unitStride)
        magnitudes.push_back(std::abs(m_session->trace().value(layer, Quantity::Cell, step, unit)));
    std::sort(magnitudes.begin(), magnitudes.end());
    return magnitudes;
  }
  double percentileOfLoadedCells(int layer, int steps, int unitStride = 1) const {
    const std::vector<float> magnitudes = cellMagnitudes(layer, steps, unitStride);
    return std::max(1.0, double(magnitudes[std::size_t(0.99 * double(magnitudes.size() - 1))]));
  }

  // Every loaded column shows its bucket's first step, exactly as recorded.
  void compareWithTrace(int layer, int firstStep, int lastStep, int stride) {
    const Trace &trace = m_session->trace();
    for (Quantity q : kShownQuantities)
      for (int step = firstStep; step <= lastStep; step += stride)
        for (int unit = 0; unit < kUnits; unit += 5)
          QCOMPARE(m_view->cellValue(q, step, unit), double(trace.value(layer, q, step, unit)));
  }

private Q_SLOTS:
  void cleanup() { close(); }

  void emptySessionIsHarmless() {
    ExplorerSession session;
    GateHeatmapView view(&session);
    view.resize(600, 500);
    view.show();
    view.refreshNow();
    QCOMPARE(view.objectName(), QStringLiteral("gateHeatmapView"));
    QVERIFY(view.findChild<QWidget *>(QStringLiteral("heatmapPlot")));
    QCOMPARE(view.loadedSteps(), 0);
    QVERIFY(std::isnan(view.cellValue(Quantity::Cell, 0, 0)));
    QVERIFY(view.cellRect(Quantity::Cell, 0, 0).isNull() || view.cellRect(Quantity::Cell, 0, 0).isValid());
    session.setModel(test::randomCharModel(test::kTestAlphabet, kUnits), QStringLiteral("test"));
    view.refreshNow();
    QCOMPARE(view.loadedSteps(), 0);
    QVERIFY(!view.grab().isNull());
  }

  void valuesEqualTheTrace() {
    open(60);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(m_view->loadedSteps(), 60);
    compareWithTrace(0, 0, 59, 1);
    QVERIFY(std::isnan(m_view->cellValue(Quantity::Cell, 60, 0)));
    QVERIFY(std::isnan(m_view->cellValue(Quantity::InputPre, 0, 0))); // not one of the shown quantities
    savePng(*m_view, QStringLiteral("gate_heatmap_view.png"));
  }

  void followsTheSelectedLayer() {
    open(40, 2);
    QVERIFY(!QTest::currentTestFailed());
    m_session->selectLayer(1);
    QTRY_VERIFY(m_view->cellValue(Quantity::Hidden, 3, 2) == double(m_session->trace().value(1, Quantity::Hidden, 3, 2)));
    compareWithTrace(1, 0, 39, 1);
  }

  void clickSelectsUnitAndMovesCursor() {
    open(60);
    QVERIFY(!QTest::currentTestFailed());
    const QRect cell = m_view->cellRect(Quantity::ForgetGate, 17, 9);
    QVERIFY(cell.isValid());
    QTest::mouseClick(plot(), Qt::LeftButton, {}, plot()->mapFrom(m_view.get(), cell.center()));
    QCOMPARE(m_session->selectedUnit(), 9);
    QCOMPARE(m_session->cursor(), 17);
    // Another quantity's map, another cell: the rects of all six maps take clicks.
    const QRect other = m_view->cellRect(Quantity::Hidden, 41, 2);
    QTest::mouseClick(plot(), Qt::LeftButton, {}, plot()->mapFrom(m_view.get(), other.center()));
    QCOMPARE(m_session->selectedUnit(), 2);
    QCOMPARE(m_session->cursor(), 41);
  }

  void hoverShowsValue() {
    open(30);
    QVERIFY(!QTest::currentTestFailed());
    const QRect cell = m_view->cellRect(Quantity::OutputGate, 4, 6);
    QTest::mouseMove(plot(), plot()->mapFrom(m_view.get(), cell.center()));
    const Trace &trace = m_session->trace();
    const QString expected = QStringLiteral("unit 6, step 5 '%1': o = %2") // trace index 4, counted from 1
                                 .arg(m_session->tokenLabel(trace.token(4)))
                                 .arg(QString::number(trace.value(0, Quantity::OutputGate, 4, 6), 'f', 3));
    QTRY_COMPARE(QToolTip::text(), expected);
  }

  void windowsAndDownsamplesAtScale() {
    open(20000);
    QVERIFY(!QTest::currentTestFailed());
    // Following: the last 200 steps, one column each.
    QVERIFY(m_view->following());
    QCOMPARE(m_view->loadedSteps(), 200);
    QVERIFY(std::isnan(m_view->cellValue(Quantity::Cell, 19799, 0)));
    compareWithTrace(0, 19800, 19999, 1);

    // Zooming out around the last step: following stops, every step comes into view, at most ~2 columns per
    // pixel are loaded.
    const QRect end = m_view->cellRect(Quantity::InputGate, 19999, 8);
    QVERIFY(end.isValid());
    for (int i = 0; i < 20 && std::isnan(m_view->cellValue(Quantity::Cell, 0, 3)); ++i) {
      wheel(plot(), end.center(), -5);
      m_view->refreshNow();
    }
    QVERIFY(!std::isnan(m_view->cellValue(Quantity::Cell, 0, 3)));
    QVERIFY(!std::isnan(m_view->cellValue(Quantity::Cell, 19999, 3)));
    QVERIFY(!m_view->following());
    QVERIFY(!m_view->findChild<QToolButton *>(QStringLiteral("followButton"))->isChecked());
    QVERIFY(m_view->loadedSteps() > 0);
    QVERIFY2(m_view->loadedSteps() <= 2 * plot()->width(), qPrintable(QString::number(m_view->loadedSteps())));
    const int stride = (20000 + m_view->loadedSteps() - 1) / m_view->loadedSteps();
    QVERIFY(stride > 1);
    // Each column is some visible step's value; the first step of a bucket matches exactly.
    int matched = 0;
    for (int step = 0; step < 20000; step += 97) {
      const double shown = m_view->cellValue(Quantity::Cell, step, 3);
      if (std::isnan(shown))
        continue;
      bool found = false;
      for (int s = std::max(0, step - stride); s <= step && !found; ++s)
        found = shown == double(m_session->trace().value(0, Quantity::Cell, s, 3));
      QVERIFY2(found, qPrintable(QStringLiteral("step %1").arg(step)));
      ++matched;
    }
    QVERIFY(matched > 100);
    savePng(*m_view, QStringLiteral("gate_heatmap_view_all.png"));

    // The follow button returns to the end.
    QTest::mouseClick(m_view->findChild<QToolButton *>(QStringLiteral("followButton")), Qt::LeftButton);
    QVERIFY(m_view->following());
    m_view->refreshNow();
    QCOMPARE(m_view->loadedSteps(), 200);
    compareWithTrace(0, 19800, 19999, 7);
    savePng(*m_view, QStringLiteral("gate_heatmap_view_20000.png"));
  }

  // Regression: following a trace shorter than the follow width kept the window 200 steps wide, so 81 steps left
  // 60% of every map empty. It spans the steps (at least 10) until the trace reaches 200, then slides.
  void followingAShortTraceFillsTheMaps() {
    const auto stepRange = [this] {
      const QCPRange range = qobject_cast<QCustomPlot *>(plot())->axisRects().last()->axis(QCPAxis::atBottom)->range();
      return std::make_pair(range.lower, range.upper);
    };
    open(81);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(m_view->following());
    QCOMPARE(stepRange(), std::make_pair(-0.5, 80.5));
    QCOMPARE(m_view->loadedSteps(), 81);
    const QRect map = qobject_cast<QCustomPlot *>(plot())->axisRects().last()->rect(); // last step at its right end
    QVERIFY(map.right() - plot()->mapFrom(m_view.get(), m_view->cellRect(Quantity::Hidden, 80, 3).center()).x() <
            0.02 * map.width());
    QString error;
    QVERIFY2(m_session->appendText(QStringLiteral("ab"), &error), qPrintable(error));
    QVERIFY(m_session->stepForward());
    QTRY_COMPARE(stepRange(), std::make_pair(-0.5, 81.5));
    open(3);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(stepRange(), std::make_pair(-0.5, 9.5));
    open(205);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(stepRange(), std::make_pair(4.5, 204.5));
  }

  void ctrlWheelZoomsUnits() {
    open(50);
    QVERIFY(!QTest::currentTestFailed());
    // Zoomed in on the steps, the characters of the text label them.
    wheel(plot(), m_view->cellRect(Quantity::Cell, 25, 8).center(), 10);
    m_view->refreshNow();
    QVERIFY(!m_view->following());
    const QRect cell = m_view->cellRect(Quantity::Cell, 25, 8);
    wheel(plot(), cell.center(), 3, Qt::ControlModifier);
    m_view->refreshNow();
    QVERIFY(m_view->loadedSteps() < 50); // the steps kept their zoom
    savePng(*m_view, QStringLiteral("gate_heatmap_view_zoomed.png"));
    QVERIFY(std::isnan(m_view->cellValue(Quantity::Cell, 25, 0)));
    QCOMPARE(m_view->cellValue(Quantity::Cell, 25, 8), double(m_session->trace().value(0, Quantity::Cell, 25, 8)));
  }

  void reactsToSessionSignals() {
    open(600);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(std::isnan(m_view->cellValue(Quantity::Cell, 50, 0)));
    // A cursor far outside the followed window brings it into view and stops following.
    long long before = m_view->refreshCount();
    m_session->setCursor(50);
    QTRY_VERIFY(m_view->refreshCount() > before);
    QVERIFY(!m_view->following());
    QCOMPARE(m_view->cellValue(Quantity::Cell, 50, 0), double(m_session->trace().value(0, Quantity::Cell, 50, 0)));
    // A step while not following leaves the window where it is.
    QString error;
    QVERIFY2(m_session->appendText(QStringLiteral("abc"), &error), qPrintable(error));
    before = m_view->refreshCount();
    QVERIFY(m_session->stepForward());
    QTRY_VERIFY(m_view->refreshCount() > before);
    QVERIFY(std::isnan(m_view->cellValue(Quantity::Cell, 600, 0)));
    // Following again shows the new step.
    m_view->findChild<QToolButton *>(QStringLiteral("followButton"))->click();
    QTRY_COMPARE(m_view->cellValue(Quantity::Cell, 600, 0), double(m_session->trace().value(0, Quantity::Cell, 600, 0)));
    // Stepping while following keeps the end in view: a burst of steps is one or two refreshes, not one per step.
    before = m_view->refreshCount();
    QVERIFY(m_session->stepForward());
    QVERIFY(m_session->stepForward());
    QTRY_COMPARE(m_view->cellValue(Quantity::Cell, 602, 1), double(m_session->trace().value(0, Quantity::Cell, 602, 1)));
    QVERIFY(m_view->refreshCount() - before <= 2);
  }

  void hiddenViewCatchesUpWhenShown() {
    open(30);
    QVERIFY(!QTest::currentTestFailed());
    m_view->hide();
    QString error;
    QVERIFY2(m_session->appendText(QStringLiteral("xyz"), &error), qPrintable(error));
    QVERIFY(m_session->stepForward());
    QVERIFY(m_session->stepForward());
    m_view->show();
    QTRY_COMPARE(m_view->cellValue(Quantity::ForgetGate, 31, 4), double(m_session->trace().value(0, Quantity::ForgetGate, 31, 4)));
  }

  void marksInterventions() {
    open(80);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(m_view->markedRuns(), 0);
    m_session->setCursor(39);
    QString error;
    QVERIFY2(m_session->addIntervention(Intervention::zeroHidden(0, 5), &error), qPrintable(error));
    m_view->refreshNow();
    QCOMPARE(m_view->markedRuns(), 1);
    QCOMPARE(m_view->cellValue(Quantity::Hidden, 60, 5), 0.0);
    QVERIFY(m_view->cellValue(Quantity::Hidden, 20, 5) != 0.0);
    savePng(*m_view, QStringLiteral("gate_heatmap_view_intervention.png"));
  }

  // The built-in model at a docked size: one of its units reaches |c| ≈ 100, which must not set the colour range.
  void builtInModel() {
    m_session = std::make_unique<ExplorerSession>();
    QString error;
    QVERIFY2(m_session->openModel(QStringLiteral(LSTM_SOURCE_DIR "/resources/models/default.lstm"), &error),
             qPrintable(error));
    const QString text =
        QStringLiteral("A classic is something that everyone wants to have read and nobody wants to read.");
    QVERIFY2(m_session->setText(text, &error), qPrintable(error));
    m_view = std::make_unique<GateHeatmapView>(m_session.get());
    m_view->resize(800, 520);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QVERIFY(m_session->runTo(int(text.size())));
    QTRY_COMPARE(m_session->steps(), int(text.size()));
    m_view->refreshNow();
    savePng(*m_view, QStringLiteral("gate_heatmap_view_builtin.png"));
    // 128 units in a short map: rows at least 3 px tall, the first ones in view, one unit each, as recorded.
    QVERIFY2(m_view->rowPixels() >= 3.0, qPrintable(QString::number(m_view->rowPixels())));
    QVERIFY(m_view->loadedUnits() < m_session->units());
    const Trace &trace = m_session->trace();
    for (int unit = 0; unit < m_view->loadedUnits(); ++unit)
      QCOMPARE(m_view->cellValue(Quantity::Cell, 40, unit), double(trace.value(0, Quantity::Cell, 40, unit)));
    QVERIFY(std::isnan(m_view->cellValue(Quantity::Cell, 40, m_session->units() - 1)));
    // Clipped: some cells go beyond the c scale, which is the 99th percentile of |c| in the steps in view, over
    // every unit (also those scrolled out of view).
    const double limit = m_view->colourRange(Quantity::Cell).second;
    QCOMPARE(limit, percentileOfLoadedCells(0, int(text.size())));
    QVERIFY(limit < cellMagnitudes(0, int(text.size())).back());
    // The step axis under the bottom map takes no height from it: all six maps are equally tall, and as tall as
    // the margins for the tick labels allow.
    auto *layout = qobject_cast<QCustomPlot *>(plot())->plotLayout();
    const auto height = [layout](int row) { return layout->element(row, 0)->rect().height(); };
    for (int i = 1; i < 6; ++i)
      QVERIFY(std::abs(height(i) - height(0)) <= 1);
    QVERIFY(height(0) >= 55);
  }

  // Regression: the c colour scale spanned ±max|c| in view, so one runaway unit (|c| ≈ 100 in the built-in model)
  // washed out every other row.
  void hugeCellDoesNotSetColourRange() {
    open(150, 1, 128);
    QVERIFY(!QTest::currentTestFailed());
    m_view->resize(900, 1100);
    m_view->refreshNow();
    m_session->setCursor(0);
    QString error;
    QVERIFY2(m_session->addIntervention(Intervention::setCell(0, 8, 100.0f), &error), qPrintable(error));
    m_view->refreshNow();
    QVERIFY(m_view->rowPixels() >= 3.0);
    QCOMPARE(m_view->cellValue(Quantity::Cell, 100, 8), 100.0);
    QCOMPARE(m_view->cellValue(Quantity::Cell, 100, 9), double(m_session->trace().value(0, Quantity::Cell, 100, 9)));
    const auto [low, high] = m_view->colourRange(Quantity::Cell);
    QCOMPARE(low, -high);
    QCOMPARE(high, percentileOfLoadedCells(0, 150));
    QVERIFY2(high >= 1.0 && high < 10.0, qPrintable(QString::number(high)));
    // The other units keep their contrast: many of their cells reach a good part of the scale.
    int strong = 0, others = 0;
    for (int step = 0; step < 150; ++step)
      for (int unit = 0; unit < 128; ++unit)
        if (unit != 8) {
          ++others;
          strong += std::abs(m_session->trace().value(0, Quantity::Cell, step, unit)) > 0.25 * high;
        }
    QVERIFY2(strong > others / 5, qPrintable(QStringLiteral("%1 of %2").arg(strong).arg(others)));
    QCOMPARE(m_view->colourRange(Quantity::InputGate), std::make_pair(0.0, 1.0));
    QCOMPARE(m_view->colourRange(Quantity::Hidden), std::make_pair(-1.0, 1.0));

    // The clip is explained on the scale and where a cell goes beyond it.
    const QString limit = QString::number(high, 'g', 3);
    QVERIFY(m_view->colourScaleToolTip(Quantity::Cell).startsWith(QStringLiteral("c, clipped at ±") + limit));
    auto *scale = qobject_cast<QCustomPlot *>(plot())->plotLayout()->element(4, 1);
    QTest::mouseMove(plot(), scale->outerRect().center());
    QTRY_COMPARE(QToolTip::text(), m_view->colourScaleToolTip(Quantity::Cell));
    QTest::mouseMove(plot(), plot()->mapFrom(m_view.get(), m_view->cellRect(Quantity::Cell, 100, 8).center()));
    QTRY_VERIFY(QToolTip::text().endsWith(QStringLiteral("c = 100.000 (beyond the colour scale's ±%1)").arg(limit)));
    savePng(*m_view, QStringLiteral("gate_heatmap_view_clipped.png"));
  }

  void exportsPngAndPdf() {
    open(40);
    QVERIFY(!QTest::currentTestFailed());
    QTemporaryDir dir;
    QString error;
    const QString png = dir.filePath(QStringLiteral("heatmap.png"));
    QVERIFY2(m_view->exportImage(png, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), plot()->size());
    const QString pdf = dir.filePath(QStringLiteral("heatmap.PDF"));
    QVERIFY2(m_view->exportImage(pdf, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(4), QByteArray("%PDF"));

    const QString svg = dir.filePath(QStringLiteral("heatmap.svg"));
    QVERIFY(!m_view->exportImage(svg, &error));
    QCOMPARE(error, svg + QStringLiteral(": unsupported format (use .png or .pdf)"));
    const QString missing = dir.filePath(QStringLiteral("no/such/dir/heatmap.png"));
    QVERIFY(!m_view->exportImage(missing, &error));
    QCOMPARE(error, missing + QStringLiteral(": could not write the file"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2); // no temporary left behind
  }
};

QTEST_MAIN(TestGateHeatmapView)
#include "tst_gate_heatmap_view.moc"
