// `lstm-explorer-cli train` on series and generated corpora: a CSV column becomes a forecaster that
// stores its scaling, generated tasks train with a lesson stored in the model, and bad input gets one message
// naming the file, the line and the column.
#include "cli_runner.h"
#include "english_problem.h"
#include "explore/example_lesson.h"
#include "io/model_file.h"
#include "io/model_metadata.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace lstm;
using namespace lstm::test;

class TestCliTrainSeries : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void csvColumnTrainsAForecaster();
  void generatorWithLesson();
  void refusals_data();
  void refusals();

private:
  QString write(const QString &name, const QByteArray &bytes) {
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
      qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
  }
  static QStringList small() {
    return {QStringLiteral("--hidden"), QStringLiteral("8"), QStringLiteral("--layers"), QStringLiteral("1"),
            QStringLiteral("--seq"), QStringLiteral("10"), QStringLiteral("--batch"), QStringLiteral("4"),
            QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--iters"), QStringLiteral("20"),
            QStringLiteral("--eval-every"), QStringLiteral("10")};
  }
  QTemporaryDir m_dir;
  QString m_csv;
};

void TestCliTrainSeries::initTestCase() {
  QVERIFY(m_dir.isValid());
  QByteArray csv = "day;temp;note\n";
  for (int d = 0; d < 400; ++d)
    csv += QByteArray::number(d) + ';' + QByteArray::number(15.0 + 5.0 * std::sin(d / 9.0), 'f', 2).replace('.', ',') +
           ";\"ok; fine\"\n";
  m_csv = write(QStringLiteral("weather.csv"), csv);
}

void TestCliTrainSeries::csvColumnTrainsAForecaster() {
  const QString model = m_dir.filePath(QStringLiteral("temp.lstm"));
  const CliRun run = runCli(QStringList{QStringLiteral("train"), QStringLiteral("--series"), m_csv, QStringLiteral("--column"),
                                        QStringLiteral("temp"), QStringLiteral("--out"), model, QStringLiteral("--json-progress")} +
                            small());
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  QVERIFY2(run.err.contains("to forecast \"temp\" of weather.csv") && run.err.contains("last value"), run.err.constData());
  const QJsonObject done = QJsonDocument::fromJson(run.out.trimmed().split('\n').last()).object();
  QCOMPARE(done[QStringLiteral("outcome")].toString(), QStringLiteral("finished"));
  QVERIFY(done[QStringLiteral("best_val_loss")].toDouble() > 0);
  Problem error;
  const auto loaded = loadModel(model, &error);
  QVERIFY2(loaded, qPrintable(english(error)));
  QCOMPARE(loaded->config.input, InputKind::Dense);
  QCOMPARE(loaded->config.head, HeadKind::Regression);
  const auto series = readMetadata(loaded->metadata).series;
  QVERIFY(series && series->scaling);
  QCOMPARE(series->column, QStringLiteral("temp"));
  QVERIFY(std::abs(series->scaling->mean - 15.0) < 1.0); // decimal commas were read
  QVERIFY(series->scaling->stddev > 2.0);
  // The column can be given by number too, with the same data.
  const CliRun byNumber = runCli(QStringList{QStringLiteral("train"), QStringLiteral("--series"), m_csv, QStringLiteral("--column"),
                                            QStringLiteral("2"), QStringLiteral("--out"), model} + small());
  QVERIFY2(byNumber.exitCode == 0 && byNumber.err.contains("\"temp\""), qPrintable(byNumber.describe()));
}

void TestCliTrainSeries::generatorWithLesson() {
  ExampleLesson lesson;
  lesson.title = QStringLiteral("Counting brackets");
  lesson.summary = QStringLiteral("One unit counts how deep the brackets are.");
  lesson.primer = QStringLiteral("(()[])\n");
  lesson.layer = 0;
  lesson.unit = 3;
  lesson.feature = QStringLiteral("bracket-depth");
  const QString lessonFile = write(QStringLiteral("lesson.json"), QJsonDocument(toJson(lesson)).toJson());
  const QString model = m_dir.filePath(QStringLiteral("brackets.lstm"));
  const CliRun run = runCli(QStringList{QStringLiteral("train"), QStringLiteral("--generator"), QStringLiteral("brackets"),
                                        QStringLiteral("--gen-length"), QStringLiteral("4000"), QStringLiteral("--gen-seed"),
                                        QStringLiteral("9"), QStringLiteral("--lesson"), lessonFile, QStringLiteral("--out"), model} +
                            small());
  QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
  QVERIFY2(run.err.contains("brackets (seed 9)"), run.err.constData());
  Problem error;
  const auto loaded = loadModel(model, &error);
  QVERIFY2(loaded, qPrintable(english(error)));
  const auto stored = ExampleLesson::of(*loaded, &error);
  QVERIFY2(stored, qPrintable(english(error)));
  QCOMPARE(stored->title, lesson.title);
  QCOMPARE(stored->unit, 3);
  QCOMPARE(stored->feature, QStringLiteral("bracket-depth"));
  QCOMPARE(loaded->vocabulary.size(), 7); // ()[]{} and the newline
}

void TestCliTrainSeries::refusals_data() {
  QTest::addColumn<QStringList>("arguments");
  QTest::addColumn<int>("exitCode");
  QTest::addColumn<QString>("phrase");
  const QString out = QStringLiteral("--out"), model = QStringLiteral("/tmp/never-written-series.lstm");
  const QString series = QStringLiteral("--series"), column = QStringLiteral("--column");
  QTest::newRow("no column") << QStringList{series, QStringLiteral("%CSV%"), out, model} << 2 << QStringLiteral("--series needs --column");
  QTest::newRow("two sources") << QStringList{series, QStringLiteral("%CSV%"), QStringLiteral("--generator"), QStringLiteral("anbn"), out, model}
                               << 2 << QStringLiteral("exactly one of");
  QTest::newRow("text in a number column") << QStringList{series, QStringLiteral("%TEXT%"), column, QStringLiteral("temp"), out, model}
                                           << 1 << QStringLiteral("text.csv: line 5, column \"temp\": \"warm\" is not a number");
  QTest::newRow("unknown column") << QStringList{series, QStringLiteral("%CSV%"), column, QStringLiteral("rain"), out, model}
                                  << 1 << QStringLiteral("rain");
  QTest::newRow("unknown generator") << QStringList{QStringLiteral("--generator"), QStringLiteral("sudoku"), out, model}
                                     << 1 << QStringLiteral("sudoku");
  QTest::newRow("bad lesson") << QStringList{QStringLiteral("--generator"), QStringLiteral("anbn"), QStringLiteral("--lesson"),
                                             QStringLiteral("%CSV%"), out, model}
                              << 1 << QStringLiteral("weather.csv: not a JSON object");
  QTest::newRow("series too short for the window")
      << QStringList{series, QStringLiteral("%CSV%"), column, QStringLiteral("temp"), QStringLiteral("--seq"), QStringLiteral("300"), out, model}
      << 1 << QStringLiteral("values");
}

void TestCliTrainSeries::refusals() {
  QFETCH(QStringList, arguments);
  QFETCH(int, exitCode);
  QFETCH(QString, phrase);
  const QString text = write(QStringLiteral("text.csv"), "day,temp\n1,2.5\n2,3\n\n3,warm\n4,5\n");
  for (QString &argument : arguments)
    argument.replace(QStringLiteral("%CSV%"), m_csv).replace(QStringLiteral("%TEXT%"), text);
  const CliRun run = runCli(QStringList{QStringLiteral("train")} + arguments);
  QCOMPARE(run.exitCode, exitCode);
  QVERIFY2(run.err.trimmed().count('\n') == 0 && QString::fromUtf8(run.err).contains(phrase), qPrintable(run.describe()));
  QVERIFY(!QFile::exists(QStringLiteral("/tmp/never-written-series.lstm")));
}

QTEST_GUILESS_MAIN(TestCliTrainSeries)
#include "tst_cli_train_series.moc"
