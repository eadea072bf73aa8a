// The classroom on the real MainWindow: switching the language to Chinese and back retranslates the
// title, the menus and the lesson text in place without touching the session; presentation mode (F11) reduces the
// layout and restores it exactly; every shipped lesson runs start to end through the lesson dock's Next button
// (each step opens its model, selects its unit, applies its interventions, raises its view); and File ▸ Export ▸
// Figure writes a PNG of the asked size through its dialog.
#include "common/problem_text.h"
#include "common/dialogs.h"
#include "common/export_figure_dialog.h"
#include "common/language.h"
#include "explore/guided_lesson.h"
#include "explorer/explorer_session.h"
#include "explorer/gradient_flow_view.h"
#include "lessons/lesson_panel.h"
#include "lessons/lesson_runner.h"
#include "main_window.h"
#include "presentation_mode.h"
#include "ui_test_helpers.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QImageReader>
#include <QMenuBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace lstm;

namespace {
bool hasChinese(const QString &text) {
  for (QChar c : text)
    if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
      return true;
  return false;
}
QStringList menuTitles(QMainWindow &window) {
  QStringList titles;
  for (QAction *action : window.menuBar()->actions())
    titles << action->text();
  return titles;
}
} // namespace

class TestClassroomWindow : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void init();
  void cleanup();
  void languageSwitchKeepsTheSession();
  void presentationTogglesAndRestores();
  void lessonRunsStartToEnd_data();
  void lessonRunsStartToEnd();
  void gradientLessonShowsTheFlow();
  void exportFigureFromTheMenu();

private:
  std::unique_ptr<MainWindow> m_window;
  QStringList m_errors;
};

void TestClassroomWindow::initTestCase() {
  QStandardPaths::setTestModeEnabled(true);
  QVERIFY(applyLanguage(QStringLiteral("en")));
}

void TestClassroomWindow::init() {
  m_errors.clear();
  dialogs::setHooks({{}, {}, [this](const QString &text) { m_errors << text; }});
  m_window = std::make_unique<MainWindow>();
  m_window->resize(1400, 900);
  m_window->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
  QVERIFY(m_window->openDefaultModel());
}

void TestClassroomWindow::cleanup() {
  m_window.reset();
  dialogs::setHooks({});
  applyLanguage(QStringLiteral("en"));
  QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(QLatin1Char('\n'))));
}

void TestClassroomWindow::languageSwitchKeepsTheSession() {
  QVERIFY(m_window->startLesson(LessonPanel::shippedLessons().front()));
  auto *lessonText = m_window->findChild<QTextBrowser *>(QStringLiteral("lessonText"));
  QVERIFY(lessonText);
  const QString title = m_window->windowTitle(), text = lessonText->toPlainText();
  const QStringList menus = menuTitles(*m_window);
  auto *interventionsDock = m_window->findChild<QDockWidget *>(QStringLiteral("interventionsDock"));
  const QString dockTitle = interventionsDock->windowTitle();
  ExplorerSession *session = m_window->session();
  const int steps = session->steps(), unit = session->selectedUnit();
  const QString tape = session->tapeText();
  QVERIFY(!hasChinese(title) && !hasChinese(text) && !hasChinese(menus.join(QString())));

  QVERIFY(applyLanguage(QStringLiteral("zh_CN")));
  QTRY_VERIFY(hasChinese(m_window->windowTitle()));
  QVERIFY2(hasChinese(menuTitles(*m_window).front()), qPrintable(menuTitles(*m_window).join(QLatin1Char(' '))));
  QVERIFY(hasChinese(interventionsDock->windowTitle()));
  QTRY_VERIFY(hasChinese(lessonText->toPlainText()));
  test::savePng(*m_window, QStringLiteral("classroom-zh.png"));
  // The session is untouched: same model, text, steps and selection.
  QCOMPARE(session->steps(), steps);
  QCOMPARE(session->selectedUnit(), unit);
  QCOMPARE(session->tapeText(), tape);

  QVERIFY(applyLanguage(QStringLiteral("en")));
  QTRY_COMPARE(m_window->windowTitle(), title);
  QCOMPARE(menuTitles(*m_window), menus);
  QCOMPARE(interventionsDock->windowTitle(), dockTitle);
  QTRY_COMPARE(lessonText->toPlainText(), text);
  QCOMPARE(session->steps(), steps);
}

void TestClassroomWindow::presentationTogglesAndRestores() {
  const QStringList layout = test::dockLayout(*m_window);
  const QFont font = m_window->font();
  const auto visibleDocks = [this] {
    QStringList names;
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
      if (dock->isVisible())
        names << dock->objectName();
    names.sort();
    return names;
  };
  const QStringList docksBefore = visibleDocks();
  QVERIFY(docksBefore.size() > 3);

  QTest::keyClick(m_window.get(), Qt::Key_F11);
  QTRY_VERIFY(m_window->presentationMode()->isActive());
  QVERIFY(m_window->windowState() & Qt::WindowFullScreen);
  QTRY_COMPARE(visibleDocks(), (QStringList{QStringLiteral("cellDiagramDock"), QStringLiteral("heatmapDock")}));
  QVERIFY(m_window->centralWidget()->isVisible());
  QVERIFY(m_window->font().pointSizeF() > font.pointSizeF() * 1.3);
  test::savePng(*m_window, QStringLiteral("classroom-presentation.png"));
  // The keyboard alone drives it: ← and → move the inspected step even with the toolbars and menus hidden.
  ExplorerSession *session = m_window->session();
  const int steps = session->steps(), cursor = session->cursor();
  QTest::keyClick(m_window.get(), Qt::Key_Left);
  QTRY_COMPARE(session->cursor(), cursor - 1);
  QTest::keyClick(m_window.get(), Qt::Key_Right);
  QTRY_COMPARE(session->cursor(), cursor);
  QCOMPARE(session->steps(), steps);

  QTest::keyClick(m_window.get(), Qt::Key_Escape);
  QTRY_VERIFY(!m_window->presentationMode()->isActive());
  QVERIFY(!(m_window->windowState() & Qt::WindowFullScreen));
  QTRY_COMPARE(test::dockLayout(*m_window), layout);
  QCOMPARE(m_window->font(), font);
  QCOMPARE(visibleDocks(), docksBefore);
}

void TestClassroomWindow::lessonRunsStartToEnd_data() {
  QTest::addColumn<QString>("path");
  for (const QString &path : LessonPanel::shippedLessons())
    QTest::newRow(qPrintable(path)) << path;
}

void TestClassroomWindow::lessonRunsStartToEnd() {
  QFETCH(QString, path);
  Problem problem;
  const auto lesson = GuidedLesson::load(path, &problem);
  QVERIFY2(lesson, qPrintable(problemText(problem)));
  QVERIFY(m_window->startLesson(path));
  auto *next = m_window->findChild<QPushButton *>(QStringLiteral("lessonNextButton"));
  QVERIFY(next);
  ExplorerSession *session = m_window->session();
  for (int step = 0; step < int(lesson->steps.size()); ++step) {
    if (step > 0) {
      QVERIFY(next->isEnabled());
      QTest::mouseClick(next, Qt::LeftButton);
    }
    QTRY_COMPARE(m_window->lessonPanel()->runner()->currentStep(), step);
    QVERIFY2(m_window->lessonPanel()->errorText().isEmpty(), qPrintable(m_window->lessonPanel()->errorText()));
    const LessonState state = lesson->stateAt(step);
    if (!state.model.isEmpty())
      QCOMPARE(session->modelSource(), state.model);
    if (state.layer >= 0)
      QCOMPARE(session->selectedLayer(), state.layer);
    if (state.unit >= 0)
      QCOMPARE(session->selectedUnit(), state.unit);
    if (state.quantity)
      QCOMPARE(session->selectedQuantity(), *state.quantity);
    QCOMPARE(session->interventions(), state.interventions);
    QTRY_VERIFY(session->steps() > 0); // a series model's data arrives from a worker thread
    if (!state.view.isEmpty()) {
      auto *dock = m_window->findChild<QDockWidget *>(state.view);
      QVERIFY2(dock && dock->isVisible(), qPrintable(state.view));
    }
  }
  QVERIFY(!next->isEnabled()); // the last step
}

void TestClassroomWindow::gradientLessonShowsTheFlow() {
  QString path;
  for (const QString &candidate : LessonPanel::shippedLessons())
    if (candidate.contains(QStringLiteral("gradient")))
      path = candidate;
  QVERIFY(!path.isEmpty());
  QVERIFY(m_window->startLesson(path));
  auto *next = m_window->findChild<QPushButton *>(QStringLiteral("lessonNextButton"));
  auto *flowDock = m_window->findChild<QDockWidget *>(QStringLiteral("gradientFlowDock"));
  while (!flowDock->isVisible() && next->isEnabled())
    QTest::mouseClick(next, Qt::LeftButton);
  QVERIFY(flowDock->isVisible());
  GradientFlowView *view = m_window->gradientFlowView();
  view->refreshNow();
  QVERIFY(view->cellFlow().size() > 1);
  for (double value : view->cellFlow())
    QVERIFY(std::isfinite(value));
}

void TestClassroomWindow::exportFigureFromTheMenu() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("window.png"));
  dialogs::setHooks({{},
                     [&path](const QString &, const QString &) { return path; },
                     [this](const QString &text) { m_errors << text; },
                     {},
                     [](QDialog &dialog) {
                       auto *figure = qobject_cast<ExportFigureDialog *>(&dialog);
                       if (!figure)
                         return int(QDialog::Rejected);
                       figure->findChild<QComboBox *>(QStringLiteral("figureFormatCombo"))->setCurrentIndex(0);
                       auto *aspect = figure->findChild<QCheckBox *>(QStringLiteral("figureAspectCheck"));
                       if (aspect)
                         aspect->setChecked(false);
                       figure->findChild<QSpinBox *>(QStringLiteral("figureWidthSpin"))->setValue(1920);
                       figure->findChild<QSpinBox *>(QStringLiteral("figureHeightSpin"))->setValue(1080);
                       figure->accept();
                       return figure->result();
                     }});
  auto *action = m_window->findChild<QAction *>(QStringLiteral("exportFigureAction"));
  QVERIFY(action);
  action->trigger();
  QImageReader reader(path);
  QCOMPARE(reader.size(), QSize(1920, 1080));
}

QTEST_MAIN(TestClassroomWindow)
#include "tst_classroom_window.moc"
