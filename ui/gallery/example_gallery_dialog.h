#pragma once
// File ▸ Open example: the shipped example models listed by title, the selected one described (what to look
// at, which unit to select, the model's shape, what it was trained on and how). The caller loads the examples
// (loadExamples) and opens the chosen one (openExample); the dialog only chooses.
#include "gallery/example_gallery.h"

#include <QDialog>
#include <QString>

#include <optional>
#include <vector>

class QListWidget;
class QPushButton;
class QTextBrowser;

namespace lstm {

// Rich text describing `entry` for the gallery (every piece of file text HTML-escaped).
QString exampleDescriptionHtml(const ExampleEntry &entry);

class ExampleGalleryDialog : public QDialog {
  Q_OBJECT
public:
  // The first entry starts selected; with none the dialog says so and Open is disabled.
  explicit ExampleGalleryDialog(std::vector<ExampleEntry> entries, QWidget *parent = nullptr);

  // The entry accepted with Open or a double-click; nullopt before that or after Cancel.
  std::optional<ExampleEntry> chosen() const;
  int currentIndex() const; // −1 with no entries

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void onCurrentRowChanged(int row);
  void openRow(int row);

  std::vector<ExampleEntry> m_entries;
  std::optional<ExampleEntry> m_chosen;
  QListWidget *m_list = nullptr;
  QTextBrowser *m_description = nullptr;
  QPushButton *m_openButton = nullptr;
};

} // namespace lstm
