// The explorer's keys as a user meets them: the real MainWindow from a first launch (settings cleared, the built-in
// model opened the way the program starts), keys typed into the window through the platform (they reach whatever
// has focus, which the test never sets), and clicks with the mouse. → ← Home End move the inspected step and →
// reads on at the end; Backspace and Ctrl+Z drop the last step; Space plays from the cursor; the keys keep working
// after a click on a plot or a button but not inside a text field; Page Down / Up drive a lesson even from a spin
// box; the wheel over a control nobody clicked into leaves its value alone.
#include "common/dialogs.h"
#include "explorer/explorer_session.h"
#include "explorer/gate_heatmap_view.h"
#include "explorer/text_view.h"
#include "lessons/lesson_panel.h"
#include "lessons/lesson_runner.h"
#include "first_launch_window.h"
#include "main_window.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QWheelEvent>

#include <memory>

using namespace lstm;

class TestExplorerKeys : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
  void init();
  void cleanup();
  void arrowsMoveTheCursorAndReadOnAtTheEnd();
  void homeEndDropAndPlayFromTheCursor();
  void clickACharacterThenStep();
  void keysWorkAfterClickingAPlotOrAButtonButNotInATextField();
  void pageKeysDriveTheLessonFromASpinBox();
  void wheelLeavesUnclickedControlsAlone();

private:
  void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
  ExplorerSession *session() const { return m_window->session(); }
  std::unique_ptr<MainWindow> m_window;
};

void TestExplorerKeys::init() {
  test::openFirstLaunchWindow(m_window);
  if (QTest::currentTestFailed())
    return;
  QVERIFY(session()->steps() > 10);
  QCOMPARE(session()->cursor(), session()->steps() - 1);
}

void TestExplorerKeys::cleanup() {
  m_window.reset();
  dialogs::setHooks({});
}

void TestExplorerKeys::press(int key, Qt::KeyboardModifiers modifiers) {
  // Through the window, as the platform delivers a key: to the focus widget, shortcut override first.
  QTest::keyClick(m_window->windowHandle(), Qt::Key(key), modifiers);
}

void TestExplorerKeys::arrowsMoveTheCursorAndReadOnAtTheEnd() {
  const int steps = session()->steps(), last = steps - 1;
  const int tape = session()->tapeLength();
  press(Qt::Key_Left);
  QCOMPARE(session()->cursor(), last - 1);
  QCOMPARE(session()->steps(), steps); // nothing undone
  press(Qt::Key_Left);
  QCOMPARE(session()->cursor(), last - 2);
  press(Qt::Key_Right);
  press(Qt::Key_Right);
  QCOMPARE(session()->cursor(), last);
  QCOMPARE(session()->steps(), steps);
  // At the last step → takes a new one: the primer is read to its end, so reading on says so …
  QCOMPARE(tape, steps);
  press(Qt::Key_Right);
  QCOMPARE(session()->steps(), steps);
  QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("End of the text")));
  // … and in write mode the model writes the next character.
  auto *mode = m_window->findChild<QComboBox *>(QStringLiteral("modeCombo"));
  mode->setCurrentIndex(mode->findData(int(DriveMode::Write)));
  QCOMPARE(session()->mode(), DriveMode::Write);
  press(Qt::Key_Right);
  QCOMPARE(session()->steps(), steps + 1);
  QCOMPARE(session()->cursor(), steps);
}

void TestExplorerKeys::homeEndDropAndPlayFromTheCursor() {
  const int steps = session()->steps();
  press(Qt::Key_Home);
  QCOMPARE(session()->cursor(), 0);
  QCOMPARE(session()->steps(), steps);
  press(Qt::Key_End);
  QCOMPARE(session()->cursor(), steps - 1);
  press(Qt::Key_Backspace);
  QCOMPARE(session()->steps(), steps - 1);
  press(Qt::Key_Z, Qt::ControlModifier);
  QCOMPARE(session()->steps(), steps - 2);
  QCOMPARE(session()->cursor(), steps - 3);

  press(Qt::Key_Home);
  press(Qt::Key_Space); // plays along the steps already taken first: nothing new is read until the end
  QVERIFY(session()->playing());
  QTRY_VERIFY(session()->cursor() >= 3);
  press(Qt::Key_Space);
  QVERIFY(!session()->playing());
  QVERIFY(session()->cursor() < session()->steps());
  QVERIFY(session()->steps() >= steps - 2);
}

void TestExplorerKeys::clickACharacterThenStep() {
  auto *text = m_window->findChild<TextView *>();
  QVERIFY(text);
  text->refreshNow();
  const int index = session()->steps() / 2;
  QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, text->characterRect(index).center());
  QCOMPARE(session()->cursor(), index);
  const int steps = session()->steps();
  press(Qt::Key_Right);
  QCOMPARE(session()->cursor(), index + 1);
  press(Qt::Key_Left);
  press(Qt::Key_Left);
  QCOMPARE(session()->cursor(), index - 1);
  QCOMPARE(session()->steps(), steps);
}

void TestExplorerKeys::keysWorkAfterClickingAPlotOrAButtonButNotInATextField() {
  const int cursor = session()->cursor();
  auto *heatmaps = m_window->findChild<GateHeatmapView *>();
  QVERIFY(heatmaps && heatmaps->isVisible());
  // A click on a plot may move the cursor; the keys then move it from there.
  QTest::mouseClick(heatmaps, Qt::LeftButton, {}, QPoint(2, 2));
  const int afterClick = session()->cursor();
  press(Qt::Key_Left);
  QCOMPARE(session()->cursor(), std::max(afterClick - 1, 0));

  // A list keeps Home and End for itself, unless the window's keys come first.
  auto *list = m_window->findChild<QAbstractItemView *>(QStringLiteral("interventionList"));
  QVERIFY(list && list->isVisible());
  QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, QPoint(4, 4));
  QTRY_VERIFY(list->hasFocus());
  press(Qt::Key_Home);
  QCOMPARE(session()->cursor(), 0);
  press(Qt::Key_End);
  QCOMPARE(session()->cursor(), session()->steps() - 1);
  Q_UNUSED(cursor);

  auto *speed = m_window->findChild<QSpinBox *>(QStringLiteral("playRateSpin"));
  QVERIFY(speed && speed->isVisible());
  QTest::mouseClick(speed, Qt::LeftButton, {}, QPoint(speed->width() / 3, speed->height() / 2));
  QTRY_VERIFY(speed->hasFocus());
  const int steps = session()->steps();
  press(Qt::Key_Left); // the spin box's own cursor key now
  press(Qt::Key_Home);
  QCOMPARE(session()->cursor(), steps - 1);
  QCOMPARE(session()->steps(), steps);
}

void TestExplorerKeys::pageKeysDriveTheLessonFromASpinBox() {
  const QStringList lessons = LessonPanel::shippedLessons();
  QVERIFY(!lessons.isEmpty());
  QVERIFY(m_window->startLesson(lessons.front()));
  LessonRunner *runner = m_window->lessonPanel()->runner();
  QTRY_COMPARE(runner->currentStep(), 0);
  auto *speed = m_window->findChild<QSpinBox *>(QStringLiteral("playRateSpin"));
  QTest::mouseClick(speed, Qt::LeftButton, {}, QPoint(speed->width() / 3, speed->height() / 2));
  QTRY_VERIFY(speed->hasFocus());
  const int rate = speed->value();
  press(Qt::Key_PageDown);
  QTRY_COMPARE(runner->currentStep(), 1);
  press(Qt::Key_PageUp);
  QTRY_COMPARE(runner->currentStep(), 0);
  QCOMPARE(speed->value(), rate);
}

void TestExplorerKeys::wheelLeavesUnclickedControlsAlone() {
  auto *speed = m_window->findChild<QSpinBox *>(QStringLiteral("playRateSpin"));
  QVERIFY(speed && !speed->hasFocus());
  const int rate = speed->value();
  const auto wheel = [&] {
    const QPointF local(speed->width() / 2.0, speed->height() / 2.0);
    QWheelEvent event(local, speed->mapToGlobal(local), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(speed, &event);
  };
  wheel();
  QCOMPARE(speed->value(), rate);
  QTest::mouseClick(speed, Qt::LeftButton, {}, QPoint(speed->width() / 3, speed->height() / 2));
  QTRY_VERIFY(speed->hasFocus());
  wheel(); // clicked into: the wheel is the user's way to change it
  QVERIFY(speed->value() != rate);
}

QTEST_MAIN(TestExplorerKeys)
#include "tst_explorer_keys.moc"
