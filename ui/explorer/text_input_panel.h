#pragma once
// Where the user gives the model text to read: replace the text (state reset), append to it, or read it all.
// Characters the model does not know are refused with a message naming them; nothing else changes.
#include <QWidget>

class QPlainTextEdit;
class QPushButton;

namespace lstm {

class ExplorerSession;

class TextInputPanel : public QWidget {
  Q_OBJECT
public:
  explicit TextInputPanel(ExplorerSession *session, QWidget *parent = nullptr);

private:
  void replaceText();
  void appendText();

  ExplorerSession *m_session;
  QPlainTextEdit *m_edit;
  QPushButton *m_replace, *m_append, *m_readAll;
};

} // namespace lstm
