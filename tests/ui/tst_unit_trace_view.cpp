// UnitTraceView: one graph per traced unit with the trace's values, quantity choice, adding and removing units
// (legend selection), clicks moving the cursor, windowing with a min/max envelope at 20 000 steps, export.
#include "common/qcustomplot_include.h"
#include "common/quantity_style.h"
#include "explorer/explorer_session.h"
#include "explorer/unit_trace_view.h"
#include "ui_test_models.h"
#include "ui_test_helpers.h"
#include "view_test_fixture.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>

using namespace lstm;
using test::savePng;
using test::makeText;

namespace {

constexpr int kUnits = 16;

} // namespace

class TestUnitTraceView : public QObject, public test::ViewFixture<UnitTraceView> {
  Q_OBJECT

  // Callers check QTest::currentTestFailed() after it.
  void open(int steps) {
    ViewFixture::open(
        {.units = kUnits, .text = makeText(steps), .steps = steps, .size = {800, 360}, .readTimeoutMs = 240000});
  }

  QCustomPlot *plot() const { return m_view->findChild<QCustomPlot *>(QStringLiteral("unitTracePlot")); }
  template <class T> T *child(const char *name) const { return m_view->findChild<T *>(QString::fromLatin1(name)); }

  void addUnit(int unit) {
    child<QSpinBox>("addUnitSpin")->setValue(unit);
    QTest::mouseClick(child<QPushButton>("addUnitButton"), Qt::LeftButton);
  }

  void compareWithTrace(Quantity q, int unit, int steps) {
    for (int step = 0; step < steps; ++step)
      QCOMPARE(m_view->shownValue(unit, step), double(m_session->trace().value(0, q, step, unit)));
  }

private Q_SLOTS:
  void cleanup() { close(); }

  void emptySessionIsHarmless() {
    ExplorerSession session;
    UnitTraceView view(&session);
    view.resize(500, 300);
    view.show();
    view.refreshNow();
    QCOMPARE(view.objectName(), QStringLiteral("unitTraceView"));
    QCOMPARE(view.graphCount(), 0);
    QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("addUnitButton"))->isEnabled());
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("removeUnitButton")), Qt::LeftButton);
    session.setModel(test::randomCharModel(test::kTestAlphabet, kUnits), QStringLiteral("test"));
    view.refreshNow();
    QCOMPARE(view.graphCount(), 1); // a new model traces unit 0
    QCOMPARE(view.loadedPoints(0), 0);
    QVERIFY(!view.grab().isNull());
  }

  void graphsShowTheTracedUnits() {
    open(80);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(m_view->quantity(), m_session->selectedQuantity());
    QCOMPARE(child<QComboBox>("traceQuantityCombo")->currentData().toInt(), int(m_session->selectedQuantity()));
    addUnit(3);
    addUnit(11);
    m_view->refreshNow();
    QCOMPARE(m_view->graphCount(), 3);
    QCOMPARE(m_view->shownUnits(), (QList<int>{0, 3, 11}));
    QCOMPARE(m_session->tracedUnits(), (std::vector<int>{0, 3, 11}));
    QCOMPARE(plot()->graph(1)->name(), QStringLiteral("unit 3"));
    QVERIFY(plot()->graph(1)->pen().color() != plot()->graph(2)->pen().color());
    for (int unit : {0, 3, 11})
      compareWithTrace(m_session->selectedQuantity(), unit, 80);
    // Following fewer steps than the follow width: the steps span the whole plot, not 80 of 200.
    QVERIFY(m_view->following());
    QCOMPARE(plot()->xAxis->range().lower, -0.5);
    QCOMPARE(plot()->xAxis->range().upper, 79.5);
    savePng(*m_view, QStringLiteral("unit_trace_view.png"));

    // Another quantity from the combo; the session's choice still wins when it changes.
    auto *combo = child<QComboBox>("traceQuantityCombo");
    combo->setCurrentIndex(combo->findData(int(Quantity::ForgetGate)));
    m_view->refreshNow();
    QCOMPARE(m_view->quantity(), Quantity::ForgetGate);
    compareWithTrace(Quantity::ForgetGate, 3, 80);
    m_session->selectQuantity(Quantity::Hidden);
    QTRY_COMPARE(m_view->quantity(), Quantity::Hidden);
    QCOMPARE(combo->currentData().toInt(), int(Quantity::Hidden));
    compareWithTrace(Quantity::Hidden, 11, 80);
  }

  void removesLastOrSelectedUnit() {
    open(30);
    QVERIFY(!QTest::currentTestFailed());
    for (int unit : {4, 5, 6})
      addUnit(unit);
    m_view->refreshNow();
    QCOMPARE(m_view->graphCount(), 4);
    QTest::mouseClick(child<QPushButton>("removeUnitButton"), Qt::LeftButton);
    m_view->refreshNow();
    QCOMPARE(m_view->shownUnits(), (QList<int>{0, 4, 5}));
    // Select "unit 4" in the legend, then remove it.
    const QRect entry = plot()->legend->item(1)->rect();
    QTest::mouseClick(plot(), Qt::LeftButton, {}, entry.center());
    QVERIFY(plot()->legend->item(1)->selected());
    QCOMPARE(m_session->cursor(), 29); // a click on the legend does not move the cursor
    QTest::mouseClick(child<QPushButton>("removeUnitButton"), Qt::LeftButton);
    m_view->refreshNow();
    QCOMPARE(m_view->shownUnits(), (QList<int>{0, 5}));
    QCOMPARE(m_session->tracedUnits(), (std::vector<int>{0, 5}));
    compareWithTrace(m_view->quantity(), 5, 30);
  }

  void clickMovesTheCursor() {
    open(60);
    QVERIFY(!QTest::currentTestFailed());
    const QRect at = m_view->stepRect(12);
    QVERIFY(at.isValid());
    QTest::mouseClick(plot(), Qt::LeftButton, {}, plot()->mapFrom(m_view.get(), at.center()));
    QCOMPARE(m_session->cursor(), 12);
  }

  // The inspected step is a highlighted column, one step wide, that follows the cursor.
  void cursorColumnFollowsTheCursor() {
    open(60);
    QVERIFY(!QTest::currentTestFailed());
    const auto column = [this]() -> QCPItemRect * {
      for (int k = 0; k < plot()->itemCount(); ++k)
        if (plot()->item(k)->objectName() == QStringLiteral("cursorColumn"))
          return qobject_cast<QCPItemRect *>(plot()->item(k));
      return nullptr;
    };
    QVERIFY(column());
    for (int step : {12, 40}) {
      m_session->setCursor(step);
      m_view->refreshNow();
      QVERIFY(column()->visible());
      QVERIFY(column()->layer()->index() > plot()->graph(0)->layer()->index()); // drawn over the lines
      const double left = column()->topLeft->pixelPosition().x(), right = column()->bottomRight->pixelPosition().x();
      const double at = plot()->mapFrom(m_view.get(), m_view->stepRect(step).center()).x();
      const double next = plot()->mapFrom(m_view.get(), m_view->stepRect(step + 1).center()).x();
      QVERIFY2(left < at && at < right, qPrintable(QStringLiteral("%1 in %2…%3").arg(at).arg(left).arg(right)));
      QVERIFY(next > right && right - left > 3.0);
    }
  }

  void windowsWithEnvelopeAtScale() {
    open(20000);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(m_view->following());
    QCOMPARE(m_view->loadedPoints(0), 200);
    QVERIFY(std::isnan(m_view->shownValue(0, 19799)));
    QCOMPARE(m_view->shownValue(0, 19999), double(m_session->trace().value(0, m_view->quantity(), 19999, 0)));
    // Zoomed out to every step: at most two points per pixel column, and the extremes survive.
    plot()->xAxis->setRange(-100000, 100000);
    m_view->refreshNow();
    QVERIFY(!m_view->following());
    QVERIFY(m_view->loadedPoints(0) > 100);
    QVERIFY(m_view->loadedPoints(0) <= 2 * plot()->axisRect()->width());
    const auto column = m_session->trace().quantity(0, m_view->quantity()).col(0);
    double shownMax = -1e9, shownMin = 1e9;
    for (const QCPGraphData &point : *plot()->graph(0)->data()) {
      shownMax = std::max(shownMax, point.value);
      shownMin = std::min(shownMin, point.value);
    }
    QCOMPARE(shownMax, double(column.maxCoeff()));
    QCOMPARE(shownMin, double(column.minCoeff()));
    savePng(*m_view, QStringLiteral("unit_trace_view_all.png"));
    QTest::mouseClick(child<QToolButton>("followButton"), Qt::LeftButton);
    m_view->refreshNow();
    QCOMPARE(m_view->loadedPoints(0), 200);
  }

  void followsAndRecentresOnACursorJump() {
    open(600);
    QVERIFY(!QTest::currentTestFailed());
    const Trace &trace = m_session->trace();
    QVERIFY(m_view->following());
    QVERIFY(std::isnan(m_view->shownValue(0, 50)));
    // A cursor far outside the followed window (a click in another view) brings it into view, following stops.
    m_session->setCursor(50);
    QTRY_COMPARE(m_view->shownValue(0, 50), double(trace.value(0, m_view->quantity(), 50, 0)));
    QVERIFY(!m_view->following());
    QVERIFY(!child<QToolButton>("followButton")->isChecked());
    QVERIFY(m_view->stepRect(50).isValid());
    // A step while not following leaves the window where it is.
    QString error;
    QVERIFY2(m_session->appendText(QStringLiteral("abc"), &error), qPrintable(error));
    const long long before = m_view->refreshCount();
    QVERIFY(m_session->stepForward());
    QTRY_VERIFY(m_view->refreshCount() > before);
    QVERIFY(std::isnan(m_view->shownValue(0, 600)));
    QVERIFY(m_view->stepRect(50).isValid());
    // The follow button returns to the end.
    QTest::mouseClick(child<QToolButton>("followButton"), Qt::LeftButton);
    QTRY_COMPARE(m_view->shownValue(0, 600), double(trace.value(0, m_view->quantity(), 600, 0)));
    QVERIFY(m_view->following());
    QVERIFY(!m_view->stepRect(50).isValid());
  }

  void exportsPngAndPdf() {
    open(40);
    QVERIFY(!QTest::currentTestFailed());
    QTemporaryDir dir;
    QString error;
    const QString png = dir.filePath(QStringLiteral("traces.png"));
    QVERIFY2(m_view->exportImage(png, &error), qPrintable(error));
    QVERIFY(!QImage(png).isNull());
    const QString pdf = dir.filePath(QStringLiteral("traces.pdf"));
    QVERIFY2(m_view->exportImage(pdf, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(4), QByteArray("%PDF"));
    QVERIFY(!m_view->exportImage(dir.filePath(QStringLiteral("traces.jpg")), &error));
    QVERIFY(error.endsWith(QStringLiteral(": unsupported format (use .png or .pdf)")));
  }
};

QTEST_MAIN(TestUnitTraceView)
#include "tst_unit_trace_view.moc"
