// The Training panel in the real window, as a newcomer meets it: the wheel over its settings scrolls the panel
// and changes nothing; progress arriving keeps the panel where the user scrolled it; the panel fits its dock
// without scrolling sideways; the best weights are kept and saved while a run goes on; a rise of validation past
// its best stays noted; the quit question counts the iterations as they come.
#include "common/problem_text.h"
#include "first_launch_window.h"
#include "io/model_file.h"
#include "model/rng.h"
#include "training/best_weights.h"
#include "training/loss_plot_view.h"
#include "training/training_panel.h"
#include "training/training_settings_form.h"
#include "ui_test_helpers.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QDockWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QWheelEvent>
#include <QWindow>

#include <algorithm>
#include <map>

using namespace lstm;
using test::child;

class TestTrainingDock : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
  void init();
  void cleanup();
  void fitsItsDockWithoutScrollingSideways();
  void progressKeepsTheScrollPosition();
  void wheelScrollsThePanelAndChangesNoSetting();
  void suggestsSettingsFromTheCorpus();
  void savesTheBestWeightsWhileRunning();
  void overfittingNoteAppearsAndStays();
  void quitQuestionCountsLiveIterations();

private:
  QScrollArea *scrollArea() const;
  void loadGrammar(int sentences);
  void loadText(const QString &name, const QByteArray &text);
  QTemporaryDir m_dir;
  std::unique_ptr<MainWindow> m_window;
};

void TestTrainingDock::init() {
  test::openFirstLaunchWindow(m_window);
  QVERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("trainingDock")));
  QTest::keyClick(m_window->windowHandle(), Qt::Key_2, Qt::ControlModifier); // the Train workspace, as a user gets there
  QTRY_VERIFY(m_window->trainingPanel()->isVisible());
}

void TestTrainingDock::cleanup() {
  if (m_window)
    m_window->trainingPanel()->controller()->stopAndWait();
  m_window.reset();
  dialogs::setHooks({});
}

QScrollArea *TestTrainingDock::scrollArea() const {
  for (QWidget *parent = m_window->trainingPanel()->parentWidget(); parent; parent = parent->parentWidget())
    if (auto *area = qobject_cast<QScrollArea *>(parent))
      return area;
  return nullptr;
}

// It scrolled sideways and cut labels in its default width.
void TestTrainingDock::fitsItsDockWithoutScrollingSideways() {
  for (int width : {1280, 1024}) {
    m_window->resize(width, 700);
    m_window->flushRedraws();
    QScrollArea *area = scrollArea();
    TrainingPanel *panel = m_window->trainingPanel();
    QVERIFY2(!area->horizontalScrollBar()->isVisible(),
             qPrintable(QStringLiteral("window %1: panel needs %2 px, has %3")
                            .arg(width)
                            .arg(panel->minimumSizeHint().width())
                            .arg(area->viewport()->width())));
    QVERIFY(panel->width() <= area->viewport()->width());
    for (QWidget *shown : panel->findChildren<QWidget *>()) {
      if (!shown->isVisible() || !(qobject_cast<QLabel *>(shown) || qobject_cast<QAbstractButton *>(shown)))
        continue;
      QVERIFY2(shown->width() >= shown->minimumSizeHint().width(), qPrintable(shown->objectName()));
      const QRect inPanel(shown->mapTo(panel, QPoint()), shown->size());
      QVERIFY2(panel->rect().contains(inPanel), qPrintable(shown->objectName()));
    }
  }
}

void TestTrainingDock::loadGrammar(int sentences) { loadText(QStringLiteral("grammar.txt"), test::grammarText(sentences)); }

void TestTrainingDock::loadText(const QString &name, const QByteArray &text) {
  const QString path = m_dir.filePath(name);
  QVERIFY(test::writeFile(path, text));
  QSignalSpy ready(m_window->trainingPanel(), &TrainingPanel::corpusReady);
  m_window->trainingPanel()->loadCorpusFile(path);
  QVERIFY(ready.wait(20000));
}

void TestTrainingDock::progressKeepsTheScrollPosition() {
  loadGrammar(3000);
  TrainingPanel *panel = m_window->trainingPanel();
  test::setSmallTrainingSettings(panel->settings(), 1000000);
  child<QSpinBox>(panel, "evalSpin")->setValue(20);
  QScrollArea *area = scrollArea();
  TrainingController *controller = panel->controller();
  QSignalSpy progress(controller, &TrainingController::progress);
  QTest::mouseClick(child<QPushButton>(panel, "trainButton"), Qt::LeftButton);
  QVERIFY(progress.wait(20000));
  m_window->flushRedraws();
  QScrollBar *bar = area->verticalScrollBar();
  QVERIFY(bar->maximum() > 0);
  bar->setValue(bar->maximum() / 2);
  auto *plot = panel->lossPlot();
  const int value = bar->value();
  int evaluations = 0;
  QObject scope; // the lambdas below see this function's locals: they go with them
  connect(controller, &TrainingController::progress, &scope, [&](const TrainingProgress &p) {
    evaluations += p.evaluated ? 1 : 0;
  });
  const QPoint plotAt = plot->mapTo(area->viewport(), QPoint());
  for (int k = 0; k < 30 || evaluations < 2; ++k) { // progress lines with and without a validation loss
    QVERIFY(progress.wait(20000));
    m_window->flushRedraws();
    QCOMPARE(bar->value(), value);
    QCOMPARE(plot->mapTo(area->viewport(), QPoint()), plotAt);
  }
}

namespace {
struct WheelCounter : QObject {
  int wheels = 0;
  bool eventFilter(QObject *, QEvent *event) override {
    wheels += event->type() == QEvent::Wheel ? 1 : 0;
    return false;
  }
};

// One notch of the wheel over the middle of `control`, sent to `receiver` (the control, or the window it is in).
void turnWheel(QWidget *control, QObject *receiver, int notches) {
  const QPointF local(control->width() / 2.0, control->height() / 2.0);
  const QPointF global = control->mapToGlobal(local);
  QPointF position = local;
  if (auto *window = qobject_cast<QWindow *>(receiver))
    position = window->mapFromGlobal(global.toPoint());
  QWheelEvent event(position, global, QPoint(), QPoint(0, -120 * notches), Qt::NoButton, Qt::NoModifier,
                    Qt::NoScrollPhase, false);
  QApplication::sendEvent(receiver, &event);
}
} // namespace

// Wheeling over the panel once changed Optimizer from adam to sgd unnoticed.
void TestTrainingDock::wheelScrollsThePanelAndChangesNoSetting() {
  TrainingPanel *panel = m_window->trainingPanel();
  QScrollBar *bar = scrollArea()->verticalScrollBar();
  QVERIFY(bar->maximum() > 0);
  auto *optimizer = child<QComboBox>(panel, "optimizerCombo");
  QVERIFY(optimizer->isVisible() && !optimizer->hasFocus());
  const QString before = optimizer->currentText();
  const int top = bar->value();
  turnWheel(optimizer, optimizer, 1); // the event a control under the mouse receives
  QCOMPARE(optimizer->currentText(), before);
  QVERIFY(bar->value() > top); // the panel scrolled instead
  const int scrolled = bar->value();
  // The way a real wheel arrives: at the window first. It must not even reach the control, for on that way Qt
  // gives a control with wheel focus (every spin and combo box) the focus, and a focused control takes the wheel.
  WheelCounter reached;
  optimizer->installEventFilter(&reached);
  turnWheel(optimizer, m_window->windowHandle(), 1);
  QCOMPARE(reached.wheels, 0);
  QCOMPARE(optimizer->currentText(), before);
  QVERIFY(bar->value() > scrolled);
  optimizer->removeEventFilter(&reached);

  const char *spins[] = {"hiddenSpin", "layersSpin", "seqSpin", "batchSpin", "itersSpin", "evalSpin", "seedSpin"};
  for (const char *name : spins) {
    auto *spin = child<QSpinBox>(panel, name);
    if (!spin->isVisible())
      continue;
    const int value = spin->value();
    bar->setValue(bar->maximum() / 2);
    turnWheel(spin, m_window->windowHandle(), -1);
    turnWheel(spin, spin, -1);
    QCOMPARE(spin->value(), value);
    QVERIFY(!spin->hasFocus());
  }
  auto *rate = child<QDoubleSpinBox>(panel, "lrSpin");
  const double lr = rate->value();
  turnWheel(rate, rate, 2);
  QCOMPARE(rate->value(), lr);

  // Clicked into, a control is the user's: the wheel changes it.
  QTest::mouseClick(optimizer, Qt::LeftButton); // opens its list
  QTRY_VERIFY(QApplication::activePopupWidget());
  QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_Escape);
  QTRY_VERIFY(optimizer->hasFocus());
  const int index = optimizer->currentIndex();
  turnWheel(optimizer, optimizer, index == 0 ? 1 : -1);
  QVERIFY(optimizer->currentIndex() != index);
}

// The settings suggested 2×256 units for a 3-symbol bracket corpus.
void TestTrainingDock::suggestsSettingsFromTheCorpus() {
  TrainingPanel *panel = m_window->trainingPanel();
  QSignalSpy ready(panel, &TrainingPanel::corpusReady);
  panel->loadGenerated(QStringLiteral("parens"), 200000, 1);
  QVERIFY(ready.wait(20000));
  const TrainerConfig brackets = panel->settings()->config();
  QCOMPARE(panel->corpus()->vocabulary.size(), 3);
  QCOMPARE(brackets.numLayers, 1);
  QVERIFY2(brackets.hiddenSize <= 64, qPrintable(QString::number(brackets.hiddenSize)));
  QVERIFY(panel->settings()->isValid());
  auto *suggestion = child<QLabel>(panel, "suggestionLabel");
  QVERIFY2(suggestion->isVisible() && suggestion->text().contains(QStringLiteral("3 symbols")),
           qPrintable(suggestion->text()));

  // A big text (the Debian Chinese fortunes, 2 MB, when installed; else a megabyte of the grammar) gets more.
  const QString chinese = QStringLiteral("/usr/share/games/fortunes/chinese");
  if (QFileInfo::exists(chinese)) {
    panel->loadCorpusFile(chinese);
    QVERIFY(ready.wait(60000));
  } else {
    loadGrammar(30000);
  }
  const TrainerConfig big = panel->settings()->config();
  qInfo() << panel->corpus()->name << panel->corpus()->size() << "characters," << panel->corpus()->vocabulary.size()
          << "symbols:" << big.numLayers << "×" << big.hiddenSize << "embedding" << big.embedDim;
  QVERIFY(big.numLayers * big.hiddenSize >= 4 * brackets.numLayers * brackets.hiddenSize);
  QVERIFY(panel->settings()->isValid());
}

void TestTrainingDock::savesTheBestWeightsWhileRunning() {
  loadGrammar(3000);
  TrainingPanel *panel = m_window->trainingPanel();
  test::setSmallTrainingSettings(panel->settings(), 1000000);
  child<QSpinBox>(panel, "evalSpin")->setValue(10);
  TrainingController *controller = panel->controller();
  auto *saveBest = child<QPushButton>(panel, "saveBestButton");
  auto *exploreBest = child<QPushButton>(panel, "exploreBestButton");
  const QString path = m_dir.filePath(QStringLiteral("best.lstm"));
  dialogs::setHooks({[](const QString &) { return QString(); }, [&path](const QString &, const QString &) { return path; },
                     [](const QString &text) { QFAIL(qPrintable(text)); }});
  std::map<qint64, double> validation;                           // iteration → validation loss
  std::map<qint64, std::shared_ptr<const Model>> snapshots;      // iteration → weights
  bool saved = false;
  std::map<qint64, double> validationAtSave; // the evaluations the run had made when Save best was clicked
  QObject scope; // the lambdas below see this function's locals: they go with them
  connect(controller, &TrainingController::progress, &scope, [&](const TrainingProgress &p) {
    if (p.evaluated)
      validation[p.iteration] = p.validationLoss;
  });
  connect(controller, &TrainingController::snapshot, &scope, [&](std::shared_ptr<const Model> model, qint64 iteration) {
    snapshots[iteration] = model;
    // Every evaluation so far has brought its weights: save the best now, with the run going on.
    if (!saved && validation.size() >= 5 && validation.count(iteration) && saveBest->isEnabled()) {
      QCOMPARE(controller->state(), TrainingController::State::Running);
      QTest::mouseClick(saveBest, Qt::LeftButton);
      validationAtSave = validation;
      saved = true;
    }
  });
  QTest::mouseClick(child<QPushButton>(panel, "trainButton"), Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(saved, 60000);
  const auto best = std::min_element(validationAtSave.begin(), validationAtSave.end(),
                                     [](const auto &a, const auto &b) { return a.second < b.second; });
  Problem problem;
  const auto loaded = loadModel(path, &problem);
  QVERIFY2(loaded, qPrintable(problemText(problem)));
  QVERIFY(snapshots.count(best->first));
  QVERIFY(loaded->parameters.flat() == snapshots[best->first]->parameters.flat());
  auto *savedLabel = child<QLabel>(panel, "bestSavedLabel");
  QVERIFY(savedLabel->isVisible());
  QVERIFY2(savedLabel->text().contains(path), qPrintable(savedLabel->text()));

  // Explore best shows those weights in the explorer, the run still going.
  QVERIFY(exploreBest->isEnabled());
  const qint64 bestIteration = panel->bestWeights()->modelIteration();
  QTest::mouseClick(exploreBest, Qt::LeftButton);
  QTRY_VERIFY(m_window->windowTitle().contains(QStringLiteral("iteration %1").arg(bestIteration)));
  QCOMPARE(controller->state(), TrainingController::State::Running);
}

namespace {
// Characters drawn at random from 24 letters: nothing to learn, everything to memorise.
QByteArray noise(int characters) {
  QByteArray text;
  Rng rng(5);
  for (int k = 0; k < characters; ++k)
    text += char('a' + rng.below(24));
  return text;
}
} // namespace

// On Tang poems validation rose from 4.98 to 5.68, past the bigram's 5.25, and neither the curves' hint (it
// flickered) nor the final state said so.
void TestTrainingDock::overfittingNoteAppearsAndStays() {
  loadText(QStringLiteral("noise.txt"), noise(2000));
  TrainingPanel *panel = m_window->trainingPanel();
  test::setSmallTrainingSettings(panel->settings(), 600);
  child<QSpinBox>(panel, "hiddenSpin")->setValue(96);
  child<QDoubleSpinBox>(panel, "lrSpin")->setValue(0.02);
  child<QSpinBox>(panel, "evalSpin")->setValue(20);
  TrainingController *controller = panel->controller();
  auto *note = child<QLabel>(panel, "bestWeightsNote");
  const QString risen = QStringLiteral("risen past its best");
  int evaluationsSinceRise = -1; // the note must say so at every evaluation after its first
  QObject scope; // the lambda sees this function's locals: it goes with them
  connect(panel->bestWeights(), &BestWeights::changed, &scope, [&] {
    if (evaluationsSinceRise < 0 && note->text().contains(risen))
      evaluationsSinceRise = 0;
    else if (evaluationsSinceRise >= 0) {
      QVERIFY2(note->text().contains(risen), qPrintable(note->text()));
      ++evaluationsSinceRise;
    }
  });
  QSignalSpy finished(controller, &TrainingController::finished);
  QTest::mouseClick(child<QPushButton>(panel, "trainButton"), Qt::LeftButton);
  QVERIFY(finished.wait(120000));
  const BestWeights *best = panel->bestWeights();
  QVERIFY2(evaluationsSinceRise > 0, qPrintable(QStringLiteral("best %1 at %2, last %3")
                                                     .arg(best->bestLoss())
                                                     .arg(best->bestIteration())
                                                     .arg(best->latestLoss())));
  QVERIFY(best->latestLoss() > best->bestLoss() * (1.0 + BestWeights::kRiseTolerance));
  // The final state keeps it, with the numbers.
  QVERIFY(note->isVisible());
  QVERIFY(note->text().contains(risen));
  QVERIFY2(note->text().contains(QStringLiteral("Validation best %1 at iteration %2")
                                     .arg(best->bestLoss(), 0, 'f', 3)
                                     .arg(best->bestIteration())),
           qPrintable(note->text()));
  // Noise has no structure: the model ends worse than guessing from the previous character, and says so.
  const double bigram = controller->baselines()->bigram;
  QVERIFY2(best->latestLoss() > bigram, qPrintable(QStringLiteral("%1 vs %2").arg(best->latestLoss()).arg(bigram)));
  QVERIFY2(note->text().contains(QStringLiteral("worse than the bigram baseline %1").arg(bigram, 0, 'f', 3)),
           qPrintable(note->text()));
}

// The quit question named the iterations trained when it opened, and that number went stale as training went on.
void TestTrainingDock::quitQuestionCountsLiveIterations() {
  loadGrammar(3000);
  TrainingPanel *panel = m_window->trainingPanel();
  test::setSmallTrainingSettings(panel->settings(), 1000000);
  TrainingController *controller = panel->controller();
  QSignalSpy progress(controller, &TrainingController::progress);
  QTest::mouseClick(child<QPushButton>(panel, "trainButton"), Qt::LeftButton);
  QVERIFY(progress.wait(20000));
  const auto count = [](const QString &text) {
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("(\\d+) iterations")).match(text);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
  };
  qint64 first = -1, later = -1;
  bool answered = false;
  QTimer::singleShot(0, this, [&] {
    auto cancel = qScopeGuard([&] { // whatever happens, the question is answered and the test goes on
      if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
      answered = true;
    });
    QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
    auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
    first = count(box->text());
    QVERIFY2(first > 0, qPrintable(box->text()));
    QTRY_VERIFY_WITH_TIMEOUT(count(box->text()) > first + 10, 20000); // training goes on behind the question
    later = count(box->text());
    QVERIFY(later <= controller->iteration()); // nothing saved yet: every iteration is unsaved
  });
  QVERIFY(!m_window->close()); // Cancel
  QVERIFY(answered);
  QVERIFY2(later > first && first > 0, qPrintable(QStringLiteral("%1 then %2").arg(first).arg(later)));
  QVERIFY(m_window->isVisible());
  QCOMPARE(controller->state(), TrainingController::State::Running);
}

QTEST_MAIN(TestTrainingDock)
#include "tst_training_dock.moc"
