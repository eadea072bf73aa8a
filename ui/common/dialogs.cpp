#include "dialogs.h"

#include <QDialog>
#include <QFileDialog>
#include <QMessageBox>
#include <QTimer>

namespace lstm::dialogs {

namespace {
Hooks &hooks() {
  static Hooks instance;
  return instance;
}
} // namespace

void setHooks(Hooks replacement) { hooks() = std::move(replacement); }

int exec(QDialog &dialog) {
  if (hooks().exec)
    return hooks().exec(dialog);
  return dialog.exec();
}

QString openFile(QWidget *parent, const QString &caption, const QString &filter) {
  if (hooks().openFile)
    return hooks().openFile(caption);
  return QFileDialog::getOpenFileName(parent, caption, QString(), filter);
}

QString saveFile(QWidget *parent, const QString &caption, const QString &suggested, const QString &filter) {
  if (hooks().saveFile)
    return hooks().saveFile(caption, suggested);
  return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

void error(QWidget *parent, const QString &title, const QString &text) {
  if (hooks().error) {
    hooks().error(text);
    return;
  }
  QMessageBox::warning(parent, title, text);
}

SaveChoice askToSave(QWidget *parent, const QString &title, const QString &text) {
  if (hooks().askToSave)
    return hooks().askToSave(text);
  const auto answer = QMessageBox::question(parent, title, text,
                                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                            QMessageBox::Save);
  return answer == QMessageBox::Save      ? SaveChoice::Save
         : answer == QMessageBox::Discard ? SaveChoice::Discard
                                          : SaveChoice::Cancel;
}

SaveChoice askToSave(QWidget *parent, const QString &title, const std::function<QString()> &text) {
  if (hooks().askToSave)
    return hooks().askToSave(text());
  QMessageBox box(QMessageBox::Question, title, text(), QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                  parent);
  box.setDefaultButton(QMessageBox::Save);
  box.setEscapeButton(QMessageBox::Cancel);
  QTimer refresh; // the work goes on behind the question: its numbers follow, a few times a second
  refresh.setInterval(250);
  QObject::connect(&refresh, &QTimer::timeout, &box, [&box, &text] {
    if (const QString now = text(); now != box.text())
      box.setText(now);
  });
  refresh.start();
  const int answer = box.exec();
  return answer == QMessageBox::Save      ? SaveChoice::Save
         : answer == QMessageBox::Discard ? SaveChoice::Discard
                                          : SaveChoice::Cancel;
}

} // namespace lstm::dialogs
