// TrainingPanel: a corpus file loads off the GUI thread and fits the settings, Train runs it with the
// curves and progress on screen, Pause really stops progress and Resume continues, the trained model saves and
// reloads to the same weights, impossible settings and an unreadable corpus keep Train disabled.
#include "common/dialogs.h"
#include "io/model_file.h"
#include "training/loss_plot_view.h"
#include "training/sample_log.h"
#include "training/training_panel.h"
#include "training/training_settings_form.h"
#include "ui_test_helpers.h"

#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace lstm;

namespace {
using test::grammarText;
using test::child;
using test::writeFile;
} // namespace

class TestTrainingPanel : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // recovery files go to a test location
  void cleanup() { dialogs::setHooks({}); }
  void trainsPausesResumesAndSaves();
};

void TestTrainingPanel::trainsPausesResumesAndSaves() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString corpusPath = dir.filePath(QStringLiteral("grammar.txt"));
  QVERIFY(writeFile(corpusPath, grammarText(3000)));
  QStringList errors;
  QString savePath = dir.filePath(QStringLiteral("trained.lstm"));
  const QString badPath = dir.filePath(QStringLiteral("latin1.txt"));
  dialogs::setHooks({[&badPath](const QString &) { return badPath; },
                     [&savePath](const QString &, const QString &) { return savePath; },
                     [&errors](const QString &text) { errors << text; }});

  TrainingPanel panel;
  panel.resize(520, 980);
  panel.show();
  auto *train = child<QPushButton>(&panel, "trainButton");
  auto *pause = child<QPushButton>(&panel, "pauseButton");
  auto *save = child<QPushButton>(&panel, "saveModelButton");
  auto *info = child<QLabel>(&panel, "corpusInfoLabel");
  QVERIFY(train && pause && save && info && child<QProgressBar>(&panel, "trainingProgressBar"));
  QVERIFY(!train->isEnabled()); // no corpus yet

  QSignalSpy ready(&panel, &TrainingPanel::corpusReady);
  panel.loadCorpusFile(corpusPath);
  QVERIFY(ready.wait(20000));
  QVERIFY2(info->text().contains(QStringLiteral("grammar.txt")), qPrintable(info->text()));
  QVERIFY(panel.settings()->isValid());
  QVERIFY(train->isEnabled());
  auto *combo = child<QComboBox>(&panel, "corpusCombo");
  QCOMPARE(combo->currentText(), QStringLiteral("grammar.txt"));

  QWidget *form = panel.settings();
  test::setSmallTrainingSettings(form, 300);
  QVERIFY2(panel.settings()->isValid(), qPrintable(panel.settings()->message()));
  QCOMPARE(panel.settings()->config().hiddenSize, 16);

  TrainingController *controller = panel.controller();
  QSignalSpy progress(controller, &TrainingController::progress);
  QSignalSpy finished(controller, &TrainingController::finished);
  QSignalSpy trained(&panel, &TrainingPanel::modelTrained);
  // Pause as soon as the first evaluation reaches the GUI, so a fast machine cannot finish the run first.
  bool pauseClicked = false;
  connect(controller, &TrainingController::progress, &panel, [&](const TrainingProgress &p) {
    if (p.evaluated && !pauseClicked) {
      pauseClicked = true;
      QTest::mouseClick(pause, Qt::LeftButton);
    }
  });
  QTest::mouseClick(train, Qt::LeftButton);
  QCOMPARE(controller->state(), TrainingController::State::Running);
  QVERIFY(!train->isEnabled());
  QTRY_VERIFY_WITH_TIMEOUT(panel.lossPlot()->validationPoints() > 0, 30000);
  QVERIFY(pauseClicked);
  QTRY_COMPARE_WITH_TIMEOUT(controller->state(), TrainingController::State::Paused, 10000);
  QCOMPARE(pause->text(), QStringLiteral("Resume"));
  QVERIFY(save->isEnabled());
  QCOMPARE(finished.count(), 0);

  panel.lossPlot()->refreshNow();
  QVERIFY(panel.grab().save(QStringLiteral("/tmp/training_panel.png")));

  progress.clear();
  QVERIFY(!progress.wait(300)); // paused: the worker delivers nothing
  QTest::mouseClick(pause, Qt::LeftButton);
  QCOMPARE(pause->text(), QStringLiteral("Pause"));
  QVERIFY(progress.wait(10000));
  QVERIFY(finished.count() > 0 || finished.wait(60000));
  QCOMPARE(finished.front().front().value<TrainingOutcome>(), TrainingOutcome::Finished);
  QCOMPARE(controller->state(), TrainingController::State::Idle);
  QCOMPARE(trained.count(), 1);
  // One sample per evaluation (every 50 of 300 iterations), written by the snapshot of that moment.
  QCOMPARE(panel.sampleLog()->samples(), 6);
  QVERIFY(panel.sampleLog()->toPlainText().contains(QStringLiteral("iteration 300: ")));

  const auto last = progress.back().front().value<TrainingProgress>();
  QCOMPARE(last.iteration, 300);
  QVERIFY(last.evaluated);
  QVERIFY2(last.validationLoss < controller->baselines()->unigram - 0.5,
           qPrintable(QStringLiteral("%1 vs unigram %2").arg(last.validationLoss).arg(controller->baselines()->unigram)));
  QVERIFY(child<QLabel>(&panel, "trainingStatusLabel")->text().contains(QStringLiteral("finished")));
  QVERIFY(child<QProgressBar>(&panel, "trainingProgressBar")->text().contains(QStringLiteral("iteration 300 / 300")));
  QVERIFY(train->isEnabled());

  QVERIFY(save->isEnabled());
  QTest::mouseClick(save, Qt::LeftButton);
  QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
  QString error;
  const auto loaded = loadModel(savePath, &error);
  QVERIFY2(loaded, qPrintable(error));
  const auto copy = controller->modelCopy();
  QVERIFY(copy);
  QCOMPARE(loaded->parameters.size(), copy->parameters.size());
  QVERIFY(loaded->parameters.flat() == copy->parameters.flat());
  const auto emitted = trained.front().front().value<std::shared_ptr<const Model>>();
  QVERIFY(emitted && emitted->parameters.flat() == copy->parameters.flat());

  // Impossible settings are explained and keep Train disabled.
  child<QSpinBox>(form, "hiddenSpin")->setValue(0);
  QVERIFY(!panel.settings()->isValid());
  QVERIFY(!train->isEnabled());
  child<QSpinBox>(form, "hiddenSpin")->setValue(16);
  QVERIFY(train->isEnabled());

  // A corpus that is not UTF-8, chosen through "Other file…": named in the label and in the error, and Train
  // stays disabled.
  QVERIFY(writeFile(badPath, QByteArray("caf\xe9 au lait\n", 13)));
  combo->setFocus();
  QTest::keyClick(combo, Qt::Key_End); // the last entry: "Other file…", answered by the openFile hook
  QCOMPARE(combo->currentText(), QStringLiteral("latin1.txt"));
  QVERIFY(!train->isEnabled());
  QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 20000);
  QVERIFY2(errors.front().contains(QStringLiteral("latin1.txt")), qPrintable(errors.front()));
  QVERIFY(info->text().contains(QStringLiteral("latin1.txt")));
  QVERIFY(info->styleSheet().contains(QStringLiteral("color")));
  QVERIFY(!train->isEnabled());
  QCOMPARE(ready.count(), 1);
}

QTEST_MAIN(TestTrainingPanel)
#include "tst_training_panel.moc"
