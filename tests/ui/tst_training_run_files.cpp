// TrainingRunFiles: a run's files are named after the corpus of the run (a CSV series adds its column), a save
// marks the training as saved and says where it went, and nothing saved means no question before a new run.
#include "common/dialogs.h"
#include "common/problem.h"
#include "data/corpus.h"
#include "data/series_corpus.h"
#include "training/training_controller.h"
#include "training/training_recovery.h"
#include "training/training_run_files.h"
#include "ui_test_helpers.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace lstm;

class TestTrainingRunFiles : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
  void cleanup() { dialogs::setHooks({}); }
  void namesFilesAfterTheRunsCorpus();
};

void TestTrainingRunFiles::namesFilesAfterTheRunsCorpus() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  QStringList suggested, errors;
  int questions = 0;
  dialogs::setHooks({{},
                     [&](const QString &, const QString &name) {
                       suggested << name;
                       return dir.filePath(name);
                     },
                     [&errors](const QString &text) { errors << text; },
                     [&questions](const QString &) {
                       ++questions;
                       return dialogs::SaveChoice::Cancel;
                     }});
  Problem error;
  const QByteArray utf8 = test::grammarText(200);
  const QString text = QString::fromUtf8(utf8);
  const auto corpus = corpusFromText(text.toStdU32String(), QStringLiteral("grammar.txt"), {}, &error);
  QVERIFY2(corpus, qPrintable(problemInEnglish(error)));
  auto shared = std::make_shared<const Corpus>(*corpus);

  TrainingController controller;
  TrainingRecovery recovery(&controller);
  QWidget parent;
  auto *files = new TrainingRunFiles(&controller, &recovery, &parent);
  QVERIFY(!files->hasUnsavedTraining());
  QVERIFY(files->confirmDiscard()); // nothing trained: no question
  QCOMPARE(questions, 0);

  TrainerConfig config;
  config.hiddenSize = 8;
  config.numLayers = 1;
  config.seqLength = 16;
  config.batchSize = 4;
  config.iterations = 20;
  config.evalEvery = 10;
  QSignalSpy finished(&controller, &TrainingController::finished);
  files->runStarted(*shared);
  QString startError;
  QVERIFY2(controller.start(shared, config, &startError), qPrintable(startError));
  QVERIFY(finished.wait(60000));
  QVERIFY(files->hasUnsavedTraining());
  QVERIFY(!files->confirmDiscard()); // asked, and the answer was Cancel
  QCOMPARE(questions, 1);

  QSignalSpy saved(files, &TrainingRunFiles::saved);
  files->save(false);
  QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
  QCOMPARE(suggested, QStringList{QStringLiteral("grammar.lstm")});
  QVERIFY(QFile::exists(dir.filePath(QStringLiteral("grammar.lstm"))));
  QCOMPARE(saved.count(), 1);
  QVERIFY(saved.front().front().toString().contains(dir.filePath(QStringLiteral("grammar.lstm"))));
  QVERIFY(!files->hasUnsavedTraining());
  QVERIFY(files->confirmDiscard());
  QCOMPARE(questions, 1);

  // A series from a CSV file: one file holds many columns, so the column is part of the name.
  std::vector<double> values;
  for (int i = 0; i < 100; ++i)
    values.push_back(double(i % 7));
  const auto series = corpusFromSeries(values, QStringLiteral("weather.csv"), QStringLiteral("temp"), {}, &error);
  QVERIFY2(series, qPrintable(problemInEnglish(error)));
  files->runStarted(*series);
  files->save(true);
  QCOMPARE(suggested.back(), QStringLiteral("weather-temp.ckpt"));
  QVERIFY(QFile::exists(dir.filePath(QStringLiteral("weather-temp.ckpt"))));
}

QTEST_MAIN(TestTrainingRunFiles)
#include "tst_training_run_files.moc"
