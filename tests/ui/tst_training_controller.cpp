// TrainingController: training on a worker thread, progress reaching the GUI thread, pause that really
// stops progress, resume, stop, refusals, weight snapshots (periodic and on request), saving that reloads to the
// same weights, and a checkpoint written while running that resumes to exactly the uninterrupted result.
#include "io/model_file.h"
#include "training/training_controller.h"
#include "ui_test_helpers.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lstm;

namespace {
// Sentences from a tiny grammar: structure an LSTM learns in a few hundred iterations.
std::shared_ptr<const Corpus> grammarCorpus() {
  const char *words[] = {"the cat", " sees", " a dog", " likes", " the moon.", " my hat.\n"};
  std::u32string text;
  std::uint64_t state = 12345;
  for (int k = 0; k < 2000; ++k) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    for (const char *c = words[(state >> 33) % 6]; *c; ++c)
      text += char32_t(*c);
  }
  QString error;
  auto corpus = corpusFromText(text, QStringLiteral("grammar"), CorpusOptions{}, &error);
  if (!corpus)
    qFatal("%s", qPrintable(error));
  return std::make_shared<const Corpus>(std::move(*corpus));
}

TrainerConfig smallConfig(std::int64_t iterations) {
  TrainerConfig config;
  config.hiddenSize = 24;
  config.numLayers = 1;
  config.seqLength = 16;
  config.batchSize = 8;
  config.iterations = iterations;
  config.evalEvery = 50;
  config.optimizer.learningRate = 1e-2;
  return config;
}
} // namespace

class TestTrainingController : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void trainsOnAWorkerAndLossFalls();
  void pauseStopsProgressAndResumeContinues();
  void stopEndsCleanly();
  void refusesImpossibleSettingsAndASecondRun();
  void snapshotsAreCopies();
  void savedModelReloadsToTheSameWeights();
  void snapshotOnRequest();
  void checkpointWhileRunningResumesExactly();
};

void TestTrainingController::trainsOnAWorkerAndLossFalls() {
  TrainingController controller;
  QSignalSpy progress(&controller, &TrainingController::progress);
  QSignalSpy finished(&controller, &TrainingController::finished);
  QString error;
  QVERIFY2(controller.start(grammarCorpus(), smallConfig(400), &error), qPrintable(error));
  QCOMPARE(controller.state(), TrainingController::State::Running);
  QVERIFY(finished.wait(60000));
  QCOMPARE(finished.front().front().value<TrainingOutcome>(), TrainingOutcome::Finished);
  QCOMPARE(controller.state(), TrainingController::State::Idle);
  QVERIFY(progress.count() >= 8); // every evaluation (8 of them) is delivered, throttled ones may add more
  const auto first = progress.front().front().value<TrainingProgress>();
  const auto last = progress.back().front().value<TrainingProgress>();
  QCOMPARE(last.iteration, 400);
  QVERIFY(last.evaluated);
  QVERIFY2(last.validationLoss < controller.baselines()->unigram - 0.5,
           qPrintable(QStringLiteral("%1 vs unigram %2").arg(last.validationLoss).arg(controller.baselines()->unigram)));
  QVERIFY(last.smoothedLoss < first.smoothedLoss);
}

void TestTrainingController::pauseStopsProgressAndResumeContinues() {
  TrainingController controller;
  QSignalSpy progress(&controller, &TrainingController::progress);
  QString error;
  QVERIFY(controller.start(grammarCorpus(), smallConfig(1000000), &error));
  QVERIFY(progress.wait(10000));
  controller.pause();
  QTRY_COMPARE(controller.state(), TrainingController::State::Paused);
  QCoreApplication::processEvents(); // deliver what was queued before the worker stopped
  progress.clear();
  QVERIFY(!progress.wait(300)); // paused: nothing arrives
  QVERIFY(controller.modelCopy() != nullptr);
  controller.resume();
  QCOMPARE(controller.state(), TrainingController::State::Running);
  QVERIFY(progress.wait(10000));
  QSignalSpy finished(&controller, &TrainingController::finished);
  controller.stop();
  QVERIFY(finished.wait(10000));
}

void TestTrainingController::stopEndsCleanly() {
  TrainingController controller;
  QSignalSpy finished(&controller, &TrainingController::finished);
  QSignalSpy progress(&controller, &TrainingController::progress);
  QString error;
  QVERIFY(controller.start(grammarCorpus(), smallConfig(1000000), &error));
  QVERIFY(progress.wait(10000));
  controller.pause();
  QTRY_COMPARE(controller.state(), TrainingController::State::Paused);
  controller.stop(); // stopping a paused run works too
  QVERIFY(finished.wait(10000));
  QCOMPARE(finished.front().front().value<TrainingOutcome>(), TrainingOutcome::Cancelled);
  QVERIFY(finished.front().back().toString().contains(QStringLiteral("stopped")));
  QCOMPARE(controller.state(), TrainingController::State::Idle);
  QVERIFY(controller.modelCopy() != nullptr); // the weights stay available after a stop
}

void TestTrainingController::refusesImpossibleSettingsAndASecondRun() {
  TrainingController controller;
  QString error;
  TrainerConfig zero = smallConfig(10);
  zero.hiddenSize = 0;
  QVERIFY(!controller.start(grammarCorpus(), zero, &error));
  QVERIFY2(error.contains(QStringLiteral("hidden")), qPrintable(error));
  TrainerConfig tooLong = smallConfig(10);
  tooLong.seqLength = 1000000;
  QVERIFY(!controller.start(grammarCorpus(), tooLong, &error));
  QVERIFY(!error.isEmpty());
  QCOMPARE(controller.state(), TrainingController::State::Idle);
  QVERIFY(!controller.hasTrainer());

  QVERIFY(controller.start(grammarCorpus(), smallConfig(1000000), &error));
  QVERIFY(!controller.start(grammarCorpus(), smallConfig(10), &error));
  QVERIFY(error.contains(QStringLiteral("already")));
  QVERIFY(!controller.saveModel(QStringLiteral("/tmp/never.lstm"), &error)); // not while running
  QVERIFY2(error.contains(QStringLiteral("pause")), qPrintable(error));
  QSignalSpy finished(&controller, &TrainingController::finished);
  controller.stop();
  QVERIFY(finished.wait(10000));
}

void TestTrainingController::snapshotsAreCopies() {
  TrainingController controller;
  controller.setSnapshotEvery(25);
  QSignalSpy snapshots(&controller, &TrainingController::snapshot);
  QSignalSpy finished(&controller, &TrainingController::finished);
  QString error;
  QVERIFY(controller.start(grammarCorpus(), smallConfig(100), &error));
  QVERIFY(finished.wait(60000));
  // The untrained weights, every 25 iterations, and every evaluation (50 and 100 coincide).
  QCOMPARE(snapshots.count(), 5);
  QList<qint64> iterations;
  for (const auto &arguments : snapshots)
    iterations << arguments.back().toLongLong();
  QCOMPARE(iterations, (QList<qint64>{0, 25, 50, 75, 100}));
  const auto first = snapshots.at(1).front().value<std::shared_ptr<const Model>>();
  const auto initial = snapshots.front().front().value<std::shared_ptr<const Model>>();
  QVERIFY(initial && initial->parameters.flat() != first->parameters.flat());
  const auto last = snapshots.back().front().value<std::shared_ptr<const Model>>();
  QVERIFY(first && last);
  QVERIFY(first->parameters.flat() != last->parameters.flat()); // each a copy of its moment, not a shared buffer
  QVERIFY(last->parameters.flat() == controller.modelCopy()->parameters.flat());
}

void TestTrainingController::savedModelReloadsToTheSameWeights() {
  TrainingController controller;
  QSignalSpy finished(&controller, &TrainingController::finished);
  QString error;
  QVERIFY(controller.start(grammarCorpus(), smallConfig(60), &error));
  QVERIFY(finished.wait(60000));
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("trained.lstm"));
  QVERIFY2(controller.saveModel(path, &error), qPrintable(error));
  auto loaded = loadModel(path, &error);
  QVERIFY2(loaded, qPrintable(error));
  QVERIFY(loaded->parameters.flat() == controller.modelCopy()->parameters.flat());
  // A checkpoint resumes to exactly the weights of a longer uninterrupted run.
  const QString checkpoint = dir.filePath(QStringLiteral("run.ckpt"));
  QVERIFY2(controller.saveCheckpoint(checkpoint, &error), qPrintable(error));
  TrainingController resumed, straight;
  QSignalSpy resumedDone(&resumed, &TrainingController::finished), straightDone(&straight, &TrainingController::finished);
  QVERIFY2(resumed.resumeCheckpoint(grammarCorpus(), checkpoint, &error, 90), qPrintable(error));
  QVERIFY(straight.start(grammarCorpus(), smallConfig(90), &error));
  QVERIFY(resumedDone.wait(60000));
  QVERIFY(straightDone.count() == 1 || straightDone.wait(60000));
  QVERIFY(resumed.modelCopy()->parameters.flat() == straight.modelCopy()->parameters.flat());

  // A damaged checkpoint: the worker's refusal names the file, and nothing runs.
  const QString damaged = dir.filePath(QStringLiteral("damaged.ckpt"));
  QVERIFY(test::writeFile(damaged, QByteArray("LSTMX not a checkpoint")));
  TrainingController refused;
  QSignalSpy failed(&refused, &TrainingController::startFailed);
  QSignalSpy started(&refused, &TrainingController::started);
  QVERIFY(refused.resumeCheckpoint(grammarCorpus(), damaged, &error));
  QVERIFY(failed.wait(10000));
  QVERIFY2(failed.front().front().toString().contains(damaged), qPrintable(failed.front().front().toString()));
  QCOMPARE(started.count(), 0);
  QCOMPARE(refused.state(), TrainingController::State::Idle);
  QVERIFY(!refused.hasTrainer());
}

void TestTrainingController::snapshotOnRequest() {
  TrainingController controller;
  QSignalSpy snapshots(&controller, &TrainingController::snapshot);
  QSignalSpy progress(&controller, &TrainingController::progress);
  QString error;
  TrainerConfig config = smallConfig(1000000);
  config.evalEvery = 0;
  QVERIFY(controller.start(grammarCorpus(), config, &error));
  QVERIFY(snapshots.wait(10000)); // the untrained weights
  QCOMPARE(snapshots.back().back().toLongLong(), 0);
  QVERIFY(progress.wait(10000));
  controller.requestSnapshot();
  QVERIFY(snapshots.wait(10000));
  QCOMPARE(snapshots.count(), 2);
  QVERIFY(snapshots.back().back().toLongLong() > 0);
  QSignalSpy finished(&controller, &TrainingController::finished);
  controller.stop();
  QVERIFY(finished.wait(10000));
  QCOMPARE(snapshots.count(), 2); // one request, one snapshot
}

void TestTrainingController::checkpointWhileRunningResumesExactly() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("autosave.ckpt"));
  const auto corpus = grammarCorpus();
  TrainingController controller;
  QSignalSpy written(&controller, &TrainingController::checkpointWritten);
  QSignalSpy finished(&controller, &TrainingController::finished);
  bool requested = false;
  connect(&controller, &TrainingController::progress, this, [&](const TrainingProgress &p) {
    if (p.iteration >= 40 && !requested) {
      requested = true;
      controller.requestCheckpoint(path); // while the worker runs on
    }
  });
  QString error;
  QVERIFY(controller.start(corpus, smallConfig(160), &error));
  QVERIFY(written.wait(20000));
  QVERIFY2(written.front().at(2).toString().isEmpty(), qPrintable(written.front().at(2).toString()));
  const qint64 savedAt = written.front().at(1).toLongLong();
  QVERIFY(savedAt >= 40 && savedAt < 160);
  QVERIFY(finished.count() > 0 || finished.wait(60000));
  const auto uninterrupted = controller.modelCopy();

  TrainingController resumed;
  QSignalSpy resumedFinished(&resumed, &TrainingController::finished);
  QSignalSpy resumedStarted(&resumed, &TrainingController::started);
  // Asking for fewer iterations than the checkpoint already has keeps its own plan (160), not "finished at once".
  QVERIFY2(resumed.resumeCheckpoint(corpus, path, &error, 10), qPrintable(error));
  QVERIFY(resumedStarted.wait(10000)); // the worker read the checkpoint and built the trainer
  QCOMPARE(resumed.iteration(), savedAt);
  QCOMPARE(resumed.resumedHistory().empty(), savedAt < 50); // evaluations every 50 came with it
  QVERIFY(resumedFinished.wait(60000));
  QVERIFY(resumed.modelCopy()->parameters.flat() == uninterrupted->parameters.flat());
}

QTEST_MAIN(TestTrainingController)
#include "tst_training_controller.moc"
