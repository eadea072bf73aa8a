#pragma once
// Every modal question the UI asks goes through here, so GUI tests can answer it (set hooks) instead of a human.
#include <QString>

#include <functional>

class QDialog;
class QWidget;

namespace lstm::dialogs {

// A file to open; empty when cancelled.
QString openFile(QWidget *parent, const QString &caption, const QString &filter);
// A file to write; empty when cancelled. `suggested` is the proposed path.
QString saveFile(QWidget *parent, const QString &caption, const QString &suggested, const QString &filter);
// Tells the user something went wrong: one sentence that names the file and the problem.
void error(QWidget *parent, const QString &title, const QString &text);

enum class SaveChoice { Save, Discard, Cancel };
// Asks whether to save unsaved work before it is lost (Save / Discard / Cancel; Escape is Cancel).
SaveChoice askToSave(QWidget *parent, const QString &title, const QString &text);
// The same question about work that goes on while it is open (a running training): its text is `text()`, read
// again a few times a second while the question is open so its numbers stay current. A test hook gets text().
SaveChoice askToSave(QWidget *parent, const QString &title, const std::function<QString()> &text);

// Runs a modal dialog of the window's own (the example gallery …) and returns its result code.
int exec(QDialog &dialog);

// Members default to empty (= {}) so a test may set the first few positionally and leave the rest.
struct Hooks {
  std::function<QString(const QString &caption)> openFile = {};
  std::function<QString(const QString &caption, const QString &suggested)> saveFile = {};
  std::function<void(const QString &text)> error = {};
  std::function<SaveChoice(const QString &text)> askToSave = {};
  std::function<int(QDialog &dialog)> exec = {}; // e.g. choose in the dialog, then return dialog.result()
};
// Test hook: non-empty members replace the real dialogs until cleared with setHooks({}).
void setHooks(Hooks hooks);

} // namespace lstm::dialogs
