// Interventions as a user meets them in the real MainWindow from a first launch (settings cleared, the built-in
// model primed as the program starts, the cursor on the last step), driven only by clicks on the Interventions
// panel and keys typed into the window (the test never sets focus). An intervention acts from the inspected step
// on, that step included: applied at the last step it changes that step at once and the characters read next;
// applied at a clicked character it changes that character's own step and recomputes the later ones exactly; at
// the end of the text the panel says where it acts and its re-read button reads the whole text again with it.
#include "common/dialogs.h"
#include "explore/stepper.h"
#include "explorer/explorer_session.h"
#include "explorer/text_view.h"
#include "first_launch_window.h"
#include "main_window.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <memory>

using namespace lstm;

class TestInterventionWindow : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
  void init();
  void cleanup();
  void clampAtTheLastStepChangesItAndWhatIsReadNext();
  void clampAtAClickedCharacterRecomputesFromIt();
  void rereadOfferAppliesToTheWholeText();
  void everyPanelActionSaysWhatItDid();

private:
  ExplorerSession *session() const { return m_window->session(); }
  template <class T> T *child(const char *name) const {
    auto *widget = m_window->findChild<T *>(QLatin1String(name));
    if (!widget)
      qFatal("no %s", name);
    return widget;
  }
  void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QTest::keyClick(m_window->windowHandle(), Qt::Key(key), modifiers);
  }
  void click(QWidget *widget) { QTest::mouseClick(widget, Qt::LeftButton, {}, widget->rect().center()); }
  // Chooses "Clamp forget gate f" and types `value` into the value box, then clicks Apply.
  void applyForgetClamp(const QString &value);
  // A stepper that reads the tape's first `count` entries and activates `intervention` before step `from`.
  Stepper referenceRead(int count, int from, const Intervention &intervention) const;
  QString statusLine() const { return child<QLabel>("interventionStatusLabel")->text(); }

  std::unique_ptr<MainWindow> m_window;
  int m_unit = 0;
};

void TestInterventionWindow::init() {
  test::openFirstLaunchWindow(m_window);
  if (QTest::currentTestFailed())
    return;
  QVERIFY(session()->steps() > 10);
  QCOMPARE(session()->cursor(), session()->steps() - 1);
  QVERIFY(child<QWidget>("interventionsPanel")->isVisible());
  m_unit = session()->selectedUnit();
  QVERIFY(m_unit >= 0);
}

void TestInterventionWindow::cleanup() {
  m_window.reset();
  dialogs::setHooks({});
}

void TestInterventionWindow::applyForgetClamp(const QString &value) {
  auto *kind = child<QComboBox>("interventionKindCombo");
  QCOMPARE(kind->currentText(), QStringLiteral("Clamp forget gate f")); // what the panel offers first
  auto *spin = child<QDoubleSpinBox>("interventionValueSpin");
  click(spin);
  QTRY_VERIFY(spin->hasFocus());
  press(Qt::Key_A, Qt::ControlModifier);
  for (QChar c : value)
    QTest::keyClick(m_window->windowHandle(), c.toLatin1());
  QCOMPARE(spin->value(), value.toDouble());
  click(child<QPushButton>("addInterventionButton"));
}

Stepper TestInterventionWindow::referenceRead(int count, int from, const Intervention &intervention) const {
  Stepper stepper(session()->sharedModel(), 32);
  for (int s = 0; s < count; ++s) {
    if (s == from)
      stepper.addIntervention(intervention);
    stepper.step(session()->tapeToken(s));
  }
  return stepper;
}

void TestInterventionWindow::clampAtTheLastStepChangesItAndWhatIsReadNext() {
  const int steps = session()->steps(), last = steps - 1;
  const Trace &trace = session()->trace();
  const float cellBefore = trace.value(0, Quantity::Cell, last, m_unit);
  QVERIFY(trace.value(0, Quantity::ForgetGate, last, m_unit) > 0.05f);

  // Without an intervention: append more brackets and read them with →.
  auto *edit = child<QPlainTextEdit>("primerEdit");
  click(edit);
  QTRY_VERIFY(edit->hasFocus());
  press(Qt::Key_A, Qt::ControlModifier);
  for (char c : {'(', '(', ')', '('})
    QTest::keyClick(m_window->windowHandle(), c);
  click(child<QPushButton>("appendTextButton"));
  QCOMPARE(session()->tapeLength(), steps + 4);
  for (int k = 0; k < 4; ++k)
    press(Qt::Key_Right);
  QCOMPARE(session()->steps(), steps + 4);
  std::vector<float> cellsWithout, lossesWithout;
  for (int s = last; s < steps + 4; ++s) {
    cellsWithout.push_back(trace.value(0, Quantity::Cell, s, m_unit));
    lossesWithout.push_back(trace.loss(s));
  }
  for (int k = 0; k < 4; ++k)
    press(Qt::Key_Backspace);
  QCOMPARE(session()->steps(), steps);
  QCOMPARE(session()->cursor(), last);

  // Clamp f to 0 at the last step: that step is recomputed at once, and the panel says where it acts.
  applyForgetClamp(QStringLiteral("0"));
  QCOMPARE(session()->interventions().size(), std::size_t(1));
  QCOMPARE(session()->steps(), steps);
  QCOMPARE(session()->cursor(), last);
  QCOMPARE(trace.value(0, Quantity::ForgetGate, last, m_unit), 0.0f);
  QVERIFY(trace.value(0, Quantity::Cell, last, m_unit) != cellBefore);
  QVERIFY2(statusLine().contains(QStringLiteral("from the next character you read or write")), qPrintable(statusLine()));
  QCOMPARE(m_window->statusBar()->currentMessage(), statusLine());

  // The characters read next run with it: other cell values and other predictions than without it.
  for (int k = 0; k < 4; ++k)
    press(Qt::Key_Right);
  QCOMPARE(session()->steps(), steps + 4);
  int otherLosses = 0;
  for (int s = last; s < steps + 4; ++s) {
    QCOMPARE(trace.value(0, Quantity::ForgetGate, s, m_unit), 0.0f);
    QVERIFY(trace.value(0, Quantity::Cell, s, m_unit) != cellsWithout[std::size_t(s - last)]);
    otherLosses += trace.loss(s) != lossesWithout[std::size_t(s - last)] ? 1 : 0;
  }
  QVERIFY(otherLosses >= 3);
  // Exactly a read with the clamp active from the old last step on.
  const Stepper reference = referenceRead(steps + 4, last, Intervention::clampGate(0, m_unit, Gate::Forget, 0.0f));
  for (int s = 0; s < steps + 4; ++s)
    QCOMPARE(trace.value(0, Quantity::Cell, s, m_unit), reference.trace().value(0, Quantity::Cell, s, m_unit));
}

void TestInterventionWindow::clampAtAClickedCharacterRecomputesFromIt() {
  auto *text = m_window->findChild<TextView *>();
  QVERIFY(text);
  text->refreshNow();
  const int steps = session()->steps();
  const int index = steps / 2;
  QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, text->characterRect(index).center());
  QCOMPARE(session()->cursor(), index);
  const Trace &trace = session()->trace();
  const float before = trace.value(0, Quantity::ForgetGate, index - 1, m_unit);

  applyForgetClamp(QStringLiteral("0.9"));
  QCOMPARE(session()->cursor(), index); // the focus stays on the clicked character
  QCOMPARE(trace.value(0, Quantity::ForgetGate, index, m_unit), 0.9f); // its own step is clamped
  QCOMPARE(trace.value(0, Quantity::ForgetGate, index - 1, m_unit), before);
  QCOMPARE(statusLine(), QStringLiteral("Applied. Steps %1–%2 were recomputed.").arg(index + 1).arg(steps));
  const Stepper reference = referenceRead(steps, index, Intervention::clampGate(0, m_unit, Gate::Forget, 0.9f));
  for (int s = 0; s < steps; ++s)
    for (int unit = 0; unit < session()->units(); ++unit) {
      QCOMPARE(trace.value(0, Quantity::Cell, s, unit), reference.trace().value(0, Quantity::Cell, s, unit));
      QCOMPARE(trace.value(0, Quantity::Hidden, s, unit), reference.trace().value(0, Quantity::Hidden, s, unit));
    }
  QCOMPARE(trace.loss(steps - 2), reference.trace().loss(steps - 2));
}

void TestInterventionWindow::rereadOfferAppliesToTheWholeText() {
  const int steps = session()->steps();
  const Trace &trace = session()->trace();
  std::vector<float> cellsWithout;
  for (int s = 0; s < steps; ++s)
    cellsWithout.push_back(trace.value(0, Quantity::Cell, s, m_unit));
  auto *reread = child<QPushButton>("rereadWithInterventionsButton");
  QVERIFY(!reread->isVisible()); // nothing to re-read yet

  applyForgetClamp(QStringLiteral("0"));
  QVERIFY(reread->isVisible()); // the steps before the last ran without it
  click(reread);
  QVERIFY(!reread->isVisible());
  QCOMPARE(session()->steps(), steps);
  QCOMPARE(session()->cursor(), steps - 1);
  QCOMPARE(statusLine(), QStringLiteral("Steps 1–%1 were read again from the start, all with the interventions listed.")
                             .arg(steps));
  int changed = 0;
  for (int s = 0; s < steps; ++s) {
    QCOMPARE(trace.value(0, Quantity::ForgetGate, s, m_unit), 0.0f);
    changed += trace.value(0, Quantity::Cell, s, m_unit) != cellsWithout[std::size_t(s)] ? 1 : 0;
  }
  QVERIFY(changed > steps / 2); // the unclamped text read differently
  const Stepper reference = referenceRead(steps, 0, Intervention::clampGate(0, m_unit, Gate::Forget, 0.0f));
  for (int s = 0; s < steps; ++s)
    QCOMPARE(trace.value(0, Quantity::Cell, s, m_unit), reference.trace().value(0, Quantity::Cell, s, m_unit));
}

void TestInterventionWindow::everyPanelActionSaysWhatItDid() {
  applyForgetClamp(QStringLiteral("0.5"));
  QVERIFY(statusLine().startsWith(QStringLiteral("Applied.")));
  // The same again: refused, and the panel says why.
  click(child<QPushButton>("addInterventionButton"));
  QCOMPARE(session()->interventions().size(), std::size_t(1));
  QCOMPARE(statusLine(), QStringLiteral("This intervention is already active."));
  QCOMPARE(m_window->statusBar()->currentMessage(), statusLine());
  // Remove it by selecting it in the list.
  auto *list = child<QAbstractItemView>("interventionList");
  QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, 0)).center());
  click(child<QPushButton>("removeInterventionButton"));
  QVERIFY(session()->interventions().empty());
  QVERIFY2(statusLine().startsWith(QStringLiteral("Removed. Step %1, the last one, was recomputed")
                                       .arg(session()->steps())),
           qPrintable(statusLine()));
  QCOMPARE(session()->trace().value(0, Quantity::ForgetGate, session()->steps() - 1, m_unit) == 0.5f, false);
  // Remove all.
  applyForgetClamp(QStringLiteral("0.25"));
  click(child<QPushButton>("clearInterventionsButton"));
  QVERIFY(session()->interventions().empty());
  QVERIFY(statusLine().startsWith(QStringLiteral("All removed.")));
}

QTEST_MAIN(TestInterventionWindow)
#include "tst_intervention_window.moc"
