// The trainer: determinism, exact resume, the NaN guard, cancellation, learning beyond the baselines,
// refusal of impossible settings, and the training record in the saved model.
#include "io/model_file.h"
#include "english_problem.h"
#include "io/model_metadata.h"
#include "model/rng.h"
#include "train/trainer.h"

#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace lstm;
using lstm::test::english;

namespace {

// Sentences from a tiny grammar: learnable structure (words, spaces, full stops) a unigram model cannot see.
std::shared_ptr<const Corpus> grammarCorpus(int sentences, std::uint64_t seed = 7) {
  const char *subjects[] = {"the cat", "a dog", "my bird", "the old fox"};
  const char *verbs[] = {" sees", " chases", " likes", " follows"};
  const char *objects[] = {" the mouse.", " a ball.", " the moon.", " my hat."};
  Rng rng(seed);
  std::u32string text;
  for (int k = 0; k < sentences; ++k) {
    for (const char *part : {subjects[rng.below(4)], verbs[rng.below(4)], objects[rng.below(4)]})
      for (const char *c = part; *c; ++c)
        text += char32_t(*c);
    text += k % 3 == 2 ? U'\n' : U' ';
  }
  Problem error;
  auto corpus = corpusFromText(text, QStringLiteral("grammar"), CorpusOptions{}, &error);
  if (!corpus)
    qFatal("%s", qPrintable(english(error)));
  return std::make_shared<const Corpus>(std::move(*corpus));
}

TrainerConfig smallConfig(std::int64_t iterations, int threads = 2) {
  TrainerConfig c;
  c.hiddenSize = 24;
  c.numLayers = 2;
  c.seqLength = 16;
  c.batchSize = 8;
  c.iterations = iterations;
  c.evalEvery = 10;
  c.threads = threads;
  c.seed = 99;
  return c;
}

} // namespace

class TestTrainer : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void sameSeedSameWeights();
  void resumeEqualsUninterrupted_data();
  void resumeEqualsUninterrupted();
  void learnsBeyondBaselines();
  void nanGuardKeepsLastGoodWeights();
  void cancelsWithinAnIteration();
  void refusesImpossibleSettings_data();
  void refusesImpossibleSettings();
  void refusesForeignCheckpoints();
  void modelRecordsTheRun();
};

void TestTrainer::sameSeedSameWeights() {
  const auto corpus = grammarCorpus(300);
  const std::atomic<bool> never{false};
  Trainer a(corpus, smallConfig(25)), b(corpus, smallConfig(25));
  QCOMPARE(a.run(never), TrainingOutcome::Finished);
  QCOMPARE(b.run(never), TrainingOutcome::Finished);
  QVERIFY(a.model().parameters.flat() == b.model().parameters.flat());
  TrainerConfig other = smallConfig(25);
  other.seed = 100;
  Trainer c(corpus, other);
  c.run(never);
  QVERIFY(a.model().parameters.flat() != c.model().parameters.flat());
}

void TestTrainer::resumeEqualsUninterrupted_data() {
  QTest::addColumn<int>("first");
  QTest::addColumn<int>("total");
  QTest::addColumn<int>("optimizer");
  // The grammar corpus gives about 30 windows per epoch: the second row resumes across an epoch boundary.
  QTest::newRow("adam, within an epoch") << 7 << 19 << int(OptimizerKind::Adam);
  QTest::newRow("adam, across epochs") << 23 << 70 << int(OptimizerKind::Adam);
  QTest::newRow("rmsprop with momentum") << 11 << 30 << int(OptimizerKind::RmsProp);
  QTest::newRow("sgd with momentum") << 11 << 30 << int(OptimizerKind::Sgd);
}

void TestTrainer::resumeEqualsUninterrupted() {
  QFETCH(int, first);
  QFETCH(int, total);
  QFETCH(int, optimizer);
  const auto corpus = grammarCorpus(300);
  TrainerConfig config = smallConfig(total);
  config.optimizer.kind = OptimizerKind(optimizer);
  config.optimizer.momentum = optimizer == int(OptimizerKind::Adam) ? 0.0 : 0.9;
  config.optimizer.learningRate = optimizer == int(OptimizerKind::Sgd) ? 0.5 : 2e-3;
  QVERIFY(config.windowsPerEpoch(*corpus) < total || first < config.windowsPerEpoch(*corpus));
  const std::atomic<bool> never{false};

  Trainer uninterrupted(corpus, config);
  QCOMPARE(uninterrupted.run(never), TrainingOutcome::Finished);

  TrainerConfig shorter = config;
  shorter.iterations = first;
  Trainer part(corpus, shorter);
  QCOMPARE(part.run(never), TrainingOutcome::Finished);
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("run.ckpt"));
  Problem error;
  QVERIFY2(part.saveCheckpoint(path, &error), qPrintable(english(error)));
  auto resumed = Trainer::resume(corpus, path, &error, total);
  QVERIFY2(resumed, qPrintable(english(error)));
  QCOMPARE(resumed->iteration(), std::int64_t(first));
  QCOMPARE(resumed->run(never), TrainingOutcome::Finished);
  QCOMPARE(resumed->iteration(), std::int64_t(total));
  QVERIFY(resumed->model().parameters.flat() == uninterrupted.model().parameters.flat()); // bit for bit
  // The history is the same, plus the evaluation the shorter run made at its own end.
  QCOMPARE(resumed->history().size(), uninterrupted.history().size() + (first % config.evalEvery ? 1 : 0));
  // A checkpoint is also a model file the other commands can read.
  QVERIFY2(loadModel(path, &error), qPrintable(english(error)));
}

void TestTrainer::learnsBeyondBaselines() {
  const auto corpus = grammarCorpus(1500);
  TrainerConfig config = smallConfig(300);
  config.hiddenSize = 48;
  config.numLayers = 1;
  config.seqLength = 32;
  config.evalEvery = 100;
  config.optimizer.learningRate = 1e-2;
  Trainer trainer(corpus, config);
  const std::atomic<bool> never{false};
  QCOMPARE(trainer.run(never), TrainingOutcome::Finished);
  const double unigram = trainer.baselines().unigram, bigram = trainer.baselines().bigram;
  const double best = trainer.bestValidationLoss();
  qInfo("validation %.3f nats/char; unigram %.3f, bigram %.3f", best, unigram, bigram);
  QVERIFY(bigram < unigram);
  QVERIFY2(best < unigram - 1.0, "clearly below the unigram baseline");
  QVERIFY2(best < bigram, "below the bigram baseline too");
}

void TestTrainer::nanGuardKeepsLastGoodWeights() {
  const auto corpus = grammarCorpus(300);
  TrainerConfig config = smallConfig(50);
  config.optimizer.kind = OptimizerKind::Sgd;
  config.optimizer.learningRate = 1e38; // the updates overflow float: logits become ±inf, the loss NaN
  config.clipNorm = 0.0;
  Trainer trainer(corpus, config);
  const std::atomic<bool> never{false};
  QCOMPARE(trainer.run(never), TrainingOutcome::Diverged);
  qInfo("%s", qPrintable(english(trainer.outcome())));
  QCOMPARE(trainer.outcome().code, ProblemCode::TrainingDiverged);
  QVERIFY2(english(trainer.outcome()).contains(QStringLiteral("diverged")), qPrintable(english(trainer.outcome())));
  QVERIFY(trainer.model().parameters.flat().allFinite());
  // The kept weights, and the iteration count, are exactly those of an identical run stopped before it went bad.
  TrainerConfig upToThere = config;
  Trainer reference(corpus, upToThere);
  if (trainer.iteration() > 0) {
    upToThere.iterations = trainer.iteration();
    Trainer stopped(corpus, upToThere);
    stopped.run(never);
    QVERIFY(trainer.model().parameters.flat() == stopped.model().parameters.flat());
  } else {
    QVERIFY(trainer.model().parameters.flat() == reference.model().parameters.flat()); // the initial weights
  }
}

void TestTrainer::cancelsWithinAnIteration() {
  // Iterations long enough (hundreds of ms) that the request lands inside one's passes. How many milliseconds
  // the stop takes is a figure, not a property: tests/bench/cancel_bench prints it.
  const auto corpus = grammarCorpus(6000);
  TrainerConfig config = smallConfig(1000);
  config.hiddenSize = 384;
  config.numLayers = 1;
  config.seqLength = 128;
  config.batchSize = 16;
  config.evalEvery = 0;
  Trainer trainer(corpus, config);
  std::atomic<bool> cancel{false};
  std::mutex mutex; // orders the progress callback and the request
  std::condition_variable progressed;
  std::int64_t completed = 0, raisedAfter = -1;
  std::thread stopper([&] {
    std::unique_lock lock(mutex);
    progressed.wait(lock, [&] { return completed >= 2; });
    raisedAfter = completed;
    cancel = true;
  });
  const TrainingOutcome outcome = trainer.run(cancel, [&](const TrainingProgress &p) {
    const std::lock_guard lock(mutex);
    completed = p.iteration;
    progressed.notify_all();
  });
  stopper.join();
  qInfo("cancel raised after iteration %lld, the run stopped after %lld (of %lld per epoch)",
        static_cast<long long>(raisedAfter), static_cast<long long>(trainer.iteration()),
        static_cast<long long>(config.windowsPerEpoch(*corpus)));
  QCOMPARE(outcome, TrainingOutcome::Cancelled);
  // Seen by the iteration that was running when it was raised: that one, at most, still completed.
  QVERIFY(trainer.iteration() >= raisedAfter && trainer.iteration() <= raisedAfter + 1);
  QVERIFY(trainer.iteration() < config.windowsPerEpoch(*corpus)); // mid-epoch
  // The interrupted iteration left nothing behind: the weights are those after the completed iterations.
  TrainerConfig same = config;
  same.iterations = trainer.iteration();
  Trainer reference(corpus, same);
  const std::atomic<bool> never{false};
  reference.run(never);
  QVERIFY(trainer.model().parameters.flat() == reference.model().parameters.flat());
}

void TestTrainer::refusesImpossibleSettings_data() {
  QTest::addColumn<int>("hidden");
  QTest::addColumn<int>("seq");
  QTest::addColumn<int>("batch");
  QTest::addColumn<double>("lr");
  QTest::addColumn<QString>("phrase");
  QTest::newRow("hidden 0") << 0 << 16 << 8 << 1e-3 << QStringLiteral("hidden size is 0");
  QTest::newRow("window longer than the text") << 16 << 5000 << 8 << 1e-3 << QStringLiteral("need at least");
  QTest::newRow("negative learning rate") << 16 << 16 << 8 << -1.0 << QStringLiteral("learning rate");
  QTest::newRow("memory") << 12000 << 16 << 8 << 1e-3 << QStringLiteral("GiB of memory"); // 1.7·10⁹ weights
  QTest::newRow("batch 0") << 16 << 16 << 0 << 1e-3 << QStringLiteral("batch");
}

void TestTrainer::refusesImpossibleSettings() {
  QFETCH(int, hidden);
  QFETCH(int, seq);
  QFETCH(int, batch);
  QFETCH(double, lr);
  QFETCH(QString, phrase);
  const auto corpus = grammarCorpus(300);
  TrainerConfig config = smallConfig(10);
  config.hiddenSize = hidden;
  config.seqLength = seq;
  config.batchSize = batch;
  config.optimizer.learningRate = lr;
  Problem problem;
  config.validate(*corpus, &problem);
  QVERIFY2(english(problem).contains(phrase), qPrintable(english(problem)));
}

void TestTrainer::refusesForeignCheckpoints() {
  const auto corpus = grammarCorpus(300), other = grammarCorpus(300, 8);
  Trainer trainer(corpus, smallConfig(3));
  const std::atomic<bool> never{false};
  trainer.run(never);
  QTemporaryDir dir;
  const QString checkpoint = dir.filePath(QStringLiteral("a.ckpt")), model = dir.filePath(QStringLiteral("a.lstm"));
  Problem error;
  QVERIFY(trainer.saveCheckpoint(checkpoint, &error));
  QVERIFY(trainer.saveModel(model, &error));
  QVERIFY(!Trainer::resume(other, checkpoint, &error));
  QVERIFY2(english(error).contains(QStringLiteral("not on this corpus")) && english(error).startsWith(checkpoint), qPrintable(english(error)));
  QVERIFY(!Trainer::resume(corpus, model, &error));
  QVERIFY2(english(error).contains(QStringLiteral("not a training checkpoint")), qPrintable(english(error)));
  QFile truncated(checkpoint);
  QVERIFY(truncated.resize(truncated.size() / 2));
  QVERIFY(!Trainer::resume(corpus, checkpoint, &error));
  QVERIFY2(english(error).contains(QStringLiteral("truncated")), qPrintable(english(error)));
}

void TestTrainer::modelRecordsTheRun() {
  const auto corpus = grammarCorpus(300);
  Trainer trainer(corpus, smallConfig(20));
  const std::atomic<bool> never{false};
  trainer.run(never);
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("m.lstm"));
  Problem error;
  QVERIFY(trainer.saveModel(path, &error));
  const auto model = loadModel(path, &error);
  QVERIFY2(model, qPrintable(english(error)));
  QVERIFY(model->vocabulary == corpus->vocabulary);
  const auto record = readMetadata(model->metadata).training;
  QVERIFY(record);
  QCOMPARE(record->corpus, QStringLiteral("grammar"));
  QCOMPARE(record->corpusSha256, corpus->sha256);
  QCOMPARE(record->iterations, 20);
  QVERIFY(record->settings);
  QCOMPARE(record->settings->hiddenSize, 24);
  QCOMPARE(int(record->history.size()), 2); // evaluations at 10 and 20
  QVERIFY(record->unigramBaseline > 1.0);
  // Reading the weights changes nothing: the record is only in the copy asked for explicitly.
  const Trainer &reader = trainer;
  QVERIFY(!readMetadata(reader.model().metadata).training);
  QCOMPARE(toJson(*readMetadata(reader.modelWithRecord().metadata).training), toJson(*record));
}

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
