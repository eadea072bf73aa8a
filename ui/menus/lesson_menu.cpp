#include "lesson_menu.h"

#include "common/dialogs.h"
#include "explore/guided_lesson.h"
#include "lessons/lesson_panel.h"

#include <QCoreApplication>
#include <QMenu>

namespace lstm {

void fillLessonMenu(QMenu *menu, QWidget *parent, const std::function<void(const QString &path)> &start) {
  menu->clear();
  for (const QString &path : LessonPanel::shippedLessons()) {
    const auto lesson = GuidedLesson::load(path, nullptr);
    if (!lesson)
      continue; // a damaged build; the panel's chooser names the problem
    menu->addAction(lesson->title.in(currentLessonLanguage()), parent, [start, path] { start(path); });
  }
  menu->addSeparator();
  menu->addAction(QCoreApplication::translate("lstm::MainWindow", "Open lesson file…"), parent, [parent, start] {
    const QString path = dialogs::openFile(parent, QCoreApplication::translate("lstm::MainWindow", "Open lesson"),
                                           QCoreApplication::translate("lstm::MainWindow", "Lessons (*.json);;All files (*)"));
    if (!path.isEmpty())
      start(path);
  })->setObjectName(QStringLiteral("openLessonAction"));
}

} // namespace lstm
