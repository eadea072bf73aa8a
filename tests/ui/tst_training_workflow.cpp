// Training from the window, end to end on the real MainWindow: train a small model from the panel
// with the explorer following it, pause and resume, scrub the timeline and see the heatmap change, save and
// reload, checkpoint and resume, stop, recover an autosave after the window is gone without saving, the quit
// question, and refusals that start nothing.
#include "common/dialogs.h"
#include "explorer/explorer_session.h"
#include "explorer/gate_heatmap_view.h"
#include "main_window.h"
#include "training/loss_plot_view.h"
#include "training/sample_log.h"
#include "training/training_panel.h"
#include "training/training_recovery.h"
#include "training/training_timeline_bar.h"
#include "ui_test_helpers.h"

#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTest>

#include <cmath>

using namespace lstm;

using test::child;

class TestTrainingWorkflow : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void init();
  void cleanup();
  void trainsWithTheExplorerFollowing();
  void savesReloadsCheckpointsResumesAndStops();
  void recoversAnAutosaveAfterTheWindowIsGone();
  void quitAsksWhileTrainingIsUnsaved();
  void refusesImpossibleSettingsAndUnreadableCorpora();

private:
  void openWindow();
  void loadCorpus(const QString &path);
  void configure(int iterations);
  void click(const char *name) { QTest::mouseClick(child<QPushButton>(panel(), name), Qt::LeftButton); }
  TrainingPanel *panel() const { return m_window->trainingPanel(); }
  TrainingController *controller() const { return panel()->controller(); }

  QTemporaryDir m_dir;
  QString m_corpusPath;
  std::unique_ptr<MainWindow> m_window;
  QStringList m_errors;
  QString m_nextPath;
  dialogs::SaveChoice m_answer = dialogs::SaveChoice::Cancel;
  int m_questions = 0;
};

void TestTrainingWorkflow::initTestCase() {
  QStandardPaths::setTestModeEnabled(true); // settings and recovery files go to a test location
  m_corpusPath = m_dir.filePath(QStringLiteral("grammar.txt"));
  QVERIFY(test::writeFile(m_corpusPath, test::grammarText(3000)));
}

void TestTrainingWorkflow::init() {
  QDir(TrainingRecovery::directory()).removeRecursively();
  m_errors.clear();
  m_questions = 0;
  dialogs::setHooks({[this](const QString &) { return m_nextPath; },
                     [this](const QString &, const QString &) { return m_nextPath; },
                     [this](const QString &text) { m_errors << text; },
                     [this](const QString &) {
                       ++m_questions;
                       return m_answer;
                     }});
  openWindow();
}

void TestTrainingWorkflow::cleanup() {
  if (m_window)
    controller()->stopAndWait();
  m_window.reset();
  dialogs::setHooks({});
  QDir(TrainingRecovery::directory()).removeRecursively();
}

void TestTrainingWorkflow::openWindow() {
  m_window = std::make_unique<MainWindow>();
  m_window->resize(1400, 900);
  m_window->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
  QVERIFY(m_window->openDefaultModel());
}

void TestTrainingWorkflow::loadCorpus(const QString &path) {
  QSignalSpy ready(panel(), &TrainingPanel::corpusReady);
  panel()->loadCorpusFile(path);
  QVERIFY(ready.wait(20000));
}

void TestTrainingWorkflow::configure(int iterations) {
  test::setSmallTrainingSettings(panel(), iterations);
  child<QSpinBox>(panel(), "snapshotEverySpin")->setValue(25);
  QVERIFY(child<QPushButton>(panel(), "trainButton")->isEnabled());
}

void TestTrainingWorkflow::trainsWithTheExplorerFollowing() {
  loadCorpus(m_corpusPath);
  configure(300);
  ExplorerSession *session = m_window->session();
  child<QCheckBox>(panel(), "followCheck")->setChecked(true);
  QSignalSpy progress(controller(), &TrainingController::progress);
  QSignalSpy finished(controller(), &TrainingController::finished);
  bool pauseClicked = false; // pause at the first evaluation, before a fast machine finishes the run
  std::vector<double> validation; // every evaluation of the run
  connect(controller(), &TrainingController::progress, this, [&](const TrainingProgress &p) {
    if (p.evaluated)
      validation.push_back(p.validationLoss);
    if (p.evaluated && !pauseClicked) {
      pauseClicked = true;
      click("pauseButton");
    }
  });
  click("trainButton");
  QCOMPARE(controller()->state(), TrainingController::State::Running);
  QTRY_COMPARE_WITH_TIMEOUT(controller()->state(), TrainingController::State::Paused, 30000);

  // Following: the explorer reads held-out corpus text (the primer has letters this corpus lacks) with the
  // newest weights.
  QTRY_VERIFY(session->modelSource().startsWith(QStringLiteral("training, iteration")));
  QVERIFY(session->model().vocabulary == controller()->modelCopy()->vocabulary);
  QCOMPARE(session->tapeText(), panel()->probeText());
  QCOMPARE(session->steps(), session->tapeLength());
  const QString probe = session->tapeText();

  progress.clear();
  QVERIFY(!progress.wait(300)); // paused: no progress reaches the window
  click("pauseButton");
  QVERIFY(progress.wait(10000));
  QVERIFY(finished.count() > 0 || finished.wait(60000));
  QCOMPARE(finished.front().front().value<TrainingOutcome>(), TrainingOutcome::Finished);

  // The loss fell: first against last evaluation (every 50 of 300 iterations).
  QCOMPARE(validation.size(), std::size_t(6));
  QVERIFY2(validation.back() < validation.front() - 0.3,
           qPrintable(QStringLiteral("%1 → %2").arg(validation.front()).arg(validation.back())));

  // The explorer ends on the final weights, same text.
  QTRY_VERIFY(session->sharedModel()->parameters.flat() == controller()->modelCopy()->parameters.flat());
  QCOMPARE(session->tapeText(), probe);

  // The timeline: the untrained weights, every 25 iterations, the end. Scrubbing to the start changes what the
  // heatmap shows for the same text, and stops following.
  TrainingTimelineBar *timeline = panel()->timelineBar();
  QCOMPARE(timeline->timeline().size(), 13);
  auto *slider = child<QSlider>(panel(), "timelineSlider");
  QCOMPARE(slider->value(), slider->maximum());
  auto *heatmap = m_window->findChild<GateHeatmapView *>();
  QVERIFY(heatmap);
  m_window->flushRedraws();
  heatmap->refreshNow();
  const auto forgetGates = [heatmap, session] { // every cell the heatmap shows
    std::vector<double> values;
    for (int step = 0; step < session->steps(); ++step)
      for (int unit = 0; unit < session->units(); ++unit)
        if (const double value = heatmap->cellValue(Quantity::ForgetGate, step, unit); std::isfinite(value))
          values.push_back(value);
    return values;
  };
  const std::vector<double> trained = forgetGates();
  QVERIFY2(trained.size() >= 16 * 50, qPrintable(QString::number(trained.size())));
  slider->setFocus();
  QTest::keyClick(slider, Qt::Key_Home);
  QVERIFY(!child<QCheckBox>(panel(), "followCheck")->isChecked());
  timeline->flush();
  QCOMPARE(session->modelSource(), QStringLiteral("training, iteration 0"));
  QCOMPARE(session->tapeText(), probe);
  m_window->flushRedraws();
  heatmap->refreshNow();
  const std::vector<double> untrained = forgetGates();
  QCOMPARE(untrained.size(), trained.size());
  QVERIFY(untrained != trained);
  QVERIFY(child<QLabel>(panel(), "timelineLabel")->text().contains(QStringLiteral("Iteration 0")));
  // The sample log follows the slider to what the weights of that moment wrote (none yet at iteration 0).
  QCOMPARE(panel()->sampleLog()->extraSelections().size(), 0);
  slider->setValue(4); // iteration 100: an evaluation, so a sample
  timeline->flush();
  QCOMPARE(session->modelSource(), QStringLiteral("training, iteration 100"));
  const auto marked = panel()->sampleLog()->extraSelections();
  QCOMPARE(marked.size(), 1);
  QVERIFY(marked.front().cursor.block().text().startsWith(QStringLiteral("iteration 100: ")));
  test::savePng(*m_window, QStringLiteral("training_timeline.png"));
}

void TestTrainingWorkflow::savesReloadsCheckpointsResumesAndStops() {
  loadCorpus(m_corpusPath);
  configure(300);
  QSignalSpy finished(controller(), &TrainingController::finished);
  click("trainButton");
  QVERIFY(finished.wait(60000));
  QVERIFY(panel()->hasUnsavedTraining());

  // Save the model and open it in the explorer: the same weights.
  m_nextPath = m_dir.filePath(QStringLiteral("trained.lstm"));
  click("saveModelButton");
  QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(QLatin1Char('\n'))));
  QVERIFY(!panel()->hasUnsavedTraining());
  QVERIFY(m_window->openModel(m_nextPath));
  QVERIFY(m_window->session()->model().parameters.flat() == controller()->modelCopy()->parameters.flat());

  // A checkpoint, resumed to 400 iterations: it continues from 300 with its curves.
  m_nextPath = m_dir.filePath(QStringLiteral("run.ckpt"));
  click("saveCheckpointButton");
  QVERIFY(QFile::exists(m_nextPath));
  const int pointsBefore = panel()->lossPlot()->validationPoints();
  child<QSpinBox>(panel(), "itersSpin")->setValue(400);
  QSignalSpy progress(controller(), &TrainingController::progress);
  click("resumeCheckpointButton");
  QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(QLatin1Char('\n'))));
  QVERIFY(finished.wait(60000));
  QCOMPARE(finished.back().front().value<TrainingOutcome>(), TrainingOutcome::Finished);
  QVERIFY(progress.front().front().value<TrainingProgress>().iteration > 300);
  QCOMPARE(progress.back().front().value<TrainingProgress>().iteration, 400);
  QCOMPARE(panel()->lossPlot()->validationPoints(), pointsBefore + 2);

  // A new run would replace 100 unsaved iterations: asked first (cancelling starts nothing).
  child<QSpinBox>(panel(), "itersSpin")->setValue(1000000);
  m_answer = dialogs::SaveChoice::Cancel;
  click("trainButton");
  QCOMPARE(m_questions, 1);
  QCOMPARE(controller()->state(), TrainingController::State::Idle);
  // Stop ends a long run cleanly: Cancelled, idle, Train available again.
  m_answer = dialogs::SaveChoice::Discard;
  click("trainButton");
  QCOMPARE(m_questions, 2);
  QVERIFY(progress.wait(10000));
  click("stopButton");
  QVERIFY(finished.wait(10000));
  QCOMPARE(finished.back().front().value<TrainingOutcome>(), TrainingOutcome::Cancelled);
  QCOMPARE(controller()->state(), TrainingController::State::Idle);
  QVERIFY(child<QPushButton>(panel(), "trainButton")->isEnabled());
  QVERIFY(child<QPushButton>(panel(), "saveModelButton")->isEnabled());
}

void TestTrainingWorkflow::recoversAnAutosaveAfterTheWindowIsGone() {
  loadCorpus(m_corpusPath);
  configure(1000000);
  panel()->recovery()->setIntervalMs(200);
  QSignalSpy saved(panel()->recovery(), &TrainingRecovery::saved);
  click("trainButton");
  QVERIFY(saved.wait(20000)); // written by the worker between two iterations, while it trains on
  QCOMPARE(controller()->state(), TrainingController::State::Running);
  QVERIFY(saved.back().front().toLongLong() > 0);
  QVERIFY(QFile::exists(panel()->recovery()->checkpointPath()));

  // The window goes away without the quit question (as after a kill): the next one offers the run back and
  // continues it from the iteration of the last autosave.
  controller()->stopAndWait();
  m_window.reset();
  openWindow();
  const auto pending = panel()->recovery()->pending();
  QVERIFY(pending && pending->corpusPath == m_corpusPath && pending->iteration > 0);
  auto *banner = child<QWidget>(panel(), "recoveryBanner");
  QVERIFY(banner->isVisibleTo(panel()));
  // Left alone, the offer survives closing the window: it is there at the next start too.
  QVERIFY(m_window->close());
  QCOMPARE(m_questions, 0);
  openWindow();
  banner = child<QWidget>(panel(), "recoveryBanner");
  QVERIFY(banner->isVisibleTo(panel()));
  QSignalSpy progress(controller(), &TrainingController::progress);
  click("recoverButton");
  QVERIFY(progress.wait(20000));
  QVERIFY(!banner->isVisibleTo(panel()));
  QCOMPARE(progress.front().front().value<TrainingProgress>().iteration, pending->iteration + 1);
}

void TestTrainingWorkflow::quitAsksWhileTrainingIsUnsaved() {
  // Nothing trained: closes without a question.
  m_window->close();
  QCOMPARE(m_questions, 0);
  openWindow();

  loadCorpus(m_corpusPath);
  configure(1000000);
  QSignalSpy progress(controller(), &TrainingController::progress);
  click("trainButton");
  QVERIFY(progress.wait(10000));
  m_answer = dialogs::SaveChoice::Cancel;
  QVERIFY(!m_window->close());
  QCOMPARE(m_questions, 1);
  QVERIFY(m_window->isVisible());
  QCOMPARE(controller()->state(), TrainingController::State::Running);

  m_answer = dialogs::SaveChoice::Save;
  m_nextPath = m_dir.filePath(QStringLiteral("at-quit.ckpt"));
  QVERIFY(m_window->close());
  QCOMPARE(m_questions, 2);
  QVERIFY(QFile::exists(m_nextPath));
  QCOMPARE(controller()->state(), TrainingController::State::Idle);
  QVERIFY(!QFile::exists(panel()->recovery()->checkpointPath())); // saved by the user: no recovery needed
}

void TestTrainingWorkflow::refusesImpossibleSettingsAndUnreadableCorpora() {
  loadCorpus(m_corpusPath);
  configure(300);
  m_window->flushRedraws(); // pending replots and layout requests, so the picture shows what a user would see
  test::savePng(*panel(), QStringLiteral("training_panel_idle.png"));
  auto *train = child<QPushButton>(panel(), "trainButton");
  child<QSpinBox>(panel(), "seqSpin")->setValue(100000); // longer than the corpus
  QVERIFY(!train->isEnabled());
  QVERIFY(!child<QLabel>(panel(), "settingsProblemLabel")->text().isEmpty());
  QTest::mouseClick(train, Qt::LeftButton);
  QVERIFY(!controller()->hasTrainer());

  const QString missing = m_dir.filePath(QStringLiteral("no-such-corpus.txt"));
  panel()->loadCorpusFile(missing);
  QTRY_COMPARE(m_errors.size(), 1);
  QVERIFY2(m_errors.front().contains(missing), qPrintable(m_errors.front()));
  QVERIFY(!train->isEnabled());
  QVERIFY(!child<QPushButton>(panel(), "resumeCheckpointButton")->isEnabled());
  QCOMPARE(controller()->state(), TrainingController::State::Idle);
  QVERIFY(!controller()->hasTrainer());
}

QTEST_MAIN(TestTrainingWorkflow)
#include "tst_training_workflow.moc"
