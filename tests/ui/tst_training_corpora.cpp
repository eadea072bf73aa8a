// TrainingPanel corpora beyond text files: a generated classic task chosen from the corpus
// combo trains a character model over its own alphabet and regenerates when its seed changes; one number column
// of a CSV file trains a forecaster (Dense → Regression, metadata "series"), with text columns listed but not
// choosable, the loss plot in MSE with "mean" / "last value" baselines and no text samples; text in a number column
// is refused with loadCsv's sentence (file, line, column) and nothing starts; a crashed series run is rebuilt from
// its recovery note (CSV path and column) and resumed.
#include "common/problem_text.h"
#include "common/dialogs.h"
#include "data/series_csv.h"
#include "io/model_file.h"
#include "io/model_metadata.h"
#include "training/corpus_source.h"
#include "training/loss_plot_view.h"
#include "training/sample_log.h"
#include "training/training_panel.h"
#include "training/training_recovery.h"
#include "training/training_settings_form.h"
#include "ui_test_helpers.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace lstm;
using test::child;

namespace {

// A daily temperature-like series: a date column (text) and a number column, `rows` rows. `badLine` (1-based, as
// an editor counts: line 1 is the header) holds "warm" instead of a number.
QByteArray weatherCsv(int rows, int badLine = 0) {
  QByteArray text = "date,temp\n";
  for (int r = 0; r < rows; ++r) {
    const double value = 10.0 + 5.0 * std::sin(double(r) * 0.3) + 2.0 * std::sin(double(r) * 0.07);
    const QByteArray date = QStringLiteral("2024-%1-%2")
                                .arg(1 + r / 28 % 12, 2, 10, QLatin1Char('0'))
                                .arg(1 + r % 28, 2, 10, QLatin1Char('0'))
                                .toUtf8();
    text += date + ',' + (r + 2 == badLine ? QByteArray("warm") : QByteArray::number(value, 'f', 3)) + '\n';
  }
  return text;
}

// Chooses the combo entry called `text` as a user does with the keyboard (which emits activated()).
void chooseEntry(QComboBox *combo, const QString &text) {
  const int index = combo->findText(text);
  QVERIFY2(index > 0, qPrintable(text));
  combo->setCurrentIndex(index - 1);
  combo->setFocus();
  QSignalSpy activated(combo, &QComboBox::activated);
  QTest::keyClick(combo, Qt::Key_Down);
  QCOMPARE(activated.count(), 1);
  QCOMPARE(activated.front().front().toInt(), index);
}

} // namespace

class TestTrainingCorpora : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // recovery files go to a test location
  void init() { QDir(TrainingRecovery::directory()).removeRecursively(); }
  void cleanup() {
    dialogs::setHooks({});
    QDir(TrainingRecovery::directory()).removeRecursively();
  }
  void generatedTaskTrainsAndRegenerates();
  void csvColumnTrainsAForecaster();
  void textInANumberColumnIsRefused();
  void seriesRunIsRecoveredFromItsNote();
  void sourcesRoundTripThroughTheRecoveryNote();
};

void TestTrainingCorpora::generatedTaskTrainsAndRegenerates() {
  TrainingController trainingController;
  TrainingPanel panel(&trainingController);
  panel.resize(400, 900);
  panel.show();
  auto *combo = child<QComboBox>(&panel, "corpusCombo");
  // Every generator (the adding problem in its digit form), after a separator, before "CSV column…" and "Other file…".
  QVERIFY(combo->findText(QStringLiteral("Generated: Balanced brackets")) > 0);
  QVERIFY(combo->findText(QStringLiteral("Generated: Mackey–Glass series")) > 0);
  QVERIFY(combo->findText(QStringLiteral("Generated: Adding problem (digits)")) > 0);
  QCOMPARE(combo->itemText(combo->count() - 1), QStringLiteral("Other file…"));
  QCOMPARE(combo->itemText(combo->count() - 2), QStringLiteral("CSV column…"));
  auto *length = child<QSpinBox>(&panel, "generatorLengthSpin");
  auto *seed = child<QSpinBox>(&panel, "generatorSeedSpin");
  QVERIFY(!length->isVisible() && !seed->isVisible());

  QSignalSpy ready(&panel, &TrainingPanel::corpusReady);
  chooseEntry(combo, QStringLiteral("Generated: aⁿbⁿ counting"));
  QVERIFY(ready.wait(20000));
  QVERIFY(length->isVisible() && seed->isVisible());
  QCOMPARE(length->value(), 200000);
  QCOMPARE(seed->value(), 1);
  const QString info = child<QLabel>(&panel, "corpusInfoLabel")->text();
  QVERIFY2(info.contains(QStringLiteral("vocabulary 3: ↵ a b")), qPrintable(info));
  QVERIFY2(info.contains(QStringLiteral("unigram")), qPrintable(info));
  QCOMPARE(panel.corpusSource().kind, CorpusSource::Kind::Generated);
  QCOMPARE(panel.corpusSource().generator, QStringLiteral("anbn"));
  QVERIFY(panel.corpus() && panel.corpus()->size() >= 200000);
  QVERIFY(!panel.probeText().isEmpty());
  QVERIFY(!panel.lossPlot()->seriesLosses());

  test::setSmallTrainingSettings(panel.settings(), 100);
  QSignalSpy trained(&panel, &TrainingPanel::modelTrained);
  QTest::mouseClick(child<QPushButton>(&panel, "trainButton"), Qt::LeftButton);
  QVERIFY(trained.wait(60000));
  const auto model = trained.front().front().value<std::shared_ptr<const Model>>();
  QVERIFY(model);
  QCOMPARE(model->config.head, HeadKind::Softmax);
  QCOMPARE(model->vocabulary.symbols(), (std::vector<char32_t>{U'\n', U'a', U'b'}));
  QVERIFY(panel.sampleLog()->samples() > 0); // a text task writes samples
  panel.lossPlot()->refreshNow();
  QVERIFY(panel.grab().save(QStringLiteral("/tmp/training_panel_generated.png")));

  // Another seed: another corpus, regenerated once for a burst of changes.
  const QByteArray firstSha = panel.corpus()->sha256;
  seed->setValue(5);
  seed->setValue(2);
  QVERIFY(ready.wait(20000));
  QCOMPARE(ready.count(), 2);
  QCOMPARE(panel.corpusSource().seed, quint64(2));
  QVERIFY(panel.corpus()->sha256 != firstSha);
  QVERIFY(panel.corpus()->name.contains(QStringLiteral("seed 2")));
  QVERIFY(!ready.wait(600)); // the first change was coalesced away
}

void TestTrainingCorpora::csvColumnTrainsAForecaster() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString csvPath = dir.filePath(QStringLiteral("weather.csv"));
  QVERIFY(test::writeFile(csvPath, weatherCsv(600)));
  const QString modelPath = dir.filePath(QStringLiteral("forecaster.lstm"));
  QStringList errors;
  dialogs::setHooks({[&csvPath](const QString &) { return csvPath; },
                     [&modelPath](const QString &, const QString &) { return modelPath; },
                     [&errors](const QString &text) { errors << text; }});

  TrainingController trainingController;
  TrainingPanel panel(&trainingController);
  panel.resize(330, 900);
  panel.show();
  auto *combo = child<QComboBox>(&panel, "corpusCombo");
  QSignalSpy ready(&panel, &TrainingPanel::corpusReady);
  combo->setFocus();
  QTest::keyClick(combo, Qt::Key_End); // "Other file…" with a .csv file: the CSV route
  QVERIFY(ready.wait(20000));
  QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
  QCOMPARE(combo->currentText(), QStringLiteral("weather.csv"));

  // The column chooser lists both columns; the date column is text: disabled, with the reason as its tooltip.
  auto *columns = child<QComboBox>(&panel, "csvColumnCombo");
  QVERIFY(columns->isVisible());
  QCOMPARE(columns->count(), 2);
  auto *items = qobject_cast<QStandardItemModel *>(columns->model());
  QVERIFY(items);
  QVERIFY(!items->item(0)->isEnabled());
  QVERIFY(items->item(0)->text().contains(QStringLiteral("date")));
  QVERIFY2(columns->itemData(0, Qt::ToolTipRole).toString().contains(QStringLiteral("2024-01-01")),
           qPrintable(columns->itemData(0, Qt::ToolTipRole).toString()));
  QVERIFY(items->item(1)->isEnabled());
  QCOMPARE(columns->currentText(), QStringLiteral("temp"));
  QVERIFY(!child<QSpinBox>(&panel, "generatorSeedSpin")->isVisible());

  QVERIFY(panel.corpus() && panel.corpus()->isSeries());
  QCOMPARE(panel.corpusSource().kind, CorpusSource::Kind::CsvColumn);
  QCOMPARE(panel.corpusSource().column, QStringLiteral("temp"));
  const QString info = child<QLabel>(&panel, "corpusInfoLabel")->text();
  for (const char *word : {"600 values of temp", "mean", "standard deviation", "MSE", "last value"})
    QVERIFY2(info.contains(QString::fromUtf8(word)), qPrintable(info));
  QVERIFY(!info.contains(QStringLiteral("unigram")));
  QVERIFY(panel.probeText().isEmpty());

  // Series settings: a small one-layer network, no embedding, a higher learning rate.
  const TrainerConfig suggested = panel.settings()->config();
  QCOMPARE(suggested.hiddenSize, 32);
  QCOMPARE(suggested.numLayers, 1);
  QCOMPARE(suggested.optimizer.learningRate, 0.005);
  QVERIFY(!child<QSpinBox>(panel.settings(), "embedSpin")->isEnabled());
  QVERIFY2(panel.settings()->isValid(), qPrintable(panel.settings()->message()));

  // The loss plot speaks of MSE and the series' baselines; the sample log of nothing to sample.
  QVERIFY(panel.lossPlot()->seriesLosses());
  QCOMPARE(panel.lossPlot()->lossAxisLabel(), QStringLiteral("MSE (scaled)"));
  QCOMPARE(panel.lossPlot()->baselineName(0), QStringLiteral("mean"));
  QCOMPARE(panel.lossPlot()->baselineName(1), QStringLiteral("last value"));
  QVERIFY(!panel.sampleLog()->textSamples());
  QVERIFY(panel.sampleLog()->placeholderText().contains(QStringLiteral("Nothing to sample")));

  test::setSmallTrainingSettings(panel.settings(), 200);
  QSignalSpy trained(&panel, &TrainingPanel::modelTrained);
  QSignalSpy explored(&panel, &TrainingPanel::exploreModel);
  QSignalSpy progress(panel.controller(), &TrainingController::progress);
  QTest::mouseClick(child<QPushButton>(&panel, "trainButton"), Qt::LeftButton);
  QVERIFY(trained.wait(60000));
  const auto model = trained.front().front().value<std::shared_ptr<const Model>>();
  QVERIFY(model);
  QCOMPARE(model->config.head, HeadKind::Regression);
  const auto series = readMetadata(model->metadata).series;
  QVERIFY(series);
  QCOMPARE(series->column, QStringLiteral("temp"));
  QCOMPARE(series->path, csvPath);
  QCOMPARE(panel.sampleLog()->samples(), 0);
  QCOMPARE(panel.lossPlot()->validationPoints(), 4); // every 50 of 200 iterations
  const QString status = child<QLabel>(&panel, "trainingStatusLabel")->text();
  QVERIFY2(status.contains(QStringLiteral("validation MSE")) && !status.contains(QStringLiteral("nats")),
           qPrintable(status));
  // The forecaster learns: its validation error ends below that of always predicting the mean.
  const auto *baselines = panel.controller()->baselines();
  QVERIFY(baselines && progress.count() > 0);
  const auto last = progress.back().front().value<TrainingProgress>();
  QCOMPARE(last.iteration, 200);
  QVERIFY2(last.validationLoss < baselines->unigram,
           qPrintable(QStringLiteral("%1 vs mean %2").arg(last.validationLoss).arg(baselines->unigram)));

  // Explore (the timeline's button) and Save work as for text.
  QTest::mouseClick(child<QPushButton>(&panel, "exploreNowButton"), Qt::LeftButton);
  QTRY_VERIFY(explored.count() > 0);
  QTest::mouseClick(child<QPushButton>(&panel, "saveModelButton"), Qt::LeftButton);
  QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
  Problem error;
  const auto saved = loadModel(modelPath, &error);
  QVERIFY2(saved, qPrintable(problemText(error)));
  QCOMPARE(saved->config.head, HeadKind::Regression);

  panel.lossPlot()->refreshNow();
  test::savePng(panel, QStringLiteral("training_panel_series.png"));
  QVERIFY(panel.grab().save(QStringLiteral("/tmp/training_panel_series.png")));
}

void TestTrainingCorpora::textInANumberColumnIsRefused() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString csvPath = dir.filePath(QStringLiteral("bad.csv"));
  QVERIFY(test::writeFile(csvPath, weatherCsv(100, 5)));
  Problem problem;
  QVERIFY(!loadCsv(csvPath, {}, &problem));
  QCOMPARE(problem.line, 5); // the facts the sentence names
  QCOMPARE(problem.field, QStringLiteral("temp"));
  QCOMPARE(problem.value, QStringLiteral("warm"));
  const QString expected = problemText(problem);
  QVERIFY2(expected.contains(QStringLiteral("line 5")) && expected.contains(QStringLiteral("temp")) &&
               expected.contains(QStringLiteral("warm")),
           qPrintable(expected));
  QStringList errors;
  dialogs::setHooks({[&csvPath](const QString &) { return csvPath; }, {},
                     [&errors](const QString &text) { errors << text; }});

  TrainingController trainingController;
  TrainingPanel panel(&trainingController);
  panel.show();
  QSignalSpy ready(&panel, &TrainingPanel::corpusReady);
  chooseEntry(child<QComboBox>(&panel, "corpusCombo"), QStringLiteral("CSV column…"));
  QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 20000);
  QCOMPARE(errors.front(), expected);
  QCOMPARE(child<QComboBox>(&panel, "corpusCombo")->currentText(), QStringLiteral("bad.csv"));
  QCOMPARE(child<QLabel>(&panel, "corpusInfoLabel")->text(), expected);
  QCOMPARE(ready.count(), 0);
  QVERIFY(!panel.corpus());
  QVERIFY(!child<QPushButton>(&panel, "trainButton")->isEnabled());
  QVERIFY(!child<QComboBox>(&panel, "csvColumnCombo")->isVisible());
  QCOMPARE(panel.controller()->state(), TrainingController::State::Idle);
}

void TestTrainingCorpora::seriesRunIsRecoveredFromItsNote() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString csvPath = dir.filePath(QStringLiteral("weather.csv"));
  QVERIFY(test::writeFile(csvPath, weatherCsv(600)));
  qint64 autosaved = 0;
  {
    TrainingController trainingController;
    TrainingPanel panel(&trainingController);
    panel.show();
    QSignalSpy ready(&panel, &TrainingPanel::corpusReady);
    panel.loadCsvFile(csvPath, QStringLiteral("temp"));
    QVERIFY(ready.wait(20000));
    test::setSmallTrainingSettings(panel.settings(), 1000000);
    panel.recovery()->setIntervalMs(200);
    QSignalSpy saved(panel.recovery(), &TrainingRecovery::saved);
    QTest::mouseClick(child<QPushButton>(&panel, "trainButton"), Qt::LeftButton);
    QVERIFY(saved.wait(20000));
    autosaved = saved.back().front().toLongLong();
    // Pause and Stop work as for text; the panel then goes without the quit question, as after a kill.
    QSignalSpy finished(panel.controller(), &TrainingController::finished);
    QTest::mouseClick(child<QPushButton>(&panel, "pauseButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(panel.controller()->state(), TrainingController::State::Paused, 10000);
    QVERIFY(child<QPushButton>(&panel, "saveCheckpointButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(&panel, "stopButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.front().front().value<TrainingOutcome>(), TrainingOutcome::Cancelled);
  }
  TrainingController trainingController;
  TrainingPanel panel(&trainingController);
  panel.show();
  const auto pending = panel.recovery()->pending();
  QVERIFY(pending);
  const CorpusSource source = CorpusSource::fromString(pending->corpusPath);
  QCOMPARE(source.kind, CorpusSource::Kind::CsvColumn);
  QCOMPARE(source.path, csvPath);
  QCOMPARE(source.column, QStringLiteral("temp"));
  QVERIFY(pending->iteration >= autosaved && autosaved > 0);
  auto *banner = child<QWidget>(&panel, "recoveryBanner");
  QVERIFY(banner->isVisibleTo(&panel));
  QSignalSpy progress(panel.controller(), &TrainingController::progress);
  QTest::mouseClick(child<QPushButton>(&panel, "recoverButton"), Qt::LeftButton);
  QVERIFY(progress.wait(20000));
  QCOMPARE(progress.front().front().value<TrainingProgress>().iteration, pending->iteration + 1);
  QCOMPARE(panel.corpusSource(), source);
  QVERIFY(panel.lossPlot()->seriesLosses());
  panel.controller()->stopAndWait();
}

void TestTrainingCorpora::sourcesRoundTripThroughTheRecoveryNote() {
  const CorpusSource sources[] = {
      CorpusSource::textFile(QStringLiteral("/data/grammar.txt")),
      CorpusSource::generated(QStringLiteral("mackey-glass"), 20000, 18446744073709551615ull),
      CorpusSource::csvColumn(QStringLiteral("/data/a \"b\".csv"), QStringLiteral("temp, °C")),
  };
  for (const CorpusSource &source : sources)
    QCOMPARE(CorpusSource::fromString(source.toString()), source);
  QCOMPARE(sources[0].toString(), QStringLiteral("/data/grammar.txt")); // older notes hold a plain path
  QCOMPARE(sources[1].describe(), QStringLiteral("Mackey–Glass series (seed 18446744073709551615, 20000 values)"));
  QCOMPARE(sources[2].describe(), QStringLiteral("a \"b\".csv, column temp, °C"));
}

QTEST_MAIN(TestTrainingCorpora)
#include "tst_training_corpora.moc"
