#include "help_menu.h"

#include "common/translated_texts.h"
#include "guide/user_guide_dialog.h"

#include <QCoreApplication>
#include <QMenu>
#include <QMessageBox>

namespace lstm {

namespace {
QString shortcutText() {
  return QCoreApplication::translate("lstm::MainWindow",
                                     "→  next step (at the last one: read or write one more character)\n"
                                     "←  previous step (nothing is undone)\nHome / End  first / last step\n"
                                     "Space  play / pause from the inspected step\n"
                                     "Backspace or Ctrl+Z  drop the last step (exact undo)\n"
                                     "Ctrl+R  reset the state\nCtrl+O  open a model\n"
                                     "F11  presentation mode (Esc leaves)\nPage Down / Page Up  next / previous lesson step\n"
                                     "Click a character, heatmap cell or plot: inspect that step\n"
                                     "Click a heatmap row: select that unit");
}
} // namespace

void fillHelpMenu(QMenu *help, QWidget *window, TranslatedTexts &texts, const std::function<void()> &showGuide) {
  texts.action(help->addAction(QString(), window, showGuide), QT_TRANSLATE_NOOP("lstm::MainWindow", "&Getting started"))
      ->setObjectName(QStringLiteral("gettingStartedAction"));
  QAction *guide = texts.action(help->addAction(QString(), window, [window] {
    auto *dialog = window->findChild<UserGuideDialog *>(QStringLiteral("userGuideDialog"));
    if (!dialog)
      dialog = new UserGuideDialog(window);
    dialog->show();
    dialog->raise();
  }), QT_TRANSLATE_NOOP("lstm::MainWindow", "&User guide"));
  guide->setObjectName(QStringLiteral("userGuideAction"));
  guide->setShortcut(QKeySequence::HelpContents);
  texts.action(help->addAction(QString(), window, [window] {
    QMessageBox::information(window, QCoreApplication::translate("lstm::MainWindow", "Keyboard shortcuts"), shortcutText());
  }), QT_TRANSLATE_NOOP("lstm::MainWindow", "&Keyboard shortcuts"))->setObjectName(QStringLiteral("shortcutsAction"));
}

} // namespace lstm
