// The forecast view: truth, one-step and multi-step lines over the validation part, the horizon spin
// and start slider (and a click in the plot) recomputing off the GUI thread, the stats against the naive
// forecast, the message for models that cannot forecast, and destruction while a job runs.
#include "common/qcustomplot_include.h"
#include "forecast/forecast_view.h"
#include "io/model_metadata.h"
#include "model/initialization.h"
#include "model/rng.h"
#include "ui_test_helpers.h"
#include "ui_test_models.h"

#include <QJsonObject>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>

#include <cmath>
#include <memory>

using namespace lstm;

namespace {

std::shared_ptr<Model> seriesModel(int hidden, int layers, double mean = 0.0, double stddev = 1.0) {
  auto model = std::make_shared<Model>();
  model->config.input = InputKind::Dense;
  model->config.head = HeadKind::Regression;
  model->config.inputSize = 1;
  model->config.outputSize = 1;
  model->config.hiddenSize = hidden;
  model->config.numLayers = layers;
  model->parameters = Parameters<float>(model->config);
  Rng rng(7);
  initializeParameters(model->parameters, rng);
  ModelMetadata metadata;
  metadata.series = SeriesRecord{};
  metadata.series->scaling = SeriesScaling{mean, stddev};
  metadata.series->column = QStringLiteral("level");
  metadata.series->source = QStringLiteral("sine.csv");
  model->metadata = toJson(metadata);
  return model;
}

std::vector<double> sine(int count) {
  std::vector<double> values;
  for (int t = 0; t < count; ++t)
    values.push_back(5.0 + 2.0 * std::sin(0.07 * t));
  return values;
}

constexpr int kSize = 1200;
constexpr int kValidationStart = 1000;

// A view with a random series model and the sine, after its first forecast.
std::unique_ptr<ForecastView> readyView() {
  auto view = std::make_unique<ForecastView>();
  view->resize(900, 420);
  view->show();
  QSignalSpy ready(view.get(), &ForecastView::forecastReady);
  view->setModel(seriesModel(16, 1, 5.0, 1.4));
  view->setSeries(sine(kSize), kValidationStart, QStringLiteral("level"));
  if (!ready.wait(10000))
    qFatal("no forecast");
  return view;
}

} // namespace

class TestForecastView : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void threeLines();
  void horizonSpinRecomputes();
  void clickInPlotMovesStart();
  void startAtTheEndForecastsTheFuture();
  void statsShowNumbers();
  void nonSeriesModelShowsMessage();
  void malformedScalingShowsMessage();
  void destroyWhileComputing();
  void hiddenViewWaitsUntilShown();
};

void TestForecastView::threeLines() {
  ForecastView view;
  view.resize(900, 420);
  view.show();
  QSignalSpy ready(&view, &ForecastView::forecastReady);
  view.setModel(seriesModel(16, 1, 5.0, 1.4));
  view.setSeries(sine(kSize), kValidationStart, QStringLiteral("level"));
  // Nothing is computed on the GUI thread while setting up.
  QVERIFY(view.oneStep().predictions.empty());
  QVERIFY(ready.wait(10000));
  QCOMPARE(ready.count(), 1);

  auto *plot = test::child<QCustomPlot>(&view, "forecastPlot");
  QCOMPARE(plot->graphCount(), 3);
  QCOMPARE(plot->graph(0)->dataCount(), kSize - (kValidationStart - 50)); // validation plus 50 points of context
  QCOMPARE(plot->graph(1)->dataCount(), kSize - kValidationStart);
  QCOMPARE(plot->graph(2)->dataCount(), 50);
  QCOMPARE(plot->graph(1)->data()->constBegin()->key, double(kValidationStart));
  QCOMPARE(plot->graph(2)->data()->constBegin()->key, double(kValidationStart));
  QCOMPARE(plot->graph(2)->pen().style(), Qt::DashLine);
  QVERIFY(plot->graph(1)->pen().color() != plot->graph(2)->pen().color());
  QVERIFY(plot->legend->visible());
  QCOMPARE(plot->xAxis->label(), QStringLiteral("time step"));
  QCOMPARE(plot->yAxis->label(), QStringLiteral("level"));

  QCOMPARE(view.oneStep().first, kValidationStart);
  QCOMPARE(view.oneStep().model.count, kSize - kValidationStart);
  QCOMPARE(view.multiStep().start, kValidationStart);
  QCOMPARE(view.forecastStart(), kValidationStart);
  // Both start from the same state at the same point: the first multi-step value is the one-step prediction.
  QVERIFY(qFuzzyCompare(view.multiStep().predictions[0], view.oneStep().predictions[0]));
  // Same numbers as the core function over the same data (the whole series is inside the warm-up window).
  const auto model = seriesModel(16, 1, 5.0, 1.4);
  const std::vector<double> values = sine(kSize);
  const OneStepForecast direct = forecastOneStep(*model, values, kValidationStart, kSize);
  QCOMPARE(view.oneStep().predictions, direct.predictions);

  test::savePng(view, QStringLiteral("forecast_view.png"));
}

void TestForecastView::horizonSpinRecomputes() {
  auto view = readyView();
  QSignalSpy ready(view.get(), &ForecastView::forecastReady);
  auto *spin = test::child<QSpinBox>(view.get(), "forecastHorizonSpin");
  QCOMPARE(spin->minimum(), 1);
  QCOMPARE(spin->maximum(), 10000);
  QCOMPARE(spin->value(), 50);
  spin->setFocus();
  QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
  QTest::keyClicks(spin, QStringLiteral("120"));
  // Typing moves the value through 1, 12 and 120; the coalesced recompute shows only the last.
  QTRY_COMPARE_WITH_TIMEOUT(view->multiStep().predictions.size(), std::size_t(120), 10000);
  auto *plot = test::child<QCustomPlot>(view.get(), "forecastPlot");
  QCOMPARE(plot->graph(2)->dataCount(), 120);
  QVERIFY(ready.count() >= 1);
  // A changed horizon reuses the one-step forecast, and the scores of the first 120 steps cover known values.
  QCOMPARE(view->oneStep().predictions.size(), std::size_t(kSize - kValidationStart));
  QCOMPARE(view->multiStep().model.count, 120);
}

void TestForecastView::clickInPlotMovesStart() {
  auto view = readyView();
  view->show();
  QVERIFY(QTest::qWaitForWindowExposed(view.get()));
  auto *plot = test::child<QCustomPlot>(view.get(), "forecastPlot");
  plot->replot(QCustomPlot::rpImmediateRefresh);
  QSignalSpy ready(view.get(), &ForecastView::forecastReady);
  // The view opens zoomed on the forecast; click a time step inside what is shown, past the current start.
  const double target = std::round(plot->xAxis->range().upper - 10.0);
  QVERIFY(target > double(view->forecastStart()) + 20.0);
  const int x = int(plot->xAxis->coordToPixel(target));
  const int y = plot->axisRect()->center().y();
  QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, QPoint(x, y));
  const auto *slider = test::child<QSlider>(view.get(), "forecastStartSlider");
  QVERIFY2(std::abs(slider->value() - target) <= 1, qPrintable(QString::number(slider->value())));
  QVERIFY(ready.wait(10000));
  QCOMPARE(view->multiStep().start, std::int64_t(slider->value()));
  QCOMPARE(plot->graph(2)->data()->constBegin()->key, double(slider->value()));
}

void TestForecastView::startAtTheEndForecastsTheFuture() {
  auto view = readyView();
  QSignalSpy ready(view.get(), &ForecastView::forecastReady);
  auto *slider = test::child<QSlider>(view.get(), "forecastStartSlider");
  QCOMPARE(slider->minimum(), kValidationStart);
  QCOMPARE(slider->maximum(), kSize);
  slider->setFocus();
  QTest::keyClick(slider, Qt::Key_End);
  QVERIFY(ready.wait(10000));
  QCOMPARE(view->multiStep().start, kSize);
  QCOMPARE(view->multiStep().predictions.size(), std::size_t(50));
  QCOMPARE(view->multiStep().model.count, 0);
  const QString stats = test::child<QLabel>(view.get(), "forecastStatsLabel")->text();
  QVERIFY2(stats.contains(QStringLiteral("past the end of the data")), qPrintable(stats));
  auto *plot = test::child<QCustomPlot>(view.get(), "forecastPlot");
  QVERIFY(plot->xAxis->range().upper >= kSize + 49 - 1e-9); // the axis makes room for the future
}

void TestForecastView::statsShowNumbers() {
  auto view = readyView();
  const QString stats = test::child<QLabel>(view.get(), "forecastStatsLabel")->text();
  const QString number = QStringLiteral("[0-9.e+-]+");
  const QRegularExpression oneStep(QStringLiteral("one step ahead over 200 points: .*RMSE %1 MAE %1.* · naive last "
                                                  "value: .*RMSE %1 MAE %1")
                                       .arg(number));
  QVERIFY2(oneStep.match(stats).hasMatch(), qPrintable(stats));
  QVERIFY2(stats.contains(QStringLiteral("50 steps from t = 1000: ")), qPrintable(stats));
  // The better of model and naive forecast is marked on each line (ties aside, which random weights do not make).
  QCOMPARE(stats.count(QChar(0x2713)), 2);
  const auto &one = view->oneStep();
  const QString winner = one.model.rmse < one.naive.rmse ? QStringLiteral("RMSE %1").arg(one.model.rmse, 0, 'g', 4)
                                                          : QStringLiteral("RMSE %1").arg(one.naive.rmse, 0, 'g', 4);
  QVERIFY2(stats.contains(QStringLiteral("<b>") + winner), qPrintable(stats));
  QVERIFY(one.model.rmse > 0.0);
}

void TestForecastView::nonSeriesModelShowsMessage() {
  auto view = readyView();
  view->setModel(test::randomCharModel(test::kTestAlphabet, 8));
  auto *message = test::child<QLabel>(view.get(), "forecastMessageLabel");
  auto *plot = test::child<QCustomPlot>(view.get(), "forecastPlot");
  QVERIFY(message->text().contains(QStringLiteral("not a series model")));
  QVERIFY(!message->isHidden());
  QVERIFY(plot->isHidden());
  for (int i = 0; i < plot->graphCount(); ++i)
    QCOMPARE(plot->graph(i)->dataCount(), 0);
  QVERIFY(view->oneStep().predictions.empty());
  QVERIFY(!test::child<QSpinBox>(view.get(), "forecastHorizonSpin")->isEnabled());
  QVERIFY(!view->isComputing());

  // A series model again brings the plot back.
  QSignalSpy ready(view.get(), &ForecastView::forecastReady);
  view->setModel(seriesModel(8, 2));
  QVERIFY(ready.wait(10000));
  QVERIFY(message->isHidden());
  QVERIFY(!plot->isHidden());
  QCOMPARE(plot->graph(1)->dataCount(), kSize - kValidationStart);

  ForecastView empty;
  QVERIFY(!empty.message().isEmpty()); // no model, no series
}

void TestForecastView::malformedScalingShowsMessage() {
  auto model = seriesModel(8, 1);
  model->metadata.insert(QStringLiteral("series"),
                         QJsonObject{{QStringLiteral("mean"), 1.0}, {QStringLiteral("stddev"), 0.0}});
  ForecastView view;
  view.setModel(model);
  view.setSeries(sine(100), 80, QStringLiteral("level"));
  QVERIFY2(view.message().contains(QStringLiteral("standard deviation")), qPrintable(view.message()));
  QVERIFY(!view.isComputing());
}

// The worker is cancelled and joined by the destructor; its queued result must never reach the dead view.
void TestForecastView::destroyWhileComputing() {
  auto *view = new ForecastView;
  view->show();
  QSignalSpy ready(view, &ForecastView::forecastReady);
  view->setModel(seriesModel(96, 2));
  std::vector<double> values = sine(200000); // 20 000 scored points after 2 000 of warm-up: seconds in Debug
  view->setSeries(std::move(values), 100000, QStringLiteral("level"));
  QTRY_VERIFY(view->isComputing());
  delete view;
  QCoreApplication::processEvents();
  QCOMPARE(ready.count(), 0);
}

// A hidden view (another tab) spends no CPU on forecasts, e.g. while training updates the model.
void TestForecastView::hiddenViewWaitsUntilShown() {
  ForecastView view;
  QSignalSpy ready(&view, &ForecastView::forecastReady);
  view.setModel(seriesModel(8, 1));
  view.setSeries(sine(300), 250, QStringLiteral("level"));
  QVERIFY(!ready.wait(300)); // several coalescing intervals
  QVERIFY(!view.isComputing());
  QVERIFY(view.oneStep().predictions.empty());
  view.show();
  QVERIFY(ready.wait(10000));
  QCOMPARE(view.oneStep().predictions.size(), std::size_t(50));
}

QTEST_MAIN(TestForecastView)
#include "tst_forecast_view.moc"
