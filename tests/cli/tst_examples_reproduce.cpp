// Each shipped example model is reproducible: the command kept in its lesson file — the one the
// gallery shows and tools/train_examples.sh runs — trains, here and now, a model whose best validation loss is
// within 2 % of the one recorded in the shipped file.
#include "cli_runner.h"
#include "english_problem.h"
#include "explore/example_lesson.h"
#include "io/model_file.h"
#include "io/model_metadata.h"

#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace lstm;
using namespace lstm::test;

class TestExamplesReproduce : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void commandReproducesTheRecordedLoss_data();
  void commandReproducesTheRecordedLoss();
};

void TestExamplesReproduce::commandReproducesTheRecordedLoss_data() {
  QTest::addColumn<QString>("name");
  const QDir lessons(QStringLiteral(LSTM_SOURCE_DIR "/resources/examples"));
  const QStringList files = lessons.entryList({QStringLiteral("*.lesson.json")}, QDir::Files, QDir::Name);
  QCOMPARE(files.size(), 5);
  for (const QString &file : files)
    QTest::newRow(qPrintable(file)) << file.chopped(int(qstrlen(".lesson.json")));
}

void TestExamplesReproduce::commandReproducesTheRecordedLoss() {
  QFETCH(QString, name);
  const QString source = QStringLiteral(LSTM_SOURCE_DIR);
  Problem error;
  const auto shipped = loadModel(source + QStringLiteral("/resources/models/examples/%1.lstm").arg(name), &error);
  QVERIFY2(shipped, qPrintable(english(error)));
  const auto lesson = ExampleLesson::of(*shipped, &error);
  QVERIFY2(lesson, qPrintable(english(error)));
  // The shipped model carries the command of its lesson file, so the two cannot drift apart unnoticed.
  QFile file(source + QStringLiteral("/resources/examples/%1.lesson.json").arg(name));
  QVERIFY(file.open(QIODevice::ReadOnly));
  QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("command")).toString(), lesson->command);

  QStringList arguments = lesson->command.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  QCOMPARE(arguments.value(0), QStringLiteral("lstm-explorer-cli"));
  arguments.removeFirst();
  QTemporaryDir dir;
  for (qsizetype k = 0; k < arguments.size(); ++k) {
    if (arguments[k] == QLatin1String("--out"))
      arguments[k + 1] = dir.filePath(QStringLiteral("model.lstm"));
    else if (arguments[k].startsWith(QLatin1String("resources/")))
      arguments[k] = source + QLatin1Char('/') + arguments[k];
  }
  const CliRun run = runCli(arguments + QStringList{QStringLiteral("--json-progress")});
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  const QJsonObject done = QJsonDocument::fromJson(run.out.trimmed().split('\n').last()).object();
  const double reproduced = done.value(QStringLiteral("best_val_loss")).toDouble(NAN);
  const auto training = readMetadata(shipped->metadata).training;
  const double recorded = training ? training->bestValidationLoss : NAN;
  qInfo("%s: recorded %.6g, reproduced %.6g (%+.3f %%)", qPrintable(name), recorded, reproduced,
        100.0 * (reproduced - recorded) / recorded);
  QVERIFY(std::isfinite(recorded) && std::isfinite(reproduced));
  QVERIFY(std::abs(reproduced - recorded) <= 0.02 * recorded);
}

QTEST_GUILESS_MAIN(TestExamplesReproduce)
#include "tst_examples_reproduce.moc"
