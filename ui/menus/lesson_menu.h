#pragma once
// The main window's Lessons menu: the shipped lessons by title, in the current lesson language, then "Open lesson
// file…". Texts are the main window's (context "lstm::MainWindow").
#include <functional>

class QMenu;
class QString;
class QWidget;

namespace lstm {

// Fills `menu` afresh with one action per shipped lesson and "Open lesson file…" (which asks for a file with
// `parent` as the dialog's parent); choosing either calls `start` with the lesson file. Call it again on every
// opening of the menu so the titles are in the current language.
void fillLessonMenu(QMenu *menu, QWidget *parent, const std::function<void(const QString &path)> &start);

} // namespace lstm
