// Training settings: the fortune corpora offered, loading a corpus off the GUI thread with its
// failures named, and the settings form's round trip, inline validation and size-dependent suggestions.
#include "common/problem_text.h"
#include "data/generators.h"
#include "training/corpus_source.h"
#include "training/training_settings_form.h"

#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolButton>

using namespace lstm;

namespace {
std::shared_ptr<const Corpus> textCorpus(int characters) {
  std::u32string text;
  const std::u32string words = U"the quick brown fox jumps over the lazy dog. ";
  while (int(text.size()) < characters)
    text += words;
  text.resize(std::size_t(characters));
  Problem error;
  auto corpus = corpusFromText(text, QStringLiteral("synthetic"), CorpusOptions{}, &error);
  if (!corpus)
    qFatal("%s", qPrintable(problemText(error)));
  return std::make_shared<const Corpus>(std::move(*corpus));
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes) {
  const QString path = dir.filePath(name);
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
    qFatal("cannot write %s", qPrintable(path));
  return path;
}
} // namespace

class TestTrainingSettingsForm : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void availableCorporaListsOnlyExistingFiles();
  void loaderLoadsTextWithBaselines();
  void loaderFailures_data();
  void loaderFailures();
  void loaderLoadsARealFortuneCorpus();
  void loaderCancelDropsTheResult();
  void configRoundTrips();
  void withoutCorpusTheFormIsInvalid();
  void zeroHiddenIsInvalid();
  void sequenceLongerThanCorpusIsInvalid();
  void suggestionsDependOnCorpusSize();
  void suggestionStaysInViewAndCanBeRestored();
};

void TestTrainingSettingsForm::availableCorporaListsOnlyExistingFiles() {
  const QList<CorpusChoice> choices = availableCorpora();
  QStringList listed;
  for (const CorpusChoice &choice : choices) {
    QVERIFY2(QFileInfo::exists(choice.path), qPrintable(choice.path));
    QVERIFY(choice.label.contains(QFileInfo(choice.path).fileName()));
    listed << choice.path;
  }
  for (const char *name : {"tang300", "song100", "literature", "riddles"}) {
    const QString path = QStringLiteral("/usr/share/games/fortunes/") + QString::fromLatin1(name);
    QCOMPARE(listed.contains(path), QFileInfo::exists(path));
  }
}

void TestTrainingSettingsForm::loaderLoadsTextWithBaselines() {
  QTemporaryDir dir;
  QByteArray text;
  for (int k = 0; k < 200; ++k)
    text += "abcab cabba acbca. ";
  const QString path = writeFile(dir, QStringLiteral("small.txt"), text);
  CorpusLoader loader;
  QSignalSpy loaded(&loader, &CorpusLoader::loaded);
  QSignalSpy failed(&loader, &CorpusLoader::failed);
  loader.load(path);
  QVERIFY(loader.isLoading());
  QVERIFY(loaded.wait(10000));
  QCOMPARE(failed.count(), 0);
  QVERIFY(!loader.isLoading());
  const auto corpus = loaded.at(0).at(0).value<std::shared_ptr<const Corpus>>();
  QVERIFY(corpus);
  QCOMPARE(corpus->size(), text.size());
  QCOMPARE(corpus->vocabulary.size(), 5); // a b c, space, full stop
  const auto baselines = loaded.at(0).at(1).value<Baselines>();
  QVERIFY(baselines.predictions > 0);
  QVERIFY(baselines.unigram > 0.0);
  QVERIFY(baselines.bigram < baselines.unigram); // a repeating text is far more predictable from the last character
}

void TestTrainingSettingsForm::loaderFailures_data() {
  QTest::addColumn<QByteArray>("bytes");
  QTest::newRow("invalid UTF-8") << QByteArray("hello \xff\xfe world, hello world\n");
  QTest::newRow("empty") << QByteArray();
}

void TestTrainingSettingsForm::loaderFailures() {
  QFETCH(QByteArray, bytes);
  QTemporaryDir dir;
  const QString path = writeFile(dir, QStringLiteral("bad.txt"), bytes);
  CorpusLoader loader;
  QSignalSpy loaded(&loader, &CorpusLoader::loaded);
  QSignalSpy failed(&loader, &CorpusLoader::failed);
  loader.load(path);
  QVERIFY(failed.wait(10000));
  QCOMPARE(loaded.count(), 0);
  const QString message = failed.at(0).at(0).toString();
  QVERIFY2(message.contains(QStringLiteral("bad.txt")), qPrintable(message));
  QVERIFY(!loader.isLoading());
}

void TestTrainingSettingsForm::loaderLoadsARealFortuneCorpus() {
  const QList<CorpusChoice> choices = availableCorpora();
  if (choices.isEmpty())
    QSKIP("no Debian fortune corpus installed");
  CorpusLoader loader;
  QSignalSpy loaded(&loader, &CorpusLoader::loaded);
  QSignalSpy failed(&loader, &CorpusLoader::failed);
  loader.load(choices.first().path);
  QVERIFY(loaded.wait(30000));
  QCOMPARE(failed.count(), 0);
  const auto corpus = loaded.at(0).at(0).value<std::shared_ptr<const Corpus>>();
  QCOMPARE(corpus->format, CorpusFormat::Fortune);
  QVERIFY(corpus->size() > 1000);
  QVERIFY(loaded.at(0).at(1).value<Baselines>().bigram > 0.0);
}

void TestTrainingSettingsForm::loaderCancelDropsTheResult() {
  QTemporaryDir dir;
  const QString path = writeFile(dir, QStringLiteral("c.txt"), QByteArray("some text to load\n").repeated(1000));
  CorpusLoader loader;
  QSignalSpy loaded(&loader, &CorpusLoader::loaded);
  QSignalSpy failed(&loader, &CorpusLoader::failed);
  loader.load(path);
  loader.cancel();
  QVERIFY(!loader.isLoading());
  // A second load after the cancelled one delivers exactly one result: its own.
  loader.load(path);
  QVERIFY(loaded.wait(10000));
  // The first worker was joined before the second started, so a result of its, were it not dropped, was queued first.
  QCOMPARE(loaded.count(), 1);
  QCOMPARE(failed.count(), 0);
}

void TestTrainingSettingsForm::configRoundTrips() {
  TrainingSettingsForm form;
  TrainerConfig config;
  config.hiddenSize = 96;
  config.numLayers = 3;
  config.embedDim = 16;
  config.seqLength = 50;
  config.batchSize = 12;
  config.optimizer.kind = OptimizerKind::RmsProp;
  config.optimizer.learningRate = 0.00125;
  config.clipNorm = 2.5;
  config.iterations = 1234;
  config.evalEvery = 77;
  config.seed = 4242;
  config.threads = 3;
  config.epochs = 1.5; // no widget: carried through
  QSignalSpy changed(&form, &TrainingSettingsForm::changed);
  form.setConfig(config);
  QCOMPARE(changed.count(), 1);
  QCOMPARE(form.config().toJson(), config.toJson());
  // The widgets really show it, and editing one shows up in config().
  QCOMPARE(form.findChild<QSpinBox *>(QStringLiteral("hiddenSpin"))->value(), 96);
  QCOMPARE(form.findChild<QDoubleSpinBox *>(QStringLiteral("lrSpin"))->decimals(), 5);
  auto *batch = form.findChild<QSpinBox *>(QStringLiteral("batchSpin"));
  batch->selectAll();
  QTest::keyClicks(batch, QStringLiteral("20"));
  QCOMPARE(form.config().batchSize, 20);
  QVERIFY(changed.count() > 1);
}

void TestTrainingSettingsForm::withoutCorpusTheFormIsInvalid() {
  TrainingSettingsForm form;
  QVERIFY(!form.isValid());
  auto *label = form.findChild<QLabel *>(QStringLiteral("settingsProblemLabel"));
  QVERIFY(label->text().contains(QStringLiteral("corpus")));
  QCOMPARE(form.findChild<QSpinBox *>(QStringLiteral("threadsSpin"))->value(), std::max(1, QThread::idealThreadCount()));
}

void TestTrainingSettingsForm::zeroHiddenIsInvalid() {
  TrainingSettingsForm form;
  const auto corpus = textCorpus(50000);
  form.suggestFor(*corpus);
  form.setCorpus(corpus);
  QVERIFY2(form.isValid(), qPrintable(form.message()));
  auto *label = form.findChild<QLabel *>(QStringLiteral("settingsProblemLabel"));
  QVERIFY(label->text().contains(QStringLiteral("MB")));
  form.findChild<QSpinBox *>(QStringLiteral("hiddenSpin"))->setValue(0);
  QVERIFY(!form.isValid());
  QVERIFY2(label->text().contains(QStringLiteral("hidden")), qPrintable(label->text()));
}

void TestTrainingSettingsForm::sequenceLongerThanCorpusIsInvalid() {
  TrainingSettingsForm form;
  const auto corpus = textCorpus(2000);
  form.setCorpus(corpus);
  form.findChild<QSpinBox *>(QStringLiteral("batchSpin"))->setValue(1);
  form.findChild<QSpinBox *>(QStringLiteral("seqSpin"))->setValue(100);
  QVERIFY2(form.isValid(), qPrintable(form.message()));
  form.findChild<QSpinBox *>(QStringLiteral("seqSpin"))->setValue(5000);
  QVERIFY(!form.isValid());
  QVERIFY2(form.message().contains(QStringLiteral("sequence")), qPrintable(form.message()));
}

void TestTrainingSettingsForm::suggestionsDependOnCorpusSize() {
  TrainingSettingsForm form;
  const auto small = textCorpus(20000), large = textCorpus(400000);
  form.suggestFor(*small);
  form.setCorpus(small);
  const TrainerConfig forSmall = form.config();
  QVERIFY2(form.isValid(), qPrintable(form.message()));
  form.suggestFor(*large);
  form.setCorpus(large);
  const TrainerConfig forLarge = form.config();
  QVERIFY2(form.isValid(), qPrintable(form.message()));
  QVERIFY(forSmall.hiddenSize * forSmall.numLayers < forLarge.hiddenSize * forLarge.numLayers);
  QVERIFY(forSmall.batchSize < forLarge.batchSize);
  // About 20 epochs each.
  QCOMPARE(forSmall.iterations, 20 * forSmall.windowsPerEpoch(*small));
  QCOMPARE(forLarge.iterations, 20 * forLarge.windowsPerEpoch(*large));
  // A text too short for the default window still gets settings that can train.
  const auto tiny = textCorpus(600);
  form.suggestFor(*tiny);
  form.setCorpus(tiny);
  QVERIFY2(form.isValid(), qPrintable(form.message()));
}

// The 3-symbol bracket text is offered a small model (it was offered 2×256); the suggestion stays on screen when
// the user overrides it, and "Use" sets it again.
void TestTrainingSettingsForm::suggestionStaysInViewAndCanBeRestored() {
  Problem error;
  const auto text = generateText("parens", 200000, 1, &error);
  QVERIFY(text);
  auto corpus = corpusFromText(*text, QStringLiteral("parens"), CorpusOptions{}, &error);
  QVERIFY(corpus);
  const auto brackets = std::make_shared<const Corpus>(std::move(*corpus));
  TrainingSettingsForm form;
  form.show();
  auto *label = form.findChild<QLabel *>(QStringLiteral("suggestionLabel"));
  auto *use = form.findChild<QToolButton *>(QStringLiteral("useSuggestionButton"));
  QVERIFY(label && use && !label->isVisible()); // nothing to suggest before a corpus
  form.setCorpus(brackets);
  form.suggestFor(*brackets);
  QVERIFY(label->isVisible());
  QCOMPARE(form.config().numLayers, 1);
  QVERIFY(form.config().hiddenSize <= 64);
  QVERIFY2(label->text().contains(QStringLiteral("3 symbols")), qPrintable(label->text()));
  QVERIFY(label->text().startsWith(QStringLiteral("Suggested")));
  QVERIFY(!use->isEnabled());
  const int suggested = form.config().hiddenSize;

  auto *hidden = form.findChild<QSpinBox *>(QStringLiteral("hiddenSpin"));
  hidden->setValue(256); // the user overrides it
  QCOMPARE(form.config().hiddenSize, 256);
  QVERIFY(!form.followsSuggestion());
  QVERIFY2(label->text().startsWith(QStringLiteral("Changed from the suggestion")), qPrintable(label->text()));
  QVERIFY(use->isEnabled());
  QTest::mouseClick(use, Qt::LeftButton);
  QCOMPARE(form.config().hiddenSize, suggested);
  QVERIFY(form.followsSuggestion());
  QVERIFY(!use->isEnabled());
}

QTEST_MAIN(TestTrainingSettingsForm)
#include "tst_training_settings_form.moc"
