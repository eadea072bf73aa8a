// MainWindow's classroom parts: the lesson and gradient-flow docks, presentation mode, the lessons and language
// menus.
#include "main_window.h"

#include "common/language.h"
#include "guide/first_launch_guide.h"
#include "explorer/drive_toolbar.h"
#include "explorer/explorer_session.h"
#include "explorer/gradient_flow_view.h"
#include "lessons/lesson_panel.h"
#include "lessons/lesson_runner.h"
#include "menus/lesson_menu.h"
#include "opening/model_opener.h"
#include "presentation_mode.h"
#include "workspaces.h"

#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>

namespace lstm {

void MainWindow::createClassroomDocks() {
  m_lessons = new LessonPanel(m_session);
  m_lessons->setObjectName(QStringLiteral("lessonPanel"));
  // A lesson step opens its model the way File ▸ Open does (primer, lesson unit, a series' data for the
  // Forecast dock), then sets its own text and selection on top; failures go to the panel, not a dialog.
  m_lessons->runner()->setOpener(
      [this](const QString &path, QString *error) { return m_opener->open(path, error); });
  connect(m_lessons, &LessonPanel::viewRequested, this, &MainWindow::showDock);
  QDockWidget *lessonDock = addDock(m_lessons, QT_TR_NOOP("Lesson"), QStringLiteral("lessonDock"), Qt::LeftDockWidgetArea);

  m_gradientFlow = new GradientFlowView(m_session);
  addDock(m_gradientFlow, QT_TR_NOOP("Gradient flow"), QStringLiteral("gradientFlowDock"), Qt::BottomDockWidgetArea);
  QStringList views; // every dock but the lesson's own may be brought forward by a step
  for (const QDockWidget *dock : findChildren<QDockWidget *>())
    if (dock != lessonDock)
      views << dock->objectName();
  m_lessons->setViewNames(views);
}

void MainWindow::addClassroomMenus(QMenu *view) {
  // Presentation keeps the text, the cell diagram and the heatmaps (shown as one map),
  // in an arrangement of its own.
  m_presentation = new PresentationMode(
      this, Workspaces::presentedDocks(),
      {m_driveBar->previousStepAction(), m_driveBar->playAction(), m_driveBar->nextStepAction()}, this);
  m_presentation->setArrangement([this](bool presenting) {
    presenting ? m_workspaces->arrangePresentation() : m_workspaces->endPresentation();
  });
  view->addSeparator();
  view->addAction(m_presentation->toggleAction());
  view->addAction(m_presentation->hideAdvancedAction());

  QMenu *lessons = m_texts.menu(menuBar()->addMenu(QString()), QT_TR_NOOP("&Lessons"));
  const auto start = [this](const QString &path) { startLesson(path); };
  // Rebuilt on every opening, so the titles are in the current language.
  connect(lessons, &QMenu::aboutToShow, this, [this, lessons, start] { fillLessonMenu(lessons, this, start); });
  fillLessonMenu(lessons, this, start);

  QMenu *settings = m_texts.menu(menuBar()->addMenu(QString()), QT_TR_NOOP("&Settings"));
  settings->addMenu(createLanguageMenu(this));
}

bool MainWindow::startLesson(const QString &path) {
  if (m_workspaces->current() != Workspace::Teach)
    m_workspaces->switchTo(Workspace::Teach); // the lesson's own column, beside the views it talks about
  showDock(QStringLiteral("lessonDock"));
  if (m_guide->isVisible())
    m_guide->dismiss(); // a lesson is where the guide leads: it would only cover the views the lesson talks about
  return m_lessons->openLesson(path);
}

void MainWindow::showDock(const QString &objectName) {
  if (auto *dock = findChild<QDockWidget *>(objectName)) {
    dock->show();
    dock->raise();
    if (m_guide->isVisible())
      m_guide->raise(); // the card stays above the view a lesson step brings forward
  }
}

} // namespace lstm
