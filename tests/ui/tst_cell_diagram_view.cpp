// computeStepValues against the trace (pre-activations recomputed in double, the cell and hidden identities, the
// documented deviations under interventions) and the CellDiagramView that draws them.
#include "explorer/cell_diagram_view.h"
#include "explorer/explorer_session.h"
#include "explorer/step_values.h"
#include "ui_test_models.h"
#include "ui_test_helpers.h"
#include "view_test_fixture.h"

#include <QTest>

#include <cmath>

using namespace lstm;
using test::savePng;

namespace {

const QString kText = QStringLiteral("hello world, (quite) a \"test\".\nAnd 春眠不觉晓 too.\n");

// Pixels of the intervention mark colour (230, 110, 0), give or take antialiasing.
int markPixels(const QImage &image) {
  int count = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) {
      const QColor c = image.pixelColor(x, y);
      count += std::abs(c.red() - 230) < 12 && std::abs(c.green() - 110) < 12 && c.blue() < 12;
    }
  return count;
}

} // namespace

class TestCellDiagramView : public QObject, public test::SessionFixture {
  Q_OBJECT

  void open(int layers, int steps, const std::vector<Intervention> &interventions = {}) {
    SessionFixture::open({.units = 7, .layers = layers, .text = kText, .steps = steps, .interventions = interventions});
  }

private Q_SLOTS:
  void cleanup() { close(); }

  void valuesMatchTheTrace_data() {
    QTest::addColumn<int>("layers");
    QTest::addColumn<int>("layer");
    QTest::newRow("one layer") << 1 << 0;
    QTest::newRow("second of two layers") << 2 << 1;
  }
  void valuesMatchTheTrace() {
    QFETCH(int, layers);
    QFETCH(int, layer);
    open(layers, 30);
    if (QTest::currentTestFailed())
      return;
    const Trace &trace = m_session->trace();
    for (int step : {0, 1, 12, 29})
      for (int unit : {0, 3, 6}) {
        const StepValues v = computeStepValues(*m_session, layer, unit, step);
        QVERIFY(v.valid);
        QCOMPARE(v.token, m_session->tapeToken(step));
        QCOMPARE(v.tokenLabel, m_session->tokenLabel(v.token));
        for (int g = 0; g < 4; ++g) {
          const auto k = std::size_t(g);
          QVERIFY(std::abs(v.preActivation[k] - double(trace.value(layer, Quantity(int(Quantity::InputPre) + g), step, unit))) < 1e-5);
          QCOMPARE(v.preActivation[k], v.inputPart[k] + v.recurrentPart[k] + v.bias[k]);
          QVERIFY(std::abs(v.activation[k] - v.gate[k]) < 1e-6);
          QCOMPARE(v.gate[k], double(trace.value(layer, Quantity(g), step, unit)));
          QVERIFY(!v.gateClamped[k]);
        }
        const double previousHidden = step > 0 ? double(trace.value(layer, Quantity::Hidden, step - 1, unit))
                                               : double(trace.initialHidden(layer)[std::size_t(unit)]);
        QCOMPARE(v.hiddenPrev, previousHidden);
        QVERIFY(std::abs(v.cell - (v.gateValue(Gate::Forget) * v.cellPrev + v.inputTerm)) < 1e-5);
        QVERIFY(std::abs(v.cell - v.cellComputed) < 1e-5);
        QVERIFY(std::abs(v.hidden - v.gateValue(Gate::Output) * std::tanh(v.cell)) < 1e-5);
        QVERIFY(!v.cellChanged && !v.hiddenChanged && v.interventions.empty());
        if (layer > 0) {
          QCOMPARE(int(v.input.size()), 7);
          QCOMPARE(v.input[2], double(trace.value(layer - 1, Quantity::Hidden, step, 2)));
        } else {
          QVERIFY(v.input.empty()); // one-hot: a column of W_ih
        }
      }
  }

  void outOfRangeIsInvalid() {
    ExplorerSession empty;
    QVERIFY(!computeSelectedStepValues(empty).valid);
    open(1, 5);
    if (QTest::currentTestFailed())
      return;
    QVERIFY(!computeStepValues(*m_session, 0, 0, 5).valid);
    QVERIFY(!computeStepValues(*m_session, 0, 7, 0).valid);
    QVERIFY(!computeStepValues(*m_session, 1, 0, 0).valid);
    QVERIFY(!computeStepValues(*m_session, 0, 0, -1).valid);
  }

  void clampedGateDeviates() {
    open(1, 12, {Intervention::clampGate(0, 2, Gate::Forget, 0.0f)});
    if (QTest::currentTestFailed())
      return;
    const StepValues v = computeStepValues(*m_session, 0, 2, 8);
    QVERIFY(v.gateClamped[std::size_t(Gate::Forget)]);
    QCOMPARE(v.gateValue(Gate::Forget), 0.0);
    QVERIFY(v.activation[std::size_t(Gate::Forget)] > 0.0); // σ(a) is what the gate would have been
    QVERIFY(std::abs(v.cell - v.inputTerm) < 1e-6);        // c_t = 0·c_{t−1} + i·g
    QVERIFY(std::abs(v.hidden - v.gateValue(Gate::Output) * std::tanh(v.cell)) < 1e-5);
    QCOMPARE(int(v.interventions.size()), 1);
    // Other units are untouched.
    const StepValues other = computeStepValues(*m_session, 0, 3, 8);
    QVERIFY(!other.gateClamped[std::size_t(Gate::Forget)] && other.interventions.empty());
  }

  void changedCellAndHiddenDeviate() {
    open(1, 12, {Intervention::setCell(0, 1, 2.0f), Intervention::zeroHidden(0, 4)});
    if (QTest::currentTestFailed())
      return;
    const StepValues set = computeStepValues(*m_session, 0, 1, 6);
    QVERIFY(set.cellChanged && !set.hiddenChanged);
    QCOMPARE(set.cell, 2.0);
    QVERIFY(std::abs(set.cellComputed - 2.0) > 1e-3);
    QCOMPARE(set.cellPrev, 2.0); // the previous step was set too, and carried on
    QVERIFY(std::abs(set.hidden - set.gateValue(Gate::Output) * std::tanh(2.0)) < 1e-5);
    const StepValues zeroed = computeStepValues(*m_session, 0, 4, 6);
    QVERIFY(zeroed.hiddenChanged && !zeroed.cellChanged);
    QCOMPARE(zeroed.hidden, 0.0);
    QCOMPARE(zeroed.hiddenPrev, 0.0);
    QVERIFY(std::abs(zeroed.hiddenComputed) > 1e-6);
    QVERIFY(std::abs(zeroed.cell - zeroed.cellComputed) < 1e-5);
  }

  void diagramShowsTheCursorStep() {
    open(2, 20);
    if (QTest::currentTestFailed())
      return;
    CellDiagramView view(m_session.get());
    QCOMPARE(view.objectName(), QStringLiteral("cellDiagramView"));
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    StepValues shown = view.shownValues();
    QVERIFY(shown.valid);
    QCOMPARE(shown.step, 19);
    QCOMPARE(shown.gate[std::size_t(Gate::Output)], double(m_session->trace().value(0, Quantity::OutputGate, 19, 0)));
    QCOMPARE(shown.cell, double(m_session->trace().value(0, Quantity::Cell, 19, 0)));
    savePng(view, QStringLiteral("cell_diagram.png"));

    m_session->setCursor(4);
    QTRY_COMPARE(view.shownValues().step, 4);
    m_session->selectUnit(1, 5);
    QTRY_COMPARE(view.shownValues().unit, 5);
    shown = view.shownValues();
    QCOMPARE(shown.layer, 1);
    QCOMPARE(shown.hidden, double(m_session->trace().value(1, Quantity::Hidden, 4, 5)));
    const QImage small = view.grab().toImage();
    view.resize(1800, 1000); // projector size: the drawing scales
    QVERIFY(!view.grab().isNull());
    QCOMPARE(small.size(), QSize(900, 500));
  }

  void diagramMarksInterventions() {
    open(1, 10);
    if (QTest::currentTestFailed())
      return;
    CellDiagramView view(m_session.get());
    view.resize(800, 450);
    m_session->selectUnit(0, 2);
    m_session->setCursor(3);
    view.refreshNow();
    QCOMPARE(markPixels(view.grab().toImage()), 0);
    QString error;
    QVERIFY(m_session->addIntervention(Intervention::clampGate(0, 2, Gate::Input, 1.0f), &error));
    QVERIFY(m_session->addIntervention(Intervention::addCell(0, 2, 0.5f), &error));
    m_session->setCursor(6); // re-run from step 3 on, that step included
    view.refreshNow();
    const StepValues shown = view.shownValues();
    QVERIFY(shown.gateClamped[std::size_t(Gate::Input)]);
    QVERIFY(shown.cellChanged);
    QCOMPARE(shown.gateValue(Gate::Input), 1.0);
    QVERIFY(markPixels(view.grab().toImage()) > 200);
    savePng(view, QStringLiteral("cell_diagram_intervention.png"));
  }

  void noCursorShowsAHint() {
    ExplorerSession session;
    CellDiagramView view(&session);
    view.resize(400, 240);
    view.refreshNow();
    QVERIFY(!view.shownValues().valid);
    QVERIFY(!view.grab().isNull());
    session.setModel(test::randomCharModel(test::kTestAlphabet, 4), QStringLiteral("test"));
    view.refreshNow();
    QVERIFY(!view.shownValues().valid); // a model but no step yet
  }
};

QTEST_MAIN(TestCellDiagramView)
#include "tst_cell_diagram_view.moc"
