// Series corpora and forecaster training: the split and its scaling, refusals with the file and the
// value, CSV columns and generated series as corpora, and the trainer on a series — learning past the naive
// forecast, the scaling stored in the model, an exact resume.
#include "data/series_corpus.h"
#include "english_problem.h"
#include "io/model_file.h"
#include "io/model_metadata.h"
#include "test_files.h"
#include "train/trainer.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace lstm;
using lstm::test::english;

namespace {

std::shared_ptr<const Corpus> mackeyGlass(std::int64_t length) {
  Problem error;
  auto corpus = generatedSeriesCorpus("mackey-glass", length, 3, CorpusOptions{}, &error);
  if (!corpus)
    qFatal("%s", qPrintable(english(error)));
  return std::make_shared<const Corpus>(std::move(*corpus));
}

TrainerConfig seriesConfig(std::int64_t iterations) {
  TrainerConfig c;
  c.hiddenSize = 16;
  c.numLayers = 1;
  c.seqLength = 25;
  c.batchSize = 8;
  c.iterations = iterations;
  c.evalEvery = 50;
  c.threads = 2;
  c.seed = 5;
  c.optimizer.learningRate = 1e-2;
  return c;
}

} // namespace

class TestSeriesTraining : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void splitAndScaling();
  void refusals_data();
  void refusals();
  void csvColumnAsCorpus();
  void csvProblemsNameTheFile();
  void generatedSeriesAreDeterministic();
  void modelShapeAndBaselines();
  void learnsPastTheNaiveForecast();
  void resumeEqualsUninterrupted();
};

void TestSeriesTraining::splitAndScaling() {
  std::vector<double> values;
  for (int i = 0; i < 100; ++i)
    values.push_back(10.0 + i); // a trend: the validation tail lies above every training value
  Problem error;
  const auto corpus = corpusFromSeries(values, QStringLiteral("trend"), QStringLiteral("x"), CorpusOptions{}, &error);
  QVERIFY2(corpus, qPrintable(english(error)));
  QVERIFY(corpus->isSeries());
  QCOMPARE(corpus->size(), 100);
  QCOMPARE(corpus->trainSize, 90);
  QVERIFY(corpus->tokens.empty());
  QCOMPARE(corpus->vocabulary.size(), 0);
  // Fitted on the 90 training values only: mean 54.5, population sd of 0…89.
  QCOMPARE(corpus->scaling.mean, 54.5);
  QVERIFY(std::abs(corpus->scaling.stddev - std::sqrt((90.0 * 90.0 - 1.0) / 12.0)) < 1e-12);
  double trainMean = 0.0;
  for (const float v : corpus->trainValues())
    trainMean += v;
  QVERIFY(std::abs(trainMean / 90.0) < 1e-6);
  QVERIFY(corpus->validationValues().front() > corpus->trainValues().back());
  QVERIFY(std::abs(corpus->scaling.invert(corpus->series[95]) - 105.0) < 1e-4);
  QCOMPARE(corpus->sha256.size(), 64);
  // The hash knows the values and the column.
  const auto renamed = corpusFromSeries(values, QStringLiteral("trend"), QStringLiteral("y"), CorpusOptions{}, &error);
  QVERIFY(renamed->sha256 != corpus->sha256);
}

void TestSeriesTraining::refusals_data() {
  QTest::addColumn<std::vector<double>>("values");
  QTest::addColumn<double>("fraction");
  QTest::addColumn<QString>("message");
  std::vector<double> good(40, 1.0), nan = good, inf = good;
  nan[7] = std::numeric_limits<double>::quiet_NaN();
  inf[39] = std::numeric_limits<double>::infinity();
  QTest::newRow("too short") << std::vector<double>(15, 1.0) << 0.1
                             << QStringLiteral("s: the series \"x\" has 15 values; a model needs between 16 and 268435456");
  QTest::newRow("NaN") << nan << 0.1 << QStringLiteral("s: value 8 of the series \"x\" is nan, not a finite number");
  QTest::newRow("infinity") << inf << 0.1 << QStringLiteral("s: value 40 of the series \"x\" is inf, not a finite number");
  QTest::newRow("fraction") << good << 0.95 << QStringLiteral("s: the validation fraction must lie between 0 and 0.9");
}

void TestSeriesTraining::refusals() {
  QFETCH(std::vector<double>, values);
  QFETCH(double, fraction);
  QFETCH(QString, message);
  CorpusOptions options;
  options.validationFraction = fraction;
  Problem error;
  QVERIFY(!corpusFromSeries(values, QStringLiteral("s"), QStringLiteral("x"), options, &error));
  QCOMPARE(english(error), message);
}

void TestSeriesTraining::csvColumnAsCorpus() {
  QTemporaryDir dir;
  QByteArray csv = "time;temp\n";
  for (int i = 0; i < 50; ++i)
    csv += QByteArray::number(i) + ";" + QByteArray::number(20 + i % 7) + ",5\n";
  const QString path = test::writeFile(dir, QStringLiteral("weather.csv"), csv);
  Problem error;
  const auto byName = loadSeriesCorpus(path, QStringLiteral("temp"), CsvOptions{}, CorpusOptions{}, &error);
  QVERIFY2(byName, qPrintable(english(error)));
  QCOMPARE(byName->name, QStringLiteral("weather.csv"));
  QCOMPARE(byName->path, path);
  QCOMPARE(byName->column, QStringLiteral("temp"));
  QCOMPARE(byName->size(), 50);
  QVERIFY(std::abs(byName->scaling.invert(byName->series[3]) - 23.5) < 1e-4); // decimal comma read
  const auto byNumber = loadSeriesCorpus(path, QStringLiteral("2"), CsvOptions{}, CorpusOptions{}, &error);
  QVERIFY2(byNumber, qPrintable(english(error)));
  QCOMPARE(byNumber->column, QStringLiteral("temp"));
  QCOMPARE(byNumber->sha256, byName->sha256);
}

void TestSeriesTraining::csvProblemsNameTheFile() {
  QTemporaryDir dir;
  const QString path =
      test::writeFile(dir, QStringLiteral("bad.csv"), "t,temp\n1,2\n2,3\n3,n/a\n" + QByteArray(40, '\n'));
  Problem error;
  QVERIFY(!loadSeriesCorpus(path, QStringLiteral("temp"), CsvOptions{}, CorpusOptions{}, &error));
  QCOMPARE(english(error), path + QStringLiteral(": line 4, column \"temp\": \"n/a\" is not a number"));
  const QString good = test::writeFile(dir, QStringLiteral("good.csv"), "t,temp\n1,2\n2,3\n");
  QVERIFY(!loadSeriesCorpus(good, QStringLiteral("pressure"), CsvOptions{}, CorpusOptions{}, &error));
  QVERIFY2(english(error).startsWith(good + QStringLiteral(": ")) && english(error).contains(QStringLiteral("temp")), qPrintable(english(error)));
  QVERIFY(!loadSeriesCorpus(good, QStringLiteral("temp"), CsvOptions{}, CorpusOptions{}, &error));
  QVERIFY2(english(error).contains(QStringLiteral("has 2 values")), qPrintable(english(error)));
}

void TestSeriesTraining::generatedSeriesAreDeterministic() {
  Problem error;
  for (const char *id : {"sines", "seasonal", "mackey-glass"}) {
    const auto a = generatedSeriesCorpus(id, 500, 4, CorpusOptions{}, &error);
    const auto b = generatedSeriesCorpus(id, 500, 4, CorpusOptions{}, &error);
    const auto c = generatedSeriesCorpus(id, 500, 5, CorpusOptions{}, &error);
    QVERIFY2(a && b && c, qPrintable(english(error)));
    QCOMPARE(a->series, b->series);
    QVERIFY2(a->series != c->series, id);
    QCOMPARE(a->size(), 500);
  }
  QVERIFY(!generatedSeriesCorpus("brackets", 500, 1, CorpusOptions{}, &error));
  QCOMPARE(english(error), QStringLiteral("brackets: not a series generator; use sines, seasonal or mackey-glass"));
}

void TestSeriesTraining::modelShapeAndBaselines() {
  const auto corpus = mackeyGlass(2000);
  const TrainerConfig config = seriesConfig(1);
  QVERIFY(config.validate(*corpus));
  const ModelConfig shape = config.modelConfig(*corpus);
  QCOMPARE(shape.input, InputKind::Dense);
  QCOMPARE(shape.inputSize, 1);
  QCOMPARE(shape.head, HeadKind::Regression);
  QCOMPARE(shape.outputSize, 1);
  Trainer trainer(corpus, config);
  // Baselines by hand over the validation values: the training mean (0 once scaled) and the last value.
  const auto v = corpus->validationValues();
  double mean = 0.0, last = 0.0;
  for (std::size_t i = 1; i < v.size(); ++i) {
    mean += double(v[i]) * double(v[i]);
    last += (double(v[i]) - double(v[i - 1])) * (double(v[i]) - double(v[i - 1]));
  }
  QVERIFY(std::abs(trainer.baselines().unigram - mean / double(v.size() - 1)) < 1e-6);
  QVERIFY(std::abs(trainer.baselines().bigram - last / double(v.size() - 1)) < 1e-9);
  // The window check speaks of values.
  TrainerConfig tooLong = config;
  tooLong.batchSize = 1000;
  Problem tooLongProblem;
  QVERIFY(!tooLong.validate(*corpus, &tooLongProblem));
  QVERIFY2(english(tooLongProblem).contains(QStringLiteral("values")), qPrintable(english(tooLongProblem)));
}

void TestSeriesTraining::learnsPastTheNaiveForecast() {
  const auto corpus = mackeyGlass(3000);
  Trainer trainer(corpus, seriesConfig(400));
  std::atomic<bool> cancel{false};
  QCOMPARE(trainer.run(cancel), TrainingOutcome::Finished);
  const double validation = trainer.history().back().validationLoss;
  qInfo("validation MSE %.5f, naive last value %.5f, mean %.3f", validation, trainer.baselines().bigram,
        trainer.baselines().unigram);
  QVERIFY(validation < trainer.baselines().bigram);
  QVERIFY(trainer.history().back().trainLoss < trainer.history().front().trainLoss);

  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("mg.lstm"));
  Problem error;
  QVERIFY2(trainer.saveModel(path, &error), qPrintable(english(error)));
  const auto model = loadModel(path, &error);
  QVERIFY2(model, qPrintable(english(error)));
  const ModelMetadata metadata = readMetadata(model->metadata);
  QVERIFY(metadata.series && metadata.series->scaling && metadata.training);
  QCOMPARE(metadata.series->scaling->mean, corpus->scaling.mean);
  QCOMPARE(metadata.series->scaling->stddev, corpus->scaling.stddev);
  QCOMPARE(metadata.series->column, QStringLiteral("mackey-glass"));
  QCOMPARE(metadata.training->corpusFormat, QStringLiteral("series"));
}

void TestSeriesTraining::resumeEqualsUninterrupted() {
  const auto corpus = mackeyGlass(1500);
  Trainer whole(corpus, seriesConfig(60));
  std::atomic<bool> cancel{false};
  QCOMPARE(whole.run(cancel), TrainingOutcome::Finished);

  Trainer first(corpus, seriesConfig(60));
  QTemporaryDir dir;
  const QString checkpoint = dir.filePath(QStringLiteral("mg.ckpt"));
  Problem error;
  QCOMPARE(first.run(cancel, [&](const TrainingProgress &p) {
    if (p.iteration == 25) {
      QVERIFY(first.saveCheckpoint(checkpoint, &error));
      cancel = true;
    }
  }), TrainingOutcome::Cancelled);
  cancel = false;
  auto resumed = Trainer::resume(corpus, checkpoint, &error);
  QVERIFY2(resumed, qPrintable(english(error)));
  QCOMPARE(resumed->iteration(), 25);
  QCOMPARE(resumed->run(cancel), TrainingOutcome::Finished);
  QCOMPARE(resumed->model().parameters.flat(), whole.model().parameters.flat());
  // A checkpoint of this series refuses another one.
  QVERIFY(!Trainer::resume(mackeyGlass(1600), checkpoint, &error));
  QVERIFY2(english(error).startsWith(checkpoint), qPrintable(english(error)));
}

QTEST_GUILESS_MAIN(TestSeriesTraining)
#include "tst_series_training.moc"
