// Forecasting with series models: one-step and autoregressive forecasts against a plain Stepper loop,
// a model whose output is known in closed form, the naive baseline by hand, the scaling read from the model's
// metadata, the edges of the preconditions and cancellation.
#include "explore/forecast.h"
#include "explore/stepper.h"
#include "io/model_metadata.h"
#include "test_models.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

using namespace lstm;

namespace {

ModelConfig seriesConfig(int hidden, int layers) {
  ModelConfig c;
  c.input = InputKind::Dense;
  c.head = HeadKind::Regression;
  c.inputSize = 1;
  c.outputSize = 1;
  c.hiddenSize = hidden;
  c.numLayers = layers;
  return c;
}

void setScaling(Model &model, double mean, double stddev) {
  ModelMetadata metadata = readMetadata(model.metadata);
  SeriesRecord series;
  series.scaling = SeriesScaling{mean, stddev};
  series.column = QStringLiteral("temp");
  series.source = QStringLiteral("weather.csv");
  metadata.series = series;
  model.metadata = toJson(metadata);
}

std::shared_ptr<Model> randomSeriesModel(int hidden, int layers, std::uint64_t seed) {
  auto model = std::make_shared<Model>();
  model->config = seriesConfig(hidden, layers);
  model->parameters = test::randomParameters<float>(model->config, seed, 2.0);
  return model;
}

// Every LSTM weight and bias 0 keeps h at 0 (g = tanh 0 = 0, so c stays 0): the output is the head bias.
std::shared_ptr<Model> constantModel(float headBias) {
  auto model = std::make_shared<Model>();
  model->config = seriesConfig(3, 2);
  model->parameters = Parameters<float>(model->config);
  model->parameters.headWeight().setConstant(0.7f); // multiplied by h = 0
  model->parameters.headBias()(0) = headBias;
  return model;
}

std::vector<double> noisySine(int count, double mean, double amplitude) {
  Rng rng(5);
  std::vector<double> values;
  for (int t = 0; t < count; ++t)
    values.push_back(mean + amplitude * std::sin(0.21 * t) + 0.1 * amplitude * rng.normal());
  return values;
}

// The reference: a recorded Stepper fed by hand; outputs[t] is the scaled prediction after reading inputs[t].
std::vector<double> plainLoop(const std::shared_ptr<const Model> &model, const SeriesScaling &scaling,
                              const std::vector<double> &inputs) {
  Stepper stepper(model);
  std::vector<double> outputs;
  for (double v : inputs) {
    const float x = float(scaling.apply(v));
    outputs.push_back(scaling.invert(double(stepper.step(std::span<const float>(&x, 1)).output(0))));
  }
  return outputs;
}

bool close(double a, double b) { return std::abs(a - b) <= 1e-6 * std::max(1.0, std::max(std::abs(a), std::abs(b))); }

} // namespace

class TestForecast : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void recognisesSeriesModels();
  void constantModelPredictsHeadBias();
  void matchesPlainStepper_data();
  void matchesPlainStepper();
  void naiveErrorsByHand();
  void scalingFromMetadata();
  void malformedScalingRefused_data();
  void malformedScalingRefused();
  void edges();
  void cancel();
};

void TestForecast::recognisesSeriesModels() {
  QVERIFY(isSeriesModel(*randomSeriesModel(4, 2, 1)));
  Model wide;
  wide.config = seriesConfig(4, 1);
  wide.config.inputSize = 2;
  QVERIFY(!isSeriesModel(wide));
  Model twoOutputs;
  twoOutputs.config = seriesConfig(4, 1);
  twoOutputs.config.outputSize = 2;
  QVERIFY(!isSeriesModel(twoOutputs));
  Model text;
  text.config = test::smallConfig(InputKind::OneHot, HeadKind::Softmax, 1);
  QVERIFY(!isSeriesModel(text));
}

void TestForecast::constantModelPredictsHeadBias() {
  auto model = constantModel(0.5f);
  setScaling(*model, 10.0, 2.0);
  const double expected = 10.0 + 2.0 * 0.5; // scaling.invert(b)
  const std::vector<double> values = {9.0, 12.0, 8.0, 11.0, 14.0, 10.0};

  const OneStepForecast one = forecastOneStep(*model, values, 2, 6);
  QCOMPARE(one.first, 2);
  QCOMPARE(one.predictions.size(), std::size_t(4));
  for (double p : one.predictions)
    QCOMPARE(p, expected);
  // Errors against 8, 11, 14, 10: −3, 0, 3, −1.
  QCOMPARE(one.model.count, 4);
  QVERIFY(close(one.model.rmse, std::sqrt(19.0 / 4.0)));
  QVERIFY(close(one.model.mae, 7.0 / 4.0));
  QVERIFY(!one.cancelled);

  const MultiStepForecast multi = forecastAutoregressive(*model, values, 3, 5);
  QCOMPARE(multi.start, 3);
  QCOMPARE(multi.predictions.size(), std::size_t(5));
  for (double p : multi.predictions)
    QCOMPARE(p, expected);
  // Only values[3, 6) are known: errors 0, −3, 1.
  QCOMPARE(multi.model.count, 3);
  QVERIFY(close(multi.model.rmse, std::sqrt(10.0 / 3.0)));
  QVERIFY(close(multi.model.mae, 4.0 / 3.0));
}

void TestForecast::matchesPlainStepper_data() {
  QTest::addColumn<int>("hidden");
  QTest::addColumn<int>("layers");
  QTest::addColumn<bool>("scaled");
  QTest::newRow("H4 L1 identity scaling") << 4 << 1 << false;
  QTest::newRow("H8 L2 scaled") << 8 << 2 << true;
  QTest::newRow("H5 L3 scaled") << 5 << 3 << true;
}

void TestForecast::matchesPlainStepper() {
  QFETCH(int, hidden);
  QFETCH(int, layers);
  QFETCH(bool, scaled);
  auto model = randomSeriesModel(hidden, layers, 11);
  SeriesScaling scaling;
  if (scaled) {
    scaling = {20.0, 4.0};
    setScaling(*model, scaling.mean, scaling.stddev);
  }
  const std::vector<double> values = noisySine(300, scaling.mean, 2.0 * scaling.stddev);

  // One step ahead: the loop's output after reading values[t] predicts values[t + 1].
  const std::vector<double> reference = plainLoop(model, scaling, values);
  const OneStepForecast one = forecastOneStep(*model, values, 120, 280);
  QCOMPARE(one.predictions.size(), std::size_t(160));
  for (std::size_t k = 0; k < one.predictions.size(); ++k)
    QVERIFY2(close(one.predictions[k], reference[119 + k]), qPrintable(QString::number(k)));

  // Autoregressive: the true values up to start, then each prediction fed back.
  const std::int64_t start = 200;
  const int horizon = 150; // runs 50 steps past the end of the data
  Stepper stepper(model);
  std::vector<double> expected;
  for (std::int64_t t = 0; t < start; ++t) {
    const float x = float(scaling.apply(values[std::size_t(t)]));
    stepper.step(std::span<const float>(&x, 1));
  }
  for (int k = 0; k < horizon; ++k) {
    const double predicted = scaling.invert(double(stepper.current().output(0)));
    expected.push_back(predicted);
    const float x = float(scaling.apply(predicted));
    stepper.step(std::span<const float>(&x, 1));
  }
  const MultiStepForecast multi = forecastAutoregressive(*model, values, start, horizon);
  QCOMPARE(multi.predictions.size(), std::size_t(horizon));
  for (int k = 0; k < horizon; ++k)
    QVERIFY2(close(multi.predictions[std::size_t(k)], expected[std::size_t(k)]), qPrintable(QString::number(k)));
  // Its first prediction is the one-step prediction of values[start].
  QVERIFY(close(multi.predictions[0], reference[std::size_t(start - 1)]));

  // Errors from the predictions by hand, over the 100 known values.
  double squared = 0.0, absolute = 0.0;
  for (int k = 0; k < 100; ++k) {
    const double e = expected[std::size_t(k)] - values[std::size_t(start + k)];
    squared += e * e;
    absolute += std::abs(e);
  }
  QCOMPARE(multi.model.count, 100);
  QVERIFY(close(multi.model.rmse, std::sqrt(squared / 100.0)));
  QVERIFY(close(multi.model.mae, absolute / 100.0));
}

void TestForecast::naiveErrorsByHand() {
  const auto model = constantModel(0.0f);
  const std::vector<double> values = {1.0, 3.0, 2.0, 5.0, 4.0};
  // values[2..4] predicted by 3, 2, 5: errors 1, −3, 1.
  const OneStepForecast one = forecastOneStep(*model, values, 2, 5);
  QCOMPARE(one.naive.count, 3);
  QVERIFY(close(one.naive.rmse, std::sqrt(11.0 / 3.0)));
  QVERIFY(close(one.naive.mae, 5.0 / 3.0));
  // Repeating values[1] = 3 against 2, 5, 4: errors 1, −2, −1.
  const MultiStepForecast multi = forecastAutoregressive(*model, values, 2, 3);
  QCOMPARE(multi.naive.count, 3);
  QVERIFY(close(multi.naive.rmse, std::sqrt(2.0)));
  QVERIFY(close(multi.naive.mae, 4.0 / 3.0));
}

void TestForecast::scalingFromMetadata() {
  auto model = constantModel(1.0f);
  Problem problem(ProblemCode::CsvEmpty); // a sentinel: a usable scaling leaves it alone
  auto scaling = seriesScalingOf(*model, &problem);
  QVERIFY(scaling);
  QCOMPARE(scaling->mean, 0.0);
  QCOMPARE(scaling->stddev, 1.0);
  QCOMPARE(problem.code, ProblemCode::CsvEmpty);

  setScaling(*model, -3.5, 0.25);
  scaling = seriesScalingOf(*model, &problem);
  QVERIFY(scaling);
  QCOMPARE(scaling->mean, -3.5);
  QCOMPARE(scaling->stddev, 0.25);
  const std::vector<double> values = {1.0, 2.0, 3.0};
  QCOMPARE(forecastOneStep(*model, values, 1, 3).predictions[0], -3.5 + 0.25 * 1.0);
}

void TestForecast::malformedScalingRefused_data() {
  QTest::addColumn<QJsonValue>("series");
  const auto object = [](QJsonValue mean, QJsonValue stddev) {
    return QJsonValue(QJsonObject{{QStringLiteral("mean"), mean}, {QStringLiteral("stddev"), stddev}});
  };
  QTest::newRow("stddev 0") << object(1.0, 0.0);
  QTest::newRow("stddev negative") << object(1.0, -2.0);
  QTest::newRow("stddev NaN") << object(1.0, std::numeric_limits<double>::quiet_NaN());
  QTest::newRow("stddev infinite") << object(1.0, std::numeric_limits<double>::infinity());
  QTest::newRow("stddev text") << object(1.0, QStringLiteral("2"));
  QTest::newRow("mean NaN") << object(std::numeric_limits<double>::quiet_NaN(), 1.0);
  QTest::newRow("mean missing") << QJsonValue(QJsonObject{{QStringLiteral("stddev"), 1.0}});
  QTest::newRow("not an object") << QJsonValue(3.0);
}

void TestForecast::malformedScalingRefused() {
  QFETCH(QJsonValue, series);
  auto model = constantModel(1.0f);
  model->metadata.insert(QStringLiteral("series"), series);
  Problem problem;
  QVERIFY(!seriesScalingOf(*model, &problem));
  QVERIFY(problem.isSet());
  QVERIFY(!seriesScalingOf(*model)); // no problem string asked for
  // A model with an unusable scaling forecasts nothing rather than nonsense.
  const std::vector<double> values = {1.0, 2.0, 3.0, 4.0};
  QVERIFY(forecastOneStep(*model, values, 1, 4).predictions.empty());
  QVERIFY(forecastAutoregressive(*model, values, 2, 3).predictions.empty());
}

void TestForecast::edges() {
  const auto model = randomSeriesModel(4, 1, 2);
  const std::vector<double> values = noisySine(20, 0.0, 1.0);
  const std::vector<double> reference = plainLoop(model, SeriesScaling{}, values);

  // scoreFrom = 1, end = size: every value but the first is predicted.
  const OneStepForecast all = forecastOneStep(*model, values, 1, 20);
  QCOMPARE(all.predictions.size(), std::size_t(19));
  QCOMPARE(all.model.count, 19);
  QVERIFY(close(all.predictions.front(), reference[0]));
  QVERIFY(close(all.predictions.back(), reference[18]));
  // The last value alone.
  QCOMPARE(forecastOneStep(*model, values, 19, 20).predictions.size(), std::size_t(1));

  // start = 1: no warm-up, the first prediction reads values[0] only.
  const MultiStepForecast fromFirst = forecastAutoregressive(*model, values, 1, 4);
  QCOMPARE(fromFirst.predictions.size(), std::size_t(4));
  QVERIFY(close(fromFirst.predictions[0], reference[0]));
  QCOMPARE(fromFirst.model.count, 4);
  // A horizon past the end: all predictions, errors only over the known part.
  const MultiStepForecast past = forecastAutoregressive(*model, values, 17, 10);
  QCOMPARE(past.predictions.size(), std::size_t(10));
  QCOMPARE(past.model.count, 3);
  QCOMPARE(past.naive.count, 3);
  // start = size: a pure forecast, nothing to score.
  const MultiStepForecast future = forecastAutoregressive(*model, values, 20, 5);
  QCOMPARE(future.predictions.size(), std::size_t(5));
  QVERIFY(close(future.predictions[0], reference[19]));
  QCOMPARE(future.model.count, 0);
  QCOMPARE(future.model.rmse, 0.0);

  // Outside the preconditions: empty results instead of reads past the data.
  QVERIFY(forecastOneStep(*model, values, 0, 20).predictions.empty());
  QVERIFY(forecastOneStep(*model, values, 5, 5).predictions.empty());
  QVERIFY(forecastOneStep(*model, values, 5, 21).predictions.empty());
  QVERIFY(forecastAutoregressive(*model, values, 0, 3).predictions.empty());
  QVERIFY(forecastAutoregressive(*model, values, 21, 3).predictions.empty());
  QVERIFY(forecastAutoregressive(*model, values, 5, 0).predictions.empty());
  Model text;
  text.config = test::smallConfig(InputKind::OneHot, HeadKind::Softmax, 1);
  QVERIFY(forecastOneStep(text, values, 1, 20).predictions.empty());
}

void TestForecast::cancel() {
  const auto model = randomSeriesModel(4, 1, 3);
  const std::vector<double> values = noisySine(500, 0.0, 1.0);
  std::atomic<bool> stop = false;
  QVERIFY(!forecastOneStep(*model, values, 100, 500, &stop).cancelled);
  QVERIFY(!forecastAutoregressive(*model, values, 100, 50, &stop).cancelled);
  stop = true;
  const OneStepForecast one = forecastOneStep(*model, values, 100, 500, &stop);
  QVERIFY(one.cancelled);
  QVERIFY(one.predictions.empty());
  QCOMPARE(one.model.count, 0);
  const MultiStepForecast multi = forecastAutoregressive(*model, values, 100, 50, &stop);
  QVERIFY(multi.cancelled);
  QVERIFY(multi.predictions.empty());
}

QTEST_GUILESS_MAIN(TestForecast)
#include "tst_forecast.moc"
