// Small controls of the explorer as a user meets them, from a first launch of the real window with the mouse and
// keyboard: a number typed into the Unit box selects that unit once (not each prefix of it), the unit traces' own
// box follows the selection, and "Read this text" with an empty box keeps the loaded text and says why.
#include "common/dialogs.h"
#include "explorer/explorer_session.h"
#include "first_launch_window.h"
#include "main_window.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <memory>
#include <set>

using namespace lstm;

class TestExplorerControls : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
  void init();
  void cleanup();
  void typedUnitIsSelectedOnce();
  void emptyReadKeepsTheText();

private:
  void clickInto(QWidget *widget);
  ExplorerSession *session() const { return m_window->session(); }
  std::unique_ptr<MainWindow> m_window;
};

void TestExplorerControls::init() {
  test::openFirstLaunchWindow(m_window);
  if (QTest::currentTestFailed())
    return;
}

void TestExplorerControls::cleanup() {
  m_window.reset();
  dialogs::setHooks({});
}

void TestExplorerControls::clickInto(QWidget *widget) {
  QVERIFY(widget && widget->isVisible());
  QTest::mouseClick(widget, Qt::LeftButton, {}, QPoint(widget->width() / 3, widget->height() / 2));
  QTRY_VERIFY(widget->hasFocus());
}

void TestExplorerControls::typedUnitIsSelectedOnce() {
  QVERIFY(session()->units() > 12);
  const std::vector<int> before = session()->tracedUnits();
  auto *unit = m_window->findChild<QSpinBox *>(QStringLiteral("unitSpin"));
  clickInto(unit);
  QTest::keyClick(m_window->windowHandle(), Qt::Key_A, Qt::ControlModifier);
  QTest::keyClick(m_window->windowHandle(), Qt::Key_1);
  QTest::keyClick(m_window->windowHandle(), Qt::Key_2);
  QCOMPARE(session()->tracedUnits(), before); // nothing yet: "1" was only on its way to "12"
  QTest::keyClick(m_window->windowHandle(), Qt::Key_Return);
  QCOMPARE(session()->selectedUnit(), 12);
  std::set<int> expected(before.begin(), before.end());
  expected.insert(12);
  const std::vector<int> &traced = session()->tracedUnits();
  QCOMPARE(std::set<int>(traced.begin(), traced.end()), expected);
  // The traces' own box offers the selected unit.
  auto *add = m_window->findChild<QSpinBox *>(QStringLiteral("addUnitSpin"));
  QVERIFY(add);
  QTRY_COMPARE(add->value(), 12);
}

void TestExplorerControls::emptyReadKeepsTheText() {
  const QString text = session()->tapeText();
  const int steps = session()->steps();
  QVERIFY(!text.isEmpty());
  auto *edit = m_window->findChild<QPlainTextEdit *>(QStringLiteral("primerEdit"));
  auto *read = m_window->findChild<QPushButton *>(QStringLiteral("replaceTextButton"));
  QVERIFY(edit && read);
  if (!edit->isVisible())
    QSKIP("the text input panel is not on screen in the first-launch layout");
  clickInto(edit);
  QTest::keyClick(m_window->windowHandle(), Qt::Key_A, Qt::ControlModifier);
  QTest::keyClick(m_window->windowHandle(), Qt::Key_Delete);
  QVERIFY(edit->toPlainText().isEmpty());
  QTest::mouseClick(read, Qt::LeftButton);
  QCOMPARE(session()->tapeText(), text);
  QCOMPARE(session()->steps(), steps);
  QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("empty")),
           qPrintable(m_window->statusBar()->currentMessage()));
}

QTEST_MAIN(TestExplorerControls)
#include "tst_explorer_controls.moc"
