// Series models in the explorer: the session's tape of numbers read one value per step
// (scaled with the model's metadata), exact undo, interventions, autoregressive write mode, refusals, and the
// text, heatmap, next-value and input views on a series — including the shipped Mackey–Glass example.
#include "common/quantity_style.h"
#include "explorer/cell_diagram_view.h"
#include "explorer/equations_view.h"
#include "data/generators.h"
#include "explore/forecast.h"
#include "explorer/explorer_session.h"
#include "explorer/gate_heatmap_view.h"
#include "explorer/next_token_view.h"
#include "explorer/step_values.h"
#include "explorer/text_input_panel.h"
#include "explorer/text_view.h"
#include "io/model_metadata.h"
#include "ui_test_models.h"
#include "ui_test_helpers.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <cmath>

using namespace lstm;
using test::sameState;
using test::savePng;

namespace {

constexpr double kMean = 10.0, kStddev = 2.0;

// Dense(1) → Regression(1), H 8, L 2, random weights, scaling {mean 10, stddev 2} in its metadata.
std::shared_ptr<const Model> randomSeriesModel(std::uint64_t seed = 3, double scale = 3.0) {
  auto model = std::make_shared<Model>();
  model->config.input = InputKind::Dense;
  model->config.inputSize = 1;
  model->config.head = HeadKind::Regression;
  model->config.outputSize = 1;
  model->config.hiddenSize = 8;
  model->config.numLayers = 2;
  model->parameters = Parameters<float>(model->config);
  Rng rng(seed);
  initializeParameters(model->parameters, rng);
  model->parameters.flat() *= float(scale);
  ModelMetadata metadata;
  metadata.series = SeriesRecord{};
  metadata.series->scaling = SeriesScaling{kMean, kStddev};
  model->metadata = toJson(metadata);
  return model;
}

std::vector<double> sine(int length) {
  std::vector<double> values(static_cast<std::size_t>(length));
  for (int k = 0; k < length; ++k)
    values[std::size_t(k)] = kMean + 3.0 * std::sin(0.3 * k) + 0.01 * k;
  return values;
}

} // namespace

class TestSeriesSession : public QObject {
  Q_OBJECT

  std::unique_ptr<ExplorerSession> m_session;

  // Callers check QTest::currentTestFailed() after it.
  void open(int length, int steps) {
    m_session = std::make_unique<ExplorerSession>();
    m_session->setModel(randomSeriesModel(), QStringLiteral("test"));
    QString error;
    QVERIFY2(m_session->setSeries(sine(length), &error), qPrintable(error));
    QCOMPARE(m_session->stepMany(steps), steps);
  }

private Q_SLOTS:
  void cleanup() { m_session.reset(); }

  void readsOneScaledValuePerStep() {
    open(60, 50);
    if (QTest::currentTestFailed())
      return;
    QVERIFY(m_session->isSeriesTape());
    QCOMPARE(m_session->tapeLength(), 60);
    QCOMPARE(m_session->tapeToken(3), -1);
    const Trace &trace = m_session->trace();
    QCOMPARE(trace.steps(), 50);
    QCOMPARE(m_session->cursor(), 49);
    const std::vector<double> values = sine(60);
    const SeriesScaling scaling = *seriesScalingOf(m_session->model());
    QCOMPARE(scaling.mean, kMean);
    for (int s = 0; s < 50; ++s) {
      QCOMPARE(m_session->tapeValue(s), values[std::size_t(s)]);
      QCOMPARE(trace.token(s), -1);
      QCOMPARE(trace.input(s).size(), std::size_t(1));
      QCOMPARE(trace.input(s)[0], float((values[std::size_t(s)] - kMean) / kStddev));
      QCOMPARE(m_session->predictionAt(s), scaling.invert(double(trace.prediction(s)[0])));
      // The loss of a step is known once the next value is read: the squared error in scaled units.
      if (s + 1 < 50) {
        const float error = trace.prediction(s)[0] - trace.input(s + 1)[0];
        QVERIFY(std::abs(trace.loss(s) - error * error) <= 1e-6f);
      }
    }
    QVERIFY(std::isnan(trace.loss(49)));
    QVERIFY(std::isnan(m_session->predictionAt(50)));
    QVERIFY(std::isnan(m_session->predictionAt(-1)));
  }

  void stepBackAndReRunAreExact() {
    open(60, 20);
    if (QTest::currentTestFailed())
      return;
    const NetworkState before = m_session->state();
    const double predicted = m_session->predictionAt(19);
    QVERIFY(m_session->stepForward());
    QCOMPARE(m_session->steps(), 21);
    QVERIFY(m_session->stepBack());
    QCOMPARE(m_session->steps(), 20);
    QVERIFY(sameState(m_session->state(), before));
    QCOMPARE(m_session->predictionAt(19), predicted);
    QVERIFY(m_session->runTo(10));
    QCOMPARE(m_session->steps(), 10);
    QVERIFY(m_session->runTo(20));
    QTRY_COMPARE(m_session->steps(), 20);
    QVERIFY(sameState(m_session->state(), before));
    // Read mode stops at the end of the series with a message naming it.
    QSignalSpy messages(m_session.get(), &ExplorerSession::message);
    QCOMPARE(m_session->stepMany(100), 40);
    QVERIFY(!m_session->stepForward());
    QCOMPARE(messages.count(), 1);
    QVERIFY(messages.front().front().toString().contains(QStringLiteral("series")));
    m_session->reset();
    QCOMPARE(m_session->steps(), 0);
    QCOMPARE(m_session->tapeLength(), 60);
  }

  void interventionReRunsTheStepsFromTheCursor() {
    open(60, 40);
    if (QTest::currentTestFailed())
      return;
    const Trace &trace = m_session->trace();
    const float cellBefore = trace.value(1, Quantity::Cell, 30, 3);
    const double predictionBefore = m_session->predictionAt(30);
    m_session->setCursor(20); // the intervention acts from the inspected step on, that step included
    QString error;
    QVERIFY2(m_session->addIntervention(Intervention::setCell(1, 3, 5.0f), &error), qPrintable(error));
    QCOMPARE(m_session->steps(), 40);
    QCOMPARE(m_session->cursor(), 20);
    // Steps 0…19 keep their values; 20… ran with c = 5 and read the same values as before.
    QCOMPARE(trace.value(1, Quantity::Cell, 19, 3) == 5.0f, false);
    QCOMPARE(trace.value(1, Quantity::Cell, 20, 3), 5.0f);
    QCOMPARE(trace.value(1, Quantity::Cell, 30, 3), 5.0f);
    QVERIFY(trace.value(1, Quantity::Cell, 30, 3) != cellBefore);
    QVERIFY(m_session->predictionAt(30) != predictionBefore);
    const std::vector<double> values = sine(60);
    for (int s = 0; s < 40; ++s)
      QCOMPARE(trace.input(s)[0], float((values[std::size_t(s)] - kMean) / kStddev));
    m_session->removeIntervention(0);
    QCOMPARE(trace.value(1, Quantity::Cell, 30, 3), cellBefore);
    QCOMPARE(m_session->predictionAt(30), predictionBefore);
  }

  void writeModeFeedsThePredictionBack() {
    open(10, 10);
    if (QTest::currentTestFailed())
      return;
    QSignalSpy tapeSpy(m_session.get(), &ExplorerSession::tapeChanged);
    m_session->setMode(DriveMode::Write);
    QCOMPARE(m_session->mode(), DriveMode::Write);
    QCOMPARE(m_session->stepMany(15), 15);
    QCOMPARE(tapeSpy.count(), 1);
    QCOMPARE(m_session->tapeLength(), 25);
    const Trace &trace = m_session->trace();
    for (int s = 10; s < 25; ++s) {
      QCOMPARE(m_session->tapeValue(s), m_session->predictionAt(s - 1));
      QCOMPARE(trace.input(s)[0], float((m_session->tapeValue(s) - kMean) / kStddev));
    }
    // Undo and step again: the same forecast, as the model is deterministic.
    const double last = m_session->tapeValue(24);
    QVERIFY(m_session->stepBack());
    QVERIFY(m_session->stepForward());
    QCOMPARE(m_session->tapeValue(24), last);
    // Writing after an earlier cursor replaces the continuation; read mode then re-reads the written values.
    QVERIFY(m_session->runTo(12));
    QCOMPARE(m_session->stepMany(3), 3);
    QCOMPARE(m_session->tapeLength(), 15);
    m_session->setMode(DriveMode::Read);
    m_session->reset();
    QCOMPARE(m_session->stepMany(100), 15);
    QCOMPARE(m_session->predictionAt(13), m_session->tapeValue(14));

    // An empty tape starts writing from the series mean.
    QString error;
    QVERIFY(m_session->setSeries({}, &error));
    m_session->setMode(DriveMode::Write);
    QCOMPARE(m_session->stepMany(5), 5);
    QCOMPARE(m_session->tapeValue(0), kMean);
    QCOMPARE(m_session->trace().input(0)[0], 0.0f);
  }

  void setWeightsReReadsTheSeries() {
    open(60, 30);
    if (QTest::currentTestFailed())
      return;
    const double before = m_session->predictionAt(29);
    QVERIFY(m_session->setWeights(randomSeriesModel(7), QStringLiteral("other")));
    QCOMPARE(m_session->steps(), 30);
    QCOMPARE(m_session->tapeLength(), 60);
    QCOMPARE(m_session->trace().input(29)[0], float((sine(60)[29] - kMean) / kStddev));
    QVERIFY(m_session->predictionAt(29) != before);
  }

  void mismatchedInputIsRefused() {
    open(20, 5);
    if (QTest::currentTestFailed())
      return;
    QSignalSpy tapeSpy(m_session.get(), &ExplorerSession::tapeChanged);
    QString error;
    QVERIFY(!m_session->setText(QStringLiteral("abc"), &error));
    QVERIFY(error.contains(QStringLiteral("series")));
    error.clear();
    QVERIFY(!m_session->appendText(QStringLiteral("abc"), &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!m_session->setSeries({1.0, std::nan(""), 2.0}, &error));
    QVERIFY(error.contains(QStringLiteral("2")));
    QVERIFY(!m_session->setSeries({1.0, INFINITY}, &error));
    QCOMPARE(tapeSpy.count(), 0);
    QCOMPARE(m_session->tapeLength(), 20);
    QCOMPARE(m_session->steps(), 5);

    ExplorerSession text;
    text.setModel(test::randomCharModel(test::kTestAlphabet, 6), QStringLiteral("char"));
    QVERIFY(!text.isSeriesTape());
    error.clear();
    QVERIFY(!text.setSeries({1.0, 2.0}, &error));
    QVERIFY(error.contains(QStringLiteral("text")));
    QVERIFY(text.setText(QStringLiteral("abc"), &error));
    QVERIFY(std::isnan(text.predictionAt(0)));
  }

  void viewsShowTheSeries() {
    open(80, 50);
    if (QTest::currentTestFailed())
      return;
    m_session->selectUnit(1, 2);
    m_session->selectQuantity(Quantity::Hidden);
    TextView view(m_session.get());
    view.resize(560, 420);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.refreshNow();
    QCOMPARE(view.cellText(4), formatSeriesValue(m_session->tapeValue(4)));
    QCOMPARE(view.cellText(80), QString());
    // Equal cells in rows: the grid stays aligned.
    QCOMPARE(view.characterRect(1).width(), view.characterRect(0).width());
    QCOMPARE(view.characterRect(1).left(), view.characterRect(0).right() + 1);
    const QImage image = view.viewport()->grab().toImage();
    const QuantityRange range = unitRange(m_session->trace(), 1, Quantity::Hidden, 2);
    for (int index : {0, 7, 30}) {
      const QRect cell = view.characterRect(index);
      QVERIFY(view.viewport()->rect().contains(cell));
      const QColor expected =
          quantityColor(Quantity::Hidden, double(m_session->trace().value(1, Quantity::Hidden, index, 2)), range);
      QCOMPARE(image.pixelColor(cell.topLeft() + QPoint(1, 2)).rgb(), expected.rgb());
    }
    QVERIFY(view.toolTipText(7).contains(formatSeriesValue(m_session->predictionAt(7))));
    QVERIFY(view.toolTipText(7).contains(formatSeriesValue(m_session->tapeValue(8))));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.characterRect(7).center());
    QCOMPARE(m_session->cursor(), 7);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.characterRect(60).center());
    QTRY_COMPARE(m_session->steps(), 61);
    m_session->setCursor(40);
    view.refreshNow();
    savePng(view, QStringLiteral("series_text_view.png"));

    // Writing appends cells.
    m_session->setMode(DriveMode::Write);
    QCOMPARE(m_session->stepMany(30), 30);
    view.refreshNow();
    QCOMPARE(view.cellText(85), formatSeriesValue(m_session->tapeValue(85)));

    GateHeatmapView heatmap(m_session.get());
    heatmap.resize(700, 420);
    heatmap.show();
    QVERIFY(QTest::qWaitForWindowExposed(&heatmap));
    heatmap.refreshNow();
    QCOMPARE(heatmap.loadedSteps(), 91);
    QCOMPARE(heatmap.cellValue(Quantity::Hidden, 12, 2), double(m_session->trace().value(1, Quantity::Hidden, 12, 2)));
    savePng(heatmap, QStringLiteral("series_gate_heatmap.png"));
  }

  void nextValueAndStepValuesUseOriginalUnits() {
    open(60, 30);
    if (QTest::currentTestFailed())
      return;
    NextTokenView next(m_session.get());
    next.resize(420, 260);
    next.show();
    QVERIFY(QTest::qWaitForWindowExposed(&next));
    m_session->setCursor(12);
    next.refreshNow();
    QCOMPARE(next.barCount(), 3);
    QCOMPARE(next.barValue(0), m_session->tapeValue(12));
    QCOMPARE(next.barValue(1), m_session->predictionAt(12));
    QCOMPARE(next.barValue(2), m_session->tapeValue(13));
    QCOMPARE(next.actualIndex(), 2);
    QVERIFY(next.title().contains(formatSeriesValue(m_session->predictionAt(12))));
    savePng(next, QStringLiteral("series_next_value.png"));
    // The last step's next value is not known yet.
    m_session->setCursor(29);
    next.refreshNow();
    QCOMPARE(next.barCount(), 2);
    QCOMPARE(next.actualIndex(), -1);

    const StepValues v = computeStepValues(*m_session, 0, 1, 12);
    QVERIFY(v.valid);
    QCOMPARE(v.seriesValue, m_session->tapeValue(12));
    QCOMPARE(v.seriesPrediction, m_session->predictionAt(12));
    QVERIFY(v.inputDescription.contains(formatSeriesValue(m_session->tapeValue(12))));
    QCOMPARE(v.input.size(), std::size_t(1));

    // The diagram and the equations name the value read.
    m_session->selectUnit(0, 1);
    m_session->setCursor(12);
    CellDiagramView diagram(m_session.get());
    diagram.resize(640, 420);
    diagram.show();
    EquationsView equations(m_session.get());
    equations.resize(640, 420);
    equations.show();
    QVERIFY(QTest::qWaitForWindowExposed(&equations));
    diagram.refreshNow();
    equations.refreshNow();
    savePng(diagram, QStringLiteral("series_cell_diagram.png"));
    savePng(equations, QStringLiteral("series_equations.png"));
  }

  void textInputIsDisabledForSeries() {
    open(40, 0);
    if (QTest::currentTestFailed())
      return;
    TextInputPanel panel(m_session.get());
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(test::child<QLabel>(&panel, "seriesHint")->isVisible());
    QVERIFY(!test::child<QPlainTextEdit>(&panel, "primerEdit")->isEnabled());
    auto *read = test::child<QPushButton>(&panel, "replaceTextButton");
    QVERIFY(!read->isEnabled());
    QTest::mouseClick(read, Qt::LeftButton);
    QCOMPARE(m_session->tapeLength(), 40);
    QTest::mouseClick(test::child<QPushButton>(&panel, "readAllButton"), Qt::LeftButton);
    QTRY_COMPARE(m_session->steps(), 40);
    // A character model turns the text box back on.
    m_session->setModel(test::randomCharModel(test::kTestAlphabet, 6), QStringLiteral("char"));
    QVERIFY(!test::child<QLabel>(&panel, "seriesHint")->isVisible());
    QVERIFY(test::child<QPlainTextEdit>(&panel, "primerEdit")->isEnabled());
  }

  void shippedMackeyGlassModelReadsItsSeries() {
    ExplorerSession session;
    QString error;
    QVERIFY2(session.openModel(QStringLiteral(":/models/examples/03-mackey-glass.lstm"), &error), qPrintable(error));
    QVERIFY(session.isSeriesTape());
    MackeyGlassOptions options;
    options.length = 400;
    const std::vector<double> values = generateMackeyGlass(options, 5).values;
    QVERIFY2(session.setSeries(values, &error), qPrintable(error));
    QCOMPARE(session.stepMany(400), 400);
    // A trained model beats the naive "same as now" forecast on one-step predictions.
    double model = 0.0, naive = 0.0;
    for (int s = 50; s + 1 < 400; ++s) {
      model += std::pow(session.predictionAt(s) - values[std::size_t(s + 1)], 2);
      naive += std::pow(values[std::size_t(s)] - values[std::size_t(s + 1)], 2);
    }
    QVERIFY2(model < naive, qPrintable(QStringLiteral("model %1, naive %2").arg(model).arg(naive)));

    session.selectUnit(0, 0);
    session.setCursor(250);
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *text = new TextView(&session);
    auto *heatmap = new GateHeatmapView(&session);
    layout->addWidget(text, 2);
    layout->addWidget(heatmap, 3);
    window.resize(900, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    text->refreshNow();
    heatmap->refreshNow();
    QCOMPARE(heatmap->loadedSteps() > 0, true);
    savePng(window, QStringLiteral("series_mackey_glass.png"));
  }
};

QTEST_MAIN(TestSeriesSession)
#include "tst_series_session.moc"
