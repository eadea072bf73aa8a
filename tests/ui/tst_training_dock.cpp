// The Training panel in the real window, as a newcomer meets it: the wheel over its settings scrolls the panel
// and changes nothing; progress arriving keeps the panel where the user scrolled it; the panel fits its dock
// without scrolling sideways; the best weights are kept and saved while a run goes on; a rise of validation past
// its best stays noted; the quit question counts the iterations as they come.
#include "first_launch_window.h"
#include "training/loss_plot_view.h"
#include "training/training_panel.h"
#include "training/training_settings_form.h"
#include "ui_test_helpers.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QDockWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QWheelEvent>
#include <QWindow>

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

private:
  QScrollArea *scrollArea() const;
  void loadGrammar(int sentences);
  QTemporaryDir m_dir;
  std::unique_ptr<MainWindow> m_window;
};

void TestTrainingDock::init() {
  test::openFirstLaunchWindow(m_window);
  auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("trainingDock"));
  QVERIFY(dock);
  dock->raise();
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

void TestTrainingDock::loadGrammar(int sentences) {
  const QString path = m_dir.filePath(QStringLiteral("grammar.txt"));
  QVERIFY(test::writeFile(path, test::grammarText(sentences)));
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
  connect(controller, &TrainingController::progress, this, [&](const TrainingProgress &p) {
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

QTEST_MAIN(TestTrainingDock)
#include "tst_training_dock.moc"
