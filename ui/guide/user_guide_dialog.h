#pragma once
// Help ▸ User guide: the bundled guide (resources/help/user-guide.<language>.html, drawn from the README's user
// sections) in a browser window that does not block the explorer. It follows a language switch. GUI thread.
#include <QDialog>

class QTextBrowser;

namespace lstm {

class UserGuideDialog : public QDialog {
  Q_OBJECT
public:
  explicit UserGuideDialog(QWidget *parent);

  // The resource shown for a UI language: ":/help/user-guide.zh_CN.html" for "zh…", else the English one.
  static QString guideResource(const QString &language);
  QTextBrowser *browser() const { return m_browser; }

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();

  QTextBrowser *m_browser;
};

} // namespace lstm
