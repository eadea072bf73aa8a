// Typed model metadata (core/io/model_metadata.h): the shipped models' metadata reads into the structs and writes
// back to the same JSON; structs survive a write and a read; keys the reader does not know, and values it cannot
// use, come back unchanged; what cannot be used is reported (series scaling, lesson) instead of guessed.
#include "english_problem.h"
#include "io/model_file.h"
#include "io/model_metadata.h"

#include <QDir>
#include <QJsonArray>
#include <QTest>

#include <cmath>
#include <limits>

using namespace lstm;

namespace {

QString sourcePath(const QString &relative) { return QStringLiteral(LSTM_SOURCE_DIR "/") + relative; }

Model loadShipped(const QString &relative) {
  Problem error;
  auto model = loadModel(sourcePath(relative), &error);
  if (!model)
    qFatal("%s", qPrintable(test::english(error)));
  return std::move(*model);
}

ExampleLesson sampleLesson() {
  ExampleLesson lesson;
  lesson.title = QStringLiteral("Counting brackets");
  lesson.summary = QStringLiteral("One unit counts.");
  lesson.primer = QStringLiteral("(())\n");
  lesson.layer = 1;
  lesson.unit = 7;
  lesson.quantity = Quantity::ForgetGate;
  lesson.feature = QStringLiteral("bracket-depth");
  lesson.correlation = -0.5;
  lesson.command = QStringLiteral("lstm-explorer-cli train …");
  return lesson;
}

TrainingRecord sampleTraining() {
  TrainingRecord training;
  training.corpus = QStringLiteral("parens (seed 1)");
  training.corpusSha256 = QByteArray(64, 'a');
  training.corpusCharacters = 2000;
  training.trainCharacters = 1800;
  training.corpusFormat = QStringLiteral("text");
  TrainerConfig settings;
  settings.hiddenSize = 24;
  settings.forgetBias = 1.0;
  training.settings = settings;
  training.iterations = 30;
  training.epochs = 2.5;
  training.bestValidationLoss = 0.75;
  training.bestIteration = 20;
  training.unigramBaseline = 1.5;
  training.bigramBaseline = 1.25;
  training.history = {{10, 0.5, 1.0, 0.9}, {20, 1.0, 0.8, 0.75}, {30, 1.5, 0.7, TrainingRecord::kNone}};
  return training;
}

SeriesRecord sampleSeries() {
  SeriesRecord series;
  series.scaling = SeriesScaling{10.0, 2.5};
  series.column = QStringLiteral("temp");
  series.source = QStringLiteral("weather.csv");
  series.validationStart = 900;
  series.path = QStringLiteral("/data/weather.csv");
  return series;
}

} // namespace

class TestModelMetadata : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void shippedModelsRoundTrip_data();
  void shippedModelsRoundTrip();
  void shippedSeriesModelReadsTyped();
  void structsRoundTrip();
  void generatedSeriesRoundTrip();
  void missingValuesBecomeNull();
  void unknownKeysArePreserved();
  void unusableSeriesIsReportedAndKept_data();
  void unusableSeriesIsReportedAndKept();
  void invalidLessonIsReportedAndKept();
  void unreadableSettingsAreKept();
  void lessonReaderRefuses_data();
  void lessonReaderRefuses();
  void emptyMetadataStaysEmpty();
};

void TestModelMetadata::shippedModelsRoundTrip_data() {
  QTest::addColumn<QString>("path");
  QTest::newRow("default") << QStringLiteral("resources/models/default.lstm");
  const QDir folder(sourcePath(QStringLiteral("resources/models/examples")));
  const QStringList names = folder.entryList({QStringLiteral("*.lstm")}, QDir::Files, QDir::Name);
  QVERIFY(names.size() >= 5);
  for (const QString &name : names)
    QTest::newRow(qPrintable(name)) << QStringLiteral("resources/models/examples/") + name;
}

void TestModelMetadata::shippedModelsRoundTrip() {
  QFETCH(QString, path);
  const Model model = loadShipped(path);
  const ModelMetadata metadata = readMetadata(model.metadata);
  QVERIFY(metadata.training);
  QVERIFY(metadata.training->settings);                  // every shipped model's settings are read …
  QVERIFY(metadata.training->unknown.isEmpty());         // … and nothing of its record is left over
  QVERIFY(!metadata.training->history.empty());
  QVERIFY(std::isfinite(metadata.training->bestValidationLoss));
  QVERIFY(!metadata.seriesProblem.isSet());
  QVERIFY(!metadata.lessonProblem.isSet());
  QVERIFY(metadata.unknown.isEmpty());
  QCOMPARE(toJson(metadata), model.metadata);
}

void TestModelMetadata::shippedSeriesModelReadsTyped() {
  const Model model = loadShipped(QStringLiteral("resources/models/examples/03-mackey-glass.lstm"));
  const ModelMetadata metadata = readMetadata(model.metadata);
  QVERIFY(metadata.series && metadata.series->scaling);
  QVERIFY(std::abs(metadata.series->scaling->mean - 0.93) < 0.01);
  QCOMPARE(metadata.series->generator, QStringLiteral("mackey-glass"));
  QCOMPARE(metadata.series->seed, std::uint64_t(1));
  QCOMPARE(metadata.series->length, 40000);
  QCOMPARE(*metadata.series->validationStart, 36000);
  QVERIFY(metadata.series->path.isEmpty());
  QCOMPARE(metadata.training->corpusFormat, QStringLiteral("series"));
  QCOMPARE(metadata.training->settings->hiddenSize, 32);
  QCOMPARE(metadata.training->iterations, 6000);
  QCOMPARE(int(metadata.training->history.size()), 6); // evaluations every 1000 of 6000 iterations
  QVERIFY(metadata.lesson);
  QCOMPARE(metadata.lesson->unit, 10);
  QCOMPARE(metadata.lesson->quantity, Quantity::Cell);
}

void TestModelMetadata::structsRoundTrip() {
  ModelMetadata written;
  written.series = sampleSeries();
  written.training = sampleTraining();
  written.lesson = sampleLesson();
  written.description = QStringLiteral("a test model");
  written.sourceFile = QStringLiteral("in.json");
  written.importedFrom = QStringLiteral("pytorch");
  const ModelMetadata read = readMetadata(toJson(written));

  QVERIFY(read.series && read.series->scaling);
  QCOMPARE(read.series->scaling->mean, 10.0);
  QCOMPARE(read.series->scaling->stddev, 2.5);
  QCOMPARE(read.series->column, QStringLiteral("temp"));
  QCOMPARE(read.series->source, QStringLiteral("weather.csv"));
  QCOMPARE(*read.series->validationStart, 900);
  QVERIFY(read.series->generator.isEmpty());
  QCOMPARE(read.series->path, QStringLiteral("/data/weather.csv"));

  QVERIFY(read.training);
  const TrainingRecord &t = *read.training, &w = *written.training;
  QCOMPARE(t.corpus, w.corpus);
  QCOMPARE(t.corpusSha256, w.corpusSha256);
  QCOMPARE(t.corpusCharacters, w.corpusCharacters);
  QCOMPARE(t.trainCharacters, w.trainCharacters);
  QCOMPARE(t.corpusFormat, w.corpusFormat);
  QVERIFY(t.settings);
  QCOMPARE(t.settings->toJson(), w.settings->toJson());
  QCOMPARE(*t.settings->forgetBias, 1.0);
  QCOMPARE(t.iterations, w.iterations);
  QCOMPARE(t.epochs, w.epochs);
  QCOMPARE(t.bestValidationLoss, w.bestValidationLoss);
  QCOMPARE(t.bestIteration, w.bestIteration);
  QCOMPARE(t.unigramBaseline, w.unigramBaseline);
  QCOMPARE(t.bigramBaseline, w.bigramBaseline);
  QCOMPARE(int(t.history.size()), 3);
  QCOMPARE(t.history[1].iteration, 20);
  QCOMPARE(t.history[1].epoch, 1.0);
  QCOMPARE(t.history[1].trainLoss, 0.8);
  QCOMPARE(t.history[1].validationLoss, 0.75);
  QVERIFY(std::isnan(t.history[2].validationLoss)); // not validated: null in the file, NaN again

  QVERIFY(read.lesson);
  const ExampleLesson &l = *read.lesson, &wl = *written.lesson;
  QCOMPARE(l.title, wl.title);
  QCOMPARE(l.summary, wl.summary);
  QCOMPARE(l.primer, wl.primer);
  QCOMPARE(l.layer, 1);
  QCOMPARE(l.unit, 7);
  QCOMPARE(l.quantity, Quantity::ForgetGate);
  QCOMPARE(l.feature, wl.feature);
  QCOMPARE(l.correlation, -0.5);
  QCOMPARE(l.command, wl.command);

  QCOMPARE(read.description, written.description);
  QCOMPARE(read.sourceFile, written.sourceFile);
  QCOMPARE(read.importedFrom, written.importedFrom);
  QVERIFY(!read.seriesProblem.isSet() && !read.lessonProblem.isSet() && read.unknown.isEmpty());
  QCOMPARE(toJson(read), toJson(written)); // and the JSON is stable from here on
}

void TestModelMetadata::generatedSeriesRoundTrip() {
  SeriesRecord series = sampleSeries();
  series.generator = QStringLiteral("sines");
  series.seed = 0xFFFF'FFFF'FFFFull; // beyond 32 bits
  series.length = 5000;
  ModelMetadata written;
  written.series = series;
  const QJsonObject json = toJson(written);
  const ModelMetadata read = readMetadata(json);
  QVERIFY(read.series);
  QCOMPARE(read.series->generator, QStringLiteral("sines"));
  QCOMPARE(read.series->seed, series.seed);
  QCOMPARE(read.series->length, 5000);
  QVERIFY(read.series->path.isEmpty()); // a generated series names no file
  QCOMPARE(toJson(read), json);
}

void TestModelMetadata::missingValuesBecomeNull() {
  // Never validated: NaN is written as null (JSON has no NaN) and read back as NaN.
  TrainingRecord training;
  ModelMetadata written;
  written.training = training;
  const QJsonObject json = toJson(written);
  const ModelMetadata read = readMetadata(json);
  QVERIFY(read.training);
  QVERIFY(std::isnan(read.training->bestValidationLoss));
  QVERIFY(std::isnan(read.training->unigramBaseline));
  QCOMPARE(read.training->bestIteration, -1);
  QVERIFY(!read.training->settings);
  QVERIFY(read.training->unknown.isEmpty());
  QCOMPARE(toJson(read), json);
}

void TestModelMetadata::unknownKeysArePreserved() {
  ModelMetadata written;
  written.series = sampleSeries();
  written.training = sampleTraining();
  written.lesson = sampleLesson();
  QJsonObject json = toJson(written);
  const auto addTo = [&json](const QString &section, const QString &key, const QJsonValue &value) {
    QJsonObject object = json.value(section).toObject();
    object[key] = value;
    json[section] = object;
  };
  json[QStringLiteral("future_key")] = QJsonObject{{QStringLiteral("nested"), QJsonArray{1, 2, 3}}};
  json[QStringLiteral("author")] = QStringLiteral("someone");
  addTo(QStringLiteral("series"), QStringLiteral("unit"), QStringLiteral("°C"));
  addTo(QStringLiteral("training"), QStringLiteral("gpu"), false);
  addTo(QStringLiteral("lesson"), QStringLiteral("difficulty"), 2);
  QJsonObject training = json.value(QStringLiteral("training")).toObject();
  QJsonObject baselines = training.value(QStringLiteral("baselines")).toObject();
  baselines[QStringLiteral("trigram")] = 1.125;
  training[QStringLiteral("baselines")] = baselines;
  json[QStringLiteral("training")] = training;

  const ModelMetadata read = readMetadata(json);
  QCOMPARE(read.unknown.size(), 2);
  QCOMPARE(read.unknown.value(QStringLiteral("author")).toString(), QStringLiteral("someone"));
  QCOMPARE(read.series->unknown.value(QStringLiteral("unit")).toString(), QStringLiteral("°C"));
  QCOMPARE(read.lesson->unknown.value(QStringLiteral("difficulty")).toInt(), 2);
  QCOMPARE(read.training->unigramBaseline, 1.5); // the known part of "baselines" is still read
  QCOMPARE(toJson(read), json);

  // An edit of the typed part keeps them too.
  ModelMetadata edited = read;
  edited.description = QStringLiteral("edited");
  edited.training->iterations = 31;
  const QJsonObject again = toJson(edited);
  QCOMPARE(again.value(QStringLiteral("future_key")), json.value(QStringLiteral("future_key")));
  const QJsonObject trainingAgain = again.value(QStringLiteral("training")).toObject();
  QCOMPARE(trainingAgain.value(QStringLiteral("gpu")), QJsonValue(false));
  QCOMPARE(trainingAgain.value(QStringLiteral("iterations")).toInteger(), 31);
  QCOMPARE(trainingAgain.value(QStringLiteral("baselines")).toObject().value(QStringLiteral("trigram")).toDouble(), 1.125);
}

void TestModelMetadata::unusableSeriesIsReportedAndKept_data() {
  QTest::addColumn<QJsonValue>("series");
  QTest::addColumn<bool>("hasRecord");
  const auto object = [](QJsonValue mean, QJsonValue stddev) {
    return QJsonValue(QJsonObject{{QStringLiteral("mean"), mean}, {QStringLiteral("stddev"), stddev},
                                  {QStringLiteral("column"), QStringLiteral("level")}});
  };
  QTest::newRow("stddev 0") << object(1.0, 0.0) << true;
  QTest::newRow("stddev text") << object(1.0, QStringLiteral("2")) << true;
  QTest::newRow("mean missing") << QJsonValue(QJsonObject{{QStringLiteral("stddev"), 1.0}}) << true;
  QTest::newRow("not an object") << QJsonValue(3.0) << false;
}

void TestModelMetadata::unusableSeriesIsReportedAndKept() {
  QFETCH(QJsonValue, series);
  QFETCH(bool, hasRecord);
  const QJsonObject json{{QStringLiteral("series"), series}};
  const ModelMetadata read = readMetadata(json);
  QVERIFY(read.seriesProblem.isSet());
  QCOMPARE(bool(read.series), hasRecord);
  if (read.series) {
    QVERIFY(!read.series->scaling);
    if (series.toObject().contains(QStringLiteral("column")))
      QCOMPARE(read.series->column, QStringLiteral("level")); // the rest of the record is still read
  }
  // Written back as it was, so the model stays refused rather than silently unscaled.
  const QJsonValue back = toJson(read).value(QStringLiteral("series"));
  if (series.isObject()) {
    QCOMPARE(back.toObject().value(QStringLiteral("mean")), series.toObject().value(QStringLiteral("mean")));
    QCOMPARE(back.toObject().value(QStringLiteral("stddev")), series.toObject().value(QStringLiteral("stddev")));
  } else {
    QCOMPARE(back, series);
  }
  QCOMPARE(test::english(readMetadata(toJson(read)).seriesProblem), test::english(read.seriesProblem));
}

void TestModelMetadata::invalidLessonIsReportedAndKept() {
  const QJsonObject lesson{{QStringLiteral("summary"), QStringLiteral("no title")}, {QStringLiteral("unit"), 3}};
  const QJsonObject json{{QStringLiteral("lesson"), lesson}};
  const ModelMetadata read = readMetadata(json);
  QVERIFY(!read.lesson);
  QCOMPARE(test::english(read.lessonProblem), QStringLiteral("the lesson has no title"));
  QCOMPARE(toJson(read), json);
}

void TestModelMetadata::unreadableSettingsAreKept() {
  // Settings this version cannot read exactly (an old file without "seed") stay as they are.
  ModelMetadata written;
  written.training = sampleTraining();
  QJsonObject json = toJson(written);
  QJsonObject training = json.value(QStringLiteral("training")).toObject();
  QJsonObject settings = training.value(QStringLiteral("settings")).toObject();
  settings.remove(QStringLiteral("seed"));
  training[QStringLiteral("settings")] = settings;
  json[QStringLiteral("training")] = training;
  const ModelMetadata read = readMetadata(json);
  QVERIFY(read.training && !read.training->settings);
  QCOMPARE(read.training->unknown.value(QStringLiteral("settings")).toObject(), settings);
  QCOMPARE(read.training->iterations, 30);
  QCOMPARE(toJson(read), json);
}

void TestModelMetadata::lessonReaderRefuses_data() {
  QTest::addColumn<QJsonObject>("lesson");
  QTest::addColumn<QString>("problem");
  const QString title = QStringLiteral("title");
  QTest::newRow("no title") << QJsonObject{{QStringLiteral("summary"), QStringLiteral("s")}}
                            << QStringLiteral("the lesson has no title");
  QTest::newRow("layer alone") << QJsonObject{{title, QStringLiteral("T")}, {QStringLiteral("layer"), 0}}
                               << QStringLiteral("the lesson gives a layer without a unit, or a unit without a layer");
  QTest::newRow("negative unit") << QJsonObject{{title, QStringLiteral("T")}, {QStringLiteral("layer"), 0}, {QStringLiteral("unit"), -1}}
                                 << QStringLiteral("the lesson's layer and unit must be non-negative integers");
  QTest::newRow("fractional unit") << QJsonObject{{title, QStringLiteral("T")}, {QStringLiteral("layer"), 0}, {QStringLiteral("unit"), 1.5}}
                                   << QStringLiteral("the lesson's layer and unit must be non-negative integers");
  QTest::newRow("bad quantity") << QJsonObject{{title, QStringLiteral("T")}, {QStringLiteral("layer"), 0}, {QStringLiteral("unit"), 1},
                                               {QStringLiteral("quantity"), QStringLiteral("x")}}
                                << QStringLiteral("the lesson's quantity \"x\" is not one of i, f, g, o, c, h");
}

void TestModelMetadata::lessonReaderRefuses() {
  QFETCH(QJsonObject, lesson);
  QFETCH(QString, problem);
  Problem found;
  QVERIFY(!readExampleLesson(lesson, &found));
  QCOMPARE(test::english(found), problem);
}

void TestModelMetadata::emptyMetadataStaysEmpty() {
  const ModelMetadata read = readMetadata(QJsonObject());
  QVERIFY(!read.series && !read.training && !read.lesson);
  QVERIFY(!read.seriesProblem.isSet() && !read.lessonProblem.isSet());
  QVERIFY(toJson(read).isEmpty());
}

QTEST_GUILESS_MAIN(TestModelMetadata)
#include "tst_model_metadata.moc"
